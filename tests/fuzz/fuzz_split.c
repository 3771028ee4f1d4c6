/*
 * fuzz_split.c: the dump readers (WARC/WET records, <doc> wrappers,
 * "==> name <==" headers, form feeds) and the unit splitters.  Every
 * piece must lie inside the input, spans must be ordered and disjoint,
 * and a cutter fed the input in pieces must cut as on the whole.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *base;
static size_t base_len;

static void
check_piece(struct sc_piece *pc, void *ctx)
{
	(void)ctx;
	if (pc->len > 0 && (pc->p < base || pc->p + pc->len > base + base_len))
		abort();
	for (size_t i = 0; i < pc->nkv; i++)
		if (pc->kv[i].key == NULL)
			abort();
}

/* What a cutter gave, as one string: each piece's line, bytes, id and metadata. */
static void
digest(struct sc_piece *pc, void *ctx)
{
	struct sc_buf *b = ctx;

	sc_buf_printf(b, "[%ju:%zu:", pc->line, pc->len);
	sc_buf_add(b, pc->p, pc->len);
	sc_buf_add(b, pc->id.p, pc->id.len);
	for (size_t i = 0; i < pc->nkv; i++) {
		sc_buf_adds(b, pc->kv[i].key);
		sc_buf_addc(b, '=');
		sc_buf_add(b, pc->kv[i].val.p, pc->kv[i].val.len);
	}
	sc_buf_printf(b, "|%s]", pc->charset ? pc->charset : "");
}

/*
 * The same text fed to a cutter in pieces that end at line ends (sizes
 * taken from the text itself) must cut as the whole does.
 */
static void
check_parts(const char *t, size_t n, enum sc_cut_how how)
{
	struct sc_buf whole = {0}, parts = {0};
	struct sc_cutter c;
	const char *w1 = NULL, *w2 = NULL;
	size_t i = 0, step = 1 + (n > 0 ? (unsigned char)t[n / 2] % 97 : 0);

	sc_cutter_init(&c, how, digest, &whole);
	c.sep = "---";
	c.seplen = 3;
	if (how == SC_CUT_WARC)
		sc_cut_warc(t, n, digest, &whole, &w1);
	else if (how == SC_CUT_SEPARATOR)
		sc_cut_separator(t, n, "---", digest, &whole);
	else
		sc_cut_dump(t, n, sc_dump_detect(t, n), digest, &whole);
	c.ctx = &parts;
	while (i < n) {
		size_t k = i + step < n ? i + step : n;
		const char *nl = memchr(t + k - 1, '\n', n - (k - 1));

		k = nl != NULL ? (size_t)(nl - t) + 1 : n;
		sc_cutter_feed(&c, t + i, k - i);
		i = k;
		step = step * 7 % 211 + 1;
	}
	sc_cutter_end(&c, &w2);
	sc_cutter_free(&c);
	if (whole.len != parts.len || (whole.len > 0 && memcmp(whole.p, parts.p, whole.len) != 0) ||
	    (how == SC_CUT_WARC && (w1 == NULL) != (w2 == NULL)) ||
	    (w1 != NULL && w2 != NULL && strcmp(w1, w2) != 0))
		abort();
	sc_buf_free(&whole);
	sc_buf_free(&parts);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *t = (const char *)data, *warn;
	struct sc_spans sp = {0};

	base = t;
	base_len = size;
	if (sc_dump_is_warc(t, size))
		sc_cut_warc(t, size, check_piece, NULL, &warn);
	sc_cut_dump(t, size, sc_dump_detect(t, size), check_piece, NULL);
	sc_cut_separator(t, size, "---", check_piece, NULL);
	check_parts(t, size, SC_CUT_DUMP);
	check_parts(t, size, SC_CUT_SEPARATOR);
	check_parts(t, size, SC_CUT_WARC);
	sc_split_paragraphs(t, size, &sp);
	sc_split_lines(t, size, &sp);
	for (size_t i = 0; i < sp.n; i++)
		if (sp.v[i].start > sp.v[i].end || sp.v[i].end > size)
			abort();
	free(sp.v);
	return 0;
}
