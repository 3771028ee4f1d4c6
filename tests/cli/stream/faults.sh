# Output files of scsplit -o when the disk fills (here: a file size limit)
# or a signal arrives: no partial file is left looking complete.
. ./lib.sh
[ "${SC_VALGRIND:-0}" = 1 ] && exit 0
awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "{\"id\":\"d%d\",\"text\":\"document number %d with some padding text\"}\n", i, i }' >"$T/in.jsonl"
# The disk fills: writes fail with EFBIG past 256 KB (SIGXFSZ ignored).
(trap '' XFSZ; ulimit -f 512; exec "$SC_BIN/scsplit" -C 100M -o "$T/full-" "$T/in.jsonl") 2>"$T/err"
st=$?
[ $st = 2 ] || fail "full disk: status $st"
grep -q "write error" "$T/err" || fail "full disk: $(cat "$T/err")"
ls "$T" | grep -q '^full-' && fail "full disk left: $(ls "$T" | grep full-)"
# A signal in the middle: the reader is a FIFO we keep open.
mkfifo "$T/fifo"
("$SC_BIN/scsplit" -C 1K -o "$T/sig-" "$T/fifo" 2>"$T/err") &
pid=$!
exec 3>"$T/fifo"
head -c 5000 "$T/in.jsonl" >&3
sleep 1
kill -TERM $pid
wait $pid; st=$?
exec 3>&-
[ $st = 143 ] || fail "SIGTERM: status $st"
ls "$T" | grep -q 'tmp' && fail "SIGTERM left temporary files: $(ls "$T")"
# Files that exist are complete chunks: every line a whole record.
for f in "$T"/sig-*; do
	[ -e "$f" ] || continue
	tail -c1 "$f" | od -c | grep -q '\\n' || fail "SIGTERM: $f is cut short"
done
exit 0
