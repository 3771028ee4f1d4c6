/*
 * html_meta.c: a page's own metadata, read from its markup (see html.h).
 *
 * Sources, most trusted first: JSON-LD (the NewsArticle/Article/
 * BlogPosting object: headline, datePublished, author, publisher,
 * articleSection, keywords), meta tags (og:*, article:*, name=author,
 * description, DC and Parse.ly fields), microdata (itemprop), link
 * relations (canonical, author, tag, category), the h1, <time datetime>,
 * the date in the URL, and last dates written in elements named date,
 * time or published.  Values are taken as the page gives them, cleaned
 * of whitespace and a site suffix; a field stays NULL when the page does
 * not say it.
 *
 * JSON-LD is read by a small tolerant parser (pages ship it with raw
 * newlines, trailing commas and HTML entities): depth and size are
 * bounded, and whatever parsed before an error is used.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "date.h"
#include "html.h"
#include "stopwords.h"
#include "ucd.h"
#include "utf8.h"

/* ---- Small helpers ---- */

/* Copy s[0..n) with white space collapsed and trimmed; NULL when empty. */
static char *
clean_dup(const char *s, size_t n)
{
	struct sc_buf b = { 0 };
	size_t i;
	int sp = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			sp = 1;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			sp = 1;
			i++;
			continue;
		}
		if (sp && b.len > 0)
			sc_buf_addc(&b, ' ');
		sp = 0;
		sc_buf_addc(&b, (char)c);
	}
	if (b.len == 0) {
		sc_buf_free(&b);
		return NULL;
	}
	return b.p;
}

static char *
clean_strz(const char *s)
{
	return s ? clean_dup(s, strlen(s)) : NULL;
}

static const char *
meta_get(const struct sc_html_page *pg, const char *key)
{
	size_t i;

	for (i = 0; i < pg->nmetas; i++) {
		const struct sc_html_metatag *m = &pg->metas[i];

		if (strcmp(pg->attrs.p + m->key_off, key) == 0 && m->val_len > 0)
			return pg->attrs.p + m->val_off;
	}
	return NULL;
}

static const struct sc_html_marked *
mark_get(const struct sc_html_page *pg, uint32_t kind)
{
	size_t i;

	for (i = 0; i < pg->nmarks; i++)
		if (pg->marks[i].kind == kind && pg->marks[i].val_len > 0)
			return &pg->marks[i];
	return NULL;
}

static const char *
mark_str(const struct sc_html_page *pg, const struct sc_html_marked *m)
{
	return m ? pg->attrs.p + m->val_off : NULL;
}

/*
 * Decode the character references JSON-LD and meta values carry
 * double-escaped: numeric ones and HTML's named ones ("J&ouml;rg",
 * "&#8217;", "&bdquo;"), each only with its closing ';' (a control
 * character's stays as written; 128..159 are Windows-1252's).  A no-break space becomes a space.  In place: no reference is shorter than its
 * UTF-8.
 */
static int hexv(int c);

static void
decode_entities(char *s)
{
	static const uint16_t cp1252_hi[32] = {
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
	};
	char *r = s, *w = s;

	if (s == NULL || strchr(s, '&') == NULL)
		return;
	while (*r) {
		uint32_t cp = 0;
		size_t k = 1;

		if (*r != '&') {
			*w++ = *r++;
			continue;
		}
		if (r[1] == '#') {
			int hex = r[2] == 'x' || r[2] == 'X';
			size_t d0;

			k = d0 = hex ? 3 : 2;
			while (k - d0 < 7 && (hex ? isxdigit((unsigned char)r[k]) :
			    isdigit((unsigned char)r[k]))) {
				cp = cp * (hex ? 16 : 10) + (uint32_t)hexv(r[k]);
				k++;
			}
			/* 128..159 as Windows-1252, as browsers read them
			 * ("O&#146;Brien"); no control character nor surrogate */
			if (cp >= 0x80 && cp < 0xA0)
				cp = cp1252_hi[cp - 0x80];
			if (k == d0 || r[k] != ';' || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
			    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
				cp = 0;
		} else {
			char name[32];
			const htmlEntityDesc *e;

			while (k < sizeof name && isalnum((unsigned char)r[k]))
				k++;
			if (k > 1 && k < sizeof name && r[k] == ';') {
				memcpy(name, r + 1, k - 1);
				name[k - 1] = '\0';
				if ((e = htmlEntityLookup((const xmlChar *)name)) != NULL)
					cp = e->value;
			}
		}
		if (cp == 0) {
			*w++ = *r++;
			continue;
		}
		if (cp == 0xA0)
			*w++ = ' ';
		else
			w += sc_utf8_encode(cp, w);
		r += k + 1;
	}
	*w = '\0';
}

/* ---- A tolerant JSON reader for JSON-LD ---- */

enum { J_OBJ = 1, J_ARR, J_STR, J_LIT };

struct jnode {
	int type;
	int parent;
	int first, last, next;	/* children */
	size_t key, klen;	/* member key in the string pool */
	size_t val, vlen;	/* string or literal value in the pool */
};

struct jdoc {
	struct jnode *v;
	size_t n, cap;
	struct sc_buf pool;
};

#define JSON_MAX_DEPTH 64
#define JSON_MAX_NODES 20000

static int
jnew(struct jdoc *j, int type, int parent)
{
	struct jnode *nd;

	if (j->n >= JSON_MAX_NODES)
		return -1;
	if (j->n == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 64;
		j->v = xreallocarray(j->v, j->cap, sizeof(*j->v));
	}
	nd = &j->v[j->n];
	memset(nd, 0, sizeof(*nd));
	nd->type = type;
	nd->parent = parent;
	nd->first = nd->last = nd->next = -1;
	if (parent >= 0) {
		if (j->v[parent].last >= 0)
			j->v[j->v[parent].last].next = (int)j->n;
		else
			j->v[parent].first = (int)j->n;
		j->v[parent].last = (int)j->n;
	}
	return (int)j->n++;
}

/*
 * White space and separators between tokens, and the wrappers pages put
 * around a script's JSON for old parsers: comments ("/\*<![CDATA[*\/",
 * "//<![CDATA[" to the line's end) and bare "<!--", "-->", "<![CDATA[".
 */
static size_t
skip_ws(const char *p, size_t i, size_t n)
{
	for (;;) {
		while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r' ||
		    p[i] == ',' || p[i] == ':'))
			i++;
		if (i + 1 < n && p[i] == '/' && p[i + 1] == '*') {
			for (i += 2; i < n && !(p[i] == '*' && i + 1 < n && p[i + 1] == '/'); i++)
				;
			i = i + 2 < n ? i + 2 : n;
		} else if (i + 1 < n && p[i] == '/' && p[i + 1] == '/') {
			while (i < n && p[i] != '\n')
				i++;
		} else if (n - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
			i += 4;
		} else if (n - i >= 3 && memcmp(p + i, "-->", 3) == 0) {
			i += 3;
		} else if (n - i >= 9 && memcmp(p + i, "<![CDATA[", 9) == 0) {
			i += 9;
		} else {
			return i;
		}
	}
}

static int
hexv(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A string at p[i] (the quote); appends its value to the pool. */
static size_t
jstring(const char *p, size_t i, size_t n, struct sc_buf *pool, size_t *len)
{
	size_t start = pool->len;

	i++;
	while (i < n && p[i] != '"') {
		if (p[i] == '\\' && i + 1 < n) {
			char c = p[i + 1];
			uint32_t cp;

			i += 2;
			switch (c) {
			case 'n': case 'r': case 't': case 'f': case 'b':
				sc_buf_addc(pool, ' ');
				break;
			case 'u':
				if (i + 4 <= n && hexv(p[i]) >= 0 && hexv(p[i + 1]) >= 0 &&
				    hexv(p[i + 2]) >= 0 && hexv(p[i + 3]) >= 0) {
					cp = (uint32_t)(hexv(p[i]) << 12 | hexv(p[i + 1]) << 8 |
					    hexv(p[i + 2]) << 4 | hexv(p[i + 3]));
					i += 4;
					if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= n &&
					    p[i] == '\\' && p[i + 1] == 'u') {
						int a = hexv(p[i + 2]), b = hexv(p[i + 3]);
						int c2 = hexv(p[i + 4]), d = hexv(p[i + 5]);

						if (a >= 0 && b >= 0 && c2 >= 0 && d >= 0) {
							uint32_t lo = (uint32_t)(a << 12 | b << 8 |
							    c2 << 4 | d);

							if (lo >= 0xDC00 && lo < 0xE000) {
								cp = 0x10000 + ((cp - 0xD800) << 10) +
								    (lo - 0xDC00);
								i += 6;
							}
						}
					}
					if ((cp >= 0xD800 && cp < 0xE000) || cp == 0)
						cp = SC_REPLACEMENT;
					sc_buf_add_cp(pool, cp);
				}
				break;
			default:
				sc_buf_addc(pool, c);
				break;
			}
			continue;
		}
		sc_buf_addc(pool, p[i]);
		i++;
	}
	*len = pool->len - start;
	sc_buf_addc(pool, '\0');
	return i < n ? i + 1 : n;
}

/*
 * Parse p[0..n) into j.  Several top-level values (scripts concatenated)
 * are read one after the other under a synthetic array at node 0.
 */
static void
json_parse(const char *p, size_t n, struct jdoc *j)
{
	int stack[JSON_MAX_DEPTH];
	int depth = 0, cur;
	size_t i = 0, key = 0, klen = 0;
	int havekey = 0;

	cur = jnew(j, J_ARR, -1);
	stack[depth++] = cur;
	while ((i = skip_ws(p, i, n)) < n) {
		char c = p[i];
		int parent = stack[depth - 1];
		int in_obj = j->v[parent].type == J_OBJ;
		int nd;

		if (c == '}' || c == ']') {
			if (depth > 1)
				depth--;
			havekey = 0;
			i++;
			continue;
		}
		if (in_obj && !havekey) {
			/* A key: a string, or a bare word. */
			if (c == '"') {
				i = jstring(p, i, n, &j->pool, &klen);
				key = j->pool.len - klen - 1;
			} else {
				size_t s = i;

				while (i < n && (isalnum((unsigned char)p[i]) || p[i] == '_' ||
				    p[i] == '@' || p[i] == '$'))
					i++;
				if (i == s) {
					i++;
					continue;
				}
				key = j->pool.len;
				klen = i - s;
				sc_buf_add(&j->pool, p + s, klen);
				sc_buf_addc(&j->pool, '\0');
			}
			havekey = 1;
			continue;
		}
		if (c == '{' || c == '[') {
			if (depth >= JSON_MAX_DEPTH)
				return;
			if ((nd = jnew(j, c == '{' ? J_OBJ : J_ARR, parent)) < 0)
				return;
			j->v[nd].key = key;
			j->v[nd].klen = in_obj ? klen : 0;
			stack[depth++] = nd;
			havekey = 0;
			i++;
			continue;
		}
		if ((nd = jnew(j, c == '"' ? J_STR : J_LIT, parent)) < 0)
			return;
		j->v[nd].key = key;
		j->v[nd].klen = in_obj ? klen : 0;
		if (c == '"') {
			i = jstring(p, i, n, &j->pool, &j->v[nd].vlen);
			j->v[nd].val = j->pool.len - j->v[nd].vlen - 1;
		} else {
			size_t s = i;

			while (i < n && p[i] != ',' && p[i] != '}' && p[i] != ']' &&
			    p[i] != ' ' && p[i] != '\n' && p[i] != '\r' && p[i] != '\t')
				i++;
			if (i == s)
				i++;
			j->v[nd].val = j->pool.len;
			j->v[nd].vlen = i - s;
			sc_buf_add(&j->pool, p + s, i - s);
			sc_buf_addc(&j->pool, '\0');
		}
		havekey = 0;
	}
}

static const char *
jkey(const struct jdoc *j, int i)
{
	return j->pool.p + j->v[i].key;
}

static int
jget(const struct jdoc *j, int obj, const char *key)
{
	int c;

	if (obj < 0 || j->v[obj].type != J_OBJ)
		return -1;
	for (c = j->v[obj].first; c >= 0; c = j->v[c].next)
		if (j->v[c].klen > 0 && strcmp(jkey(j, c), key) == 0)
			return c;
	return -1;
}

/* The text of a value: a string, an object's name, an array's first. */
static const char *
jtext(const struct jdoc *j, int i)
{
	int c;

	if (i < 0)
		return NULL;
	switch (j->v[i].type) {
	case J_STR:
		return j->v[i].vlen > 0 ? j->pool.p + j->v[i].val : NULL;
	case J_OBJ:
		if ((c = jget(j, i, "name")) >= 0 && j->v[c].type == J_STR)
			return jtext(j, c);
		if ((c = jget(j, i, "@value")) >= 0)
			return jtext(j, c);
		return NULL;
	case J_ARR:
		for (c = j->v[i].first; c >= 0; c = j->v[c].next)
			if (jtext(j, c) != NULL)
				return jtext(j, c);
		return NULL;
	default:
		return NULL;
	}
}

/* The article's author, or its creator when it names no author (schema.org's wider term). */
static int
art_author(const struct jdoc *j, int art)
{
	int v = jget(j, art, "author");

	return v >= 0 ? v : jget(j, art, "creator");
}

static int
jtype_is(const struct jdoc *j, int obj, const char *const *types)
{
	int t = jget(j, obj, "@type"), c;
	size_t k;

	if (t < 0)
		return 0;
	for (c = j->v[t].type == J_ARR ? j->v[t].first : t; c >= 0;
	    c = j->v[t].type == J_ARR ? j->v[c].next : -1) {
		const char *s = j->v[c].type == J_STR ? j->pool.p + j->v[c].val : "";
		const char *h = strrchr(s, '/');

		if (h != NULL)
			s = h + 1;
		for (k = 0; types[k] != NULL; k++)
			if (strcasecmp(s, types[k]) == 0)
				return 1;
	}
	return 0;
}

static const char *const article_types[] = {
	"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
	"AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
	"ReviewNewsArticle", "Report", "ScholarlyArticle", "TechArticle",
	"LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
	"Review", "Recipe", "HowTo", "Blog", "PressRelease", NULL
};
static const char *const page_types[] = {
	"WebPage", "ItemPage", "AboutPage", "CollectionPage", "VideoObject",
	"Event", "Product", "QAPage", "FAQPage", NULL
};

/*
 * Whether an object sits under a property that lists other works: the
 * reviews of a product, a list of teasers, citations, comments.  An
 * article there is not the page's.
 */
static int
jin_list(const struct jdoc *j, int i)
{
	static const char *const keys[] = {
		"itemListElement", "review", "reviews", "comment", "citation",
		"relatedLink", "isPartOf", "subjectOf", "workExample", "mentions",
		"isBasedOn", NULL
	};
	size_t k;

	for (; i >= 0; i = j->v[i].parent)
		for (k = 0; j->v[i].klen > 0 && keys[k] != NULL; k++)
			if (strcmp(jkey(j, i), keys[k]) == 0)
				return 1;
	return 0;
}

/*
 * The best object: an article type that is not one of a list of other
 * works, else a page type; -1 when none.  Of several articles (a page
 * that describes its teasers too, a script per story), the first whose
 * headline or name agrees with one of the page's own titles (og:title,
 * <title>, the first h1; each may be NULL).
 */
static int titles_agree(const char *a, const char *b);

static int
jld_main(const struct jdoc *j, int *page, const char *const titles[3])
{
	size_t i;
	int best = -1, agree = -1, narts = 0, k;

	*page = -1;
	for (i = 0; i < j->n; i++) {
		if (j->v[i].type != J_OBJ)
			continue;
		if (jtype_is(j, (int)i, article_types) && !jin_list(j, (int)i)) {
			const char *h = jtext(j, jget(j, (int)i, "headline"));

			if (h == NULL)
				h = jtext(j, jget(j, (int)i, "name"));
			if (best < 0)
				best = (int)i;
			narts++;
			for (k = 0; k < 3 && agree < 0 && h != NULL; k++)
				if (titles_agree(h, titles[k]))
					agree = (int)i;
		} else if (*page < 0 && jtype_is(j, (int)i, page_types)) {
			*page = (int)i;
		}
	}
	return narts > 1 && agree >= 0 ? agree : best;
}

static const char *const org_types[] = {
	"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand", NULL
};
/* A node typed ["Person", "Organization"] (a site that stands for its
 * owner, as WordPress SEO plugins type it) is a person. */
static const char *const person_types[] = { "Person", NULL };

/*
 * Names of an author value (string, Person, list), joined with "; ".
 * orgs: 0 for people only, 1 for organisations only (a newsroom credited
 * as the author names the site more often than the writer).
 */
static void
jauthors(const struct jdoc *j, int v, struct sc_buf *out, int depth, int orgs)
{
	int c, k;
	const char *s;

	if (v < 0 || depth > 3)
		return;
	if (j->v[v].type == J_ARR) {
		/* 64 names at most: each reference is looked up in the
		 * whole graph, and a hostile list may hold thousands */
		for (c = j->v[v].first, k = 0; c >= 0 && k < 64; c = j->v[c].next, k++)
			jauthors(j, c, out, depth + 1, orgs);
		return;
	}
	if (j->v[v].type == J_OBJ && jget(j, v, "@type") < 0 && jget(j, v, "name") < 0 &&
	    jget(j, v, "familyName") < 0 && (c = jget(j, v, "@id")) >= 0 &&
	    j->v[c].type == J_STR) {
		/* {"@id": "...#person"}: the node is elsewhere in the graph, a
		 * Person or the publisher's Organization, and its type says
		 * which pass takes it; a node without a type but with a name
		 * is taken as a person's. */
		const char *id = j->pool.p + j->v[c].val;
		size_t i;
		int named = -1;

		for (i = 0; i < j->n; i++) {
			int d = jget(j, (int)i, "@id");

			if ((int)i == v || d < 0 || j->v[d].type != J_STR ||
			    strcmp(j->pool.p + j->v[d].val, id) != 0)
				continue;
			if (jget(j, (int)i, "@type") >= 0) {
				jauthors(j, (int)i, out, depth + 1, orgs);
				return;
			}
			if (named < 0 && (jget(j, (int)i, "name") >= 0 ||
			    jget(j, (int)i, "familyName") >= 0))
				named = (int)i;
		}
		if (named >= 0)
			jauthors(j, named, out, depth + 1, orgs);
		return;
	}
	if ((j->v[v].type == J_OBJ && jtype_is(j, v, org_types) &&
	    !jtype_is(j, v, person_types)) != orgs)
		return;
	if (j->v[v].type == J_OBJ && (c = jget(j, v, "name")) >= 0 &&
	    (j->v[c].type == J_ARR || (j->v[c].type == J_OBJ &&
	    jget(j, c, "familyName") >= 0))) {
		/* {"@type": "Person", "name": ["Jane Doe", "John Roe"]}, or
		 * {"name": {"givenName": "Jane", "familyName": "Doe"}} */
		jauthors(j, c, out, depth + 1, orgs);
		return;
	}
	s = jtext(j, v);
	if (s == NULL && j->v[v].type == J_OBJ && (c = jget(j, v, "familyName")) >= 0 &&
	    (s = jtext(j, c)) != NULL) {
		/* {"givenName": "Jane", "familyName": "Doe"} */
		const char *given = jtext(j, jget(j, v, "givenName"));

		if (out->len > 0)
			sc_buf_adds(out, "; ");
		if (given != NULL) {
			sc_buf_adds(out, given);
			sc_buf_addc(out, ' ');
		}
		sc_buf_adds(out, s);
		return;
	}
	if (s == NULL && j->v[v].type == J_OBJ && (c = jget(j, v, "@id")) >= 0 &&
	    j->v[c].type == J_STR) {
		/* {"@id": "...#person"}: the Person is elsewhere in the graph. */
		const char *id = j->pool.p + j->v[c].val;
		size_t i;

		for (i = 0; i < j->n && s == NULL; i++) {
			int d = jget(j, (int)i, "@id");

			if ((int)i != v && d >= 0 && j->v[d].type == J_STR &&
			    strcmp(j->pool.p + j->v[d].val, id) == 0)
				s = jtext(j, (int)i);
		}
	}
	if (s == NULL || strncmp(s, "http", 4) == 0)
		return;
	if (out->len > 0)
		sc_buf_adds(out, "; ");
	sc_buf_adds(out, s);
}

/* ---- Dates ---- */

static const struct { const char *name; int month; } months[] = {
	{ "january", 1 }, { "jan", 1 }, { "januar", 1 }, { "janvier", 1 }, { "enero", 1 },
	{ "gennaio", 1 }, { "janeiro", 1 }, { "jänner", 1 }, { "januari", 1 },
	{ "february", 2 }, { "feb", 2 }, { "februar", 2 }, { "février", 2 }, { "fevrier", 2 },
	{ "febrero", 2 }, { "febbraio", 2 }, { "fevereiro", 2 }, { "februari", 2 },
	{ "march", 3 }, { "mar", 3 }, { "märz", 3 }, { "mars", 3 }, { "marzo", 3 },
	{ "março", 3 }, { "maart", 3 }, { "mrz", 3 },
	{ "april", 4 }, { "apr", 4 }, { "avril", 4 }, { "abril", 4 }, { "aprile", 4 },
	{ "may", 5 }, { "mai", 5 }, { "mayo", 5 }, { "maggio", 5 }, { "maio", 5 }, { "mei", 5 },
	{ "june", 6 }, { "jun", 6 }, { "juni", 6 }, { "juin", 6 }, { "junio", 6 },
	{ "giugno", 6 }, { "junho", 6 },
	{ "july", 7 }, { "jul", 7 }, { "juli", 7 }, { "juillet", 7 }, { "julio", 7 },
	{ "luglio", 7 }, { "julho", 7 },
	{ "august", 8 }, { "aug", 8 }, { "août", 8 }, { "aout", 8 }, { "agosto", 8 },
	{ "augustus", 8 },
	{ "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "septembre", 9 },
	{ "septiembre", 9 }, { "settembre", 9 }, { "setembro", 9 },
	{ "october", 10 }, { "oct", 10 }, { "oktober", 10 }, { "octobre", 10 },
	{ "octubre", 10 }, { "ottobre", 10 }, { "outubro", 10 }, { "okt", 10 },
	{ "november", 11 }, { "nov", 11 }, { "novembre", 11 }, { "noviembre", 11 },
	{ "novembro", 11 },
	{ "december", 12 }, { "dec", 12 }, { "dezember", 12 }, { "décembre", 12 },
	{ "decembre", 12 }, { "diciembre", 12 }, { "dicembre", 12 }, { "dezembro", 12 },
	{ "dez", 12 },
	/* Polish genitive ("12 marca 2020"), short forms in other languages */
	{ "stycznia", 1 }, { "lutego", 2 }, { "marca", 3 }, { "kwietnia", 4 },
	{ "maja", 5 }, { "czerwca", 6 }, { "lipca", 7 }, { "sierpnia", 8 },
	{ "września", 9 }, { "października", 10 }, { "listopada", 11 },
	{ "grudnia", 12 }, { "janv", 1 }, { "févr", 2 }, { "fevr", 2 }, { "avr", 4 },
	{ "juil", 7 }, { "déc", 12 }, { "ene", 1 }, { "abr", 4 }, { "ago", 8 },
	{ "set", 9 }, { "dic", 12 }, { "gen", 1 }, { "mag", 5 }, { "giu", 6 },
	{ "lug", 7 }, { "ott", 10 }, { "out", 10 },
};

static int
month_name(const char *s, size_t n)
{
	char w[16];
	size_t i, k;

	if (n < 3 || n >= sizeof(w))
		return 0;
	for (i = 0; i < n; i++)
		w[i] = (char)tolower((unsigned char)s[i]);
	w[n] = '\0';
	for (k = 0; k < sizeof(months) / sizeof(months[0]); k++)
		if (months[k].name[0] == w[0] && strcmp(w, months[k].name) == 0)
			return months[k].month;
	return 0;
}

static int
this_year(void)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

static int
valid_date(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1995 || y > this_year() + 1 || m < 1 || m > 12 || d < 1)
		return 0;
	if (d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

/* Digits at s[i..]: the value, and the count in *nd. */
static int
num_at(const char *s, size_t i, size_t n, size_t *nd)
{
	int v = 0;
	size_t k = 0;

	while (i + k < n && k < 8 && isdigit((unsigned char)s[i + k]))
		v = v * 10 + (s[i + k] - '0'), k++;
	*nd = k;
	return v;
}

/* "YYYY-MM-DD" of a valid date (1995..9999). */
static void
fmt_date(int y, int m, int d, char out[11])
{
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* A dash between the days of a range: '-', en dash, em dash. */
static size_t
dash_at(const char *s, size_t i, size_t n)
{
	if (i < n && s[i] == '-')
		return 1;
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		return 3;
	return 0;
}

/*
 * The second day of a range after the first one's digits end at j
 * ("14. - 20. Januar", "14-20 January", "January 14-20"): where the
 * second day's digits end, else j.  Only a later day of the same month
 * counts.
 */
static size_t
range_end(const char *s, size_t j, size_t n, int first)
{
	size_t k = j, dl, nd;
	int second;

	if (k < n && s[k] == '.')
		k++;
	while (k < n && s[k] == ' ')
		k++;
	if ((dl = dash_at(s, k, n)) == 0)
		return j;
	k += dl;
	while (k < n && s[k] == ' ')
		k++;
	second = num_at(s, k, n, &nd);
	if (nd < 1 || nd > 2 || second <= first || second > 31)
		return j;
	return k + nd;
}

/* The end of the time an ISO date may carry: "T14:05:00.000+02:00", "Z". */
static size_t
iso_time_end(const char *s, size_t k, size_t n)
{
	size_t t;

	if (k + 3 >= n || (s[k] != 'T' && s[k] != ' ') || !isdigit((unsigned char)s[k + 1]) ||
	    !isdigit((unsigned char)s[k + 2]) || s[k + 3] != ':')
		return k;
	for (t = k + 1; t < n && (isdigit((unsigned char)s[t]) || s[t] == ':' || s[t] == '.'); t++)
		;
	if (t < n && s[t] == 'Z')
		return t + 1;
	/* A zone is two digits and two more, perhaps after a colon: what
	 * follows may be glued to it ("+01:0025. Dezember"). */
	if (t + 2 < n && (s[t] == '+' || s[t] == '-') && isdigit((unsigned char)s[t + 1]) &&
	    isdigit((unsigned char)s[t + 2])) {
		t += 3;
		if (t < n && s[t] == ':')
			t++;
		if (t + 1 < n && isdigit((unsigned char)s[t]) && isdigit((unsigned char)s[t + 1]))
			t += 2;
	}
	return t;
}

/*
 * Whether the page in hand is in American English ("en", "en-US"), whose
 * slash dates put the month first (03/04/2021 is 4 March); others
 * (en-GB, de, fr, es ...) read them day first.  Set by sc_html_meta()
 * for the page it reads (one page at a time).
 */
static int slash_month_first;

/*
 * The first date in s[0..n), as "YYYY-MM-DD" in out (11 bytes): ISO and
 * year-first forms, D.M.YYYY and D/M/YYYY (day first unless the day
 * cannot be one), "6 September 2020", "September 6, 2020", with month
 * names in a few languages.  A range of days in one month ("14. - 20.
 * Januar 2022", "January 14-20, 2022") is read as its first day, the
 * first date written.  Returns 1 when found, with the offset just past
 * the date (an ISO stamp's time and zone included) in *endp and its start
 * in *startp, each if not NULL.
 */
static int
find_date_end(const char *s, size_t n, char out[11], size_t *startp, size_t *endp)
{
	size_t i, nd, nd2, nd3, j, end = 0;
	int a, b, c, y = 0, m = 0, d = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]) || (i > 0 && isdigit((unsigned char)s[i - 1])))
			continue;
		a = num_at(s, i, n, &nd);
		j = i + nd;
		if (nd == 4 && j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
			/* "2020. 09. 06." as Hungarian writes it: spaced dots. */
			size_t sp = j + 1 < n && s[j] == '.' && s[j + 1] == ' ', q;

			b = num_at(s, j + 1 + sp, n, &nd2);
			q = j + 1 + sp + nd2;
			if (nd2 >= 1 && nd2 <= 2 && q < n && s[q] == s[j] &&
			    (!sp || (q + 1 < n && s[q + 1] == ' '))) {
				q += 1 + sp;
				c = num_at(s, q, n, &nd3);
				if (nd3 >= 1 && nd3 <= 2 && (!sp || (q + nd3 < n && s[q + nd3] == '.')) &&
				    valid_date(a, b, c)) {
					y = a, m = b, d = c;
					end = sp ? q + nd3 + 1 : iso_time_end(s, q + nd3, n);
					break;
				}
			}
		} else if (nd == 8) {
			if (valid_date(a / 10000, a / 100 % 100, a % 100)) {
				y = a / 10000, m = a / 100 % 100, d = a % 100;
				end = iso_time_end(s, j, n);
				break;
			}
			continue;
		} else if (nd >= 1 && nd <= 2 && j < n && (s[j] == '.' || s[j] == '/' ||
		    s[j] == '-')) {
			/* "6. 9. 2020" (Czech, Slovak, German): spaced dots, a
			 * four-digit year. */
			size_t sp = j + 1 < n && s[j] == '.' && s[j + 1] == ' ', q;

			b = num_at(s, j + 1 + sp, n, &nd2);
			q = j + 1 + sp + nd2;
			if (nd2 >= 1 && nd2 <= 2 && q < n && s[q] == s[j] &&
			    (!sp || (q + 1 < n && s[q + 1] == ' '))) {
				c = num_at(s, q + 1 + sp, n, &nd3);
				end = q + 1 + sp + nd3;
				if (nd3 == 2 && !sp)
					c += c >= 90 ? 1900 : 2000;
				if ((nd3 == 2 && !sp) || nd3 == 4) {
					if (a != b && a <= 12 && valid_date(c, b, a) &&
					    valid_date(c, a, b) &&
					    sc_date_weekday_before(s, i) == sc_date_weekday(c, a, b)) {
						/* "Thu, 05/06/2021": only the
						 * month first falls on that day */
						y = c, m = a, d = b;
						break;
					}
					if (s[j] == '/' && slash_month_first && a <= 12 &&
					    valid_date(c, a, b)) {
						/* "03/04/2021" on an American
						 * English page: 4 March */
						y = c, m = a, d = b;
						break;
					}
					if (valid_date(c, b, a)) {
						y = c, m = b, d = a;
						break;
					}
					if (valid_date(c, a, b)) {
						y = c, m = a, d = b;
						break;
					}
				}
			}
		}
		if (nd >= 1 && nd <= 2) {
			/* "6 September 2020", "6. September 2020", "6 de septiembre de 2020" */
			size_t k = range_end(s, j, n, a), ws;

			if (k < n && (s[k] == '.' || s[k] == '-'))
				k++;	/* "6-Sep-2020" too */
			while (k < n && s[k] == ' ')
				k++;
			if (k + 3 < n && strncmp(s + k, "de ", 3) == 0)
				k += 3;
			ws = k;
			while (k < n && ((unsigned char)s[k] >= 0x80 || isalpha((unsigned char)s[k])))
				k++;
			if ((m = month_name(s + ws, k - ws)) != 0) {
				if (k < n && s[k] == '.')
					k++;
				while (k < n && (s[k] == ' ' || s[k] == ',' || s[k] == '-'))
					k++;
				if (k + 3 < n && strncmp(s + k, "de ", 3) == 0)
					k += 3;
				c = num_at(s, k, n, &nd3);
				if (nd3 == 4 && valid_date(c, m, a)) {
					y = c, d = a;
					end = k + nd3;
					break;
				}
			}
			m = 0;
		}
	}
	if (y == 0) {
		/* "September 6, 2020", "Sep 6th 2020" */
		for (i = 0; i < n; i++) {
			size_t k = i, ws;

			if (!isalpha((unsigned char)s[i]) || (i > 0 && isalpha((unsigned char)s[i - 1])))
				continue;
			ws = k;
			while (k < n && isalpha((unsigned char)s[k]))
				k++;
			if ((m = month_name(s + ws, k - ws)) == 0)
				continue;
			if (k < n && s[k] == '.')
				k++;
			while (k < n && s[k] == ' ')
				k++;
			a = num_at(s, k, n, &nd);
			if (nd < 1 || nd > 2)
				continue;
			k = range_end(s, k + nd, n, a);
			while (k < n && isalpha((unsigned char)s[k]))
				k++;
			while (k < n && (s[k] == ' ' || s[k] == ','))
				k++;
			c = num_at(s, k, n, &nd3);
			if (nd3 == 4 && valid_date(c, m, a)) {
				y = c, d = a;
				end = k + nd3;
				break;
			}
		}
	}
	if (y == 0)
		return 0;
	fmt_date(y, m, d, out);
	if (startp != NULL)
		*startp = i;
	if (endp != NULL)
		*endp = end;
	return 1;
}

static int
find_date(const char *s, size_t n, char out[11])
{
	return find_date_end(s, n, out, NULL, NULL);
}

/* A date in a URL path: /2020/09/06/, /2020-09-06, /20200906/, /2020/9/6/. */
static int
url_date(const char *u, char out[11])
{
	const char *p;

	if (u == NULL)
		return 0;
	for (p = strchr(u, '/'); p != NULL; p = strchr(p + 1, '/')) {
		size_t nd;
		int y, m, d;

		y = num_at(p, 1, strlen(p), &nd);
		if (nd == 8 && (p[9] == '/' || p[9] == '-' || p[9] == '_' || p[9] == '.')) {
			if (valid_date(y / 10000, y / 100 % 100, y % 100)) {
				fmt_date(y / 10000, y / 100 % 100, y % 100, out);
				return 1;
			}
			continue;
		}
		if (nd != 4 || (p[5] != '/' && p[5] != '-'))
			continue;
		m = num_at(p, 6, strlen(p), &nd);
		if (nd == 1 && p[5] == '/' && p[7] == '/') {
			/* "/2019/3/8/": unpadded, between slashes only */
			d = num_at(p, 8, strlen(p), &nd);
			if ((nd == 1 || nd == 2) && p[8 + nd] == '/' && valid_date(y, m, d)) {
				fmt_date(y, m, d, out);
				return 1;
			}
			continue;
		}
		if (nd != 2 || (p[8] != '/' && p[8] != '-'))
			continue;
		d = num_at(p, 9, strlen(p), &nd);
		if (nd == 2 && valid_date(y, m, d)) {
			fmt_date(y, m, d, out);
			return 1;
		}
		if (nd == 1 && p[8] == '/' && p[10] == '/' && valid_date(y, m, d)) {
			/* "/2019/11/8/" */
			fmt_date(y, m, d, out);
			return 1;
		}
	}
	return 0;
}

static int
find_date_str(const char *s, char out[11])
{
	return s != NULL && find_date(s, strlen(s), out);
}

/*
 * A Unix time stated alone ("1588888888", or in milliseconds
 * "1588888888000"), as some CMSs write their date fields: the UTC day.
 */
static int
epoch_date(const char *s, char out[11])
{
	size_t n = 0;
	long long v = 0;
	time_t t;
	struct tm tm;

	while (*s == ' ')
		s++;
	while (isdigit((unsigned char)s[n]) && n < 14)
		v = v * 10 + (s[n] - '0'), n++;
	if (s[n] != '\0' && s[n] != ' ')
		return 0;
	if (n == 13)
		v /= 1000;
	else if (n != 10)
		return 0;
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL ||
	    !valid_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		return 0;
	fmt_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
	return 1;
}

static char *
date_from(const char *s)
{
	char d[11];

	if (s == NULL || !(epoch_date(s, d) || find_date(s, strlen(s), d)))
		return NULL;
	return xstrdup(d);
}

static int casecontains(const char *h, const char *n);
static long day_number(const char *d);
static char *parsely_field(const struct sc_html_page *pg, const char *field,
    const char *site, const char *url);
static int titles_agree(const char *a, const char *b);
static int initials_of(const char *a, const char *site);
static int in_list(const char *list, const char *a);
static int names_site(const char *a, const char *site, const char *url);
static char *strip_site(const char *t, const char *site);

/*
 * A sentence of ten words or more that ends as one: a date in it is one
 * the story mentions ("The next meeting is on 5 February 2020 at ..."),
 * not the day it was written.
 */
static int
sentence_block(const struct sc_html_page *pg, const struct sc_html_block *b)
{
	const char *t = pg->text.p + b->off;
	size_t n = b->len;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '"' || t[n - 1] == ')'))
		n--;
	return b->words >= 10 && n > 0 && (t[n - 1] == '.' || t[n - 1] == '?' || t[n - 1] == '!');
}

/*
 * Whether a block is the site's masthead, a header outside the article:
 * the date there is today's ("Mittwoch, 26.02.2020" by the logo).
 */
static int
masthead(uint32_t flags)
{
	return (flags & (SC_HF_HEADER | SC_HF_ARTICLE)) == SC_HF_HEADER;
}

/*
 * A date the page shows by the article, in a short block (a dateline, not
 * a sentence that mentions a day).  Candidates within 25 blocks of the
 * anchor (the headline, else the article's first block) are scored:
 * nearness, a date-named element (class date, time, meta), and a place
 * before the article's end; the best wins.
 */
static char *
shown_date(const struct sc_html_page *pg, const unsigned char *keep, size_t anchor,
    const char *title)
{
	size_t i, lo, hi, last;
	char d[11], best[11];
	double bs = -1e9;

	lo = anchor > 25 ? anchor - 25 : 0;
	hi = anchor + 40 < pg->nblocks ? anchor + 40 : pg->nblocks;
	/* The comments under the article date the readers' replies. */
	for (last = pg->nblocks; keep != NULL && last > 0 && !keep[last - 1]; last--)
		;
	if (keep == NULL || last == 0)
		last = pg->nblocks;
	for (i = lo; i < hi; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		double sc;

		if (b->chars > 120 || sentence_block(pg, b) ||
		    (masthead(b->flags) && !masthead(pg->blocks[anchor].flags)) ||
		    ((b->flags & SC_HF_COMMENT) && i >= last) ||
		    /* a sidebar's or a teaser list's, outside the article:
		     * other stories' days (a breadcrumb's may be this one's) */
		    ((b->flags & (SC_HF_ASIDE | SC_HF_RELATED)) &&
		    !(b->flags & SC_HF_ARTICLE)) ||
		    !find_date(pg->text.p + b->off, b->len, d))
			continue;
		sc = -(double)(i > anchor ? i - anchor : anchor - i);
		if (i < anchor)
			sc *= 2;	/* above the headline: navigation, tickers */
		if (b->flags & SC_HF_META)
			sc += 10;
		if (b->flags & (SC_HF_ASIDE | SC_HF_RELATED | SC_HF_NAV | SC_HF_FOOTER |
		    SC_HF_COMMENT | SC_HF_QUOTE))
			sc -= 20;
		if (keep != NULL && keep[i])
			sc -= 3;	/* inside the text: often a date the story mentions */
		if (sc > bs) {
			bs = sc;
			memcpy(best, d, sizeof best);
		}
	}
	/* A teaser of this very article elsewhere on the page, with its date
	 * ("Headline 21.11.2022" in a news list) beats a guess. */
	for (i = 0; title != NULL && strlen(title) >= 15 && i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];

		if (b->chars <= 250 && casecontains(pg->text.p + b->off, title) &&
		    find_date(pg->text.p + b->off, b->len, d) && 5 > bs) {
			bs = 5;
			memcpy(best, d, sizeof best);
		}
	}
	return bs > -1e9 ? xstrdup(best) : NULL;
}

/*
 * A dateline opening the lead, as news and press releases write it: the
 * date, perhaps in parentheses, perhaps after the place and a comma:
 * "31. Oktober 2023. Woher kommt ...", "(21. November 2022) Die ...",
 * "Karlsruhe, (12.11.2021). Traditionell ...".  The date must start
 * there: a lead that only mentions a day further on is no dateline.
 */
static int
lead_date(const char *t, size_t n, char d[11])
{
	size_t k = 0, spaces = 0, st;

	if (n > 0 && (isupper((unsigned char)t[0]) || (unsigned char)t[0] >= 0x80)) {
		/* The place: one to three words and a comma. */
		while (k < n && k < 40 && ((unsigned char)t[k] >= 0x80 ||
		    isalpha((unsigned char)t[k]) || t[k] == '-' || t[k] == '.' || t[k] == ' '))
			spaces += t[k++] == ' ';
		if (k < n && t[k] == ',' && spaces <= 2) {
			k++;
			while (k < n && t[k] == ' ')
				k++;
		} else {
			k = 0;
		}
	}
	if (k < n && t[k] == '(')
		k++;
	if (k >= n || !isdigit((unsigned char)t[k]))
		return 0;
	/* The date found must begin at k. */
	return find_date_end(t + k, n - k < 24 ? n - k : 24, d, &st, NULL) && st == 0;
}

/*
 * The first date of a dateline, skipping one labelled as an update when
 * another follows ("Updated 30.12.2022 | Published 26.12.2022").
 * Returns 2 when the date taken is an update's, 1 for another, 0 for none.
 */
static int
labelled_date(const char *t, size_t n, const char *upd, char d[11])
{
	size_t off = 0, st, e;
	char first[11];
	int seen = 0;

	while (off < n && find_date_end(t + off, n - off, d, &st, &e)) {
		if (!sc_date_update_label(t, off, off + st) &&
		    (upd == NULL || strcmp(d, upd) != 0))
			return 1;
		if (!seen++)
			memcpy(first, d, sizeof first);
		off += e > 0 ? e : 1;
	}
	if (!seen)
		return 0;
	memcpy(d, first, sizeof first);
	return 2;
}

/*
 * A date in a short block within a few blocks of the headline: the
 * nearest one under it (datelines sit under the headline; what sits
 * above is often a print header or a ticker), else the nearest above,
 * never in navigation, teaser or comment boxes (a "sharing line" with
 * the byline and date is common).
 */
static int
date_block(const struct sc_html_page *pg, size_t i, size_t anchor, char d[11])
{
	const struct sc_html_block *b = &pg->blocks[i];
	const char *t = pg->text.p + b->off;
	uint32_t bad = SC_HF_NAV | SC_HF_RELATED | SC_HF_ASIDE | SC_HF_COMMENT | SC_HF_AD |
	    SC_HF_QUOTE;

	/* A box that holds the headline too ("ad-wrapper" around the whole
	 * story) says nothing about the dateline. */
	bad &= ~pg->blocks[anchor].flags;
	if ((b->flags & bad) || (masthead(b->flags) && !masthead(pg->blocks[anchor].flags)))
		return 0;
	if (b->chars <= 80) {
		/* A <time> the markup calls the update's (class "updated",
		 * itemprop dateModified) is labelled as such, even when a
		 * style sheet hides it and no word says so: GeneratePress
		 * and other WordPress themes write the update's <time>
		 * before the publication's in the same line. */
		char upd[11], *u = NULL;
		size_t k;

		for (k = 0; k < pg->nmarks && u == NULL; k++)
			if (pg->marks[k].kind == SC_HM_TIME && pg->marks[k].weight == 1 &&
			    pg->marks[k].block == i &&
			    (u = date_from(mark_str(pg, &pg->marks[k]))) != NULL) {
				memcpy(upd, u, sizeof upd);
				free(u);
				u = upd;
			}
		/* unless it was published that day too */
		for (k = 0; k < pg->nmarks && u != NULL; k++) {
			char *p;

			if (pg->marks[k].kind == SC_HM_TIME && pg->marks[k].weight == 3 &&
			    pg->marks[k].block == i &&
			    (p = date_from(mark_str(pg, &pg->marks[k]))) != NULL) {
				if (strcmp(p, upd) == 0)
					u = NULL;
				free(p);
			}
		}
		return labelled_date(t, b->len, u, d);
	}
	return lead_date(t, b->len, d);
}

/*
 * Whether a short block shows the day want (or one next to it) among its
 * dates, put in shown: a dateline may carry two ("Updated 30.12.2022 |
 * 26.12.2022"), or a stamp written for machines before the one written
 * for readers.
 */
static int
block_shows(const struct sc_html_page *pg, size_t i, const char *want, char shown[11])
{
	const struct sc_html_block *b = &pg->blocks[i];
	const char *t = pg->text.p + b->off;
	size_t off = 0, e;
	char d[11];

	if (b->chars > 80)
		return 0;
	while (off < b->len && find_date_end(t + off, b->len - off, d, NULL, &e)) {
		if (labs(day_number(d) - day_number(want)) <= 1) {
			memcpy(shown, d, sizeof d);
			return 1;
		}
		off += e > 0 ? e : 1;
	}
	return 0;
}

/*
 * Dates in short blocks within a few blocks of the headline, best first:
 * under it, nearest first (datelines sit under the headline; what sits
 * above is often a print header or a ticker), then above it.  Never in
 * navigation, teaser or comment boxes (a "sharing line" with the byline
 * and date is common).  Returns how many were put in out[], with their
 * blocks in at[].
 */
#define NEAR_MAX 8
static size_t
shown_dates_near(const struct sc_html_page *pg, size_t anchor, char out[][11], size_t *at)
{
	size_t k, n = 0, nu = 0, i, uat[NEAR_MAX];
	char upd[NEAR_MAX][11];
	int r;

	for (k = 0; k < 8 && n + nu < NEAR_MAX; k++) {
		size_t b = k <= 4 ? anchor + k : anchor - (k - 4);

		if (k > 4 && k - 4 > anchor)
			break;
		if (b >= pg->nblocks || (r = date_block(pg, b, anchor, out[n])) == 0)
			continue;
		if (r == 2) {
			/* an update's date comes after the others */
			memcpy(upd[nu], out[n], sizeof upd[nu]);
			uat[nu++] = b;
		} else {
			at[n++] = b;
		}
	}
	for (i = 0; i < nu; i++) {
		memcpy(out[n], upd[i], sizeof upd[i]);
		at[n++] = uat[i];
	}
	return n;
}

/* ---- Titles ---- */

/* Separators between a headline and the site's name. */
static const char *const title_seps[] = {
	" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
	" \xE2\x80\xA2 ", " \xC2\xBB ", " \xC2\xAB ", " / ", NULL
};

static int
casecontains(const char *h, const char *n)
{
	size_t hn = strlen(h), nn = strlen(n), i;

	if (nn == 0 || nn > hn)
		return 0;
	for (i = 0; i + nn <= hn; i++)
		if (strncasecmp(h + i, n, nn) == 0)
			return 1;
	return 0;
}

/*
 * "Headline | Site" and "Site - Headline": cut at the separator nearest
 * the end (or the start) when the other side names the site or is short
 * next to the headline.
 */
static char *strip_site_once(const char *t, const char *site);

/* Cut site names off until nothing changes: "Post | Forum | Site". */
static char *
strip_site(const char *t, const char *site)
{
	char *r = strip_site_once(t, site), *r2;
	size_t n;
	int k;

	for (k = 0; r != NULL && k < 4; k++) {
		r2 = strip_site_once(r, site);
		if (r2 == NULL || strcmp(r2, r) == 0) {
			free(r2);
			break;
		}
		free(r);
		r = r2;
	}
	/* "Headline -", "Headline |": a separator left with nothing after it. */
	for (n = r != NULL ? strlen(r) : 0; n > 2 && r[n - 2] == ' ' &&
	    (r[n - 1] == '-' || r[n - 1] == '|'); n -= 2)
		r[n - 2] = '\0';
	return r;
}

/* Whether s[0..n) is a host name ("energieverbraucher.de", "www.example.com"). */
static int
host_like(const char *s, size_t n)
{
	size_t i, dot = 0, tld;

	if (n < 4)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.')
			dot = i;
		else if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return 0;
	}
	if (dot == 0)
		return 0;
	for (tld = dot + 1; tld < n && isalpha((unsigned char)s[tld]); tld++)
		;
	/* "Node.js" names a program */
	return tld == n && n - dot - 1 >= 2 && n - dot - 1 <= 6 &&
	    strncasecmp(s + dot, ".js", n - dot) != 0;
}

static char *
strip_site_once(const char *t, const char *site)
{
	size_t k, tn = strlen(t), best_pos = 0, best_len = 0;
	int from_end = 0;

	for (k = 0; title_seps[k] != NULL; k++) {
		const char *sep = title_seps[k], *p, *last = NULL, *first = NULL;
		size_t sl = strlen(sep);

		for (p = strstr(t, sep); p != NULL; p = strstr(p + 1, sep)) {
			if (first == NULL)
				first = p;
			last = p;
		}
		/* "example.de | Headline": a host name is the site's. */
		if (first != NULL && host_like(t, (size_t)(first - t)))
			return clean_dup(first + sl, tn - (size_t)(first + sl - t));
		if (last != NULL && host_like(last + sl, tn - (size_t)(last + sl - t)))
			return clean_dup(t, (size_t)(last - t));
		if (last != NULL) {
			const char *tail = last + sl;
			size_t taillen = tn - (size_t)(tail - t);

			if ((site != NULL && casecontains(tail, site)) ||
			    (taillen * 2 < (size_t)(last - t) && taillen <= 40)) {
				if (!from_end || (size_t)(last - t) > best_pos) {
					best_pos = (size_t)(last - t);
					best_len = sl;
					from_end = 1;
				}
			}
		}
		if (!from_end && first != NULL) {
			size_t headlen = (size_t)(first - t);

			if ((site != NULL && headlen < 60 && strncasecmp(t, site, headlen) == 0 &&
			    headlen == strlen(site))) {
				best_pos = headlen;
				best_len = sl;
			}
		}
	}
	if (from_end)
		return clean_dup(t, best_pos);
	if (best_len > 0)
		return clean_dup(t + best_pos + best_len, tn - best_pos - best_len);
	/* "Daily Example: Headline": the site's name as a label. */
	if (site != NULL && (k = strlen(site)) > 0 && tn > k + 2 + 10 &&
	    strncasecmp(t, site, k) == 0 && t[k] == ':' && t[k + 1] == ' ')
		return clean_dup(t + k + 2, tn - k - 2);
	return clean_strz(t);
}

/* ---- Entry points ---- */

static void
add_item(char ***v, size_t *n, const char *s, size_t len)
{
	char *c = clean_dup(s, len);
	size_t i;

	if (c == NULL)
		return;
	decode_entities(c);
	for (i = 0; i < *n; i++)
		if (strcasecmp((*v)[i], c) == 0) {
			free(c);
			return;
		}
	if (*n >= 64) {
		free(c);
		return;
	}
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = c;
}

/* Comma-separated (keywords) or a JSON-LD array of strings. */
static void
add_list(const struct jdoc *j, int node, char ***v, size_t *n)
{
	int c;

	if (node < 0)
		return;
	if (j->v[node].type == J_ARR) {
		for (c = j->v[node].first; c >= 0; c = j->v[c].next)
			if (j->v[c].type == J_STR)
				add_item(v, n, j->pool.p + j->v[c].val, j->v[c].vlen);
		return;
	}
	if (j->v[node].type == J_STR) {
		const char *s = j->pool.p + j->v[node].val, *e;

		while (*s) {
			e = strchr(s, ',');
			if (e == NULL)
				e = s + strlen(s);
			add_item(v, n, s, (size_t)(e - s));
			s = *e ? e + 1 : e;
		}
	}
}

/* Words that end a byline's name: what follows is a date, a role, a link. */
static const char *const byline_stops[] = {
	"published", "updated", "posted", "veröffentlicht", "aktualisiert",
	"publié", "publicado", "pubblicato", "am", "on", "le", "el", "il", "em",
	"at", "um", "|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2",
	"/", "shares", "share", "follow", "email", "e-mail", "stand", "sagt", "says",
	"schreibt", "writes", "dice", "dit", "ein", "eine", "kommentar", "kommentare",
	"comment", "comments", "antworten", "reply", "mit", "op", "aus", "for",
	/* "by Jane Doe in Politics": the post's category follows */
	"in", "im", "dans",
	/* a profile's links after the name */
	"twitter", "facebook", "linkedin", "instagram", "xing", "mastodon", NULL
};

/* Words that are never an author's name, alone or in one. */
static const char *const not_names[] = {
	"follow", "link", "links", "posted", "post", "share", "name", "comment",
	"comments", "by", "von", "por", "par", "di", "jobs", "email", "author",
	"autor", "auteur", "erforderlich", "required", "admin", "administrator",
	"webmaster", "hire", "redaktion", "profile", "profil", "more", "mehr", "view",
	"all", "posts", "articles", "artikel", "home", "anonymous", "unknown", "guest",
	"publiziert", "interview", "welcome", "stand", "published", "veröffentlicht",
	"foto", "fotos", "photo", "photos", "bild", "bilder", NULL
};

/* Whole credits that name no person. */
static const char *const generic_credits[] = {
	"staff", "editorial staff", "staff writer", "staff reporter", "editor",
	"editors", "editorial", "editorial team", "team", "newsroom",
	"news desk", "web desk", "desk", "redacción", "rédaction", "redazione",
	"redação", "redactie", "online-redaktion", "webredaktion", "guest author",
	"guest", "contributor", "contributors", "staff report", "staff reports",
	"staff writers", "staff reporters", NULL
};

static int
word_in(const char *w, size_t n, const char *const *list)
{
	size_t k;

	for (k = 0; list[k] != NULL; k++)
		if (strlen(list[k]) == n && strncasecmp(w, list[k], n) == 0)
			return 1;
	return 0;
}

/* "Staff", "Our Editorial Staff", "The Editors". */
static int
generic_credit(const char *s, size_t n)
{
	if (n > 4 && (strncasecmp(s, "our ", 4) == 0 || strncasecmp(s, "the ", 4) == 0))
		s += 4, n -= 4;
	return word_in(s, n, generic_credits);
}

/* Articles that begin surnames ("Le Clerc", "El Khoury", "Il Grande"),
 * written capitalised; in lower case they begin a dateline ("le 3 mai"). */
static const char *const surname_articles[] = { "le", "el", "il", NULL };

/*
 * Words before "by" or "von" that credit something other than the text:
 * "Edited by", "Photo by", "Fotos von", "Übersetzt von".  Such a credit
 * names an editor, photographer or translator, not the writer.
 */
static const char *const credit_words[] = {
	"edited", "editing", "photo", "photos", "photograph", "photographs",
	"photographed", "images", "image", "illustration", "illustrations",
	"illustrated", "translated", "translation", "video", "graphics", "foto",
	"fotos", "bild", "bilder", "übersetzt", "übersetzung", "herausgegeben",
	"hrsg.", "redigiert", "traduit", "traduction", "traducido", NULL
};

/* Labels of the line that credits where a report came from. */
static const char *const source_words[] = {
	"quelle", "source", "fuente", "fonte", "źródło", "bron", NULL
};

/* Lower-case particles inside names ("Christoph von Eichhorn"). */
static const char *const particles[] = { "von", "di", NULL };

/* Lower-case words that join or begin the parts of names. */
static const char *const name_links[] = {
	"von", "van", "vom", "zu", "der", "den", "de", "des", "di", "da", "do", "du",
	"del", "della", "dos", "das", "la", "le", "y", "e", "et", "und", "and", "&",
	"bin", "ibn", "al", "el", "ter", "ten", "v.", NULL
};

/*
 * Whether the " von " at p inside c is a name's particle: what comes
 * before it is one or two capitalised words (a first name), not a date,
 * a label or a sentence ("Ein Bericht von", "Am 6. Mai von").
 */
static int
name_particle(const char *c, const char *p)
{
	const char *q;
	int words = 1;

	if (!isupper((unsigned char)c[0]) && (unsigned char)c[0] < 0x80)
		return 0;
	const char *w = c;

	for (q = c; q <= p; q++) {
		if (q < p && (isdigit((unsigned char)*q) || *q == ':' || *q == '|' || *q == ','))
			return 0;
		if (*q == ' ') {
			/* "Ein Bericht von": a label's words are no first name. */
			if (word_in(w, (size_t)(q - w), byline_stops) ||
			    word_in(w, (size_t)(q - w), not_names))
				return 0;
			if (q == p)
				break;
			words++;
			w = q + 1;
			if (!isupper((unsigned char)q[1]) && (unsigned char)q[1] < 0x80)
				return 0;
		}
	}
	return words <= 2 && isupper((unsigned char)p[5]);
}

/* Words of a role after a name ("Jane Doe, Senior Editor"). */
static const char *const role_words[] = {
	"editor", "reporter", "correspondent", "writer", "contributor", "staff",
	"senior", "chief", "special", "redakteur", "redakteurin", "korrespondent",
	"korrespondentin", "journalist", "journalistin", "autor", "autorin",
	"author", "photographer", "fotograf", "fotografin", "producer", "director",
	"professor", "ceo", "founder", "gründer", "head", "leiter", "leiterin", NULL
};

/* The words that join the last name of a list to the others. */
static const char *const name_conj[] = { "und", "and", "&", "et", "y", "e", NULL };

/*
 * Whether another name follows a comma: two or three capitalised words
 * that are no role, up to the next comma or the end.  The list's last
 * name may come after a conjunction ("A, B und C", "A, B, and C").
 */
static int
names_follow(const char *p)
{
	size_t words = 0, n;
	const char *w;
	int joined = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0' || *p == ',')
			break;
		w = p;
		while (*p && *p != ' ' && *p != ',')
			p++;
		n = (size_t)(p - w);
		/* "By A, B on Monday", "Von A, B | 3. Mai": the dateline goes on */
		if (words >= 2 && word_in(w, n, byline_stops))
			break;
		if (!joined && (words == 0 || words >= 2) && word_in(w, n, name_conj)) {
			/* the last name of the list: words count anew */
			joined = 1;
			words = 0;
			continue;
		}
		if (!(isupper((unsigned char)*w) || (unsigned char)*w >= 0x80) ||
		    word_in(w, n, role_words) || (memchr(w, '-', n) != NULL &&
		    word_in(w, (size_t)((const char *)memchr(w, '-', n) - w), role_words)) || word_in(w, n, byline_stops) ||
		    word_in(w, n, not_names) || ++words > 3)
			return 0;
	}
	return words >= 2;
}

/*
 * Whether w[0..n) is letters with a date glued on ("Doe13.12.2022",
 * "Doe2022-12-13"): then *k is where the digits start.
 */
/*
 * Where a word no name holds begins glued to the end of w[0..n): a
 * lower-case letter, then "Follow", "Share", "Email" ... ("Jane
 * DoeFollow", two links with no space between), or a role ("Jane
 * DoeReporter": <span class=role> right after the name).  0 when none.
 */
static size_t
glued_stop(const char *w, size_t n)
{
	size_t k;

	for (k = 1; k + 3 <= n; k++)
		if (islower((unsigned char)w[k - 1]) && isupper((unsigned char)w[k]) &&
		    (word_in(w + k, n - k, not_names) || word_in(w + k, n - k, byline_stops) ||
		    word_in(w + k, n - k, role_words)))
			return k;
	return 0;
}

static int
glued_date(const char *w, size_t n, size_t *k)
{
	size_t i, digits = 0;

	for (i = 0; i < n && !isdigit((unsigned char)w[i]); i++)
		if (!isalpha((unsigned char)w[i]) && (unsigned char)w[i] < 0x80)
			return 0;
	if (i == 0 || i == n || !isalpha((unsigned char)w[i - 1]))
		return 0;
	*k = i;
	for (; i < n; i++) {
		if (isdigit((unsigned char)w[i]))
			digits++;
		else if (w[i] != '.' && w[i] != '/' && w[i] != '-' && w[i] != ':' && w[i] != ',')
			return 0;
	}
	return digits >= 4 && n - *k >= 6;
}

/*
 * Whether a second name follows a slash (p is after it): two to five
 * capitalised words or initials, no digits, up to the end or the next
 * slash.  "/ 2016.12.01" or "/ Reuters" after a name is no second name.
 */
static int
slash_name(const char *p)
{
	const char *w;
	size_t words = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0' || (*p == '/' && (p[1] == ' ' || p[1] == '\0')))
			break;
		w = p;
		for (; *p && *p != ' '; p++)
			if (isdigit((unsigned char)*p))
				return 0;
		if (!(isupper((unsigned char)*w) || (unsigned char)*w >= 0x80) &&
		    !word_in(w, (size_t)(p - w), name_links))
			return 0;
		words++;
	}
	return words >= 2 && words <= 5;
}

/*
 * Whether w[0..n) is two or three capitals that are the initials of the
 * words after it (p): "LP Luana Patriolino", an avatar's letters.
 */
static int
initials_ahead(const char *w, size_t n, const char *p)
{
	size_t k;

	if (n < 2 || n > 3)
		return 0;
	for (k = 0; k < n; k++) {
		if (!isupper((unsigned char)w[k]))
			return 0;
		while (*p == ' ')
			p++;
		if (*p != w[k] || !islower((unsigned char)p[1]))
			return 0;
		while (*p && *p != ' ')
			p++;
	}
	return 1;
}

/* German compounds ending in a role: "Chefredakteur", "Wirtschaftsjournalistin". */
static int
role_compound(const char *w, size_t n)
{
	static const char *const ends[] = {
		"redakteur", "redakteurin", "korrespondent", "korrespondentin",
		"journalist", "journalistin", "reporter", "reporterin", NULL
	};
	size_t k, l;

	for (k = 0; ends[k] != NULL; k++)
		if ((l = strlen(ends[k])) < n && strncasecmp(w + n - l, ends[k], l) == 0)
			return 1;
	return 0;
}

/*
 * Whether w[0..n) is punctuation and symbols only ("//", "~", "::", a
 * full-width "／" or "｜" between name and date), "&" aside.
 */
static int
symbols_only(const char *w, size_t n)
{
	size_t i = 0;
	uint32_t c;
	int cat;

	if (n == 1 && w[0] == '&')
		return 0;
	while (i < n) {
		i += sc_ucd_next(w, i, n, &c);
		cat = sc_ucd_category(c);
		if (cat < UTF8PROC_CATEGORY_PC || cat > UTF8PROC_CATEGORY_SO)
			return 0;
	}
	return 1;
}

/* Degrees and generation marks written after a name and a comma. */
static const char *const name_suffixes[] = {
	"phd", "ph.d.", "ph.d", "md", "m.d.", "mba", "mph", "msc", "m.sc.", "dphil",
	"jr.", "jr", "sr.", "rn", "dds", "esq.", "ii", "iii", NULL
};

/* Bytes of the name suffix that opens p ("PhD", "Jr."), up to a comma,
 * a space or the end; 0 if none. */
static size_t
suffix_at(const char *p)
{
	size_t n = 0;

	while (p[n] && p[n] != ' ' && p[n] != ',' && p[n] != ';')
		n++;
	return n > 0 && word_in(p, n, name_suffixes) ? n : 0;
}

/*
 * Whether the words after a comma, up to the next, hold an acronym
 * ("CNN Business", "BBC News"): after a name written in mixed case that
 * is the newsroom or desk the writer works for, not a second name.
 */
static int
acronym_follows(const char *p)
{
	const char *w;

	for (;;) {
		size_t n, k;

		while (*p == ' ')
			p++;
		if (*p == '\0' || *p == ',')
			return 0;
		w = p;
		while (*p && *p != ' ' && *p != ',')
			p++;
		n = (size_t)(p - w);
		for (k = 0; k < n && isupper((unsigned char)w[k]); k++)
			;
		if (n >= 2 && k == n)
			return 1;
	}
}

/*
 * Bylines: "By Jane Doe", "View all posts by Jane Doe", "Von Max Muster |
 * 06.09.2020", "Post author By Jane Doe" -> the name.  Returns NULL when
 * what is left does not look like a name: users prefer no author to a
 * wrong one (RESEARCH.md 3).
 */
/* Words between an interviewee and the interviewer. */
static const char *const interview_seps[] = {
	" im Gespräch mit ", " im Interview mit ", " in conversation with ",
	" in an interview with ", " en conversation avec ", " en entrevista con ",
	" en conversación con ", NULL
};

/* Whether s holds one of interview_seps. */
static int
has_interview_sep(const char *s)
{
	size_t k;

	for (k = 0; interview_seps[k] != NULL; k++)
		if (strstr(s, interview_seps[k]) != NULL)
			return 1;
	return 0;
}

/* Bytes of the dashes and blanks that open s ("---- ", "— "); 0 if none. */
static size_t
dash_run(const char *s)
{
	size_t k = 0;

	for (;;) {
		if (s[k] == '-' || s[k] == ' ')
			k++;
		else if (strncmp(s + k, "\xE2\x80\x93", 3) == 0 ||
		    strncmp(s + k, "\xE2\x80\x94", 3) == 0)
			k += 3;
		else
			break;
	}
	return k;
}

/* Whether s[0..n) holds w, ASCII case aside. */
static int
casecontains_n(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w), i;

	for (i = 0; i + l <= n; i++)
		if (strncasecmp(s + i, w, l) == 0)
			return 1;
	return 0;
}

static int
has_lower_ascii_n(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return 1;
	return 0;
}


/*
 * The next space-separated word of the NUL-terminated *pp, with its length
 * in *n; *pp moves past it.  NULL when only spaces are left.
 */
static const char *
next_word(const char **pp, size_t *n)
{
	const char *p = *pp, *w;

	while (*p == ' ')
		p++;
	if (*p == '\0') {
		*pp = p;
		return NULL;
	}
	w = p;
	while (*p && *p != ' ')
		p++;
	*pp = p;
	*n = (size_t)(p - w);
	return w;
}

/*
 * Lower-case words of a that are no name's particle: a name has none
 * or one ("Mobasir hassan", a handle), a sentence several ("Jane joined
 * the paper in", the bio an author box shows under the name).
 */
static int
sentence_words(const char *a)
{
	const char *p = a, *w;
	size_t wn;
	int n = 0;

	while ((w = next_word(&p, &wn)) != NULL) {
		if (islower((unsigned char)*w) && !word_in(w, wn, name_links)) {
			const char *q;

			/* "eG", "iPhone": a capital inside is a firm's name */
			for (q = w; q < p && !isupper((unsigned char)*q); q++)
				;
			n += q == p;
		}
	}
	return n;
}

/*
 * The heading of an author box, which leads to the writer's name on the
 * next line: "About the author" <p> "Jane Doe covers ...".  ASCII case
 * is folded where these are compared; the capitals outside it are
 * written out.
 */
#define ABOUT_AUTHOR_LABELS(sp) \
	"about the author" sp, "about the authors" sp, "\xC3\xBC""ber den autor" sp, \
	"\xC3\x9C""ber den autor" sp, "\xC3\xBC""ber die autorin" sp, \
	"\xC3\x9C""ber die autorin" sp, "\xC3\xBC""ber die autoren" sp, \
	"\xC3\x9C""ber die autoren" sp, "zum autor" sp, "zur autorin" sp, \
	"\xC3\xA0 propos de l'auteur" sp, "\xC3\x80 propos de l'auteur" sp, \
	"\xC3\xA0 propos de l\xE2\x80\x99""auteur" sp, \
	"\xC3\x80 propos de l\xE2\x80\x99""auteur" sp, "sobre el autor" sp, \
	"sobre la autora" sp, "acerca del autor" sp, "sobre o autor" sp, \
	"sobre a autora" sp, "sull'autore" sp, "over de auteur" sp, "o autorze" sp

/*
 * The labels CMS templates print before a writer's name ("Submitted by
 * Jane Doe on ...", Drupal's default): a byline's opening (byline_pre)
 * and a prefix the name loses (clean_byline_line).
 */
/*
 * Labels with a colon that credit the writers (and the pictures with the
 * text): "Autoren: Jane Doe und John Roe", "Text & Fotos: Jane Doe".
 */
#define CREDIT_BYLINE_LABELS \
	"autoren: ", "autorinnen: ", "verfasser: ", "verfasserin: ", "text & fotos: ", \
	"text und fotos: ", "text & foto: ", "text und foto: ", "text & bilder: ", \
	"text und bilder: ", "text & photos: ", "text and photos: ", "words & photos: ", \
	"words and photos: "

#define CMS_BYLINE_LABELS \
	"submitted by ", "posted by ", "geschrieben von ", "verfasst von ", \
	"escrito por ", "publicado por ", "\xC3\xA9""crit par ", "publi\xC3\xA9 par ", \
	"scritto da ", "pubblicato da ", "a cura di ", "geschreven door ", "eingestellt von ", \
	"gepostet von ", "ver\xC3\xB6""ffentlicht von ", "geplaatst door ", "postado por ", \
	"post\xC3\xA9 par ", "opublikowane przez ", "upplagd av ", "skrevet af ", \
	"skrevet av ", "guest post by ", "gastbeitrag von ", \
	/* strncasecmp() folds ASCII only: a capital E acute spelt out */ \
	"\xC3\x89""crit par ", "r\xC3\xA9""dig\xC3\xA9 par ", "reported by ", \
	"opublikowano przez ", "napisane przez "

/*
 * Byline labels of more languages ("Av Jane Doe", "Szerz\xC5\x91: Jane Doe",
 * "Teksti: Jane Doe"), as the text reader knows them.  strncasecmp()
 * folds ASCII only: a label opening with another letter is spelt with
 * its capital too.
 */
#define LANG_BYLINE_LABELS \
	"av ", "af ", "przez ", "autore: ", "auteur: ", "auteur : ", "texto: ", \
	"texte: ", "texte : ", "tekst: ", "teksti: ", "autorka: ", "autor/in: ", \
	"autor*in: ", "autor:in: ", "por: ", "door: ", "reporter: ", "redakteur: ", \
	"redakteurin: ", "kirjoittaja: ", "szerz\xC5\x91: ", "\xC3\x8Drta: ", \
	"\xC3\xADrta: ", "napisal: ", "napisala: ", "pi\xC5\xA1""e: ", "yazar: ", \
	"forfatter: ", "f\xC3\xB6rfattare: ", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: ", \
	"\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: "

/*
 * The kind of piece, then its writer, without an article before it
 * ("Kommentar von Jane Doe", "Analysis by Jane Doe"), and CMS labels
 * written with a colon ("Escrito por: Jane Doe").
 */
#define KIND_BYLINE_LABELS \
	"kommentar von ", "gastkommentar von ", "analyse von ", "reportage von ", \
	"rezension von ", "glosse von ", "kolumne von ", "commentary by ", \
	"analysis by ", "opinion by ", "story by ", "words by ", "reporting by ", \
	"column by ", "essay by ", "review by ", "report by ", "escrito por: ", \
	"publicado por: ", "posted by: ", "submitted by: "

static int label_only(const char *t, size_t n);

/*
 * Whether a opens with an article in lower case ("der Stadtverwaltung",
 * "the city council", "la mairie"): a body or an office follows, no
 * person's name (a particle such as "von" or "de" may open a surname).
 */
static int
lead_article(const char *a)
{
	static const char *const arts[] = {
		"der", "die", "das", "dem", "den", "des", "the", "la", "le", "les", "el",
		"los", "las", "il", "lo", "gli", "het", NULL
	};
	size_t k, n = strcspn(a, " ");

	for (k = 0; arts[k] != NULL; k++)
		if (strlen(arts[k]) == n && strncmp(a, arts[k], n) == 0)
			return a[n] == ' ';
	return 0;
}

/* An author box's heading before the name: "About Jane Doe", "Über Jana Muster". */
static const char *const about_name[] = {
	"About ", "\xC3\x9C""ber ", "\xC3\x80 propos de ", "A propos de ", "Sobre ", "Over ",
	NULL
};

/*
 * "Von unserem Redakteur Max Muster", "By our correspondent Jane Doe",
 * "De notre correspondante Jeanne Exemple": the paper's own staff, named
 * after a possessive and the writer's role, which the name loses.
 */
static const char *const own_staff[] = {
	"unserem ", "unserer ", "unseren ", "our ", "de notre ", "de nos ", "notre ",
	"nos ", NULL
};
static const char *const staff_roles[] = {
	"redakteur", "redakteurin", "redakteuren", "korrespondent", "korrespondenten",
	"korrespondentin", "mitarbeiter", "mitarbeiterin", "mitarbeitern", "reporter",
	"reporterin", "reportern", "autor", "autorin", "autoren", "correspondent",
	"correspondents", "staff", "correspondant", "correspondante", "correspondants",
	"envoy\xC3\xA9", "envoy\xC3\xA9""e", "envoy\xC3\xA9s", "special", "writer", NULL
};

/*
 * The length of such a possessive and role at c (two role words at most:
 * "our staff reporter", "our special correspondent"), 0 if none.
 */
static size_t
own_staff_at(const char *c)
{
	size_t k, n, l, end = 0;
	int r;

	for (k = 0; own_staff[k] != NULL; k++)
		if (strncasecmp(c, own_staff[k], strlen(own_staff[k])) == 0)
			break;
	if (own_staff[k] == NULL)
		return 0;
	l = strlen(own_staff[k]);
	for (r = 0; r < 2; r++) {
		/* "unserem Sport-Redakteur": the role's last part says it */
		for (n = 0; c[l + n] != '\0' && c[l + n] != ' ' && c[l + n] != ','; n++)
			;
		for (k = n; k > 0 && c[l + k - 1] != '-'; k--)
			;
		if (!word_in(c + l + k, n - k, staff_roles))
			break;
		l += n;
		/* "envoyé spécial" */
		if (strncasecmp(c + l, " sp\xC3\xA9""cial", 9) == 0)
			l += 9 + (c[l + 9] == 'e');
		if (c[l] == ',')
			l++;
		if (c[l] != ' ')
			return 0;
		end = ++l;
	}
	return end;
}

/*
 * Whether s opens with two words that begin with a capital ("Anna
 * Beispiel in Berlin"; not "\xC3\xA0 Berlin Jean Exemple"): a name after
 * a staff writer's role.
 */
static int
two_capitals(const char *s)
{
	const char *w;
	size_t k, wn;
	const unsigned char *u;

	for (k = 0; k < 2; k++) {
		if ((w = next_word(&s, &wn)) == NULL)
			return 0;
		u = (const unsigned char *)w;
		/* Latin-1's lower-case letters are U+00DF..U+00FF */
		if (!(isupper(u[0]) || (u[0] >= 0xC3 && !(u[0] == 0xC3 && u[1] >= 0x9F))))
			return 0;
	}
	return 1;
}

/*
 * How many words of s, to its end, begin with a capital (or a letter
 * outside ASCII); 0 when a word does not or there are more than 4.
 */
static size_t
capital_words(const char *s)
{
	const char *w;
	size_t n = 0, wn;

	while ((w = next_word(&s, &wn)) != NULL) {
		if (!(isupper((unsigned char)*w) || (unsigned char)*w >= 0xC3) || ++n > 4)
			return 0;
	}
	return n;
}

static char *
clean_byline_line(const char *s)
{
	static const char *const pre[] = {
		"view all posts by ", "all posts by ", "posts by ", "post author by ",
		"written by: ",
		"post author ", "written by ", CMS_BYLINE_LABELS,
		"ein beitrag von ", "beitrag von ", "artikel von ", "text von ",
		"by ", "von ", "par ", "por ", "di ", "door ", "av ", "autor: ",
		"autorin: ", "author: ", "text: ", "redaktion: ", CREDIT_BYLINE_LABELS,
		LANG_BYLINE_LABELS, KIND_BYLINE_LABELS, "autor ", "author ",
		ABOUT_AUTHOR_LABELS(" "), NULL
	};
	struct sc_buf out = { 0 };
	char *c = clean_strz(s), *p;
	size_t k, words = 0, l, lastw = (size_t)-1;
	int again = 1, prefixed = 0, suffixed = 0;

	if (c == NULL)
		return NULL;
	decode_entities(c);
	if (label_only(c, strlen(c))) {
		/* "By", "About the author": a label names nobody. */
		free(c);
		return NULL;
	}
	/* "<a>Jane Doe</a> , <a>John Roe</a>": the markup's space before
	 * the comma goes. */
	for (p = c; (p = strstr(p, " ,")) != NULL;)
		memmove(p, p + 1, strlen(p + 1) + 1);
	/* "---- by Jane Doe", "— Jane Doe": a signature's dashes. */
	if ((k = dash_run(c)) > 0)
		memmove(c, c + k, strlen(c + k) + 1);
	/* "A im Gespräch mit B": an interview credits both. */
	for (k = 0; interview_seps[k] != NULL; k++)
		if ((p = strstr(c, interview_seps[k])) != NULL) {
			const char *rest = p + strlen(interview_seps[k]);
			char *a = NULL, *b2 = NULL;

			/*
			 * Two people, one on each side: a chain of
			 * separators credits nobody (and cleaning each part
			 * again would copy the rest once per separator).
			 */
			*p = '\0';
			if (!has_interview_sep(c) && !has_interview_sep(rest)) {
				a = clean_byline_line(c);
				b2 = clean_byline_line(rest);
			}
			free(c);
			if (a == NULL || b2 == NULL)
				return a != NULL ? a : b2;
			sc_buf_adds(&out, a);
			sc_buf_adds(&out, "; ");
			sc_buf_adds(&out, b2);
			free(a);
			free(b2);
			return out.p;
		}
	while (again) {
		again = 0;
		for (k = 0; pre[k] != NULL; k++) {
			size_t pl = strlen(pre[k]);

			if (strncasecmp(c, pre[k], pl) == 0) {
				memmove(c, c + pl, strlen(c + pl) + 1);
				again = prefixed = 1;
				break;
			}
			/* "Geschrieben vonJane Doe", "ByJane Doe": the label's
			 * element ran into the name's (<span>By</span><a>Jane
			 * ...</a>).  Not "di": "DiMaggio" is a name. */
			if (pre[k][pl - 1] == ' ' && strcmp(pre[k], "di ") != 0 &&
			    strncasecmp(c, pre[k], pl - 1) == 0 &&
			    isupper((unsigned char)c[pl - 1]) &&
			    islower((unsigned char)c[pl])) {
				memmove(c, c + pl - 1, strlen(c + pl - 1) + 1);
				again = prefixed = 1;
				break;
			}
		}
	}
	/* "Posted on September 21, 2020 by Jane Doe": the name follows "by". */
	for (p = c; *p && p - c < 80; p++) {
		static const char *const by[] = { " by ", " von ", " par ", " por ", NULL };

		for (k = 0; by[k] != NULL; k++)
			if (strncasecmp(p, by[k], strlen(by[k])) == 0 &&
			    (k != 1 || !name_particle(c, p))) {
				const char *w = p;

				/* "Edited by", "Photo by": someone else's credit
				 * (unless the text is credited too: "Text and
				 * photos by").  After a byline's label the writer
				 * comes first ("By Jane Doe | Photo by John Roe"). */
				while (w > c && w[-1] != ' ')
					w--;
				if (word_in(w, (size_t)(p - w), credit_words) &&
				    !casecontains_n(c, (size_t)(w - c), "text") &&
				    !casecontains_n(c, (size_t)(w - c), "words")) {
					if (!prefixed || w == c) {
						free(c);
						return NULL;
					}
					*(char *)w = '\0';
					break;
				}
				memmove(c, p + strlen(by[k]), strlen(p + strlen(by[k])) + 1);
				p = c;
				break;
			}
		if (by[k] != NULL)
			break;
	}
	/* "About Jane Doe": an author box's heading.  Only before two
	 * capitalised words or more ("About Us" names nobody anyway). */
	for (k = 0; about_name[k] != NULL; k++) {
		size_t al = strlen(about_name[k]);

		if (strncmp(c, about_name[k], al) == 0 && capital_words(c + al) >= 2) {
			memmove(c, c + al, strlen(c + al) + 1);
			break;
		}
	}
	if ((k = own_staff_at(c)) > 0 && two_capitals(c + k))
		memmove(c, c + k, strlen(c + k) + 1);
	/* "AuthorJane Doe": a label glued to the name. */
	if (strncmp(c, "Author", 6) == 0 && isupper((unsigned char)c[6]))
		memmove(c, c + 6, strlen(c + 6) + 1);
	/* Keep words up to a stop word, a digit or punctuation that ends names. */
	for (p = c; *p;) {
		char *w, *sl;
		size_t wn;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		w = p;
		while (*p && *p != ' ')
			p++;
		wn = (size_t)(p - w);
		/* "Loïc Le Clerc", "Karim El Khoury": a capitalised article
		 * between names is part of the surname, not "le 30 septembre". */
		if (words > 0 && wn == 2 && word_in(w, wn, surname_articles) &&
		    isupper((unsigned char)w[0]) && islower((unsigned char)w[1]) &&
		    p[0] == ' ' && (isupper((unsigned char)p[1]) || (unsigned char)p[1] >= 0x80)) {
			sc_buf_addc(&out, ' ');
			sc_buf_add(&out, w, wn);
			words++;
			continue;
		}
		/* "Peter Muster/dpa", "Jane Doe/SP-X": the agency after the
		 * writer's name, glued with a slash, at the end. */
		if (words > 0 && (sl = memchr(w, '/', wn)) != NULL && sl > w &&
		    wn - (size_t)(sl - w) - 1 >= 2 && wn - (size_t)(sl - w) - 1 <= 8 &&
		    p[strspn(p, " ")] == '\0' && has_lower_ascii_n(w, (size_t)(sl - w))) {
			sc_buf_addc(&out, ' ');
			sc_buf_add(&out, w, (size_t)(sl - w));
			words++;
			break;
		}
		/* "Jane Doe and the Daily Staff": a body, not a second name, follows */
		if (words > 0 && word_in(w, wn, name_conj) && lead_article(p + strspn(p, " ")))
			break;
		/* "Jane Doe sagt:", "Jane Doe says:": the comment's verb ends the name */
		if (wn > 1 && w[wn - 1] == ':' && word_in(w, wn - 1, byline_stops))
			break;
		if (words > 0 && wn == 1 && *w == '/' && slash_name(p)) {
			/* "E. DOE / J. I. DA ROE": names set apart by slashes,
			 * kept as the page writes them. */
			sc_buf_adds(&out, " /");
			continue;
		}
		if (initials_ahead(w, wn, p)) {
			/* "LP Luana Beispiel RF Raphael Muster": an avatar's
			 * initials before each name; the second starts a name. */
			if (out.len > 0)
				sc_buf_addc(&out, ';');
			continue;
		}
		if ((k = glued_stop(w, wn)) > 0) {
			/* "Jane DoeFollow": a button's word glued on */
			if (out.len > 0)
				sc_buf_addc(&out, ' ');
			sc_buf_add(&out, w, k);
			words++;
			break;
		}
		if (glued_date(w, wn, &k)) {
			/* "Jane Doe13.12.2022": a template glued the date on */
			if (out.len > 0)
				sc_buf_addc(&out, ' ');
			sc_buf_add(&out, w, k);
			words++;
			break;
		}
		/* "Jane Doe Chefredakteur", "Jane Doe Senior Editor": a role
		 * after a full name, with no comma before it. */
		if (words >= 2 && (isupper((unsigned char)*w) || (unsigned char)*w >= 0x80) &&
		    (word_in(w, wn, role_words) || role_compound(w, wn)) &&
		    !word_in(w, wn, not_names)) {
			/* "Jana Muster ist Redakteurin": a bio's verb before
			 * the role is no part of the name. */
			if (words >= 3 && lastw < out.len && islower((unsigned char)out.p[lastw]) &&
			    !word_in(out.p + lastw, out.len - lastw, name_links)) {
				out.len = lastw > 0 ? lastw - 1 : 0;
				out.p[out.len] = '\0';
				words--;
			}
			break;
		}
		/* "Jane Doe Last updated", "// ~ 3 min": no name goes on */
		if (symbols_only(w, wn) || (wn == 4 && strncasecmp(w, "last", 4) == 0 &&
		    p[0] == ' ' && (strncasecmp(p + 1, "updated", 7) == 0 ||
		    strncasecmp(p + 1, "modified", 8) == 0)))
			break;
		if (word_in(w, wn, byline_stops) || isdigit((unsigned char)*w) || *w == '(' ||
		    memchr(w, '@', wn) != NULL || (wn >= 4 && strncmp(w, "http", 4) == 0))
			break;
		if (words == 0 && wn > 2 && w[wn - 1] == ':' && p[strspn(p, " ")] != '\0') {
			/* "Текст: Jane Doe", "Texto: Jane Doe": a one-word label
			 * opens the byline in any language; the name follows.  A
			 * picture's or a source's label credits no writer. */
			if (word_in(w, wn - 1, credit_words) || word_in(w, wn - 1, source_words))
				break;
			continue;
		}
		if (words > 0 && w[wn - 1] == ',' && (l = suffix_at(p + strspn(p, " "))) > 0) {
			/* "Jane Doe, PhD", "John Roe, Jr.": the suffix is part of
			 * the name as the page writes it; a role after it goes. */
			p += strspn(p, " ");
			if (out.len > 0)
				sc_buf_addc(&out, ' ');
			sc_buf_add(&out, w, wn);
			sc_buf_addc(&out, ' ');
			sc_buf_add(&out, p, l);
			words++;
			suffixed = 1;
			break;
		}
		if (w[wn - 1] == ',' && names_follow(p) &&
		    !(has_lower_ascii_n(out.p, out.len) && acronym_follows(p))) {
			/* "Jane Doe, John Roe": names listed as the page lists them. */
			if (out.len > 0)
				sc_buf_addc(&out, ' ');
			sc_buf_add(&out, w, wn);
			words++;
			continue;
		}
		if (w[wn - 1] == ',' || w[wn - 1] == '|' || w[wn - 1] == ':') {
			/* "Jane Doe, Reporter": the role goes. */
			if (out.len > 0)
				sc_buf_addc(&out, ' ');
			sc_buf_add(&out, w, wn - 1);
			words++;
			break;
		}
		if (out.len > 0)
			sc_buf_addc(&out, ' ');
		lastw = out.len;
		sc_buf_add(&out, w, wn);
		/* "A, B and C": the conjunction is no word of a name */
		words += !word_in(w, wn, name_conj);
	}
	free(c);
	if (out.len == 0) {
		sc_buf_free(&out);
		return NULL;
	}
	l = out.len;
	/* "Jane Doe1": a footnote mark glued to a name (a one-word handle
	 * such as "c1ph4" keeps its digits). */
	while (words > 1 && l > 1 && isdigit((unsigned char)out.p[l - 1]) &&
	    isalpha((unsigned char)out.p[l - 2]))
		l--;
	/* "Jane B.", "John Roe Jr.": the dot is the name's. */
	if (words > 1 && l > 3 && out.p[l - 1] == '.' && ((out.p[l - 3] == ' ' &&
	    isupper((unsigned char)out.p[l - 2])) || (l > 4 && out.p[l - 4] == ' ' &&
	    (strncmp(out.p + l - 3, "Jr", 2) == 0 || strncmp(out.p + l - 3, "Sr", 2) == 0))))
		suffixed = 1;
	while (!suffixed && l > 0 && (out.p[l - 1] == '-' || out.p[l - 1] == ',' ||
	    out.p[l - 1] == '.' || out.p[l - 1] == ' ' || out.p[l - 1] == ';'))
		l--;
	out.p[l] = '\0';
	out.len = l;
	/* Does it look like a name?  A newsroom's generic credit ("Staff",
	 * "Editorial Staff", "Redacción") names nobody. */
	if (l < 2 || l > 60 || words > 6 || !((unsigned char)out.p[0] >= 0x80 ||
	    isalpha((unsigned char)out.p[0])) || generic_credit(out.p, l)) {
		sc_buf_free(&out);
		return NULL;
	}
	if (lead_article(out.p)) {
		/* "Veröffentlicht von der Stadt": an office, not a name. */
		sc_buf_free(&out);
		return NULL;
	}
	if (sentence_words(out.p) >= 2) {
		/* "Jane joined the paper in 2017": a bio's sentence. */
		sc_buf_free(&out);
		return NULL;
	}
	for (p = out.p; *p;) {
		char *w = p;

		while (*p && *p != ' ')
			p++;
		if (word_in(w, (size_t)(p - w), not_names) &&
		    !(w > out.p && *p == ' ' && islower((unsigned char)*w) &&
		    word_in(w, (size_t)(p - w), particles))) {
			sc_buf_free(&out);
			return NULL;
		}
		while (*p == ' ')
			p++;
	}
	return out.p;
}

/*
 * Whether line t[0..n) only leads to the name on the next line: a label
 * ("By", "Von:", "Texto:", "Quelle:") or a dateline ending in "by"
 * ("Posted on 6 September 2020 by").
 */
static int
leads_to_name(const char *t, size_t n)
{
	static const char *const by[] = { "by", "von", "par", "por", "door", "av", "di", NULL };
	size_t w;

	while (n > 0 && t[n - 1] == ' ')
		n--;
	if (n == 0 || label_only(t, n))
		return 1;
	for (w = n; w > 0 && t[w - 1] != ' '; w--)
		;
	if (w == 0)	/* "Texto:", "Quelle:": a one-word label */
		return n > 2 && t[n - 1] == ':';
	return n <= 80 && word_in(t + w, n - w, by);
}

/*
 * A byline as the reader takes it: the name and what the markup puts
 * with it.  An element's lines (block elements, <br>) arrive apart:
 * the name is the first line after a label's line ("By" <br> "Jane
 * Doe"), before the bio or job line an author box shows under it ("Jane
 * Doe" <p> "Jane covers ...").  NULL when that line names nobody (a
 * wrapper around the whole story is no byline) or the label credits a
 * source or a picture ("Quelle:", "Foto:").
 */
static char *
clean_byline(const char *s)
{
	struct sc_buf l = { 0 };
	const char *e, *start = s;
	char *a;
	size_t k;

	if (s == NULL || strchr(s, '\n') == NULL)
		return clean_byline_line(s);
	for (;; s = e + 1) {
		e = strchr(s, '\n');
		if (l.len > 0)
			sc_buf_addc(&l, ' ');
		sc_buf_add(&l, s, e ? (size_t)(e - s) : strlen(s));
		if (e == NULL || !leads_to_name(l.p, l.len))
			break;
		if (l.len > 1 && l.p[l.len - 1] == ':' && (word_in(l.p, l.len - 1,
		    credit_words) || word_in(l.p, l.len - 1, source_words))) {
			/* "Quelle:", "Foto:": what follows is no writer */
			sc_buf_free(&l);
			return NULL;
		}
	}
	if (e != NULL && initials_ahead(l.p, l.len, e + 1)) {
		/* "LB" <div> "Luana Beispiel" <div> "RM" ...: avatars'
		 * initials before each writer's name, read as one line. */
		sc_buf_reset(&l);
		sc_buf_adds(&l, start);
		for (k = 0; k < l.len; k++)
			if (l.p[k] == '\n')
				l.p[k] = ' ';
	}
	a = clean_byline_line(l.p);
	sc_buf_free(&l);
	return a;
}

/*
 * The block of the headline when the title came from the markup: the
 * first heading that agrees with it (an h1 first), wherever it sits (an
 * overlay or a cookie notice can come before the article).  Else anchor.
 * strict: an h1 that is the title, give or take a site's name (then a
 * "teaser" class on the article's own header does not matter).
 */
static int
same_title(const char *h, const char *t)
{
	size_t hn = strlen(h), tn = strlen(t);

	if (t == NULL)
		return 0;
	return (hn <= tn && hn * 5 >= tn * 3 && casecontains(t, h)) ||
	    (tn <= hn && tn * 5 >= hn * 3 && casecontains(h, t));
}

static size_t
heading_of(const struct sc_html_page *pg, const char *title, size_t anchor, int strict)
{
	size_t i, h2 = SIZE_MAX;

	for (i = 0; i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];

		if (b->heading < 1 || b->heading > (strict ? 1 : 3) || b->chars < 4 ||
		    b->chars > 300 || (b->flags & (strict ? SC_HF_NAV :
		    SC_HF_NAV | SC_HF_RELATED | SC_HF_ASIDE)))
			continue;
		if (strict ? !same_title(pg->text.p + b->off, title) :
		    !titles_agree(pg->text.p + b->off, title))
			continue;
		if (b->heading == 1)
			return i;
		if (h2 == SIZE_MAX)
			h2 = i;
	}
	return h2 != SIZE_MAX ? h2 : anchor;
}

/*
 * The source line that closes a report: "Quelle: MDR/ls", "Source:
 * AFP" alone in a short block (a caption's "Quelle: Foto" aside).
 * German and wire-fed news sites credit the newsroom or agency there.
 */
static char *
source_line(const struct sc_html_page *pg, const unsigned char *keep)
{
	size_t first, last, i, lo, hi;

	if (keep == NULL)
		return NULL;
	for (first = 0; first < pg->nblocks && !keep[first]; first++)
		;
	for (last = pg->nblocks; last > first && !keep[last - 1]; last--)
		;
	if (last == 0)
		return NULL;
	lo = last > 3 ? last - 3 : 0;
	hi = last + 4 < pg->nblocks ? last + 4 : pg->nblocks;
	for (i = lo; i < hi; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		const char *t = pg->text.p + b->off, *c;

		if (b->chars > 60 || (b->flags & (SC_HF_CAPTION | SC_HF_COMMENT | SC_HF_RELATED |
		    SC_HF_NAV | SC_HF_ASIDE)) || (c = memchr(t, ':', b->len)) == NULL ||
		    !word_in(t, (size_t)(c - t), source_words))
			continue;
		return clean_byline(c + 1);
	}
	return NULL;
}

/*
 * A byline the page shows by the article: a short block that starts with
 * "By", "Von", "Par", "Por", "Text:" ... just before the article or in its
 * first blocks.
 */
static const char *const byline_pre[] = {
	"by ", "von ", "par ", "por ", "door ", "text: ", "text von ",
	"autor: ", "autorin: ", "author: ", "redaktion: ", "written by ",
	"written by: ", CMS_BYLINE_LABELS, CREDIT_BYLINE_LABELS, NULL
};

/* The same for labels that open other lines too ("Av", "Story by"): only
 * people's names after them make a byline. */
static const char *const byline_pre_name[] = {
	LANG_BYLINE_LABELS, KIND_BYLINE_LABELS, NULL
};

/* Labels that name the author inside a dateline ("05.02.2020 - Redaktion: ..."). */
static const char *const byline_labels[] = {
	"Redaktion: ", "Autor: ", "Autorin: ", "Author: ", "Text: ", "Von: ", "By: ",
	"Auteur : ", "Auteur: ", NULL
};

/* A block that is a byline label alone: "Von:", "By", "Autor:". */
static int
label_only(const char *t, size_t n)
{
	static const char *const labels[] = {
		"von", "by", "autor", "autorin", "author", "text", "par", "por", "door",
		ABOUT_AUTHOR_LABELS(""), NULL
	};

	while (n > 0 && (t[n - 1] == ':' || t[n - 1] == ' '))
		n--;
	return word_in(t, n, labels);
}

/* Whether w[0..n) opens with a lower-case letter outside ASCII ("über"). */
static int
lower_letter_at(const char *w, size_t n)
{
	uint32_t c;

	sc_ucd_next(w, 0, n, &c);
	return sc_ucd_category(c) == UTF8PROC_CATEGORY_LL;
}

/*
 * Whether every word of a is capitalised (a name's particles aside) and
 * there are two to four: "Eugen Zentner", not "the Commission".
 */
static int
person_like(const char *a)
{
	const char *p = a, *w;
	size_t words = 0, wn;

	while ((w = next_word(&p, &wn)) != NULL) {
		if (!(isupper((unsigned char)*w) || ((unsigned char)*w >= 0x80 &&
		    !lower_letter_at(w, wn))) &&
		    !word_in(w, wn, particles))
			return 0;
		words++;
	}
	return words >= 2 && words <= 4;
}

/* Whether each name of "A / B" or "A; B" is person_like. */
static int
people_like(const char *a)
{
	const char *p = a, *e, *e2;
	int ok = 1;

	while (ok && *p) {
		char *one;

		e = strstr(p, " / ");
		e2 = strstr(p, "; ");
		if (e == NULL || (e2 != NULL && e2 < e))
			e = e2;
		one = xmemdup(p, e ? (size_t)(e - p) : strlen(p));
		ok = person_like(one);
		free(one);
		p = e ? e + (e[1] == '/' ? 3 : 2) : p + strlen(p);
	}
	return ok;
}

/*
 * Whether each name of a list as bylines write it ("A und B", "A, B and
 * C", "A & B", "A; B", "A / B") is person_like.
 */
static int
names_like(const char *a)
{
	static const char *const seps[] = {
		"; ", " / ", ", ", " und ", " and ", " & ", " och ", " og ", " et ",
		" y ", " e ", " i ", " en ", NULL
	};
	const char *p = a, *e, *x;
	size_t k, sl = 0;
	int ok = 1;

	while (ok && *p) {
		char *one;

		e = NULL;
		for (k = 0; seps[k] != NULL; k++)
			if ((x = strstr(p, seps[k])) != NULL && (e == NULL || x < e)) {
				e = x;
				sl = strlen(seps[k]);
			}
		one = xmemdup(p, e ? (size_t)(e - p) : strlen(p));
		ok = person_like(one);
		free(one);
		p = e ? e + sl : p + strlen(p);
	}
	return ok;
}

/*
 * A byline that names the kind of piece first: "Ein Interview von Jane
 * Doe mit John Roe", "Ein Gastbeitrag von Jane Doe", "A commentary by
 * Jane Doe".  One word between the article and "von" or "by"; what
 * follows must read as a person's name.
 */
static char *
kind_byline(const char *t)
{
	static const char *const arts[] = { "ein ", "eine ", "a ", "an ", NULL };
	static const char *const by[] = { " von ", " by ", NULL };
	const char *w;
	char *a;
	size_t k;

	for (k = 0; arts[k] != NULL; k++)
		if (strncasecmp(t, arts[k], strlen(arts[k])) == 0)
			break;
	if (arts[k] == NULL)
		return NULL;
	w = t + strlen(arts[k]);
	while (*w && *w != ' ')
		w++;
	for (k = 0; by[k] != NULL; k++)
		if (strncmp(w, by[k], strlen(by[k])) == 0)
			break;
	if (by[k] == NULL || (a = clean_byline(w + strlen(by[k]))) == NULL)
		return NULL;
	if (!person_like(a)) {
		free(a);
		return NULL;
	}
	return a;
}

/* A byline in block i, or NULL. */
static char *
block_byline(const struct sc_html_page *pg, size_t i)
{
	const struct sc_html_block *b = &pg->blocks[i];
	const char *t = pg->text.p + b->off, *l;
	char d[11], *a;
	size_t k, n = b->len;

	if (b->chars > 100)
		return NULL;
	if (label_only(t, b->len) && i + 1 < pg->nblocks && pg->blocks[i + 1].chars <= 60)
		/* "Von:" <br> "Jane Doe" */
		return clean_byline(pg->text.p + pg->blocks[i + 1].off);
	if ((b->flags & SC_HF_META) && find_date(t, b->len, d) &&
	    (strstr(t, " by ") || strstr(t, " von ") || strstr(t, " By ") ||
	    strstr(t, " Von ")))
		/* "Posted on 6. September 2020 by Jane Doe" */
		return clean_byline(t);
	if ((b->flags & SC_HF_META) && find_date(t, b->len, d) &&
	    (strstr(t, " par ") || strstr(t, " por "))) {
		/* "Publié le 4 mars 2021 par Jeanne Exemple", "Publicado el
		 * ... por": a name, not "3 fois par jour" */
		if ((a = clean_byline(t)) != NULL && names_like(a))
			return a;
		free(a);
	}
	/* "---- by Jane Doe": a signature's dashes before the label. */
	k = dash_run(t);
	if (k > n)
		k = n;
	t += k;
	n -= k;
	for (k = 0; byline_pre[k] != NULL; k++)
		if (strncasecmp(t, byline_pre[k], strlen(byline_pre[k])) == 0)
			return clean_byline(t);
	for (k = 0; byline_pre_name[k] != NULL; k++)
		if (strncasecmp(t, byline_pre_name[k], strlen(byline_pre_name[k])) == 0) {
			if ((a = clean_byline(t)) != NULL && !names_like(a)) {
				free(a);
				a = NULL;
			}
			return a;
		}
	if ((a = kind_byline(t)) != NULL)
		return a;
	if ((b->flags & SC_HF_META) || find_date(t, n, d))
		for (k = 0; byline_labels[k] != NULL; k++)
			if ((l = strstr(t, byline_labels[k])) != NULL)
				return clean_byline(l + strlen(byline_labels[k]));
	return NULL;
}

/*
 * A byline the page shows by the article: a short block that starts with
 * "By", "Von", "Par", "Por", "Text:" ... (or is such a label alone,
 * followed by the name), or a dateline naming the author, just before
 * the article or in its first blocks; else one closing the article
 * ("Von Jane Doe" under the last paragraph, as German papers sign).
 */
static char *
shown_byline(const struct sc_html_page *pg, const unsigned char *keep)
{
	size_t first = 0, last, i, lo, hi;
	char *a;

	if (keep != NULL)
		for (first = 0; first < pg->nblocks && !keep[first]; first++)
			;
	if (first == pg->nblocks)
		first = 0;
	lo = first > 20 ? first - 20 : 0;
	hi = first + 8 < pg->nblocks ? first + 8 : pg->nblocks;
	for (i = lo; i < hi; i++) {
		/* "By subject", "By date": a menu's filters name nobody */
		if (pg->blocks[i].flags & SC_HF_NAV)
			continue;
		if ((a = block_byline(pg, i)) != NULL)
			return a;
	}
	if (keep == NULL)
		return NULL;
	for (last = pg->nblocks; last > first && !keep[last - 1]; last--)
		;
	if (last == 0)
		return NULL;
	lo = last > 3 ? last - 3 : 0;
	hi = last + 4 < pg->nblocks ? last + 4 : pg->nblocks;
	for (i = lo > hi ? hi : lo; i < hi; i++) {
		const struct sc_html_block *b = &pg->blocks[i];

		if (b->flags & (SC_HF_COMMENT | SC_HF_RELATED | SC_HF_NAV | SC_HF_ASIDE))
			continue;
		if ((a = block_byline(pg, i)) != NULL)
			return a;
	}
	return NULL;
}

/*
 * A byline the article's own text opens with: one of its first three
 * kept blocks ("Von Jane Doe" above the first paragraph, "Written by:
 * Jane Doe" as the post's first line), naming a person.  The page body
 * credits the writer where the CMS account or the site's name fills the
 * markup (a guest piece posted by an editor).
 */
static char *
body_byline(const struct sc_html_page *pg, const unsigned char *keep, const char *site,
    const char *url)
{
	size_t i, seen = 0;
	char *a;

	for (i = 0; keep != NULL && i < pg->nblocks && seen < 3; i++) {
		if (!keep[i] || pg->blocks[i].heading > 0)
			continue;
		seen++;
		if ((a = block_byline(pg, i)) == NULL)
			continue;
		if (person_like(a) && !names_site(a, site, url))
			return a;
		free(a);
		return NULL;
	}
	return NULL;
}

/* Whether s holds one of the names of "A; B" (a span around a link). */
static int
contains_any(const char *s, const char *list)
{
	const char *p = list, *e;
	int hit = 0;

	while (*p && !hit) {
		char *one;

		e = strstr(p, "; ");
		one = xmemdup(p, e ? (size_t)(e - p) : strlen(p));
		hit = casecontains(s, one);
		free(one);
		p = e ? e + 2 : p + strlen(p);
	}
	return hit;
}

/*
 * Co-authors: marks like the first one (mark i, name a) in the same
 * line ("By <a rel=author>A</a>, <a rel=author>B</a>") join it as
 * "A; B".  A mark holding one already taken (a span around the link)
 * adds nothing.
 */
static char *
coauthor_marks(const struct sc_html_page *pg, size_t i, char *a)
{
	const struct sc_html_marked *x = &pg->marks[i];
	struct sc_buf out = { 0 };
	size_t k;

	sc_buf_adds(&out, a);
	free(a);
	/* Only links and microdata say "author" of each name; a class name
	 * guess often wraps a role or a bio. */
	for (k = i + 1; x->weight == 2 && k < pg->nmarks && k < i + 16; k++) {
		const struct sc_html_marked *y = &pg->marks[k];
		char *c;

		/* A mark's block is the one its text starts in, or the next
		 * when the line already has text ("By A, B"). */
		if (y->kind != x->kind || y->weight != x->weight || y->block < x->block ||
		    y->block > x->block + 1)
			continue;
		if ((c = clean_byline(mark_str(pg, y))) == NULL)
			continue;
		if (!casecontains(out.p, c) && !contains_any(c, out.p)) {
			sc_buf_adds(&out, "; ");
			sc_buf_adds(&out, c);
		}
		free(c);
	}
	return out.p;
}

/*
 * The first element marked as the author (microdata, rel=author: weight
 * 2; a class named author or byline: weight 1) whose text is a name.
 * Comments name commenters, teaser lists other pieces' authors: marks
 * there count only with any set, after every other source (a blog's
 * "about me" box sits in the sidebar; a forum thread is all comments).
 */
/*
 * A link to the writer's page whose path spells the linked name
 * (<a href="/author/jane-doe/">Jane Doe</a>, as CMSs link bylines): a
 * person's name, by the article's start or under its end, in a short
 * block as a byline is (not a colleague a sentence links to), never in a
 * teaser, a sidebar, navigation, the footer, a comment, a caption (a
 * photographer's credit) or the masthead (the site's writers listed by
 * its logo); nor when such links name three people or more (a list of
 * posts, a page of the staff).  The last resort before the site's owner.
 */
static char *
author_link(const struct sc_html_page *pg, const unsigned char *keep, const char *site,
    const char *url)
{
	size_t i, first = 0, last = pg->nblocks;
	char *a, *seen[2] = { NULL, NULL };
	const char *raw[2] = { NULL, NULL };
	int n = 0;

	if (keep != NULL) {
		for (first = 0; first < pg->nblocks && !keep[first]; first++)
			;
		for (last = pg->nblocks; last > first && !keep[last - 1]; last--)
			;
		if (first == pg->nblocks)
			first = 0, last = pg->nblocks;
	}
	for (i = 0; i < pg->nmarks; i++) {
		const struct sc_html_marked *x = &pg->marks[i];
		size_t b = x->block;

		if (x->kind != SC_HM_AUTHOR_LINK || b >= pg->nblocks ||
		    (pg->blocks[b].flags & (SC_HF_RELATED | SC_HF_ASIDE | SC_HF_NAV |
		    SC_HF_FOOTER | SC_HF_COMMENT | SC_HF_CAPTION)) ||
		    masthead(pg->blocks[b].flags) || pg->blocks[b].chars > 100 ||
		    b + 20 < first || b > last + 4)
			continue;
		/* the same writer's link again */
		if ((n > 0 && strcmp(mark_str(pg, x), raw[0]) == 0) ||
		    (n > 1 && strcmp(mark_str(pg, x), raw[1]) == 0))
			continue;
		if ((a = clean_byline(mark_str(pg, x))) == NULL || !person_like(a) ||
		    names_site(a, site, url) || (n > 0 && strcmp(a, seen[0]) == 0) ||
		    (n > 1 && strcmp(a, seen[1]) == 0)) {
			free(a);
			continue;
		}
		if (n == 2) {
			free(a);
			free(seen[1]);
			free(seen[0]);
			return NULL;
		}
		raw[n] = mark_str(pg, x);
		seen[n++] = a;
	}
	free(seen[1]);
	return seen[0];
}

static char *
author_mark(const struct sc_html_page *pg, uint32_t weight, int any, const char *site)
{
	size_t i;

	for (i = 0; i < pg->nmarks; i++) {
		const struct sc_html_marked *x = &pg->marks[i];
		uint32_t f;
		char *a;

		if ((x->kind != SC_HM_AUTHOR && x->kind != SC_HM_AUTHOR_ATTR) ||
		    x->weight != weight || x->val_len == 0)
			continue;
		f = x->block < pg->nblocks ? pg->blocks[x->block].flags : 0;
		if (!any && (f & (SC_HF_RELATED | SC_HF_ASIDE | SC_HF_NAV | SC_HF_FOOTER |
		    SC_HF_COMMENT)))
			continue;
		/*
		 * A commenter is not the article's writer, wherever the page
		 * has the comment (a "recent comments" widget names readers),
		 * unless the page marks the comment as the post author's own
		 * (WordPress's "bypostauthor").
		 */
		if ((f & SC_HF_COMMENT) && !(f & SC_HF_BYAUTHOR))
			continue;
		if ((a = clean_byline(mark_str(pg, x))) != NULL) {
			/* "JF" on Junge Freiheit: the newsroom's sign, not a name (a
			 * blog named after its writer is the writer, though). */
			if (site == NULL || !initials_of(a, site))
				return coauthor_marks(pg, i, a);
			free(a);
		}
	}
	return NULL;
}

/*
 * A news agency's credit in the dateline that opens the article, when
 * no writer is named: "Hamburg (dpa/lno) - Trotz ...", "PARIS (AFP) -".
 * The place is one to three words, the credit a short token list without
 * digits, the dash follows.
 */
static char *
agency_credit(const struct sc_html_page *pg, const unsigned char *keep)
{
	size_t i, seen = 0, k, words;

	for (i = 0; keep != NULL && i < pg->nblocks && seen < 2; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		const char *t = pg->text.p + b->off, *o, *c;

		if (!keep[i] || b->kind == SC_HK_HEADING)
			continue;
		seen++;
		if (b->chars < 80 || (o = memchr(t, '(', b->len < 60 ? b->len : 60)) == NULL ||
		    o == t || o[-1] != ' ' || (c = strchr(o, ')')) == NULL || c - o < 3 ||
		    c - o > 26)
			continue;
		for (k = 0, words = 1; t + k < o - 1; k++)
			if (t[k] == ' ')
				words++;
		if (words > 3 || !(isupper((unsigned char)t[0]) || (unsigned char)t[0] >= 0x80))
			continue;
		for (k = 1; o + k < c; k++)
			if (isdigit((unsigned char)o[k]) || o[k] == ',')
				break;
		if (o + k < c)
			continue;
		k = (size_t)(c - t) + 1;
		while (k < b->len && t[k] == ' ')
			k++;
		if (k < b->len && (t[k] == '-' || strncmp(t + k, "\xE2\x80\x93", 3) == 0 ||
		    strncmp(t + k, "\xE2\x80\x94", 3) == 0))
			return clean_dup(o + 1, (size_t)(c - o) - 1);
	}
	return NULL;
}

/*
 * Whether the <title> ends with name after a separator ("Headline -
 * Site", "Headline | Site"): the site's name as the page states it.
 */
static int
title_tail(const char *ttl, const char *name)
{
	size_t tn, n = strlen(name);
	const char *t;
	unsigned char c;

	if (ttl == NULL || n < 2 || (tn = strlen(ttl)) < n + 3)
		return 0;
	while (tn > 0 && ttl[tn - 1] == ' ')
		tn--;
	if (tn < n + 3)
		return 0;
	t = ttl + tn - n;
	if (strncasecmp(t, name, n) != 0 || t[-1] != ' ')
		return 0;
	c = (unsigned char)t[-2];	/* "-", "|", ":", the ends of an en or em dash and "»" */
	return c == '-' || c == '|' || c == ':' || c == 0x93 || c == 0x94 || c == 0xBB;
}

/*
 * The letters of a name in lower case ("Dr. Jane Doe-Roe" -> "janedoeroe")
 * into k; 0 when it holds a letter outside ASCII (domains spell those
 * in too many ways to compare) or anything but letters, spaces, dots,
 * hyphens and apostrophes.
 */
static int
name_letters(const char *s, size_t n, struct sc_buf *k)
{
	size_t i;

	sc_buf_reset(k);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isalpha(c))
			sc_buf_addc(k, (char)tolower(c));
		else if (c != ' ' && c != '.' && c != '-' && c != '\'')
			return 0;
	}
	sc_buf_addc(k, '\0');
	return k->len > 1;
}

/*
 * Whether the host of url has a label whose letters are key: the
 * personal site "jane-doe.example" or the blog "janedoe.wordpress.com".
 * The top-level label and "www" never count.
 */
static int
host_spells(const char *url, const char *key)
{
	const char *h, *e, *d;
	size_t kn = strlen(key), i, j;

	if (url == NULL || (h = strstr(url, "//")) == NULL)
		return 0;
	h += 2;
	for (e = h; *e && *e != '/' && *e != ':' && *e != '?' && *e != '#'; e++)
		;
	for (; h < e; h = d + 1) {
		if ((d = memchr(h, '.', (size_t)(e - h))) == NULL)
			break;		/* the top-level label */
		if (d - h == 3 && strncasecmp(h, "www", 3) == 0)
			continue;
		for (i = 0, j = 0; h + i < d; i++) {
			unsigned char c = (unsigned char)h[i];

			if (c == '-')
				continue;
			if (j >= kn || tolower(c) != (unsigned char)key[j])
				break;
			j++;
		}
		if (h + i == d && j == kn)
			return 1;
	}
	return 0;
}

/* Whether url is on a blog host that gives each blog a subdomain. */
static int
blog_host(const char *url)
{
	static const char *const hosts[] = {
		".wordpress.com", ".blogspot.", ".substack.com", ".tumblr.com",
		".wixsite.com", ".weebly.com", ".ghost.io", ".typepad.com",
		".livejournal.com", ".over-blog.com", ".canalblog.com", ".jimdofree.com",
		".hatenablog.com", ".blog.fc2.com", NULL
	};
	const char *h, *e, *p;
	size_t k, n;

	if (url == NULL || (h = strstr(url, "//")) == NULL)
		return 0;
	h += 2;
	for (e = h; *e && *e != '/' && *e != ':' && *e != '?' && *e != '#'; e++)
		;
	for (k = 0; hosts[k] != NULL; k++)
		for (n = strlen(hosts[k]), p = h; p + n <= e; p++)
			if (strncasecmp(p, hosts[k], n) == 0)
				return 1;
	return 0;
}

/*
 * Whether name (a person's, by its capitals) has the letters of a label
 * of url's host; taken into *r when so.
 */
static int
owner_name(const char *q, size_t n, const char *url, struct sc_buf *key, char **r)
{
	char *name = xmemdup(q, n);

	if (person_like(name) && name_letters(name, strlen(name), key) && key->len > 6 &&
	    host_spells(url, key->p)) {
		*r = name;
		return 1;
	}
	free(name);
	return 0;
}

/*
 * The owner of a personal site, when nothing else names a writer: a
 * person's name the site goes by (its og:site_name, application name, a
 * part of <title>, or a short line of the page such as the header's site
 * title) that the host name spells out: "Dr. Jane Doe" on jane-doe.example,
 * "Jane Doe" under the header of janedoe.wordpress.com.  Blogs and
 * academics' home pages are written by the person they are named after;
 * the host must agree, and the name must be a person's: an academic title
 * says so ("Dr.", "Prof."), as does a blog host's subdomain; two
 * capitalised words on a site of its own are as often a brand
 * ("Biathlon Antholz" on biathlon-antholz.example).
 */
static char *
site_owner(const struct sc_html_page *pg, const char *site, const char *ttl,
    const char *url)
{
	static const char *const honorifics[] = {
		"dr. ", "prof. ", "dr ", "prof ", "mag. ", "dipl.-ing. ", "ing. ", NULL
	};
	struct sc_buf key = { 0 };
	const char *cand[3], *p, *e, *q, *w, *x;
	char *r = NULL;
	size_t i, k, nc = 0, sl = 0, wn, words;
	int blog, titled;

	if (url == NULL)
		return NULL;
	blog = blog_host(url);
	cand[nc++] = site;
	cand[nc++] = meta_get(pg, "application-name");
	cand[nc++] = ttl;
	for (i = 0; r == NULL && i < nc + pg->nblocks; i++) {
		char *one;

		if (i < nc) {
			if ((p = cand[i]) == NULL)
				continue;
			one = clean_strz(p);
		} else {
			const struct sc_html_block *b = &pg->blocks[i - nc];

			if (!blog || b->chars > 60 || (b->flags & (SC_HF_COMMENT | SC_HF_RELATED)))
				continue;
			one = clean_dup(pg->text.p + b->off, b->len);
		}
		/* each part of "Post - Jane Doe" */
		for (p = one; r == NULL && p != NULL && *p; p = e ? e + sl : NULL) {
			for (e = NULL, k = 0; title_seps[k] != NULL; k++)
				if ((q = strstr(p, title_seps[k])) != NULL && (e == NULL || q < e)) {
					e = q;
					sl = strlen(title_seps[k]);
				}
			x = e ? e : p + strlen(p);
			for (q = p, titled = 0, k = 0; honorifics[k] != NULL; k++)
				if ((size_t)(x - q) > strlen(honorifics[k]) &&
				    strncasecmp(q, honorifics[k], strlen(honorifics[k])) == 0) {
					q += strlen(honorifics[k]);
					titled = 1;
					k = (size_t)-1;		/* "Prof. Dr. " */
				}
			if (titled) {
				owner_name(q, (size_t)(x - q), url, &key, &r);
				continue;
			}
			if (!blog)
				continue;
			/* on a blog host, two to four words of a line
			 * ("Blog Title Jane Doe" in the header) */
			for (; r == NULL && q < x; ) {
				const char *s2 = q, *end = q;

				for (words = 0; words < 4 && (w = next_word(&s2, &wn)) != NULL &&
				    w + wn <= x; ) {
					end = w + wn;
					if (++words >= 2 && owner_name(q, (size_t)(end - q), url,
					    &key, &r))
						break;
				}
				s2 = q;
				if (next_word(&s2, &wn) == NULL)
					break;
				q = s2;
				while (q < x && *q == ' ')
					q++;
			}
		}
		free(one);
	}
	sc_buf_free(&key);
	return r;
}

/*
 * Authors stated apart ("A; B") that a block of the page lists in its own
 * words ("Von A und B", "A, B & C"): the page's form is taken, as its
 * readers see it.  Only separators may lie between the names.
 */
static void
shown_list(const struct sc_html_page *pg, char **authors)
{
	static const char *const seps[] = {
		", ", " und ", " and ", " & ", " et ", " y ", " e ", " sowie ", NULL
	};
	char *names[8];
	size_t n = 0, i, k;
	char *p = *authors, *e;

	while (n < 8) {
		e = strstr(p, "; ");
		names[n++] = xmemdup(p, e ? (size_t)(e - p) : strlen(p));
		if (e == NULL)
			break;
		p = e + 2;
	}
	for (i = 0; i < pg->nblocks && n >= 2; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		const char *t = pg->text.p + b->off, *start, *q;

		if (b->chars > 200 || (start = strstr(t, names[0])) == NULL)
			continue;
		for (q = start + strlen(names[0]), k = 1; k < n; k++) {
			size_t s2;

			for (s2 = 0; seps[s2] != NULL; s2++)
				if (strncmp(q, seps[s2], strlen(seps[s2])) == 0)
					break;
			if (seps[s2] == NULL)
				break;
			q += strlen(seps[s2]);
			if (strncmp(q, names[k], strlen(names[k])) != 0)
				break;
			q += strlen(names[k]);
		}
		if (k == n && (*q == '\0' || !isalnum((unsigned char)*q))) {
			free(*authors);
			*authors = xmemdup(start, (size_t)(q - start));
			break;
		}
	}
	for (k = 0; k < n; k++)
		free(names[k]);
}

static int
has_lower_ascii(const char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			return 1;
	return 0;
}

/*
 * Names the page writes with a degree or generation after a comma
 * ("Jane Doe, PhD" in the byline, "Jane Doe" in the meta tags of
 * scholarly and medical pages): the page's form is taken.
 */
static void
shown_suffix(const struct sc_html_page *pg, char **authors)
{
	struct sc_buf out = { 0 };
	const char *p = *authors, *e;
	size_t i, k;
	int changed = 0;

	for (k = 0; *p && k < 16; k++) {
		size_t n = (e = strstr(p, "; ")) != NULL ? (size_t)(e - p) : strlen(p);
		const char *hit = NULL, *t;
		size_t l = 0;

		for (i = 0; i < pg->nblocks && hit == NULL && n >= 4; i++) {
			const char *bt = pg->text.p + pg->blocks[i].off;
			const char *be = bt + pg->blocks[i].len;

			if (pg->blocks[i].chars >= 2000)
				continue;
			for (t = bt; hit == NULL && (t = memmem(t, (size_t)(be - t), p, n)) != NULL;
			    t += n) {
				const char *a = t + n;

				if (a + 2 < be && a[0] == ',' && a[1] == ' ' &&
				    (t == bt || !isalnum((unsigned char)t[-1])) &&
				    (l = suffix_at(a + 2)) > 0 && a + 2 + l <= be)
					hit = a + 2;
			}
		}
		if (out.len > 0)
			sc_buf_adds(&out, "; ");
		sc_buf_add(&out, p, n);
		if (hit != NULL && !(n > l + 2 && strncmp(p + n - l, hit, l) == 0)) {
			sc_buf_adds(&out, ", ");
			sc_buf_add(&out, hit, l);
			changed = 1;
		}
		p = e ? e + 2 : p + n;
	}
	if (changed && *p == '\0') {
		free(*authors);
		*authors = out.p;
	} else {
		sc_buf_free(&out);
	}
}

/*
 * Names the page shows in capitals (its style sheet sets text-transform
 * on the byline; the parser put such marks in capitals): each name of
 * "A; B" that a capitalised author mark spells, case aside, is written
 * as shown.
 */
static void
shown_capitals(const struct sc_html_page *pg, char **authors)
{
	struct sc_buf out = { 0 };
	const char *p = *authors, *e;
	char **caps = NULL;	/* capitalised author marks, cleaned once each, as needed */
	size_t i, k, ncaps = 0, next = 0;
	int changed = 0;

	for (k = 0; *p; k++) {
		char *one;

		e = strstr(p, "; ");
		one = xmemdup(p, e ? (size_t)(e - p) : strlen(p));
		for (i = 0; k < 16; i++) {
			if (i == ncaps) {
				char *c = NULL, *q;

				/* clean the next capitalised mark (a page may have thousands) */
				for (; next < pg->nmarks && c == NULL; next++) {
					const struct sc_html_marked *x = &pg->marks[next];

					if (x->kind != SC_HM_AUTHOR || x->val_len == 0 ||
					    has_lower_ascii(mark_str(pg, x)) ||
					    (c = clean_byline(mark_str(pg, x))) == NULL)
						continue;
					for (q = c; *q && !(*q >= 'a' && *q <= 'z'); q++)
						;
					if (*q != '\0') {
						free(c);
						c = NULL;
					}
				}
				if (c == NULL)
					break;
				caps = xreallocarray(caps, ncaps + 1, sizeof *caps);
				caps[ncaps++] = c;
			}
			if (strcasecmp(caps[i], one) == 0 && strcmp(caps[i], one) != 0) {
				free(one);
				one = xstrdup(caps[i]);
				changed = 1;
				break;
			}
		}
		if (out.len > 0)
			sc_buf_adds(&out, "; ");
		sc_buf_adds(&out, one);
		free(one);
		p = e ? e + 2 : p + strlen(p);
	}
	for (i = 0; i < ncaps; i++)
		free(caps[i]);
	free(caps);
	if (changed) {
		free(*authors);
		*authors = out.p;
	} else {
		sc_buf_free(&out);
	}
}

/* Each of "A; B" through the byline cleaner; NULL when none is a name. */
static char *
clean_authors(const char *list)
{
	struct sc_buf out = { 0 };
	const char *p = list, *e;

	while (*p) {
		char *one, *c;

		e = strstr(p, "; ");
		one = xmemdup(p, e ? (size_t)(e - p) : strlen(p));
		if ((c = clean_byline(one)) != NULL) {
			/* a name listed twice (two Person objects, the
			 * author and the creator) is one writer */
			if (out.len == 0 || !in_list(out.p, c)) {
				if (out.len > 0)
					sc_buf_adds(&out, "; ");
				sc_buf_adds(&out, c);
			}
			free(c);
		}
		free(one);
		p = e ? e + 2 : p + strlen(p);
	}
	return out.p;
}

/* Whether a ("JF", "FAZ") is the initials of the words of site ("Junge Freiheit"). */
static int
initials_of(const char *a, const char *site)
{
	size_t n = strlen(a), k = 0;
	const char *p = site;

	if (n < 2 || n > 5)
		return 0;
	while (*p) {
		while (*p == ' ' || *p == '-')
			p++;
		if (*p == '\0')
			break;
		if (k >= n || toupper((unsigned char)*p) != (unsigned char)a[k] ||
		    !isupper((unsigned char)a[k]))
			return 0;
		k++;
		while (*p && *p != ' ' && *p != '-')
			p++;
	}
	return k == n;
}

/* Whether an "author" names the site: its name, or a domain. */
static int
names_site(const char *a, const char *site, const char *url)
{
	const char *dot = strchr(a, '.');

	if (site != NULL && (strcasecmp(a, site) == 0 || casecontains(site, a) ||
	    initials_of(a, site)))
		return 1;
	if (dot != NULL && strchr(a, ' ') == NULL && dot[1] != '\0' && dot[1] != ' ')
		return 1;	/* "jungefreiheit.de" */
	if (url != NULL && strlen(a) >= 4 && strchr(a, ' ') == NULL) {
		/* "Solarserver" on solarserver.de */
		const char *h = strstr(url, "//");
		size_t k, al = strlen(a);

		h = h ? h + 2 : url;
		for (k = 0; h[k] && h[k] != '/'; k++)
			if (strncasecmp(h + k, a, al) == 0)
				return 1;
	}
	return 0;
}

/*
 * Whether s names a web address among other words: "Web Agency GmbH
 * www.agency.example" is the firm that built the site, which fills the
 * author meta tag of every page it made.
 */
static int
has_web_address(const char *s)
{
	const char *p = s, *w, *dot;
	size_t wn;

	while ((w = next_word(&p, &wn)) != NULL) {
		if (wn > 4 && strncasecmp(w, "www.", 4) == 0)
			return 1;
		/* "agency.de": lower-case letters, a dot, two to four letters */
		dot = memchr(w, '.', wn);
		if (dot != NULL && dot > w && p - dot >= 3 && p - dot <= 5 && w != s) {
			const char *q;

			for (q = w; q < p; q++)
				if (!(islower((unsigned char)*q) || isdigit((unsigned char)*q) ||
				    *q == '-' || *q == '.'))
					break;
			if (q == p)
				return 1;
		}
	}
	return 0;
}

/* Whether "A; B; C" holds the name a. */
static int
in_list(const char *list, const char *a)
{
	size_t n = strlen(a);
	const char *p;

	for (p = list; (p = strstr(p, a)) != NULL; p += n)
		if ((p == list || (p >= list + 2 && p[-2] == ';')) && (p[n] == '\0' || p[n] == ';'))
			return 1;
	return 0;
}

/*
 * The authors a meta tag names: every tag of that name counts (scholarly
 * pages repeat dc.creator and citation_author once per author), joined
 * with "; ".  Links, handles and the site's own name are no author.
 */
/*
 * "Doe, Jane" as citation tags write a name (Highwire's and bepress's
 * citation_author, surname first) -> "Jane Doe"; NULL when s is not one
 * name written so ("Jane Doe, PhD", "Doe, Jane, Roe, John").
 */
static char *
surname_first(const char *s)
{
	const char *c = strchr(s, ','), *g;
	struct sc_buf out = { 0 };

	if (c == NULL || c == s || c[1] != ' ' || strchr(c + 1, ',') != NULL ||
	    strchr(s, ';') != NULL)
		return NULL;
	g = c + 2;
	/* the surname: capitalised, or opened by a particle ("van der Doe") */
	if (!isupper((unsigned char)*g) || suffix_at(g) > 0 || (!isupper((unsigned char)*s) &&
	    !word_in(s, strcspn(s, " "), name_links)) || c - s > 40)
		return NULL;
	sc_buf_adds(&out, g);
	sc_buf_addc(&out, ' ');
	sc_buf_add(&out, s, (size_t)(c - s));
	return out.p;
}

static char *
meta_authors(const struct sc_html_page *pg, const char *key, const char *site,
    const char *url)
{
	struct sc_buf out = { 0 };
	size_t i;

	for (i = 0; i < pg->nmetas; i++) {
		const struct sc_html_metatag *t = &pg->metas[i];
		const char *s = pg->attrs.p + t->val_off;
		char *a, *f;

		if (t->val_len == 0 || strcmp(pg->attrs.p + t->key_off, key) != 0 ||
		    strncmp(s, "http", 4) == 0 || s[0] == '@' || names_site(s, site, url) ||
		    has_web_address(s))
			continue;
		if (strstr(key, "citation_author") != NULL && (f = surname_first(s)) != NULL) {
			a = clean_byline(f);
			free(f);
		} else {
			a = clean_byline(s);
		}
		if (a == NULL)
			continue;
		if (out.len == 0 || !in_list(out.p, a)) {
			if (out.len > 0)
				sc_buf_adds(&out, "; ");
			sc_buf_adds(&out, a);
		}
		free(a);
	}
	return out.p;
}

/*
 * Whether some name of "A; B" is written in a block of the page, as
 * written (a byline shows the name as the markup spells it) or, with
 * icase, in any case (a name the style sheet capitalised).
 */
static int
list_shown(const struct sc_html_page *pg, const char *list, int icase)
{
	const char *p = list, *e;
	size_t i, k;

	for (k = 0; *p && k < 16; k++) {
		char *one;
		int hit = 0;

		e = strstr(p, "; ");
		one = xmemdup(p, e ? (size_t)(e - p) : strlen(p));
		for (i = 0; i < pg->nblocks && !hit; i++)
			hit = pg->blocks[i].chars < 2000 && (icase ?
			    casecontains(pg->text.p + pg->blocks[i].off, one) :
			    strstr(pg->text.p + pg->blocks[i].off, one) != NULL);
		free(one);
		if (hit)
			return 1;
		p = e ? e + 2 : p + strlen(p);
	}
	return 0;
}

/*
 * The name a labelled meta pair gives: twitter:label1 "Written by" with
 * twitter:data1 "Jane Doe" (what WordPress SEO plugins write for link
 * previews), in the languages the labels come in.
 */
static char *
labelled_author(const struct sc_html_page *pg, const char *site, const char *url)
{
	static const char *const labels[] = {
		"written by", "verfasst von", "geschrieben von", "autor", "autorin",
		"author", "escrito por", "écrit par", "scritto da", "auteur", "door",
		"napisane przez", "by",
		/* the labels in other languages; strncasecmp() folds ASCII
		 * only, so a capital outside it is listed as written */
		"\xC3\x89" "crit par", "geschreven door", "skriven av", "skrevet af",
		"skrevet av", "kirjoittanut", "napsal", "ditulis oleh", "scris de",
		"\xC3\xADrta", "\xC3\x8Drta", "yazan", "yazar", "escrit per",
		"\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80",
		"\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80", NULL
	};
	size_t i;
	char *r;

	for (i = 0; i < pg->nmetas; i++) {
		const char *k = pg->attrs.p + pg->metas[i].key_off;
		const char *v = pg->attrs.p + pg->metas[i].val_off, *d;
		char key[32];

		if (strncmp(k, "twitter:label", 13) != 0 || strlen(k + 13) > 2 ||
		    !word_in(v, strlen(v), labels))
			continue;
		memcpy(key, "twitter:data", 12);
		memcpy(key + 12, k + 13, strlen(k + 13) + 1);
		/* a label without a usable value: another label may still have one */
		if ((d = meta_get(pg, key)) == NULL || strncmp(d, "http", 4) == 0 ||
		    d[0] == '@' || names_site(d, site, url))
			continue;
		if ((r = clean_byline(d)) != NULL)
			return r;
	}
	return NULL;
}

/*
 * A field of Parse.ly's JSON meta tag (parsely-page, parsely-metadata):
 * {"title": ..., "pub_date": ..., "author": ..., "authors": [...]}.  For
 * authors, the names joined with "; "; for a date, "YYYY-MM-DD".
 */
static char *
parsely_field(const struct sc_html_page *pg, const char *field, const char *site,
    const char *url)
{
	static const char *const keys[] = { "parsely-page", "parsely-metadata", NULL };
	struct jdoc pj;
	struct sc_buf b = { 0 };
	char *r = NULL, d[11];
	const char *v;
	size_t k;
	int c;

	for (k = 0; keys[k] != NULL && r == NULL; k++) {
		if ((v = meta_get(pg, keys[k])) == NULL || strchr(v, '{') == NULL)
			continue;
		memset(&pj, 0, sizeof pj);
		json_parse(v, strlen(v), &pj);
		if (pj.n > 1 && (c = jget(&pj, pj.v[0].first, field)) >= 0) {
			if (strstr(field, "date") != NULL) {
				if (find_date_str(jtext(&pj, c), d))
					r = xstrdup(d);
			} else {
				jauthors(&pj, c, &b, 0, 0);
				if (b.len > 0 && !names_site(b.p, site, url))
					r = clean_authors(b.p);
				sc_buf_reset(&b);
			}
		}
		free(pj.v);
		sc_buf_free(&pj.pool);
	}
	sc_buf_free(&b);
	return r;
}

/* Whether two titles share most of the shorter one's words. */
static int
titles_agree(const char *a, const char *b)
{
	const char *p;
	size_t words = 0, hits = 0;

	if (a == NULL || b == NULL)
		return 0;
	/* One inside the other, when it is not a mere fragment ("Blog" in
	 * "Headline - Blog"). */
	if ((casecontains(a, b) && strlen(b) * 5 >= strlen(a) * 2) ||
	    (casecontains(b, a) && strlen(a) * 5 >= strlen(b) * 2))
		return 1;
	for (p = a; *p;) {
		char w[64];
		size_t k = 0;

		while (*p == ' ')
			p++;
		while (*p && *p != ' ' && k < sizeof(w) - 1)
			w[k++] = *p++;
		while (*p && *p != ' ')
			p++;
		w[k] = '\0';
		if (k < 3)
			continue;
		words++;
		hits += casecontains(b, w);
	}
	return words >= 2 && hits * 3 >= words * 2;
}

/* Whether a and b are the same text but for where spaces fall. */
static int
same_but_spaces(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

static char *
shown_headline(const struct sc_html_page *pg, const unsigned char *keep,
    const char *ogt, const char *ttl, const char *site, size_t *at)
{
	size_t first, i, lo, hi, bi = SIZE_MAX, k;
	double bs = -1e9;
	char *og = NULL, *r, *sog, *sttl;

	if (keep == NULL)
		return NULL;
	for (first = 0; first < pg->nblocks && !keep[first]; first++)
		;
	if (first == pg->nblocks)
		first = 0;
	/*
	 * Headings (h1..h3) from 60 blocks before the article to 5 into it:
	 * one the page's own titles confirm wins, an h1 beats an h2, nearer
	 * beats farther.  An unconfirmed h2 or h3 is no headline.
	 */
	lo = first > 60 ? first - 60 : 0;
	/* Up to 5 blocks into the text: its first paragraph, when the
	 * selection kept a few short lines (a form's labels) before it. */
	for (hi = first; hi < pg->nblocks && hi < first + 40 &&
	    !(keep[hi] && pg->blocks[hi].words >= 15); hi++)
		;
	if (hi == pg->nblocks || hi == first + 40)
		hi = first;
	hi = hi + 5 < pg->nblocks ? hi + 5 : pg->nblocks;
	sog = ogt != NULL ? strip_site(ogt, site) : NULL;
	sttl = ttl != NULL ? strip_site(ttl, site) : NULL;
	for (i = lo; i < hi; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		const char *t = pg->text.p + b->off;
		int ok;
		double sc;

		if (b->heading < 1 || b->heading > 3 || b->chars < 4 || b->chars > 300)
			continue;
		if (site != NULL && strcasecmp(t, site) == 0)
			continue;
		ok = titles_agree(t, ogt) || titles_agree(t, ttl);
		if (!ok && b->heading > 1)
			continue;
		sc = (ok ? 10 : 0) + (b->heading == 1 ? 3 : b->heading == 2 ? 1 : 0) -
		    0.05 * (double)(i > first ? i - first : first - i);
		/* The whole title, not a part of it ("Bhindi masala" in the
		 * text under an h1 "Bhindi masala (okra stir fry)"), even in
		 * an h2 under an h1 that names the section ("Betriebliche
		 * Altersvorsorge", which the <title> also opens with). */
		if (ok && ((sog != NULL && strcasecmp(t, sog) == 0) ||
		    (sttl != NULL && strcasecmp(t, sttl) == 0)))
			sc += 2.5;
		if (sc > bs) {
			bs = sc;
			bi = i;
		}
	}
	free(sog);
	free(sttl);
	if (bs < 10) {
		/* None confirmed nearby: a confirmed heading farther away (an
		 * overlay or notice with its own h1 can come first). */
		i = ogt != NULL ? heading_of(pg, ogt, SIZE_MAX, 1) : SIZE_MAX;
		if (i == SIZE_MAX && ttl != NULL)
			i = heading_of(pg, ttl, SIZE_MAX, 1);
		for (k = 0; i == SIZE_MAX && k < 2; k++) {
			/* The same, the site's name cut off those titles
			 * ("Headline von user | Site"): the name weighs on the
			 * lengths compared. */
			const char *t = k == 0 ? ogt : ttl;

			if (t != NULL && (og = strip_site(t, site)) != NULL &&
			    strcmp(og, t) != 0)
				i = heading_of(pg, og, SIZE_MAX, 1);
			free(og);
			og = NULL;
		}
		if (i != SIZE_MAX)
			bi = i;
	}
	if (bi == SIZE_MAX && first + 1 < pg->nblocks && pg->blocks[first].heading == 2 &&
	    keep[first] && keep[first + 1] && pg->blocks[first + 1].words >= 15 &&
	    pg->blocks[first].chars >= 4 && pg->blocks[first].chars <= 300) {
		/* A page with no h1 whose text opens with an h2 over its
		 * first paragraph: that h2 is the headline, though the
		 * page's titles name only the site or a section. */
		for (i = 0; i < pg->nblocks && pg->blocks[i].heading != 1; i++)
			;
		if (i == pg->nblocks)
			bi = first;
	}
	if (bi == SIZE_MAX)
		return NULL;
	*at = bi;
	r = clean_dup(pg->text.p + pg->blocks[bi].off, pg->blocks[bi].len);
	/* A kicker before the headline in the same h1 ("Immobilienkrise Rene
	 * Benko-Firma ..."): the page's own title names the headline alone. */
	if (r != NULL && ogt != NULL && (og = strip_site(ogt, site)) != NULL &&
	    strlen(og) >= 15 && strlen(og) < strlen(r) && casecontains(r, og) &&
	    strncasecmp(r, og, strlen(og)) != 0) {
		free(r);
		return og;
	}
	free(og);
	/* "Abrechnung : Musik-Stars" from "<span>Abrechnung</span> <span>:
	 * </span>": the markup's white space; the page's own title, the same
	 * but for spaces, spells the headline as written. */
	for (i = 0; r != NULL && i < 2; i++) {
		const char *t = i == 0 ? ogt : ttl;

		if (t == NULL)
			continue;
		og = strip_site(t, site);
		if (og != NULL && strcmp(og, r) != 0 && same_but_spaces(og, r)) {
			free(r);
			return og;
		}
		free(og);
	}
	return r;
}

/* "23.01.2022 - Headline": a date in front is no part of the title. */
static void
strip_date_prefix(char *t)
{
	char d[11];
	size_t k = 0;

	if (t == NULL || !isdigit((unsigned char)t[0]))
		return;
	while (t[k] && (isdigit((unsigned char)t[k]) || t[k] == '.' || t[k] == '/'))
		k++;
	if (!find_date(t, k, d))
		return;
	while (t[k] == ' ' || t[k] == '-' || t[k] == '|' || t[k] == ':' ||
	    (unsigned char)t[k] == 0xE2)
		k += (unsigned char)t[k] == 0xE2 ? 3 : 1;
	if (t[k] != '\0')
		memmove(t, t + k, strlen(t + k) + 1);
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (Howard Hinnant's civil calendar). */
static long
day_number(const char *d)
{
	long y = atol(d), m = atol(d + 5), dd = atol(d + 8), era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/*
 * Whether a timestamp is stated in UTC: ISO ("...T05:30:59Z", "+00:00")
 * or written out with its zone ("Tue Nov 19 2019 03:05:46 GMT+0000",
 * "19 Nov 2019 03:05 UTC").
 */
static int
is_utc(const char *s)
{
	static const char *const zones[] = {
		" GMT+0000", " GMT+00:00", " UTC+0000", " UTC+00:00", " GMT", " UTC",
		" +0000", " +00:00", NULL
	};
	const char *t, *c;
	size_t n, k, l;

	if (s == NULL)
		return 0;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if ((t = strchr(s, 'T')) != NULL && isdigit((unsigned char)t[1])) {
		n -= (size_t)(t - s);
		return (n > 0 && t[n - 1] == 'Z') || (n >= 6 && (strncmp(t + n - 6, "+00:00", 6) == 0 ||
		    strncmp(t + n - 6, "-00:00", 6) == 0)) ||
		    (n >= 5 && strncmp(t + n - 5, "+0000", 5) == 0);
	}
	/* a clock time (digits either side of a colon) before the zone */
	for (c = strchr(s, ':'); c != NULL; c = strchr(c + 1, ':'))
		if (c > s && isdigit((unsigned char)c[-1]) && isdigit((unsigned char)c[1]))
			break;
	if (c == NULL)
		return 0;
	for (k = 0; zones[k] != NULL; k++)
		if ((l = strlen(zones[k])) < n && s + n - l > c &&
		    strncmp(s + n - l, zones[k], l) == 0)
			return 1;
	return 0;
}

/* "2021-01-11" and "2021-11-01": the shown date read the wrong way round. */
static int
swapped(const char *a, const char *b)
{
	return strcmp(a, b) != 0 && strncmp(a, b, 4) == 0 && strncmp(a + 5, b + 8, 2) == 0 &&
	    strncmp(a + 8, b + 5, 2) == 0;
}

/*
 * Whether block b is a teaser: an item of a list whose text is mostly a
 * link (another story's headline and its <time>), not a meta line.
 */
static int
teaser_block(const struct sc_html_block *b)
{
	return (b->flags & SC_HF_LIST) && !(b->flags & SC_HF_META) &&
	    b->link_chars * 2 >= b->chars;
}

/*
 * The first <time datetime> outside comments, sidebars, teaser boxes,
 * navigation, the footer, quotes and the masthead (a header outside the
 * article, unless the headline is in it too): one marked as the publication
 * first, then unmarked ones, then one marked as an update's; a <time> in
 * an item of a list of links (other stories) only when no other dates
 * the page.
 */
static char *
time_mark(const struct sc_html_page *pg, size_t anchor)
{
	uint32_t bad = SC_HF_COMMENT | SC_HF_RELATED | SC_HF_ASIDE | SC_HF_NAV | SC_HF_FOOTER |
	    SC_HF_QUOTE;
	size_t i;
	char *d;
	int pass;

	for (pass = 0; pass < 6; pass++) {
		for (i = 0; i < pg->nmarks; i++) {
			const struct sc_html_marked *x = &pg->marks[i];
			int in = x->block < pg->nblocks;

			if (x->kind != SC_HM_TIME || x->weight != 3 - (uint32_t)(pass % 3) ||
			    (in && (pg->blocks[x->block].flags & bad)) ||
			    (in && masthead(pg->blocks[x->block].flags) && anchor < pg->nblocks &&
			    !masthead(pg->blocks[anchor].flags)) ||
			    (in && teaser_block(&pg->blocks[x->block])) != (pass >= 3))
				continue;
			if ((d = date_from(mark_str(pg, x))) != NULL)
				return d;
		}
	}
	return NULL;
}

/*
 * Whether the page notes that the piece first ran earlier ("This article
 * was originally published in April 2017", "initialement publié le ...",
 * "erstmals veröffentlicht am ..."), giving the year of the stated date
 * within the next 60 bytes: the date shown by the headline is then a
 * republication's or an update's, and the stated one is the piece's own.
 * Outside comments and teasers.
 */
static int
first_ran(const struct sc_html_page *pg, const char *stated)
{
	static const char *const notes[] = {
		"originally published", "first published", "originally posted",
		"initialement publi", "publi\xC3\xA9 initialement", "publi\xC3\xA9 pour la premi",
		"urspr\xC3\xBCnglich ver\xC3\xB6", "erstmals ver\xC3\xB6", "zuerst ver\xC3\xB6",
		"erstver\xC3\xB6""ffentlich", "publicado originalmente", "originalmente publicado",
		"publicado inicialmente", "publicado por primera vez", "originariamente pubblicato",
		"pubblicato originariamente", "pubblicato per la prima volta",
		"oorspronkelijk gepubliceerd", "eerder gepubliceerd", NULL
	};
	size_t i, k, l, o;

	for (i = 0; i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		const char *t = pg->text.p + b->off;

		if (b->flags & (SC_HF_COMMENT | SC_HF_RELATED | SC_HF_NAV))
			continue;
		for (k = 0; notes[k] != NULL; k++) {
			l = strlen(notes[k]);
			for (o = 0; o + l <= b->len; o++) {
				size_t e, y;

				if (strncasecmp(t + o, notes[k], l) != 0)
					continue;
				e = o + l + 60 < b->len ? o + l + 60 : b->len;
				for (y = o + l; y + 4 <= e; y++)
					if (memcmp(t + y, stated, 4) == 0 &&
					    !isdigit((unsigned char)t[y - 1]) &&
					    (y + 4 == b->len || !isdigit((unsigned char)t[y + 4])))
						return 1;
			}
		}
	}
	return 0;
}

/*
 * The publication day.  Each source gives a candidate: the dates shown
 * by the headline (what readers see, in the page's own time zone), the
 * published date of JSON-LD, the meta tags and microdata (never a
 * modified one), <time datetime>, hAtom's title attributes, the URL,
 * then dates written in the page.  A shown date wins, the one agreeing
 * with the stated date first (annotators, like readers, take the date
 * the page shows, even an update's), unless it is the stated date read
 * the wrong way round (01/11 as 1 November against a stated 11 January).
 * A date in <title> a day off the stated one is the local day, as is
 * a <time> a day off a published date stated in UTC.
 * The day in the page's own time zone is the one readers see.
 */
static char *
pick_date(const struct sc_html_page *pg, const unsigned char *keep, const struct jdoc *j,
    int art, int page, size_t anchor, const char *url, const char *title)
{
	static const char *const keys[] = {
		"article:published_time", "og:published_time", "datepublished",
		"publishdate", "pubdate", "publish-date", "published_time",
		"dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
		"parsely-pub-date", "sailthru.date", "article.published",
		"og:article:published_time", "cxenseparse:recs:publishtime",
		"article_date_original", "originalpublicationdate", "dc.date.created",
		/* journals (Highwire/Google Scholar, PRISM), other CMSs */
		"citation_publication_date", "citation_online_date", "citation_date",
		"prism.publicationdate", "dcterms.issued", "dc.created", "date_published",
		"publication_date", "publish_date", "pub_date", "article.created",
		"og:pubdate", "rnews:datepublished", "shareaholic:article_published_time",
		/* Dublin Core written as RDFa properties ("dc:date.created") */
		"dc:date.issued", "dc:date", "dcterms:date", "dcterms:created",
		"dcterms:issued", "dc:date.created", "dc:created",
		/* the rest of htmldate's list: analytics tags (WebTrends,
		 * Mediator, Twitter), Dublin Core's publication date, CMSs' own */
		"dc.date.publication", "dcsext.articlefirstpublished",
		"mediator_published_time", "twt-published-at", "vr:published_time",
		"published-date", "release_date", "displaydate", "doc_date", "rbpubdate",
		"pdate", "ptime",
		/* Open Graph and article:* variants other CMSs write, Cxense's
		 * and VRT's publication stamps, bepress Digital Commons (the
		 * institutional repositories' citation_* twin) */
		"article:published", "article:published_date", "article:post_date",
		"article:publicationdate", "og:article:published", "og:datepublished",
		"og:publish_date", "og:question:published_time", "bt:pubdate",
		"cxenseparse:publishtime", "vr:published-time", "date_created",
		"content_create_date", "dateposted", "video:release_date",
		"bepress_citation_publication_date", "bepress_citation_date",
		"bepress_citation_online_date",
		/* microdata's dateCreated in a meta tag, and htmldate's last
		 * generic names */
		"datecreated", "created", "gentime", "timestamp",
		NULL
	};
	static const char *const question_types[] = { "Question", NULL };
	char near[NEAR_MAX][11], *stated = NULL, *local = NULL, d[11];
	const char *raw = NULL;
	size_t i, nnear, at[NEAR_MAX];
	int q;
	uint32_t w;

	nnear = shown_dates_near(pg, anchor, near, at);
	if (art >= 0)
		stated = date_from(raw = jtext(j, jget(j, art, "datePublished")));
	for (i = 0; keys[i] != NULL && stated == NULL; i++)
		stated = date_from(raw = meta_get(pg, keys[i]));
	/* Microdata: not another story's (a teaser box, a sidebar) nor a
	 * reader's comment, which carry their own datePublished. */
	for (i = 0; i < pg->nmarks && stated == NULL; i++)
		if (pg->marks[i].kind == SC_HM_DATE_ATTR && pg->marks[i].weight == 2 &&
		    !(pg->marks[i].block < pg->nblocks &&
		    (pg->blocks[pg->marks[i].block].flags & (SC_HF_COMMENT | SC_HF_RELATED |
		    SC_HF_ASIDE | SC_HF_NAV))))
			stated = date_from(raw = mark_str(pg, &pg->marks[i]));
	if (stated == NULL)
		stated = parsely_field(pg, "pub_date", NULL, NULL);
	if (stated != NULL && nnear > 0) {
		/* The shown date that agrees with the stated one, if any. */
		for (i = 0; i < nnear; i++)
			if (labs(day_number(near[i]) - day_number(stated)) <= 1) {
				free(stated);
				return xstrdup(near[i]);
			}
		/* Or one further on in a dateline that shows two. */
		for (i = 0; i < nnear; i++)
			if (block_shows(pg, at[i], stated, d)) {
				free(stated);
				return xstrdup(d);
			}
		if (!swapped(near[0], stated) && !first_ran(pg, stated)) {
			free(stated);
			return xstrdup(near[0]);
		}
	} else if (nnear > 0) {
		return xstrdup(near[0]);
	}
	if (stated != NULL && (local = date_from(mark_str(pg, mark_get(pg, SC_HM_TITLE)))) != NULL) {
		/* The <title> shows the day too (news sites write "Headline -
		 * 11/05/2022 - Site"): a day off, it is the local day. */
		if (labs(day_number(local) - day_number(stated)) == 1) {
			free(stated);
			return local;
		}
		free(local);
		local = NULL;
	}
	if (stated != NULL && is_utc(raw)) {
		/* A UTC stamp: a <time> a day off is the local day. */
		for (i = 0; i < pg->nmarks && local == NULL; i++)
			if (pg->marks[i].kind == SC_HM_TIME &&
			    !is_utc(mark_str(pg, &pg->marks[i])))
				local = date_from(mark_str(pg, &pg->marks[i]));
		if (local != NULL && labs(day_number(local) - day_number(stated)) == 1) {
			free(stated);
			stated = local;
			local = NULL;
		} else if (local == NULL && (url_date(url, d) ||
		    url_date(meta_get(pg, "og:url"), d)) &&
		    labs(day_number(d) - day_number(stated)) == 1) {
			/* No <time>: the day in the URL, a day off, is the
			 * local day the CMS filed the piece under
			 * ("/2019/11/18/" for 02:34 UTC on the 19th, written
			 * on an evening in America). */
			free(stated);
			stated = xstrdup(d);
		}
		free(local);
	}
	if (stated != NULL)
		return stated;
	if (art >= 0 && (stated = date_from(jtext(j, jget(j, art, "dateCreated")))) != NULL)
		return stated;
	if (page >= 0 && (stated = date_from(jtext(j, jget(j, page, "datePublished")))) != NULL)
		return stated;
	/* A video's page: the day it went up. */
	if (page >= 0 && (stated = date_from(jtext(j, jget(j, page, "uploadDate")))) != NULL)
		return stated;
	if (page >= 0 && (q = jget(j, page, "mainEntity")) >= 0 && j->v[q].type == J_OBJ &&
	    jtype_is(j, q, question_types)) {
		/* A question-and-answer page (QAPage): the day the question
		 * was asked, not its answers' days. */
		if ((stated = date_from(jtext(j, jget(j, q, "datePublished")))) != NULL ||
		    (stated = date_from(jtext(j, jget(j, q, "dateCreated")))) != NULL)
			return stated;
	}
	if ((stated = time_mark(pg, anchor)) != NULL)
		return stated;
	/* hAtom's published (and data attributes), then its updated */
	for (w = 2; w-- > 0;)
		for (i = 0; i < pg->nmarks; i++)
			if (pg->marks[i].kind == SC_HM_DATE_ATTR && pg->marks[i].weight == w &&
			    (stated = date_from(mark_str(pg, &pg->marks[i]))) != NULL)
				return stated;
	if (url_date(url, d) || url_date(meta_get(pg, "og:url"), d))
		return xstrdup(d);
	for (i = 0; i < pg->nmarks; i++)
		if (pg->marks[i].kind == SC_HM_DATE_TEXT && pg->marks[i].weight == 2 &&
		    (stated = date_from(mark_str(pg, &pg->marks[i]))) != NULL)
			return stated;
	for (i = 0; i < pg->nmarks; i++) {
		const struct sc_html_marked *x = &pg->marks[i];

		/* and the text of a <time> without datetime, as htmldate
		 * reads it, unless it sits in a teaser's list item */
		if ((x->kind == SC_HM_DATE_TEXT || (x->kind == SC_HM_TIME_TEXT &&
		    x->block < pg->nblocks && !teaser_block(&pg->blocks[x->block]))) &&
		    x->weight == 1 && x->block < pg->nblocks &&
		    !(pg->blocks[x->block].flags & (SC_HF_NAV | SC_HF_ASIDE | SC_HF_RELATED |
		    SC_HF_COMMENT | SC_HF_FOOTER | SC_HF_QUOTE)) &&
		    !masthead(pg->blocks[x->block].flags) &&
		    (stated = date_from(mark_str(pg, x))) != NULL)
			return stated;
	}
	if ((stated = shown_date(pg, keep, anchor, title)) != NULL)
		return stated;
	/* The <title> of a blog's post page ("Letters - 26 October 2010 -
	 * Blog"), when nothing by the article shows the day. */
	if ((stated = date_from(mark_str(pg, mark_get(pg, SC_HM_TITLE)))) != NULL)
		return stated;
	/* Last, the state a script-built page ships (its product or post),
	 * in a data island, else handed to a script. */
	for (w = 2; w-- > 0;)
		for (i = 0; i < pg->nmarks; i++)
			if (pg->marks[i].kind == SC_HM_DATA_DATE && pg->marks[i].weight == w &&
			    (stated = date_from(mark_str(pg, &pg->marks[i]))) != NULL)
				return stated;
	return NULL;
}

/*
 * The day of the piece's last change as the page states it (JSON-LD
 * dateModified, article:modified_time, og:updated_time ...): htmldate's
 * reserve, for a page nothing else dates (it was there that day at
 * least, and mostly was written then).
 */
static char *
modified_date(const struct sc_html_page *pg, const struct jdoc *j, int art)
{
	static const char *const keys[] = {
		"article:modified_time", "og:updated_time", "datemodified",
		"article:modified", "dcterms.modified", "dc.date.modified",
		/* htmldate's other names, and the server's Last-Modified
		 * written into the page (<meta http-equiv="last-modified">) */
		"og:article:modified_time", "modified_time", "updated_time", "dc.modified",
		"last-modified", "lastmodified", NULL
	};
	static const char *const images[] = {
		"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
		"twitter:image:src", NULL
	};
	char *d, day[11];
	size_t i;

	if (art >= 0 && (d = date_from(jtext(j, jget(j, art, "dateModified")))) != NULL)
		return d;
	for (i = 0; keys[i] != NULL; i++)
		if ((d = date_from(meta_get(pg, keys[i]))) != NULL)
			return d;
	/* Last, htmldate's image search: the day in the path of the
	 * picture shared with the piece ("/2016/05/22/" where the CMS
	 * files uploads by day). */
	for (i = 0; images[i] != NULL; i++)
		if (url_date(meta_get(pg, images[i]), day))
			return xstrdup(day);
	return NULL;
}

/*
 * <html lang> checked against the text: templates ship lang="en" on pages
 * in every language.  The stopwords of the article's first 4 KB name a
 * language (given 25 words at least); when they clearly disagree with the declaration (a third of
 * the words or more are another language's stopwords), or there is no
 * declaration, the text wins.
 */
static void
check_lang(const struct sc_html_page *pg, const unsigned char *keep, struct sc_html_meta *m)
{
	struct sc_buf t = { 0 };
	const char *guess;
	double share = 0;
	size_t i, words;

	for (i = 0; i < pg->nblocks && t.len < 4096; i++) {
		if (keep != NULL && !keep[i])
			continue;
		sc_buf_add(&t, pg->text.p + pg->blocks[i].off, pg->blocks[i].len);
		sc_buf_addc(&t, '\n');
	}
	for (i = 0, words = 0; i < t.len; i++)
		words += t.p[i] == ' ';
	/* Too few words say nothing either way. */
	guess = words >= 25 ? sc_stoplist_guess(t.p, t.len, 4096, &share) : NULL;
	sc_buf_free(&t);
	if (guess == NULL || (m->lang != NULL && strcmp(m->lang, guess) == 0))
		return;
	if (m->lang == NULL ? share >= 0.2 : share >= 0.33) {
		free(m->lang);
		m->lang = xstrdup(guess);
	}
}

/*
 * Whether a names an organisation: a legal form ("GmbH", "Inc."), or a
 * word that names a newsroom, a publication or a body ("Redaktion",
 * "News", "Magazin", "Verband"), never a surname ("Staff", "Press" and
 * "Team" are).
 */
static int
org_like(const char *a)
{
	static const char *const words[] = {
		"gmbh", "ag", "e.v.", "e.v", "eg", "kg", "ohg", "inc", "inc.", "ltd",
		"ltd.", "llc", "corp.", "plc", "s.a.", "s.l.", "srl", "s.r.l.", "b.v.",
		"verlag", "zeitung", "magazin", "magazine", "news", "redaktion",
		"rédaction", "redacción", "redazione", "redação", "redactie", "newsroom",
		"agency", "agentur", "medien", "verband", "verein", "institut",
		"institute", "university", "universität", "gesellschaft", "stiftung",
		"foundation", "association", "ministerium", "ministry", NULL
	};
	const char *p = a, *w;
	size_t wn;

	while ((w = next_word(&p, &wn)) != NULL) {
		while (wn > 0 && (w[wn - 1] == ',' || w[wn - 1] == ';'))
			wn--;
		if (word_in(w, wn, words))
			return 1;
	}
	return 0;
}

/*
 * A person the page names as the writer, where an organisation filled
 * the author field: JSON-LD's people, the author marks outside comments
 * and teasers, the byline by the article, the author meta tag; each must
 * read as a person's name (no digits, not the organisation's name with
 * more glued on), not name the site, and be shown on the page.
 */
static char *
person_byline(const struct sc_html_page *pg, const unsigned char *keep,
    const struct jdoc *j, int art, const char *org, const char *site, const char *url)
{
	struct sc_buf b = { 0 };
	char *c[5] = { NULL, NULL, NULL, NULL, NULL }, *r = NULL;
	size_t k;

	if (art >= 0) {
		jauthors(j, jget(j, art, "author"), &b, 0, 0);
		if (b.len > 0)
			c[0] = clean_authors(b.p);
		sc_buf_free(&b);
	}
	c[1] = author_mark(pg, 2, 0, site);
	c[2] = shown_byline(pg, keep);
	c[3] = meta_authors(pg, "author", site, url);
	c[4] = author_mark(pg, 1, 0, site);
	for (k = 0; k < 5; k++) {
		if (r == NULL && c[k] != NULL && people_like(c[k]) && !org_like(c[k]) &&
		    strpbrk(c[k], "0123456789") == NULL && !casecontains(c[k], org) &&
		    !names_site(c[k], site, url) && list_shown(pg, c[k], 1)) {
			r = c[k];
			continue;
		}
		free(c[k]);
	}
	return r;
}

/*
 * A headline's kicker cut from the title: the short line a news page
 * sets over the headline in the same heading ("<span class=kicker>
 * Bridge plan</span> <span>Council delays the vote</span>"), with the
 * separator a screen reader hears (": ", " - ").  The rest must still
 * read as a headline: two words at least.
 */
static void
strip_kicker(const struct sc_html_page *pg, char *t)
{
	size_t i, n;
	char *k;
	const char *r;
	int cut = 0;

	for (i = 0; t != NULL && i < pg->nmarks && !cut; i++) {
		if (pg->marks[i].kind != SC_HM_KICKER ||
		    (k = clean_strz(mark_str(pg, &pg->marks[i]))) == NULL)
			continue;
		n = strlen(k);
		if (strncmp(t, k, n) == 0) {
			/* the separator, or none ("Kicker\"Quote\"": glued) */
			for (r = t + n; *r == ' ' || *r == ':' || *r == '-' || *r == '|' ||
			    strncmp(r, "\xE2\x80\x93", 3) == 0 ||
			    strncmp(r, "\xE2\x80\x94", 3) == 0;)
				r += (unsigned char)*r >= 0x80 ? 3 : 1;
			if ((r > t + n || !isalnum((unsigned char)*r)) &&
			    strchr(r, ' ') != NULL && strlen(r) >= 10) {
				memmove(t, r, strlen(r) + 1);
				cut = 1;
			}
		}
		free(k);
	}
}

void
sc_html_meta(const struct sc_html_page *pg, const unsigned char *keep,
    struct sc_html_meta *m)
{
	struct jdoc j;
	struct sc_buf b = { 0 };
	const struct sc_html_marked *mk;
	const char *s, *ogt, *ttl, *h1 = NULL;
	int art = -1, page = -1, shown;
	size_t i, nh1 = 0, anchor;

	memset(m, 0, sizeof(*m));
	memset(&j, 0, sizeof(j));
	slash_month_first = 0;
	if ((mk = mark_get(pg, SC_HM_LANG)) != NULL) {
		/* "en", "en-US": American English, month first */
		const char *l = mark_str(pg, mk);

		slash_month_first = strncasecmp(l, "en", 2) == 0 && (l[2] == '\0' ||
		    ((l[2] == '-' || l[2] == '_') && strncasecmp(l + 3, "us", 2) == 0 &&
		    !isalnum((unsigned char)l[5])));
	}
	for (i = 0; i < pg->nmarks; i++)
		if (pg->marks[i].kind == SC_HM_JSONLD)
			json_parse(pg->attrs.p + pg->marks[i].val_off, pg->marks[i].val_len, &j);
	if (j.n > 0) {
		const char *titles[3];

		titles[0] = meta_get(pg, "og:title");
		titles[1] = mark_str(pg, mark_get(pg, SC_HM_TITLE));
		titles[2] = mark_str(pg, mark_get(pg, SC_HM_H1));
		art = jld_main(&j, &page, titles);
	}

	/* Site and URL first: the title cleaning needs the site's name. */
	m->site = clean_strz(meta_get(pg, "og:site_name"));
	if (m->site == NULL && art >= 0)
		m->site = clean_strz(jtext(&j, jget(&j, art, "publisher")));
	if (m->site == NULL)
		m->site = clean_strz(meta_get(pg, "application-name"));
	m->url = clean_strz(mark_str(pg, mark_get(pg, SC_HM_CANONICAL)));
	if (m->url == NULL)
		m->url = clean_strz(meta_get(pg, "og:url"));

	/*
	 * Title: the headline the page shows, the h1 or h2 nearest before the
	 * article's first block (blog themes make the site's name the h1 and
	 * the post's title an h2); an h2 must be confirmed by the page's own
	 * titles.  Else JSON-LD, og:title and <title> cleaned of the site's
	 * name, and the first h1.
	 */
	ogt = meta_get(pg, "og:title");
	if (ogt == NULL)
		ogt = meta_get(pg, "twitter:title");
	ttl = mark_str(pg, mark_get(pg, SC_HM_TITLE));
	for (i = 0; i < pg->nmarks; i++)
		if (pg->marks[i].kind == SC_HM_H1 && nh1++ == 0)
			h1 = mark_str(pg, &pg->marks[i]);
	for (anchor = 0; keep != NULL && anchor < pg->nblocks && !keep[anchor]; anchor++)
		;
	if (anchor == pg->nblocks)
		anchor = 0;
	m->title = shown_headline(pg, keep, ogt, ttl, m->site, &anchor);
	shown = m->title != NULL;
	if (m->title == NULL && art >= 0 && (s = jtext(&j, jget(&j, art, "headline"))) != NULL)
		m->title = clean_strz(s);
	if (m->title == NULL && ogt != NULL)
		m->title = strip_site(ogt, m->site);
	if (m->title == NULL && (s = mark_str(pg, mark_get(pg, SC_HM_HEADLINE))) != NULL)
		m->title = clean_strz(s);
	if (m->title == NULL && ttl != NULL)
		m->title = strip_site(ttl, m->site);
	if (m->title == NULL && h1 != NULL)
		m->title = clean_strz(h1);
	decode_entities(m->title);
	strip_date_prefix(m->title);
	strip_kicker(pg, m->title);
	if (!shown && m->title != NULL)
		anchor = heading_of(pg, m->title, anchor, 0);

	m->date = pick_date(pg, keep, &j, art, page, anchor, m->url, m->title);
	if (m->date == NULL)
		m->modified = modified_date(pg, &j, art);

	/*
	 * Author: JSON-LD's people, then microdata and rel=author outside
	 * comments and teasers, a byline shown by the article (what readers
	 * see beats what the head says), the meta tags (unless they name
	 * the site, as many do), an organisation JSON-LD credits, elements
	 * whose class says author or byline, the same marks anywhere, and
	 * last an agency's credit in the opening dateline.  A byline that
	 * opens the article's own text overrides them all.
	 */
	if (art >= 0) {
		jauthors(&j, art_author(&j, art), &b, 0, 0);
		if (b.len > 0)
			m->author = clean_authors(b.p);
		if (m->author != NULL && names_site(m->author, m->site, m->url)) {
			/* A Person named after the site (a recipe portal's
			 * "author": "Site") is the publisher filling a required
			 * field; only a byline the page shows (the marks and
			 * blocks read below) makes the site the author. */
			free(m->author);
			m->author = NULL;
		}
	}
	if (m->author != NULL && !list_shown(pg, m->author, 0)) {
		/* A name the page never shows (a CMS account, an editor who
		 * filed the piece) loses to the byline readers see. */
		char *alt = author_mark(pg, 2, 0, m->site);

		if (alt == NULL)
			alt = shown_byline(pg, keep);
		if (alt == NULL && (alt = author_mark(pg, 1, 0, m->site)) != NULL &&
		    !people_like(alt)) {
			/* an author class holds taglines too; only a name counts */
			free(alt);
			alt = NULL;
		}
		if (alt != NULL && list_shown(pg, alt, 1)) {
			free(m->author);
			m->author = alt;
		} else {
			free(alt);
		}
	}
	if (m->author == NULL)
		m->author = author_mark(pg, 2, 0, m->site);
	if (m->author == NULL) {
		static const char *const keys[] = {
			"author", "article:author", "og:article:author", "parsely-author",
			"sailthru.author", "dc.creator", "dcterms.creator", "citation_author",
			"byl", "article:author_name", "author_name", "cxenseparse:author",
			"dc:creator", "dcterms:creator",
			/* trafilatura's other names: Dublin Core with a role,
			 * WebTrends, Adobe, Shareaholic's and bepress's fields */
			"dc.creator.aut", "dcterms.creator.aut", "dcsext.author", "rbauthors",
			"atc-metaauthor", "shareaholic:article_author_name",
			"bepress_citation_author", "book:author", "authors", "creator",
			NULL
		};

		if (m->author == NULL)
			m->author = shown_byline(pg, keep);
		for (i = 0; keys[i] != NULL && m->author == NULL; i++)
			m->author = meta_authors(pg, keys[i], m->site, m->url);
		if (m->author == NULL)
			m->author = labelled_author(pg, m->site, m->url);
		if (m->author == NULL)
			m->author = parsely_field(pg, "authors", m->site, m->url);
		if (m->author == NULL)
			m->author = parsely_field(pg, "author", m->site, m->url);
	}
	if (m->author == NULL && page >= 0 && (art < 0 || art_author(&j, art) < 0)) {
		/* No article object, or one that names nobody: the web
		 * page's own author. */
		sc_buf_reset(&b);
		jauthors(&j, jget(&j, page, "author"), &b, 0, 0);
		if (b.len > 0 && !names_site(b.p, m->site, m->url))
			m->author = clean_authors(b.p);
	}
	if (m->author == NULL && art >= 0) {
		sc_buf_reset(&b);
		jauthors(&j, art_author(&j, art), &b, 0, 1);
		if (b.len > 0 && !names_site(b.p, m->site, m->url))
			m->author = clean_authors(b.p);
	}
	if (m->author == NULL)
		m->author = author_mark(pg, 1, 0, m->site);
	if (m->author == NULL)
		m->author = author_mark(pg, 2, 1, m->site);
	if (m->author == NULL)
		m->author = author_mark(pg, 1, 1, m->site);
	{
		/* The article's own opening byline names the writer. */
		char *alt = body_byline(pg, keep, m->site, m->url);

		if (alt != NULL && (m->author == NULL || !in_list(m->author, alt))) {
			free(m->author);
			m->author = alt;
		} else {
			free(alt);
		}
	}
	if (m->author == NULL)
		/* No writer named anywhere: the source line under the report. */
		m->author = source_line(pg, keep);
	if (m->author == NULL) {
		m->author = agency_credit(pg, keep);
		if (m->author != NULL && (names_site(m->author, m->site, m->url) ||
		    title_tail(ttl, m->author))) {
			/* "Hamburg (iwr-pressedienst) -" on IWR-Pressedienst's
			 * own page: the service credits itself, no writer. */
			free(m->author);
			m->author = NULL;
		}
	} else if (strstr(m->author, "; ") != NULL)
		shown_list(pg, &m->author);
	if (m->author == NULL)
		m->author = author_link(pg, keep, m->site, m->url);
	if (m->author == NULL)
		m->author = site_owner(pg, m->site, ttl, m->url);
	if (m->author != NULL && org_like(m->author)) {
		/* A firm, a newsroom or a paper fills the field; a person the
		 * page's own byline names wrote the piece. */
		char *alt = person_byline(pg, keep, &j, art, m->author, m->site, m->url);

		if (alt != NULL) {
			free(m->author);
			m->author = alt;
		}
	}
	if (m->author != NULL) {
		shown_capitals(pg, &m->author);
		shown_suffix(pg, &m->author);
	}
	decode_entities(m->author);

	/* Description. */
	m->description = clean_strz(meta_get(pg, "og:description"));
	if (m->description == NULL)
		m->description = clean_strz(meta_get(pg, "description"));
	if (m->description == NULL)
		m->description = clean_strz(meta_get(pg, "twitter:description"));
	if (m->description == NULL && art >= 0)
		m->description = clean_strz(jtext(&j, jget(&j, art, "description")));
	decode_entities(m->description);

	/* Categories and tags. */
	for (i = 0; i < pg->nmarks; i++) {
		const struct sc_html_marked *x = &pg->marks[i];

		if (x->kind == SC_HM_CATEGORY)
			add_item(&m->categories, &m->ncategories, pg->attrs.p + x->val_off,
			    x->val_len);
		else if (x->kind == SC_HM_TAG)
			add_item(&m->tags, &m->ntags, pg->attrs.p + x->val_off, x->val_len);
	}
	if (m->ncategories == 0) {
		for (i = 0; i < pg->nmetas; i++)
			if (strcmp(pg->attrs.p + pg->metas[i].key_off, "article:section") == 0)
				add_item(&m->categories, &m->ncategories,
				    pg->attrs.p + pg->metas[i].val_off, pg->metas[i].val_len);
		if (m->ncategories == 0 && art >= 0)
			add_list(&j, jget(&j, art, "articleSection"), &m->categories,
			    &m->ncategories);
	}
	if (m->ntags == 0) {
		for (i = 0; i < pg->nmetas; i++)
			if (strcmp(pg->attrs.p + pg->metas[i].key_off, "article:tag") == 0)
				add_item(&m->tags, &m->ntags, pg->attrs.p + pg->metas[i].val_off,
				    pg->metas[i].val_len);
		if (m->ntags == 0 && art >= 0)
			add_list(&j, jget(&j, art, "keywords"), &m->tags, &m->ntags);
	}

	/* Language as declared: "de-DE" -> "de". */
	if ((mk = mark_get(pg, SC_HM_LANG)) != NULL) {
		const char *l = mark_str(pg, mk);
		size_t k = 0;

		while (isalpha((unsigned char)l[k]) && k < 3)
			k++;
		if (k >= 2 && k <= 3 && (l[k] == '\0' || l[k] == '-' || l[k] == '_')) {
			m->lang = xmemdup(l, k);
			for (i = 0; i < k; i++)
				m->lang[i] = (char)tolower((unsigned char)m->lang[i]);
		}
	}

	check_lang(pg, keep, m);
	slash_month_first = 0;

	sc_buf_free(&b);
	free(j.v);
	sc_buf_free(&j.pool);
}

void
sc_html_meta_free(struct sc_html_meta *m)
{
	size_t i;

	free(m->title);
	free(m->date);
	free(m->modified);
	free(m->author);
	free(m->site);
	free(m->description);
	free(m->url);
	free(m->lang);
	for (i = 0; i < m->ncategories; i++)
		free(m->categories[i]);
	free(m->categories);
	for (i = 0; i < m->ntags; i++)
		free(m->tags[i]);
	free(m->tags);
	memset(m, 0, sizeof(*m));
}
