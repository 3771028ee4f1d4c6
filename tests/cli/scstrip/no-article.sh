# A page of navigation only: no output, status 0, and --stats says why.
err=$(mktemp) || exit 1
trap 'rm -f "$err"' EXIT
out=$("$SC_BIN/scstrip" --stats < no-article.in 2>"$err") || exit 1
[ -z "$out" ] || { echo "unexpected output: $out"; exit 1; }
grep -q "empty.no-article 1" "$err" || { cat "$err"; exit 1; }
