#!/bin/sh
# Golden command-line tests (mandoc/zstd style).  Each case lives in
# tests/cli/TOOL/ as NAME.args (the arguments, one line, shell words) with
# optional NAME.in (stdin; /dev/null when absent), NAME.out (expected
# stdout, exact), NAME.err (expected stderr, exact; when absent stderr must
# be empty) and NAME.exit (expected status, 0 when absent).  The command
# runs inside tests/cli/TOOL, once under LC_ALL=C and once under
# LC_ALL=C.UTF-8: both must give the same bytes.
# NAME.sh cases are scripts run with $SC_BIN set; they pass when they exit 0.
#
# SC_BIN: the programs' directory (default: bin).  SC_VALGRIND=1 runs every
# command under valgrind.  Run one case: tests/cli.t scstrip/comment-form
here=$(cd "$(dirname "$0")" && pwd)
: "${SC_BIN:=$here/../bin}"
SC_BIN=$(cd "$SC_BIN" && pwd)
export SC_BIN
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sccli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ "${SC_VALGRIND:-0}" = 1 ]; then
	SC_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
else
	SC_WRAP=""
fi
export SC_WRAP

cases=""
if [ $# -gt 0 ]; then
	for c in "$@"; do cases="$cases $here/cli/$c"; done
else
	for f in "$here"/cli/*/*.args "$here"/cli/*/*.sh; do
		[ -e "$f" ] || continue
		cases="$cases ${f%.*}"
	done
fi
n=0
for c in $cases; do n=$((n + 1)); done
echo "1..$n"

i=0
fails=0
for c in $cases; do
	i=$((i + 1))
	dir=$(dirname "$c")
	tool=$(basename "$dir")
	name=$(basename "$c")
	if [ -f "$c.sh" ]; then
		if (cd "$dir" && sh "$c.sh") >"$tmp/out" 2>&1; then
			echo "ok $i - $tool/$name"
		else
			echo "not ok $i - $tool/$name"
			sed 's/^/#   /' "$tmp/out" | head -40
			fails=$((fails + 1))
		fi
		continue
	fi
	args=$(cat "$c.args")
	input=/dev/null
	[ -f "$c.in" ] && input="$c.in"
	want_exit=0
	[ -f "$c.exit" ] && want_exit=$(cat "$c.exit")
	bad=""
	for loc in C C.UTF-8; do
		(cd "$dir" && eval "LC_ALL=$loc $SC_WRAP \"\$SC_BIN/$tool\" $args" \
		    <"$input" >"$tmp/out.$loc" 2>"$tmp/err.$loc")
		st=$?
		[ "$st" = "$want_exit" ] || bad="$bad exit=$st(want $want_exit,$loc)"
		if [ -f "$c.out" ]; then
			cmp -s "$c.out" "$tmp/out.$loc" || bad="$bad stdout($loc)"
		fi
		if [ -f "$c.err" ]; then
			cmp -s "$c.err" "$tmp/err.$loc" || bad="$bad stderr($loc)"
		elif [ -s "$tmp/err.$loc" ]; then
			bad="$bad unexpected-stderr($loc)"
		fi
	done
	cmp -s "$tmp/out.C" "$tmp/out.C.UTF-8" || bad="$bad locale-differs"
	if [ -z "$bad" ]; then
		echo "ok $i - $tool/$name"
	else
		echo "not ok $i - $tool/$name:$bad"
		echo "#   cd tests/cli/$tool && \$SC_BIN/$tool $args < ${input#$dir/}"
		if [ -f "$c.out" ]; then
			diff -u "$c.out" "$tmp/out.C" | head -30 | sed 's/^/#   /'
		fi
		sed 's/^/#   stderr: /' "$tmp/err.C" | head -10
		fails=$((fails + 1))
	fi
done
[ "$fails" = 0 ]
