# UTF-16 without a byte order mark (sctools(7): "text with many NUL bytes
# in alternate positions is UTF-16"): English text saved so is valid UTF-8
# byte for byte (ASCII and NULs), which used to win, so the text came out
# as T\u0000h\u0000e... .  Both byte orders, each tool.
. ./lib.sh
text='The council met on Tuesday and agreed to publish the report next month.
Residents said the survey results should be part of it.
'
printf '%s' "$text" | iconv -f UTF-8 -t UTF-16LE > "$T/le.txt" || exit 0
printf '%s' "$text" | iconv -f UTF-8 -t UTF-16BE > "$T/be.txt" || exit 0
for f in le be; do
	run scsplit "$T/$f.txt" > "$T/out" || fail "scsplit $f: status $?"
	grep -q '"text":"The council met on Tuesday' "$T/out" || fail "scsplit $f: $(head -c 200 "$T/out")"
	run scmeta -f words "$T/$f.txt" | grep -q '"words":23' || fail "scmeta $f"
	run scdedup -u line "$T/$f.txt" > "$T/out" || fail "scdedup $f: status $?"
	printf '%s' "$text" | cmp -s - "$T/out" || fail "scdedup -u line $f: $(od -c "$T/out" | head -3)"
	run scstrip "$T/$f.txt" | grep -q '^The council met on Tuesday' || fail "scstrip $f"
	# Through a pipe too.
	run scsplit < "$T/$f.txt" | grep -q '"text":"The council met on Tuesday' || fail "scsplit $f (stdin)"
done
exit 0
