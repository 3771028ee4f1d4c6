# An unreadable file among readable ones: reported, skipped, the others
# processed, status 2 at the end.
. ./lib.sh
printf 'The first article says the harbor bridge vote was delayed again by the council on Tuesday.\n' >"$T/a"
printf 'The second article says the fishermen reported a record mackerel season this spring.\n' >"$T/c"
mkdir "$T/dir"
for tool in scsplit scmeta scstrip scdedup; do
	[ -x "$SC_BIN/$tool" ] || continue
	run $tool "$T/a" "$T/missing" "$T/dir" "$T/c" >"$T/out" 2>"$T/err"; st=$?
	[ $st = 2 ] || fail "$tool: status $st"
	grep -q "^$tool: $T/missing: No such file or directory$" "$T/err" || fail "$tool: $(cat "$T/err")"
	grep -q "^$tool: $T/dir: read error: Is a directory$" "$T/err" || fail "$tool: $(cat "$T/err")"
	grep -q 'first article' "$T/out" && grep -q 'second article' "$T/out" || fail "$tool: lost the readable files"
done
exit 0
