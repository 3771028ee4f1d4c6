#!/bin/sh
# examples/Makefile, the make-driven corpus build: it builds, is then up
# to date, rebuilds only the dump that changed (and the final dedup), and
# an incremental build gives the same bytes as a build from scratch.
# Runs on a copy of examples/ so the source tree stays clean.
here=$(cd "$(dirname "$0")/.." && pwd)
: "${SC_BIN:=$here/bin}"
SC_BIN=$(cd "$SC_BIN" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/scex.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cp -R "$here/examples" "$tmp/ex"
cd "$tmp/ex" || exit 1
rm -rf out
M="make --no-print-directory SC_BIN=$SC_BIN"
echo "1..7"
n=0 st=0
t() {	# t DESCRIPTION COMMAND...: one test line
	d=$1
	shift
	n=$((n + 1))
	if "$@" > "$tmp/log" 2>&1; then
		echo "ok $n - $d"
	else
		echo "not ok $n - $d"
		sed 's/^/#   /' "$tmp/log" | head -20
		st=1
	fi
}
mtimes() { stat -c '%n %Y.%y' out/clean/*.jsonl; }

t "make -j2 builds the corpus" $M -j2
# Five pages in three dumps; one page is syndicated in a second dump.
t "duplicate across dumps removed" sh -c \
    'test "$(wc -l < out/corpus.jsonl)" -eq 4 && grep -q "^dumps/valley.txt:1	1	dumps/riverside.txt:1$" out/clusters.tsv'
t "up to date after the build" $M -q
mtimes > "$tmp/before"
sleep 1
touch dumps/valley.txt
t "touching one dump rebuilds that dump only" sh -c "$M -j2 > '$tmp/make.out' 2>&1 &&
    test \"\$(grep -c 'scsplit' '$tmp/make.out')\" -eq 1 &&
    grep -q 'scsplit --source valley dumps/valley.txt' '$tmp/make.out' &&
    grep -q scdedup '$tmp/make.out'"
mtimes > "$tmp/after"
t "the other dumps' files untouched" sh -c \
    "diff '$tmp/before' '$tmp/after' | grep '^>' | grep -v 'out/clean/valley.jsonl' | grep -q . && exit 1; \
     diff '$tmp/before' '$tmp/after' | grep -q 'valley'"
cp out/corpus.jsonl "$tmp/incremental.jsonl"
t "incremental build equals a build from scratch" sh -c \
    "$M clean > /dev/null && $M -j2 > /dev/null && cmp out/corpus.jsonl '$tmp/incremental.jsonl'"
# A changed dump: a second copy of the German page is found as a duplicate.
sleep 1
{ printf '\f\n'; sed -n '/^Die Stadtbibliothek/,/^Für die/p' dumps/stadtbote.txt; } >> dumps/stadtbote.txt
t "a change in a dump reaches the corpus" sh -c \
    "$M -j2 > /dev/null && test \"\$(wc -l < out/corpus.jsonl)\" -eq 4 &&
    grep -q '^dumps/stadtbote.txt:2	[0-9]*	dumps/stadtbote.txt:1$' out/clusters.tsv"
exit $st
