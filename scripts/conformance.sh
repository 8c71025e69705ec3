#!/usr/bin/env bash
# Starts each example on a loopback port and checks it with the shared conformance runner:
# the seed cases, the cases recorded from the reference (tests/conformance/cases.json), and the
# OpenAPI security extract. Usage: scripts/conformance.sh (after `cargo build --examples`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/background.sh
shared=../shared/conformance
runner=$shared/run.py
failed=0
port=18400
for pair in ex1:api_key ex2:oauth2_password ex3:oauth2_scopes ex4:http_basic ex5:multi_auth ex6:all_schemes; do
  app=${pair%%:*}
  example=${pair##*:}
  port=$((port + 1))
  start_background env PORT=$port target/debug/examples/"$example"
  pid=$last_background_pid
  wait_for_port $port
  base=http://127.0.0.1:$port
  extract=$shared/openapi/$app.security.json
  [ -f "$extract" ] || extract=tests/conformance/openapi/$app.security.json
  echo "== $app ($example)"
  if [ "$app" != ex6 ]; then
    python3 "$runner" --base-url "$base" --cases "$shared/cases/seed.json" --app "$app" || failed=1
  fi
  python3 "$runner" --base-url "$base" --cases tests/conformance/cases.json --app "$app" --openapi "$extract" || failed=1
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
exit $failed
