# An index saved after the first half of a corpus, loaded for the second
# half, gives what one run over the whole corpus gives; the index file is
# replaced atomically; foreign, corrupt, truncated and mismatched index
# files are refused with a clear message and status 2.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
head -n 7 news.jsonl > "$t/h1"
tail -n +8 news.jsonl > "$t/h2"
"$SC_BIN/scdedup" --save-index "$t/idx" "$t/h1" > "$t/o1"
"$SC_BIN/scdedup" --index "$t/idx" --save-index "$t/idx" "$t/h2" > "$t/o2"
cat "$t/o1" "$t/o2" | cmp - near.out
ls "$t" | grep -v -e '^h[12]$' -e '^o[12]$' -e '^idx$' && exit 1
# The second index holds both halves: the whole corpus is all duplicates.
"$SC_BIN/scdedup" --index "$t/idx" news.jsonl > "$t/o3"
test ! -s "$t/o3"
# --mark against the index names the kept documents of the first run.
"$SC_BIN/scdedup" --index "$t/idx" --mark "$t/h2" | grep -q '"dup":{"of":"c1-site"'

refuse() {	# refuse FILE MESSAGE
	if "$SC_BIN/scdedup" --index "$1" "$t/h2" > "$t/out" 2> "$t/err"; then
		echo "accepted $1"; exit 1
	fi
	grep -q "$2" "$t/err" || { cat "$t/err"; exit 1; }
	test ! -s "$t/out"
}
printf 'not an index\n' > "$t/foreign"
refuse "$t/foreign" "not an scdedup index file"
head -c 100 "$t/idx" > "$t/short"
refuse "$t/short" "index file is truncated"
cp "$t/idx" "$t/bad"
printf 'X' | dd of="$t/bad" bs=1 seek=200 conv=notrunc 2>/dev/null
refuse "$t/bad" "corrupt"
refuse "$t/missing" "No such file"
"$SC_BIN/scdedup" -e --save-index "$t/exact" "$t/h1" > /dev/null
if "$SC_BIN/scdedup" --near --index "$t/exact" "$t/h2" > /dev/null 2> "$t/err"; then
	exit 1
fi
grep -q "built with other options" "$t/err"
# An index of paragraphs is no index of documents (the unit is saved with
# it); with no input, an index passes through with its own unit.
"$SC_BIN/scdedup" -u para --save-index "$t/para" pages.txt > /dev/null
refuse "$t/para" "other options (--unit para)"
"$SC_BIN/scdedup" -u para --index "$t/para" pages.txt > /dev/null
"$SC_BIN/scdedup" --index "$t/para" --save-index "$t/para2" < /dev/null
refuse "$t/para2" "other options (--unit para)"
