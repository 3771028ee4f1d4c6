# A page that comes again (a mirror, a page crawled twice) gives the output
# and the counts it gave the first time: scstrip's memo of pages keeps which
# blocks it kept and writes the copy's output from them, with the same breaks
# between lines of one paragraph and between paragraphs, also when the copy
# comes after thousands of other pages.
set -e
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
page='{"id":"copy","text":"Harbour Gazette\nHome | News | Sport | Weather\n\nThe port authority said on Monday that the new crane would double the number of ships that can be unloaded in a day.\nIt will be delivered in parts by sea and put together on the quay over the winter months.\n\nShare\nTweet\n\nFishermen complained at the meeting that the fuel prices had risen again and that many boats could not afford to go out.\n\nRelated articles\nMore news from the harbour"}'
other() {
	printf '{"id":"o%s","text":"Menu\\n\\nThe old lighthouse number %s will open to visitors in the summer after the restoration of its lamp room and staircase."}\n' "$1" "$1"
}
printf '%s\n' "$page" > "$tmp/one.jsonl"
"$SC_BIN/scstrip" --stats < "$tmp/one.jsonl" > "$tmp/one.out" 2> "$tmp/one.err"
# The page has a paragraph of two lines and one of one line, and lost its menu.
grep -q 'in a day.\\nIt will be' "$tmp/one.out"
grep -q 'winter months.\\n\\nFishermen' "$tmp/one.out"
! grep -q 'Weather' "$tmp/one.out"
# Right after itself, and after 5000 other pages.
{ printf '%s\n' "$page" "$page"; i=0; while [ $i -lt 5000 ]; do other $i; i=$((i + 1)); done
  printf '%s\n' "$page"; } > "$tmp/many.jsonl"
"$SC_BIN/scstrip" --stats < "$tmp/many.jsonl" > "$tmp/many.out" 2> "$tmp/many.err"
[ "$(grep -c '"id":"copy"' "$tmp/many.out")" -eq 3 ]
grep '"id":"copy"' "$tmp/many.out" | sort -u > "$tmp/copies"
cmp "$tmp/copies" "$tmp/one.out"
# The kept and dropped lines of the copies are counted as the first's.
k=$(sed -n 's/.*lines\.kept \([0-9]*\).*/\1/p' "$tmp/one.err")
d=$(sed -n 's/.*lines\.dropped \([0-9]*\).*/\1/p' "$tmp/one.err")
[ -n "$k" ] && [ -n "$d" ]
grep -q "lines.kept $((3 * k + 5000))" "$tmp/many.err"
grep -q "lines.dropped $((3 * d + 5000))" "$tmp/many.err"
