# Issue 4's acceptance check: the real page in ../shared/samples gives every
# field of strategic-council-article.meta.json with exactly that value (more
# fields may be there).  The sample lives beside the repository, not in it;
# SC_SAMPLES names its directory when it is elsewhere.  Without it the case
# says so and passes, as there is nothing to check.
here=$(cd "$(dirname "$0")" && pwd)
for d in "${SC_SAMPLES:-}" "$here/../../../../shared/samples" \
    "$here/../../../../../shared/samples"; do
	[ -n "$d" ] && [ -f "$d/strategic-council-article.txt" ] && break
	d=
done
if [ -z "$d" ]; then
	echo "# skip: strategic-council-article.txt not found (set SC_SAMPLES)"
	exit 0
fi
$SC_BIN/scmeta "$d/strategic-council-article.txt" >"${TMPDIR:-/tmp}/scmeta-sample.$$" || exit 1
python3 - "$d/strategic-council-article.meta.json" "${TMPDIR:-/tmp}/scmeta-sample.$$" <<'PY'
import json, sys
want = json.load(open(sys.argv[1], encoding='utf-8'))
got = json.loads(open(sys.argv[2], encoding='utf-8').read())['metadata']
bad = [(k, v, got.get(k)) for k, v in want.items() if got.get(k) != v]
for k, v, g in bad:
    print('%s: want %r, got %r' % (k, v, g))
sys.exit(1 if bad else 0)
PY
st=$?
rm -f "${TMPDIR:-/tmp}/scmeta-sample.$$"
exit $st
