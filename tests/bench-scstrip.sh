#!/bin/sh
# Benchmark of scstrip: speed on a generated JSON Lines corpus of pages
# (one core), with the ratio to wc -l on the same file, then the dev-set
# scores when ../shared/data is there.  For tests/bench.sh (make bench).
#   sh tests/bench-scstrip.sh            200 MB corpus
#   BENCH_MB=50 sh tests/bench-scstrip.sh
cd "$(dirname "$0")/.." || exit 2
mb=${BENCH_MB:-200}
bin=${SC_BIN:-bin}
shared=${SHARED:-../shared}
[ -d "$shared" ] || shared=/work/shared
tmp=$(mktemp -d "${TMPDIR:-/tmp}/scbench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# Pages: the dev dumps when present, else the test fixtures.
if ls "$shared"/data/strip-dev/*.w3m.txt >/dev/null 2>&1; then
	pages="$shared/data/strip-dev/*.w3m.txt $shared/data/traf-dev/*.w3m.txt"
else
	pages="tests/cli/scstrip/*.in"
fi
# One JSON object a page (scsplit does the escaping), repeated up to the size.
for p in $pages; do
	"$bin/scsplit" -J "$p" 2>/dev/null
done >"$tmp/one.jsonl"
[ -s "$tmp/one.jsonl" ] || { echo "bench: no pages"; exit 2; }
: >"$tmp/corpus.jsonl"
while [ "$(wc -c <"$tmp/corpus.jsonl")" -lt $((mb * 1000000)) ]; do
	cat "$tmp/one.jsonl" >>"$tmp/corpus.jsonl"
done
size=$(wc -c <"$tmp/corpus.jsonl")

secs() {	# user+sys seconds of a command, one core
	/usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{ print $1 + $2 }'
}
t_wc=$(secs wc -l "$tmp/corpus.jsonl")
t_st=$(secs "$bin/scstrip" "$tmp/corpus.jsonl")
awk -v s="$size" -v a="$t_st" -v w="$t_wc" 'BEGIN {
	rate = (a > 0) ? s / 1e6 / a : 0
	ratio = (w > 0) ? a / w : 0
	printf "scstrip: %.1f MB in %.2f s: %.1f MB/s (wc -l: %.3f s, %.0fx slower)\n",
	    s / 1e6, a, rate, w, ratio }'

if [ -x "$shared/tools/score-strip" ]; then
	for r in w3m lynx; do
		printf 'strip-dev %s: ' $r
		"$shared/tools/score-strip" --renderer $r --quiet -- "$bin/scstrip"
	done
	printf 'traf-dev: '
	"$shared/tools/score-traf" strip -- "$bin/scstrip" | tail -1
fi
