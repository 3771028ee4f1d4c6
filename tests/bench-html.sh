#!/bin/sh
# HTML benchmarks for `make bench` (tests/bench.sh may call this file):
#  - speed of scstrip --html on generated pages (one process, one core),
#    reported in MB/s of HTML, with the peak resident memory;
#  - a 100 MB single page (time and peak memory), and 10,000-deep nesting;
#  - when the development sets are there (SC_SHARED, default ../shared
#    beside the repository), the article F1 of score-strip --renderer html
#    and score-traf strip --input html.
# Usage: sh tests/bench-html.sh [PAGES]   (default 2000 generated pages)
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${SC_BIN:-$here/bin}
shared=${SC_SHARED:-$here/../shared}
n=${1:-2000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/schtml.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# Generated pages shaped like real ones (about 60 KB, half of it script
# and style): navigation, an article of 30 paragraphs, a sidebar of
# teasers, comments and a footer, as JSON Lines (text = the page).
awk -v n="$n" 'BEGIN {
	srand(1);
	split("the of and to in that is was for on with as by at from city council plan roads people said year new", w, " ");
	for (d = 1; d <= n; d++) {
		p = "<!DOCTYPE html><html lang=\\\"en\\\"><head><meta charset=\\\"utf-8\\\"><title>Story " d " | Site</title><style>";
		for (i = 1; i <= 150; i++) p = p ".c" i " { margin: 0 auto; padding: 4px 8px; color: #333; } ";
		p = p "</style><script>";
		for (i = 1; i <= 200; i++) p = p "var v" i " = document.querySelector(\\\"#id" i "\\\"); if (v" i " && v" i ".x < 3) { f(v" i "); } ";
		p = p "</script></head><body><header><nav><ul>";
		for (i = 1; i <= 12; i++) p = p "<li><a href=\\\"/s" i "\\\">Section " i "</a></li>";
		p = p "</ul></nav></header><main><article><h1>Story " d "</h1><div class=\\\"byline\\\">By A. Writer</div><div class=\\\"article-body\\\">";
		for (k = 1; k <= 30; k++) {
			s = "";
			for (j = 1; j <= 60; j++) s = s w[int(rand() * 20) + 1] (j % 12 == 0 ? ", " : " ");
			p = p "<p>" s "and <a href=\\\"/x\\\">a link</a> here.</p>";
		}
		p = p "</div></article></main><aside class=\\\"sidebar\\\"><h3>Most read</h3><ul>";
		for (i = 1; i <= 10; i++) p = p "<li><a href=\\\"/t" i "\\\">Teaser headline number " i "</a></li>";
		p = p "</ul></aside><section id=\\\"comments\\\"><p>A reader comment, with an opinion.</p></section><footer><p>Copyright Site</p></footer></body></html>";
		printf "{\"id\":\"%d\",\"text\":\"%s\"}\n", d, p;
	}
}' >"$tmp/pages.jsonl"
bytes=$(wc -c <"$tmp/pages.jsonl")
/usr/bin/time -f "%e %M" -o "$tmp/t" "$bin/scstrip" --html "$tmp/pages.jsonl" >"$tmp/out"
read secs kb <"$tmp/t"
awk -v b="$bytes" -v s="$secs" -v k="$kb" -v n="$n" 'BEGIN {
	printf "scstrip --html: %d pages, %.1f MB in %.2f s: %.1f MB/s, peak %.0f MB\n",
	    n, b / 1e6, s, (s > 0 ? b / 1e6 / s : 0), k / 1024 }'

# One 100 MB page, and 10,000-deep nesting.
awk 'BEGIN { printf "<html><body><article>";
	for (i = 0; i < 220000; i++) printf "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, <a href=\"/x\">link</a> ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</p>\n";
	printf "</article></body></html>" }' >"$tmp/big.html"
bytes=$(wc -c <"$tmp/big.html")
/usr/bin/time -f "%e %M" -o "$tmp/t" "$bin/scstrip" --html "$tmp/big.html" >/dev/null
read secs kb <"$tmp/t"
awk -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN {
	printf "one page of %.0f MB: %.2f s, peak %.0f MB (%.1fx the page)\n",
	    b / 1e6, s, k / 1024, k * 1024 / b }'
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<div>"; printf "<p>deep text, at the bottom of ten thousand elements.</p>";
	for (i = 0; i < 10000; i++) printf "</div>" }' >"$tmp/deep.html"
/usr/bin/time -f "%e %M" -o "$tmp/t" "$bin/scstrip" --html "$tmp/deep.html" >"$tmp/out"
read secs kb <"$tmp/t"
echo "10,000-deep nesting: ${secs} s, $(cat "$tmp/out")"

if [ -x "$shared/tools/score-strip" ]; then
	printf 'strip-dev (score-strip --renderer html): '
	"$shared/tools/score-strip" --renderer html -- "$bin/scstrip" 2>&1 | tail -1
	printf 'traf-dev (score-traf strip --input html): '
	"$shared/tools/score-traf" strip --input html -- "$bin/scstrip" 2>&1 | tail -1
fi
