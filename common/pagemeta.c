/*
 * pagemeta.c: title, date, byline, site, categories, tags, description
 * and url of a page, read from its raw text.  See pagemeta.h.
 *
 * A text dump of a page (a scraper's output, a text browser's rendering)
 * keeps the order of the page: navigation, then the headline, the date
 * and byline lines around it, the lead, the body, then comments and
 * teaser lists.  So the work is: cut the top of the text into lines,
 * find the headline by how the lines around it look (a date or a byline
 * just below, prose soon after, blank lines around), and read the date
 * and byline from the lines next to it.  Lines far from the headline, in
 * comments or teaser lists, are not used: their dates and bylines belong
 * to other texts.
 */
#include "pagemeta.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "date.h"
#include "simd.h"
#include "ucd.h"
#include "utf8.h"
#include "util.h"

/* How far from the headline its date and byline may be, in lines. */
#define DATE_BEFORE 10
#define DATE_AFTER 24
#define CODE_SAMPLE 512	/* code_para(): the bytes of a paragraph it reads */
#define HEADER_REACH 60	/* header_title(): the header's filled lines above the headline read */
#define BYLINE_BEFORE 6
#define BYLINE_AFTER 16
#define LEADIN_WORDS 6	/* a line ending with a colon: a sentence, not a kicker */
#define TEASER_LINES 8	/* non-blank lines under "Lesen Sie auch" that are teasers */
#define NAME_LINE_AFTER 4	/* non-blank lines after the headline for a bare name */
#define BYLINE_FAR 500	/* explicit bylines at the end of a post ("Posted by") */
#define DATE_FAR 200	/* "Posted on DATE by NAME" under a post */
#define TEXT_PASSED 400	/* prose characters of the text above the comments' heading */
#define MAX_HITS 2048
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_LINE_SCAN 4000	/* lines looked at for a headline */
#define GLUED_LOOKUPS 64	/* glued words looked up elsewhere on a page (glued_at()) */
#define MAIN_WORDS_BYTES 8192	/* of the main text, compared with headlines */
#define WSIG_BITS 4096	/* signatures of words (main_text_words()) */
#define WRAP_COLUMNS 170	/* a line this long was probably wrapped */
#define WORDS_CAP 21	/* words counted on such a line: the rules ask about 20 at most */
#define CRUMB_LINES 600	/* non-blank lines looked at for a breadcrumb trail */

struct line {
	size_t s, e;		/* the trimmed content: p[s..e) */
	size_t raw;		/* where the line starts, before indent and list glyph */
	size_t nchars;		/* code points in the content */
	int words;		/* of 170 characters or more: up to WORDS_CAP (measure_line()) */
	int blank;
	int bullet;		/* starts with a list glyph ("•", "□", "*", "1.") */
	int indent;
	int term;		/* ends like a sentence: . ! ? … 。 */
	int upper;		/* first letter is uppercase (or the line starts with a digit or quote) */
	int lower;		/* first letter is lowercase */
	int letters, uppers;	/* of 170 characters and WORDS_CAP words or more: nchars and 0, not counted */
	int hit0, nhits;	/* date hits on the line */
	int para;		/* index of its paragraph (lines between blank lines) */
	int dups;		/* other lines with the same text */
	int cont;		/* continues a line the dump wrapped */
	int bymark;		/* starts with a byline marker (byline_marker()) */
	int share;		/* a share button: "Share", "Tweet", "Teilen", "WhatsApp" */
	int hshape;		/* shaped like a heading (heading_shaped()) */
	signed char comments;	/* opens the comments: -1 not known yet */
	int nb;			/* non-blank lines before this one */
	size_t prose_to;	/* prose characters in lines before this one */
};

struct para {
	int first, last;	/* line indices */
	size_t chars;
	int words, bullets;	/* of its lines */
	int prose;		/* reads like body text */
};

struct page {
	const char *p;
	size_t n;
	struct line *ln;
	int nl;
	struct para *pa;
	int np;
	struct sc_date_hit *hits;
	int nhits;
	struct sc_date_ctx dc;
	int title;		/* line index of the headline, -1 */
	int byline;		/* line index of the byline, -1 */
	int lead;		/* paragraph index of the lead, -1 */
	int rs, re;		/* the main text: lines rs..re, the best run of prose */
	size_t title_keep;	/* the short form the headline was extended from: no site prefix is cut */
	uint32_t *words;	/* hash set of the candidate headlines' words (0 = empty) */
	unsigned char *wfound;	/* words[k] is a word of the main text too */
	uint64_t wsig[WSIG_BITS / 64];	/* signatures of the words in words[] */
	int words_made;		/* main_text_words() ran: the first overlap asked for it */
	struct sc_buf low;	/* scratch: a line in ASCII lowercase */
	int *nbline;		/* line index of the k-th non-blank line */
	int nnb;
	size_t prose_total;
	size_t wcap;
	int glued_left;		/* page-wide look-ups glued_at() may still make */
	int debug;
};

/*
 * The arrays of a page live on to the next page, grown when a page needs
 * more: a dozen allocations and frees a page cost more than the work on a
 * short page, and mispredicted in malloc.  The tables are only ever read
 * up to what the page wrote.
 */
enum { K_LN, K_NBLINE, K_PA, K_HITS, K_WORDS, K_WFOUND, K_TAB, K_FIRST, K_QP, K_N };
static struct kept {
	void *p;
	size_t n;		/* items of the size the array is asked for */
} kept[K_N];
static struct sc_buf low_kept;

/* kept[k] with room for n items of size bytes; the contents are kept when keep is set */
static void *
scratch(int k, size_t n, size_t size, int keep)
{
	struct kept *x = &kept[k];

	if (n > x->n) {
		size_t want = x->n > n / 2 ? 2 * x->n : n;	/* double, or n if more */

		if (!keep) {
			free(x->p);
			x->p = NULL;
		}
		x->p = xreallocarray(x->p, want, size);
		x->n = want;
	}
	return x->p;
}

/* ------------------------------------------------------------ text helpers */

/*
 * The helpers below run for every character of the lines looked at, so
 * the common cases stay inline: ASCII, and the two- and three-byte forms
 * sc_utf8_next() would accept (it handles everything else, with the same
 * answer).
 */
static inline uint32_t
cp_at(const char *p, size_t n, size_t i, size_t *len)
{
	const unsigned char *s = (const unsigned char *)p + i;
	unsigned c = s[0];
	uint32_t cp;
	int bad = 0;

	if (c < 0x80) {
		*len = 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF && n - i >= 2 && (s[1] & 0xC0) == 0x80) {
		*len = 2;
		return (c & 0x1Fu) << 6 | (s[1] & 0x3Fu);
	}
	if (c >= 0xE1 && c <= 0xEF && c != 0xED && n - i >= 3 &&
	    (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*len = 3;
		return (c & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);
	}
	*len = sc_utf8_next(s, n - i, &cp, &bad);
	return cp;
}

/* Where the character before p[i] starts: sc_utf8_prev(), inline for ASCII. */
static inline size_t
prev_at(const char *p, size_t i)
{
	return (unsigned char)p[i - 1] < 0x80 ? i - 1 : sc_utf8_prev(p, i);
}

/*
 * measure_line() reads the two-byte characters (U+0080..U+07FF: Latin-1
 * and Latin Extended, Greek, Cyrillic, Armenian, Hebrew, Arabic) by a
 * class table of its own, filled once from ucd.h's.
 */
#define TWO_BYTE 0x800
static int tables_ready;

/* What measure_line() needs to know of a character (ascii_class, ac2). */
enum {
	AC_LETTER = 1, AC_UPPER = 2, AC_LOWER = 4, AC_DIGIT = 8,
	AC_SPACE = 16,		/* is_space_cp() */
	AC_JOIN = 32		/* '-' and '\'': a word goes on across them */
};
static unsigned char ac2[TWO_BYTE];	/* of the two-byte characters */
static int two_rules;	/* measure_masks()'s rules for D0, D1 and C3 agree with ac2 */
static int cyr_pairs;	/* D0 and D1 with any continuation byte are letters (scan_words()) */
#ifdef SC_X86_AVX2
static int masks_fast;	/* the AVX2 loops may run (fill_tables()) */
#endif
static double loglen[WRAP_COLUMNS];	/* a headline's length feature, by its characters */

static inline int
is_space_cp(uint32_t cp)
{
	if (cp > ' ' && cp < 0xA0)
		return 0;
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x2009 ||
	    cp == 0x202F || cp == 0x200B || cp == 0x3000 || cp == 0xFEFF ||
	    cp == '\r' || cp == '\f' || cp == '\v' || cp == 0;
}

/* The characters is_space_cp() accepts, for the byte tables below. */
static const uint32_t space_cps[] = { ' ', '\t', 0xA0, 0x2009, 0x202F, 0x200B, 0x3000,
	0xFEFF, '\r', '\f', '\v', 0 };
/*
 * Bytes that open and that close one of them in UTF-8 (fill_tables()).
 * A line's last character is read back to a sequence that ends at the
 * line's end (sc_utf8_prev()), so a space there ends in such a byte.
 */
static unsigned char space_first[256], space_last[256];

static void index_markers(void);
static void index_share(void);

static void
fill_tables(void)
{
	uint32_t cp;

	for (cp = 0x80; cp < TWO_BYTE; cp++) {
		int cat = sc_ucd_category(cp);

		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MC)	/* is_letter() */
			ac2[cp] |= AC_LETTER;
		if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
			ac2[cp] |= AC_UPPER;
		if (cat == UTF8PROC_CATEGORY_LL)
			ac2[cp] |= AC_LOWER;
	}
	ac2[0xA0] = AC_SPACE;
	cyr_pairs = 1;
	for (cp = 0x80; cp < 0xC0; cp++) {
		const struct sc_ucd2 *u0 = sc_ucd_two(0xD0, (unsigned char)cp);
		const struct sc_ucd2 *u1 = sc_ucd_two(0xD1, (unsigned char)cp);

		if (u0->cat < UTF8PROC_CATEGORY_LU || u0->cat > UTF8PROC_CATEGORY_LO ||
		    u1->cat < UTF8PROC_CATEGORY_LU || u1->cat > UTF8PROC_CATEGORY_LO)
			cyr_pairs = 0;
	}
#ifdef SC_X86_AVX2
	masks_fast = sc_cpu_avx2_bmi();
#endif
	/* the rules of measure_masks(), byte by byte: used when they agree */
	two_rules = 1;
	for (cp = 0; cp < 64; cp++) {
		unsigned nx = 0x80 | cp, want[3], k;

		want[0] = AC_LETTER | (nx < 0xB0 ? AC_UPPER : AC_LOWER);	/* D0 */
		want[1] = AC_LETTER | (nx >= 0xA0 && (nx & 1) == 0 ? AC_UPPER : AC_LOWER);	/* D1 */
		want[2] = nx == 0x97 || nx == 0xB7 ? 0 :
		    AC_LETTER | (nx < 0x9F ? AC_UPPER : AC_LOWER);	/* C3 */
		for (k = 0; k < 3; k++) {
			uint32_t c = (uint32_t)((k == 0 ? 0xD0 : k == 1 ? 0xD1 : 0xC3) & 0x1F) << 6 | cp;

			if ((ac2[c] & (AC_LETTER | AC_UPPER | AC_LOWER)) != want[k] ||
			    (ac2[c] & AC_SPACE))
				two_rules = 0;
		}
	}
	for (cp = 1; cp < WRAP_COLUMNS; cp++)
		loglen[cp] = log((double)cp) / log(10.0);
	for (cp = 0; cp < NELEM(space_cps); cp++) {
		char b[4];
		size_t l = sc_utf8_encode(space_cps[cp], b);

		if (!is_space_cp(space_cps[cp]))
			sc_die(SC_ERR, "internal error: space_cps[] and is_space_cp() disagree");
		space_first[(unsigned char)b[0]] = 1;
		space_last[(unsigned char)b[l - 1]] = 1;
	}
	index_markers();
	index_share();
	tables_ready = 1;
}

static inline int
cat_of(uint32_t cp)
{
	return sc_ucd_category(cp);
}

static inline uint32_t
lower_of(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
	return sc_ucd_lower(cp);
}

static inline int
is_letter(uint32_t cp)
{
	int c;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	c = cat_of(cp);
	/*
	 * with the marks (Mn, Mc): the vowel signs of Bengali and Hindi,
	 * the virama, Arabic harakat are part of their word, and a line of
	 * those scripts is letters, not half punctuation
	 */
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_MC;
}

static inline int
is_upper(uint32_t cp)
{
	int c;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	c = cat_of(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static inline int
is_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return cat_of(cp) == UTF8PROC_CATEGORY_LL;
}

/* CJK ideographs, kana and hangul: words without spaces. */
static int
is_cjk(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* Bytes of the list glyph at p[i] (with the spaces after it), or 0. */
static size_t
bullet_len(const char *p, size_t e, size_t i)
{
	static const char *const glyphs[] = { "\xE2\x80\xA2", "\xE2\x96\xA1",
		"\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x97\x8F", "\xE2\x97\x8B",
		"\xE2\x96\xBA", "\xE2\x96\xA0", "\xC2\xB7", "*", "-", "+",
		"\xE2\x80\xA3", "\xE2\x81\x83" };
	size_t k, l;
	unsigned char c = (unsigned char)p[i];

	if (!(c == 0xE2 || c == 0xC2 || c == '*' || c == '-' || c == '+' ||
	    (c >= '0' && c <= '9')))
		return 0;
	/* no glyph starts with a digit: those lines are dates and numbers more often than lists */
	for (k = c <= '9' && c >= '0' ? NELEM(glyphs) : 0; k < NELEM(glyphs); k++) {
		if ((unsigned char)glyphs[k][0] != c)
			continue;
		l = strlen(glyphs[k]);
		if (i + l <= e && memcmp(p + i, glyphs[k], l) == 0 &&
		    (i + l == e || p[i + l] == ' ')) {
			while (i + l < e && p[i + l] == ' ')
				l++;
			return l;
		}
	}
	/* "1. Home", "2) News": numbered navigation */
	for (k = i; k < e && k < i + 3 && p[k] >= '0' && p[k] <= '9'; k++)
		;
	if (k > i && k + 1 < e && (p[k] == '.' || p[k] == ')') && p[k + 1] == ' ' &&
	    !(k + 2 < e && p[k + 2] >= '0' && p[k + 2] <= '9')) {
		l = k + 1 - i;
		while (i + l < e && p[i + l] == ' ')
			l++;
		return l;
	}
	return 0;
}

static int
span_eq(const struct page *pg, const struct line *a, const struct line *b)
{
	return a->e - a->s == b->e - b->s &&
	    memcmp(pg->p + a->s, pg->p + b->s, a->e - a->s) == 0;
}

/*
 * Zero n >= 16 bytes at q in 16-byte stores.  A memset() of a constant
 * few hundred bytes becomes "rep stos", an instruction each 8 bytes.
 */
static inline void
zero16(void *q, size_t n)
{
	const sc_u8x16 z = { 0 };
	unsigned char *b = q;
	size_t k;

#pragma GCC unroll 32
	for (k = 0; k + 16 <= n; k += 16)
		memcpy(b + k, &z, 16);
	if (k < n)
		memcpy(b + n - 16, &z, 16);
}


/*
 * Case-insensitive ASCII prefix test of p[s..e) against w.  The first
 * byte is compared before w is measured: most callers try a list of
 * words on every line, and few lines start like any of them.
 */
static inline int
starts_ci(const char *p, size_t s, size_t e, const char *w)
{
	size_t l;

	/* s may lie past e when a caller's name ran to the end of the line */
	if (w[0] == '\0')
		return s <= e;
	if (s >= e || sc_ascii_lower((unsigned char)p[s]) != sc_ascii_lower((unsigned char)w[0]))
		return 0;
	l = strlen(w);
	return e - s >= l && sc_ascii_ieq(p + s + 1, w + 1, l - 1);
}

/*
 * memmem() for the short texts of one line: the library's version sets
 * up tables for each call, which costs more than a line's few candidate
 * bytes, found here by memchr() for the first byte.
 */
static const char *
find_in(const char *h, size_t n, const char *w, size_t m)
{
	const char *q, *last;
	size_t k;

	if (m == 0)
		return h;
	if (m > n)
		return NULL;
	last = h + (n - m);
	for (q = h; q <= last; q++) {
		q = memchr(q, (unsigned char)w[0], (size_t)(last - q) + 1);
		if (q == NULL)
			return NULL;
		for (k = 1; k < m && q[k] == w[k]; k++)
			;
		if (k == m)
			return q;
	}
	return NULL;
}

/*
 * memmem() for a needle of two bytes or more in a long text (a page):
 * sixteen places at a time, those where both the needle's first and last
 * bytes match by one mask, the rest compared only there.  The library's
 * version branches on each step of its shift table, as unpredictably as
 * the text.  The same answer: the first place w is at.
 */
#ifdef SC_X86_AVX2
/*
 * find_far()'s places 32 at a time where the processor has AVX2: the
 * first place w is at among those whose 32-byte blocks fit, or NULL with
 * *ip where they end.
 */
static __attribute__((noinline, target("avx2"))) const char *
find_far32(const char *h, size_t n, const char *w, size_t m, size_t *ip)
{
	size_t i;
	sc_u8x32 a, b;

	for (i = 0; i + m - 1 + 32 <= n; i += 32) {
		unsigned c;

		memcpy(&a, h + i, 32);
		memcpy(&b, h + i + m - 1, 32);
		c = (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)((a == (unsigned char)w[0]) &
		    (b == (unsigned char)w[m - 1])));
		for (; c != 0; c &= c - 1) {
			size_t j = i + (size_t)__builtin_ctz(c);

			if (memcmp(h + j + 1, w + 1, m - 2) == 0)
				return h + j;
		}
	}
	*ip = i;
	return NULL;
}
#endif

static const char *
find_far(const char *h, size_t n, const char *w, size_t m)
{
	size_t i = 0;

	if (m >= 2 && m <= n) {
#ifdef SC_X86_AVX2
		if (masks_fast) {
			const char *f = find_far32(h, n, w, m, &i);

			if (f != NULL)
				return f;
		}
#endif
		for (; i + m - 1 + 16 <= n; i += 16) {
			unsigned c = sc_mask16((sc_i8x16)(sc_load16(h + i) == (unsigned char)w[0]) &
			    (sc_i8x16)(sc_load16(h + i + m - 1) == (unsigned char)w[m - 1]));

			for (; c != 0; c &= c - 1) {
				size_t j = i + (size_t)__builtin_ctz(c);

				if (memcmp(h + j + 1, w + 1, m - 2) == 0)
					return h + j;
			}
		}
	}
	return memmem(h + i, n - i, w, m);
}

/*
 * Does p[s..e) contain w (lowercase; ASCII case ignored)?  The first byte
 * is compared before anything else: this runs for every candidate line.
 */
static int
contains_ci(const char *p, size_t s, size_t e, const char *w)
{
	size_t l = strlen(w), i;
	unsigned char c0 = (unsigned char)w[0];

	if (e - s < l)
		return 0;
	for (i = s; i + l <= e; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c == c0 && sc_ascii_ieq(p + i + 1, w + 1, l - 1))
			return 1;
	}
	return 0;
}

/*
 * A list of lowercase words (64 at most), indexed: which words open with
 * a byte, and their lengths.
 */
struct word_index {
	const char *const *w;
	size_t nw;
	uint64_t by[256];
	uint64_t by2[256];	/* which words have a byte second (a one-byte word: every byte) */
	uint8_t len[64];
};

/*
 * The index of list w[0..nw), made on its first call and kept (sixteen
 * lists, a list being its words and their number); tmp holds it when
 * there is no room left.  The lists are looked for from a slot hashed
 * from the list's address: from the first slot, the number of lists
 * passed over depended on which list was asked, and the loop's end was
 * mispredicted on about every call.
 */
static const struct word_index *
word_index(const char *const *w, size_t nw, struct word_index *tmp)
{
	static struct word_index lists[16];
	struct word_index *x = tmp;
	size_t k, h = (size_t)(((uintptr_t)w >> 3) * 0x9E3779B97F4A7C15ull >> 60), j;

	for (j = 0, k = h; j < NELEM(lists) && lists[k].w != NULL &&
	    (lists[k].w != w || lists[k].nw != nw); j++, k = (k + 1) % NELEM(lists))
		;
	if (j < NELEM(lists)) {
		if (lists[k].w != NULL)
			return &lists[k];
		x = &lists[k];
	}
	memset(x, 0, sizeof *x);
	if (nw > NELEM(x->len))
		sc_die(SC_ERR, "internal error: a word list of %zu words", nw);
	for (k = 0; k < nw; k++) {
		x->by[(unsigned char)w[k][0]] |= 1ull << k;
		x->len[k] = (uint8_t)strlen(w[k]);
		if (x->len[k] >= 2)
			x->by2[sc_ascii_lower((unsigned char)w[k][1])] |= 1ull << k;
		else
			for (j = 0; j < 256; j++)
				x->by2[j] |= 1ull << k;
	}
	x->w = w;
	x->nw = nw;
	return x;
}

/*
 * The length of the first word of x among those of mask m (in the list's
 * order) that begins at p[i] (ASCII case ignored) and ends by e, or 0
 * when none does.
 */
static inline size_t
word_in_set(const struct word_index *x, uint64_t m, const char *p, size_t i, size_t e)
{
	for (; m != 0; m &= m - 1) {
		unsigned j = (unsigned)__builtin_ctzll(m);
		size_t l = x->len[j];

		if (l <= e - i && sc_ascii_ieq(p + i + 1, x->w[j] + 1, l - 1))
			return l;
	}
	return 0;
}

/*
 * The length of the first word of x (in the list's order) that begins at
 * p[i] (ASCII case ignored) and ends by e, or 0 when none does.
 */
static inline size_t
word_at(const struct word_index *x, const char *p, size_t i, size_t e)
{
	return word_in_set(x, x->by[sc_ascii_lower((unsigned char)p[i])], p, i, e);
}

/*
 * Does p[s..e) contain any of the words (lowercase; ASCII case ignored)?
 * One pass, where contains_ci() for each word would make one per word:
 * a position is looked at further only when a word starts with its first
 * two bytes.  By its first byte alone, about every tenth position was a
 * candidate, and the test on it was mispredicted.
 */
static int
contains_any_ci(const char *p, size_t s, size_t e, const char *const *w, size_t nw)
{
	struct word_index tmp;
	const struct word_index *x = word_index(w, nw, &tmp);
	size_t i;

	for (i = s; i + 1 < e; i++) {
		uint64_t m = x->by[sc_ascii_lower((unsigned char)p[i])] &
		    x->by2[sc_ascii_lower((unsigned char)p[i + 1])];

		if (m != 0 && word_in_set(x, m, p, i, e) != 0)
			return 1;
	}
	return i < e && word_at(x, p, i, e) != 0;
}

/*
 * Bytes of the character at p[i] when clean_copy() keeps it as it is and
 * it is printable ASCII (no space) or a two-byte character other than the
 * no-break space; else 0.
 */
static inline size_t
plain_len(const char *p, size_t i, size_t e)
{
	unsigned char c;

	if (i >= e)
		return 0;
	c = (unsigned char)p[i];
	if (c > ' ' && c < 0x7F)
		return 1;
	if (i + 1 < e && c >= 0xC2 && c <= 0xDF && ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
	    !(c == 0xC2 && (unsigned char)p[i + 1] == 0xA0))
		return 2;
	return 0;
}

/*
 * How many of the sixteen bytes at p[j] (with p[j + 16] readable, and j
 * not the start of a run) clean_copy() keeps as they are, by the rules of
 * its loop: printable ASCII, two-byte characters but U+00A0, a space
 * before either.  A character is never cut: a lead byte in the last lane
 * stops the count.
 */
static size_t
plain_block(const char *p, size_t j)
{
	sc_u8x16 a = sc_load16(p + j), b = sc_load16(p + j + 1);
	sc_i8x16 pr = (sc_i8x16)((sc_u8x16)(a - 0x21) < 0x5E);
	sc_i8x16 prb = (sc_i8x16)((sc_u8x16)(b - 0x21) < 0x5E);
	sc_i8x16 l2 = (sc_i8x16)((sc_u8x16)(a - 0xC2) < 0x1E) & (sc_i8x16)((b & 0xC0) == 0x80) &
	    ~((sc_i8x16)(a == 0xC2) & (sc_i8x16)(b == 0xA0));
	unsigned lead = sc_mask16(l2) & 0x7FFF;
	unsigned ok = sc_mask16(pr) | lead | lead << 1 |
	    (sc_mask16((sc_i8x16)(a == ' ')) & (sc_mask16(prb) | lead >> 1));

	return (size_t)__builtin_ctz(~ok | 0x10000);
}

/* A copy of p[s..e) with inner whitespace runs made one space, trimmed; valid UTF-8. */
static char *
clean_copy(const char *p, size_t s, size_t e)
{
	struct sc_buf b = { 0 };
	int sp = 0;
	size_t i = s, l;

	while (i < e) {
		uint32_t cp;
		int bad = 0;
		size_t j = i;

		/*
		 * A run of printable ASCII and two-byte characters other than
		 * the no-break space, with single spaces between them: kept as
		 * it is, so copied at once.
		 */
		while (j < e) {
			size_t k;

			if (j > i && j + 17 <= e && (k = plain_block(p, j)) > 0) {
				j += k;
				continue;
			}
			k = plain_len(p, j, e);
			if (k == 0 && j > i && p[j] == ' ' && plain_len(p, j + 1, e) > 0)
				k = 1;
			if (k == 0)
				break;
			j += k;
		}
		if (j > i) {
			if (sp)
				sc_buf_addc(&b, ' ');
			sp = 0;
			sc_buf_add(&b, p + i, j - i);
			i = j;
			continue;
		}
		l = sc_utf8_next((const unsigned char *)p + i, e - i, &cp, &bad);
		if (is_space_cp(cp) || cp == '\n') {
			sp = b.len > 0;
		} else if (cp < 0x20 || cp == 0x7F) {
			/* control characters never reach a field */
		} else {
			if (sp)
				sc_buf_addc(&b, ' ');
			sp = 0;
			if (bad)
				sc_buf_add_cp(&b, SC_REPLACEMENT);
			else
				sc_buf_add(&b, p + i, l);
		}
		i += l;
	}
	if (b.len == 0) {
		sc_buf_free(&b);
		return NULL;
	}
	return b.p;
}

/* ------------------------------------------------------------ lines */

/*
 * Eight ASCII bytes at a time (SWAR): a 64-bit word holds eight bytes, each
 * below 0x80, so adding to a byte never carries into the next; the high
 * bit of each byte carries the answer for it.
 */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
/* High bit of each byte >= lo. */
#define SWAR_GE(x, lo) (((x) + ONES * (0x80 - (lo))) & HIGHS)
/* High bit of each byte in lo..hi. */
#define SWAR_IN(x, lo, hi) (SWAR_GE(x, lo) & ~SWAR_GE(x, (hi) + 1))
/* High bit of each byte equal to c. */
#define SWAR_EQ(x, c) (~(((x) ^ (ONES * (c))) + ONES * 0x7F) & HIGHS)
/* How many bytes have their high bit set in m (only high bits set). */
#define SWAR_COUNT(m) ((int)((((m) >> 7) * ONES) >> 56))

/*
 * Lanes of v in lo..lo+n-1, moved to the bottom of the signed range: one
 * signed comparison, where the unsigned one SSE2 lacks takes two.
 */
static inline sc_i8x16
lanes_in(sc_u8x16 v, unsigned char lo, unsigned char n)
{
	return (sc_i8x16)(v + (uint8_t)(0x80 - lo)) < (int8_t)(n - 128);
}

/*
 * measure_line()'s counts for the ASCII bytes p[0..nb) of a sixteen-byte
 * block holding no '-' or '\'' among them: the lanes as in the eight-byte
 * steps, counted from the two halves of each comparison.
 */
struct block_counts {
	int letters, uppers, words, inword;
	int last;		/* index of the last byte that is no space, -1 */
};

/* Set lanes (0xFF) of the two halves of a comparison: at most 16, so one multiply. */
static inline int
lanes(uint64_t h0, uint64_t h1)
{
	return (int)((((h0 & ONES) + (h1 & ONES)) * ONES) >> 56);
}

static inline void
count_block16(const char *p, size_t nb, int inword, struct block_counts *bc)
{
	static const sc_u8x16 iota = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
	sc_u8x16 v = sc_load16(p);
	sc_i8x16 valid = (sc_i8x16)(iota < (uint8_t)nb);
	sc_i8x16 let = lanes_in(v | 0x20, 'a', 26) & valid;
	sc_i8x16 word = (let | lanes_in(v, '0', 10)) & valid;
	sc_i8x16 up = lanes_in(v, 'A', 26) & valid;
	sc_i8x16 sp = (sc_i8x16)(v == ' ') | (sc_i8x16)(v == '\t') |
	    lanes_in(v, '\v', 3) | (sc_i8x16)(v == 0);
	sc_i8x16 ns = ~sp & valid;
	uint64_t l[2], w[2], u[2], n[2];
	unsigned char wb[16];

	memcpy(l, &let, 16);
	memcpy(w, &word, 16);
	memcpy(u, &up, 16);
	memcpy(n, &ns, 16);
	memcpy(wb, &word, 16);
	bc->letters = lanes(l[0], l[1]);
	bc->uppers = lanes(u[0], u[1]);
	bc->words = lanes(w[0] & ~((w[0] << 8) | (inword ? 0xFF : 0)),
	    w[1] & ~((w[1] << 8) | (w[0] >> 56)));
	bc->inword = wb[nb - 1] != 0;
	bc->last = n[1] ? 8 + ((63 - __builtin_clzll(n[1])) >> 3) :
	    n[0] ? (63 - __builtin_clzll(n[0])) >> 3 : -1;
}

/* What measure_line() needs to know of an ASCII character: AC_* above. */
#define ACU (AC_LETTER | AC_UPPER)
#define ACL (AC_LETTER | AC_LOWER)
static const unsigned char ascii_class[128] = {
	AC_SPACE, 0, 0, 0, 0, 0, 0, 0, 0, AC_SPACE, 0, AC_SPACE, AC_SPACE, AC_SPACE, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	AC_SPACE, 0, 0, 0, 0, 0, 0, AC_JOIN, 0, 0, 0, 0, 0, AC_JOIN, 0, 0,
	AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT,
	AC_DIGIT, AC_DIGIT, 0, 0, 0, 0, 0, 0,
	0, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU,
	ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, ACU, 0, 0, 0, 0, 0,
	0, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL,
	ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, ACL, 0, 0, 0, 0, 0,
};
#undef ACU
#undef ACL

/*
 * A block's mask's set bits (16 or 32): the instruction where fast says
 * the processor has it, else by the table (sc_popcount16(), 16 bits).
 */
#define POPC16(x) (fast ? (unsigned)__builtin_popcount(x) : sc_popcount16(x))

/*
 * The lanes of a block of measure_masks_for(), a bit a byte: letters and
 * capitals (ASCII), word characters (ASCII letters and digits), join
 * bytes ('-', '\''), bytes >= 0x80; and, of a block that has those,
 * continuation and lead bytes.
 */
struct bmask {
	unsigned let, up, word, join, high, cont, lead;
};

/* The Cyrillic (D0, D1) and Latin-1 (C3) letters of a block, by their second byte. */
struct bpair {
	unsigned ml, mu, mh;	/* letters, capitals, all of the leads */
};

static inline __attribute__((always_inline)) void
block_masks16(const unsigned char *b, struct bmask *m)
{
	sc_u8x16 v = sc_load16(b);

	m->let = sc_mask16(lanes_in(v | 0x20, 'a', 26));
	m->up = sc_mask16(lanes_in(v, 'A', 26));
	m->word = m->let | sc_mask16(lanes_in(v, '0', 10));
	m->join = sc_mask16((sc_i8x16)(v == '-') | (sc_i8x16)(v == '\''));
	m->high = sc_mask16(sc_high16(v));
}

/* The continuation and lead bytes of a block that has bytes >= 0x80. */
static inline __attribute__((always_inline)) void
block_leads16(const unsigned char *b, struct bmask *m)
{
	sc_u8x16 v = sc_load16(b);

	m->cont = sc_mask16((sc_i8x16)((v & 0xC0) == 0x80));
	m->lead = sc_mask16((sc_i8x16)(v >= 0xC0));
}

static inline __attribute__((always_inline)) void
block_pairs16(const unsigned char *b, struct bpair *r)
{
	sc_u8x16 v = sc_load16(b), nx = sc_load16(b + 1);
	sc_i8x16 nc = (sc_i8x16)((nx & 0xC0) == 0x80);
	sc_i8x16 d0 = (sc_i8x16)(v == 0xD0) & nc, d1 = (sc_i8x16)(v == 0xD1) & nc;
	sc_i8x16 c3 = (sc_i8x16)(v == 0xC3) & nc;
	sc_i8x16 vl = d0 | d1 | (c3 & (sc_i8x16)(nx != 0x97) & (sc_i8x16)(nx != 0xB7));
	sc_i8x16 vu = (d0 & (sc_i8x16)(nx < 0xB0)) |
	    (d1 & (sc_i8x16)(nx >= 0xA0) & (sc_i8x16)((nx & 1) == 0)) |
	    (c3 & (sc_i8x16)(nx < 0x9F));

	r->ml = sc_mask16(vl);
	r->mu = sc_mask16(vu);
	r->mh = sc_mask16(d0 | d1 | c3);
}

#ifdef SC_X86_AVX2
/* The same of 32 bytes, for measure_masks_fast() (inlined there only). */
static inline __attribute__((target("avx2"))) unsigned
mask32(sc_s8x32 m)
{
	return (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)m);
}

static inline __attribute__((target("avx2"))) void
block_masks32(const unsigned char *b, struct bmask *m)
{
	sc_u8x32 v;
	sc_s8x32 s;

	memcpy(&v, b, 32);
	s = (sc_s8x32)v;
	m->let = mask32((sc_s8x32)((v | 0x20) + (uint8_t)(0x80 - 'a')) < (int8_t)(26 - 128));
	m->up = mask32((sc_s8x32)(v + (uint8_t)(0x80 - 'A')) < (int8_t)(26 - 128));
	m->word = m->let | mask32((sc_s8x32)(v + (uint8_t)(0x80 - '0')) < (int8_t)(10 - 128));
	m->join = mask32((sc_s8x32)((s == '-') | (s == '\'')));
	m->high = mask32(s < 0);
}

static inline __attribute__((target("avx2"))) void
block_leads32(const unsigned char *b, struct bmask *m)
{
	sc_u8x32 v;

	memcpy(&v, b, 32);
	m->cont = mask32((sc_s8x32)((v & 0xC0) == 0x80));
	m->lead = mask32((sc_s8x32)(v >= 0xC0));
}

static inline __attribute__((target("avx2"))) void
block_pairs32(const unsigned char *b, struct bpair *r)
{
	sc_u8x32 v, nx;
	sc_s8x32 nc, d0, d1, c3, vl, vu;

	memcpy(&v, b, 32);
	memcpy(&nx, b + 1, 32);
	nc = (sc_s8x32)((nx & 0xC0) == 0x80);
	d0 = (sc_s8x32)(v == 0xD0) & nc;
	d1 = (sc_s8x32)(v == 0xD1) & nc;
	c3 = (sc_s8x32)(v == 0xC3) & nc;
	vl = d0 | d1 | (c3 & (sc_s8x32)(nx != 0x97) & (sc_s8x32)(nx != 0xB7));
	vu = (d0 & (sc_s8x32)(nx < 0xB0)) |
	    (d1 & (sc_s8x32)(nx >= 0xA0) & (sc_s8x32)((nx & 1) == 0)) |
	    (c3 & (sc_s8x32)(nx < 0x9F));
	r->ml = mask32(vl);
	r->mu = mask32(vu);
	r->mh = mask32(d0 | d1 | c3);
}
#endif

/*
 * measure_line() for a line of valid UTF-8, W (16 or 32) bytes at a time.
 * Each block gives masks, a bit a byte: word characters (letters and
 * digits), bytes a word goes on across (continuation bytes, '-', '\'',
 * U+2019), CJK letters (a word each), lowercase letters; the ASCII bytes
 * by vector comparisons, the first byte of each other character by its
 * class.  A word starts at a word character whose nearest byte before it
 * that is not carried across is no word character.  Returns 0, having
 * set nothing, when the line is not valid UTF-8: the loop below reads it
 * one character at a time, as it reads the invalid bytes.
 *
 * With cap > 0 it stops once cap words are counted, sets only the
 * words (cap) and the last character, and returns 2 (when the rest of
 * the line is valid UTF-8 too).
 */
static inline __attribute__((always_inline)) int
measure_masks_for(const struct page *pg, struct line *L, uint32_t *lastp, int cap,
    const int fast, const unsigned W)
{
	const char *p = pg->p;
	const unsigned full = W == 32 ? 0xFFFFFFFFu : 0xFFFFu;
	size_t i, e = L->e, l, nchars = 0, claimed = 0, conts = 0;
	int letters = 0, uppers = 0, words = 0, first = 1, lower = 0;
	unsigned carry = 0;
	unsigned char tail[33];

	for (i = L->s; i < e; i += W) {
		const unsigned char *b = (const unsigned char *)p + i;
		struct bmask m;
		unsigned valid, word, join, cjk = 0, low, up, lead, cont, let, s, g, prev, nt;
		int64_t over;

		if (i + W + 1 > pg->n) {
			memset(tail, 0, sizeof tail);
			memcpy(tail, p + i, e - i);
			b = tail;
		}
#ifdef SC_X86_AVX2
		if (W == 32)
			block_masks32(b, &m);
		else
#endif
			block_masks16(b, &m);
		/*
		 * The last block of a line is short: its lanes by a shift, not
		 * by a branch, which was mispredicted about once a line.  over
		 * is how many of the W lie past the line, if any (the
		 * sign bit spread over the word clears it when none do).
		 */
		over = (int64_t)(i + W - e);
		valid = full >> (over & ~(over >> 63));
		let = m.let & valid;
		up = m.up & valid;
		word = m.word & valid;
		low = let & ~up;
		join = m.join & valid;
		letters += (int)POPC16(let);
		uppers += (int)POPC16(up);
		if ((m.high & valid) == 0) {
			/* ASCII: a character a byte, none to read on its own */
			cont = lead = 0;
			nchars += e - i >= W ? W : e - i;
		} else {
#ifdef SC_X86_AVX2
			if (W == 32)
				block_leads32(b, &m);
			else
#endif
				block_leads16(b, &m);
			cont = m.cont & valid;
			lead = m.lead & valid;
			join |= cont;
			nchars += POPC16(valid & ~cont);
			conts += POPC16(cont);
		}
		if (lead != 0 && two_rules) {
			/*
			 * Cyrillic (D0, D1) and Latin-1 (C3) letters by rules on
			 * their second byte (the next lane), checked against the
			 * class table once (fill_tables()).
			 */
			struct bpair r;
			unsigned in = e - i - 1 >= W ? full : (1u << (e - i - 1)) - 1;
			unsigned ml, mu, mh;

#ifdef SC_X86_AVX2
			if (W == 32)
				block_pairs32(b, &r);
			else
#endif
				block_pairs16(b, &r);
			ml = r.ml & in;
			mu = r.mu & ml;
			mh = r.mh & in;
			word |= ml;
			letters += (int)POPC16(ml);
			uppers += (int)POPC16(mu);
			low |= ml & ~mu;
			claimed += POPC16(mh);
			lead &= ~mh;
		}
		while (lead != 0) {
			unsigned j = (unsigned)__builtin_ctz(lead), bit = 1u << j, k;
			size_t q = i + j;
			unsigned char c = (unsigned char)p[q];
			uint32_t cp;

			lead &= lead - 1;
			if (c <= 0xDF && c >= 0xC2 && q + 1 < e &&
			    ((unsigned char)p[q + 1] & 0xC0) == 0x80) {
				cp = (c & 0x1Fu) << 6 | ((unsigned char)p[q + 1] & 0x3Fu);
				claimed++;
				k = ac2[cp];
				if (k & AC_LETTER) {
					word |= bit;
					letters++;
					uppers += (k & AC_UPPER) != 0;
					low |= k & AC_LOWER ? bit : 0;
				}
				continue;
			}
			if (c >= 0xE1 && c <= 0xEF && c != 0xED && q + 2 < e &&
			    ((unsigned char)p[q + 1] & 0xC0) == 0x80 &&
			    ((unsigned char)p[q + 2] & 0xC0) == 0x80) {
				cp = (c & 0x0Fu) << 12 | ((unsigned char)p[q + 1] & 0x3Fu) << 6 |
				    ((unsigned char)p[q + 2] & 0x3Fu);
				l = 3;
			} else {
				int bad = 0;

				l = sc_utf8_next((const unsigned char *)p + q, e - q, &cp, &bad);
				if (bad)
					return 0;
			}
			claimed += l - 1;
			if (is_letter(cp)) {
				letters++;
				uppers += is_upper(cp);
				low |= is_lower(cp) ? bit : 0;
				if (is_cjk(cp))
					cjk |= bit;
				else
					word |= bit;
			} else if (cp == 0x2019)
				join |= bit;
		}
		if (first && (word | cjk) != 0) {
			first = 0;
			lower = (low >> __builtin_ctz(word | cjk)) & 1;
		}
		/*
		 * The state before each byte: set after a word character, and
		 * carried over a run of join bytes by the carry of an addition
		 * (a bit at the run's start ripples to the byte after it; past
		 * the block's last lane it is dropped).
		 */
		s = (word << 1 | carry) & valid;
		g = s & join;
		prev = (s & ~join) | ((g + join) & ~join);
		/* a CJK letter is never a word character: one count for both */
		words += (int)POPC16((word & ~prev & full) | cjk);
		nt = valid & ~join;
		if (nt != 0)
			carry = (word >> (31 - __builtin_clz(nt))) & 1;
		if (cap > 0 && words >= cap)
			break;
	}
	if (cap > 0 && words >= cap) {
		/*
		 * Valid so far when the characters read claimed the
		 * continuation bytes of the blocks read and those that open
		 * the next one; the rest is checked as it is.
		 */
		size_t r = i + W < e ? i + W : e, spill = 0;

		while (r + spill < e && spill < 3 && ((unsigned char)p[r + spill] & 0xC0) == 0x80)
			spill++;
		if (claimed != conts + spill || !sc_utf8_valid(p + r + spill, e - r - spill))
			return 0;
		L->words = cap;
	} else {
		/* every continuation byte belongs to a character read */
		if (claimed != conts)
			return 0;
		L->nchars = nchars;
		L->letters = letters;
		L->uppers = uppers;
		L->words = words;
		L->lower = lower;
	}
	if (L->e > L->s) {
		i = prev_at(p, L->e);
		*lastp = cp_at(p, L->e, i, &l);
	} else
		*lastp = 0;
	return cap > 0 && words >= cap ? 2 : 1;
}

/*
 * measure_masks_for() twice: as plain x86-64 has it, sixteen bytes a
 * block; and where the processor has AVX2 (and POPCNT and BMI, asked
 * too), compiled for those, 32 bytes a block, a bit count an instruction
 * (the plain build counts by a table).  Most lines are longer than
 * sixteen bytes: the wide blocks took a third of its instructions away
 * (cost.sh).  The choice is made once (fill_tables()); the environment
 * variable SC_NO_AVX2 keeps the plain one (sc_cpu_avx2()).
 */
static __attribute__((noinline)) int
measure_masks_plain(const struct page *pg, struct line *L, uint32_t *lastp, int cap)
{
	return measure_masks_for(pg, L, lastp, cap, 0, 16);
}

#ifdef SC_X86_AVX2
static __attribute__((noinline, target("avx2,popcnt,bmi"), flatten)) int
measure_masks_fast(const struct page *pg, struct line *L, uint32_t *lastp, int cap)
{
	return measure_masks_for(pg, L, lastp, cap, 1, 32);
}
#endif

static inline int
measure_masks(const struct page *pg, struct line *L, uint32_t *lastp, int cap)
{
#ifdef SC_X86_AVX2
	if (masks_fast)
		return measure_masks_fast(pg, L, lastp, cap);
#endif
	return measure_masks_plain(pg, L, lastp, cap);
}

static void
measure_line(struct page *pg, struct line *L)
{
	const char *p = pg->p;
	size_t i = L->s, l;
	int inword = 0, first = 1;
	uint32_t last = 0;

	L->nchars = 0;
	/*
	 * Long lines are body text: no headline, byline or date line is
	 * that long, so their length, words and last character are enough
	 * (counted from bytes, without decoding).
	 */
	if (L->e - L->s >= 4 * WRAP_COLUMNS) {
		int sp = 1;

		/* sixteen bytes at a time: characters are the bytes that
		 * continue none, words start at a byte after a space */
		for (; i + 16 <= L->e; i += 16) {
			sc_u8x16 v = sc_load16(p + i);
			sc_i8x16 cont = (sc_i8x16)((v & 0xC0) == 0x80), spc = (sc_i8x16)(v == ' ');
			uint64_t c[2], b[2];

			memcpy(c, &cont, 16);
			memcpy(b, &spc, 16);
			L->nchars += 16 - (size_t)lanes(c[0], c[1]);
			L->words += lanes(~b[0] & ((b[0] << 8) | (sp ? 0xFF : 0)),
			    ~b[1] & ((b[1] << 8) | (b[0] >> 56)));
			sp = (int)(b[1] >> 63);
		}
		for (; i < L->e; i++) {
			unsigned char c = (unsigned char)p[i];

			L->nchars += (c & 0xC0) != 0x80;
			if (c == ' ')
				sp = 1;
			else if (sp) {
				L->words++;
				sp = 0;
			}
		}
		L->letters = (int)L->nchars;
		L->upper = 1;
		i = prev_at(p, L->e);
		last = cp_at(p, L->e, i, &l);
		goto ending;
	}
#ifndef PAGEMETA_CHECK_MASKS	/* defined: every line the slow way, to compare */
	/*
	 * A line of WRAP_COLUMNS characters or more is body text too: once
	 * it has WORDS_CAP words (every rule asks about fewer), its length
	 * and last character are all anyone reads of it, and its characters
	 * are its bytes that continue none, when it is valid UTF-8 (else
	 * measure_masks() says 0 and the loop below reads it as ever).
	 */
	if (L->e - L->s >= WRAP_COLUMNS) {
		size_t nc = sc_utf8_count(p + L->s, L->e - L->s);

		if (nc >= WRAP_COLUMNS) {
			int r = measure_masks(pg, L, &last, WORDS_CAP);

			if (r == 2) {
				L->nchars = nc;
				L->letters = (int)nc;
			}
			if (r != 0)
				goto ending;
		}
	}
	if (measure_masks(pg, L, &last, 0))
		goto ending;
#endif
	/*
	 * Counted in locals (stores through L could alias the text for the
	 * compiler), ASCII by a table; the rest through utf8proc.
	 */
	size_t nchars = 0;
	int letters = L->letters, uppers = L->uppers, words = L->words;
	int upper = L->upper, lower = L->lower;

	while (i < L->e) {
		uint32_t cp;
		unsigned char c = (unsigned char)p[i];
		uint64_t x;

		/*
		 * The ASCII bytes of the next eight, up to the first that is not
		 * or is '-' or '\'' (which keep a word going), once the first
		 * letter is seen: the steps below for all of them at once.
		 * Inside the block a byte starts a word when it is a letter or
		 * digit and the byte before it is not.  A lane's sum may carry
		 * into the lanes above it only from a byte >= 0x80, and those
		 * lanes are masked off.
		 */
		if (!first && c < 0x80 && i + 16 <= L->e) {
			sc_u8x16 v = sc_load16(p + i);
			size_t nb = sc_first16(sc_high16(v) | (sc_i8x16)(v == '-') |
			    (sc_i8x16)(v == '\''));

			if (nb >= 4) {
				struct block_counts bc;

				count_block16(p + i, nb, inword, &bc);
				nchars += nb;
				letters += bc.letters;
				uppers += bc.uppers;
				words += bc.words;
				inword = bc.inword;
				if (bc.last >= 0)
					last = (unsigned char)p[i + (size_t)bc.last];
				i += nb;
				continue;
			}
		}
		if (!first && c < 0x80 && i + 8 <= L->e) {
			uint64_t stop, m, let, word, sp;
			size_t nb;

			x = sc_load64(p + i);
			stop = (x & HIGHS) | SWAR_EQ(x, '-') | SWAR_EQ(x, '\'');
			nb = stop ? (size_t)__builtin_ctzll(stop) >> 3 : 8;
			/* for fewer bytes the steps one by one cost less */
			if (nb >= 4) {
				m = nb == 8 ? ~0ull : (1ull << (8 * nb)) - 1;
				let = SWAR_IN(x | ONES * 0x20, 'a', 'z') & m;
				word = (let | SWAR_IN(x, '0', '9')) & m;
				sp = SWAR_EQ(x, ' ') | SWAR_EQ(x, '\t') |
				    SWAR_IN(x, '\v', '\r') | SWAR_EQ(x, 0);
				nchars += nb;
				letters += SWAR_COUNT(let);
				uppers += SWAR_COUNT(SWAR_IN(x, 'A', 'Z') & m);
				words += SWAR_COUNT(word & ~((word << 8) | (inword ? 0x80 : 0)));
				inword = (int)(word >> (8 * nb - 1)) & 1;
				if ((sp = ~sp & HIGHS & m) != 0)
					last = (unsigned char)p[i + ((63 - (size_t)__builtin_clzll(sp)) >> 3)];
				i += nb;
				continue;
			}
		}
		if (c < 0x80) {
			unsigned k = ascii_class[c];

			nchars++;
			if (k & (AC_LETTER | AC_DIGIT)) {
				if (first) {
					upper = !(k & AC_LOWER);
					lower = (k & AC_LOWER) != 0;
					first = 0;
				}
				letters += (k & AC_LETTER) != 0;
				uppers += (k & AC_UPPER) != 0;
				words += !inword;
				inword = 1;
			} else if (!(k & AC_JOIN))
				inword = 0;
			if (!(k & AC_SPACE))
				last = c;
			i++;
			continue;
		}
		/*
		 * A two-byte character, and those right after it in a loop of
		 * their own (Cyrillic, Greek words): the steps above, by the table.
		 */
		if (c >= 0xC2 && c <= 0xDF && i + 1 < L->e &&
		    ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
			do {
				unsigned k;

				cp = (c & 0x1Fu) << 6 | ((unsigned char)p[i + 1] & 0x3Fu);
				k = ac2[cp];
				if (first && (k & AC_LETTER)) {
					upper = !(k & AC_LOWER);
					lower = (k & AC_LOWER) != 0;
					first = 0;
				}
				nchars++;
				letters += k & AC_LETTER;
				uppers += (k & AC_UPPER) != 0;
				words += (k & AC_LETTER) && !inword;
				inword = k & AC_LETTER;
				if (!(k & AC_SPACE))
					last = cp;
				i += 2;
			} while (i + 1 < L->e && (c = (unsigned char)p[i]) >= 0xC2 && c <= 0xDF &&
			    ((unsigned char)p[i + 1] & 0xC0) == 0x80);
			continue;
		}
		cp = cp_at(p, L->e, i, &l);
		nchars++;
		if (is_letter(cp)) {
			letters++;
			if (is_upper(cp))
				uppers++;
			if (first) {
				upper = is_upper(cp) || !is_lower(cp);
				lower = is_lower(cp);
				first = 0;
			}
			if (is_cjk(cp))
				words++, inword = 0;
			else if (!inword)
				words++, inword = 1;
		} else if (cp >= '0' && cp <= '9') {
			if (first)
				upper = 1, first = 0;
			if (!inword)
				words++, inword = 1;
		} else {
			/* an opening quote or other sign: the next letter decides */
			inword = cp == '-' || cp == '\'' || cp == 0x2019 ? inword : 0;
		}
		if (!is_space_cp(cp))
			last = cp;
		i += l;
	}
	L->nchars = nchars;
	L->letters = letters;
	L->uppers = uppers;
	L->words = words;
	L->upper = upper;
	L->lower = lower;
ending:
	/*
	 * '.', '!' and '?' by a bit each, the rest only for characters past
	 * them: a chain of tests mispredicted at whichever stopped it.
	 */
	L->term = last < 64 && ((1ull << '.' | 1ull << '!' | 1ull << '?') >> last & 1);
	/*
	 * and the full stops of other scripts: the danda of Bengali and
	 * Hindi (। ॥), Urdu's ۔, the Arabic question mark ؟, Armenian ։,
	 * Ethiopic ።
	 */
	if (last >= 0x0589)
		L->term = last == 0x2026 || last == 0x3002 || last == 0xFF01 || last == 0xFF1F ||
		    last == 0x0964 || last == 0x0965 || last == 0x06D4 || last == 0x061F ||
		    last == 0x0589 || last == 0x1362;
	/* ". . ." or "..." ends a teaser, not a sentence */
	if (last == '.' && L->e - L->s >= 3 && memcmp(p + L->e - 3, "...", 3) == 0)
		L->term = 2;
	if (last == 0x2026)
		L->term = 2;
}

static void
split_lines(struct page *pg)
{
	const char *p = pg->p;
	size_t n = pg->n, i = 0, cap = 0;
	int para = -1, prevblank = 1, nb = 0;
	size_t prevchars = 0, nlbase = 0;
	/*
	 * The newlines of p[nlbase..nlbase + 64) not yet passed, as bits (as
	 * sc_signals_compute() finds them): a call to memchr() a line cost
	 * more than the line's short search, and its tests of where the
	 * newline fell were mispredicted.
	 */
	uint64_t nlm = sc_eqmask64(p, n, '\n');

	while (i < n) {
		size_t end, s, e, l, b;
		struct line *L;

		while (nlm == 0 && nlbase + 64 < n) {
			nlbase += 64;
			nlm = sc_eqmask64(p + nlbase, n - nlbase, '\n');
		}
		end = nlm ? nlbase + (size_t)__builtin_ctzll(nlm) : n;
		nlm &= nlm - 1;
		s = i;
		e = end;

		if ((size_t)pg->nl == cap) {
			cap = cap ? cap * 2 : 256;
			pg->ln = scratch(K_LN, cap, sizeof *pg->ln, 1);
			pg->nbline = scratch(K_NBLINE, cap + 1, sizeof *pg->nbline, 1);
		}
		L = &pg->ln[pg->nl];
		zero16(L, sizeof *L);
		L->raw = i;
		L->comments = -1;
		/*
		 * Most lines start and end with no space: one look at a byte
		 * says so (space_first[], space_last[]), where decoding the
		 * character branched on whether it is ASCII.
		 */
		while (s < e && space_first[(unsigned char)p[s]]) {
			uint32_t cp = cp_at(p, e, s, &l);

			if (!is_space_cp(cp))
				break;
			s += l;
			L->indent++;
		}
		while (e > s && space_last[(unsigned char)p[e - 1]]) {
			size_t q = prev_at(p, e);
			uint32_t cp;

			if (q < s)	/* stray continuation bytes: not a space */
				break;
			cp = cp_at(p, e, q, &l);
			if (!is_space_cp(cp))
				break;
			e = q;
		}
		L->blank = s == e;
		if (!L->blank && (b = bullet_len(p, e, s)) != 0) {
			L->bullet = 1;
			s += b;
		}
		L->s = s;
		L->e = e;
		L->hit0 = -1;
		if (!L->blank) {
			measure_line(pg, L);
			para += prevblank;
			L->para = para;
			/* text browsers wrap at about 190 columns (a blank line has 0) */
			L->cont = prevchars >= WRAP_COLUMNS;
		} else
			L->para = -1;
		prevchars = L->nchars;
		/*
		 * The non-blank lines, listed for the passes that skip the
		 * blank ones: a branch on blankness in each was mispredicted
		 * about once a blank line.
		 */
		L->nb = nb;
		pg->nbline[nb] = pg->nl;
		nb += !L->blank;
		prevblank = L->blank;
		pg->nl++;
		i = end + 1;
	}
	pg->np = para + 1;
	pg->nnb = nb;
	if (pg->nbline == NULL)	/* no lines: the list is empty, not missing */
		pg->nbline = scratch(K_NBLINE, 1, sizeof *pg->nbline, 0);
}

/* Sentence ends inside a paragraph: ". " followed by a capital. */
static int
sentence_ends(const struct page *pg, const struct para *P)
{
	size_t i, s = pg->ln[P->first].s, e = pg->ln[P->last].e;
	int n = 0;

	for (i = s + 1; i + 2 < e && n < 2; i++) {
		/* sixteen bytes at a time to the next '.', '?' or '!' */
		while (i + 18 <= e) {
			sc_u8x16 v = sc_load16(pg->p + i);
			unsigned m = sc_mask16((sc_i8x16)(v == '.') | (sc_i8x16)(v == '?') |
			    (sc_i8x16)(v == '!'));

			if (m != 0) {
				i += (size_t)__builtin_ctz(m);
				break;
			}
			i += 16;
		}
		if (!(i + 2 < e))
			break;
		if ((pg->p[i] == '.' || pg->p[i] == '?' || pg->p[i] == '!') &&
		    pg->p[i + 1] == ' ' && pg->p[i + 2] >= 'A' && pg->p[i + 2] <= 'Z' &&
		    pg->p[i - 1] >= 'a' && pg->p[i - 1] <= 'z')
			n++;
	}
	return n;
}

#ifdef SC_X86_AVX2
/* code_bytes() of the 32-byte blocks of p[s..e); *jp: where they end. */
static __attribute__((noinline, target("avx2,popcnt"))) size_t
code_bytes32(const char *p, size_t s, size_t e, size_t *jp)
{
	size_t c = 0, j;

	for (j = s; j + 32 <= e; j += 32) {
		sc_u8x32 v;

		memcpy(&v, p + j, 32);
		c += (size_t)__builtin_popcount((unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)(
		    (v == '{') | (v == '}') | (v == ';') | (v == '='))));
	}
	*jp = j;
	return c;
}
#endif

/* The bytes of p[s..e) that are braces, semicolons or equals signs. */
static size_t
code_bytes(const char *p, size_t s, size_t e)
{
	size_t c = 0, j;

#ifdef SC_X86_AVX2
	/* 32 bytes at a time where the processor has AVX2 (and POPCNT: masks_fast) */
	if (masks_fast && e - s >= 32)
		c = code_bytes32(p, s, e, &s);
#endif
	for (j = s; j + 16 <= e; j += 16) {
		sc_u8x16 v = sc_load16(p + j);

		c += (size_t)sc_popcount16(sc_mask16((v == '{') | (v == '}') |
		    (v == ';') | (v == '=')));
	}
	for (; j < e; j++)
		c += p[j] == '{' || p[j] == '}' || p[j] == ';' || p[j] == '=';
	return c;
}

/*
 * Whether paragraph P is script code: one byte in forty or more of its
 * first lines a brace, a semicolon or an equals sign (whole lines, until
 * CODE_SAMPLE bytes at least are read).
 */
static int
code_para(const struct page *pg, const struct para *P)
{
	size_t c = 0, n = 0;
	int k;

	for (k = P->first; k <= P->last && n < CODE_SAMPLE; k++) {
		const struct line *M = &pg->ln[k];

		c += code_bytes(pg->p, M->s, M->e);
		n += M->e - M->s;
	}
	return c * 40 >= n;
}

/*
 * Whether p[s..e) opens with a headline glued to the summary under it,
 * the way a dump writes a teaser's link ("Customers Leave Without Paying
 * At SteakhouseA party of six left ...", "... To 250,000The state of"):
 * after three words or more, a word of five bytes or more that opens
 * with a capital (or a number) and ends in a lowercase letter (or a
 * digit), glued to a capital and the lowercase rest of a word, within the
 * first 160 bytes.  The glued word is nowhere else on the page (the page
 * of text p[0..n)): a name written that way ("WordPress", "MacBook",
 * "FuelCell") comes back.
 */
static int
glued_at(struct page *pg, size_t s, size_t e, size_t i)
{
	const char *p = pg->p;
	size_t n = pg->n;
	unsigned char a = (unsigned char)p[i - 1];
	size_t j, w = i, k;
	const char *f;
	int words = 0;

	while (w > s && p[w - 1] != ' ')
		w--;
	for (k = s; k < w && words < 3; k++)
		words += p[k] == ' ';
	if (i - w < 5 || words < 3)
		return 0;
	if (!(a >= 'a' && a <= 'z' && p[w] >= 'A' && p[w] <= 'Z') &&
	    !(a >= '0' && a <= '9' && p[w] >= '0' && p[w] <= '9'))
		return 0;
	for (j = i + 1; j < e && p[j] >= 'a' && p[j] <= 'z'; j++)
		;
	/* "SteakhouseA party": the rest may be a word of one letter */
	if (j >= e || p[j] != ' ' || (j == i + 1 && a >= '0' && a <= '9'))
		return 0;
	/*
	 * Each look-up reads up to the whole page: a page of short
	 * paragraphs full of such words, each written once more at its
	 * end, made them quadratic (190 such pages of 55 KB: 0.05 s ->
	 * 7.7 s).  Real pages make 20 at most (the dev sets' most is 19);
	 * past GLUED_LOOKUPS a word counts as not glued.
	 */
	if (pg->glued_left <= 0)
		return 0;
	pg->glued_left--;
	f = find_far(p, n, p + w, j - w);
	return f != NULL && find_far(f + 1, n - (size_t)(f + 1 - p), p + w, j - w) == NULL;
}

static int
glued_teaser(struct page *pg, size_t s, size_t e)
{
	const char *p = pg->p;
	size_t i, lim = e < s + 160 ? e : s + 160;

	/* sixteen places at a time: a lowercase letter or a digit, then a capital */
	for (i = s + 1; i + 16 < lim; i += 16) {
		sc_u8x16 v = sc_load16(p + i - 1), u = sc_load16(p + i);
		unsigned m = sc_mask16((lanes_in(v, 'a', 26) | lanes_in(v, '0', 10)) &
		    lanes_in(u, 'A', 26));

		while (m != 0) {
			if (glued_at(pg, s, e, i + (size_t)__builtin_ctz(m)))
				return 1;
			m &= m - 1;
		}
	}
	for (; i + 1 < lim; i++) {
		unsigned char a = (unsigned char)p[i - 1], b = (unsigned char)p[i];

		if (b >= 'A' && b <= 'Z' && ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) &&
		    glued_at(pg, s, e, i))
			return 1;
	}
	return 0;
}

/*
 * Paragraph k, read as prose, is a teaser's: of three lines or fewer and
 * 400 characters or fewer, one of its lines opening with a headline glued to its summary
 * (glued_teaser()).
 */
static int
teaser_card(struct page *pg, int k)
{
	const struct para *P = &pg->pa[k];
	int i;

	if (!P->prose || P->last - P->first > 2 || P->chars > 400)
		return 0;
	for (i = P->first; i <= P->last; i++)
		if (!pg->ln[i].blank && glued_teaser(pg, pg->ln[i].s, pg->ln[i].e))
			return 1;
	return 0;
}

/*
 * Paragraph k, read as prose, is a whole menu of teasers with no blank
 * line between them: of four lines or more, three lines or more, each
 * after a line of its own (not its wrapped rest), open with a headline
 * glued to its summary, and so do a third of such lines or more.
 */
static int
teaser_menu(struct page *pg, int k)
{
	const struct para *P = &pg->pa[k];
	int i, n = 0, g = 0;

	if (!P->prose || P->last - P->first < 3)
		return 0;
	for (i = P->first; i <= P->last && i < P->first + 60; i++) {
		const struct line *L = &pg->ln[i];

		if (L->blank || L->cont || L->nchars < 40)
			continue;
		n++;
		g += glued_teaser(pg, L->s, L->e);
		/* prose: one of its first four lines at most is glued so */
		if (n == 4 && g < 2)
			return 0;
	}
	return g >= 3 && g * 3 >= n;
}

/*
 * Paragraph P belongs to an entry of a list: above it, a line with a list
 * glyph indented less than P, with at most a few lines between them
 * indented as deep as P or deeper (a menu's entry, "\xE2\x96\xA1 Deutschland",
 * "Deutschland", then its blurb "Mit allen Kr\xC3\xA4ften ..." under it).
 */
static int
list_entry_para(const struct page *pg, const struct para *P)
{
	int ind = pg->ln[P->first].indent, k, n = 0;

	for (k = P->first - 1; k >= 0 && n < 4; k--) {
		const struct line *L = &pg->ln[k];

		if (L->blank)
			continue;
		if (L->bullet)
			return L->indent < ind;
		if (L->indent < ind)
			return 0;
		n++;
	}
	return 0;
}

static void
find_paragraphs(struct page *pg)
{
	int i, k;
	size_t pr = 0;

	pg->pa = scratch(K_PA, (size_t)pg->np + 1, sizeof *pg->pa, 0);
	memset(pg->pa, 0, ((size_t)pg->np + 1) * sizeof *pg->pa);
	for (i = 0; i < pg->np; i++)
		pg->pa[i].first = -1;
	for (k = 0; k < pg->nnb; k++) {
		struct line *L = &pg->ln[i = pg->nbline[k]];
		struct para *P = &pg->pa[L->para];

		P->first = P->first < 0 ? i : P->first;
		P->last = i;
		P->chars += L->nchars;
		P->words += L->words;
		P->bullets += L->bullet;
	}
	for (i = 0; i < pg->np; i++) {
		struct para *P = &pg->pa[i];
		const struct line *last = &pg->ln[P->last];

		/* jusText's length classes: 70 characters is short, 200 long */
		P->prose = P->chars >= 120 && P->words >= 15 &&
		    P->bullets * 2 <= P->last - P->first + 1 &&
		    (last->term == 1 || P->chars >= 300 || sentence_ends(pg, P) >= 2);
		/*
		 * Script code a text browser showed ("0?(a.parentElement&&e.body
		 * ..."), dense with braces, semicolons and equals signs, is no
		 * prose however long its lines.
		 */
		if (P->prose && code_para(pg, P))
			P->prose = 0;
		if (P->prose && list_entry_para(pg, P))
			P->prose = 0;
	}
	/*
	 * A teaser's card next to another, two paragraphs apart at most (a
	 * headline glued to its summary, teaser_card()), or a paragraph of
	 * such teasers (teaser_menu()): a menu of stories, not prose, however
	 * long the summaries.
	 */
	pg->glued_left = GLUED_LOOKUPS;
	for (i = 0, k = -3; i < pg->np; i++) {
		if (teaser_menu(pg, i)) {
			pg->pa[i].prose = 0;
			continue;
		}
		if (!teaser_card(pg, i))
			continue;
		if (i - k <= 2) {
			pg->pa[i].prose = 0;
			if (k >= 0)
				pg->pa[k].prose = 0;
		}
		k = i;
	}
	/*
	 * Running counts, so distances between lines cost nothing later.  A
	 * blank line (no characters) adds nothing whatever it reads: its
	 * paragraph -1 is read as 0, by masks rather than a branch on
	 * blankness, which was mispredicted.
	 */
	for (i = 0; i < pg->nl; i++) {
		struct line *L = &pg->ln[i];
		size_t prose = (size_t)pg->pa[L->para & ~(L->para >> 31)].prose;

		L->prose_to = pr;
		pr += L->nchars & ((size_t)0 - prose);
	}
	pg->prose_total = pr;
}

static inline size_t
line_hash(const char *p, size_t n)
{
	uint64_t a = 0, b = 0;

	if (n >= 8) {
		memcpy(&a, p, 8);
		memcpy(&b, p + n - 8, 8);
	} else
		memcpy(&a, p, n);
	a = (a ^ n) * 0x9E3779B97F4A7C15ull;
	b = (b + a) * 0xC2B2AE3D27D4EB4Full;
	return (size_t)((a ^ b) >> 29);
}

static void
count_duplicates(struct page *pg)
{
	size_t cap = 1, i;
	int *tab, *first, k, j;

	while (cap < (size_t)pg->nl * 2)
		cap <<= 1;
	tab = scratch(K_TAB, cap, sizeof *tab, 0);
	first = scratch(K_FIRST, (size_t)pg->nl + 1, sizeof *first, 0);
	for (i = 0; i < cap; i++)
		tab[i] = -1;
	/* first pass: link each line to the first line with its text */
	for (j = 0; j < pg->nnb; j++) {
		struct line *L = &pg->ln[k = pg->nbline[j]];
		size_t h;

		/*
		 * Of the first and last eight bytes and the length, inline: the
		 * table compares the texts, so the hash only spreads them.
		 */
		h = line_hash(pg->p + L->s, L->e - L->s) & (cap - 1);
		while (tab[h] >= 0 && !span_eq(pg, &pg->ln[tab[h]], L))
			h = (h + 1) & (cap - 1);
		if (tab[h] < 0)
			tab[h] = k;
		else
			pg->ln[tab[h]].dups++;
		/* that line, for the second pass */
		first[k] = tab[h];
	}
	/* second pass: every copy learns the count */
	for (j = 0; j < pg->nnb; j++) {
		k = pg->nbline[j];
		pg->ln[k].dups = pg->ln[first[k]].dups;
	}
}

static const char *guess_lang(const char *, size_t);

static void
find_dates(struct page *pg)
{
	int i, k = 0;

	/*
	 * Native digits ("০৬ সেপ্টেম্বর ২০২০") are looked for only where most
	 * letters take two bytes or more (Bengali, Hindi, Arabic, Persian
	 * pages, and others that pay for a scan): not on Latin pages, whose
	 * accents add a byte to a few letters.  Some 32 lines spread over
	 * the page tell its script.
	 */
	{
		size_t bytes = 0, chars = 0;
		int step = pg->nnb / 32 + 1;

		for (i = 0; i < pg->nnb; i += step) {
			const struct line *L = &pg->ln[pg->nbline[i]];

			bytes += L->e - L->s;
			chars += L->nchars;
		}
		pg->dc.native = bytes - chars > chars / 4;
	}
	pg->hits = scratch(K_HITS, MAX_HITS, sizeof *pg->hits, 0);
	pg->nhits = (int)sc_date_find(pg->p, pg->n, &pg->dc, pg->hits, MAX_HITS);
	/* the language matters only for "06/09/2020": guess it only then */
	if (pg->dc.lang == NULL)
		for (i = 0; i < pg->nhits; i++)
			if (pg->hits[i].flags & SC_DATE_AMBIG) {
				pg->dc.lang = guess_lang(pg->p, pg->n);
				break;
			}
	pg->nhits = (int)sc_date_resolve(pg->hits, (size_t)pg->nhits, &pg->dc, NULL);
	for (i = 0; i < pg->nl && k < pg->nhits; i++) {
		struct line *L = &pg->ln[i];
		size_t le = i + 1 < pg->nl ? pg->ln[i + 1].raw : pg->n;

		while (k < pg->nhits && pg->hits[k].pos < L->raw)
			k++;
		while (k < pg->nhits && pg->hits[k].pos < le) {
			if (L->hit0 < 0)
				L->hit0 = k;
			L->nhits++;
			k++;
		}
	}
}

/*
 * The page's language, roughly, for reading "06/09/2020": English pages
 * write the month first more often than not, and date.c reads a slash
 * date on a German page month first too (German writes its own dates
 * with dots; slashes come from software left at the American default).
 * Counted over function words of the first 16 KB: English wins with
 * twice the others' count, German with twice English's and the Romance
 * and Dutch words' together.
 */
static const char *
guess_lang(const char *p, size_t n)
{
	enum { EN, DE, ROM };
	static const struct { const char *w; size_t len; int lang; } fw[] = {
		{ " the ", 5, EN }, { " and ", 5, EN }, { " of ", 4, EN },
		{ " to ", 4, EN }, { " is ", 4, EN },
		{ " der ", 5, DE }, { " die ", 5, DE }, { " und ", 5, DE },
		{ " das ", 5, DE }, { " den ", 5, DE }, { " ist ", 5, DE },
		{ " mit ", 5, DE }, { " nicht ", 7, DE },
		{ " le ", 4, ROM }, { " la ", 4, ROM }, { " et ", 4, ROM },
		{ " el ", 4, ROM }, { " los ", 5, ROM }, { " de ", 4, ROM },
		{ " il ", 4, ROM }, { " het ", 5, ROM }, { " en ", 4, ROM },
		{ " que ", 5, ROM }, { " des ", 5, ROM }
	};
	/* the words whose second byte is c, a bit for each (made on the first call) */
	static uint32_t by2[256];
	static int indexed;
	size_t lim = n < 16384 ? n : 16384, k, i, end[NELEM(fw)] = { 0 };
	int c[3] = { 0, 0, 0 };
	const char *q;

	_Static_assert(NELEM(fw) <= 32, "a bit for each word");
	if (!indexed) {
		for (k = 0; k < NELEM(fw); k++)
			by2[(unsigned char)fw[k].w[1]] |= 1u << k;
		indexed = 1;
	}

	/*
	 * One pass from space to space.  Each word counts where it does not
	 * overlap its own last match (as repeated memmem() calls would count
	 * it) and lies wholly in the first lim bytes.
	 */
	for (i = 0; i + 1 < lim && (q = memchr(p + i, ' ', lim - 1 - i)) != NULL; i++) {
		uint32_t m;

		i = (size_t)(q - p);
		for (m = by2[(unsigned char)p[i + 1]]; m != 0; m &= m - 1) {
			k = (size_t)__builtin_ctz(m);
			if (i >= end[k] && fw[k].len <= lim - i &&
			    memcmp(p + i, fw[k].w, fw[k].len) == 0) {
				c[fw[k].lang]++;
				end[k] = i + fw[k].len;
			}
		}
	}
	if (c[EN] > 2 * (c[DE] + c[ROM]) && c[EN] >= 5)
		return "en";
	if (c[DE] >= 5 && c[DE] > 2 * (c[EN] + c[ROM]))
		return "de";
	return NULL;
}

/* ------------------------------------------------------------ bylines */

/* Words that introduce a byline, lowercase, with the space after them. */
static const char *const by_markers[] = {
	"by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "przez ",
	"written by ", "posted by ", "gepostet von ", "ein artikel von ",
	"ein beitrag von ", "text von ", "geschrieben von ", "verfasst von ",
	"publié par ", "écrit par ", "escrito por ", "publicado por ",
	"scritto da ", "a cura di ", "autor: ", "autorin: ", "author: ",
	"autore: ", "auteur: ", "auteur : ", "text: ", "texto: ", "written by: ",
	"von: ", "by: ", "reporter: ", "interview: ", "autor ", "author ",
	"redakteur: ", "redakteurin: ", "verfasser: ", "autor/in: ",
	"post author by ", "post author ", "posted by: ", "author by ",
	"redaktion: ", "kolumnist: ", "kolumnistin: ", "kolumnist*in: ",
	"autor*in: ", "autor:in: ", "columnist: ", "story by ", "words by ",
	"texte : ", "texte: ", "por: ", "door: ", "autorka: ", "tekst: ",
	"eingestellt von ", "erstellt von ", "profilbild von ", "profilbild ",
	"avatar von ", "avatar ", "bild des benutzers ",
	/* the kind of piece, then its writer: "Ein Interview von X", "Analysis by X" */
	"ein interview von ", "ein kommentar von ", "ein gastbeitrag von ",
	"ein gastkommentar von ", "ein bericht von ", "ein essay von ",
	"ein text von ", "eine kolumne von ", "eine analyse von ",
	"eine reportage von ", "eine rezension von ", "eine glosse von ",
	"kommentar von ", "gastbeitrag von ", "analyse von ", "reportage von ",
	"analysis by ", "commentary by ", "opinion by ", "interview by ",
	"column by ", "essay by ", "review by ", "reporting by ", "report by ",
	"an interview by ", "an essay by ", "an article by ", "a column by ",
	"a commentary by ", "un article de ", "une chronique de ",
	"un reportage de ", "une analyse de ", "propos recueillis par ",
	"un artículo de ", "una columna de ", "un articolo di ",
	"\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91\xEF\xBC\x9A",	/* 责任编辑： */
	"\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A",	/* 作者： */
	"\xE8\xAE\xB0\xE8\x80\x85\xEF\xBC\x9A",	/* 记者： */
	"\xE6\x96\x87\xEF\xBC\x9A",	/* 文： */
	/* in scripts whose case sc_ascii_ieq() does not fold: as written */
	"Автор: ", "автор: ",	/* ru, uk, bg: Автор: */
	"Текст: ", "текст: ",	/* Текст: */
	"بقلم: ", "بقلم ",	/* ar: بقلم ("by the pen of") */
	"كتب: ", "كتبت: ",	/* ar: كتب: كتبت: */
	"लेखक: ", "लेखिका: ",	/* hi: लेखक: लेखिका: */
	"লেখক: ", "লেখক ",	/* bn: লেখক */
	"yazar: ", "rédigé par ", "rédigée par ",
	/* more languages' labels: pl, cs, sk, hr/sr/bs, fi, hu, da/no, sv, id/ms */
	"napisał ", "napisała ", "napisał: ", "napisała: ",
	"napsal ", "napsala ", "napísal ", "napísala ", "piše: ", "piše ",
	"kirjoittaja: ", "teksti: ", "szerző: ", "Írta: ", "írta: ",
	"forfatter: ", "skrevet af ", "skrevet av ", "författare: ",
	"skriven av ", "penulis: ", "oleh: ",
};

/* Words that end a name inside a byline: dates, times, roles follow them. */
static const char *const name_stops[] = {
	"on", "am", "um", "le", "el", "il", "at", "in", "for", "für", "aus",
	"from", "published", "updated", "veröffentlicht", "aktualisiert",
	"erstellt", "geändert", "publié", "mis", "publicado", "actualizado",
	"pubblicato", "last", "posted", "share", "teilen", "follow", "folgen",
	"uhr", "min", "minutes", "minuten", "lesezeit", "comments", "stand",
	"kommentare", "kommentar", "comment", "commentaires", "email", "e-mail",
	"twitter", "facebook", "mehr", "more", "view", "alle", "all", "about",
	"über", "photo", "foto", "fotos", "bild", "bilder", "quelle", "source",
	"ist", "is", "was", "war", "hat", "has", "sagt", "says", "schreibt",
	"writes", "und", "and", "et", "y", "e", "en", "og", "och", "i", "&",
	"with", "mit", "im", "gespräch", "the", "der", "die", "das", "a", "an",
	"ein", "eine", "des", "dem", "den", "zu", "vom", "zum",
	"by", "von", "par", "por", "door", "di", "av", "af", "przez", "posted",
	"written", "autor", "author", "text", "interview",
	"kategorien", "kategorie", "category", "categories", "tags", "tag",
	"schreibe", "hinterlasse", "leave", "sagt", "said", "says",
	"created", "edited", "modified",
};

/* Joiners between several authors. */
static const char *const name_joins[] = {
	"and", "und", "et", "y", "e", "en", "og", "och", "i", "&", "a",
};

/* Lowercase parts of names: "Jose de la Cruz", "Ludwig van Beethoven". */
static const char *const name_particles[] = {
	"de", "la", "le", "van", "von", "der", "den", "da", "di", "del", "du",
	"dos", "das", "do", "ter", "ten", "zu", "bin", "ibn", "al", "el",
	"af", "vom", "zur", "della", "degli", "st.", "v.",
};

/*
 * Words that show an organisation, a desk or a service instead of a
 * person: a byline made of them gives no author (users prefer none to a
 * wrong one).
 */
static const char *const org_words[] = {
	"redaktion", "redaction", "rédaction", "redacción", "redazione",
	"redactie", "editorial", "editors", "editor", "staff", "team", "desk",
	"news", "nachrichten", "online", "agency", "agentur", "press", "presse",
	"media", "medien", "verlag", "group", "gruppe", "service", "services",
	"dpa", "afp", "reuters", "ap", "apa", "sda", "kna", "epd", "efe", "ansa",
	"associated", "newsroom", "admin", "administrator", "webmaster",
	"gmbh", "inc", "ltd", "llc", "ag", "e.v.", "ev", "verein", "club",
	"magazin", "magazine", "zeitung", "times", "post", "daily", "blog",
	"foundation", "stiftung", "institut", "institute", "university",
	"universität", "ministry", "ministerium", "polizei", "police",
	"sprache", "deutsche", "deutschland",
};

/*
 * Words of widgets, ads and credits: no byline holds them, even after an
 * explicit marker ("By Facebook" is a share button).
 */
static const char *const junk_words[] = {
	"anzeige", "advertisement", "sponsored", "werbung", "partner",
	"symbolbild", "imago", "getty", "shutterstock", "istock", "dpa-bildfunk",
	"comments", "kommentare", "home", "startseite", "menu", "menü",
	"login", "anmelden", "suche", "search", "impressum", "datenschutz",
	"newsletter", "abonnieren", "subscribe", "share", "teilen",
	"facebook", "twitter", "instagram", "whatsapp", "linkedin", "youtube",
	"telegram", "pinterest", "xing", "rss", "print", "drucken", "artikel",
	"article", "beitrag", "posts", "reviews", "review", "uhr", "lesezeit",
	"profilbild", "avatar", "profile", "profil", "gravatar", "icon", "logo",
	"weihnachten", "shares", "tweet", "twittern", "pinnen",
};

/*
 * The lists above by a hash of their words (ASCII case folded), made on
 * the first look-up in each: word_in() runs for every token of a byline
 * and a list holds up to 150 words.  A list the table cannot take is
 * searched word by word.
 */
#define WH_LISTS 8
#define WH_SLOTS 512		/* a power of two, at least twice the longest list */
struct wordhash {
	const char *const *list;
	unsigned short len[WH_SLOTS / 2];
	short slot[WH_SLOTS];	/* index into the list + 1; 0: empty */
};

static inline uint32_t
fold_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ sc_ascii_lower((unsigned char)w[i])) * 16777619u;
	return h ^ h >> 15;
}

static const struct wordhash *
word_hash(const char *const *list, size_t nlist)
{
	static struct wordhash tabs[WH_LISTS];
	struct wordhash *t;
	size_t k, j;

	for (k = 0; k < WH_LISTS; k++) {
		t = &tabs[k];
		if (t->list == list)
			return t;
		if (t->list == NULL)
			break;
	}
	if (k == WH_LISTS || nlist > WH_SLOTS / 2)
		return NULL;
	for (k = 0; k < nlist; k++) {
		size_t l = strlen(list[k]);

		t->len[k] = (unsigned short)l;
		j = fold_hash(list[k], l) & (WH_SLOTS - 1);
		while (t->slot[j] != 0)
			j = (j + 1) & (WH_SLOTS - 1);
		t->slot[j] = (short)(k + 1);
	}
	t->list = list;
	return t;
}

static int
word_in(const char *w, size_t n, const char *const *list, size_t nlist)
{
	size_t k;
	const struct wordhash *t;
	unsigned char c0;

	if (n == 0) {
		for (k = 0; k < nlist; k++)
			if (list[k][0] == '\0')
				return 1;
		return 0;
	}
	if ((t = word_hash(list, nlist)) != NULL) {
		size_t j = fold_hash(w, n) & (WH_SLOTS - 1);

		for (; t->slot[j] != 0; j = (j + 1) & (WH_SLOTS - 1)) {
			k = (size_t)t->slot[j] - 1;
			if (t->len[k] == n && sc_ascii_ieq(list[k], w, n))
				return 1;
		}
		return 0;
	}
	/* the first byte rules out most words without a call */
	c0 = (unsigned char)w[0];
	if (c0 >= 'A' && c0 <= 'Z')
		c0 |= 0x20;
	for (k = 0; k < nlist; k++) {
		unsigned char d = (unsigned char)list[k][0];

		if (d >= 'A' && d <= 'Z')
			d |= 0x20;
		if (d == c0 && strlen(list[k]) == n && sc_ascii_ieq(list[k], w, n))
			return 1;
	}
	return 0;
}

/* Case-insensitive compare that also folds non-ASCII letters (for "Über"). */
static int
word_in_folded(const char *w, size_t n, const char *const *list, size_t nlist)
{
	/*
	 * The word last folded, and its folded form (over: too long): the
	 * callers look one word up in two or three lists in a row.
	 */
	static char raw[32], buf[64];
	static size_t rawn = SIZE_MAX, o;
	static int over;
	size_t i = 0, l;

	if (n >= sizeof buf / 2)
		return 0;
	if (n == rawn && memcmp(w, raw, n) == 0)
		return !over && word_in(buf, o, list, nlist);
	memcpy(raw, w, n);
	rawn = n;
	o = 0;
	over = 0;
	while (i < n) {
		unsigned char c = (unsigned char)w[i];
		uint32_t cp;

		/* A bad byte comes back as U+FFFD, three bytes for one: such a
		 * word is in no list, and must not run past buf. */
		if (o + 4 > sizeof buf) {
			over = 1;
			return 0;
		}
		if (c < 0x80) {
			buf[o++] = (char)sc_ascii_lower(c);
			i++;
			continue;
		}
		cp = lower_of(cp_at(w, n, i, &l));
		o += sc_utf8_encode(cp, buf + o);
		i += l;
	}
	return word_in(buf, o, list, nlist);
}


struct names {
	struct sc_buf authors;	/* "A; B" */
	int count;
	size_t end;		/* where the last name ended in the text */
};

/* A token of a name: letters, with inner '.', '-', '\'' (initials "H.", "O'Neil"). */
static size_t
name_token(const char *p, size_t e, size_t i, int *upper, int *letters, int *digits)
{
	size_t j = i, l;
	int first = 1;

	*upper = 0;
	*letters = 0;
	*digits = 0;
	while (j < e) {
		uint32_t cp = cp_at(p, e, j, &l);

		if (is_letter(cp)) {
			if (first)
				*upper = is_upper(cp);
			(*letters)++;
		} else if (cp >= '0' && cp <= '9') {
			/* "Kugler19.10.2019": a date glued to the name ends it */
			if (first)
				(*digits)++;
			break;
		} else if (!(cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019 ||
		    (cp == '/' && !first)) || first)
			break;
		first = 0;
		j += l;
	}
	return j - i;
}

/*
 * Whether the particle that ends at i is inside a name: more particles
 * and then a capitalised word follow ("de la Cruz"), not a date or the
 * end ("Par Matthieu Hy le 07 Mai").
 */
static int
particle_ok(const char *p, size_t i, size_t e)
{
	int up, let, dig, hops;

	for (hops = 0; hops < 3; hops++) {
		size_t tl;

		if (!(i + 1 < e && p[i] == ' '))
			return 0;
		i++;
		tl = name_token(p, e, i, &up, &let, &dig);
		if (tl == 0 || dig)
			return 0;
		if (up)
			return 1;
		if (!word_in(p + i, tl, name_particles, NELEM(name_particles)))
			return 0;
		i += tl;
	}
	return 0;
}

/*
 * "der" inside a name comes after "von" or "van" ("Ursula von der
 * Leyen", "Rafael van der Vaart"); after any other word it is the
 * article of a phrase: "Bürgermeister der Stadt", "Leiter der Abteilung".
 * p[i..i+tl) is the particle, ns where the name started.
 */
static int
article_particle(const char *p, size_t ns, size_t i, size_t tl)
{
	size_t b;

	if (!(tl == 3 && sc_ascii_ieq(p + i, "der", 3)))
		return 0;
	if (i < ns + 4 || p[i - 1] != ' ')
		return 1;
	b = i - 4;
	return !((b == ns || p[b - 1] == ' ') &&
	    (sc_ascii_ieq(p + b, "von", 3) || sc_ascii_ieq(p + b, "van", 3)));
}

/*
 * "HoeltmannFollow", "OstermannPublished": a widget word glued to a name
 * by the dump.  Returns the length of the name part.
 */
static size_t
unglue(const char *p, size_t i, size_t tl)
{
	size_t k;

	for (k = i + 2; k < i + tl; k++)
		if (p[k] >= 'A' && p[k] <= 'Z' && p[k - 1] >= 'a' && p[k - 1] <= 'z' &&
		    (word_in_folded(p + k, i + tl - k, name_stops, NELEM(name_stops)) ||
		    word_in_folded(p + k, i + tl - k, org_words, NELEM(org_words)) ||
		    word_in_folded(p + k, i + tl - k, junk_words, NELEM(junk_words))))
			return k - i;
	return tl;
}

/*
 * "Peter Maahn/SP-X", "Anna Berg/dpa": an agency or a desk glued to the
 * last word of a name with a slash.  Returns the length of the word
 * without it, or 0 when p[i..i+tl) has no such tail.  The tail is an
 * agency's word or an abbreviation in capitals; "Müller/Schmidt" (two
 * names) is left alone.
 */
static size_t
agency_after(const char *p, size_t i, size_t tl)
{
	const char *sl = memchr(p + i, '/', tl);
	size_t a, k, up = 0, low = 0;

	if (sl == NULL || (size_t)(sl - p) == i)
		return 0;
	a = (size_t)(sl - p) + 1;
	if (a >= i + tl)
		return 0;
	for (k = a; k < i + tl; k++) {
		if (p[k] >= 'A' && p[k] <= 'Z')
			up++;
		else if (p[k] >= 'a' && p[k] <= 'z')
			low++;
		else if (p[k] != '-' && p[k] != '.')
			return 0;
	}
	if ((low == 0 && up >= 2) ||
	    word_in_folded(p + a, i + tl - a, org_words, NELEM(org_words)))
		return a - 1 - i;
	return 0;
}

/*
 * A user name after an explicit marker ("Autor: c1ph4", "Von: det/dpa",
 * "by ThE_PaiN"): ASCII letters with digits, '_' or '/' in it, which the
 * name reader would cut.  Returns its length, or 0.
 */
static size_t
handle_len(const char *p, size_t i, size_t e)
{
	size_t j = i;
	int letters = 0, marks = 0;

	while (j < e) {
		unsigned char c = (unsigned char)p[j];

		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			letters++;
		else if ((c >= '0' && c <= '9') || c == '_' || c == '/')
			marks++;
		else if (c != '.' && c != '-')
			break;
		j++;
	}
	while (j > i && (p[j - 1] == '.' || p[j - 1] == '-' || p[j - 1] == '/'))
		j--;
	if (j < e && !(p[j] == ' ' || p[j] == '|' || p[j] == ',' || p[j] == '('))
		return 0;
	if (letters < 2 || marks == 0 || j - i < 3 || j - i > 30 ||
	    !((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z'))
		return 0;
	return j - i;
}

/* p[a..b) joins two names: ", ", " und ", " and ", " & ", ", and ". */
static int
own_join(const char *p, size_t a, size_t b)
{
	size_t i = a, l;
	int words = 0;

	while (i < b) {
		if (p[i] == ' ' || p[i] == ',' || p[i] == '&') {
			i++;
			continue;
		}
		for (l = 0; i + l < b && p[i + l] != ' '; l++)
			;
		if (!word_in(p + i, l, name_joins, NELEM(name_joins)) || ++words > 1)
			return 0;
		i += l;
	}
	return b > a;
}

/*
 * Read person names from p[s..e): "Jose de la Cruz", "Benjamin Fischer
 * und Marcus Theurer", "A, B and C".  Stops at the first thing that is no
 * name (a date, a separator, a stop word).  strong: the marker before it
 * was explicit ("By", "Posted by"), so a single word or a lowercase
 * handle counts ("gizzmo").  Returns the number of names added.
 */
static int
read_names(const char *p, size_t s, size_t e, int strong, struct names *out)
{
	size_t i = s, prev_ne = s;
	int added = 0, prev_lower = 0;

	for (;;) {
		size_t ns, ne = 0, l;
		int toks = 0, caps = 0, lowers = 0, bad = 0, initials = 0, org = 0, last = 0;

		while (i < e && (p[i] == ' ' || p[i] == '\t'))
			i++;
		ns = i;
		if (strong && added == 0 && (l = handle_len(p, i, e)) != 0) {
			sc_buf_add(&out->authors, p + i, l);
			out->count++;
			out->end = i + l;
			return 1;
		}
		while (i < e) {
			int up, let, dig;
			size_t tl = name_token(p, e, i, &up, &let, &dig);

			if (tl == 0)
				break;
			/*
			 * Hebrew, Arabic and the Indic scripts have no case:
			 * after an explicit marker ("بقلم:", "লেখক:") their
			 * words stand for capitalised ones.  Without one no
			 * word list tells their names from their headings.
			 */
			if (!up && strong && let > 0 && (unsigned char)p[i] >= 0xD6 &&
			    (unsigned char)p[i] <= 0xE0) {
				uint32_t c0 = cp_at(p, e, i, &l);

				up = c0 >= 0x0590 && c0 <= 0x0DFF;
			}
			tl = unglue(p, i, tl);
			/*
			 * An acronym opening the next "name" after a name in
			 * mixed case ("Jill Disis, CNN Business", "Chris
			 * Cillizza, CNN Editor-at-large"): the writer's outlet
			 * or title, no second writer.
			 */
			if (added > 0 && toks == 0 && prev_lower && tl >= 2 && tl <= 5 &&
			    (i + tl == e || p[i + tl] == ' ')) {
				size_t q = i;

				while (q < i + tl && p[q] >= 'A' && p[q] <= 'Z')
					q++;
				if (q == i + tl) {
					bad = 1;
					break;
				}
			}
			if (toks > 0 && (l = agency_after(p, i, tl)) != 0) {
				tl = l;
				last = 1;
			}
			/* one letter without a period is no part of a name ("c1ph4") */
			if (tl == 1 && !(i + 1 < e && p[i + 1] == '.'))
				break;
			if (dig) {
				bad = 1;
				break;
			}
			/*
			 * "von Alexander Karper Barisic: Foto: © GEPA": a word
			 * before a colon opens a caption or a label the dump
			 * glued to the byline; two words stay a name.
			 */
			if (toks >= 2 && i + tl < e && p[i + tl] == ':')
				break;
			if (toks > 0 && word_in(p + i, tl, name_particles, NELEM(name_particles)) &&
			    particle_ok(p, i + tl, e) && !article_particle(p, ns, i, tl)) {
				/* a particle inside a name: "de la Cruz", "Le Clerc" */
			} else if (word_in_folded(p + i, tl, name_stops, NELEM(name_stops)))
				break;
			else if (!up && toks > 0 && caps > 0)
				break;	/* "Mariano Martín mmartin@...": the name ended */
			else if (up)
				caps++;
			else
				lowers++;
			if (let <= 2 && tl <= 3 && p[i + tl - 1] == '.')
				initials++;
			{
				size_t a = i, b;

				for (b = i; b <= i + tl; b++)
					if (b == i + tl || p[b] == '-' || p[b] == '/') {
						/*
						 * After an explicit marker a desk or an agency
						 * is what the page names as the author
						 * ("Von Redaktion", "By Staff Writer").
						 */
						if (b > a && word_in_folded(p + a, b - a,
						    org_words, NELEM(org_words)))
							org = org ? org : toks > 0 ? 2 : 1;
						if (b > a && ((org && !strong) ||
						    word_in_folded(p + a, b - a, junk_words,
						    NELEM(junk_words))))
							bad = 1;
						a = b + 1;
					}
			}
			toks++;
			i += tl;
			ne = i;
			if (last)
				break;
			/* one space between the words of a name */
			if (i < e && p[i] == ' ' && i + 1 < e && p[i + 1] != ' ')
				i++;
			else
				break;
			if (toks > 5)
				break;
		}
		if (toks == 0 || toks > 5 || bad)
			break;
		/*
		 * A desk's name must be all of the byline: "By Staff and news
		 * service reports" is not "Staff".
		 */
		if (org) {
			size_t q = ne, r, t;
			int low;

			while (q < e && p[q] == ' ')
				q++;
			/*
			 * Unless the desk's word is a surname after a given
			 * name in mixed case and a word that ends a name
			 * follows ("Von J\xC3\xB6rg Staff am 16.11.2022"): a
			 * writer.
			 */
			for (r = q; r < e && is_letter((unsigned char)p[r]); r++)
				;
			for (t = ns, low = 0; t < ne && p[t] != ' '; t++)
				low |= p[t] >= 'a' && p[t] <= 'z';
			if (q < e && (is_lower(cp_at(p, e, q, &l)) || p[q] == '&') &&
			    !(org == 2 && strong && low && caps == toks && r > q &&
			    word_in_folded(p + q, r - q, name_stops, NELEM(name_stops)) &&
			    !word_in(p + q, r - q, name_joins, NELEM(name_joins))))
				break;
		}
		if (lowers > 0 && !(strong && toks == 1))
			break;
		if (toks == 1 && (!strong || added > 0))
			break;
		if (toks == 1 && lowers == 1 && p[ne - 1] == '.')
			break;
		if (initials == toks)
			break;
		if (ne - ns > 60)
			break;
		/*
		 * Names one byline joins in its own words keep them ("Lars
		 * Fischer und Alina Schadwinkel", "Jane Doe, John Roe"), as
		 * the HTML path keeps a byline element's words; names read
		 * apart are joined with "; ".
		 */
		if (added > 0 && own_join(p, prev_ne, ns)) {
			size_t a = prev_ne;

			/* "Jane Doe , John Roe": no space before the comma */
			while (a < ns && p[a] == ' ')
				a++;
			if (a == ns || p[a] != ',')
				a = prev_ne;
			sc_buf_add(&out->authors, p + a, ns - a);
		}
		else if (out->authors.len)
			sc_buf_adds(&out->authors, "; ");
		prev_ne = ne;
		/*
		 * "Ophélie OstermannOphélie Ostermann", "Olivier Minot Olivier
		 * Minot": a name rendered twice (a link's text and its title)
		 */
		if ((ne - ns) % 2 == 0 && memcmp(p + ns, p + ns + (ne - ns) / 2, (ne - ns) / 2) == 0)
			sc_buf_add(&out->authors, p + ns, (ne - ns) / 2);
		else if ((ne - ns) % 2 == 1 && p[ns + (ne - ns) / 2] == ' ' &&
		    memcmp(p + ns, p + ns + (ne - ns) / 2 + 1, (ne - ns) / 2) == 0)
			sc_buf_add(&out->authors, p + ns, (ne - ns) / 2);
		else
			sc_buf_add(&out->authors, p + ns, ne - ns);
		out->count++;
		out->end = ne;
		added++;
		for (l = ns, prev_lower = 0; l < ne && !prev_lower; l++)
			prev_lower = p[l] >= 'a' && p[l] <= 'z';
		/* another name after a joiner: ", " "und" "and" "&" */
		i = ne;
		while (i < e && p[i] == ' ')
			i++;
		if (i < e && p[i] == ',') {
			i++;
			continue;
		}
		{
			int up, let, dig;
			size_t tl = name_token(p, e, i, &up, &let, &dig);

			if (tl == 0 && i < e && p[i] == '&')
				tl = 1;
			if (tl > 0 && (word_in(p + i, tl, name_joins, NELEM(name_joins)))) {
				i += tl;
				continue;
			}
		}
		(void)l;
		break;
	}
	return added;
}

/* Skip spaces and separators ("-", "–", "|", ":", ",") from i. */
static size_t
skip_seps(const char *p, size_t e, size_t i)
{
	while (i < e) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '|' || p[i] == ':' ||
		    p[i] == ',' || p[i] == '-' || p[i] == '/' || p[i] == '@' || p[i] == '~')
			i++;
		else if (i + 3 <= e && (memcmp(p + i, "\xE2\x80\x93", 3) == 0 ||
		    memcmp(p + i, "\xE2\x80\x94", 3) == 0 ||
		    memcmp(p + i, "\xE2\x80\xA2", 3) == 0))
			i += 3;
		else if (i + 2 <= e && memcmp(p + i, "\xC2\xB7", 2) == 0)
			i += 2;
		else
			break;
	}
	return i;
}

/* The role after a name: "– Iraqi Affairs Expert"; stores a copy in *role. */
static void
read_role(const char *p, size_t i, size_t e, char **role)
{
	size_t j = i, rs, re;
	int words = 0;

	while (j < e && p[j] == ' ')
		j++;
	if (!(j + 3 <= e && (memcmp(p + j, "\xE2\x80\x93", 3) == 0 ||
	    memcmp(p + j, "\xE2\x80\x94", 3) == 0)) && !(j < e && p[j] == '-'))
		return;
	j += p[j] == '-' ? 1 : 3;
	while (j < e && p[j] == ' ')
		j++;
	rs = j;
	re = e;
	while (re > rs && (p[re - 1] == ' ' || p[re - 1] == '.'))
		re--;
	for (j = rs; j < re; j++) {
		if (p[j] == ' ')
			words++;
		if ((p[j] >= '0' && p[j] <= '9') || p[j] == '|' || p[j] == '@')
			return;
	}
	if (re > rs && words < 8 && re - rs < 80)
		*role = clean_copy(p, rs, re);
}

/*
 * Try to read a byline from p[s..e).  Returns 1 with names in *out when
 * the text starts with a byline marker followed by names.
 */
/*
 * The markers by their first two bytes (chains for a hash of them,
 * MK_PAIR), in table order, with their lengths: a line is compared only
 * with the markers that start like it.
 */
#define MK_PAIR(a, b) (((unsigned)(a) * 31u + (unsigned)(b)) & 255u)
static short mk_first2[256], mk_next2[NELEM(by_markers)];
static unsigned char mk_len[NELEM(by_markers)];
/* Which first two bytes (lowercase) start a marker, a bit for each pair. */
static uint64_t mk_pairs[65536 / 64];

static void
index_markers(void)
{
	short *tail2[256];
	size_t k;

	for (k = 0; k < 256; k++) {
		mk_first2[k] = -1;
		tail2[k] = &mk_first2[k];
	}
	for (k = 0; k < NELEM(by_markers); k++) {
		unsigned char c = (unsigned char)by_markers[k][0];

		unsigned pair = c << 8 | (unsigned char)by_markers[k][1];

		mk_len[k] = (unsigned char)strlen(by_markers[k]);
		mk_pairs[pair / 64] |= 1ull << (pair % 64);
		mk_next2[k] = -1;
		*tail2[MK_PAIR(c, pair & 0xFF)] = (short)k;
		tail2[MK_PAIR(c, pair & 0xFF)] = &mk_next2[k];
	}
}

/* byline_marker() for a line whose first two bytes (lowercase) are those of a marker */
static int
byline_marker_at(const char *p, size_t s, size_t e, unsigned pair, size_t *after)
{
	int k;
	unsigned char c0 = (unsigned char)(pair >> 8);

	/*
	 * Every comparison below covers the first two bytes, so only the
	 * markers that start with the line's two are compared, in table order.
	 */
	for (k = mk_first2[MK_PAIR(c0, pair & 0xFF)]; k >= 0; k = mk_next2[k]) {
		size_t l = mk_len[k];

		if ((unsigned char)by_markers[k][0] != c0 ||
		    (unsigned char)by_markers[k][1] != (pair & 0xFF))
			continue;

		if (e - s >= l && sc_ascii_ieq(p + s, by_markers[k], l)) {
			*after = s + l;
			return 1;
		}
		/* the marker alone on its line ("Von", "By", "Author") */
		if (e - s == l - 1 && sc_ascii_ieq(p + s, by_markers[k], l - 1)) {
			*after = e;
			return 2;
		}
	}
	/*
	 * The marker glued to the name by the dump: "Geschrieben vonElisa",
	 * "AutorAndreas".  The marker must end in a lowercase letter and the
	 * name start with a capital; two-letter markers are too common inside
	 * words ("DiCaprio") to count.
	 */
	for (k = mk_first2[MK_PAIR(c0, pair & 0xFF)]; k >= 0; k = mk_next2[k]) {
		size_t l = mk_len[k], len;
		unsigned char c;

		if ((unsigned char)by_markers[k][0] != c0 ||
		    (unsigned char)by_markers[k][1] != (pair & 0xFF))
			continue;

		if (l < 4 || by_markers[k][l - 1] != ' ' ||
		    e - s <= l || !sc_ascii_ieq(p + s, by_markers[k], l - 1))
			continue;
		c = (unsigned char)p[s + l - 2];
		if (!(c >= 'a' && c <= 'z') || !is_upper(cp_at(p, e, s + l - 1, &len)))
			continue;
		*after = s + l - 1;
		return 1;
	}
	return 0;
}

/*
 * Whether p[s..e) starts with a byline marker: 1 with *after past it, 2
 * when the line is the marker alone.  Inline up to the test of the first
 * two bytes, which most lines fail: the call cost more than the answer.
 */
static inline int
byline_marker(const char *p, size_t s, size_t e, size_t *after)
{
	unsigned pair;

	/* every marker has two bytes before the space that may end it */
	if (s >= e || e - s < 2)
		return 0;
	pair = (unsigned)sc_ascii_lower((unsigned char)p[s]) << 8 |
	    sc_ascii_lower((unsigned char)p[s + 1]);
	if (!(mk_pairs[pair / 64] & 1ull << (pair % 64)))
		return 0;
	return byline_marker_at(p, s, e, pair, after);
}

/*
 * Share buttons, which news sites put right under or over the headline
 * (and seldom by a teaser): the line is short and its first word names
 * one (share_button()).
 */
static const char *const share_words[] = { "share", "tweet", "teilen", "facebook",
	"twitter", "whatsapp", "email", "e-mail", "mail", "partager",
	"compartir", "condividi", "partilhar", "delen", "pinterest",
	"linkedin", "xing", "reddit", "flipboard", "telegram", "messenger",
	"drucken", "print", "imprimir", "stampa", "imprimer" };
/* which first two bytes (lowercase) start a word, a bit for each pair */
static uint64_t share_pairs[65536 / 64];

static void
index_share(void)
{
	size_t k, j;

	for (k = 0; k < NELEM(share_words); k++) {
		unsigned pair = (unsigned char)share_words[k][0] << 8 |
		    (unsigned char)share_words[k][1];

		share_pairs[pair / 64] |= 1ull << (pair % 64);
		/* share_word() takes the first word that starts a line */
		for (j = 0; j < NELEM(share_words); j++)
			if (j != k && strncmp(share_words[j], share_words[k],
			    strlen(share_words[k])) == 0)
				sc_die(SC_ERR, "internal error: a share word starts another");
	}
}

/*
 * share_button() for a line of 40 bytes at most that starts like a word:
 * no word of the list starts another, so the one that starts the line, if
 * any, must end its first word.
 */
static int
share_word(const char *p, size_t s, size_t e)
{
	struct word_index tmp;
	size_t l = word_at(word_index(share_words, NELEM(share_words), &tmp), p, s, e);

	return l != 0 && (s + l == e || !is_letter((unsigned char)p[s + l]));
}

/*
 * Inline up to the test of the first two bytes, before the line's length:
 * most lines fail it, and the length test was mispredicted.
 */
/* Whether p[s..e) opens with the first two bytes of a share word. */
static inline int
share_pair(const char *p, size_t s, size_t e)
{
	unsigned pair;

	if (s >= e || e - s < 2)
		return 0;
	pair = (unsigned)((unsigned char)p[s] | 0x20) << 8 | sc_ascii_lower((unsigned char)p[s + 1]);
	return (share_pairs[pair / 64] >> (pair % 64) & 1) != 0;
}

static inline int
share_button(const char *p, size_t s, size_t e)
{
	/* every word has four bytes: a line must start with the first two of one */
	if (!share_pair(p, s, e) || e - s > 40)
		return 0;
	return share_word(p, s, e);
}

/*
 * A row of share buttons written out: two words or more, each of them a
 * share word ("Facebook Twitter Email LinkedIn Reddit Pinterest"), longer
 * than share_button() looks at.
 */
static int
share_row(const char *p, size_t s, size_t e)
{
	int n = 0;

	/* the first two bytes of a share word start the line (share_button()) */
	if (!share_pair(p, s, e))
		return 0;
	while (s < e) {
		size_t w = s;

		while (w < e && p[w] != ' ')
			w++;
		if (!share_word(p, s, w))
			return 0;
		n++;
		for (s = w; s < e && p[s] == ' '; s++)
			;
	}
	return n >= 2;
}

/* Shaped like a heading: short, no date, not part of the prose. */
static int
heading_shape(const struct page *pg, const struct line *M)
{
	/*
	 * The tests all at once ('&', not '&&'): each of them decided for
	 * some lines, and whichever did was mispredicted.  Asked only of
	 * the non-blank lines (mark_bylines()), which all have a paragraph.
	 */
	return !M->blank & !M->bullet & (M->nhits == 0) & (M->nchars - 6 < 150 - 6) &
	    (M->words >= 2) & !M->cont & (M->term != 1) & !pg->pa[M->para].prose;
}

static void
mark_bylines(struct page *pg)
{
	int k;
	size_t after;

	/* blank lines keep the zeros split_lines() gave them */
	for (k = 0; k < pg->nnb; k++) {
		struct line *L = &pg->ln[pg->nbline[k]];

		if (L->nchars < 200) {
			L->bymark = byline_marker(pg->p, L->s, L->e, &after);
			L->share = share_button(pg->p, L->s, L->e);
		}
		L->hshape = heading_shape(pg, L);
	}
}

/* ------------------------------------------------------------ main text */

/*
 * The main text is the run of lines with the most prose in it: prose
 * lines count their length, other lines count against it (the maximum
 * subarray, as in body-text extraction; RESEARCH.md section 1).  The
 * headline stands just before or at its start.
 */
static void
find_main_text(struct page *pg)
{
	long best = 0, cur = 0;
	int i, k, start = 0;

	pg->rs = pg->re = -1;
	for (k = 0; k < pg->nnb; k++) {
		const struct line *L = &pg->ln[i = pg->nbline[k]];
		long v;

		if (pg->pa[L->para].prose)
			v = (long)L->nchars;
		else
			v = -(long)(L->nchars < 20 ? 20 : L->nchars > 80 ? 80 : L->nchars);
		if (cur <= 0) {
			cur = 0;
			start = i;
		}
		cur += v;
		if (cur > best) {
			best = cur;
			pg->rs = start;
			pg->re = i;
		}
	}
	/* the run starts at its first prose line */
	while (pg->rs >= 0 && pg->rs < pg->re && !pg->pa[pg->ln[pg->rs].para].prose)
		pg->rs++;
	if (pg->debug)
		fprintf(stderr, "main text: lines %d..%d\n", pg->rs, pg->re);
}


/* ------------------------------------------------------------ word sets */

/*
 * Calls fn for each word of p[s..e) of at least 4 letters, lowercased,
 * as a 32-bit hash.  Short words are mostly function words: they say
 * nothing about whether a headline and a text are about the same thing.
 */
static inline void
each_word(const char *p, size_t s, size_t e, void (*fn)(uint32_t, void *), void *arg)
{
	size_t i = s, l;
	uint32_t h = 2166136261u;
	int n = 0;

	while (i < e) {
		uint32_t cp;
		unsigned char c = (unsigned char)p[i];

		if (c < 0x80) {
			cp = c | 0x20;
			l = 1;
			if (cp - 'a' >= 26)
				goto boundary;
			/* the ASCII letters that follow in a loop of their own */
			l = i;
			do {
				h = (h ^ cp) * 16777619u;
				if (++i == e)
					break;
				cp = (unsigned char)p[i] | 0x20u;
			} while (cp - 'a' < 26);
			n += (int)(i - l);
			continue;
		} else if (c >= 0xC2 && c <= 0xDF && i + 1 < e &&
		    ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
			/* two bytes (Cyrillic, Greek, accented Latin): by the tables */
			int cat;

			cp = (c & 0x1Fu) << 6 | ((unsigned char)p[i + 1] & 0x3Fu);
			l = 2;
			cat = sc_ucd_category(cp);
			if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO)
				goto boundary;
			cp = sc_ucd_lower(cp);
		} else {
			cp = cp_at(p, e, i, &l);
			if (!is_letter(cp))
				goto boundary;
			cp = lower_of(cp);
		}
		h = (h ^ cp) * 16777619u;
		n++;
		i += l;
		continue;
boundary:
		if (n >= 4)
			fn(h | 1, arg);
		h = 2166136261u;
		n = 0;
		i += l;
	}
	if (n >= 4)
		fn(h | 1, arg);
}

/*
 * The overlap of a headline with the main text asks, for each word of a
 * few candidate lines, whether the main text has it.  Rather than hash
 * every word of the main text, the candidates' words go into a small set
 * first, with a signature of each (length, first and last letter); the
 * main text's words are then only delimited, and hashed when their
 * signature is one of a candidate's.  A word equal to a candidate's has
 * its signature, so the answers are those of hashing every word.
 */
static inline uint32_t
word_sig(size_t n, uint32_t first, uint32_t last)
{
	return ((uint32_t)(n > 31 ? 31 : n) * 0x9E37u ^ first * 0x2F1u ^ last * 0x61u) &
	    (WSIG_BITS - 1);
}

#ifdef SC_X86_AVX2
/* scan_words()'s masks of 32 bytes: bytes >= 0x80, ASCII letters (main_text_words_fast() only). */
static inline __attribute__((target("avx2"))) void
words_masks32(const char *p, unsigned *hm, unsigned *lm)
{
	sc_u8x32 v;

	memcpy(&v, p, 32);
	*hm = (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)v);
	*lm = (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)((sc_s8x32)((v | 0x20) +
	    (uint8_t)(0x80 - 'a')) < (int8_t)(26 - 128)));
}
#endif

/*
 * Calls fn with the bounds and signature of each word of p[s..e) that
 * each_word() hashes (4 letters or more), read the way each_word() reads
 * them.  Sixteen bytes that are all ASCII are read at once, from the mask
 * of their letters: a run of set bits is (a piece of) a word.
 */
static inline __attribute__((always_inline)) void
scan_words(const char *p, size_t s, size_t e,
    void (*fn)(const char *, size_t, size_t, uint32_t, void *), void *arg, const int wide)
{
	size_t i = s, ws = s, n = 0, l, upto = s;
	uint32_t first = 0, last = 0, cp;

	while (i < e) {
		unsigned char c;

		if (i >= upto && i + 16 <= e) {
			unsigned hm, lm, ends, nb = 16, full = 0xFFFFu;

#ifdef SC_X86_AVX2
			if (wide && i + 32 <= e) {
				words_masks32(p + i, &hm, &lm);
				nb = 32;
				full = 0xFFFFFFFFu;
			} else
#endif
			{
				sc_u8x16 v = sc_load16(p + i);

				hm = sc_mask16(sc_high16(v));
				lm = sc_mask16(lanes_in(v | 0x20, 'a', 26));
			}

			if (hm != 0) {
				/*
				 * The ASCII bytes before the first byte >= 0x80 by
				 * the mask, that character alone (an umlaut, an
				 * accent in Latin text); or, when fewer than four
				 * come first (Cyrillic, Greek, CJK), one character
				 * at a time past the last byte >= 0x80.
				 */
				nb = (unsigned)__builtin_ctz(hm);
				if (nb < 4) {
					upto = i + 32 - (size_t)__builtin_clz(hm);
					goto one;
				}
				upto = i + nb + 1;
			}
			lm &= full >> ((full == 0xFFFFu ? 16 : 32) - nb);
			/* the word read so far ends before the block */
			if (n > 0 && !(lm & 1)) {
				if (n >= 4)
					fn(p, ws, i, word_sig(n, first, last), arg);
				n = 0;
			}
			/*
			 * The words that end inside the block (a letter before a
			 * byte that is none), looked at only when they end in
			 * four letters or began before it: shorter ones never
			 * reach fn.
			 */
			for (ends = lm & ~(lm >> 1) & (full >> ((full == 0xFFFFu ? 17 : 33) - nb)) &
			    ((lm & lm << 1 & lm << 2 & lm << 3) | (n > 0 ? 7u : 0u));
			    ends != 0; ends &= ends - 1) {
				unsigned j = (unsigned)__builtin_ctz(ends), z = ~lm & ((1u << j) - 1);
				size_t a = z ? (size_t)(32 - __builtin_clz(z)) : 0, len = j + 1 - a;

				if (z == 0 && n > 0) {	/* the word read so far */
					if (n + len >= 4)
						fn(p, ws, i + j + 1, word_sig(n + len, first,
						    (unsigned char)p[i + j] | 0x20u), arg);
				} else if (len >= 4)
					fn(p, i + a, i + j + 1, word_sig(len,
					    (unsigned char)p[i + a] | 0x20u,
					    (unsigned char)p[i + j] | 0x20u), arg);
			}
			/* a word that goes on past the block */
			if (lm >> (nb - 1) & 1) {
				unsigned z = ~lm & ((1u << (nb - 1)) - 1);

				if (z != 0) {
					ws = i + (size_t)(32 - __builtin_clz(z));
					first = (unsigned char)p[ws] | 0x20u;
					n = i + nb - ws;
				} else if (n > 0)
					n += nb;
				else {
					ws = i;
					first = (unsigned char)p[ws] | 0x20u;
					n = nb;
				}
				last = (unsigned char)p[i + nb - 1] | 0x20u;
			} else
				n = 0;
			i += nb;
			continue;
		}
one:
		c = (unsigned char)p[i];
		if (c < 0x80) {
			l = 1;
			if ((unsigned)((c | 0x20) - 'a') >= 26)
				goto boundary;
			cp = c | 0x20;
		} else if (c >= 0xC2 && c <= 0xDF && i + 1 < e &&
		    ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
			const struct sc_ucd2 *u = sc_ucd_two(c, (unsigned char)p[i + 1]);

			l = 2;
			if (u->cat < UTF8PROC_CATEGORY_LU || u->cat > UTF8PROC_CATEGORY_LO)
				goto boundary;
			cp = u->lower;
			if (n == 0) {
				ws = i;
				first = cp;
			}
			n++;
			i += 2;
			/*
			 * Cyrillic letters (D0 and D1 and a continuation byte,
			 * all letters: fill_tables()) sixteen bytes at a time:
			 * the pairs from the first byte on, the last one's
			 * lower case read.
			 */
			while (cyr_pairs && i + 16 <= e) {
				sc_u8x16 v = sc_load16(p + i);
				unsigned pm = sc_mask16((sc_i8x16)((v & 0xFE) == 0xD0)) &
				    sc_mask16((sc_i8x16)((v & 0xC0) == 0x80)) >> 1 & 0x5555u;
				unsigned run = (unsigned)__builtin_ctz(~pm & 0x15555u) / 2;

				if (run == 0)
					break;
				n += run;
				i += 2 * (size_t)run;
				cp = sc_ucd_two((unsigned char)p[i - 2], (unsigned char)p[i - 1])->lower;
				if (run < 8)
					break;
			}
			/* the two-byte letters right after it (Cyrillic, Greek words) in a loop of their own */
			for (; i + 1 < e && (c = (unsigned char)p[i]) >= 0xC2 && c <= 0xDF &&
			    ((unsigned char)p[i + 1] & 0xC0) == 0x80; n++, i += 2) {
				u = sc_ucd_two(c, (unsigned char)p[i + 1]);
				if (u->cat < UTF8PROC_CATEGORY_LU || u->cat > UTF8PROC_CATEGORY_LO)
					break;
				cp = u->lower;
			}
			last = cp;
			continue;
		} else {
			cp = cp_at(p, e, i, &l);
			if (!is_letter(cp))
				goto boundary;
			cp = lower_of(cp);
		}
		if (n == 0) {
			ws = i;
			first = cp;
		}
		last = cp;
		n++;
		i += l;
		continue;
boundary:
		if (n >= 4)
			fn(p, ws, i, word_sig(n, first, last), arg);
		n = 0;
		i += l;
	}
	if (n >= 4)
		fn(p, ws, e, word_sig(n, first, last), arg);
}

static void
wset_add(uint32_t h, void *arg)
{
	struct page *pg = arg;
	size_t k = h & (pg->wcap - 1);

	while (pg->words[k] != 0 && pg->words[k] != h)
		k = (k + 1) & (pg->wcap - 1);
	pg->words[k] = h;
}

/* Index of h in the set, or -1. */
static long
wset_find(const struct page *pg, uint32_t h)
{
	size_t k;

	if (pg->wcap == 0)
		return -1;
	k = h & (pg->wcap - 1);
	while (pg->words[k] != 0) {
		if (pg->words[k] == h)
			return (long)k;
		k = (k + 1) & (pg->wcap - 1);
	}
	return -1;
}

static void
want_word(const char *p, size_t ws, size_t we, uint32_t sig, void *arg)
{
	struct page *pg = arg;

	pg->wsig[sig / 64] |= 1ull << (sig % 64);
	each_word(p, ws, we, wset_add, pg);
}

static void
mark_found(uint32_t h, void *arg)
{
	struct page *pg = arg;
	long k = wset_find(pg, h);

	if (k >= 0)
		pg->wfound[k] = 1;
}

static void
main_word(const char *p, size_t ws, size_t we, uint32_t sig, void *arg)
{
	struct page *pg = arg;

	if (pg->wsig[sig / 64] & 1ull << (sig % 64))
		each_word(p, ws, we, mark_found, pg);
}

struct overlap {
	const struct page *pg;
	int n, hit;
};

static void
overlap_count(uint32_t h, void *arg)
{
	struct overlap *o = arg;
	long k = wset_find(o->pg, h);

	o->n++;
	o->hit += k >= 0 && o->pg->wfound[k];
}

/*
 * Which words of lines[0..n) the main text (its first MAIN_WORDS_BYTES)
 * has, for overlap_count() to read.
 */
static inline __attribute__((always_inline)) void
main_text_words_for(struct page *pg, const int *lines, size_t n, const int wide)
{
	size_t s, e, k, len = 0;

	pg->words_made = 1;
	for (k = 0; k < n; k++)
		len += pg->ln[lines[k]].e - pg->ln[lines[k]].s;
	pg->wcap = 16;
	while (pg->wcap < len / 2 + 16)
		pg->wcap <<= 1;
	pg->words = scratch(K_WORDS, pg->wcap, sizeof *pg->words, 0);
	pg->wfound = scratch(K_WFOUND, pg->wcap, 1, 0);
	memset(pg->words, 0, pg->wcap * sizeof *pg->words);
	memset(pg->wfound, 0, pg->wcap);
	for (k = 0; k < n; k++)
		scan_words(pg->p, pg->ln[lines[k]].s, pg->ln[lines[k]].e, want_word, pg, wide);
	if (pg->rs < 0)
		return;
	s = pg->ln[pg->rs].s;
	e = pg->ln[pg->re].e;
	if (e - s > MAIN_WORDS_BYTES)
		e = s + MAIN_WORDS_BYTES;
	scan_words(pg->p, s, e, main_word, pg, wide);
}

/*
 * main_text_words_for() twice, as measure_masks() is made: 32 bytes a
 * block of ASCII where the processor has AVX2, the main text's words
 * being mostly ASCII.
 */
static __attribute__((noinline)) void
main_text_words_plain(struct page *pg, const int *lines, size_t n)
{
	main_text_words_for(pg, lines, n, 0);
}

#ifdef SC_X86_AVX2
static __attribute__((noinline, target("avx2,popcnt,bmi"), flatten)) void
main_text_words_fast(struct page *pg, const int *lines, size_t n)
{
	main_text_words_for(pg, lines, n, 1);
}
#endif

static void
main_text_words(struct page *pg, const int *lines, size_t n)
{
#ifdef SC_X86_AVX2
	if (masks_fast) {
		main_text_words_fast(pg, lines, n);
		return;
	}
#endif
	main_text_words_plain(pg, lines, n);
}

/* ------------------------------------------------------------ title */

/*
 * Headline features.  Each is a number about line i and its neighbours;
 * the score is their weighted sum.  The weights were fitted (a softmax
 * ranking over each page's lines) on half of a development set of 330
 * real pages in many languages and checked on the other half.
 */
enum {
	TF_BIAS, TF_BULLET, TF_HASDATE, TF_BYLINE, TF_ENDDOT, TF_ENDELLIPSIS,
	TF_ENDCOLON, TF_LOWER, TF_WORDS_3_20, TF_LOGLEN, TF_INDENT, TF_PREVBLANK,
	TF_NEXTBLANK, TF_MULTILINE, TF_DATE_NEAR, TF_DATE_FAR, TF_BYLINE_AFTER,
	TF_PROSE_1_3, TF_PROSE_4_6, TF_PROSE_7_12, TF_BULLET_AFTER, TF_DATE_BEFORE,
	TF_MAIN_0_3, TF_MAIN_4_6, TF_MAIN_7_12, TF_MAIN_13_25, TF_MAIN_FAR,
	TF_IN_MAIN_NEAR, TF_IN_MAIN_FAR, TF_AFTER_MAIN, TF_PROSE_BEFORE,
	TF_DUPS, TF_ALLCAPS, TF_POSITION, TF_TITLECASE, TF_PIPE, TF_DIGITS,
	TF_PROSE_MASS, TF_QUESTION, TF_NEXT_HEADING, TF_NAVWORD, TF_SHORT,
	TF_FIRST_HEADING, TF_INPROSE, TF_CAPTION, TF_OVERLAP, TF_OVERLAP_NEAR,
	TF_PREV_HEADING, TF_NEXT_LONGER, TF_QUOTE_START, TF_CODE, TF_DATEFRAC,
	TF_TOP, TF_PREV_TITLEISH, TF_QUOTED_ELSEWHERE, TF_SHARE_AFTER,
	TF_DUP_NEAR,
	TF_N
};

static const char *const tf_names[TF_N] = {
	"bias", "bullet", "hasdate", "byline", "enddot", "endellipsis",
	"endcolon", "lower", "words_3_20", "loglen", "indent", "prevblank",
	"nextblank", "multiline", "date_near", "date_far", "byline_after",
	"prose_1_3", "prose_4_6", "prose_7_12", "bullet_after", "date_before",
	"main_0_3", "main_4_6", "main_7_12", "main_13_25", "main_far",
	"in_main_near", "in_main_far", "after_main", "prose_before",
	"dups", "allcaps", "position", "titlecase", "pipe", "digits",
	"prose_mass", "question", "next_heading", "navword", "short",
	"first_heading", "inprose", "caption", "overlap", "overlap_near",
	"prev_heading", "next_longer", "quote_start", "code", "datefrac",
	"top", "prev_titleish", "quoted_elsewhere", "share_after",
	"dup_near",
};

#include "pagemeta_weights.h"

/* Words of navigation, menus and widgets: such a line is no headline. */
static const char *const nav_words[] = {
	"skip to", "menu", "menü", "navigation", "login", "log in", "sign in",
	"anmelden", "newsletter", "cookie", "suche", "search", "home",
	"startseite", "subscribe", "abonn", "datenschutz", "privacy",
	"impressum", "kontakt", "contact", "toggle", "captures", "share",
	"teilen", "warenkorb", "cart", "inicio", "accueil", "connexion",
	"registr", "kommentar", "comment", "leave a reply", "related",
	"weitere", "more ", "mehr ", "read more", "weiterlesen",
	" \xC2\xBB ", " > ",	/* breadcrumbs: "Start » Film » Geschichte" */
};

/*
 * Whether the line (lowered in pg->low) contains any of the words.  One
 * pass over the line instead of a memmem() per word: the words are
 * indexed by their first two bytes (every word has two), built on the
 * first call for each list.  A list longer than the index holds is
 * searched word by word.
 */
#define WS_MAX 64
struct wordset {
	const char *const *w;
	size_t nw;
	unsigned char len[WS_MAX];
	uint64_t by2[1024];	/* words starting with a byte pair, by a hash of it */
	uint64_t pairs[65536 / 64];	/* the byte pairs words start with, a bit each */
};

static inline unsigned
ws_pair(const unsigned char *q)
{
	return ((unsigned)q[0] * 33u + q[1]) & 1023;
}

static int
low_has_any(const struct page *pg, const char *const *w, size_t nw)
{
	static struct wordset sets[4];
	struct wordset *ws = NULL;
	const unsigned char *t = (const unsigned char *)pg->low.p;
	size_t n = pg->low.len, i, k;
	unsigned pr;

	for (k = 0; k < NELEM(sets); k++)
		if (sets[k].w == w || sets[k].w == NULL) {
			ws = &sets[k];
			break;
		}
	if (ws != NULL && ws->w == NULL && nw <= WS_MAX) {
		for (k = 0; k < nw; k++) {
			size_t l = strlen(w[k]);

			if (l < 2 || l > 255)
				break;
			ws->len[k] = (unsigned char)l;
			ws->by2[ws_pair((const unsigned char *)w[k])] |= 1ull << k;
			pr = (unsigned)(unsigned char)w[k][0] << 8 | (unsigned char)w[k][1];
			ws->pairs[pr / 64] |= 1ull << (pr % 64);
		}
		if (k == nw) {
			ws->w = w;
			ws->nw = nw;
		} else
			memset(ws, 0, sizeof *ws);
	}
	if (ws == NULL || ws->w != w) {
		for (k = 0; k < nw; k++)
			if (memmem(pg->low.p, pg->low.len, w[k], strlen(w[k])) != NULL)
				return 1;
		return 0;
	}
	for (i = 0; i + 1 < n; i++) {
		uint64_t m;

		/* most positions start no word's pair: one bit says so */
		pr = (unsigned)t[i] << 8 | t[i + 1];
		if (!(ws->pairs[pr / 64] & 1ull << (pr % 64)))
			continue;
		m = ws->by2[ws_pair(t + i)];
		while (m != 0) {
			k = (size_t)__builtin_ctzll(m);
			m &= m - 1;
			if (ws->len[k] <= n - i && memcmp(t + i, w[k], ws->len[k]) == 0)
				return 1;
		}
	}
	return 0;
}

static void
lower_line(struct page *pg, const struct line *L)
{
	size_t i;

	sc_buf_reset(&pg->low);
	sc_buf_add(&pg->low, pg->p + L->s, L->e - L->s);
	/* sixteen bytes at a time: 0x20 added to the lanes A-Z */
	for (i = 0; i + 16 <= pg->low.len; i += 16) {
		sc_u8x16 v = sc_load16(pg->low.p + i);

		v += (sc_u8x16)lanes_in(v, 'A', 26) & 0x20;
		memcpy(pg->low.p + i, &v, sizeof v);
	}
	for (; i < pg->low.len; i++)
		if (pg->low.p[i] >= 'A' && pg->low.p[i] <= 'Z')
			pg->low.p[i] += 'a' - 'A';
}

/* Signs of an image caption or credit. */
static const char *const caption_words[] = {
	"\xC2\xA9", "foto", "photo", "bild:", "bild ", "image", "picture",
	"getty", "imago", "/ afp", "/ ap", "/ dpa", "(dpa", "keystone",
	"reuters", "symbolbild", "credit", "quelle:", "source:", "imagen",
	"shutterstock", "istock", "adobestock", "unsplash", "courtesy",
	"bildquelle", "picture alliance", "fotograf",
};

/* Known once the dates are found: mark_bylines() keeps it in the line. */
static int
heading_shaped(const struct page *pg, const struct line *M)
{
	(void)pg;
	return M->hshape;
}

static double
dot_weights(const double *f)
{
	double sc = 0;
	int k;

	for (k = 0; k < TF_N; k++)
		sc += title_weights[k] * f[k];
	return sc;
}

/*
 * The features that cost most (navword, caption, overlap, overlap_near,
 * quoted_elsewhere): looked at only for lines that could still win.
 */
#define TF_NCOSTLY 5

/* Scores are sums of a few dozen terms of size 10 at most: bounds are
 * compared with this much slack, so rounding never prunes a line that
 * could win. */
#define SCORE_EPS 1e-9

static double
wpos(int k)
{
	return title_weights[k] > 0 ? title_weights[k] : 0;
}

/* The weighted sum of the features in list (set so far: the rest are 0). */
static inline double
dot_list(const double *f, const int *list, size_t n)
{
	double sc = 0;
	size_t k;

#pragma GCC unroll 40
	for (k = 0; k < n; k++)
		sc += title_weights[list[k]] * f[list[k]];
	return sc;
}

static double
wneg(int k)
{
	return title_weights[k] < 0 ? title_weights[k] : 0;
}

/*
 * The costly features are read in three steps: the search of the page
 * for the line quoted elsewhere (the feature with the largest weight),
 * the navigation and caption words (the line lowered), and the overlap
 * with the main text's words (made on the first call: a page whose
 * headline is clear before never needs them).
 */
enum { CS_WORDS = 1, CS_QUOTED = 2, CS_OVERLAP = 4, CS_ALL = 7 };

/*
 * What the costly steps not done yet (all but done) can add to line i's
 * score at most (hi) and at least (lo); f holds its other features.
 * overlap_near is the overlap near the main text, and a line shorter
 * than 12 bytes is never looked for elsewhere.
 */
static inline void
costly_range(const struct page *pg, int i, const double *f, int done, double *lo, double *hi)
{
	const struct line *L = &pg->ln[i];
	double near = f[TF_MAIN_0_3] + f[TF_MAIN_4_6] + f[TF_MAIN_7_12] + f[TF_IN_MAIN_NEAR];

	*lo = *hi = 0;
	if (!(done & CS_WORDS)) {
		*lo += wneg(TF_NAVWORD) + wneg(TF_CAPTION);
		*hi += wpos(TF_NAVWORD) + wpos(TF_CAPTION);
	}
	if (!(done & CS_QUOTED) && L->e - L->s >= 12) {
		*lo += wneg(TF_QUOTED_ELSEWHERE);
		*hi += wpos(TF_QUOTED_ELSEWHERE);
	}
	if (!(done & CS_OVERLAP)) {
		*lo += wneg(TF_OVERLAP) + wneg(TF_OVERLAP_NEAR) * near;
		*hi += wpos(TF_OVERLAP) + wpos(TF_OVERLAP_NEAR) * near;
	}
}

/* One costly step for line i; returns what its features add to the score. */
static double
title_features_costly(struct page *pg, int i, double *f, int step)
{
	const struct line *L = &pg->ln[i];

	if (step == CS_WORDS) {
		lower_line(pg, L);
		f[TF_NAVWORD] = low_has_any(pg, nav_words, NELEM(nav_words));
		f[TF_CAPTION] = low_has_any(pg, caption_words, NELEM(caption_words));
		return title_weights[TF_NAVWORD] * f[TF_NAVWORD] +
		    title_weights[TF_CAPTION] * f[TF_CAPTION];
	}
	if (step == CS_OVERLAP) {
		struct overlap o = { pg, 0, 0 };

		each_word(pg->p, L->s, L->e, overlap_count, &o);
		f[TF_OVERLAP] = o.n ? (double)o.hit / o.n : 0;
		f[TF_OVERLAP_NEAR] = f[TF_OVERLAP] * (f[TF_MAIN_0_3] + f[TF_MAIN_4_6] +
		    f[TF_MAIN_7_12] + f[TF_IN_MAIN_NEAR]);
		return title_weights[TF_OVERLAP] * f[TF_OVERLAP] +
		    title_weights[TF_OVERLAP_NEAR] * f[TF_OVERLAP_NEAR];
	}
	/* quoted elsewhere: find_quoted() has read it for all the lines at once */
	return title_weights[TF_QUOTED_ELSEWHERE] * f[TF_QUOTED_ELSEWHERE];
}

/*
 * The headline quoted inside a longer line: a breadcrumb ("Home » News »
 * Headline"), a share text, a "You are reading: Headline".  The line L
 * (12 bytes or more) is looked for from the page's start, each search
 * after the end of the copy found before; a copy counts unless it is the
 * line itself or an exact copy on a line of its own (after a newline,
 * before one or the end).
 */
static int
quoted_walk(const struct page *pg, const struct line *L)
{
	const char *q = pg->p, *end = pg->p + pg->n;
	int c = 0;

	while (c == 0 && (q = memmem(q, (size_t)(end - q), pg->p + L->s,
	    L->e - L->s)) != NULL) {
		size_t at = (size_t)(q - pg->p);

		/* not the line itself nor an exact copy of it */
		if (!((at > 0 && pg->p[at - 1] == '\n') || at == L->s) ||
		    (at + (L->e - L->s) < pg->n && pg->p[at + (L->e - L->s)] != '\n'))
			if (at != L->s)
				c++;
		q += L->e - L->s;
	}
	return c > 0;
}

/*
 * quoted_walk() for each of lines[0..n) (into quoted[]), the page read
 * once for all of them rather than once each.  Every copy of a line of
 * 12 bytes or more starts 0 to 7 bytes before a multiple of 8, where it
 * holds the line's four bytes at that offset: those pieces of each line
 * go into a filter and a table, and the page is read at every eighth
 * byte (every sixteenth, with sixteen pieces a line, when the lines are
 * 19 bytes or longer).  A copy that counts ends the walk unless the walk skips it, and
 * the walk skips only copies that overlap one it stepped over: the line
 * itself (an exact copy on a line of its own overlaps none, as the text
 * holds no newline).  So a line with a counting copy that does not
 * overlap the line itself is quoted, one with none is not, and the few
 * others are walked.
 */
struct quote_piece {
	uint32_t key;	/* four bytes of the line */
	int line, next;	/* index into lines[], next piece in the bucket */
	unsigned off;	/* where the four bytes are in the line */
};

static void
find_quoted(const struct page *pg, const int *lines, size_t n, unsigned char *quoted)
{
	const char *p = pg->p;
	struct quote_piece *qp = scratch(K_QP, n * 16 + 1, sizeof *qp, 0);
	/* by the top 12 bits of the pieces' hash; cleared piece by piece after */
	static unsigned char filter[4096];
	int head[256], np = 0, a;
	size_t k, x, last = pg->n >= 4 ? pg->n - 4 : 0, step = 16;

	/* every eighth byte, or every sixteenth when each line has 19 bytes or more */
	for (k = 0; k < n; k++)
		if (pg->ln[lines[k]].e - pg->ln[lines[k]].s >= 12 &&
		    pg->ln[lines[k]].e - pg->ln[lines[k]].s < 19)
			step = 8;
	memset(head, -1, sizeof head);
	for (k = 0; k < n; k++) {
		const struct line *L = &pg->ln[lines[k]];
		unsigned o;

		quoted[k] = 0;
		if (L->e - L->s < 12)
			continue;
		for (o = 0; o < step; o++) {
			uint32_t key, h;

			memcpy(&key, p + L->s + o, 4);
			h = key * 2654435761u;
			filter[h >> 20] = 1;
			qp[np].key = key;
			qp[np].line = (int)k;
			qp[np].off = o;
			qp[np].next = head[h >> 24];
			head[h >> 24] = np++;
		}
	}
	if (np == 0 || pg->n < 4)
		last = 0, x = 8;	/* nothing to look for, or no room */
	else
		x = 0;
	for (; x <= last; x += step) {
		uint32_t key, h;

		memcpy(&key, p + x, 4);
		h = key * 2654435761u;
		if (!filter[h >> 20])
			continue;
		for (a = head[h >> 24]; a >= 0; a = qp[a].next) {
			const struct line *L = &pg->ln[lines[qp[a].line]];
			size_t len = L->e - L->s, at = x - qp[a].off;

			if (qp[a].key != key || x < qp[a].off || quoted[qp[a].line] == 2 ||
			    at == L->s || at + len > pg->n || memcmp(p + at, p + L->s, len) != 0)
				continue;
			/* an exact copy on a line of its own */
			if (at > 0 && p[at - 1] == '\n' && (at + len == pg->n || p[at + len] == '\n'))
				continue;
			quoted[qp[a].line] = at > L->s && at < L->s + len ? 1 : 2;
		}
	}
	for (a = 0; a < np; a++)
		filter[qp[a].key * 2654435761u >> 20] = 0;
	for (k = 0; k < n; k++)
		quoted[k] = quoted[k] == 2 ||
		    (quoted[k] == 1 && quoted_walk(pg, &pg->ln[lines[k]]));
}

/*
 * A headline's features come in two parts.  title_features_line() reads
 * the line's own counts and numbers kept for the page (its paragraph,
 * the main text, the prose after it): a few steps a line.
 * title_features_around() reads the lines around it and
 * title_features_chars() its characters.  Between them, find_title()
 * drops the lines whose parts so far score too low for the rest to save
 * them.  Each returns 0
 * when the line can be no headline at all.
 */
/* The labels of a post's links to its neighbours, lowercase. */
static const char *const post_nav[] = { "next", "previous", "prev", "next post",
	"previous post", "older post", "newer post", "next article", "previous article",
	"next story", "previous story", "n\xC3\xA4" "chster beitrag", "vorheriger beitrag",
	"n\xC3\xA4" "chster artikel", "vorheriger artikel", "article suivant",
	"article pr\xC3\xA9" "c\xC3\xA9" "dent", "art\xC3\xAD" "culo siguiente",
	"art\xC3\xAD" "culo anterior", "articolo successivo", "articolo precedente" };

/*
 * The line is a label of the post navigation ("Previous", "Next", "Older
 * post", "Nächster Beitrag") alone, arrows aside: blog themes put such a
 * label over the title of the neighbouring post.
 */
static int
post_nav_label(const struct page *pg, const struct line *L)
{
	const char *p = pg->p;
	size_t s = L->s, e = L->e, k;

	if (L->nchars > 30)
		return 0;
	/* "« Previous", "Next »", "← Older post", "Next Post >" */
	for (;;) {
		if (s < e && (p[s] == '<' || p[s] == ' '))
			s++;
		else if (e - s >= 2 && memcmp(p + s, "\xC2\xAB", 2) == 0)	/* « */
			s += 2;
		else if (e - s >= 3 && memcmp(p + s, "\xE2\x86\x90", 3) == 0)	/* ← */
			s += 3;
		else if (e > s && (p[e - 1] == '>' || p[e - 1] == ' '))
			e--;
		else if (e - s >= 2 && memcmp(p + e - 2, "\xC2\xBB", 2) == 0)	/* » */
			e -= 2;
		else if (e - s >= 3 && memcmp(p + e - 3, "\xE2\x86\x92", 3) == 0)	/* → */
			e -= 3;
		else
			break;
	}
	if (e - s < 4 || e - s > 19)	/* the labels are 4 ("prev") to 19 bytes long */
		return 0;
	for (k = 0; k < NELEM(post_nav); k++)
		if (((unsigned char)p[s] | 0x20) == (unsigned char)post_nav[k][0] &&
		    strlen(post_nav[k]) == e - s && sc_ascii_ieq(p + s, post_nav[k], e - s))
			return 1;
	return 0;
}

/*
 * Line i is the title of the post before or after this one, under its
 * label, or the date under such a title: either way the neighbour's
 * date, not this page's (a headline misread as the neighbour's title
 * would give it).
 */
static int
under_post_nav(const struct page *pg, int i)
{
	int k, titles = 0;

	for (k = i - 1; k >= 0 && k >= i - 4; k--) {
		const struct line *M = &pg->ln[k];

		if (M->blank)
			continue;
		if (post_nav_label(pg, M))
			return 1;
		/* a date line under the neighbour's title: one title line */
		if (pg->ln[i].nhits == 0 || pg->ln[i].nchars > 40 || ++titles > 1)
			return 0;
	}
	return 0;
}

/* Labels a picture's credit opens with, lowercase. */
static const char *const credit_labels[] = { "courtesy of ", "photo: ", "photos: ",
	"photo by ", "photograph by ", "image: ", "image by ", "credit: ",
	"credits: ", "foto: ", "fotos: ", "bild: ", "bilder: ", "foto von ",
	"cr\xC3\xA9" "dit photo", "cr\xC3\xA9" "dits photo", "photo : ", "imagen: ",
	"foto de ", "fotograf\xC3\xAD" "a: ", "image caption", "media caption" };

/*
 * The line opens with a picture's credit ("Courtesy of Forests News",
 * "Photo: Jane Doe", "Foto: dpa"), as captions under a lead picture do
 * on news sites and blogs in every language: a short line under the
 * picture, shaped like a heading, and never the headline.
 */
static int
credit_opening(const char *p, size_t s, size_t e)
{
	struct word_index tmp;

	/* longer than the label: e - 1 is where it may end at the latest */
	return s < e && word_at(word_index(credit_labels, NELEM(credit_labels), &tmp), p, s, e - 1) != 0;
}

static int same_day(const struct sc_date *, const struct sc_date *);

/*
 * The line ends in a picture's credit after its sentence ("A ship leaves
 * the port, on Aug. 31, 2019. (AP)", "The mayor at the opening.Photo by
 * Jane Doe / Gazette"): a caption, never the headline.  The sentence ends
 * after a small letter, a digit or a closing bracket or quote (not "U.S."),
 * and what follows is short: a credit, an agency in capitals in brackets.
 */
/* A sentence ends after these: a small letter, a digit, ')', '"', a byte >= 0x80. */
static const unsigned char before_ender[256] = {
	['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['0'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[')'] = 1, ['"'] = 1,
	[0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static int
credit_after_sentence(const char *p, size_t s, size_t e)
{
	size_t j, jb, t, lo = s + 12, first = e;

	/*
	 * Only an ender whose next non-space byte is within the last 60 bytes
	 * counts: start at the last non-space byte at or before e - 61, as an
	 * ender before it has one such byte at or before it.
	 */
	if (e > lo + 61) {
		lo = e - 61;
		while (lo > s + 12 && p[lo] == ' ')
			lo--;
	}
	/*
	 * The enders sixteen bytes at a time, by their mask (the last block
	 * read as the sixteen bytes that end the line); a byte at a time only
	 * in a line shorter than that at the start of the text.
	 */
	for (jb = lo; jb + 2 < e; jb += 16) {
		size_t left = e - 2 - jb;
		unsigned m = 0;

		if (e >= 16) {	/* always, but at the very start of the text */
			size_t at = jb + 16 <= e ? jb : e - 16;
			sc_u8x16 v = sc_load16(p + at);

			m = sc_mask16((v == '.') | (v == '!') | (v == '?')) >> (jb - at);
		} else
			for (j = jb; j < e; j++)
				m |= (unsigned)(p[j] == '.' || p[j] == '!' || p[j] == '?') << (j - jb);
		m &= (unsigned)(1ull << (left < 16 ? left : 16)) - 1;
		for (; m != 0; m &= m - 1) {
			j = jb + (size_t)__builtin_ctz(m);
			if (!before_ender[(unsigned char)p[j - 1]])
				continue;
			t = j + 1;
			while (t < e && p[t] == ' ')
				t++;
			if (t >= e || e - t > 60)
				continue;
			if (p[t] == '(' && p[e - 1] == ')' && e - t >= 4 && e - t <= 8) {
				size_t k;

				for (k = t + 1; k < e - 1 && p[k] >= 'A' && p[k] <= 'Z'; k++)
					;
				if (k == e - 1)
					return 1;
			}
			if (first == e)
				first = t;
		}
	}
	/* a caption word after a later ender is also after the first one's */
	return first < e && contains_any_ci(p, first, e, caption_words, NELEM(caption_words));
}

/*
 * The line opens with a telephone number ("0800 - 50 40 602 Mo bis Fr ...",
 * "+49 221 / 50 80 00"): a hotline or a contact box, as sites across
 * Europe put beside their menus, never a headline.  A number starts with
 * "+" or "0" and has seven digits or more, in groups split by spaces,
 * dashes, slashes or brackets (not dots: "01.02.2020" is a date).
 */
static int
phone_opening(const char *p, size_t s, size_t e)
{
	size_t i = s;
	int digits = 0;

	if (i < e && p[i] == '+')
		i++;
	if (i >= e || (p[s] != '+' && p[i] != '0'))
		return 0;
	for (; i < e; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			digits++;
		else if (p[i] != ' ' && p[i] != '-' && p[i] != '/' && p[i] != '(' &&
		    p[i] != ')')
			break;
	}
	return digits >= 7;
}

/*
 * Line i says what the first entry of a list above it says: the list is
 * a menu, whose first entry links to the site's home ("  • The Riverside
 * Gazette", "  • Politics", "  • Sport", then "The Riverside Gazette"
 * over the page), and the line is the site's name under its
 * logo; or the list is a table of contents, and the line is the heading
 * of the first section.  The entry opens a list of two or more, at most
 * HOME_ENTRY_LINES filled lines above, that no heading calls a list of
 * posts ("Recent Posts" over the newest post, the page's own).
 */
#define HOME_ENTRY_LINES 30

static int teaser_heading(const struct page *, const struct line *);
static int list_heading(const struct page *, const struct line *);

static int
home_entry(const struct page *pg, int i)
{
	const struct line *L = &pg->ln[i];
	int q;

	for (q = L->nb - 1; q >= 0 && q >= L->nb - HOME_ENTRY_LINES; q--) {
		const struct line *M = &pg->ln[pg->nbline[q]], *A;

		if (!M->bullet || !span_eq(pg, M, L))
			continue;
		if (q + 1 >= L->nb || !pg->ln[pg->nbline[q + 1]].bullet)
			return 0;
		if (q == 0)
			return 1;
		A = &pg->ln[pg->nbline[q - 1]];
		return !(A->bullet && A->indent == M->indent) && !list_heading(pg, A) &&
		    !teaser_heading(pg, A);
	}
	return 0;
}

static int next_filled(const struct page *, int, int, int);

/*
 * The tests that make line i no headline and read more than a few bytes
 * of it (title_features_line() has the others): asked by find_title()
 * only of the lines whose score could still win, which are few.
 */
/*
 * A reading-time widget: "3 min read", "5-minute read", "Lesezeit: 3
 * Min.", "4 min de lecture", "Reading time: 6 minutes": p[s..e), at most
 * max bytes, with a number and one of these phrases (ASCII case aside).
 */
static int
reading_time_line(const char *p, size_t s, size_t e, size_t max)
{
	static const char *const w[] = {
		"min read", "mins read", "minute read", "minutes read", "min. read",
		"reading time", "read time", "lesezeit", "lesedauer", "temps de lecture",
		"min de lecture", "minutes de lecture", "tiempo de lectura",
		"min de lectura", "minutos de lectura", "tempo di lettura",
		"minuti di lettura", "min di lettura", "leestijd", "czas czytania",
		"tempo de leitura", "min de leitura", "l\xC3\xA4sezeit", "lukuaika", NULL
	};
	size_t i, k, l;
	int digit = 0;

	if (e <= s || e - s > max)
		return 0;
	for (i = s; i < e && !digit; i++)
		digit = p[i] >= '0' && p[i] <= '9';
	if (!digit)
		return 0;
	/* Every phrase holds one of these stems, all opening with 'c', 'l'
	 * or 'r': a line without one is passed over at a byte's look each. */
	for (i = s, k = 0; i + 4 <= e && !k; i++) {
		unsigned char c = (unsigned char)(p[i] | 0x20);

		if (c == 'r')
			k = starts_ci(p, i, e, "read");
		else if (c == 'l')
			k = starts_ci(p, i, e, "lect") || starts_ci(p, i, e, "lett") ||
			    starts_ci(p, i, e, "leit") || starts_ci(p, i, e, "lese") ||
			    starts_ci(p, i, e, "lees") || starts_ci(p, i, e, "luku") ||
			    starts_ci(p, i, e, "l\xC3\xA4se");
		else if (c == 'c')
			k = starts_ci(p, i, e, "czyt");
	}
	if (!k)
		return 0;
	for (k = 0; w[k] != NULL; k++)
		for (l = strlen(w[k]), i = s; i + l <= e; i++)
			if (starts_ci(p, i, e, w[k]))
				return 1;
	return 0;
}

/* A newsletter's or a feed's subscribe button, alone on its line. */
static int
signup_button(const char *p, size_t s, size_t e)
{
	static const char *const w[] = { "subscribe", "subscribe now",
	    "sign up", "sign me up", "sign up now", "abonnieren",
	    "jetzt abonnieren", "anmelden", "jetzt anmelden", "s'abonner",
	    "s\xE2\x80\x99" "abonner", "abonnez-vous", "je m'abonne",
	    "suscribirse", "suscr\xC3\xAD" "bete", "iscriviti", "inscreva-se",
	    "assine", "aanmelden", "abonneren", "inschrijven" };
	size_t k;
	unsigned char c;

	while (s < e && (p[s] == ' ' || p[s] == '[' || p[s] == '*'))
		s++;
	if (e - s < 6 || e - s > 24)
		return 0;
	/* every word starts with one of s, a, j, i */
	c = (unsigned char)p[s] | 0x20;
	if (c != 's' && c != 'a' && c != 'j' && c != 'i')
		return 0;
	while (e > s && (p[e - 1] == ' ' || p[e - 1] == ']'))
		e--;
	if (e - s < 6 || e - s > 20)
		return 0;
	for (k = 0; k < NELEM(w); k++)
		if (strlen(w[k]) == e - s && strncasecmp(p + s, w[k], e - s) == 0)
			return 1;
	return 0;
}

/*
 * Line L holds only pictures' or scripts' names in brackets ("[javascript]
 * [javascript]"), with a letter.
 */
static int
bracket_row(const struct page *pg, const struct line *L)
{
	size_t k;
	int depth = 0, letters = 0;

	if (L->blank || pg->p[L->s] != '[' || pg->p[L->e - 1] != ']')
		return 0;
	for (k = L->s; k < L->e; k++) {
		char c = pg->p[k];

		if (c == '[')
			depth++;
		else if (c == ']')
			depth--;
		else if (depth == 0 && c != ' ')
			return 0;
		else
			letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	}
	/* a form's empty field ("[          ]") is no picture */
	return depth == 0 && letters > 0;
}

/*
 * Line i is a gallery's caption: under a row of pictures' names in
 * brackets that the gallery repeats twice more within eight lines
 * ("Caption one",
 * "[javascript] [javascript]", "Caption two", "[javascript] [javascript]",
 * "Caption three").  The first caption, or the headline over the first
 * row, is not under such a row.
 */
static int
gallery_caption(const struct page *pg, int i)
{
	int r = next_filled(pg, i, -1, 2), k, n = 0;
	const struct line *R;

	if (r < 0 || !bracket_row(pg, R = &pg->ln[r]))
		return 0;
	for (k = r - 8 < 0 ? 0 : r - 8; k < pg->nl && k <= r + 8; k++)
		if (k != r && k != i && !pg->ln[k].blank && span_eq(pg, R, &pg->ln[k]))
			n++;
	return n >= 2;
}

static int
title_line_excluded(const struct page *pg, int i)
{
	const struct line *L = &pg->ln[i];
	const char *p = pg->p;

	/*
	 * A line that says the same thing twice ("Site Name Site Name") is
	 * an image's alt text before its caption or link text: a logo, a
	 * teaser picture, never the headline as written.  Each half has
	 * two words or more: "Bora Bora" is a name.
	 */
	{
		size_t l = L->e - L->s, h = l / 2;

		if (l >= 8 && memchr(p + L->s, ' ', h) != NULL && ((l % 2 == 0 && memcmp(p + L->s, p + L->s + h, h) == 0) ||
		    (l % 2 == 1 && p[L->s + h] == ' ' && memcmp(p + L->s, p + L->s + h + 1, h) == 0)))
			return 1;
	}
	if (credit_opening(p, L->s, L->e) || credit_after_sentence(p, L->s, L->e) ||
	    (L->words <= 6 && reading_time_line(p, L->s, L->e, 48)))
		return 1;
	/*
	 * The caption said twice, the second time with its credit: "The mayor
	 * at the opening." over "The mayor at the opening.Credit...Jane Doe"
	 * (a picture's alt text, then its caption).
	 */
	{
		int j = next_filled(pg, i, 1, 2);
		size_t l = L->e - L->s;

		if (j >= 0 && pg->ln[j].e - pg->ln[j].s > l &&
		    memcmp(p + pg->ln[j].s, p + L->s, l) == 0 &&
		    credit_after_sentence(p, pg->ln[j].s, pg->ln[j].e))
			return 1;
	}
	if (L->dups > 0 && !L->bullet && home_entry(pg, i))
		return 1;
	if (share_row(p, L->s, L->e))
		return 1;
	/*
	 * A newsletter's box: a heading with a subscribe button in the two
	 * lines under it ("Breaking News Emails", "Get breaking news alerts
	 * ...", "SUBSCRIBE").
	 */
	{
		int j = i, k;

		for (k = 0; k < 2 && (j = next_filled(pg, j, 1, 2)) >= 0; k++)
			if (signup_button(p, pg->ln[j].s, pg->ln[j].e))
				return 1;
	}
	/*
	 * A line with a character reference written out ("Facebook&#39;s")
	 * over the same line as it reads ("Facebook's"): an image's or a
	 * link's title, escaped twice, over its teaser's heading.
	 */
	{
		const char *a = memchr(p + L->s, '&', L->e - L->s), *sc;
		int j;

		if (a != NULL && (sc = memchr(a, ';', (size_t)(p + L->e - a))) != NULL &&
		    sc - a >= 3 && sc - a <= 7 && (j = next_filled(pg, i, 1, 2)) >= 0) {
			const struct line *M = &pg->ln[j];
			size_t pre = (size_t)(a - (p + L->s)), suf = (size_t)(p + L->e - sc - 1);

			if (M->e - M->s > pre + suf && M->e - M->s < pre + suf + 5 &&
			    memcmp(p + M->s, p + L->s, pre) == 0 &&
			    memcmp(p + M->e - suf, sc + 1, suf) == 0)
				return 1;
		}
	}
	/* a gallery's caption under a repeated row of pictures */
	if (gallery_caption(pg, i))
		return 1;
	/* under "Next" or "Previous": the neighbouring post's title */
	if (under_post_nav(pg, i))
		return 1;
	/* a web address: a source's credit or a link ("via example.org https://...") */
	return find_in(p + L->s, L->e - L->s, "://", 3) != NULL;
}

static int
title_features_line(struct page *pg, int i, int prose_before, double *f)
{
	const struct line *L = &pg->ln[i];
	const char *p = pg->p;
	int k;
	char last;

	if (L->blank || L->nchars < 4 || L->nchars >= WRAP_COLUMNS || L->words < 1 ||
	    L->cont || L->letters * 2 < (int)L->nchars)
		return 0;
	last = p[L->e - 1];
	/*
	 * Image placeholders ("[csm_2020-02-05_lie]") and asides are no
	 * headline; a tag in brackets before one is ("[Rezi] Love is War").
	 */
	if (p[L->s] == '<')
		return 0;
	if (p[L->s] == '[' || p[L->s] == '(') {
		size_t b = L->s + 1;

		while (b < L->e && b < L->s + 14 && ((p[b] | 0x20) >= 'a' && (p[b] | 0x20) <= 'z'))
			b++;
		if (!(b > L->s + 2 && b + 1 < L->e && p[b] == (p[L->s] == '[' ? ']' : ')') &&
		    p[b + 1] == ' ' && L->words >= 4))
			return 0;
	}
	/*
	 * An image's file name ("stammtisch-kassel.jpg") is a caption, as is
	 * a line with a picture credit ("Harbour at dusk \xC2\xA9 Jane Doe":
	 * the loop over the characters in title_features_chars()).
	 */
	if (L->e - L->s > 5 && (p[L->e - 4] == '.' || p[L->e - 5] == '.')) {
		static const char *const ext[] = { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg" };
		size_t x;

		for (x = 0; x < NELEM(ext); x++) {
			size_t l = strlen(ext[x]);

			if (L->e - L->s > l && strncasecmp(p + L->e - l, ext[x], l) == 0)
				return 0;
		}
	}
	/*
	 * The same day twice on a line ("Gazette 1. November 20231. November
	 * 2023 Riverside, Police"): a post's meta row, published and changed.
	 */
	if (L->nhits >= 2 && same_day(&pg->hits[L->hit0].d, &pg->hits[L->hit0 + 1].d))
		return 0;
	/*
	 * A line that opens with a separator ("| : Headline cut sho | Site",
	 * ": more") is what is left of a title bar or a menu row.
	 */
	if ((p[L->s] == '|' || p[L->s] == ':') && L->e - L->s > 1 && p[L->s + 1] == ' ')
		return 0;
	/*
	 * A sentence that ends with a colon once the text has begun ("I
	 * currently have this in my .shenv:") introduces what follows it, a
	 * list, a quotation or a block of code: it, and the line it
	 * introduces, are the text's, not its headline.  A kicker that ends
	 * with a colon over its headline has a few words only, and a byline
	 * or a date under it shows a headline ("Bridge closure: here is
	 * what we know so far:").
	 */
	if (prose_before > 0 && pg->rs >= 0 && i >= pg->rs) {
		int j = last == ':' ? i : L->nb > 0 ? pg->nbline[L->nb - 1] : -1;

		if (j >= pg->rs && j >= i - 2 && p[pg->ln[j].e - 1] == ':' &&
		    pg->ln[j].words >= LEADIN_WORDS) {
			const struct line *U = pg->ln[j].nb + 1 < pg->nnb ?
			    &pg->ln[pg->nbline[pg->ln[j].nb + 1]] : NULL;

			if (U == NULL || (U->bymark == 0 && U->nhits == 0))
				return 0;
		}
	}
	/* a slash date opening the line ("01/02/2023 ...") is no number */
	if (phone_opening(p, L->s, L->e) &&
	    (L->nhits == 0 || pg->hits[L->hit0].pos > L->s))
		return 0;
	/*
	 * f is read only when the line may be a headline.  The tests of two
	 * or more parts by '&' and '|', not by a branch each: each is as
	 * unpredictable as the lines.
	 */
	zero16(f, TF_N * sizeof *f);
	f[TF_BIAS] = 1;
	f[TF_BULLET] = L->bullet;
	f[TF_HASDATE] = L->nhits > 0;
	f[TF_BYLINE] = L->bymark != 0;
	f[TF_ENDDOT] = (L->term == 1) & (last == '.');
	f[TF_ENDELLIPSIS] = L->term == 2;
	f[TF_ENDCOLON] = (last == ':') | (last == ',') | (last == '|') | (last == ';');
	f[TF_LOWER] = L->lower;
	f[TF_WORDS_3_20] = (L->words >= 3) & (L->words <= 20);
	f[TF_LOGLEN] = loglen[L->nchars];
	f[TF_INDENT] = L->indent > 4;
	f[TF_PREVBLANK] = i == 0 || pg->ln[i - 1].blank;
	f[TF_NEXTBLANK] = i + 1 >= pg->nl || pg->ln[i + 1].blank;
	f[TF_MULTILINE] = pg->pa[L->para].last != pg->pa[L->para].first;
	f[TF_ALLCAPS] = (L->letters >= 4) & (L->uppers == L->letters);
	f[TF_POSITION] = (double)i / (pg->nl > 0 ? pg->nl : 1);
	f[TF_SHORT] = L->nchars < 20;
	f[TF_INPROSE] = pg->pa[L->para].prose;
	f[TF_QUESTION] = (last == '?') | (last == '!');
	{
		size_t mass = 0;

		/* prose in the next 30 non-blank lines */
		int to = L->nb + 31;

		if (to >= pg->nnb)
			mass = pg->prose_total - pg->ln[i].prose_to - (pg->pa[L->para].prose ? L->nchars : 0);
		else
			mass = pg->ln[pg->nbline[to]].prose_to - pg->ln[i].prose_to -
			    (pg->pa[L->para].prose ? L->nchars : 0);
		f[TF_PROSE_MASS] = mass > 3000 ? 3 : mass / 1000.0;
	}
	if (pg->rs >= 0) {
		int d = 0;

		if (i < pg->rs) {
			d = pg->ln[pg->rs].nb - L->nb - 1;
			f[d <= 3 ? TF_MAIN_0_3 : d <= 6 ? TF_MAIN_4_6 : d <= 12 ?
			    TF_MAIN_7_12 : d <= 25 ? TF_MAIN_13_25 : TF_MAIN_FAR] = 1;
		} else if (i <= pg->re) {
			d = L->nb - pg->ln[pg->rs].nb;
			f[d <= 3 ? TF_IN_MAIN_NEAR : TF_IN_MAIN_FAR] = 1;
		} else
			f[TF_AFTER_MAIN] = 1;
	}
	f[TF_PROSE_BEFORE] = prose_before > 5 ? 5 : prose_before;
	f[TF_DUPS] = L->dups > 0;
	{
		size_t l;
		uint32_t c0 = cp_at(p, L->e, L->s, &l);

		f[TF_QUOTE_START] = c0 == '"' || c0 == 0x201E || c0 == 0x201C ||
		    c0 == 0xAB || c0 == 0xBB || c0 == 0x2018 || c0 == 0x2039;
	}
	if (L->nhits > 0) {
		size_t dl = 0;

		for (k = L->hit0; k < L->hit0 + L->nhits; k++)
			dl += pg->hits[k].len;
		f[TF_DATEFRAC] = dl >= L->e - L->s ? 1 : (double)dl / (double)(L->e - L->s);
		/* a dateline ("Samstag, 9. September 2017") is no headline */
		if (f[TF_DATEFRAC] >= 0.6)
			return 0;
	}
	f[TF_TOP] = L->nb < 3;
	return 1;
}

/*
 * Which features each part sets (title_features_line(), _chars(),
 * _around(), _costly()): what a part can still add is bounded by its
 * features' weights, each feature being between 0 and 1.
 */
static const int tf_line[] = { TF_BIAS, TF_BULLET, TF_HASDATE, TF_BYLINE, TF_ENDDOT,
	TF_ENDELLIPSIS, TF_ENDCOLON, TF_LOWER, TF_WORDS_3_20, TF_LOGLEN, TF_INDENT,
	TF_PREVBLANK, TF_NEXTBLANK, TF_MULTILINE, TF_ALLCAPS, TF_POSITION, TF_SHORT,
	TF_INPROSE, TF_QUESTION, TF_PROSE_MASS, TF_MAIN_0_3, TF_MAIN_4_6, TF_MAIN_7_12,
	TF_MAIN_13_25, TF_MAIN_FAR, TF_IN_MAIN_NEAR, TF_IN_MAIN_FAR, TF_AFTER_MAIN,
	TF_PROSE_BEFORE, TF_DUPS, TF_QUOTE_START, TF_DATEFRAC, TF_TOP };
static const int tf_chars[] = { TF_PIPE, TF_DIGITS, TF_TITLECASE, TF_CODE };
static const int tf_around[] = { TF_NEXT_HEADING, TF_DATE_NEAR, TF_DATE_FAR,
	TF_BYLINE_AFTER, TF_PROSE_1_3, TF_PROSE_4_6, TF_PROSE_7_12, TF_BULLET_AFTER,
	TF_SHARE_AFTER, TF_DATE_BEFORE, TF_FIRST_HEADING, TF_DUP_NEAR, TF_PREV_HEADING,
	TF_NEXT_LONGER, TF_PREV_TITLEISH };
_Static_assert(NELEM(tf_line) + NELEM(tf_chars) + NELEM(tf_around) + TF_NCOSTLY == TF_N,
    "every headline feature belongs to one part");

/* The characters of line i: a picture credit (0: no headline), digits, Title Case, code. */
static int
title_features_chars(struct page *pg, int i, double *f)
{
	const struct line *L = &pg->ln[i];
	const char *p = pg->p;
	int caps = 0, words = 0, digs = 0, pipe = 0, code = 0;
	size_t q;

	/*
	 * One pass for digits, Title Case (the share of words that begin
	 * with a capital), " | ", the signs of code and a picture credit.
	 */
	for (q = L->s; q < L->e;) {
		size_t l = 1;
		uint32_t cp = (unsigned char)p[q];
		uint64_t x;

		/* eight ASCII bytes holding none of | = { ~ _ ( at once */
		if (q + 8 <= L->e && !((x = sc_load64(p + q)) & HIGHS) &&
		    !(SWAR_EQ(x, '|') | SWAR_EQ(x, '=') | SWAR_EQ(x, '{') |
		    SWAR_EQ(x, '~') | SWAR_EQ(x, '_') | SWAR_EQ(x, '('))) {
			uint64_t st = SWAR_IN(x | ONES * 0x20, 'a', 'z') &
			    ((SWAR_EQ(x, ' ') << 8) |
			    (q == L->s || p[q - 1] == ' ' ? 0x80 : 0));

			digs += SWAR_COUNT(SWAR_IN(x, '0', '9'));
			words += SWAR_COUNT(st);
			caps += SWAR_COUNT(st & SWAR_IN(x, 'A', 'Z'));
			q += 8;
			continue;
		}
		if (cp < 0x80) {
			digs += cp >= '0' && cp <= '9';
			if (cp == '|' && q > L->s && p[q - 1] == ' ' && q + 1 < L->e &&
			    p[q + 1] == ' ')
				pipe = 1;
			if (cp == '=' || cp == '{' || cp == '~' || cp == '_' ||
			    (cp == '(' && q + 2 < L->e && p[q + 1] == ')' && p[q + 2] == ';'))
				code = 1;
		} else if ((cp = cp_at(p, L->e, q, &l)) == 0xA9)
			return 0;
		if ((q == L->s || p[q - 1] == ' ') && is_letter(cp)) {
			words++;
			caps += is_upper(cp);
		}
		q += l;
	}
	f[TF_PIPE] = pipe;
	f[TF_DIGITS] = digs > 4 ? 1 : digs / 4.0;
	f[TF_TITLECASE] = words ? (double)caps / words : 0;
	f[TF_CODE] = code;
	return 1;
}

/* The features read from the lines around line i. */
static void
title_features_around(struct page *pg, int i, double *f)
{
	const struct line *L = &pg->ln[i];
	int j, seen = 0, k, q;

	/*
	 * The loops walk the non-blank lines (nbline[]), line i being the
	 * L->nb-th of them.  What follows: a date, a byline, prose.
	 */
	for (q = L->nb + 1, k = 0; q < pg->nnb && k < 12; q++) {
		const struct line *M = &pg->ln[pg->nbline[q]];

		k++;
		if (k == 1 && heading_shaped(pg, M))
			f[TF_NEXT_HEADING] = 1;
		if (M->nhits > 0 && !(seen & 1) && M->nchars < 200) {
			f[k <= 4 ? TF_DATE_NEAR : TF_DATE_FAR] = 1;
			seen |= 1;
		}
		if (!(seen & 2) && k <= 6 && M->bymark) {
			f[TF_BYLINE_AFTER] = 1;
			seen |= 2;
		}
		if (!(seen & 4) && pg->pa[M->para].prose) {
			f[k <= 3 ? TF_PROSE_1_3 : k <= 6 ? TF_PROSE_4_6 : TF_PROSE_7_12] = 1;
			seen |= 4;
		}
		if (M->bullet && k <= 2)
			f[TF_BULLET_AFTER] = 1;
		if (M->share && k <= 6)
			f[TF_SHARE_AFTER] = 1;
		/* past the sixth line only a date and prose are looked for */
		if (k >= 6 && (seen & 5) == 5)
			break;
	}
	if (L->nb > 0) {
		const struct line *M = &pg->ln[pg->nbline[L->nb - 1]];

		f[TF_DATE_BEFORE] = M->nhits > 0 && M->nchars < 60;
	}
	/* no heading-shaped line between the main text's start and this one */
	f[TF_FIRST_HEADING] = 1;
	for (q = L->nb - 1; q >= 0 && q >= L->nb - 4; q--) {
		const struct line *M = &pg->ln[pg->nbline[q]];

		if (heading_shaped(pg, M) && M->nchars >= 15) {
			f[TF_FIRST_HEADING] = 0;
			break;
		}
	}
	/* a copy right next to it: a logo's text and the site's name, a repeated label */
	for (q = L->nb - 1; L->dups > 0 && q >= 0 && q >= L->nb - 3; q--)
		if (span_eq(pg, &pg->ln[pg->nbline[q]], L))
			f[TF_DUP_NEAR] = 1;
	for (q = L->nb + 1; L->dups > 0 && q < pg->nnb && q <= L->nb + 3; q++)
		if (span_eq(pg, &pg->ln[pg->nbline[q]], L))
			f[TF_DUP_NEAR] = 1;
	for (q = L->nb - 1; q >= 0 && q >= L->nb - 2; q--) {
		const struct line *M = &pg->ln[pg->nbline[q]];

		if (heading_shaped(pg, M) && M->nchars >= 15 && !M->dups)
			f[TF_PREV_HEADING] = 1;
	}
	for (q = L->nb + 1; q < pg->nnb && q <= L->nb + 2; q++) {
		const struct line *M = &pg->ln[j = pg->nbline[q]];

		if (!M->bullet && M->nhits == 0 && M->nchars > L->nchars &&
		    M->nchars < 400 && !M->cont && (pg->pa[M->para].first == j))
			f[TF_NEXT_LONGER] = 1;
	}
	/* a headline-shaped line shortly before: this one is its subtitle */
	for (q = L->nb - 1, k = 0; q >= 0 && k < 4; q--) {
		const struct line *M = &pg->ln[pg->nbline[q]];

		if (M->bullet)
			continue;
		k++;
		if (heading_shaped(pg, M) && M->nchars >= 15 && M->words >= 3 && !M->dups) {
			f[TF_PREV_TITLEISH] = 1;
			break;
		}
	}
}

static void
print_features(const struct page *pg, int i, const double *f)
{
	static int named;
	int k;

	if (!named) {
		fprintf(stderr, "N");
		for (k = 0; k < TF_N; k++)
			fprintf(stderr, "\t%s", tf_names[k]);
		fprintf(stderr, "\n");
		named = 1;
	}
	fprintf(stderr, "F\t%d", i);
	for (k = 0; k < TF_N; k++)
		fprintf(stderr, "\t%.4g", f[k]);
	fprintf(stderr, "\t%.*s\n", (int)(pg->ln[i].e - pg->ln[i].s), pg->p + pg->ln[i].s);
}

struct cand {
	double part;	/* the score of the features read so far */
	double ub, lb;	/* the score it could reach, the score it reaches at least */
	int line, done;	/* done: the costly steps read (CS_*) */
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->ub != y->ub)
		return x->ub < y->ub ? 1 : -1;
	return x->line - y->line;	/* earlier lines first on ties */
}

/*
 * The most the features in list can add to a score, each being between
 * 0 and 1; of a date after the line (near or far) and of prose after it
 * (in 1-3, 4-6 or 7-12 lines) one feature is set at most.
 */
static double
part_bound(const int *list, size_t n)
{
	double b = 0, date = 0, prose = 0;
	size_t k;

	for (k = 0; k < n; k++)
		switch (list[k]) {
		case TF_DATE_NEAR: case TF_DATE_FAR:
			date = fmax(date, wpos(list[k]));
			break;
		case TF_PROSE_1_3: case TF_PROSE_4_6: case TF_PROSE_7_12:
			prose = fmax(prose, wpos(list[k]));
			break;
		default:
			b += wpos(list[k]);
		}
	return b + date + prose;
}

/* What find_title() knows of a line between the parts of its features. */
struct tline {
	double part;	/* the score of the features read so far */
	double ub;	/* the score the line could reach; -HUGE_VAL: no headline */
	double *f;	/* its features */
};

static inline void
cand_range(const struct page *pg, struct cand *c, const double *f)
{
	double lo, hi;

	costly_range(pg, c->line, f, c->done, &lo, &hi);
	c->lb = c->part + lo;
	c->ub = c->part + hi;
}

/*
 * The headline is the line with the best score, found by branch and
 * bound with the same result as scoring every line fully.  Each feature
 * is between 0 and 1, so before a part of a line's features is read its
 * score is bounded by the weights of that part: from above by their
 * positive part, from below by their negative part.
 *
 * First every line gets title_features_line() and an upper bound.  The
 * line with the highest bound is scored first (all but the costly
 * features, and of those its navigation and caption words), as the
 * likely winner: its lower bound is the bar.  Then
 * each line whose bound reaches the bar gets title_features_around(),
 * and if it still reaches it title_features_chars(); a line that still
 * does and that title_line_excluded() lets be a headline is kept, and
 * raises the bar by its own lower bound.  The few lines kept then read their
 * costly features a step at a time, all of them one step before any
 * the next, dropping those that can no longer reach the bar; the
 * headline is known when one line's lower bound passes every other's
 * upper bound, or else by the full scores of those left.
 */
static void
find_title(struct page *pg)
{
	static const int steps[] = { CS_QUOTED, CS_WORDS, CS_OVERLAP };
	struct cand *c;
	struct tline *tl;
	double *fs, bs = 0, bar = -HUGE_VAL, later[2], chars;
	int i, r, n, nc = 0, prose_before = 0, lastpara = -1, best = -1, top = -1;
	int prune = pg->debug < 2, known = 0;
	size_t s;

	chars = part_bound(tf_chars, NELEM(tf_chars));
	later[1] = part_bound(tf_around, NELEM(tf_around)) + chars;
	later[0] = later[1] - wpos(TF_DUP_NEAR);	/* a copy nearby needs copies */
	n = pg->nl < MAX_LINE_SCAN ? pg->nl : MAX_LINE_SCAN;
	tl = xmalloc(((size_t)n + 1) * sizeof *tl);
	fs = xmalloc(((size_t)n + 1) * TF_N * sizeof *fs);
	c = xmalloc(((size_t)n + 1) * sizeof *c);
	for (i = 0; i < n; i++) {
		tl[i].ub = -HUGE_VAL;
		tl[i].f = fs + (size_t)i * TF_N;
	}
	/*
	 * The non-blank lines only, here and below (a blank line has no
	 * score): a branch on blankness was mispredicted about once a blank
	 * line.
	 */
	for (r = 0; r < pg->nnb && (i = pg->nbline[r]) < n; r++) {
		const struct line *L = &pg->ln[i];

		if (title_features_line(pg, i, prose_before, tl[i].f)) {
			double lo, hi;

			costly_range(pg, i, tl[i].f, 0, &lo, &hi);
			tl[i].part = dot_list(tl[i].f, tf_line, NELEM(tf_line));
			tl[i].ub = tl[i].part + later[L->dups > 0] + hi;
			if (top < 0 || tl[i].ub > tl[top].ub)
				top = i;
		}
		if (L->para != lastpara && pg->pa[L->para].prose) {
			prose_before++;
			lastpara = L->para;
		}
	}
	for (r = -1; r < pg->nnb && top >= 0; r++) {
		double *f;

		i = r < 0 ? top : pg->nbline[r];
		if (i >= n)
			break;
		if ((r >= 0 && i == top) || tl[i].ub == -HUGE_VAL ||
		    (prune && tl[i].ub + SCORE_EPS < bar))
			continue;
		f = tl[i].f;
		title_features_around(pg, i, f);
		c[nc].line = i;
		c[nc].done = 0;
		c[nc].part = tl[i].part + dot_list(f, tf_around, NELEM(tf_around));
		cand_range(pg, &c[nc], f);
		if ((prune && c[nc].ub + chars + SCORE_EPS < bar) ||
		    !title_features_chars(pg, i, f))
			continue;
		c[nc].part = dot_weights(f);
		if (r < 0) {
			/*
			 * The likely winner's navigation and caption words
			 * (cheap) raise the bar the others are held to.
			 */
			c[nc].part += title_features_costly(pg, i, f, CS_WORDS);
			c[nc].done = CS_WORDS;
		}
		cand_range(pg, &c[nc], f);
		if (prune && c[nc].ub + SCORE_EPS < bar)
			continue;
		/*
		 * Tested last of the reasons to drop a line (each drops it
		 * whatever the others say): it costs most a line, and the
		 * bound drops half the lines first.
		 */
		if (title_line_excluded(pg, i))
			continue;
		if (prune && c[nc].lb > bar)
			bar = c[nc].lb;
		nc++;
	}
	qsort(c, (size_t)nc, sizeof *c, cand_cmp);
	for (s = 0;; s++) {
		int j = 0, k = -1;

		for (i = 0; i < nc; i++)
			if (!prune || c[i].ub + SCORE_EPS >= bar)
				c[j++] = c[i];
		nc = j;
		/*
		 * A line sure to beat all others is the headline, whatever
		 * its costly features left say.
		 */
		for (i = 0; i < nc && prune && !pg->debug; i++)
			if (k < 0 || c[i].lb > c[k].lb)
				k = i;
		for (i = 0; k >= 0 && i < nc; i++)
			if (i != k && !(c[k].lb > c[i].ub + SCORE_EPS))
				k = -1;
		if (k >= 0 && c[k].lb >= TITLE_MIN_SCORE) {
			best = c[k].line;
			bs = c[k].lb;
			known = 1;
		}
		if (known || s == NELEM(steps))
			break;
		if ((steps[s] == CS_OVERLAP && !pg->words_made) || steps[s] == CS_QUOTED) {
			/* the lines that may still read theirs: their words, or their copies */
			int *ol = xmalloc(((size_t)nc + 1) * sizeof *ol);

			for (i = 0, j = 0; i < nc; i++)
				if (!(prune && c[i].ub + SCORE_EPS < bar))
					ol[j++] = c[i].line;
			if (steps[s] == CS_QUOTED) {
				unsigned char *q = xmalloc((size_t)j + 1);

				find_quoted(pg, ol, (size_t)j, q);
				for (i = 0; i < j; i++)
					tl[ol[i]].f[TF_QUOTED_ELSEWHERE] = q[i];
				free(q);
			} else
				main_text_words(pg, ol, (size_t)j);
			free(ol);
		}
		for (i = 0; i < nc; i++) {
			if ((prune && c[i].ub + SCORE_EPS < bar) || (c[i].done & steps[s]))
				continue;
			c[i].part += title_features_costly(pg, c[i].line, tl[c[i].line].f, steps[s]);
			c[i].done |= steps[s];
			cand_range(pg, &c[i], tl[c[i].line].f);
			if (c[i].lb > bar)
				bar = c[i].lb;
		}
	}
	for (i = 0; i < nc && !known; i++) {
		double sc, *f = tl[c[i].line].f;

		if (prune && c[i].ub + SCORE_EPS < bar)
			continue;
		sc = dot_weights(f);
		if (pg->debug > 1)
			print_features(pg, c[i].line, f);
		if (pg->debug == 1)
			fprintf(stderr, "title %4d %6.2f %.*s\n", c[i].line, sc,
			    (int)(pg->ln[c[i].line].e - pg->ln[c[i].line].s),
			    pg->p + pg->ln[c[i].line].s);
		if (best < 0 || sc > bs || (sc == bs && c[i].line < best)) {
			best = c[i].line;
			bs = sc;
		}
	}
	free(c);
	free(fs);
	free(tl);
	pg->title = best >= 0 && bs >= TITLE_MIN_SCORE ? best : -1;
	if (pg->debug)
		fprintf(stderr, "titlescore %.3f\n", bs);
}

/* ------------------------------------------------------------ site, title cleaning */

/* Separators between a headline and a site name. */
static const char *const title_seps[] = {
	" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
	" \xC2\xB7 ", " / ",
};

/*
 * How many lines of the page equal p[s..e) or start with it and a
 * separator ("Site - ", "Site | ", "Site: "), copies of line skip aside:
 * a site name stands alone or before a separator, while a headline's
 * first words go on with more words ("Fleisch, Eier ...").
 */
static int
count_line_prefix(const struct page *pg, const char *s, size_t n, int skip)
{
	const struct line *S = &pg->ln[skip];
	int i, c = 0;

	for (i = 0; i < pg->nl; i++) {
		const struct line *L = &pg->ln[i];
		const char *q;

		if (i == skip || L->blank || L->e - L->s < n || span_eq(pg, L, S))
			continue;
		if (memcmp(pg->p + L->s, s, n) != 0)
			continue;
		q = pg->p + L->s + n;
		if (L->e - L->s == n || *q == ':' || *q == '|' || *q == '-' ||
		    (unsigned char)*q == 0xE2 || (unsigned char)*q == 0xC2)
			c++;
		else if (*q == ' ' && L->e - L->s > n + 1) {
			size_t l;
			uint32_t cp = cp_at(pg->p, L->e, L->s + n + 1, &l);

			if (!is_letter(cp) && !(cp >= '0' && cp <= '9') && cp != '(' &&
			    cp != '"' && cp < 0x2018)
				c++;
			else if (cp >= 0x2010 && cp <= 0x2015)	/* dashes */
				c++;
		}
	}
	return c;
}

/* Separators a page puts between a kicker and its headline, or a date and a headline. */
static const char *const kicker_seps[] = {
	" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": ", " | ", " \xC2\xB7 ",
};

/* The length of the separator p[a - l..a) ends with, or 0. */
static size_t
sep_before(const char *p, size_t lo, size_t a)
{
	size_t k, l;

	for (k = 0; k < NELEM(kicker_seps); k++) {
		l = strlen(kicker_seps[k]);
		if (a >= lo + l && memcmp(p + a - l, kicker_seps[k], l) == 0)
			return l;
	}
	return 0;
}

/* The length of the separator p[a..a + l) starts with, or 0. */
static size_t
sep_after(const char *p, size_t a, size_t hi)
{
	size_t k, l;

	for (k = 0; k < NELEM(kicker_seps); k++) {
		l = strlen(kicker_seps[k]);
		if (a + l <= hi && memcmp(p + a, kicker_seps[k], l) == 0)
			return l;
	}
	return 0;
}

/*
 * A kicker glued to its headline: a text browser renders "<span>Kicker
 * </span> Headline" inside one heading as "Kicker Headline", and nothing
 * in the line tells the two apart.  Another line of the page often does:
 * a teaser, a "More on:" line or a comment header writes the same pair
 * with a separator ("Kicker - Headline", "Kicker: Headline", "Headline
 * - Kicker").  When one does, the headline is the part after the kicker.
 * The kicker is at most six words and not longer than the headline (in
 * words); p[s..e) is the line, lo..hi the line's bounds to skip.
 */
static size_t
kicker_end(const struct page *pg, size_t s, size_t e)
{
	const char *p = pg->p, *q, *end = p + pg->n;
	size_t b, hw = 1, split[6], occ[16], sl;
	int kw = 0, ns = 0, no = 0, k, o;

	for (b = s; b < e; b++)
		hw += p[b] == ' ';
	for (b = s; b < e && ns < (int)NELEM(split); b++) {
		if (p[b] != ' ')
			continue;
		kw++;
		hw--;
		if (kw > 6 || b - s > 60 || hw < 3 || hw < (size_t)kw)
			break;
		if (e - (b + 1) >= 12 && p[b - 1] != ' ' && p[b + 1] != ' ')
			split[ns++] = b;
	}
	if (ns == 0)
		return s;
	/*
	 * Every headline tried ends the line, so the shortest is in all
	 * of them: one search for it finds where the others may be.
	 */
	sl = e - (split[ns - 1] + 1);
	for (q = p; no < (int)NELEM(occ) &&
	    (q = find_far(q, (size_t)(end - q), p + e - sl, sl)) != NULL; q += sl)
		if ((size_t)(q - p) + sl != e)
			occ[no++] = (size_t)(q - p) + sl;
	for (k = 0; k < ns; k++) {
		size_t h = split[k] + 1, hl = e - h, kl = split[k] - s;

		for (o = 0; o < no; o++) {
			size_t z = occ[o], a, ls, le, l;

			if (z < hl || memcmp(p + z - hl, p + h, hl - sl) != 0)
				continue;
			a = z - hl;
			if (a >= s && a < e)
				continue;
			for (ls = a; ls > 0 && p[ls - 1] != '\n'; ls--)
				;
			for (le = z; le < pg->n && p[le] != '\n'; le++)
				;
			/* "Kicker - Headline" */
			if ((l = sep_before(p, ls, a)) != 0 && a - l >= ls + kl &&
			    memcmp(p + a - l - kl, p + s, kl) == 0)
				return h;
			/* "Headline - Kicker" */
			if ((l = sep_after(p, z, le)) != 0 && z + l + kl <= le &&
			    memcmp(p + z + l, p + s, kl) == 0)
				return h;
		}
	}
	return s;
}

/*
 * A date written before or after the headline with a separator, as news
 * lists and tickers do ("23.01.2022 - Headline", "Headline | 23.01.2022"),
 * is no part of it.
 */
static void
strip_date(const struct page *pg, const struct line *L, size_t *s, size_t *e)
{
	const char *p = pg->p;
	int k;

	for (k = L->hit0; L->nhits > 0 && k < L->hit0 + L->nhits; k++) {
		const struct sc_date_hit *h = &pg->hits[k];
		size_t l, a = h->pos, z = h->pos + h->len;

		if (a == *s && z < *e && (l = sep_after(p, z, *e)) != 0 && *e - (z + l) >= 8) {
			*s = z + l;
			while (*s < *e && p[*s] == ' ')
				(*s)++;
		} else if (z == *e && a > *s && (l = sep_before(p, *s, a)) != 0 &&
		    a - l - *s >= 8) {
			*e = a - l;
			while (*e > *s && p[*e - 1] == ' ')
				(*e)--;
		}
	}
}

/*
 * The first item of a breadcrumb trail: the site's home ("Startseite >
 * People > Real Life > Headline", "Home / Buch / Headline").  A reader's
 * "you are here" label may stand before it.  The first that opens the
 * line is taken, so a word comes before the shorter ones it begins with.
 */
static const char *const crumb_home[] = { "startseite", "homepage", "home page",
	"home", "start", "hauptseite", "inicio", "portada", "accueil",
	"strona g\xC5\x82\xC3\xB3wna" };
static const char *const crumb_label[] = { "sie sind hier:",
	"sie befinden sich hier:", "you are here:", "vous \xC3\xAAtes ici :",
	"vous \xC3\xAAtes ici:", "est\xC3\xA1s en:", "sei qui:", "u bent hier:",
	"jeste\xC5\x9B tutaj:" };

/*
 * The length of a breadcrumb separator at p[i] (">", "»", "›", "/", "→"),
 * or 0.  Not "|": that separates the items of menus ("Home | News |
 * Kontakt und Anfahrt"), whose last item is no title.
 */
static size_t
crumb_sep(const char *p, size_t i, size_t e)
{
	if (p[i] == '>' || p[i] == '/')
		return 1;
	if (e - i >= 2 && (unsigned char)p[i] == 0xC2 && (unsigned char)p[i + 1] == 0xBB)
		return 2;
	if (e - i >= 3 && (unsigned char)p[i] == 0xE2 &&
	    (((unsigned char)p[i + 1] == 0x80 && (unsigned char)p[i + 2] == 0xBA) ||
	    ((unsigned char)p[i + 1] == 0x86 && (unsigned char)p[i + 2] == 0x92)))
		return 3;
	return 0;
}

/*
 * The trail's items as a list under a label of their own ("Sie sind
 * hier:" over " 1. Startseite", " 2. Themen", " 3. Headline"): the line
 * of the last item of the list that starts below line i, or -1.
 */
static int
crumb_list(const struct page *pg, int i)
{
	int j, last = -1, n = 0;

	for (j = i + 1; j < pg->nl && j <= i + 16; j++) {
		const struct line *M = &pg->ln[j];

		if (M->blank && n == 0)
			continue;
		if (!M->bullet)
			break;
		last = j;
		n++;
	}
	return n >= 2 ? last : -1;
}

/*
 * The last item of a breadcrumb trail, as p[*ts..*te) on line *tl: a
 * trail that starts at the site's home, or any trail under a "you are
 * here" label, on one line or as a list below the label.  Only when the
 * item is long enough to be a headline (three words, 15 bytes) and the
 * trail is short enough not to be a menu (eight separators at most).
 */
static int
crumb_tail(const struct page *pg, int li, int *tl, size_t *ts, size_t *te)
{
	const struct line *L = &pg->ln[li];
	const char *p = pg->p;
	size_t s = L->s, e = L->e, i, l, last = 0, home = 0;
	int nsep = 0, words = 0, in = 0, label = 0;
	struct word_index tmp;

	if (s < e && (l = word_at(word_index(crumb_label, NELEM(crumb_label), &tmp), p, s, e)) != 0) {
		s += l;
		label = 1;
	} else if (L->bullet && L->indent <= 4 && s < e &&
	    word_at(word_index(crumb_home, NELEM(crumb_home), &tmp), p, s, e) == e - s) {
		/*
		 * The trail as a list of its own that opens with the site's
		 * home (" • Startseite", " • Publikationen", " • Headline"):
		 * its last item, of at most eight.
		 */
		int j, n = 0;

		for (j = li; j < pg->nl && n <= 8 && pg->ln[j].bullet &&
		    pg->ln[j].indent == L->indent; j++)
			n++;
		if (n < 2 || n > 8 || (j < pg->nl && pg->ln[j].bullet))
			return 0;
		*tl = j - 1;
		last = pg->ln[j - 1].s;
		e = pg->ln[j - 1].e;
		goto tail;
	}
	while (s < e && p[s] == ' ')
		s++;
	*tl = li;
	if (s >= e) {
		if (!label || (*tl = crumb_list(pg, li)) < 0)
			return 0;
		last = pg->ln[*tl].s;
		e = pg->ln[*tl].e;
	} else {
		home = word_at(word_index(crumb_home, NELEM(crumb_home), &tmp), p, s, e);
		if (home == 0 && !label)
			return 0;
		if (home != 0) {
			/* the separator comes right after the home */
			size_t h = s + home;

			while (h < e && p[h] == ' ')
				h++;
			if (h >= e || crumb_sep(p, h, e) == 0)
				return 0;
		}
		for (i = s; i < e; i += l)
			if ((l = crumb_sep(p, i, e)) != 0) {
				nsep++;
				last = i + l;
			} else
				l = 1;
		if (nsep == 0 || nsep > 8)
			return 0;
	}
tail:
	while (last < e && p[last] == ' ')
		last++;
	for (i = last; i < e; i++) {
		words += p[i] != ' ' && !in;
		in = p[i] != ' ';
	}
	if (words < 3 || e - last < 15)
		return 0;
	*ts = last;
	*te = e;
	return 1;
}

/*
 * A breadcrumb trail ends with the page's own title, so a line that says
 * just the trail's last item is the headline, wherever the scores put it.
 * The first such line below the trail is taken (above it only when none
 * is below); a list item never is (a teaser list's link to the page
 * itself, whose dates and bylines are the teasers').
 */
static void
crumb_title(struct page *pg)
{
	int i, j, q, r, tl, best = -1, end = (pg->rs > pg->title ? pg->rs : pg->title) + 10;
	size_t ts, te;
	struct word_index tmp;
	const struct word_index *home = word_index(crumb_home, NELEM(crumb_home), &tmp);

	/* trails stand in the page's head, above its text and headline */
	for (q = 0; q < pg->nnb && q < CRUMB_LINES && pg->nbline[q] <= end; q++) {
		const struct line *L = &pg->ln[i = pg->nbline[q]];

		if (L->e - L->s < 13 && (!L->bullet || L->s >= L->e ||
		    word_at(home, pg->p, L->s, L->e) != L->e - L->s))
			continue;
		if (!crumb_tail(pg, i, &tl, &ts, &te))
			continue;
		for (r = 0; r < pg->nnb && pg->nbline[r] < MAX_LINE_SCAN; r++) {
			const struct line *M = &pg->ln[j = pg->nbline[r]];

			if (j == i || j == tl || M->bullet || M->e - M->s != te - ts ||
			    memcmp(pg->p + M->s, pg->p + ts, te - ts) != 0)
				continue;
			if (best < 0 || (best < tl && j > tl))
				best = j;
		}
		break;
	}
	if (best < 0 || best == pg->title)
		return;
	if (pg->title >= 0 && pg->ln[pg->title].e - pg->ln[pg->title].s == te - ts &&
	    memcmp(pg->p + pg->ln[pg->title].s, pg->p + ts, te - ts) == 0)
		return;
	if (pg->debug)
		fprintf(stderr, "crumbtitle %d (was %d)\n", best, pg->title);
	pg->title = best;
}

/*
 * Whether line i opens an article's header: a heading-shaped line, a
 * byline with its marker on the next line ("By Jane Doe", "Analysis by
 * Jane Doe, Editor") and a date on the byline or on the line after it.
 */
/* A line that opens with a word of publishing: "Published 1 day ago". */
static int
dated_word(const char *p, size_t s, size_t e)
{
	static const char *const w[] = { "published ", "posted ", "updated ",
	    "ver\xC3\xB6" "ffentlicht ", "aktualisiert ", "publi\xC3\xA9 ",
	    "publicado ", "pubblicato ", "mis \xC3\xA0 jour " };
	size_t k;

	for (k = 0; k < NELEM(w); k++)
		if (starts_ci(p, s, e, w[k]))
			return 1;
	return 0;
}

static int
header_head(const struct page *pg, int i)
{
	const struct line *L = &pg->ln[i], *B;
	int b, d;

	if (L->blank || !L->hshape || L->words < 3)
		return 0;
	if ((b = next_filled(pg, i, 1, 2)) < 0)
		return 0;
	B = &pg->ln[b];
	/*
	 * Or a row of three share buttons or more under the heading and a
	 * dateline of its own just above it ("CBS News February 24, 2020,
	 * 7:57 AM" over the headline over "Share", "Tweet", "Email").
	 */
	/*
	 * Or a short dateline of its own under the heading and a row of three
	 * share buttons or more under that ("Headline", " * 19 November
	 * 2019", " * Share this with Facebook", " * Share this with Twitter"
	 * ...).
	 */
	if (B->nhits > 0 && B->nchars < 60 && !B->bymark && !B->share) {
		int k, n = 0;

		if ((d = next_filled(pg, b, 1, 2)) < 0 || !pg->ln[d].share)
			return 0;
		for (k = d; k < pg->nl && k <= d + 12 && (pg->ln[k].share || pg->ln[k].blank); k++)
			n += pg->ln[k].share;
		return n >= 3;
	}
	if (B->share && B->bullet) {
		int k, n = 0;

		for (k = b; k < pg->nl && k <= b + 12 && pg->ln[k].share; k++)
			n++;
		d = next_filled(pg, i, -1, 2);
		return n >= 3 && d >= 0 && pg->ln[d].nhits > 0 && pg->ln[d].nchars < 60 &&
		    !pg->ln[d].bullet;
	}
	if (B->bymark != 1 || B->nchars >= 120)
		return 0;
	if (B->nhits > 0)
		return 1;
	d = next_filled(pg, b, 1, 2);
	if (d >= 0 && pg->ln[d].nhits > 0 && pg->ln[d].nchars < 100)
		return 1;
	/*
	 * Or the date just above the heading: a short dateline, or a line
	 * that opens with a word of publishing ("Published 1 day ago", read
	 * only with --now) over the headline over "By Jane Doe | Site".
	 */
	d = next_filled(pg, i, -1, 2);
	return d >= 0 && pg->ln[d].nchars < 60 && !pg->ln[d].bullet &&
	    (pg->ln[d].nhits > 0 || dated_word(pg->p, pg->ln[d].s, pg->ln[d].e));
}

/*
 * The article's header over a block the headline read is part of: a
 * video player's or a gallery's titles between the header and the text
 * ("Jane's headline", "By Jane Doe", "Updated November 18, 2019", then
 * "Video title", "JUST WATCHED", "Video title" ...) stand nearer to the
 * text and win on their scores.  When the headline read has neither a
 * byline nor a date in the lines under it, and one line above it, the
 * only one on the page, opens a header (header_head()), with no other
 * byline or dateline between the two, that line is the headline, or the heading-shaped line just above it when there is one:
 * a deck stands between a headline and its byline.
 */
static void
header_title(struct page *pg)
{
	int i, k, b, d, best = -1, t = pg->title;

	if (t < 0 || header_head(pg, t))
		return;
	for (k = t + 1, i = 0; k < pg->nl && i < 3; k++) {
		if (pg->ln[k].blank)
			continue;
		if (pg->ln[k].bymark || (pg->ln[k].nhits > 0 && pg->ln[k].nchars < 100))
			return;
		i++;
	}
	for (k = t - 1, i = 0; k >= 0 && i < 3; k--) {
		if (pg->ln[k].blank)
			continue;
		if (pg->ln[k].bymark || (pg->ln[k].nhits > 0 && pg->ln[k].nchars < 100))
			return;
		i++;
	}
	for (i = 0; i < pg->nl && i < MAX_LINE_SCAN; i++) {
		if (!header_head(pg, i))
			continue;
		if (best >= 0 || i > t)
			return;
		best = i;
	}
	if (best < 0 || pg->ln[t].nb - pg->ln[best].nb > HEADER_REACH)
		return;
	/*
	 * Another byline or dateline between the header and the line read:
	 * a list of stories, not one article's header over a player.
	 */
	b = next_filled(pg, best, 1, 2);
	d = pg->ln[b].nhits > 0 ? b : next_filled(pg, b, 1, 2);
	for (k = d + 1; k < t; k++)
		if (pg->ln[k].bymark || (pg->ln[k].nhits > 0 && pg->ln[k].nchars < 100))
			return;
	/* a deck between the headline and the byline: the headline is above it */
	if ((k = next_filled(pg, best, -1, 2)) >= 0 && pg->ln[k].hshape &&
	    pg->ln[k].words >= 4 && !pg->ln[k].bymark &&
	    !dated_word(pg->p, pg->ln[k].s, pg->ln[k].e))
		best = k;
	if (pg->debug)
		fprintf(stderr, "headertitle %d (was %d)\n", best, t);
	pg->title = best;
}

/*
 * A deck read for the headline: a sentence of more than twenty words
 * (of a script that spaces its words) that sums the story up ("Jorge
 * Makriniotis, gerente general, aseguró que ..."), naming no day, right
 * under a heading of four to sixteen words (not share buttons) with a
 * blank line between, is the standfirst, and the heading over it is the
 * headline.  A long headline that names a day is an event's
 * ("Tagung: ... (26. und 27. 2. 2015, Eichstätt)").
 */
static void
deck_title(struct page *pg)
{
	const struct line *L = &pg->ln[pg->title], *H;
	int h, g;

	/*
	 * Or a heading of its own under a heading of four words or more that
	 * the dump wrote twice in a row ("Euro 2020 qualifying: Tracking
	 * every team ...", the same again, then "Twenty teams have punched
	 * tickets ..."): the doubled line is the headline, the line under it
	 * its deck.
	 */
	if (!L->dups && !L->bullet && L->nhits == 0 && !L->bymark &&
	    (h = next_filled(pg, pg->title, -1, 2)) >= 0 &&
	    (g = next_filled(pg, h, -1, 2)) >= 0 &&
	    span_eq(pg, &pg->ln[h], &pg->ln[g])) {
		H = &pg->ln[h];
		if (H->hshape && H->words >= 4 && !H->bymark && !H->share && !H->bullet &&
		    H->indent == L->indent) {
			if (pg->debug)
				fprintf(stderr, "decktitle %d (was %d, under a doubled line)\n", h,
				    pg->title);
			pg->title = h;
			return;
		}
	}
	if (L->words <= 20 || L->nchars < 4 * (size_t)L->words || L->bullet || L->nhits > 0 ||
	    (h = next_filled(pg, pg->title, -1, 2)) < 0 || h != pg->title - 2)
		return;
	H = &pg->ln[h];
	if (!H->hshape || H->words < 4 || H->words > 16 || H->bymark || H->share ||
	    H->indent != L->indent)
		return;
	if (pg->debug)
		fprintf(stderr, "decktitle %d (was %d)\n", h, pg->title);
	pg->title = h;
}

/*
 * The headline's full form nearby: a page shows a short form of its
 * headline (a running head, a breadcrumb's last item, the title without
 * its subtitle) a few lines from the full one, which starts with it and
 * goes on after a separator or a bracket ("Bhindi masala" and "Bhindi
 * masala (okra stir fry)"; "Part 49" and "Part 49 - The Last Trucks").
 * The full form is the headline, unless it is indented deeper: an entry
 * nested under the headline ("bridges" over "    bridges: a glossary
 * entry" in a glossary).
 */
static void
extend_title(struct page *pg)
{
	const struct line *W = &pg->ln[pg->title];
	const char *p = pg->p;
	size_t wl = W->e - W->s;
	int j, k, dir;

	for (dir = -1; dir <= 1; dir += 2)
		for (j = pg->title + dir, k = 0; j >= 0 && j < pg->nl && k < 4; j += dir) {
			const struct line *M = &pg->ln[j];
			size_t q;

			if (M->blank)
				continue;
			k++;
			if (M->bullet || M->cont || M->indent > W->indent ||
			    M->e - M->s < wl + 4 || M->nchars >= 150 ||
			    pg->pa[M->para].prose || p[M->e - 1] == '.' ||
			    memcmp(p + M->s, p + W->s, wl) != 0)
				continue;
			q = M->s + wl;
			if ((p[q] == ' ' && p[q + 1] == '(') || sep_after(p, q, M->e) != 0) {
				/* the short form is the headline's start, not a site name */
				pg->title = j;
				pg->title_keep = wl;
				return;
			}
		}
}

/*
 * The headline without " | Site" or "Site - ": a part is a site name when
 * it is short and the page repeats it at the start of other lines (the
 * sidebar's "Site—Opinion:" teasers, the footer's name).
 */
/*
 * A kicker set apart from its headline by a space before the colon
 * ("Nutzerbasierte Abrechnung : Musik-Stars fordern ..."), where a
 * breadcrumb or a teaser of the same page writes it without that space
 * ("Nutzerbasierte Abrechnung: Musik-Stars fordern ..."): the markup's
 * spacing, not the headline's.  The title t takes the page's other
 * spelling when some line says exactly that; French, which writes the
 * space, says it everywhere and finds no such line.
 */
static void
colon_spacing(const struct page *pg, char *t)
{
	size_t n, i, k;
	char *u;
	int j;

	if (strstr(t, " : ") == NULL)
		return;
	n = strlen(t);
	u = xmalloc(n + 1);
	for (i = k = 0; i < n; i++)
		if (!(t[i] == ' ' && t[i + 1] == ':' && t[i + 2] == ' ' && i > 0))
			u[k++] = t[i];
	u[k] = '\0';
	for (j = 0; j < pg->nl && j < MAX_LINE_SCAN; j++) {
		const struct line *M = &pg->ln[j];

		if (M->e - M->s == k && memcmp(pg->p + M->s, u, k) == 0) {
			memcpy(t, u, k + 1);
			break;
		}
	}
	free(u);
}

static char *
clean_title(struct page *pg, int li, char **site)
{
	const struct line *L = &pg->ln[li];
	const char *p = pg->p;
	size_t s = L->s, e = L->e, k;
	char *t;

	/* separators left over from an empty breadcrumb: "| : Headline" */
	while (s < e && (p[s] == '|' || p[s] == ':' || p[s] == '>' ||
	    (p[s] == ' ' && s > L->s)))
		s++;
	if (s == e)
		s = L->s;
	for (k = 0; k < NELEM(title_seps); k++) {
		size_t sl = strlen(title_seps[k]);
		const char *q = find_in(p + s, e - s, title_seps[k], sl);
		const char *r;

		if (q == NULL)
			continue;
		/* the last separator for a suffix */
		while ((r = find_in(q + sl, (size_t)(p + e - (q + sl)), title_seps[k], sl)) != NULL)
			q = r;
		{
			size_t qs = (size_t)(q - p), ps = qs + sl;

			/* " | Site" is the usual form: one more mention is enough */
			if (e - ps <= 40 && e - ps >= 2 &&
			    count_line_prefix(pg, p + ps, e - ps, li) >= (k == 0 ? 1 : 2)) {
				if (*site == NULL)
					*site = clean_copy(p, ps, e);
				e = qs;
				break;
			}
		}
		/* the first separator for a prefix */
		q = find_in(p + s, e - s, title_seps[k], sl);
		{
			size_t qs = (size_t)(q - p);

			if (qs - s <= 40 && qs - s >= 2 && pg->title_keep == 0 &&
			    count_line_prefix(pg, p + s, qs - s, li) >= 2) {
				if (*site == NULL)
					*site = clean_copy(p, s, qs);
				s = qs + sl;
				break;
			}
		}
	}
	strip_date(pg, L, &s, &e);
	s = kicker_end(pg, s, e);
	t = clean_copy(p, s, e);
	colon_spacing(pg, t);
	return t;
}

/* ------------------------------------------------------------ the date */

/*
 * Words on a date's line that say it is a change, for the labels of a
 * page's last change in footers and wikis (matched with ASCII case
 * folding: a capital Ä is spelt out).  The words just before a date
 * are sc_date_update_label()'s, as for HTML (date_is_update()).
 */
static const char *const change_words[] = { "updated", "update", "aktualisiert",
	"geändert", "modified", "mis à jour", "actualizado", "aggiornato",
	"atualizado", "bijgewerkt", "last edited", "stand:", "zuletzt",
	"letzte änderung", "letzte Änderung", "dernière modification", "última modificación",
	"ultima modifica", "laatst gewijzigd" };

/* The line (from its start to the date) says the date is a change. */
static int
date_is_update(const struct page *pg, const struct sc_date_hit *h)
{
	size_t s = h->pos > 40 ? h->pos - 40 : 0;

	/* only the words just before the date, on its line */
	{
		const char *nl = NULL;
		size_t i;

		for (i = h->pos; i > s; i--)
			if (pg->p[i - 1] == '\n') {
				nl = pg->p + i;
				break;
			}
		if (nl)
			s = (size_t)(nl - pg->p);
	}
	return sc_date_update_label(pg->p, s, h->pos);
}

/* Words that say a date is the publication date. */
static const char *const pub_words[] = { "published", "publié", "veröffentlicht",
	"publiziert", "erstellt", "publicado", "pubblicato", "gepubliceerd",
	"posted", "erschienen", "publicación", "created",
	"créé", "creado", "criado", "eingestellt" };

static int
date_is_published(const struct page *pg, const struct sc_date_hit *h)
{
	size_t s = h->pos > 40 ? h->pos - 40 : 0, i;

	if (contains_any_ci(pg->p, s, h->pos, pub_words, NELEM(pub_words)))
		return 1;
	/*
	 * "Date:", "Datum:" as a label of their own, not the end of a longer
	 * word ("Erscheinungsdatum:" is a book's release, "Startdatum:" an
	 * event's).
	 */
	for (i = s; i + 5 <= h->pos; i++)
		if ((pg->p[i] | 0x20) == 'd' &&	/* both labels open with it */
		    (i == 0 || !is_letter((unsigned char)pg->p[i - 1])) &&
		    (sc_ascii_ieq(pg->p + i, "date:", 5) ||
		    (i + 6 <= h->pos && sc_ascii_ieq(pg->p + i, "datum:", 6))))
			return 1;
	return 0;
}

static int comments_start(struct page *, const struct line *);
static int teaser_heading(const struct page *, const struct line *);
static int teaser_link_line(const struct page *, const struct line *);
static int list_heading(const struct page *, const struct line *);
static size_t skip_time(const char *, size_t, size_t);
static int word_in_headline(const struct page *, const char *, size_t);

/* 1 when p[s..e) holds a letter. */
static int
has_letter(const char *p, size_t s, size_t e)
{
	size_t l;

	for (; s < e; s += l)
		if (is_letter(cp_at(p, e, s, &l)))
			return 1;
	return 0;
}

/*
 * A machine stamp ("2022-12-07T10:10:52+01:00"): themes print one for
 * search engines in an element hidden by the style sheet (hAtom's
 * "updated"), which a text dump shows next to the date readers see.
 */
static int
machine_stamp(const struct page *pg, const struct sc_date_hit *h)
{
	return (h->flags & SC_DATE_ISO) && (h->flags & SC_DATE_TIME) &&
	    h->len > 10 && pg->p[h->pos + 10] == 'T';
}

/*
 * A date line before the headline, under a name line under a title of
 * its own ("Another story about the council", "Jane Doe", "11/12/19
 * 4:40PM", then the page's headline): the byline of a teaser in a list
 * of other stories.  The title is shaped like a heading, three words or
 * more, and not the headline itself (a title bar above the article's own
 * byline) nor a credit in capitals, and the name line has two to four
 * words, as many capitals, and no date ("Zurück zum Newsroom" is a link).
 */
static int
teaser_byline_date(const struct page *pg, int i)
{
	const struct line *N, *M;
	int j = i - 1, k;

	if (j < 0 || (pg->ln[i].e - pg->ln[i].s) - pg->hits[pg->ln[i].hit0].len > 12)
		return 0;
	N = &pg->ln[j];
	if (N->blank || N->nhits > 0 || N->words < 2 || N->words > 4 || N->term == 1 ||
	    N->uppers < N->words)
		return 0;
	for (k = j - 1; k >= 0 && j - k <= 2 && pg->ln[k].blank; k--)
		;
	if (k < 0 || j - k > 2)
		return 0;
	M = &pg->ln[k];
	return M->hshape && M->words >= 3 && M->uppers * 2 < M->letters &&
	    !span_eq(pg, M, &pg->ln[pg->title]);
}

/*
 * A date line before the headline, in a block indented deeper than the
 * headline, right under a title of its own: the teaser of another
 * article in a menu or a list of recent posts ("        Another post",
 * "        22. Oktober 2018" above the page's headline at the margin).
 */
static int
teaser_date(const struct page *pg, int i)
{
	const struct line *L = &pg->ln[i], *M;
	int j;

	if (L->indent < pg->ln[pg->title].indent + 4)
		return teaser_byline_date(pg, i);
	for (j = i - 1; j >= 0 && i - j <= 3 && pg->ln[j].blank; j--)
		;
	if (j < 0 || i - j > 3)
		return 0;
	M = &pg->ln[j];
	return M->indent == L->indent && !M->bullet && M->nhits == 0 && M->words >= 3;
}

static int date_alone(const struct page *, const struct line *);

/*
 * The title of a teaser over date line i: the non-blank line right above
 * it (one blank line between at most) is shaped like a heading, has no
 * date and two words or more.  Its index, or -1.
 */
static int
title_above(const struct page *pg, int i)
{
	const struct line *M;
	int j = i - 1;

	if (j >= 0 && pg->ln[j].blank)
		j--;
	if (j < 0)
		return -1;
	M = &pg->ln[j];
	return !M->blank && M->hshape && M->nhits == 0 && M->words >= 2 ? j : -1;
}

/* The first non-blank line from i on, in direction dir, at most n lines away; -1. */
static int
next_filled(const struct page *pg, int i, int dir, int n)
{
	int k;

	for (k = i + dir; k >= 0 && k < pg->nl && (k - i) * dir <= n; k += dir)
		if (!pg->ln[k].blank)
			return k;
	return -1;
}

/*
 * Line k is a date alone under a title of its own (title_above()), of
 * another day than line i's, and its title is line t when t is not -1.
 */
static int
pair_like(const struct page *pg, int k, int t, int i)
{
	int j;

	if (k < 0 || !date_alone(pg, &pg->ln[k]) || (j = title_above(pg, k)) < 0 ||
	    (t >= 0 && j != t))
		return 0;
	return !same_day(&pg->hits[pg->ln[k].hit0].d, &pg->hits[pg->ln[i].hit0].d);
}

/*
 * A date alone on its line above the headline, under a title of its own,
 * next to another such pair of another day ("Another story",
 * "03.03.2021", "Yet another story", "01.03.2021", then the headline): a
 * list of other articles, and the dates are theirs.  One pair alone is
 * how many pages print their own date above the headline (a kicker or a
 * section's name over the date).
 */
static int
teaser_pairs(const struct page *pg, int i)
{
	int j, t;

	if (!date_alone(pg, &pg->ln[i]) || (j = title_above(pg, i)) < 0)
		return 0;
	if (pair_like(pg, next_filled(pg, j, -1, 3), -1, i))
		return 1;
	t = next_filled(pg, i, 1, 3);
	return t >= 0 && t != pg->title && pair_like(pg, next_filled(pg, t, 1, 2), t, i);
}

/*
 * The date is part of an image's name the dump shows in brackets
 * ("[Screenshot_2017-09-06-16-51-38]"): nobody reads it as the date.
 */
static int
in_brackets(const struct page *pg, const struct line *L, const struct sc_date_hit *h)
{
	size_t i;

	if (h->pos >= L->e)
		return 0;
	for (i = h->pos; i > L->raw; i--) {
		if (pg->p[i - 1] == ']')
			return 0;
		if (pg->p[i - 1] == '[')
			return memchr(pg->p + h->pos, ']', L->e - h->pos) != NULL;
	}
	return 0;
}

/*
 * A line that ends in a credit after its sentence, as photo captions do:
 * "... on Aug. 31, 2019. (AP)", "... in Montecito, California. (Photo by
 * X/Getty Images)", "... on May 18, 2018.© Lucy Nicholson".  The
 * caption is a sentence, and a date inside it an event the photo shows.
 */
static int
caption_sentence(const struct page *pg, const struct line *L)
{
	const char *p = pg->p;
	size_t i, j = 0;

	if (L->e > L->s + 2 && p[L->e - 1] == ')') {
		for (i = L->e - 1; i > L->s && p[i - 1] != '('; i--)
			;
		j = i > L->s ? i - 1 : 0;
	} else
		for (i = L->s; i + 1 < L->e; i++)
			if ((unsigned char)p[i] == 0xC2 && (unsigned char)p[i + 1] == 0xA9) {
				j = i;
				break;
			}
	if (j <= L->s + 1)
		return 0;
	while (j > L->s && p[j - 1] == ' ')
		j--;
	return j > L->s && (p[j - 1] == '.' || p[j - 1] == '!' || p[j - 1] == '?');
}

/* The dump wrapped line i: the next line continues it. */
static int
wrapped(const struct page *pg, int i)
{
	return i + 1 < pg->nl && pg->ln[i + 1].cont;
}

/* "#N" at p[i..e) and nothing but spaces after it: a post's number, or 0. */
static int
post_number(const char *p, size_t i, size_t e)
{
	int n = 0;

	if (i >= e || p[i] != '#' || i + 1 >= e || p[i + 1] < '0' || p[i + 1] > '9')
		return 0;
	for (i++; i < e && p[i] >= '0' && p[i] <= '9' && n < 100000; i++)
		n = n * 10 + (p[i] - '0');
	while (i < e && p[i] == ' ')
		i++;
	return i == e ? n : 0;
}

/*
 * Forums number their posts next to each post's date (XenForo's "Sep 20,
 * 2020" over "#2", vBulletin's "20.09.2020, 14:05 #2"), an edit note
 * perhaps between them: a date with a number above 1 is a reply's, and
 * the thread's date is that of post #1.
 */
static int
reply_date(const struct page *pg, int i, const struct sc_date_hit *h)
{
	const struct line *L = &pg->ln[i];
	int j;

	if (h->pos < L->e && post_number(pg->p, skip_time(pg->p, L->e, h->pos + h->len), L->e) > 1)
		return 1;
	if (h->pos + h->len < L->e - 1 && skip_time(pg->p, L->e, h->pos + h->len) < L->e)
		return 0;
	/* the number below, maybe under the post's last edit ("Last edited ... DATE") */
	for (j = i + 1; j < pg->nl && j <= i + 4; j++) {
		const struct line *M = &pg->ln[j];

		if (M->blank)
			continue;
		if (post_number(pg->p, M->s, M->e) > 1)
			return 1;
		if (M->nhits == 0 || M->nchars > 60)
			return 0;
	}
	return 0;
}

/*
 * Line i is an item of a list of dated items ("  • Blogposting
 * 01/26/2020", "  • Blogposting 01/24/2020", ...): recent posts, an
 * archive, a calendar.  Two other items of the same list, with no blank
 * line or one between them, show dates of their own.
 */
static int
dated_list(const struct page *pg, int i)
{
	int d, k, n = 0, gap;

	if (!pg->ln[i].bullet)
		return 0;
	for (d = -1; d <= 1; d += 2)
		for (k = i + d, gap = 0; k >= 0 && k < pg->nl && gap <= 1; k += d) {
			const struct line *M = &pg->ln[k];

			if (M->blank) {
				gap++;
				continue;
			}
			if (!M->bullet || M->indent != pg->ln[i].indent)
				break;
			gap = 0;
			if (M->nhits > 0 && ++n >= 2)
				return 1;
		}
	return 0;
}

/* The links that end a teaser, lowercase, trailing dots and arrows aside. */
static const char *const read_more[] = { "weiter", "weiterlesen", "mehr",
	"mehr lesen", "read more", "continue reading", "more", "lire la suite",
	"leer m\xC3\xA1s", "seguir leyendo", "leia mais", "continua a leggere",
	"leggi tutto", "lees meer", "czytaj dalej" };

/*
 * The line ends with one of the links words[] (lowercase, trailing dots,
 * arrows and brackets aside), after its text or, when alone is set, as
 * the whole line.
 */
static int
ends_link(const struct page *pg, const struct line *L, const char *const *words,
    size_t n, int alone)
{
	const char *p = pg->p;
	size_t s = L->s, e = L->e, k, l;

	for (;;) {	/* "...", "\xE2\x80\xA6", "\xC2\xBB", ">", "]", spaces */
		if (e > s && (p[e - 1] == '.' || p[e - 1] == ' ' || p[e - 1] == '>' ||
		    p[e - 1] == ']'))
			e--;
		else if (e - s >= 3 && memcmp(p + e - 3, "\xE2\x80\xA6", 3) == 0)
			e -= 3;
		else if (e - s >= 2 && memcmp(p + e - 2, "\xC2\xBB", 2) == 0)
			e -= 2;
		else
			break;
	}
	for (k = 0; k < n; k++) {
		l = strlen(words[k]);
		if (e - s < l || !sc_ascii_ieq(p + e - l, words[k], l))
			continue;
		if (e - s == l ? alone :
		    (p[e - l - 1] == ' ' || p[e - l - 1] == '.' || p[e - l - 1] == '['))
			return 1;
	}
	return 0;
}

/*
 * The line ends with a link to the full story after its text ("...
 * Gemeinsa... weiter...", "20.11.2020 Mehr").  The word alone on a line is
 * more often a share menu's ("Teilen:" over "Mehr").
 */
static int
ends_read_more(const struct page *pg, const struct line *L)
{
	return ends_link(pg, L, read_more, NELEM(read_more), 0);
}

/* The link under a comment that answers it. */
static const char *const reply_links[] = { "reply", "antworten", "r\xC3\xA9pondre",
	"responder", "rispondi", "beantwoorden", "odpowiedz" };

/*
 * Line i's date is a comment's: a link to answer it ends the line ("Anna
 * March 3, 2021 at 10:14 am Reply") or stands alone a few lines below,
 * under the comment's text, before another date.  A post's own "Leave a
 * reply" is no such link: the word must stand alone or end the dateline.
 */
static int
comment_date(const struct page *pg, int i)
{
	int k;

	if (ends_link(pg, &pg->ln[i], reply_links, NELEM(reply_links), 0) &&
	    !contains_ci(pg->p, pg->ln[i].s, pg->ln[i].e, " a reply"))
		return 1;
	for (k = i + 1; k < pg->nl && k <= i + 6; k++) {
		const struct line *M = &pg->ln[k];

		if (M->blank)
			continue;
		if (M->nhits > 0)
			return 0;
		if (M->nchars <= 16 && ends_link(pg, M, reply_links, NELEM(reply_links), 1))
			return 1;
	}
	return 0;
}

/*
 * Line i is part of a teaser: it, or its paragraph of at most six lines,
 * ends with a link to the full story.  A list of such teasers is a
 * portal's front page or an archive, and their dates are the stories'.
 */
static int
teaser_para(const struct page *pg, int i)
{
	const struct para *P;

	if (ends_read_more(pg, &pg->ln[i]))
		return 1;
	if (pg->ln[i].para < 0)
		return 0;
	P = &pg->pa[pg->ln[i].para];
	return P->last - P->first < 6 && ends_read_more(pg, &pg->ln[P->last]);
}

/*
 * Labels of a date that is not the page's: a product's release (a game's,
 * film's, book's or album's), a member's registration on a forum or a
 * profile, a deadline or an offer's end, an event's day.  Matched with
 * ASCII case folding, so a capital letter outside ASCII is spelt out.
 */
static const char *const other_words[] = { "release", "erscheinungsdatum",
	"erscheinungstermin", "erscheint am", "kinostart", "date de sortie",
	"sortie :", "sortie:", "fecha de lanzamiento", "lanzamiento:", "estreno:",
	"data di uscita", "uscita:", "launch date", "in stores", "in theaters",
	"member since", "joined", "registered:", "mitglied seit", "dabei seit",
	"registriert seit", "angemeldet seit", "membre depuis", "inscrit depuis",
	"miembro desde", "membro desde", "iscritto dal", "lid sinds",
	"deadline", "einsendeschluss", "anmeldeschluss", "bewerbungsschluss",
	"bewerbungsfrist", "anmeldefrist", "date limite", "fecha l\xC3\xADmite",
	"scadenza", "valid until", "valid through", "expires", "g\xC3\xBCltig bis",
	"valable jusqu", "v\xC3\xA1lido hasta", "event date", "veranstaltungsdatum",
	"veranstaltungstermin", "termin:", "fecha del evento" };

/*
 * The words just before the date on its line label it as another thing's
 * date ("Release: 14.11.2019" in a game's fact box, "Kinostart: 5. März",
 * "Member since May 12, 2011" beside a forum post, "Anmeldeschluss:
 * 12.05.2021"): it is not the page's.
 */
static int
other_date(const struct page *pg, const struct line *L, const struct sc_date_hit *h)
{
	size_t s = h->pos > L->s + 40 ? h->pos - 40 : L->s;

	return h->pos >= L->s && h->pos <= L->e &&
	    contains_any_ci(pg->p, s, h->pos, other_words, NELEM(other_words));
}

/* p[a..b) is a range's sign between two dates: a dash, "~", "bis", "to". */
static int
range_sign(const char *p, size_t a, size_t b)
{
	static const char *const words[] = { "-", "~", "\xE2\x80\x93", "\xE2\x80\x94",
		"bis", "to", "till", "until", "au", "al", "a", "tot", "do" };
	size_t k;

	while (a < b && p[a] == ' ')
		a++;
	while (b > a && p[b - 1] == ' ')
		b--;
	for (k = 0; k < NELEM(words); k++)
		if (strlen(words[k]) == b - a && sc_ascii_ieq(p + a, words[k], b - a))
			return 1;
	return 0;
}

/*
 * Hit k is an end of a period ("14 Oct 2014 - 10 Aug 2017" over an
 * archive's captures, "12.03.2020 \xE2\x80\x93 15.04.2020" of an exhibition,
 * "2018.04.05 ~ OPEN RUN"): an event's or a collection's dates, not the
 * day the page was written.
 */
static int
in_period(const struct page *pg, const struct line *L, int k)
{
	const struct sc_date_hit *h = &pg->hits[k];
	size_t e = h->pos + h->len, i;

	if (k > L->hit0 && range_sign(pg->p, pg->hits[k - 1].pos + pg->hits[k - 1].len, h->pos))
		return 1;
	if (k + 1 < L->hit0 + L->nhits && range_sign(pg->p, e, pg->hits[k + 1].pos))
		return 1;
	/* open-ended: "DATE ~", "DATE -" and nothing or words after */
	for (i = e; i < L->e && pg->p[i] == ' '; i++)
		;
	return i < L->e && pg->p[i] == '~';
}

/* Words of a copyright notice. */
static const char *const copyright_words[] = { "©", "copyright", "all rights reserved",
	"alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
	"tutti i diritti riservati", "alle rechten voorbehouden" };

/*
 * The line carries a copyright sign or notice: a footer ("© 2019 Condé
 * Nast ... User Agreement (updated 5/25/18)"), or a photo's credit.  Its
 * dates are the notice's or the picture's, not the article's.
 */
static int
copyright_line(const struct page *pg, const struct line *L)
{
	return contains_any_ci(pg->p, L->s, L->e, copyright_words, NELEM(copyright_words));
}

/*
 * Blogs often put "Posted on DATE by NAME" under the post, far from the
 * headline.  Such a line counts when it says it is the publication date
 * or carries a byline; the search stops where the comments begin.
 */
static int
find_date_far(struct page *pg, int from)
{
	int i;
	size_t after;

	for (i = from; i < pg->nl && i <= pg->title + DATE_FAR; i++) {
		const struct line *L = &pg->ln[i];
		int k;

		if (L->blank || L->nchars >= 200)
			continue;
		if (comments_start(pg, L))
			break;
		if (L->nhits == 0 || (pg->pa[L->para].prose && L->nchars > 150) ||
		    copyright_line(pg, L))
			continue;
		for (k = L->hit0; k < L->hit0 + L->nhits; k++) {
			const struct sc_date_hit *h = &pg->hits[k];
			size_t q = skip_time(pg->p, L->e, h->pos + h->len);

			if (date_is_update(pg, h) || reply_date(pg, i, h) || in_period(pg, L, k))
				continue;
			if (date_is_published(pg, h) || L->bymark ||
			    byline_marker(pg->p, q, L->e, &after) == 1)
				return k;
			/* "von Ulrike" above "18.10.2019 16:06 Uhr" */
			if (i > 0 && pg->ln[i - 1].bymark && L->nchars < 40 && h->pos <= L->s + 4)
				return k;
		}
	}
	return -1;
}

/*
 * When the headline shows no date, a short dateline just before the
 * main text (or at its start) still dates the page: the headline may
 * have been misread, the text rarely is.
 */
static int
find_date_main(struct page *pg)
{
	int i, best = -1, bd = 0;

	if (pg->rs < 0 || (pg->title >= 0 && pg->rs >= pg->title - DATE_BEFORE &&
	    pg->rs <= pg->title + DATE_AFTER))
		return -1;
	for (i = pg->rs - 8 < 0 ? 0 : pg->rs - 8; i < pg->nl && i <= pg->rs + 2; i++) {
		const struct line *L = &pg->ln[i];
		int k, d = i < pg->rs ? pg->rs - i : 2 * (i - pg->rs);

		if (L->nhits == 0 || L->nchars >= 80 || L->indent >= 4 || copyright_line(pg, L))
			continue;
		for (k = L->hit0; k < L->hit0 + L->nhits; k++) {
			const struct sc_date_hit *h = &pg->hits[k];

			if (date_is_update(pg, h) || (h->flags & SC_DATE_RELATIVE) ||
			    in_brackets(pg, L, h) || reply_date(pg, i, h) || in_period(pg, L, k))
				continue;
			if (best < 0 || d < bd) {
				best = k;
				bd = d;
			}
			break;
		}
	}
	return best;
}

/*
 * The page's last change, when the page shows no other date: wikis and
 * many CMS footers date a page only by it ("Diese Seite wurde zuletzt am
 * 29. Januar 2020 geändert", "This page was last edited on ...", a
 * "Letzte Änderung:" label above "14.01.2022 um 09:25").  It is the date
 * the page gives itself; htmldate falls back on the same.  Looked for
 * below the headline, up to where the comments begin.
 */
static int
find_date_changed(struct page *pg, struct sc_date *out)
{
	int i, j;

	if (pg->title < 0)
		return 0;
	for (i = pg->title + 1; i < pg->nl && i <= pg->title + DATE_FAR; i++) {
		const struct line *L = &pg->ln[i];
		int k;

		if (L->blank)
			continue;
		/* above the text, "comments" is a counter or a share button */
		if (i > pg->rs && comments_start(pg, L))
			break;
		if (L->nhits == 0 || L->nchars >= 200 || copyright_line(pg, L))
			continue;
		for (k = L->hit0; k < L->hit0 + L->nhits; k++) {
			const struct sc_date_hit *h = &pg->hits[k];
			int label = 0;

			if ((h->flags & SC_DATE_RELATIVE) || in_brackets(pg, L, h) ||
			    reply_date(pg, i, h) || in_period(pg, L, k))
				continue;
			label = contains_any_ci(pg->p, L->s, h->pos, change_words,
			    NELEM(change_words));
			/* the label alone on the line above: "Letzte Änderung:" */
			if (!label && k == L->hit0 && h->pos <= L->s + 2) {
				for (j = i - 1; j > pg->title && pg->ln[j].blank; j--)
					;
				label = j > pg->title && i - j <= 2 && pg->ln[j].nchars < 40 &&
				    pg->p[pg->ln[j].e - 1] == ':' &&
				    contains_any_ci(pg->p, pg->ln[j].s, pg->ln[j].e,
				    change_words, NELEM(change_words));
			}
			if (label) {
				*out = h->d;
				return 1;
			}
		}
	}
	return 0;
}

/*
 * A line that is a date and little else: "·14. Oktober 2021", "• Thursday,
 * August 6, 2020 9:09:24 AM", "Hamburg, den 2. Dezember 2022" (at most two
 * words, twelve letters, besides the date).
 */
static int
date_alone(const struct page *pg, const struct line *L)
{
	const struct sc_date_hit *h = &pg->hits[L->hit0];
	int letters = 0, words = 0, in = 0;
	size_t i, l;

	if (L->nhits != 1 || (h->flags & SC_DATE_RELATIVE))
		return 0;
	for (i = L->s; i < L->e; i += l) {
		if (i >= h->pos && i < h->pos + h->len) {
			l = h->pos + h->len - i;
			in = 0;
			continue;
		}
		if (is_letter(cp_at(pg->p, L->e, i, &l))) {
			letters++;
			words += !in;
			in = 1;
		} else
			in = 0;
	}
	return letters <= 12 && words <= 2;
}

/*
 * When no date stands near the headline (which may be misread: a caption,
 * a subheading, the first sentence of a story), a page whose lines down to
 * the end of its main text show one day alone, and only that one, shows
 * its date: several days alone are a teaser list, and then no date is
 * better than a guess.
 */
static int
find_date_alone(struct page *pg, struct sc_date *out)
{
	int i, found = -1, end = pg->re >= 0 ? pg->re : pg->nl - 1;

	for (i = 0; i <= end && i < pg->nl; i++) {
		const struct line *L = &pg->ln[i];
		const struct sc_date *a, *b;

		if (L->nhits != 1 || !date_alone(pg, L) || copyright_line(pg, L) ||
		    reply_date(pg, i, &pg->hits[L->hit0]) || under_post_nav(pg, i) ||
		    teaser_para(pg, i) || other_date(pg, L, &pg->hits[L->hit0]) ||
		    in_period(pg, L, L->hit0))
			continue;
		if (found < 0) {
			found = L->hit0;
			continue;
		}
		a = &pg->hits[found].d;
		b = &pg->hits[L->hit0].d;
		if (a->year != b->year || a->month != b->month || a->day != b->day)
			return 0;
	}
	if (found < 0)
		return 0;
	*out = pg->hits[found].d;
	return 1;
}

/*
 * When the headline gives no date (it may be misread: a menu's heading, a
 * caption), a dateline of the shape articles print under their headline:
 * a line with one date and little else, at the margin, under a heading-shaped
 * line, with the story's prose starting a few lines below.  Only when the
 * page shows one such day: several are a list of teasers.
 */
static int
find_date_headed(struct page *pg, struct sc_date *out)
{
	int i, j, found = -1, nope = 0;

	for (i = 1; i < pg->nl; i++) {
		const struct line *L = &pg->ln[i];
		const struct sc_date_hit *h;
		int prose = 0;

		if (L->nhits != 1 || !date_alone(pg, L) || L->indent > 0 || L->bullet ||
		    copyright_line(pg, L))
			continue;
		h = &pg->hits[L->hit0];
		if ((h->flags & SC_DATE_RELATIVE) || date_is_update(pg, h) ||
		    in_brackets(pg, L, h) || reply_date(pg, i, h) || under_post_nav(pg, i) ||
		    teaser_para(pg, i) || other_date(pg, L, h) || in_period(pg, L, L->hit0))
			continue;
		for (j = i - 1; j >= 0 && j >= i - 2 && pg->ln[j].blank; j--)
			;
		if (j < 0 || j < i - 2 || !pg->ln[j].hshape || pg->ln[j].indent > 0)
			continue;
		if (pg->debug)
			fprintf(stderr, "dateheaded %d\n", i);
		if (found >= 0) {
			const struct sc_date *a = &pg->hits[found].d;

			if (a->year != h->d.year || a->month != h->d.month || a->day != h->d.day)
				return 0;
			continue;
		}
		found = L->hit0;
		/* the story's prose, in a paragraph of its own, a few lines below */
		for (j = i + 1; j < pg->nl && j <= i + 10; j++) {
			const struct line *M = &pg->ln[j];

			if (M->nhits > 0)
				break;
			if (!M->blank && M->para != L->para && pg->pa[M->para].prose &&
			    pg->pa[M->para].chars >= 200) {
				prose = 1;
				break;
			}
		}
		if (!prose)
			nope = 1;
	}
	if (found < 0 || nope)
		return 0;
	*out = pg->hits[found].d;
	return 1;
}

/*
 * When nothing else dates the page, a date on a byline or just below it
 * ("Analysis by Chris Cillizza" over "Updated 1909 GMT (0309 HKT) November
 * 18, 2019"): a story's meta block, wherever the headline was read.  Only
 * when the bylines show one day (teasers with bylines show several); a
 * change date only when no other date stands by a byline.
 */
static int
find_date_byline(struct page *pg, struct sc_date *out)
{
	int i, j, pub = -1, chg = -1, n[2] = { 0, 0 };

	for (i = 0; i < pg->nl; i++) {
		const struct line *L = &pg->ln[i];
		int seen = 0;

		if (L->blank)
			continue;
		if (pg->rs >= 0 && i > pg->rs && comments_start(pg, L))
			break;
		if (!L->bymark)
			continue;
		for (j = i; j < pg->nl && j <= i + 3 && seen < 2; j++) {
			const struct line *M = &pg->ln[j];
			int k;

			if (M->blank)
				continue;
			seen++;
			if (M->nhits == 0 || (j > i && M->nchars > 80) || copyright_line(pg, M) ||
			    dated_list(pg, j) || teaser_para(pg, j))
				continue;
			for (k = M->hit0; k < M->hit0 + M->nhits; k++) {
				const struct sc_date_hit *h = &pg->hits[k];
				int u, *best;

				if ((h->flags & SC_DATE_RELATIVE) || in_brackets(pg, M, h) ||
				    reply_date(pg, j, h) || other_date(pg, M, h) ||
				    machine_stamp(pg, h) || in_period(pg, M, k))
					continue;
				u = date_is_update(pg, h);
				best = u ? &chg : &pub;
				if (*best >= 0) {
					const struct sc_date *a = &pg->hits[*best].d;

					if (a->year == h->d.year && a->month == h->d.month &&
					    a->day == h->d.day)
						continue;
				}
				n[u]++;
				if (*best < 0)
					*best = k;
			}
		}
	}
	if (pg->debug)
		fprintf(stderr, "datebyline pub %d (%d days) chg %d (%d days)\n", pub, n[0], chg, n[1]);
	if (n[0] == 1)
		*out = pg->hits[pub].d;
	else if (n[0] == 0 && n[1] == 1)
		*out = pg->hits[chg].d;
	else
		return 0;
	return 1;
}

/*
 * The line is a short, undated heading that opens with one of the n
 * lowercase words of heads: the shape of the headings over teaser
 * boxes and sidebar lists.
 */
static int
short_heading(const struct page *pg, const struct line *L,
    const char *const *heads, size_t n)
{
	size_t k;

	if (L->nchars > 40 || L->nhits > 0)
		return 0;
	for (k = 0; k < n; k++)
		if (starts_ci(pg->p, L->s, L->e, heads[k]))
			return 1;
	return 0;
}

/* Headings of a sidebar's lists of posts or events, lowercase. */
static const char *const list_heads[] = { "recent posts", "recent articles",
	"latest posts", "latest articles", "latest news", "popular posts",
	"most read", "neueste beitr\xC3\xA4ge", "neueste artikel", "letzte beitr\xC3\xA4ge",
	"aktuelle beitr\xC3\xA4ge", "beliebte beitr\xC3\xA4ge", "articles r\xC3\xA9" "cents",
	"derniers articles", "entradas recientes", "art\xC3\xAD" "culos recientes",
	"posts recentes", "artigos recentes", "articoli recenti", "ultimi articoli",
	"recente berichten", "nieuwste berichten", "najnowsze wpisy", "ostatnie wpisy",
	"upcoming events", "events", "termine", "n\xC3\xA4" "chste termine",
	"veranstaltungen", "\xC3\xA9" "v\xC3\xA9" "nements", "agenda", "pr\xC3\xB3ximos eventos",
	"eventi" };

/*
 * The line is the heading of a sidebar's list of posts ("Recent Posts",
 * "Neueste Beiträge", "Articles récents") or of events ("Termine",
 * "Upcoming events"): the dates under it are those posts' or events'.
 */
static int
list_heading(const struct page *pg, const struct line *L)
{
	return short_heading(pg, L, list_heads, NELEM(list_heads));
}

/* a and b are the same day. */
static int
same_day(const struct sc_date *a, const struct sc_date *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* Words that count a post's comments, after a number or a "no". */
static const char *const comment_words[] = { "comment", "kommentar", "commentaire",
	"comentario", "commento", "commenti", "reactie", "replies", "responses",
	"reacties" };

/* Words that say "no" (or ask for one) before those words. */
static const char *const comment_none[] = { "no", "keine", "kein", "leave a",
	"aucun", "sin", "nessun", "geen", "add a", "schreibe einen" };

/*
 * p[s..e) holds a comment counter: "0 Comments", "3 Kommentare", "No
 * Comments", "Keine Kommentare", "Leave a comment".
 */
static int
comment_counter(const char *p, size_t s, size_t e)
{
	size_t i, j, k, m, l;

	for (i = s; i < e; i++) {
		/* a word's start: "Kommentar", not "Leserkommentar" */
		if (i > s && ((p[i - 1] | 0x20) >= 'a' && (p[i - 1] | 0x20) <= 'z'))
			continue;
		for (k = 0; k < NELEM(comment_words); k++) {
			l = strlen(comment_words[k]);
			if (e - i < l || !sc_ascii_ieq(p + i, comment_words[k], l))
				continue;
			/* the word before it, past the spaces */
			for (j = i; j > s && p[j - 1] == ' '; j--)
				;
			if (j == i)
				continue;
			if (j > s && p[j - 1] >= '0' && p[j - 1] <= '9')
				return 1;
			for (m = 0; m < NELEM(comment_none); m++) {
				size_t w = strlen(comment_none[m]);

				if (j >= s + w && sc_ascii_ieq(p + j - w, comment_none[m], w) &&
				    (j == s + w || !((p[j - w - 1] | 0x20) >= 'a' &&
				    (p[j - w - 1] | 0x20) <= 'z')))
					return 1;
			}
		}
	}
	return 0;
}

/*
 * When nothing else dates the page, the post's meta line: blog themes
 * write the date with the comment counter ("October 15, 2018 / 0
 * Comments / in News / by admin", "12. März 2020 | Keine Kommentare"),
 * wherever the headline was read.  Only when such lines show one day
 * (an archive's teasers show several), up to where the comments begin.
 */
static int
find_date_meta(struct page *pg, struct sc_date *out)
{
	int i, k, found = -1;

	for (i = 0; i < pg->nl; i++) {
		const struct line *L = &pg->ln[i];

		if (L->blank)
			continue;
		if (pg->rs >= 0 && i > pg->rs && comments_start(pg, L))
			break;
		if (L->nhits == 0 || L->nchars >= 200 || copyright_line(pg, L) ||
		    (pg->pa[L->para].prose && L->words > 12) ||
		    !comment_counter(pg->p, L->s, L->e))
			continue;
		for (k = L->hit0; k < L->hit0 + L->nhits; k++) {
			const struct sc_date_hit *h = &pg->hits[k];

			if ((h->flags & SC_DATE_RELATIVE) || in_brackets(pg, L, h) ||
			    date_is_update(pg, h) || in_period(pg, L, k))
				continue;
			if (found < 0)
				found = k;
			else if (!same_day(&pg->hits[found].d, &h->d))
				return 0;
		}
	}
	if (found < 0)
		return 0;
	*out = pg->hits[found].d;
	return 1;
}

/*
 * A line next to line i (the nearest non-blank one above, dir -1, or
 * below, dir 1, with at most one blank line between) that is a date
 * alone: its date hit, or -1.
 */
static int
listed_date(const struct page *pg, int i, int dir)
{
	int j = i + dir;
	const struct line *M;
	const struct sc_date_hit *h;

	if (j >= 0 && j < pg->nl && pg->ln[j].blank)
		j += dir;
	if (j < 0 || j >= pg->nl)
		return -1;
	M = &pg->ln[j];
	if (M->blank || M->nhits != 1 || !date_alone(pg, M) || copyright_line(pg, M))
		return -1;
	h = &pg->hits[M->hit0];
	if ((h->flags & SC_DATE_RELATIVE) || date_is_update(pg, h) ||
	    other_date(pg, M, h) || in_period(pg, M, M->hit0))
		return -1;
	return M->hit0;
}

/*
 * The date of a list entry whose title is line j: a date alone right above
 * or right below it, as a hit index; -1 when there is none, -2 when both
 * sides give one and the days differ.
 */
static int
entry_date(const struct page *pg, int j)
{
	int a = listed_date(pg, j, -1), b = listed_date(pg, j, 1);

	if (a >= 0 && b >= 0 && !same_day(&pg->hits[a].d, &pg->hits[b].d))
		return -2;
	return a >= 0 ? a : b;
}

/*
 * When nothing else dates the page, its own entry in the site's list of
 * latest articles on the page does: a line elsewhere that says just the
 * headline, with a date alone right above or right below it ("Aktuell",
 * "10.11.2021", "Headline", "Its teaser ...").  Only the nearest line on
 * either side is read (further down is the next entry's date), and only
 * when the page's entries of the headline agree on one day.
 */
static int
find_date_listed(struct page *pg, struct sc_date *out)
{
	const struct line *T = &pg->ln[pg->title];
	size_t tl = T->e - T->s;
	int q, j, a, found = -1;

	for (q = 0; q < pg->nnb; q++) {
		const struct line *M = &pg->ln[j = pg->nbline[q]];

		if (j >= pg->title - 2 && j <= pg->title + 2)
			continue;
		if (M->e - M->s != tl || memcmp(pg->p + M->s, pg->p + T->s, tl) != 0)
			continue;
		if ((a = entry_date(pg, j)) == -2)
			return 0;
		if (a < 0)
			continue;
		if (found >= 0 && !same_day(&pg->hits[found].d, &pg->hits[a].d))
			return 0;
		found = a;
	}
	if (found < 0)
		return 0;
	if (pg->debug)
		fprintf(stderr, "datelisted %zu\n", pg->hits[found].pos);
	*out = pg->hits[found].d;
	return 1;
}

/*
 * When no headline read gives a date, the page's own entry in the site's
 * list of latest articles still names the story: a line (not a list item)
 * said again further down, where a date alone stands right above or below
 * the copy ("Menschenrechte achten" over the text, and under "Aktuell"
 * the entries "10.11.2021" / "Menschenrechte achten" / its teaser) is the
 * headline, and that date the page's.  Only when one such line does so.
 */
static int
listed_title(struct page *pg, struct sc_date *out)
{
	int q, r, i, j, a, x = -1, hit = -1;

	for (q = 0; q < pg->nnb && pg->nbline[q] < MAX_LINE_SCAN; q++) {
		const struct line *L = &pg->ln[i = pg->nbline[q]];
		size_t n = L->e - L->s;

		if (L->dups == 0 || L->bullet || L->nhits > 0 || L->nchars < 10 ||
		    L->nchars > 150 || !L->hshape)
			continue;
		for (r = q + 1; r < pg->nnb; r++) {
			const struct line *M = &pg->ln[j = pg->nbline[r]];

			if (j <= i + 2 || M->e - M->s != n ||
			    memcmp(pg->p + M->s, pg->p + L->s, n) != 0)
				continue;
			if ((a = entry_date(pg, j)) == -2)
				return 0;
			if (a < 0)
				continue;
			if (x >= 0 && (pg->ln[x].e - pg->ln[x].s != n ||
			    memcmp(pg->p + pg->ln[x].s, pg->p + L->s, n) != 0 ||
			    !same_day(&pg->hits[hit].d, &pg->hits[a].d)))
				return 0;
			if (x < 0) {
				x = i;
				hit = a;
			}
		}
	}
	if (x < 0)
		return 0;
	if (pg->debug)
		fprintf(stderr, "listedtitle %d (was %d)\n", x, pg->title);
	pg->title = x;
	*out = pg->hits[hit].d;
	return 1;
}

static int
find_date(struct page *pg, struct sc_date *out)
{
	int i, lo, hi, best = -1, src;
	double bs = -1e9;

	if (pg->nhits == 0)
		return 0;
	if (pg->title < 0)
		return 0;
	if (pg->debug)
		fprintf(stderr, "date window: headline %d, main text %d\n", pg->title, pg->rs);
	lo = pg->title - DATE_BEFORE;
	hi = pg->title + DATE_AFTER;
	if (lo < 0)
		lo = 0;
	for (i = lo; i < pg->nl && i <= hi; i++) {
		const struct line *L = &pg->ln[i];
		int k;

		/*
		 * A short post's comments start within reach of its headline:
		 * their dates are the commenters' ("3 Kommentare" over "Anna,
		 * 12. Mai 2023 um 10:14"), and a sidebar's list of posts or a
		 * teaser box ("Recent Posts", "Lesen Sie auch") shows other
		 * stories' dates.  Below the headline and the start of the
		 * text, such a heading ends the search, once some of the text
		 * has passed: between a story's lead and its byline, "3
		 * Kommentare" is a counter.
		 */
		if (i > pg->title && pg->rs >= 0 && i > pg->rs && !L->blank &&
		    pg->ln[i].prose_to >= pg->ln[pg->rs].prose_to + TEXT_PASSED &&
		    (comments_start(pg, L) || teaser_heading(pg, L) || list_heading(pg, L)))
			break;
		if (L->nhits == 0)
			continue;
		for (k = L->hit0; k < L->hit0 + L->nhits; k++) {
			const struct sc_date_hit *h = &pg->hits[k];
			double sc = 0;
			int dist = i - pg->title;

			if (in_brackets(pg, L, h) || copyright_line(pg, L) || reply_date(pg, i, h) ||
			    under_post_nav(pg, i) || dated_list(pg, i) || teaser_para(pg, i) ||
			    other_date(pg, L, h) || in_period(pg, L, k) || teaser_link_line(pg, L))
				continue;
			/*
			 * A date inside a sentence ("Der nächste Stammtisch findet
			 * am 5. Februar 2020 statt.") is an event the text names,
			 * whether or not its paragraph is long enough to be prose;
			 * so is one in a line the dump wrapped, whose sentence goes
			 * on below ("A shopper looks at cords, Tuesday, Nov. 19,
			 * 2019, in Grass Valley, ..."), or one in the rest of a
			 * picture caption the dump wrapped ("... on May 18,
			 * 2018.\xC2\xA9 Jane Doe Detainees at ... center in" over
			 * "San Diego, Calif., on May 18, 2018."): the picture's.
			 */
			if ((((L->term == 1 || caption_sentence(pg, L) || wrapped(pg, i)) &&
			    L->words >= 8 && h->pos > L->s + 24) ||
			    (L->cont && caption_sentence(pg, &pg->ln[i - 1]))) &&
			    !L->bymark && !date_is_published(pg, h) &&
			    !contains_any_ci(pg->p, h->pos + h->len, L->e, pub_words,
			    NELEM(pub_words)))
				continue;
			if (dist < 0 && (teaser_date(pg, i) || teaser_pairs(pg, i)))
				continue;
			/* a comment's, under the text */
			if (dist > 0 && pg->rs >= 0 && i > pg->rs && comment_date(pg, i))
				continue;
			/* the hidden stamp when the readers' date is on the line too */
			if (machine_stamp(pg, h) && L->nhits > 1) {
				int m;

				for (m = L->hit0; m < L->hit0 + L->nhits; m++)
					if (!machine_stamp(pg, &pg->hits[m]))
						break;
				if (m < L->hit0 + L->nhits)
					continue;
			}
			/*
			 * Words of the headline on both sides: the day it is about
			 * ("Tagung in Eichstätt (26. und 27. 2. 2015, Eichstätt)"),
			 * a weaker sign than a dateline of its own next to it.
			 */
			if (dist == 0 && has_letter(pg->p, L->s, h->pos) &&
			    has_letter(pg->p, h->pos + h->len, L->e))
				sc -= 0.5;
			if (h->flags & SC_DATE_RELATIVE)
				sc -= 1;
			if (dist >= 0)
				sc -= 0.15 * dist;
			else
				sc -= 0.4 * -dist;
			/* a date in running text is an event, not the page's date */
			if (pg->pa[L->para].prose && (L->nchars > 150 || L->words > 12)) {
				/*
				 * except a dateline that opens the line: "Am 8. November
				 * 2021 ...", "PUBLISHED: November 8, 2023", "Red. / 31.10.2023"
				 */
				if (h->pos > L->s + (L->nchars > 150 ? 4 : 24) &&
				    !date_is_published(pg, h))
					continue;
				sc -= 3;
			}
			if (date_is_update(pg, h))
				sc -= 2;
			if (date_is_published(pg, h))
				sc += 2;
			/* a quoted post inside the text ("Posted by X on DATE"): indented */
			if (L->indent >= 4 && i > pg->title)
				sc -= 1;
			/* well inside the main text: an event or an embed, not the dateline */
			if (pg->rs >= 0 && i > pg->title && pg->ln[i].nb > pg->ln[pg->rs].nb + 2 &&
			    pg->rs > pg->title)
				sc -= 1;
			if (h->flags & SC_DATE_YY)
				sc -= 0.5;
			if (pg->debug) {
				char b[SC_DATE_FMTLEN];

				sc_date_format(&h->d, b);
				fprintf(stderr, "date %4d %6.2f %s\n", i, sc, b);
			}
			if (sc > bs) {
				bs = sc;
				best = k;
			}
		}
	}
	src = 0;
	if (best < 0 || bs < -5) {
		best = find_date_far(pg, hi + 1);
		src = 1;
	}
	if (best < 0) {
		best = find_date_main(pg);
		src = 2;
	}
	if (best < 0)
		return 0;
	if (pg->debug)
		fprintf(stderr, "datechosen src=%d score=%.2f flags=%x pos=%zu\n", src,
		    src ? 0 : bs, pg->hits[best].flags, pg->hits[best].pos);
	*out = pg->hits[best].d;
	return 1;
}

/* ------------------------------------------------------------ byline */

static size_t skip_time(const char *, size_t, size_t);

/* The line opens the comments: bylines after it are commenters'. */
static int
comments_start(struct page *pg, const struct line *L)
{
	static const char *const heads[] = { "comment", "kommentar", "antworten",
		"leave a reply", "reply", "sagt:", "says:", "schreibt:", "writes:",
		"wrote:", "a \xC3\xA9\x63rit", "escribi\xC3\xB3:", "scrive:", "schreef:",
		"commentaire",
		"comentario", "commenti", "reacties", "responses", "antwort",
		"related", "ähnliche", "you may also", "you might also",
		"latest content", "neueste beiträge", "most popular" };

	struct line *M = (struct line *)L;

	/*
	 * A heading of its own, not a byline that counts its comments, nor
	 * the last line of a wrapped sentence ("... declined to comment.",
	 * "... were not related.").
	 */
	if (L->nchars > 40 || L->nhits > 0 || (L->cont && L->term))
		return 0;
	if (M->comments < 0) {
		lower_line(pg, L);
		M->comments = (signed char)low_has_any(pg, heads, NELEM(heads));
	}
	return M->comments;
}

/* Headings over teasers of other articles (teaser_heading(), teaser_link_line()). */
static const char *const teaser_heads[] = { "lesen sie auch", "lesen sie mehr",
	"auch interessant", "das könnte sie auch", "mehr zum thema",
	"verwandte artikel", "weitere artikel", "weitere beiträge",
	"meistgelesen", "meist gelesen", "empfohlene artikel", "read more",
	"read also", "read next", "see also", "more stories", "more from",
	"more on this", "recommended", "lire aussi", "à lire aussi",
	"À lire aussi", "sur le même sujet", "lee también",
	"te puede interesar", "leia também", "leggi anche", "lees ook",
	"czytaj też", "czytaj także" };

/*
 * A heading over teasers of other articles, inside or after the text
 * ("Lesen Sie auch", "Read more", "À lire aussi"): the bylines under it
 * are those articles' writers.  The byline search passes over the few
 * lines a teaser takes (an image, a kicker, a headline, a blurb, a
 * byline, a date), and over the next teaser while bylines or dates keep
 * coming, and goes on: the heading often stands inside the text, and the
 * article's own "Posted by" may come after it.
 */
static int
teaser_heading(const struct page *pg, const struct line *L)
{
	return short_heading(pg, L, teaser_heads, NELEM(teaser_heads));
}

/*
 * A line that opens with such a heading and a colon, the other story's
 * link after it ("Related: Harbour plan delayed (March 2, 2020)", "Lesen
 * Sie auch: ... 12.03.2020"): its date is that story's.
 */
static int
teaser_link_line(const struct page *pg, const struct line *L)
{
	const char *p = pg->p;
	size_t k, q;

	/* and "Related:", which as a bare prefix would also start "Related
	 * party transactions", a heading inside a text */
	for (k = 0; k <= NELEM(teaser_heads); k++) {
		const char *h = k < NELEM(teaser_heads) ? teaser_heads[k] : "related";

		if (!starts_ci(p, L->s, L->e, h))
			continue;
		q = L->s + strlen(h);
		while (q < L->e && p[q] == ' ')
			q++;
		if (q < L->e && p[q] == ':')
			return 1;
	}
	return 0;
}

/*
 * The scans of byline_from_line() over a line's bytes skip sixteen at a
 * time to the next byte that could start what they look for: the first j
 * from j0 on (e or more when none) where p[j] is '|', or "//", a space
 * before a space or 0xE2 (sep_candidate()); or where p[j] p[j + 1] read
 * "vo", "au" or "by" in either case (glued_candidate()).  The byte after
 * each lane is read, so sixteen lanes need seventeen bytes below e.
 */
static size_t
sep_candidate(const char *p, size_t j, size_t e)
{
	for (; j + 17 <= e; j += 16) {
		sc_u8x16 a = sc_load16(p + j), b = sc_load16(p + j + 1);
		unsigned m = sc_mask16((sc_i8x16)(a == '|') |
		    ((sc_i8x16)(a == '/') & (sc_i8x16)(b == '/')) |
		    ((sc_i8x16)(a == ' ') & ((sc_i8x16)(b == ' ') | (sc_i8x16)(b == 0xE2))));

		if (m != 0)
			return j + (size_t)__builtin_ctz(m);
	}
	return j;
}

static size_t
glued_candidate(const char *p, size_t j, size_t e)
{
	for (; j + 17 <= e; j += 16) {
		sc_u8x16 a = sc_load16(p + j) | 0x20, b = sc_load16(p + j + 1) | 0x20;
		unsigned m = sc_mask16(((sc_i8x16)(a == 'v') & (sc_i8x16)(b == 'o')) |
		    ((sc_i8x16)(a == 'a') & (sc_i8x16)(b == 'u')) |
		    ((sc_i8x16)(a == 'b') & (sc_i8x16)(b == 'y')));

		if (m != 0)
			return j + (size_t)__builtin_ctz(m);
	}
	return j;
}

/*
 * Where the first date on line L after p[a] starts, or the line's end: a
 * name stops before it ("By Jane Doe November 6, 2017", whose month
 * name is capitalised as a name is).
 */
static size_t
date_after(const struct page *pg, const struct line *L, size_t a)
{
	int k;

	for (k = L->hit0; L->nhits > 0 && k < L->hit0 + L->nhits; k++)
		if (pg->hits[k].pos > a)
			return pg->hits[k].pos;
	return L->e;
}

static int
byline_from_line(struct page *pg, int i, struct names *nm, char **role)
{
	const struct line *L = &pg->ln[i];
	const char *p = pg->p;
	size_t after, s = L->s, e = L->e, j;
	int m, k;

	/* image placeholders before the byline: "[e3d6d9295d] By ..." */
	while (s < e && p[s] == '[') {
		const char *c = memchr(p + s, ']', e - s);

		if (c == NULL)
			break;
		s = (size_t)(c - p) + 1;
		while (s < e && p[s] == ' ')
			s++;
	}
	/*
	 * A wrapped line of running text that happens to start with "von"
	 * or "by" is no byline: "... der Zuständigkeit\n von Verwaltungs-
	 * verfahren zur Ausführung ...".
	 */
	if ((L->cont || (i > 0 && !pg->ln[i - 1].blank && pg->ln[i - 1].nchars >= 100 &&
	    pg->pa[L->para].prose)) && L->s < L->e && p[L->s] >= 'a' && p[L->s] <= 'z')
		return 0;
	/* a rule before it: "---- by Kenneth Surin" */
	if (s < e && (p[s] == '-' || p[s] == '=' || p[s] == '_'))
		s = skip_seps(p, e, s);
	/* "By X", "Von X", "Posted by X", and the marker alone on its line */
	m = byline_marker(p, s, e, &after);
	if (m == 2) {
		for (j = (size_t)i + 1; j < (size_t)pg->nl && j <= (size_t)i + 2; j++)
			if (!pg->ln[j].blank)
				break;
		if (j < (size_t)pg->nl && j <= (size_t)i + 2 &&
		    read_names(p, pg->ln[j].s, pg->ln[j].e, 1, nm) > 0) {
			read_role(p, nm->end, pg->ln[j].e, role);
			return 1;
		}
		return 0;
	}
	if (m == 1 && read_names(p, after, date_after(pg, L, after), 1, nm) > 0) {
		read_role(p, nm->end, date_after(pg, L, after), role);
		/* a labelled byline ("Autor: X", "作者：X") is as strong as a dated one */
		return memchr(p + s, ':', after - s) != NULL ||
		    find_in(p + s, after - s, "\xEF\xBC\x9A", 3) != NULL ? 3 : 1;
	}
	/* "DATE von X", "Published on DATE by X", "DATE | 14:08 Uhr | von X" */
	for (k = L->hit0; L->nhits > 0 && k < L->hit0 + L->nhits; k++) {
		size_t q = skip_time(p, e, pg->hits[k].pos + pg->hits[k].len);

		if (byline_marker(p, q, e, &after) == 1 &&
		    !starts_ci(p, q, e, "di ") &&
		    read_names(p, after, e, 1, nm) > 0)
			return 2;
	}
	/* a marker after a separator: "12:13 // Autor: X // 1 Minute", "News | By X" */
	for (j = s + 1; (j = sep_candidate(p, j, e)) + 3 < e; j++) {
		size_t q;

		if (!(p[j] == '|' || (p[j] == '/' && p[j + 1] == '/') ||
		    (p[j] == ' ' && p[j + 1] == ' ' && p[j + 2] == ' ') ||
		    (p[j] == ' ' && (unsigned char)p[j + 1] == 0xE2 && j + 4 < e &&
		    (unsigned char)p[j + 2] == 0x80 && ((unsigned char)p[j + 3] == 0xA2 ||
		    (unsigned char)p[j + 3] == 0x93 || (unsigned char)p[j + 3] == 0x94))))
			continue;
		q = skip_seps(p, e, p[j] == ' ' ? j + 4 : j);
		if (q < e && byline_marker(p, q, e, &after) == 1 &&
		    !starts_ci(p, q, e, "di ") && read_names(p, after, e, 1, nm) > 0)
			return 2;
	}
	/*
	 * The Chinese markers end in a full-width colon, which no name or
	 * prose has in it: after a space anywhere on the line, as news sites
	 * put them after the time and the source ("10:30  来源：新华社  作者：张伟"):
	 * 作者： (author) and 记者： (reporter).
	 */
	if (e > s && e - s > 9) {
		const char *q = p + s + 7, *end = p + e;

		/* one search for the colon (memchr() on Latin lines), then the word before it */
		while ((q = memchr(q, 0xEF, (size_t)(end - q))) != NULL && end - q > 3) {
			if ((unsigned char)q[1] == 0xBC && (unsigned char)q[2] == 0x9A &&
			    q[-7] == ' ' && (memcmp(q - 6, "\xE4\xBD\x9C\xE8\x80\x85", 6) == 0 ||
			    memcmp(q - 6, "\xE8\xAE\xB0\xE8\x80\x85", 6) == 0) &&
			    read_names(p, (size_t)(q - p) + 3, e, 1, nm) > 0)
				return 2;
			q++;
		}
	}
	/*
	 * An avatar's name glued before the byline that names the same
	 * writer: "Jane DoeBy Jane Doe, City Staff".
	 */
	{
		const char *q = find_in(p + s, e - s, "By ", 3);

		if (q != NULL && (j = (size_t)(q - p)) > s + 3 && p[j - 1] >= 'a' &&
		    p[j - 1] <= 'z' && j + 3 + (j - s) <= e &&
		    memcmp(p + s, p + j + 3, j - s) == 0 &&
		    read_names(p, j + 3, date_after(pg, L, j + 3), 1, nm) > 0) {
			read_role(p, nm->end, date_after(pg, L, j + 3), role);
			return 1;
		}
	}
	/* markers glued to the name: "Geschrieben vonElisa", "AuthorAndreas" */
	for (j = s; (j = glued_candidate(p, j, e)) + 4 < e; j++) {
		static const char *const glued[] = { "von", "author", "autor", "by" };
		size_t g;
		unsigned char c = (unsigned char)p[j] | 0x20;

		if (c != 'v' && c != 'a' && c != 'b')
			continue;
		for (g = 0; g < NELEM(glued); g++) {
			size_t gl = strlen(glued[g]);

			if (j + gl < e && sc_ascii_ieq(p + j, glued[g], gl) &&
			    p[j + gl] >= 'A' && p[j + gl] <= 'Z' &&
			    (j == s || p[j - 1] == ' ' || (p[j - 1] >= '0' && p[j - 1] <= '9') ||
			    (gl > 3 && p[j - 1] >= 'a' && p[j - 1] <= 'z')) &&
			    (gl > 3 || j == s || p[j - 1] == ' ') &&
			    read_names(p, j + gl, e, 1, nm) > 0)
				return 1;
		}
	}
	return 0;
}

/*
 * The length of the time zone a time is given in at p[r..e) ("PST",
 * "CET", "MESZ"), in capitals and followed by a space or the end of the
 * line, or 0: "7:45 am PST by Jane Doe".
 */
static size_t
time_zone(const char *p, size_t r, size_t e)
{
	static const char *const zones[] = { "UTC", "GMT", "ET", "PT", "CT", "MT",
		"EST", "EDT", "PST", "PDT", "CST", "CDT", "MST", "MDT", "BST", "CET",
		"CEST", "MEZ", "MESZ", "EET", "EEST", "WET", "WEST", "IST", "JST",
		"KST", "HKT", "SGT", "AEST", "AEDT" };
	size_t k, l;

	/* every zone opens with two capitals: most words fail here */
	if (r + 2 > e || p[r] < 'A' || p[r] > 'Z' || p[r + 1] < 'A' || p[r + 1] > 'Z')
		return 0;
	for (k = 0; k < NELEM(zones); k++) {
		l = strlen(zones[k]);
		if (r + l <= e && memcmp(p + r, zones[k], l) == 0 &&
		    (r + l == e || p[r + l] == ' ' || p[r + l] == ',' || p[r + l] == ')'))
			return l;
	}
	return 0;
}

/* Past separators and times after a date: " | 14:08 Uhr | ", " 7:45 am PST " */
static size_t
skip_time(const char *p, size_t e, size_t q)
{
	for (;;) {
		size_t r = skip_seps(p, e, q), z;
		int hh = 0;

		if (r + 1 < e && p[r] >= '0' && p[r] <= '9') {
			while (r < e && ((p[r] >= '0' && p[r] <= '9') || p[r] == ':'))
				r++, hh++;
			while (r < e && p[r] == ' ')
				r++;
			q = r;
			continue;
		}
		/* the unit of a time the date finder already read: "13:10 Uhr" */
		if (starts_ci(p, r, e, "uhr") || starts_ci(p, r, e, "hrs"))
			r += 3;
		else if ((z = time_zone(p, r, e)) != 0)
			r += z;
		else if (starts_ci(p, r, e, "hs ") || starts_ci(p, r, e, "h "))
			r += p[r + 1] == 's' ? 2 : 1;
		else
			return r;
		q = r;
	}
}

/* p[a..e) is one widget word glued to a name: "Inga HoeltmannFollow". */
static int
widget_rest(const char *p, size_t a, size_t e)
{
	if (a >= e || memchr(p + a, ' ', e - a) != NULL || a == 0 || p[a - 1] == ' ')
		return 0;
	return word_in_folded(p + a, e - a, name_stops, NELEM(name_stops)) ||
	    word_in_folded(p + a, e - a, junk_words, NELEM(junk_words));
}

/* The start of a comment widget after a byline: "Schreibe einen Kommentar". */
static int
comment_rest(const char *p, size_t a, size_t e)
{
	static const char *const w[] = { "schreibe ", "leave a", "hinterlasse",
		"keine kommentare", "no comments", "laisser un", "deja un", "lascia un" };
	size_t k, b = skip_seps(p, e, a);

	for (k = 0; k < NELEM(w); k++)
		if (starts_ci(p, b, e, w[k]))
			return 1;
	/* "| Kommentare 34": a comment count after a separator, not "Anzahl Kommentare" */
	return memchr(p + a, '|', b - a) != NULL &&
	    (starts_ci(p, b, e, "kommentar") || starts_ci(p, b, e, "comment"));
}

/*
 * A line that is only a name next to a date line ("Dominique Wehrmann"
 * above "am 4. Februar 2022"), or a name and a date on one line
 * ("Bettina Kugler 19.10.2019, 05:00 Uhr", "Uta Helkenberg | 04.02.2022").
 */
static int
name_near_date(struct page *pg, int i, struct names *nm)
{
	const struct line *L = &pg->ln[i];
	const char *p = pg->p;
	struct names tmp = { { 0 }, 0, 0 };
	int ok = 0;

	if (L->nchars > 80 || L->words > 12)
		return 0;
	if (L->nhits == 0) {
		int j, near = 0;

		for (j = i - 1; j >= 0 && j >= i - 2; j--)
			if (!pg->ln[j].blank) {
				near |= pg->ln[j].nhits > 0 && pg->ln[j].nchars < 60;
				break;
			}
		for (j = i + 1; j < pg->nl && j <= i + 2; j++)
			if (!pg->ln[j].blank) {
				near |= pg->ln[j].nhits > 0 && pg->ln[j].nchars < 60;
				break;
			}
		if (read_names(p, L->s, L->e, 0, &tmp) == 1) {
			/* "Amelie Siekmann," over "am Sonntag, 11.12.2022": the
			 * comma of a byline the dump broke before its date */
			if (near && L->words <= 4 &&
			    (tmp.end == L->e || widget_rest(p, tmp.end, L->e) ||
			    (tmp.end + 1 == L->e && p[tmp.end] == ',')) &&
			    !word_in_headline(pg, tmp.authors.p, tmp.authors.len))
				ok = 1;
			/* "Patrick Danowski   06 PM | 18 Mai": a time or a day after a gap */
			else if (tmp.end + 3 < L->e && p[tmp.end] == ' ' && p[tmp.end + 1] == ' ' &&
			    memchr(tmp.authors.p, ' ', tmp.authors.len) != NULL) {
				size_t q = skip_seps(p, L->e, tmp.end);

				ok = q < L->e && p[q] >= '0' && p[q] <= '9';
			}
		}
	} else {
		const struct sc_date_hit *h = &pg->hits[L->hit0];
		size_t a = skip_seps(p, L->e, L->s), b;

		/*
		 * name before the date, and before its weekday ("Jane Doe,
		 * Sunday, October 18th, 2020"): a weekday is no part of a
		 * name ("Created Sunday, October 18th, 2020" names nobody)
		 */
		{
			size_t z = h->pos, w;

			if (sc_date_weekday_start(p, z, &w) >= 0)
				z = w > a ? w : a;
			if (a < z && read_names(p, a, z, 0, &tmp) == 1) {
				b = skip_seps(p, z, tmp.end);
				ok = b == z;
			}
		}
		/* a user name glued to the date: "macbacchi28.09.19 12:44" */
		if (!ok && a < h->pos && h->pos - a >= 3 && h->pos - a <= 24 &&
		    is_letter((unsigned char)p[h->pos - 1])) {
			size_t z;
			int low = 0;

			/* letters, some lowercase: "FINTECH20. Juni 2019" is a section label */
			for (z = a; z < h->pos && ((p[z] | 0x20) >= 'a' && (p[z] | 0x20) <= 'z'); z++)
				low += p[z] >= 'a';
			if (z == h->pos && low > 0 && !word_in_folded(p + a, z - a, name_stops, NELEM(name_stops)) &&
			    !word_in_folded(p + a, z - a, org_words, NELEM(org_words)) &&
			    !word_in_folded(p + a, z - a, junk_words, NELEM(junk_words))) {
				sc_buf_reset(&tmp.authors);
				sc_buf_add(&tmp.authors, p + a, z - a);
				tmp.count = 1;
				ok = 1;
			}
		}
		/*
		 * name after the date (and a time): "1. Februar 2022 , Daniel
		 * Dillenburg"; after the last of two: "28. Juni 2019 14. Januar
		 * 2020 | Klaus Weber" (published, updated, writer)
		 */
		if (!ok && L->nhits <= 2) {
			size_t q;

			h = &pg->hits[L->hit0 + L->nhits - 1];
			q = skip_time(p, L->e, h->pos + h->len);
			sc_buf_reset(&tmp.authors);
			tmp.count = 0;
			if (q < L->e && q > h->pos + h->len &&
			    read_names(p, q, L->e, 0, &tmp) == 1 && tmp.end == L->e)
				ok = 1;
			/* "28. Januar 2015 karstenruppert Schreibe einen Kommentar" */
			if (!ok && q < L->e && q > h->pos + h->len) {
				sc_buf_reset(&tmp.authors);
				tmp.count = 0;
				if (read_names(p, q, L->e, 1, &tmp) == 1 &&
				    comment_rest(p, tmp.end, L->e))
					ok = 1;
			}
		}
	}
	if (ok) {
		sc_buf_add(&nm->authors, tmp.authors.p, tmp.authors.len);
		nm->count = tmp.count;
	}
	sc_buf_free(&tmp.authors);
	return ok;
}

/* The name a[0..n) is one of the names in nm already. */
static int
name_listed(const struct names *nm, const char *a, size_t n)
{
	size_t i = 0, len = nm->authors.len;
	const char *s = nm->authors.p;

	while (i < len) {
		const char *sep = find_in(s + i, len - i, "; ", 2);
		size_t end = sep != NULL ? (size_t)(sep - s) : len;

		if (end - i == n && memcmp(s + i, a, n) == 0)
			return 1;
		i = end + 2;
	}
	return 0;
}

/* Every name of "A B; C D" has a space inside it. */
static int
every_name_two_words(const char *a, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *sep = find_in(a + i, n - i, "; ", 2);
		size_t end = sep != NULL ? (size_t)(sep - a) : n;

		if (memchr(a + i, ' ', end - i) == NULL)
			return 0;
		i = end + 2;
	}
	return n > 0;
}

/*
 * A byline at the end of the lead: "... party. Siamak Kakai – Iraqi
 * Affairs Expert", "... records began. By Samuel Reyes".
 */
static int
byline_at_end(struct page *pg, const struct line *L, struct names *nm, char **role,
    size_t *cut)
{
	const char *p = pg->p;
	size_t e = L->e, i, ns;

	/* the last sentence end, then "Name Name – Role" */
	for (i = e; i > L->s + 1; i--)
		if ((p[i - 2] == '.' || p[i - 2] == '!' || p[i - 2] == '?') && p[i - 1] == ' ')
			break;
	if (i <= L->s + 1 || e - i > 120)
		return 0;
	ns = i;
	/* "... since records began. By Samuel Reyes": a marked byline to the end */
	{
		struct names tmp = { { 0 }, 0, 0 };
		size_t after, t;
		int n;

		if (byline_marker(p, ns, e, &after) == 1 &&
		    (n = read_names(p, after, e, 1, &tmp)) > 0 && n <= 3) {
			for (t = tmp.end; t < e && (p[t] == ' ' || p[t] == '\t'); t++)
				;
			/* Two words a name at least: "Por España", "Di Maio",
			 * "Von Berlin" end sentences too. */
			if (t == e && every_name_two_words(tmp.authors.p, tmp.authors.len)) {
				sc_buf_add(&nm->authors, tmp.authors.p, tmp.authors.len);
				nm->count = n;
				*role = NULL;
				*cut = ns;
				sc_buf_free(&tmp.authors);
				return 1;
			}
		}
		sc_buf_free(&tmp.authors);
	}
	{
		struct names tmp = { { 0 }, 0, 0 };
		char *r = NULL;
		int ok = 0;

		if (read_names(p, ns, e, 0, &tmp) == 1 && tmp.count == 1) {
			read_role(p, tmp.end, e, &r);
			ok = r != NULL;
		}
		if (ok) {
			sc_buf_add(&nm->authors, tmp.authors.p, tmp.authors.len);
			nm->count = 1;
			*role = r;
			*cut = ns;
		} else
			free(r);
		sc_buf_free(&tmp.authors);
		return ok;
	}
}

/* The code point that ends just before i (s < i). */
static uint32_t
cp_before(const char *p, size_t s, size_t i)
{
	size_t k = i - 1, l;

	while (k > s && ((unsigned char)p[k] & 0xC0) == 0x80 && i - k < 4)
		k--;
	return cp_at(p, i, k, &l);
}

/*
 * A word of the name s[0..n) is in the headline: a name line under it
 * is its subject or a kicker ("Bee Simulator" over "Bee Simulator
 * Multiplayer"), not its writer.
 */
static int
word_in_headline(const struct page *pg, const char *s, size_t n)
{
	const struct line *T = &pg->ln[pg->title];
	size_t i = 0, j;

	while (i < n) {
		const char *sp = memchr(s + i, ' ', n - i);
		size_t a = T->s;

		j = sp != NULL ? (size_t)(sp - s) : n;
		/* the whole word: "Kaisers Wochenrückblick" is Boris Kaiser's column */
		while (j > i && a < T->e) {
			const char *m = find_in(pg->p + a, T->e - a, s + i, j - i);
			size_t b, l;

			if (m == NULL)
				break;
			a = (size_t)(m - pg->p);
			b = a + (j - i);
			if ((a == T->s || !is_letter(cp_before(pg->p, T->s, a))) &&
			    (b == T->e || !is_letter(cp_at(pg->p, T->e, b, &l))))
				return 1;
			a++;
		}
		i = j + 1;
	}
	return 0;
}

/*
 * A bare name needs more proof than one after "By": each word is
 * capitalised like a name ("Elizabeth", not "PowerPoint" nor all of it
 * in capitals), and no word of it is in the headline (a kicker or a
 * subject, not the writer).
 */
static int
plain_name(const struct page *pg, const char *s, size_t n)
{
	const struct line *T = &pg->ln[pg->title];
	size_t i = 0;
	int lower = 0;

	while (i < n) {
		size_t j = i, l;
		int k = 0, inner_upper = 0, prev_lower = 0;

		while (j < n && s[j] != ' ') {
			uint32_t cp = cp_at(s, n, j, &l);

			if (prev_lower && is_upper(cp))
				inner_upper = 1;	/* "PowerPoint" */
			prev_lower = is_lower(cp);
			lower |= prev_lower;
			k++;
			j += l;
		}
		if (inner_upper || k < 2)
			return 0;
		/* any part of the headline, even inside a word ("Arbeit" in "Arbeitsplatz") */
		if (find_in(pg->p + T->s, T->e - T->s, s + i, j - i) != NULL)
			return 0;
		i = j + 1;
	}
	/* all in capitals without a marker: a menu's label ("KAFFEE PRODUKTE") */
	return lower;
}

/*
 * After a name, a separator and a reading-time widget only: "Jane Doe ·
 * 3 min read", "Jana Muster | Lesezeit: 4 Min.".
 */
static int
reading_time_rest(const char *p, size_t a, size_t e)
{
	size_t b = skip_seps(p, e, a);

	return b > a && b < e && reading_time_line(p, b, e, 48);
}

/*
 * p[a..e) is a social handle glued to the name before it, the rest of the
 * line: "Jane Doe@janedoe".
 */
static int
glued_handle(const char *p, size_t a, size_t e)
{
	size_t j;

	if (a == 0 || a >= e || p[a] != '@' || p[a - 1] == ' ' || e - a < 3 || e - a > 31)
		return 0;
	for (j = a + 1; j < e; j++)
		if (!(((p[j] | 0x20) >= 'a' && (p[j] | 0x20) <= 'z') ||
		    (p[j] >= '0' && p[j] <= '9') || p[j] == '_'))
			return 0;
	return 1;
}

/*
 * A line that is only a person's name ("Jane Doe", "Inga WeidmannFollow"):
 * adds the name to *nm.
 */
static int
name_line(const struct page *pg, const struct line *L, struct names *nm)
{
	struct names tmp = { { 0 }, 0, 0 };
	int ok = 0, bare = L->nchars <= 40 && L->words <= 4;

	/* read_names() is the costly test: a longer line must hold a
	 * reading time first */
	if (L->words >= 2 && L->nhits == 0 && (bare || (L->nchars <= 64 &&
	    reading_time_line(pg->p, L->s, L->e, 128))) &&
	    read_names(pg->p, L->s, L->e, 0, &tmp) == 1 &&
	    ((bare && (tmp.end == L->e || widget_rest(pg->p, tmp.end, L->e) ||
	    glued_handle(pg->p, tmp.end, L->e))) ||
	    reading_time_rest(pg->p, tmp.end, L->e)) &&
	    plain_name(pg, tmp.authors.p, tmp.authors.len)) {
		sc_buf_add(&nm->authors, tmp.authors.p, tmp.authors.len);
		nm->count++;
		ok = 1;
	}
	sc_buf_free(&tmp.authors);
	return ok;
}

/* A line of one to three capitals alone: the initials of an avatar ("LP"). */
static int
initials_line(const struct page *pg, const struct line *L)
{
	size_t i;

	if (L->e - L->s > 3 || L->e == L->s)
		return 0;
	for (i = L->s; i < L->e; i++)
		if (!(pg->p[i] >= 'A' && pg->p[i] <= 'Z'))
			return 0;
	return 1;
}

/*
 * Co-authors on the lines around the name line i, each name on its own
 * line as a text browser lays out a list of author links, with or
 * without the initials of their avatars ("LP / Luana Patriolino / RF /
 * Raphael Felice").  The list runs between blank lines and ends at
 * anything that is not a name; a name given twice counts once.  Replaces
 * the names in *nm when the list holds more than one.
 */
static void
name_block(const struct page *pg, int i, struct names *nm)
{
	struct names all = { { 0 }, 0, 0 };
	int j, first = i;

	if (!name_line(pg, &pg->ln[i], &all)) {
		sc_buf_free(&all.authors);
		return;
	}
	sc_buf_reset(&all.authors);
	all.count = 0;
	for (j = i - 1; j >= 0 && j >= i - 8 && !pg->ln[j].blank && j != pg->title; j--) {
		struct names tmp = { { 0 }, 0, 0 };
		int ok = initials_line(pg, &pg->ln[j]) || name_line(pg, &pg->ln[j], &tmp);

		sc_buf_free(&tmp.authors);
		if (!ok)
			break;
		first = j;
	}
	for (j = first; j < pg->nl && all.count < 6; j++) {
		const struct line *L = &pg->ln[j];
		struct names tmp = { { 0 }, 0, 0 };
		int ok;

		if (L->blank)
			break;
		if (initials_line(pg, L))
			continue;
		ok = name_line(pg, L, &tmp);
		/*
		 * A heading over a list ("Key Points" over bullets) under the
		 * names is the list's, no co-author.
		 */
		if (ok && all.count > 0) {
			int b = next_filled(pg, j, 1, 2);

			if (b >= 0 && pg->ln[b].bullet)
				ok = 0;
		}
		if (ok && !name_listed(&all, tmp.authors.p, tmp.authors.len)) {
			if (all.count > 0)
				sc_buf_adds(&all.authors, "; ");
			sc_buf_add(&all.authors, tmp.authors.p, tmp.authors.len);
			all.count++;
		}
		sc_buf_free(&tmp.authors);
		if (!ok)
			break;
	}
	if (all.count > 1) {
		sc_buf_reset(&nm->authors);
		sc_buf_add(&nm->authors, all.authors.p, all.authors.len);
		nm->count = all.count;
	}
	sc_buf_free(&all.authors);
}

/* "am 25.08.2015", "um 10:52", "on 3 May": a date or time right after a name. */
static int
time_follows(const char *p, size_t i, size_t e)
{
	static const char *const w[] = { "am ", "um ", "on ", "at ", "le ", "el ",
		"il ", "op ", "den ", "on: " };
	size_t k;

	while (i < e && (p[i] == ' ' || p[i] == ',' || p[i] == '|'))
		i++;
	for (k = 0; k < NELEM(w); k++)
		if (starts_ci(p, i, e, w[k])) {
			i += strlen(w[k]);
			break;
		}
	while (i < e && p[i] == ' ')
		i++;
	return i < e && p[i] >= '0' && p[i] <= '9';
}

/*
 * A news agency's credit in the dateline that opens an article, when no
 * writer is named: "Hamburg (dpa/lno) - Trotz ...", "PARIS (AFP) - ...".
 * The place is one to three words, capitalised, the credit one short
 * token without digits or commas ("dpa/lno", "AFP"), a dash follows.
 * Returns 1 with the credit's span in [*cs, *ce).
 */
static int
agency_credit(const char *p, size_t s, size_t e, size_t *cs, size_t *ce)
{
	size_t o, c, k, words = 1, l;

	if (e - s < 80 || !is_upper(cp_at(p, e, s, &l)))
		return 0;
	for (o = s; o < e && o < s + 60 && p[o] != '('; o++)
		words += p[o] == ' ';
	if (o >= e || p[o] != '(' || o == s || p[o - 1] != ' ' || words - 1 > 3)
		return 0;
	for (c = o + 1; c < e && c < o + 27 && p[c] != ')'; c++)
		if ((p[c] >= '0' && p[c] <= '9') || p[c] == ',' || p[c] == ' ')
			return 0;
	if (c >= e || p[c] != ')' || c - o < 3)
		return 0;
	k = c + 1;
	while (k < e && p[k] == ' ')
		k++;
	if (k < e && (p[k] == '-' || (k + 3 <= e && (memcmp(p + k, "\xE2\x80\x93", 3) == 0 ||
	    memcmp(p + k, "\xE2\x80\x94", 3) == 0)))) {
		*cs = o + 1;
		*ce = c;
		return 1;
	}
	return 0;
}

/*
 * A name read without a marker is a menu's entry when one of its words
 * alone is an item of a list elsewhere on the page ("27.01.2022 Aktuelles
 * Experteninterviews" under a menu holding "Experteninterviews").  Then
 * the names in *nm are dropped and 1 returned.  The whole name as an
 * item does not count (an author box at the end: "• Boris T. Kaiser"),
 * nor items on the lines around the name (a byline laid out as a list).
 */
static int
menu_name(const struct page *pg, int at, struct names *nm)
{
	const char *a = nm->authors.p;
	size_t n = nm->authors.len;
	int j;

	for (j = 0; j < pg->nl; j++) {
		const struct line *L = &pg->ln[j];
		size_t len = L->e - L->s, i = 0;

		if (!L->bullet || (j >= at - 3 && j <= at + 3) || len < 4 || len > n)
			continue;
		while (i < n) {
			size_t w = i;

			while (w < n && a[w] != ' ' && a[w] != ';')
				w++;
			if (w - i == len && memcmp(pg->p + L->s, a + i, len) == 0)
				goto menu;
			i = w;
			while (i < n && (a[i] == ' ' || a[i] == ';'))
				i++;
		}
	}
	return 0;
menu:
	sc_buf_reset(&nm->authors);
	nm->count = 0;
	return 1;
}

/*
 * An item of a list of three or more without a date, line by line: the
 * topics or tags under a headline ("• Energiewende", "• Internationale
 * Politik", "• Klimaschutz"), where a two-word item reads like a name.
 */
static int
tag_list_item(const struct page *pg, int i)
{
	int a = i, b = i, j;

	if (!pg->ln[i].bullet)
		return 0;
	while (a > 0 && pg->ln[a - 1].bullet)
		a--;
	while (b + 1 < pg->nl && pg->ln[b + 1].bullet)
		b++;
	if (b - a < 2)
		return 0;
	for (j = a; j <= b; j++)
		if (pg->ln[j].nhits > 0)
			return 0;
	return 1;
}

static void
find_byline(struct page *pg, struct sc_pagemeta *out)
{
	struct names nm = { { 0 }, 0, 0 };
	char *role = NULL;
	int i, k, lo, hi, found = 0, mask = 0;

	if (pg->title < 0)
		return;
	lo = pg->title - BYLINE_BEFORE;
	hi = pg->title + BYLINE_AFTER;
	if (lo < 0)
		lo = 0;
	for (i = pg->title + 1; !found && i < pg->nl && i <= hi; i++) {
		if (pg->ln[i].blank)
			continue;
		if (teaser_heading(pg, &pg->ln[i])) {
			mask = TEASER_LINES;
			continue;
		}
		if (mask > 0) {
			/* a teaser's byline or date: the list goes on */
			mask = pg->ln[i].bymark != 0 || pg->ln[i].nhits > 0 ? TEASER_LINES : mask - 1;
			continue;
		}
		if (pg->ln[i].nchars >= 200)
			continue;
		if (comments_start(pg, &pg->ln[i])) {
			hi = i;
			break;
		}
		found = byline_from_line(pg, i, &nm, &role);
	}
	/*
	 * Further down, only an explicit byline at the start of a line
	 * ("Posted by", "Text:"), and never in the comments.
	 */
	for (i = hi + 1; !found && i < pg->nl && i <= pg->title + BYLINE_FAR &&
	    hi == pg->title + BYLINE_AFTER; i++) {
		const struct line *L = &pg->ln[i];

		if (L->blank)
			continue;
		if (teaser_heading(pg, L)) {
			mask = TEASER_LINES;
			continue;
		}
		if (mask > 0) {
			/* a teaser's byline or date: the list goes on */
			mask = pg->ln[i].bymark != 0 || pg->ln[i].nhits > 0 ? TEASER_LINES : mask - 1;
			continue;
		}
		if (L->nchars >= 200)
			continue;
		if (comments_start(pg, L))
			break;
		if (L->bymark != 0 || L->nhits > 0)
			found = byline_from_line(pg, i, &nm, &role);
		/*
		 * So far from the headline, a single word is too weak, unless
		 * a date and a marker stand before it ("26. Dezember 2019 von
		 * Andrea").
		 */
		if (found == 1 && memchr(nm.authors.p, ' ', nm.authors.len) == NULL &&
		    !time_follows(pg->p, nm.end, L->e)) {
			found = 0;
			sc_buf_reset(&nm.authors);
			nm.count = 0;
			free(role);
			role = NULL;
		}
	}
	for (i = pg->title - 1; !found && i >= lo; i--)
		if (!pg->ln[i].blank && pg->ln[i].nchars < 200)
			found = byline_from_line(pg, i, &nm, &role);
	/*
	 * Share buttons and one-word widgets between them do not count:
	 * "Teilen", "Twittern", "Pinnen", "Mail".
	 */
	for (i = pg->title + 1, k = pg->title + 12; !found && i < pg->nl && i <= k; i++) {
		const struct line *L = &pg->ln[i];

		if (L->blank)
			continue;
		if (L->share || (L->words == 1 && L->nchars <= 12))
			k++;
		if ((found = name_near_date(pg, i, &nm)) && L->nhits == 0)
			name_block(pg, i, &nm);
		found = found && !menu_name(pg, i, &nm);
	}
	for (i = pg->title - 1; !found && i >= 0 && i >= pg->title - 3; i--)
		if (!pg->ln[i].blank)
			found = name_near_date(pg, i, &nm) && !menu_name(pg, i, &nm);
	/*
	 * A line that is only a person's name, between the headline and the
	 * start of the text: the byline without its "By".
	 */
	for (i = pg->title + 1, k = 0; !found && i < pg->nl && k < NAME_LINE_AFTER &&
	    (pg->rs < 0 || i < pg->rs); i++) {
		const struct line *L = &pg->ln[i];

		if (L->blank)
			continue;
		k++;
		if (tag_list_item(pg, i))
			continue;
		if (name_line(pg, L, &nm)) {
			name_block(pg, i, &nm);
			found = !menu_name(pg, i, &nm);
		}
	}
	/* no writer named: an agency's credit in the opening dateline */
	for (i = pg->title + 1, k = 0; !found && i < pg->nl && k < 3 && i <= pg->title + 10;
	    i++) {
		const struct line *L = &pg->ln[i];
		size_t cs, ce;

		/* datelines, captions and credits above the text do not count */
		if (L->blank || L->bullet || L->nchars < 80)
			continue;
		k++;
		if (pg->pa[L->para].first == i && agency_credit(pg->p, L->s, L->e, &cs, &ce)) {
			sc_buf_add(&nm.authors, pg->p + cs, ce - cs);
			found = 1;
		}
	}
	if (found && nm.authors.len > 0) {
		out->author = clean_copy(nm.authors.p, 0, nm.authors.len);
		out->author_role = role;
		pg->byline = i;
	} else
		free(role);
	sc_buf_free(&nm.authors);
}

/* ------------------------------------------------------------ categories, tags */

/* Split p[s..e) at commas (and " · ", " | ", " • ") into a list of strings. */
static void
split_list(const char *p, size_t s, size_t e, char ***list, size_t *n)
{
	size_t i = s, a = s;

	while (i <= e) {
		int sep = 0;
		size_t sl = 0;

		if (i == e)
			sep = 1;
		else if (p[i] == ',' || p[i] == ';' || p[i] == '|')
			sep = 1, sl = 1;
		else if (i + 3 <= e && memcmp(p + i, "\xE2\x80\xA2", 3) == 0)
			sep = 1, sl = 3;
		else if (i + 2 <= e && memcmp(p + i, "\xC2\xB7", 2) == 0)
			sep = 1, sl = 2;
		if (sep) {
			char *v = clean_copy(p, a, i);

			if (v != NULL && strlen(v) <= 60) {
				*list = xreallocarray(*list, *n + 1, sizeof **list);
				(*list)[(*n)++] = v;
			} else
				free(v);
			if (i == e)
				break;
			i += sl;
			a = i;
			continue;
		}
		i++;
	}
}

static void
free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static const char *const cat_labels[] = {
	"categories:", "category:", "kategorie:", "kategorien:", "rubrik:",
	"catégorie:", "catégories:", "categoría:", "categorías:", "categoria:",
	"categorie:", "posted in ", "filed under:", "filed under ",
	"veröffentlicht in ", "abgelegt unter:", "abgelegt unter ",
	"kategorie ", "categorized as ",
};
static const char *const tag_labels[] = {
	"tags:", "tag:", "schlagwörter:", "schlagworte:", "stichwörter:",
	"stichworte:", "tagged with:", "tagged ", "etiquetas:", "mots-clés:",
	"mots-clés :", "tag ", "parole chiave:", "trefwoorden:", "keywords:",
	"themen:", "schlagwort:",
};

static void
find_lists(struct page *pg, struct sc_pagemeta *out)
{
	const char *p = pg->p;
	int i, lo, hi;

	if (pg->title < 0)
		return;
	lo = pg->title - 6 < 0 ? 0 : pg->title - 6;
	hi = pg->title + 30;
	for (i = lo; i < pg->nl && i <= hi; i++) {
		const struct line *L = &pg->ln[i];
		size_t k;

		if (L->blank || L->nchars > 300)
			continue;
		/* "2020/09/06 | Note, political, top news" */
		if (out->ncategories == 0 && L->nhits == 1 &&
		    pg->hits[L->hit0].pos <= L->s) {
			size_t q = pg->hits[L->hit0].pos + pg->hits[L->hit0].len;

			while (q < L->e && p[q] == ' ')
				q++;
			if (q + 1 < L->e && p[q] == '|') {
				q++;
				if (memchr(p + q, '|', L->e - q) == NULL)
					split_list(p, q, L->e, &out->categories, &out->ncategories);
			}
		}
		/* the words below all start with one of these letters (an
		 * empty line holds none, and p[L->s] may lie past the text) */
		if (L->s >= L->e)
			continue;
		if (memchr(p + L->s, ':', L->e - L->s) == NULL &&
		    (strchr("pfvakct", sc_ascii_lower((unsigned char)p[L->s])) == NULL ||
		    p[L->s] == '\0'))
			continue;
		if (memchr(p + L->s, ':', L->e - L->s) == NULL &&
		    !starts_ci(p, L->s, L->e, "posted in") && !starts_ci(p, L->s, L->e, "filed") &&
		    !starts_ci(p, L->s, L->e, "veröffentlicht in") &&
		    !starts_ci(p, L->s, L->e, "abgelegt") && !starts_ci(p, L->s, L->e, "kategorie") &&
		    !starts_ci(p, L->s, L->e, "categorized") && !starts_ci(p, L->s, L->e, "tag"))
			continue;
		for (k = 0; out->ncategories == 0 && k < NELEM(cat_labels); k++)
			if (starts_ci(p, L->s, L->e, cat_labels[k]) ||
			    (L->s + 2 < L->e && contains_ci(p, L->s, L->e, cat_labels[k]) &&
			    cat_labels[k][strlen(cat_labels[k]) - 1] == ':')) {
				const char *q = NULL;
				size_t j, l = strlen(cat_labels[k]);

				for (j = L->s; j + l <= L->e; j++)
					if (sc_ascii_ieq(p + j, cat_labels[k], l)) {
						q = p + j + l;
						break;
					}
				if (q != NULL)
					split_list(p, (size_t)(q - p), L->e, &out->categories,
					    &out->ncategories);
			}
		for (k = 0; out->ntags == 0 && k < NELEM(tag_labels); k++)
			if (starts_ci(p, L->s, L->e, tag_labels[k]))
				split_list(p, L->s + strlen(tag_labels[k]), L->e, &out->tags,
				    &out->ntags);
	}
}

/* ------------------------------------------------------------ lead, site */

static int
lead_has_byline(struct page *pg, const struct line *L)
{
	struct names nm = { { 0 }, 0, 0 };
	char *role = NULL;
	size_t cut;
	int ok = byline_at_end(pg, L, &nm, &role, &cut);

	free(role);
	sc_buf_free(&nm.authors);
	return ok;
}

/*
 * The lead: the first paragraph after the headline (past date, byline and
 * category lines) when it reads as prose.  A site prefix "Site - " is
 * taken off when other lines of the page start with the same name.
 */
static void
find_lead(struct page *pg, struct sc_pagemeta *out)
{
	const char *p = pg->p;
	int i, k = 0;

	if (pg->title < 0)
		return;
	for (i = pg->title + 1; i < pg->nl && k < 6; i++) {
		const struct line *L = &pg->ln[i];
		const struct para *P;
		size_t s, e;

		if (L->blank)
			continue;
		k++;
		P = &pg->pa[L->para];
		if (P->first != i)
			continue;
		/*
		 * A one-sentence standfirst closed by "Name – Role" has no final
		 * stop and reads as too short for prose; the byline at its end
		 * makes it a lead all the same.
		 */
		if (!P->prose && !(P->first == P->last && L->nchars >= 120 &&
		    L->words >= 15 && lead_has_byline(pg, L)))
			continue;
		if (P->first != P->last || L->nchars > 1200)
			break;
		s = L->s;
		e = L->e;
		/* "Strategic Council Online - Al-Kazemi's stances ..." */
		{
			size_t t, q;
			static const char *const seps[] = { " - ", " \xE2\x80\x93 ",
				" \xE2\x80\x94 ", "\xE2\x80\x94" };

			for (t = 0; t < NELEM(seps); t++) {
				const char *m = find_in(p + s, e - s < 60 ? e - s : 60,
				    seps[t], strlen(seps[t]));
				int words = 0;

				if (m == NULL)
					continue;
				q = (size_t)(m - p);
				for (size_t z = s; z < q; z++)
					words += p[z] == ' ';
				if (words <= 4 && count_line_prefix(pg, p + s, q - s, i) >= 2) {
					if (out->site == NULL)
						out->site = clean_copy(p, s, q);
					s = q + strlen(seps[t]);
				}
				break;
			}
		}
		if (out->author == NULL) {
			struct names nm = { { 0 }, 0, 0 };
			char *role = NULL;
			size_t cut;
			struct line tmp = *L;

			tmp.s = s;
			if (byline_at_end(pg, &tmp, &nm, &role, &cut)) {
				out->author = clean_copy(nm.authors.p, 0, nm.authors.len);
				out->author_role = role;
				e = cut;
			}
			sc_buf_free(&nm.authors);
		} else {
			/* the byline found elsewhere may end the lead too */
			size_t al = strlen(out->author);
			const char *m = find_in(p + s, e - s, out->author, al);

			if (m != NULL && (size_t)(m - p) > s + (e - s) / 2)
				e = (size_t)(m - p);
		}
		out->description = clean_copy(p, s, e);
		break;
	}
}

/* ------------------------------------------------------------ url */

/* A line that is only the page's own URL ("https://example.com/2020/09/06/slug"). */
static void
find_url(struct page *pg, struct sc_pagemeta *out)
{
	const char *p = pg->p;
	int i, lo, hi;

	if (pg->title < 0)
		return;
	lo = pg->title - 4 < 0 ? 0 : pg->title - 4;
	hi = pg->title + 8;
	for (i = lo; i < pg->nl && i <= hi; i++) {
		const struct line *L = &pg->ln[i];
		size_t j;

		if (L->blank || !(starts_ci(p, L->s, L->e, "http://") ||
		    starts_ci(p, L->s, L->e, "https://")))
			continue;
		for (j = L->s; j < L->e; j++)
			if (p[j] == ' ' || (unsigned char)p[j] < 0x21)
				break;
		if (j == L->e && L->e - L->s > 12) {
			out->url = clean_copy(p, L->s, L->e);
			return;
		}
	}
}

/* ------------------------------------------------------------ entry points */

/*
 * The record's URL, when the page shows no date near its headline:
 * "/2020/09/06/slug" is the publication day on most blogs and news sites.
 */
static int
date_from_url(const struct page *pg, const char *url, struct sc_date *out)
{
	struct sc_date_hit h[4];
	size_t n, i;

	if (url == NULL)
		return 0;
	n = sc_date_find(url, strlen(url), &pg->dc, h, 4);
	for (i = 0; i < n; i++)
		if (h[i].flags & SC_DATE_URL) {
			*out = h[i].d;
			out->hour = -1;
			return 1;
		}
	return 0;
}

void
sc_pagemeta_opts_init(struct sc_pagemeta_opts *o)
{
	memset(o, 0, sizeof *o);
}

void
sc_pagemeta_free(struct sc_pagemeta *m)
{
	if (m == NULL)
		return;
	free(m->title);
	free(m->date);
	free(m->author);
	free(m->author_role);
	free(m->site);
	free(m->description);
	free(m->url);
	free_list(m->categories, m->ncategories);
	free_list(m->tags, m->ntags);
	memset(m, 0, sizeof *m);
}

/*
 * The bytes to read for max bytes of the page's text: lines of script
 * code that a text browser showed (a page's JavaScript printed when the
 * dump ran without it: "0?(a.parentElement&&e.body.removeChild(a),..."),
 * long and dense with braces, semicolons and equals signs (one byte in
 * forty or more), do not count, up to four times max in all.  Only
 * asked of a page longer than max.
 */
static size_t
code_extended(const char *text, size_t len, size_t max)
{
	size_t i = 0, shown = 0, code = 0, cap = len < 4 * max ? len : 4 * max;

	while (i < cap && shown < max) {
		const char *nl = memchr(text + i, '\n', cap - i);
		size_t e = nl ? (size_t)(nl - text) : cap, n = e - i;

		if (n >= 80 && code_bytes(text, i, e) * 40 >= n)
			code += n + 1;
		else
			shown += n + 1;
		i = e + 1;
	}
	return code == 0 ? max : max + code < cap ? max + code : cap;
}

void
sc_pagemeta_extract(const char *text, size_t len, const struct sc_pagemeta_opts *o,
    struct sc_pagemeta *out)
{
	struct sc_pagemeta_opts def;
	struct page pg;
	size_t max;
	struct sc_date d;
	static const char *dbg;
	static int dbg_read;

	memset(out, 0, sizeof *out);
	if (o == NULL) {
		sc_pagemeta_opts_init(&def);
		o = &def;
	}
	memset(&pg, 0, sizeof pg);
	max = o->max_bytes ? o->max_bytes : SC_PAGEMETA_MAX_BYTES;
	if (len > max)
		max = code_extended(text, len, max);
	if (len > max) {
		/* end at a line end, never inside a character */
		const char *nl = NULL;
		size_t i;

		for (i = max; i > max / 2; i--)
			if (text[i - 1] == '\n') {
				nl = text + i;
				break;
			}
		len = nl ? (size_t)(nl - text) : max;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	pg.p = text;
	pg.n = len;
	pg.low = low_kept;
	sc_buf_reset(&pg.low);
	pg.title = pg.byline = pg.lead = -1;
	if (!dbg_read) {
		/* once: the environment is the process's, and getenv() walks it */
		dbg = getenv("SC_PAGEMETA_DEBUG");
		dbg_read = 1;
	}
	pg.debug = dbg == NULL || *dbg == '\0' ? 0 : strcmp(dbg, "features") == 0 ? 2 : 1;
	if (!tables_ready)
		fill_tables();
	sc_date_ctx_init(&pg.dc);
	if (o->now != NULL) {
		pg.dc.now = *o->now;
		pg.dc.relative = 1;
	}
	pg.dc.lang = o->lang;

	split_lines(&pg);
	find_paragraphs(&pg);
	count_duplicates(&pg);
	find_dates(&pg);
	mark_bylines(&pg);
	find_main_text(&pg);
	find_title(&pg);
	crumb_title(&pg);
	header_title(&pg);
	if (pg.title >= 0)
		deck_title(&pg);
	if (pg.title >= 0)
		extend_title(&pg);
	if (pg.title >= 0) {
		char *site = NULL;
		int how;

		out->title = clean_title(&pg, pg.title, &site);
		out->site = site;
		how = find_date(&pg, &d) ? 1 : date_from_url(&pg, o->url, &d) ? 2 :
		    find_date_changed(&pg, &d) ? 3 : find_date_alone(&pg, &d) ? 4 :
		    find_date_headed(&pg, &d) ? 5 : find_date_byline(&pg, &d) ? 6 :
		    find_date_meta(&pg, &d) ? 7 : find_date_listed(&pg, &d) ? 8 :
		    listed_title(&pg, &d) ? 9 : 0;
		if (how == 9) {
			free(out->title);
			free(out->site);
			site = NULL;
			out->title = clean_title(&pg, pg.title, &site);
			out->site = site;
		}
		if (pg.debug)
			fprintf(stderr, "datefrom %d\n", how);
		if (how) {
			char b[SC_DATE_FMTLEN];

			sc_date_format(&d, b);
			out->date = xstrdup(b);
		}
		find_byline(&pg, out);
		find_lists(&pg, out);
		find_lead(&pg, out);
		find_url(&pg, out);
	}
	/* the arrays stay in kept[], the line buffer in low_kept */
	low_kept = pg.low;
}
