/*
 * html_blocks.c: the HTML producer of blocks.h, so the boilerplate
 * classifier (strip.h) and anything else that reads block lists can take
 * a parsed page like a text dump.
 *
 * Each block of the page becomes one block, except table cells: the cells
 * of one row become a single SC_BK_TABLE_ROW joined by " | ".  The HTML
 * ancestry flags, link density, tag path and class/id tokens the text
 * path cannot know are filled in.
 */
#include <string.h>

#include "blocks.h"
#include "html.h"

static enum sc_block_kind
block_kind(const struct sc_html_block *b)
{
	switch (b->kind) {
	case SC_HK_HEADING:
		return SC_BK_HEADING;
	case SC_HK_LI:
		return SC_BK_LIST_ITEM;
	case SC_HK_CELL:
		return SC_BK_TABLE_ROW;
	case SC_HK_PRE:
		return SC_BK_PRE;
	case SC_HK_CAPTION:
		return SC_BK_CAPTION;
	default:
		return (b->flags & SC_HF_QUOTE) ? SC_BK_QUOTE : SC_BK_PARA;
	}
}

static uint32_t
block_flags(const struct sc_html_block *b)
{
	uint32_t f = b->brk ? 0 : SC_BF_PARA_START;

	if (b->flags & SC_HF_NAV)
		f |= SC_BF_IN_NAV;
	if (b->flags & SC_HF_HEADER)
		f |= SC_BF_IN_HEADER;
	if (b->flags & SC_HF_FOOTER)
		f |= SC_BF_IN_FOOTER;
	if (b->flags & SC_HF_ASIDE)
		f |= SC_BF_IN_ASIDE;
	if (b->flags & SC_HF_ARTICLE)
		f |= SC_BF_IN_ARTICLE;
	if (b->flags & SC_HF_FORM)
		f |= SC_BF_IN_FORM;
	if (b->flags & SC_HF_COMMENT)
		f |= SC_BF_IN_COMMENT;
	if (b->flags & SC_HF_HIDDEN)
		f |= SC_BF_HIDDEN;
	if (b->chars > 0 && b->link_chars == b->chars)
		f |= SC_BF_IN_LINK;
	if (b->ordered)
		f |= SC_BF_NUMBERED;
	return f;
}

/* "body>div>article>p": tag names only, outermost first. */
static void
tag_path(const struct sc_html_page *pg, uint32_t i, struct sc_buf *out)
{
	uint32_t path[64];
	size_t n = 0, k;

	while (i != 0 && n < 64) {
		path[n++] = i;
		i = pg->nodes[i].parent;
	}
	for (k = n; k > 0; k--) {
		const struct sc_html_node *nd = &pg->nodes[path[k - 1]];
		const char *sig = pg->attrs.p + nd->attr_off;
		size_t len = strcspn(sig, "#.");

		if (len > nd->attr_len)
			len = nd->attr_len;
		sc_buf_add(out, sig, len);
		if (k > 1)
			sc_buf_addc(out, '>');
	}
}

/*
 * Class and id tokens of the element and its ancestors, lower case: at
 * most 24 tokens from the 64 nearest ancestors, as the tag path, so a
 * block at the bottom of thousands of bare divs costs no more than any.
 */
static void
tokens(const struct sc_html_page *pg, uint32_t i, struct sc_buf *out)
{
	int n = 0, up = 0;

	for (; i != 0 && n < 24 && up < 64; i = pg->nodes[i].parent, up++) {
		const struct sc_html_node *nd = &pg->nodes[i];
		const char *sig = pg->attrs.p + nd->attr_off;
		size_t k = strcspn(sig, "#.");

		while (k < nd->attr_len && n < 24) {
			size_t e = k + 1;

			while (e < nd->attr_len && sig[e] != '.' && sig[e] != '#')
				e++;
			if (e > k + 1) {
				size_t j;

				if (out->len > 0)
					sc_buf_addc(out, ' ');
				for (j = k + 1; j < e; j++) {
					char c = sig[j];

					sc_buf_addc(out, c >= 'A' && c <= 'Z' ? c + 32 : c);
				}
				n++;
			}
			k = e;
		}
	}
}

void
sc_html_page_blocks(const struct sc_html_page *pg, struct sc_blocks *bs)
{
	struct sc_buf t = { 0 };
	size_t i, j;

	sc_blocks_clear(bs);
	for (i = 0; i < pg->nmarks; i++) {
		const struct sc_html_marked *m = &pg->marks[i];

		if (m->kind == SC_HM_TITLE && bs->title_off == SC_BLOCK_NONE)
			bs->title_off = sc_blocks_intern(bs, pg->attrs.p + m->val_off, m->val_len);
		else if (m->kind == SC_HM_LANG && bs->lang_off == SC_BLOCK_NONE)
			bs->lang_off = sc_blocks_intern(bs, pg->attrs.p + m->val_off, m->val_len);
	}
	for (i = 0; i < pg->nblocks; i = j) {
		const struct sc_html_block *b = &pg->blocks[i];
		uint32_t chars = b->chars, link = b->link_chars;
		struct sc_block *sb;

		sc_buf_reset(&t);
		sc_buf_add(&t, pg->text.p + b->off, b->len);
		j = i + 1;
		if (b->kind == SC_HK_CELL && b->row != 0) {
			for (; j < pg->nblocks && pg->blocks[j].kind == SC_HK_CELL &&
			    pg->blocks[j].row == b->row; j++) {
				sc_buf_adds(&t, " | ");
				sc_buf_add(&t, pg->text.p + pg->blocks[j].off, pg->blocks[j].len);
				chars += pg->blocks[j].chars;
				link += pg->blocks[j].link_chars;
			}
		}
		sb = sc_blocks_add(bs, block_kind(b), t.p, t.len);
		sb->flags = block_flags(b);
		sb->level = b->heading;
		sb->link_density = chars > 0 ? (float)link / (float)chars : 0;
		sc_buf_reset(&t);
		tag_path(pg, b->node, &t);
		sb = &bs->v[bs->n - 1];
		sb->path_off = sc_blocks_intern(bs, t.p ? t.p : "", t.len);
		sc_buf_reset(&t);
		tokens(pg, b->node, &t);
		sb = &bs->v[bs->n - 1];
		sb->tokens_off = t.len > 0 ? sc_blocks_intern(bs, t.p, t.len) : SC_BLOCK_NONE;
	}
	sc_buf_free(&t);
}

void
sc_html_blocks(const char *html, size_t len, const char *charset, struct sc_blocks *bs)
{
	struct sc_html_page pg;

	sc_html_parse(html, len, charset, 0, &pg);
	sc_html_page_blocks(&pg, bs);
	sc_html_page_free(&pg);
}
