#!/usr/bin/env python3
"""Time ftfy.fix_encoding over every file under a directory and print MB/s.

Companion to `cargo run --release --example mojibake_throughput -- DIR`: both read the same
files up front, time only the repair (not the I/O), repeat the pass RUNS times and report the
median, so the two figures compare like with like.

    pip install ftfy
    python3 scripts/ftfy_throughput.py DIR [--runs 5]
"""

import argparse
import os
import statistics
import sys
import time

try:
    import ftfy
except ImportError:
    sys.exit("ftfy is not installed: pip install ftfy")


def read_all(root):
    texts = []
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in sorted(filenames):
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                texts.append(f.read())
    return texts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    texts = read_all(args.dir)
    total = sum(len(t.encode("utf-8")) for t in texts)
    times = []
    changed = 0
    for _ in range(args.runs):
        start = time.perf_counter()
        changed = 0
        for t in texts:
            if ftfy.fix_encoding(t) != t:
                changed += 1
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    mb = total / 1e6
    print(
        f"ftfy {ftfy.__version__} fix_encoding: {len(texts)} files, {mb:.1f} MB, "
        f"{changed} changed, median {median:.3f} s of {args.runs} runs, {mb / median:.1f} MB/s"
    )


if __name__ == "__main__":
    main()
