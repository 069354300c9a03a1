#!/usr/bin/env python3
"""Browser-engine reference for bidi (bidirectional text) visual token order.

Usage:
    python3 scripts/bidi_reference.py FILE [--out OUT.json]

What it does
------------
Each non-empty line of FILE (UTF-8; a trailing "\\r" is stripped; a line made
only of whitespace counts as empty) is rendered by headless Chromium as its own
block:

    <div dir="auto" style="white-space: nowrap;
         font-family: 'DejaVu Sans', sans-serif; font-size: 16px">

A line's tokens are its maximal runs of non-whitespace characters, where
"whitespace" is exactly Rust's `char::is_whitespace` (Unicode White_Space).
Token i (numbered from 0 in logical order) is wrapped in its own <span>; the
original whitespace between tokens is kept as text nodes.

JavaScript in the page then, for each token, builds a DOM Range covering the
token's first code point and takes `getBoundingClientRect().left` as the
token's x position. Sorting token indices by x (ties by index) gives the visual
order, left to right. The line direction is `div.matches(':dir(rtl)')`.
All lines of FILE go in one HTML page; the page writes its results as JSON into
<pre id="out">, and the script reads them back with `chromium --dump-dom`, so no
webdriver is needed.

Output (to --out or stdout) is one JSON array, one object per non-empty line,
written one object per text line:

    [
    {"line": N, "dir": "rtl"|"ltr", "visual": [i, j, ...]},
    ...
    ]

where N is the 1-based line number in FILE.

The generated *.reference.json files are committed next to their inputs under
tests/fixtures/bidi/, so the Rust tests compare against them and never need
Chromium. Re-run this script (with Debian's `chromium` installed) only when the
input lines change.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Rust `char::is_whitespace` == Unicode White_Space property.
RUST_WHITESPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + ["\u0020", "\u0085", "\u00a0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)

DIV_STYLE = "white-space: nowrap; font-family: 'DejaVu Sans', sans-serif; font-size: 16px"

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

PAGE_SCRIPT = r"""
(function () {
  var results = [];
  var divs = document.querySelectorAll('div.bidi-line');
  for (var d = 0; d < divs.length; d++) {
    var div = divs[d];
    var spans = div.querySelectorAll('span');
    var xs = [];
    var texts = [];
    for (var i = 0; i < spans.length; i++) {
      var node = spans[i].firstChild;
      var text = node.data;
      var cp = text.codePointAt(0);
      var len = cp > 0xFFFF ? 2 : 1;
      var range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, len);
      xs.push(range.getBoundingClientRect().left);
      texts.push(text);
    }
    var order = [];
    for (var i = 0; i < xs.length; i++) order.push(i);
    order.sort(function (a, b) { return (xs[a] - xs[b]) || (a - b); });
    results.push({
      line: parseInt(div.getAttribute('data-line'), 10),
      dir: div.matches(':dir(rtl)') ? 'rtl' : 'ltr',
      visual: order,
      texts: texts
    });
  }
  document.getElementById('out').textContent = JSON.stringify(results);
})();
"""

OUT_START = "<!--BIDI-OUT-START-->"
OUT_END = "<!--BIDI-OUT-END-->"


def die(msg: str, code: int = 2) -> "NoReturn":  # type: ignore[name-defined]
    print(f"bidi_reference.py: error: {msg}", file=sys.stderr)
    sys.exit(code)


def tokenize(line: str) -> list[tuple[bool, str]]:
    """Split into alternating (is_token, text) pieces covering the whole line."""
    pieces: list[tuple[bool, str]] = []
    cur = ""
    cur_tok = None
    for ch in line:
        is_tok = ch not in RUST_WHITESPACE
        if cur_tok is None or is_tok == cur_tok:
            cur += ch
        else:
            pieces.append((cur_tok, cur))
            cur = ch
        cur_tok = is_tok
    if cur:
        pieces.append((bool(cur_tok), cur))
    return pieces


def escape_text(s: str) -> str:
    # The HTML parser turns a raw CR into LF; a character reference keeps it.
    return html.escape(s, quote=True).replace("\r", "&#13;")


def read_lines(path: Path) -> list[tuple[int, str, list[str]]]:
    """Return (1-based line number, line, tokens) for each non-empty line."""
    try:
        data = path.read_bytes()
    except OSError as e:
        die(f"cannot read {path}: {e}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        die(f"{path} is not valid UTF-8: {e}")
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if all(ch in RUST_WHITESPACE for ch in line):
            continue
        tokens = [t for is_tok, t in tokenize(line) if is_tok]
        out.append((n, line, tokens))
    return out


def build_page(lines: list[tuple[int, str, list[str]]]) -> str:
    parts = [
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>bidi reference</title></head>\n<body>\n"
    ]
    for n, line, _tokens in lines:
        parts.append(f'<div class="bidi-line" data-line="{n}" dir="auto" style="{DIV_STYLE}">')
        for is_tok, piece in tokenize(line):
            if is_tok:
                parts.append(f"<span>{escape_text(piece)}</span>")
            else:
                parts.append(escape_text(piece))
        parts.append("</div>\n")
    parts.append(f'{OUT_START}<pre id="out"></pre>{OUT_END}\n')
    parts.append(f"<script>{PAGE_SCRIPT}</script>\n</body></html>\n")
    return "".join(parts)


def find_chromium() -> str:
    env = os.environ.get("CHROMIUM")
    if env:
        if shutil.which(env) or Path(env).is_file():
            return env
        die(f"CHROMIUM={env!r} does not point to an executable")
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    die(
        "chromium not found (looked for: " + ", ".join(CHROMIUM_CANDIDATES) + "; or set CHROMIUM=path).\n"
        "Install it, e.g. `apt-get install chromium` on Debian. Note: the committed\n"
        "*.reference.json files mean tests never need Chromium.",
        code=3,
    )


def run_chromium(chromium: str, page: str, timeout: float) -> str:
    with tempfile.TemporaryDirectory(prefix="bidi_ref_") as tmp:
        page_path = Path(tmp) / "page.html"
        page_path.write_text(page, encoding="utf-8")
        profile = Path(tmp) / "profile"
        profile.mkdir()
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page_path.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            die(f"chromium timed out after {timeout}s")
        except OSError as e:
            die(f"cannot run {chromium}: {e}", code=3)
        dom = proc.stdout.decode("utf-8", errors="replace")
        if proc.returncode != 0 or OUT_START not in dom:
            err = proc.stderr.decode("utf-8", errors="replace")[-2000:]
            die(f"chromium failed (exit {proc.returncode}); stderr tail:\n{err}")
        return dom


def extract_results(dom: str) -> list[dict]:
    start = dom.index(OUT_START) + len(OUT_START)
    end = dom.index(OUT_END, start)
    chunk = dom[start:end]
    inner_start = chunk.index(">") + 1
    inner_end = chunk.rindex("</pre>")
    raw = html.unescape(chunk[inner_start:inner_end])
    if not raw.strip():
        die("page script produced no output (JavaScript did not run?)")
    return json.loads(raw)


def main() -> int:
    ap = argparse.ArgumentParser(description="Chromium reference for bidi visual token order.")
    ap.add_argument("file", type=Path, help="UTF-8 text file, one test line per line")
    ap.add_argument("--out", type=Path, help="write JSON here instead of stdout")
    ap.add_argument("--timeout", type=float, default=600.0, help="chromium timeout in seconds")
    args = ap.parse_args()

    chromium = find_chromium()
    lines = read_lines(args.file)
    results: list[dict] = []
    if lines:
        dom = run_chromium(chromium, build_page(lines), args.timeout)
        results = extract_results(dom)
        # Cross-check that Chromium saw exactly the lines and tokens we sent.
        if len(results) != len(lines):
            die(f"expected {len(lines)} results, got {len(results)}")
        for (n, _line, tokens), res in zip(lines, results):
            if res["line"] != n:
                die(f"line number mismatch: expected {n}, got {res['line']}")
            if res["texts"] != tokens:
                die(f"line {n}: tokens seen by chromium differ from ours:\n{res['texts']!r}\n{tokens!r}")
            if sorted(res["visual"]) != list(range(len(tokens))):
                die(f"line {n}: visual order is not a permutation: {res['visual']}")

    objs = [{"line": r["line"], "dir": r["dir"], "visual": r["visual"]} for r in results]
    text = "[\n" + ",\n".join(json.dumps(o, ensure_ascii=False) for o in objs) + ("\n]\n" if objs else "]\n")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
