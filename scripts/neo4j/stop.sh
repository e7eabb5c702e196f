#!/usr/bin/env bash
# Stop the Neo4j test server started by start.sh: SIGTERM, wait, then SIGKILL.
set -euo pipefail

run_dir="${NEO4J_RUN_DIR:-/tmp/diplograph-neo4j}"
timeout="${NEO4J_STOP_TIMEOUT:-60}"
pid_file="$run_dir/neo4j.pid"

if [[ ! -f "$pid_file" ]]; then
  echo "neo4j: not running (no $pid_file)"
  exit 0
fi

pid="$(cat "$pid_file")"
cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/${pid:-0}/cmdline")" || cmdline=""
# Only signal our own launcher, never a process that reused the pid.
if [[ "$cmdline" == *diplograph.Neo4jServer* ]]; then
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "neo4j: pid $pid still alive after ${timeout}s, sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  echo "neo4j: stopped (pid $pid)"
else
  echo "neo4j: stale pid file (pid $pid not running)"
fi
rm -f "$pid_file" "$run_dir/neo4j.env"
