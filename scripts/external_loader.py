#!/usr/bin/env python3
"""Trunk post-build hook: move inline module scripts out of index.html.

The production Content-Security-Policy is `script-src 'self' 'wasm-unsafe-eval'`, which
refuses inline scripts. Each inline `<script type="module">` Trunk injects becomes a
content-hashed file next to the wasm, referenced by `src`.

Second step, release builds only: precompress the finished files (scripts/precompress.py).
"""
import hashlib
import os
import pathlib
import re
import sys

staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
inline = re.compile(r'<script type="module"( nonce="[^"]*")?>(.*?)</script>', re.S)


def externalise(match: re.Match) -> str:
    body = match.group(2).strip() + "\n"
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    name = f"loader-{digest}.js"
    (staging / name).write_text(body, encoding="utf-8")
    return f'<script type="module" src="{public_url}{name}"></script>'


html, count = inline.subn(externalise, html)
if "<script>" in html or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("external_loader: an inline script is left in index.html")
if count == 0:
    sys.exit("external_loader: Trunk's loader script was not found in index.html")
index.write_text(html, encoding="utf-8")
print(f"external_loader: moved {count} inline script(s) out of index.html")

# Step 2 lives here, not in a hook of its own: Trunk 0.22.1 runs a stage's hooks concurrently.
if os.environ.get("TRUNK_PROFILE") == "release":
    sys.dont_write_bytecode = True  # no scripts/__pycache__ left in the checkout
    from precompress import precompress  # scripts/ is on sys.path: it holds this script

    print(f"precompress: wrote .br and .gz for {precompress(staging)} file(s)")
