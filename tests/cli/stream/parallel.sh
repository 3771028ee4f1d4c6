# The per-document tools under GNU parallel (the recipes of sctools(7) and
# docs/SCALE.md), on local jobs: the output must equal the serial run's.
#  1. --pipepart --block: one big JSON Lines file cut into blocks at line
#     ends, each block through `scmeta -g page | scstrip | scmeta -g text`,
#     --keep-order.
#  2. --joblog/--resume over shard files: a first run does two shards, the
#     resumed run over all four does only the other two.
#  3. -S with --trc, on the local host.
set -e
command -v parallel > /dev/null || { echo "GNU parallel missing (tests/deps.sh installs it)"; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export PARALLEL_HOME="$t/.parallel" PATH="$SC_BIN:$PATH"
cd "$t"
# Records carry ids (scsplit gives them), so no block renumbers them.
python3 "$OLDPWD/../../gen-corpus" -s 3 -n 240 --dump dump.txt
scsplit dump.txt > corpus.jsonl

scmeta -g page corpus.jsonl | scstrip | scmeta -g text > serial.jsonl
parallel --will-cite --pipepart -a corpus.jsonl --block 100k --keep-order \
    'scmeta -g page | scstrip | scmeta -g text' > parallel.jsonl
cmp serial.jsonl parallel.jsonl
# More than one block really ran.
parallel --will-cite --pipepart -a corpus.jsonl --block 100k --keep-order 'wc -l' > blocks
test "$(wc -l < blocks)" -ge 4

# Shards, a joblog, and a resumed run.
size=$(( $(wc -c < corpus.jsonl) / 4 + 1 ))
scsplit -C "$size" -o shard- corpus.jsonl
test "$(ls shard-*.jsonl | wc -l)" -eq 4
mkdir out
job='echo {} >> ran; scmeta -g text {} > out/{/.}.jsonl'
parallel --will-cite --joblog jobs.log "$job" ::: shard-0000.jsonl shard-0001.jsonl
parallel --will-cite --joblog jobs.log --resume "$job" ::: shard-*.jsonl
test "$(wc -l < ran)" -eq 4
test "$(sort -u ran | wc -l)" -eq 4
test "$(awk 'NR > 1 && $7 == 0' jobs.log | wc -l)" -eq 4
scmeta -g text corpus.jsonl > serial-meta.jsonl
scstrip corpus.jsonl > serial-strip.jsonl
cat out/shard-*.jsonl | cmp - serial-meta.jsonl
# The -S form of docs/SCALE.md with the local "host" (:), where parallel
# skips the transfer: the command the hosts run gives the same records.
parallel --will-cite -S 2/: --trc {.}.clean.jsonl \
    'scstrip {} > {.}.clean.jsonl' ::: shard-*.jsonl 2> /dev/null
cat shard-*.clean.jsonl | cmp - serial-strip.jsonl
