# With -z a NUL byte ends a document, so one cannot be written inside one:
# a JSON Lines text holding \u0000 written with -T -z must stay one
# document (the NUL is dropped, as normalisation drops C0 controls), not
# come out as two.
. ./lib.sh
printf '{"id":"a","text":"one \\u0000 two words here"}\n{"id":"b","text":"three\\u0000"}\n' > "$T/in"
for t in scsplit scmeta scstrip scdedup; do
	run $t -T -z "$T/in" > "$T/out" 2> "$T/err" || fail "$t: exit $? $(cat "$T/err")"
	n=$(tr -cd '\000' < "$T/out" | wc -c)
	[ "$n" -eq 2 ] || fail "$t -T -z: $n NUL bytes for 2 documents"
done
# Read back, the two documents are two.
run scsplit -T -z "$T/in" | run scmeta -z -f words > "$T/out" || fail "pipe"
[ "$(wc -l < "$T/out")" -eq 2 ] || fail "read back: $(cat "$T/out")"
grep -q '"id":"stdin:1".*"words":4' "$T/out" || fail "read back: $(cat "$T/out")"
exit 0
