# Records tagged in batches (stdout a file) read as those tagged one at a
# time (stdout a pipe): 300 records, with an HTML page and an empty text
# among them, which are not batched; then records of a megabyte and more
# among short ones, which end a batch by its bytes before its count.
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

# Records of 1.5 MB: a batch ends after its first three.
long=$(printf 'The ferry to the island runs twice a day in winter. ' | awk '{ s = $0; while (length(s) < 1500000) s = s s; print s }')
i=0
while [ $i -lt 12 ]; do
	if [ $((i % 2)) -eq 0 ]; then
		printf '{"id":"l%d","text":"%s %d"}\n' $i "$long" $i
	else
		printf '{"id":"s%d","text":"Short note %d."}\n' $i $i
	fi
	i=$((i + 1))
done > "$t/big"
"$SC_BIN/scmeta" "$t/big" > "$t/file"
"$SC_BIN/scmeta" "$t/big" | cat > "$t/pipe"
cmp "$t/file" "$t/pipe"
[ "$(wc -l < "$t/file")" -eq 12 ]
