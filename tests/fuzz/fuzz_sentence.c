/*
 * fuzz_sentence.c: libFuzzer harness for common/sentence.c.
 *
 * The first input byte picks the mode (language, flags); the rest is the
 * text.  Checked on every input: the spans are in order, inside the text,
 * not empty, trimmed, and cover every byte that is not white space; in
 * raw mode the boundaries equal those of ICU's iterator run over the
 * whole text.  The replay driver (replay.c) runs the seeds in
 * corpus/sentence/ in `make check`.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "sentence.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const modes[] = { "en", "de", "fr", "ru", "ja", NULL, "xx", "es" };

static int
space_at(const char *p, size_t len, size_t i, size_t *n)
{
	uint32_t c;

	*n = sc_utf8_next((const unsigned char *)p + i, len - i, &c, NULL);
	return c == ' ' || (c >= 9 && c <= 13) || c == 0x85 || c == 0xA0 ||
	    c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
	    c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

/* Every byte of p[a..b) is white space. */
static void
all_space(const char *p, size_t len, size_t a, size_t b)
{
	size_t n;

	while (a < b) {
		if (!space_at(p, len, a, &n))
			abort();
		a += n;
	}
}

static void
check_spans(const char *p, size_t len, const struct sc_span *sp, size_t n)
{
	size_t prev = 0, k;

	for (size_t i = 0; i < n; i++) {
		if (sp[i].start < prev || sp[i].start >= sp[i].end || sp[i].end > len)
			abort();
		all_space(p, len, prev, sp[i].start);
		if (space_at(p, len, sp[i].start, &k))
			abort();
		prev = sp[i].end;
	}
	all_space(p, len, prev, len);
}

/* Raw mode against ICU's iterator over the whole text. */
static void
check_icu(const char *p, size_t len, const struct sc_span *sp, size_t n)
{
	static UBreakIterator *bi;
	UErrorCode err = U_ZERO_ERROR;
	UText *ut;
	size_t prev = 0, k = 0;
	int32_t b;

	if (bi == NULL)
		bi = ubrk_open(UBRK_SENTENCE, "", NULL, 0, &err);
	ut = utext_openUTF8(NULL, p, (int64_t)len, &err);
	ubrk_setUText(bi, ut, &err);
	if (U_FAILURE(err))
		abort();
	ubrk_first(bi);
	while ((b = ubrk_next(bi)) != UBRK_DONE) {
		size_t a = prev, e = (size_t)b, m;

		prev = (size_t)b;
		while (a < e && space_at(p, e, a, &m))
			a += m;
		if (a == e)
			continue;
		/* Our span must start at a and end within [a, e]. */
		if (k >= n || sp[k].start != a || sp[k].end > e)
			abort();
		all_space(p, e, sp[k].end, e);
		k++;
	}
	if (k != n)
		abort();
	utext_close(ut);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sc_sentencer *s[8][3];
	const struct sc_span *sp;
	const char *text;
	size_t n, len;
	int mode, flags;

	if (size == 0)
		return 0;
	mode = data[0] & 7;
	flags = (data[0] >> 3) % 3;		/* 0, SC_SENT_LINES, SC_SENT_RAW */
	text = (const char *)data + 1;
	len = size - 1;
	if (s[mode][flags] == NULL)
		s[mode][flags] = sc_sentencer_new(modes[mode],
		    flags == 0 ? 0 : flags == 1 ? SC_SENT_LINES : SC_SENT_RAW);
	n = sc_sentences(s[mode][flags], text, len, &sp);
	check_spans(text, len, sp, n);
	if (flags == 2)
		check_icu(text, len, sp, n);
	return 0;
}
