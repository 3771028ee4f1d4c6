# A full disk is status 2 and one "write error" line, never a silent loss.
printf 'Some text for the full disk.\n' > "${TMPDIR:-/tmp}/scmeta-wr.$$"
$SC_BIN/scmeta -g text "${TMPDIR:-/tmp}/scmeta-wr.$$" > /dev/full 2> "${TMPDIR:-/tmp}/scmeta-wr.err.$$"
st=$?
err=$(cat "${TMPDIR:-/tmp}/scmeta-wr.err.$$")
rm -f "${TMPDIR:-/tmp}/scmeta-wr.$$" "${TMPDIR:-/tmp}/scmeta-wr.err.$$"
[ "$st" = 2 ] || { echo "status $st, want 2"; exit 1; }
case $err in *"write error"*) ;; *) echo "stderr: $err"; exit 1 ;; esac
