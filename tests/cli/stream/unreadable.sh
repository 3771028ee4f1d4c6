# An unreadable file among readable ones: reported, skipped, the others
# processed, status 2 at the end.
. ./lib.sh
printf 'first\n' >"$T/a"; printf 'second\n' >"$T/c"
mkdir "$T/dir"
for tool in scsplit scmeta scstrip scdedup; do
	[ -x "$SC_BIN/$tool" ] || continue
	run $tool "$T/a" "$T/missing" "$T/dir" "$T/c" >"$T/out" 2>"$T/err"; st=$?
	[ $st = 2 ] || fail "$tool: status $st"
	grep -q "^$tool: $T/missing: No such file or directory$" "$T/err" || fail "$tool: $(cat "$T/err")"
	grep -q "^$tool: $T/dir: read error: Is a directory$" "$T/err" || fail "$tool: $(cat "$T/err")"
	grep -q first "$T/out" && grep -q second "$T/out" || fail "$tool: lost the readable files"
done
exit 0
