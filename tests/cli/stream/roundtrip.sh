# scsplit --by para rejoined gives back the text as decoded and normalised;
# with --no-normalize the original bytes of UTF-8 input.  Checked on the
# bundled sample, on made-up edge cases, and on every dump of the
# strip-dev set when ../shared is present.
. ./lib.sh
rejoin() {
	python3 -c '
import json, sys
out = []
for line in sys.stdin:
    r = json.loads(line)
    s = r["metadata"]["split"]
    out.append(s.get("before", "") + r["text"] + s["after"])
sys.stdout.write("".join(out))'
}
check() {	# check FILE: both properties
	# Decoding always makes LF line ends, so CR-free UTF-8 comes back byte for byte.
	# -z: the file is one document, whatever boundaries it carries.
	run scsplit -z -b para --no-normalize "$1" | rejoin >"$T/joined"
	python3 -c 'import sys; sys.stdout.buffer.write(open(sys.argv[1], "rb").read().replace(b"\r\n", b"\n").replace(b"\r", b"\n"))' "$1" >"$T/lf"
	cmp -s "$T/lf" "$T/joined" || fail "--no-normalize rejoin differs: $1"
	run scsplit -z -b para "$1" | rejoin >"$T/joined"
	python3 -c '
import sys, unicodedata
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace("\r\n", "\n").replace("\r", "\n")
keep = lambda c: not ((ord(c) < 32 and c not in "\t\n") or c == "\x7f" or c in "\u200b\u2060\ufeff\u00ad")
t = "".join(c for c in t if keep(c)).replace("\u00a0", " ").replace("\u2007", " ").replace("\u202f", " ")
sys.stdout.write(t)' "$1" >"$T/want"
	cmp -s "$T/want" "$T/joined" || fail "normalised rejoin differs: $1"
}
printf '\n\n  lead\nline\n \n\ttab para\r\nwith CRLF\n\n\nend \xc2\xa0nbsp \xe2\x80\x8bzw\x01x' >"$T/edge.txt"
check "$T/edge.txt"
printf 'no newline at all' >"$T/one.txt"
check "$T/one.txt"
check ../../../sample/harbor-ledger-dump.txt
n=0
for f in ../../../../shared/data/strip-dev/*.w3m.txt ../../../../shared/data/strip-dev/*.lynx.txt; do
	[ -f "$f" ] || continue
	check "$f"
	n=$((n + 1))
done
echo "checked $n strip-dev dumps"
exit 0
