#!/usr/bin/env bash
# Every test of the project: the Rust suites (unit, HTTP-level, UI, doc tests), then the
# conformance runner against each running example, the OpenAPI 3.1 validator on each example's
# document, and the browser test of Swagger UI.
set -euo pipefail
cd "$(dirname "$0")/.."
# Not --all-features: that would build criterion for the benchmarks of secured-bench.
cargo test --workspace --features secured/utoipa
cargo build --examples
scripts/conformance.sh
scripts/validate_openapi.sh
scripts/browser_test.sh
