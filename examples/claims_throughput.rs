//! Measures claims extraction and comparison throughput over a directory of
//! Markdown articles (recursively).
//!
//! ```text
//! python3 /work/shared/bench/gen_corpus.py --out /tmp/bench-corpus --count 10000 --seed 1
//! cargo run --release --example claims_throughput -- /tmp/bench-corpus
//! cargo run --release --example claims_throughput -- /tmp/bench-corpus --dump /tmp/claims.txt
//! ```
//!
//! `--dump FILE` writes every claim and conflict, one per line, so a change
//! meant to be a pure optimisation can be checked with `diff`.
//!
//! Blocks are found with a deliberately simple splitter (blank-line separated
//! paragraphs after the front matter, headings, fences and image lines
//! skipped), so the figure measures the claims engine, not a Markdown parser.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

use copydesk::claims::{Claim, Conflict, Lexicon, ProseInput, Terms, Tolerances, compare, extract};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
            out.push(p);
        }
    }
}

/// Body start and publish date from a leading `---` front matter block.
fn front_matter(text: &str) -> (usize, Option<chrono::NaiveDate>) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (0, None);
    };
    let mut pos = 4;
    let mut date = None;
    for line in rest.split_inclusive('\n') {
        pos += line.len();
        if line.trim_end() == "---" {
            return (pos, date);
        }
        if let Some(v) = line.strip_prefix("publish_date:") {
            date = chrono::NaiveDate::parse_from_str(v.trim().trim_matches('"'), "%Y-%m-%d").ok();
        }
    }
    (0, None)
}

/// Blank-line separated paragraphs; headings, fences and images skipped.
fn blocks(text: &str, body: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = body;
    let mut in_fence = false;
    for line in text[body..].split_inclusive('\n') {
        let t = line.trim();
        let skip = t.starts_with('#') || t.starts_with("![") || t.starts_with("```") || in_fence;
        if t.starts_with("```") {
            in_fence = !in_fence;
        }
        if t.is_empty() || skip {
            if let Some(s) = start.take() {
                out.push(s..pos);
            }
        } else if t.starts_with("- ") {
            // Each list item is its own block.
            if let Some(s) = start.take() {
                out.push(s..pos);
            }
            let indent = line.len() - line.trim_start().len();
            out.push(pos + indent + 2..pos + line.trim_end().len());
        } else if start.is_none() {
            start = Some(pos);
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(s..pos);
    }
    out
}

/// CPU time of the calling thread in seconds (user + system), from
/// `/proc/thread-self/stat`; `None` off Linux. On a busy machine it is a
/// steadier figure than wall time.
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces): utime is the
    // 12th, stime the 13th; both in clock ticks (100 per second on Linux).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn join(terms: Terms) -> String {
    terms
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes every claim and every conflict, one per line.
fn dump(path: &str, texts: &[String], claims: &[Vec<Claim>], conflicts: &[Conflict]) {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (d, doc) in claims.iter().enumerate() {
        for c in doc {
            let s = &c.subject;
            let _ = writeln!(
                out,
                "{d}\t{:?}\t{:?}\t{}\t{}\t{}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{}\t{}\t{}\t{:?}\t{:?}\t{}\t{}\t{:?}\t{:?}\t{:?}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                c.span,
                c.context,
                c.value,
                c.low,
                c.high,
                c.unit,
                c.per,
                c.hedge,
                c.form,
                c.from,
                c.mantissa,
                c.scale,
                c.direction,
                c.period,
                s.metric,
                join(s.terms),
                join(s.base),
                s.geo,
                s.aggregate,
                s.level,
                s.anaphoric,
                s.inherited,
                s.display(),
                c.describe(),
                c.figure(&texts[d]),
                c.quote(&texts[d]),
                &texts[d][c.span.clone()],
            );
        }
    }
    for c in conflicts {
        let _ = writeln!(
            out,
            "{:?}\t{}:{}\t{}:{}\t{:.2}",
            c.kind, c.a.doc, c.a.claim, c.b.doc, c.b.claim, c.confidence
        );
    }
    std::fs::write(path, out).expect("dump file is writable");
}

fn cpu_since(start: Option<f64>) -> f64 {
    match (start, thread_cpu()) {
        (Some(a), Some(b)) => b - a,
        _ => f64::NAN,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/tmp/bench-corpus".to_string());
    let dump_path = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1).cloned());
    let mut paths = Vec::new();
    files_under(Path::new(&dir), &mut paths);
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let prepared: Vec<(Vec<Range<usize>>, Option<chrono::NaiveDate>)> = texts
        .iter()
        .map(|t| {
            let (body, date) = front_matter(t);
            (blocks(t, body), date)
        })
        .collect();
    let lexicon = Lexicon::builtin();

    let run = |range: Range<usize>| -> Vec<Vec<Claim>> {
        range
            .map(|i| {
                let (b, date) = &prepared[i];
                let input = ProseInput {
                    text: &texts[i],
                    blocks: b,
                    masked: &[],
                    publish_date: *date,
                    topic: &[],
                    title: None,
                };
                extract(&input, &lexicon)
            })
            .collect()
    };

    let (t0, c0) = (Instant::now(), thread_cpu());
    let claims = run(0..texts.len());
    let (single, single_cpu) = (t0.elapsed(), cpu_since(c0));

    let t1 = Instant::now();
    let half = texts.len() / 2;
    let (left, right) = std::thread::scope(|s| {
        let l = s.spawn(|| run(0..half));
        let r = s.spawn(|| run(half..texts.len()));
        (
            l.join().expect("worker finished"),
            r.join().expect("worker finished"),
        )
    });
    let two = t1.elapsed();
    assert_eq!(left.len() + right.len(), claims.len());

    let (t2, c2) = (Instant::now(), thread_cpu());
    let conflicts = compare(&claims, &Tolerances::default());
    let (cmp, cmp_cpu) = (t2.elapsed(), cpu_since(c2));

    let mb = bytes as f64 / 1e6;
    let n_claims: usize = claims.iter().map(Vec::len).sum();
    println!(
        "files: {}  size: {mb:.1} MB  claims: {n_claims}  conflicts: {}",
        texts.len(),
        conflicts.len()
    );
    // What the results hold on to (heap bytes, allocator overhead aside).
    let claim_bytes: usize = claims
        .iter()
        .map(|c| c.capacity() * std::mem::size_of::<Claim>())
        .sum();
    // Messages are worded on demand, so a conflict is only two references.
    let conflict_bytes: usize = conflicts.capacity() * std::mem::size_of::<Conflict>();
    println!(
        "retained: claims {:.1} MB ({} B each)  conflicts {:.1} MB",
        claim_bytes as f64 / 1e6,
        std::mem::size_of::<Claim>(),
        conflict_bytes as f64 / 1e6
    );
    println!(
        "extract, 1 thread:  {:.3} s  {:.0} MB/s  (CPU {:.2} s  {:.0} MB/s)",
        single.as_secs_f64(),
        mb / single.as_secs_f64(),
        single_cpu,
        mb / single_cpu
    );
    println!(
        "extract, 2 threads: {:.3} s  {:.0} MB/s",
        two.as_secs_f64(),
        mb / two.as_secs_f64()
    );
    println!(
        "compare:            {:.3} s  (CPU {:.2} s)",
        cmp.as_secs_f64(),
        cmp_cpu
    );
    println!(
        "extract (2 threads) + compare: {:.3} s  {:.0} MB/s",
        (two + cmp).as_secs_f64(),
        mb / (two + cmp).as_secs_f64()
    );
    if let Some(path) = dump_path {
        dump(&path, &texts, &claims, &conflicts);
    }
}
