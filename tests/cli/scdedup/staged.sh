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
