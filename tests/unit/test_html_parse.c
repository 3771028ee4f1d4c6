/*
 * Unit tests of the parser glue in common/html_parse.c that keeps
 * libxml2 off the bytes it need not read: script and style bodies and
 * runs of text are taken out before libxml2 parses and handed back at the
 * offset where it reports them.  Each page here checks that the blocks
 * and marks are what libxml2 reading every byte gives, including the
 * pages where libxml2 reads the markup another way and the whole page is
 * parsed again.  Every page here is written for the test.
 */
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "html.h"

static struct sc_html_page pg;

static void
parse(const char *html)
{
	sc_html_page_free(&pg);
	sc_html_parse(html, strlen(html), NULL, 0, &pg);
}

/* Block i's text is want. */
static int
block_is(size_t i, const char *want)
{
	return i < pg.nblocks && strcmp(sc_html_block_text(&pg, &pg.blocks[i]), want) == 0;
}

/* The first mark of a kind, or NULL. */
static const struct sc_html_marked *
mark(uint32_t kind)
{
	size_t i;

	for (i = 0; i < pg.nmarks; i++)
		if (pg.marks[i].kind == kind)
			return &pg.marks[i];
	return NULL;
}

static void
test_bodies(void)
{
	struct sc_buf b = { 0 }, body = { 0 };
	const struct sc_html_marked *m;
	int i;

	/* A JSON-LD body of several 1000-byte chunks, with two-byte
	 * characters across the chunk ends: kept byte for byte. */
	sc_buf_adds(&body, "{\"@type\":\"NewsArticle\",\"description\":\"");
	for (i = 0; i < 900; i++)
		sc_buf_adds(&body, i % 3 ? "\xc3\xa9" : "a</b");
	sc_buf_adds(&body, "\",\"datePublished\":\"2021-05-06\"}");
	sc_buf_adds(&b, "<html><head><script type=\"application/ld+json\">");
	sc_buf_add(&b, body.p, body.len);
	sc_buf_adds(&b, "</script></head><body><p>One paragraph of text.</p></body></html>");
	parse(b.p);
	m = mark(SC_HM_JSONLD);
	ok(m != NULL && m->val_len == body.len &&
	    memcmp(pg.attrs.p + m->val_off, body.p, body.len) == 0,
	    "a long JSON-LD body reaches the capture unchanged");
	ok(pg.nblocks == 1 && block_is(0, "One paragraph of text."), "page text after it");

	/* "<script>" inside a processing instruction is no script to
	 * libxml2: the page is parsed with its bodies left in. */
	parse("<html><body><?php echo \"<script>\"; ?><p>Hello there, reader.</p>"
	    "<script>var x=\"</div>\";</script><p>After the script.</p></body></html>");
	ok(pg.nblocks == 3 && block_is(0, "\"; ?>") && block_is(1, "Hello there, reader.") &&
	    block_is(2, "After the script."), "a script tag in a processing instruction");

	/* "<script/>" is closed at once: what follows is page text. */
	parse("<html><body><script src=\"a.js\"/><p>Text after a closed script.</p></body></html>");
	ok(pg.nblocks == 1 && block_is(0, "Text after a closed script."), "a self-closed script");

	/* A style sheet still tells which byline classes show in capitals. */
	parse("<html><head><style>.x{}.author-name{text-transform:uppercase}</style></head>"
	    "<body><p>By <span class=\"author-name\">jane doe</span></p></body></html>");
	m = mark(SC_HM_AUTHOR);
	ok(m != NULL && strcmp(pg.attrs.p + m->val_off, "JANE DOE") == 0,
	    "a style body is still read");
	sc_buf_free(&b);
	sc_buf_free(&body);
}

static void
test_runs(void)
{
	struct sc_buf b = { 0 };
	int i;

	/* "&dash;" is no entity to libxml2: it keeps the ';' as text, the
	 * run after it starts one byte early, and the page is parsed again. */
	parse("<html><body><p>Dashes &dash; here and &amp; there &#169; 2020.</p></body></html>");
	ok(pg.nblocks == 1 && block_is(0, "Dashes &dash; here and & there \xc2\xa9 2020."),
	    "runs after known, unknown and numeric references");
	ok(pg.blocks[0].chars == 38 && pg.blocks[0].words == 8 && pg.blocks[0].puncts == 2,
	    "their counts");

	/* A run whose first 1000 bytes are blank is a blank chunk to libxml2
	 * first: it stays in. */
	sc_buf_adds(&b, "<html><body><div><p>");
	for (i = 0; i < 1500; i++)
		sc_buf_addc(&b, i % 2 ? ' ' : '\n');
	sc_buf_adds(&b, "late text</p></div></body></html>");
	parse(b.p);
	ok(pg.nblocks == 1 && block_is(0, "late text"), "a run of 1500 blanks and a word");

	/* Preformatted text, references, Unicode spaces, invisibles,
	 * other scripts' punctuation and links, with their counts. */
	parse("<html><body><pre>  a\n   b  </pre><p>Tom &amp; Jerry, again.</p>"
	    "<p>A\xc2\xa0" "b\xe2\x80\x8b" "c, d\xe3\x80\x82 <a href=\"/x\">link words</a> end</p>"
	    "</body></html>");
	ok(pg.nblocks == 3 && block_is(0, "  a\n   b  ") && block_is(1, "Tom & Jerry, again.") &&
	    block_is(2, "A bc, d\xe3\x80\x82 link words end"), "texts");
	ok(pg.nblocks == 3 && pg.blocks[1].chars == 19 && pg.blocks[1].words == 4 &&
	    pg.blocks[1].puncts == 2, "counts of a paragraph with a reference");
	ok(pg.nblocks == 3 && pg.blocks[2].chars == 23 && pg.blocks[2].words == 6 &&
	    pg.blocks[2].puncts == 2 && pg.blocks[2].link_chars == 11,
	    "counts with a no-break space, a zero-width space, a CJK full stop and a link");
	sc_buf_free(&b);
}

int
main(void)
{
	test_bodies();
	test_runs();
	sc_html_page_free(&pg);
	return tap_done();
}
