# Exact copies: scmeta remembers the metadata of a text it has seen (with
# the same url) and gives it again; every record must read as it does
# alone.  The copy with another url gets its own date, read from that url.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
a='Harbour ferry returns after winter repairs\n\nBy Ann Keller\n\nThe small ferry that links the old harbour with the island is back in service after three months in the yard. Its owners replaced the engine and the ramp, and the first crossing on Monday was full.\n\nThe timetable is the same as last summer: a boat every forty minutes from seven in the morning.'
b='Der Gemeinderat hat am Dienstag den Haushalt beschlossen. Die Schule bekommt ein neues Dach, und die Bibliothek bleibt auch samstags geöffnet.'
{
	printf '{"id":"a1","url":"https://example.org/news/ferry","text":"%s"}\n' "$a"
	printf '{"id":"b1","text":"%s"}\n' "$b"
	printf '{"id":"a2","url":"https://example.org/news/ferry","text":"%s"}\n' "$a"
	printf '{"id":"a3","url":"https://example.org/2021/03/05/ferry","text":"%s"}\n' "$a"
	printf '{"id":"b2","text":"%s"}\n' "$b"
	printf '{"id":"a4","text":"%s","metadata":{"title":"kept"}}\n' "$a"
} > "$t/in"
"$SC_BIN/scmeta" "$t/in" > "$t/all"
: > "$t/one"
while IFS= read -r line; do
	printf '%s\n' "$line" | "$SC_BIN/scmeta" >> "$t/one"
done < "$t/in"
cmp "$t/all" "$t/one"
# The copies really are copies of their first sight's metadata ...
a1=$(sed -n 1p "$t/all" | sed 's/.*"metadata"://')
a2=$(sed -n 3p "$t/all" | sed 's/.*"metadata"://')
[ "$a1" = "$a2" ]
# ... and the one with another url is not.
a3=$(sed -n 4p "$t/all" | sed 's/.*"metadata"://')
[ "$a1" != "$a3" ]
printf '%s\n' "$a3" | grep -q '"date":"2021-03-05"'
# A copy in the same batch (stdout a file) whose first sight's memo slot
# was taken by a record between them: "notice 30322" falls in the slot of
# the ferry's text (XXH3-128, 8192 slots, --now: no day in the key), so
# the second ferry record is tagged in full, and reads as it does alone.
{
	printf '{"id":"f1","text":"The harbour ferry is back in service after three months in the yard."}\n'
	printf '{"id":"n","text":"The library keeps its Saturday hours, notice 30322."}\n'
	printf '{"id":"f2","text":"The harbour ferry is back in service after three months in the yard."}\n'
} > "$t/col"
"$SC_BIN/scmeta" --now 2024-01-01 "$t/col" > "$t/all"
: > "$t/one"
while IFS= read -r line; do
	printf '%s\n' "$line" | "$SC_BIN/scmeta" --now 2024-01-01 >> "$t/one"
done < "$t/col"
cmp "$t/all" "$t/one"
f1=$(sed -n 1p "$t/all" | sed 's/.*"metadata"://')
f2=$(sed -n 3p "$t/all" | sed 's/.*"metadata"://')
[ "$f1" = "$f2" ]
