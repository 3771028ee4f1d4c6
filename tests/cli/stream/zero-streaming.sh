# NUL-separated documents from a pipe are handled as each one ends, as
# JSON Lines are (sctools(7): "tail -f dump | scstrip shows each page as
# soon as it is done"): telling JSON Lines from text used to wait for the
# first newline, which a -z stream of one-line documents may never send.
. ./lib.sh
mkfifo "$T/f" || exit 0
for t in scsplit scmeta scstrip scdedup; do
	rm -f "$T/out"
	exec 3<>"$T/f"
	{ run $t -z < "$T/f" | cat > "$T/out"; } 3>&- &
	printf 'The council met on Tuesday and agreed to publish the report next month after a long debate.\0' >&3
	i=0
	while [ ! -s "$T/out" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	got=$(tr '\000' '@' < "$T/out")
	exec 3>&-
	wait
	[ -n "$got" ] || fail "$t -z: nothing written 10 s after a complete document"
done
exit 0
