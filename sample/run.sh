#!/bin/sh
# The quick start's second half: run the whole pipeline on the bundled
# sample and show what came out.  `make quickstart` builds first; run this
# from the top of the source tree (or give the programs' directory in $B).
set -eu
B=${B:-bin}
in=sample/harbor-ledger-dump.txt
out=${OUT:-sample/corpus.jsonl}

"$B/scsplit" "$in" | "$B/scmeta" -g page | "$B/scstrip" |
    "$B/scmeta" -g text | "$B/scdedup" --stats >"$out"

echo
echo "== $in: $(wc -l <"$in") lines, $(wc -c <"$in") bytes, 4 pages in two languages"
echo "== $out: $(wc -l <"$out") documents (the repeated page was dropped)"
echo
# Each document: its tags, then its clean text.
n=$(wc -l <"$out")
i=1
while [ "$i" -le "$n" ]; do
	sed -n "${i}p" "$out" >"$out.one"
	"$B/scmeta" -g text -F kv -f title,date,author,site,categories,lang,words "$out.one"
	echo "text:"
	"$B/scsplit" -T "$out.one" | fold -s -w 76 | sed 's/^/    /'
	echo
	i=$((i + 1))
done
rm -f "$out.one"
