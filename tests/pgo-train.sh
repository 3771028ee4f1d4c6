#!/bin/sh
# pgo-train.sh BINDIR WORKDIR: the training run of a profile-guided build
# (see the Makefile).  The instrumented programs in BINDIR read a small
# generated corpus (tests/gen-corpus, seeds other than the benchmark's)
# in the modes people run: the pipeline, each tool's default, exact and
# near deduplication, HTML pages.  What they write is thrown away; their
# branch and call counts are the point.  Without python3 there is no
# corpus and no profile, and the build is a plain one.
set -eu
B=$1 W=$2
here=$(cd "$(dirname "$0")/.." && pwd)
command -v python3 >/dev/null 2>&1 || { echo "pgo-train: no python3, no profile" >&2; exit 0; }
python3 "$here/tests/gen-corpus" -s 17 -m 3 --dump "$W/train.txt" --jsonl "$W/train.jsonl"
python3 "$here/tests/gen-corpus" -s 18 -m 2 --html "$W/train-html.jsonl"
"$B/scsplit" "$W/train.txt" | "$B/scmeta" -g page | "$B/scstrip" | "$B/scmeta" -g text |
    "$B/scdedup" >/dev/null
"$B/scstrip" <"$W/train.jsonl" >/dev/null
"$B/scstrip" --mode corpus <"$W/train.jsonl" >/dev/null
"$B/scmeta" <"$W/train.jsonl" >/dev/null
"$B/scdedup" -e <"$W/train.jsonl" >/dev/null
"$B/scdedup" -u line --normalize=none <"$W/train.txt" >/dev/null
"$B/scsplit" --by para <"$W/train.jsonl" >/dev/null
"$B/scsplit" --by sentence <"$W/train.jsonl" >/dev/null
"$B/scstrip" <"$W/train-html.jsonl" >/dev/null
"$B/scmeta" -g page <"$W/train-html.jsonl" >/dev/null
rm -f "$W/train.txt" "$W/train.jsonl" "$W/train-html.jsonl"
