/*
 * fuzz_html.c: the HTML path end to end.  Whatever the bytes, parsing,
 * selection, both renderings, metadata and the block producer must not
 * crash, and what they return must be consistent: block spans inside the
 * text, kept counts within the block count, output valid UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "html.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_html_page pg;
	struct sc_html_meta m;
	struct sc_blocks bs;
	struct sc_buf out = { 0 };
	unsigned char *keep;
	size_t i, kept, n = 0;

	/* The first byte picks the charset hint: none, or UTF-8 as JSONL gives. */
	sc_html_parse((const char *)data, size, size > 0 && (data[0] & 1) ? "UTF-8" : NULL,
	    SC_HTML_PARSE_MD, &pg);
	for (i = 0; i < pg.nblocks; i++) {
		const struct sc_html_block *b = &pg.blocks[i];

		if (b->off + b->len > pg.text.len || b->md_off + b->md_len > pg.md.len ||
		    b->node >= pg.nnodes || !sc_utf8_valid(pg.text.p + b->off, b->len))
			abort();
	}
	keep = malloc(pg.nblocks + 1);
	if (keep == NULL)
		abort();
	kept = sc_html_select(&pg, NULL, keep, NULL);
	for (i = 0; i < pg.nblocks; i++)
		n += keep[i] != 0;
	if (kept != n)
		abort();
	sc_html_render(&pg, keep, SC_HTML_TEXT, &out);
	sc_html_render(&pg, keep, SC_HTML_MARKDOWN, &out);
	if (out.len > 0 && !sc_utf8_valid(out.p, out.len))
		abort();
	sc_html_meta(&pg, keep, &m);
	if ((m.title && !sc_utf8_valid(m.title, strlen(m.title))) ||
	    (m.author && !sc_utf8_valid(m.author, strlen(m.author))))
		abort();
	sc_html_meta_free(&m);
	sc_blocks_init(&bs);
	sc_html_page_blocks(&pg, &bs);
	sc_blocks_free(&bs);
	free(keep);
	sc_buf_free(&out);
	sc_html_page_free(&pg);
	(void)sc_html_detect((const char *)data, size);
	return 0;
}
