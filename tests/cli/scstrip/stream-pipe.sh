# Output to a pipe reaches the reader before the program waits for more
# input, so `tail -f dump | scstrip | reader` shows each page while the
# writer is still open (records are not held back until the buffer fills
# or the input ends).  The writer sends one JSON line, waits (20 s at
# most) for its record to come out, then sends a second and closes.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkfifo "$t/in"
$SC_WRAP "$SC_BIN/scstrip" < "$t/in" | cat > "$t/out" &
pid=$!
exec 3> "$t/in"
printf '%s\n' '{"id":"first","text":"The harbour council met on Tuesday evening and voted to rebuild the old sea wall before the winter storms return to the coast."}' >&3
i=0
while ! grep -q '"id":"first"' "$t/out"; do
	i=$((i + 1))
	if [ $i -gt 200 ]; then
		echo "no output while the input stayed open"
		exec 3>&-
		exit 1
	fi
	sleep 0.1
done
printf '%s\n' '{"id":"second","text":"The fish market will move to a temporary hall behind the station while the work goes on through the spring."}' >&3
exec 3>&-
wait $pid
[ "$(grep -c '"id":' "$t/out")" = 2 ]
