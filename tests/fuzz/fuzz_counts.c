/*
 * fuzz_counts.c: libFuzzer harness for the counts of common/signals.c.
 *
 * The counts alone (SC_SIG_COUNTS) take their own road, sixteen bytes at
 * a time with lane masks (count_text); asked with any other group they
 * come from the line scan, a character at a time.  Both must give the
 * same characters, words, lines, paragraphs and sentences for any bytes.
 * The second call asks for every group, so the n-gram, C4 and RefinedWeb
 * paths (words stored in room made once a line, phrases found over the
 * whole text) run under the sanitizers too.  The line scan is compiled
 * twice, for every group and for any other choice: the third call takes
 * the other one, and must give the same counts and repetition signals.
 * The input is copied into a buffer of its exact length, so a block read
 * past the end of the text is caught by AddressSanitizer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "signals.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sc_signals_work *w;
	struct sc_signals a, b, c;
	int n;
	char *p;

	if (w == NULL)
		w = sc_signals_work_new();
	p = xmalloc(size ? size : 1);
	memcpy(p, data, size);
	sc_signals_compute(p, size, SC_SIG_COUNTS, &a, w);
	sc_signals_compute(p, size, SC_SIG_ALL, &b, w);
	if (a.chars != b.chars || a.words != b.words || a.lines != b.lines ||
	    a.paragraphs != b.paragraphs || a.sentences != b.sentences)
		abort();
	sc_signals_compute(p, size, SC_SIG_COUNTS | SC_SIG_GOPHER_REP, &c, w);
	if (c.chars != b.chars || c.words != b.words || c.lines != b.lines ||
	    c.paragraphs != b.paragraphs || c.sentences != b.sentences ||
	    c.gopher_dup_line_frac != b.gopher_dup_line_frac ||
	    c.gopher_dup_para_char_frac != b.gopher_dup_para_char_frac)
		abort();
	for (n = 2; n <= 10; n++)
		if ((n <= 4 && c.gopher_top_ngram_char_frac[n] != b.gopher_top_ngram_char_frac[n]) ||
		    (n >= 5 && c.gopher_dup_ngram_char_frac[n] != b.gopher_dup_ngram_char_frac[n]))
			abort();
	free(p);
	return 0;
}
