# scdedup --max-memory is honoured: on a corpus whose tables outgrow the
# cap it stops with its message and status 2, and its peak RSS stays
# within the cap plus what the program takes on an empty input.
. ./lib.sh
[ "${SC_VALGRIND:-0}" = 1 ] && exit 0
[ "${SC_SANITIZED:-0}" = 1 ] && exit 0	# ASan's shadow memory is not ours
python3 - "$SC_BIN/scdedup" "$T" <<'PY' || fail "memory cap"
import json, random, resource, subprocess, sys
prog, tmp = sys.argv[1], sys.argv[2]
r = random.Random(3)
words = ["w%x" % i for i in range(5000)]
with open(tmp + "/in.jsonl", "w") as f:
    for i in range(100000):
        f.write(json.dumps({"id": str(i), "text": " ".join(r.choices(words, k=40))}) + "\n")
open(tmp + "/empty", "w").close()
def peak(args):
    p = subprocess.Popen([prog] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.communicate()[1].decode()
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)  # max over children so far
    return p.returncode, err, ru.ru_maxrss * 1024
_, _, base = peak([tmp + "/empty"])
cap = 2 << 20
rc, err, rss = peak(["--max-memory", "2M", tmp + "/in.jsonl"])
ok = True
if rc != 2 or "memory limit (--max-memory) reached" not in err:
    print("want status 2 and the memory message, got %d: %s" % (rc, err)); ok = False
if rss > base + cap * 1.25 + (2 << 20):
    print("peak RSS %.1f MB with a 2 MB cap (empty input: %.1f MB)" % (rss / 2**20, base / 2**20)); ok = False
sys.exit(0 if ok else 1)
PY
exit 0
