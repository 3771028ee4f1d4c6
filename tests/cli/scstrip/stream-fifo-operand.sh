# The last record of one operand reaches a pipe before the next operand is
# opened: opening a FIFO waits for its writer, and the record (here a JSON
# line with no newline after it) must not wait with it.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
printf '%s' '{"id":"first","text":"The harbour council met on Tuesday evening and voted to rebuild the old sea wall before the winter storms return to the coast."}' > "$t/a.jsonl"
mkfifo "$t/b"
$SC_WRAP "$SC_BIN/scstrip" "$t/a.jsonl" "$t/b" | cat > "$t/out" &
pid=$!
i=0
while ! grep -q '"id":"first"' "$t/out"; do
	i=$((i + 1))
	if [ $i -gt 200 ]; then
		echo "the first operand's record waited for the FIFO's writer"
		exec 3> "$t/b"
		exec 3>&-
		exit 1
	fi
	sleep 0.1
done
exec 3> "$t/b"
printf '%s\n' '{"id":"second","text":"The fish market will move to a temporary hall behind the station while the work goes on through the spring."}' >&3
exec 3>&-
wait $pid
[ "$(grep -c '"id":' "$t/out")" = 2 ]
