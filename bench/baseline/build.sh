#!/usr/bin/env bash
# Bundles the baseline client (matrix-js-sdk) into bench/baseline/dist/ with esbuild from
# node_modules (npm ci first). Serve dist/ as a static site with script-src 'self'.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rm -rf bench/baseline/dist
npx --no-install esbuild bench/baseline/main.js --bundle --format=esm --minify \
  --log-level=warning --outfile=bench/baseline/dist/baseline.js
cp bench/baseline/index.html bench/baseline/dist/
