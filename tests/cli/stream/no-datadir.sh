# A data directory that is not there is reported once, naming it; the tools
# that can go on without word lists do (status 0), scstrip stops (status 2).
. ./lib.sh
printf '{"id":"a","text":"Dr. Smith went home. He slept. Then he ate."}\n' > "$T/in.jsonl"
SCTOOLS_DATA=$T/none run scsplit --by sentence --lang en "$T/in.jsonl" > "$T/out" 2> "$T/err" ||
	fail "scsplit without data: status $?"
test "$(grep -c "data directory $T/none: No such file or directory" "$T/err")" -eq 1 ||
	fail "scsplit: $(cat "$T/err")"
test -s "$T/out" || fail "scsplit wrote nothing"
SCTOOLS_DATA=$T/none run scstrip "$T/in.jsonl" > /dev/null 2> "$T/err"
test $? -eq 2 || fail "scstrip without data: not status 2"
grep -q "data directory $T/none" "$T/err" || fail "scstrip: $(cat "$T/err")"
# With the data found, nothing is said.
run scsplit --by sentence --lang en "$T/in.jsonl" > /dev/null 2> "$T/err"
test ! -s "$T/err" || fail "spurious: $(cat "$T/err")"
exit 0
