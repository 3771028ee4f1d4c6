# Output is checked: a full disk is status 2 with one "write error" line,
# a closed stdout too, and a reader that goes away is a quiet stop.
. ./lib.sh
for tool in scsplit scmeta scstrip scdedup; do
	[ -x "$SC_BIN/$tool" ] || continue
	printf 'some text\n\nmore text.\n' >"$T/in"
	run $tool "$T/in" >/dev/full 2>"$T/err"; st=$?
	[ $st = 2 ] || fail "$tool >/dev/full: status $st"
	[ "$(wc -l <"$T/err")" = 1 ] || fail "$tool >/dev/full: $(cat "$T/err")"
	grep -q "^$tool: write error: No space left on device$" "$T/err" || fail "$tool: $(cat "$T/err")"
	run $tool "$T/in" >&- 2>"$T/err"; st=$?
	[ $st = 2 ] || fail "$tool >&-: status $st"
	grep -q "write error" "$T/err" || fail "$tool >&-: $(cat "$T/err")"
	# 20,000 records through head -c1: the tool must stop without a message.
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "{\"id\":\"%d\",\"text\":\"line %d of a long stream\"}\n", i, i }' >"$T/many"
	run $tool "$T/many" 2>"$T/err" | head -c1 >/dev/null
	[ -s "$T/err" ] && fail "$tool | head -c1 printed: $(cat "$T/err")"
done
exit 0
