# A name whose links loop (a -> b -> a) is an error at once, "Too many
# levels of symbolic links": it was taken for a file not made yet, and
# the file written was renamed over one of the links (--save-index: after
# the whole run).
. ../stream/lib.sh
printf '{"id":"a","text":"one two three four five six"}\n' > "$T/in"
ln -s loop2 "$T/loop1"
ln -s loop1 "$T/loop2"
run scdedup --clusters "$T/loop1" "$T/in" > /dev/null 2> "$T/err"
st=$?
[ "$st" = 2 ] || fail "status $st, expected 2: $(cat "$T/err")"
grep -q "loop1: Too many levels of symbolic links" "$T/err" || fail "message: $(cat "$T/err")"
[ -L "$T/loop1" ] && [ -L "$T/loop2" ] || fail "a link was replaced: $(ls -l "$T")"
# --save-index, written at the end, is checked at the start.
run scdedup --save-index "$T/loop1" "$T/in" > "$T/out" 2> "$T/err"
st=$?
[ "$st" = 2 ] || fail "--save-index: status $st, expected 2: $(cat "$T/err")"
[ -s "$T/out" ] && fail "--save-index: records written before the failure"
grep -q "loop1: Too many levels of symbolic links" "$T/err" || fail "--save-index: $(cat "$T/err")"
exit 0
