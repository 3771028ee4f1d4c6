# --save-index naming a directory (or a link to one) fails at the start,
# as a missing directory does: the check let any name that is not a
# regular file pass (for /dev/stdout and FIFOs), so a directory was only
# found when the index was written, after every record.
. ../stream/lib.sh
printf '{"id":"a","text":"one two three four five six"}\n' > "$T/in"
mkdir "$T/d"
ln -s d "$T/dlink"
for p in "$T/d" "$T/dlink"; do
	run scdedup --save-index "$p" "$T/in" > "$T/out" 2> "$T/err"
	st=$?
	[ $st = 2 ] || fail "$p: status $st"
	[ -s "$T/out" ] && fail "$p: records written before the failure"
	grep -q "^scdedup: $p: Is a directory$" "$T/err" || fail "$p: $(cat "$T/err")"
done
exit 0
