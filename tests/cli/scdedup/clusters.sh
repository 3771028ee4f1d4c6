# --clusters: one line per document, id<TAB>cluster<TAB>kept_id, the
# clusters numbered by the position of their kept document; the records
# written are the same as without it.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$SC_BIN/scdedup" --clusters "$t/c.tsv" news.jsonl > "$t/out"
cmp "$t/out" near.out
cat > "$t/want" <<'END'
a1	1	a1
b1	2	b1
a1-copy	1	a1
a1-norm	1	a1
b1-teaser	2	b1
a1-site	1	a1
c1-site	7	c1-site
s1	8	s1
s2	9	s2
s1-again	8	s1
news.jsonl:11	11	news.jsonl:11
c1	7	c1-site
punct	13	punct
punct2	13	punct
END
diff -u "$t/want" "$t/c.tsv"
# With --keep longest the kept id is the longest member's.
"$SC_BIN/scdedup" --keep longest --clusters "$t/l.tsv" news.jsonl > /dev/null
grep -q "^a1	1	a1-site$" "$t/l.tsv"
grep -q "^c1	7	c1-site$" "$t/l.tsv"
