# Lines that recur across documents are boilerplate with --two-pass, and a
# document's output does not depend on the order of the stream.
set -e
mk() {
	printf '{"id":"%s","text":"Site Header Menu Line Here\\n\\n%s\\n\\nSubscribe to the Weekly Harbour Letter today\\n\\nHarbour Gazette Sidebar Promo Line"}\n' "$1" "$2"
}
a="The port authority said on Monday that the new crane would double the number of ships that can be unloaded in a day."
b="Fishermen complained at the meeting that the fuel prices had risen again and that many boats could not afford to go out."
c="The old lighthouse will open to visitors in the summer after the restoration of its lamp room and the spiral staircase."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
{ mk d1 "$a"; mk d2 "$b"; mk d3 "$c"; } > "$tmp/in1.jsonl"
{ mk d3 "$c"; mk d1 "$a"; mk d2 "$b"; } > "$tmp/in2.jsonl"
"$SC_BIN/scstrip" --two-pass -m corpus < "$tmp/in1.jsonl" > "$tmp/out1"
"$SC_BIN/scstrip" --two-pass -m corpus "$tmp/in2.jsonl" > "$tmp/out2"
# The promo line is in all three documents: gone with the evidence ...
! grep -q "Sidebar Promo" "$tmp/out1"
grep -q "new crane" "$tmp/out1"
# ... the same output per document whatever the order.
grep '"d1"' "$tmp/out1" > "$tmp/a"; grep '"d1"' "$tmp/out2" > "$tmp/b"; cmp "$tmp/a" "$tmp/b"
grep '"d3"' "$tmp/out1" > "$tmp/a"; grep '"d3"' "$tmp/out2" > "$tmp/b"; cmp "$tmp/a" "$tmp/b"
# --learn then --df gives what --two-pass gives.
"$SC_BIN/scstrip" --learn "$tmp/t.df" < "$tmp/in1.jsonl" > "$tmp/none"
[ ! -s "$tmp/none" ]
head -1 "$tmp/t.df" | grep -q '^sctools-df 1$'
tail -1 "$tmp/t.df" | grep -q '^threshold [0-9a-f]* docs 3$'
"$SC_BIN/scstrip" --df "$tmp/t.df" -m corpus < "$tmp/in1.jsonl" > "$tmp/out3"
cmp "$tmp/out1" "$tmp/out3"
# A capped table still gives the same answer for the lines it kept.
"$SC_BIN/scstrip" --two-pass --df-cap 16 -m corpus < "$tmp/in2.jsonl" > "$tmp/out4"
grep -q "new crane" "$tmp/out4"
