# The staged form (sign per shard, sort, pairs, sort, cluster, filter per
# shard) keeps exactly what one process keeps, marks the same way and
# lists the same clusters.  Shards are cut in order by scsplit -C and
# signed in parallel with GNU parallel when it is installed.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# A corpus with duplicates across shard boundaries: the fixture twice,
# the second time with new ids.
{ cat news.jsonl; sed 's/"id": "/"id": "again-/' news.jsonl; } > "$t/corpus.jsonl"
"$SC_BIN/scsplit" -C 3K -o "$t/shard-" "$t/corpus.jsonl"
n=$(ls "$t"/shard-*.jsonl | wc -l)
test "$n" -ge 4
sign() {	# sign SHARD_NUMBER FILE
	"$SC_BIN/scdedup" --stage=sign --shard="$1" --sketches="$t/sk.$1" "$2" > "$t/sig.$1"
}
if command -v parallel > /dev/null 2>&1; then
	export SC_BIN t
	ls "$t"/shard-*.jsonl | parallel -k --will-cite \
	    '"$SC_BIN/scdedup" --stage=sign --shard={#} --sketches="$t/sk.{#}" {} > "$t/sig.{#}"'
else
	i=0
	for f in "$t"/shard-*.jsonl; do i=$((i + 1)); sign $i "$f"; done
fi
LC_ALL=C sort "$t"/sig.* | "$SC_BIN/scdedup" --stage=pairs | LC_ALL=C sort > "$t/pairs"
"$SC_BIN/scdedup" --stage=cluster --clusters="$t/cl.staged" "$t"/sk.* < "$t/pairs" > "$t/dups"
i=0
for f in "$t"/shard-*.jsonl; do
	i=$((i + 1))
	"$SC_BIN/scdedup" --stage=filter --shard=$i --dups="$t/dups" "$f" >> "$t/staged"
	"$SC_BIN/scdedup" --stage=filter --mark --shard=$i --dups="$t/dups" "$f" >> "$t/staged.mark"
done
# One process over the same bytes (scsplit gave the id-less record an id).
cat "$t"/shard-*.jsonl > "$t/whole.jsonl"
"$SC_BIN/scdedup" --clusters="$t/cl.single" "$t/whole.jsonl" > "$t/single"
"$SC_BIN/scdedup" --mark "$t/whole.jsonl" > "$t/single.mark"
cmp "$t/staged" "$t/single"
cmp "$t/staged.mark" "$t/single.mark"
cmp "$t/cl.staged" "$t/cl.single"
# Every document of the second copy is a duplicate.
test "$(wc -l < "$t/single")" -eq "$(wc -l < near.out)"
# Unsorted keys are refused.
if "$SC_BIN/scdedup" --stage=pairs < "$t/sig.1" > /dev/null 2> "$t/err"; then
	exit 1
fi
grep -q "not sorted" "$t/err"
# Files that are not what the stages write are reported with status 2.
bad() {	# expected message, then the command
	msg=$1
	shift
	if "$@" > /dev/null 2> "$t/err"; then
		exit 1
	else
		test $? -eq 2
	fi
	grep -q "$msg" "$t/err" || { cat "$t/err"; exit 1; }
}
LC_ALL=C sort "$t"/sig.* | awk '!done && /^[XB]/ { sub(/\t/, " "); done = 1 } 1' > "$t/keys.bad"
bad "expected KEY<TAB>SHARD<TAB>POS" "$SC_BIN/scdedup" --stage=pairs < "$t/keys.bad"
head -c $(($(wc -c < "$t/sk.1") - 5)) "$t/sk.1" > "$t/sk.short"
bad "sk.short: sketch file is truncated" "$SC_BIN/scdedup" --stage=cluster "$t/sk.short" "$t"/sk.2 "$t"/sk.3 "$t"/sk.4 < "$t/pairs"
printf 'XXXXXXXX' | cat - "$t/sk.1" > "$t/sk.magic"
bad "not a sketch file" "$SC_BIN/scdedup" --stage=cluster "$t/sk.magic" "$t"/sk.2 "$t"/sk.3 "$t"/sk.4 < "$t/pairs"
bad "shard 2 again" "$SC_BIN/scdedup" --stage=cluster "$t"/sk.1 "$t"/sk.2 "$t"/sk.2 "$t"/sk.4 < "$t/pairs"
sed '1s/^000001/00000x/' "$t/dups" > "$t/dups.bad"
bad "dups.bad:1: bad shard number" "$SC_BIN/scdedup" --stage=filter --shard=1 --dups="$t/dups.bad" "$t"/shard-0000.jsonl
