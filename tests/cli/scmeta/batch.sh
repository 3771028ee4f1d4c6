# Records tagged in batches (stdout a file) read as those tagged one at a
# time (stdout a pipe): 300 records, more than two batches, with an HTML
# page and an empty text among them, which are not batched.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
i=0
while [ $i -lt 300 ]; do
	case $((i % 5)) in
	0) txt="Council approves budget $i\n\nBy Mara Olsen\n\nThe city council approved the budget for year $i on Tuesday. The library keeps its Saturday hours." ;;
	1) txt="Der Verein feiert sein $i. Jubiläum mit einem Fest im Park. Alle Mitglieder sind eingeladen." ;;
	2) txt="Le marché du samedi ouvre à huit heures. Numéro $i du bulletin municipal." ;;
	3) txt="Short note $i." ;;
	4) txt="Road works on Main Street, week $i: the bus stops move to Elm Road until Friday." ;;
	esac
	if [ $i -eq 150 ]; then
		printf '{"id":"h","text":"<html><head><title>Page title</title></head><body><h1>Heading</h1><p>Some words of a page.</p></body></html>"}\n'
	fi
	if [ $i -eq 200 ]; then
		printf '{"id":"e","text":""}\n'
	fi
	printf '{"id":"r%d","text":"%s"}\n' $i "$txt"
	i=$((i + 1))
done > "$t/in"
"$SC_BIN/scmeta" "$t/in" > "$t/file"
"$SC_BIN/scmeta" "$t/in" | cat > "$t/pipe"
cmp "$t/file" "$t/pipe"
[ "$(wc -l < "$t/file")" -eq 301 ]
