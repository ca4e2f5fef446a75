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

# An application service on this Synapse, for what only one may do: send an event
# with a timestamp of its own choosing (`?ts=`, the spec's timestamp massaging), as a
# badly configured or hostile server can. It receives nothing (`url: null`).
token() { python3 -c 'import secrets; print(secrets.token_hex(24))'; }
LATTICE_SYNAPSE_AS_TOKEN="$(token)"
cat > "$LATTICE_RUN_DIR/appservice.yaml" <<YAML
id: lattice-e2e-clock
url: null
as_token: "$LATTICE_SYNAPSE_AS_TOKEN"
hs_token: "$(token)"
sender_localpart: clockwork
namespaces: { users: [], rooms: [], aliases: [] }
rate_limited: false
YAML
# Cheap password hashes: the tests register and sign in hundreds of times, and each
# hash at Synapse's default cost takes ~0.3–0.45 s of CPU on this kind of host.
LATTICE_SYNAPSE_EXTRA_CONFIG="app_service_config_files: [\"$LATTICE_RUN_DIR/appservice.yaml\"]
bcrypt_rounds: 4" \
  scripts/synapse.sh start "$LATTICE_RUN_DIR/synapse" "$synapse_port"
chromedriver --port="$driver_port" --allowed-ips=127.0.0.1 >"$LATTICE_RUN_DIR/chromedriver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$driver_port/status" >/dev/null 2>&1 && break; sleep 0.1; done

export LATTICE_DIST="$PWD/dist"
export LATTICE_SYNAPSE_URL="http://127.0.0.1:$synapse_port"
LATTICE_SYNAPSE_SECRET="$(sed -n 's/^registration_shared_secret: "\(.*\)"/\1/p' "$LATTICE_RUN_DIR/synapse/homeserver.yaml")"
export LATTICE_SYNAPSE_SECRET LATTICE_SYNAPSE_AS_TOKEN
export LATTICE_WEBDRIVER_URL="http://127.0.0.1:$driver_port"
