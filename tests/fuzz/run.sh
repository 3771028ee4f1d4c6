#!/bin/sh
# make fuzz: build every harness tests/fuzz/fuzz_NAME.c with libFuzzer,
# AddressSanitizer and UBSan (clang), then run each for SECONDS (default
# 120), starting from tests/fuzz/corpus/NAME.  New inputs go to
# build/fuzz/corpus-NAME; crashes to build/fuzz/crash-NAME-*.  A summary
# (executions, coverage, crashes) is printed at the end and kept in
# build/fuzz/summary.txt.  Usage: sh tests/fuzz/run.sh [SECONDS] [NAME...]
secs=${1:-120}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/../.." || exit 2
out=build/fuzz
mkdir -p "$out"
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"
make -s O=build/fuzzlib B=build/fuzzlib/bin CC=clang CXX=clang++ \
    CFLAGS="$flags" CXXFLAGS="$flags" build/fuzzlib/libsc.a || exit 2
deps="libpcre2-8 libxxhash libutf8proc uchardet icu-uc icu-i18n zlib libzstd libxml-2.0"
cflags=$(pkg-config --cflags $deps)
libs="$(pkg-config --libs $deps) -lcld2 -lstdc++ -lm"
names="$*"
if [ -z "$names" ]; then
	for h in tests/fuzz/fuzz_*.c; do
		n=$(basename "$h" .c)
		names="$names ${n#fuzz_}"
	done
fi
: >"$out/summary.txt"
status=0
for n in $names; do
	clang -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
	    -D_GNU_SOURCE -Icommon $cflags -o "$out/fuzz_$n" "tests/fuzz/fuzz_$n.c" \
	    build/fuzzlib/libsc.a $libs || { status=2; continue; }
	mkdir -p "$out/corpus-$n" "tests/fuzz/corpus/$n"
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	"$out/fuzz_$n" -max_total_time="$secs" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=4096 -artifact_prefix="$out/crash-$n-" -print_final_stats=1 \
	    "$out/corpus-$n" "tests/fuzz/corpus/$n" >"$out/log-$n.txt" 2>&1
	rc=$?
	runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/log-$n.txt" | grep -o '[0-9]*$')
	cov=$(grep -o 'cov: [0-9]*' "$out/log-$n.txt" | tail -1)
	line="$n: ${runs:-?} executions in ${secs}s, $cov, exit $rc"
	[ $rc -ne 0 ] && { line="$line (see $out/log-$n.txt)"; status=1; }
	echo "$line" | tee -a "$out/summary.txt"
done
exit $status
