# Files the tools write besides standard output (scsplit -o, scdedup
# --save-index and --clusters, scstrip --learn) when the disk fills or a
# signal arrives: status 2 with one "write error" line naming the file, and
# no partial file left under its name or a temporary one.  A file that was
# there before is left as it was.  The full disk is a 256 KB tmpfs when we
# can mount one (root), else a file size limit (EFBIG), as faults.sh does.
. ./lib.sh
[ "${SC_VALGRIND:-0}" = 1 ] && exit 0
awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "{\"id\":\"d%d\",\"text\":\"document number %d tells of the harbor %d and the council %d\"}\n", i, i, i * 7, i * 13 }' >"$T/in.jsonl"
mkdir "$T/disk"
if mount -t tmpfs -o size=256k sctest "$T/disk" 2>/dev/null; then
	trap 'umount "$T/disk"; rm -rf "$T"' EXIT INT TERM
	limit() { "$@"; }
else
	echo "# no tmpfs (not root?): a file size limit stands for the full disk" >&2
	limit() { (trap '' XFSZ; ulimit -f 512; exec "$@"); }
fi

# full NAME CMD...: CMD must fail with a write error and leave no file
# starting with NAME in the disk, nor any temporary.
full() {
	name=$1; shift
	limit "$@" >/dev/null 2>"$T/err"; st=$?
	[ $st = 2 ] || fail "$name on a full disk: status $st: $(cat "$T/err")"
	grep -q "write error: \(No space left on device\|File too large\)" "$T/err" ||
		fail "$name on a full disk: $(cat "$T/err")"
	[ "$(grep -c . "$T/err")" = 1 ] || fail "$name: more than one line: $(cat "$T/err")"
	left=$(ls "$T/disk" | grep -v -x -e keep -e old.idx -e old.df)
	[ -z "$left" ] || fail "$name on a full disk left: $left"
}
# Something already on the disk that a failed run must not touch.
printf 'an earlier index\n' >"$T/disk/old.idx"
printf 'sctools-df 1\nthreshold ffffffffffffffff docs 0\n' >"$T/disk/old.df"
cp "$T/disk/old.idx" "$T/old.idx"
cp "$T/disk/old.df" "$T/old.df"

full "scsplit -o" "$SC_BIN/scsplit" -C 100M -o "$T/disk/part-" "$T/in.jsonl"
full "scsplit -n" "$SC_BIN/scsplit" -n 4 -o "$T/disk/shard-" "$T/in.jsonl"
full "scdedup --save-index" "$SC_BIN/scdedup" --save-index "$T/disk/old.idx" "$T/in.jsonl"
full "scdedup --clusters" "$SC_BIN/scdedup" -e --clusters "$T/disk/clusters.tsv" "$T/in.jsonl"
# The --learn table is small: make it big with many distinct lines.
# (digits fold in its hash, so the lines differ in letters).
awk 'function w(n,  s) { s = ""; do { s = s substr("bcdfghjklm", n % 10 + 1, 1); n = int(n / 10) } while (n > 0); return s }
BEGIN { for (i = 1; i <= 20000; i++) printf "{\"id\":\"d%d\",\"text\":\"Line %s of the sidebar\\nOther line %s\"}\n", i, w(i), w(i * 7) }' >"$T/lines.jsonl"
full "scstrip --learn" "$SC_BIN/scstrip" --learn "$T/disk/old.df" "$T/lines.jsonl"
cmp -s "$T/disk/old.idx" "$T/old.idx" || fail "a failed --save-index changed the old index"
cmp -s "$T/disk/old.df" "$T/old.df" || fail "a failed --learn changed the old table"

# Signals: each tool reads a FIFO that we hold open, gets the signal in the
# middle, and must leave neither a temporary nor a new file.
sig() {	# sig SIGNAL NAME CMD... (the input FIFO is $T/fifo)
	s=$1 name=$2; shift 2
	rm -f "$T/fifo"
	mkfifo "$T/fifo"
	# A background job starts with SIGINT ignored: give it back its default.
	(exec env --default-signal=INT,TERM "$@" <"$T/fifo" >/dev/null 2>"$T/err") &
	pid=$!
	exec 3>"$T/fifo"
	head -c 200000 "$T/in.jsonl" >&3
	sleep 0.5
	kill -"$s" $pid
	exec 3>&-	# if the signal were lost, the end of input ends the tool
	wait $pid; st=$?
	case $s in INT) want=130 ;; TERM) want=143 ;; esac
	[ $st = $want ] || fail "$name: SIG$s: status $st, want $want: $(cat "$T/err")"
	left=$(ls "$T/sig" | grep -v -x -e keep -e old.idx -e 'part-[0-9]*\.jsonl')
	[ -z "$left" ] || fail "$name: SIG$s left: $left"
	cmp -s "$T/sig/old.idx" "$T/old.idx" || fail "$name: SIG$s changed the old index"
	# A chunk that exists is complete: whole records, the last one ended.
	for f in "$T"/sig/part-*; do
		[ -e "$f" ] || continue
		[ "$(tail -c1 "$f" | od -An -c | tr -d ' ')" = '\n' ] || fail "$name: SIG$s: $f is cut"
		awk '!/^\{"id":"d[0-9]+","text":"[^"]*"\}$/ { exit 1 }' "$f" || fail "$name: SIG$s: $f is cut"
	done
}
mkdir "$T/sig"
cp "$T/old.idx" "$T/sig/old.idx"
for s in INT TERM; do
	sig $s "scsplit -o" "$SC_BIN/scsplit" -C 10K -o "$T/sig/part-" -
	ls "$T"/sig/part-* >/dev/null 2>&1 || fail "SIG$s: no chunk was complete before it"
	rm -f "$T"/sig/part-*
	sig $s "scdedup --save-index" "$SC_BIN/scdedup" --save-index "$T/sig/old.idx" -
	sig $s "scdedup --clusters" "$SC_BIN/scdedup" --clusters "$T/sig/c.tsv" -
done
exit 0
