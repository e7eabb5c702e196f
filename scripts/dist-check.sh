#!/usr/bin/env bash
# Checks what `make dist` wrote: one binary per platform, each static
# (CGO_ENABLED=0), built with -trimpath for its GOOS/GOARCH and holding the
# VERSION and COMMIT stamp; the sums match; the host's binary prints the stamp.
#   scripts/dist-check.sh DIR VERSION COMMIT PLATFORM...
set -euo pipefail
dir=$1 version=$2 commit=$3
shift 3
cd "$dir"
for f in LICENSE NOTICE THIRD_PARTY_LICENSES.txt SHA256SUMS; do
	[ -s "$f" ] || { echo "dist-check: $dir/$f is missing or empty" >&2; exit 1; }
done
sha256sum --check --quiet SHA256SUMS
for p in "$@"; do
	os=${p%/*} arch=${p#*/} ext=
	[ "$os" = windows ] && ext=.exe
	bin=diplograph-$version-$os-$arch$ext
	[ -f "$bin" ] || { echo "dist-check: $dir/$bin is missing" >&2; exit 1; }
	grep -q " \*\?$bin\$" SHA256SUMS || { echo "dist-check: $bin has no sum" >&2; exit 1; }
	info=$(go version -m "$bin")
	for want in "build	CGO_ENABLED=0" "build	-trimpath=true" "build	GOOS=$os" \
		"build	GOARCH=$arch"; do
		grep -qF -- "$want" <<<"$info" || {
			echo "dist-check: $bin: build info lacks '$want'" >&2
			exit 1
		}
	done
	# -trimpath keeps -ldflags out of the build info; the stamped strings are in the data.
	for want in "$version" "$commit"; do
		grep -qaF -- "$want" "$bin" || {
			echo "dist-check: $bin does not contain its stamp '$want'" >&2
			exit 1
		}
	done
done
host=diplograph-$version-$(go env GOOS)-$(go env GOARCH)
[ "$(go env GOOS)" = windows ] && host=$host.exe
out=$("./$host" version)
echo "$out"
grep -qx "diplograph $version" <<<"$out" && grep -q "commit   $commit" <<<"$out" || {
	echo "dist-check: $host version does not print the stamp $version $commit" >&2
	exit 1
}
echo "dist-check: $# binaries, sums and stamps ok"
