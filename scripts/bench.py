#!/usr/bin/env python3
"""Benchmark `copydesk check` end to end on a generated corpus.

    python3 scripts/bench.py [--count 10000] [--seed 1] [--runs 5] [--corpus DIR]
                             [--format json|short|human] [--partial REL]
                             [-- extra check args]

Writes the corpus with ../shared/bench/gen_corpus.py (10,000 articles of
600-1,800 words with front matter; --count 10000 --seed 1 is the reference
corpus our figures are quoted on) unless it already exists, builds copydesk in
release mode, runs `copydesk check` over it --runs times with all rules on,
and prints the median wall time, throughput (MB/s) and peak memory (max RSS).

--partial REL times what a pre-commit hook does instead: `copydesk check
--corpus DIR DIR/REL` (one named article against the whole corpus), after one
untimed run that fills the claims cache (kept in a temporary folder).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")


def corpus_bytes(path):
    total = 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            total += os.path.getsize(os.path.join(dirpath, n))
    return total


def ensure_corpus(corpus, count, seed):
    """Writes the generated corpus to `corpus` unless it exists."""
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, GEN, "--out", corpus, "--count", str(count), "--seed", str(seed)], check=True)


def build():
    """Builds copydesk in release mode; returns the binary's path."""
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "copydesk")


def timed(cmd):
    """Wall seconds and peak RSS (KiB) of one run of `cmd` (a copydesk command)."""
    start = time.perf_counter()
    # GNU time reports the peak RSS of copydesk alone (not of cargo).
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr.decode()[:2000]}")
    return wall, int(proc.stderr.decode().strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--format", default="json", help="report format of the timed runs (default json)")
    ap.add_argument("--partial", default=None, metavar="REL")
    ap.add_argument("extra", nargs="*")
    args = ap.parse_args()
    corpus = args.corpus or f"/tmp/copydesk-bench-{args.count}-{args.seed}"
    ensure_corpus(corpus, args.count, args.seed)
    binary = build()
    size = corpus_bytes(corpus)
    cmd = [binary, "check", "--format", args.format, "--today", "2026-11-21", corpus] + args.extra
    if args.partial:
        cache = tempfile.mkdtemp(prefix="copydesk-bench-cache-")
        cmd = [binary, "check", "--format", "short", "--today", "2026-11-21", "--cache-dir", cache,
               "--corpus", corpus, os.path.join(corpus, args.partial)] + args.extra
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs = [timed(cmd) for _ in range(args.runs)]
    times = [wall for wall, _ in runs]
    peak_kib = max(kib for _, kib in runs)
    median = statistics.median(times)
    print(f"corpus: {corpus} ({args.count} files, {size / 1e6:.1f} MB)")
    print(f"command: {' '.join(cmd)}")
    print(f"runs: {', '.join(f'{t:.3f}' for t in times)} s")
    print(f"median: {median:.3f} s  throughput: {size / 1e6 / median:.1f} MB/s  peak RSS: {peak_kib / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
