# Locale never changes output: the same bytes under C, C.UTF-8 and a
# locale with a decimal comma when one is installed.
. ./lib.sh
printf 'Caf\xc3\xa9 \xc3\xa9t\xc3\xa9.\n\nZweiter Absatz, 3,5 Prozent.\n' >"$T/in"
for loc in C C.UTF-8 de_DE.UTF-8 tr_TR.UTF-8; do
	LC_ALL=$loc run scsplit -b para "$T/in" >"$T/out.$loc" 2>/dev/null
	cmp -s "$T/out.C" "$T/out.$loc" || fail "output differs under $loc"
done
exit 0
