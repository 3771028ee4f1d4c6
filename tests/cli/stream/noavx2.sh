# The loops that take thirty-two bytes at a time where the processor has
# AVX2 (JSON string reading and writing, UTF-8 validation, the 128-bit
# hash, the page fields' line measures and words, C4's phrases, the normal
# form of scmeta's hash and scdedup -e, the SimHash) give what the
# sixteen-byte loops give: SC_NO_AVX2 turns them off.
# Records with long ASCII runs, escapes at every distance, two- and
# three-byte characters, the bytes the normalisation looks at (NBSP, soft
# hyphen, BOM, DEL), invalid UTF-8, and texts past 240 bytes for the hash.
# On a processor without AVX2 both runs take the same loops and agree.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
python3 - "$t/in" <<'PY'
import json, random, sys
r = random.Random(7)
pieces = ["The council approved the budget on Tuesday", "caf\u00e9", "na\u00efve",
          "\u00a0", "\u00ad", "\ufeff", "\x7f", "\"quoted\"", "back\\slash", "\t",
          "\u2019", "\u4e2d\u6587", "Stra\u00dfe", "\n", "\n\n", " ", ".", "x" * 40,
          "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f", "don't", "e-mail",
          "\u00c9T\u00c9 \u00c0 PARIS", "Mar 5, 2021", "By Jane Doe",
          "Please enable JavaScript.", "Lorem ipsum dolor", "This site uses cookies.",
          "our Privacy Policy and Terms of Use"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for d in range(400):
        n = r.randrange(1, 120)
        text = "".join(r.choice(pieces) for _ in range(n))
        f.write(json.dumps({"id": "d%d" % d, "text": text}, ensure_ascii=d % 2 == 0) + "\n")
# invalid UTF-8 inside a record: replaced the same way by both
with open(sys.argv[1], "ab") as f:
    f.write(b'{"id":"bad","text":"abc \xff\xfe def ' + b"y" * 50 + b'"}\n')
PY
for cmd in "scstrip" "scstrip --mode corpus" "scmeta -f hash,simhash,words,chars,lang" \
    "scmeta -g page" "scmeta -g text" "scdedup" "scdedup -e" "scsplit --by para"; do
	set -- $cmd
	prog=$1
	shift
	"$SC_BIN/$prog" --on-error=skip "$@" "$t/in" > "$t/a" 2> "$t/ea" || true
	SC_NO_AVX2=1 "$SC_BIN/$prog" --on-error=skip "$@" "$t/in" > "$t/b" 2> "$t/eb" || true
	cmp "$t/a" "$t/b" || { echo "$cmd: differs with SC_NO_AVX2"; exit 1; }
	cmp "$t/ea" "$t/eb" || { echo "$cmd: messages differ with SC_NO_AVX2"; exit 1; }
	[ -s "$t/a" ] || { echo "$cmd: no output"; exit 1; }
done
