#!/bin/sh
# Every man page passes mandoc -T lint (warnings included).
cd "$(dirname "$0")/.." || exit 1
n=$(ls man/*.[17] | wc -l)
echo "1..$n"
i=0
st=0
for m in man/*.[17]; do
	i=$((i + 1))
	if out=$(mandoc -T lint -W warning "$m" 2>&1) && [ -z "$out" ]; then
		echo "ok $i - $m"
	else
		echo "not ok $i - $m"
		echo "$out" | sed 's/^/#   /'
		st=1
	fi
done
exit $st
