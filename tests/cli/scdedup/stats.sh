# --stats=json: one JSON object on stderr with the documents in and out,
# the duplicates by kind, the clusters and the peak memory.
set -e
err=$("$SC_BIN/scdedup" --stats=json news.jsonl 2>&1 >/dev/null)
for k in '"docs_in":14' '"docs_out":7' '"duplicates":7' '"exact":4' \
    '"clusters":5' '"peak_rss":' '"table_bytes":'; do
	case $err in
	*"$k"*) ;;
	*) echo "missing $k in: $err"; exit 1 ;;
	esac
done
"$SC_BIN/scdedup" --stats news.jsonl 2>&1 >/dev/null | grep -q 'duplicates.*in 5 clusters'
