#!/usr/bin/env bash
# The browser test: Swagger UI of ex1 (api_key) and ex2 (oauth2_password) in headless Chromium,
# driven by playwright-core (tests/browser/). Installs Chromium (Debian package) and the npm
# packages when missing, starts both examples, and leaves screenshots in target/browser-test/.
# Usage: scripts/browser_test.sh (after `cargo build --examples`).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/browser-test
chromium=/usr/bin/chromium

for example in api_key oauth2_password; do
  [ -x target/debug/examples/"$example" ] || {
    echo "target/debug/examples/$example is missing: run cargo build --examples" >&2
    exit 1
  }
done

if [ ! -x "$chromium" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

# npm ci only when package-lock.json changed since the last install. Install scripts stay off:
# nothing here needs one, and one of swagger-ui-dist's dependencies would report to the network.
(
  cd tests/browser
  if ! cmp -s package-lock.json node_modules/.installed-package-lock.json; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-package-lock.json
  fi
)

source scripts/background.sh
start_background env PORT=18601 target/debug/examples/api_key
start_background env PORT=18602 target/debug/examples/oauth2_password
wait_for_port 18601
wait_for_port 18602

rm -rf "$out"
mkdir -p "$out"
EX1_URL=http://127.0.0.1:18601 EX2_URL=http://127.0.0.1:18602 OUT_DIR="$PWD/$out" \
  CHROMIUM="$chromium" node tests/browser/docs.test.js
