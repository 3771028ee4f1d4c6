# bash completion for scsplit, scmeta, scstrip and scdedup.
# Installed as PREFIX/share/bash-completion/completions/TOOL (one copy per
# tool, so bash-completion loads it on demand).  The option list comes from
# the program's own --help, so it never falls behind the program.

_sctools_opts()
{
	# The option column of --help (up to the first two spaces after
	# the options): every -x and --long, "=" kept for options whose
	# value is glued on (--on-error=fail).
	"$1" --help 2>&1 | grep -E '^ +-' | sed -E 's/^ +//; s/  .*//' |
	    grep -oE '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*(\[?=)?' |
	    sed -e 's/^[ ,]*//' -e 's/\[=$//' | sort -u
	echo --version
}

_sctools()
{
	local cur prev words cword split
	_init_completion -s || return
	local prog=$1 vals=

	case $prog:$prev in
	*:--on-error)			vals="fail skip pass" ;;
	*:--encoding)			vals="auto UTF-8 WINDOWS-1252 ISO-8859-1 UTF-16 SHIFT_JIS GB18030" ;;
	*:--stats)			vals="json" ;;
	scsplit:-b|scsplit:--by)	vals="para sentence line" ;;
	scmeta:-g|scmeta:--group)	vals="page text" ;;
	scmeta:-F|scmeta:--format)	vals="jsonl tsv kv" ;;
	scmeta:-f|scmeta:--fields)	vals="page text counts gopher gopher_quality gopher_repetition c4 fineweb refinedweb signals title date author site categories tags description url lang lang_score hash simhash" ;;
	scstrip:-m|scstrip:--mode)	vals="article corpus" ;;
	scstrip:--format)		vals="text markdown" ;;
	scdedup:-u|scdedup:--unit)	vals="doc para line" ;;
	scdedup:--normalize)		vals="none space full" ;;
	scdedup:--keep)			vals="first longest" ;;
	scdedup:--stage)		vals="sign pairs cluster filter" ;;
	*:-r|*:--rules|*:--check-rules|*:--learn|*:--df|*:--index|\
	*:--save-index|*:--clusters|*:--sketches|*:--dups|*:-o|*:--output)
		_filedir
		return ;;
	*:--tmpdir)
		_filedir -d
		return ;;
	*:-p|*:--pattern|*:-s|*:--separator|*:-l|*:--lang|*:-n|*:--shards|\
	*:-k|*:--key|*:-C|*:--chunk|*:--text-field|*:--id-field|\
	*:--max-record|*:--source|*:--now|*:-t|*:--threshold|*:-c|\
	*:--containment|*:--bands|*:--rows|*:--shingle|*:--smooth|\
	*:--max-memory|*:--shard|*:-w|*:--min-words|*:--df-min|*:--df-cap|\
	*:--spool-max)
		return ;;	# a value the user types
	esac
	if [ -n "$vals" ]; then
		COMPREPLY=($(compgen -W "$vals" -- "$cur"))
		return
	fi
	$split && return
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_sctools_opts "$prog")" -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace
		return
	fi
	_filedir	# input files
}
complete -F _sctools scsplit scmeta scstrip scdedup
