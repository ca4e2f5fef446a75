#!/usr/bin/env python3
"""Writes BENCHMARKS.md from dist/ (sizes) and lattice-bench's JSON (timings)."""
import datetime
import gzip
import json
import os
import pathlib
import platform
import subprocess
import sys

dist = pathlib.Path(sys.argv[1])
timings = json.loads(sys.argv[2])


def sizes(paths):
    raw = sum(p.stat().st_size for p in paths)
    gz = sum(len(gzip.compress(p.read_bytes(), 9)) for p in paths)
    br = sum(len(subprocess.run(["brotli", "-c", "-q", "11", str(p)], capture_output=True, check=True).stdout) for p in paths)
    return raw, gz, br


def kib(n):
    return f"{n / 1024:,.1f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.2f} MiB"


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
rows = []
for label, pattern in [("wasm", "*.wasm"), ("JS (bindings + loader)", "*.js"), ("CSS", "*.css")]:
    files = sorted(dist.glob(pattern))
    raw, gz, br = sizes(files)
    rows.append(f"| {label} | {len(files)} | {kib(raw)} | {kib(gz)} | {kib(br)} |")

m = timings["median_ms"]
fmt = lambda name: f"{m[name]:.0f} ms" if name in m else "not measured"
print(f"""# Benchmarks

Written by `scripts/bench.sh` on {datetime.date.today().isoformat()}, host: {cpu}, {os.cpu_count()} cores,
Chromium headless, release build (`opt-level = "z"`, LTO, wasm-opt -Oz from npm binaryen 132).

## Release bundle (dist/)

| asset | files | raw | gzip -9 | brotli -q 11 |
| --- | --- | --- | --- | --- |
{chr(10).join(rows)}

## Warm start (reload of a signed-in page, median of {timings['reloads']})

| step | time |
| --- | --- |
| read and decrypt the session vault (WebCrypto AES-GCM) | {fmt('lattice:vault-open')} |
| open the SDK stores and restore the session (includes PBKDF2, see below) | {fmt('lattice:stores-open')} |
| from the start of restore to the signed-in page with sync started | {fmt('lattice:signed-in')} |

The stores are encrypted with a `StoreCipher` derived from a random 256-bit secret kept in
the vault. matrix-sdk 0.19's IndexedDB state store only takes a passphrase, so every open
runs PBKDF2-SHA256 with 200,000 rounds in wasm; the secret is random, so the rounds add no
security. That KDF is most of the store-open figure; design.md measured ~270 ms for it on
this kind of host. Removing it needs a state-store builder that takes a key
(`StoreCipher::import_with_key`), as the crypto, event-cache and media stores already do.

Raw samples: `{json.dumps(timings['samples'])}`
""")
