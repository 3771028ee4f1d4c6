/*
 * html_parse.c: from the bytes of a page to its blocks (see html.h).
 *
 * Three steps.  The bytes are decoded to UTF-8 (html_decode), cleaned of
 * what slows or stops libxml2 (html_clean), then fed to libxml2's HTML
 * parser with SAX callbacks that build the page model directly: a list
 * of recorded elements (block-level ones, unknown ones and any with a
 * telling class, id or role) and a flat list of text blocks.
 *
 * libxml2 2.9's HTML parser reads character data and script bodies one
 * character at a time (decode, check, copy into a 1000-byte buffer): on
 * generated pages that was 40% of scstrip --html.  So html_clean also
 * takes script and style bodies and runs of text out of what libxml2
 * reads, and the SAX callbacks hand them over where libxml2 reports the
 * element or the stand-in byte, at the same offsets and in the same
 * chunks (struct rawbody).  A page where libxml2 reads the markup another
 * way than html_clean does is parsed again with everything left in, so
 * the page model never depends on the shortcut.
 *
 * Why SAX and not libxml2's tree or gumbo, measured on the 391 dev pages
 * (46+15 MB, 3 passes, one core): libxml2 SAX 52 MB/s and 8 MB peak,
 * libxml2 tree 28 MB/s (and its tree builder refuses nesting deeper than
 * 256), gumbo 12 MB/s; on 10,000 unclosed <div><span><b> gumbo took 34 s
 * and 7 GB, libxml2 SAX 10 ms.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "date.h"
#include "html.h"
#include "simd.h"
#include "text.h"
#include "utf8.h"

/* ---- Tags ---- */

enum { TK_INLINE = 0, TK_BLOCK, TK_SKIP, TK_VOID };

struct tagdef {
	const char *name;
	unsigned char kind;
	uint32_t flags;
};

/* Sorted by name; indices match enum sc_htag minus one. */
static const struct tagdef tags[SC_HT_NTAGS - 1] = {
	{ "a", TK_INLINE, 0 }, { "abbr", TK_INLINE, 0 },
	{ "acronym", TK_INLINE, 0 }, { "address", TK_BLOCK, SC_HF_META },
	{ "applet", TK_SKIP, 0 }, { "area", TK_VOID, 0 },
	{ "article", TK_BLOCK, SC_HF_ARTICLE }, { "aside", TK_BLOCK, SC_HF_ASIDE },
	{ "audio", TK_SKIP, 0 }, { "b", TK_INLINE, 0 }, { "base", TK_VOID, 0 },
	{ "bdi", TK_INLINE, 0 }, { "bdo", TK_INLINE, 0 }, { "big", TK_INLINE, 0 },
	{ "blink", TK_INLINE, 0 }, { "blockquote", TK_BLOCK, SC_HF_QUOTE },
	{ "body", TK_BLOCK, 0 }, { "br", TK_VOID, 0 }, { "button", TK_SKIP, 0 },
	{ "canvas", TK_SKIP, 0 }, { "caption", TK_BLOCK, SC_HF_CAPTION },
	{ "center", TK_BLOCK, 0 }, { "cite", TK_INLINE, 0 },
	{ "code", TK_INLINE, 0 }, { "col", TK_VOID, 0 },
	{ "colgroup", TK_SKIP, 0 }, { "data", TK_INLINE, 0 },
	{ "datalist", TK_SKIP, 0 }, { "dd", TK_BLOCK, 0 }, { "del", TK_INLINE, 0 },
	{ "details", TK_BLOCK, 0 }, { "dfn", TK_INLINE, 0 },
	{ "dialog", TK_SKIP, 0 }, { "dir", TK_BLOCK, SC_HF_LIST },
	{ "div", TK_BLOCK, 0 }, { "dl", TK_BLOCK, SC_HF_LIST },
	{ "dt", TK_BLOCK, 0 }, { "em", TK_INLINE, 0 }, { "embed", TK_VOID, 0 },
	{ "fieldset", TK_BLOCK, 0 }, { "figcaption", TK_BLOCK, SC_HF_CAPTION },
	{ "figure", TK_BLOCK, SC_HF_FIGURE }, { "font", TK_INLINE, 0 },
	{ "footer", TK_BLOCK, SC_HF_FOOTER }, { "form", TK_BLOCK, SC_HF_FORM },
	{ "frame", TK_SKIP, 0 }, { "frameset", TK_SKIP, 0 },
	{ "h1", TK_BLOCK, 0 }, { "h2", TK_BLOCK, 0 }, { "h3", TK_BLOCK, 0 },
	{ "h4", TK_BLOCK, 0 }, { "h5", TK_BLOCK, 0 }, { "h6", TK_BLOCK, 0 },
	{ "head", TK_BLOCK, 0 }, { "header", TK_BLOCK, SC_HF_HEADER },
	{ "hgroup", TK_BLOCK, 0 }, { "hr", TK_VOID, 0 }, { "html", TK_BLOCK, 0 },
	{ "i", TK_INLINE, 0 }, { "iframe", TK_SKIP, 0 }, { "img", TK_VOID, 0 },
	{ "input", TK_VOID, 0 }, { "ins", TK_INLINE, 0 }, { "kbd", TK_INLINE, 0 },
	{ "label", TK_INLINE, 0 }, { "legend", TK_BLOCK, 0 },
	{ "li", TK_BLOCK, 0 }, { "link", TK_VOID, 0 },
	{ "listing", TK_BLOCK, SC_HF_PRE }, { "main", TK_BLOCK, SC_HF_ARTICLE },
	{ "map", TK_SKIP, 0 }, { "mark", TK_INLINE, 0 },
	{ "marquee", TK_BLOCK, 0 }, { "math", TK_SKIP, 0 },
	{ "menu", TK_BLOCK, SC_HF_NAV | SC_HF_LIST }, { "meta", TK_VOID, 0 },
	{ "meter", TK_SKIP, 0 }, { "nav", TK_BLOCK, SC_HF_NAV },
	{ "nobr", TK_INLINE, 0 }, { "noembed", TK_SKIP, 0 },
	{ "noframes", TK_SKIP, 0 }, { "noscript", TK_SKIP, 0 },
	{ "object", TK_SKIP, 0 }, { "ol", TK_BLOCK, SC_HF_LIST },
	{ "optgroup", TK_SKIP, 0 }, { "option", TK_SKIP, 0 },
	{ "output", TK_SKIP, 0 }, { "p", TK_BLOCK, 0 }, { "param", TK_VOID, 0 },
	{ "picture", TK_SKIP, 0 }, { "plaintext", TK_BLOCK, SC_HF_PRE },
	{ "pre", TK_BLOCK, SC_HF_PRE }, { "progress", TK_SKIP, 0 },
	{ "q", TK_INLINE, 0 }, { "rp", TK_SKIP, 0 }, { "rt", TK_SKIP, 0 },
	{ "ruby", TK_INLINE, 0 }, { "s", TK_INLINE, 0 }, { "samp", TK_INLINE, 0 },
	{ "script", TK_SKIP, 0 }, { "section", TK_BLOCK, 0 },
	{ "select", TK_SKIP, 0 }, { "slot", TK_INLINE, 0 },
	{ "small", TK_INLINE, 0 }, { "source", TK_VOID, 0 },
	{ "span", TK_INLINE, 0 }, { "strike", TK_INLINE, 0 },
	{ "strong", TK_INLINE, 0 }, { "style", TK_SKIP, 0 },
	{ "sub", TK_INLINE, 0 }, { "summary", TK_BLOCK, 0 },
	{ "sup", TK_INLINE, 0 }, { "svg", TK_SKIP, 0 },
	{ "table", TK_BLOCK, SC_HF_TABLE }, { "tbody", TK_BLOCK, 0 },
	{ "td", TK_BLOCK, 0 }, { "template", TK_SKIP, 0 },
	{ "textarea", TK_SKIP, 0 }, { "tfoot", TK_BLOCK, 0 }, { "th", TK_BLOCK, 0 },
	{ "thead", TK_BLOCK, 0 }, { "time", TK_INLINE, 0 },
	{ "title", TK_BLOCK, 0 }, { "tr", TK_BLOCK, 0 }, { "track", TK_VOID, 0 },
	{ "tt", TK_INLINE, 0 }, { "u", TK_INLINE, 0 },
	{ "ul", TK_BLOCK, SC_HF_LIST }, { "var", TK_INLINE, 0 },
	{ "video", TK_SKIP, 0 }, { "wbr", TK_VOID, 0 },
	{ "xmp", TK_BLOCK, SC_HF_PRE },
};

/*
 * libxml2 hands HTML element names over lower-cased and interned in its
 * dictionary, so one name is one pointer for the whole parse: a small
 * cache keyed by the pointer (struct tag_cache, one per parse) saves the
 * search for almost every element.
 */
#define TAG_CACHE 64		/* a power of two: see tag_lookup */
struct tag_cache {
	const char *name[TAG_CACHE];
	unsigned tag[TAG_CACHE];
};

static unsigned
tag_lookup(struct tag_cache *tc, const char *name)
{
	/* Fibonacci hashing: the top 6 bits (TAG_CACHE is 2^6) of the
	 * product mix every bit of the pointer; its low bits alone collide,
	 * since libxml2 packs its dictionary's strings together. */
	size_t h = (size_t)(((uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15u) >> 58);
	unsigned t;

	if (tc->name[h] == name)
		return tc->tag[h];
	t = SC_HT_OTHER;
	{
		/* A binary search that calls strcmp only once the first
		 * letters agree (each page's names miss the cache once). */
		size_t lo = 0, hi = SC_HT_NTAGS - 1;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = (unsigned char)name[0] - (unsigned char)tags[mid].name[0];

			if (c == 0 && name[0] != '\0')
				c = strcmp(name + 1, tags[mid].name + 1);
			if (c == 0) {
				t = (unsigned)mid + 1;
				break;
			}
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	tc->name[h] = name;
	tc->tag[h] = t;
	return t;
}

const char *
sc_html_tag_name(unsigned tag)
{
	if (tag == SC_HT_OTHER || tag >= SC_HT_NTAGS)
		return "?";
	return tags[tag - 1].name;
}

static int
tag_kind(unsigned tag)
{
	/* Unknown elements (custom ones, amp-*, HTML5 ones libxml2 lacks)
	 * are inline: splitting words is worse than joining blocks. */
	return tag == SC_HT_OTHER ? TK_INLINE : tags[tag - 1].kind;
}

/* ---- Class, id and role tokens ---- */

/*
 * What a class or id token says about its element.  A token is cut into
 * words at punctuation and at lower-to-upper case changes ("articleBody",
 * "post_content", "c-share-bar"); each word is looked up exactly, or as a
 * prefix where the entry says so; the token's words run together
 * ("articlebody") are looked up too, which is where the precise
 * article-body markers (trafilatura's BODY_XPATH names, readability's
 * positive pattern) live.  Words are lower-cased ASCII; others never match.
 */
struct hint {
	const char *word;
	unsigned char prefix;	/* 1: also words starting with it; 2: whole tokens only */
	uint32_t flags;
	uint32_t meta;		/* HINT_* for metadata capture */
};

enum { HINT_AUTHOR = 1, HINT_DATE = 2, HINT_KICKER = 4 };

#define A SC_HF_ARTICLE
#define S (SC_HF_ARTICLE | SC_HF_STRONG)
static const struct hint hints[] = {	/* sorted by word */
	{ "abstract", 0, SC_HF_LEAD, 0 },
	{ "addthis", 1, SC_HF_SHARE, 0 },
	{ "ads", 0, SC_HF_AD, 0 },
	{ "adsense", 0, SC_HF_AD, 0 },
	{ "adslot", 0, SC_HF_AD, 0 },
	{ "adunit", 0, SC_HF_AD, 0 },
	{ "advert", 1, SC_HF_AD, 0 },
	{ "advertisement", 0, SC_HF_AD, 0 },
	{ "antetitulo", 0, 0, HINT_KICKER },
	{ "anzeige", 1, SC_HF_AD, 0 },
	{ "article", 0, A, 0 },
	{ "articlebody", 0, S, 0 },
	{ "articlecontainer", 0, A, 0 },
	{ "articlecontent", 0, S, 0 },
	{ "articletext", 0, S, 0 },
	{ "aside", 0, SC_HF_ASIDE, 0 },
	{ "auteur", 1, SC_HF_META, HINT_AUTHOR },
	{ "author", 1, SC_HF_META, HINT_AUTHOR },
	{ "autor", 1, SC_HF_META, HINT_AUTHOR },
	{ "bajada", 0, SC_HF_LEAD, 0 },
	{ "banner", 0, SC_HF_AD, 0 },
	{ "bildnachweis", 0, SC_HF_CAPTION, 0 },
	{ "bildunterschrift", 0, SC_HF_CAPTION, 0 },
	{ "bodytext", 0, S, 0 },
	{ "breadcrumb", 1, SC_HF_NAV, 0 },
	{ "byline", 1, SC_HF_META, HINT_AUTHOR },
	{ "bypostauthor", 0, SC_HF_BYAUTHOR, 0 },
	{ "caption", 1, SC_HF_CAPTION, 0 },
	{ "chapeau", 0, SC_HF_LEAD, 0 },
	{ "chapo", 0, SC_HF_LEAD, 0 },
	{ "citation", 1, SC_HF_META, 0 },
	{ "cmp", 0, SC_HF_COOKIE, 0 },
	{ "colophon", 0, SC_HF_FOOTER, 0 },
	{ "comentario", 1, SC_HF_COMMENT, 0 },
	{ "comment", 1, SC_HF_COMMENT, 0 },
	{ "commentaire", 1, SC_HF_COMMENT, 0 },
	{ "consent", 1, SC_HF_COOKIE, 0 },
	{ "content", 0, A, 0 },
	{ "contentbody", 0, S, 0 },
	{ "cookie", 1, SC_HF_COOKIE, 0 },
	{ "copyright", 0, SC_HF_FOOTER, 0 },
	{ "created", 0, 0, HINT_DATE },
	{ "createdate", 0, 0, HINT_DATE },
	{ "createdby", 0, 0, HINT_AUTHOR },
	{ "credit", 1, SC_HF_CAPTION, 0 },
	{ "crumbs", 0, SC_HF_NAV, 0 },
	{ "cta", 0, SC_HF_SUBSCRIBE, 0 },
	{ "dachzeile", 0, 0, HINT_KICKER },
	{ "date", 0, SC_HF_META, HINT_DATE },
	{ "dateline", 0, SC_HF_META, HINT_DATE },
	{ "datepublished", 0, 0, HINT_DATE },
	{ "datum", 0, SC_HF_META, HINT_DATE },
	{ "deck", 0, SC_HF_LEAD, 0 },
	{ "dek", 0, SC_HF_LEAD, 0 },
	{ "dfp", 0, SC_HF_AD, 0 },
	{ "dida", 0, SC_HF_CAPTION, 0 },
	{ "didascalia", 0, SC_HF_CAPTION, 0 },
	{ "discussion", 0, SC_HF_COMMENT, 0 },
	{ "disqus", 1, SC_HF_COMMENT, 0 },
	{ "entradilla", 0, SC_HF_LEAD, 0 },
	{ "entry", 0, A, 0 },
	{ "entrybody", 0, S, 0 },
	{ "entrycontent", 0, S, 0 },
	{ "entrydate", 0, 0, HINT_DATE },
	{ "extras", 0, SC_HF_ASIDE, 0 },
	{ "eyebrow", 0, 0, HINT_KICKER },
	{ "facebook", 0, SC_HF_SHARE, 0 },
	{ "fecha", 0, SC_HF_META, HINT_DATE },
	{ "fieldbody", 0, S, 0 },
	/* Drupal's node field "field--name-uid": the account that wrote it */
	{ "fieldnameuid", 0, SC_HF_META, HINT_AUTHOR },
	{ "footer", 1, SC_HF_FOOTER, 0 },
	{ "fotocredit", 0, SC_HF_CAPTION, 0 },
	{ "fulltext", 0, S, 0 },
	{ "gdpr", 0, SC_HF_COOKIE, 0 },
	{ "hentry", 0, A, 0 },
	{ "hidden", 2, SC_HF_HIDDEN, 0 },
	{ "hide", 2, SC_HF_HIDDEN, 0 },
	{ "imagecredit", 0, SC_HF_CAPTION, 0 },
	{ "imagedescription", 0, SC_HF_CAPTION, 0 },
	{ "intro", 1, SC_HF_LEAD, 0 },
	{ "invisible", 2, SC_HF_HIDDEN, 0 },
	{ "itemfulltext", 0, S, 0 },
	{ "kicker", 0, 0, HINT_KICKER },
	{ "kommentar", 1, SC_HF_COMMENT, 0 },
	{ "lead", 0, SC_HF_LEAD, 0 },
	{ "leadin", 0, SC_HF_LEAD, 0 },
	{ "lede", 0, SC_HF_LEAD, 0 },
	{ "legende", 0, SC_HF_CAPTION, 0 },
	{ "licence", 0, SC_HF_FOOTER, 0 },
	{ "license", 0, SC_HF_FOOTER, 0 },
	{ "lizenz", 0, SC_HF_FOOTER, 0 },
	{ "login", 0, SC_HF_SUBSCRIBE, 0 },
	{ "main", 0, A, 0 },
	{ "maincontent", 0, A, 0 },
	{ "masthead", 0, SC_HF_HEADER, 0 },
	{ "menu", 1, SC_HF_NAV, 0 },
	{ "meta", 0, SC_HF_META, 0 },
	{ "metadata", 0, SC_HF_META, 0 },
	{ "modal", 0, SC_HF_SUBSCRIBE, 0 },
	{ "mostpopular", 0, SC_HF_RELATED, 0 },
	{ "mostread", 0, SC_HF_RELATED, 0 },
	{ "nav", 1, SC_HF_NAV, 0 },
	{ "newsletter", 1, SC_HF_SUBSCRIBE, 0 },
	{ "occhiello", 0, 0, HINT_KICKER },
	{ "offscreen", 2, SC_HF_HIDDEN, 0 },
	{ "onetrust", 1, SC_HF_COOKIE, 0 },
	{ "outbrain", 1, SC_HF_RELATED, 0 },
	{ "overline", 0, 0, HINT_KICKER },
	{ "pager", 0, SC_HF_NAV, 0 },
	{ "pagination", 0, SC_HF_NAV, 0 },
	{ "parution", 0, 0, HINT_DATE },
	{ "paywall", 1, SC_HF_SUBSCRIBE, 0 },
	{ "photocredit", 0, SC_HF_CAPTION, 0 },
	{ "popular", 0, SC_HF_RELATED, 0 },
	{ "popup", 0, SC_HF_SUBSCRIBE, 0 },
	{ "post", 0, A, 0 },
	{ "postbody", 0, S, 0 },
	{ "postcontent", 0, S, 0 },
	{ "postdate", 0, 0, HINT_DATE },
	{ "posted", 0, 0, HINT_DATE },
	{ "postedby", 0, 0, HINT_AUTHOR },
	{ "postedon", 0, 0, HINT_DATE },
	{ "postentry", 0, S, 0 },
	{ "postmeta", 1, SC_HF_META, 0 },
	{ "posttext", 0, S, 0 },
	{ "pretitle", 0, 0, HINT_KICKER },
	{ "promo", 0, SC_HF_RELATED, 0 },
	{ "promos", 0, SC_HF_RELATED, 0 },
	{ "pubdate", 0, SC_HF_META, HINT_DATE },
	{ "publishdate", 0, 0, HINT_DATE },
	{ "published", 0, SC_HF_META, HINT_DATE },
	{ "rating", 1, SC_HF_META, 0 },
	{ "readmore", 0, SC_HF_RELATED, 0 },
	{ "recirc", 1, SC_HF_RELATED, 0 },
	{ "recommend", 1, SC_HF_RELATED, 0 },
	{ "related", 1, SC_HF_RELATED, 0 },
	{ "replies", 0, SC_HF_COMMENT, 0 },
	{ "reply", 0, SC_HF_COMMENT, 0 },
	{ "respond", 0, SC_HF_COMMENT | SC_HF_FORM, 0 },
	{ "roofline", 0, 0, HINT_KICKER },
	{ "screenname", 0, 0, HINT_AUTHOR },
	{ "screenreader", 2, SC_HF_HIDDEN, 0 },
	{ "screenreadertext", 2, SC_HF_HIDDEN, 0 },
	{ "share", 1, SC_HF_SHARE, 0 },
	{ "shariff", 0, SC_HF_SHARE, 0 },
	{ "sharing", 0, SC_HF_SHARE, 0 },
	{ "sidebar", 1, SC_HF_ASIDE, 0 },
	{ "signup", 0, SC_HF_SUBSCRIBE, 0 },
	{ "sociable", 0, SC_HF_SHARE, 0 },
	{ "social", 1, SC_HF_SHARE, 0 },
	{ "spitzmarke", 0, 0, HINT_KICKER },
	{ "sponsor", 1, SC_HF_AD, 0 },
	{ "sronly", 2, SC_HF_HIDDEN, 0 },
	{ "standfirst", 0, SC_HF_LEAD, 0 },
	{ "story", 0, A, 0 },
	{ "storybody", 0, S, 0 },
	{ "storycontent", 0, S, 0 },
	{ "storytext", 0, S, 0 },
	{ "submitted", 0, 0, HINT_DATE },
	{ "submittedby", 0, 0, HINT_AUTHOR },
	{ "subscri", 1, SC_HF_SUBSCRIBE, 0 },
	{ "subtitle", 0, SC_HF_LEAD, 0 },
	{ "summary", 0, SC_HF_LEAD, 0 },
	{ "supertitle", 0, 0, HINT_KICKER },
	{ "surtitre", 0, 0, HINT_KICKER },
	{ "taboola", 1, SC_HF_RELATED, 0 },
	{ "tag", 0, SC_HF_META, 0 },
	{ "tags", 0, SC_HF_META, 0 },
	{ "teaser", 1, SC_HF_RELATED | SC_HF_LEAD, 0 },
	{ "textcontent", 0, S, 0 },
	{ "time", 0, SC_HF_META, HINT_DATE },
	{ "timestamp", 0, SC_HF_META, HINT_DATE },
	{ "topline", 0, 0, HINT_KICKER },
	{ "trending", 0, SC_HF_RELATED, 0 },
	{ "twitter", 0, SC_HF_SHARE, 0 },
	{ "visuallyhidden", 2, SC_HF_HIDDEN, 0 },
	{ "vorspann", 0, SC_HF_LEAD, 0 },
	{ "werbung", 0, SC_HF_AD, 0 },
	{ "whatsapp", 0, SC_HF_SHARE, 0 },
	{ "widget", 1, SC_HF_ASIDE, 0 },
	{ "writer", 1, SC_HF_META, HINT_AUTHOR },
	{ "writtenby", 0, 0, HINT_AUTHOR },
};
#undef A
#undef S

static int
hintcmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct hint *)e)->word);
}

/* Exact entry for w, else the longest prefix entry that w starts with. */
static const struct hint *
hint_lookup(const char *w, size_t n)
{
	const struct hint *h;
	size_t lo, hi, k;

	h = bsearch(w, hints, sizeof(hints) / sizeof(hints[0]), sizeof(hints[0]),
	    hintcmp);
	if (h != NULL)
		return h;
	/* Prefix entries sort before the words they start; look back from
	 * the insertion point. */
	lo = 0;
	hi = sizeof(hints) / sizeof(hints[0]);
	while (lo < hi) {
		k = (lo + hi) / 2;
		if (strcmp(hints[k].word, w) < 0)
			lo = k + 1;
		else
			hi = k;
	}
	while (lo > 0) {
		lo--;
		h = &hints[lo];
		if (h->word[0] != w[0])
			break;
		if (h->prefix == 1 && strncmp(w, h->word, strlen(h->word)) == 0 &&
		    n > strlen(h->word))
			return h;
	}
	return NULL;
}

/*
 * The precise article-body names also count inside longer tokens
 * ("c-article-body", "td-post-content", "entry-content-wrap"), as
 * trafilatura's contains(@class, ...) tests do.
 */
static void
strong_within(const char *joined, uint32_t *flags)
{
	static const char *const strong[] = {
		"articlebody", "articlecontent", "articletext", "postcontent",
		"postbody", "posttext", "postentry", "entrycontent", "entrybody",
		"storybody", "storycontent", "storytext", "bodytext", "textcontent",
		"contentbody", "fulltext",
	};
	size_t i;

	/* Every name below contains one of these; most tokens contain none. */
	if (strstr(joined, "body") == NULL && strstr(joined, "content") == NULL &&
	    strstr(joined, "text") == NULL && strstr(joined, "entry") == NULL)
		return;
	for (i = 0; i < sizeof(strong) / sizeof(strong[0]); i++)
		if (strstr(joined, strong[i]) != NULL) {
			*flags |= SC_HF_STRONG | SC_HF_ARTICLE;
			return;
		}
}

/*
 * Words shorter than this are looked up only whole ("ad" would prefix
 * "address", "add-to-cart").
 */
#define HINT_WORD_MAX 31

static void
hint_word(const char *w, size_t n, int whole, uint32_t *flags, uint32_t *meta)
{
	const struct hint *h;

	if (n == 0 || n > HINT_WORD_MAX)
		return;
	if (n == 2 && w[0] == 'a' && w[1] == 'd') {
		*flags |= SC_HF_AD;
		return;
	}
	if ((h = hint_lookup(w, n)) != NULL && (h->prefix != 2 || whole)) {
		*flags |= h->flags;
		*meta |= h->meta;
	}
}

/*
 * Bootstrap's display classes: "d-none" hides the element on screen
 * unless a breakpoint shows it again ("d-none d-md-block" is the desktop
 * version); "d-print-block" shows it on paper only, which is hidden all
 * the same for a reader of the page.
 */
static void
display_token(const char *t, size_t n, int *dnone, int *dshown)
{
	static const char *const bp[] = { "sm-", "md-", "lg-", "xl-", "xxl-" };
	size_t len = 0, k;

	while (len < n && !(t[len] == ' ' || t[len] == '\t' || t[len] == '\n' ||
	    t[len] == '\r' || t[len] == '\f'))
		len++;
	if (len < 6 || t[0] != 'd' || t[1] != '-')
		return;
	if (len == 6 && memcmp(t, "d-none", 6) == 0) {
		*dnone = 1;
		return;
	}
	for (k = 0; k < sizeof(bp) / sizeof(bp[0]); k++) {
		size_t bl = strlen(bp[k]);

		if (len > 2 + bl && memcmp(t + 2, bp[k], bl) == 0 &&
		    !(len == 2 + bl + 4 && memcmp(t + 2 + bl, "none", 4) == 0))
			*dshown = 1;
	}
}

/* Whether a class word names a picture: "img-author" before the author
 * word credits a photo. */
static int
picture_word(const char *w, size_t n)
{
	static const char *const pics[] = {
		"img", "image", "images", "photo", "photos", "foto", "fotos", "bild",
		"picture", "pic", "caption", NULL
	};
	size_t k;

	for (k = 0; pics[k] != NULL; k++)
		if (strlen(pics[k]) == n && memcmp(w, pics[k], n) == 0)
			return 1;
	return 0;
}

/*
 * Flags of one class or id attribute value.  Words of a token are also
 * tried joined, so "article-body", "articleBody" and "article_body" all
 * reach "articlebody".
 */
static void
hint_flags(const char *s, size_t n, uint32_t *flags, uint32_t *meta)
{
	char words[8][HINT_WORD_MAX + 1], joined[HINT_WORD_MAX + 1];
	size_t wlen[8];
	size_t i, jn, nw, k;
	uint32_t tmeta;
	size_t auth;
	int dnone = 0, dshown = 0;

	i = 0;
	while (i < n) {
		/* One whitespace-separated token, cut into up to 8 words. */
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == '\f'))
			i++;
		if (i >= n)
			break;
		display_token(s + i, n - i, &dnone, &dshown);
		jn = nw = 0;
		wlen[0] = 0;
		while (i < n && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == '\f')) {
			unsigned char c = (unsigned char)s[i];
			int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			int upper = c >= 'A' && c <= 'Z';

			i++;
			if (!alpha || (upper && wlen[nw] > 0 &&
			    !(s[i - 2] >= 'A' && s[i - 2] <= 'Z'))) {
				if (wlen[nw] > 0 && nw < 7)
					wlen[++nw] = 0;
				if (!alpha)
					continue;
			}
			if (wlen[nw] < HINT_WORD_MAX)
				words[nw][wlen[nw]] = (char)(c | 0x20);
			wlen[nw]++;
			if (jn < HINT_WORD_MAX)
				joined[jn] = (char)(c | 0x20);
			jn++;
		}
		if (wlen[nw] > 0)
			nw++;
		if (nw == 0)
			continue;
		/*
		 * "has-sidebar", "no-comments", "o-section--has-ads": a state of
		 * the page, not what the element is; the words from there on
		 * say nothing.
		 */
		for (k = 0; k < nw; k++) {
			if ((wlen[k] == 3 && memcmp(words[k], "has", 3) == 0) ||
			    (wlen[k] == 2 && (memcmp(words[k], "no", 2) == 0 ||
			    memcmp(words[k], "is", 2) == 0)) ||
			    (wlen[k] == 4 && (memcmp(words[k], "with", 4) == 0 ||
			    memcmp(words[k], "show", 4) == 0))) {
				if (k + 1 < nw)
					nw = k;
				break;
			}
		}
		if (nw == 0)
			continue;
		tmeta = 0;
		auth = nw;
		for (k = 0; k < nw; k++) {
			words[k][wlen[k] < HINT_WORD_MAX ? wlen[k] : HINT_WORD_MAX] = '\0';
			hint_word(words[k], wlen[k], nw == 1, flags, &tmeta);
			if ((tmeta & HINT_AUTHOR) && auth == nw)
				auth = k;
		}
		if (nw > 1 && jn <= HINT_WORD_MAX) {
			joined[jn] = '\0';
			hint_word(joined, jn, 1, flags, &tmeta);
			strong_within(joined, flags);
		}
		/* "img-author", "photo-byline": a picture word before the
		 * author word credits the picture ("author-photo" is the
		 * writer's avatar). */
		for (k = 0; (tmeta & HINT_AUTHOR) && k < auth; k++)
			if (picture_word(words[k], wlen[k]))
				tmeta &= ~(uint32_t)HINT_AUTHOR;
		*meta |= tmeta;
	}
	if (dnone && !dshown)
		*flags |= SC_HF_HIDDEN;
}

/* ---- Parser state ---- */

#define MAX_CAPTURES 8
#define CAPTURE_MAX 1024		/* bytes kept of a captured text */
#define JSONLD_MAX (4u << 20)		/* bytes kept of one JSON-LD script */
#define MAX_ATTR_KEPT 2048		/* bytes kept of a meta value */
#define MD_OPEN_MAX 32

struct frame {
	uint32_t node;		/* recorded node of this element or nearest ancestor */
	uint32_t owner;		/* innermost block-level recorded node */
	uint32_t cflags;	/* flags of this element and all its ancestors */
	uint32_t iflags;	/* flags of inline elements around the text */
	uint32_t row;		/* the enclosing tr node */
	uint16_t tag;
	uint16_t count;		/* ol: items so far */
	uint8_t owner_tag_kind;	/* enum sc_hkind of the owner */
	uint8_t heading;	/* owner is h1..h6 */
	uint8_t list_depth;
	uint8_t item;		/* li in ol: its number */
	uint8_t block;
	uint8_t skip;
	uint8_t link;
	uint8_t pre;
	int8_t cap;		/* capture started here */
	uint8_t md;		/* inline Markdown marker: 0, 1 '*', 2 '**', 3 '`' */
	uint8_t quote;		/* blockquote depth */
	uint8_t ordered;
	uint8_t upper;		/* shown in capitals (CSS text-transform) */
	uint8_t json;		/* 1: a JSON data island (type=application/json);
				 * 2: a script of code, which may assign state */
	uint8_t author_item;	/* inside an itemprop=author element */
};

struct capture {
	int active;
	uint32_t kind, weight;
	uint32_t block;
	size_t depth;		/* stack depth of the element */
	struct sc_buf buf;
	int space;		/* pending: 1 a space, 2 a line break, 3 "; " */
	int after_link;		/* an author's link ended, only white space since */
	int raw;		/* JSON-LD: keep bytes as they are */
	int upper;		/* the element is shown in capitals */
	char slug[64];		/* SC_HM_AUTHOR_LINK: the letters of the path's name */
};

/*
 * Script and style bodies taken out of what libxml2 reads (html_clean).
 * Its HTML parser reads such a body one character at a time through
 * htmlCurrentChar and copies it into a 1000-byte buffer: on pages whose
 * scripts are most of the bytes that was a quarter of all the work, for
 * bodies of which only JSON-LD, JSON data islands and style sheets are
 * read at all.  The body is cut out, the start tag kept with an empty
 * element after it, and the SAX callback hands the body over where
 * libxml2 would have: right after the start tag, in the same chunks.
 */
struct rawbody {
	size_t gt;		/* offset of the start tag's '>' in the cleaned text */
	size_t off, len;	/* the body in rawbodies.buf */
	size_t closes;		/* "</" inside: each is a libxml2 error report */
};

struct rawbodies {
	struct sc_buf buf;
	struct rawbody *v;
	size_t n, cap;
	size_t next;		/* the next body to hand over */
	size_t bytes;		/* bytes taken out, for the error budget */
	int missed;		/* a body was not handed over: parse again */
};

/*
 * Runs of text go the same way, for the same reason: libxml2's
 * htmlParseCharData decodes, checks and copies every character.  A run
 * that starts where html_clean saw a tag, comment or reference end and
 * stops at the next '<' or '&' is one piece of character data to
 * libxml2 too; it becomes the one byte RUN_MARK (struct rawbody: gt is
 * the offset just past it) and sax_chars hands the text over when libxml2
 * reports exactly that byte there.  libxml2 looks at the content of
 * character data only to tell blank chunks (its first chunk is the first
 * 1000 bytes) from the rest, so only runs with a non-blank byte among
 * their first 1000 are taken.
 */
#define RUN_MARK 'x'
#define RUN_MIN 4		/* shorter runs are not worth an entry */

struct pstate {
	struct sc_html_page *pg;
	htmlParserCtxtPtr ctxt;
	struct rawbodies *rb;	/* bodies taken out, or NULL */
	struct rawbodies *rt;	/* text runs taken out, or NULL */
	struct frame *st;
	size_t nst, cap;
	size_t skip;		/* depth of skipped regions */
	int head;		/* in the head section */
	size_t title;		/* inside <title> */
	int want_md;

	/* The open block. */
	int open;
	size_t bstart, mdstart;
	uint32_t bchars, blink, bwords, bpunct;
	uint32_t biflags, biflag_chars;
	int space;		/* a space is due before the next character */
	int brk;		/* the next block follows a <br> */
	size_t time_text;	/* where the text stood at the last <time> */

	struct capture caps[MAX_CAPTURES];
	int ncaps;

	/* Markdown inline markers: frames (stack indices) with a marker. */
	size_t md_open[MD_OPEN_MAX];
	unsigned char md_emitted[MD_OPEN_MAX];
	int nmd;

	unsigned long errors, error_budget;
	struct tag_cache tc;

	/* Byline classes the page's own style sheets show in capitals
	 * ("author-name\0byline\0"). */
	struct sc_buf upper_cls;
};

static uint32_t
add_node(struct pstate *ps, uint32_t parent, unsigned tag, uint32_t flags,
    uint16_t depth)
{
	struct sc_html_page *pg = ps->pg;
	struct sc_html_node *nd;

	if (pg->nnodes == pg->nodes_cap) {
		pg->nodes_cap = pg->nodes_cap ? pg->nodes_cap * 2 : 256;
		pg->nodes = xreallocarray(pg->nodes, pg->nodes_cap, sizeof(*pg->nodes));
	}
	nd = &pg->nodes[pg->nnodes];
	memset(nd, 0, sizeof(*nd));
	nd->parent = parent;
	nd->tag = (uint16_t)tag;
	nd->depth = depth;
	nd->flags = flags;
	nd->first_block = nd->end_block = (uint32_t)pg->nblocks;
	nd->attr_off = (uint32_t)pg->attrs.len;
	return (uint32_t)pg->nnodes++;
}

static size_t
add_attr_text(struct sc_html_page *pg, const char *s, size_t n)
{
	size_t off = pg->attrs.len;

	sc_buf_add(&pg->attrs, s, n);
	sc_buf_addc(&pg->attrs, '\0');
	return off;
}

static void
add_mark(struct sc_html_page *pg, uint32_t kind, uint32_t weight, uint32_t block,
    const char *s, size_t n)
{
	struct sc_html_marked *m;

	if (pg->nmarks == pg->marks_cap) {
		pg->marks_cap = pg->marks_cap ? pg->marks_cap * 2 : 32;
		pg->marks = xreallocarray(pg->marks, pg->marks_cap, sizeof(*pg->marks));
	}
	m = &pg->marks[pg->nmarks++];
	m->kind = kind;
	m->weight = weight;
	m->block = block;
	m->val_off = (uint32_t)add_attr_text(pg, s, n);
	m->val_len = (uint32_t)n;
}

static void
add_metatag(struct sc_html_page *pg, const char *k, size_t kn, const char *v, size_t vn)
{
	struct sc_html_metatag *m;
	size_t i;

	if (pg->nmetas == pg->metas_cap) {
		pg->metas_cap = pg->metas_cap ? pg->metas_cap * 2 : 32;
		pg->metas = xreallocarray(pg->metas, pg->metas_cap, sizeof(*pg->metas));
	}
	m = &pg->metas[pg->nmetas++];
	m->key_off = (uint32_t)pg->attrs.len;
	for (i = 0; i < kn; i++)
		sc_buf_addc(&pg->attrs, tolower((unsigned char)k[i]));
	sc_buf_addc(&pg->attrs, '\0');
	m->key_len = (uint32_t)kn;
	m->val_off = (uint32_t)add_attr_text(pg, v, vn);
	m->val_len = (uint32_t)vn;
}

/* ---- Text ---- */

/* Length of a Unicode space at p (UTF-8), 0 if none. */
static inline size_t
uspace_len(const unsigned char *p, size_t n)
{
	if (p[0] == 0xC2 && n >= 2 && p[1] == 0xA0)
		return 2;				/* NBSP */
	if (p[0] == 0xE2 && n >= 3) {
		if (p[1] == 0x80 && (p[2] <= 0x8A || p[2] == 0xAF ||
		    p[2] == 0xA8 || p[2] == 0xA9))
			return 3;			/* U+2000..200A, 202F, 2028, 2029 */
		if (p[1] == 0x81 && p[2] == 0x9F)
			return 3;			/* U+205F */
	}
	if (p[0] == 0xE3 && n >= 3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;				/* U+3000 */
	if (p[0] == 0xE1 && n >= 3 && p[1] == 0x9A && p[2] == 0x80)
		return 3;				/* U+1680 */
	return 0;
}

/* Length of an invisible character at p that text drops, 0 if none. */
static inline size_t
invisible_len(const unsigned char *p, size_t n)
{
	if (p[0] == 0xC2 && n >= 2 && p[1] == 0xAD)
		return 2;				/* soft hyphen */
	if (p[0] == 0xE2 && n >= 3 && ((p[1] == 0x80 && p[2] == 0x8B) ||
	    (p[1] == 0x81 && p[2] == 0xA0)))
		return 3;				/* ZWSP, word joiner */
	if (p[0] == 0xEF && n >= 3 && p[1] == 0xBB && p[2] == 0xBF)
		return 3;				/* BOM / ZWNBSP */
	return 0;
}

/* Sentence ends and commas of other scripts: 。！？，、،؟। */
static inline int
is_upunct(const unsigned char *p, size_t n)
{
	if (n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x82 || p[2] == 0x81))
		return 1;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x81 || p[2] == 0x9F ||
	    p[2] == 0x8C))
		return 1;
	if (n >= 2 && p[0] == 0xD8 && (p[1] == 0x8C || p[1] == 0x9F))
		return 1;
	if (n >= 3 && p[0] == 0xE0 && p[1] == 0xA5 && p[2] == 0xA4)
		return 1;
	return 0;
}

static void md_emit_pending(struct pstate *ps);

static void
cap_text(struct pstate *ps, const unsigned char *s, size_t n)
{
	int i;

	for (i = 0; i < ps->ncaps; i++) {
		struct capture *c = &ps->caps[i];
		size_t k;

		if (!c->active || c->raw)
			continue;
		for (k = 0; k < n && c->buf.len < CAPTURE_MAX; k++) {
			unsigned char ch = s[k];

			if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
			    ch == '\f') {
				if (c->space == 0)	/* a pending line break stays one */
					c->space = 1;
				continue;
			}
			c->after_link = 0;
			if (c->space == 3 && c->buf.len > 0 && (isalpha(ch) || ch >= 0x80))
				sc_buf_adds(&c->buf, "; ");
			else if (c->space && c->buf.len > 0)
				sc_buf_addc(&c->buf, c->space == 2 ? '\n' : ' ');
			c->space = 0;
			sc_buf_addc(&c->buf, ch);
		}
	}
}

/*
 * A block element opens or closes inside an author capture: the text
 * after it is another line ("<p class=name>Jane Doe</p><p>Jane writes
 * about ...</p>" in an author box), kept apart by a newline for the
 * byline reader.
 */
static void
cap_break(struct pstate *ps)
{
	int i;

	for (i = 0; i < ps->ncaps; i++) {
		struct capture *c = &ps->caps[i];

		if (c->active && c->kind == SC_HM_AUTHOR && c->buf.len > 0)
			c->space = 2;
	}
}

/*
 * A link ends inside an author capture, or another begins: names linked
 * one after another with nothing but white space between ("<a>Jane
 * Doe</a><a>John Roe</a>", the commas a style sheet's) are a list.
 */
static void
cap_link(struct pstate *ps, int end)
{
	int i;

	for (i = 0; i < ps->ncaps; i++) {
		struct capture *c = &ps->caps[i];

		if (!c->active || c->kind != SC_HM_AUTHOR || c->buf.len == 0)
			continue;
		if (end)
			c->after_link = 1;
		else if (c->after_link && c->space != 2)
			c->space = 3;
	}
}

static const struct frame *
top(const struct pstate *ps)
{
	return &ps->st[ps->nst - 1];
}

static void
open_block(struct pstate *ps)
{
	const struct frame *f = top(ps);
	struct sc_html_page *pg = ps->pg;
	int i;

	ps->open = 1;
	ps->bstart = pg->text.len;
	ps->mdstart = pg->md.len;
	ps->bchars = ps->blink = ps->bwords = ps->bpunct = 0;
	ps->biflags = ps->biflag_chars = 0;
	ps->space = 0;
	if (!ps->want_md)
		return;
	for (i = 0; i < f->quote && i < 8; i++)
		sc_buf_adds(&pg->md, "> ");
	if (f->heading) {
		for (i = 0; i < f->heading; i++)
			sc_buf_addc(&pg->md, '#');
		sc_buf_addc(&pg->md, ' ');
	} else if (f->owner_tag_kind == SC_HK_LI && !ps->brk) {
		for (i = 1; i < f->list_depth && i < 8; i++)
			sc_buf_adds(&pg->md, "  ");
		if (f->ordered)
			sc_buf_printf(&pg->md, "%u. ", (unsigned)f->item);
		else
			sc_buf_adds(&pg->md, "- ");
	} else if (f->owner_tag_kind == SC_HK_PRE) {
		sc_buf_adds(&pg->md, "```\n");
	}
}

static void
close_block(struct pstate *ps)
{
	struct sc_html_page *pg = ps->pg;
	const struct frame *f;
	struct sc_html_block *b;
	int i;

	if (!ps->open)
		return;
	ps->open = 0;
	f = top(ps);
	if (ps->bchars == 0) {
		pg->text.len = ps->bstart;
		pg->text.p[pg->text.len] = '\0';
		if (ps->want_md) {
			pg->md.len = ps->mdstart;
			pg->md.p[pg->md.len] = '\0';
		}
		return;
	}
	if (ps->want_md) {
		/* Close the inline markers still open; they reopen in the next block. */
		for (i = ps->nmd - 1; i >= 0; i--) {
			if (ps->md_emitted[i]) {
				static const char *const mk[] = { "", "*", "**", "`" };

				sc_buf_adds(&pg->md, mk[ps->st[ps->md_open[i]].md]);
				ps->md_emitted[i] = 0;
			}
		}
		if (f->owner_tag_kind == SC_HK_PRE)
			sc_buf_adds(&pg->md, "\n```");
	}
	if (pg->nblocks == pg->blocks_cap) {
		pg->blocks_cap = pg->blocks_cap ? pg->blocks_cap * 2 : 256;
		pg->blocks = xreallocarray(pg->blocks, pg->blocks_cap, sizeof(*pg->blocks));
	}
	b = &pg->blocks[pg->nblocks++];
	b->off = ps->bstart;
	b->len = pg->text.len - ps->bstart;
	sc_buf_addc(&pg->text, '\0');
	b->md_off = ps->mdstart;
	b->md_len = ps->want_md ? pg->md.len - ps->mdstart : 0;
	if (ps->want_md)
		sc_buf_addc(&pg->md, '\0');
	b->node = f->owner;
	b->chars = ps->bchars;
	b->link_chars = ps->blink;
	b->words = ps->bwords;
	b->puncts = ps->bpunct;
	b->flags = f->cflags;
	b->iflags = 0;
	if (ps->biflag_chars * 2 >= ps->bchars) {
		b->iflags = ps->biflags;
		b->flags |= ps->biflags;
	}
	b->row = f->owner_tag_kind == SC_HK_CELL ? f->row : 0;
	b->kind = f->owner_tag_kind;
	b->heading = f->heading;
	b->brk = (uint8_t)ps->brk;
	b->list_depth = f->list_depth;
	b->ordered = f->ordered ? f->item : 0;
	ps->brk = 0;
}

/* Byte classes for add_text; every byte from 0x80 up needs a closer look. */
enum {
	TC_PLAIN = 0, TC_PUNCT = 1,	/* TC_PUNCT counts as 1 */
	TC_BLANK, TC_HIGH,
	TC_HSPEC	/* lead bytes of uspace_len, invisible_len, is_upunct */
};

#define TC_R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
#define H TC_HIGH
#define S TC_HSPEC
static const unsigned char text_class[256] = {
	[' '] = TC_BLANK, ['\n'] = TC_BLANK, ['\t'] = TC_BLANK, ['\r'] = TC_BLANK,
	['\f'] = TC_BLANK,
	[','] = TC_PUNCT, ['.'] = TC_PUNCT, ['!'] = TC_PUNCT, ['?'] = TC_PUNCT,
	[';'] = TC_PUNCT,
	[0x80] = TC_R16(H), TC_R16(H), TC_R16(H), TC_R16(H),
	H, H, S, H, H, H, H, H, H, H, H, H, H, H, H, H,	/* C2 */
	H, H, H, H, H, H, H, H, S, H, H, H, H, H, H, H,	/* D8 */
	S, S, S, S, H, H, H, H, H, H, H, H, H, H, H, S,	/* E0..E3, EF */
	TC_R16(H)
};
#undef TC_R16
#undef H
#undef S

static void
add_text(struct pstate *ps, const unsigned char *s, size_t n)
{
	struct sc_html_page *pg = ps->pg;
	const struct frame *f;
	size_t i, k;
	uint32_t chars, spaces, punct, words;
	int link, pre, want_md;

	if (ps->skip > 0 || ps->nst == 0)
		return;
	if (ps->ncaps > 0)
		cap_text(ps, s, n);
	if (ps->head || ps->title > 0)
		return;
	f = top(ps);
	link = f->link;
	pre = f->pre;
	want_md = ps->want_md;
	i = 0;
	while (i < n) {
		unsigned char c = s[i];

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
			if (pre && c != '\r') {
				if (!ps->open)
					open_block(ps);
				sc_buf_addc(&pg->text, c);
				if (want_md)
					sc_buf_addc(&pg->md, c);
			} else if (ps->open && ps->bchars > 0) {
				ps->space = 1;
			}
			i++;
			continue;
		}
		if (c >= 0x80) {
			if ((k = uspace_len(s + i, n - i)) > 0) {
				if (pre) {
					if (!ps->open)
						open_block(ps);
					sc_buf_addc(&pg->text, ' ');
					if (want_md)
						sc_buf_addc(&pg->md, ' ');
				} else if (ps->open && ps->bchars > 0) {
					ps->space = 1;
				}
				i += k;
				continue;
			}
			if ((k = invisible_len(s + i, n - i)) > 0) {
				i += k;
				continue;
			}
		}
		/* A visible character, or a run of ASCII ones. */
		if (!ps->open)
			open_block(ps);
		if (ps->space) {
			sc_buf_addc(&pg->text, ' ');
			if (want_md)
				sc_buf_addc(&pg->md, ' ');
			ps->space = 0;
			if (link)
				ps->blink++;
			ps->bchars++;
		}
		if (want_md && ps->nmd > 0)
			md_emit_pending(ps);
		if (ps->bchars == 0 || pg->text.p[pg->text.len - 1] == ' ' ||
		    pg->text.p[pg->text.len - 1] == '\n')
			ps->bwords++;
		/*
		 * The word, and the words after it that one plain space
		 * separates (most of running text), copied as one run: the
		 * space is what the blank rule above would write there.
		 * Counts in locals: s may alias *ps.
		 */
		chars = spaces = punct = words = 0;
		k = i;
		for (;;) {
			while (k < n) {
				size_t k0 = k;
				unsigned char d, t;

				/* ASCII letters and punctuation: one class load a byte. */
				while (k < n && (t = text_class[s[k]]) <= TC_PUNCT) {
					punct += t;
					k++;
				}
				chars += (uint32_t)(k - k0);
				if (k >= n || (t = text_class[d = s[k]]) == TC_BLANK)
					break;
				if (t == TC_HSPEC) {
					if (uspace_len(s + k, n - k) || invisible_len(s + k, n - k))
						break;
					if (is_upunct(s + k, n - k))
						punct++;
				}
				if ((d & 0xC0) != 0x80)
					chars++;
				/* Continuation bytes: none starts a space or a mark. */
				for (k++; k < n && (s[k] & 0xC0) == 0x80; k++)
					;
			}
			if (pre || k + 1 >= n || s[k] != ' ' || text_class[s[k + 1]] == TC_BLANK ||
			    (s[k + 1] >= 0x80 && (uspace_len(s + k + 1, n - k - 1) ||
			    invisible_len(s + k + 1, n - k - 1))))
				break;
			spaces++;
			words++;
			k++;
		}
		ps->bchars += chars + spaces;
		if (link)
			ps->blink += chars + spaces;
		if (f->iflags != 0)
			ps->biflag_chars += chars;
		ps->bpunct += punct;
		ps->bwords += words;
		sc_buf_add(&pg->text, s + i, k - i);
		if (want_md)
			sc_buf_add(&pg->md, s + i, k - i);
		if (f->iflags)
			ps->biflags |= f->iflags;
		i = k;
	}
}

/* ---- Markdown inline markers ---- */

static void
md_emit_pending(struct pstate *ps)
{
	static const char *const mk[] = { "", "*", "**", "`" };
	int i;

	for (i = 0; i < ps->nmd; i++) {
		if (!ps->md_emitted[i]) {
			sc_buf_adds(&ps->pg->md, mk[ps->st[ps->md_open[i]].md]);
			ps->md_emitted[i] = 1;
		}
	}
}

/* ---- Attributes ---- */

static int
attr_eq(const xmlChar *v, const char *s)
{
	return v != NULL && xmlStrcasecmp(v, (const xmlChar *)s) == 0;
}

/* Whether a class attribute lists the word w (case-insensitive). */
static int
class_word(const xmlChar *v, const char *w)
{
	const char *p = (const char *)v;
	size_t n = strlen(w);

	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (strncasecmp(p, w, n) == 0 && (p[n] == '\0' || p[n] == ' ' ||
		    p[n] == '\t' || p[n] == '\n'))
			return 1;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
	}
	return 0;
}

/* Whether an itemprop lists the property w: its value is a set of
 * tokens ("author creator"). */
static int
prop_has(const xmlChar *v, const char *w)
{
	return v != NULL && class_word(v, w);
}

static int
attr_has(const xmlChar *v, const char *s)
{
	return v != NULL && xmlStrcasestr(v, (const xmlChar *)s) != NULL;
}

/* Inline styles that hide an element: display:none, visibility:hidden. */
static int
style_hidden(const char *s)
{
	const char *p;

	for (p = s; (p = strchr(p, ':')) != NULL; p++) {
		const char *k = p, *v = p + 1;

		while (k > s && (k[-1] == ' ' || k[-1] == '\t'))
			k--;
		while (*v == ' ' || *v == '\t')
			v++;
		if (k - s >= 7 && strncasecmp(k - 7, "display", 7) == 0 &&
		    strncasecmp(v, "none", 4) == 0)
			return 1;
		if (k - s >= 10 && strncasecmp(k - 10, "visibility", 10) == 0 &&
		    strncasecmp(v, "hidden", 6) == 0)
			return 1;
	}
	return 0;
}

static struct capture *
start_capture(struct pstate *ps, uint32_t kind, uint32_t weight, int raw)
{
	struct capture *c;
	int i;

	for (i = 0; i < MAX_CAPTURES; i++)
		if (!ps->caps[i].active)
			break;
	if (i == MAX_CAPTURES)
		return NULL;
	c = &ps->caps[i];
	c->active = 1;
	c->kind = kind;
	c->weight = weight;
	c->raw = raw;
	c->upper = ps->nst > 0 && ps->st[ps->nst - 1].upper;
	c->space = 0;
	c->after_link = 0;
	c->depth = ps->nst;
	/* A block element after text opens the next block; an inline date
	 * (<span class="date"> after a teaser's link) goes on in this one. */
	c->block = (uint32_t)ps->pg->nblocks + (ps->open && ps->bchars > 0 &&
	    (ps->st[ps->nst - 1].block || (kind != SC_HM_DATE_TEXT &&
	    kind != SC_HM_TIME_TEXT)));
	c->slug[0] = '\0';
	sc_buf_reset(&c->buf);
	if (i >= ps->ncaps)
		ps->ncaps = i + 1;
	ps->st[ps->nst - 1].cap = 1;
	return c;
}

/*
 * The name a link's path gives a writer's page, as its letters a-z, in
 * out (64 bytes): the segment after "/author/", "/autor/", "/auteur/" ...
 * ("/author/jane-doe/" gives "janedoe").  0 when there is none or it has
 * fewer than three letters.
 */
static int
author_slug(const char *href, char *out)
{
	static const char *const dirs[] = {
		"/author/", "/authors/", "/autor/", "/autoren/", "/autorin/",
		"/autorinnen/", "/auteur/", "/auteurs/", "/autore/", "/autori/",
		"/autores/", "/redakteur/", "/journalist/", "/journalisten/", NULL
	};
	const char *p = NULL;
	size_t k, n = 0;

	for (k = 0; dirs[k] != NULL && p == NULL; k++)
		if ((p = strcasestr(href, dirs[k])) != NULL)
			p += strlen(dirs[k]);
	if (p == NULL)
		return 0;
	for (; *p && *p != '/' && *p != '?' && *p != '#'; p++) {
		if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
			p += 2;		/* an encoded byte: not a letter a-z */
			continue;
		}
		if (isalpha((unsigned char)*p)) {
			if (n == 63)
				return 0;
			out[n++] = (char)tolower((unsigned char)*p);
		}
	}
	out[n] = '\0';
	return n >= 3;
}

/*
 * Whether the letters of a link's text t[0..n) spell the slug (63 letters
 * a-z at most): ASCII letters case-blind, a letter outside ASCII matching
 * none to two of the slug's ("J\xC3\xBCrgen" for "juergen" or "jurgen"),
 * six such letters at most, other characters nothing.  Bit k of at says
 * that the letters read so far spell the slug's first k: one pass (trying
 * each way in turn tripled the ways with each letter outside ASCII).
 */
#define SLUG_TEXT_MAX 80	/* a link's text no longer than this spells a name */
static int
slug_spells(const char *slug, const unsigned char *t, size_t n)
{
	uint64_t at = 1, all, occ[26] = { 0 };
	size_t i, len = strlen(slug), wide = 0;

	if (n > SLUG_TEXT_MAX || len > 63)
		return 0;
	all = len == 63 ? ~(uint64_t)0 : ((uint64_t)1 << (len + 1)) - 1;
	for (i = 0; i < len; i++)
		if (slug[i] >= 'a' && slug[i] <= 'z')
			occ[slug[i] - 'a'] |= (uint64_t)1 << i;
	for (i = 0; i < n && at != 0; i++) {
		if (t[i] >= 0x80) {
			if (++wide > 6)
				return 0;
			at = (at | at << 1 | at << 2) & all;
			while (i + 1 < n && (t[i + 1] & 0xC0) == 0x80)
				i++;
		} else if (isalpha(t[i])) {
			at = (at & occ[tolower(t[i]) - 'a']) << 1;
		}
	}
	return (int)(at >> len & 1);
}

/*
 * A name as the page shows it in capitals.  Letters outside ASCII keep
 * their case (the byte length stays; readers compare such names case-
 * blind anyway).
 */
static void
upcase_ascii(char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] >= 'a' && p[i] <= 'z')
			p[i] = (char)(p[i] - 'a' + 'A');
}

/* Whether a class token names a byline ("author-name", "byline", "autor",
 * French and Dutch "auteur"). */
static int
byline_class(const char *p, size_t n)
{
	static const char *const w[] = { "auth", "byline", "autor", "auteur", "writer", NULL };
	size_t i, k, l;

	for (k = 0; w[k] != NULL; k++)
		for (l = strlen(w[k]), i = 0; i + l <= n; i++)
			if (strncasecmp(p + i, w[k], l) == 0)
				return 1;
	return 0;
}

/* Drop class cl[0..cn) from the list of capitalised byline classes. */
static void
drop_upper_class(struct pstate *ps, const char *cl, size_t cn)
{
	size_t i = 0, l;

	while (i < ps->upper_cls.len) {
		l = strlen(ps->upper_cls.p + i);
		if (l == cn && memcmp(ps->upper_cls.p + i, cl, cn) == 0) {
			memmove(ps->upper_cls.p + i, ps->upper_cls.p + i + l + 1,
			    ps->upper_cls.len - i - l - 1);
			ps->upper_cls.len -= l + 1;
		} else {
			i += l + 1;
		}
	}
}

/*
 * A style sheet chunk: the rules that set text-transform on a byline
 * class.  Annotators and readers copy a byline as it is shown, so the
 * class names set to uppercase are kept and the author captured in such
 * an element is put in capitals.  The class is the last one in each
 * selector (".meta .byline .author-name", or ".byline" in ".byline a").
 * As in the cascade, a later rule wins: a theme's sheet sets the byline
 * in capitals, the site's own sheet after it sets it back ("capitalize",
 * "none"), and readers see the name as written.
 */
static void
scan_css(struct pstate *ps, const char *css, size_t n)
{
	const char *h = css, *end = css + n;

	while ((h = memmem(h, (size_t)(end - h), "text-transform", 14)) != NULL) {
		const char *o = h, *s, *v = h + 14;
		int upper;

		while (v < end && (*v == ' ' || *v == ':'))
			v++;
		upper = (size_t)(end - v) >= 9 && strncasecmp(v, "uppercase", 9) == 0;
		/* Bounded looks back: a sheet of junk costs linear time. */
		while (o > css && h - o < 2048 && *o != '{' && *o != '}')
			o--;
		if (*o != '{') {
			h += 14;
			continue;
		}
		for (s = o; s > css && o - s < 1024 && s[-1] != '}' && s[-1] != '{' &&
		    s[-1] != ';'; s--)
			;
		/* each selector of the list "a, b" */
		while (s < o) {
			const char *e = s, *cl = NULL;
			size_t cn = 0;

			while (e < o && *e != ',')
				e++;
			for (const char *q = s; q < e; q++)
				if (*q == '.') {
					size_t k = 1;

					while (q + k < e && (isalnum((unsigned char)q[k]) ||
					    q[k] == '-' || q[k] == '_'))
						k++;
					cl = q + 1;
					cn = k - 1;
				}
			if (cl != NULL && cn > 0 && cn < 64 && byline_class(cl, cn)) {
				drop_upper_class(ps, cl, cn);
				if (upper && ps->upper_cls.len < 512) {
					sc_buf_add(&ps->upper_cls, cl, cn);
					sc_buf_addc(&ps->upper_cls, '\0');
				}
			}
			s = e + 1;
		}
		h += 14;
	}
}

/*
 * Publication stamps in a JSON data island (the state a script-built page
 * ships: "datePublished", "publishedDate", "published_at" ...), each
 * kept as an SC_HM_DATA_DATE mark, a few per page.  Only the keys are
 * searched; the island is not parsed.  Scripts of code carry the same
 * state as object literals (shop platforms hand the product, with its
 * "published_at", to their scripts; CMSs put the post in a data layer):
 * their stamps are weight 0, data islands' weight 1, at most four of each.
 */
static void
scan_json_dates(struct sc_html_page *pg, const char *p, size_t n, uint32_t weight)
{
	static const char *const keys[] = {
		"\"datePublished\"", "\"publishedDate\"", "\"published_at\"",
		"\"publishedAt\"", "\"publishDate\"", "\"date_published\"",
		"\"firstPublished\"", "\"publicationDate\"", "\"first_published_at\"",
		"\"firstPublishedAt\"", "\"publish_date\"", "\"pubDate\"", NULL
	};
	size_t k, have = 0, i;

	for (i = 0; i < pg->nmarks; i++)
		have += pg->marks[i].kind == SC_HM_DATA_DATE && pg->marks[i].weight == weight;
	for (k = 0; keys[k] != NULL && have < 4; k++) {
		const char *h = memmem(p, n, keys[k], strlen(keys[k])), *v, *e;

		if (h == NULL)
			continue;
		v = h + strlen(keys[k]);
		while (v < p + n && (*v == ' ' || *v == ':'))
			v++;
		if (v >= p + n || *v != '"')
			continue;
		v++;
		for (e = v; e < p + n && e - v < 40 && *e != '"'; e++)
			;
		if (e < p + n && *e == '"' && e - v >= 8 && isdigit((unsigned char)*v)) {
			add_mark(pg, SC_HM_DATA_DATE, weight, (uint32_t)pg->nblocks, v,
			    (size_t)(e - v));
			have++;
		}
	}
}

/* Whether a class attribute lists a class the style sheets capitalise. */
static int
upper_class(const struct pstate *ps, const xmlChar *cls)
{
	size_t i = 0;

	while (i < ps->upper_cls.len) {
		const char *w = ps->upper_cls.p + i;

		if (class_word(cls, w))
			return 1;
		i += strlen(w) + 1;
	}
	return 0;
}

static void
end_captures(struct pstate *ps, size_t depth)
{
	int i;

	for (i = 0; i < ps->ncaps; i++) {
		struct capture *c = &ps->caps[i];

		if (!c->active || c->depth != depth)
			continue;
		c->active = 0;
		/* The cap may have cut a character in two. */
		if (!c->raw && c->buf.len > 0)
			c->buf.len = sc_utf8_valid_prefix(c->buf.p, c->buf.len);
		if (c->upper && c->kind == SC_HM_AUTHOR)
			upcase_ascii(c->buf.p, c->buf.len);
		/* A link to a writer's page names the writer when its text
		 * spells the name in the path; "More from the author" does
		 * not. */
		if (c->kind == SC_HM_AUTHOR_LINK &&
		    !slug_spells(c->slug, (const unsigned char *)c->buf.p, c->buf.len))
			continue;
		if (c->buf.len > 0)
			add_mark(ps->pg, c->kind, c->weight, c->block,
			    c->buf.p ? c->buf.p : "", c->buf.len);
	}
	while (ps->ncaps > 0 && !ps->caps[ps->ncaps - 1].active)
		ps->ncaps--;
}

/* Keep the first MAX_ATTR_KEPT bytes of a value, cut at a character boundary. */
static size_t
cut_len(const char *s)
{
	size_t n = strlen(s);

	if (n <= MAX_ATTR_KEPT)
		return n;
	n = MAX_ATTR_KEPT;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* ---- SAX callbacks ---- */

static struct frame *
push_frame(struct pstate *ps)
{
	if (ps->nst == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->st = xreallocarray(ps->st, ps->cap, sizeof(*ps->st));
	}
	return &ps->st[ps->nst++];
}

/*
 * The microdata property an RDFa property attribute names, as a constant
 * attr_eq() takes, or NULL: schema.org's terms with or without a prefix
 * ("schema:dateCreated", "http://schema.org/author", IPTC's
 * "rnews:datePublished"), Dublin Core's date
 * and creator, and FOAF's name (Drupal's node markup).  Of a list of
 * terms ("dc:date dc:created"), the first known.
 */
static const xmlChar *
rdfa_itemprop(const xmlChar *property)
{
	static const struct { const char *term; const char *prop; } map[] = {
		{ "datepublished", "datePublished" }, { "datecreated", "dateCreated" },
		{ "author", "author" }, { "creator", "creator" }, { "name", "name" },
		{ "headline", "headline" }, { "datemodified", "dateModified" },
		{ "dc:date", "datePublished" }, { "dc:created", "datePublished" },
		{ "dc:issued", "datePublished" }, { "dcterms:date", "datePublished" },
		{ "dcterms:created", "datePublished" }, { "dcterms:issued", "datePublished" },
		{ "dc:creator", "creator" }, { "dcterms:creator", "creator" },
		{ "foaf:name", "name" },
	};
	static const char *const prefixes[] = {
		"schema:", "http://schema.org/", "https://schema.org/", "rnews:", NULL
	};
	const char *p = (const char *)property;
	size_t n, k, pl;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p == '\0')
			return NULL;
		for (n = 0; p[n] != '\0' && p[n] != ' ' && p[n] != '\t' && p[n] != '\n'; n++)
			;
		for (k = 0; prefixes[k] != NULL; k++) {
			pl = strlen(prefixes[k]);
			if (n > pl && strncasecmp(p, prefixes[k], pl) == 0) {
				p += pl;
				n -= pl;
				break;
			}
		}
		for (k = 0; k < sizeof(map) / sizeof(map[0]); k++)
			if (strlen(map[k].term) == n && strncasecmp(p, map[k].term, n) == 0)
				return (const xmlChar *)map[k].prop;
		p += n;
	}
}

/*
 * The same for a link relation in RDFa: the element holds the creator
 * (Drupal's rel="sioc:has_creator" around the account's foaf:name,
 * rel="schema:author").  A bare rel="author" is the link's own case.
 */
static const xmlChar *
rdfa_rel(const xmlChar *rel)
{
	if (class_word(rel, "sioc:has_creator") || class_word(rel, "schema:author") ||
	    class_word(rel, "dc:creator") || class_word(rel, "dcterms:creator"))
		return (const xmlChar *)"author";
	return NULL;
}

/*
 * Whether a data-* attribute (named without "data-") holds the piece's
 * publication stamp, as scripts and Facebook's embeds write it.
 */
static int
data_pub_attr(const char *n)
{
	static const char *const names[] = {
		"published", "publish-date", "published-date", "publishdate",
		"pubdate", "date-published", "published-at", "publish-time",
		"published-time", "utime", NULL
	};
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(n, names[i]) == 0)
			return 1;
	return 0;
}

/*
 * The rank of a <time datetime>: 3 when marked as the publication
 * (pubdate, class "published", itemprop datePublished or dateCreated, a
 * class such as "entry-date" or "dt-published" unless one of the update's
 * is there too), 1 when marked as
 * the last change (itemprop dateModified, a class such as "updated" or
 * "date-modified", or a label such as "Updated" or "Aktualisiert am"
 * before it in its line, after any earlier <time>), 2 for others.
 */
static uint32_t
time_weight(const struct pstate *ps, int pubdate, const xmlChar *itemprop,
    const xmlChar *cls)
{
	static const char *const mod_cls[] = {
		"updated", "modified", "date-updated", "date-modified", "updated-date",
		"modified-date", "last-updated", "last-modified", "dt-updated", NULL
	};
	/* htmldate's and WordPress themes' names for the publication's
	 * <time>; "entry-date updated" is the update's. */
	static const char *const pub_cls[] = {
		"entry-date", "date-published", "published-date", "publish-date",
		"post-date", "pubdate", "datepublished", "dt-published", NULL
	};
	const struct sc_buf *t = &ps->pg->text;
	size_t lo, i;

	if (pubdate || prop_has(itemprop, "datePublished") ||
	    prop_has(itemprop, "dateCreated") || (cls != NULL && class_word(cls, "published")))
		return 3;
	if (prop_has(itemprop, "dateModified"))
		return 1;
	for (i = 0; cls != NULL && mod_cls[i] != NULL; i++)
		if (class_word(cls, mod_cls[i]))
			return 1;
	for (i = 0; cls != NULL && pub_cls[i] != NULL; i++)
		if (class_word(cls, pub_cls[i]))
			return 3;
	if (!ps->open)
		return 2;
	lo = ps->time_text > ps->bstart ? ps->time_text : ps->bstart;
	return lo < t->len && sc_date_update_label(t->p, lo, t->len) ? 1 : 2;
}

static void
start_element(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct pstate *ps = ctx;
	struct sc_html_page *pg = ps->pg;
	const char *name = (const char *)xname;
	const xmlChar *cls = NULL, *id = NULL, *role = NULL, *style = NULL;
	const xmlChar *itemprop = NULL, *itemtype = NULL, *href = NULL, *rel = NULL;
	const xmlChar *type = NULL, *content = NULL, *datetime = NULL, *lang = NULL;
	const xmlChar *mname = NULL, *property = NULL, *httpequiv = NULL;
	const xmlChar *charsetattr = NULL, *title = NULL, *datapub = NULL;
	const xmlChar *rdfa_type = NULL;
	uint32_t hflags = 0, hmeta = 0, tflags;
	struct frame *f;
	const struct frame *up;
	unsigned tag;
	int kind, hidden = 0, aria_hidden = 0, pubdate = 0, i;
	int record;

	tag = tag_lookup(&ps->tc, name);
	kind = tag_kind(tag);
	tflags = tag == SC_HT_OTHER ? 0 : tags[tag - 1].flags;
	if (ps->ncaps > 0 && (kind == TK_BLOCK || tag == SC_HT_BR))
		cap_break(ps);
	if (ps->ncaps > 0 && tag == SC_HT_A)
		cap_link(ps, 0);

	/* Inside a skipped region only the nesting matters. */
	if (ps->skip > 0 && tag != SC_HT_META && tag != SC_HT_LINK) {
		if (kind != TK_VOID) {
			f = push_frame(ps);
			*f = ps->st[ps->nst - 2];
			f->tag = (uint16_t)tag;
			f->skip = 0;
			f->cap = 0;
			f->md = 0;
			f->block = 0;
		}
		return;
	}

	if (atts != NULL) {
		for (i = 0; atts[i] != NULL; i += 2) {
			const char *an = (const char *)atts[i];
			const xmlChar *av = atts[i + 1];

			switch (an[0]) {
			case 'a':
				if (strcmp(an, "aria-hidden") == 0 && attr_eq(av, "true"))
					aria_hidden = 1;
				break;
			case 'c':
				if (strcmp(an, "class") == 0)
					cls = av;
				else if (strcmp(an, "content") == 0)
					content = av;
				else if (strcmp(an, "charset") == 0)
					charsetattr = av;
				break;
			case 'd':
				if (strcmp(an, "datetime") == 0)
					datetime = av;
				else if (strncmp(an, "data-", 5) == 0 && data_pub_attr(an + 5))
					datapub = av;
				break;
			case 'h':
				if (strcmp(an, "href") == 0)
					href = av;
				else if (strcmp(an, "hidden") == 0)
					hidden = 1;
				else if (strcmp(an, "http-equiv") == 0)
					httpequiv = av;
				break;
			case 'i':
				if (strcmp(an, "id") == 0)
					id = av;
				else if (strcmp(an, "itemprop") == 0)
					itemprop = av;
				else if (strcmp(an, "itemtype") == 0)
					itemtype = av;
				break;
			case 'l':
				if (strcmp(an, "lang") == 0)
					lang = av;
				break;
			case 'n':
				if (strcmp(an, "name") == 0)
					mname = av;
				break;
			case 'p':
				if (strcmp(an, "property") == 0)
					property = av;
				else if (strcmp(an, "pubdate") == 0)
					pubdate = 1;
				break;
			case 'r':
				if (strcmp(an, "role") == 0)
					role = av;
				else if (strcmp(an, "rel") == 0)
					rel = av;
				break;
			case 's':
				if (strcmp(an, "style") == 0)
					style = av;
				break;
			case 't':
				if (strcmp(an, "type") == 0)
					type = av;
				else if (strcmp(an, "title") == 0)
					title = av;
				else if (strcmp(an, "typeof") == 0)
					rdfa_type = av;
				break;
			}
		}
	}
	(void)charsetattr;

	up = ps->nst > 0 ? top(ps) : NULL;

	/* RDFa in the body (Drupal's dc:date and schema: mappings, RDFa
	 * Lite's property="datePublished") says what microdata says. */
	if (itemprop == NULL && !ps->head && ((property != NULL &&
	    (itemprop = rdfa_itemprop(property)) != NULL) ||
	    (rel != NULL && (itemprop = rdfa_rel(rel)) != NULL)) && itemtype == NULL)
		itemtype = rdfa_type;

	/* Metadata that sits in attributes. */
	if (tag == SC_HT_META) {
		const xmlChar *k = property ? property : mname ? mname :
		    itemprop ? itemprop : httpequiv;

		/* Microdata in a teaser box, a sidebar or a comment states
		 * another story's or a reader's fields, not the page's. */
		int elsewhere = itemprop != NULL && up != NULL &&
		    (up->cflags & (SC_HF_COMMENT | SC_HF_RELATED | SC_HF_ASIDE | SC_HF_NAV));

		if (k != NULL && content != NULL && !(k == itemprop && elsewhere)) {
			/* RDFa lists terms: Drupal's <meta property="dc:date
			 * dc:created" content="...">, and microdata's itemprop
			 * is a set of them (<meta itemprop="dateModified
			 * dateCreated" content="...">); each names the value
			 * (eight at most). */
			const char *t = (const char *)k;
			size_t tn, nt = 0;

			if ((k != property && k != itemprop) || strpbrk(t, " \t\n") == NULL)
				add_metatag(pg, t, cut_len(t), (const char *)content,
				    cut_len((const char *)content));
			else
				for (;;) {
					t += strspn(t, " \t\n\r");
					if (*t == '\0' || nt++ == 8)
						break;
					tn = strcspn(t, " \t\n\r");
					add_metatag(pg, t, tn < MAX_ATTR_KEPT ? tn : MAX_ATTR_KEPT,
					    (const char *)content, cut_len((const char *)content));
					t += tn;
				}
		}
		if (itemprop != NULL && content != NULL && ps->skip == 0 && !elsewhere) {
			if (prop_has(itemprop, "datePublished"))
				add_mark(pg, SC_HM_DATE_ATTR, 2, (uint32_t)pg->nblocks,
				    (const char *)content, cut_len((const char *)content));
			else if (prop_has(itemprop, "name") && up != NULL && up->author_item == 1)
				/* <div itemprop="author" itemscope><meta
				 * itemprop="name" content="Jane Doe">: the Person's
				 * name, written for machines only (an Organization's
				 * is the publisher's, as in JSON-LD). */
				add_mark(pg, SC_HM_AUTHOR_ATTR, 2, (uint32_t)pg->nblocks,
				    (const char *)content, cut_len((const char *)content));
		}
		return;		/* void, never reaches sax_end with a frame */
	}
	if (tag == SC_HT_LINK) {
		if (rel != NULL && href != NULL && attr_eq(rel, "canonical"))
			add_mark(pg, SC_HM_CANONICAL, 2, 0, (const char *)href,
			    cut_len((const char *)href));
		return;
	}
	if (tag == SC_HT_HTML && lang != NULL)
		add_mark(pg, SC_HM_LANG, 2, 0, (const char *)lang, cut_len((const char *)lang));

	if (tag == SC_HT_BR) {
		if (ps->skip > 0 || ps->head || ps->title > 0)
			return;
		if (up != NULL && up->pre) {
			add_text(ps, (const unsigned char *)"\n", 1);
			return;
		}
		if (ps->open) {
			close_block(ps);
			ps->brk = 1;
		}
		return;
	}
	if (kind == TK_VOID) {
		if (tag == SC_HT_HR && ps->open)
			close_block(ps);
		return;
	}

	/* Class, id and role: what the element is for. */
	if (tag != SC_HT_HTML && tag != SC_HT_BODY) {
		if (cls != NULL)
			hint_flags((const char *)cls, strlen((const char *)cls), &hflags, &hmeta);
		if (id != NULL)
			hint_flags((const char *)id, strlen((const char *)id), &hflags, &hmeta);
		/* A blockquote quotes: "twitter-tweet" names whom, it is no
		 * share button. */
		if (tag == SC_HT_BLOCKQUOTE)
			hflags &= ~SC_HF_SHARE;
	}
	if (role != NULL) {
		if (attr_eq(role, "navigation") || attr_eq(role, "menu") ||
		    attr_eq(role, "menubar"))
			hflags |= SC_HF_NAV;
		else if (attr_eq(role, "contentinfo"))
			hflags |= SC_HF_FOOTER;
		else if (attr_eq(role, "banner"))
			hflags |= SC_HF_HEADER;
		else if (attr_eq(role, "complementary"))
			hflags |= SC_HF_ASIDE;
		else if (attr_eq(role, "main") || attr_eq(role, "article"))
			hflags |= SC_HF_ARTICLE;
		else if (attr_eq(role, "dialog") || attr_eq(role, "alertdialog"))
			hflags |= SC_HF_SUBSCRIBE;
		else if (attr_eq(role, "search"))
			hflags |= SC_HF_FORM;
	}
	if (itemprop != NULL) {
		if (prop_has(itemprop, "articleBody") || prop_has(itemprop, "reviewBody"))
			hflags |= SC_HF_ARTICLE | SC_HF_STRONG;
	}
	if (itemtype != NULL) {
		if (attr_has(itemtype, "/Comment"))
			hflags |= SC_HF_COMMENT;
		else if (attr_has(itemtype, "WPSideBar"))
			hflags |= SC_HF_ASIDE;
		else if (attr_has(itemtype, "WPFooter"))
			hflags |= SC_HF_FOOTER;
		else if (attr_has(itemtype, "WPHeader"))
			hflags |= SC_HF_HEADER;
		else if (attr_has(itemtype, "SiteNavigationElement"))
			hflags |= SC_HF_NAV;
	}
	if (aria_hidden)
		hflags |= SC_HF_HIDDEN;
	if (style != NULL && style_hidden((const char *)style))
		hidden = 1;

	/* Block-level elements end the running block. */
	if (kind == TK_BLOCK || kind == TK_SKIP || hidden) {
		if (ps->open && kind != TK_SKIP && !hidden)
			close_block(ps);
		else if (ps->open && kind == TK_BLOCK)
			close_block(ps);
	}
	if (kind == TK_BLOCK)
		ps->brk = 0;

	f = push_frame(ps);
	up = ps->nst > 1 ? &ps->st[ps->nst - 2] : NULL;
	if (up != NULL)
		*f = *up;
	else
		memset(f, 0, sizeof(*f));
	f->tag = (uint16_t)tag;
	f->skip = 0;
	f->block = kind == TK_BLOCK;
	f->cap = 0;
	f->md = 0;
	f->count = 0;
	f->json = 0;
	f->cflags |= tflags | hflags;
	if (cls != NULL && ps->upper_cls.len > 0 && upper_class(ps, cls))
		f->upper = 1;
	if (style != NULL && strstr((const char *)style, "uppercase") != NULL)
		f->upper = 1;

	if (kind == TK_SKIP || hidden) {
		f->skip = 1;
		ps->skip++;
		if (tag == SC_HT_SCRIPT && type != NULL && attr_has(type, "ld+json"))
			start_capture(ps, SC_HM_JSONLD, 2, 1);
		else if (tag == SC_HT_SCRIPT && type != NULL && attr_has(type, "json"))
			f->json = 1;
		else if (tag == SC_HT_SCRIPT && (type == NULL ||
		    attr_has(type, "javascript") || attr_has(type, "module")))
			f->json = 2;
		return;
	}
	/*
	 * The head ends where body content starts, whatever libxml2 makes of
	 * it (a stray tag in the head makes it put the whole page there).
	 */
	if (tag == SC_HT_HEAD) {
		if (pg->nblocks == 0)
			ps->head = 1;
	} else if (tag != SC_HT_HTML && tag != SC_HT_TITLE) {
		ps->head = 0;
	}
	if (tag == SC_HT_TITLE) {
		if (ps->title == 0 && (ps->head || pg->nblocks == 0))
			start_capture(ps, SC_HM_TITLE, 2, 0);
		ps->title++;	/* its text is not page text */
		f->skip = 2;	/* undo title++ at the end */
		return;
	}

	/* Record the element when the structure needs it. */
	record = kind == TK_BLOCK || tag == SC_HT_OTHER || (tflags | hflags) != 0;
	if (record) {
		uint32_t parent = up != NULL ? up->node : 0;
		uint16_t depth = up != NULL && pg->nnodes > 0 &&
		    pg->nodes[parent].depth < UINT16_MAX ?
		    (uint16_t)(pg->nodes[parent].depth + 1) : UINT16_MAX;

		if (pg->nnodes == 0)
			parent = 0;
		f->node = add_node(ps, parent, tag, tflags | hflags, depth);
		/* Signature: tag#id.class (for tag paths). */
		sc_buf_adds(&pg->attrs, tag == SC_HT_OTHER ? name : sc_html_tag_name(tag));
		if (id != NULL && *id) {
			sc_buf_addc(&pg->attrs, '#');
			sc_buf_add(&pg->attrs, id, strlen((const char *)id) < 64 ?
			    strlen((const char *)id) : 64);
		}
		if (cls != NULL && *cls) {
			size_t cn = strlen((const char *)cls), k;

			sc_buf_addc(&pg->attrs, '.');
			cn = cn < 96 ? cn : 96;
			for (k = 0; k < cn; k++) {
				char c = (char)cls[k];

				sc_buf_addc(&pg->attrs, c == ' ' || c == '\t' ||
				    c == '\n' || c == '\r' || c == '\f' ? '.' : c);
			}
		}
		pg->nodes[f->node].attr_len = (uint32_t)(pg->attrs.len -
		    pg->nodes[f->node].attr_off);
		sc_buf_addc(&pg->attrs, '\0');
	}
	if (kind == TK_BLOCK) {
		int generic = up != NULL && (up->owner_tag_kind == SC_HK_LI ||
		    up->owner_tag_kind == SC_HK_HEADING || up->owner_tag_kind == SC_HK_CELL ||
		    up->owner_tag_kind == SC_HK_CAPTION || up->owner_tag_kind == SC_HK_DD ||
		    up->owner_tag_kind == SC_HK_DT);

		f->owner = f->node;
		if (!generic) {
			f->heading = 0;
			f->owner_tag_kind = SC_HK_TEXT;
		}
		switch (tag) {
		case SC_HT_P:
			/* A paragraph stays one inside a heading or caption (broken
			 * markup puts whole articles in an <h2>), but takes the
			 * item or cell around it, for Markdown lists and tables. */
			if (!generic || up->owner_tag_kind == SC_HK_HEADING ||
			    up->owner_tag_kind == SC_HK_CAPTION) {
				f->owner_tag_kind = SC_HK_P;
				f->heading = 0;
			}
			break;
		case SC_HT_DIV: case SC_HT_SECTION: case SC_HT_CENTER:
		case SC_HT_ARTICLE: case SC_HT_HEADER: case SC_HT_FOOTER:
		case SC_HT_ASIDE: case SC_HT_NAV: case SC_HT_MAIN: case SC_HT_ADDRESS:
		case SC_HT_FIGURE: case SC_HT_FORM: case SC_HT_FIELDSET:
		case SC_HT_DETAILS: case SC_HT_SUMMARY: case SC_HT_HGROUP:
			/* Generic containers keep the kind of an item or cell around them. */
			break;
		case SC_HT_H1: case SC_HT_H2: case SC_HT_H3:
		case SC_HT_H4: case SC_HT_H5: case SC_HT_H6:
			f->owner_tag_kind = SC_HK_HEADING;
			f->heading = (uint8_t)(tag - SC_HT_H1 + 1);
			break;
		case SC_HT_LI:
			f->owner_tag_kind = SC_HK_LI;
			if (up != NULL && f->ordered) {
				/* Number the item in its ol (the list is the nearest frame
				 * with ordered set: walk down from the parent). */
				size_t j = ps->nst - 1;

				while (j > 0 && ps->st[j - 1].tag != SC_HT_OL &&
				    ps->st[j - 1].tag != SC_HT_UL)
					j--;
				if (j > 0 && ps->st[j - 1].tag == SC_HT_OL) {
					if (ps->st[j - 1].count < UINT16_MAX)
						ps->st[j - 1].count++;
					f->item = ps->st[j - 1].count > 255 ? 255 :
					    (uint8_t)ps->st[j - 1].count;
				}
			}
			break;
		case SC_HT_DT:
			f->owner_tag_kind = SC_HK_DT;
			break;
		case SC_HT_DD:
			f->owner_tag_kind = SC_HK_DD;
			break;
		case SC_HT_TD: case SC_HT_TH:
			f->owner_tag_kind = SC_HK_CELL;
			break;
		case SC_HT_TR:
			f->row = f->node;
			break;
		case SC_HT_PRE: case SC_HT_LISTING: case SC_HT_XMP: case SC_HT_PLAINTEXT:
			f->owner_tag_kind = SC_HK_PRE;
			f->pre = 1;
			break;
		case SC_HT_FIGCAPTION: case SC_HT_CAPTION:
			f->owner_tag_kind = SC_HK_CAPTION;
			break;
		case SC_HT_UL: case SC_HT_MENU: case SC_HT_DIR:
			if (f->list_depth < 255)
				f->list_depth++;
			f->ordered = 0;
			break;
		case SC_HT_OL:
			if (f->list_depth < 255)
				f->list_depth++;
			f->ordered = 1;
			break;
		case SC_HT_BLOCKQUOTE:
			if (f->quote < 255)
				f->quote++;
			break;
		case SC_HT_TABLE:
			f->row = 0;
			break;
		default:
			break;
		}
		f->iflags = 0;
	} else {
		/* Inline: flags apply to the text it wraps. */
		f->iflags |= hflags & ~(SC_HF_ARTICLE | SC_HF_STRONG);
		if (tag == SC_HT_A && href != NULL)
			f->link = 1;
		if (ps->want_md && !f->pre) {
			if (tag == SC_HT_EM || tag == SC_HT_I)
				f->md = 1;
			else if (tag == SC_HT_STRONG || tag == SC_HT_B)
				f->md = 2;
			else if (tag == SC_HT_CODE || tag == SC_HT_KBD ||
			    tag == SC_HT_SAMP || tag == SC_HT_TT)
				f->md = 3;
			if (f->md && ps->nmd < MD_OPEN_MAX) {
				ps->md_open[ps->nmd] = ps->nst - 1;
				ps->md_emitted[ps->nmd] = 0;
				ps->nmd++;
			} else {
				f->md = 0;
			}
		}
	}

	/* Elements whose text metadata wants. */
	if (!ps->head) {
		if (tag == SC_HT_H1)
			start_capture(ps, SC_HM_H1, 2, 0);
		if (tag == SC_HT_TIME) {
			/* Weight 3: marked as the publication (<time pubdate>,
			 * class "published", itemprop datePublished), where a
			 * page shows an update's time first. */
			if (datetime != NULL)
				add_mark(pg, SC_HM_TIME, time_weight(ps, pubdate, itemprop, cls),
				    (uint32_t)pg->nblocks, (const char *)datetime,
				    cut_len((const char *)datetime));
			ps->time_text = pg->text.len;
			if (datetime == NULL)
				start_capture(ps, SC_HM_TIME_TEXT, 1, 0);
		}
		if (itemprop != NULL) {
			if (prop_has(itemprop, "datePublished") ||
			    prop_has(itemprop, "dateCreated")) {
				const xmlChar *v = content ? content : datetime;

				if (v != NULL)
					add_mark(pg, SC_HM_DATE_ATTR, 2, (uint32_t)pg->nblocks,
					    (const char *)v, cut_len((const char *)v));
				else if (tag != SC_HT_TIME)
					start_capture(ps, SC_HM_DATE_TEXT, 2, 0);
			} else if (prop_has(itemprop, "dateModified") && tag != SC_HT_TIME &&
			    (content != NULL || datetime != NULL)) {
				/* the last change's: the reserve a <meta
				 * itemprop=dateModified> is, and like it not
				 * one in a teaser box, a sidebar or a comment
				 * (another story's, a reader's reply's) */
				const xmlChar *v = content ? content : datetime;

				if (!(f->cflags & (SC_HF_COMMENT | SC_HF_RELATED | SC_HF_ASIDE |
				    SC_HF_NAV)))
					add_metatag(pg, "datemodified", 12, (const char *)v,
					    cut_len((const char *)v));
			} else if (prop_has(itemprop, "author") || prop_has(itemprop, "creator")) {
				if (content != NULL) {
					add_mark(pg, SC_HM_AUTHOR_ATTR, 2, (uint32_t)pg->nblocks,
					    (const char *)content, cut_len((const char *)content));
				} else {
					start_capture(ps, SC_HM_AUTHOR, 2, 0);
					/* 2: an Organization credited (a newsroom) */
					ps->st[ps->nst - 1].author_item = itemtype != NULL &&
					    attr_has(itemtype, "Organization") ? 2 : 1;
				}
			} else if (prop_has(itemprop, "name") && ps->st[ps->nst - 1].author_item) {
				/* The Person's own name inside the author item, before
				 * its job title or bio: its mark ends, so comes, first. */
				if (content != NULL)
					add_mark(pg, SC_HM_AUTHOR_ATTR, 2, (uint32_t)pg->nblocks,
					    (const char *)content, cut_len((const char *)content));
				else
					start_capture(ps, SC_HM_AUTHOR, 2, 0);
			} else if (prop_has(itemprop, "headline")) {
				start_capture(ps, SC_HM_HEADLINE, 2, 0);
			}
		}
		if (tag == SC_HT_A && href != NULL && !(rel != NULL && attr_has(rel, "author")) &&
		    !(f->cflags & (SC_HF_COMMENT | SC_HF_RELATED | SC_HF_ASIDE | SC_HF_NAV |
		    SC_HF_FOOTER))) {
			/* <a href="/author/jane-doe/">Jane Doe</a>: a CMS's link
			 * to the writer's page, kept when its text spells the
			 * name the path gives. */
			char slug[64];
			struct capture *c;

			if (author_slug((const char *)href, slug) &&
			    (c = start_capture(ps, SC_HM_AUTHOR_LINK, 1, 0)) != NULL)
				memcpy(c->slug, slug, sizeof slug);
		}
		if (rel != NULL && tag == SC_HT_A) {
			if (attr_has(rel, "author"))
				start_capture(ps, SC_HM_AUTHOR, 2, 0);
			else if (attr_has(rel, "category"))
				start_capture(ps, SC_HM_CATEGORY, 2, 0);
			else if (attr_has(rel, "tag"))
				start_capture(ps, SC_HM_TAG, 2, 0);
		}
		/* hAtom: <abbr class="published" title="2013-04-04T18:52:11">,
		 * <span class="updated" title="...">; the update's is rank 0,
		 * read after every published one. */
		if (title != NULL && cls != NULL && isdigit(title[0]) &&
		    (class_word(cls, "published") || class_word(cls, "updated")))
			add_mark(pg, SC_HM_DATE_ATTR, class_word(cls, "published") ? 1 : 0,
			    (uint32_t)pg->nblocks, (const char *)title,
			    cut_len((const char *)title));
		/* A publication stamp in a data attribute (<abbr data-utime>,
		 * <span data-published="...">), outside comments and teasers. */
		if (datapub != NULL && !(f->cflags & (SC_HF_COMMENT | SC_HF_RELATED |
		    SC_HF_ASIDE | SC_HF_NAV | SC_HF_FOOTER)))
			add_mark(pg, SC_HM_DATE_ATTR, 1, (uint32_t)pg->nblocks,
			    (const char *)datapub, cut_len((const char *)datapub));
		if (hmeta & HINT_AUTHOR) {
			/* "comment-author" in a sidebar: a reader's name in a
			 * recent comments widget (WordPress lists them in
			 * plain <li>s, the class on a span around the name). */
			if (!((hflags & SC_HF_COMMENT) && (f->cflags & (SC_HF_ASIDE |
			    SC_HF_RELATED | SC_HF_NAV | SC_HF_FOOTER))))
				start_capture(ps, SC_HM_AUTHOR, 1, 0);
		} else if ((hmeta & HINT_DATE) && tag != SC_HT_TIME)
			start_capture(ps, SC_HM_DATE_TEXT, 1, 0);
		else if (hmeta & HINT_KICKER)
			start_capture(ps, SC_HM_KICKER, 1, 0);
	}
}

static void
sax_end(void *ctx, const xmlChar *xname)
{
	struct pstate *ps = ctx;
	struct sc_html_page *pg = ps->pg;
	unsigned tag;
	size_t j;

	tag = tag_lookup(&ps->tc, (const char *)xname);
	if (tag_kind(tag) == TK_VOID || tag == SC_HT_META || tag == SC_HT_LINK)
		return;
	/* Find the frame; libxml2 reports ends in order, but be safe. */
	for (j = ps->nst; j > 1; j--)
		if (ps->st[j - 1].tag == tag)
			break;
	if (j <= 1)
		return;
	if (ps->ncaps > 0 && tag_kind(tag) == TK_BLOCK)
		cap_break(ps);
	if (ps->ncaps > 0 && tag == SC_HT_A)
		cap_link(ps, 1);
	while (ps->nst >= j) {
		struct frame *f = &ps->st[ps->nst - 1];

		if (f->block && ps->open)
			close_block(ps);
		if (f->md) {
			int k;

			for (k = ps->nmd - 1; k >= 0; k--)
				if (ps->md_open[k] == ps->nst - 1)
					break;
			if (k >= 0) {
				if (ps->md_emitted[k]) {
					static const char *const mk[] = { "", "*", "**", "`" };

					sc_buf_adds(&pg->md, mk[f->md]);
				}
				memmove(&ps->md_open[k], &ps->md_open[k + 1],
				    (size_t)(ps->nmd - k - 1) * sizeof(ps->md_open[0]));
				memmove(&ps->md_emitted[k], &ps->md_emitted[k + 1],
				    (size_t)(ps->nmd - k - 1));
				ps->nmd--;
			}
		}
		if (f->cap)
			end_captures(ps, ps->nst);
		if (f->skip == 1 && ps->skip > 0)
			ps->skip--;
		else if (f->skip == 2 && ps->title > 0)
			ps->title--;
		if (f->tag == SC_HT_HEAD)
			ps->head = 0;
		if (ps->nst > 1 && f->node != ps->st[ps->nst - 2].node)
			pg->nodes[f->node].end_block = (uint32_t)pg->nblocks +
			    (ps->open && ps->bchars > 0);
		ps->nst--;
	}
}

/* The parser's offset in the cleaned text. */
static size_t
parse_pos(const struct pstate *ps)
{
	const xmlParserInput *in = ps->ctxt->input;

	if (in == NULL || in->cur == NULL || in->base == NULL)
		return SIZE_MAX;
	return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

static void
sax_chars(void *ctx, const xmlChar *ch, int len)
{
	struct pstate *ps = ctx;
	struct rawbodies *rt = ps->rt;

	if (rt != NULL && rt->next < rt->n) {
		size_t pos = parse_pos(ps);

		while (rt->next < rt->n && rt->v[rt->next].gt < pos) {
			rt->missed = 1;
			rt->next++;
		}
		if (rt->next < rt->n && rt->v[rt->next].gt == pos && len == 1 &&
		    ch[0] == RUN_MARK) {
			const struct rawbody *b = &rt->v[rt->next++];

			add_text(ps, (const unsigned char *)rt->buf.p + b->off, b->len);
			return;
		}
	}
	if (len > 0)
		add_text(ps, ch, (size_t)len);
}

static void
sax_cdata(void *ctx, const xmlChar *ch, int len)
{
	struct pstate *ps = ctx;
	int i;

	/* Script and style bodies: only JSON-LD is kept, and what style
	 * sheets say about bylines. */
	if (ps->nst > 0 && ps->st[ps->nst - 1].tag == SC_HT_STYLE && len > 0)
		scan_css(ps, (const char *)ch, (size_t)len);
	if (ps->nst > 0 && ps->st[ps->nst - 1].json && len > 0)
		scan_json_dates(ps->pg, (const char *)ch, (size_t)len,
		    ps->st[ps->nst - 1].json == 1);
	for (i = 0; i < ps->ncaps; i++) {
		struct capture *c = &ps->caps[i];

		if (c->active && c->raw && c->buf.len + (size_t)len <= JSONLD_MAX)
			sc_buf_add(&c->buf, ch, (size_t)len);
	}
	if (ps->skip == 0)
		add_text(ps, ch, (size_t)len);
}

/*
 * Hand over the body html_clean took out after the start tag that ends at
 * the parser's position, in the chunks libxml2's htmlParseScript makes: it
 * passes its buffer on as soon as it holds 1000 bytes or more, each chunk
 * ending on a whole character.  The "</" libxml2 reports as errors count
 * against the error budget as they did.
 */
static void
give_body(struct pstate *ps)
{
	struct rawbodies *rb = ps->rb;
	const struct rawbody *b;
	size_t pos, i, k;

	if ((pos = parse_pos(ps)) == SIZE_MAX)
		return;
	while (rb->next < rb->n && rb->v[rb->next].gt < pos) {
		rb->missed = 1;
		rb->next++;
	}
	if (rb->next == rb->n || rb->v[rb->next].gt != pos)
		return;
	b = &rb->v[rb->next++];
	for (i = 0; i < b->len; i = k) {
		k = i + 1000 < b->len ? i + 1000 : b->len;
		while (k < b->len && ((unsigned char)rb->buf.p[b->off + k] & 0xC0) == 0x80)
			k++;
		sax_cdata(ps, (const xmlChar *)rb->buf.p + b->off + i, (int)(k - i));
	}
	ps->errors += b->closes;
	if (ps->errors > ps->error_budget && !ps->pg->truncated) {
		ps->pg->truncated = 1;
		xmlStopParser(ps->ctxt);
	}
}

static void
sax_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct pstate *ps = ctx;

	start_element(ctx, xname, atts);
	if (ps->rb != NULL && ps->rb->next < ps->rb->n && (xname[0] == 's' || xname[0] == 'S') &&
	    (strcmp((const char *)xname, "script") == 0 || strcmp((const char *)xname, "style") == 0))
		give_body(ps);
}

static void
sax_error(void *ctx, xmlErrorPtr err)
{
	struct pstate *ps = ctx;

	(void)err;
	if (++ps->errors > ps->error_budget && !ps->pg->truncated) {
		ps->pg->truncated = 1;
		xmlStopParser(ps->ctxt);
	}
}

/* ---- Input preparation ---- */

/*
 * html_clean: copy valid UTF-8 text to out, changed only where libxml2's
 * HTML parser would stop, mangle or crawl:
 *  - C0 controls other than TAB, LF and CR (NUL stops it): dropped, FF
 *    and VT become spaces; U+FFFE and U+FFFF dropped;
 *  - '&' that starts no reference ("R&D", "&&", "&#;") becomes "&amp;":
 *    the result is the same text, without an error report per '&';
 *  - a tag with more than MAX_ATTRS attributes loses the rest (libxml2
 *    checks duplicates with a quadratic scan).
 * Script and style bodies are copied without the '&' rule (JSON-LD keeps
 * its bytes).  Only the control rule applies inside comments.
 */
#define MAX_ATTRS 256

static int
is_ctl_drop(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

/* Bytes copy_ctl must look at: C0 controls, DEL, and 0xEF (U+FFFE/FFFF). */
static const unsigned char ctl_special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x7F] = 1, [0xEF] = 1
};

/*
 * Sixteen bytes at a time: the lanes copy_ctl must look at (as
 * ctl_special), and with lt_amp also '<' and '&' (html_clean's).
 */
static inline unsigned
special16(const char *p, int lt_amp)
{
	sc_u8x16 v = sc_load16(p);
	sc_i8x16 m = (v < 0x20) & (v != '\t') & (v != '\n') & (v != '\r');

	m |= (v == 0x7F) | (v == 0xEF);
	if (lt_amp)
		m |= (v == '<') | (v == '&');
	return sc_mask16(m);
}

static size_t
copy_ctl(const char *p, size_t i, size_t end, struct sc_buf *out)
{
	/* Copy p[i..end) minus controls; returns end. */
	size_t s = i;

	for (; i < end; i++) {
		unsigned char c;

		while (i + 16 <= end) {
			unsigned m = special16(p + i, 0);

			if (m != 0) {
				i += (unsigned)__builtin_ctz(m);
				break;
			}
			i += 16;
		}
		if (i >= end)
			break;
		c = (unsigned char)p[i];
		if (SC_LIKELY(!ctl_special[c]))
			continue;
		if (SC_UNLIKELY(is_ctl_drop(c))) {
			sc_buf_add(out, p + s, i - s);
			if (c == 0x0B || c == 0x0C)
				sc_buf_addc(out, ' ');
			s = i + 1;
		} else if (SC_UNLIKELY(c == 0xEF) && i + 2 < end &&
		    (unsigned char)p[i + 1] == 0xBF &&
		    ((unsigned char)p[i + 2] == 0xBE || (unsigned char)p[i + 2] == 0xBF)) {
			sc_buf_add(out, p + s, i - s);
			i += 2;
			s = i + 1;
		}
	}
	sc_buf_add(out, p + s, end - s);
	return end;
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static const char *
memcasemem(const char *h, size_t hn, const char *needle)
{
	size_t nn = strlen(needle), i;

	if (hn < nn)
		return NULL;
	for (i = 0; i + nn <= hn; i++) {
		const char *q = memchr(h + i, '<', hn - i - nn + 1);

		if (q == NULL)
			return NULL;
		i = (size_t)(q - h);
		if (strncasecmp(q, needle, nn) == 0)
			return q;
	}
	return NULL;
}

/*
 * Elements whose body is not markup.  libxml2 parses it as markup, so an
 * unclosed <div> inside <noscript> swallows the rest of the page (it does
 * not let </noscript> close the div).  Their text is never page text, so
 * the bodies are dropped here; script and style (1, 2) are kept for
 * JSON-LD.
 */
static const char *const raw_names[] = {
	"script", "style", "noscript", "template", "textarea", "iframe",
	"noembed", "noframes",
};

static int
raw_element(const char *name, size_t n)
{
	size_t i;

	/* Every raw name is 5 to 8 letters: most tags are out at once. */
	if (n < 5 || n > 8)
		return 0;
	for (i = 0; i < sizeof(raw_names) / sizeof(raw_names[0]); i++)
		if (strlen(raw_names[i]) == n && strncasecmp(name, raw_names[i], n) == 0)
			return (int)i + 1;
	return 0;
}

/* A new entry at the end of rb->v. */
static struct rawbody *
rawbody_add(struct rawbodies *rb)
{
	if (rb->n == rb->cap) {
		rb->cap = rb->cap ? rb->cap * 2 : 64;
		rb->v = xreallocarray(rb->v, rb->cap, sizeof(*rb->v));
	}
	return &rb->v[rb->n++];
}

/*
 * Move the script or style body p[i..end) to rb (cleaned as copy_ctl
 * does); gt is where its start tag's '>' lies in the cleaned text.  Only
 * a tag that ends in '>' (not "/>", which libxml2 closes at once) gets
 * here.  Returns end.
 */
static size_t
take_body(const char *p, size_t i, size_t end, size_t gt, struct rawbodies *rb)
{
	struct rawbody *b;
	const char *q = p + i, *e = p + end;

	b = rawbody_add(rb);
	b->gt = gt;
	b->off = rb->buf.len;
	b->closes = 0;
	copy_ctl(p, i, end, &rb->buf);
	b->len = rb->buf.len - b->off;
	rb->bytes += b->len;
	while ((q = memchr(q, '<', (size_t)(e - q))) != NULL) {
		if (++q < e && *q == '/')
			b->closes++;
	}
	return end;
}

/*
 * The run p[s..i), free of anything html_clean changes, into rt with
 * RUN_MARK in its place, when it qualifies (see RUN_MARK).  Returns
 * where the uncopied text now starts.
 */
static size_t
take_run(const char *p, size_t s, size_t i, struct sc_buf *out, struct rawbodies *rt)
{
	struct rawbody *b;
	size_t k;

	if (i - s < RUN_MIN)
		return s;
	for (k = s; k < i && k - s < 1000 && (p[k] == ' ' || p[k] == '\t' ||
	    p[k] == '\n' || p[k] == '\r'); k++)
		;
	if (k == i || k - s >= 1000)
		return s;
	sc_buf_addc(out, RUN_MARK);
	b = rawbody_add(rt);
	b->gt = out->len;
	b->off = rt->buf.len;
	b->len = i - s;
	b->closes = 0;
	sc_buf_add(&rt->buf, p + s, i - s);
	rt->bytes += i - s - 1;
	return i;
}

/* Whether p[i..e) holds none of the bytes html_clean changes or stops at. */
static int
plain_bytes(const char *p, size_t i, size_t e)
{
	for (; i < e; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '<' || c == '&' || ctl_special[c])
			return 0;
	}
	return 1;
}

static void
html_clean(const char *p, size_t n, struct sc_buf *out, struct rawbodies *rb,
    struct rawbodies *rt)
{
	size_t i = 0, s = 0, run_at = SIZE_MAX;

	sc_buf_grow(out, n + n / 64 + 16);
	while (i < n) {
		unsigned char c;

		while (i + 16 <= n) {
			unsigned m = special16(p + i, 1);

			if (m != 0) {
				i += (unsigned)__builtin_ctz(m);
				break;
			}
			i += 16;
		}
		if (i >= n) {
			if (s == run_at)
				s = take_run(p, s, n, out, rt);
			break;
		}
		c = (unsigned char)p[i];
		if (c != '<' && c != '&' && !is_ctl_drop(c) && c != 0xEF) {
			i++;
			continue;
		}
		if (s == run_at && (c == '<' || c == '&'))
			s = take_run(p, s, i, out, rt);
		if (c == 0xEF) {
			if (i + 2 < n && (unsigned char)p[i + 1] == 0xBF &&
			    ((unsigned char)p[i + 2] == 0xBE || (unsigned char)p[i + 2] == 0xBF)) {
				sc_buf_add(out, p + s, i - s);
				i += 3;
				s = i;
			} else {
				i++;
			}
			continue;
		}
		sc_buf_add(out, p + s, i - s);
		s = i;
		if (is_ctl_drop(c)) {
			if (c == 0x0B || c == 0x0C)
				sc_buf_addc(out, ' ');
			s = ++i;
			continue;
		}
		if (c == '&') {
			unsigned char d = i + 1 < n ? (unsigned char)p[i + 1] : 0;
			int ok = is_alpha(d);

			if (d == '#') {
				unsigned char e = i + 2 < n ? (unsigned char)p[i + 2] : 0;

				if (e >= '0' && e <= '9')
					ok = 1;
				else if ((e == 'x' || e == 'X') && i + 3 < n &&
				    is_hex((unsigned char)p[i + 3]))
					ok = 1;
			}
			if (!ok) {
				sc_buf_adds(out, "&amp;");
				s = i + 1;
			} else if (rt != NULL) {
				/* "&name;", "&#123;": libxml2's character data
				 * starts again after the ';'. */
				size_t j = i + 1;

				while (j < n && j - i < 32 && (is_alpha((unsigned char)p[j]) ||
				    (p[j] >= '0' && p[j] <= '9') || p[j] == '#'))
					j++;
				if (j < n && p[j] == ';') {
					sc_buf_add(out, p + i, j + 1 - i);
					i = s = run_at = j + 1;
					continue;
				}
			}
			run_at = SIZE_MAX;
			i++;
			continue;
		}
		/* A '<': comment, tag, or text. */
		if (i + 3 < n && p[i + 1] == '!' && p[i + 2] == '-' && p[i + 3] == '-') {
			const char *e = memmem(p + i + 4, n - i - 4, "-->", 3);

			i = copy_ctl(p, i, e ? (size_t)(e - p) + 3 : n, out);
			s = i;
			if (e != NULL && rt != NULL)
				run_at = i;
			continue;
		}
		if (rt != NULL && i + 2 < n && p[i + 1] == '/' && is_alpha((unsigned char)p[i + 2])) {
			/* An end tag, to its first '>', when nothing in it changes. */
			const char *e = memchr(p + i, '>', n - i);

			if (e != NULL && plain_bytes(p, i + 1, (size_t)(e - p))) {
				sc_buf_add(out, p + i, (size_t)(e - p) + 1 - i);
				i = s = run_at = (size_t)(e - p) + 1;
				continue;
			}
		}
		if (i + 1 < n && is_alpha((unsigned char)p[i + 1])) {
			size_t k = i + 1, nattr = 0, cut = 0, name_len;
			int raw = 0;

			while (k < n && (is_alpha((unsigned char)p[k]) ||
			    (p[k] >= '0' && p[k] <= '9') || p[k] == '-' || p[k] == ':'))
				k++;
			name_len = k - i - 1;
			raw = raw_element(p + i + 1, name_len);
			/*
			 * Attributes up to '>', the way libxml2 reads them: a name,
			 * optionally '=' and a value, quoted (to the matching quote,
			 * '>' included) or not; junk where a name should start is
			 * skipped to the next blank, as libxml2 does.
			 */
			for (;;) {
				while (k < n && is_blank((unsigned char)p[k]))
					k++;
				if (k >= n || p[k] == '>')
					break;
				if (p[k] == '/') {
					k++;
					continue;
				}
				if (!is_alpha((unsigned char)p[k]) && p[k] != '_' && p[k] != ':') {
					while (k < n && !is_blank((unsigned char)p[k]) && p[k] != '>')
						k++;
					continue;
				}
				if (++nattr == MAX_ATTRS + 1)
					cut = k;
				while (k < n && !is_blank((unsigned char)p[k]) && p[k] != '=' &&
				    p[k] != '>' && p[k] != '/')
					k++;
				while (k < n && is_blank((unsigned char)p[k]))
					k++;
				if (k >= n || p[k] != '=')
					continue;
				k++;
				while (k < n && is_blank((unsigned char)p[k]))
					k++;
				if (k < n && (p[k] == '"' || p[k] == '\'')) {
					const char *e = memchr(p + k + 1, p[k], n - k - 1);

					k = e ? (size_t)(e - p) + 1 : n;
				} else {
					while (k < n && !is_blank((unsigned char)p[k]) && p[k] != '>')
						k++;
				}
			}
			if (cut != 0) {
				copy_ctl(p, i, cut, out);
				i = s = k;	/* resume at the '>' (or the end) */
				continue;
			}
			if (k < n) {
				k++;	/* past '>' */
				if (!raw && rt != NULL)
					run_at = k;
			}
			i = copy_ctl(p, i, k, out);
			s = i;
			if (raw) {
				/* The body up to the matching end tag: script and style
				 * copied ('&' untouched, JSON-LD keeps its bytes), the
				 * others dropped. */
				char end[16];
				const char *e;

				end[0] = '<';
				end[1] = '/';
				memcpy(end + 2, raw_names[raw - 1], strlen(raw_names[raw - 1]) + 1);
				e = memcasemem(p + i, n - i, end);
				if (raw <= 2 && rb != NULL && p[i - 1] == '>' && p[i - 2] != '/')
					i = take_body(p, i, e ? (size_t)(e - p) : n, out->len - 1, rb);
				else if (raw <= 2)
					i = copy_ctl(p, i, e ? (size_t)(e - p) : n, out);
				else
					i = e ? (size_t)(e - p) : n;
				s = i;
			}
			continue;
		}
		/* A '<' that is text: what follows is no run of its own. */
		run_at = SIZE_MAX;
		i++;
	}
	sc_buf_add(out, p + s, n - s);
}

/* ---- Charset ---- */

/* Skip "WARC/1.x" and "HTTP/1.x" header blocks; return where the body starts. */
static size_t
skip_headers(const char *p, size_t n, struct sc_buf *ctype)
{
	size_t off = 0;
	int round;

	for (round = 0; round < 2; round++) {
		const char *q = p + off;
		size_t m = n - off, i, lim;

		if (!(m >= 7 && (memcmp(q, "HTTP/", 5) == 0 || memcmp(q, "WARC/", 5) == 0)))
			break;
		lim = m < 65536 ? m : 65536;
		for (i = 0; i < lim; i++) {
			if (q[i] != '\n')
				continue;
			/* A header line starts at i + 1. */
			if (i + 1 < m && (q[i + 1] == '\n' ||
			    (q[i + 1] == '\r' && i + 2 < m && q[i + 2] == '\n'))) {
				off += i + (q[i + 1] == '\n' ? 2 : 3);
				break;
			}
			if (i + 13 < m && strncasecmp(q + i + 1, "content-type:", 13) == 0 &&
			    memcmp(q, "HTTP/", 5) == 0) {
				size_t e = i + 14;

				while (e < m && q[e] != '\n' && e - i < 512)
					e++;
				sc_buf_reset(ctype);
				sc_buf_add(ctype, q + i + 14, e - i - 14);
			}
		}
		if (i >= lim)
			break;
	}
	return off;
}

/* "text/html; charset=X" -> X into out; returns 1 when found. */
static int
charset_param(const char *s, size_t n, struct sc_buf *out)
{
	size_t i, e;

	for (i = 0; i + 8 <= n; i++) {
		if (strncasecmp(s + i, "charset", 7) != 0)
			continue;
		i += 7;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n || s[i] != '=')
			continue;
		i++;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '"' || s[i] == '\''))
			i++;
		e = i;
		while (e < n && e - i < 40 && (isalnum((unsigned char)s[e]) || s[e] == '-' ||
		    s[e] == '_' || s[e] == ':' || s[e] == '.'))
			e++;
		if (e == i)
			return 0;
		sc_buf_reset(out);
		sc_buf_add(out, s + i, e - i);
		return 1;
	}
	return 0;
}

/*
 * The WHATWG prescan, simplified: the first <meta> within the first 8 KiB
 * with charset=, or http-equiv content-type with a charset parameter.
 */
static int
meta_charset(const char *p, size_t n, struct sc_buf *out)
{
	size_t lim = n < 8192 ? n : 8192, i;

	for (i = 0; i + 6 < lim; i++) {
		size_t e;

		if (p[i] != '<' || strncasecmp(p + i + 1, "meta", 4) != 0 ||
		    !(p[i + 5] == ' ' || p[i + 5] == '\t' || p[i + 5] == '\n' ||
		    p[i + 5] == '\r' || p[i + 5] == '/'))
			continue;
		e = i + 5;
		while (e < lim && p[e] != '>')
			e++;
		if (charset_param(p + i + 5, e - i - 5, out))
			return 1;
	}
	return 0;
}

/* Map the labels pages use to names glibc's iconv knows, as browsers do. */
static const char *
charset_alias(const char *name)
{
	static const struct { const char *label, *iconv; } al[] = {
		{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
		{ "latin1", "WINDOWS-1252" }, { "latin-1", "WINDOWS-1252" },
		{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
		{ "iso-8859-9", "WINDOWS-1254" }, { "tis-620", "WINDOWS-874" },
		{ "iso-8859-11", "WINDOWS-874" }, { "gb2312", "GB18030" },
		{ "gbk", "GB18030" }, { "x-gbk", "GB18030" },
		{ "ks_c_5601-1987", "CP949" }, { "euc-kr", "CP949" },
		{ "x-sjis", "SHIFT_JIS" }, { "shift-jis", "SHIFT_JIS" },
		{ "sjis", "SHIFT_JIS" }, { "windows-31j", "CP932" },
		{ "utf8", "UTF-8" }, { "unicode", "UTF-16LE" },
		{ "utf-16", "UTF-16LE" }, { "x-user-defined", "WINDOWS-1252" },
	};
	size_t i;

	for (i = 0; i < sizeof(al) / sizeof(al[0]); i++)
		if (strcasecmp(name, al[i].label) == 0)
			return al[i].iconv;
	return name;
}

/* Whether valid UTF-8 p holds at least one multi-byte sequence. */
static int
has_multibyte(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] >= 0x80)
			return 1;
	return 0;
}

/*
 * html_decode: the page as UTF-8 in out.  Order: a BOM; the charset the
 * caller knows; <meta charset>; the HTTP header's; detection.  A page
 * that declares a legacy charset but is valid UTF-8 with non-ASCII bytes
 * is taken as UTF-8: pages are re-encoded without their declaration
 * being updated far more often than legacy text happens to be valid
 * UTF-8.  A page that declares UTF-8 but is not valid UTF-8 goes to
 * detection.
 */
static const char *
html_decode(const char *p, size_t n, const char *charset, struct sc_buf *out)
{
	struct sc_buf ctype = { 0 }, name = { 0 };
	struct sc_decode_result res;
	const char *cs = NULL, *used;
	size_t off, valid;

	off = skip_headers(p, n, &ctype);
	p += off;
	n -= off;
	valid = sc_utf8_valid_prefix(p, n);
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		cs = "UTF-8";
	} else if (n >= 2 && ((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE)) {
		cs = "UTF-16LE";
	} else if (n >= 2 && ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF)) {
		cs = "UTF-16BE";
	} else if (charset != NULL && strcasecmp(charset, "auto") != 0) {
		cs = charset;
	} else if (meta_charset(p, n, &name) ||
	    (ctype.len > 0 && charset_param(ctype.p, ctype.len, &name))) {
		cs = charset_alias(name.p);
		if (strcasecmp(cs, "UTF-8") == 0) {
			if (valid != n)
				cs = NULL;
		} else if (valid == n && has_multibyte(p, n)) {
			cs = "UTF-8";
		} else if (strncasecmp(cs, "UTF-16", 6) == 0 || strncasecmp(cs, "UTF-32", 6) == 0) {
			/* A page that parsed as ASCII to find this is not UTF-16. */
			cs = NULL;
		}
	}
	if (cs != NULL && strcasecmp(cs, "UTF-8") == 0 && valid == n) {
		/* The common case: no conversion, just the BOM off. */
		if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
			sc_buf_add(out, p + 3, n - 3);
		else
			sc_buf_add(out, p, n);
		used = "UTF-8";
	} else if (cs == NULL && valid == n) {
		sc_buf_add(out, p, n);
		used = "UTF-8";
	} else {
		memset(&res, 0, sizeof(res));
		if (cs == NULL || sc_decode(p, n, cs, out, &res) != 0) {
			sc_buf_reset(out);
			sc_decode(p, n, NULL, out, &res);
		}
		used = res.charset ? res.charset : "UTF-8";
	}
	sc_buf_free(&ctype);
	sc_buf_free(&name);
	return used;
}

/* ---- Entry points ---- */

/*
 * One parse of the cleaned text into pg (zeroed).  rb holds the bodies
 * html_clean took out, or is NULL when they were left in.
 */
static void
parse_clean(const struct sc_buf *clean, struct rawbodies *rb, struct rawbodies *rt,
    int flags, struct sc_html_page *pg)
{
	struct pstate ps;
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;
	int i;

	sc_buf_grow(&pg->text, pg->bytes / 2 + 64);
	sc_buf_grow(&pg->attrs, 4096);
	if (flags & SC_HTML_PARSE_MD)
		sc_buf_grow(&pg->md, pg->bytes / 2 + 64);

	memset(&ps, 0, sizeof(ps));
	ps.pg = pg;
	ps.rb = rb;
	ps.rt = rt;
	ps.want_md = (flags & SC_HTML_PARSE_MD) != 0;
	/* Pages have hundreds to a few thousand parse errors (every HTML5
	 * element is one to libxml2); a million means junk. */
	ps.error_budget = 100000 + (clean->len + (rb ? rb->bytes : 0) +
	    (rt ? rt->bytes : 0)) / 16;

	/* The root node every element hangs from. */
	add_node(&ps, 0, SC_HT_OTHER, 0, 0);
	sc_buf_adds(&pg->attrs, "#document");
	pg->nodes[0].attr_len = 9;
	sc_buf_addc(&pg->attrs, '\0');
	{
		struct frame *f = push_frame(&ps);

		memset(f, 0, sizeof(*f));
		f->tag = SC_HT_OTHER;
		f->block = 1;
	}

	if (clean->len > 0 && clean->len <= INT_MAX) {
		memset(&sax, 0, sizeof(sax));
		sax.startElement = sax_start;
		sax.endElement = sax_end;
		sax.characters = sax_chars;
		sax.ignorableWhitespace = sax_chars;
		sax.cdataBlock = sax_cdata;
		sax.serror = sax_error;
		sax.initialized = XML_SAX2_MAGIC;	/* so serror is used */
		ctxt = htmlCreateMemoryParserCtxt(clean->p, (int)clean->len);
		if (ctxt != NULL) {
			htmlSAXHandlerPtr old = ctxt->sax;

			ctxt->sax = &sax;
			ctxt->userData = &ps;
			ps.ctxt = ctxt;
			htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
			    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
			    HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
			/* No startElementNs: the HTML parser calls the SAX1 callbacks. */
			sax.startElementNs = NULL;
			sax.endElementNs = NULL;
			xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
			htmlParseDocument(ctxt);
			ctxt->sax = old;
			htmlFreeParserCtxt(ctxt);
		}
	}
	/* Close whatever the parser left open. */
	while (ps.nst > 1)
		sax_end(&ps, (const xmlChar *)sc_html_tag_name(ps.st[ps.nst - 1].tag));
	close_block(&ps);
	pg->nodes[0].end_block = (uint32_t)pg->nblocks;
	for (i = 0; i < MAX_CAPTURES; i++)
		sc_buf_free(&ps.caps[i].buf);
	sc_buf_free(&ps.upper_cls);
	free(ps.st);
	if (rb != NULL && rb->next < rb->n && !pg->truncated)
		rb->missed = 1;
	if (rt != NULL && rt->next < rt->n && !pg->truncated)
		rt->missed = 1;
}

void
sc_html_parse(const char *p, size_t n, const char *charset, int flags,
    struct sc_html_page *pg)
{
	struct sc_buf dec = { 0 }, clean = { 0 };
	struct rawbodies rb, rt;
	const char *cs;

	memset(pg, 0, sizeof(*pg));
	memset(&rb, 0, sizeof(rb));
	memset(&rt, 0, sizeof(rt));
	cs = html_decode(p, n, charset, &dec);
	html_clean(dec.p ? dec.p : "", dec.len, &clean, &rb, &rt);
	sc_buf_free(&dec);
	pg->bytes = n;
	pg->charset = cs;
	parse_clean(&clean, &rb, &rt, flags, pg);
	if (rb.missed || rt.missed) {
		/*
		 * libxml2 did not open a script or style, or start character
		 * data, where html_clean saw one (markup it reads another way:
		 * "<script>" inside a processing instruction, an entity it does
		 * not know, whose ';' stays text): parse again with everything
		 * left in, as it would have read it.
		 */
		sc_html_page_free(pg);
		pg->bytes = n;
		pg->charset = cs;
		sc_buf_reset(&clean);
		html_decode(p, n, charset, &dec);
		html_clean(dec.p ? dec.p : "", dec.len, &clean, NULL, NULL);
		sc_buf_free(&dec);
		parse_clean(&clean, NULL, NULL, flags, pg);
	}
	sc_buf_free(&clean);
	sc_buf_free(&rb.buf);
	free(rb.v);
	sc_buf_free(&rt.buf);
	free(rt.v);
}

void
sc_html_page_free(struct sc_html_page *pg)
{
	sc_buf_free(&pg->text);
	sc_buf_free(&pg->md);
	sc_buf_free(&pg->attrs);
	free(pg->nodes);
	free(pg->blocks);
	free(pg->metas);
	free(pg->marks);
	memset(pg, 0, sizeof(*pg));
}

void
sc_html_tag_path(const struct sc_html_page *pg, uint32_t i, struct sc_buf *out)
{
	uint32_t path[64];
	size_t n = 0, k;

	if (i >= pg->nnodes)
		return;
	while (i != 0 && n < 64) {
		path[n++] = i;
		i = pg->nodes[i].parent;
	}
	for (k = n; k > 0; k--) {
		const struct sc_html_node *nd = &pg->nodes[path[k - 1]];

		sc_buf_add(out, pg->attrs.p + nd->attr_off, nd->attr_len);
		if (k > 1)
			sc_buf_addc(out, '>');
	}
}

/* ---- Detection ---- */

static int
starts_tag(const char *p, size_t n, const char *name)
{
	size_t k = strlen(name);

	return n > k + 1 && p[0] == '<' && strncasecmp(p + 1, name, k) == 0 &&
	    (p[k + 1] == '>' || p[k + 1] == ' ' || p[k + 1] == '\t' ||
	    p[k + 1] == '\n' || p[k + 1] == '\r');
}

int
sc_html_detect(const char *p, size_t n)
{
	static const char *const known[] = {
		"p", "div", "a", "span", "br", "li", "ul", "table", "td", "tr",
		"img", "h1", "h2", "h3", "script", "meta", "link", "b", "i",
		"strong", "em", "section", "article", "nav", "footer", "header",
		"form", "input", "title", "style", "iframe", "option",
	};
	struct sc_buf ct = { 0 };
	size_t i, lim, ntags = 0, tagbytes = 0, off;
	size_t k;

	off = skip_headers(p, n, &ct);
	sc_buf_free(&ct);
	p += off;
	n -= off;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, n -= 3;
	lim = n < 65536 ? n : 65536;
	i = 0;
	while (i < lim && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
		i++;
	if (i < lim && p[i] == '<') {
		const char *q = p + i;
		size_t m = lim - i;

		if ((m >= 9 && strncasecmp(q, "<!doctype", 9) == 0) ||
		    starts_tag(q, m, "html") || starts_tag(q, m, "head") ||
		    starts_tag(q, m, "body") || (m >= 4 && memcmp(q, "<!--", 4) == 0) ||
		    (m >= 5 && memcmp(q, "<?xml", 5) == 0 &&
		    memcasemem(q, m, "<html") != NULL))
			return 1;
	}
	/* Otherwise markup must be dense: many known tags, a few per line. */
	for (; i < lim; i++) {
		const char *q;
		size_t m;

		/* plain text holds few '<': jump to the next one */
		if (p[i] != '<') {
			q = memchr(p + i, '<', lim - i);
			if (q == NULL)
				break;
			i = (size_t)(q - p);
		}
		q = p + i + 1;
		m = lim - i - 1;
		if (m > 0 && *q == '/')
			q++, m--;
		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
			size_t kl = strlen(known[k]);

			if (m > kl && strncasecmp(q, known[k], kl) == 0 &&
			    (q[kl] == '>' || q[kl] == ' ' || q[kl] == '/' ||
			    q[kl] == '\n' || q[kl] == '\t')) {
				const char *e = memchr(q, '>', m);

				ntags++;
				tagbytes += e ? (size_t)(e - q) + 2 : 2;
				break;
			}
		}
	}
	return ntags >= 8 && tagbytes * 10 >= lim;
}
