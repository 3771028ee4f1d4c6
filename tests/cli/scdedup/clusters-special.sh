# Files written "under a temporary name and renamed when complete"
# (--clusters, --save-index, scstrip --learn) that are not regular files
# are written in place: --clusters /dev/stdout used to make a file beside
# it and rename it over the name, which replaced /dev/stdout (as root) or
# a FIFO with a plain file, and wrote nothing where the user looked.
# A symbolic link to a regular file is followed: the link stays a link.
# (Links and FIFOs in a temporary directory stand in for /dev/stdout, so
# that the old behaviour cannot harm the system running the test.)
. ../stream/lib.sh
command -v timeout >/dev/null 2>&1 || exit 0
printf '{"id":"a","text":"one two three four five six"}\n{"id":"b","text":"one two three four five six"}\n' > "$T/in"
want='a	1	a
b	1	a'
# A link to standard output, as /dev/stdout is.
ln -s /proc/self/fd/1 "$T/stdout"
run scdedup -x --clusters "$T/stdout" "$T/in" > "$T/out" || fail "link to fd 1: status $?"
[ -L "$T/stdout" ] || fail "link to fd 1 replaced by a file"
grep -q '^b	1	a$' "$T/out" || fail "link to fd 1: clusters not on standard output: $(cat "$T/out")"
grep -q '"id":"b"' "$T/out" || fail "link to fd 1: the records are missing: $(cat "$T/out")"
# A FIFO.
mkfifo "$T/fifo" || exit 0
timeout 20 cat "$T/fifo" > "$T/got" &
run scdedup --clusters "$T/fifo" "$T/in" > /dev/null || fail "FIFO: status $?"
wait
[ -p "$T/fifo" ] || fail "FIFO replaced by a file"
[ "$(cat "$T/got")" = "$want" ] || fail "FIFO: got '$(cat "$T/got")'"
# A link to /dev/null, as for a run that wants only the side effects.
ln -s /dev/null "$T/null"
run scdedup --save-index "$T/null" --clusters "$T/null" "$T/in" > /dev/null || fail "/dev/null: status $?"
[ -L "$T/null" ] || fail "link to /dev/null replaced"
# A link to a regular file in another directory.
mkdir "$T/d"
ln -s d/real.tsv "$T/link.tsv"
run scdedup --clusters "$T/link.tsv" "$T/in" > /dev/null || fail "link: status $?"
[ -L "$T/link.tsv" ] || fail "link to a file replaced by a file"
[ "$(cat "$T/d/real.tsv")" = "$want" ] || fail "link: target holds '$(cat "$T/d/real.tsv" 2>&1)'"
ls "$T" "$T/d" | grep -q '\.tmp' && fail "temporary files left: $(ls "$T" "$T/d")"
exit 0
