# Hostile pages for links to writers' pages and character references: 20
# pages of a paragraph of 10,000 links to /author/aaa...a/ whose text
# mixes letters outside ASCII with a's ("\303\251aaaaaaaaaaa" six times:
# each such letter may stand for none to two of the path's), and a page whose
# JSON-LD and meta descriptions hold 50,000 references each.  Trying each
# way to spell the path in turn took 13 seconds of CPU (65 microseconds a
# link); one pass over the text with the set of the path's letters
# spelled so far takes 0.6 seconds for all.  The limit is on CPU time,
# steadier than the clock on a shared machine.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
awk 'BEGIN {
	s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	w = ""
	for (k = 0; k < 6; k++)
		w = w "\303\251aaaaaaaaaaa"
	for (d = 0; d < 20; d++) {
		printf "{\"id\":\"%d\",\"text\":\"<html><head><title>Harbour plan</title>", d
		printf "</head><body><article><h1>Harbour plan</h1><p>"
		for (k = 0; k < 10000; k++)
			printf "<a href=%s/author/%s/%s>%s</a> ", "\x27", s, "\x27", w
		printf "</p><p>The council met on Tuesday to discuss the harbour plan, which "
		printf "would change how the city pays for its roads.</p></article></body></html>\"}\n"
	}
	r = ""
	for (k = 0; k < 12500; k++)
		r = r "&amp;&#&ne;&#146;"
	printf "{\"id\":\"refs\",\"text\":\"<html><head><title>Harbour plan</title>"
	printf "<script type=\\\"application/ld+json\\\">{\\\"@type\\\":\\\"NewsArticle\\\","
	printf "\\\"description\\\":\\\"%s\\\"}</script>", r
	gsub(/&/, "\\&amp;", r)
	printf "<meta name=description content=\\\"%s\\\"></head>", r
	printf "<body><article><h1>Harbour plan</h1><p>The council met on Tuesday to "
	printf "discuss the harbour plan.</p></article></body></html>\"}\n"
}' > "$t/in"
(ulimit -t 8; "$SC_BIN/scmeta" -g page "$t/in" > "$t/out")
[ "$(wc -l < "$t/out")" -eq 21 ]
