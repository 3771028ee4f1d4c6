# An empty file name for --save-index (or --learn, --clusters) fails at
# the start: the check took '' for a file not made yet in the current
# directory, so scdedup wrote every record and only then failed.
. ../stream/lib.sh
printf '{"id":"a","text":"one two three four five six"}\n' > "$T/in"
run scdedup --save-index '' "$T/in" > "$T/out" 2> "$T/err"
st=$?
[ $st = 2 ] || fail "status $st"
[ -s "$T/out" ] && fail "records written before the failure"
grep -q "^scdedup: '': No such file or directory$" "$T/err" || fail "$(cat "$T/err")"
exit 0
