#!/usr/bin/env bash
# vendor.sh installs the GraphiQL and React builds pinned in package-lock.json with `npm ci`
# and copies the files the playground serves into ../playground/assets, where they are
# committed so that `go build` needs no npm.
#
#   web/vendor.sh          re-create the vendored files (byte-identical for the same lockfile)
#   web/vendor.sh --check  change no committed file; exit 1 if the vendored files differ
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
assets=../playground/assets

mode="write"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# vendor_files writes every vendored file into directory $1.
vendor_files() {
  cp node_modules/react/umd/react.production.min.js "$1/react.production.min.js"
  cp node_modules/react-dom/umd/react-dom.production.min.js "$1/react-dom.production.min.js"
  # The source map is not vendored, so drop the comment that would make devtools fetch it.
  sed '/^\/\/# sourceMappingURL=/d' node_modules/graphiql/dist/index.umd.js >"$1/graphiql.min.js"
  cp node_modules/graphiql/dist/style.css "$1/graphiql.min.css"
  node notices.mjs >"$1/THIRD_PARTY_NOTICES.txt"
}

vendor_files "$out"

if [[ $mode == write ]]; then
  mkdir -p "$assets"
  for f in "$out"/*; do
    cp "$f" "$assets/"
    echo "vendored $(basename "$f") ($(wc -c <"$f") bytes)"
  done
  exit 0
fi

status=0
for f in "$out"/*; do
  name=$(basename "$f")
  if [[ ! -f $assets/$name ]]; then
    echo "missing: playground/assets/$name" >&2
    status=1
  elif ! cmp -s "$f" "$assets/$name"; then
    echo "differs: playground/assets/$name (run web/vendor.sh)" >&2
    status=1
  fi
done
if [[ $status == 0 ]]; then
  echo "playground/assets: vendored files match package-lock.json"
fi
exit $status
