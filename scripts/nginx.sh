#!/usr/bin/env bash
# A throwaway nginx serving a build exactly as deploy/nginx/ does in production, for
# tests and trials: loopback only, all state in DIR.
#   scripts/nginx.sh start DIR PORT DIST SYNAPSE_PORT [CONFIG_JSON [CSP.PY ARGS...]]
#       writes DIR/nginx.conf and DIR/lattice*.conf, checks them, starts nginx, waits
#       until it answers, prints its origin (http://127.0.0.1:PORT)
#   scripts/nginx.sh stop DIR
# LATTICE_NGINX_SITE picks the site: lattice (same origin, the default) or
# lattice-subdomain (the app alone; SYNAPSE_PORT is then unused).
# CONFIG_JSON (default DIST/config.json) is what the CSP is generated from, and is
# served as /config.json; any further arguments go to scripts/csp.py (e.g.
# --report-uri /csp-report --connect ORIGIN).
set -euo pipefail
cmd="${1:?start|stop}"; dir="${2:?state directory}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"

case "$cmd" in
start)
  port="${3:?port}"; dist="$(cd "${4:?dist directory}" && pwd)"; synapse_port="${5:?Synapse port}"
  config="${6:-$dist/config.json}"; shift $(($# < 6 ? $# : 6))
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port on 127.0.0.1 is already in use: stop what listens there, or choose another port" >&2
    exit 1
  fi
  mkdir -p "$dir/tmp"

  # The site: the production file with its site-specific lines replaced.
  site="${LATTICE_NGINX_SITE:-lattice}"
  esc() { printf '%s' "$1" | sed 's/[&|\\]/\\&/g'; }
  sed -e "s|listen 127\.0\.0\.1:808[01];|listen 127.0.0.1:$port;|" \
      -e "s|root /var/www/lattice;|root $(esc "$dist");|" \
      -e "s|server 127\.0\.0\.1:8008;|server 127.0.0.1:$synapse_port;|" \
      "$root/deploy/nginx/$site.conf" > "$dir/lattice.conf"
  expected=("listen 127.0.0.1:$port;" "root $dist;")
  [ "$site" = lattice ] && expected+=("server 127.0.0.1:$synapse_port;")
  for line in "${expected[@]}"; do
    grep -qF "$line" "$dir/lattice.conf" || { echo "deploy/nginx/$site.conf no longer has the line that becomes '$line'" >&2; exit 1; }
  done
  # Another config.json than the build's: served in its place (the one location that
  # serves it gets an alias instead of its try_files).
  if [ "$(cd "$(dirname "$config")" && pwd)/$(basename "$config")" != "$dist/config.json" ]; then
    python3 - "$dir/lattice.conf" "$(cd "$(dirname "$config")" && pwd)/$(basename "$config")" <<'PY'
import sys
path, config = sys.argv[1:]
site = open(path).read()
block = site.index("location = /config.json {")
end = site.index("}", block)
inner = site[block:end].replace("try_files $uri =404;", f"alias {config};")
open(path, "w").write(site[:block] + inner + site[end:])
PY
  fi
  load_brotli=""
  if [ -f "$brotli_module" ]; then
    load_brotli="load_module $brotli_module;"
  else
    echo "nginx.sh: $brotli_module is missing (apt-get install libnginx-mod-http-brotli-static): serving without brotli" >&2
    sed -i '/brotli_static/d' "$dir/lattice.conf"
  fi
  # The included snippets, found next to nginx.conf (relative includes resolve there).
  cp "$root/deploy/nginx/lattice-headers.conf" "$root/deploy/nginx/lattice-proxied.conf" \
     "$root/deploy/nginx/lattice-proxied-pages.conf" "$dir/"
  python3 "$root/scripts/csp.py" --config "$config" --nginx "$@" > "$dir/lattice-csp.conf"
  # Older mime.types lack wasm; a second types block adds to the first.
  wasm_type=""
  grep -q 'application/wasm' /etc/nginx/mime.types || wasm_type="types { application/wasm wasm; }"
  # Workers run as the caller (when that is root), so they can read DIST and write DIR.
  user=""
  [ "$(id -u)" = 0 ] && user="user root root;"

  cat > "$dir/nginx.conf" <<CONF
# Written by scripts/nginx.sh: a private nginx, all of its state in $dir.
$load_brotli
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    $wasm_type
    default_type application/octet-stream;
    access_log $dir/access.log;
    client_body_temp_path $dir/tmp/client_body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    sendfile on;
    include $dir/lattice.conf;
}
CONF
  # -e: log start-up errors here too, not to the system's /var/log/nginx/error.log.
  run=("$nginx" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log")
  "${run[@]}" -t >"$dir/check.log" 2>&1 || { cat "$dir/check.log" >&2; echo "nginx refused the configuration in $dir" >&2; exit 1; }
  "${run[@]}" -g 'daemon off;' </dev/null >"$dir/stdout.log" 2>&1 &
  echo $! > "$dir/run.pid"
  for _ in $(seq 1 100); do
    if curl -sS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then echo "http://127.0.0.1:$port"; exit 0; fi
    kill -0 "$(cat "$dir/run.pid")" 2>/dev/null || { cat "$dir/stdout.log" "$dir/error.log" >&2 || true; echo "nginx exited during start-up" >&2; exit 1; }
    sleep 0.1
  done
  echo "nginx did not answer on port $port within 10 s" >&2; exit 1
  ;;
stop)
  if [ -f "$dir/run.pid" ]; then
    pid="$(cat "$dir/run.pid")"
    # TERM: stop now; a graceful stop would wait for sliding sync long-polls.
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$dir/run.pid"
  ;;
*) echo "usage: $0 start DIR PORT DIST SYNAPSE_PORT [CONFIG_JSON [CSP.PY ARGS...]] | stop DIR" >&2; exit 2 ;;
esac
