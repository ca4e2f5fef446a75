#!/usr/bin/env bash
# Sourced by scripts/bench.sh after setup.sh and services.sh: a second Synapse holding the
# benchmark account (scripts/seed_bench.py: @bench in LATTICE_BENCH_ROOMS rooms, default
# 1,000, 19 messages each) on a free loopback port. Seeding takes about 13 minutes per
# 1,000 rooms, so it is done once per host and room count into a template in the cache;
# every run starts a fresh copy of it, so runs see the same data.
# Exports LATTICE_BENCH_SYNAPSE_URL and LATTICE_BENCH_SYNAPSE_SECRET. On exit it stops
# that Synapse, deletes the copy, then runs the EXIT trap set before it (services.sh's).
# stop_bench_synapse may also be called directly.

_bench_rooms="${LATTICE_BENCH_ROOMS:-1000}"
_bench_template="${LATTICE_CACHE:-/var/cache/lattice}/bench-template-$_bench_rooms"
_bench_synapse_dir=""  # the Synapse to stop on exit
_bench_delete_dir=""   # a half-seeded template or a run's copy, deleted on exit

_bench_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
_bench_secret() { sed -n 's/^registration_shared_secret: "\(.*\)"/\1/p' "$1/homeserver.yaml"; }

# synapse.sh stop only signals Synapse: wait until it has exited and closed its database.
_bench_stop() {
  [ -f "$1/run.pid" ] || return 0
  local pid; pid="$(cat "$1/run.pid")"
  scripts/synapse.sh stop "$1"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

# homeserver.yaml and log.config hold absolute paths to their own directory and the port:
# point a moved or copied data directory DIR at itself and at PORT.
_bench_relocate() {
  local old; old="$(sed -n 's/^pid_file: "\(.*\)\/homeserver.pid"$/\1/p' "$1/homeserver.yaml")"
  [ -n "$old" ] || { echo "[bench] $1/homeserver.yaml has no pid_file line" >&2; return 1; }
  sed -i -e "s#\"$old/#\"$1/#g" -e "s#^public_baseurl: .*#public_baseurl: \"http://127.0.0.1:$2/\"#" \
    -e "s#^  - port: .*#  - port: $2#" "$1/homeserver.yaml"
  sed -i "s#\"$old/#\"$1/#g" "$1/log.config"
}

stop_bench_synapse() {
  [ -z "$_bench_synapse_dir" ] || _bench_stop "$_bench_synapse_dir" || true
  [ -z "$_bench_delete_dir" ] || rm -rf "$_bench_delete_dir"
  _bench_synapse_dir=""; _bench_delete_dir=""
}

# Chain onto the EXIT trap already set (trap -p prints: trap -- 'COMMAND' EXIT).
eval "_bench_trap_words=( $(trap -p EXIT) )"
if [ "${_bench_trap_words[2]:-}" != _bench_on_exit ]; then  # not when sourced twice
  _bench_prev_trap="${_bench_trap_words[2]:-}"
  _bench_on_exit() { stop_bench_synapse; eval "$_bench_prev_trap"; }
  trap _bench_on_exit EXIT
fi

_bench_synapse_main() {
  local port
  if [ ! -f "$_bench_template/seeded" ]; then
    echo "[bench] seeding $_bench_template once for this host: $_bench_rooms rooms, about 13 minutes per 1,000" >&2
    rm -rf "$_bench_template"
    _bench_delete_dir="$(mktemp -d "$_bench_template.XXXXXX")"
    _bench_synapse_dir="$_bench_delete_dir"
    port="$(_bench_free_port)"
    scripts/synapse.sh start "$_bench_delete_dir" "$port"
    python3 scripts/seed_bench.py "http://127.0.0.1:$port" "$(_bench_secret "$_bench_delete_dir")" \
      --rooms "$_bench_rooms" >&2
    _bench_stop "$_bench_delete_dir"; _bench_synapse_dir=""
    rm -f "$_bench_delete_dir"/*.log "$_bench_delete_dir/homeserver.pid"
    mv "$_bench_delete_dir" "$_bench_template"; _bench_delete_dir=""
    _bench_relocate "$_bench_template" "$port"
    touch "$_bench_template/seeded"
  fi

  # A fresh copy per run: the benchmark's logins and messages never reach the template.
  _bench_delete_dir="$(mktemp -d)"
  local dir="$_bench_delete_dir/synapse"
  cp -a "$_bench_template" "$dir"
  rm -f "$dir/seeded"
  port="$(_bench_free_port)"
  _bench_relocate "$dir" "$port"
  _bench_synapse_dir="$dir"
  scripts/synapse.sh start "$dir" "$port"
  export LATTICE_BENCH_SYNAPSE_URL="http://127.0.0.1:$port"
  LATTICE_BENCH_SYNAPSE_SECRET="$(_bench_secret "$dir")"
  export LATTICE_BENCH_SYNAPSE_SECRET
}
_bench_synapse_main
