#!/usr/bin/env bash
# Start the embedded Neo4j 5.26 Community test server in the background and wait
# until Bolt answers. Succeeds at once if a server started by this script is up.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${NEO4J_PORT:-7687}"
password="${NEO4J_PASSWORD:-diplograph-test}"
run_dir="${NEO4J_RUN_DIR:-/tmp/diplograph-neo4j}"
timeout="${NEO4J_START_TIMEOUT:-180}"
# Modest heap for 2-core CI machines; the --add-opens let Neo4j use its fast paths.
java_opts="${NEO4J_JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
-XX:-OmitStackTraceInFastThrow -Djdk.nio.maxCachedBufferSize=1024 \
-Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED}"
pid_file="$run_dir/neo4j.pid"
log_file="$run_dir/neo4j.log"
env_file="$run_dir/neo4j.env"
main_class="diplograph.Neo4jServer"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# True if the pid file names a live launcher process (guards against pid reuse).
running() {
  [[ -f "$pid_file" ]] || return 1
  local pid cmdline
  pid="$(cat "$pid_file")"
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/${pid:-0}/cmdline")" || return 1
  [[ "$cmdline" == *"$main_class"* ]]
}

fail() {
  echo "neo4j: $1" >&2
  if [[ -f "$log_file" ]]; then
    echo "--- last lines of $log_file ---" >&2
    tail -n 40 "$log_file" >&2
  fi
  exit 1
}

mkdir -p "$run_dir"

if running && port_open && [[ -f "$env_file" ]]; then
  echo "neo4j: already running (pid $(cat "$pid_file"))"
  cat "$env_file"
  exit 0
fi

if ! running; then
  rm -f "$pid_file" "$env_file"
  port_open && fail "port $port is already in use by another process"

  # Build (compile + target/classpath.txt) when missing or older than the sources.
  class_file="$here/target/classes/diplograph/Neo4jServer.class"
  if [[ ! -f "$class_file" || ! -f "$here/target/classpath.txt" ]] ||
    [[ -n "$(find "$here/pom.xml" "$here/src" -newer "$class_file" -print -quit)" ]]; then
    echo "neo4j: building the launcher with Maven (the first build downloads ~150 MB)"
    mvn -B -q -Dstyle.color=never -f "$here/pom.xml" compile >"$run_dir/build.log" 2>&1 ||
      { tail -n 40 "$run_dir/build.log" >&2; fail "maven build failed"; }
  fi

  classpath="$here/target/classes:$(cat "$here/target/classpath.txt")"
  # shellcheck disable=SC2086 # java_opts is intentionally word-split
  NEO4J_PORT="$port" NEO4J_PASSWORD="$password" nohup java $java_opts \
    -cp "$classpath" "$main_class" "$run_dir/data" >"$log_file" 2>&1 </dev/null &
  echo "$!" >"$pid_file"
  echo "neo4j: starting (pid $!, log $log_file)"
fi

deadline=$((SECONDS + timeout))
until port_open && grep -q '^NEO4J_READY' "$log_file" 2>/dev/null; do
  kill -0 "$(cat "$pid_file")" 2>/dev/null || fail "server process exited during startup"
  if ((SECONDS >= deadline)); then
    "$here/stop.sh" >/dev/null 2>&1 || true
    fail "not ready after ${timeout}s"
  fi
  sleep 0.5
done

cat >"$env_file" <<EOF
NEO4J_URI=bolt://127.0.0.1:$port
NEO4J_USER=neo4j
NEO4J_PASSWORD=$password
NEO4J_DATABASE=neo4j
EOF
echo "neo4j: ready"
cat "$env_file"
