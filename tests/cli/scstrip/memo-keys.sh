# The line memo's key only spreads lines over its slots; the memo compares
# the text of what it finds.  Lines of every length from 0 to 70 bytes
# (each way the key reads a line's last bytes), each again with one byte
# changed at every place (a letter's case, a digit, a two-byte letter in
# place of one byte: keys that differ in a bit or two), each in a page of
# its own: a page's output is the same in a stream of all of them as
# alone (the memo answering for the variants as measuring them did).
set -e
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
base = "The harbour crane unloads ships at berth seven each day, said the port office staff."
pages = []
for n in range(0, 71):
    line = base[:n]
    variants = [line]
    for i in range(n):
        c = line[i]
        for r in (c.swapcase() if c.isalpha() else None, "7" if c != "7" else "8", "\u00e9"):
            if r is not None and r != c:
                variants.append(line[:i] + r + line[i + 1:])
    for k, v in enumerate(variants[:40]):
        text = "Harbour Gazette\n\n" + v + "\n\nThe port authority said on Monday that the new crane would double the number of ships that can be unloaded in a day, and the fishermen welcomed it."
        pages.append({"id": "p%d-%d" % (n, k), "text": text})
with open(d + "/all.jsonl", "w", encoding="utf-8") as f:
    for p in pages:
        f.write(json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n")
with open(d + "/ids", "w") as f:
    for p in pages[::37]:
        f.write(p["id"] + "\n")
PY
"$SC_BIN/scstrip" < "$tmp/all.jsonl" > "$tmp/all.out"
[ "$(wc -l < "$tmp/all.out")" -eq "$(wc -l < "$tmp/all.jsonl")" ]
while read -r id; do
	grep "\"id\":\"$id\"" "$tmp/all.jsonl" > "$tmp/one.jsonl"
	"$SC_BIN/scstrip" < "$tmp/one.jsonl" > "$tmp/one.out"
	grep "\"id\":\"$id\"" "$tmp/all.out" | cmp - "$tmp/one.out"
done < "$tmp/ids"
