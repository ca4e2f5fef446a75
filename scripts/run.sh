#!/usr/bin/env bash
# Sets everything up and runs Lattice against a local Synapse:
# the release build served with its production CSP and /_matrix proxied on the same
# origin, plus a demo user. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

APP_PORT="${LATTICE_PORT:-8080}"
SYNAPSE_PORT="${LATTICE_SYNAPSE_PORT:-8008}"
OIDC_PORT="${LATTICE_OIDC_PORT:-8090}"
SYNAPSE_DIR="$LATTICE_CACHE/dev-synapse"
DEMO_USER="demo"
DEMO_PASSWORD="demo-password"

trunk build --release --offline
cargo build -q -p lattice-e2e --bin lattice-serve

# Single sign-on to try by hand: a local OpenID Connect provider (any name signs in)
# that Synapse delegates to, next to the password. Rewritten at every start.
OIDC_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
node scripts/oidc_provider.mjs "$OIDC_PORT" "$OIDC_SECRET" \
  "http://127.0.0.1:$APP_PORT/_synapse/client/oidc/callback" >/dev/null 2>"$LATTICE_CACHE/oidc-provider.log" &
OIDC_PID=$!
trap 'kill "$OIDC_PID" 2>/dev/null' EXIT
mkdir -p "$SYNAPSE_DIR"
cat > "$SYNAPSE_DIR/local.yaml" <<YAML
public_baseurl: "http://127.0.0.1:$APP_PORT/"
oidc_providers:
  - idp_id: local
    idp_name: "Local test organisation"
    issuer: "http://127.0.0.1:$OIDC_PORT"
    client_id: synapse
    client_secret: "$OIDC_SECRET"
    scopes: ["openid", "profile"]
    skip_verification: true
    user_profile_method: userinfo_endpoint
    user_mapping_provider:
      config:
        localpart_template: "{{ user.preferred_username }}"
        display_name_template: "{{ user.name }}"
sso:
  client_whitelist: ["http://127.0.0.1:$APP_PORT/"]
YAML
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration" >/dev/null 2>&1 && break; sleep 0.1; done

scripts/synapse.sh stop "$SYNAPSE_DIR"
scripts/synapse.sh start "$SYNAPSE_DIR" "$SYNAPSE_PORT"
trap 'scripts/synapse.sh stop "$SYNAPSE_DIR"; kill "$OIDC_PID" 2>/dev/null' EXIT

# The demo user, unless it is there already.
"$LATTICE_SYNAPSE_VENV/bin/register_new_matrix_user" -c "$SYNAPSE_DIR/homeserver.yaml" \
  -u "$DEMO_USER" -p "$DEMO_PASSWORD" --no-admin "http://127.0.0.1:$SYNAPSE_PORT" >/dev/null 2>&1 || true

cat <<MSG

  Lattice is running at   http://127.0.0.1:$APP_PORT/
  Homeserver (proxied)    http://127.0.0.1:$APP_PORT  (Synapse on 127.0.0.1:$SYNAPSE_PORT)
  Demo user               $DEMO_USER
  Password                $DEMO_PASSWORD
  Or single sign-on       "Sign in with Local test organisation": any name, any password

MSG
"$CARGO_TARGET_DIR/debug/lattice-serve" --dist dist --upstream "http://127.0.0.1:$SYNAPSE_PORT" \
  --bind "127.0.0.1:$APP_PORT"
