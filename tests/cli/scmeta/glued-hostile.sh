# Hostile glued words: 300 pages of 60 KB, each of short paragraphs of
# prose full of words glued the way a dump glues a teaser's headline to
# its summary ("QabcdZ"), every one written once more at the page's end.
# Each such word was looked up across the whole page: 15 seconds of CPU
# (50 ms a page); glued_at() looks up 64 a page at most, and the pages
# take half a second.  The limit is on CPU time, steadier than the clock
# on a shared machine.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
awk 'function w(k) { return sprintf("Q%c%c%c%cZ", 97 + k % 26, 97 + int(k / 26) % 26,
	    97 + int(k / 676) % 26, 97 + int(k / 17576) % 26) }
BEGIN {
	for (d = 0; d < 300; d++) {
		printf "{\"id\":\"%d\",\"text\":\"", d
		k0 = k = d * 5000
		for (sz = 0; sz < 34000; ) {
			s = "Our old town"
			for (j = 0; j < 20; j++)
				s = s " " w(k++)
			s = s " and a b c d e f.\\n\\n"
			printf "%s", s
			sz += length(s)
		}
		for (j = k0; j < k; j++)
			printf "%s ", w(j)
		printf "\\n\"}\n"
	}
}' > "$t/in"
(ulimit -t 8; "$SC_BIN/scmeta" -g page "$t/in" > "$t/out")
[ "$(wc -l < "$t/out")" -eq 300 ]
