/*
 * stopwords.h: per-language stopword lists (data/stopwords/LANG.txt, one
 * lower-case word a line, UTF-8; see data/stopwords/LICENSE) and a cheap
 * language guess from stopword hits.
 *
 * Lists are loaded on first use and kept for the life of the process.
 */
#ifndef SC_STOPWORDS_H
#define SC_STOPWORDS_H

#include <stddef.h>
#include <stdint.h>

struct sc_stoplist;

/* The list for an ISO 639-1 code ("en"), or NULL when there is none. */
const struct sc_stoplist *sc_stoplist_get(const char *lang);

/* Whether word (UTF-8, already case-folded) is in the list. */
int sc_stoplist_has(const struct sc_stoplist *l, const char *word, size_t len);

/*
 * The same question by the word's hash, for a caller that folds and
 * hashes words as it reads them (one pass over a text, no copy):
 *	h = SC_STOPHASH_INIT; for each byte b: h = sc_stophash_add(h, b);
 *	sc_stoplist_has_hash(l, sc_stophash_end(h))
 * equals sc_stoplist_has(l, word, len) for words of 1 to 64 bytes
 * (longer ones are never stopwords; the caller checks the length).
 */
#define SC_STOPHASH_INIT 0xcbf29ce484222325ULL	/* FNV-1a: words are short */

static inline uint64_t
sc_stophash_add(uint64_t h, unsigned char b)
{
	return (h ^ b) * 0x100000001b3ULL;
}

static inline uint64_t
sc_stophash_end(uint64_t h)
{
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	h ^= h >> 32;
	return h ? h : 1;
}

/* Add the UTF-8 encoding of the code point c; adds its length to *len. */
static inline uint64_t
sc_stophash_cp(uint64_t h, uint32_t c, size_t *len)
{
	if (c < 0x80) {
		*len += 1;
		return sc_stophash_add(h, (unsigned char)c);
	}
	if (c < 0x800) {
		*len += 2;
		h = sc_stophash_add(h, (unsigned char)(0xC0 | c >> 6));
	} else if (c < 0x10000) {
		*len += 3;
		h = sc_stophash_add(h, (unsigned char)(0xE0 | c >> 12));
		h = sc_stophash_add(h, (unsigned char)(0x80 | (c >> 6 & 0x3F)));
	} else {
		*len += 4;
		h = sc_stophash_add(h, (unsigned char)(0xF0 | c >> 18));
		h = sc_stophash_add(h, (unsigned char)(0x80 | (c >> 12 & 0x3F)));
		h = sc_stophash_add(h, (unsigned char)(0x80 | (c >> 6 & 0x3F)));
	}
	return sc_stophash_add(h, (unsigned char)(0x80 | (c & 0x3F)));
}

int sc_stoplist_has_hash(const struct sc_stoplist *l, uint64_t h);

/*
 * The characters of scripts written without spaces between words (Han,
 * kana, Hangul, Thai), for scstrip's stopword counts of such text.
 */
static inline int
sc_is_cjk(uint32_t c)
{
	if (c < 0x0E00)
		return 0;	/* the common case first: Latin, Greek, Cyrillic */
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	    (c >= 0x0E00 && c <= 0x0E7F) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x20000 && c <= 0x2FFFF);
}

/*
 * Stopword hits of l in the runs of such characters (sc_is_cjk) of
 * p[0..n): greedy longest match of up to four characters, as the
 * language guess matches them; *units gets the matches and the single
 * characters between them.  Here rather than in scstrip, so that each
 * character's lookups in the list and in the prefixes are inline.
 */
uint32_t sc_stoplist_cjk_hits(const struct sc_stoplist *l, const char *p, size_t n,
    uint32_t *units);

/*
 * How many of the n finished hashes h[] (sc_stophash_end) are words of
 * the list: sc_stoplist_has_hash summed, without a branch on each
 * word's answer.
 */
size_t sc_stoplist_count_hashes(const struct sc_stoplist *l, const uint64_t *h, size_t n);

/*
 * For scripts written without spaces (Han, kana, Hangul, Thai), whose
 * stopwords are found by trying the next few characters: 0 when no loaded
 * stopword that begins in such a script begins with the characters of
 * hash h (sc_stophash_end of their bytes) and goes on, so that no longer
 * try can match; 1 when one may.
 */
int sc_stopprefix_has(uint64_t h);

/*
 * sc_stoplist_guess: the language whose stopwords cover most of the words
 * of text (case-folded internally), reading at most the first `budget`
 * bytes.  Returns its code and sets *share to the fraction of words that
 * were stopwords of it (share may be NULL: for scripts without spaces
 * the share costs a second pass), or returns NULL when nothing scores.
 */
const char *sc_stoplist_guess(const char *text, size_t len, size_t budget, double *share);

/*
 * The guess in pieces, for a caller that reads the words of the text
 * anyway (scstrip reads them in its pass over each line): counts that
 * words and text add to, and the decision.  sc_stoplist_guess(text, len,
 * budget, NULL) is sc_lguess_init, sc_lguess_scan of the text cut to the
 * budget, sc_lguess_end.  The counts add up line by line: a word never
 * spans a newline, so the words of "a\nb" are those of "a" and of "b".
 *
 * What sc_lguess_scan does by itself, a caller may do word by word: a word
 * is a run of letters, marks and digits (Unicode L*, M*, Nd; ASCII
 * letters and digits), with ' or U+2019 inside it when a word character
 * (the next byte taken as a code point) follows; sc_lguess_word gets its
 * hash (sc_stophash_end of its folded bytes, the apostrophe as ') and
 * length, and each letter (a word character not an ASCII digit) adds 1
 * to letters and to scr[] of its script (SC_SCR_OTHER below U+0E00, else
 * sc_lguess_script).
 */
enum { SC_SCR_OTHER, SC_SCR_HAN, SC_SCR_KANA, SC_SCR_HANGUL, SC_SCR_THAI, SC_SCR_N };

#define SC_LGUESS_QUEUE 64
#define SC_STOPWORD_MAX 64	/* longer words are never stopwords */

struct sc_lguess {
	uint32_t hits[64];	/* words of each list, by its bit: its index in sc_stoplist_langs() */
	size_t nwords, letters;
	size_t scr[SC_SCR_N];
	uint64_t q[SC_LGUESS_QUEUE];	/* word hashes waiting for their lookups */
	size_t nq;
};

void sc_lguess_init(struct sc_lguess *g);
void sc_lguess_scan(struct sc_lguess *g, const char *text, size_t len);
void sc_lguess_flush(struct sc_lguess *g);
int sc_lguess_script(uint32_t c);
const char *sc_lguess_end(struct sc_lguess *g);

static inline void
sc_lguess_word(struct sc_lguess *g, uint64_t h, size_t len)
{
	g->nwords++;
	if (len <= SC_STOPWORD_MAX) {
		if (g->nq == SC_LGUESS_QUEUE)
			sc_lguess_flush(g);
		g->q[g->nq++] = h;
	}
}

/* Codes of all available lists, NULL-terminated (static). */
const char *const *sc_stoplist_langs(void);

#endif
