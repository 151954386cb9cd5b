#!/usr/bin/env python3
"""Pathological articles of about 1 MB each, one shape per file, each checked
alone (with --fix on a copy, the costlier path): wall time and peak memory
per shape, worst first. Issue 13 asks that no input of at most 1 MB take
more than 1 s or 256 MB.

    python3 scripts/stress.py [BINARY] [--size BYTES]

Exits 1 when a shape goes over either bound.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

FRONT = "---\ntitle: Stress\npublish_date: 2024-02-01\nread_time: 5 min\n---\n"


def fill(unit, size, head=FRONT, sep=""):
    """`head` then `unit` repeated (joined by `sep`) up to `size` bytes."""
    n = max(1, (size - len(head)) // (len(unit) + len(sep)))
    return head + sep.join([unit] * n) + "\n"


def shapes(size):
    """(name, text) of each pathological shape."""
    yield "one paragraph of images", fill("![a](b.png) ", size)
    yield "one long line of figures", fill("sales rose 12% in 2024 to $4.5 billion, ", size)
    yield "one sentence, no full stop", fill("and the share of firms grew ", size)
    yield "many short sentences", fill("Jobs rose 7%. ", size)
    yield "a figure per line", fill("Remote jobs grew 31% in 2023.", size, sep="\n")
    yield "dense mojibake", fill("Itâ€™s â€“ cafÃ© ", size)
    yield "mojibake look-alikes", fill("≤Å≥é ≈Ång “Αθ» ", size)
    yield "many headings", fill("## Heading 2024", size, sep="\n\n")
    yield "deep list nesting", FRONT + "".join("  " * min(i, 400) + "- item\n" for i in range(size // 420))
    yield "deep blockquotes", FRONT + ">" * (size - len(FRONT) - 10) + " x\n"
    yield "many front-matter keys", "---\n" + "".join(
        f"k{i}: v\n" for i in range(size // 10)
    ) + "---\nBody.\n"
    yield "duplicate front-matter keys", "---\n" + "title: a\n" * (size // 9) + "---\nBody.\n"
    yield "deep flow nesting", "---\nx: " + "[" * (size // 2) + "]" * (size // 2) + "\n---\nBody.\n"
    yield "long front-matter string", "---\ntitle: " + "a" * size + "\n---\nBody.\n"
    yield "many links", fill("[x](https://example.com/a) ", size)
    yield "many code spans", fill("`a` ", size)
    yield "unclosed emphasis", fill("*a _b ", size)
    yield "many HTML tags", fill("<span>", size)
    yield "many numbers", fill("1,234.5 ", size)
    yield "many years", fill("2019 2020 2021 ", size)
    yield "many percent ranges", fill("between 10% and 20% ", size)
    yield "many dates", fill("on 2024-01-05, ", size)
    yield "suppression comments", fill("<!-- copydesk-disable-next-line mojibake -->\n", size)
    yield "NUL-free control characters", fill("\x01\x02\x03 ", size)
    yield "CR line endings", FRONT.replace("\n", "\r") + "Jobs rose 7%.\r" * (size // 14)


def measure(binary, path, fix):
    args = [binary, "check", "--no-cache", "--format", "short", "--today", "2026-01-01"]
    if fix:
        args.append("--fix")
    start = time.perf_counter()
    proc = subprocess.Popen(
        ["/usr/bin/time", "-f", "%M"] + args + [path],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # Its own process group: on a timeout copydesk is killed too, not
        # only the `time` wrapper.
        start_new_session=True,
    )
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.communicate()
        return 60.0, float("nan"), "timeout"
    wall = time.perf_counter() - start
    peak = int(err.strip().splitlines()[-1]) / 1024
    return wall, peak, proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary", nargs="?", default="target/release/copydesk")
    ap.add_argument("--size", type=int, default=1_000_000)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in shapes(args.size):
            data = text.encode("utf-8")[: args.size]
            # Cut at a character boundary.
            data = data.decode("utf-8", "ignore").encode("utf-8")
            path = os.path.join(tmp, "a.md")
            worst = (0.0, 0.0, 0)
            for fix in (False, True):
                with open(path, "wb") as f:
                    f.write(data)
                wall, peak, code = measure(args.binary, path, fix)
                if code not in (0, 1):
                    worst = (wall, peak, code)
                    break
                worst = (max(worst[0], wall), max(worst[1], peak), code)
            rows.append((name, len(data)) + worst)
    rows.sort(key=lambda r: -r[2])
    bad = False
    print(f"{'shape':32} {'bytes':>9} {'wall s':>7} {'peak MB':>8}  exit")
    for name, size, wall, peak, code in rows:
        over = wall > 1.0 or peak > 256 or code not in (0, 1)
        bad |= over
        print(f"{name:32} {size:9d} {wall:7.3f} {peak:8.1f}  {code}{'  OVER' if over else ''}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
