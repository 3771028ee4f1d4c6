# --stats prints one summary line on stderr; --stats=json one JSON object.
. ./lib.sh
printf '{"id":"a","text":"x"}\n{"id":"b","text":""}\n{"bad":1}\n' >"$T/in"
run scsplit --stats --on-error=skip "$T/in" >/dev/null 2>"$T/err"
[ "$(wc -l <"$T/err")" = 2 ] || fail "text stats: $(cat "$T/err")"
grep -q '^scsplit: 2 docs in .* 1 out .*1 empty dropped.*1 bad records' "$T/err" || fail "$(cat "$T/err")"
run scsplit --stats=json --on-error=skip "$T/in" >/dev/null 2>"$T/err"
tail -1 "$T/err" | python3 -c '
import json, sys
s = json.loads(sys.stdin.read())
assert s["program"] == "scsplit" and s["docs_in"] == 2 and s["docs_out"] == 1, s
assert s["empty"] == 1 and s["bad_records"] == 1 and s["skipped"] == 1, s
assert s["peak_rss"] > 0 and s["seconds"] >= 0, s' || fail "json stats: $(cat "$T/err")"
exit 0
