# Helpers for the .sh command-line tests; sourced with the case's directory
# as the current directory.  $SC_BIN holds the programs; $SC_WRAP a wrapper
# (valgrind) or nothing.
set -u
T=$(mktemp -d "${TMPDIR:-/tmp}/sctest.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { $SC_WRAP "$SC_BIN/$@"; }
# expect STATUS CMD...: run CMD, check its exit status.
expect() {
	want=$1; shift
	"$@"; got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, expected $want"
}
