# The Hadoop Streaming recipe of docs/SCALE.md, run with a stand-in for
# Hadoop: each mapper gets one whole shard file on stdin and
# mapreduce_map_input_file in its environment, the shuffle is a byte-order
# sort of whole-line keys, and a reducer sees each line with Hadoop's
# empty value (a trailing tab); reducer output goes through
# TextOutputFormat (key, tab, value).  The mappers and reducers are
# examples/hadoop/*.sh and the scdedup stages, as in the recipe; the
# result must equal one scdedup over the whole corpus.
set -e
ex=$(cd ../../../examples/hadoop && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export PATH="$SC_BIN:$PATH" SC_SHARED="$t/shared"
mkdir "$t/shared" "$t/task"
python3 ../../gen-corpus -s 11 -m 1 --jsonl "$t/corpus.jsonl"
scsplit -C 200K -o "$t/shard-" "$t/corpus.jsonl"
test "$(ls "$t"/shard-*.jsonl | wc -l)" -ge 4

# map TASKCMD FILE...: one map task per file, outputs concatenated.
map() {
	cmd=$1
	shift
	for f in "$@"; do
		(cd "$t/task" && mapreduce_map_input_file="hdfs://nn/corpus/$(basename "$f")" \
		    sh -c "$cmd" < "$f")
	done
}
# reduce TASKCMD: the shuffle (whole line as key, empty value) and one
# reducer, then TextOutputFormat.
reduce() {
	LC_ALL=C sort | sed 's/$/	/' | (cd "$t/task" && sh -c "$1") |
	    awk -F '\t' 'NF == 1 { print $0 "\t"; next } { print }'
}
cp "$ex"/*.sh "$t/task/"
# Job 1: -mapper 'sh sign.sh' -reducer 'scdedup --stage=pairs'
map 'sh sign.sh' "$t"/shard-*.jsonl | reduce 'scdedup --stage=pairs' > "$t/pairs"
# Job 2: -mapper cat -reducer 'sh cluster.sh'
map cat "$t/pairs" | reduce 'sh cluster.sh' > "$t/dups"
# Job 3, map-only, with -D mapreduce.output.textoutputformat.separator= :
#   -mapper 'sh filter.sh' -files dups.tsv
cp "$t/dups" "$t/task/dups.tsv"
map 'sh filter.sh' "$t"/shard-*.jsonl > "$t/staged.jsonl"

scdedup "$t/corpus.jsonl" > "$t/single.jsonl"
cmp "$t/staged.jsonl" "$t/single.jsonl"
test "$(wc -l < "$t/single.jsonl")" -lt "$(wc -l < "$t/corpus.jsonl")"
# The per-document map-only job: -mapper 'scstrip' gives what one scstrip gives.
map scstrip "$t"/shard-*.jsonl > "$t/mapped.jsonl"
scstrip "$t/corpus.jsonl" | cmp - "$t/mapped.jsonl"
