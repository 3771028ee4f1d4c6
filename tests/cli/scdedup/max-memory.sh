# Past --max-memory: a clear message and status 2, never the OOM killer;
# the records decided before are written, as with a bad record.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$SC_BIN/scdedup" --max-memory 220K news.jsonl > "$t/out" 2> "$t/err"
test $? = 2 || exit 1
grep -q '^scdedup: memory limit (--max-memory) reached after [0-9]* units' "$t/err" || exit 1
test "$(wc -l < "$t/err")" = 1 || exit 1
# What was written is the start of the full output.
head -c "$(wc -c < "$t/out")" near.out | cmp - "$t/out" || exit 1
# A bad size is a usage error.
"$SC_BIN/scdedup" --max-memory lots news.jsonl > /dev/null 2>&1
test $? = 2
# 0 sets no limit (scdedup(1)).
"$SC_BIN/scdedup" --max-memory 0 news.jsonl > "$t/out" || exit 1
cmp "$t/out" near.out
