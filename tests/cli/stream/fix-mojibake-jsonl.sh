# --fix-mojibake on JSON Lines (sctools(7)): scstrip and scsplit --by write
# the repaired text, scdedup compares it but writes the record as read,
# scsplit without --by passes the record through.
. ./lib.sh
printf '{"id":"a","text":"Caf\\u00e9 au lait and more words here"}\n{"id":"b","text":"Caf\\u00c3\\u00a9 au lait and more words here"}\n' > "$T/in"
run scsplit -b line --fix-mojibake "$T/in" | grep -q '"id":"b/1","text":"Café au lait' || fail "scsplit --by"
run scsplit --fix-mojibake "$T/in" | grep -q '"id":"b","text":"Caf\\u00c3\\u00a9' || fail "scsplit"
run scstrip --fix-mojibake "$T/in" | grep -q '"id":"b","text":"Café au lait' || fail "scstrip"
[ "$(run scdedup -e --normalize=none --fix-mojibake "$T/in" | wc -l)" = 1 ] || fail "scdedup"
exit 0
