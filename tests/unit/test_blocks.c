/*
 * test_blocks.c: the plain-text producer: lines, wrapped lines, bullets,
 * form boxes, image placeholders, rules and paragraph starts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "blocks.h"

static struct sc_blocks bs;

static int
desc(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/*
 * The wrap width as blocks.h describes it, the plain way: the widths of
 * lines followed by a line, widest first; the first within 12 columns
 * of the next; none when more than 1 + lines/100 breakable lines are wider.
 */
static uint32_t
ref_wrap_width(const uint32_t *len, size_t n)
{
	uint32_t w[64], best = 0;
	size_t i, m = 0, wider = 0, lines = 0;

	for (i = 0; i + 1 < n; i++)
		if (len[i] > 0 && len[i + 1] > 0 && len[i] >= 60)
			w[m++] = len[i];
	qsort(w, m, sizeof w[0], desc);
	for (i = 0; i + 1 < m; i++)
		if (w[i] - w[i + 1] <= 12) {
			best = w[i];
			break;
		}
	for (i = 0; best > 0 && i < n; i++) {
		lines += len[i] > 0;
		wider += len[i] > best && len[i] > 1;	/* every line has a space inside */
	}
	return best > 0 && wider > 1 + lines / 100 ? 0 : best;
}

static void
cut(const char *s)
{
	sc_blocks_from_text(s, strlen(s), &bs);
}

static const char *
text(size_t i)
{
	static char buf[4096];
	struct sc_text t = sc_block_text(&bs, &bs.v[i]);

	memcpy(buf, t.p, t.len);
	buf[t.len] = '\0';
	return buf;
}

int
main(void)
{
	struct sc_buf wrapped = { 0 };
	int i;

	sc_blocks_init(&bs);
	cut("");
	is_int(bs.n, 0, "empty text: no blocks");
	cut("\n\n   \n");
	is_int(bs.n, 0, "blank lines: no blocks");

	cut("Title\n\nFirst line\nsecond line\n");
	is_int(bs.n, 3, "one block a line");
	is_str(text(0), "Title", "first block");
	ok(bs.v[0].flags & SC_BF_PARA_START, "first block starts a paragraph");
	ok(bs.v[1].flags & SC_BF_PARA_START, "blank line: new paragraph");
	ok(!(bs.v[2].flags & SC_BF_PARA_START), "next line: same paragraph");
	is_int(bs.v[2].line, 4, "line numbers count from 1");
	ok(bs.v[0].link_density < 0, "link density unknown in text");
	ok(sc_blocks_str(&bs, bs.v[0].path_off) == NULL, "no tag path in text");

	cut("  \xe2\x80\xa2 Home\n     * News\n  - Sport\n  \xe2\x80\xa2 \n    Weather\n");
	is_int(bs.n, 4, "bullet lines");
	is_str(text(0), "Home", "w3m bullet removed");
	is_str(text(1), "News", "lynx bullet removed");
	is_str(text(2), "Sport", "dash bullet removed");
	is_str(text(3), "Weather", "text of a bullet alone on its line");
	for (i = 0; i < 4; i++)
		ok(bs.v[i].kind == SC_BK_LIST_ITEM && (bs.v[i].flags & SC_BF_BULLET), "list item");

	cut("[                    ]Search\n[https://example.org/a.jpg]\n---------\n\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\n");
	ok(bs.v[0].kind == SC_BK_FORM, "input box");
	ok(bs.v[1].kind == SC_BK_IMAGE, "image placeholder");
	ok(bs.v[2].kind == SC_BK_RULE, "dash rule");
	ok(bs.v[3].kind == SC_BK_RULE, "box-drawing rule");

	/* lynx: a picture's file name in brackets as a paragraph's first word. */
	cut("[river-boats.jpg?width=640&amp;fit=bounds] The boats came in at dawn.\n"
	    "[sic] The word was spelled that way.\n[notes] Read them first.\n");
	is_int(bs.n, 4, "an image split off its paragraph");
	ok(bs.v[0].kind == SC_BK_IMAGE, "the image before its paragraph");
	is_str(text(1), "The boats came in at dawn.", "the paragraph without the image");
	ok(bs.v[1].kind == SC_BK_PARA && bs.v[1].line == 1, "the paragraph on the same line");
	is_str(text(2), "[sic] The word was spelled that way.", "brackets without a picture stay");
	is_str(text(3), "[notes] Read them first.", "a bracketed word stays");

	/* Lines wrapped at 66 columns are joined; a short last line ends it. */
	for (i = 0; i < 3; i++) {
		sc_buf_adds(&wrapped, "The river rose quickly after the storm, and the families who lived");
		sc_buf_adds(&wrapped, "\nnear the water moved to higher ground before the night came on.\n\n");
	}
	sc_buf_adds(&wrapped, "A short line.\nAnother short line.\n");
	cut(wrapped.p);
	is_int(bs.wrap_width, 66, "wrap width found");
	is_int(bs.n, 5, "wrapped pairs joined, short lines not");
	is_str(text(0), "The river rose quickly after the storm, and the families who lived "
	    "near the water moved to higher ground before the night came on.", "joined with a space");
	ok(bs.v[0].flags & SC_BF_WRAPPED, "marked as wrapped");
	is_int(bs.v[0].nlines, 2, "two lines");
	is_str(text(3), "A short line.", "short lines stay apart");

	/* One-line paragraphs of every length are not taken for wrapping. */
	sc_buf_reset(&wrapped);
	for (i = 0; i < 6; i++) {
		int k;

		for (k = 0; k < 10 + i * 9; k++)
			sc_buf_adds(&wrapped, "word ");
		sc_buf_adds(&wrapped, "end.\n");
	}
	cut(wrapped.p);
	is_int(bs.wrap_width, 0, "no wrapping in unwrapped text");
	is_int(bs.n, 6, "every line its own block");

	/*
	 * Accented letters take one column for their two bytes: the wrap
	 * width is counted in characters, as a text browser counts it.
	 */
	sc_buf_reset(&wrapped);
	for (i = 0; i < 3; i++) {
		sc_buf_adds(&wrapped, "Die \xc3\x9c" "berschwemmung kam sp\xc3\xa4t, "
		    "und die Familien am Fluss zogen");
		sc_buf_adds(&wrapped, "\nnoch vor der Nacht auf h\xc3\xb6her "
		    "gelegenes Gel\xc3\xa4nde.\n\n");
	}
	cut(wrapped.p);
	is_int(bs.wrap_width, 60, "wrap width in characters (63 bytes)");
	is_int(bs.n, 3, "accented lines joined");
	/*
	 * The first word of the next line in columns, not bytes: a line five
	 * columns short of the width is joined to the next when that line's
	 * first word (m accented letters, 2m bytes, some past sixteen) would
	 * not have fitted after it, m >= 5.
	 */
	{
		int m, joined = 0, right = 0;

		for (m = 1; m <= 12; m++) {
			int k;

			sc_buf_reset(&wrapped);
			for (i = 0; i < 3; i++) {
				sc_buf_adds(&wrapped, "The river rose quickly after the storm, and all the families");
				sc_buf_adds(&wrapped, "\nmoved away.\n\n");
			}
			/* 55 columns, then a first word of m letters. */
			sc_buf_adds(&wrapped, "Die Flut kam sp\xc3\xa4t, die Familien zogen fort aus dem Tal.");
			sc_buf_adds(&wrapped, "\n");
			for (k = 0; k < m; k++)
				sc_buf_adds(&wrapped, "\xc3\xa9");
			sc_buf_adds(&wrapped, " und mehr Text danach, damit es weitergeht.\n");
			cut(wrapped.p);
			if (bs.wrap_width == 60) {
				joined = bs.n == 4;
				right += joined == (m >= 5);
			}
		}
		is_int(right, 12, "a next line's first word counted in columns");
	}
	/* A no-break space is a space: not text, though of two bytes like a letter. */
	cut("\xc2\xa0\xc2\xa0Indented by two no-break spaces.\n");
	is_int(bs.v[0].indent, 2, "no-break spaces indent");
	is_str(text(0), "Indented by two no-break spaces.", "and are not text");

	/* CJK wraps between characters: joined without a space. */
	sc_buf_reset(&wrapped);
	for (i = 0; i < 3; i++) {
		int k;

		for (k = 0; k < 40; k++)
			sc_buf_adds(&wrapped, "\xe6\x96\x87");	/* 文, two columns */
		sc_buf_adds(&wrapped, "\n");
		sc_buf_adds(&wrapped, "\xe5\xad\x97\xe3\x80\x82\n\n");	/* 字。 */
	}
	cut(wrapped.p);
	is_int(bs.n, 3, "CJK lines joined");
	ok(strstr(text(0), "\xe6\x96\x87\xe5\xad\x97") != NULL, "no space between CJK characters");

	/* The arena keeps NUL bytes: lengths count. */
	sc_blocks_from_text("a\0b\n", 4, &bs);
	is_int(bs.v[0].len, 3, "NUL kept inside a block");

	/*
	 * Line ends at every place of the sixteen-byte steps that find them:
	 * lines of 1 to 40 bytes (ASCII, two- and three-byte letters, a tab,
	 * a no-break space before the LF, leading spaces), one a block, the
	 * last without its LF.  Main's memchr a line gives the same blocks.
	 */
	{
		static const char *const unit[] = { "a", "\xc3\xa9", "\xe2\x80\x9c", "\t" };
		char want[48][64];
		size_t k, nlines = 40, bad = 0;

		sc_buf_reset(&wrapped);
		for (k = 0; k < nlines; k++) {
			size_t len = 0, u = 0;
			char *w = want[k];

			if (k % 5 == 4)
				sc_buf_adds(&wrapped, "   ");
			sc_buf_adds(&wrapped, "x");
			strcpy(w, "x");
			while (len + 1 < k + 1) {
				const char *c = unit[(k + u++) % 4];

				sc_buf_adds(&wrapped, c);
				strcat(w, c);
				len += strlen(c);
			}
			/* Trailing white space is not the block's. */
			while (w[strlen(w) - 1] == '\t')
				w[strlen(w) - 1] = '\0';
			if (k % 3 == 1)
				sc_buf_adds(&wrapped, "\xc2\xa0");
			if (k + 1 < nlines)
				sc_buf_adds(&wrapped, "\n");
		}
		cut(wrapped.p);
		is_int(bs.n, nlines, "line ends at every place: one block a line");
		for (k = 0; k < bs.n && k < nlines; k++)
			bad += strcmp(text(k), want[k]) != 0 || bs.v[k].line != k + 1 ||
			    (bs.v[k].indent != 0) != (k % 5 == 4);
		is_int(bad, 0, "line ends at every place: texts, line numbers, indents");
	}

	is_str(sc_block_kind_name(SC_BK_HEADING), "heading", "kind names");
	sc_buf_free(&wrapped);
	sc_blocks_free(&bs);
	{
		/* Random documents of lines of every width, wide ones (2100 and more) too. */
		struct sc_buf doc = { 0 };
		uint32_t len[64];
		unsigned seed = 12345;
		int d, same = 0;

		for (d = 0; d < 300; d++) {
			size_t n = 2 + (size_t)d % 40, k;

			sc_buf_reset(&doc);
			for (k = 0; k < n; k++) {
				uint32_t j;

				seed = seed * 1103515245u + 12345u;
				len[k] = (seed >> 16) % 7 == 0 ? 0 : 40 + (seed >> 8) % 60;
				if (d % 50 == 7 && k == 1)
					len[k] = 2100 + (seed >> 4) % 30;
				for (j = 0; j < len[k]; j++)
					sc_buf_addc(&doc, j == 1 ? ' ' : 'x');
				sc_buf_addc(&doc, '\n');
			}
			sc_blocks_from_text(doc.p, doc.len, &bs);
			same += bs.wrap_width == ref_wrap_width(len, n);
		}
		is_int(same, 300, "wrap width as sorting the widths finds it");
		sc_buf_free(&doc);
	}
	return tap_done();
}
