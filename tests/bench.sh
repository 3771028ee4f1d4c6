#!/bin/sh
# Benchmarks for `make bench`.
#
# Generates a deterministic corpus with tests/gen-corpus (cached in
# build/bench/), times every tool in its main modes next to cat, wc -l,
# LC_ALL=C sort -u and awk '!seen[$0]++' on the same files in the same run,
# and prints a Markdown table (also written to build/bench/RESULTS.md).
# Each figure is the median of BENCH_RUNS runs; peak RSS is the largest
# of the runs (GNU time's %M: for a pipeline, its largest process).
# When the development sets are present, the dev-set scores follow.
#
#   BENCH_MB=200      size of the generated text corpus, in MB
#   BENCH_HTML_MB     size of the generated HTML corpus (default BENCH_MB/4)
#   BENCH_RUNS=3      runs per command (the median is reported)
#   BENCH_MAXSECS=10  a command whose first run is longer runs only once
#   BENCH_SCORES=1    0 skips the dev-set scores
#   BENCH_SAVE=1      also copy the results to docs/BENCH.md
#   SC_BIN, SC_SHARED the programs (bin) and the shared data (../shared)
#
# MB/s is input bytes / wall seconds; "CPU MB/s" is input bytes / (user +
# system seconds), which says what one core does when the machine is busy.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${SC_BIN:-$here/bin}
shared=${SC_SHARED:-$here/../shared}
mb=${BENCH_MB:-200}
runs=${BENCH_RUNS:-3}
maxsecs=${BENCH_MAXSECS:-10}
htmlmb=${BENCH_HTML_MB:-$(awk -v m="$mb" 'BEGIN { x = m / 4; if (x < 1) x = 1; print x }')}
dir=$here/build/bench
mkdir -p "$dir"
export LC_ALL=C

if ! [ -x /usr/bin/time ] || ! /usr/bin/time -f %M true > /dev/null 2>&1; then
	echo "bench: GNU time (/usr/bin/time) is needed: apt-get install time" >&2
	exit 2
fi
for t in scsplit scmeta scstrip scdedup; do
	[ -x "$bin/$t" ] || { echo "bench: $bin/$t missing (run make)" >&2; exit 2; }
done

# The corpus, generated once per size and seed (the generator is
# deterministic, so a cached file is the same bytes).
c=$dir/corpus-${mb}M
# All four files, or none: a cache with the JSON Lines alone (kept by
# hand, or a partial clean-up) timed the text and NUL rows on no input.
fresh=1
for x in txt nul truth jsonl; do
	if ! [ -s "$c.$x" ] || ! [ "$c.$x" -nt "$here/tests/gen-corpus" ]; then
		fresh=0
	fi
done
if [ "$fresh" = 0 ]; then
	echo "bench: generating a ${mb} MB corpus in $dir ..." >&2
	python3 "$here/tests/gen-corpus" -s 1 -m "$mb" --dump "$c.txt.tmp" \
	    --nul "$c.nul.tmp" --jsonl "$c.jsonl.tmp" --truth "$c.truth.tmp" || exit 2
	for x in txt nul truth jsonl; do mv "$c.$x.tmp" "$c.$x"; done
fi
h=$dir/html-${htmlmb}M
if ! [ -s "$h.jsonl" ] || ! [ "$h.jsonl" -nt "$here/tests/gen-corpus" ]; then
	echo "bench: generating a ${htmlmb} MB HTML corpus ..." >&2
	python3 "$here/tests/gen-corpus" -s 2 -m "$htmlmb" --html "$h.jsonl.tmp" || exit 2
	mv "$h.jsonl.tmp" "$h.jsonl"
fi
docs=$(wc -l < "$c.jsonl")
hdocs=$(wc -l < "$h.jsonl")

raw=$dir/raw.tsv
: > "$raw"
tf=$dir/time.out
# run LABEL KIND FILE DOCS TARGET COMMAND: time COMMAND (a shell command
# reading FILE, writing to stdout) BENCH_RUNS times; append one line to
# raw.tsv: label kind bytes docs target wall cpu rss status.
run() {
	label=$1 kind=$2 file=$3 ndocs=$4 target=$5 cmd=$6
	bytes=$(wc -c < "$file")
	walls="" cpus="" rss=0 st=0 i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		t0=$(date +%s%N)
		/usr/bin/time -f '%M %U %S' -o "$tf" sh -c "$cmd" > /dev/null 2> "$dir/err.out" < /dev/null
		s=$?
		t1=$(date +%s%N)
		[ "$s" -ne 0 ] && st=$s
		set -- $(tail -n 1 "$tf")
		w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
		walls="$walls $w"
		cpus="$cpus $(awk -v u="$2" -v s="$3" 'BEGIN { printf "%.2f", u + s }')"
		[ "$1" -gt "$rss" ] 2> /dev/null && rss=$1
		[ "$s" -ne 0 ] && break
		awk -v w="$w" -v m="$maxsecs" 'BEGIN { exit !(w > m) }' && break
	done
	med() { echo "$@" | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$kind" "$bytes" "$ndocs" \
	    "$target" "$(med $walls)" "$(med $cpus)" "$rss" "$st" >> "$raw"
	if [ "$st" -ne 0 ]; then
		echo "bench: '$label' failed (status $st): $(head -n 2 "$dir/err.out")" >&2
	fi
	printf '  %-44s %8.2f s\n' "$label" "$(med $walls)" >&2
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: ${mb} MB text corpus ($docs pages), ${htmlmb} MB HTML ($hdocs pages), $runs runs each" >&2
T=$c.txt J=$c.jsonl N=$c.nul H=$h.jsonl
B=$bin
# Baselines first, on every file the tools read.
run "cat" jsonl "$J" "$docs" "" "cat '$J'"
run "wc -l" jsonl "$J" "$docs" "" "wc -l '$J'"
run "LC_ALL=C sort -u" jsonl "$J" "$docs" "" "sort -u '$J'"
run "cat" dump "$T" "$docs" "" "cat '$T'"
run "wc -l" dump "$T" "$docs" "" "wc -l '$T'"
run "LC_ALL=C sort -u" dump "$T" "$docs" "" "sort -u '$T'"
run "awk '!seen[\$0]++'" dump "$T" "$docs" "" "awk '!seen[\$0]++' '$T'"
run "cat" nul "$N" "$docs" "" "cat '$N'"
run "wc -l" nul "$N" "$docs" "" "wc -l '$N'"
run "cat" html "$H" "$hdocs" "" "cat '$H'"
run "wc -l" html "$H" "$hdocs" "" "wc -l '$H'"
# The tools.
run "scsplit (dump to JSONL)" dump "$T" "$docs" 100 "'$B/scsplit' '$T'"
run "scsplit (JSONL parse and rewrite)" jsonl "$J" "$docs" 300 "'$B/scsplit' '$J'"
run "scsplit --by para" jsonl "$J" "$docs" 100 "'$B/scsplit' --by para '$J'"
run "scsplit --by sentence" jsonl "$J" "$docs" 100 "'$B/scsplit' --by sentence '$J'"
run "scstrip" jsonl "$J" "$docs" 100 "'$B/scstrip' '$J'"
run "scstrip -z" nul "$N" "$docs" 100 "'$B/scstrip' -z '$N'"
run "scmeta (all fields)" jsonl "$J" "$docs" 50 "'$B/scmeta' '$J'"
run "scmeta -g page" jsonl "$J" "$docs" "" "'$B/scmeta' -g page '$J'"
run "scmeta -g text" jsonl "$J" "$docs" 50 "'$B/scmeta' -g text '$J'"
run "scmeta -f counts,hash" jsonl "$J" "$docs" 200 "'$B/scmeta' -f counts,hash '$J'"
run "scdedup -e (exact)" jsonl "$J" "$docs" 150 "'$B/scdedup' -e '$J'"
run "scdedup (near, default)" jsonl "$J" "$docs" 60 "'$B/scdedup' '$J'"
run "scdedup -u line --normalize=none" dump "$T" "$docs" awk2 "'$B/scdedup' -u line --normalize=none '$T'"
run "scstrip --html" html "$H" "$hdocs" 30 "'$B/scstrip' --html '$H'"
run "scmeta -g page (HTML)" html "$H" "$hdocs" "" "'$B/scmeta' -g page '$H'"
# scstrip on real pages as well (from the former tests/bench-scstrip.sh):
# the dev sets' w3m dumps, each page once, in a temporary directory that is
# removed at the end (dev pages never stay in the tree).  Once: repeated
# copies would be answered by scstrip's memo of whole documents and measure
# the memo, not the pages (about 5 MB; the medians of the runs steady it).
if ls "$shared"/data/strip-dev/*.w3m.txt > /dev/null 2>&1; then
	rtmp=$(mktemp -d "${TMPDIR:-/tmp}/scbench.XXXXXX")
	trap 'rm -rf "$rtmp"' EXIT INT TERM
	for p in "$shared"/data/strip-dev/*.w3m.txt "$shared"/data/traf-dev/*.w3m.txt; do
		"$B/scsplit" -J "$p" 2> /dev/null
	done > "$rtmp/real.jsonl"
	R=$rtmp/real.jsonl
	rdocs=$(wc -l < "$R")
	run "cat" "dev dumps" "$R" "$rdocs" "" "cat '$R'"
	run "wc -l" "dev dumps" "$R" "$rdocs" "" "wc -l '$R'"
	run "scstrip (w3m dumps of the dev sets)" "dev dumps" "$R" "$rdocs" 100 "'$B/scstrip' '$R'"
fi
run "pipeline: scsplit | scmeta -g page | scstrip | scmeta -g text | scdedup" dump "$T" "$docs" 30 \
    "'$B/scsplit' '$T' | '$B/scmeta' -g page | '$B/scstrip' | '$B/scmeta' -g text | '$B/scdedup'"

# The table: speeds, and ratios to the baselines on the same file (a
# ratio of 2 means twice the baseline's speed).
table() {
	awk -F '\t' -v AWK="awk '!seen[\$0]++'" '
	function mbs(b, s) { return s > 0 ? b / 1e6 / s : 0 }
	{ n++; L[n] = $1; K[n] = $2; By[n] = $3; D[n] = $4; Tg[n] = $5
	  W[n] = $6; C[n] = $7; R[n] = $8; St[n] = $9
	  if ($1 == "cat" || $1 == "wc -l" || $1 == "LC_ALL=C sort -u" || $1 ~ /^awk/)
		base[$1 "/" $2] = mbs($3, $6) }
	function ratio(b, k, v) { return base[b "/" k] > 0 ? sprintf("%.2f", v / base[b "/" k]) : "" }
	END {
		print "| command | input | MB/s | CPU MB/s | docs/s | peak RSS MB | x cat | x wc -l | x sort -u | x awk | target MB/s |"
		print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
		for (i = 1; i <= n; i++) {
			v = mbs(By[i], W[i])
			lab = L[i]; gsub(/\|/, "\\|", lab)
			if (St[i] != 0) {
				printf "| %s | %s | failed (status %s) | | | | | | | | %s |\n", lab, K[i], St[i], Tg[i]
				continue
			}
			ds = W[i] > 0 ? D[i] / W[i] : 0
			su = L[i] ~ /^(scdedup|LC_ALL|awk)/ ? ratio("LC_ALL=C sort -u", K[i], v) : ""
			aw = L[i] ~ /^(scdedup|LC_ALL|awk)/ ? ratio(AWK, K[i], v) : ""
			# One tool: the speed of one core (CPU); the pipeline: end to end (wall).
			got = L[i] ~ /^pipeline/ ? v : mbs(By[i], C[i])
			tg = Tg[i] == "" ? "" : (got >= Tg[i] ? Tg[i] " (met)" : Tg[i] " (not met)")
			if (Tg[i] == "awk2")	# issue 5: 2x awk and faster than sort -u
				tg = "2x awk, > sort -u" (su + 0 > 1 && aw + 0 >= 2 ? " (met)" : " (not met)")
			cpu = C[i] > 0 ? sprintf("%.1f", mbs(By[i], C[i])) : "-"
			printf "| %s | %s | %.1f | %s | %.0f | %.1f | %s | %s | %s | %s | %s |\n",
			    lab, K[i], v, cpu, ds, R[i] / 1024,
			    ratio("cat", K[i], v), ratio("wc -l", K[i], v), su, aw, tg
		}
	}' "$raw"
}

# Dev-set scores, when the development sets are there.
scores() {
	[ "${BENCH_SCORES:-1}" = 1 ] || return 0
	[ -d "$shared/data" ] || { echo "(dev sets not found in $shared/data: scores skipped)"; return 0; }
	st=$shared/tools/score-strip tr=$shared/tools/score-traf
	dd=$shared/data/dedup-dev
	echo "| dev set | command | result |"
	echo "|---|---|---|"
	for r in w3m lynx html; do
		printf '| strip-dev %s | `score-strip --renderer %s -- scstrip` | %s |\n' "$r" "$r" \
		    "$("$st" --jobs 2 --quiet --renderer "$r" -- "$B/scstrip" 2>&1 | tail -n 1)"
	done
	for i in text html; do
		printf '| traf-dev strip %s | `score-traf strip --input %s -- scstrip` | %s |\n' "$i" "$i" \
		    "$("$tr" strip --jobs 2 --input "$i" -- "$B/scstrip" 2>&1 | tail -n 1)"
	done
	for i in text html; do
		printf '| traf-dev meta %s | `score-traf meta --input %s -- scmeta` | %s |\n' "$i" "$i" \
		    "$("$tr" meta --jobs 2 --input "$i" -- "$B/scmeta" 2>&1 | tail -n 1)"
	done
	printf '| dedup-dev | `score.py -- scdedup` | %s |\n' \
	    "$(python3 "$dd/score.py" --data "$dd" -- "$B/scdedup" 2>&1 | tail -n 1)"
	printf '| dedup-synth | `score.py -- scdedup` | %s |\n' \
	    "$(python3 "$dd/score.py" --data "$shared/data/dedup-synth" -- "$B/scdedup" 2>&1 |
	    awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^wrong_removals=/) w = $i; l = $0 }
	    END { print l (w != "" ? " " w : "") }')"
}

# Extremes of the HTML path (from the former tests/bench-html.sh): one
# big page and 10,000-deep nesting, time and peak memory.
extremes() {
	big=$dir/big.html
	bigmb=$(awk -v m="$mb" 'BEGIN { print (m < 100 ? m : 100) }')
	if ! [ -s "$big" ] || [ "$(wc -c < "$big")" -lt $((bigmb * 900000)) ]; then
		awk -v m="$bigmb" 'BEGIN { printf "<html><body><article>"; n = m * 1e6 / 230
		for (i = 0; i < n; i++) printf "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, <a href=\"/x\">link</a> ut enim ad minim veniam, quis nostrud exercitation.</p>\n"
		printf "</article></body></html>" }' > "$big"
	fi
	/usr/bin/time -f '%e %M' -o "$tf" "$B/scstrip" --html "$big" > /dev/null 2>&1
	set -- $(tail -n 1 "$tf")
	awk -v b="$(wc -c < "$big")" -v s="$1" -v k="$2" 'BEGIN {
	    printf "- one HTML page of %.0f MB: %.2f s, peak RSS %.0f MB (%.1fx the page)\n",
	    b / 1e6, s, k / 1024, k * 1024 / b }'
	awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<div>"; printf "<p>deep text, at the bottom of ten thousand elements.</p>";
	    for (i = 0; i < 10000; i++) printf "</div>" }' > "$dir/deep.html"
	/usr/bin/time -f '%e %M' -o "$tf" "$B/scstrip" --html "$dir/deep.html" > "$dir/deep.out" 2>&1
	set -- $(tail -n 1 "$tf")
	echo "- 10,000-deep nesting: $1 s, peak RSS $(($2 / 1024)) MB, output: $(head -c 80 "$dir/deep.out")"
}

res=$dir/RESULTS.md
{
	echo "# sctools benchmarks"
	echo
	echo "\`make bench\` (tests/bench.sh), $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)."
	echo "Machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1), load average $load0 before the runs and $(cut -d' ' -f1-3 /proc/loadavg) after."
	echo "Build: ${SC_BUILD_KIND:-unknown (not run by make bench)}."
	echo "Corpus: tests/gen-corpus -s 1 -m $mb ($docs pages, $(wc -c < "$J") bytes as JSON Lines, $(grep -c -v '	new	' "$c.truth") exact or near duplicates); HTML: -s 2 -m $htmlmb ($hdocs pages)."
	echo "Median of $runs runs (one run when the first takes over ${maxsecs} s); every tool on one core; the pipeline's five processes share the machine."
	echo
	table
	echo
	echo "x cat, x wc -l, x sort -u, x awk: the command's MB/s over the baseline's MB/s on the same file in the same run."
	echo "Targets (issues 2-6, 8) are checked against CPU MB/s, one core's speed whatever else runs; the pipeline's against MB/s (wall, end to end)."
	echo
	echo "## HTML extremes"
	echo
	extremes
	echo
	echo "## Dev-set scores"
	echo
	scores
} > "$res.tmp" && mv "$res.tmp" "$res"
cat "$res"
if [ "${BENCH_SAVE:-0}" = 1 ] && awk -F '\t' '$9 != 0 { bad = 1 } END { exit !bad }' "$raw"; then
	echo "bench: a command failed: docs/BENCH.md not replaced" >&2
	exit 1
elif [ "${BENCH_SAVE:-0}" = 1 ]; then
	mkdir -p "$here/docs"
	cp "$res" "$here/docs/BENCH.md"
	echo "bench: saved to docs/BENCH.md" >&2
fi
