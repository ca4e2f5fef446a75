#!/usr/bin/env bash
# A local Synapse for development and tests: SQLite, loopback only, no federation,
# rate limits relaxed, users registered with the shared-secret admin API.
#   scripts/synapse.sh start DIR PORT   writes DIR/homeserver.yaml once, starts, waits
#   scripts/synapse.sh stop DIR
# DIR/local.yaml, if present at start, is read after homeserver.yaml and overrides it
# (scripts/run.sh writes its single sign-on settings there at every start).
# LATTICE_SYNAPSE_EXTRA_CONFIG, if set when the file is first written, is appended to
# it (YAML: the tests' application service, a test's own short token lifetimes).
# Needs LATTICE_SYNAPSE_VENV (scripts/setup.sh sets it).
set -euo pipefail
cmd="${1:?start|stop}"; dir="${2:?data directory}"
venv="${LATTICE_SYNAPSE_VENV:?source scripts/setup.sh first}"
mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"

case "$cmd" in
start)
  port="${3:?port}"
  if [ ! -f "$dir/homeserver.yaml" ]; then
    secret="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
    cat > "$dir/homeserver.yaml" <<YAML
server_name: "localhost"
public_baseurl: "http://127.0.0.1:$port/"
pid_file: "$dir/homeserver.pid"
listeners:
  - port: $port
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: true
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "$dir/homeserver.db"
log_config: "$dir/log.config"
media_store_path: "$dir/media_store"
signing_key_path: "$dir/signing.key"
registration_shared_secret: "$secret"
macaroon_secret_key: "$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
form_secret: "$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
report_stats: false
enable_registration: false
# Nothing leaves loopback: no key servers, no federation, no phone-home.
trusted_key_servers: []
federation_domain_whitelist: []
suppress_key_server_warning: true
url_preview_enabled: false
# Everyone on this server can be found to start a chat, as in an organisation's directory.
user_directory:
  search_all_users: true
# Tests log in many times a second from one address.
rc_message: {per_second: 1000, burst_count: 1000}
rc_registration: {per_second: 1000, burst_count: 1000}
rc_login:
  address: {per_second: 1000, burst_count: 1000}
  account: {per_second: 1000, burst_count: 1000}
  failed_attempts: {per_second: 1000, burst_count: 1000}
rc_joins:
  local: {per_second: 1000, burst_count: 1000}
  remote: {per_second: 1000, burst_count: 1000}
rc_invites:
  per_room: {per_second: 1000, burst_count: 1000}
  per_user: {per_second: 1000, burst_count: 1000}
rc_admin_redaction: {per_second: 1000, burst_count: 1000}
rc_key_requests: {per_second: 1000, burst_count: 1000}
${LATTICE_SYNAPSE_EXTRA_CONFIG:-}
YAML
    cat > "$dir/log.config" <<YAML
version: 1
formatters:
  precise: {format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s'}
handlers:
  file: {class: logging.FileHandler, formatter: precise, filename: "$dir/homeserver.log"}
root: {level: WARNING, handlers: [file]}
disable_existing_loggers: false
YAML
    "$venv/bin/python" -m synapse.app.homeserver -c "$dir/homeserver.yaml" --generate-keys >/dev/null
  fi
  # Servers set up before the user directory setting existed get it too.
  grep -q '^user_directory:' "$dir/homeserver.yaml" ||
    printf 'user_directory:\n  search_all_users: true\n' >> "$dir/homeserver.yaml"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port on 127.0.0.1 is already in use: stop what listens there, or choose another port" >&2
    exit 1
  fi
  configs=(-c "$dir/homeserver.yaml")
  [ -f "$dir/local.yaml" ] && configs+=(-c "$dir/local.yaml")
  "$venv/bin/python" -m synapse.app.homeserver "${configs[@]}" >"$dir/stdout.log" 2>&1 &
  echo $! > "$dir/run.pid"
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then exit 0; fi
    kill -0 "$(cat "$dir/run.pid")" 2>/dev/null || { tail -n 30 "$dir/stdout.log" "$dir/homeserver.log" >&2 || true; echo "Synapse exited during start-up" >&2; exit 1; }
    sleep 0.5
  done
  echo "Synapse did not answer on port $port within 60 s" >&2; exit 1
  ;;
stop)
  if [ -f "$dir/run.pid" ]; then
    pid="$(cat "$dir/run.pid")"
    kill "$pid" 2>/dev/null || true
    # Wait until it is gone, so that a restart finds its port free.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$dir/run.pid"
  ;;
*) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
