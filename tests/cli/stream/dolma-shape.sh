# The JSON Lines the tools write has the shape datatrove's JsonlReader and
# dolma's document format read: "id" a string, "text" a string,
# "metadata" an object, "source" a string when --source NAME is given
# (and only then, unless the input had one), one object per line.  Run on
# the full pipeline over a generated dump, on each tool alone, and from
# NUL-separated text.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
PATH="$SC_BIN:$PATH"
python3 ../../gen-corpus -s 5 -n 60 --dump "$t/dump.txt" --nul "$t/dump.nul"

check() {	# check FILE SOURCE|- : every line has the shape
	python3 - "$1" "$2" <<'EOF'
import json, re, sys
path, source = sys.argv[1], sys.argv[2]
ids = set()
n = 0
with open(path, encoding='utf-8') as f:
    for no, line in enumerate(f, 1):
        n += 1
        d = json.loads(line)
        where = '%s:%d' % (path, no)
        assert isinstance(d, dict), where
        assert isinstance(d.get('id'), str) and d['id'], where + ': id'
        assert d['id'] not in ids, where + ': id repeated'
        ids.add(d['id'])
        assert isinstance(d.get('text'), str), where + ': text'
        if source == '-':
            assert 'source' not in d, where + ': source without --source'
        else:
            assert d.get('source') == source, where + ': source'
        m = d.get('metadata')
        assert isinstance(m, dict), where + ': metadata'
        for k in ('title', 'date', 'author', 'lang', 'hash', 'description', 'site', 'url'):
            assert k not in m or isinstance(m[k], str), where + ': ' + k
        for k in ('categories', 'tags'):
            assert k not in m or (isinstance(m[k], list) and all(isinstance(x, str) for x in m[k])), where + ': ' + k
        if 'date' in m:
            assert re.match(r'^\d{4}-\d{2}-\d{2}', m['date']), where + ': date ' + m['date']
        for k, v in m.items():
            if k in ('chars', 'words', 'lines', 'paragraphs', 'sentences'):
                assert isinstance(v, int) and not isinstance(v, bool) and v >= 0, where + ': ' + k
assert n > 0, path + ': empty'
EOF
}

scsplit --source mycrawl "$t/dump.txt" | scmeta -g page | scstrip | scmeta -g text | scdedup > "$t/p.jsonl"
check "$t/p.jsonl" mycrawl
# Fewer documents than pages (duplicates), the page fields were found.
test "$(wc -l < "$t/p.jsonl")" -lt 60
grep -q '"date":"' "$t/p.jsonl"
grep -q '"lang":"' "$t/p.jsonl"
# No --source: no "source" field appears.
scsplit "$t/dump.txt" | scmeta > "$t/n.jsonl"
check "$t/n.jsonl" -
# Each tool sets it, and replaces one already there.
scsplit "$t/dump.txt" | scmeta -f counts > "$t/in.jsonl"
for tool in scmeta scstrip; do
	$tool --source "$tool" "$t/in.jsonl" > "$t/o.jsonl"
	check "$t/o.jsonl" "$tool"
	$tool --source again "$t/o.jsonl" > "$t/o2.jsonl"
	check "$t/o2.jsonl" again
done
scdedup --mark --source dd "$t/in.jsonl" > "$t/o.jsonl"
check "$t/o.jsonl" dd
# NUL-separated text in, JSON Lines out.
scmeta -z --source nul "$t/dump.nul" > "$t/z.jsonl"
check "$t/z.jsonl" nul
test "$(wc -l < "$t/z.jsonl")" -eq 60
# jq reads it (the sctools(7) examples), when jq is installed.
if command -v jq > /dev/null; then
	jq -e -s 'length > 0 and all(.[]; (.id | type) == "string" and (.metadata | type) == "object")' \
	    "$t/p.jsonl" > /dev/null
fi
