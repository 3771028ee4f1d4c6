# A large plain-text operand is read and cut in parts (the stream's
# text_chunks): the output, the diagnostics, the --stats counts and the
# status must be those of the whole text.  SCTOOLS_TEXT_CHUNK forces small
# parts, so that part ends fall everywhere: inside documents, on the
# boundary lines, inside WARC headers and bodies; 4G reads every file whole.
. ../stream/lib.sh
[ "${SC_VALGRIND:-0}" = 1 ] && exit 0
python3 ../../gen-corpus -s 7 -m 50 --dump "$T/big.txt" >/dev/null 2>&1 ||
	fail "gen-corpus"
python3 - "$T" <<'PY' || fail "fixtures"
import random, sys
t = sys.argv[1]
r = random.Random(11)
words = ("the of and news city report über Straße café naïve 東京 данные "
         "<doc ==> <== --- ### a\f b").split(" ")
def para(k=None):
    return " ".join(r.choice(words) for _ in range(k or r.randint(1, 30)))
def lines(k):
    out = []
    for _ in range(k):
        c = r.random()
        out.append("" if c < 0.15 else "   " if c < 0.2 else para())
    return "\n".join(out) + "\n"
def w(name, data):
    with open(t + "/" + name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

# <doc> wrappers: attributes with entities, unclosed documents, text between.
s = []
for i in range(300):
    if r.random() < 0.1:
        s.append(lines(2))
    s.append('<doc id="d%d" url="http://x/?a=1&amp;b=%d" title=\'T &lt;%d&gt;\'>\n' % (i, i, i))
    s.append(lines(r.randint(0, 12)))
    if r.random() < 0.85:
        s.append("</doc>\n" if r.random() < 0.9 else "</doc>  \r\n")
w("vert.txt", "".join(s))

# head(1) headers, with and without the blank line before the next one.
s = []
for i in range(300):
    s.append("==> dir/file%d.txt <==%s\n" % (i, " " if i % 7 == 0 else ""))
    s.append(lines(r.randint(0, 10)))
    if r.random() < 0.7:
        s.append("\n")
w("heads.txt", "".join(s))

# Form feeds, CRLF and lone CR line ends, a BOM, no final newline.
def ffdump(n, eol="\n"):
    s = []
    for i in range(n):
        s.append(lines(r.randint(0, 9)).replace("\n", eol))
        s.append(r.choice(["\f" + eol, "\f  " + eol, "\f\r\n"]))
    return "".join(s)
w("crlf.txt", ffdump(200, "\r\n").replace("news", "ne\rws"))
w("bom.txt", "\ufeff" + ffdump(200) + "\ufeffline after a BOM character\n" + para())
w("late-ff.txt", lines(3000) + "\f\n" + lines(20))
w("no-ff.txt", lines(3000))
w("blank.txt", "\n  \n\t\n" * 200)

# Separators and patterns.
s = []
for i in range(400):
    s.append(lines(r.randint(0, 6)))
    s.append(r.choice(["---\n", "--- \r\n", "### title %d\n" % i, "###x\n"]))
w("sep.txt", "".join(s))

# Charsets: Latin-1 throughout; valid UTF-8 for 300 KB, then a Latin-1
# tail that decides the whole text; UTF-8 with a few bad bytes; UTF-16.
lat = ffdump(300).encode("utf-8", "replace")
w("latin1.txt", ffdump(300).encode("latin-1", "replace"))
head = ffdump(1500).encode()
while len(head) < 300000:
    head += ffdump(200).encode()
w("mixed.txt", head + ffdump(600).encode("latin-1", "replace"))
b = bytearray(ffdump(400).encode())
for k in range(0, len(b), 5000):
    b[k] = 0xE9
w("mostly.txt", bytes(b))
w("utf16.txt", b"\xff\xfe" + ffdump(100).encode("utf-16-le"))

# WARC and WET: skipped record types, HTTP responses with a charset,
# a record without Content-Length, data between records, CRLF, and a
# truncated last record.
def rec(typ, body, ctype=None, length=True, extra=""):
    h = "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: http://ex.com/%d\r\n" \
        "WARC-Date: 2024-01-0%dT00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\n" % (
            typ, r.randint(0, 9999), r.randint(1, 9), r.randint(0, 99999))
    if ctype:
        h += "Content-Type: %s\r\n" % ctype
    if length:
        h += "Content-Length: %d\r\n" % len(body)
    return h.encode() + extra.encode() + b"\r\n" + body + b"\r\n\r\n"
recs = [rec("warcinfo", b"software: x\r\n")]
for i in range(400):
    c = r.random()
    if c < 0.4:
        recs.append(rec("conversion", lines(r.randint(1, 15)).encode(), "text/plain"))
    elif c < 0.6:
        body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n" + \
            ("<p>" + lines(5) + "</p>").encode("latin-1", "replace")
        recs.append(rec("response", body, "application/http; msgtype=response"))
    elif c < 0.7:
        recs.append(rec("request", b"GET / HTTP/1.1\r\n\r\n", "application/http"))
    elif c < 0.8:
        recs.append(rec("resource", lines(3).encode(), "text/plain; charset=utf-8"))
    elif c < 0.85:
        recs.append(rec("conversion", lines(4).encode(), "text/plain", length=False))
    elif c < 0.9:
        recs.append(b"junk between records\r\nWARCX no\r\n" + lines(3).encode())
    else:
        recs.append(rec("metadata", b"fetchTimeMs: 12\r\n"))
w("warc.warc", b"".join(recs))
w("wet.warc", b"\xef\xbb\xbf" + b"".join(recs) + rec("conversion", b"cut short")[:-40])
PY
# One run: stdout, stderr (--stats without its clock and memory), status.
one() {
	size=$1; shift
	SCTOOLS_TEXT_CHUNK=$size run scsplit "$@" <"${STDIN:-/dev/null}" >"$T/out.$size" \
	    2>"$T/err.$size"
	echo "status $?" >>"$T/err.$size"
	sed -i 's/, peak RSS .*//; s/"peak_rss":.*//' "$T/err.$size"
}
same() {
	one 4G "$@"
	for size in $sizes; do
		one "$size" "$@"
		cmp -s "$T/out.4G" "$T/out.$size" || fail "$* in parts of $size: output differs"
		cmp -s "$T/err.4G" "$T/err.$size" ||
			fail "$* in parts of $size: diagnostics differ: $(diff "$T/err.4G" "$T/err.$size")"
	done
}
sizes="64 333 4K"
for f in vert heads crlf bom late-ff no-ff blank sep latin1 mixed mostly utf16; do
	for o in "" "-T" "-s ---" "-p ^###" "-b para" "--encoding=latin1" "--keep-empty" \
	    "--stats" "-p ^(a+)+$"; do
		same $o "$T/$f.txt"
	done
done
for f in warc wet; do
	for o in "" "-T" "--stats" "-b line" "--encoding=utf-8"; do
		same $o "$T/$f.warc"
	done
done
# Two operands, each cut on its own; compressed files (read twice for
# the charset); standard input, in parts only with --encoding.
same "$T/vert.txt" "$T/heads.txt"
gzip -c "$T/mixed.txt" >"$T/mixed.gz"
same "$T/mixed.gz"
if command -v zstd >/dev/null; then
	zstd -q -c "$T/wet.warc" >"$T/wet.zst"
	same "$T/wet.zst"
fi
for o in "--encoding=utf-8" "--encoding=windows-1252" ""; do
	STDIN=$T/mostly.txt same $o
	STDIN=$T/warc.warc same $o
done
# A named pipe is not opened twice (that would take its data).  Its first
# 16 parts are read ahead: valid UTF-8 there, it is read in parts as UTF-8
# (the Latin-1 tail of mixed.txt becomes U+FFFD, as with --encoding=utf-8);
# Latin-1 from the start, it is read whole and its charset guessed.
mkfifo "$T/fifo"
for f in mixed latin1; do
	cat "$T/$f.txt" >"$T/fifo" &
	SCTOOLS_TEXT_CHUNK=4K run scsplit "$T/fifo" 2>/dev/null | sed 's/"id":"[^"]*"//' >"$T/fifo.out"
	wait
	enc=; [ $f = mixed ] && enc=--encoding=utf-8
	SCTOOLS_TEXT_CHUNK=4G run scsplit $enc "$T/$f.txt" 2>/dev/null |
	    sed 's/"id":"[^"]*"//' >"$T/file.out"
	cmp -s "$T/fifo.out" "$T/file.out" || fail "a named pipe ($f) read in parts differs"
done
grep -q "$(printf '\357\277\275')" "$T/fifo.out" && fail "latin1 through a pipe: not decoded"
cat "$T/mixed.txt" >"$T/fifo" &
SCTOOLS_TEXT_CHUNK=4K run scsplit "$T/fifo" 2>&1 >/dev/null | grep -q "replaced by U+FFFD" ||
	fail "mixed through a pipe: no warning about the invalid tail"
wait
# The 50 MB dump in 4 KB parts.
sizes="4K"
same --stats "$T/big.txt"
same -T "$T/big.txt"
exit 0
