#!/usr/bin/env bash
# Validates the OpenAPI document each example serves against the OpenAPI 3.1 specification, with
# the Python package openapi-spec-validator in a venv under target/ (created on first use).
# Usage: scripts/validate_openapi.sh (after `cargo build --examples`).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/validator-venv
if ! "$venv/bin/python" -c 'import openapi_spec_validator' 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'openapi-spec-validator>=0.7,<1'
fi

source scripts/background.sh
urls=()
port=18500
for example in api_key oauth2_password oauth2_scopes http_basic multi_auth all_schemes; do
  port=$((port + 1))
  start_background env PORT=$port target/debug/examples/"$example"
  urls+=("$example=http://127.0.0.1:$port/openapi.json")
done

"$venv/bin/python" - "${urls[@]}" <<'EOF'
"""Fetches each document and validates it as OpenAPI 3.1; prints one line per example."""
import json
import sys
import time
import urllib.request

from openapi_spec_validator import OpenAPIV31SpecValidator

passed = failed = 0
for argument in sys.argv[1:]:
    name, url = argument.split("=", 1)
    document = None
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                document = json.load(response)
            break
        except OSError:
            time.sleep(0.1)
    if document is None:
        print("FAIL %s: could not load %s" % (name, url))
        failed += 1
        continue
    if document.get("openapi") != "3.1.0":
        print("FAIL %s: \"openapi\" is %r, not \"3.1.0\"" % (name, document.get("openapi")))
        failed += 1
        continue
    errors = list(OpenAPIV31SpecValidator(document).iter_errors())
    if errors:
        failed += 1
        for error in errors:
            where = "/".join(str(part) for part in error.absolute_path) or "(root)"
            print("FAIL %s at %s: %s" % (name, where, error.message))
    else:
        passed += 1
        print("ok   %s: valid OpenAPI 3.1 (%d paths)" % (name, len(document.get("paths", {}))))
print("openapi: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
