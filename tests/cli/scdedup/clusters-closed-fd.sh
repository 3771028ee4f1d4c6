# A name that stands for a descriptor that is not open (--clusters
# /dev/stdout with standard output closed) is an error, "Bad file
# descriptor": it was taken for a file that does not exist yet, so a file
# was made beside the name and renamed over it, which for /dev/stdout
# itself replaces the link in /dev (as root).  A link in a temporary
# directory to /dev/fd/9, never opened here, stands in for it.
. ../stream/lib.sh
printf '{"id":"a","text":"one two three four five six"}\n' > "$T/in"
ln -s /dev/fd/9 "$T/fd9"
run scdedup --clusters "$T/fd9" "$T/in" > /dev/null 2> "$T/err" 9>&-
st=$?
[ "$st" = 2 ] || fail "status $st, expected 2: $(cat "$T/err")"
grep -q "fd9: Bad file descriptor" "$T/err" || fail "message: $(cat "$T/err")"
[ -L "$T/fd9" ] || fail "the link was replaced"
exit 0
