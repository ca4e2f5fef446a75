#!/usr/bin/env python3
"""Writes NAME.br (brotli -q 11) and NAME.gz (gzip -9) next to each compressible file in DIR.

    python3 scripts/precompress.py DIR

nginx's brotli_static / gzip_static then send these instead of compressing on every
request (and at a higher level than on-the-fly compression could afford). Each copy gets
its source's mtime, because nginx takes Last-Modified and the ETag from the file it sends.
"""
import gzip
import os
import pathlib
import subprocess
import sys

# Text-like formats only: woff2, png, jpeg, webp and the like are compressed already.
COMPRESSIBLE = {".wasm", ".js", ".css", ".html", ".json", ".svg", ".ftl", ".txt"}
# Administrators edit config.json in place after deploying; a stale config.json.gz would
# then be served instead of their edit. It is tiny, so it is never precompressed.
SKIP = {"config.json"}


def write(target: pathlib.Path, data: bytes, source: pathlib.Path) -> None:
    """Writes atomically (a live nginx never sends half a file) with the source's mtime."""
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    stat = source.stat()
    os.utime(partial, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(partial, target)


def precompress(directory: pathlib.Path) -> int:
    count = 0
    for source in sorted(directory.rglob("*")):
        hidden = any(part.startswith(".") for part in source.relative_to(directory).parts)
        if hidden or not source.is_file() or source.suffix not in COMPRESSIBLE or source.name in SKIP:
            continue  # hidden: e.g. Trunk's dist/.stage, never served
        data = source.read_bytes()
        try:
            brotli = subprocess.run(["brotli", "--quality=11", "--stdout", str(source)],
                                    check=True, capture_output=True).stdout
        except FileNotFoundError:
            sys.exit("precompress: the brotli command is missing: apt-get install brotli")
        write(source.with_name(source.name + ".br"), brotli, source)
        # mtime=0: the same input gives the same bytes, build after build.
        write(source.with_name(source.name + ".gz"), gzip.compress(data, 9, mtime=0), source)
        count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 2 or not pathlib.Path(sys.argv[1]).is_dir():
        sys.exit("usage: precompress.py DIR")
    print(f"precompress: wrote .br and .gz for {precompress(pathlib.Path(sys.argv[1]))} file(s)")
