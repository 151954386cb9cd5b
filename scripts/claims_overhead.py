"""What the claims pass adds to a full `copydesk check`, cold and warm.

    python3 scripts/claims_overhead.py [--corpus DIR] [--runs 7]

Runs `copydesk check` on the corpus (default: the reference corpus,
`gen_corpus.py --count 10000 --seed 1`, written to /tmp if missing) with every
rule on and with the six claim rules off (scripts/no-claim-rules.yaml),
interleaved, each way cold (`--no-cache`) and warm (a claims cache filled by
an untimed run first), and prints the medians, the peak memory and how much
the claims pass adds, against the budgets of issue 10 (+50% cold, +15% warm).
"""
import argparse
import os
import shutil
import statistics
import tempfile

from bench import ROOT, build, ensure_corpus, timed

OFF = os.path.join(ROOT, "scripts", "no-claim-rules.yaml")
BUDGET = {"cold": 0.50, "warm": 0.15}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/tmp/copydesk-bench-10000-1")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    ensure_corpus(args.corpus, 10000, 1)
    binary = build()
    cache = tempfile.mkdtemp(prefix="copydesk-overhead-")
    try:
        base = [binary, "check", "--format", "short", "--today", "2026-11-21", args.corpus]
        cases = {
            ("cold", "on"): base + ["--no-cache"],
            ("cold", "off"): base + ["--no-cache", "--config", OFF],
            ("warm", "on"): base + ["--cache-dir", cache],
            ("warm", "off"): base + ["--cache-dir", cache, "--config", OFF],
        }
        timed(cases[("warm", "on")])  # fills the cache
        results = {case: [] for case in cases}
        for _ in range(args.runs):
            for case, cmd in cases.items():
                results[case].append(timed(cmd))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"corpus: {args.corpus}, {args.runs} runs each, interleaved")
    for kind in ("cold", "warm"):
        on = statistics.median(r[0] for r in results[(kind, "on")])
        off = statistics.median(r[0] for r in results[(kind, "off")])
        peak_on = max(r[1] for r in results[(kind, "on")]) / 1024
        peak_off = max(r[1] for r in results[(kind, "off")]) / 1024
        added = on / off - 1
        verdict = "within" if added <= BUDGET[kind] else "over"
        print(
            f"{kind}: claims on {on:.3f} s ({peak_on:.0f} MiB), off {off:.3f} s ({peak_off:.0f} MiB): "
            f"+{added:.0%} ({verdict} the +{BUDGET[kind]:.0%} budget)"
        )


if __name__ == "__main__":
    main()
