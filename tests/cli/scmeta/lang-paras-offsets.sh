# lang_paras offsets count code points "from the start of the text"
# (scmeta(1)): of the text as written, which scmeta leaves as it was read,
# not of the normalised form it analyses.  CR LF line ends, a zero-width
# space and a soft hyphen (all removed by normalisation) used to shift
# every later span.
. ../stream/lib.sh
command -v python3 >/dev/null 2>&1 || exit 0
printf '{"id":"m","text":"\\u200bThis is an English paragraph with plenty of common words in it.\\r\\n\\r\\nDies ist ein deutscher Ab\\u00adsatz mit vielen gew\\u00f6hnlichen W\\u00f6rtern darin.\\r\\n\\r\\nEt voici un paragraphe fran\\u00e7ais avec beaucoup de mots courants.\\r\\n"}\n' > "$T/in"
run scmeta --lang-per-para -f lang "$T/in" > "$T/out" || fail "status $?"
python3 - "$T/out" <<'PY' || fail "$(cat "$T/out")"
import json, sys
r = json.loads(open(sys.argv[1]).read())
t = r["text"]
spans = r["metadata"]["lang_paras"]
got = [(t[s:e].replace("\u200b", "").replace("\u00ad", ""), l) for s, e, l, _ in spans]
want = [("This is an English paragraph with plenty of common words in it.", "en"),
        ("Dies ist ein deutscher Absatz mit vielen gewöhnlichen Wörtern darin.", "de"),
        ("Et voici un paragraphe français avec beaucoup de mots courants.", "fr")]
assert got == want, got
PY
# Plain text read from a file: the same.
printf '\357\273\277Line one of English text with some common words in it.\r\n\r\nLigne deux en fran\303\247ais avec des mots courants.\r\n' > "$T/p.txt"
run scmeta --lang-per-para -f lang "$T/p.txt" > "$T/out" || fail "status $?"
python3 - "$T/out" <<'PY' || fail "$(cat "$T/out")"
import json, sys
r = json.loads(open(sys.argv[1]).read())
t = r["text"]
got = [t[s:e] for s, e, l, _ in r["metadata"]["lang_paras"]]
assert got == ["Line one of English text with some common words in it.",
               "Ligne deux en français avec des mots courants."], (got, t)
PY
exit 0
