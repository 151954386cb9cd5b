//! The claims pass on its own, in process: extraction of every article and
//! the cross-article comparison, each timed over several rounds, so changes
//! to either can be measured without the noise of a whole `copydesk check`.
//!
//!     cargo bench --bench claims [-- CORPUS_DIR [ROUNDS]]
//!
//! CORPUS_DIR defaults to the reference corpus that `scripts/bench.py`
//! writes (`/tmp/copydesk-bench-10000-1`, from `gen_corpus.py --count 10000
//! --seed 1`). Prints the median and minimum of each step.

use copydesk::claims::{Lexicon, compare};
use copydesk::config::Config;
use copydesk::engine::claims_pass::extract_claims;
use copydesk::source::{FileId, SourceFile, WalkOptions, decode_vec, walk};
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dir = PathBuf::from(
        args.first()
            .cloned()
            .unwrap_or_else(|| "/tmp/copydesk-bench-10000-1".into()),
    );
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    if !dir.is_dir() {
        eprintln!(
            "no corpus at {}: run `python3 scripts/bench.py --runs 1` first, or name one",
            dir.display()
        );
        std::process::exit(2);
    }
    let (paths, _) = walk(&[dir], &WalkOptions::default()).expect("default globs");
    let files: Vec<SourceFile> = paths
        .par_iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let decoded = decode_vec(std::fs::read(p).ok()?).ok()?;
            Some(SourceFile {
                id: FileId(i as u32),
                path: p.clone(),
                display: p.display().to_string(),
                decoded,
            })
        })
        .collect();
    let bytes: usize = files.iter().map(|f| f.text().len()).sum();
    let config = Config::default();
    let tolerances = Lexicon::builtin().tolerances();
    let root = std::env::temp_dir();
    let mut extracting = Vec::new();
    let mut comparing = Vec::new();
    let mut found = (0, 0);
    for _ in 0..rounds {
        let start = Instant::now();
        let claims = extract_claims(&files, &copydesk::rules::registry::REGISTRY, &config, &root)
            .expect("built-in lexicon");
        extracting.push(start.elapsed());
        let start = Instant::now();
        let conflicts = compare(&claims, &tolerances);
        comparing.push(start.elapsed());
        found = (claims.iter().map(Vec::len).sum(), conflicts.len());
    }
    println!(
        "{} articles, {:.1} MB, {} claims, {} conflicts, {rounds} rounds",
        files.len(),
        bytes as f64 / 1e6,
        found.0,
        found.1
    );
    report("extract (parse + claims)", &mut extracting, bytes);
    report("compare", &mut comparing, bytes);
}

fn report(step: &str, times: &mut [Duration], bytes: usize) {
    times.sort();
    let median = times[times.len() / 2].as_secs_f64();
    let min = times[0].as_secs_f64();
    println!(
        "{step:<26} median {median:.3} s  min {min:.3} s  ({:.0} MB/s at the median)",
        bytes as f64 / 1e6 / median
    );
}
