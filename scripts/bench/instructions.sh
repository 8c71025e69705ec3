#!/usr/bin/env bash
# Instructions per request, counted by callgrind: each case served N1 then N2 times in-process
# by axum-plain, hand-written and secured (bench/src/bin/callgrind_driver.rs). Only the serving
# of a request is counted (--toggle-collect), and the difference of the two runs divided by
# N2 - N1 cancels what happens once. Deterministic: other load on the machine does not change it.
# Usage: scripts/bench/instructions.sh [N1 N2]   (default 1000 2000)
# The profiles stay in target/callgrind/CASE.IMPLEMENTATION.N2.out for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/../.."
n1=${1:-1000}
n2=${2:-2000}
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cargo build --quiet --release -p secured-bench --bin callgrind_driver
driver=target/release/callgrind_driver
out=target/callgrind
mkdir -p "$out"

# Instructions counted while serving CASE by IMPLEMENTATION N times.
count() {
  local file="$out/$1.$2.$3.out"
  valgrind --tool=callgrind --toggle-collect='callgrind_driver::measured' \
    --callgrind-out-file="$file" "$driver" "$1" "$2" "$3" >/dev/null 2>&1
  sed -n 's/^summary: //p' "$file"
}

printf '%-22s %12s %13s %10s %10s %9s\n' case axum-plain hand-written secured secured-hw ratio
for case in $("$driver" --list); do
  declare -A per_request=()
  for implementation in axum-plain hand-written secured; do
    first=$(count "$case" "$implementation" "$n1")
    second=$(count "$case" "$implementation" "$n2")
    rm -f "$out/$case.$implementation.$n1.out"
    per_request[$implementation]=$(awk -v a="$first" -v b="$second" -v n="$((n2 - n1))" \
      'BEGIN { printf "%.1f", (b - a) / n }')
  done
  awk -v c="$case" -v p="${per_request[axum-plain]}" -v h="${per_request[hand-written]}" \
    -v s="${per_request[secured]}" \
    'BEGIN { printf "%-22s %12.1f %13.1f %10.1f %+10.1f %8.4fx\n", c, p, h, s, s - h, s / h }'
done
