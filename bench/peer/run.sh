#!/usr/bin/env bash
# The peer benchmark (make bench-peer): generates N articles, loads them into
# a fresh Neo4j and a fresh embedded store, serves them with diplograph on
# each and with the Neo4j GraphQL Library (bench/peer/neo4jgraphql) on the
# Neo4j, then runs bench/peer/loadgen, which checks that the three answer
# alike and prints the ratio table. Everything it starts it stops.
#
#   N=5000 D=5s ROUNDS=3 CLIENTS=1,10,50 bash bench/peer/run.sh
#
# PEER_NEO4J_PORT (7788) and PEER_PORT_BASE (18080: +1 diplograph/neo4j,
# +2 diplograph/embedded, +3 the peer) choose the ports; KEEP=1 leaves the
# servers running and the work folder in place, to look into a difference.
set -euo pipefail
cd "$(dirname "$0")/../.."

n="${N:-5000}"
dur="${D:-5s}"
rounds="${ROUNDS:-3}"
clients="${CLIENTS:-1,10,50}"
samples="${SAMPLES:-50}"
neo_port="${PEER_NEO4J_PORT:-7788}"
base="${PEER_PORT_BASE:-18080}"
password=diplograph-test
work="$(mktemp -d /tmp/diplograph-bench-peer.XXXXXX)"
pids=()

neo_env=(NEO4J_PORT="$neo_port" NEO4J_RUN_DIR="$work/neo4j" NEO4J_PASSWORD="$password")
cleanup() {
	if [ -n "${KEEP:-}" ]; then
		echo "bench-peer: KEEP is set: servers left running (pids ${pids[*]}), work in $work" >&2
		return
	fi
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	env "${neo_env[@]}" bash scripts/neo4j/stop.sh >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

step() { echo "bench-peer: $*" >&2; }

# wait_for URL: until a GraphQL server answers at URL (60 s at most).
wait_for() {
	for _ in $(seq 600); do
		if curl -fsS -o /dev/null -H 'Content-Type: application/json' \
			--data '{"query":"{ __typename }"}' "$1" 2>/dev/null; then
			return 0
		fi
		sleep 0.1
	done
	echo "bench-peer: nothing answers at $1" >&2
	return 1
}

step "building diplograph and the corpus of $n articles"
go build -o "$work/diplograph" .
go build -o "$work/loadgen" ./bench/peer/loadgen
go run ./bench/peer/gencorpus -n "$n" -seed 1 "$work/corpus"
(cd bench/peer/neo4jgraphql && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

step "starting Neo4j on port $neo_port"
env "${neo_env[@]}" bash scripts/neo4j/start.sh >/dev/null
uri="bolt://127.0.0.1:$neo_port"
neo=(NEO4J_URI="$uri" NEO4J_USER=neo4j NEO4J_PASSWORD="$password" NEO4J_DATABASE=neo4j)

step "loading into Neo4j and into the embedded store"
env "${neo[@]}" "$work/diplograph" load "$work/corpus" >/dev/null
env -u NEO4J_URI "$work/diplograph" load --data "$work/embedded" "$work/corpus" >/dev/null

step "serving"
env "${neo[@]}" "$work/diplograph" serve --addr "127.0.0.1:$((base + 1))" \
	>"$work/neo4j-serve.log" 2>&1 &
pids+=($!)
env -u NEO4J_URI "$work/diplograph" serve --addr "127.0.0.1:$((base + 2))" \
	--data "$work/embedded" >"$work/embedded-serve.log" 2>&1 &
pids+=($!)
(cd bench/peer/neo4jgraphql && exec env "${neo[@]}" PORT="$((base + 3))" node server.mjs) \
	>"$work/peer.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$((base + 1))/graphql"
wait_for "http://127.0.0.1:$((base + 2))/graphql"
wait_for "http://127.0.0.1:$((base + 3))/"

step "measuring: $rounds rounds of $dur per query, load and server"
"$work/loadgen" -neo4j "http://127.0.0.1:$((base + 1))/graphql" \
	-embedded "http://127.0.0.1:$((base + 2))/graphql" -peer "http://127.0.0.1:$((base + 3))/" \
	-clients "$clients" -d "$dur" -rounds "$rounds" -samples "$samples"
