# An index or table that cannot be saved where asked is a usage error at
# the start, not after the whole run: scdedup --save-index and scstrip
# --learn into a missing directory used to process everything (hours, on
# a corpus) and only then fail.
. ../stream/lib.sh
printf '{"id":"a","text":"one two three four five six"}\n{"id":"b","text":"one two three four five six"}\n' > "$T/in"
run scdedup --save-index "$T/no/such/dir/i.idx" "$T/in" > "$T/out" 2> "$T/err"
st=$?
[ $st = 2 ] || fail "--save-index: status $st"
[ -s "$T/out" ] && fail "--save-index: records written before the failure: $(cat "$T/out")"
grep -q "^scdedup: $T/no/such/dir/i.idx: No such file or directory$" "$T/err" || fail "--save-index: $(cat "$T/err")"
run scstrip --learn "$T/no/such/dir/df.tab" "$T/in" > /dev/null 2> "$T/err"
st=$?
[ $st = 2 ] || fail "--learn: status $st"
grep -q "^scstrip: $T/no/such/dir/df.tab: No such file or directory$" "$T/err" || fail "--learn: $(cat "$T/err")"
# Where the file can be made, nothing changes.
run scdedup --save-index "$T/i.idx" "$T/in" > /dev/null || fail "--save-index: status $?"
[ -s "$T/i.idx" ] || fail "--save-index: no index"
exit 0
