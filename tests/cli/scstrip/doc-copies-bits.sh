# A page that comes again after more than 8 MB of output (DOC_OUT_BYTES:
# the memo keeps the kept blocks' bits of the page, not its output, which
# no longer fits) gives the output it gives alone, with the breaks between
# the lines of a paragraph and between paragraphs: in article and corpus
# mode, with --keep-title and --min-words, and for a copy with another id
# and metadata of its own.
set -e
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# awk: 5000 pages of four paragraphs of prose (about 2 KB of output each),
# then the page (about 200 KB of output) twice, and once more with metadata.
awk 'BEGIN { srand(1); n = split("the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will more can who said what about up out them into time only new some could these two may first then do any like now over such our man even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might great old year off come since against go came right used take three", W, " ")
	for (i = 0; i < 5000; i++) { t = "Menu\\n\\n";
		for (p = 0; p < 4; p++) { for (w = 0; w < 150; w++) t = t W[int(rand() * 200) + 1] " ";
			t = t "end.\\n\\n" }
		printf "{\"id\":\"f%d\",\"text\":\"%sShare\"}\n", i, t }
	t = "Harbour Gazette\\nHome | News | Sport | Weather\\n\\n"
	for (p = 0; p < 100; p++) {
		for (l = 0; l < 2; l++) { for (w = 0; w < 150; w++) t = t W[int(rand() * 200) + 1] " ";
			t = t "said the port authority.\\n" }
		t = t "\\n" }
	t = t "Share\\nTweet\\n\\nRelated articles\\nMore news from the harbour"
	printf "{\"id\":\"copy\",\"text\":\"%s\"}\n", t > "/dev/stderr"
	printf "{\"id\":\"copy\",\"text\":\"%s\"}\n", t > "/dev/stderr"
	printf "{\"id\":\"again\",\"metadata\":{\"strip\":{\"kept\":9},\"x\":1},\"text\":\"%s\"}\n", t > "/dev/stderr" }' \
    > "$tmp/fill.jsonl" 2> "$tmp/page.jsonl"
cat "$tmp/fill.jsonl" "$tmp/page.jsonl" > "$tmp/all.jsonl"
for o in "" "-m corpus" "-t" "-w 30"; do
	# shellcheck disable=SC2086
	"$SC_BIN/scstrip" $o < "$tmp/all.jsonl" > "$tmp/all.out"
	[ "$(wc -c < "$tmp/all.out")" -gt 10000000 ]
	# shellcheck disable=SC2086
	while IFS= read -r l; do
		printf '%s\n' "$l" | "$SC_BIN/scstrip" $o
	done < "$tmp/page.jsonl" > "$tmp/alone.out"
	grep -q 'authority.\\nthe\|authority.\\n[a-z]' "$tmp/alone.out"
	grep -q 'authority.\\n\\n' "$tmp/alone.out"
	tail -n 3 "$tmp/all.out" | cmp - "$tmp/alone.out"
done
