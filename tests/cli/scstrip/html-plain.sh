# --html and --plain force the kind of content; the HTML path says so in
# metadata.strip.input.
page='{"id":"a","text":"<p>A sentence of text, long enough to keep, with some commas, and more words.</p>"}'
out=$(printf '%s\n' "$page" | "$SC_BIN/scstrip" --html) || exit 1
case $out in *'"input":"html"'*) ;; *) echo "--html: $out"; exit 1;; esac
out=$(printf '%s\n' "$page" | "$SC_BIN/scstrip" --plain) || exit 1
case $out in *'"input":"html"'*) echo "--plain: $out"; exit 1;; esac
# Text that only mentions tags stays plain text.
out=$(printf '%s\n' '{"id":"b","text":"Use <p> for paragraphs."}' | "$SC_BIN/scstrip")
case $out in *'"input":"html"'*) echo "detected: $out"; exit 1;; esac
exit 0
