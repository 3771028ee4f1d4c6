# The Spark recipe (examples/spark/staged_dedup.py, docs/SCALE.md) run on a
# stand-in for PySpark's RDD: partitions are the shard files in order,
# pipe() splits its command with shlex and runs it without a shell, as
# PySpark does, sortBy() sorts, mapPartitionsWithIndex() passes the index.
# The kept documents must be those of one scdedup over the whole corpus.
set -e
ex=$(cd ../../../examples/spark && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export PATH="$SC_BIN:$PATH" PYTHONDONTWRITEBYTECODE=1
mkdir "$t/shared"
python3 ../../gen-corpus -s 13 -m 1 --dump "$t/dump.txt"
scsplit "$t/dump.txt" > "$t/corpus.jsonl"
scsplit -C 200K -o "$t/shard-" "$t/corpus.jsonl"
scmeta -g page "$t/corpus.jsonl" | scstrip | scmeta -g text | scdedup > "$t/single.jsonl"
python3 - "$ex" "$t" <<'PY'
import glob, shlex, subprocess, sys
ex, t = sys.argv[1:3]
sys.path.insert(0, ex)
import staged_dedup as S

class RDD:
    def __init__(self, parts):
        self.parts = parts
    def mapPartitionsWithIndex(self, f):
        return RDD([list(f(i, iter(p))) for i, p in enumerate(self.parts)])
    def sortBy(self, key, numPartitions):
        assert numPartitions == 1
        return RDD([sorted((x for p in self.parts for x in p), key=key)])
    def pipe(self, command):
        out = []
        for p in self.parts:
            r = subprocess.run(shlex.split(command), input='\n'.join(p) + '\n' if p else '',
                               stdout=subprocess.PIPE, check=True, text=True)
            out.append(r.stdout.splitlines())
        return RDD(out)
    def collect(self):
        return [x for p in self.parts for x in p]

parts = [open(f, encoding='utf-8').read().splitlines() for f in sorted(glob.glob(t + '/shard-*.jsonl'))]
assert len(parts) >= 4
docs = RDD(parts).pipe(S.CLEAN)
kept = S.staged_dedup(docs, t + '/shared').collect()
single = open(t + '/single.jsonl', encoding='utf-8').read().splitlines()
assert kept == single, (len(kept), len(single))
assert len(single) < sum(len(p) for p in parts)
PY
