#!/bin/sh
# Run every unit-test program built from tests/unit/*.c as one TAP stream
# per program (prove runs this file; each program prints its own plan).
# To see one program: build/tests/test_utf8
: "${SC_BUILD:=build}"
status=0
n=0
for t in "$SC_BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	n=$((n + 1))
done
echo "1..$n"
i=0
for t in "$SC_BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	i=$((i + 1))
	name=$(basename "$t")
	if out=$(cd "$(dirname "$0")/.." && "$t" 2>&1); then
		echo "ok $i - $name"
	else
		echo "not ok $i - $name"
		printf '%s\n' "$out" | grep -v '^ok ' | sed 's/^/#   /'
		status=1
	fi
done
exit $status
