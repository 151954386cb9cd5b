#!/usr/bin/env python3
"""Benchmark `copydesk server` on a large workspace.

    python3 scripts/bench_server.py [--corpus DIR] [--edits 25]
                                    [--article REL] [--cold]

Without --corpus, writes the reference corpus (10,000 articles, seed 1) with
../shared/bench/gen_corpus.py to /tmp/copydesk-bench-10000-1 unless it is
there, as scripts/bench.py does. Builds copydesk in release mode, starts `copydesk server` under
`/usr/bin/time -v` with the corpus as its workspace (the claims cache in a
temporary folder, never in the corpus), and drives it over stdio:

1. initialize, then wait for the server's log line "indexed N articles":
   the indexing time at start. Without --cold, one untimed start fills the
   cache first, so the timed start is the usual one (cache warm).
2. open one article, then send --edits full-text changes, each adding or
   changing a sentence with a figure, and time each from didChange to the
   publishDiagnostics of that version.
3. shut down; report the median and spread of the edit times, the
   indexing time and the peak memory (max RSS).

A few lines of JSON-RPC framing live here so the benchmark needs nothing
but Python; the end-to-end test (tests/lsp/e2e.py) uses a real client.
"""
import argparse
from collections import Counter
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Peer:
    def __init__(self, cmd, cwd):
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.next_id = 0
        self.logs = []

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def recv(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        msg = json.loads(self.proc.stdout.read(length))
        if msg.get("method") in ("window/logMessage", "window/showMessage"):
            self.logs.append(msg["params"]["message"])
        return msg

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            msg = self.recv()
            if msg.get("id") == self.next_id and "method" not in msg:
                return msg

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, uri, version):
        while True:
            msg = self.recv()
            if msg.get("method") == "textDocument/publishDiagnostics":
                p = msg["params"]
                if p["uri"] == uri and p.get("version") == version:
                    return p["diagnostics"]

    def wait_log(self, pattern):
        while True:
            for line in self.logs:
                m = re.search(pattern, line)
                if m:
                    return m
            self.recv()


def start(binary, corpus, cache, today):
    cmd = ["/usr/bin/time", "-v", binary, "server", "--today", today, "--cache-dir", cache]
    peer = Peer(cmd, corpus)
    uri = "file://" + corpus
    started = time.perf_counter()
    peer.request("initialize", {"processId": None, "rootUri": uri,
                                "workspaceFolders": [{"uri": uri, "name": "bench"}],
                                "capabilities": {}})
    peer.notify("initialized", {})
    m = peer.wait_log(r"indexed (\d+) articles \((\d+) claims\) in (\d+) ms")
    wall = time.perf_counter() - started
    return peer, m, wall


def stop(peer):
    peer.request("shutdown", None)
    peer.notify("exit", None)
    _, err = peer.proc.communicate(timeout=60)
    rss = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", err)
    # COPYDESK_TIMINGS=1: the server's phases, median over the run.
    phases = {}
    for name, secs in re.findall(rb"copydesk: timing (.+?) ([0-9.]+)s", err):
        phases.setdefault(name.decode(), []).append(float(secs) * 1000)
    for name, ms in phases.items():
        print(f"  phase {name}: median {statistics.median(ms):.1f} ms over {len(ms)}")
    return int(rss.group(1)) if rss else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--edits", type=int, default=25)
    ap.add_argument("--article", default=None, help="article to edit, relative to the corpus")
    ap.add_argument("--cold", action="store_true", help="time the start with an empty claims cache")
    ap.add_argument("--today", default="2026-11-21")
    args = ap.parse_args()
    corpus = os.path.abspath(args.corpus or "/tmp/copydesk-bench-10000-1")
    if not os.path.isdir(corpus):
        gen = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
        subprocess.run([sys.executable, gen, "--out", corpus, "--count", "10000", "--seed", "1"],
                       check=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "copydesk")
    cache = tempfile.mkdtemp(prefix="copydesk-server-cache-")
    if not args.cold:
        peer, m, _ = start(binary, corpus, cache, args.today)
        stop(peer)
        print(f"cache filled: {m.group(1)} articles indexed in {m.group(3)} ms (cold start)")

    peer, m, wall = start(binary, corpus, cache, args.today)
    articles, claims, index_ms = int(m.group(1)), int(m.group(2)), int(m.group(3))
    state = "cold" if args.cold else "warm"
    print(f"indexing at start ({state} cache): {articles} articles, {claims} claims, "
          f"{index_ms} ms in the server, {wall * 1000:.0f} ms from initialize to the log line")

    rel = args.article
    if rel is None:
        rel = sorted(
            os.path.join(d, f) for d in sorted(os.listdir(corpus))
            if os.path.isdir(os.path.join(corpus, d))
            for f in os.listdir(os.path.join(corpus, d)) if f.endswith(".md"))[0]
    path = os.path.join(corpus, rel)
    text = open(path, encoding="utf-8").read()
    uri = "file://" + path
    t0 = time.perf_counter()
    peer.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    first = peer.wait_diagnostics(uri, 1)
    by_rule = Counter(str(d.get("code")) for d in first)
    cross = sum(1 for d in first for r in d.get("relatedInformation") or []
                if r["location"]["uri"] != uri)
    print(f"open {rel}: {len(first)} findings in {(time.perf_counter() - t0) * 1000:.1f} ms "
          f"({', '.join(f'{k} {v}' for k, v in by_rule.most_common())}; "
          f"{cross} related places in other articles)")

    times = []
    counts = []
    for i in range(args.edits):
        version = i + 2
        # A sentence whose figure changes each time, as a writer types it.
        edited = text + f"\nThe share of remote roles rose {10 + i}% in 2024.\n"
        t0 = time.perf_counter()
        peer.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": edited}]})
        found = peer.wait_diagnostics(uri, version)
        times.append((time.perf_counter() - t0) * 1000)
        counts.append(len(found))
    rss = stop(peer)
    times.sort()
    print(f"edits: {len(times)}, median {statistics.median(times):.1f} ms, "
          f"min {times[0]:.1f} ms, max {times[-1]:.1f} ms, "
          f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms; findings per edit {min(counts)}-{max(counts)}")
    if rss:
        print(f"peak memory (max RSS): {rss / 1024:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
