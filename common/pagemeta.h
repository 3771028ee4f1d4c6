/*
 * pagemeta.h: the page fields of scmeta (title, date, author, author_role,
 * site, categories, tags, description, url), read from a page's raw text
 * as a scraper or a text browser saved it, before any cleaning.
 *
 * Every field is NULL (or an empty list) when the page does not show it
 * clearly: a missing value is better than a guess shown as fact.  All
 * strings are valid UTF-8 (invalid input bytes become U+FFFD), owned by
 * the struct and released by sc_pagemeta_free().
 *
 * The work per document is bounded: only the first opts.max_bytes of the
 * text are examined closely (titles, bylines and dates are near the top),
 * so a huge document costs no more than a page.  Long lines of script
 * code do not count against max_bytes, up to four times max_bytes read.
 */
#ifndef SC_PAGEMETA_H
#define SC_PAGEMETA_H

#include <stddef.h>

#include "date.h"

struct sc_pagemeta {
	char *title;		/* the headline, without " | Site" or "Site - " */
	char *date;		/* ISO 8601: "2020-09-06" or "2020-09-06T14:05:00" */
	char *author;		/* several authors joined with "; " */
	char *author_role;	/* "Iraqi Affairs Expert", from the byline */
	char *site;		/* the site's name, when the page names it */
	char *description;	/* the teaser or lead, without site prefix and byline */
	char *url;		/* the page's own URL, when the page shows it */
	char **categories;	/* section names: "Note", "political" */
	size_t ncategories;
	char **tags;		/* keywords the page lists as tags */
	size_t ntags;
};

struct sc_pagemeta_opts {
	/*
	 * The latest plausible date (a crawl date) and the base of relative
	 * dates ("2 days ago").  NULL: today, and relative dates are ignored.
	 */
	const struct sc_date *now;
	const char *lang;	/* ISO 639-1 hint ("de"), or NULL: guessed from the text */
	const char *url;	/* the page's URL when the record carries one, or NULL */
	size_t max_bytes;	/* how much of the text is examined; 0: SC_PAGEMETA_MAX_BYTES */
};

/* Default bound on the bytes examined per document. */
#define SC_PAGEMETA_MAX_BYTES (64 * 1024)

/* Fill o with the defaults (everything NULL or 0). */
void sc_pagemeta_opts_init(struct sc_pagemeta_opts *o);

/*
 * sc_pagemeta_extract: read the page fields from text[0..len) (UTF-8,
 * LF line ends; may contain NUL bytes) into *out, which the function
 * initialises first.  o may be NULL (the defaults).  Release the result
 * with sc_pagemeta_free().
 */
void sc_pagemeta_extract(const char *text, size_t len,
    const struct sc_pagemeta_opts *o, struct sc_pagemeta *out);

/* Free every field and reset *m to empty; a NULL or empty m is fine. */
void sc_pagemeta_free(struct sc_pagemeta *m);

#endif
