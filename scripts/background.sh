# Sourced by the scripts that run servers: start them in the background, wait until they
# listen, and stop every one of them when the script exits.
background_pids=()

stop_background() {
  for pid in "${background_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_background EXIT

# start_background COMMAND...: runs COMMAND in the background (use `env NAME=value` for its
# environment); its pid is $last_background_pid.
start_background() {
  "$@" &
  last_background_pid=$!
  background_pids+=("$last_background_pid")
}

# wait_for_port PORT: waits up to 10 s for a server on 127.0.0.1:PORT.
wait_for_port() {
  for _ in $(seq 1 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2
  return 1
}
