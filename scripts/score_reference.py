#!/usr/bin/env python3
"""Score the claims rules on the synthetic reference corpus and fail below
the floor: planted recall >= 0.95 and precision >= 0.9.

    python3 scripts/score_reference.py BIN [--shared ../shared] [--out target/reference]

Writes the corpus (gen_corpus.py --count 10000 --seed 1) under --out unless
it is already there, runs `BIN check --format json --no-cache` on it and
scores the report with ../shared/bench/score_claims.py.
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--shared", default=os.path.join("..", "shared"))
    ap.add_argument("--out", default=os.path.join("target", "reference"))
    a = ap.parse_args()
    corpus = os.path.join(a.out, "corpus")
    planted = os.path.join(a.out, "contradictions.tsv")
    if not os.path.isdir(corpus):
        subprocess.run(
            [sys.executable, os.path.join(a.shared, "bench", "gen_corpus.py"), "--out", corpus,
             "--count", "10000", "--seed", "1", "--contradictions", planted],
            check=True,
        )
    report = os.path.join(a.out, "report.json")
    with open(report, "w") as f:
        code = subprocess.run([a.bin, "check", "--format", "json", "--no-cache", corpus], stdout=f).returncode
    if code not in (0, 1):
        sys.exit(f"copydesk exited {code}")
    out = subprocess.run(
        [sys.executable, os.path.join(a.shared, "bench", "score_claims.py"), report, planted, corpus],
        check=True, capture_output=True, text=True,
    ).stdout
    print(out)
    m = re.search(r"recall ([\d.]+)% .*precision ([\d.]+)%", out)
    if not m:
        sys.exit("no score line in the scorer's output")
    recall, precision = float(m.group(1)) / 100, float(m.group(2)) / 100
    if recall < 0.95 or precision < 0.9:
        sys.exit(f"below the floor: recall {recall:.3f} (>= 0.95), precision {precision:.3f} (>= 0.9)")
    print(f"ok: recall {recall:.3f}, precision {precision:.3f}")


if __name__ == "__main__":
    main()
