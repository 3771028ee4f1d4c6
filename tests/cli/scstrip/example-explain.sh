# scstrip(1), EXAMPLES, "See why a line went": the dropped blocks, and only
# those, even when a dropped line holds the word "keep" (grep -v keep,
# the example before, hid it).
. ../stream/lib.sh
printf 'Keep reading: keep up with our stories\n\nThe city council on Wednesday postponed its vote on the harbor bridge for the second time this year, after the planning office admitted that its traffic study did not yet include the new ferry terminal.\n' > "$T/page.txt"
run scstrip -x < "$T/page.txt" | awk -F'\t' '$2 == "drop"' > "$T/out"
[ "$(wc -l < "$T/out")" = 1 ] && grep -q 'keep up with our stories' "$T/out" || fail "$(cat "$T/out")"
exit 0
