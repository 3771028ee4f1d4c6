# Hostile nesting: pages 10,000 and 100,000 elements deep, with a block
# at every level, must finish (in time linear in the depth; a walk up from
# every block to the root made the 100,000-deep page take minutes) with
# status 0 and keep the text at the bottom.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
deep() {	# deep DEPTH OPEN-MARKUP > page
	awk -v n="$1" -v p="$2" 'BEGIN { printf "<html><body>"
	    for (i = 0; i < n; i++) printf "%s", p
	    printf "<p>The text at the bottom, in a sentence long enough to count.</p>" }'
}
run() {		# run DEPTH OPEN-MARKUP
	deep "$1" "$2" > "$tmp/page.html"
	timeout 20 "$SC_BIN/scstrip" --html "$tmp/page.html" > "$tmp/out"
	st=$?
	[ $st -eq 0 ] || { echo "$1 x '$2': status $st"; exit 1; }
	grep -q "The text at the bottom, in a sentence" "$tmp/out" ||
	    { echo "$1 x '$2': bottom text lost"; head -c 300 "$tmp/out"; exit 1; }
}
run 100000 '<div><p>Words of a paragraph here, and more.</p>'
run 10000 '<section><h2>Title</h2><p>Words of a paragraph, and more.</p>'
run 10000 '<div class="related"><h3>More</h3><p>Some words here, and more, and more.</p>'
run 10000 '<table><tr><td>A cell, with a comma.'
run 10000 '<ul><li>An item, of a list.'
run 100000 '<div>'
exit 0
