/*
 * Unit tests of the HTML path (common/html*.c): detection, parsing into
 * blocks, charsets, article selection, Markdown, metadata, the block
 * producer, and pages built to break parsers.  Every page here is written
 * for the test.
 */
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "fixture_article.h"
#include "blocks.h"
#include "html.h"

/* The extracted text of a page (plain or Markdown), as a C string. */
static char *
extract(const char *html, enum sc_html_format fmt)
{
	struct sc_html_opts o;
	struct sc_buf out = { 0 };

	memset(&o, 0, sizeof o);
	o.format = fmt;
	sc_html_extract(html, strlen(html), &o, &out, NULL);
	if (out.p == NULL)
		return xstrdup("");
	return out.p;
}

static int
has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* A body of article prose long enough to win, with a marker word. */
#define PROSE(w) ARTICLE_PROSE_HTML(w)

static void
test_detect(void)
{
	ok(sc_html_detect("<!DOCTYPE html><html><body>x", 28), "doctype");
	ok(sc_html_detect("\n  <html lang=\"en\">", 19), "html tag after blanks");
	ok(sc_html_detect("\xEF\xBB\xBF<html>", 9), "after a BOM");
	ok(sc_html_detect("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>", 50),
	    "after an HTTP header");
	ok(!sc_html_detect("Just a line of text.\nAnother one.\n", 34), "plain text");
	ok(!sc_html_detect("Use <div> and <p> to structure a page.\n", 39),
	    "prose that mentions tags");
	{
		const char *frag = "<div><p>a</p><p>b</p><p>c</p><a href=x>d</a><br>"
		    "<span>e</span><p>f</p><ul><li>g</li></ul></div>";

		ok(sc_html_detect(frag, strlen(frag)), "a fragment dense with markup");
	}
}

static void
test_blocks(void)
{
	struct sc_html_page pg;
	const char *html =
	    "<html><head><title>T</title><style>p{}</style><script>var x=1;</script>"
	    "</head><body><p>foo<b>bar</b> baz &amp; caf&eacute; &#x263A;</p>"
	    "<noscript>enable js</noscript><div style=\"display:none\">secret</div>"
	    "<p hidden>hidden too</p><h2>Sub head</h2><ul><li>one</li><li>two</li></ul>"
	    "<p>line one<br>line two</p>"
	    "<table><tr><td>a</td><td>b</td></tr></table>"
	    "<p><a href=\"/x\">all link</a></p><form><input value=\"v\"><button>Go</button>"
	    "</form></body></html>";
	size_t i;
	int saw_secret = 0;

	sc_html_parse(html, strlen(html), NULL, 0, &pg);
	ok(pg.nblocks >= 9, "blocks made");
	is_str(sc_html_block_text(&pg, &pg.blocks[0]), "foobar baz & café \xE2\x98\xBA",
	    "inline elements join words, entities decoded");
	for (i = 0; i < pg.nblocks; i++) {
		const char *t = sc_html_block_text(&pg, &pg.blocks[i]);

		if (has(t, "secret") || has(t, "enable js") || has(t, "hidden too") ||
		    has(t, "var x") || has(t, "p{}") || has(t, "Go"))
			saw_secret = 1;
	}
	ok(!saw_secret, "script, style, noscript, hidden elements and buttons dropped");
	is_int(pg.blocks[1].heading, 2, "heading level");
	is_str(sc_html_block_text(&pg, &pg.blocks[1]), "Sub head", "heading text");
	is_int(pg.blocks[2].kind, SC_HK_LI, "list item kind");
	ok(pg.blocks[2].flags & SC_HF_LIST, "list flag");
	is_str(sc_html_block_text(&pg, &pg.blocks[4]), "line one", "br ends a block");
	ok(pg.blocks[5].brk, "the next one follows the br");
	is_int(pg.blocks[6].kind, SC_HK_CELL, "table cell");
	ok(pg.blocks[6].row != 0 && pg.blocks[6].row == pg.blocks[7].row, "cells share a row");
	is_int(pg.blocks[8].link_chars, pg.blocks[8].chars, "link density 1");
	sc_html_page_free(&pg);
}

static void
test_flags(void)
{
	struct sc_html_page pg;
	const char *html =
	    "<body><nav><a href=/>Home</a></nav>"
	    "<div class=\"comment-list\"><p>c</p></div>"
	    "<div id=\"sidebar\"><p>s</p></div>"
	    "<div class=\"share-buttons\"><p>sh</p></div>"
	    "<div class=\"relatedPosts\"><p>r</p></div>"
	    "<div class=\"field-label-hidden\"><p>visible</p></div>"
	    "<div class=\"has-sidebar\"><p>page state</p></div>"
	    "<div itemprop=\"articleBody\"><p>body</p></div>"
	    "<div class=\"c-article-body\"><p>body2</p></div>"
	    "<footer><p>f</p></footer>"
	    "<section class=\"c-letters-cta\"><p>Write to us</p></section></body>";

	sc_html_parse(html, strlen(html), NULL, 0, &pg);
	ok(pg.nblocks == 11, "eleven blocks");
	ok(pg.blocks[10].flags & SC_HF_SUBSCRIBE, "a call to action (cta)");
	ok(pg.blocks[0].flags & SC_HF_NAV, "nav element");
	ok(pg.blocks[1].flags & SC_HF_COMMENT, "comment-list class");
	ok(pg.blocks[2].flags & SC_HF_ASIDE, "sidebar id");
	ok(pg.blocks[3].flags & SC_HF_SHARE, "share class");
	ok(pg.blocks[4].flags & SC_HF_RELATED, "camelCase relatedPosts");
	ok(!(pg.blocks[5].flags & SC_HF_HIDDEN), "field-label-hidden hides nothing");
	ok(!(pg.blocks[6].flags & SC_HF_ASIDE), "has-sidebar is a page state");
	ok(pg.blocks[7].flags & SC_HF_STRONG, "itemprop=articleBody");
	ok(pg.blocks[8].flags & SC_HF_STRONG, "article-body inside a longer token");
	ok(pg.blocks[9].flags & SC_HF_FOOTER, "footer element");
	{
		struct sc_buf p = { 0 };

		sc_html_tag_path(&pg, pg.blocks[7].node, &p);
		ok(p.p != NULL && has(p.p, "div>p"), "tag path");
		sc_buf_free(&p);
	}
	sc_html_page_free(&pg);
}

static void
test_charset(void)
{
	struct sc_html_page pg;
	const char *latin = "<html><head><meta charset=\"iso-8859-1\"></head>"
	    "<body><p>caf\xE9 cr\xE8me</p></body></html>";
	const char *utf8lie = "<html><head><meta charset=\"iso-8859-1\"></head>"
	    "<body><p>caf\xC3\xA9</p></body></html>";
	const char *http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252"
	    "\r\n\r\n<html><body><p>\x93quoted\x94</p></body></html>";
	const char u16[] = "\xFF\xFE<\0p\0>\0h\0\xE9\0<\0/\0p\0>\0";

	sc_html_parse(latin, strlen(latin), NULL, 0, &pg);
	is_str(pg.nblocks ? sc_html_block_text(&pg, &pg.blocks[0]) : "",
	    "caf\xC3\xA9 cr\xC3\xA8me", "meta charset latin-1");
	sc_html_page_free(&pg);
	sc_html_parse(utf8lie, strlen(utf8lie), NULL, 0, &pg);
	is_str(pg.nblocks ? sc_html_block_text(&pg, &pg.blocks[0]) : "", "caf\xC3\xA9",
	    "valid UTF-8 wins over a legacy declaration");
	sc_html_page_free(&pg);
	sc_html_parse(http, strlen(http), NULL, 0, &pg);
	is_str(pg.nblocks ? sc_html_block_text(&pg, &pg.blocks[0]) : "",
	    "\xE2\x80\x9Cquoted\xE2\x80\x9D", "HTTP header charset");
	sc_html_page_free(&pg);
	sc_html_parse(u16, sizeof u16 - 1, NULL, 0, &pg);
	is_str(pg.nblocks ? sc_html_block_text(&pg, &pg.blocks[0]) : "", "h\xC3\xA9",
	    "UTF-16LE BOM");
	sc_html_page_free(&pg);
}

static void
test_extract(void)
{
	char *t;
	const char *page =
	    "<html><head><title>Road plan passes | City News</title></head><body>"
	    "<header><nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li>"
	    "<li><a href=/s>Sport</a></li></ul></nav></header>"
	    "<main><article><h1>Road plan passes</h1>"
	    "<div class=\"byline\">By Jane Doe</div>"
	    "<div class=\"article-body\">" PROSE("MAIN") "<h2>What comes next</h2>"
	    "<p>The mayor will sign the plan in June, and work starts in the autumn, "
	    "the city said.</p>"
	    "<div class=\"share-bar\"><p>Share this article</p></div></div>"
	    "<aside class=\"related\"><h3>Related</h3><ul><li><a href=/a>Other story "
	    "about roads and bridges in the city</a></li></ul></aside>"
	    "</article></main>"
	    "<section id=\"comments\"><h3>3 Comments</h3><p>I think the plan is a "
	    "waste of money, and the council should spend it on schools instead.</p>"
	    "</section>"
	    "<footer><p>Copyright 2024 City News. All rights reserved.</p></footer>"
	    "</body></html>";

	t = extract(page, SC_HTML_TEXT);
	ok(has(t, "discuss the MAIN plan"), "article text kept");
	ok(has(t, "A final vote is expected"), "every paragraph kept");
	ok(has(t, "What comes next"), "subheading kept");
	ok(has(t, "The mayor will sign"), "text after the subheading kept");
	ok(!has(t, "Home"), "navigation dropped");
	ok(!has(t, "Road plan passes"), "headline left out");
	ok(!has(t, "Jane Doe"), "byline dropped");
	ok(!has(t, "Share this"), "share bar dropped");
	ok(!has(t, "Other story"), "related list dropped");
	ok(!has(t, "waste of money"), "comments dropped");
	ok(!has(t, "Copyright"), "footer dropped");
	ok(has(t, "roads, bridges and parks over the next ten years.\n\nMembers"),
	    "paragraphs separated by a blank line");
	free(t);
}

static void
test_structure(void)
{
	char *t;
	const char *page =
	    "<html><body><div class=\"menu\"><a href=/a>A</a> <a href=/b>B</a></div>"
	    "<div class=\"entry-content\">" PROSE("LIST")
	    "<ul><li>first item</li><li>second <em>item</em></li></ul>"
	    "<ol><li>step one</li><li>step two</li></ol>"
	    "<table><tr><th>Name</th><th>Score</th></tr><tr><td>Ann</td><td>5040</td></tr>"
	    "</table><blockquote><p>A quoted line.</p></blockquote>"
	    "<h3>Further reading</h3><ul><li><a href=/1>Link one</a></li>"
	    "<li><a href=/2>Link two</a></li></ul>"
	    "</div></body></html>";

	t = extract(page, SC_HTML_TEXT);
	ok(has(t, "first item\nsecond item"), "list items on their own lines");
	ok(has(t, "Name | Score\nAnn | 5040"), "table rows as text rows");
	ok(!has(t, "Link one"), "link list dropped");
	ok(!has(t, "Further reading"), "heading of a dropped list dropped");
	free(t);
	t = extract(page, SC_HTML_MARKDOWN);
	ok(has(t, "- first item\n- second *item*"), "Markdown bullets and emphasis");
	ok(has(t, "1. step one\n2. step two"), "Markdown numbered list");
	ok(has(t, "| Name | Score |"), "Markdown table row");
	ok(has(t, "> A quoted line."), "Markdown quote");
	free(t);
	t = extract("<html><body><article>" PROSE("MD") "<h2>Part <b>two</b></h2>"
	    "<p>More text of the article, long enough to stay in, with a <strong>bold"
	    "</strong> word and <code>code()</code>.</p><pre>int x;\n  y();</pre>"
	    "</article></body></html>", SC_HTML_MARKDOWN);
	ok(has(t, "## Part **two**"), "Markdown heading");
	ok(has(t, "**bold**") && has(t, "`code()`"), "Markdown strong and code");
	ok(has(t, "```\nint x;\n  y();\n```"), "Markdown code block keeps spacing");
	free(t);
}

static void
test_lead_and_fallback(void)
{
	char *t;

	t = extract("<html><body><article><header><h1>Big news</h1>"
	    "<p class=\"lead\">The lead paragraph sums up the story in one sentence, "
	    "as leads do.</p></header><div class=\"body\">" PROSE("LEAD")
	    "</div></article></body></html>", SC_HTML_TEXT);
	ok(has(t, "The lead paragraph"), "lead paragraph in the header kept");
	free(t);
	t = extract("<p>Hello <b>world</b>.</p>", SC_HTML_TEXT);
	is_str(t, "Hello world.\n", "a page of one short line is kept");
	free(t);
	t = extract("", SC_HTML_TEXT);
	is_str(t, "", "empty page");
	free(t);
}

static void
test_meta(void)
{
	struct sc_html_page pg;
	struct sc_html_meta m;
	const char *ld =
	    "<html lang=\"de-DE\"><head><title>Ignored | Site</title>"
	    "<meta property=\"og:site_name\" content=\"Site\">"
	    "<link rel=\"canonical\" href=\"https://example.org/a/b\">"
	    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
	    "\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":\"2019-01-01\"},"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"LD headline\","
	    "\"datePublished\":\"2020-09-06T14:05:00+02:00\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@id\":\"#p2\"}],"
	    "\"articleSection\":\"Politics\",\"keywords\":\"roads, city\"},"
	    "{\"@type\":\"Person\",\"@id\":\"#p2\",\"name\":\"John Roe\"}]}</script>"
	    "</head><body><p>text</p></body></html>";
	const char *og =
	    "<html><head><title>Road plan passes | City News</title>"
	    "<meta property=\"og:title\" content=\"Road plan passes - City News\">"
	    "<meta property=\"og:site_name\" content=\"City News\">"
	    "<meta property=\"article:published_time\" content=\"2021-03-04T10:00:00Z\">"
	    "<meta name=\"author\" content=\"By Max Muster\">"
	    "<meta name=\"description\" content=\"The plan passed.\">"
	    "</head><body><h1>Site logo</h1><article><h1>Road plan passes</h1>"
	    "<p><a rel=\"tag\" href=/t/roads>roads</a></p>" PROSE("META")
	    "</article></body></html>";
	const char *visible =
	    "<html><head><title>x</title></head><body>"
	    "<link rel=canonical href=\"https://example.org/2018/05/17/story\">"
	    "<h1>A story told here</h1><p>Von Erika Mustermann</p>" PROSE("VIS")
	    "</body></html>";
	const char *shown =
	    "<html><head><title>Headline of the day - Blog</title></head><body>"
	    "<h1>Blog</h1><h2>Headline of the day</h2><div class=\"meta\">"
	    "Posted on 6. September 2020 by Max Blogger</div>"
	    "<div class=\"entry-content\">" PROSE("DAY") "</div></body></html>";
	unsigned char *keep;

	sc_html_parse(ld, strlen(ld), NULL, 0, &pg);
	sc_html_meta(&pg, NULL, &m);
	is_str(m.title, "LD headline", "JSON-LD headline");
	is_str(m.date, "2020-09-06", "JSON-LD datePublished of the article, not the page");
	is_str(m.author, "Jane Doe; John Roe", "JSON-LD authors, @id resolved");
	is_str(m.site, "Site", "og:site_name");
	is_str(m.url, "https://example.org/a/b", "canonical URL");
	is_str(m.lang, "de", "html lang without region");
	ok(m.ncategories == 1 && strcmp(m.categories[0], "Politics") == 0, "articleSection");
	ok(m.ntags == 2 && strcmp(m.tags[1], "city") == 0, "keywords as tags");
	sc_html_meta_free(&m);
	sc_html_page_free(&pg);

	sc_html_parse(og, strlen(og), NULL, 0, &pg);
	keep = xmalloc(pg.nblocks + 1);
	sc_html_select(&pg, NULL, keep, NULL);
	sc_html_meta(&pg, keep, &m);
	is_str(m.title, "Road plan passes", "the h1 by the article, not the logo");
	is_str(m.date, "2021-03-04", "article:published_time");
	is_str(m.author, "Max Muster", "meta author without By");
	is_str(m.description, "The plan passed.", "description");
	ok(m.ntags == 1 && strcmp(m.tags[0], "roads") == 0, "rel=tag");
	sc_html_meta_free(&m);
	free(keep);
	sc_html_page_free(&pg);

	sc_html_parse(visible, strlen(visible), NULL, 0, &pg);
	keep = xmalloc(pg.nblocks + 1);
	sc_html_select(&pg, NULL, keep, NULL);
	sc_html_meta(&pg, keep, &m);
	is_str(m.date, "2018-05-17", "date from the URL");
	is_str(m.author, "Erika Mustermann", "byline shown by the article");
	sc_html_meta_free(&m);
	free(keep);
	sc_html_page_free(&pg);

	sc_html_parse(shown, strlen(shown), NULL, 0, &pg);
	keep = xmalloc(pg.nblocks + 1);
	sc_html_select(&pg, NULL, keep, NULL);
	sc_html_meta(&pg, keep, &m);
	is_str(m.title, "Headline of the day", "an h2 the <title> confirms");
	is_str(m.date, "2020-09-06", "German date in a dateline");
	is_str(m.author, "Max Blogger", "name after 'by' in a dateline");
	sc_html_meta_free(&m);
	free(keep);
	sc_html_page_free(&pg);

	{
		const char *de = "<html lang=\"en\"><body><article><p>Der Stadtrat hat am "
		    "Dienstag \xC3\xBC" "ber den neuen Plan f\xC3\xBCr die Stra\xC3\x9F" "en und "
		    "Br\xC3\xBC" "cken der Stadt beraten, und die meisten Mitglieder waren "
		    "daf\xC3\xBCr, dass die Arbeiten im Herbst beginnen.</p><p>Die Abstimmung "
		    "ist f\xC3\xBCr den n\xC3\xA4" "chsten Monat geplant, nachdem es eine zweite "
		    "Anh\xC3\xB6rung gegeben hat.</p></article></body></html>";

		sc_html_parse(de, strlen(de), NULL, 0, &pg);
		keep = xmalloc(pg.nblocks + 1);
		sc_html_select(&pg, NULL, keep, NULL);
		sc_html_meta(&pg, keep, &m);
		is_str(m.lang, "de", "a German page declared English is German");
		sc_html_meta_free(&m);
		free(keep);
		sc_html_page_free(&pg);
	}
}

/* Parse, select and read the metadata of one hand-written page. */
static void
meta_of(const char *html, struct sc_html_page *pg, struct sc_html_meta *m)
{
	unsigned char *keep;

	memset(pg, 0, sizeof(*pg));
	sc_html_parse(html, strlen(html), NULL, 0, pg);
	keep = xmalloc(pg->nblocks + 1);
	sc_html_select(pg, NULL, keep, NULL);
	sc_html_meta(pg, keep, m);
	free(keep);
}

#define META_IS(html, field, want, name) do { \
	struct sc_html_page pg_; \
	struct sc_html_meta m_; \
	meta_of(html, &pg_, &m_); \
	is_str(m_.field, want, name); \
	sc_html_meta_free(&m_); \
	sc_html_page_free(&pg_); \
} while (0)

static void
test_meta_dates(void)
{
	struct sc_buf b = { 0 };
	int i;

	META_IS("<html><head><meta property=\"article:published_time\" "
	    "content=\"2021-01-11T08:00:00+01:00\"></head><body><h1>Bridge opens again</h1>"
	    "<div class=\"date\">01/11/2021</div><article>" PROSE("SWAP") "</article></body></html>",
	    date, "2021-01-11", "a shown date read the wrong way round loses to the stated one");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Storm hits coast\",\"datePublished\":\"2023-11-09T05:30:59Z\"}"
	    "</script></head><body><article>" PROSE("UTC")
	    "<footer><time datetime=\"2023-11-08 23:30:59\"></time></footer></article></body></html>",
	    date, "2023-11-08", "a UTC stamp gives way to the local <time> a day off");
	META_IS("<html><head><meta property=\"article:published_time\" content=\"2022-12-26\">"
	    "</head><body><article><h1>Two foods against anxiety</h1>"
	    "<div class=\"updated\">Updated 30.12.2022</div>"
	    "<div class=\"byline\">Published 26.12.2022</div>" PROSE("AGREE")
	    "</article></body></html>",
	    date, "2022-12-26", "of the dates by the headline, the one the markup states");
	META_IS("<html><head><meta property=\"article:published_time\" content=\"2022-12-20\">"
	    "</head><body><article><h1>Two foods against anxiety</h1>"
	    "<div class=\"byline\">Updated 30.12.2022</div>" PROSE("SHOWN")
	    "</article></body></html>",
	    date, "2022-12-30", "a shown date the markup does not state still wins");
	META_IS("<html><body><article><h1>Queens of the stage</h1>"
	    "<p>31. Oktober 2023. Woher kommt eigentlich der Hass auf die Kunstfiguren, "
	    "fragt sich der Kolumnist, und warum wird er gerade jetzt so laut, wo doch "
	    "die B\xC3\xBChnen voll von ihnen sind?</p>" PROSE("LEAD")
	    "</article></body></html>",
	    date, "2023-10-31", "a dateline opening the lead");
	/* Press releases: the place, then the date, perhaps in parentheses. */
	META_IS("<html><body><article><h1>Relief for energy customers</h1>"
	    "<p>(21. November 2022) Energieverbraucher erhalten eine Preiserh\xC3\xB6hung "
	    "nach der n\xC3\xA4" "chsten, und seit dem 1. Oktober 2022 gilt ein neuer Satz.</p>"
	    PROSE("PAREN") "</article></body></html>",
	    date, "2022-11-21", "a dateline in parentheses opening the lead");
	META_IS("<html><body><article><h1>Mourning online</h1>"
	    "<p>Karlsruhe, (12.11.2021). Traditionell gedenken Christinnen und Christen am "
	    "letzten Sonntag des Kirchenjahres ihrer Verstorbenen.</p>"
	    PROSE("PLACE") "</article></body></html>",
	    date, "2021-11-12", "a place, then the date, opening the lead");
	META_IS("<html><body><article><h1>Bridge works</h1>"
	    "<p>2 Tage nach dem 3.4.2020 begannen die Arbeiten an der Br\xC3\xBC" "cke, "
	    "die seit Jahren gesperrt war, und sie sollen bis zum Sommer dauern, sagte "
	    "die Stadt am Montag in einer Mitteilung.</p>"
	    PROSE("NOLEAD") "</article></body></html>",
	    date, NULL, "a lead that only mentions a day is no dateline");
	/* Ranges of days: the first one. */
	META_IS("<html><body><article><h1>Weak layers, few avalanches</h1>"
	    "<div class=\"period\">Wochenbericht 14. - 20. Januar 2022</div>"
	    PROSE("RANGE") "</article></body></html>",
	    date, "2022-01-14", "a range of days is dated by its first day");
	META_IS("<html><body><article><h1>Weak layers, few avalanches</h1>"
	    "<div class=\"period\">Weekly report, January 14\xE2\x80\x93" "20, 2022</div>"
	    PROSE("RANGEEN") "</article></body></html>",
	    date, "2022-01-14", "a range with the month first and an en dash");
	/* A hidden stamp for machines glued before the date readers see. */
	META_IS("<html><head><meta property=\"article:published_time\" "
	    "content=\"2022-12-25T11:00:02+00:00\"></head><body><article>"
	    "<h1>Inventors and their labs</h1><div class=\"meta-info\"><span>Ina Muster</span>"
	    "<span class=\"updated\">2022-12-07T10:10:52+01:00</span>"
	    "<span>25. Dezember 2022</span></div>" PROSE("TWO") "</article></body></html>",
	    date, "2022-12-25", "of two dates in the dateline, the one the markup states");
	/* Numeric dates with spaced dots, month abbreviations between dashes. */
	META_IS("<html><body><article><h1>Nov\xC3\xA1 tramvajov\xC3\xA1 linka</h1>"
	    "<div class=\"datum\">6. 9. 2020</div>" PROSE("CZ") "</article></body></html>",
	    date, "2020-09-06", "day, month and year after spaced dots");
	META_IS("<html><body><article><h1>\xC3\x9Aj villamosvonal</h1>"
	    "<div class=\"datum\">2020. 09. 06.</div>" PROSE("HU") "</article></body></html>",
	    date, "2020-09-06", "year first with spaced dots");
	META_IS("<html><body><article><h1>Rail fares rise</h1>"
	    "<div class=\"posted\">Posted 6-Sep-2020</div>" PROSE("DMY3") "</article></body></html>",
	    date, "2020-09-06", "a month's abbreviation between dashes");
	/* A class on a box around the whole story says nothing of its dateline. */
	META_IS("<html><head><meta property=\"article:published_time\" content=\"2019-10-15\">"
	    "</head><body><div class=\"ad-slot-wrapper\"><h1>Are dead skin cells good?</h1>"
	    "<div class=\"byline\">Updated Mar 12, 2020 @ 10:42 am</div>" PROSE("ADWRAP")
	    "</div></body></html>",
	    date, "2020-03-12", "a dateline inside a box that holds the headline too");
	/* A blog's front page: a menu item with a date by the headline, the
	 * newest post's date element far below it. */
	sc_buf_reset(&b);
	sc_buf_adds(&b, "<html><body><h1>Real democracy now</h1><ul class=\"menu\">"
	    "<li><a href=\"/p/12m\">12M \xE2\x80\x93 12. Mai 2012</a></li></ul><div class=\"posts\">");
	for (i = 0; i < 45; i++)
		sc_buf_printf(&b, "<p><a href=\"/tag/%d\">Tag number %d</a></p>", i, i);
	sc_buf_adds(&b, "<div class=\"post\"><h2>Camp cleared</h2>"
	    "<span class=\"date\">13. Januar 2014</span>" PROSE("BLOG") "</div></div></body></html>");
	{
		struct sc_html_page pg;
		struct sc_html_meta m;

		meta_of(b.p, &pg, &m);
		is_str(m.date, "2014-01-13", "an element named date in the content before a menu item");
		sc_html_meta_free(&m);
		sc_html_page_free(&pg);
	}
	sc_buf_reset(&b);
	/* A date in a sentence is one the story mentions. */
	META_IS("<html><body><div><h1>Monthly meetup</h1>"
	    "<p>Der n\xC3\xA4" "chste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr "
	    "im Cafe am Markt statt.</p>" PROSE("SENT") "</div></body></html>",
	    date, NULL, "a date in a sentence does not date the page");
	META_IS("<html><body><article><h2>Mozart in Salzburg</h2>"
	    "<span class=\"updated\" title=\"2013-04-04T18:52:11+00:00\"></span>" PROSE("HATOM")
	    "</article></body></html>",
	    date, "2013-04-04", "hAtom title attribute");
	META_IS("<html><head><meta name=\"citation_publication_date\" content=\"2020/04/07\">"
	    "</head><body><article><h1>Vaccines and hospital stays</h1>" PROSE("CIT")
	    "</article></body></html>",
	    date, "2020-04-07", "a journal's citation_publication_date");
	META_IS("<html><head><meta name=\"publish_date\" content=\"2019-11-05T08:00:00\">"
	    "</head><body><article><h1>Wind park shares</h1>" PROSE("PUB")
	    "</article></body></html>",
	    date, "2019-11-05", "a CMS's publish_date");
	/* An overlay's h1 first; the article's own h1 (the <title> names it)
	 * far below, under 80 menu items, with its date above it. */
	sc_buf_adds(&b, "<html><head><title>Camp cancelled again | Handball</title></head>"
	    "<body><div id=\"overlay\"><h1>Dear handball fans, welcome</h1><p>We are glad "
	    "you are here and hope you enjoy the new site, which works best in a modern "
	    "browser.</p></div><ul>");
	for (i = 0; i < 80; i++)
		sc_buf_printf(&b, "<li><a href=\"/s%d\">Section %d</a></li>", i, i);
	sc_buf_adds(&b, "</ul><section class=\"news\"><figure class=\"teaser\">"
	    "<div class=\"info\"><span class=\"date\">02.02.2022</span></div>"
	    "<h1>Camp cancelled again</h1></figure>" PROSE("FAR") "</section></body></html>");
	{
		struct sc_html_page pg;
		struct sc_html_meta m;

		meta_of(b.p, &pg, &m);
		is_str(m.title, "Camp cancelled again", "the h1 the <title> confirms, far from an overlay");
		is_str(m.date, "2022-02-02", "the date by that headline");
		sc_html_meta_free(&m);
		sc_html_page_free(&pg);
	}
	sc_buf_free(&b);
}

static void
test_meta_authors(void)
{
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"Christoph von Eichhorn\"}]}</script>"
	    "</head><body><article>" PROSE("VON") "</article></body></html>",
	    author, "Christoph von Eichhorn", "a name's particle stays");
	/* An interview credits both; a chain of such separators credits nobody. */
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Anna Bell im Gespr\xC3\xA4" "ch mit Bob Roe\"}}"
	    "</script></head><body><article>" PROSE("TALK") "</article></body></html>",
	    author, "Anna Bell; Bob Roe", "an interview credits both");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Anna Bell im Gespr\xC3\xA4" "ch mit "
	    "Bob Roe im Gespr\xC3\xA4" "ch mit Cleo Poe\"}}"
	    "</script></head><body><article>" PROSE("TALK") "</article></body></html>",
	    author, NULL, "a chain of interview separators is no credit");
	META_IS("<html><body><article><p class=\"byline\">Ein Bericht von Jane Doe</p>"
	    PROSE("BERICHT") "</article></body></html>",
	    author, "Jane Doe", "a label ending in von still goes");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Organization\",\"name\":\"LN\"}}</script></head><body>"
	    "<article>" PROSE("ORG") "<p><em>Von Cosima Beispiel</em></p></article>"
	    "<div class=\"share\"><a href=\"/x\">Teilen</a></div></body></html>",
	    author, "Cosima Beispiel", "a signature closing the article before an organisation");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Organization\",\"name\":\"Energy Association\"}}</script>"
	    "</head><body><article>" PROSE("ORGONLY") "</article></body></html>",
	    author, "Energy Association", "an organisation when nothing else names one");
	META_IS("<html><head><meta name=\"dc.Creator\" content=\" Michael  Anderson \">"
	    "<meta name=\"dc.Creator\" content=\"Carlos Dobkin\">"
	    "<meta name=\"citation_author\" content=\"X Y\"></head><body><article>"
	    PROSE("DC") "</article></body></html>",
	    author, "Michael Anderson; Carlos Dobkin", "every dc.creator tag");
	META_IS("<html><head><meta name=\"citation_author\" content=\"Ada Lovelace\">"
	    "<meta name=\"citation_author\" content=\"Charles Babbage\"></head><body><article>"
	    PROSE("CIT") "</article></body></html>",
	    author, "Ada Lovelace; Charles Babbage", "citation_author tags");
	META_IS("<html><body><article><h1>Forum post</h1><span class=\"author\">c1ph4</span>"
	    PROSE("HANDLE") "</article></body></html>",
	    author, "c1ph4", "a handle keeps its digits");
	META_IS("<html><body><article><h1>Good bacteria</h1><div class=\"header-info__author\">"
	    "Ophelie Beispiel</div>" PROSE("CMT") "</article><section class=\"comments\">"
	    "<div itemprop=\"author\">link78</div><p>Nice.</p></section></body></html>",
	    author, "Ophelie Beispiel", "a commenter's microdata comes after the byline");
	META_IS("<html><body><article><h1>Sails and wind</h1>" PROSE("LABEL")
	    "<p><b>Von:</b><br><br>G\xC3\xB6tz Beispiel</p></article></body></html>",
	    author, "G\xC3\xB6tz Beispiel", "a label alone, the name after a break");
	META_IS("<html><body><div class=\"news-item\"><div class=\"news-timedata\">05.02.2020 "
	    "- Redaktion: Eberhard Beispiel (Sprecher des Verbands)</div><h1>Fair chains</h1>"
	    "<article>" PROSE("DATELINE") "</article></div></body></html>",
	    author, "Eberhard Beispiel", "a label inside a dateline");
	META_IS("<html><body><h1>Landslide in the north</h1><div class=\"intro__author\">"
	    "<span>von</span> Daniel Braun, Davor Pasoski</div><article>" PROSE("COMMA")
	    "</article></body></html>",
	    author, "Daniel Braun, Davor Pasoski", "names listed with a comma");
	META_IS("<html><body><h1>Landslide in the north</h1><div class=\"byline\">"
	    "By Jane Doe, Senior Editor</div><article>" PROSE("ROLE")
	    "</article></body></html>",
	    author, "Jane Doe", "a role after the comma goes");
	META_IS("<html><head><meta property=\"og:site_name\" content=\"Junge Freiheit\"></head>"
	    "<body><article><h1>Royal week</h1>" PROSE("JF") "</article><ul class=\"more\">"
	    "<li><span class=\"author\">JF</span></li></ul><div class=\"box\">"
	    "<span class=\"author\">Boris T. Kaiser</span></div></body></html>",
	    author, "Boris T. Kaiser", "the newsroom's initials are no author");
	META_IS("<html><body><article><h1>Green monsters</h1><span class=\"author\">"
	    "KleineGr\xC3\xBCneMonster Ein Kommentar</span>" PROSE("KOMM")
	    "</article></body></html>",
	    author, "KleineGr\xC3\xBCneMonster", "comment words end a byline");
	META_IS("<html><body><article><h1>Fronts harden</h1><p>Hamburg (dpa/lno) \xE2\x80\x93 "
	    "Despite a meeting between the founder and the student council, the two "
	    "sides remain far apart, a spokesman said on Tuesday.</p>" PROSE("AGENCY")
	    "</article></body></html>",
	    author, "dpa/lno", "an agency's credit in the opening dateline");
	META_IS("<html><body><article><h1>Fronts harden</h1><p>Hamburg (2019) \xE2\x80\x93 "
	    "Despite a meeting between the founder and the student council, the two "
	    "sides remain far apart, a spokesman said on Tuesday.</p>" PROSE("NOAGENCY")
	    "</article></body></html>",
	    author, NULL, "a year in brackets is no agency");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"Lars Fischer\"},"
	    "{\"@type\":\"Person\",\"name\":\"Alina Schadwinkel\"}]}</script></head><body>"
	    "<article><h1>Bats and viruses</h1><p class=\"byline\">Von Lars Fischer und Alina "
	    "Schadwinkel</p>" PROSE("LIST") "</article></body></html>",
	    author, "Lars Fischer und Alina Schadwinkel", "authors as the byline lists them");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"Lars Fischer\"},"
	    "{\"@type\":\"Person\",\"name\":\"Alina Schadwinkel\"}]}</script></head><body>"
	    "<article><h1>Bats and viruses</h1><p>Lars Fischer met Alina Schadwinkel.</p>"
	    PROSE("NOLIST") "</article></body></html>",
	    author, "Lars Fischer; Alina Schadwinkel", "names in a sentence are no byline");
	/* Readers named by a "recent comments" widget are not the writer. */
	META_IS("<html><body><article><h1>On time</h1>" PROSE("WIDGET") "</article>"
	    "<aside><section class=\"widget widget_recent_comments\"><h2>Recent comments</h2>"
	    "<ul><li class=\"recentcomments\">"
	    "<span class=\"comment-author-link\">Alexandra</span> on <a href=\"/x\">"
	    "Another post</a></li></ul></section></aside></body></html>",
	    author, NULL, "a commenter in a widget is no author");
	META_IS("<html><body><article><h1>On time</h1>" PROSE("CMT") "</article>"
	    "<div class=\"comments\"><div class=\"comment\"><span class=\"comment-author\">"
	    "Rolf Leser</span><p>Thanks.</p></div></div></body></html>",
	    author, NULL, "a reader's comment names no author");
	/* ... but WordPress marks the post author's own comments. */
	META_IS("<html><body><article><h1>Free biscuits</h1>" PROSE("BYPOST") "</article>"
	    "<div class=\"comments\"><div class=\"comment byuser bypostauthor\">"
	    "<span class=\"comment-author\">HansBeispiel</span><p>Enjoy.</p></div></div>"
	    "</body></html>",
	    author, "HansBeispiel", "a comment marked bypostauthor names the author");
	META_IS("<html><body><article><h1>Nettles</h1>" PROSE("SAGT") "</article>"
	    "<div class=\"comments\"><div class=\"comment bypostauthor\">"
	    "<span class=\"comment-author\">Nessel Beispiel sagt:</span><p>Yes.</p></div>"
	    "</div></body></html>",
	    author, "Nessel Beispiel", "the comment's verb after the name goes");
}

/* The signals pages carry their date and author in, one page each. */
static void
test_meta_signals(void)
{
	/* JSON-LD people */
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":[\"Ada Lovelace\",\"Charles Babbage\"]}}"
	    "</script></head><body><article>" PROSE("ARR") "</article></body></html>",
	    author, "Ada Lovelace; Charles Babbage", "a Person whose name is an array");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":"
	    "\"Article\",\"author\":{\"@type\":\"Person\",\"givenName\":\"Grace\","
	    "\"familyName\":\"Hopper\"}}]}</script></head><body><article>" PROSE("GIVEN")
	    "</article></body></html>",
	    author, "Grace Hopper", "a Person with givenName and familyName");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Kathrin Filer\"}}</script></head>"
	    "<body><article><h1>Crash on the bypass</h1><div class=\"byline\">By "
	    "<a rel=\"author\" href=\"/a/jh\">Jessie Holm</a></div>" PROSE("UNSHOWN")
	    "</article></body></html>",
	    author, "Jessie Holm", "a JSON-LD author the page never shows loses to its byline");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":"
	    "\"WebPage\",\"author\":{\"@type\":\"Person\",\"name\":\"Olga Beispiel\"}}]}"
	    "</script></head><body><div>" PROSE("WEBPAGE") "</div></body></html>",
	    author, "Olga Beispiel", "the WebPage's author when no article object");
	META_IS("<html><body><article><h1>Ocean heat</h1><div itemprop=\"author\" itemscope "
	    "itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">Lea Muster</span> "
	    "<span itemprop=\"jobTitle\">Climate correspondent and author of two books</span>"
	    "</div>" PROSE("ITEMNAME") "</article></body></html>",
	    author, "Lea Muster", "the name nested in an itemprop=author item");
	/* several authors */
	META_IS("<html><body><article><h1>Crash on the bypass</h1><div class=\"meta\">"
	    "<a rel=\"author\" href=\"/a/jh\">Jessie Holm</a> | "
	    "<a rel=\"author\" href=\"/a/gl\">Gail Lenz</a></div>" PROSE("COAUTH")
	    "</article></body></html>",
	    author, "Jessie Holm; Gail Lenz", "co-authors marked in one byline");
	META_IS("<html><body><article><h1>The future of work</h1><p class=\"author\">"
	    "Richard Beispiel im Gespr\xC3\xA4" "ch mit Karin Muster</p>" PROSE("GESPR")
	    "</article></body></html>",
	    author, "Richard Beispiel; Karin Muster", "an interview credits both");
	/* generic credits */
	META_IS("<html><head><meta name=\"author\" content=\"Editorial Staff\"></head><body>"
	    "<article>" PROSE("STAFF") "</article></body></html>",
	    author, NULL, "a generic credit names nobody");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Staff\"}}</script>"
	    "<meta name=\"author\" content=\"Mia Beispiel\"></head><body><article>"
	    PROSE("STAFF2") "</article></body></html>",
	    author, "Mia Beispiel", "a Person named Staff gives way to the meta tag");
	/* meta tags */
	META_IS("<html><head><meta name=\"twitter:label1\" content=\"Verfasst von\">"
	    "<meta name=\"twitter:data1\" content=\"Jana Beispiel\"><meta name="
	    "\"twitter:label2\" content=\"Gesch\xC3\xA4tzte Lesezeit\"><meta name="
	    "\"twitter:data2\" content=\"3 Minuten\"></head><body><article>" PROSE("TWLABEL")
	    "</article></body></html>",
	    author, "Jana Beispiel", "twitter:label1 Verfasst von with twitter:data1");
	META_IS("<html><head><meta name=\"twitter:label1\" content=\"Written by\">"
	    "<meta name=\"twitter:data1\" content=\"@harborledger\"><meta name="
	    "\"twitter:label2\" content=\"Author\"><meta name="
	    "\"twitter:data2\" content=\"Olaf Probe\"></head><body><article>" PROSE("TWLABEL2")
	    "</article></body></html>",
	    author, "Olaf Probe", "a twitter label with a handle gives way to the next label");
	META_IS("<html><head><meta property=\"og:article:author\" content=\"Pia Muster\">"
	    "</head><body><article>" PROSE("OGART") "</article></body></html>",
	    author, "Pia Muster", "og:article:author");
	META_IS("<html><head><meta property=\"dc:creator\" content=\"Uwe Beispiel\">"
	    "</head><body><article>" PROSE("DCCOLON") "</article></body></html>",
	    author, "Uwe Beispiel", "dc:creator as an RDFa property");
	META_IS("<html><head><meta name=\"parsely-page\" content='{\"title\": \"Tides\", "
	    "\"pub_date\": \"2021-06-02T10:00:00Z\", \"authors\": [\"Lena Ebb\", \"Tom Flut\"]}'>"
	    "</head><body><article>" PROSE("PARSELY") "</article></body></html>",
	    author, "Lena Ebb; Tom Flut", "Parse.ly's JSON: authors");
	META_IS("<html><head><meta name=\"parsely-page\" content='{\"title\": \"Tides\", "
	    "\"pub_date\": \"2021-06-02T10:00:00Z\", \"authors\": [\"Lena Ebb\"]}'>"
	    "</head><body><article>" PROSE("PARSELYD") "</article></body></html>",
	    date, "2021-06-02", "Parse.ly's JSON: pub_date");
	META_IS("<html><head><meta property=\"dc:date.created\" content=\"2017-04-12\">"
	    "</head><body><article>" PROSE("DCDATE") "</article></body></html>",
	    date, "2017-04-12", "dc:date.created as an RDFa property");
	META_IS("<html><head><meta property=\"article:published_time\" content=\"1588888888\">"
	    "</head><body><article>" PROSE("EPOCH") "</article></body></html>",
	    date, "2020-05-07", "a Unix time in a date tag");
	META_IS("<html><head><meta name=\"pubdate\" content=\"1588888888000\">"
	    "</head><body><article>" PROSE("EPOCHMS") "</article></body></html>",
	    date, "2020-05-07", "a Unix time in milliseconds");
	/* <time> */
	META_IS("<html><body><aside class=\"sidebar\"><ul><li><a href=\"/old\">Older post</a>"
	    "<time datetime=\"2020-01-01T10:00\"></time></li></ul></aside><article>"
	    "<h1>Night trains return</h1><time datetime=\"2021-05-05T08:00\"></time>"
	    PROSE("TIMEASIDE") "</article></body></html>",
	    date, "2021-05-05", "a <time> in a sidebar dates another post");
	META_IS("<html><head><script type=\"application/json\" data-state=\"review\">"
	    "{\"review\":{\"dates\":{\"publishedDate\":\"2016-11-04T20:37:27Z\","
	    "\"updatedDate\":\"2016-11-05T10:00:00Z\"}}}</script></head><body><div>"
	    PROSE("ISLAND") "</div></body></html>",
	    date, "2016-11-04", "a stamp in a JSON data island when nothing else dates the page");
	META_IS("<html><body><article><h1>Nowe linie tramwajowe</h1>"
	    "<div class=\"date\">12 marca 2020</div>" PROSE("POLISH")
	    "</article></body></html>",
	    date, "2020-03-12", "a Polish month name");
	/* capitals */
	META_IS("<html><head><style>.meta .byline .author-name{color:red;"
	    "text-transform:uppercase}</style></head><body><article><h1>Mayor elected</h1>"
	    "<div class=\"meta\"><div class=\"byline\">By <a class=\"author-name\" "
	    "href=\"/a/s\" rel=\"author\">Sam Beispiel</a></div></div>" PROSE("UPPER")
	    "</article></body></html>",
	    author, "SAM BEISPIEL", "a byline the style sheet shows in capitals");
	META_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Sam Beispiel\"}}</script></head>"
	    "<body><article><h1>Mayor elected</h1><span class=\"author\" style=\"text-transform:"
	    " uppercase\">Sam Beispiel</span>" PROSE("INLINE") "</article></body></html>",
	    author, "SAM BEISPIEL", "an inline style in capitals, the JSON-LD name as shown");
	META_IS("<html><head><style>.kicker{text-transform:uppercase}</style></head><body>"
	    "<article><h1>Mayor elected</h1><div class=\"byline\">By <a class=\"author-name\" "
	    "href=\"/a/s\" rel=\"author\">Sam Beispiel</a></div>" PROSE("NOUPPER")
	    "</article></body></html>",
	    author, "Sam Beispiel", "capitals elsewhere leave the byline alone");
}

static void
test_blocks_producer(void)
{
	struct sc_blocks bs;
	const char *html = "<html lang=en><head><title>T</title></head><body>"
	    "<nav><p><a href=/>Home</a></p></nav><article><h2>Head</h2>"
	    "<p class=\"Lead\">Text</p><table><tr><td>a</td><td>b</td></tr></table>"
	    "</article></body></html>";

	sc_blocks_init(&bs);
	sc_html_blocks(html, strlen(html), NULL, &bs);
	is_int(bs.n, 4, "four blocks (a table row is one)");
	ok(bs.v[0].flags & SC_BF_IN_NAV, "nav flag");
	ok(bs.v[0].flags & SC_BF_IN_LINK, "whole-link flag");
	is_int(bs.v[1].kind, SC_BK_HEADING, "heading kind");
	is_int(bs.v[1].level, 2, "heading level");
	ok(bs.v[2].flags & SC_BF_IN_ARTICLE, "article flag");
	is_str(sc_blocks_str(&bs, bs.v[2].tokens_off), "lead", "class tokens");
	is_str(sc_blocks_str(&bs, bs.v[2].path_off), "html>body>article>p", "tag path");
	is_int(bs.v[3].kind, SC_BK_TABLE_ROW, "table row kind");
	is_mem(bs.arena.p + bs.v[3].off, bs.v[3].len, "a | b", "cells joined");
	is_str(sc_blocks_str(&bs, bs.title_off), "T", "title hint");
	is_str(sc_blocks_str(&bs, bs.lang_off), "en", "lang hint");
	sc_blocks_free(&bs);
}

/* The selection's finer points: deck, dateline, teasers, split sections. */
static void
test_selection(void)
{
	char *t;

	/* A sentence-long sub-heading under the h1 is the article's deck. */
	t = extract("<body><article><header><h1>Road plan passes</h1>"
	    "<h2>The council backs a ten-year plan for roads, bridges and parks after "
	    "a long night</h2><div class=\"byline\">By Jane Doe</div></header>"
	    "<div class=\"story\">" PROSE("DECK") "</div></article></body>", SC_HTML_TEXT);
	ok(has(t, "The council backs a ten-year plan"), "deck kept");
	ok(has(t, "DECK plan") && !has(t, "Jane Doe"), "body kept, byline not");
	free(t);
	/* The deck is no evidence of the body: a strict pass that missed most
	 * of it (wrapped in "meta" spans) still gives way to the retry. */
	t = extract("<body><article><header><h1>Road plan passes</h1>"
	    "<h2>The council backs a ten-year plan for roads, bridges and parks after "
	    "a long night of debate</h2></header><div class=\"story\"><p>The council met "
	    "on Tuesday to discuss the plan, which would change how the city pays for its "
	    "roads, bridges and parks over the next ten years, as the mayor said.</p>"
	    "<p><span class=\"meta\">"
	    "Members argued for hours, and several residents spoke in favour of the "
	    "proposal, while others asked for more time to read the details.</span></p>"
	    "<p><span class=\"meta\">A final vote is expected next month, after a second "
	    "public hearing, officials said, and the works would start in the spring."
	    "</span></p></div></article></body>", SC_HTML_TEXT);
	ok(has(t, "The council backs") && has(t, "Members argued for hours") &&
	    has(t, "A final vote is expected"), "a deck does not stop the retry");
	free(t);
	/* A date standing above the first paragraph is metadata; in the body it
	 * is text. */
	t = extract("<body><article><h1>Road plan</h1><p>23.10.2018</p>"
	    "<p>Ver\xC3\xB6" "ffentlicht: 2. Februar 2022</p>" PROSE("DATE")
	    "<p>Deadline: 03.11.2019</p></article></body>", SC_HTML_TEXT);
	ok(!has(t, "23.10.2018") && !has(t, "Februar"), "datelines above the body dropped");
	ok(has(t, "DATE plan") && has(t, "Deadline: 03.11.2019"), "a date in the body kept");
	free(t);
	/* A "teaser" box before the body is its lead; after it, the next story. */
	t = extract("<body><article><div class=\"teaser\"><p>The city will spend more "
	    "on its roads, bridges and parks, after a vote that took all night.</p></div>"
	    "<div class=\"story\">" PROSE("TEASER") "<div class=\"teaser\"><p>In other news, "
	    "the library will open on Sundays from next month, the council said, after a "
	    "petition signed by many readers.</p></div></div></article></body>",
	    SC_HTML_TEXT);
	ok(has(t, "The city will spend more"), "teaser before the body is the lead");
	ok(!has(t, "library will open"), "teaser after the body dropped");
	free(t);
	/* An article split into sections, one led by a table of contents of
	 * links: that section's paragraphs still count. */
	{
		struct sc_buf b = { 0 };
		int i;

		sc_buf_adds(&b, "<body><main><section>" PROSE("SPLIT") PROSE("MORE") PROSE("YET")
		    "</section><section><ul>");
		for (i = 0; i < 12; i++)
			sc_buf_printf(&b, "<li><a href=\"#q%d\">Question number %d of the "
			    "list of questions</a></li>", i, i);
		sc_buf_adds(&b, "</ul><h3>What comes next?</h3><p>The second part of the plan, "
		    "which covers the parks, will be put to a vote in the spring, after a "
		    "consultation with residents, the mayor said on Friday.</p></section>"
		    "</main></body>");
		t = extract(b.p, SC_HTML_TEXT);
		ok(has(t, "SPLIT plan") && has(t, "The second part of the plan"),
		    "prose of a link-heavy sibling section kept");
		ok(!has(t, "Question number"), "its links not");
		free(t);
		sc_buf_free(&b);
	}
	/* Cousins: a page builder's rows of columns of wrappers. */
	t = extract("<body><div class=\"page\"><div class=\"row\"><div class=\"col\">"
	    "<div class=\"wrap\">" PROSE("ROW1") PROSE("MORE") PROSE("YET") "</div>"
	    "<div class=\"note\">Photo: City</div></div></div><div class=\"row\">"
	    "<div class=\"col\"><div class=\"wrap\"><h2>And then</h2><p>The second row of "
	    "the page holds the rest of the story, which goes on for a while, with commas, "
	    "quotes from residents, figures from the budget, "
	    "clauses and a closing sentence.</p></div></div></div></div></body>",
	    SC_HTML_TEXT);
	ok(has(t, "ROW1 plan") && has(t, "The second row of the page"),
	    "paragraphs of a cousin container kept");
	free(t);
	/* An embedded tweet is a quotation, not a share button. */
	t = extract("<body><article>" PROSE("TWEET") "<blockquote class=\"twitter-tweet\">"
	    "<p>The senate observed a minute of silence for the departed members, and "
	    "adjourned plenary until Wednesday.</p>&mdash; The Senate (@senate) October 9, "
	    "2018</blockquote><p>The session resumes next week, the clerk said.</p>"
	    "</article></body>", SC_HTML_TEXT);
	ok(has(t, "observed a minute of silence"), "embedded tweet kept");
	free(t);
	/* A teaser box's line before the body is its lead, full stop or not. */
	t = extract("<body><div class=\"teaser-text\"><p>What had been rumoured for weeks, "
	    "the council has now confirmed in a vote</p></div><div class=\"story\">"
	    PROSE("LEADLINE") "</div></body>", SC_HTML_TEXT);
	ok(has(t, "What had been rumoured for weeks"), "lead line without a full stop kept");
	free(t);
	/* Bootstrap's d-none hides, unless a breakpoint shows it again. */
	t = extract("<body><article>" PROSE("DNONE") "<div class=\"d-none d-print-block\">"
	    "Citation: the print version of this story, retrieved on a date.</div>"
	    "<div class=\"d-none d-md-block\"><p>The desktop layout shows this closing "
	    "paragraph of the story, which readers on wide screens see.</p></div>"
	    "</article></body>", SC_HTML_TEXT);
	ok(!has(t, "Citation:"), "d-none d-print-block is hidden on screen");
	ok(has(t, "The desktop layout shows"), "d-none d-md-block is shown");
	free(t);
	/* Contact addresses and post metadata are not article text. */
	t = extract("<body><article>" PROSE("ADDR") "<address>City News, 1 Main Street, "
	    "Springfield, phone 555 0100</address><div class=\"postmetadata\">Posted on "
	    "Tuesday at noon and filed under Politics, Roads</div></article></body>",
	    SC_HTML_TEXT);
	ok(has(t, "ADDR plan"), "article kept");
	ok(!has(t, "Main Street") && !has(t, "filed under"), "address and post metadata dropped");
	free(t);
}

static void
test_hostile(void)
{
	struct sc_buf b = { 0 };
	char *t;
	size_t i;

	/* 10,000-deep nesting, closed and unclosed. */
	for (i = 0; i < 10000; i++)
		sc_buf_adds(&b, "<div>");
	sc_buf_adds(&b, PROSE("DEEP"));
	for (i = 0; i < 10000; i++)
		sc_buf_adds(&b, "</div>");
	t = extract(b.p, SC_HTML_TEXT);
	ok(has(t, "DEEP plan"), "10,000 nested divs");
	free(t);
	sc_buf_reset(&b);
	for (i = 0; i < 10000; i++)
		sc_buf_adds(&b, "<div><span><b><table><li>");
	sc_buf_adds(&b, PROSE("UNCLOSED"));
	t = extract(b.p, SC_HTML_TEXT);
	ok(has(t, "UNCLOSED plan"), "10,000 levels of unclosed tags");
	free(t);
	/*
	 * A JSON-LD name of 20,000 interview separators (half a megabyte):
	 * the byline cleaner once split it again at each one, copying the
	 * rest each time (minutes of work, as deep a recursion).
	 */
	sc_buf_reset(&b);
	sc_buf_adds(&b, "<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Anna Bell");
	for (i = 0; i < 20000; i++)
		sc_buf_adds(&b, " im Gespr\xC3\xA4" "ch mit Anna Bell");
	sc_buf_adds(&b, "\"}}</script></head><body><article>" PROSE("CHAIN")
	    "</article></body></html>");
	META_IS(b.p, author, NULL, "20,000 interview separators: no author, at once");
	/* A huge attribute and a tag with 100,000 attributes. */
	sc_buf_reset(&b);
	sc_buf_adds(&b, "<p title=\"");
	for (i = 0; i < 200000; i++)
		sc_buf_adds(&b, "aaaaa");
	sc_buf_adds(&b, "\">x</p>" PROSE("ATTR"));
	t = extract(b.p, SC_HTML_TEXT);
	ok(has(t, "ATTR plan"), "a 1 MB attribute");
	free(t);
	sc_buf_reset(&b);
	sc_buf_adds(&b, "<p ");
	for (i = 0; i < 100000; i++)
		sc_buf_printf(&b, "a%zu=1 ", i);
	sc_buf_adds(&b, ">x</p>" PROSE("MANY"));
	t = extract(b.p, SC_HTML_TEXT);
	ok(has(t, "MANY plan"), "100,000 attributes (libxml2 would be quadratic)");
	free(t);
	/* NUL bytes, broken entities, binary junk. */
	{
		static const char nul[] = "<p>The council\0 met on Tuesday &amp &#; &#xZZ; "
		    "&bogus; &#99999999; R&D, to discuss the plan for the roads and bridges "
		    "of the city, and more.</p>";
		struct sc_html_opts o;
		struct sc_buf out = { 0 };

		memset(&o, 0, sizeof o);
		sc_html_extract(nul, sizeof nul - 1, &o, &out, NULL);
		ok(out.p != NULL && has(out.p, "The council met on Tuesday") &&
		    has(out.p, "&#; &#xZZ; &bogus;"),
		    "NUL removed, bare ampersands kept as text");
		ok(out.p != NULL && has(out.p, "R&D"), "R&D");
		sc_buf_free(&out);
	}
	sc_buf_reset(&b);
	srand(7);
	for (i = 0; i < 300000; i++)
		sc_buf_addc(&b, (char)(rand() & 0xFF));
	{
		struct sc_html_opts o;
		struct sc_buf out = { 0 };

		memset(&o, 0, sizeof o);
		sc_html_extract(b.p, b.len, &o, &out, NULL);
		ok(1, "300 KB of binary junk parsed");
		sc_buf_free(&out);
	}
	/* Unclosed comment, script and noscript with an unclosed div. */
	t = extract("<p>before</p><!-- never closed <p>x</p>", SC_HTML_TEXT);
	ok(!has(t, "x"), "unclosed comment swallows the rest");
	free(t);
	t = extract("<body><noscript><div id=x></noscript>" PROSE("NOSCRIPT") "</body>",
	    SC_HTML_TEXT);
	ok(has(t, "NOSCRIPT plan"), "an unclosed div in noscript does not hide the page");
	free(t);
	sc_buf_free(&b);
}

int
main(void)
{
	test_detect();
	test_blocks();
	test_flags();
	test_charset();
	test_extract();
	test_structure();
	test_lead_and_fallback();
	test_meta();
	test_meta_dates();
	test_meta_authors();
	test_meta_signals();
	test_blocks_producer();
	test_selection();
	test_hostile();
	return tap_done();
}
