#!/usr/bin/env bash
# Requests per second of ex1 (examples/api_key.rs, release build) against the reference app
# (../shared/conformance/reference-apps/ex1_api_key.py, FastAPI under uvicorn), both on loopback.
# Each server is pinned to core 0 with one worker thread, wrk to core 1. The rounds alternate
# secured, reference, secured, reference, ...; the script prints each round and the medians.
# Bounded: ROUNDS x 2 runs of DURATION seconds (default 5 x 2 x 8 s), then both servers stop.
# Usage: scripts/bench/load.sh   (env: ROUNDS, DURATION, CONNECTIONS)
# Installs wrk with apt-get when missing, and FastAPI and uvicorn in target/bench-venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-5}
duration=${DURATION:-8}
connections=${CONNECTIONS:-32}
rust_port=18501
python_port=18502
reference=../shared/conformance/reference-apps

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
venv=target/bench-venv
if [ ! -x "$venv/bin/uvicorn" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'fastapi==0.163.2' 'uvicorn[standard]==0.54.0'
fi
cargo build --quiet --release --example api_key

source scripts/background.sh
start_background env TOKIO_WORKER_THREADS=1 PORT=$rust_port taskset -c 0 \
  target/release/examples/api_key
start_background taskset -c 0 "$venv/bin/uvicorn" ex1_api_key:app --app-dir "$reference" \
  --host 127.0.0.1 --port $python_port --workers 1 --loop uvloop --http httptools \
  --no-access-log --log-level warning

expected='{"message":"Access granted","api_key":"secret-key"}'
for port in $rust_port $python_port; do
  wait_for_port $port
  body=$(curl -s -H 'X-API-Key: secret-key' "http://127.0.0.1:$port/secure-data")
  [ "$body" = "$expected" ] || { echo "port $port answered $body" >&2; exit 1; }
done

# Requests per second of one wrk run against PORT; fails on any error or non-2xx answer.
measure() {
  local output
  output=$(taskset -c 1 wrk -t1 -c"$connections" -d"${2}s" -H 'X-API-Key: secret-key' \
    "http://127.0.0.1:$1/secure-data")
  if grep -qE 'Non-2xx|Socket errors' <<<"$output"; then
    echo "$output" >&2
    exit 1
  fi
  awk '/^Requests\/sec:/ { print $2 }' <<<"$output"
}

measure $rust_port 2 >/dev/null
measure $python_port 2 >/dev/null
secured=()
reference_rps=()
echo "wrk -t1 -c$connections -d${duration}s, servers on core 0, wrk on core 1"
for round in $(seq 1 "$rounds"); do
  secured+=("$(measure $rust_port "$duration")")
  reference_rps+=("$(measure $python_port "$duration")")
  printf 'round %d: secured %10.0f req/s   reference %8.0f req/s\n' \
    "$round" "${secured[-1]}" "${reference_rps[-1]}"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
secured_median=$(median "${secured[@]}")
reference_median=$(median "${reference_rps[@]}")
awk -v s="$secured_median" -v r="$reference_median" 'BEGIN {
  printf "median: secured %.0f req/s, reference %.0f req/s, ratio %.1fx\n", s, r, s / r
}'
