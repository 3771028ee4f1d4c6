# lang_paras offsets with --fix-mojibake on plain text: the text written
# is the repaired and normalised one (the tool's text), so the offsets
# are its own; mapping them back to the text before normalisation (right
# when the text is written as read) put every span after a soft hyphen
# one code point late.
. ../stream/lib.sh
command -v python3 >/dev/null 2>&1 || exit 0
printf 'Caf\303\203\302\251 \303\203\302\251t\303\203\302\251 Dies ist ein deutscher Ab\302\255satz mit vielen gew\303\266hnlichen W\303\266rtern darin.\n\nThis is an English paragraph with plenty of common words in it.\n' > "$T/in"
run scmeta -z --fix-mojibake --lang-per-para -f lang "$T/in" > "$T/out" || fail "status $?"
python3 - "$T/out" <<'PY' || fail "$(cat "$T/out")"
import json, sys
r = json.loads(open(sys.argv[1]).read())
t = r["text"]
got = [(t[s:e], l) for s, e, l, _ in r["metadata"]["lang_paras"]]
want = [("Café été Dies ist ein deutscher Absatz mit vielen gewöhnlichen Wörtern darin.", "de"),
        ("This is an English paragraph with plenty of common words in it.", "en")]
assert got == want, got
PY
exit 0
