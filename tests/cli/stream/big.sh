# Any document size: a 100 MB document and a 100 MB single line stream
# through unchanged (memory is bounded by the largest document; measured
# by make bench, not here).
. ./lib.sh
[ "${SC_VALGRIND:-0}" = 1 ] && exit 0
awk 'BEGIN { s = "word "; for (i = 0; i < 14; i++) s = s s; for (i = 0; i < 1280; i++) print s }' >"$T/big.txt"
size=$(wc -c <"$T/big.txt")
[ "$size" -gt 100000000 ] || fail "generator made $size bytes"
run scsplit -T "$T/big.txt" >"$T/out" || fail "100 MB document: status $?"
cmp -s "$T/big.txt" "$T/out" || fail "100 MB document changed"
tr -d '\n' <"$T/big.txt" >"$T/line.txt"
run scsplit -T "$T/line.txt" >"$T/out" || fail "100 MB line: status $?"
[ "$(wc -c <"$T/out")" = $(( $(wc -c <"$T/line.txt") + 1 )) ] || fail "100 MB line changed"
{ printf '{"id":"big","text":"'; cat "$T/line.txt"; printf '"}\n{"id":"small","text":"x"}\n'; } >"$T/big.jsonl"
run scsplit "$T/big.jsonl" >"$T/out" || fail "100 MB record: status $?"
cmp -s "$T/big.jsonl" "$T/out" || fail "100 MB record changed"
run scsplit --max-record 1M --on-error=skip "$T/big.jsonl" >"$T/out" 2>"$T/err"; st=$?
[ $st = 1 ] || fail "--max-record: status $st"
grep -q '"small"' "$T/out" && ! grep -q '"big"' "$T/out" || fail "--max-record kept the wrong record"
exit 0
