/*
 * fixture_meta.h: a field scmeta reads from one hand-written HTML page
 * (common/html_meta.c), for the unit tests that check one field each
 * (titles, dates, authors).  Include after "../tap.h" and "html.h".
 */
#ifndef FIXTURE_META_H
#define FIXTURE_META_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* A copy of the string field at offset off of the page's sc_html_meta (NULL for none). */
static char *
meta_field_of(const char *html, size_t off)
{
	struct sc_html_page pg;
	struct sc_html_meta m;
	unsigned char *keep;
	char *v;

	memset(&pg, 0, sizeof pg);
	sc_html_parse(html, strlen(html), NULL, 0, &pg);
	keep = xmalloc(pg.nblocks + 1);
	sc_html_select(&pg, NULL, keep, NULL);
	sc_html_meta(&pg, keep, &m);
	v = *(char **)((char *)&m + off);
	v = v != NULL ? xstrdup(v) : NULL;
	free(keep);
	sc_html_meta_free(&m);
	sc_html_page_free(&pg);
	return v;
}

#define META_FIELD_IS(html, field, want, name) do { \
	char *v_ = meta_field_of(html, offsetof(struct sc_html_meta, field)); \
	is_str(v_, want, name); \
	free(v_); \
} while (0)

#endif
