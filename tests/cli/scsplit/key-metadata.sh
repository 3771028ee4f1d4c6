# -k FIELD routes by a member of the record, or else by the member of its
# "metadata" object, where scmeta puts site, lang, date: the man page's
# "scsplit -n 8 -k site" on a corpus tagged by scmeta must keep each site
# in one file, not fall back to the id.
. ../stream/lib.sh
awk 'BEGIN { for (i = 1; i <= 200; i++) printf "{\"id\":\"d%d\",\"text\":\"document number %d\",\"metadata\":{\"lang\":\"en\",\"site\":\"Site \\u00e9%d\"}}\n", i, i, i % 5 }' > "$T/in.jsonl"
run scsplit -n 8 -k site -o "$T/by-site-" "$T/in.jsonl" || fail "-k: status $?"
cat "$T"/by-site-*.jsonl | sort | cmp -s - "$(sort "$T/in.jsonl" > "$T/sorted"; echo "$T/sorted")" ||
    fail "-k lost or changed records"
for s in 0 1 2 3 4; do
	n=$(grep -l "\"site\":\"Site \\\\u00e9$s\"" "$T"/by-site-*.jsonl | wc -l)
	[ "$n" = 1 ] || fail "-k site: site $s in $n files"
done
# A top-level member of that name comes first; "a.b" is not a path.
awk 'BEGIN { for (i = 1; i <= 50; i++) printf "{\"id\":\"d%d\",\"site\":\"top\",\"text\":\"x %d\",\"metadata\":{\"site\":\"m%d\"}}\n", i, i, i }' > "$T/top.jsonl"
run scsplit -n 4 -k site -o "$T/top-" "$T/top.jsonl" || fail "-k top: status $?"
[ "$(grep -l . "$T"/top-*.jsonl | wc -l)" = 1 ] || fail "-k: the top-level member does not come first"
exit 0
