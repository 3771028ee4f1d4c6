#!/bin/sh
# make install into a temporary DESTDIR, then the installed programs run
# the pipeline on the sample from there, finding their data files on
# their own (PREFIX/share/sctools beside PREFIX/bin) or through
# $SCTOOLS_DATA; then make uninstall leaves nothing behind.
cd "$(dirname "$0")/.." || exit 1
T=$(mktemp -d "${TMPDIR:-/tmp}/scinst.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
B=${SC_BIN:-bin}
D=$T/dest
P=/opt/sctools-test
echo "1..7"
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); echo "not ok $n - $*"; st=1; }
st=0

# Install what the tests built (B=... from O=...), without rebuilding:
# with B alone, `install: all` would relink the sanitizer build's
# programs from the plain objects while the other tests run them.
if make -s install B="$B" O="${SC_BUILD:-build}" ${SC_SANITIZED:+PGO=0} DESTDIR="$D" PREFIX="$P" >"$T/log" 2>&1; then
	ok "make install DESTDIR PREFIX"
else
	nok "make install DESTDIR PREFIX"; sed 's/^/#   /' "$T/log"
fi
miss=""
for f in bin/scsplit bin/scmeta bin/scstrip bin/scdedup share/man/man1/scstrip.1 \
    share/man/man7/sctools.7 share/sctools/sctools.data share/sctools/rules \
    share/sctools/stopwords share/bash-completion/completions/scdedup; do
	[ -e "$D$P/$f" ] || miss="$miss $f"
done
[ -z "$miss" ] && ok "files in place" || nok "missing:$miss"

sample=$(pwd)/sample/harbor-ledger-dump.txt
pipeline() {	# pipeline BINDIR: the quick start's pipeline on the sample
	"$1/scsplit" "$sample" | "$1/scmeta" -g page |
	    "$1/scstrip" | "$1/scmeta" -g text | "$1/scdedup"
}
pipeline "$B" >"$T/want" 2>&1
# Run from elsewhere, so nothing is found through the source tree.
(cd / && pipeline "$D$P/bin") >"$T/got" 2>&1
if cmp -s "$T/want" "$T/got" && [ "$(wc -l <"$T/got")" -eq 3 ]; then
	ok "installed pipeline gives the build tree's output"
else
	nok "installed pipeline differs"; diff "$T/want" "$T/got" | head -20 | sed 's/^/#   /'
fi

# SCTOOLS_DATA overrides: an empty data dir makes rule loading fail loudly.
mkdir -p "$T/nodata"
if
    (cd / && SCTOOLS_DATA=$T/nodata "$D$P/bin/scstrip" </dev/null 2>"$T/err" >/dev/null); then
	nok "SCTOOLS_DATA ignored (scstrip ran without its rules)"
else
	grep -q "$T/nodata" "$T/err" && ok "SCTOOLS_DATA is where the data is read" ||
	    { nok "SCTOOLS_DATA: diagnostic does not name the directory"; sed 's/^/#   /' "$T/err"; }
fi

if mandoc -T lint -W warning "$D$P/share/man/man1/"*.1 >"$T/log" 2>&1; then
	ok "installed man pages lint clean"
else
	nok "installed man pages"; sed 's/^/#   /' "$T/log"
fi

if bash -c ". '$D$P/share/bash-completion/completions/scdedup'; _sctools_opts '$D$P/bin/scdedup'" |
    grep -qx -- --save-index; then
	ok "completion lists the options"
else
	nok "completion lists no options"
fi

make -s uninstall DESTDIR="$D" PREFIX="$P" >"$T/log" 2>&1
left=$(find "$D" -type f | head -5)
[ -z "$left" ] && ok "make uninstall removes every file" || nok "left after uninstall: $left"
exit $st
