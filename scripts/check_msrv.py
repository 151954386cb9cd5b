#!/usr/bin/env python3
"""Fail when a dependency in Cargo.lock needs a newer Rust than the
`rust-version` that Cargo.toml declares, so the declared minimum stays true.

Usage: python3 scripts/check_msrv.py   (from the repository root)
"""
import json
import subprocess
import sys


def version(text):
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    meta = json.loads(
        subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--locked"])
    )
    root = next(p for p in meta["packages"] if p["name"] == "copydesk")
    declared = root.get("rust_version")
    if not declared:
        sys.exit("Cargo.toml declares no rust-version")
    newer = [
        f"{p['name']} {p['version']} needs Rust {p['rust_version']}"
        for p in meta["packages"]
        if p.get("rust_version") and version(p["rust_version"]) > version(declared)
    ]
    if newer:
        sys.exit(f"rust-version {declared} is too old:\n  " + "\n  ".join(newer))
    print(f"ok: every dependency builds with the declared rust-version {declared}")


if __name__ == "__main__":
    main()
