# The line memo fills up (more than 32768 lines) and keeps the lines that
# came again, dropping the rest: a page's output is the same whether it
# comes first, alone, or after thousands of lines filled the memo, with
# template lines that stayed in it.
set -e
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
page() {
	printf '{"id":"%s","text":"Harbour Gazette\\nHome | News | Sport | Weather\\n\\n%s\\n\\nThe port authority said on Monday that the new crane would double the number of ships that can be unloaded in a day.\\n\\nShare\\nTweet\\n\\nFishermen complained at the meeting that the fuel prices had risen again and that many boats could not afford to go out.\\n\\nRelated articles\\nMore news from the harbour"}\n' "$1" "$2"
}
filler() {
	awk -v n="$1" 'BEGIN {
		for (d = 0; d < n; d++) {
			printf "{\"id\":\"f%d\",\"text\":\"Harbour Gazette\\nHome | News | Sport | Weather", d
			for (l = 0; l < 40; l++)
				printf "\\n\\nNote %d of page %d: the tide tables for berth %d change on day %d.", l, d, l, d
			printf "\\n\\nShare\\nTweet\"}\n"
		}
	}'
}
page last "The harbour master will retire at the end of the year after thirty years." > "$tmp/alone.jsonl"
"$SC_BIN/scstrip" < "$tmp/alone.jsonl" > "$tmp/alone.out"
grep -q 'harbour master' "$tmp/alone.out"
{ page first "A new ferry line to the islands starts in the spring, the council said."; filler 1000
  cat "$tmp/alone.jsonl"; } > "$tmp/stream.jsonl"
"$SC_BIN/scstrip" < "$tmp/stream.jsonl" > "$tmp/stream.out"
[ "$(wc -l < "$tmp/stream.out")" -eq 1002 ]
tail -1 "$tmp/stream.out" | cmp - "$tmp/alone.out"
