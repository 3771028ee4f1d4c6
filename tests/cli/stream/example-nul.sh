# sctools(7), EXAMPLES: "NUL-separated documents between tools" cuts a
# dump into its documents and hands them on with -z: three pages, one a
# copy, come out as two NUL-terminated documents.
. ./lib.sh
page() {
	printf '%s\n\n' "$1"
	printf 'The %s committee met on Tuesday evening and agreed, after a long debate about costs and timing, to publish its report on the state of the local roads next month.\n\n' "$2"
	printf 'Members said the report would include the results of the survey that residents filled in during the spring, and a list of the repairs that cannot wait.\n'
}
{ page "Roads Report Due Next Month" road; printf '\f\n'
  printf 'Ferry Timetable Changes\n\nFrom the first of June the ferry to the island will leave every forty minutes instead of every hour, the harbour office announced, because more commuters now use it in the mornings.\n\nThe evening crossings stay as they are until the autumn, when the office will count passengers again and decide.\n'
  printf '\f\n'
  page "Roads Report Due Next Month" road; } > "$T/dump.txt"
cd "$T" || exit 1
run scsplit dump.txt | run scstrip -T -z | run scdedup -z > clean.txt || fail "status $?"
n=$(tr -cd '\000' < clean.txt | wc -c)
[ "$n" = 2 ] || fail "$n documents, expected 2: $(tr '\000' '@' < clean.txt)"
grep -q 'ferry to the island' clean.txt || fail "the ferry page is missing"
exit 0
