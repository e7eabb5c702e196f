#!/usr/bin/env bash
# vendor.sh installs the GraphiQL, React and Cytoscape.js builds pinned in package-lock.json
# with `npm ci` and copies the files the playground and the explorer serve into
# ../playground/assets and ../explore/assets, where they are committed so that `go build`
# needs no npm.
#
#   web/vendor.sh          re-create the vendored files (byte-identical for the same lockfile)
#   web/vendor.sh --check  change no committed file; exit 1 if the vendored files differ
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

mode="write"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# vendor_files writes every vendored file into directory $1/<package>/.
vendor_files() {
  local p="$1/playground" e="$1/explore"
  mkdir -p "$p" "$e"
  cp node_modules/react/umd/react.production.min.js "$p/react.production.min.js"
  cp node_modules/react-dom/umd/react-dom.production.min.js "$p/react-dom.production.min.js"
  # The source map is not vendored, so drop the comment that would make devtools fetch it.
  sed '/^\/\/# sourceMappingURL=/d' node_modules/graphiql/dist/index.umd.js >"$p/graphiql.min.js"
  cp node_modules/graphiql/dist/style.css "$p/graphiql.min.css"
  node notices.mjs >"$p/THIRD_PARTY_NOTICES.txt"
  cp node_modules/cytoscape/dist/cytoscape.min.js "$e/cytoscape.min.js"
  node notices.mjs explorer >"$e/THIRD_PARTY_NOTICES.txt"
}

vendor_files "$out"

if [[ $mode == write ]]; then
  for f in "$out"/*/*; do
    pkg=$(basename "$(dirname "$f")")
    mkdir -p "../$pkg/assets"
    cp "$f" "../$pkg/assets/"
    echo "vendored $pkg/assets/$(basename "$f") ($(wc -c <"$f") bytes)"
  done
  exit 0
fi

status=0
for f in "$out"/*/*; do
  name=$(basename "$f")
  pkg=$(basename "$(dirname "$f")")
  if [[ ! -f ../$pkg/assets/$name ]]; then
    echo "missing: $pkg/assets/$name" >&2
    status=1
  elif ! cmp -s "$f" "../$pkg/assets/$name"; then
    echo "differs: $pkg/assets/$name (run web/vendor.sh)" >&2
    status=1
  fi
done
if [[ $status == 0 ]]; then
  echo "playground/assets, explore/assets: vendored files match package-lock.json"
fi
exit $status
