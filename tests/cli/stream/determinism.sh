# Outputs are byte-identical across runs and do not depend on the locale
# or the time zone: every stage of the pipeline on the bundled sample (and
# the side outputs: --explain, kv and tsv formats, clusters, units), run
# under LC_ALL=C and C.UTF-8 (and de_DE.UTF-8 when installed), twice each.
. ./lib.sh
[ "${SC_VALGRIND:-0}" = 1 ] && exit 0	# the golden tests run each tool under valgrind
in=../../../sample/harbor-ledger-dump.txt
[ -f "$in" ] || fail "no sample"
pipeline() {	# pipeline DIR: every output into DIR
	d=$1
	mkdir -p "$d"
	run scsplit "$in" >"$d/1" &&
	run scmeta -g page "$d/1" >"$d/2" &&
	run scstrip "$d/2" >"$d/3" &&
	run scmeta -g text --lang-per-para "$d/3" >"$d/4" &&
	run scdedup "$d/4" >"$d/5" &&
	run scdedup --mark --clusters "$d/clusters" "$d/4" >"$d/5m" &&
	run scdedup -u para --mark "$d/3" >"$d/5p" &&
	run scstrip -x "$in" >"$d/x" &&
	run scmeta -F kv "$d/3" >"$d/kv" &&
	run scmeta -F tsv -f title,date,lang,lang_score,words,hash "$d/3" >"$d/tsv" &&
	run scsplit -b para "$d/3" >"$d/para" &&
	run scsplit -b line "$d/3" >"$d/line" &&
	run scsplit -b sentence "$d/3" >"$d/sent" &&
	run scsplit -n 3 -o "$d/shard-" "$d/4" &&
	run scstrip -T -z "$d/2" >"$d/z"
}
set --
for loc in C C.UTF-8 de_DE.UTF-8; do
	[ "$loc" = de_DE.UTF-8 ] && ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' && continue
	for n in 1 2; do
		LC_ALL=$loc pipeline "$T/$loc.$n" || fail "pipeline under $loc: status $?"
		set -- "$@" "$loc.$n"
	done
done
TZ=Pacific/Kiritimati LC_ALL=C pipeline "$T/tz" || fail "pipeline under TZ: status $?"
set -- "$@" tz
[ -s "$T/C.1/5" ] || fail "empty pipeline output"
for r in "$@"; do
	for f in "$T/C.1"/*; do
		b=$(basename "$f")
		cmp -s "$f" "$T/$r/$b" || fail "$b differs between C.1 and $r"
	done
done
exit 0
