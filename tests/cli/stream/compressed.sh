# gzip and zstd input is recognised by its magic bytes and read directly,
# also when members or frames are concatenated; corrupt data is an error.
. ./lib.sh
printf '{"id":"a","text":"alpha"}\n' >"$T/a.jsonl"
printf '{"id":"b","text":"beta"}\n' >"$T/b.jsonl"
gzip -c "$T/a.jsonl" >"$T/x.gz"; gzip -c "$T/b.jsonl" >>"$T/x.gz"
run scsplit "$T/x.gz" >"$T/out" || fail "gzip: status $?"
cat "$T/a.jsonl" "$T/b.jsonl" | cmp -s - "$T/out" || fail "gzip: $(cat "$T/out")"
if command -v zstd >/dev/null; then
	zstd -q -c "$T/a.jsonl" >"$T/x.zst"; zstd -q -c "$T/b.jsonl" >>"$T/x.zst"
	run scsplit <"$T/x.zst" >"$T/out" || fail "zstd: status $?"
	cat "$T/a.jsonl" "$T/b.jsonl" | cmp -s - "$T/out" || fail "zstd: $(cat "$T/out")"
	head -c 20 "$T/x.zst" >"$T/bad.zst"
	run scsplit "$T/bad.zst" >/dev/null 2>"$T/err"; st=$?
	[ $st = 2 ] && grep -q "zstd" "$T/err" || fail "truncated zstd: $st $(cat "$T/err")"
fi
head -c 30 "$T/x.gz" >"$T/bad.gz"
run scsplit "$T/bad.gz" >/dev/null 2>"$T/err"; st=$?
[ $st = 2 ] && grep -q "gzip" "$T/err" || fail "truncated gzip: $st $(cat "$T/err")"
exit 0
