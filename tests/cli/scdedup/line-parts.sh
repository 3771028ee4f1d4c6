# scdedup -u line reads a large plain-text file in parts and writes each as
# it is judged, so memory follows the lines kept, not the file.  Whatever
# the part size (SCTOOLS_TEXT_CHUNK), the output, the --stats counts and the
# separators between files must be those of the whole text: parts that come
# out blank (every line a duplicate) write nothing, a file whose first parts
# are blank still gets its separator once, a file all duplicates counts as
# one empty document.
. ../stream/lib.sh
python3 - "$T" <<'PY' || fail "fixtures"
import random, sys
t = sys.argv[1]
r = random.Random(3)
words = "the of and news city report über Straße café naïve 東京 данные".split()
def line():
    return " ".join(r.choice(words) for _ in range(r.randint(0, 6)))
a = [line() for _ in range(3000)]
with open(t + "/a.txt", "w") as f:
    f.write("\n".join(a) + "\n")
# b: a run of a's lines (all duplicates), then new ones, no final newline.
with open(t + "/b.txt", "w") as f:
    f.write("\n".join(a[:800] + [line() + " b%d" % i for i in range(500)]))
with open(t + "/c.txt", "w") as f:	# every line seen before
    f.write("\n".join(a[100:900]) + "\n")
with open(t + "/latin1.txt", "wb") as f:
    f.write(("\n".join(a[:50] + ["caf\u00e9 %d" % (i % 40) for i in range(400)]) + "\n")
            .encode("latin-1", "replace"))
PY
for opts in "" "--invert" "--normalize=none" "-e"; do
	SCTOOLS_TEXT_CHUNK=4G run scdedup -u line $opts --stats=json \
	    "$T/a.txt" "$T/b.txt" "$T/c.txt" "$T/latin1.txt" > "$T/whole" 2> "$T/whole.err" ||
		fail "whole read ($opts)"
	for size in 64 1000 65536; do
		SCTOOLS_TEXT_CHUNK=$size run scdedup -u line $opts --stats=json \
		    "$T/a.txt" "$T/b.txt" "$T/c.txt" "$T/latin1.txt" > "$T/parts" 2> "$T/parts.err" ||
			fail "parts of $size ($opts)"
		cmp -s "$T/whole" "$T/parts" || fail "output differs in parts of $size ($opts)"
		for f in whole parts; do
			sed 's/,"peak_rss":[0-9]*,"seconds":[0-9.e+-]*//' "$T/$f.err" > "$T/$f.stats"
		done
		cmp -s "$T/whole.stats" "$T/parts.stats" ||
			fail "--stats differ in parts of $size ($opts): $(cat "$T/parts.stats")"
	done
done
# After a JSON Lines operand the output is JSON Lines: a text file is then
# one record, read whole, whatever the part size.
printf '{"id":"j","text":"the of\\nnews"}\n' > "$T/j.jsonl"
for size in 4G 64; do
	SCTOOLS_TEXT_CHUNK=$size run scdedup -u line "$T/j.jsonl" "$T/b.txt" > "$T/j.$size" ||
		fail "jsonl then text, parts of $size"
done
cmp -s "$T/j.4G" "$T/j.64" || fail "jsonl then text: parts differ"
test "$(wc -l < "$T/j.64")" -eq 2 || fail "jsonl then text: not two records"
# The counts say what happened: four documents in, c.txt dropped as empty.
grep -q '"docs_in":4,"docs_out":3,' "$T/whole.err" || fail "counts: $(cat "$T/whole.err")"
# Separators: one form feed line between the three files written.
test "$(grep -c "$(printf '^\f$')" "$T/whole")" -eq 2 || fail "separators"
