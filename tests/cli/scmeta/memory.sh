# Memory is bounded by the largest record (DESIGN.md), with stdout a file
# (records tagged in batches) and a pipe (one at a time), and with the
# memo of copies.  1000 records, every ninth of 380 KB, with
# --lang-per-para (metadata of 180 KB each): the batch held 128 records
# however large, and each of its slots kept the largest buffers that
# went through it; the memo kept every record's metadata.
[ "${SC_VALGRIND:-0}" = 1 ] && exit 0
[ "${SC_SANITIZED:-0}" = 1 ] && exit 0	# ASan's shadow memory is not ours
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
python3 - "$SC_BIN/scmeta" "$t" <<'PY'
import json, os, subprocess, sys
prog, tmp = sys.argv[1], sys.argv[2]
paras = ["Der Gemeinderat hat am Dienstag den Haushalt beschlossen.",
         "The council approved the budget for the new school year.",
         "Le march\u00e9 du samedi ouvre \u00e0 huit heures du matin."]
with open(tmp + "/in.jsonl", "w") as f:
    for d in range(1000):
        n = 6000 if d % 9 == 0 else 3
        t = "\n\n".join("%s %d" % (paras[i % 3], d) for i in range(n))
        f.write(json.dumps({"id": "d%d" % d, "text": t}) + "\n")
with open(tmp + "/in.jsonl") as f, open(tmp + "/one.jsonl", "w") as g:
    g.write(f.readline())
args = ["-f", "lang,lang_paras"]
def peak(path, to_file):
    out = open(tmp + "/out", "wb") if to_file else subprocess.PIPE
    p = subprocess.Popen([prog] + args + [path], stdout=out)
    if not to_file:
        while p.stdout.read(1 << 20):
            pass
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = 0
    if status != 0:
        print("%s: status %d" % (path, status)); sys.exit(1)
    return ru.ru_maxrss / 1024.0
one = peak(tmp + "/one.jsonl", False)
ok = True
for to_file in (True, False):
    mb = peak(tmp + "/in.jsonl", to_file)
    if mb > one + 8:
        print("stdout a %s: peak RSS %.1f MB, one record alone %.1f MB" %
              ("file" if to_file else "pipe", mb, one)); ok = False
sys.exit(0 if ok else 1)
PY
