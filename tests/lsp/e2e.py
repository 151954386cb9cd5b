#!/usr/bin/env python3
"""End-to-end test of `copydesk server` with a real LSP client (pygls).

    python3 tests/lsp/e2e.py [path/to/copydesk]     (default target/debug/copydesk)

Needs `pygls` 2 (and its `lsprotocol`): `.ci/run` installs them in a venv.
In a temporary workspace of two articles written here, it opens an article
with a date-order error and mojibake, receives the diagnostics, applies the
mojibake quick fix, types a sentence that contradicts the other article,
receives the contradiction with related information pointing there, and
hovers the figure. Prints one line per step and "N passed, N failed".
"""
import asyncio
import os
import sys
import tempfile
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[2]

OTHER = """---
title: Heat pump market
publish_date: 2024-02-10
---
Sales of residential heat pumps fell 17% in 2023, the installers' association said.
"""

OPEN = """---
title: Notes on home heating
publish_date: 2024-06-01
created_date: 2024-08-20
---
Our crew spent the winter on a rÃ©novation of older houses.
"""

SENTENCE = "Sales of residential heat pumps fell 5% in 2023."

TIMEOUT = 30


def to_offset(text, pos):
    """Byte-free offset (in Python characters) of an LSP position (UTF-16)."""
    lines = text.split("\n")
    before = sum(len(l) + 1 for l in lines[: pos.line])
    line = lines[pos.line] if pos.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= pos.character:
            return before + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return before + len(line)


def apply_edits(text, edits):
    spans = sorted(
        ((to_offset(text, e.range.start), to_offset(text, e.range.end), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


class Run:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok: {name}")
        else:
            self.failed += 1
            print(f"FAILED: {name} {detail}")
        return ok


async def main(binary):
    run = Run()
    workspace = Path(tempfile.mkdtemp(prefix="copydesk-lsp-e2e-"))
    (workspace / "other.md").write_text(OTHER, encoding="utf-8")
    (workspace / "open.md").write_text(OPEN, encoding="utf-8")
    open_uri = (workspace / "open.md").as_uri()
    other_uri = (workspace / "other.md").as_uri()

    client = LanguageClient("copydesk-e2e", "1")
    published = {}
    arrived = asyncio.Condition()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    async def on_diagnostics(params):
        async with arrived:
            published[(params.uri, params.version)] = params.diagnostics
            arrived.notify_all()

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def on_log(params):
        print(f"  server: {params.message}")

    async def diagnostics(version):
        async with arrived:
            await asyncio.wait_for(
                arrived.wait_for(lambda: (open_uri, version) in published), TIMEOUT
            )
            return published[(open_uri, version)]

    await client.start_io(
        binary, "server", "--today", "2026-01-01", "--no-cache", cwd=str(workspace)
    )
    await asyncio.wait_for(
        client.initialize_async(
            types.InitializeParams(
                process_id=os.getpid(),
                root_uri=workspace.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="ws")],
                capabilities=types.ClientCapabilities(),
                initialization_options={"failLevel": "error", "claims": True},
            )
        ),
        TIMEOUT,
    )
    client.initialized(types.InitializedParams())

    # 1. Open: a date-order error and mojibake.
    text = OPEN
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=open_uri, language_id="markdown", version=1, text=text
            )
        )
    )
    found = await diagnostics(1)
    codes = sorted(str(d.code) for d in found)
    run.check("diagnostics on open: date-order and mojibake", codes == ["date-order", "mojibake"], codes)
    date = next((d for d in found if d.code == "date-order"), None)
    run.check(
        "date-order is an error on the created_date line",
        date is not None
        and date.severity == types.DiagnosticSeverity.Error
        and date.range.start.line == 3,
        date,
    )

    # 2. The mojibake quick fix.
    mojibake = next(d for d in found if d.code == "mojibake")
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=open_uri),
                range=mojibake.range,
                context=types.CodeActionContext(diagnostics=[mojibake]),
            )
        ),
        TIMEOUT,
    )
    quick = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.is_preferred]
    run.check("a preferred quick fix for the mojibake", len(quick) == 1, [a.title for a in actions or []])
    titles = [a.title for a in actions or []]
    run.check(
        "disable actions for the line and the file",
        "Disable `mojibake` on this line" in titles and "Disable `mojibake` in this file" in titles,
        titles,
    )
    text = apply_edits(text, quick[0].edit.changes[open_uri])
    version = 2
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=open_uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    found = await diagnostics(version)
    codes = sorted(str(d.code) for d in found)
    run.check("the fix repairs the word", "rénovation" in text and codes == ["date-order"], (codes, text))

    # 3. Type a contradicting sentence, a few words at a time.
    text = text + "\n"
    words = SENTENCE.split(" ")
    for i in range(1, len(words) + 1):
        version += 1
        typed = text + " ".join(words[:i]) + ("\n" if i == len(words) else "")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=open_uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=typed)],
            )
        )
    text = typed
    found = await diagnostics(version)
    conflict = next((d for d in found if str(d.code).startswith("claim-")), None)
    run.check("the contradiction is reported", conflict is not None, [d.code for d in found])
    related = [r for r in (conflict.related_information or []) if r.location.uri == other_uri] if conflict else []
    run.check(
        "its related information points at the other article's figure",
        len(related) == 1
        and related[0].location.range.start.line == 4
        and related[0].location.range.start.character == OTHER.splitlines()[4].index("17%"),
        conflict,
    )

    # 4. Hover the figure.
    line = text.splitlines().index(SENTENCE)
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=open_uri),
                position=types.Position(line=line, character=SENTENCE.index("5%")),
            )
        ),
        TIMEOUT,
    )
    value = hover.contents.value if hover else ""
    run.check(
        "hover shows the reading and the other article's claim",
        "5%" in value and "other.md" in value and "17%" in value,
        value,
    )

    await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
    client.exit(None)
    await asyncio.wait_for(client.stop(), TIMEOUT)
    print(f"e2e: {run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target" / "debug" / "copydesk")
    sys.exit(asyncio.run(main(os.path.abspath(binary))))
