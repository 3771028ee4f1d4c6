# -n N and -C SIZE write complete files only, never overwrite without
# --force, and together hold exactly the input.
. ./lib.sh
awk 'BEGIN { for (i = 1; i <= 500; i++) printf "{\"id\":\"d%d\",\"site\":\"s%d\",\"text\":\"document number %d\"}\n", i, i % 7, i }' >"$T/in.jsonl"
run scsplit -n 4 -o "$T/shard-" "$T/in.jsonl" || fail "-n: status $?"
ls "$T" | grep -c '^shard-000[0-3]\.jsonl$' | grep -qx 4 || fail "-n: $(ls "$T")"
cat "$T"/shard-*.jsonl | sort | cmp -s - "$(sort "$T/in.jsonl" >"$T/sorted"; echo "$T/sorted")" || fail "-n lost or changed records"
run scsplit -n 4 -o "$T/shard-" "$T/in.jsonl" 2>"$T/err"; st=$?
[ $st = 2 ] && grep -q "file exists" "$T/err" || fail "overwrite without --force: $st"
run scsplit -n 4 -o "$T/shard-" --force "$T/in.jsonl" || fail "--force: status $?"
# The same id always goes to the same shard; --key picks another field.
run scsplit -n 3 -k site -o "$T/site-" "$T/in.jsonl" || fail "-k: status $?"
for f in "$T"/site-*.jsonl; do
	n=$(grep -o '"site":"s[0-9]"' "$f" | sort -u | wc -l)
	[ "$n" -le 7 ] || fail "-k: $f"
done
[ "$(cat "$T"/site-*.jsonl | grep -o '"site":"s[0-9]"' | sort | uniq -c | wc -l)" = 7 ] || fail "-k lost sites"
for s in s0 s1 s2 s3 s4 s5 s6; do
	[ "$(grep -l "\"site\":\"$s\"" "$T"/site-*.jsonl | wc -l)" = 1 ] || fail "-k split site $s"
done
# Chunks in order, each about SIZE bytes, cut at record boundaries.
run scsplit -C 4K -o "$T/chunk-" "$T/in.jsonl" || fail "-C: status $?"
cat "$T"/chunk-*.jsonl | cmp -s - "$T/in.jsonl" || fail "-C changed the stream"
n=$(ls "$T"/chunk-*.jsonl | wc -l)
[ "$n" -ge 5 ] && [ "$n" -le 7 ] || fail "-C 4K made $n chunks of $(wc -c <"$T/in.jsonl") bytes"
ls "$T" | grep -q 'tmp' && fail "temporary files left: $(ls "$T")"
# Plain-text output gets .txt names.
printf 'a\n\fb\n' | run scsplit -T -C 1 -o "$T/txt-" || fail "-T -C: status $?"
[ -f "$T/txt-0000.txt" ] || fail "-T: $(ls "$T")"
# Usage errors.
run scsplit -n 2 </dev/null 2>/dev/null; [ $? = 2 ] || fail "-n without -o"
run scsplit -n 0 -o "$T/x" </dev/null 2>/dev/null; [ $? = 2 ] || fail "-n 0"
run scsplit -n 2 -C 1K -o "$T/x" </dev/null 2>/dev/null; [ $? = 2 ] || fail "-n with -C"
exit 0
