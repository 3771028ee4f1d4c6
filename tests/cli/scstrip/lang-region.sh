# -l takes a language code as scsplit -l does (scsplit(1): "en or pt-BR,
# the region is ignored"), in either case: en-GB, en_US and EN read the
# English stopwords, where scstrip used to refuse them.
. ../stream/lib.sh
printf '{"id":"a","text":"Share this\\n\\nThe council met on Tuesday and agreed to publish the report next month, after a long debate about the costs.\\n"}\n' > "$T/in"
run scstrip -l en "$T/in" > "$T/want" || fail "-l en: status $?"
for l in en-GB en_US EN; do
	run scstrip -l $l "$T/in" > "$T/out" || fail "-l $l: status $?"
	cmp -s "$T/want" "$T/out" || fail "-l $l differs from -l en: $(cat "$T/out")"
done
run scstrip -l xx "$T/in" > /dev/null 2> "$T/err"
[ $? = 2 ] && grep -q "no stopword list for 'xx'" "$T/err" || fail "-l xx: $(cat "$T/err")"
exit 0
