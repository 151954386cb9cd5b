#!/usr/bin/env python3
"""Score the claims rules on the held-out article sets in eval/heldout.

    python3 scripts/score_heldout.py [BIN] [--shared ../shared] [--sets h83 h84 ...] [-v]

Each set is ten articles written for copydesk by a separate session from
eval/heldout/PROMPT.md, with its answer key (EXPECTED.yaml: 10 planted
contradictions, about 10 near misses). Each set is scored with the real
set's scorer (../shared/corpus/real/score_claims.py); the script prints
each set's line and the totals: planted contradictions found, findings
that match no planted pair ("unmatched") and near misses flagged.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def score(scorer, binary, folder):
    out = subprocess.run(
        [sys.executable, scorer, folder, "--cmd", f"{binary} check --format json --no-cache {{dir}}"],
        capture_output=True, text=True, check=False,
    ).stdout
    found = re.search(r"recall:\s+\S+\s+\((\d+) of (\d+)", out)
    # "precision: n/a (no scored findings)  (0 of 0 ...)" when nothing is found.
    scored = re.search(r"precision:.*?\((\d+) of (\d+) scored", out)
    near = re.search(r"near-miss false positives: (\d+)", out)
    if not (found and scored and near):
        sys.exit(f"unexpected scorer output for {folder}:\n{out}")
    matched, total = int(scored.group(1)), int(scored.group(2))
    return int(found.group(1)), int(found.group(2)), total - matched, int(near.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin", nargs="?", default=os.path.join(ROOT, "target", "release", "copydesk"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--sets", nargs="*", help="set names (default: all)")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per set")
    a = ap.parse_args()
    scorer = os.path.join(a.shared, "corpus", "real", "score_claims.py")
    if not os.path.isfile(scorer):
        sys.exit(f"{scorer} not found (the team's shared data)")
    base = os.path.join(ROOT, "eval", "heldout")
    sets = a.sets or sorted(
        (d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d))),
        key=lambda d: int(d.lstrip("h")),
    )
    totals = [0, 0, 0, 0]
    for name in sets:
        row = score(scorer, a.bin, os.path.join(base, name))
        totals = [t + x for t, x in zip(totals, row)]
        if a.verbose:
            print(f"{name}: {row[0]}/{row[1]} found, {row[2]} unmatched, {row[3]} near misses")
    found, planted, unmatched, near = totals
    print(f"{len(sets)} sets: {found}/{planted} planted contradictions found, "
          f"{unmatched} unmatched findings, {near} near misses flagged")


if __name__ == "__main__":
    main()
