# The options of each tool agree in three places: the bash completion
# (which reads --help), the man pages (the tool's own and sctools(7) for
# the stream options) and the program itself.  Each long option the
# completion offers is one the program takes by its whole name (getopt
# would also take an abbreviation, so a cut-off "--tw" slipped through)
# and one a man page documents; each option a man page lists under its
# tool is offered by the completion.
. ./lib.sh
bad=0
note() { echo "FAIL: $*" >&2; bad=1; }
command -v bash >/dev/null 2>&1 || exit 0
man=../../../man
comp=../../../completion/sctools.bash
# The long options a man page names with Fl (mdoc: "Fl -name", "Fl \-name").
man_longs() {
	sed -n 's/\\-/-/g; s/Fl -\([a-z0-9][a-z0-9-]*\)/\n--\1\n/gp' "$@" |
	    grep -E '^--[a-z0-9]' | sort -u
}
man_longs "$man/sctools.7" > "$T/common"
for t in scsplit scmeta scstrip scdedup; do
	bash -c ". '$comp'; _sctools_opts '$SC_BIN/$t'" | sed 's/=$//' |
	    grep -E '^--' | sort -u > "$T/comp.$t"
	[ -s "$T/comp.$t" ] || fail "$t: the completion offers no option"
	man_longs "$man/$t.1" | sort -u - "$T/common" > "$T/man.$t"
	# Offered but not documented, or not the whole name of an option.
	comm -23 "$T/comp.$t" "$T/man.$t" > "$T/extra"
	[ -s "$T/extra" ] && note "$t: completion offers options no man page documents: $(tr '\n' ' ' < "$T/extra")"
	# Documented in the tool's OPTIONS list but not offered.
	sed -n 's/\\-/-/g; /^\.It Fl/p' "$man/$t.1" |
	    grep -oE 'Fl -[a-z0-9][a-z0-9-]*' | sed 's/^Fl /-/' | sort -u > "$T/listed"
	comm -23 "$T/listed" "$T/comp.$t" > "$T/missing"
	[ -s "$T/missing" ] && note "$t: completion misses documented options: $(tr '\n' ' ' < "$T/missing")"
	# The stream options of sctools(7) are offered by every tool.
	sed -n '/^\.Ss Options common/,/^\.Ss /p' "$man/sctools.7" | sed 's/\\-/-/g' |
	    grep -E '^\.It Fl' | grep -oE 'Fl -[a-z0-9][a-z0-9-]*' | sed 's/^Fl /-/' |
	    sort -u > "$T/stream"
	comm -23 "$T/stream" "$T/comp.$t" > "$T/missing"
	[ -s "$T/missing" ] && note "$t: completion misses stream options: $(tr '\n' ' ' < "$T/missing")"
	# Each offered option is taken by the program by its whole name:
	# the option, then --help, which must win (status 0, no complaint).
	while read -r o; do
		"$SC_BIN/$t" "$o" --help > /dev/null 2> "$T/err" < /dev/null
		if grep -q "unrecognized\|ambiguous" "$T/err"; then
			note "$t: completion offers $o, which $t refuses"
		fi
	done < "$T/comp.$t"
done
exit $bad
