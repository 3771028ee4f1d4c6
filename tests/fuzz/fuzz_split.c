/*
 * fuzz_split.c: the dump readers (WARC/WET records, <doc> wrappers,
 * "==> name <==" headers, form feeds) and the unit splitters.  Every
 * piece must lie inside the input, spans must be ordered and disjoint.
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
	sc_split_paragraphs(t, size, &sp);
	sc_split_lines(t, size, &sp);
	for (size_t i = 0; i < sp.n; i++)
		if (sp.v[i].start > sp.v[i].end || sp.v[i].end > size)
			abort();
	free(sp.v);
	return 0;
}
