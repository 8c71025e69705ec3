#!/usr/bin/env bash
# Wall time per request of each case (criterion, in-process through tower's oneshot), pinned to
# one core, then a table of the medians and the ratio secured / hand-written.
# Wall time on a shared 2-core machine is noisy: the instruction counts
# (scripts/bench/instructions.sh) are the numbers to judge by; these show the same order.
# Usage: scripts/bench/criterion.sh [CORE]   (default core 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
core=${1:-1}
cargo build --quiet --release -p secured-bench --bin callgrind_driver
taskset -c "$core" cargo bench --quiet -p secured-bench --features criterion --bench requests \
  >target/criterion-run.log 2>&1 || { cat target/criterion-run.log >&2; exit 1; }
python3 - <<'EOF'
import json, pathlib, subprocess
cases = subprocess.run(["target/release/callgrind_driver", "--list"], capture_output=True,
                       text=True, check=True).stdout.split()
def median(case, implementation):
    path = pathlib.Path("target/criterion", case, implementation, "new", "estimates.json")
    return json.loads(path.read_text())["median"]["point_estimate"]
print(f"{'case':22} {'axum-plain':>12} {'hand-written':>13} {'secured':>10} {'ratio':>8}")
for case in cases:
    plain, hand, secured = (median(case, i) for i in ("axum-plain", "hand-written", "secured"))
    print(f"{case:22} {plain:10.0f}ns {hand:11.0f}ns {secured:8.0f}ns {secured / hand:7.3f}x")
EOF
