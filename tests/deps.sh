#!/bin/sh
# Install the Debian packages sctools needs to build and test, when they
# are missing.  As root it runs apt-get; otherwise it prints the command.
pkgs="build-essential pkg-config libpcre2-dev libxxhash-dev libutf8proc-dev
libuchardet-dev libicu-dev libcld2-dev zlib1g-dev libzstd-dev libxml2-dev
mandoc perl parallel python3 clang libclang-rt-14-dev valgrind zstd gzip time"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y --no-install-recommends $missing >/dev/null ||
	    { apt-get update >/dev/null && apt-get install -y --no-install-recommends $missing >/dev/null; } ||
	    { echo "deps: apt-get failed; run: apt-get install$missing" >&2; exit 1; }
else
	echo "deps: missing packages; run as root:" >&2
	echo "  apt-get install$missing" >&2
	exit 1
fi
