#!/usr/bin/env python3
"""Assert what `copydesk check --format json` must report on the two seed articles.

Usage: assert_seeds.py REPORT.json
"""
import json
import sys

report = json.load(open(sys.argv[1]))
diags = report["diagnostics"]
failures = []


def found(rule, file_part, line=None):
    return [
        d for d in diags
        if d["rule"] == rule and file_part in d["path"] and (line is None or d["line"] == line)
    ]


for seed in ("000_cfdc4168942ad750.txt", "004_01e147cee20f9728.txt"):
    for rule in ("date-order", "read-time-mismatch"):
        if not found(rule, seed):
            failures.append(f"{rule} not reported in {seed}")

if not found("mojibake", "004_01e147cee20f9728.txt", 25):
    failures.append("mojibake not reported at 004_01e147cee20f9728.txt line 25")
if found("mojibake", "000_cfdc4168942ad750.txt"):
    failures.append("mojibake reported in 000_cfdc4168942ad750.txt, whose dashes are correct")

if failures:
    print("seed assertions failed:")
    for f in failures:
        print("  -", f)
    sys.exit(1)
print(f"seed assertions passed ({len(diags)} findings)")
