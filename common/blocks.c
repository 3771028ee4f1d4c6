/*
 * blocks.c: the block list shared by the text and HTML paths, and the
 * plain-text producer.  See blocks.h for the contracts.
 *
 * The text producer reads what text browsers (w3m, lynx, links) and
 * copy-paste leave behind: one line per paragraph, or paragraphs
 * hard-wrapped at a fixed column; bullets drawn as glyphs; form fields as
 * "[    ]"; images as "[name.jpg]".  It turns each logical line into one
 * block and leaves every judgement to the classifier.
 */
#include "blocks.h"

#include <stdlib.h>
#include <utf8proc.h>

#include "simd.h"
#include "ucd.h"
#include "utf8.h"

static const char *const kind_names[SC_BK_NKINDS] = {
	"para", "heading", "item", "row", "quote", "pre", "caption", "form",
	"image", "rule"
};

const char *
sc_block_kind_name(enum sc_block_kind kind)
{
	return (unsigned)kind < SC_BK_NKINDS ? kind_names[kind] : "?";
}

void
sc_blocks_init(struct sc_blocks *bs)
{
	memset(bs, 0, sizeof *bs);
	bs->title_off = bs->lang_off = SC_BLOCK_NONE;
}

void
sc_blocks_clear(struct sc_blocks *bs)
{
	bs->n = 0;
	sc_buf_reset(&bs->arena);
	bs->title_off = bs->lang_off = SC_BLOCK_NONE;
	bs->wrap_width = 0;
}

void
sc_blocks_free(struct sc_blocks *bs)
{
	free(bs->v);
	sc_buf_free(&bs->arena);
	free(bs->lines);
	free(bs->widths);
	sc_buf_free(&bs->join);
	sc_blocks_init(bs);
}

size_t
sc_blocks_intern(struct sc_blocks *bs, const char *p, size_t n)
{
	size_t off = bs->arena.len;

	/* One growth check for the text and its NUL (a block each line). */
	if (n + 1 >= bs->arena.cap - off)
		sc_buf_grow(&bs->arena, n + 1);
	if (n > 0)
		memcpy(bs->arena.p + off, p, n);
	bs->arena.p[off + n] = '\0';
	bs->arena.len = off + n + 1;
	bs->arena.p[bs->arena.len] = '\0';
	return off;
}

/*
 * A block whose features are all given at once: the text producer's
 * (sc_blocks_add and then the fields one by one wrote most of them
 * twice, a share of the producer's cost that showed).
 */
static inline struct sc_block *
add_block(struct sc_blocks *bs, enum sc_block_kind kind, const char *p, size_t n,
    uint32_t flags, size_t src_off, size_t src_len, uint32_t line, uint32_t nlines,
    uint16_t indent)
{
	struct sc_block *b;

	if (bs->n == bs->cap) {
		bs->cap = bs->cap ? bs->cap * 2 : 64;
		bs->v = xreallocarray(bs->v, bs->cap, sizeof *bs->v);
	}
	b = &bs->v[bs->n++];
	*b = (struct sc_block){
		.off = sc_blocks_intern(bs, p, n), .len = n, .src_off = src_off,
		.src_len = src_len, .line = line, .nlines = nlines, .flags = flags,
		.indent = indent, .kind = (uint8_t)kind, .link_density = -1.0f,
		.path_off = SC_BLOCK_NONE, .tokens_off = SC_BLOCK_NONE
	};
	return b;
}

struct sc_block *
sc_blocks_add(struct sc_blocks *bs, enum sc_block_kind kind, const char *p, size_t n)
{
	return add_block(bs, kind, p, n, 0, 0, 0, 0, 1, 0);
}

/* ---------------------------------------------------------------- text */

/* One physical line of the input, measured once. */
struct line {
	size_t off, len;	/* the whole line, without its LF */
	size_t tstart;		/* byte offset (in the line) of the first non-blank char */
	size_t tlen;		/* bytes from tstart to the last non-blank char */
	uint32_t width;		/* display columns (East Asian wide = 2) */
	uint32_t indent;	/* display columns before tstart */
	uint32_t firstword;	/* display columns of the first word of the text */
	uint8_t bullet;		/* bytes of the bullet glyph + space at tstart, 0 if none */
	uint8_t numbered;	/* starts with "12." or "3)" */
	uint8_t wide_first, wide_last;	/* the text begins / ends with a wide character */
	uint8_t inner_space;	/* a space inside the text: the line could have been broken */
};

static inline int
is_space_cp(uint32_t c)
{
	/*
	 * Zero-width spaces and joiners too: a line of them is blank.  By
	 * ranges, so that a letter (CJK above all) is told in two tests.
	 */
	if (c < 0x80)
		return c == ' ' || c == '\t';
	if (c < 0x2000)
		return c == 0xA0;
	return c <= 0x200D || c == 0x202F || c == 0x205F || c == 0x2060 || c == 0x3000 ||
	    c == 0xFEFF;
}

static uint32_t
cp_width(uint32_t c)
{
	int w;

	if (c < 0x80)
		return c == '\t' ? 8 : 1;
	w = sc_ucd_width(c);
	return w < 0 ? 0 : (uint32_t)w;
}

/*
 * Bullet glyphs as w3m (• ◦ ▪ □ ■), lynx (* + o), links and copy-paste
 * (- – · ► ▶ ✓) draw them.  ASCII ones count only when followed by a
 * space, and lynx's third-level "o" only when indented, so that a line
 * that merely begins with a word "o" is left alone.
 */
static size_t
bullet_glyph_len(const unsigned char *p, size_t n, uint32_t indent)
{
	uint32_t c;
	size_t k;

	if (p[0] == '*' || p[0] == '+' || p[0] == '-' || (p[0] == 'o' && indent >= 4)) {
		if (n == 1)
			return p[0] == 'o' ? 0 : 1;
		return p[1] == ' ' ? 2 : 0;
	}
	if (p[0] < 0x80)
		return 0;
	k = sc_utf8_next(p, n, &c, NULL);
	switch (c) {
	case 0x2022: case 0x25E6: case 0x25AA: case 0x25AB: case 0x25A1:
	case 0x25A0: case 0x25CB: case 0x25CF: case 0x25C6: case 0x25C7:
	case 0x25BA: case 0x25B6: case 0x00B7: case 0x2023: case 0x2043:
	case 0x2013: case 0x2219: case 0x27A2: case 0x2713: case 0x2714:
	case 0x25B8:
		break;
	default:
		return 0;
	}
	if (k == n)
		return k;
	if (p[k] == ' ')
		return k + 1;
	/* w3m writes "•" directly before the text of some items. */
	return c == 0x2013 ? 0 : k;
}

/* The same, answered inline for the lines that begin with any other ASCII byte: most. */
static inline size_t
bullet_len(const unsigned char *p, size_t n, uint32_t indent)
{
	if (n == 0 || (p[0] < 0x80 && p[0] != '*' && p[0] != '+' && p[0] != '-' && p[0] != 'o'))
		return 0;
	return bullet_glyph_len(p, n, indent);
}

static inline int
numbered_start(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && i < 3 && p[i] >= '0' && p[i] <= '9')
		i++;
	return i > 0 && i + 1 < n && (p[i] == '.' || p[i] == ')') && p[i + 1] == ' ';
}

/*
 * The first space in p[0..len), or NULL; avail >= len bytes may be read
 * from p.  Sixteen bytes at a time while they may be read, as most
 * lines have a space within their first sixteen: a memchr call cost
 * more, and mispredicted on the line's length.
 */
static inline const unsigned char *
first_space(const unsigned char *p, size_t len, size_t avail)
{
	size_t i;

	for (i = 0; i < len && i + 16 <= avail; i += 16) {
		unsigned m = sc_mask16((sc_i8x16)(sc_load16(p + i) == ' '));

		if (m != 0) {
			size_t at = i + (size_t)__builtin_ctz(m);

			return at < len ? p + at : NULL;
		}
	}
	return i < len ? memchr(p + i, ' ', len - i) : NULL;
}

/*
 * UTF-8 continuation bytes (10xxxxxx) in p[0..n); avail >= n bytes may be
 * read from p.  A first word of at most sixteen bytes (most) by one mask
 * of sixteen, when they may be read.
 */
static size_t
cont_bytes(const unsigned char *p, size_t n, size_t avail)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	size_t i, c = 0;

	if (n <= 16 && avail >= 16)
		return sc_popcount16(sc_mask16((sc_i8x16)((sc_load16(p) & 0xC0) == 0x80)) &
		    (unsigned)((1u << n) - 1));

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t v;

		memcpy(&v, p + i, 8);
		/* One bit a byte, summed by a multiply (no popcount call). */
		c += (size_t)((((v & ~(v << 1) & highs) >> 7) * ones) >> 56);
	}
	for (; i < n; i++)
		c += (p[i] & 0xC0) == 0x80;
	return c;
}

/*
 * One pass over a line, sixteen bytes at a time, which also finds where
 * it ends: the line starts at p and ends at the first LF or after n
 * bytes; *len gets its length.  Returns 0 when it is ASCII without a
 * tab; 1 when measure_line's loop would take every character as a
 * two-byte character other than U+00A0 (a space) or ASCII other than a
 * tab (no tab, no lead byte of three or four bytes, E0-FF, no C2 A0); 3
 * when, besides those, there are characters of three bytes (curly
 * quotes, dashes, CJK) but none of four; 2 otherwise.  *cont gets the
 * UTF-8 continuation bytes (10xxxxxx) of the line, for kinds 1 and 3.
 * The text is valid UTF-8, so a C2 never comes last before the LF and
 * the bytes after the line (read with it, then masked off) never pair
 * with its own.
 */
static int
scan_line(const unsigned char *p, size_t n, size_t *len, size_t *cont)
{
	size_t i = 0, c = 0;
	unsigned hi = 0, bad = 0, three = 0, carry = 0;
	unsigned char tail[16];

	for (;;) {
		sc_u8x16 v;
		unsigned mh, mc2, nl, in = 0xFFFF;

		if (i + 16 <= n) {
			v = sc_load16(p + i);
		} else if (i < n) {
			/* The last few bytes, padded with NULs (which match nothing). */
			memset(tail, 0, sizeof tail);
			memcpy(tail, p + i, n - i);
			v = sc_load16(tail);
		} else {
			*len = n;
			break;
		}
		nl = sc_mask16((sc_i8x16)(v == '\n'));
		if (nl != 0)
			in = (nl & -nl) - 1;	/* the bytes before the LF */
		bad |= sc_mask16((sc_i8x16)(v == '\t')) & in;
		mh = sc_mask16(sc_high16(v)) & in;
		if (mh == 0) {
			carry = 0;
		} else {
			hi = 1;
			mc2 = sc_mask16((sc_i8x16)(v == 0xC2)) & in;
			three |= sc_mask16((sc_i8x16)(v >= 0xE0)) & in;
			bad |= (sc_mask16((sc_i8x16)(v >= 0xF0)) & in) |
			    (((mc2 << 1) | carry) & sc_mask16((sc_i8x16)(v == 0xA0)) & in);
			carry = mc2 >> 15;
			c += sc_popcount16(sc_mask16((sc_i8x16)((v & 0xC0) == 0x80)) & in);
		}
		if (nl != 0) {
			*len = i + (size_t)__builtin_ctz(nl);
			break;
		}
		i += 16;
	}
	*cont = c;
	return bad ? 2 : three ? 3 : hi;
}

/*
 * measure_line for a line of kind 3: the characters of three bytes are
 * decoded one by one for their width, found sixteen bytes at a time, and
 * the rest are one column a character as in kind 1 (avail: the bytes that
 * may be read from p, for first_space).  Returns 0, with *l
 * untouched, when one of them is a space (U+3000, U+2009, U+200B ...): the
 * character loop sorts those out.
 */
static int
measure_three(const unsigned char *p, size_t len, size_t avail, size_t cont, struct line *l)
{
	size_t t, last, k, i, n3 = 0, fn3 = 0;
	uint32_t ws = 0, fws = 0;
	int wf = 0, wl = 0;
	const unsigned char *sp;
	unsigned char tail[16];

	for (t = 0; t < len && p[t] == ' '; t++)
		;
	if (t == len)
		return 0;
	for (last = len; p[last - 1] == ' '; last--)
		;
	sp = first_space(p + t, len - t, avail - t);
	k = sp ? (size_t)(sp - p) - t : len - t;
	for (i = t; i < last; i += 16) {
		sc_u8x16 v;
		unsigned m;

		if (i + 16 <= last) {
			v = sc_load16(p + i);
		} else {
			memset(tail, 0, sizeof tail);
			memcpy(tail, p + i, last - i);
			v = sc_load16(tail);
		}
		m = sc_mask16((sc_i8x16)(v >= 0xE0));
		while (m != 0) {
			size_t at = i + (size_t)__builtin_ctz(m);
			const unsigned char *q = p + at;
			uint32_t c, cw;

			m &= m - 1;
			/*
			 * A lead byte E0-EF (scan_line saw no F0-FF): the three
			 * bytes as sc_ucd_next takes them when they are a valid
			 * character, which they are in valid UTF-8; anything
			 * else goes to the character loop, as does a space.
			 */
			if (len - at < 3 || (q[1] & 0xC0) != 0x80 || (q[2] & 0xC0) != 0x80 ||
			    (q[0] == 0xE0 && q[1] < 0xA0) || (q[0] == 0xED && q[1] > 0x9F))
				return 0;
			c = (uint32_t)(q[0] & 0x0F) << 12 | (uint32_t)(q[1] & 0x3F) << 6 | (q[2] & 0x3F);
			if (is_space_cp(c))
				return 0;
			cw = cp_width(c);
			n3++;
			ws += cw;
			if (at < t + k) {
				fn3++;
				fws += cw;
			}
			if (at == t)
				wf = cw == 2;
			if (at + 3 == last)
				wl = cw == 2;
		}
	}
	l->width = (uint32_t)(len - cont - n3) + ws;
	l->indent = (uint32_t)t;
	l->tstart = t;
	l->tlen = last - t;
	l->firstword = (uint32_t)(k - cont_bytes(p + t, k, avail - t) - fn3) + fws;
	l->inner_space = sp != NULL;
	l->wide_first = (uint8_t)wf;
	l->wide_last = (uint8_t)wl;
	l->bullet = (uint8_t)bullet_len(p + t, l->tlen, l->indent);
	l->numbered = (uint8_t)numbered_start((const char *)p + t, l->tlen);
	return 1;
}

/*
 * Measure the line at base + off, at most n bytes up to its LF; returns
 * its length.
 */
static size_t
measure_line(const char *base, size_t off, size_t n, struct line *l)
{
	const unsigned char *p = (const unsigned char *)base + off;
	size_t i = 0, k, last_end = 0, len;
	uint32_t c, w = 0, fw = 0;
	int in_text = 0, first_word_done = 0;

	memset(l, 0, sizeof *l);
	{
		/*
		 * Most lines are ASCII without tabs, or letters of two bytes
		 * (Latin with accents, Greek, Cyrillic, Arabic ...), none a
		 * space: a column a character, found by counting the
		 * continuation bytes, and the rest with a few scans for spaces.
		 */
		size_t cont;
		int kind = scan_line(p, n, &len, &cont);

		l->off = off;
		l->len = len;
		l->tstart = len;

		if (kind < 2) {
			int two = kind == 1;
			const unsigned char *sp;

			for (i = 0; i < len && p[i] == ' '; i++)
				;
			l->width = (uint32_t)(two ? len - cont : len);
			l->indent = (uint32_t)i;
			if (i == len)
				return len;
			l->tstart = i;
			for (last_end = len; p[last_end - 1] == ' '; last_end--)
				;
			l->tlen = last_end - i;
			sp = first_space(p + i, len - i, n - i);
			k = sp ? (size_t)(sp - p) - i : len - i;
			l->firstword = (uint32_t)(two ? k - cont_bytes(p + i, k, n - i) : k);
			l->inner_space = sp != NULL;
			l->bullet = (uint8_t)bullet_len(p + l->tstart, l->tlen, l->indent);
			l->numbered = (uint8_t)numbered_start((const char *)p + l->tstart, l->tlen);
			return len;
		}
		if (kind == 3 && measure_three(p, len, n, cont, l))
			return len;
		i = 0;
	}
	while (i < len) {
		/* Runs of printable ASCII inside the text: one column a byte. */
		if (in_text && first_word_done) {
			size_t j = i;

			while (j < len && p[j] > ' ' && p[j] < 0x7F)
				j++;
			if (j > i) {
				w += (uint32_t)(j - i);
				last_end = j;
				l->wide_last = 0;
				i = j;
				continue;
			}
		}
		if (p[i] == ' ') {
			if (!in_text)
				l->indent++;
			else
				first_word_done = l->inner_space = 1;
			w++;
			i++;
			continue;
		}
		if (p[i] < 0x80) {
			c = p[i];
			k = 1;
		} else if (p[i] >= 0xC2 && p[i] < 0xE0 && i + 1 < len &&
		    (p[i + 1] & 0xC0) == 0x80 && !(p[i] == 0xC2 && p[i + 1] == 0xA0)) {
			/* Two-byte letters (Latin, Greek, Cyrillic, ...): one column, not a space. */
			w++;
			if (!in_text) {
				in_text = 1;
				l->tstart = i;
				l->wide_first = 0;
			}
			if (!first_word_done)
				fw++;
			last_end = i + 2;
			l->wide_last = 0;
			i += 2;
			continue;
		} else {
			k = sc_ucd_next((const char *)p, i, len, &c);
		}
		if (is_space_cp(c)) {
			if (!in_text)
				l->indent += cp_width(c);
			else
				first_word_done = l->inner_space = 1;
			w += cp_width(c);
		} else {
			uint32_t cw = cp_width(c);

			if (!in_text) {
				in_text = 1;
				l->tstart = i;
				l->wide_first = cw == 2;
			}
			if (!first_word_done)
				fw += cw;
			w += cw;
			last_end = i + k;
			l->wide_last = cw == 2;
		}
		i += k;
	}
	l->width = w;
	if (in_text) {
		l->tlen = last_end - l->tstart;
		l->bullet = (uint8_t)bullet_len(p + l->tstart, l->tlen, l->indent);
		l->numbered = (uint8_t)numbered_start((const char *)p + l->tstart, l->tlen);
	}
	l->firstword = fw;
	return len;
}

/*
 * The column width a text browser wrapped at: the widest width that at
 * least two lines followed by a non-blank line come within 12 columns of,
 * provided (almost) no line that could have been broken is wider.  One
 * stray over-long line (an unbreakable URL) must not set the width, and a
 * dump whose paragraphs are single lines of every length has wide
 * breakable lines above any such cluster (0: no wrapping to undo).
 */
static int
cmp_desc(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

#define WRAP_COUNTS 2048	/* widths 60 to 2107 counted, wider ones sorted */

static uint32_t
detect_wrap_width(struct sc_blocks *bs, const struct line *L, size_t n)
{
	uint32_t *w;
	size_t i, m = 0;
	uint32_t best = 0;

	uint32_t top = 0;

	if (n >= bs->widthcap) {
		bs->widthcap = n + n / 2 + 1;	/* one at least: qsort wants an array */
		bs->widths = xreallocarray(bs->widths, bs->widthcap, sizeof *bs->widths);
	}
	w = bs->widths;
	for (i = 0; i + 1 < n; i++)
		if (L[i].tlen > 0 && L[i + 1].tlen > 0 && L[i].width >= 60) {
			w[m++] = L[i].width;
			if (L[i].width > top)
				top = L[i].width;
		}
	if (m > 1 && top - 60 < WRAP_COUNTS) {
		/*
		 * The widths in descending order without a sort: counted, then
		 * read from the widest down.  The first of two neighbours in
		 * that order within 12 columns is the first width whose next
		 * lower one is, or a width that two lines share.
		 */
		uint32_t cnt[WRAP_COUNTS], v, prev = 0;

		memset(cnt, 0, (top - 59) * sizeof cnt[0]);
		for (i = 0; i < m; i++)
			cnt[w[i] - 60]++;
		for (v = top + 1; v-- > 60; ) {
			if (cnt[v - 60] == 0)
				continue;
			if (prev > 0 && prev - v <= 12) {
				best = prev;
				break;
			}
			if (cnt[v - 60] >= 2) {
				best = v;
				break;
			}
			prev = v;
		}
	} else {
		qsort(w, m, sizeof *w, cmp_desc);
		for (i = 0; i + 1 < m; i++) {
			if (w[i] - w[i + 1] <= 12) {
				best = w[i];
				break;
			}
		}
	}
	if (best > 0) {
		size_t wider = 0, lines = 0;

		for (i = 0; i < n; i++) {
			if (L[i].tlen == 0)
				continue;
			lines++;
			if (L[i].width > best && L[i].inner_space)
				wider++;
		}
		if (wider > 1 + lines / 100)
			best = 0;
	}
	return best;
}

/* Whether a line is only separator or box-drawing glyphs ("-----", "═══"). */
static int
rule_glyphs(const char *p, size_t n)
{
	size_t i = 0, k;
	uint32_t c;

	while (i < n) {
		if ((unsigned char)p[i] < 0x80) {
			c = (unsigned char)p[i];
			k = 1;
		} else {
			k = sc_utf8_next((const unsigned char *)p + i, n - i, &c, NULL);
		}
		if (!(c == '-' || c == '_' || c == '=' || c == '*' || c == '~' ||
		    c == ' ' || c == '.' || c == '#' || c == '+' ||
		    (c >= 0x2500 && c <= 0x257F) || c == 0x2014 || c == 0x2013))
			return 0;
		i += k;
	}
	return 1;
}

/* rule_glyphs, after an inline answer from the first byte: most lines begin with a letter. */
static inline int
is_rule(const char *p, size_t n)
{
	unsigned char b;

	if (n < 3)
		return 0;
	b = (unsigned char)p[0];
	if (b < 0x80 && !(b == '-' || b == '_' || b == '=' || b == '*' || b == '~' ||
	    b == ' ' || b == '.' || b == '#' || b == '+'))
		return 0;
	return rule_glyphs(p, n);
}

/*
 * "[          ]Search" (an input box), "[Submit]"-style buttons made of one
 * bracketed word, and "[https://.../a.jpg]" or "[image]" placeholders.
 */
static enum sc_block_kind
bracket_kind(const char *p, size_t n)
{
	size_t i;

	if (n < 2 || p[0] != '[')
		return SC_BK_PARA;
	for (i = 1; i < n && p[i] == ' '; i++)
		;
	if (i > 2 && i < n && p[i] == ']')
		return SC_BK_FORM;
	if (p[n - 1] != ']')
		return SC_BK_PARA;
	for (i = 1; i + 1 < n; i++)
		if (p[i] == '[' || p[i] == ']')
			return SC_BK_PARA;
	return SC_BK_IMAGE;
}

/*
 * lynx prints an image as its file name in brackets, and an image inside a
 * paragraph as the paragraph's first word: "[gift-card.jpg?width=640&amp;
 * fit=bounds] One of the best deals ...".  The length of that bracket (0
 * when the text does not start with one): a name without spaces that ends
 * in a picture's extension (a query string may follow), then a space and
 * more text.
 */
static size_t
leading_image(const char *p, size_t n)
{
	static const char *const ext[] = { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg" };
	size_t i, k, q;

	if (n < 8 || p[0] != '[')
		return 0;
	for (i = 1; i < n && i < 400 && p[i] != ']'; i++)
		if (p[i] == ' ' || p[i] == '[')
			return 0;
	if (i >= n || p[i] != ']' || i + 2 >= n || p[i + 1] != ' ' || p[i + 2] == ' ')
		return 0;
	for (q = 1; q < i && p[q] != '?'; q++)
		;
	for (k = 0; k < sizeof ext / sizeof ext[0]; k++) {
		size_t el = strlen(ext[k]), j;

		if (q < 1 + el)
			continue;
		for (j = 0; j < el; j++)
			if ((p[q - el + j] | 0x20) != ext[k][j])
				break;
		if (j == el)
			return i + 1;
	}
	return 0;
}

void
sc_blocks_from_text(const char *p, size_t n, struct sc_blocks *bs)
{
	struct line *L = bs->lines;
	size_t nl = 0, cap = bs->linecap, i, start;
	uint32_t width, margin;
	uint32_t hist[16];
	struct sc_buf tmp = bs->join;
	int blank_before = 1, pending_bullet = 0;

	sc_blocks_clear(bs);
	for (start = 0; start < n; ) {
		if (nl == cap) {
			cap = cap ? cap * 2 : 256;
			L = xreallocarray(L, cap, sizeof *L);
			bs->lines = L;
			bs->linecap = cap;
		}
		/* Past its LF, or past the end when the last line has none. */
		start += measure_line(p, start, n - start, &L[nl++]) + 1;
	}

	/* The usual left margin: the most common indent of text lines (capped). */
	memset(hist, 0, sizeof hist);
	for (i = 0; i < nl; i++)
		if (L[i].tlen > 0 && !L[i].bullet)
			hist[L[i].indent < 15 ? L[i].indent : 15]++;
	margin = 0;
	for (i = 1; i < 16; i++)
		if (hist[i] > hist[margin])
			margin = (uint32_t)i;

	width = detect_wrap_width(bs, L, nl);
	bs->wrap_width = (uint16_t)(width > 0xFFFF ? 0 : width);

	for (i = 0; i < nl; i++) {
		struct line *l = &L[i];
		const char *t = p + l->off + l->tstart;
		size_t tl = l->tlen, j;
		uint32_t flags = 0, nlines = 1;
		enum sc_block_kind kind = SC_BK_PARA;

		if (tl == 0) {
			blank_before = 1;
			continue;
		}
		if (l->bullet) {
			t += l->bullet;
			tl -= l->bullet;
			while (tl > 0 && *t == ' ')
				t++, tl--;
			if (tl == 0) {
				/* A bullet alone; its text is on the next line (w3m). */
				pending_bullet = 1;
				continue;
			}
			flags |= SC_BF_BULLET;
			kind = SC_BK_LIST_ITEM;
		} else if (pending_bullet) {
			flags |= SC_BF_BULLET;
			kind = SC_BK_LIST_ITEM;
		}
		pending_bullet = 0;
		if (l->numbered)
			flags |= SC_BF_NUMBERED;
		if (blank_before)
			flags |= SC_BF_PARA_START;
		blank_before = 0;
		if (l->indent > margin)
			flags |= l->indent >= margin + 20 ? SC_BF_CENTERED | SC_BF_INDENTED :
			    SC_BF_INDENTED;

		/*
		 * Undo hard wrapping: the line reaches the wrap width (its next
		 * word would not have fitted) and the next line continues it (not
		 * blank, not a new bullet or number).  CJK text wraps between any
		 * two characters, so wide-to-wide joins take no space.
		 */
		j = i;
		while (width > 0 && j + 1 < nl) {
			struct line *a = &L[j], *c = &L[j + 1];

			if (c->tlen == 0 || c->bullet || c->numbered)
				break;
			/* A rule (w3m draws <hr> as a full-width line) continues nothing. */
			if (is_rule(p + a->off + a->tstart, a->tlen) ||
			    is_rule(p + c->off + c->tstart, c->tlen))
				break;
			if (a->width > width || a->width + 40 < width)
				break;
			if (a->width + 1 + c->firstword <= width &&
			    !(a->wide_last && c->wide_first))
				break;
			if (c->indent + 8 < l->indent)
				break;
			if (j == i) {
				sc_buf_reset(&tmp);
				sc_buf_add(&tmp, t, tl);
			}
			if (!(a->wide_last && c->wide_first))
				sc_buf_addc(&tmp, ' ');
			sc_buf_add(&tmp, p + c->off + c->tstart, c->tlen);
			j++;
			nlines++;
		}
		if (nlines > 1) {
			flags |= SC_BF_WRAPPED;
			t = tmp.p;
			tl = tmp.len;
		}
		if (kind == SC_BK_PARA) {
			size_t img = leading_image(t, tl);

			if (img > 0) {
				/* The picture first, as a block of its own; then its paragraph. */
				add_block(bs, SC_BK_IMAGE, t, img, flags, l->off, l->len,
				    (uint32_t)(i + 1 > UINT32_MAX ? UINT32_MAX : i + 1), 1,
				    (uint16_t)(l->indent > 0xFFFF ? 0xFFFF : l->indent));
				t += img + 1;
				tl -= img + 1;
			}
			if (is_rule(t, tl))
				kind = SC_BK_RULE;
			else
				kind = bracket_kind(t, tl);
		}
		add_block(bs, kind, t, tl, flags, l->off, L[j].off + L[j].len - l->off,
		    (uint32_t)(i + 1 > UINT32_MAX ? UINT32_MAX : i + 1), nlines,
		    (uint16_t)(l->indent > 0xFFFF ? 0xFFFF : l->indent));
		i = j;
	}
	bs->join = tmp;		/* kept, as the lines are */
}
