/*
 * html.h: raw HTML pages: detection, parsing into text blocks, article
 * extraction and the page's own metadata.
 *
 * Parsing uses libxml2's HTML parser through its SAX interface: no tree
 * is built by libxml2, so memory stays a small multiple of the page and
 * nesting depth costs nothing (a 10,000-deep page parses like a flat
 * one).  Before libxml2 sees the bytes they are decoded to UTF-8 (BOM,
 * <meta charset>, HTTP header, detection) and cleaned of what makes its
 * parser stop early or crawl: NUL and other C0 controls, invalid UTF-8,
 * bare '&' (each one costs libxml2 a formatted error) and tags with
 * thousands of attributes (its duplicate check is quadratic).
 *
 * The page becomes a flat list of blocks, the unit the text classifier
 * works on too: each block-level element (p, li, h1..h6, td, div with
 * text ...) closes the running block, inline elements never split a word.
 * Each block knows its element, the containers around it (nav, footer,
 * aside, header, comment-ish, share, related ... from tags, roles and
 * class/id tokens), its link density and its heading level.
 *
 * All text is valid UTF-8 carried with lengths; nothing here depends on
 * the locale.
 */
#ifndef SC_HTML_H
#define SC_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * sc_html_detect: whether text (the start of a document, any length)
 * looks like an HTML page rather than plain text: a doctype, an <html>,
 * <head> or <body> tag or a comment at the start (after a BOM, blanks or an
 * HTTP header block), or markup dense enough that no prose looks like it.
 * Reads at most the first 64 KiB.
 */
int sc_html_detect(const char *p, size_t n);

/* The elements the parser tells apart (sorted; SC_HT_OTHER for the rest). */
enum sc_htag {
	SC_HT_OTHER = 0,	/* an element this table does not know */
	SC_HT_A, SC_HT_ABBR, SC_HT_ACRONYM, SC_HT_ADDRESS, SC_HT_APPLET,
	SC_HT_AREA, SC_HT_ARTICLE, SC_HT_ASIDE, SC_HT_AUDIO, SC_HT_B,
	SC_HT_BASE, SC_HT_BDI, SC_HT_BDO, SC_HT_BIG, SC_HT_BLINK,
	SC_HT_BLOCKQUOTE, SC_HT_BODY, SC_HT_BR, SC_HT_BUTTON, SC_HT_CANVAS,
	SC_HT_CAPTION, SC_HT_CENTER, SC_HT_CITE, SC_HT_CODE, SC_HT_COL,
	SC_HT_COLGROUP, SC_HT_DATA, SC_HT_DATALIST, SC_HT_DD, SC_HT_DEL,
	SC_HT_DETAILS, SC_HT_DFN, SC_HT_DIALOG, SC_HT_DIR, SC_HT_DIV,
	SC_HT_DL, SC_HT_DT, SC_HT_EM, SC_HT_EMBED, SC_HT_FIELDSET,
	SC_HT_FIGCAPTION, SC_HT_FIGURE, SC_HT_FONT, SC_HT_FOOTER, SC_HT_FORM,
	SC_HT_FRAME, SC_HT_FRAMESET, SC_HT_H1, SC_HT_H2, SC_HT_H3, SC_HT_H4,
	SC_HT_H5, SC_HT_H6, SC_HT_HEAD, SC_HT_HEADER, SC_HT_HGROUP, SC_HT_HR,
	SC_HT_HTML, SC_HT_I, SC_HT_IFRAME, SC_HT_IMG, SC_HT_INPUT, SC_HT_INS,
	SC_HT_KBD, SC_HT_LABEL, SC_HT_LEGEND, SC_HT_LI, SC_HT_LINK,
	SC_HT_LISTING, SC_HT_MAIN, SC_HT_MAP, SC_HT_MARK, SC_HT_MARQUEE,
	SC_HT_MATH, SC_HT_MENU, SC_HT_META, SC_HT_METER, SC_HT_NAV,
	SC_HT_NOBR, SC_HT_NOEMBED, SC_HT_NOFRAMES, SC_HT_NOSCRIPT,
	SC_HT_OBJECT, SC_HT_OL, SC_HT_OPTGROUP, SC_HT_OPTION, SC_HT_OUTPUT,
	SC_HT_P, SC_HT_PARAM, SC_HT_PICTURE, SC_HT_PLAINTEXT, SC_HT_PRE,
	SC_HT_PROGRESS, SC_HT_Q, SC_HT_RP, SC_HT_RT, SC_HT_RUBY, SC_HT_S,
	SC_HT_SAMP, SC_HT_SCRIPT, SC_HT_SECTION, SC_HT_SELECT, SC_HT_SLOT,
	SC_HT_SMALL, SC_HT_SOURCE, SC_HT_SPAN, SC_HT_STRIKE, SC_HT_STRONG,
	SC_HT_STYLE, SC_HT_SUB, SC_HT_SUMMARY, SC_HT_SUP, SC_HT_SVG,
	SC_HT_TABLE, SC_HT_TBODY, SC_HT_TD, SC_HT_TEMPLATE, SC_HT_TEXTAREA,
	SC_HT_TFOOT, SC_HT_TH, SC_HT_THEAD, SC_HT_TIME, SC_HT_TITLE,
	SC_HT_TR, SC_HT_TRACK, SC_HT_TT, SC_HT_U, SC_HT_UL, SC_HT_VAR,
	SC_HT_VIDEO, SC_HT_WBR, SC_HT_XMP,
	SC_HT_NTAGS
};

/* Container and signal flags of elements and blocks. */
enum {
	SC_HF_NAV = 1u << 0,		/* nav, menu, breadcrumb, pagination */
	SC_HF_FOOTER = 1u << 1,		/* footer, copyright */
	SC_HF_HEADER = 1u << 2,		/* header, masthead */
	SC_HF_ASIDE = 1u << 3,		/* aside, sidebar, widget */
	SC_HF_COMMENT = 1u << 4,	/* comments, replies, disqus */
	SC_HF_SHARE = 1u << 5,		/* share, social, print */
	SC_HF_RELATED = 1u << 6,	/* related, recommended, teaser, most read */
	SC_HF_AD = 1u << 7,		/* advertising, sponsored */
	SC_HF_COOKIE = 1u << 8,		/* cookie and consent banners */
	SC_HF_SUBSCRIBE = 1u << 9,	/* newsletter, subscribe, paywall, modal */
	SC_HF_META = 1u << 10,		/* byline, author, dateline, tags */
	SC_HF_CAPTION = 1u << 11,	/* figcaption, caption, credit */
	SC_HF_HIDDEN = 1u << 12,	/* aria-hidden, class hidden, sr-only */
	SC_HF_FORM = 1u << 13,		/* form, search */
	SC_HF_ARTICLE = 1u << 14,	/* article, main, articleBody, post-content ... */
	SC_HF_STRONG = 1u << 15,	/* a precise article-body marker (articleBody, entry-content ...) */
	SC_HF_LIST = 1u << 16,		/* inside ul/ol/dl */
	SC_HF_TABLE = 1u << 17,		/* inside a table */
	SC_HF_QUOTE = 1u << 18,		/* inside blockquote */
	SC_HF_PRE = 1u << 19,		/* inside pre */
	SC_HF_FIGURE = 1u << 20,	/* inside figure */
	SC_HF_LINK = 1u << 21,		/* element is a link (a href) */
	SC_HF_LEAD = 1u << 22,		/* lead, teaser, intro, standfirst, abstract */
	SC_HF_BYAUTHOR = 1u << 23	/* a comment by the post's author (bypostauthor) */
};

/* Everything that marks a container as boilerplate. */
#define SC_HF_BOILER (SC_HF_NAV | SC_HF_FOOTER | SC_HF_HEADER | SC_HF_ASIDE | \
    SC_HF_COMMENT | SC_HF_SHARE | SC_HF_RELATED | SC_HF_AD | SC_HF_COOKIE | \
    SC_HF_SUBSCRIBE | SC_HF_HIDDEN | SC_HF_FORM)

/* What kind of element a block comes from. */
enum sc_hkind {
	SC_HK_TEXT = 0,		/* div, section, body ... with direct text */
	SC_HK_P,
	SC_HK_HEADING,
	SC_HK_LI,
	SC_HK_DT,
	SC_HK_DD,
	SC_HK_CELL,		/* td or th whose row is a text row */
	SC_HK_PRE,
	SC_HK_CAPTION		/* figcaption, caption */
};

/* One element of the page (only what extraction needs). */
struct sc_html_node {
	uint32_t parent;	/* index; the root (0) is its own parent */
	uint16_t tag;		/* SC_HT_* (html_tags.c) */
	uint16_t depth;		/* capped at 65535 */
	uint32_t flags;		/* SC_HF_* of this element alone */
	uint32_t first_block;	/* blocks [first_block, end_block) lie inside */
	uint32_t end_block;
	uint32_t attr_off;	/* "tag#id.class1.class2" in page->attrs */
	uint32_t attr_len;
	/* Filled by sc_html_page_stats(): */
	uint32_t chars;		/* code points of text inside */
	uint32_t link_chars;
	uint32_t nblocks;
	uint32_t nparas;	/* blocks of >= 80 characters with few links */
	uint32_t puncts;	/* commas and sentence ends inside */
};

struct sc_html_block {
	size_t off, len;	/* plain text in page->text */
	size_t md_off, md_len;	/* Markdown rendition in page->md (when asked) */
	uint32_t node;		/* innermost block-level element */
	uint32_t chars;		/* code points */
	uint32_t link_chars;	/* code points inside <a href> */
	uint32_t words;
	uint32_t puncts;	/* commas, sentence ends */
	uint32_t flags;		/* OR of the flags of every enclosing element */
	uint32_t iflags;	/* flags of inline elements around most of its text */
	uint32_t row;		/* table cells: the tr node; else 0 */
	uint8_t kind;		/* enum sc_hkind */
	uint8_t heading;	/* 1..6 for h1..h6, else 0 */
	uint8_t brk;		/* 1: only a <br> separates it from the previous block */
	uint8_t list_depth;	/* nesting of ul/ol (capped) */
	uint8_t ordered;	/* inside ol: the item number, capped at 255 */
};

/* Raw metadata the parser collects on the way (used by sc_html_meta). */
struct sc_html_metatag {
	uint32_t key_off, key_len;	/* "og:title", "author", "article:published_time" */
	uint32_t val_off, val_len;
};

struct sc_html_marked {		/* elements whose text metadata wants */
	uint32_t kind;		/* SC_HM_* */
	uint32_t weight;	/* 2: microdata, rel or attribute; 1: class name guess */
	uint32_t block;		/* first block at or after the element */
	uint32_t val_off, val_len;	/* attribute value (datetime, href) or text */
};

enum {
	SC_HM_TIME = 1,		/* <time datetime> value */
	SC_HM_TIME_TEXT,	/* <time> text when it has no datetime */
	SC_HM_H1,		/* text of an h1 */
	SC_HM_AUTHOR,		/* text of an itemprop/rel/class author element */
	SC_HM_AUTHOR_ATTR,	/* itemprop=author content attribute */
	SC_HM_DATE_ATTR,	/* itemprop=datePublished content or datetime */
	SC_HM_DATE_TEXT,	/* text of an element classed date/time/published */
	SC_HM_TAG,		/* rel=tag link text */
	SC_HM_CATEGORY,		/* rel=category link text */
	SC_HM_CANONICAL,	/* link rel=canonical href */
	SC_HM_JSONLD,		/* a script type=application/ld+json body */
	SC_HM_TITLE,		/* <title> */
	SC_HM_LANG,		/* <html lang> */
	SC_HM_HEADLINE,		/* itemprop=headline text */
	SC_HM_BASE,		/* og:url-like href of <base> */
	SC_HM_DATA_DATE,	/* a publication stamp in a JSON data island */
	SC_HM_KICKER,		/* text of a headline's kicker (class kicker, overline ...) */
	SC_HM_AUTHOR_LINK	/* text of a link to a writer's page that its path names
				 * (<a href="/author/jane-doe/">Jane Doe</a>) */
};

struct sc_html_page {
	struct sc_buf text;	/* block texts, each followed by a NUL */
	struct sc_buf md;	/* Markdown renditions (SC_HTML_PARSE_MD) */
	struct sc_buf attrs;	/* node signatures, meta keys and values */
	struct sc_html_node *nodes;
	size_t nnodes, nodes_cap;
	struct sc_html_block *blocks;
	size_t nblocks, blocks_cap;
	struct sc_html_metatag *metas;
	size_t nmetas, metas_cap;
	struct sc_html_marked *marks;
	size_t nmarks, marks_cap;
	const char *charset;	/* the charset the page was decoded from (static) */
	size_t bytes;		/* size of the HTML given */
	int truncated;		/* the parser gave up on junk (error budget) */
};

enum {
	SC_HTML_PARSE_MD = 1	/* also build the Markdown rendition of each block */
};

/*
 * sc_html_parse: parse p[0..n) into page (which must be zeroed or freshly
 * released).  charset names the encoding when the caller knows it (JSON
 * Lines text is always "UTF-8"); NULL finds it from a BOM, <meta charset>,
 * an HTTP header block at the start, then detection.  Never fails: any
 * bytes give some page, perhaps an empty one.
 */
void sc_html_parse(const char *p, size_t n, const char *charset, int flags,
    struct sc_html_page *page);
void sc_html_page_free(struct sc_html_page *page);

/* Text of a block (NUL-terminated, valid UTF-8). */
static inline const char *
sc_html_block_text(const struct sc_html_page *pg, const struct sc_html_block *b)
{
	return pg->text.p + b->off;
}

/*
 * sc_html_tag_path: append the path of node i, outermost first, as
 * "body>div#main.content>article>p" to out (class/id as written, cut
 * to a few tokens).
 */
void sc_html_tag_path(const struct sc_html_page *pg, uint32_t i, struct sc_buf *out);

/* The tag name of an SC_HT_* value ("div"; "?" for unknown elements). */
const char *sc_html_tag_name(unsigned tag);

/* ---- Blocks for the shared classifier (blocks.h) ---- */

struct sc_blocks;

/*
 * sc_html_page_blocks: the blocks of a parsed page as a block list (bs is
 * cleared first): one block per page block, the cells of a table row
 * joined by " | " into one SC_BK_TABLE_ROW; ancestry flags, link density,
 * tag path ("body>div>p") and class/id tokens filled in; the page's title
 * and <html lang> as document hints.
 */
void sc_html_page_blocks(const struct sc_html_page *pg, struct sc_blocks *bs);

/* Parse and convert in one call (charset as for sc_html_parse). */
void sc_html_blocks(const char *html, size_t len, const char *charset,
    struct sc_blocks *bs);

/* ---- Article extraction ---- */

enum sc_html_format { SC_HTML_TEXT = 0, SC_HTML_MARKDOWN };

struct sc_rules;

struct sc_html_opts {
	enum sc_html_format format;
	struct sc_rules *rules;	/* line rules (rules.h) applied to the kept blocks, or NULL */
	const char *charset;	/* as for sc_html_parse */
	int keep_title;		/* start the text with the page's headline */
	int keep_comments;	/* keep reader comments after the article */
};

struct sc_html_stats {
	size_t blocks;		/* blocks on the page */
	size_t kept;		/* blocks written */
	size_t chars_in;	/* characters of text on the page */
	size_t chars_out;	/* characters written */
	int fallback;		/* 1 when no article container was found */
	int truncated;		/* the parser gave up on junk */
};

/*
 * sc_html_extract: the main text of the page in html[0..len), appended to
 * out as paragraphs separated by blank lines (lines of a list or a table
 * by single newlines), or as Markdown.  stats may be NULL.
 */
void sc_html_extract(const char *html, size_t len, const struct sc_html_opts *opts,
    struct sc_buf *out, struct sc_html_stats *stats);

/*
 * sc_html_select: the extraction decision alone, on a parsed page: sets
 * keep[i] to 1 for each block of the article.  Returns the number kept.
 */
size_t sc_html_select(const struct sc_html_page *pg, const struct sc_html_opts *opts,
    unsigned char *keep, struct sc_html_stats *stats);

/* Write the kept blocks of pg to out as sc_html_extract does. */
void sc_html_render(const struct sc_html_page *pg, const unsigned char *keep,
    enum sc_html_format format, struct sc_buf *out);

/* ---- The page's own metadata ---- */

struct sc_html_meta {
	char *title;		/* headline, without a " | Site" suffix */
	char *date;		/* publication day, "YYYY-MM-DD" */
	char *modified;		/* without a date: the last change's day, if stated */
	char *author;		/* several joined with "; " */
	char *site;
	char *description;
	char *url;		/* canonical URL */
	char *lang;		/* <html lang>, lower case, without the region */
	char **categories;
	size_t ncategories;
	char **tags;
	size_t ntags;
};

/*
 * sc_html_meta: the metadata the page states about itself (JSON-LD, meta
 * tags, microdata, link relations, h1, <time>, the URL's date, dates in
 * date-named elements), into *m, which is initialised first.  keep is the
 * article selection (sc_html_select) or NULL: the headline shown just
 * before the article is the title.  A field is
 * NULL (a list empty) when the page does not say it.  Release with
 * sc_html_meta_free().
 */
void sc_html_meta(const struct sc_html_page *pg, const unsigned char *keep,
    struct sc_html_meta *m);
void sc_html_meta_free(struct sc_html_meta *m);

#endif
