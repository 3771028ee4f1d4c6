# The headline feature quoted_elsewhere (SC_PAGEMETA_DEBUG=features prints
# every line's features): a line of 12 bytes or more is quoted when its
# text stands inside another line (a breadcrumb, a title bar, an indented
# copy), or on the page's first line; an exact copy on a line of its own
# is no quote, nor is the line itself.  find_quoted() reads the page once
# for all the lines, at every eighth or sixteenth byte: the copies here
# start at every offset from such a byte.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
h='Council promises answer on delayed bridge'
body='The council met on Tuesday to discuss the plans for the new bridge over the river, which has been delayed for more than three years because of rising costs and a dispute about who should pay for the repairs.'
# quoted PAGE-TEXT LINE: the quoted_elsewhere value of line LINE (0-based)
quoted() {
	printf '%s\n' "$1" > "$tmp/page"
	SC_PAGEMETA_DEBUG=features "$SC_BIN/scmeta" -g page < "$tmp/page" 2>&1 >/dev/null |
	    awk -F '\t' -v l="$2" '
		$1 == "N" { for (k = 2; k <= NF; k++) if ($k == "quoted_elsewhere") c = k }
		$1 == "F" && $2 == l { print $(c + 1); exit }'
}
check() {	# check WHAT WANT GOT
	[ "$2" = "$3" ] || { echo "$1: quoted_elsewhere $3, want $2"; exit 1; }
}
for pad in '' 'a' 'ab' 'abc' 'abcd' 'abcde' 'abcdef' 'abcdefg' 'abcdefgh' \
    'abcdefghijklmno'; do
	check "breadcrumb after '$pad'" 1 \
	    "$(quoted "Gazette

Home $pad » $h

$h

$body" 4)"
done
check "no copy" 0 "$(quoted "Gazette

$h

$body" 2)"
check "a copy on a line of its own" 0 "$(quoted "Gazette

$h

$body

$h" 2)"
check "a copy on the first line" 1 "$(quoted "$h

$h

$body" 2)"
check "an indented copy" 1 "$(quoted "Gazette

  $h

$h

$body" 4)"
check "a copy at the page's end, in a longer line" 1 "$(quoted "Gazette

$h

$body

Share: $h" 2)"
check "a line of 11 bytes" 0 "$(quoted "Gazette

Home » Short title

Short title

$body" 4)"
exit 0
