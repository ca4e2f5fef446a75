#!/usr/bin/env bash
# Sets everything up and runs Lattice against a local Synapse:
# the release build served with its production CSP and /_matrix proxied on the same
# origin, plus a demo user. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

APP_PORT="${LATTICE_PORT:-8080}"
SYNAPSE_PORT="${LATTICE_SYNAPSE_PORT:-8008}"
SYNAPSE_DIR="$LATTICE_CACHE/dev-synapse"
DEMO_USER="demo"
DEMO_PASSWORD="demo-password"

trunk build --release --offline
cargo build -q -p lattice-e2e --bin lattice-serve

scripts/synapse.sh stop "$SYNAPSE_DIR"
scripts/synapse.sh start "$SYNAPSE_DIR" "$SYNAPSE_PORT"
trap 'scripts/synapse.sh stop "$SYNAPSE_DIR"' EXIT

# The demo user, unless it is there already.
"$LATTICE_SYNAPSE_VENV/bin/register_new_matrix_user" -c "$SYNAPSE_DIR/homeserver.yaml" \
  -u "$DEMO_USER" -p "$DEMO_PASSWORD" --no-admin "http://127.0.0.1:$SYNAPSE_PORT" >/dev/null 2>&1 || true

cat <<MSG

  Lattice is running at   http://127.0.0.1:$APP_PORT/
  Homeserver (proxied)    http://127.0.0.1:$APP_PORT  (Synapse on 127.0.0.1:$SYNAPSE_PORT)
  Demo user               $DEMO_USER
  Password                $DEMO_PASSWORD

MSG
"$CARGO_TARGET_DIR/debug/lattice-serve" --dist dist --upstream "http://127.0.0.1:$SYNAPSE_PORT" \
  --bind "127.0.0.1:$APP_PORT"
