# scsplit --by para rejoined gives back the text as decoded and normalised;
# with --no-normalize the original bytes of UTF-8 input.  Checked on the
# bundled sample, on made-up edge cases, and on every dump of the
# strip-dev set when ../shared is present.  One python process checks all
# files (a process per file made this test take minutes).
. ./lib.sh
printf '\n\n  lead\nline\n \n\ttab para\r\nwith CRLF\n\n\nend \xc2\xa0nbsp \xe2\x80\x8bzw\x01x' >"$T/edge.txt"
printf 'no newline at all' >"$T/one.txt"
set -- "$T/edge.txt" "$T/one.txt" ../../../sample/harbor-ledger-dump.txt
for f in ../../../../shared/data/strip-dev/*.w3m.txt ../../../../shared/data/strip-dev/*.lynx.txt; do
	[ -f "$f" ] && set -- "$@" "$f"
done
python3 - "$@" <<'PY' || fail "round trip"
import json, os, shlex, subprocess, sys
wrap = shlex.split(os.environ.get("SC_WRAP", ""))
prog = os.path.join(os.environ["SC_BIN"], "scsplit")
def rejoin(args, path):
    out = subprocess.run(wrap + [prog] + args + [path], check=True,
                         stdout=subprocess.PIPE).stdout
    parts = []
    for line in out.decode("utf-8").splitlines():
        s = json.loads(line)["metadata"]["split"]
        parts.append(s.get("before", "") + json.loads(line)["text"] + s["after"])
    return "".join(parts)
def keep(c):
    return not ((ord(c) < 32 and c not in "\t\n") or c == "\x7f" or c in "\u200b\u2060\ufeff\u00ad")
bad = 0
for path in sys.argv[1:]:
    raw = open(path, "rb").read().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    # -z: the file is one document, whatever boundaries it carries.
    if rejoin(["-z", "-b", "para", "--no-normalize"], path).encode("utf-8", "surrogateescape") != raw:
        print("--no-normalize rejoin differs:", path); bad += 1
    t = raw.decode("utf-8")
    t = "".join(c for c in t if keep(c))
    for c in "\u00a0\u2007\u202f":
        t = t.replace(c, " ")
    if rejoin(["-z", "-b", "para"], path) != t:
        print("normalised rejoin differs:", path); bad += 1
print("checked", len(sys.argv) - 1, "files")
sys.exit(1 if bad else 0)
PY
