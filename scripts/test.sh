#!/usr/bin/env bash
# Every test of the project: the Rust suites (unit, HTTP-level, UI, doc tests), then the
# conformance runner against each running example.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --all-features
cargo build --examples
scripts/conformance.sh
