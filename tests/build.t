#!/bin/sh
# The Makefile picks the build by compiler: profile-guided with GCC, plain
# with clang (which takes neither -fprofile-partial-training nor GCC's
# counts files), and objects follow a change of PGO.  Cases 1-2 are make -n;
# case 3 compiles one file.
cd "$(dirname "$0")/.." || exit 1
T=$(mktemp -d "${TMPDIR:-/tmp}/scbuild.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
echo "1..3"
st=0
# What `make` alone would do, whatever PGO=... the suite was run with
# (make puts command-line variables in the environment too).
dry() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u PGO -u PGO_GEN make -n CC="$1" O="$T/o" B="$T/b" all 2>&1; }
if command -v gcc >/dev/null 2>&1 && ! gcc -dM -E -x c /dev/null 2>/dev/null | grep -q __clang__; then
	if dry gcc | grep -q -- -fprofile-use; then
		echo "ok 1 - CC=gcc: profile-guided"
	else
		echo "not ok 1 - CC=gcc: profile-guided"; st=1
	fi
else
	echo "ok 1 # skip no gcc"
fi
if command -v clang >/dev/null 2>&1; then
	if out=$(dry clang | grep -- -fprofile); then
		echo "not ok 2 - CC=clang: a plain build"; st=1
		printf '%s\n' "$out" | head -2 | cut -c1-200 | sed 's/^/#   /'
	else
		echo "ok 2 - CC=clang: a plain build"
	fi
else
	echo "ok 2 # skip no clang"
fi
# Objects built with the profile (a stand-in stamp: no training run) are
# rebuilt for PGO=0, not taken as plain ones; and not rebuilt for nothing.
o="$T/m"; mkdir -p "$o/pgo" && touch "$o/pgo/trained"
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u PGO -u PGO_GEN make O="$o" CC=gcc "$@" "$o/common/hash.o" 2>&1; }
if ! command -v gcc >/dev/null 2>&1; then
	echo "ok 3 # skip no gcc"
elif ! mk PGO=1 >"$T/log" || ! grep -q 'fprofile-use.*hash\.c' "$T/log"; then
	echo "not ok 3 - an object built with PGO=1"; sed 's/^/#   /' "$T/log"; st=1
elif mk PGO=1 | grep -q 'hash\.c'; then
	echo "not ok 3 - PGO=1 again: nothing to rebuild"; st=1
elif ! mk PGO=0 | grep -q 'hash\.c'; then
	echo "not ok 3 - PGO=0 after PGO=1: the object is rebuilt"; st=1
else
	echo "ok 3 - PGO=0 after PGO=1: the object is rebuilt (and only then)"
fi
exit $st
