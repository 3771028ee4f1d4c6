# tests/gen-corpus, the benchmark corpus: the same seed gives the same
# bytes; the text dump, the NUL-separated text and the JSON Lines hold the
# same pages; six languages; about 30% exact and near duplicates.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
PATH="$SC_BIN:$PATH"
g=../../gen-corpus
python3 $g -s 4 -n 400 --dump "$t/a.txt" --nul "$t/a.nul" --jsonl "$t/a.jsonl" --truth "$t/a.tsv"
python3 $g -s 4 -n 400 --dump "$t/b.txt" --jsonl "$t/b.jsonl"
cmp "$t/a.txt" "$t/b.txt"
cmp "$t/a.jsonl" "$t/b.jsonl"
python3 $g -s 5 -n 400 --jsonl "$t/c.jsonl"
! cmp -s "$t/a.jsonl" "$t/c.jsonl"
# The three encodings carry the same texts.
scsplit "$t/a.txt" | scsplit -T -z > "$t/from-dump.nul"
scsplit -T -z "$t/a.jsonl" > "$t/from-jsonl.nul"
cmp "$t/from-dump.nul" "$t/from-jsonl.nul"
test "$(tr -cd '\000' < "$t/a.nul" | wc -c)" -eq 399
test "$(wc -l < "$t/a.jsonl")" -eq 400
# Duplicates: 20-40% of the documents, of every kind.
awk -F '\t' '$2 != "new" { d++ } { k[$2]++ }
    END { exit !(d >= 80 && d <= 160 && k["exact"] && k["edit"] && k["teaser"] && k["syndicated"]) }' "$t/a.tsv"
# An exact copy is the same bytes as its original.
awk -F '\t' '$2 == "exact" { print $1 "\t" $3; exit }' "$t/a.tsv" > "$t/pair"
IFS='	' read -r dup of < "$t/pair"
a=$(grep "\"id\": \"$dup\"" "$t/a.jsonl" | sed 's/^{"id": "[^"]*", "url": "[^"]*", //')
b=$(grep "\"id\": \"$of\"" "$t/a.jsonl" | sed 's/^{"id": "[^"]*", "url": "[^"]*", //')
test "$a" = "$b"
# Six languages, as scmeta sees them.
test "$(scmeta -f lang -F tsv "$t/a.jsonl" | cut -f2 | sort -u | grep -c -x -E 'en|de|fr|es|ru|zh')" -eq 6
