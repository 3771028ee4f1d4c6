/*
 * sentence.c: sentence segmentation; see sentence.h.
 *
 * Two layers.  The first finds where Unicode's sentence rules (UAX #29)
 * put a boundary, as ICU's break iterator does.  Running the iterator
 * over a whole UTF-8 text measured 85-100 MB/s here, below our budget,
 * and almost all of that time is spent between sentences.  So the text
 * is scanned for the only places where the rules can break (terminal
 * punctuation and paragraph separators); at each, the rules are applied
 * directly to the few characters they look at, with ICU's character
 * classes, and where those hold combining marks, format characters or
 * invalid UTF-8, ICU's iterator decides on a small window around the
 * terminal.  tests/unit/test_sentence.c checks that this layer agrees
 * with ICU's iterator run over whole texts.
 *
 * No CLDR suppressions ("en@ss=standard"): they slow the iterator four
 * times, they are lists we cannot see into, and they mark "U.S.", "E."
 * or "I." as never ending a sentence, which the second layer decides
 * better from the next word.
 *
 * The second layer corrects the first where it is known to be wrong:
 * abbreviations and titles from data/abbrev/LANG.txt, initials,
 * ordinals (am 3. Oktober), abbreviations before numbers (p. 55),
 * URLs and e-mail addresses, ellipses, bracketed omissions ("[...]"),
 * numbered and lettered lists, Japanese quotations followed by a
 * particle, quoted exclamations followed by lower case, line breaks.
 */
#include "sentence.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "stopwords.h"
#include "utf8.h"
#include "util.h"

#define NOBREAK	((size_t)-1)
#define FALLBACK ((size_t)-2)

/*
 * How far the ICU window reaches back (to the start of the word before
 * the terminal; the rules need one character) and ahead (to the first
 * letter after it; the windows of successive terminals do not overlap
 * there, so the work stays linear; the cap only keeps offsets small).
 */
#define WINDOW_BACK	64
#define WINDOW_AHEAD	((size_t)1 << 20)
/* Longest word looked up in the abbreviation data. */
#define KEY_MAX		48
/* Widths that hard-wrapped text may have (wrap_width). */
#define WRAP_MIN	60
#define WRAP_MAX	250
/* The language guess reads this much of a text. */
#define GUESS_BUDGET	512

/* ---------------------------------------------------------------- */
/* Character classes.                                               */

/*
 * Sentence_Break classes of the BMP, from ICU's data, one byte each
 * (64 KiB, built once).  Outside the BMP ICU is asked directly.
 */
static uint8_t *sb_bmp;
/* ASCII bytes that may start a boundary: '.', '!', '?', CR and LF. */
static uint8_t interesting[256];
/* The same for the BMP: terminals, separators and U+2026, a bit each. */
static uint8_t cand_bmp[0x10000 / 8];
/*
 * Lead bytes 0xC3 to quiet_lead start no candidate (with ICU 72: up to
 * 0xD5, so U+00C0 to U+057F: the letters of Latin, Greek and Cyrillic
 * text), and scan's vector loop skips them with the bytes that follow.
 */
static unsigned quiet_lead = 0xC2;

static void
sb_init(void)
{
	if (sb_bmp != NULL)
		return;
	sb_bmp = xmalloc(0x10000);
	for (uint32_t c = 0; c < 0x10000; c++) {
		int cl = u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);

		sb_bmp[c] = (uint8_t)cl;
		if (cl == U_SB_ATERM || cl == U_SB_STERM || cl == U_SB_SEP ||
		    cl == U_SB_CR || cl == U_SB_LF || c == 0x2026) {
			cand_bmp[c >> 3] |= (uint8_t)(1 << (c & 7));
			if (c < 0x80)
				interesting[c] = 1;
		}
	}
	while (quiet_lead < 0xDF) {
		uint32_t c, first = (quiet_lead + 1 - 0xC0) << 6;

		for (c = first; c < first + 64 && !(cand_bmp[c >> 3] & (1 << (c & 7))); c++)
			;
		if (c < first + 64)
			break;
		quiet_lead++;
	}
}

static inline int
sb_class(uint32_t cp)
{
	if (cp < 0x10000)
		return sb_bmp[cp];
	return u_getIntPropertyValue((UChar32)cp, UCHAR_SENTENCE_BREAK);
}

static inline int
is_term_class(int c)
{
	return c == U_SB_ATERM || c == U_SB_STERM;
}

static inline int
is_parasep_class(int c)
{
	return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF;
}

static inline int
is_letter_class(int c)
{
	return c == U_SB_UPPER || c == U_SB_LOWER || c == U_SB_OLETTER;
}

/* Unicode White_Space. */
static inline int
is_space(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return c == 0x85 || c == 0xA0 || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202F || c == 0x205F || c == 0x3000;
}

/*
 * What a sentence is trimmed of: white space and the invisible characters
 * that scraped text carries around it (zero-width space, word joiner,
 * byte order mark, soft hyphen); a "sentence" of only these is none.
 */
static inline int
is_blank(uint32_t c)
{
	return is_space(c) || c == 0x200B || c == 0x2060 || c == 0xFEFF ||
	    c == 0xAD;
}

static inline int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static inline uint32_t
decode(const char *p, size_t len, size_t i, size_t *n)
{
	uint32_t cp;

	unsigned c = (unsigned char)p[i];

	if (c < 0x80) {
		*n = 1;
		return c;
	}
	/* sc_utf8_next's first case, without the call: accented letters. */
	if (c >= 0xC2 && c <= 0xDF && i + 1 < len && ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
		*n = 2;
		return (c & 0x1Fu) << 6 | ((unsigned char)p[i + 1] & 0x3Fu);
	}
	*n = sc_utf8_next((const unsigned char *)p + i, len - i, &cp, NULL);
	return cp;
}

/*
 * The code point that ends just before p[i] (i > 0); *at is its start.
 * sc_utf8_prev agrees with decoding forward over p[0..i); decoding here
 * reads up to len, so the check keeps a sequence that would run past i
 * (i inside a character) from being taken whole.
 */
static inline uint32_t
decode_prev(const char *p, size_t len, size_t i, size_t *at)
{
	size_t n;
	uint32_t c;

	if ((unsigned char)p[i - 1] < 0x80) {
		*at = i - 1;
		return (unsigned char)p[i - 1];
	}
	/* A two-byte character, as sc_utf8_prev and decode would find it. */
	if (i >= 2 && ((unsigned char)p[i - 1] & 0xC0) == 0x80 &&
	    (unsigned char)p[i - 2] >= 0xC2 && (unsigned char)p[i - 2] <= 0xDF) {
		*at = i - 2;
		return ((unsigned char)p[i - 2] & 0x1Fu) << 6 | ((unsigned char)p[i - 1] & 0x3Fu);
	}
	*at = sc_utf8_prev(p, i);
	c = decode(p, len, *at, &n);
	if (*at + n != i) {
		*at = i - 1;
		c = SC_REPLACEMENT;
	}
	return c;
}

static inline int
is_alnum_ascii(unsigned c)
{
	return is_digit(c) || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Closing punctuation: ) ] } » ” and the like (Pe, Pf). */
static int
is_closing(uint32_t c)
{
	int t;

	if (c < 0x80)
		return c == ')' || c == ']' || c == '}';
	t = u_charType((UChar32)c);

	return t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION;
}

/* Bullets that may stand before a list number. */
static int
is_bullet(uint32_t c)
{
	return c == 0x2022 || c == 0x2043 || c == 0x2023 || c == 0x25E6 ||
	    c == 0x25AA || c == 0x00B7 || c == '-' || c == '*';
}

/* ---------------------------------------------------------------- */
/* Word sets: the abbreviation data of one language.                */

enum {
	W_PREFIX = 1 << 0,	/* never ends a sentence: Dr. z.B. e.g. */
	W_ABBREV = 1 << 1,	/* ends one only before a sentence starter */
	W_NUMBER = 1 << 2,	/* never ends one before a number: p. 55 */
	W_ORDINAL = 1 << 3,	/* after "3.": an ordinal, not an end */
	W_STARTER = 1 << 4,	/* capitalised, usually begins a sentence */
	W_EXCLAIM = 1 << 5	/* a name written with '!': Yahoo! */
};

struct wentry {
	uint32_t hash;
	uint32_t off;		/* into keys; len 0 marks an empty slot */
	uint32_t len;
	uint32_t bits;
};

struct wordset {
	struct wentry *tab;
	size_t mask;
	size_t n;
	struct sc_buf keys;
};

static uint32_t
fnv1a(const char *p, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*p++) * 16777619u;
	return h;
}

static struct wentry *
ws_slot(const struct wordset *w, const char *k, size_t n, uint32_t h)
{
	size_t i;

	for (i = h & w->mask;; i = (i + 1) & w->mask) {
		struct wentry *e = &w->tab[i];

		if (e->len == 0 || (e->hash == h && e->len == n &&
		    memcmp(w->keys.p + e->off, k, n) == 0))
			return e;
	}
}

static void
ws_add(struct wordset *w, const char *k, size_t n, uint32_t bits)
{
	struct wentry *e;
	uint32_t h;

	if (n == 0 || n > KEY_MAX)
		return;
	if (w->tab == NULL || (w->n + 1) * 2 > w->mask + 1) {
		struct wentry *old = w->tab;
		size_t oldsize = old ? w->mask + 1 : 0;
		size_t size = oldsize ? oldsize * 2 : 256;

		w->tab = xcalloc(size, sizeof *w->tab);
		w->mask = size - 1;
		for (size_t i = 0; i < oldsize; i++)
			if (old[i].len != 0)
				*ws_slot(w, w->keys.p + old[i].off, old[i].len,
				    old[i].hash) = old[i];
		free(old);
	}
	h = fnv1a(k, n);
	e = ws_slot(w, k, n, h);
	if (e->len == 0) {
		e->hash = h;
		e->off = (uint32_t)w->keys.len;
		e->len = (uint32_t)n;
		sc_buf_add(&w->keys, k, n);
		w->n++;
	}
	e->bits |= bits;
}

static uint32_t
ws_get(const struct wordset *w, const char *k, size_t n)
{
	if (w == NULL || w->tab == NULL || n == 0)
		return 0;
	return ws_slot(w, k, n, fnv1a(k, n))->bits;
}

/* Append the lower-cased form of p[0..n) to key. */
static void
key_add(struct sc_buf *key, const char *p, size_t n)
{
	for (size_t i = 0, m; i < n; i += m) {
		uint32_t c = decode(p, n, i, &m);

		if (c < 0x80) {
			sc_buf_addc(key, c >= 'A' && c <= 'Z' ? (int)c + 32 : (int)c);
		} else {
			uint32_t l = (uint32_t)u_tolower((UChar32)c);

			if (l >= 0x80 && l < 0x800) {
				/* Accented letters, encoded here. */
				sc_buf_addc(key, (int)(0xC0 | l >> 6));
				sc_buf_addc(key, (int)(0x80 | (l & 0x3F)));
			} else {
				sc_buf_add_cp(key, l);
			}
		}
	}
}

/*
 * fold_key: the lower-cased form of p[0..n) into key, or -1 when it is
 * too long to be a key.  (Data entries lose their final '.' before this:
 * "Dr." and "Dr" are one entry.)
 */
static int
fold_key(struct sc_buf *key, const char *p, size_t n)
{
	sc_buf_reset(key);
	if (n > KEY_MAX)
		return -1;
	key_add(key, p, n);
	return 0;
}

/* ---------------------------------------------------------------- */
/* Languages.                                                       */

struct lang {
	char code[8];
	struct wordset words;
};

/*
 * Languages are loaded on first use and kept for the life of the
 * process, like the stopword lists.  Their number is small (one file
 * each), so a linear search is fine.
 */
static struct lang **langs;
static size_t nlangs;

/* "en", "en-GB", "pt_BR" -> "en", "en", "pt"; 0 when malformed. */
static int
norm_code(const char *lang, char code[8])
{
	size_t i;

	for (i = 0; lang[i] != '\0' && lang[i] != '-' && lang[i] != '_'; i++) {
		char c = lang[i];

		if (i >= 3 || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return 0;
		code[i] = (char)(c | 32);
	}
	code[i] = '\0';
	return i >= 2;
}

static const struct {
	const char *name;
	uint32_t bits;
} sections[] = {
	{ "prefix", W_PREFIX }, { "abbrev", W_ABBREV }, { "number", W_NUMBER },
	{ "ordinal", W_ORDINAL }, { "starter", W_STARTER },
	{ "exclaim", W_EXCLAIM }
};

/*
 * load_lang: read data/abbrev/CODE.txt: "[section]" lines, then one entry
 * a line; '#' starts a comment.  A missing file gives an empty set.
 */
static struct lang *
load_lang(const char *code)
{
	struct lang *l = xcalloc(1, sizeof *l);
	struct sc_buf name = {0}, key = {0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	uint32_t bits = 0;
	uintmax_t lineno = 0;
	FILE *fp;

	snprintf(l->code, sizeof l->code, "%s", code);
	sc_buf_printf(&name, "abbrev/%s.txt", code);
	fp = sc_data_open(name.p);
	while (fp != NULL && (n = getline(&line, &cap, fp)) != -1) {
		char *p = line, *e = line + n;

		lineno++;
		if (memchr(p, '#', (size_t)n) != NULL)
			e = memchr(p, '#', (size_t)n);
		while (p < e && is_space((unsigned char)*p))
			p++;
		while (e > p && is_space((unsigned char)e[-1]))
			e--;
		if (p == e)
			continue;
		if (*p == '[' && e[-1] == ']') {
			bits = 0;
			for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
				if ((size_t)(e - p - 2) == strlen(sections[i].name) &&
				    memcmp(p + 1, sections[i].name, (size_t)(e - p - 2)) == 0)
					bits = sections[i].bits;
			if (bits == 0)
				sc_diag(name.p, lineno, "unknown section %.*s",
				    (int)(e - p), p);
			continue;
		}
		if (bits & (W_PREFIX | W_ABBREV | W_NUMBER) && e[-1] == '.')
			e--;
		if (bits & W_EXCLAIM && e[-1] == '!')
			e--;
		if (bits == 0 || fold_key(&key, p, (size_t)(e - p)) != 0)
			continue;
		ws_add(&l->words, key.p, key.len, bits);
	}
	if (fp != NULL)
		fclose(fp);
	free(line);
	sc_buf_free(&name);
	sc_buf_free(&key);
	return l;
}

static struct lang *
find_lang(const char *code)
{
	for (size_t i = 0; i < nlangs; i++)
		if (strcmp(langs[i]->code, code) == 0)
			return langs[i];
	return NULL;
}

static struct lang *
get_lang(const char *code)
{
	struct lang *l = find_lang(code);

	if (l == NULL) {
		l = load_lang(code);
		langs = xreallocarray(langs, nlangs + 1, sizeof *langs);
		langs[nlangs++] = l;
	}
	return l;
}

/*
 * Every word of every language's data (data/abbrev/LANG.txt), for the lazy
 * guess: built with the other shared tables by the first sentencer.
 */
static struct wordset any_words;
static int any_loaded;

static void
load_any_words(void)
{
	struct sc_buf dir = {0};
	struct dirent *e;
	DIR *d;

	if (any_loaded)
		return;
	any_loaded = 1;
	sc_buf_printf(&dir, "%s/abbrev", sc_datadir());
	d = opendir(dir.p);
	while (d != NULL && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char name[8], code[8];
		const struct lang *l;

		/* "en.txt", "gsw.txt": a code of two or three letters. */
		if (n < 6 || n > 7 || strcmp(e->d_name + n - 4, ".txt") != 0)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(n - 4), e->d_name);
		if (!norm_code(name, code) || strlen(code) != n - 4)
			continue;
		l = get_lang(code);
		for (size_t i = 0; l->words.tab != NULL && i <= l->words.mask; i++) {
			const struct wentry *w = &l->words.tab[i];

			if (w->len != 0)
				ws_add(&any_words, l->words.keys.p + w->off, w->len, w->bits);
		}
	}
	if (d != NULL)
		closedir(d);
	sc_buf_free(&dir);
}

int
sc_sentence_lang_known(const char *lang)
{
	char code[8];
	struct sc_buf name = {0};
	FILE *fp;

	if (lang == NULL || !norm_code(lang, code))
		return 0;
	sc_buf_printf(&name, "abbrev/%s.txt", code);
	fp = sc_data_open(name.p);
	sc_buf_free(&name);
	if (fp == NULL)
		return 0;
	fclose(fp);
	return 1;
}

/*
 * sc_sentence_guess_lang: the stopword guess (stopwords.h) over the first
 * GUESS_BUDGET bytes; it knows the scripts without spaces too.  A code
 * without sentence data gets the rules that need none.
 */
const char *
sc_sentence_guess_lang(const char *text, size_t len)
{
	/* No share asked: for Chinese or Japanese it costs a second pass. */
	return sc_stoplist_guess(text, len, GUESS_BUDGET, NULL);
}

/* ---------------------------------------------------------------- */
/* The sentencer.                                                   */

struct sc_sentencer {
	int flags;
	int guess;		/* guess the language of each text */
	struct lang *fixed;	/* the language given, if any */
	const struct lang *cur;	/* the language of this text */
	/*
	 * The guess is made only when a word some language's data has is
	 * looked up (most texts need it at a few full stops, some never):
	 * pending until then, with the text to guess from.
	 */
	int pending;
	const char *text;
	size_t textlen;
	char prefix[GUESS_BUDGET + 1];	/* the text's start, kept after the cut */
	UBreakIterator *bi;
	UText *ut;
	struct sc_span *spans;
	size_t nspans, cap;
	size_t *forced;		/* list-item boundaries ahead */
	size_t nforced, forced_cap, forced_next;
	size_t start;		/* where the current sentence starts */
	long wrap;		/* wrap_width of this text; -1: not yet known */
	struct sc_buf key;
};

struct sc_sentencer *
sc_sentencer_new(const char *lang, int flags)
{
	struct sc_sentencer *s = xcalloc(1, sizeof *s);
	UErrorCode err = U_ZERO_ERROR;

	sb_init();
	load_any_words();
	s->flags = flags;
	sc_sentencer_set_lang(s, lang);
	/* The root locale: sentence rules do not vary by language in ICU
	 * beyond the suppressions, which we do not use (see the top). */
	s->bi = ubrk_open(UBRK_SENTENCE, "", NULL, 0, &err);
	if (U_FAILURE(err))
		sc_die(SC_ERR, "ICU sentence iterator: %s", u_errorName(err));
	return s;
}

void
sc_sentencer_set_lang(struct sc_sentencer *s, const char *lang)
{
	char code[8];

	s->guess = lang == NULL || *lang == '\0' || strcmp(lang, "auto") == 0;
	s->pending = 0;
	s->fixed = NULL;
	if (!s->guess && norm_code(lang, code))
		s->fixed = get_lang(code);
	s->cur = s->fixed;
}

void
sc_sentencer_free(struct sc_sentencer *s)
{
	if (s == NULL)
		return;
	ubrk_close(s->bi);
	utext_close(s->ut);
	free(s->spans);
	free(s->forced);
	sc_buf_free(&s->key);
	free(s);
}

static void resolve(struct sc_sentencer *s);

const char *
sc_sentencer_lang(struct sc_sentencer *s)
{
	if (s->pending)
		resolve(s);
	return s->cur != NULL && s->cur->words.n > 0 ? s->cur->code : NULL;
}

/* ---- layer one: where UAX #29 breaks ---- */

/*
 * icu_boundary: ask ICU's iterator about the terminal run p[rs..re) on a
 * window from the start of the word before it to the first character
 * after it that the rules look at: a letter, a terminal or a paragraph
 * separator.  Returns the boundary that run makes, or NOBREAK.
 *
 * The window is enough: the rules look back only at the character before
 * a full stop (SB7) and ahead past closing punctuation and spaces to that
 * first letter (SB8).  A boundary ICU reports past that letter belongs to
 * a later terminal, not to this one.
 */
static size_t
icu_boundary(struct sc_sentencer *s, const char *p, size_t len, size_t rs,
    size_t re)
{
	UErrorCode err = U_ZERO_ERROR;
	size_t ws = rs, we = re, limit, at, n;
	int32_t b;

	while (ws > 0 && rs - ws < WINDOW_BACK) {
		uint32_t c = decode_prev(p, len, ws, &at);

		if (is_space(c))
			break;
		ws = at;
	}
	limit = NOBREAK;
	while (we < len && we - re < WINDOW_AHEAD) {
		int cl = sb_class(decode(p, len, we, &n));

		if (is_letter_class(cl) || is_term_class(cl)) {
			limit = we;		/* a break comes before it, or none */
			we += n;
			break;
		}
		we += n;
		if (is_parasep_class(cl)) {
			if (cl == U_SB_CR && we < len && p[we] == '\n')
				we++;
			limit = we;		/* SB4: after the separator */
			break;
		}
	}
	if (limit == NOBREAK)
		limit = we;			/* the end of the text, or far */
	s->ut = utext_openUTF8(s->ut, p + ws, (int64_t)(we - ws), &err);
	ubrk_setUText(s->bi, s->ut, &err);
	if (U_FAILURE(err))
		sc_die(SC_ERR, "ICU sentence iterator: %s", u_errorName(err));
	b = ubrk_following(s->bi, (int32_t)(rs - ws));
	if (b == UBRK_DONE || ws + (size_t)b > limit)
		return NOBREAK;
	return ws + (size_t)b;
}

/*
 * fast_class: the Sentence_Break class of the character at p[i] (its
 * length in *n), or -1 where fast_boundary leaves the decision to ICU:
 * invalid UTF-8, and Extend and Format characters, which SB5 attaches
 * to what precedes them.
 */
static inline int
fast_class(const char *p, size_t len, size_t i, size_t *n)
{
	uint32_t cp;
	int bad = 0, cl;

	if ((unsigned char)p[i] < 0x80) {
		*n = 1;
		return sb_bmp[(unsigned char)p[i]];
	}
	*n = sc_utf8_next((const unsigned char *)p + i, len - i, &cp, &bad);
	if (bad)
		return -1;
	cl = sb_class(cp);
	return cl == U_SB_EXTEND || cl == U_SB_FORMAT ? -1 : cl;
}

/*
 * fast_boundary: the answer icu_boundary would give, from the rules of
 * UAX #29 (their numbers below) and ICU's character classes, or
 * FALLBACK when the characters involved need ICU (see fast_class).
 */
static size_t
fast_boundary(const char *p, size_t len, size_t rs, size_t re)
{
	size_t i, n = 1, last = rs, nclose = 0, nsp = 0;
	int cl = 0, aterm = 0;

	for (i = rs; i < re; i += n) {
		if ((cl = fast_class(p, len, i, &n)) < 0)
			return FALLBACK;
		last = i;
		aterm = cl == U_SB_ATERM;
	}
	for (i = re; i < len; i += n, nclose++)
		if ((cl = fast_class(p, len, i, &n)) != U_SB_CLOSE)
			break;
	for (; i < len; i += n, nsp++)
		if ((cl = fast_class(p, len, i, &n)) != U_SB_SP)
			break;
	if (i == len)
		return len;				/* SB2 */
	if (cl < 0)
		return FALLBACK;
	if (cl == U_SB_LF || cl == U_SB_SEP)
		return i + n;				/* SB11 */
	if (cl == U_SB_CR)
		return i + 1 + (i + 1 < len && p[i + 1] == '\n');
	if (cl == U_SB_SCONTINUE || is_term_class(cl))
		return NOBREAK;				/* SB8a */
	if (!aterm)
		return i;				/* SB11 */
	if (nclose == 0 && nsp == 0) {
		if (cl == U_SB_NUMERIC)
			return NOBREAK;			/* SB6 */
		if (cl == U_SB_UPPER && last == rs && rs > 0) {
			size_t at;
			int pc;

			(void)decode_prev(p, len, rs, &at);
			if ((pc = fast_class(p, len, at, &n)) < 0)
				return FALLBACK;
			if (pc == U_SB_UPPER || pc == U_SB_LOWER)
				return NOBREAK;		/* SB7 */
		}
	}
	/* SB8: no break if a lower-case letter follows before any other
	 * letter, terminal or paragraph separator. */
	for (size_t j = i; j < len; j += n) {
		int c2 = fast_class(p, len, j, &n);

		if (c2 < 0)
			return FALLBACK;
		if (c2 == U_SB_LOWER)
			return NOBREAK;
		if (is_letter_class(c2) || is_term_class(c2) ||
		    is_parasep_class(c2))
			break;
	}
	return i;					/* SB11 */
}

/* ---- layer two: corrections ---- */

/* The word after position i (past opening quotes and brackets). */
struct next_word {
	size_t at, end;		/* the letters, [at, end) */
	int cls;		/* Sentence_Break class of its first char */
	int inverted;		/* an opening ¿ or ¡ came first */
};

static void
next_word(const char *p, size_t len, size_t i, struct next_word *w)
{
	size_t n;
	uint32_t c;

	w->inverted = 0;
	w->cls = U_SB_OTHER;
	for (; i < len; i += n) {
		c = decode(p, len, i, &n);
		if (c == 0xBF || c == 0xA1)
			w->inverted = 1;
		else if (sb_class(c) != U_SB_CLOSE && !is_space(c))
			break;
	}
	w->at = w->end = i;
	if (i >= len)
		return;
	w->cls = sb_class(decode(p, len, i, &n));
	for (; i < len && i - w->at <= KEY_MAX; i += n) {
		int cl = sb_class(decode(p, len, i, &n));

		if (!is_letter_class(cl) && cl != U_SB_EXTEND)
			break;
	}
	w->end = i;
}

/* The language of the text being cut, guessed now if it is pending. */
static void
resolve(struct sc_sentencer *s)
{
	const char *code = sc_sentence_guess_lang(s->text, s->textlen);

	s->cur = code != NULL ? get_lang(code) : NULL;
	s->pending = 0;
}

/* The data bits of the key in s->key, for the text's language. */
static uint32_t
lookup_key(struct sc_sentencer *s)
{
	if (s->pending) {
		/* A word no language has gets 0 whatever the guess. */
		if (ws_get(&any_words, s->key.p, s->key.len) == 0)
			return 0;
		resolve(s);
	}
	if (s->cur == NULL)
		return 0;
	return ws_get(&s->cur->words, s->key.p, s->key.len);
}

static uint32_t
lookup(struct sc_sentencer *s, const char *p, size_t n)
{
	if ((s->cur == NULL && !s->pending) || fold_key(&s->key, p, n) != 0)
		return 0;
	return lookup_key(s);
}

static int
is_starter(struct sc_sentencer *s, const char *p, size_t len,
    const struct next_word *w)
{
	size_t n;

	if (w->inverted)
		return 1;	/* Spanish ¿ ¡ open a sentence */
	/* One letter and a dot is another initial ("J. A. Smith"). */
	if (w->end < len && p[w->end] == '.' &&
	    w->at + (decode(p, w->end, w->at, &n), n) == w->end)
		return 0;
	return w->cls == U_SB_UPPER &&
	    (lookup(s, p + w->at, w->end - w->at) & W_STARTER);
}

/*
 * initial_like: single letters joined by dots: "E", "U.S", "J.P", "e.g".
 * Such a word before a dot is an initial or a short form unless the next
 * word starts a sentence.
 */
static int
initial_like(const char *p, size_t a, size_t b)
{
	size_t n;
	int want_letter = 1;

	if (a >= b)
		return 0;
	for (size_t i = a; i < b; i += n) {
		uint32_t c = decode(p, b, i, &n);

		if (want_letter && is_letter_class(sb_class(c)))
			want_letter = 0;
		else if (!want_letter && c == '.')
			want_letter = 1;
		else if (!want_letter && sb_class(c) == U_SB_EXTEND)
			continue;
		else
			return 0;
	}
	return !want_letter;
}

static int
all_digits(const char *p, size_t a, size_t b, size_t max)
{
	if (a >= b || b - a > max)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!is_digit((unsigned char)p[i]))
			return 0;
	return 1;
}

/*
 * word_before: the start of the word that ends at i: back to white space
 * or the sentence start, past opening quotes and brackets.
 */
static size_t
word_before(const char *p, size_t len, size_t from, size_t i)
{
	size_t a = i, at;

	while (a > from && i - a <= KEY_MAX + 8) {
		uint32_t c = decode_prev(p, len, a, &at);

		if (is_space(c))
			break;
		a = at;
	}
	/* Opening punctuation is no part of the word: "(Dr." */
	while (a < i) {
		size_t n;
		uint32_t c = decode(p, len, a, &n);
		int cl = sb_class(c);

		if (cl != U_SB_CLOSE && c != 0xBF && c != 0xA1)
			break;
		a += n;
	}
	return a;
}

/*
 * parse_marker: a list marker at p[a]: an optional bullet (and blanks),
 * then a number of at most three digits or one ASCII letter, then ".",
 * ".)" or ")".  Returns where it ends, or 0; val, style and bullet say
 * what it was (letters count after numbers, so "9." never precedes "a.").
 */
static size_t
parse_marker(const char *p, size_t len, size_t a, long *val, int *style,
    uint32_t *bullet)
{
	size_t i = a, n, d;
	uint32_t c;

	if (a >= len)
		return 0;
	/* Most lines start with a word: a letter is a marker only before
	 * '.' or ')' (the letter case below), and no bullet. */
	if ((((unsigned char)p[a] | 32) >= 'a' && ((unsigned char)p[a] | 32) <= 'z') &&
	    !(a + 1 < len && (p[a + 1] == '.' || p[a + 1] == ')')))
		return 0;
	c = decode(p, len, i, &n);
	*bullet = 0;
	if (is_bullet(c)) {
		*bullet = c;
		i += n;
		while (i < len && (p[i] == ' ' || p[i] == '\t'))
			i++;
	}
	if (i < len && is_digit((unsigned char)p[i])) {
		*val = 0;
		for (d = i; i < len && is_digit((unsigned char)p[i]); i++) {
			if (i - d == 3)
				return 0;
			*val = *val * 10 + (p[i] - '0');
		}
	} else if (i < len && is_alnum_ascii((unsigned char)p[i])) {
		*val = 1000 + ((unsigned char)p[i++] | 32);
	} else {
		return 0;
	}
	if (i + 1 < len && p[i] == '.' && p[i + 1] == ')') {
		*style = 2;
		return i + 2;
	}
	if (i < len && (p[i] == '.' || p[i] == ')')) {
		*style = p[i] == '.' ? 1 : 3;
		return i + 1;
	}
	return 0;
}

/* Whether p[a..b), white space before it aside, is only a list marker. */
static int
only_marker(const char *p, size_t len, size_t a, size_t b)
{
	long val;
	int style;
	uint32_t bullet;
	size_t n;

	while (a < b && is_space(decode(p, len, a, &n)))
		a += n;
	return parse_marker(p, b, a, &val, &style, &bullet) == b;
}

/* A list marker at p[a] followed by a blank: where it ends, or 0. */
static size_t
marker_at(const char *p, size_t len, size_t a, long *val, int *style,
    uint32_t *bullet)
{
	size_t e = parse_marker(p, len, a, val, style, bullet);

	if (e == 0 || e >= len || !(p[e] == ' ' || p[e] == '\t'))
		return 0;
	return e;
}

/*
 * find_list: a line that starts with a list marker ("1.", "a)", "• 9.")
 * holding further markers with the following numbers or letters, as in
 * "1. The first item 2. The second item", gets a boundary before each.
 */
static void
find_list(struct sc_sentencer *s, const char *p, size_t len, size_t ls)
{
	size_t le, i, e;
	long val, v2;
	int style, st2;
	uint32_t bullet, b2;

	s->nforced = s->forced_next = 0;
	while (ls < len && (p[ls] == ' ' || p[ls] == '\t'))
		ls++;
	/* parse_marker's first test, here: it would turn most lines down. */
	if (ls >= len || ((((unsigned char)p[ls] | 32) >= 'a' && ((unsigned char)p[ls] | 32) <= 'z') &&
	    !(ls + 1 < len && (p[ls + 1] == '.' || p[ls + 1] == ')'))))
		return;
	if ((e = marker_at(p, len, ls, &val, &style, &bullet)) == 0)
		return;
	le = e;
	while (le < len && p[le] != '\n')
		le++;
	for (i = e; i + 1 < le; i++) {
		if (!(p[i] == ' ' || p[i] == '\t') || p[i + 1] == ' ' ||
		    p[i + 1] == '\t')
			continue;
		e = marker_at(p, le, i + 1, &v2, &st2, &b2);
		if (e == 0 || v2 != val + 1 || st2 != style || b2 != bullet)
			continue;
		if (s->nforced == s->forced_cap) {
			s->forced_cap = s->forced_cap ? 2 * s->forced_cap : 8;
			s->forced = xreallocarray(s->forced, s->forced_cap,
			    sizeof *s->forced);
		}
		s->forced[s->nforced++] = i + 1;
		val = v2;
		i = e - 1;
	}
}

/*
 * wrap_width: the width text was hard-wrapped at (w3m and lynx dumps,
 * e-mail), or 0.  Read from the first 64 KiB: the longest line length,
 * in characters, that at least three lines come within 15 characters of,
 * provided hardly any line (under 5%: unbreakable URLs) is longer.
 * Scraped text with a paragraph a line has too many longer lines.
 */
static long
wrap_width(const char *p, size_t len)
{
	enum { MAXW = WRAP_MAX, MINW = WRAP_MIN, SAMPLE = 1 << 16 };
	size_t hist[MAXW + 1] = {0}, lines = 0, longer = 0, i = 0;
	size_t end = len < SAMPLE ? len : SAMPLE;

	while (i < end) {
		const char *nl;
		size_t e, cps;

		if (p[i] == '\n') {
			i++;		/* a blank line between paragraphs */
			continue;
		}
		nl = memchr(p + i, '\n', end - i);
		e = nl ? (size_t)(nl - p) : end;

		/*
		 * Counted only when the count matters: a line of fewer bytes
		 * than the narrowest width looked at (MINW - 15, see below) has
		 * fewer code points (it counts as a line, in hist[1], which is
		 * never read), and one of more than 4 * MAXW bytes more.
		 */
		if (e - i < MINW - 15)
			cps = e - i > 0 ? 1 : 0;
		else if (e - i > 4 * MAXW)
			cps = MAXW + 1;
		else
			cps = sc_utf8_count(p + i, e - i);
		if (cps > 0) {
			lines++;
			if (cps > MAXW)
				longer++;
			else
				hist[cps]++;
		}
		i = e + 1;
	}
	for (long w = MAXW; w >= MINW; w--) {
		size_t near = 0;

		if (hist[w] == 0)
			continue;
		for (long k = w - 15; k <= w; k++)
			near += hist[k];
		if (near >= 3 && longer * 20 < lines)
			return w;
		longer += hist[w];
	}
	return 0;
}

/*
 * soft_wrap: whether the line break at p[i] only wraps a long line: the
 * text is hard-wrapped (wrap_width) and the line is as full as the first
 * word of the next line allows.
 */
static int
soft_wrap(struct sc_sentencer *s, const char *p, size_t len, size_t i)
{
	size_t ls, lo, from, cps, e = i + 1, word = 0;
	const char *nl;
	long val;
	int style;
	uint32_t bullet;

	/* The cheap tests first: most line breaks end here. */
	if (s->flags & (SC_SENT_LINES | SC_SENT_RAW) || p[i] != '\n' ||
	    e >= len || is_space((unsigned char)p[e]))
		return 0;
	/*
	 * The width first, once per text: most texts are not hard-wrapped
	 * (width 0), and reading each line back to learn that it is too long
	 * cost more, line after line, than one pass over the text.
	 */
	if (s->wrap < 0)
		s->wrap = wrap_width(p, len);
	if (s->wrap == 0)
		return 0;
	/*
	 * The line before the break, found with memrchr and counted eight
	 * bytes at a time: no further back than 4 * WRAP_MAX bytes (a line
	 * per paragraph is no wrapped line, and is not read back whole).
	 */
	lo = i > 4 * WRAP_MAX + 1 ? i - (4 * WRAP_MAX + 1) : 0;
	from = lo > 0 ? lo - 1 : 0;
	nl = memrchr(p + from, '\n', i - from);
	if (nl != NULL)
		ls = (size_t)(nl - p) + 1;
	else if (lo > 0)
		return 0;	/* longer than that */
	else
		ls = 0;
	cps = sc_utf8_count(p + ls, i - ls);
	if ((long)cps > s->wrap || memchr(p + ls, ' ', i - ls) == NULL ||
	    cps < WRAP_MIN - 25)
		return 0;	/* too long or short, or a rule of dashes */
	if ((long)cps > s->wrap || (long)cps < s->wrap - 25 ||
	    marker_at(p, len, e, &val, &style, &bullet) != 0)
		return 0;
	for (size_t k = e; k < len && p[k] != ' ' && p[k] != '\n' &&
	    p[k] != '\t'; k++)
		word += ((unsigned char)p[k] & 0xC0) != 0x80;
	return (long)(cps + 1 + word) > s->wrap;
}

/*
 * spaced_dots: the dots of an ellipsis written ". . ." that ends with
 * the dot at i: their number, and in *first the position of the first.
 */
static size_t
spaced_dots(const char *p, size_t i, size_t from, size_t *first)
{
	size_t k = 1;

	*first = i;
	while (i >= from + 2 && p[i - 1] == ' ' && p[i - 2] == '.') {
		i -= 2;
		k++;
		*first = i;
	}
	return k;
}

/*
 * correct: given the run of terminals p[rs..re) and the boundary b that
 * the rules put after it, the boundary to use: b, NOBREAK, or an earlier
 * position (an ellipsis after a full stop).
 */
static size_t
correct(struct sc_sentencer *s, const char *p, size_t len, size_t rs,
    size_t re, size_t b)
{
	size_t ce = re, ns, n, wa, at, pa;
	uint32_t last = 0, c, bits = 0;
	struct next_word nw;

	while (ce < len && sb_class(c = decode(p, len, ce, &n)) == U_SB_CLOSE)
		ce += n;
	/* A terminal at the end of a line ends a sentence, unless the line
	 * was only wrapped there. */
	for (ns = ce; ns < b; ns += n)
		if (is_parasep_class(sb_class(decode(p, len, ns, &n))) &&
		    !soft_wrap(s, p, len, ns))
			return b;
	if (b >= len)
		return b;
	/* French spacing, "Vraiment ? » demanda-t-elle": closing quotes
	 * after a space still belong to the sentence they close. */
	if (b > ce && is_closing(decode(p, len, b, &n))) {
		size_t k = b;

		while (k < len && is_closing(decode(p, len, k, &n)))
			k += n;
		if (k == len)
			return len;
		if (is_space(c = decode(p, len, k, &n))) {
			ce = k;
			for (; k < len; k += n) {
				c = decode(p, len, k, &n);
				if (is_parasep_class(sb_class(c))) {
					k += n;
					if (c == '\r' && k < len && p[k] == '\n')
						k++;
					return k;
				}
				if (!is_space(c))
					break;
			}
			b = k;
		}
	}
	/* "1." "b)" "• 9." alone: a list marker, not a sentence. */
	if (only_marker(p, len, s->start, ce))
		return NOBREAK;
	for (at = re; at > rs; ) {
		last = decode_prev(p, len, at, &at);
		if (is_term_class(sb_class(last)))
			break;
	}
	next_word(p, len, ce, &nw);
	ns = nw.at;

	/* No space before a letter or digit: inside a URL, an e-mail
	 * address, a file name or a number ("x.com/?q=a", "v1.2!b"). */
	if (ce == re && re == b && last < 0x80 && ns < len &&
	    is_alnum_ascii((unsigned char)p[ns]))
		return NOBREAK;
	/* A Latin full stop glued to a letter of a script without spaces is
	 * an abbreviation: "Apple Inc.の商標". */
	if (ce == re && re == b && last == '.' && nw.cls == U_SB_OLETTER &&
	    rs > 0 && is_alnum_ascii((unsigned char)p[rs - 1]))
		return NOBREAK;
	/* Japanese: 「...。」と言った -- a quotation followed by a particle. */
	if (ce > re && ce == ns && ns < len) {
		c = decode(p, len, ns, &n);
		if (c >= 0x3041 && c <= 0x309F)
			return NOBREAK;
	}
	if (last == '.' && re - rs >= 2) {
		/* "[...]" marks an omission, not an end. */
		if (rs > 0 && (p[rs - 1] == '[' || p[rs - 1] == '(') && re < len &&
		    (p[re] == ']' || p[re] == ')'))
			return NOBREAK;
		return b;
	}
	if (last != '.') {
		/* "Stop!" she cried.  Yahoo! in the news. */
		if (nw.cls == U_SB_LOWER && ce > re)
			return NOBREAK;
		wa = word_before(p, len, s->start, rs);
		if (wa < rs && (lookup(s, p + wa, rs - wa) & W_EXCLAIM) &&
		    !is_starter(s, p, len, &nw))
			return NOBREAK;
		return b;
	}

	/* One full stop.  Ellipses written ". . .": three dots go on,
	 * a full stop and three dots ("word. . . . Next") end after the
	 * first. */
	if (rs >= 2 && p[rs - 1] == ' ' && p[rs - 2] == '.') {
		size_t first, k = spaced_dots(p, rs, s->start, &first);

		if (k == 3)
			return NOBREAK;
		if (k == 4 && first > s->start && !is_space((unsigned char)p[first - 1]) &&
		    nw.cls == U_SB_UPPER)
			return first + 1;
		return b;
	}

	wa = word_before(p, len, s->start, rs);
	if (wa == rs)
		return b;
	/* "z. B.", "p. ej.": two short words make one abbreviation. */
	if (wa >= 2 && p[wa - 1] == ' ' && p[wa - 2] == '.' &&
	    (s->cur != NULL || s->pending) &&
	    (pa = word_before(p, len, s->start, wa - 1)) < wa - 1 &&
	    wa - pa <= 6 && rs - wa <= 6) {
		sc_buf_reset(&s->key);
		key_add(&s->key, p + pa, wa - 1 - pa);
		key_add(&s->key, p + wa, rs - wa);
		bits = lookup_key(s);
	}
	if (bits == 0)
		bits = lookup(s, p + wa, rs - wa);
	if (bits & W_PREFIX)
		return NOBREAK;
	if ((bits & W_NUMBER) && ns < len && is_digit((unsigned char)p[ns]))
		return NOBREAK;
	/* Ordinals: "am 3. Oktober", "im 19. Jahrhundert". */
	if (all_digits(p, wa, rs, 4) && is_letter_class(nw.cls) &&
	    (lookup(s, p + nw.at, nw.end - nw.at) & W_ORDINAL))
		return NOBREAK;
	/* Abbreviations that may end a sentence, and initials: the next
	 * word decides ("the U.S. How" ends, "the U.S. Government" not). */
	if ((bits & W_ABBREV) || initial_like(p, wa, rs)) {
		if (is_starter(s, p, len, &nw) || !is_letter_class(nw.cls))
			return b;
		return NOBREAK;
	}
	return b;
}

/*
 * line_boundary: whether the line break at p[i] (ending at e) ends a
 * sentence: always with SC_SENT_LINES, before a blank line or a list
 * marker, and after a terminal; otherwise not when the next line starts
 * in lower case (a hard-wrapped sentence).
 */
static int
line_boundary(struct sc_sentencer *s, const char *p, size_t len, size_t i,
    size_t e)
{
	size_t j = i, at, n;
	uint32_t c = 0;
	long val;
	int style;
	uint32_t bullet;

	if (s->flags & (SC_SENT_LINES | SC_SENT_RAW))
		return 1;
	if (soft_wrap(s, p, len, i))
		return 0;
	while (j > s->start) {
		c = decode_prev(p, len, j, &at);
		if (!is_space(c))
			break;
		j = at;
	}
	if (j <= s->start || is_term_class(sb_class(c)))
		return 1;
	for (j = e; j < len; j += n) {
		c = decode(p, len, j, &n);
		if (!is_space(c) || is_parasep_class(sb_class(c)))
			break;
	}
	if (j >= len || sb_class(c) != U_SB_LOWER)
		return 1;
	if (marker_at(p, len, j, &val, &style, &bullet) != 0)
		return 1;
	return 0;
}

/* Trim p[a..b) (is_blank) and keep it as a sentence. */
static void
emit(struct sc_sentencer *s, const char *p, size_t len, size_t a, size_t b)
{
	size_t n, at;

	while (a < b && is_blank(decode(p, len, a, &n)))
		a += n;
	while (b > a && is_blank(decode_prev(p, len, b, &at)))
		b = at;
	if (a >= b)
		return;
	if (s->nspans == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->spans = xreallocarray(s->spans, s->cap, sizeof *s->spans);
	}
	s->spans[s->nspans].start = a;
	s->spans[s->nspans].end = b;
	s->nspans++;
}

/* Whether p[a..b) holds nothing but is_blank characters. */
static int
blank_between(const char *p, size_t len, size_t a, size_t b)
{
	size_t n;

	while (a < b && is_blank(decode(p, len, a, &n)))
		a += n;
	return a >= b;
}

/* End the current sentence at b (if b is past its start). */
static void
cut(struct sc_sentencer *s, const char *p, size_t len, size_t b)
{
	if (b <= s->start)
		return;
	emit(s, p, len, s->start, b);
	s->start = b;
}

/* Cut before the list items that lie before position i. */
static inline void
cut_forced(struct sc_sentencer *s, const char *p, size_t len, size_t i)
{
	while (s->forced_next < s->nforced && s->forced[s->forced_next] < i)
		cut(s, p, len, s->forced[s->forced_next++]);
}

/*
 * scan: the first position at or after i that may begin a terminal or a
 * line break: '.', '!', '?', CR, LF, a non-ASCII character that is one
 * (cand_bmp), or a sequence the inline decoder leaves to the caller
 * (four bytes, invalid; the caller takes it for what it is, so an invalid
 * sequence that the vector loop skips with the quiet lead bytes makes no
 * difference).  Most of the text is skipped here: ASCII 16
 * bytes at a time where SSE2 is there (every x86-64), other text a
 * character at a time without leaving the loop.
 */
static inline size_t
scan(const char *p, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)p;
#if defined(__SSE2__)
	const __m128i dot = _mm_set1_epi8('.'), excl = _mm_set1_epi8('!'),
	    quest = _mm_set1_epi8('?'), lf = _mm_set1_epi8('\n'),
	    cr = _mm_set1_epi8('\r'),
	    qhi = _mm_set1_epi8((char)(quiet_lead + 1));
#endif

	for (;;) {
#if defined(__SSE2__)
		while (i + 16 <= len) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
			__m128i m = _mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, excl)),
			    _mm_or_si128(_mm_cmpeq_epi8(v, quest),
			    _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr))));
			/* Lead bytes from 0xC0 on, but those of quiet_lead. */
			__m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65)),
			    _mm_cmplt_epi8(v, _mm_setzero_si128()));
			__m128i quiet = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-62)),
			    _mm_cmplt_epi8(v, qhi));
			unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(m,
			    _mm_andnot_si128(quiet, lead)));

			if (mask != 0) {
				i += (size_t)__builtin_ctz(mask);
				break;
			}
			i += 16;
		}
#endif
		while (i < len && u[i] < 0x80 && !interesting[u[i]])
			i++;
		if (i >= len || u[i] < 0x80)
			return i;
		/* A run of non-ASCII characters. */
		while (i < len && u[i] >= 0x80) {
			uint32_t c;

			if (u[i] < 0xC0) {
				i++;	/* stray continuation byte: U+FFFD */
				continue;
			}
			if (u[i] < 0xE0 && i + 1 < len && (u[i + 1] & 0xC0) == 0x80 &&
			    u[i] >= 0xC2) {
				c = (uint32_t)(u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F);
				if (cand_bmp[c >> 3] & (1 << (c & 7)))
					return i;
				i += 2;
			} else if (u[i] < 0xF0 && i + 2 < len &&
			    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
				c = (uint32_t)(u[i] & 0x0F) << 12 |
				    (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
				if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF) ||
				    (cand_bmp[c >> 3] & (1 << (c & 7))))
					return i;
				i += 3;
			} else {
				return i;
			}
		}
	}
}

size_t
sc_sentences(struct sc_sentencer *s, const char *p, size_t len,
    const struct sc_span **out)
{
	size_t i = 0, n;

	s->nspans = 0;
	s->start = 0;
	s->wrap = -1;
	s->pending = 0;
	if (s->guess && !(s->flags & SC_SENT_RAW)) {
		s->cur = NULL;
		s->pending = 1;
		s->text = p;
		s->textlen = len;
	}
	s->nforced = s->forced_next = 0;
	if (!(s->flags & SC_SENT_RAW))
		find_list(s, p, len, 0);
	while (i < len) {
		size_t rs, re, b;
		uint32_t c;
		int cl;

		i = scan(p, len, i);
		if (i >= len)
			break;
		c = decode(p, len, i, &n);
		cl = sb_class(c);
		if (is_parasep_class(cl)) {
			size_t e = i + n;

			if (cl == U_SB_CR && e < len && p[e] == '\n')
				e++;
			cut_forced(s, p, len, i);
			if (line_boundary(s, p, len, i, e))
				cut(s, p, len, e);
			if (!(s->flags & SC_SENT_RAW))
				find_list(s, p, len, e);
			i = e;
			continue;
		}
		if (c == 0x2026 && !(s->flags & SC_SENT_RAW)) {
			/* "…" is no terminal to UAX #29; before white space and
			 * a capital it ends a sentence, as "..." does. */
			size_t j = i + n, k = j;
			struct next_word nw;

			while (k < len && sb_class(decode(p, len, k, &n)) == U_SB_CLOSE)
				k += n;
			if (k < len && is_space(c = decode(p, len, k, &n)) &&
			    !is_parasep_class(sb_class(c))) {
				next_word(p, len, k, &nw);
				/* Not when it opens the sentence: "bullying. … You" */
				if (nw.cls == U_SB_UPPER && !blank_between(p, len, s->start, i)) {
					cut_forced(s, p, len, i);
					cut(s, p, len, k);
				}
			}
			i = j;
			continue;
		}
		if (!is_term_class(cl)) {
			i += n;
			continue;
		}
		/* The run: terminals, and the marks that attach to them (SB5). */
		rs = i;
		for (re = i + n; re < len; re += n) {
			cl = sb_class(decode(p, len, re, &n));
			if (!is_term_class(cl) && cl != U_SB_EXTEND &&
			    cl != U_SB_FORMAT)
				break;
		}
		b = fast_boundary(p, len, rs, re);
		if (b == FALLBACK)
			b = icu_boundary(s, p, len, rs, re);
		cut_forced(s, p, len, rs);
		if (b != NOBREAK && !(s->flags & SC_SENT_RAW))
			b = correct(s, p, len, rs, re, b);
		if (b == NOBREAK || b <= s->start) {
			i = re;
			continue;
		}
		cut(s, p, len, b);
		/* A line break the boundary took in starts a line. */
		if (p[b - 1] == '\n' && !(s->flags & SC_SENT_RAW))
			find_list(s, p, len, b);
		i = b > re ? b : re;
	}
	cut_forced(s, p, len, len);
	cut(s, p, len, len);
	if (s->pending) {
		/* For sc_sentencer_lang, after the caller's text is gone: the
		 * guess reads GUESS_BUDGET bytes and looks at one more. */
		s->textlen = len < sizeof s->prefix ? len : sizeof s->prefix;
		memcpy(s->prefix, p, s->textlen);
		s->text = s->prefix;
	}
	*out = s->spans;
	return s->nspans;
}
