# A full disk is an error (status 2, one message); a reader that went away
# is a quiet stop; an unreadable file among readable ones is reported and
# skipped.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$SC_BIN/scdedup" news.jsonl > /dev/full 2> "$t/err"
test $? = 2 || exit 1
grep -q "write error" "$t/err" || exit 1
"$SC_BIN/scdedup" news.jsonl "$t/missing" news.jsonl > "$t/out" 2> "$t/err"
test $? = 2 || exit 1
grep -q "missing" "$t/err" || exit 1
cmp "$t/out" near.out || exit 1
"$SC_BIN/scdedup" --save-index "$t/no/such/dir/idx" news.jsonl > /dev/null 2> "$t/err"
test $? = 2 || exit 1
test -s "$t/err" || exit 1
