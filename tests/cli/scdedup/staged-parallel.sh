# The staged near-duplicate form under GNU parallel on a generated corpus
# (tests/gen-corpus: pages with about 30% exact and near duplicates, many
# of them across shard boundaries): cut into 4 shards in order with
# scsplit -C, sign the shards in parallel, shuffle with sort, pairs,
# cluster, filter the shards in parallel; the result must be the
# documents one scdedup process keeps over the whole corpus, byte for
# byte and in order.  These are the commands of scdedup(1) and
# docs/SCALE.md.
set -e
command -v parallel > /dev/null || { echo "GNU parallel missing (tests/deps.sh installs it)"; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export PARALLEL_HOME="$t/.parallel" PATH="$SC_BIN:$PATH"
cd "$t"
python3 "$OLDPWD/../../gen-corpus" -s 7 -m 2 --jsonl corpus.jsonl --truth truth.tsv
size=$(( $(wc -c < corpus.jsonl) / 4 + 1 ))
scsplit -C "$size" -o shard- corpus.jsonl
test "$(ls shard-*.jsonl | wc -l)" -eq 4
cat shard-*.jsonl | cmp - corpus.jsonl

# map: signatures per shard ({#} is the job's number: shard 1, 2, ...)
ls shard-*.jsonl | parallel --will-cite -k \
    'scdedup --stage=sign --shard={#} --sketches=sk.{#} {} > sig.{#}'
# shuffle and reduce
LC_ALL=C sort sig.* | scdedup --stage=pairs | LC_ALL=C sort > pairs
scdedup --stage=cluster sk.* < pairs > dups.tsv
# per-shard filter, output in shard order
ls shard-*.jsonl | parallel --will-cite -k \
    'scdedup --stage=filter --shard={#} --dups=dups.tsv {}' > staged.jsonl

scdedup corpus.jsonl > single.jsonl
cmp staged.jsonl single.jsonl
# The run removed something, and duplicates crossed shard boundaries
# (a duplicate in shard 2-4 whose kept document is in an earlier shard).
test "$(wc -l < single.jsonl)" -lt "$(wc -l < corpus.jsonl)"
test "$(wc -l < dups.tsv)" -gt 50
i=0
for f in shard-*.jsonl; do
	i=$((i + 1))
	sed -n "s/^{\"id\": \"\([^\"]*\)\".*/\1	$i/p" "$f"
done > shard-of.tsv
awk -F '\t' 'NR == FNR { s[$1] = $2; next } s[$6] < $1 { n++ } END { exit !(n > 10) }' \
    shard-of.tsv dups.tsv
# Nothing generated as new was removed (the generator's truth).
sed -n 's/.*"id": "\([^"]*\)".*/\1/p' single.jsonl > kept.ids
awk -F '\t' 'NR == FNR { k[$1] = 1; next } $2 == "new" && !($1 in k) { bad++ }
    END { exit bad > 0 }' kept.ids truth.tsv
