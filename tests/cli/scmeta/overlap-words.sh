# The headline feature overlap (SC_PAGEMETA_DEBUG=features prints every
# line's features): the share of a line's words of four letters or more
# that the main text has too, case aside.  main_text_words() reads the
# words in blocks (ASCII sixteen or, with AVX2, 32 bytes at a time;
# Cyrillic letters sixteen bytes at a time) and the rest of a line one
# character at a time: the same word read both ways, at a line's end in
# the headline and inside a long line of the text, must match.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# overlap PAGE-TEXT LINE: the overlap value of line LINE (0-based)
overlap() {
	printf '%s\n' "$1" > "$tmp/page"
	SC_PAGEMETA_DEBUG=features "$SC_BIN/scmeta" -g page < "$tmp/page" 2>&1 >/dev/null |
	    awk -F '\t' -v l="$2" '
		$1 == "N" { for (k = 2; k <= NF; k++) if ($k == "overlap") c = k }
		$1 == "F" && $2 == l { print $(c + 1); exit }'
}
check() {	# check WHAT WANT GOT
	[ "$2" = "$3" ] || { echo "$1: overlap $3, want $2"; exit 1; }
}
# Городской, совет, бюджет are in the text (обсудил is not): 3 of 4.
check "Cyrillic" 0.75 "$(overlap "Газета

Городской совет обсудил бюджет

Вчера городской совет долго обсуждал новый бюджет на следующий год. Депутаты спорили о расходах на ремонт дорог, школ и больниц, а также о достопримечательностях центра. Мэр заявил, что бюджет будет принят до конца месяца, если совет согласится с поправками." 2)"
# Council, budget, bridges are in the text (approves, repairs are not): 3 of 5.
check "ASCII" 0.6 "$(overlap "Gazette

Council approves budget for bridges and repairs

Yesterday the city council discussed the new budget for the coming year at great length, and the councillors argued about the money for roads, schools, hospitals and the old bridges over the river before the mayor said that the BUDGET would pass." 2)"
exit 0
