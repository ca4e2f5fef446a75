#!/usr/bin/env bash
# Sourced by test.sh and bench.sh after setup.sh: starts one Synapse and one chromedriver
# on free loopback ports for this run, exports where they are, and stops them on exit.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

LATTICE_RUN_DIR="$(mktemp -d)"
synapse_port="$(free_port)"
driver_port="$(free_port)"
stop_services() {
  scripts/synapse.sh stop "$LATTICE_RUN_DIR/synapse" || true
  # A failed test leaves its Chromium open: take the driver's browsers down with it.
  [ -n "${driver_pid:-}" ] && { pkill -P "$driver_pid" 2>/dev/null; kill "$driver_pid" 2>/dev/null; } || true
}
trap stop_services EXIT

scripts/synapse.sh start "$LATTICE_RUN_DIR/synapse" "$synapse_port"
chromedriver --port="$driver_port" --allowed-ips=127.0.0.1 >"$LATTICE_RUN_DIR/chromedriver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$driver_port/status" >/dev/null 2>&1 && break; sleep 0.1; done

export LATTICE_DIST="$PWD/dist"
export LATTICE_SYNAPSE_URL="http://127.0.0.1:$synapse_port"
LATTICE_SYNAPSE_SECRET="$(sed -n 's/^registration_shared_secret: "\(.*\)"/\1/p' "$LATTICE_RUN_DIR/synapse/homeserver.yaml")"
export LATTICE_SYNAPSE_SECRET
export LATTICE_WEBDRIVER_URL="http://127.0.0.1:$driver_port"
