#!/usr/bin/env python3
"""Writes BENCHMARKS.md from dist/ (sizes) and lattice-bench's JSON (timings).

    write_benchmarks.py DIST TIMINGS_JSON BASELINE_JS [LARGE_JSON]

TIMINGS_JSON is lattice-bench's output on the 1,000-room account (start-up steps and the
comparison with matrix-js-sdk); LARGE_JSON its --lattice-only output on the larger one.
bench/analysis.md (what stands in the way of each unmet target, written by hand from
these figures) and bench/bundle-history.md are appended as they are.
"""
import datetime
import gzip
import json
import os
import pathlib
import platform
import subprocess
import sys

dist = pathlib.Path(sys.argv[1])
everything = json.loads(sys.argv[2])
startup = everything["startup"]
comparison = everything.get("comparison")
baseline_js = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else None
large = json.loads(sys.argv[4]).get("comparison") if len(sys.argv) > 4 else None
bench_dir = pathlib.Path(__file__).resolve().parent.parent / "bench"


def sizes(paths):
    raw = sum(p.stat().st_size for p in paths)
    gz = sum(len(gzip.compress(p.read_bytes(), 9)) for p in paths)
    br = sum(len(subprocess.run(["brotli", "-c", "-q", "11", str(p)], capture_output=True, check=True).stdout) for p in paths)
    return raw, gz, br


def kib(n):
    return f"{n / 1024:,.1f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.2f} MiB"


def ms(v):
    return f"{v:,.0f} ms" if isinstance(v, (int, float)) else "—"


def mb(v):
    return f"{v / 1e6:,.1f} MB" if isinstance(v, (int, float)) else "—"


def ratio(a, b):
    if not a or not b:
        return "—"
    return f"{b / a:,.1f}× faster" if b >= a else f"{a / b:,.1f}× slower"


def smaller(a, b):
    if not a or not b:
        return "—"
    return f"{b / a:,.1f}× smaller" if b >= a else f"{a / b:,.1f}× larger"


def verdict(value, target):
    if not isinstance(value, (int, float)):
        return "not measured"
    return "met" if value <= target else "not met"


def hand_kept(name):
    path = bench_dir / name
    return path.read_text() if path.exists() else ""


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
bundle_rows = []
for label, pattern in [("wasm", "*.wasm"), ("JS (bindings + loader)", "*.js"), ("CSS", "*.css")]:
    files = sorted(dist.glob(pattern))
    raw, gz, br = sizes(files)
    bundle_rows.append(f"| {label} | {len(files)} | {kib(raw)} | {kib(gz)} | {kib(br)} |")
_, _, lattice_br = sizes(sorted(dist.glob("*.wasm")) + sorted(dist.glob("*.js")) + sorted(dist.glob("*.css")))


def steps_table(steps, origin):
    """[[label, ms], ...] as a table of each step's time and its share since the step before."""
    lines = [f"| step | {origin} | since the step before |", "| --- | --- | --- |"]
    previous = 0.0
    # In the order they happened (the kept first screen paints before the stores open).
    measured = sorted((s for s in steps if isinstance(s[1], (int, float))), key=lambda s: s[1])
    for label, value in measured + [s for s in steps if not isinstance(s[1], (int, float))]:
        if isinstance(value, (int, float)):
            lines.append(f"| {label} | {ms(value)} | {ms(value - previous)} |")
            previous = value
        else:
            lines.append(f"| {label} | — | — |")
    return "\n".join(lines)


def curve_line(rounds):
    """The first round's growth of the SDK's room list: one point per 100 rooms."""
    if not rounds or not rounds[0].get("received_curve"):
        return "not measured"
    points, next_mark = [], 0
    for rooms, at in rounds[0]["received_curve"]:
        if rooms >= next_mark:
            points.append(f"{rooms:,.0f} at {at / 1000:,.1f} s")
            next_mark = (rooms // 100 + 1) * 100
    return "; ".join(points)


def targets_section():
    if not comparison:
        return "## Targets\n\nNot measured in this run (no seeded Synapse).\n"
    lat, base = comparison["lattice"], comparison["baseline"]
    _, _, baseline_br = sizes([baseline_js]) if baseline_js else (0, 0, 0)
    rooms = comparison["rooms"]
    rows = [
        ("Cold: submit login → first screen of rooms painted", lat.get("cold_first_ms"), base.get("cold_first_ms"), 700),
        (f"Cold: submit login → all {rooms:,} rooms in the list", lat.get("cold_all_ms"), base.get("cold_all_ms"), 8000),
        (f"Cold: … the SDK's stream had delivered all {rooms:,} (same run)", lat.get("cold_all_received_ms"), None, None),
        ("Floor: the same SDK natively, no UI: login → first room", comparison.get("native", {}).get("first_ms"), None, None),
        (f"Floor: the same SDK natively, no UI: login → all {rooms:,} rooms", comparison.get("native", {}).get("all_ms"), None, None),
        ("Warm: reload → room list painted, from navigation start", lat.get("warm_ms"), base.get("warm_ms"), 200),
        ("Room switch → 20 events painted (a room not opened before)", lat.get("switch_ms"), base.get("switch_ms"), 50),
        ("Room switch back to a room left a moment ago → 20 events painted", lat.get("switch_back_ms"), None, 50),
        ("Send → local echo in the page", lat.get("local_echo_ms"), base.get("local_echo_ms"), 16),
        ("Send → remote echo at a syncing second client", lat.get("remote_echo_ms"), base.get("remote_echo_ms"), 150),
        ("Another person's message → shown here (live)", lat.get("live_ms"), base.get("live_ms"), 150),
    ]
    lines = []
    for label, ours, theirs, target in rows:
        goal = f"≤ {target:,} ms" if target else ""
        state = verdict(ours, target) if target else ""
        lines.append(f"| {label} | {ms(ours)} | {ms(theirs)} | {ratio(ours, theirs)} | {goal} | {state} |")
    memory = lat.get("memory_bytes")
    lines.append(f"| Memory after settling (JS heap + wasm memory) | {mb(memory)} | {mb(base.get('memory_bytes'))} | "
                 f"{smaller(memory, base.get('memory_bytes'))} | ≤ 25 MB | {verdict(memory, 25e6)} |")
    lines.append(f"| Bundle, brotli -q 11 | {kib(lattice_br)} | {kib(baseline_br)} | {smaller(lattice_br, baseline_br)} | "
                 f"≤ 2.30 MiB | {verdict(lattice_br, 2.3 * 1024 * 1024)} |")
    lines.append(f"| Room rows in the DOM | {lat.get('rows', 0):.0f} | — (no UI) | | | |")
    table = "\n".join(lines)
    return f"""## Targets, side by side with Element Web's engine ({rooms:,} rooms)

One user in {rooms:,} rooms (19 messages each) on a local Synapse seeded once by
`scripts/seed_bench.py` and kept as a template under /var/cache/lattice. Baseline:
matrix-js-sdk bundled with esbuild (`bench/baseline/`), sync v2, IndexedDB store,
lazy-loaded members, crypto not started: the engine of Element Web without its UI, so
its figures are a lower bound for Element Web. Lattice and the baseline run alternately,
{comparison['rounds']} rounds each, each round in a fresh Chromium profile; the table shows
medians. Times are taken in the page (User Timing marks, MutationObservers), not by
WebDriver polling. For the baseline, "first screen" and "all rooms" are both its first
PREPARED sync. It paints nothing: its room switch is fetching a room's latest 20 events
from the server (the work Lattice does when its cache holds only the list's latest
event), its local echo and live message are the moments the event enters its in-memory
timeline, so those rows flatter it.

| measure | Lattice | matrix-js-sdk | ratio | target | |
| --- | --- | --- | --- | --- | --- |
{table}

### Where the time goes

Cold sign-in on this account, median step times from pressing "Sign in":

{steps_table(comparison.get('lattice_cold_steps', []), 'from "Sign in"')}

The SDK's room list as it grew (first round), rooms delivered and when, from "Sign in":
{curve_line(comparison.get('lattice_rounds'))}.

Warm reload on this account, from navigation start ("room list painted" is the first
screen kept in the vault, drawn before the stores are open; "first room batch" is the
SDK's own list):

{steps_table(comparison.get('lattice_warm_steps', []), 'from navigation start')}

Room switch after that reload, to a room not opened before in this page, from the click
(each round opens a different room among the first few of the list):

{steps_table(comparison.get('lattice_switch_steps', []), 'from the click')}

Send in that room, from the key press (the remote echo row above is timed by the harness
from before the key press until the second client's long-poll sync hands it the message):

{steps_table(comparison.get('lattice_send_steps', []), 'from the key press')}
"""


def startup_section():
    if not startup:
        return ""
    return f"""## Warm start of a new account, step by step (median of {startup['reloads']} reloads)

A freshly registered user with no rooms, reloaded: the fixed cost of every start.

{steps_table(startup['steps'], 'from navigation start')}
"""


def large_section():
    if not large or not comparison:
        return "## A larger account\n\nNot measured in this run.\n"
    small, big = comparison["lattice"], large["lattice"]
    rows = [
        ("Cold: first screen painted", "cold_first_ms", ms),
        ("Cold: all rooms in the list", "cold_all_ms", ms),
        ("Cold: the SDK's stream had delivered all rooms", "cold_all_received_ms", ms),
        ("Warm: reload → room list painted", "warm_ms", ms),
        ("Room switch → 20 events painted", "switch_ms", ms),
        ("Room switch back to a room left a moment ago", "switch_back_ms", ms),
        ("Memory after settling", "memory_bytes", mb),
        ("Floor: the same SDK natively, no UI: all rooms", "native:all_ms", ms),
    ]
    lines = []
    for label, key, fmt in rows:
        if key.startswith("native:"):
            key = key[len("native:"):]
            a, b = comparison.get("native", {}).get(key), large.get("native", {}).get(key)
        else:
            a, b = small.get(key), big.get(key)
        growth = f"{b / a:,.2f}×" if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a else "—"
        lines.append(f"| {label} | {fmt(a)} | {fmt(b)} | {growth} |")
    table = "\n".join(lines)
    return f"""## From {comparison['rooms']:,} to {large['rooms']:,} rooms (Lattice, {large['rounds']} rounds on the larger account)

| measure | {comparison['rooms']:,} rooms | {large['rooms']:,} rooms | growth |
| --- | --- | --- | --- |
{table}

The SDK's room list as it grew on the larger account (first round):
{curve_line(large.get('lattice_rounds'))}.

Warm reload on the larger account, from navigation start:

{steps_table(large.get('lattice_warm_steps', []), 'from navigation start')}
"""


def without_curves(value):
    """The raw figures without the growth curves (thousands of points, summarised above)."""
    if isinstance(value, dict):
        return {k: without_curves(v) for k, v in value.items() if k != "received_curve"}
    if isinstance(value, list):
        return [without_curves(v) for v in value]
    return value


raw = {"startup": startup, "comparison": comparison, "large": large}
raw_lines = "\n".join(f"{name}: {json.dumps(without_curves(part))}" for name, part in raw.items())
print(f"""# Benchmarks

Written by `scripts/bench.sh` on {datetime.date.today().isoformat()}, host: {cpu}, {os.cpu_count()} cores,
Chromium headless, release build (`opt-level = "z"`, LTO, wasm-opt -Oz from npm binaryen 132).
Targets are reported here, never asserted by tests.

## Release bundle (dist/)

| asset | files | raw | gzip -9 | brotli -q 11 |
| --- | --- | --- | --- | --- |
{chr(10).join(bundle_rows)}

{targets_section()}
{large_section()}
{startup_section()}
{hand_kept('analysis.md')}
{hand_kept('bundle-history.md')}
## Raw figures

```
{raw_lines}
```
""")
