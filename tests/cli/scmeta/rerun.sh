# Running scmeta on its own output changes nothing: the fields it writes
# the second time are the same values, in the same places.
in='{"id":"r1","text":"A quiet town by the sea welcomed its first tourists of the season on Saturday morning."}'
one=$(printf '%s\n' "$in" | $SC_BIN/scmeta -g text) || exit 1
two=$(printf '%s\n' "$one" | $SC_BIN/scmeta -g text) || exit 1
[ "$one" = "$two" ] || { echo "second run differs"; echo "$one"; echo "$two"; exit 1; }
