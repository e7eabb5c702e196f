# diplograph — build, test and measure.
#
#   make build     the binary in bin/diplograph
#   make test      every test; starts the test Neo4j when NEO4J_URI is unset
#   make score     dev-set extraction score (needs ../shared/eval)
#   make bench     the Go benchmarks
#   make generate  regenerate gqlgen code after editing schema/schema.graphqls

SHELL := /bin/bash
GO ?= go
BIN := bin/diplograph
GOLD ?= ../shared/eval/dev
MIN_NODE_F1 ?= 0
MIN_EDGE_F1 ?= 0
MIN_DATE_ACC ?= 0
NEO4J_PASSWORD ?= diplograph-test

.PHONY: build test test-go score bench generate neo4j-start neo4j-stop fuzz vendor-check clean

build:
	$(GO) build -o $(BIN) .

generate:
	$(GO) generate ./...

# test runs the whole suite against a real Neo4j. When NEO4J_URI is unset it
# starts the project's own Neo4j (scripts/neo4j) and stops it afterwards;
# if that Neo4j cannot start, the run fails.
test:
	@if [ -n "$$NEO4J_URI" ]; then \
		$(MAKE) --no-print-directory test-go; \
	else \
		bash scripts/neo4j/start.sh || { echo "make test: the test Neo4j did not start" >&2; exit 1; }; \
		trap 'bash scripts/neo4j/stop.sh' EXIT; \
		NEO4J_URI=bolt://127.0.0.1:$${NEO4J_PORT:-7687} NEO4J_USER=neo4j \
		NEO4J_PASSWORD=$(NEO4J_PASSWORD) NEO4J_DATABASE=neo4j \
		$(MAKE) --no-print-directory test-go; \
	fi

test-go:
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 20m ./...
	# The real-corpus load (2,013 releases into both stores) runs without -race.
	$(GO) test -count=1 -timeout 30m -run '^TestLoadRealCorpus$$' .

score: build
	python3 $(GOLD)/../score.py --cmd "./$(BIN) extract --json" --gold $(GOLD) \
		--min-node-f1 $(MIN_NODE_F1) --min-edge-f1 $(MIN_EDGE_F1) --min-date-acc $(MIN_DATE_ACC)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzExtract -fuzztime 60s ./loader/

neo4j-start:
	bash scripts/neo4j/start.sh

neo4j-stop:
	bash scripts/neo4j/stop.sh

vendor-check:
	bash web/vendor.sh --check

clean:
	rm -rf bin
