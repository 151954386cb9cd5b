//! Throughput of the mojibake engine: reads every file under a directory into memory, runs
//! `fix` over each, and prints MB/s as the median of 5 passes (I/O is not timed). Also times
//! what the `mojibake` rule does per file (`may_contain`, then `find` and `find_unrepairable`
//! where it may contain mojibake), `may_contain` alone, and `find` over the files that `fix`
//! leaves unchanged (clean text).
//!
//! ```text
//! python3 ../shared/bench/gen_corpus.py --out /tmp/bench-corpus --count 10000 --seed 1
//! cargo run --release --example mojibake_throughput -- /tmp/bench-corpus
//! python3 scripts/ftfy_throughput.py /tmp/bench-corpus
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

const RUNS: usize = 5;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: mojibake_throughput DIR")?;
    let mut paths = Vec::new();
    collect(Path::new(&dir), &mut paths)?;
    paths.sort();
    let mut texts = Vec::with_capacity(paths.len());
    for p in &paths {
        texts.push(std::fs::read_to_string(p)?);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut times = Vec::with_capacity(RUNS);
    let mut changed = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        changed = 0;
        for t in &texts {
            if let std::borrow::Cow::Owned(_) = copydesk::mojibake::fix(t) {
                changed += 1;
            }
        }
        times.push(start.elapsed().as_secs_f64());
    }
    let median = median(times);
    let mb = bytes as f64 / 1e6;
    println!(
        "copydesk mojibake::fix: {} files, {mb:.1} MB, {changed} changed, median {median:.3} s of {RUNS} runs, {:.1} MB/s",
        texts.len(),
        mb / median
    );

    let all: Vec<&str> = texts.iter().map(String::as_str).collect();
    let clean: Vec<&str> = all
        .iter()
        .copied()
        .filter(|t| matches!(copydesk::mojibake::fix(t), std::borrow::Cow::Borrowed(_)))
        .collect();
    let clean_mb = clean.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    report(
        "rule (may_contain, find, find_unrepairable)",
        &all,
        mb,
        |t| {
            if copydesk::mojibake::may_contain(t) {
                copydesk::mojibake::find(t).len() + copydesk::mojibake::find_unrepairable(t).len()
            } else {
                0
            }
        },
    );
    report("rule with analyse", &all, mb, |t| {
        if copydesk::mojibake::may_contain(t) {
            let (repairs, lossy) = copydesk::mojibake::analyse(t);
            repairs.len() + lossy.len()
        } else {
            0
        }
    });
    report("may_contain", &all, mb, |t| {
        usize::from(copydesk::mojibake::may_contain(t))
    });
    report("find on clean files", &clean, clean_mb, |t| {
        copydesk::mojibake::find(t).len()
    });
    Ok(())
}

/// Median of `times` (seconds).
fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Times `f` over every text, RUNS times, and prints the median throughput.
fn report(what: &str, texts: &[&str], mb: f64, f: impl Fn(&str) -> usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut total = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        total = texts.iter().map(|t| f(t)).sum::<usize>();
        times.push(start.elapsed().as_secs_f64());
    }
    let median = median(times);
    println!(
        "copydesk mojibake {what}: {} files, {mb:.1} MB, {total} found, median {median:.3} s, {:.1} MB/s",
        texts.len(),
        mb / median
    );
}
