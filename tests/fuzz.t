#!/bin/sh
# Replay every fuzz harness over its saved corpus (tests/fuzz/corpus/NAME).
: "${SC_BUILD:=build}"
cd "$(dirname "$0")/.." || exit 1
n=0
for r in "$SC_BUILD"/tests/replay_fuzz_*; do [ -x "$r" ] && n=$((n + 1)); done
echo "1..$n"
i=0
st=0
for r in "$SC_BUILD"/tests/replay_fuzz_*; do
	[ -x "$r" ] || continue
	i=$((i + 1))
	if out=$("$r" 2>&1); then
		echo "ok $i - $(basename "$r"): $(echo "$out" | tail -1)"
	else
		echo "not ok $i - $(basename "$r")"
		echo "$out" | tail -20 | sed 's/^/#   /'
		st=1
	fi
done
exit $st
