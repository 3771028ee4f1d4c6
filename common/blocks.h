/*
 * blocks.h: a document as a sequence of blocks, the unit the boilerplate
 * classifier (strip.h) works on.
 *
 * Two producers fill the same structure: the plain-text path
 * (sc_blocks_from_text, below: one block per dump line, hard-wrapped lines
 * joined again) and the HTML path (one block per block-level element or
 * text run between them).  The classifier never asks where a block came
 * from; it only reads the features stored here.  Features a producer
 * cannot know keep their "unknown" value: link density -1, tag path and
 * class/id tokens absent.
 *
 * Storage: the block texts and the interned strings (tag paths, tokens,
 * document hints) live in one arena owned by struct sc_blocks; blocks
 * refer to it by offset, so the arena may grow while blocks are added.
 * Every arena string is followed by a NUL byte, but lengths are what
 * count: text may contain NUL bytes.  Text is valid UTF-8 (producers
 * repair it first).
 */
#ifndef SC_BLOCKS_H
#define SC_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* What the block is, as far as the producer can tell. */
enum sc_block_kind {
	SC_BK_PARA = 0,		/* a paragraph or a plain line of text */
	SC_BK_HEADING,		/* h1..h6, or a line the text path believes is one */
	SC_BK_LIST_ITEM,	/* li, or a line starting with a bullet glyph */
	SC_BK_TABLE_ROW,	/* tr (cells joined by " | " or tabs) */
	SC_BK_QUOTE,		/* blockquote */
	SC_BK_PRE,		/* pre / code block: wrapping and spacing are content */
	SC_BK_CAPTION,		/* figcaption, caption, image credit */
	SC_BK_FORM,		/* form controls, buttons, input boxes ("[    ]Search") */
	SC_BK_IMAGE,		/* image placeholder or alt text ("[image]", "[https://...jpg]") */
	SC_BK_RULE,		/* a horizontal rule or a line of only separator glyphs */
	SC_BK_NKINDS
};

/* Producer hints; the classifier treats each as evidence, never as a verdict. */
enum sc_block_flag {
	SC_BF_PARA_START = 1u << 0,	/* starts a new paragraph (blank line or block element before it) */
	SC_BF_WRAPPED	 = 1u << 1,	/* joined from hard-wrapped lines */
	SC_BF_BULLET	 = 1u << 2,	/* began with a bullet glyph (removed from the text) */
	SC_BF_NUMBERED	 = 1u << 3,	/* began with "1." / "2)" list numbering (kept in the text) */
	SC_BF_INDENTED	 = 1u << 4,	/* indented relative to the document's usual margin */
	SC_BF_CENTERED	 = 1u << 5,	/* indented as if centred (text path) */
	/* HTML ancestry, set only by the HTML path. */
	SC_BF_IN_NAV	 = 1u << 8,	/* inside nav / role=navigation / menu */
	SC_BF_IN_HEADER	 = 1u << 9,	/* inside the page header (not the article's) */
	SC_BF_IN_FOOTER	 = 1u << 10,	/* inside the page footer */
	SC_BF_IN_ASIDE	 = 1u << 11,	/* inside aside / role=complementary */
	SC_BF_IN_ARTICLE = 1u << 12,	/* inside article / role=main / main */
	SC_BF_IN_FORM	 = 1u << 13,	/* inside a form */
	SC_BF_IN_COMMENT = 1u << 14,	/* inside an element whose class/id says comment(s) */
	SC_BF_HIDDEN	 = 1u << 15,	/* hidden / aria-hidden: normally not produced at all */
	SC_BF_IN_LINK	 = 1u << 16,	/* the whole block is one link's text */
	SC_BF_EMPHASIS	 = 1u << 17	/* the whole block is bold/strong (a pseudo-heading) */
};

#define SC_BLOCK_NONE ((size_t)-1)	/* an absent arena string */

struct sc_block {
	size_t off, len;	/* the block's text in the arena (no trailing newline) */
	size_t src_off;		/* byte offset of its first byte in the producer's input */
	size_t src_len;		/* bytes of input it covers (for --explain) */
	uint32_t line;		/* 1-based input line of its start (0: unknown) */
	uint32_t nlines;	/* input lines it covers (1 for an unwrapped line) */
	uint32_t flags;		/* enum sc_block_flag */
	uint16_t indent;	/* leading columns in the input (text path), else 0 */
	uint8_t kind;		/* enum sc_block_kind */
	uint8_t level;		/* heading level 1..6; 0 when not a heading or unknown */
	float link_density;	/* chars inside links / chars; -1 when unknown (plain text) */
	size_t path_off;	/* tag path "body>div>article>p", or SC_BLOCK_NONE */
	size_t tokens_off;	/* class/id tokens, lower case, space separated, or SC_BLOCK_NONE */
};

struct sc_blocks {
	struct sc_block *v;
	size_t n, cap;
	struct sc_buf arena;
	/* Document-level hints a producer may know (SC_BLOCK_NONE otherwise). */
	size_t title_off;	/* the page's own title (HTML <title>, og:title) */
	size_t lang_off;	/* declared language (<html lang>), as given */
	uint16_t wrap_width;	/* text path: the column width lines were wrapped at, 0 if none */
	/* sc_blocks_from_text's own: its lines and widths, kept for the next document. */
	void *lines;
	size_t linecap;
	uint32_t *widths;
	size_t widthcap;
	struct sc_buf join;
};

void sc_blocks_init(struct sc_blocks *bs);
/* Forget all blocks and strings, keep the memory for the next document. */
void sc_blocks_clear(struct sc_blocks *bs);
void sc_blocks_free(struct sc_blocks *bs);

/*
 * sc_blocks_add: append a block of the given kind whose text is p[0..n)
 * (copied into the arena).  All other features start unknown: flags 0,
 * link density -1, no path or tokens, source position 0.  Returns the
 * block, valid until the next sc_blocks_add.
 */
struct sc_block *sc_blocks_add(struct sc_blocks *bs, enum sc_block_kind kind,
    const char *p, size_t n);

/* Intern a string in the arena; returns its offset (for path_off, tokens_off, ...). */
size_t sc_blocks_intern(struct sc_blocks *bs, const char *p, size_t n);

/* Text of a block, and the arena strings (NULL when absent). */
static inline struct sc_text
sc_block_text(const struct sc_blocks *bs, const struct sc_block *b)
{
	struct sc_text t;

	t.p = bs->arena.p + b->off;
	t.len = b->len;
	return t;
}

static inline const char *
sc_blocks_str(const struct sc_blocks *bs, size_t off)
{
	return off == SC_BLOCK_NONE ? NULL : bs->arena.p + off;
}

/* Name of a kind, for --explain ("para", "heading", "item", ...). */
const char *sc_block_kind_name(enum sc_block_kind kind);

/*
 * sc_blocks_from_text: the plain-text producer.  Cuts p[0..n) (UTF-8, LF
 * line ends, as the stream library hands documents over) into one block
 * per non-blank line.  Lines a text browser hard-wrapped (the line is as
 * long as the document's wrap width allows and the next line's first word
 * would not have fitted) are joined with one space into a single block
 * with SC_BF_WRAPPED.  Leading bullet glyphs are removed from the text and
 * noted (SC_BF_BULLET, kind SC_BK_LIST_ITEM); leading and trailing white
 * space is trimmed; a blank line before a block sets SC_BF_PARA_START.
 * Lines made only of box-drawing or separator glyphs become SC_BK_RULE,
 * "[...]" form and image placeholders SC_BK_FORM / SC_BK_IMAGE.
 * bs is cleared first.
 */
void sc_blocks_from_text(const char *p, size_t n, struct sc_blocks *bs);

#endif
