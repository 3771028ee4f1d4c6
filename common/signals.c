/*
 * signals.c: counts and quality signals (see signals.h for the units and
 * man/scmeta.1 for each definition and the thresholds the papers used).
 *
 * The text is walked line by line.  Each line is scanned once: code points
 * counted, words cut and (for the repetition signals) hashed, line endings
 * and the C4/RefinedWeb line rules checked.  The scan takes sixteen bytes
 * at a time as bit masks while they hold only spaces and word characters
 * (ASCII, and the Latin-1 and Cyrillic letters of PAIR_LEAD), other runs
 * of ASCII word characters eight bytes at a time, and runs of two-byte
 * word characters and of CJK characters in short loops of their own; the
 * rest goes one character at a time.  Lines are hashed whole, paragraphs by
 * chaining their lines' hashes.  Repeated n-grams are then counted on the
 * word hashes, level by level, only where the level below repeats.
 *
 * The counts alone (scmeta -f counts) take another road, count_text():
 * one pass over the whole text, sixteen bytes at a time as bit masks,
 * newlines inside the blocks, with the same answers.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "signals.h"
#include "simd.h"
#include "utf8.h"
#include "util.h"

#define SIG(name, group, type) { #name, group, type, offsetof(struct sc_signals, name) }
#define SIGA(name, arr, i, group, type) \
	{ name, group, type, offsetof(struct sc_signals, arr) + (i) * sizeof(double) }

const struct sc_signal_def sc_signal_defs[] = {
	SIG(chars, SC_SIG_COUNTS, SC_SIG_U64),
	SIG(words, SC_SIG_COUNTS, SC_SIG_U64),
	SIG(lines, SC_SIG_COUNTS, SC_SIG_U64),
	SIG(paragraphs, SC_SIG_COUNTS, SC_SIG_U64),
	SIG(sentences, SC_SIG_COUNTS, SC_SIG_U64),
	SIG(gopher_mean_word_length, SC_SIG_GOPHER_QUALITY, SC_SIG_DBL),
	SIG(gopher_symbol_word_ratio, SC_SIG_GOPHER_QUALITY, SC_SIG_DBL),
	SIG(gopher_bullet_line_frac, SC_SIG_GOPHER_QUALITY, SC_SIG_DBL),
	SIG(gopher_ellipsis_line_frac, SC_SIG_GOPHER_QUALITY, SC_SIG_DBL),
	SIG(gopher_alpha_word_frac, SC_SIG_GOPHER_QUALITY, SC_SIG_DBL),
	SIG(gopher_stopwords, SC_SIG_GOPHER_QUALITY, SC_SIG_U64),
	SIG(gopher_dup_line_frac, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIG(gopher_dup_para_frac, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIG(gopher_dup_line_char_frac, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIG(gopher_dup_para_char_frac, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_top_2gram_char_frac", gopher_top_ngram_char_frac, 2, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_top_3gram_char_frac", gopher_top_ngram_char_frac, 3, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_top_4gram_char_frac", gopher_top_ngram_char_frac, 4, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_dup_5gram_char_frac", gopher_dup_ngram_char_frac, 5, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_dup_6gram_char_frac", gopher_dup_ngram_char_frac, 6, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_dup_7gram_char_frac", gopher_dup_ngram_char_frac, 7, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_dup_8gram_char_frac", gopher_dup_ngram_char_frac, 8, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_dup_9gram_char_frac", gopher_dup_ngram_char_frac, 9, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIGA("gopher_dup_10gram_char_frac", gopher_dup_ngram_char_frac, 10, SC_SIG_GOPHER_REP, SC_SIG_DBL),
	SIG(c4_kept_line_frac, SC_SIG_C4, SC_SIG_DBL),
	SIG(c4_kept_sentences, SC_SIG_C4, SC_SIG_U64),
	SIG(c4_javascript_lines, SC_SIG_C4, SC_SIG_U64),
	SIG(c4_policy_lines, SC_SIG_C4, SC_SIG_U64),
	SIG(c4_lorem_ipsum, SC_SIG_C4, SC_SIG_BOOL),
	SIG(c4_curly_bracket, SC_SIG_C4, SC_SIG_BOOL),
	SIG(fineweb_line_punct_ratio, SC_SIG_FINEWEB, SC_SIG_DBL),
	SIG(fineweb_short_line_ratio, SC_SIG_FINEWEB, SC_SIG_DBL),
	SIG(fineweb_char_dup_ratio, SC_SIG_FINEWEB, SC_SIG_DBL),
	SIG(fineweb_list_ratio, SC_SIG_FINEWEB, SC_SIG_DBL),
	SIG(refinedweb_removed_word_frac, SC_SIG_REFINEDWEB, SC_SIG_DBL),
};
const size_t sc_nsignal_defs = sizeof sc_signal_defs / sizeof sc_signal_defs[0];

/* ---- Work area ---------------------------------------------------------- */

struct word {
	uint64_t h;		/* hash of the word's bytes */
	uint64_t cs, ce;	/* code point span in the text */
};

struct span {
	uint64_t h;
	uint64_t cps;
};

/* 16 bytes, so a table for a thousand words stays in the L1 cache. */
struct slot {
	uint64_t key;
	uint32_t first;		/* first position the key was seen at */
	uint32_t count;		/* 0: the slot is empty */
};

struct c4hit;

struct sc_signals_work {
	struct word *w;
	size_t nw, capw;
	uint64_t *g;		/* n-gram hash at each position */
	size_t *cand, *next;	/* positions still able to repeat */
	size_t capg;
	struct span *lines, *paras;
	size_t nl, capl, np, capp;
	uint32_t *sidx;		/* slot of each candidate */
	uint64_t *rep;		/* bit k: candidate k's n-gram repeats */
	unsigned char *bmp;	/* character information of U+0000..U+FFFF */
	int mixed;		/* MIXED_LEAD holds: count_text may use count_block */
	int pairs;		/* the line scan's blocks may take PAIR_LEAD letters */
	struct slot *tab;
	uint32_t *use;		/* use[i]: the use of the table slot i was filled in */
	uint32_t uses;		/* the current use, from 1 */
	size_t tabcap, tabmask;
	unsigned tabshift;	/* 64 - log2(capacity): the slot is key >> tabshift */
	struct c4hit *hits;	/* C4's phrases found in the text, in order */
	size_t nhits, caphits;
	const char *end;	/* the end of the text being read */
};

static void fill_bmp(unsigned char *bmp);
static int mixed_ok(const unsigned char *bmp);
static int pairs_ok(const unsigned char *bmp);

/*
 * The work area carries a 64 KB table of character information for the
 * Basic Multilingual Plane, filled once (the runs above by memset, the
 * rest from utf8proc: a few million instructions, which on a small input
 * were a visible share of a run): text in Cyrillic, Greek, Arabic or
 * Devanagari then costs a table load per character instead of two calls
 * into utf8proc.
 */
struct sc_signals_work *
sc_signals_work_new(void)
{
	struct sc_signals_work *w = xcalloc(1, sizeof *w);

	w->bmp = xmalloc(0x10000);
	fill_bmp(w->bmp);
	w->mixed = mixed_ok(w->bmp);
	w->pairs = pairs_ok(w->bmp);
	return w;
}

void
sc_signals_work_free(struct sc_signals_work *w)
{
	if (w == NULL)
		return;
	free(w->w);
	free(w->g);
	free(w->cand);
	free(w->next);
	free(w->lines);
	free(w->paras);
	free(w->sidx);
	free(w->rep);
	free(w->bmp);
	free(w->tab);
	free(w->use);
	free(w->hits);
	free(w);
}

/*
 * Room for the words of a line of n bytes: a word takes a byte at least,
 * and two words in a row a byte between them unless one is CJK (three
 * bytes or four), so a line holds at most n / 2 + 1.  Made once a line,
 * the room lets the scan store words through a cursor in a register
 * (put_word), with no test and no reload of the count after each store.
 */
static void
reserve_words(struct sc_signals_work *w, size_t n)
{
	size_t need = w->nw + n / 2 + 2;

	if (need > w->capw) {
		w->capw = w->capw ? w->capw * 2 : 1024;
		if (w->capw < need)
			w->capw = need;
		w->w = xreallocarray(w->w, w->capw, sizeof *w->w);
	}
}

static inline void
put_word(struct word **wc, uint64_t h, uint64_t cs, uint64_t ce)
{
	(*wc)->h = h;
	(*wc)->cs = cs;
	(*wc)->ce = ce;
	(*wc)++;
}

static void
grow_spans(struct span **v, size_t *cap)
{
	*cap = *cap ? *cap * 2 : 256;
	*v = xreallocarray(*v, *cap, sizeof **v);
}

/* Once a line: inline, the growing out of line. */
static inline void
push_span(struct span **v, size_t *n, size_t *cap, uint64_t h, uint64_t cps)
{
	if (*n == *cap)
		grow_spans(v, cap);
	(*v)[*n].h = h;
	(*v)[*n].cps = cps;
	(*n)++;
}

/*
 * An open-addressing table with room for n keys at load <= 1/4, used a
 * dozen times per document (at 1/2, a key's probe ran into another's
 * often enough that the test for an empty slot was mispredicted one time
 * in five; at 1/4 one in eight, for tables of 20 bytes a slot that still
 * fit the second-level cache).  A slot is empty unless it was filled in the
 * current use (use[i] == uses): starting a use is one increment, where
 * clearing the slots filled (each user knew their indices) was a pass
 * over all of them, a tenth of the n-gram counting.  Past TABLE_SPARSE
 * slots (80 MB, far from any cache) the load goes back to 1/2: at 1/4 a
 * document of 20 MB of words peaked at 589 MB rather than 425 MB.
 */
#define TABLE_SPARSE ((size_t)1 << 22)

static void
table_reset(struct sc_signals_work *w, size_t n)
{
	size_t cap = 64;
	unsigned bits = 6;

	while (cap < 4 * n && (cap < TABLE_SPARSE || cap < 2 * n)) {
		cap *= 2;
		bits++;
	}
	if (cap > w->tabcap) {
		free(w->tab);
		free(w->use);
		w->tab = xcalloc(cap, sizeof *w->tab);
		w->use = xcalloc(cap, sizeof *w->use);
		w->tabcap = cap;
	}
	if (++w->uses == 0) {
		/* Four billion uses on: the marks start again. */
		memset(w->use, 0, w->tabcap * sizeof *w->use);
		w->uses = 1;
	}
	w->tabmask = cap - 1;
	w->tabshift = 64 - bits;
}

/*
 * The table of the current use as plain values.  The loops that fill it
 * take one of these by value rather than reading the work area: a store
 * into a slot or a mark (64- and 32-bit integers, like the work area's
 * sizes and use count) could otherwise be taken to change those, and
 * every probe reloaded five fields.
 */
struct tview {
	struct slot *tab;
	uint32_t *use;
	size_t mask;
	uint32_t uses;
	unsigned shift;
};

static inline struct tview
table_view(const struct sc_signals_work *w)
{
	struct tview t = { w->tab, w->use, w->tabmask, w->uses, w->tabshift };

	return t;
}

/*
 * Count key, seen at position k, in its slot: a new key gets an empty
 * slot, count 1 and first k.  Returns the slot's index times two, plus
 * one when the key was seen before (inlined, the caller's test of that
 * bit folds into the branch taken here).  Keys are XXH3 hashes or
 * products of a multiplicative hash, whose high bits are the well-mixed
 * ones, so those pick the slot.
 */
static inline uint64_t
table_count(struct tview t, uint64_t key, size_t k)
{
	size_t i = (size_t)(key >> t.shift);

	for (;;) {
		struct slot *s = &t.tab[i];

		if (t.use[i] != t.uses) {
			t.use[i] = t.uses;
			s->key = key;
			s->first = (uint32_t)k;
			s->count = 1;
			return (uint64_t)i << 1;
		}
		if (s->key == key) {
			s->count++;
			return (uint64_t)i << 1 | 1;
		}
		i = (i + 1) & t.mask;
	}
}

/* Count 2nd and later occurrences of spans and their code points. */
static void
dup_spans(struct sc_signals_work *w, const struct span *v, size_t n,
    uint64_t *dups, uint64_t *dupcps)
{
	size_t i;
	struct tview t;

	*dups = *dupcps = 0;
	table_reset(w, n);
	t = table_view(w);
	for (i = 0; i < n; i++) {
		if (table_count(t, v[i].h, i) & 1) {
			(*dups)++;
			*dupcps += v[i].cps;
		}
	}
}

/* ---- Characters --------------------------------------------------------- */

/*
 * What the scan needs to know of a character, in one byte: its class in
 * the low two bits, then flags.  ASCII comes from a table; the rest from
 * utf8proc's general category.
 */
enum {
	C_SPACE = 0, C_WORD = 1, C_CJK = 2, C_OTHER = 3, C_MASK = 3,
	F_LETTER = 4, F_UPPER = 8, F_DIGIT = 16
};

#define ASCII_INFO(c) \
	((c) >= 'a' && (c) <= 'z' ? C_WORD | F_LETTER : \
	 (c) >= 'A' && (c) <= 'Z' ? C_WORD | F_LETTER | F_UPPER : \
	 (c) >= '0' && (c) <= '9' ? C_WORD | F_DIGIT : \
	 (c) == '_' ? C_WORD : \
	 ((c) == ' ' || ((c) >= '\t' && (c) <= '\r')) ? C_SPACE : C_OTHER)
#define AI4(c) ASCII_INFO(c), ASCII_INFO((c) + 1), ASCII_INFO((c) + 2), ASCII_INFO((c) + 3)
#define AI16(c) AI4(c), AI4((c) + 4), AI4((c) + 8), AI4((c) + 12)
static const unsigned char ascii_info[128] = {
	AI16(0), AI16(16), AI16(32), AI16(48), AI16(64), AI16(80), AI16(96), AI16(112)
};

static int
is_cjk(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) ||	/* Hiragana, Katakana */
	    (c >= 0x31F0 && c <= 0x31FF) ||	/* Katakana extensions */
	    (c >= 0x3400 && c <= 0x4DBF) ||	/* Han extension A */
	    (c >= 0x4E00 && c <= 0x9FFF) ||	/* Han */
	    (c >= 0xF900 && c <= 0xFAFF) ||	/* Han compatibility */
	    (c >= 0xFF66 && c <= 0xFF9F) ||	/* half-width Katakana */
	    (c >= 0x20000 && c <= 0x3FFFF);	/* Han extensions B.. */
}

static unsigned
unicode_info(uint32_t c)
{
	if (c < 0x80)
		return ascii_info[c];
	if (is_cjk(c))
		return C_CJK | F_LETTER;
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return C_WORD | F_LETTER | F_UPPER;
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_WORD | F_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_WORD;
	case UTF8PROC_CATEGORY_ND:
		return C_WORD | F_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_SPACE;
	default:
		return C_OTHER;
	}
}

/*
 * Runs of the Basic Multilingual Plane whose information is one value
 * throughout, in order: is_cjk()'s ranges, the Hangul syllables (all Lo),
 * the surrogates (Cs) and the private use area (Co), general categories
 * that Unicode's stability policy keeps.  They are 47,000 of the 65,536
 * code points, so the table costs a quarter of the utf8proc calls.
 */
static const struct { uint32_t lo, hi; unsigned char info; } bmp_runs[] = {
	{ 0x3040, 0x30FF, C_CJK | F_LETTER },
	{ 0x31F0, 0x31FF, C_CJK | F_LETTER },
	{ 0x3400, 0x4DBF, C_CJK | F_LETTER },
	{ 0x4E00, 0x9FFF, C_CJK | F_LETTER },
	{ 0xAC00, 0xD7A3, C_WORD | F_LETTER },
	{ 0xD800, 0xF8FF, C_OTHER },
	{ 0xF900, 0xFAFF, C_CJK | F_LETTER },
	{ 0xFF66, 0xFF9F, C_CJK | F_LETTER },
};

static void
fill_bmp(unsigned char *bmp)
{
	const size_t nruns = sizeof bmp_runs / sizeof bmp_runs[0];
	uint32_t c = 0;
	size_t r;

	for (r = 0; r <= nruns; r++) {
		uint32_t lo = r < nruns ? bmp_runs[r].lo : 0x10000;

		for (; c < lo; c++)
			bmp[c] = (unsigned char)unicode_info(c);
		if (r < nruns) {
			memset(bmp + lo, bmp_runs[r].info, bmp_runs[r].hi - lo + 1);
			c = bmp_runs[r].hi + 1;
		}
	}
}

static inline unsigned
cp_info(uint32_t c)
{
	return c < 0x80 ? ascii_info[c] : unicode_info(c);
}

/* Decode one code point; invalid bytes come back as U+FFFD, one byte long. */
static inline size_t
next_cp(const char *p, size_t n, uint32_t *c)
{
	const unsigned char *s = (const unsigned char *)p;

	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	/* sc_utf8_next's own fast forms, without the call */
	if (s[0] >= 0xC2 && s[0] <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*c = (s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu);
		return 2;
	}
	if (s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && n >= 3 &&
	    (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*c = (s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);
		return 3;
	}
	return sc_utf8_next(s, n, c, NULL);
}

/*
 * The ASCII members of the sets below, by table: the switches they
 * replace were trees of compares on the character, and the last
 * character of a line (is_terminal()) is as unpredictable as the text
 * (about 20K simulated mispredicts on the 2 MB slice).  Only the rest go
 * through a switch.
 */
enum { P_END = 1, P_CLOSER = 2, P_TERMINAL = 4 };
static const unsigned char ascii_punct[128] = {
	['.'] = P_END | P_TERMINAL, ['!'] = P_END | P_TERMINAL, ['?'] = P_END | P_TERMINAL,
	['"'] = P_CLOSER | P_TERMINAL, ['\''] = P_CLOSER | P_TERMINAL,
	[')'] = P_CLOSER, [']'] = P_CLOSER,
};

/*
 * Sentence enders: ASCII . ! ? and the full stops of other scripts:
 * 。！？ (CJK), । ॥ (Devanagari), ؟ ۔ (Arabic, Urdu), ። (Ethiopic), ‼, and
 * the full-width full stop.
 */
static int
is_sentence_end(uint32_t c)
{
	if (c < 0x80)
		return ascii_punct[c] & P_END;
	switch (c) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E:
	case 0x0964: case 0x0965: case 0x061F: case 0x06D4: case 0x1362:
	case 0x203C:
		return 1;
	}
	return 0;
}

/* Enders that close a sentence even with no space after them. */
static int
is_wide_end(uint32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

/* Closing quotes and brackets that may follow an ender: ASCII " ' ) ] and these. */
static int
is_closer(uint32_t c)
{
	if (c < 0x80)
		return (ascii_punct[c] & P_CLOSER) != 0;
	switch (c) {
	case 0x2019: case 0x201D: case 0x00BB: case 0x300D: case 0x300F:
	case 0xFF09: case 0x3011:
		return 1;
	}
	return 0;
}

/*
 * Terminal punctuation for FineWeb's and C4's line rules: their ASCII set
 * . ? ! " ' and, so that the ratio means the same in other scripts, the
 * other scripts' enders and the typographic closing quotes.
 */
static int
is_terminal(uint32_t c)
{
	if (c < 0x80)
		return (ascii_punct[c] & P_TERMINAL) != 0;
	switch (c) {
	case 0x2019: case 0x201D: case 0x00BB: case 0x300D: case 0x300F:
		return 1;
	}
	return is_sentence_end(c);
}

static int
is_bullet(uint32_t c)
{
	switch (c) {
	case 0x2022: case 0x2023: case 0x25E6: case 0x2043: case 0x2219:
	case 0x25AA: case 0x25AB: case 0x25CF: case 0x25CB: case 0x25A0:
	case 0x25A1: case 0x25BA: case 0x25B6: case 0x27A2: case 0x27A4:
	case 0x2713: case 0x2714: case 0x00B7:
		return 1;
	}
	return 0;
}

/* ---- Sentences ---------------------------------------------------------- */

/*
 * Sentence counting as a state machine fed one character at a time, so the
 * line scan counts sentences in the same pass.  An ASCII ender waits for
 * the next character: white space confirms it, a closer or another ender
 * keeps it waiting, anything else ("3.5", "e.g") cancels it.
 */
struct sent {
	uint64_t count;
	uint32_t prev, prev2;
	int words;		/* a word since the last boundary */
	int pending;		/* an ender waits for what follows */
};

/*
 * Whether the last two characters are a lone capital ("J" of "J."): from
 * st->prev and st->prev2, or with line set from the bytes before line[at].
 * Of them only ASCII letters count, and the byte before a character is an
 * ASCII letter exactly when the character before it is one (any byte of
 * another character is >= 0x80); the byte before that is the last of the
 * character before, when that one is ASCII.  So the line scan keeps no
 * characters for the machine.
 */
static inline int
lone_capital(const struct sent *st, const char *line, size_t at)
{
	uint32_t prev = st->prev, prev2 = st->prev2;

	if (line != NULL) {
		prev = at >= 1 ? (unsigned char)line[at - 1] : ' ';
		prev2 = at >= 2 ? (unsigned char)line[at - 2] : ' ';
	}
	return prev >= 'A' && prev <= 'Z' && !((prev2 | 32) >= 'a' && (prev2 | 32) <= 'z');
}

/* One step for character c at line[at] (line NULL: keep prev and prev2). */
static inline __attribute__((always_inline)) void
sent_step_at(struct sent *st, uint32_t c, unsigned info, const char *line, size_t at)
{
	unsigned cl = info & C_MASK;

	if (st->pending) {
		if (cl == C_OTHER && (is_sentence_end(c) || is_closer(c)))
			goto shift;
		st->pending = 0;
		if (cl == C_SPACE) {
			st->count++;
			st->words = 0;
		}
	}
	if (cl == C_WORD || cl == C_CJK) {
		st->words = 1;
	} else if (cl == C_OTHER && st->words && is_sentence_end(c)) {
		if (is_wide_end(c)) {
			st->count++;
			st->words = 0;
		} else if (!(c == '.' && lone_capital(st, line, at))) {
			/* Not "J. Smith": a lone capital and a dot is an initial. */
			st->pending = 1;
		}
	}
shift:
	if (line == NULL) {
		st->prev2 = st->prev;
		st->prev = c;
	}
}

static inline void
sent_step(struct sent *st, uint32_t c, unsigned info)
{
	sent_step_at(st, c, info, NULL, 0);
}

/* The line ended: a waiting ender or an unterminated tail is a sentence. */
static inline uint64_t
sent_finish(struct sent *st)
{
	return st->count + (uint64_t)(st->pending || st->words);
}

/* Sentences in one line (no newline inside). */
static uint64_t
line_sentences(const char *p, size_t n)
{
	struct sent st = { 0, ' ', ' ', 0, 0 };
	size_t i = 0;
	uint32_t c;

	while (i < n) {
		i += next_cp(p + i, n - i, &c);
		sent_step(&st, c, cp_info(c));
	}
	return sent_finish(&st);
}

uint64_t
sc_count_sentences(const char *p, size_t n)
{
	uint64_t count = 0;
	const char *e;

	while (n > 0) {
		e = memchr(p, '\n', n);
		size_t len = e ? (size_t)(e - p) : n;

		count += line_sentences(p, len);
		if (e == NULL)
			break;
		p += len + 1;
		n -= len + 1;
	}
	return count;
}

/* ---- C4 phrases ----------------------------------------------------------- */

/* Whether p[0..n) starts with needle (lower-case ASCII), ignoring ASCII case. */
static int
starts_ci(const char *p, size_t n, const char *needle)
{
	size_t i;

	for (i = 0; needle[i] != '\0'; i++)
		if (i >= n || sc_ascii_lower((unsigned char)p[i]) != (unsigned char)needle[i])
			return 0;
	return 1;
}

enum { PH_JAVASCRIPT = 1, PH_LOREM = 2, PH_POLICY = 4 };

/*
 * C4's phrases: "javascript" (the line goes), "lorem ipsum" (the page
 * goes) and the policy phrases datatrove's C4 filter drops lines for (as
 * TensorFlow's c4_utils does).  Each is looked for only where its anchor
 * is, a rare pair of letters inside it at offset "at": "ja", "ki", "va",
 * "ms", "ps".  ("f " of "terms of use" was the anchor until a profile
 * showed English and German text stopping at every "of " and "auf ".)
 */
static const struct {
	const char *s;
	unsigned char at, anchor, what;
} c4_ph[] = {
	{ "javascript", 0, 'j', PH_JAVASCRIPT },
	{ "cookie policy", 3, 'k', PH_POLICY },
	{ "uses cookies", 8, 'k', PH_POLICY },
	{ "use of cookies", 10, 'k', PH_POLICY },
	{ "use cookies", 7, 'k', PH_POLICY },
	{ "privacy policy", 3, 'v', PH_POLICY },
	{ "terms of use", 3, 'm', PH_POLICY },
	{ "lorem ipsum", 7, 'p', PH_LOREM },
};

/* The phrases whose anchor is at p[i], a letter (any case). */
static int
c4_phrases_at(const char *p, size_t n, size_t i)
{
	unsigned char c = (unsigned char)p[i] | 32;
	size_t k;
	int found = 0;

	for (k = 0; k < sizeof c4_ph / sizeof c4_ph[0]; k++)
		if (c4_ph[k].anchor == c && i >= c4_ph[k].at &&
		    starts_ci(p + i - c4_ph[k].at, n - i + c4_ph[k].at, c4_ph[k].s))
			found |= c4_ph[k].what;
	return found;
}

/* Lanes of p[0..16) where an anchor pair starts (reads p[0..17)). */
static inline unsigned
c4_anchors16(const char *p)
{
	sc_u8x16 y = sc_load16(p) | 0x20;
	sc_u8x16 z = sc_load16(p + 1) | 0x20;

	/* Grouped by the second letter: eight comparisons, not ten. */
	return sc_mask16((sc_i8x16)((((y == 'j') | (y == 'v')) & (z == 'a')) |
	    ((y == 'k') & (z == 'i')) | (((y == 'm') | (y == 'p')) & (z == 's'))));
}

/* A place where a phrase was found: the anchor's offset and the phrases. */
struct c4hit {
	size_t pos;
	int what;
};

static void
c4_hit(struct sc_signals_work *w, size_t pos, int what)
{
	if (what == 0)
		return;
	if (w->nhits == w->caphits) {
		w->caphits = w->caphits ? w->caphits * 2 : 16;
		w->hits = xreallocarray(w->hits, w->caphits, sizeof *w->hits);
	}
	w->hits[w->nhits].pos = pos;
	w->hits[w->nhits].what = what;
	w->nhits++;
}

/*
 * The phrases of the whole text, sixteen bytes at a time, in one pass
 * rather than one call a line (a line of prose is five or six blocks, and
 * the call and the ragged end of every line cost as much as its blocks);
 * the last block of a text of 17 bytes or more overlaps the one before it
 * (the lanes already seen masked off) rather than going byte by byte.  A
 * phrase holds no newline and starts and ends with a letter, so one found
 * here lies inside the line, trimmed, that holds its anchor: the line scan
 * takes the hits of each line in order.
 */
#ifdef SC_X86_AVX2
/*
 * c4_find()'s blocks 32 bytes at a time where the processor has AVX2, up
 * to the first block without the 33 bytes it reads; returns where the
 * sixteen-byte blocks go on.
 */
static __attribute__((noinline, target("avx2"))) size_t
c4_find32(struct sc_signals_work *w, const char *p, size_t n)
{
	size_t base, i;

	for (base = 0; base + 33 <= n; base += 32) {
		sc_u8x32 y, z;
		unsigned m;

		memcpy(&y, p + base, 32);
		memcpy(&z, p + base + 1, 32);
		y |= 0x20;
		z |= 0x20;
		m = (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)(
		    (((y == 'j') | (y == 'v')) & (z == 'a')) | ((y == 'k') & (z == 'i')) |
		    (((y == 'm') | (y == 'p')) & (z == 's'))));
		for (; m != 0; m &= m - 1) {
			i = base + (size_t)__builtin_ctz(m);
			c4_hit(w, i, c4_phrases_at(p, n, i));
		}
	}
	return base;
}
#endif

static void
c4_find(struct sc_signals_work *w, const char *p, size_t n)
{
	size_t i, base = 0;

	w->nhits = 0;
	if (n < 17) {
		for (i = 0; i + 1 < n; i++) {
			unsigned char y = (unsigned char)p[i] | 32, z = (unsigned char)p[i + 1] | 32;

			if ((y == 'j' && z == 'a') || (y == 'k' && z == 'i') ||
			    (y == 'v' && z == 'a') || (y == 'm' && z == 's') ||
			    (y == 'p' && z == 's'))
				c4_hit(w, i, c4_phrases_at(p, n, i));
		}
		return;
	}
#ifdef SC_X86_AVX2
	if (sc_cpu_avx2())
		base = c4_find32(w, p, n);
#endif
	for (;; base += 16) {
		unsigned m;

		if (base + 17 > n) {
			/* The last block, overlapping the one before. */
			m = c4_anchors16(p + n - 17) & (0xFFFFu << (base - (n - 17)));
			base = n - 17;
		} else {
			m = c4_anchors16(p + base);
		}
		for (; m != 0; m &= m - 1) {
			i = base + (size_t)__builtin_ctz(m);
			c4_hit(w, i, c4_phrases_at(p, n, i));
		}
		if (base + 17 >= n)
			break;
	}
}

/*
 * RefinedWeb's counter lines ("12 likes", "1.2K views"):
 * ^\W*\d[\d,.]*[KkMmBb]?\s+(likes|shares|...)\W*$ on ASCII.
 */
static int
is_counter_line(const char *p, size_t n)
{
	static const char *const what[] = {
		"likes", "shares", "comments", "retweets", "reposts", "quotes",
		"bookmarks", "upvotes", "downvotes", "downloads", "views",
		"followers", NULL
	};
	size_t i = 0, k, l;

	while (i < n && !((p[i] >= '0' && p[i] <= '9') ||
	    ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z') || (unsigned char)p[i] >= 0x80))
		i++;
	if (i >= n || !(p[i] >= '0' && p[i] <= '9'))
		return 0;
	while (i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == ',' || p[i] == '.'))
		i++;
	if (i < n && strchr("KkMmBb", p[i]) != NULL && p[i] != '\0')
		i++;
	if (i >= n || (p[i] != ' ' && p[i] != '\t'))
		return 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	for (k = 0; what[k] != NULL; k++) {
		l = strlen(what[k]);
		if (starts_ci(p + i, n - i, what[k]))
			break;
	}
	if (what[k] == NULL)
		return 0;
	for (i += l; i < n; i++)
		if ((unsigned char)p[i] >= 0x80 || ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9'))
			return 0;
	return 1;
}

/* ---- The line scan ------------------------------------------------------- */

/*
 * The 8 English words the Gopher paper requires two of, found by their
 * bytes as the low bytes of an integer (first byte lowest, as
 * load_upto8() gives them), case folded: OR-ing 0x20 into a byte gives a
 * lower-case ASCII letter only when the byte is an ASCII letter, so one
 * OR folds the case and rules out every other byte at once.
 *
 * By table, not by branch on the word's length (as unpredictable as the
 * text): wfold[n] folds a word of n bytes when n is a stopword's length,
 * and the folded word is looked up in gopher_stop[], where multiplying by
 * the golden ratio and keeping the top five bits puts each of the eight
 * in a slot of its own (a collision would be a -Woverride-init warning).
 * A word's bytes are never zero, so a word of another length, folded or
 * not, has too many or too few bytes to equal one of them, nor is it
 * zero like an empty slot.
 */
#define W2(a, b) ((uint64_t)(a) | (uint64_t)(b) << 8)
#define W3(a, b, c) (W2(a, b) | (uint64_t)(c) << 16)
#define W4(a, b, c, d) (W3(a, b, c) | (uint64_t)(d) << 24)
#define STOP_SLOT(x) ((uint64_t)(x) * 0x9E3779B97F4A7C15ULL >> 59)
#define STOP(x) [STOP_SLOT(x)] = (x)
static const uint64_t gopher_stop[32] = {
	STOP(W2('b', 'e')), STOP(W2('t', 'o')), STOP(W2('o', 'f')),
	STOP(W3('t', 'h', 'e')), STOP(W3('a', 'n', 'd')),
	STOP(W4('t', 'h', 'a', 't')), STOP(W4('h', 'a', 'v', 'e')), STOP(W4('w', 'i', 't', 'h')),
};
#undef STOP
#undef W2
#undef W3
#undef W4
static const uint64_t wfold[17] = { 0, 0, 0x2020, 0x202020, 0x20202020 };

/* Whether the word v of n bytes (1 <= n <= 16; v its first eight) is one. */
static inline int
is_gopher_stopword(uint64_t v, size_t n)
{
	uint64_t x = v | wfold[n];

	return gopher_stop[STOP_SLOT(x)] == x;
}

struct scan {
	unsigned groups;
	uint64_t cp;		/* code point offset of the current line */
	/* Totals. */
	uint64_t words, wordcps, alpha_words, stopwords, hashes, ellipses;
	uint64_t lines, bullet_lines, ellipsis_lines, punct_lines, short_lines;
	uint64_t c4_kept, removed_words, newlines;
	/*
	 * Paragraph being read: its first and end code points, and a hash
	 * of its lines' hashes in order (its lines are its bytes: the lines
	 * between two blank lines and the newlines between them).
	 */
	int in_para;
	uint64_t para_cp, para_end_cp, para_h;
	int c4ph;		/* C4's phrases in the line being scanned */
};

static void
end_paragraph(struct scan *sc, struct sc_signals *s, struct sc_signals_work *w)
{
	if (!sc->in_para)
		return;
	sc->in_para = 0;
	s->paragraphs++;
	if (sc->groups & SC_SIG_GOPHER_REP)
		push_span(&w->paras, &w->np, &w->capp, sc->para_h,
		    sc->para_end_cp - sc->para_cp);
}

/* Strip C4's citation marks ("[1]", "[edit]", "[citation needed]") at the end. */
static size_t
strip_citations(const char *p, size_t n)
{
	size_t i;

	while (n > 0 && p[n - 1] == ']') {
		for (i = n - 1; i > 0 && p[i - 1] != '['; i--)
			;
		if (i == 0)
			break;
		{
			const char *in = p + i;
			size_t len = n - 1 - i, k;
			int digits = 1;

			for (k = 0; k < len; k++)
				if (in[k] < '0' || in[k] > '9')
					digits = 0;
			if (!digits && !(len == 4 && memcmp(in, "edit", 4) == 0) &&
			    !(len == 17 && memcmp(in, "citation needed", 15) == 0) &&
			    !(len == 15 && memcmp(in, "citation needed", 15) == 0))
				break;
		}
		n = i - 1;
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
	}
	return n;
}

/*
 * The information of the character that ends at p[i] (i > 0), as the line
 * scan decoded it, for the rare question whether it was a digit:
 * sc_utf8_prev() finds its start as decoding forward would (a byte that
 * no sequence ending at p[i] takes in is a U+FFFD of its own).
 */
static unsigned
info_before(const struct sc_signals_work *w, const char *p, size_t i)
{
	size_t j = sc_utf8_prev(p, i);
	uint32_t c;

	next_cp(p + j, i - j, &c);
	return c < 0x10000 ? w->bmp[c] : unicode_info(c);
}

/* Whether c joins the word before it to a word after it (see signals.h). */
static inline int
is_joiner(uint32_t c, unsigned previnfo, unsigned nextinfo)
{
	if ((nextinfo & C_MASK) != C_WORD)
		return 0;
	if (c == '\'' || c == 0x2019 || c == '-' || c == 0x2010)
		return 1;
	return (c == '.' || c == ',') && (previnfo & F_DIGIT) && (nextinfo & F_DIGIT);
}

/*
 * The n bytes at p (1 <= n <= 8) as the low bytes of an integer, first
 * byte lowest, the rest zero: what memcpy() into a zeroed integer gives on
 * a little-endian machine, from two fixed-size loads that overlap (a byte
 * they both cover lands at the same place) instead of a call.
 */
static inline uint64_t
load_upto8(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	uint32_t lo, hi;

	if (n == 0)
		return 0;
	if (n >= 4) {
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		return (uint64_t)lo | (uint64_t)hi << (8 * (n - 4));
	}
	return (uint64_t)s[0] | (uint64_t)s[n / 2] << (8 * (n / 2)) |
	    (uint64_t)s[n - 1] << (8 * (n - 1));
}

/*
 * Hash of a word's bytes.  Words are short, so up to 16 bytes are loaded
 * as two integers and mixed inline; longer ones go to XXH3.  a and b are
 * the first eight bytes and the rest (zero-padded) of a word of n <= 16.
 */
static inline uint64_t
word_mix(uint64_t a, uint64_t b, size_t n)
{
	/* Odd multipliers are invertible: distinct words up to 8 bytes never collide. */
	return (a * 0xbf58476d1ce4e5b9ULL) ^ (b * 0x94d049bb133111ebULL + n);
}

static inline uint64_t
word_hash(const char *p, size_t n)
{
	uint64_t a = 0;

	if (n > 16)
		return XXH3_64bits(p, n);
	if (n > 8) {
		memcpy(&a, p, 8);
		return word_mix(a, load_upto8(p + 8, n - 8), n);
	}
	return word_mix(load_upto8(p, n), 0, n);
}

/*
 * The end of a run of ASCII word characters starting at p[i], eight bytes
 * at a time (SWAR: each byte of a 64-bit word compared at once; bytes are
 * known to be below 0x80, so no carry crosses a byte), and in *any whether
 * the run holds a letter.  Letters are found case-blind: OR-ing 0x20 into
 * an ASCII byte gives a-z only for a letter.  With count set it adds the
 * run's letters and capitals to *letters and *upper, for RefinedWeb's
 * line rules (which look for digits only on a line without letters).
 */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
/* High bit of each byte that is >= lo (bytes < 0x80). */
#define SWAR_GE(x, lo) (((x) + ONES * (0x80 - (lo))) & HIGHS)
/* High bit of each byte in lo..hi (bytes < 0x80). */
#define SWAR_IN(x, lo, hi) (SWAR_GE(x, lo) & ~SWAR_GE(x, (hi) + 1))

/* The bytes of x with their high bit set (a SWAR mask), counted. */
#define SWAR_COUNT(x) ((((x) >> 7) * ONES) >> 56)

static inline __attribute__((always_inline)) size_t
ascii_word_run(const char *p, size_t i, size_t n, unsigned *any, int count,
    uint64_t *letters, uint64_t *upper)
{
	while (i + 8 <= n) {
		uint64_t x, al, word, stop, before;

		memcpy(&x, p + i, 8);
		if (x & HIGHS)
			break;
		al = SWAR_IN(x | ONES * 0x20, 'a', 'z');
		word = al | SWAR_IN(x, '0', '9') | SWAR_IN(x, '_', '_');
		if (word != HIGHS) {
			/* The bytes before the first non-word byte (little-endian). */
			stop = ~word & HIGHS;
			before = (stop & -stop) - 1;
			if (al & before)
				*any |= F_LETTER;
			if (count) {
				*letters += SWAR_COUNT(al & before);
				*upper += SWAR_COUNT(SWAR_IN(x, 'A', 'Z') & before);
			}
			return i + (size_t)(__builtin_ctzll(stop) >> 3);
		}
		if (al) {
			*any |= F_LETTER;
			if (count) {
				*letters += SWAR_COUNT(al);
				*upper += SWAR_COUNT(SWAR_IN(x, 'A', 'Z'));
			}
		}
		i += 8;
	}
	while (i < n && (unsigned char)p[i] < 0x80) {
		unsigned info = ascii_info[(unsigned char)p[i]];

		if ((info & C_MASK) != C_WORD)
			break;
		*any |= info & F_LETTER;
		if (count) {
			*letters += (info & F_LETTER) != 0;
			*upper += (info & F_UPPER) != 0;
		}
		i++;
	}
	return i;
}

/* Whether p[0..n) holds an ASCII digit. */
static int
has_ascii_digit(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] >= '0' && p[i] <= '9')
			return 1;
	return 0;
}

/*
 * Lead bytes all of whose two-byte characters are letters (not digits,
 * not CJK): Latin-1 (but for the continuations of x and the division
 * sign), Latin Extended-A and -B, Cyrillic.  sc_signals_work_new() checks
 * this against the character table and turns the blocks off if it fails.
 * (Greek, Armenian and Hebrew leads hold punctuation or unassigned code
 * points, and are left to the character loop.)
 */
#define MIXED_LEAD(v) (((sc_u8x16)((v) - 0xC3) < 6) | (((v) & 0xFE) == 0xD0))

/* Whether MIXED_LEAD holds for this character table. */
static int
mixed_ok(const unsigned char *bmp)
{
	uint32_t c;

	for (c = 0xC0; c < 0x480; c++) {
		unsigned lead = 0xC0 | c >> 6;

		if (((lead == 0xC3 && c != 0xD7 && c != 0xF7) ||
		    (lead >= 0xC4 && lead <= 0xC8) || lead == 0xD0 || lead == 0xD1) &&
		    (bmp[c] & (C_MASK | F_DIGIT)) != C_WORD)
			return 0;
	}
	return 1;
}

/*
 * The two-byte letters the line scan's blocks take, whose case the bytes
 * tell: Latin-1's letters (lead C3: capitals up to U+00DE, but for the
 * multiplication sign U+00D7; small letters from U+00DF, but for the
 * division sign U+00F7) and Cyrillic's basic ones (lead D0: capitals to
 * U+042F, small letters from U+0430; lead D1 up to U+045F: small letters).
 * Most of the letters of German, French, Spanish and Russian text.
 */
/* 16 bytes from lanes_before + 16 - m: lanes 0..m-1 set, the rest clear. */
static const unsigned char lanes_before[32] = {
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

#define PAIR_LEAD(b) ((b) == 0xC3 || ((b) & 0xFE) == 0xD0)

/* Whether the character table agrees with PAIR_LEAD's letters and capitals. */
static int
pairs_ok(const unsigned char *bmp)
{
	uint32_t c;

	for (c = 0xC0; c < 0x460; c++) {
		unsigned want;

		if (c == 0x100)
			c = 0x400;
		if (c == 0xD7 || c == 0xF7)
			continue;
		want = C_WORD | F_LETTER | (c <= 0xDE || (c >= 0x400 && c < 0x430) ? F_UPPER : 0);
		if (bmp[c] != want)
			return 0;
	}
	return 1;
}

/* What count_text() keeps of the line being read and of the whole text. */
struct counter {
	struct sent st;		/* the line's sentence machine */
	uint64_t words, cps, lines, paragraphs, sentences;
	unsigned carry_e, carry_w, carry_d;	/* previous byte: in a word, a word byte, a digit */
	int nonspace;		/* the line holds something other than white space */
	int in_para;
};

/* A newline: the line ends (see sc_signals_compute for the units). */
static inline void
count_eol(struct counter *k)
{
	if (k->nonspace) {
		k->lines++;
		k->sentences += sent_finish(&k->st);
		k->paragraphs += !k->in_para;
		k->in_para = 1;
	} else {
		k->in_para = 0;
	}
	k->nonspace = 0;
	k->st = (struct sent){ 0, ' ', ' ', 0, 0 };
}

/*
 * The sentence machine over the characters p[j..t) of a block, none of
 * them an ender or a newline, none waiting after one: all it keeps is
 * whether a word was seen and the last two characters.  Of those it only
 * ever asks whether they are ASCII letters (an initial's "J."), so a
 * character beyond ASCII is kept as one of its bytes (any byte >= 0x80
 * answers the same), with no decoding.
 */
static inline void
sent_skip(struct sent *st, const char *p, unsigned W, unsigned cont, size_t j, size_t t)
{
	size_t a = t - 1;
	uint32_t before = st->prev;

	if (!st->words && (W >> j << j & ((2u << a) - 1)))
		st->words = 1;
	st->prev = (unsigned char)p[a];
	if (cont >> a & 1)
		a--;
	st->prev2 = a > j ? (unsigned char)p[a - 1] : before;
}

/*
 * Sixteen bytes of text (n >= 16 bytes from p) of ASCII and MIXED_LEAD
 * letters, newlines included: words, code points, white space and lines
 * from lane masks, one bit a byte.  A letter's continuation byte counts
 * as a word byte, so a word starts where a word byte follows a byte that
 * is not one, in any of these scripts.  The block stops before any other
 * byte and before a character it cannot hold whole.  The sentence machine
 * runs character by character only in a block where it can change (an
 * ender, one pending, a line end); elsewhere it keeps only whether a word
 * was seen and the last two characters.  Returns the bytes taken: 0 when
 * the first character is not one of these.
 */
static inline __attribute__((always_inline)) size_t
count_block(struct sc_signals_work *w, const char *p, size_t n, struct counter *k)
{
	sc_u8x16 v = sc_load16(p);
	sc_i8x16 vs = (sc_i8x16)v, lc = vs | 0x20, dot = vs == '.';
	size_t m = 16;
	unsigned hi = sc_mask16(vs < 0), lead = 0, cont = 0, valid = 0xFFFF;
	unsigned bad, D, W, J, N, S, e, nw = 0, nd = 0, last, ev, ns, from = 0;
	size_t j = 0;

	if (hi) {
		lead = sc_mask16(MIXED_LEAD(v));
		cont = sc_mask16((v & 0xC0) == 0x80);
		/* Other high bytes; x and the division sign (at their lead); broken pairs. */
		bad = (hi & ~lead & ~cont) |
		    ((sc_mask16((v == 0x97) | (v == 0xB7)) >> 1) & sc_mask16(v == 0xC3)) |
		    ((cont ^ (lead << 1)) & 0xFFFF);
		if (bad)
			m = (size_t)__builtin_ctz(bad);
		if (m > 0 && (lead >> (m - 1) & 1))
			m--;		/* its continuation is outside */
		if (m == 0)
			return 0;
		valid = 0xFFFFu >> (16 - m);
	}
	/* Ranges as one unsigned comparison each: v - lo < hi - lo + 1. */
	D = sc_mask16((sc_u8x16)(v - '0') < 10) & valid;
	W = (sc_mask16(((sc_u8x16)((sc_u8x16)lc - 'a') < 26) | (vs == '_')) | lead | cont | D) & valid;
	S = sc_mask16((vs == ' ') | ((sc_u8x16)(v - '\t') < 5)) & valid;
	/* The enders and the newlines: where the sentence machine steps. */
	ev = sc_mask16(dot | (vs == '!') | (vs == '?') | (vs == '\n')) & valid;
	last = 1u << (m - 1);
	e = W;
	/*
	 * The joiners (an apostrophe or hyphen between word characters, a
	 * point or comma between digits), looked at only in a block that
	 * has one: many blocks of prose have none.
	 */
	if (sc_mask16(dot | (vs == ',') | (vs == '\'') | (vs == '-')) & valid) {
		J = sc_mask16((vs == '\'') | (vs == '-')) & valid;
		N = sc_mask16(dot | (vs == ',')) & valid;
		if (m < n && ((J | N) & last)) {
			/* The character after the block, as is_joiner() sees it. */
			unsigned char b = (unsigned char)p[m];
			unsigned info;

			if (b < 0x80) {
				info = ascii_info[b];
			} else {
				uint32_t c;

				next_cp(p + m, n - m, &c);
				info = c < 0x10000 ? w->bmp[c] : unicode_info(c);
			}
			nw = (info & C_MASK) == C_WORD;
			nd = (info & F_DIGIT) != 0;
		}
		e |= (J & ((W << 1) | k->carry_w) & ((W >> 1) | nw << (m - 1))) |
		    (N & ((D << 1) | k->carry_d) & ((D >> 1) | nd << (m - 1)));
	}
	k->words += sc_popcount16(e & ~((e << 1) | k->carry_e));
	k->carry_e = (e & last) != 0;
	k->carry_w = (W & last) != 0;
	k->carry_d = (D & last) != 0;
	k->cps += m - sc_popcount16(cont & valid);
	/*
	 * The sentence machine and the line ends: stepped only at an ender,
	 * a newline and the characters after an ender; skipped over the rest.
	 */
	ns = valid & ~S;
	while (j < m) {
		uint32_t c;

		if (!k->st.pending) {
			unsigned rest = ev >> j << j;
			size_t t = rest ? (size_t)__builtin_ctz(rest) : m;

			if (t > j)
				sent_skip(&k->st, p, W, cont, j, t);
			if ((j = t) == m)
				break;
		}
		if (p[j] == '\n') {
			k->nonspace |= (ns & ((1u << j) - (1u << from))) != 0;
			count_eol(k);
			from = (unsigned)++j;
			continue;
		}
		j += next_cp(p + j, m - j, &c);
		sent_step(&k->st, c, c < 0x80 ? ascii_info[c] : w->bmp[c]);
	}
	k->nonspace |= (ns >> from) != 0;
	return m;
}

/*
 * Counts alone, over the whole text in one pass with no line splitting:
 * sixteen bytes at a time where count_block() takes them, else one
 * character at a time with the rules of scan_line_for().
 */
static void
count_text(struct sc_signals_work *w, const char *p, size_t n, struct sc_signals *s)
{
	struct counter k;
	size_t i = 0;
	const int mixed = w->mixed;

	memset(&k, 0, sizeof k);
	k.st = (struct sent){ 0, ' ', ' ', 0, 0 };
	while (i < n) {
		uint32_t c, dc;
		size_t len, m;
		unsigned info, cl;

		if (mixed) {
			while (i + 16 <= n && (m = count_block(w, p + i, n - i, &k)) > 0)
				i += m;
			if (i == n)
				break;
		}
		if (p[i] == '\n') {
			count_eol(&k);
			k.carry_e = k.carry_w = k.carry_d = 0;
			k.cps++;
			i++;
			continue;
		}
		len = next_cp(p + i, n - i, &c);
		info = c < 0x10000 ? w->bmp[c] : unicode_info(c);
		cl = info & C_MASK;
		if (cl == C_OTHER && k.carry_e && i + len < n) {
			next_cp(p + i + len, n - i - len, &dc);
			if (is_joiner(c, k.carry_d ? F_DIGIT : 0,
			    dc < 0x10000 ? w->bmp[dc] : unicode_info(dc)))
				cl = C_WORD;
		}
		if (cl == C_WORD) {
			k.words += !k.carry_e;
			k.carry_e = 1;
		} else {
			k.words += cl == C_CJK;
			k.carry_e = 0;
		}
		k.carry_w = (info & C_MASK) == C_WORD;
		k.carry_d = (info & F_DIGIT) != 0;
		k.nonspace |= cl != C_SPACE;
		sent_step(&k.st, c, info);
		k.cps++;
		i += len;
	}
	if (n > 0 && p[n - 1] != '\n')
		count_eol(&k);
	s->chars = k.cps;
	s->words = k.words;
	s->lines = k.lines;
	s->paragraphs = k.paragraphs;
	s->sentences = k.sentences;
}

/*
 * What the line scan accumulates about the line's words.  When the words
 * are kept (hashwords), their count and longest are read from the kept
 * words at the end of the line instead (line_words, line_wordmax).
 */
struct lineacc {
	uint64_t words, wordcps, alpha, stopwords, wordmax;
	const char *end;	/* the text's end: what word_done() may read up to */
};

/*
 * Masks of a word's bytes in the two eight-byte loads word_done() makes,
 * by length (wlo[n]: the low n bytes of the first; whi[n]: the low n - 8
 * of the second): tables, not branches, since a word's length is as
 * unpredictable as the text (a branch on it was mispredicted about once a
 * word; without them scmeta -g text took ~5% less time on the generated
 * corpus for 2% more instructions).
 */
#define M8 0xFFFFFFFFFFFFFFFFULL
static const uint64_t wlo[17] = {
	0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL,
	0xFFFFFFFFFFFFFFULL, M8, M8, M8, M8, M8, M8, M8, M8, M8
};
static const uint64_t whi[17] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFFULL,
	0xFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFULL, M8
};
#undef M8

static inline __attribute__((always_inline)) void
word_done(struct lineacc *a, struct word **wc, int full, int hashwords,
    const char *wp, size_t wn, uint64_t cs, uint64_t ce, unsigned wletter)
{
	if (!hashwords) {
		a->words++;
		if (ce - cs > a->wordmax)
			a->wordmax = ce - cs;
	}
	a->wordcps += ce - cs;
	a->alpha += wletter != 0;
	if (wn <= 16 && wp + 16 <= a->end) {
		/* Sixteen bytes can be read: two loads, masked to the word. */
		uint64_t v, v2;

		memcpy(&v, wp, 8);
		memcpy(&v2, wp + 8, 8);
		v &= wlo[wn];
		v2 &= whi[wn];
		if (full)
			a->stopwords += is_gopher_stopword(v, wn);
		if (hashwords)
			put_word(wc, word_mix(v, v2, wn), cs, ce);
	} else if (wn <= 8) {
		/* Most words: one load serves the stopword test and the hash. */
		uint64_t v = load_upto8(wp, wn);

		if (full && is_gopher_stopword(v, wn))
			a->stopwords++;
		if (hashwords)
			put_word(wc, word_mix(v, 0, wn), cs, ce);
	} else if (hashwords) {
		put_word(wc, word_hash(wp, wn), cs, ce);
	}
}

/*
 * The most code points of the last nwords words kept, those of a line of n
 * bytes: a word has no more code points than the line has bytes, so a
 * line of 1000 bytes or fewer needs no look.
 */
static uint64_t
line_wordmax(const struct sc_signals_work *w, uint64_t nwords, size_t n)
{
	const struct word *wd = w->w + w->nw - nwords;
	uint64_t k, max = 0;

	if (n <= 1000)
		return n;
	for (k = 0; k < nwords; k++)
		if (wd[k].ce - wd[k].cs > max)
			max = wd[k].ce - wd[k].cs;
	return max;
}

/*
 * The words of a block of the line scan (see scan_line_for): lanes of
 * word characters Wm, spaces Sm, letters Lm; the block's first code point
 * is c0, and lane k's is c0 + cpi[k] (c0 + k when cpi is a constant NULL,
 * a block of ASCII).  A word open before the block ends at its first
 * space or runs through it; the last word may run on past it.
 */
static inline __attribute__((always_inline)) void
block_words(struct lineacc *a, struct word **wc, int full, int hashwords,
    const char *p, size_t i, unsigned m, unsigned Wm, unsigned Sm, unsigned Lm,
    const unsigned char *cpi, uint64_t c0, int *inword, size_t *wstart, uint64_t *wcs,
    unsigned *wletter)
{
	unsigned open = (unsigned)*inword;
	/* Lanes where a word starts, and the spaces that end one. */
	unsigned B = Wm & ~((Wm << 1) | open);
	unsigned E = Sm & ((Wm << 1) | open);
#define CP_AT(k) (c0 + (cpi ? cpi[k] : (k)))

	if (*inword) {
		/*
		 * The word open before the block: to its first space, or all
		 * of it (then the block has no space and no other start).
		 */
		unsigned k;

		if (!E) {
			*wletter |= Lm & ((1u << m) - 1);
			return;
		}
		k = (unsigned)__builtin_ctz(E);
		*wletter |= Lm & ((1u << k) - 1);
		E &= E - 1;
		*inword = 0;
		word_done(a, wc, full, hashwords, p + *wstart,
		    i + k - *wstart, *wcs, CP_AT(k), *wletter);
	}
	/*
	 * No word is open now.  Every space left ends a word that starts in
	 * the block, in order; a start left over is the last word, which runs
	 * on past the block.  Paired so, the loop runs once a space, and the
	 * word that runs on is stored without a test (with none, it is not
	 * open and what is stored goes unread): a test of E at each start was
	 * as unpredictable as where the block ends in the text (a third of
	 * them mispredicted).
	 */
	while (E) {
		unsigned b0 = (unsigned)__builtin_ctz(B), k = (unsigned)__builtin_ctz(E);

		B &= B - 1;
		E &= E - 1;
		word_done(a, wc, full, hashwords, p + i + b0, k - b0,
		    CP_AT(b0), CP_AT(k), (Lm >> b0) & ((1u << (k - b0)) - 1));
	}
	{
		/* B has one lane at most now; 15 stands for none (any lane reads). */
		unsigned b0 = (unsigned)__builtin_ctz(B | 0x8000u);

		*inword = B != 0;
		*wstart = i + b0;
		*wcs = CP_AT(b0);
		*wletter = Lm >> b0;
	}
#undef CP_AT
}

/*
 * Scan one line p[0..n) (no newline inside) for the groups asked for
 * (sc->groups). Returns its code points.
 */
static inline __attribute__((always_inline)) uint64_t
scan_line_for(struct scan *sc, struct sc_signals *s, struct sc_signals_work *w,
    const char *p, size_t n, const unsigned groups)
{
	const int full = (groups & ~(unsigned)SC_SIG_COUNTS) != 0;
	const int hashwords = (groups & SC_SIG_GOPHER_REP) != 0;
	const int want_sent = (groups & (SC_SIG_COUNTS | SC_SIG_C4)) != 0;
	/*
	 * RefinedWeb's line rule counts the ASCII letters and capitals too:
	 * only the block and the run below take them, and count them there.
	 */
	const int want_rw = (groups & SC_SIG_REFINEDWEB) != 0;
	const int pairs = w->pairs;
	uint64_t aletters = 0, aupper = 0;
	sc_u8x16 vletters = { 0 }, vupper = { 0 };
	unsigned vblocks = 0;
	const uint64_t cp0 = sc->cp;
	struct lineacc a = { 0, 0, 0, 0, 0, w->end };
	struct word *wc = NULL;	/* where the next word goes */
	struct sent st = { 0, ' ', ' ', 0, 0 };
	uint64_t cps = 0, upper = 0, letters = 0, digits = 0, hashes = 0;
	uint64_t ellipses = 0, wcs = 0, sentences;
	size_t i = 0, len, wstart = 0, first = (size_t)-1, last = 0, lastlen = 0;
	size_t dots = 0;
	unsigned info, cl, wletter = 0;
	int inword = 0;
	uint32_t c;

	if (hashwords) {
		reserve_words(w, n);
		wc = w->w + w->nw;
	}
	while (i < n) {
		unsigned char b = (unsigned char)p[i];

		if (p + i + 16 <= a.end && (b < 0x80 || (pairs && PAIR_LEAD(b)))) {
			/*
			 * Sixteen bytes at a time while the line holds only
			 * word characters (ASCII, and the PAIR_LEAD letters)
			 * and spaces, most of a line of prose in a Latin or
			 * Cyrillic script: the words from lane masks, each
			 * handed to word_done() with what the loops below would
			 * hand it, the rest of their state set once per block.
			 * The block stops before its first other byte, which the
			 * loops below take.  (A byte >= 0x80 is negative here,
			 * in no class but a letter's.)  The sixteen bytes may
			 * run past the line while they are in the text: then
			 * the newline after the line, in no class, stops the
			 * block, and the end of a line (the last fifteen bytes
			 * or fewer, a sixth of the text) is taken in blocks too.
			 */
			sc_u8x16 u = sc_load16(p + i);
			sc_i8x16 v = (sc_i8x16)u, lc = v | 0x20;
			sc_i8x16 la = sc_range16((sc_u8x16)lc, 'a', 'z'), cv = { 0 }, cu = { 0 };
			unsigned L = sc_mask16(la);
			unsigned W = L | sc_mask16(sc_range16(u, '0', '9') | (v == '_'));
			unsigned S = sc_mask16(v == ' ');
			unsigned C = 0, m;
			unsigned char cpi[16];

			if (pairs && sc_mask16(v < 0)) {
				/*
				 * A pair is a lead and the continuation after it
				 * in the lead's range (C the continuations, CU
				 * those of capitals); cpi[k] is the code point of
				 * lane k from the block's first.
				 */
				sc_u8x16 prev = (sc_u8x16)sc_up16(v);
				/* As signed bytes: 80..BF below -64, 80..9F below -96. */
				sc_i8x16 x = (sc_i8x16)((u & 0xDF) == 0x97);	/* 97, B7 */
				sc_i8x16 p3 = (sc_i8x16)(prev == 0xC3), p0 = (sc_i8x16)(prev == 0xD0);

				cv = (v < -64) & ((p3 & ~x) | p0 | ((sc_i8x16)(prev == 0xD1) & (v < -96)));
				C = sc_mask16(cv);
				/* Capitals: C3 80..9E (-128..-99), D0 80..AF (..-81). */
				cu = cv & ((p3 & (v < -97)) | (p0 & (v < -80)));
				{
					sc_u8x16 cpv = sc_prefix16((sc_u8x16)(~cv & 1)) - 1;

					memcpy(cpi, &cpv, 16);
				}
				W |= C | C >> 1;
				L |= C | C >> 1;
			}
			m = (unsigned)__builtin_ctz(~(W | S) | 0x10000);
			if (m >= 2) {
				unsigned valid = 0xFFFFu >> (16 - m);
				unsigned Wm = W & valid, Sm = S & valid, Lm = L & valid;
				unsigned Cm = C & valid, top;
				const uint64_t c0 = cp0 + cps;

				if (dots) {
					ellipses += dots / 3;
					dots = 0;
				}
				/* The sentence machine: a space confirms a waiting ender. */
				if ((Sm & 1) && st.pending) {
					st.count++;
					st.words = 0;
				}
				st.pending = 0;
				if (Wm) {
					st.words = 1;
					if (first == (size_t)-1)
						first = i + (size_t)__builtin_ctz(Wm);
					top = 31 - (unsigned)__builtin_clz(Wm);
					/* The last character: its lead, when a pair's. */
					lastlen = 1 + (Cm >> top & 1);
					last = i + top + 1 - lastlen;
				}
				if (Cm == 0)
					block_words(&a, &wc, full, hashwords, p, i, m, Wm, Sm, Lm, NULL,
					    c0, &inword, &wstart, &wcs, &wletter);
				else
					block_words(&a, &wc, full, hashwords, p, i, m, Wm, Sm, Lm, cpi,
					    c0, &inword, &wstart, &wcs, &wletter);
				if (want_rw) {
					/*
					 * Letters and capitals, a pair's by its
					 * continuation, into byte counters added up
					 * at the end of the line (or before a byte
					 * could pass 255).
					 */
					sc_i8x16 vm = (sc_i8x16)sc_load16(lanes_before + 16 - m);

					vletters += (sc_u8x16)((la | cv) & vm) & 1;
					vupper += (sc_u8x16)((sc_range16(u, 'A', 'Z') | cu) & vm) & 1;
					if (++vblocks == 255) {
						aletters += sc_sum16(vletters);
						aupper += sc_sum16(vupper);
						vletters = vupper = (sc_u8x16){ 0 };
						vblocks = 0;
					}
				}
				cps += Cm ? (uint64_t)cpi[m - 1] + 1 : m;
				i += m;
				continue;
			}
		}
		if (b < 0x80 && (ascii_info[b] & C_MASK) == C_WORD) {
			/* The common case: a run of ASCII word characters. */
			unsigned any = 0;
			size_t j = ascii_word_run(p, i, n, &any, want_rw, &aletters, &aupper);

			if (!inword) {
				inword = 1;
				wstart = i;
				wcs = cp0 + cps;
				wletter = 0;
			}
			wletter |= any;
			if (first == (size_t)-1)
				first = i;
			last = j - 1;
			lastlen = 1;
			if (full && dots) {
				ellipses += dots / 3;
				dots = 0;
			}
			/* What the sentence machine would have seen, in short. */
			st.pending = 0;
			st.words = 1;
			cps += j - i;
			i = j;
			if (i < n && p[i] == ' ') {
				/*
				 * The space after the word, as the branch below
				 * takes it: no dot and no sentence end waits.
				 */
				inword = 0;
				word_done(&a, &wc, full, hashwords, p + wstart, i - wstart,
				    wcs, cp0 + cps, wletter);
				cps++;
				i++;
			}
			continue;
		}
		if (b == ' ') {
			/* The other common case: the space after a word. */
			if (inword) {
				inword = 0;
				word_done(&a, &wc, full, hashwords, p + wstart, i - wstart,
				    wcs, cp0 + cps, wletter);
			}
			if (dots) {
				ellipses += dots / 3;
				dots = 0;
			}
			if (st.pending) {
				st.pending = 0;
				st.count++;
				st.words = 0;
			}
			cps++;
			i++;
			continue;
		}
		if (b < 0x80) {
			c = b;
			len = 1;
			info = ascii_info[b];
		} else if (b >= 0xC2 && b < 0xE0 && i + 1 < n &&
		    ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
			c = (uint32_t)(b & 0x1F) << 6 | ((unsigned char)p[i + 1] & 0x3F);
			len = 2;
			info = w->bmp[c];
		} else if (b >= 0xE0 && b < 0xF0 && i + 2 < n &&
		    ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)p[i + 2] & 0xC0) == 0x80 &&
		    (c = (uint32_t)(b & 0x0F) << 12 |
		    (uint32_t)((unsigned char)p[i + 1] & 0x3F) << 6 |
		    ((unsigned char)p[i + 2] & 0x3F)) >= 0x800 &&
		    (c < 0xD800 || c > 0xDFFF)) {
			len = 3;
			info = w->bmp[c];
		} else {
			/* Four bytes, or bytes that are not UTF-8 (one U+FFFD each). */
			len = sc_utf8_next((const unsigned char *)p + i, n - i, &c, NULL);
			info = unicode_info(c);
		}
		cl = info & C_MASK;
		if (cl == C_OTHER && inword && i + len < n) {
			uint32_t d;
			unsigned dinfo;

			next_cp(p + i + len, n - i - len, &d);
			dinfo = d < 0x10000 ? w->bmp[d] : unicode_info(d);
			/* Only a point or comma between digits asks what came before. */
			if (is_joiner(c, (c == '.' || c == ',') && (dinfo & F_DIGIT) ?
			    info_before(w, p, i) : 0, dinfo))
				cl = C_WORD;
		}
		if (cl == C_WORD) {
			if (!inword) {
				inword = 1;
				wstart = i;
				wcs = cp0 + cps;
				wletter = 0;
			}
			wletter |= info & F_LETTER;
			if (len == 2 && (info & C_MASK) == C_WORD) {
				/*
				 * Cyrillic, Greek, accented Latin: the rest of this
				 * loop for this character, then the two-byte word
				 * characters after it in short (no dot waits after
				 * the first, the sentence machine waits).  A
				 * word character is a letter, a digit or neither,
				 * and only a letter can be a capital.
				 */
				if (first == (size_t)-1)
					first = i;
				if (full) {
					letters += info >> 2 & 1;
					upper += info >> 3 & 1;
					digits += info >> 4 & 1;
					ellipses += dots / 3;
					dots = 0;
				}
				if (want_sent)
					sent_step_at(&st, c, info, p, i);
				last = i;
				lastlen = 2;
				cps++;
				i += 2;
				while (i + 1 < n) {
					unsigned char x = (unsigned char)p[i];
					uint32_t cc;
					unsigned in;

					if (x < 0xC2 || x >= 0xE0 ||
					    ((unsigned char)p[i + 1] & 0xC0) != 0x80)
						break;
					cc = (uint32_t)(x & 0x1F) << 6 | ((unsigned char)p[i + 1] & 0x3F);
					in = w->bmp[cc];
					if ((in & C_MASK) != C_WORD)
						break;
					wletter |= in & F_LETTER;
					if (full) {
						letters += in >> 2 & 1;
						upper += in >> 3 & 1;
						digits += in >> 4 & 1;
					}
					last = i;
					cps++;
					i += 2;
				}
				if (i < n && p[i] == ' ') {
					/* The space after the word, as for ASCII words. */
					inword = 0;
					word_done(&a, &wc, full, hashwords, p + wstart,
					    i - wstart, wcs, cp0 + cps, wletter);
					cps++;
					i++;
				}
				continue;
			}
		} else {
			if (inword) {
				inword = 0;
				word_done(&a, &wc, full, hashwords, p + wstart, i - wstart,
				    wcs, cp0 + cps, wletter);
			}
			if (cl == C_CJK && len == 3) {
				/*
				 * Chinese and Japanese: a CJK character is a word
				 * and a letter, never a capital, and those after it
				 * are mostly CJK too.  What the rest of this loop
				 * would do for this one and for each that follows,
				 * in short (no word is open, no dot waits after the
				 * first, the sentence machine waits).  Below
				 * U+0800 no character is CJK, so the table alone
				 * rules out overlong forms; nor are surrogates.
				 */
				word_done(&a, &wc, 0, hashwords, p + i, len, cp0 + cps,
				    cp0 + cps + 1, 1);
				if (first == (size_t)-1)
					first = i;
				if (full) {
					letters++;
					ellipses += dots / 3;
					dots = 0;
				}
				if (want_sent)
					sent_step_at(&st, c, info, p, i);
				last = i;
				lastlen = 3;
				cps++;
				i += 3;
				while (i + 2 < n) {
					unsigned char x = (unsigned char)p[i];
					uint32_t cc;

					if (x < 0xE0 || x >= 0xF0 ||
					    ((unsigned char)p[i + 1] & 0xC0) != 0x80 ||
					    ((unsigned char)p[i + 2] & 0xC0) != 0x80)
						break;
					cc = (uint32_t)(x & 0x0F) << 12 |
					    (uint32_t)((unsigned char)p[i + 1] & 0x3F) << 6 |
					    ((unsigned char)p[i + 2] & 0x3F);
					if ((w->bmp[cc] & C_MASK) != C_CJK)
						break;
					if (!hashwords)
						a.words++;
					a.wordcps++;
					a.alpha++;
					if (hashwords)
						put_word(&wc, word_mix(load_upto8(p + i, 3), 0, 3),
						    cp0 + cps, cp0 + cps + 1);
					letters += full;
					last = i;
					cps++;
					i += 3;
				}
				continue;
			}
			if (cl == C_CJK)
				word_done(&a, &wc, 0, hashwords, p + i, len, cp0 + cps,
				    cp0 + cps + 1, 1);
		}
		if (cl != C_SPACE) {
			if (first == (size_t)-1)
				first = i;
			last = i;
			lastlen = len;
		}
		if (full) {
			if (info & F_LETTER) {
				letters++;
				upper += (info & F_UPPER) != 0;
			} else if (info & F_DIGIT) {
				digits++;
			}
			if (c == '.') {
				dots++;
			} else {
				/* Python's str.count("..."): runs of dots, non-overlapping. */
				ellipses += dots / 3;
				dots = 0;
				hashes += c == '#';
				ellipses += c == 0x2026;
			}
		}
		if (want_sent)
			sent_step_at(&st, c, info, p, i);
		cps++;
		i += len;
	}
	if (inword)
		word_done(&a, &wc, full, hashwords, p + wstart, n - wstart, wcs,
		    cp0 + cps, wletter);
	if (hashwords) {
		a.words = (uint64_t)(wc - (w->w + w->nw));
		w->nw = (size_t)(wc - w->w);
	}
	sc->words += a.words;
	sc->wordcps += a.wordcps;
	sc->alpha_words += a.alpha;
	sc->stopwords += a.stopwords;
	sc->hashes += hashes;
	sc->ellipses += ellipses + dots / 3;
	if (first == (size_t)-1)
		return cps;		/* blank line */

	/* A line with something on it. */
	sc->lines++;
	sentences = want_sent ? sent_finish(&st) : 0;
	if (groups & SC_SIG_COUNTS)
		s->sentences += sentences;
	if (!full)
		return cps;
	{
		const char *t = p + first;
		size_t tn = last + lastlen - first;	/* the line, trimmed */
		uint32_t lc = 0, fc = 0;

		next_cp(t, tn, &fc);
		next_cp(p + last, lastlen, &lc);
		if (is_bullet(fc) || ((fc == '-' || fc == '*' || fc == '+') && tn > 1 &&
		    (t[1] == ' ' || t[1] == '\t')))
			sc->bullet_lines++;
		if (lc == 0x2026 || (tn >= 3 && memcmp(t + tn - 3, "...", 3) == 0))
			sc->ellipsis_lines++;
		if (is_terminal(lc))
			sc->punct_lines++;
		/* FineWeb measures the line as it is, white space included. */
		if (cps <= 30)
			sc->short_lines++;
		if (groups & (SC_SIG_GOPHER_REP | SC_SIG_FINEWEB))
			push_span(&w->lines, &w->nl, &w->capl, XXH3_64bits(p, n), cps);

		if (groups & SC_SIG_C4) {
			int ph = sc->c4ph;
			size_t cn = strip_citations(t, tn);
			uint32_t cl4 = 0;

			if (ph & PH_LOREM)
				s->c4_lorem_ipsum = 1;
			if (ph & PH_JAVASCRIPT)
				s->c4_javascript_lines++;
			if (ph & PH_POLICY)
				s->c4_policy_lines++;
			if (cn > 0 && (unsigned char)t[cn - 1] < 0x80) {
				cl4 = (unsigned char)t[cn - 1];
			} else if (cn > 0) {
				size_t j = sc_utf8_prev(t, cn);

				next_cp(t + j, cn - j, &cl4);
			}
			if (cn > 0 && is_terminal(cl4) &&
			    !(cn >= 3 && memcmp(t + cn - 3, "...", 3) == 0) &&
			    a.words >= 3 && !(ph & (PH_JAVASCRIPT | PH_POLICY)) &&
			    (hashwords ? line_wordmax(w, a.words, n) : a.wordmax) <= 1000) {
				sc->c4_kept++;
				s->c4_kept_sentences += sentences;
			}
		}
		if (groups & SC_SIG_REFINEDWEB) {
			/* RefinedWeb's line-wise corrections, as whole lines. */
			letters += aletters + sc_sum16(vletters);
			upper += aupper + sc_sum16(vupper);
			/* Digits matter only on a line without letters. */
			if (letters == 0 && digits == 0 && has_ascii_digit(t, tn))
				digits = 1;
			if (a.words < 2 || (letters > 0 && upper * 2 > letters) ||
			    (letters == 0 && digits > 0) ||
			    /* A line that starts with a letter counts nothing. */
			    ((unsigned)(((unsigned char)t[0] | 32) - 'a') >= 26 &&
			    is_counter_line(t, tn)))
				sc->removed_words += a.words;
		}
	}
	return cps;
}

/*
 * scan_line_for() made twice: for every group, what scmeta asks by
 * default and with -g text, its tests on the groups folded away (fewer
 * branches and fewer live flags in the loop that runs once a word); and
 * for any other choice of groups.
 */
static __attribute__((noinline)) uint64_t
scan_line_all(struct scan *sc, struct sc_signals *s, struct sc_signals_work *w,
    const char *p, size_t n)
{
	return scan_line_for(sc, s, w, p, n, SC_SIG_ALL);
}

/*
 * The other choices.  Not inlined into the caller, which picks one of the
 * two once a line: as one function with the choice inside it, the line
 * of every group paid this one's register saves too.
 */
static __attribute__((noinline)) uint64_t
scan_line_some(struct scan *sc, struct sc_signals *s, struct sc_signals_work *w,
    const char *p, size_t n)
{
	return scan_line_for(sc, s, w, p, n, sc->groups);
}

/* ---- Repeated n-grams ------------------------------------------------------ */

/*
 * The hash of an n-gram from its (n-1)-gram's and its last word's: one
 * rotation (so that "a b" and "b a" differ) and one multiplication.
 */
static inline uint64_t
ngram_extend(uint64_t g, uint64_t next)
{
	return ((g << 29 | g >> 35) ^ next) * 0x9E3779B97F4A7C15ULL;
}

/* Count the n-gram g of candidate k; its slot's first sight is its first occurrence. */
static inline void
ngram_count(struct tview t, uint32_t *sidx, uint64_t *rep, size_t k, uint64_t g)
{
	uint64_t r = table_count(t, g, k);
	uint32_t i = (uint32_t)(r >> 1);
	const struct slot *sl = &t.tab[i];

	if (r & 1) {
		/* A repeat: it and, at the second sight, the first are marked. */
		if (sl->count == 2)
			rep[sl->first >> 6] |= 1ULL << (sl->first & 63);
		rep[k >> 6] |= 1ULL << (k & 63);
	}
	sidx[k] = i;
}

/*
 * The characters of the n-gram at word i not yet covered by the ones
 * before it (occurrences come in order; overlapping ones count once),
 * *end moved to its end.
 */
static inline uint64_t
cover(const struct word *wd, size_t i, size_t n, uint64_t *end)
{
	uint64_t cs = wd[i].cs, ce = wd[i + n - 1].ce, add = 0;

	if (cs < *end)
		cs = *end;
	if (ce > cs)
		add = ce - cs;
	if (ce > *end)
		*end = ce;
	return add;
}

/*
 * Gopher's n-gram repetition: for n = 2, 3, 4 the share of characters
 * inside the occurrences of the most frequent n-gram (one that occurs at
 * least twice); for n = 5..10 the share of characters inside second and
 * later occurrences of any n-gram.  Characters are those of the text from
 * an n-gram's first word to its last; overlapping occurrences count once.
 */
static void
ngram_repetition(struct sc_signals *s, struct sc_signals_work *w)
{
	size_t nw = w->nw, nc, nn, i, k, b;
	size_t *tmp, *cand, *next;
	uint64_t *g, *rep;
	uint32_t *sidx;
	const struct word *wd = w->w;
	struct tview t;
	int n;

	if (nw < 2)
		return;		/* no 2-gram: every fraction stays 0 */
	if (nw > w->capg) {
		w->capg = w->capw;
		w->g = xreallocarray(w->g, w->capg, sizeof *w->g);
		w->cand = xreallocarray(w->cand, w->capg, sizeof *w->cand);
		w->next = xreallocarray(w->next, w->capg, sizeof *w->next);
		w->sidx = xreallocarray(w->sidx, w->capg, sizeof *w->sidx);
		w->rep = xreallocarray(w->rep, w->capg / 64 + 1, sizeof *w->rep);
	}
	/* In locals, for the reason of struct tview. */
	g = w->g;
	cand = w->cand;
	next = w->next;
	sidx = w->sidx;
	rep = w->rep;
	/* The 2-grams start everywhere: their candidates are all positions. */
	nc = nw - 1;
	for (n = 2; n <= 10; n++) {
		uint64_t covered = 0, end = 0, cs, ce, bestlen = 0, bestkey = 0;
		uint32_t best = 1;

		/*
		 * Where an n-gram fits: extend its hash and count it.  Past the
		 * 2-grams, an n-gram at i repeats only if the (n-1)-grams at i
		 * and at i + 1 both do (a second occurrence at j has theirs at j
		 * and j + 1): the candidates are the repeated positions whose
		 * successor is repeated too, which also keeps the n-gram inside
		 * the text.  The occurrences of every repeated n-gram stay, in
		 * order, so the answers are those of counting every position.
		 */
		if (n > 2) {
			/* Kept by moving the end, not by a branch on each. */
			for (k = 0, nn = 0; k + 1 < nc; k++) {
				cand[nn] = cand[k];
				nn += cand[k + 1] == cand[k] + 1;
			}
			nc = nn;
		}
		table_reset(w, nc);
		t = table_view(w);
		memset(rep, 0, (nc / 64 + 1) * sizeof *rep);
		if (n == 2) {
			/* Candidate k is position k. */
			for (k = 0; k < nc; k++) {
				g[k] = ngram_extend(wd[k].h, wd[k + 1].h);
				ngram_count(t, sidx, rep, k, g[k]);
			}
		} else {
			for (k = 0; k < nc; k++) {
				i = cand[k];
				g[i] = ngram_extend(g[i], wd[i + (size_t)n - 1].h);
				ngram_count(t, sidx, rep, k, g[i]);
			}
		}
		/*
		 * One pass over the counts: n <= 4 looks for the most frequent
		 * n-gram (ties go to the longer one), n >= 5 adds up second and
		 * later occurrences; both keep the repeated positions, since only
		 * a repeated n-gram can start a repeated (n+1)-gram.  An n-gram
		 * seen once does neither, and is skipped with the bits of rep.
		 */
		for (b = 0, nn = 0; b <= nc / 64; b++) {
			uint64_t x;

			for (x = rep[b]; x != 0; x &= x - 1) {
				struct slot *sl;

				k = b * 64 + (size_t)__builtin_ctzll(x);
				sl = &t.tab[sidx[k]];
				i = n == 2 ? k : cand[k];
				next[nn++] = i;
				if (n <= 4) {
					/* The first sight of a slot is its first occurrence. */
					if (sl->count > best || (sl->count == best && sl->first == k)) {
						cs = wd[i].cs;
						ce = wd[i + (size_t)n - 1].ce;
						if (sl->count > best || ce - cs > bestlen) {
							best = sl->count;
							bestkey = g[i];
							bestlen = ce - cs;
						}
					}
				} else if (sl->first != k) {
					covered += cover(wd, i, (size_t)n, &end);
				}
			}
		}
		/* The characters of the most frequent n-gram, all repeated. */
		for (k = 0; n <= 4 && best > 1 && k < nn; k++) {
			i = next[k];
			if (g[i] == bestkey)
				covered += cover(wd, i, (size_t)n, &end);
		}
		if (n <= 4)
			s->gopher_top_ngram_char_frac[n] =
			    s->chars ? (double)covered / (double)s->chars : 0;
		else
			s->gopher_dup_ngram_char_frac[n] =
			    s->chars ? (double)covered / (double)s->chars : 0;
		tmp = cand;
		cand = next;
		next = tmp;
		nc = nn;
	}
	w->cand = cand;
	w->next = next;
}

/* ---- Putting it together ----------------------------------------------------- */

static double
ratio(uint64_t a, uint64_t b)
{
	return b ? (double)a / (double)b : 0.0;
}

void
sc_signals_compute(const char *p, size_t n, unsigned groups,
    struct sc_signals *s, struct sc_signals_work *w)
{
	struct scan sc;
	size_t pos = 0, len, hit = 0, end, nlbase = 0;
	uint64_t nlm;

	memset(s, 0, sizeof *s);
	memset(&sc, 0, sizeof sc);
	sc.groups = groups;
	w->nw = w->nl = w->np = 0;
	w->end = p + n;
	if (groups == SC_SIG_COUNTS) {
		count_text(w, p, n, s);
		return;
	}

	if (groups & SC_SIG_C4)
		c4_find(w, p, n);
	/*
	 * The newlines of p[nlbase..nlbase + 64) not yet passed, as bits: a
	 * line's end is the lowest, and 64 bytes are compared at once for the
	 * lines in them (short ones, mostly), rather than a call to memchr()
	 * a line, whose tests of where the newline fell mispredicted about
	 * once a call.
	 */
	nlm = sc_eqmask64(p, n, '\n');
	while (pos < n) {
		uint64_t before = sc.lines, cps;

		while (nlm == 0 && nlbase + 64 < n) {
			nlbase += 64;
			nlm = sc_eqmask64(p + nlbase, n - nlbase, '\n');
		}
		end = nlm ? nlbase + (size_t)__builtin_ctzll(nlm) : n;
		nlm &= nlm - 1;
		len = end - pos;
		if (groups & SC_SIG_C4) {
			sc.c4ph = 0;
			while (hit < w->nhits && w->hits[hit].pos < pos + len)
				sc.c4ph |= w->hits[hit++].what;
		}
		/* An empty line (most blank lines): nothing to scan. */
		if (len == 0)
			cps = 0;
		else if (groups == SC_SIG_ALL)
			cps = scan_line_all(&sc, s, w, p + pos, len);
		else
			cps = scan_line_some(&sc, s, w, p + pos, len);
		if (sc.lines == before) {
			end_paragraph(&sc, s, w);
		} else {
			/* The line scan hashed the line for these groups. */
			uint64_t lh = groups & SC_SIG_GOPHER_REP ? w->lines[w->nl - 1].h : 0;

			if (!sc.in_para) {
				sc.in_para = 1;
				sc.para_cp = sc.cp;
				sc.para_h = lh;
			} else {
				sc.para_h = ngram_extend(sc.para_h, lh);
			}
			sc.para_end_cp = sc.cp + cps;
		}
		sc.cp += cps;
		if (end == n)
			break;
		sc.cp++;		/* the newline */
		sc.newlines++;
		pos += len + 1;
	}
	end_paragraph(&sc, s, w);
	s->chars = sc.cp;
	s->words = sc.words;
	s->lines = sc.lines;

	if (groups & SC_SIG_GOPHER_QUALITY) {
		double h = ratio(sc.hashes, sc.words), el = ratio(sc.ellipses, sc.words);

		s->gopher_mean_word_length = ratio(sc.wordcps, sc.words);
		s->gopher_symbol_word_ratio = h > el ? h : el;
		s->gopher_bullet_line_frac = ratio(sc.bullet_lines, sc.lines);
		s->gopher_ellipsis_line_frac = ratio(sc.ellipsis_lines, sc.lines);
		s->gopher_alpha_word_frac = ratio(sc.alpha_words, sc.words);
		s->gopher_stopwords = sc.stopwords;
	}
	if (groups & (SC_SIG_GOPHER_REP | SC_SIG_FINEWEB)) {
		uint64_t dups, dupcps;

		dup_spans(w, w->lines, w->nl, &dups, &dupcps);
		if (groups & SC_SIG_GOPHER_REP) {
			s->gopher_dup_line_frac = ratio(dups, sc.lines);
			s->gopher_dup_line_char_frac = ratio(dupcps, s->chars);
		}
		if (groups & SC_SIG_FINEWEB)
			s->fineweb_char_dup_ratio = ratio(dupcps, s->chars - sc.newlines);
	}
	if (groups & SC_SIG_GOPHER_REP) {
		uint64_t dups, dupcps;

		dup_spans(w, w->paras, w->np, &dups, &dupcps);
		s->gopher_dup_para_frac = ratio(dups, s->paragraphs);
		s->gopher_dup_para_char_frac = ratio(dupcps, s->chars);
		ngram_repetition(s, w);
	}
	if (groups & SC_SIG_C4) {
		s->c4_kept_line_frac = ratio(sc.c4_kept, sc.lines);
		s->c4_curly_bracket = memchr(p, '{', n) != NULL;
	}
	if (groups & SC_SIG_FINEWEB) {
		s->fineweb_line_punct_ratio = ratio(sc.punct_lines, sc.lines);
		s->fineweb_short_line_ratio = ratio(sc.short_lines, sc.lines);
		s->fineweb_list_ratio = sc.lines > 1 ? ratio(sc.lines - 1, sc.words) : 0;
	}
	if (groups & SC_SIG_REFINEDWEB)
		s->refinedweb_removed_word_frac = ratio(sc.removed_words, sc.words);
}
