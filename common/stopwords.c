/*
 * stopwords.c: per-language stopword lists and a language guess from them.
 * See stopwords.h for the contract and data/stopwords/LICENSE for the data.
 *
 * All lists share one open-addressing hash table that maps a word to the
 * set of languages (a 64-bit mask) listing it, so a lookup costs one hash
 * whatever the number of lists, and the guess counts every language's
 * hits in one pass over the text.  Languages are numbered in sorted code
 * order, which keeps ties and output independent of directory order.
 *
 * Folding is simple per-code-point lower case (utf8proc_tolower) plus
 * U+2019 to an apostrophe, applied alike to list entries and to looked-up
 * text; it is cheap and good enough for stoplists, which hold no words
 * whose full case folding differs.
 */
#include "stopwords.h"

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "simd.h"
#ifdef SC_X86_AVX2
#include <immintrin.h>
#endif
#include "ucd.h"
#include "utf8.h"
#include "util.h"

#define MAX_LANGS 64		/* one bit each in the mask */
#define MAX_WORD 64		/* longer "words" are never stopwords */

/*
 * Words are kept as 64-bit hashes only: with some 25,000 words in all,
 * a false match has odds of about 1 in 10^15, and lookups never touch the
 * words themselves.  Each list has its own small table (a few KB, which
 * stays in cache while a document is classified); the shared table that
 * maps a word to its languages serves the guess.
 */
struct sc_stoplist {
	char code[8];
	int bit;
	int loaded;
	size_t nwords;
	/*
	 * Buckets of two slots (0 = empty): a word is in one of the two of
	 * bucket hash & (cap - 1), unless that bucket's bit in spill is set
	 * (it had more than two words) and the word is in over, a small
	 * open-addressing table of the rest.  A lookup reads two adjacent
	 * slots and adds their answer without a branch on it (whether a
	 * word is a stopword is a coin toss in prose).
	 */
	uint64_t *tab;
	size_t cap;		/* buckets; 0 when the list is empty */
	uint64_t *spill;	/* a bit a bucket */
	uint64_t *over;
	size_t overcap;
};

struct slot {
	uint64_t hash;		/* 0 = empty */
	uint64_t mask;
};

static struct sc_stoplist langs[MAX_LANGS];
static const char *codes[MAX_LANGS + 1];
static int nlangs = -1;		/* -1: directory not read yet */
static struct slot *tab;
static size_t tabcap, tabused;

/*
 * The shared table is about 1 MB, so a lookup of a word no list has (half
 * the words of a text) was a cache miss that cost more than the rest of
 * the guess.  A bitmap of 2^19 bits (64 KB, which stays in cache) over
 * other bits of the hash answers most of those first: with 25,000 words
 * about 5% of absent words get past it.
 */
#define FILTER_BITS 19
static uint64_t filter[((size_t)1 << FILTER_BITS) / 64];

/*
 * Scripts without spaces are matched by trying the next one to four
 * characters; most tries fail at once.  A bitmap of the hashes of the
 * proper prefixes (whole characters) of the stopwords that begin in such
 * a script says when no longer try can succeed (sc_stopprefix_has).
 */
#define PREFIX_BITS 16
static uint64_t prefixes[((size_t)1 << PREFIX_BITS) / 64];

static int script_of(uint32_t c);

static inline size_t
prefix_bit(uint64_t h)
{
	return (size_t)(h >> (64 - PREFIX_BITS));
}

int
sc_stopprefix_has(uint64_t h)
{
	return (int)(prefixes[prefix_bit(h) / 64] >> (prefix_bit(h) % 64) & 1);
}

static void
add_prefixes(const char *p, size_t n)
{
	uint64_t h = SC_STOPHASH_INIT;
	uint32_t c;
	size_t i;

	/* A first character of one or two bytes is below U+0800: SCR_OTHER. */
	if (n == 0 || (unsigned char)p[0] < 0xE0)
		return;
	sc_utf8_next((const unsigned char *)p, n, &c, NULL);
	if (script_of(c) == 0)	/* SCR_OTHER: a word with spaces around it */
		return;
	for (i = 0; i + 1 < n; i++) {
		h = sc_stophash_add(h, (unsigned char)p[i]);
		if (((unsigned char)p[i + 1] & 0xC0) != 0x80) {
			uint64_t e = sc_stophash_end(h);

			prefixes[prefix_bit(e) / 64] |= (uint64_t)1 << (prefix_bit(e) % 64);
		}
	}
}

static inline size_t
filter_bit(uint64_t h)
{
	return (size_t)(h >> (64 - FILTER_BITS));
}

static uint64_t
hash_word(const char *p, size_t n)
{
	uint64_t h = SC_STOPHASH_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		h = sc_stophash_add(h, (unsigned char)p[i]);
	return sc_stophash_end(h);
}

static struct slot *
find_slot(uint64_t h)
{
	size_t i = (size_t)h & (tabcap - 1);

	while (tab[i].hash != 0 && tab[i].hash != h)
		i = (i + 1) & (tabcap - 1);
	return &tab[i];
}

static void
grow_table(void)
{
	struct slot *old = tab;
	size_t oldcap = tabcap, i;

	/* All the lists hold some 21,000 words: begin at the size they need. */
	tabcap = tabcap ? tabcap * 2 : 65536;
	tab = sc_table_alloc(tabcap * sizeof *tab);	/* looked up at random, a word at a time */
	for (i = 0; i < oldcap; i++)
		if (old[i].hash != 0)
			*find_slot(old[i].hash) = old[i];
	sc_table_free(old, oldcap * sizeof *old);
}

/*
 * The list's own table, made once its words are known (h[], n of them,
 * no two alike): at least twice the slots there are words (256 buckets
 * at least), and about one bucket in forty spills.
 */
static void
list_build(struct sc_stoplist *l, const uint64_t *h, size_t n)
{
	size_t i, k, nover = 0;
	uint64_t *spilled = NULL;

	if (n == 0)
		return;
	for (l->cap = 256; n > l->cap; l->cap *= 2)
		;
	l->tab = xcalloc(2 * l->cap, sizeof *l->tab);
	l->spill = xcalloc((l->cap + 63) / 64, sizeof *l->spill);
	for (k = 0; k < n; k++) {
		uint64_t *b = l->tab + 2 * (h[k] & (l->cap - 1));

		if (b[0] == 0) {
			b[0] = h[k];
		} else if (b[1] == 0) {
			b[1] = h[k];
		} else {
			l->spill[(h[k] & (l->cap - 1)) / 64] |= (uint64_t)1 << (h[k] & 63);
			if (spilled == NULL)
				spilled = xreallocarray(NULL, n, sizeof *spilled);
			spilled[nover++] = h[k];
		}
	}
	for (l->overcap = 16; nover * 2 > l->overcap; l->overcap *= 2)
		;
	l->over = xcalloc(l->overcap, sizeof *l->over);
	for (k = 0; k < nover; k++) {
		for (i = (size_t)(spilled[k] >> 32) & (l->overcap - 1); l->over[i] != 0;
		    i = (i + 1) & (l->overcap - 1))
			;
		l->over[i] = spilled[k];
	}
	free(spilled);
	l->nwords = n;
}

/* Whether the spilled word of hash h is in l (its bucket spilled). */
static int
list_over(const struct sc_stoplist *l, uint64_t h)
{
	size_t i;

	for (i = (size_t)(h >> 32) & (l->overcap - 1); l->over[i] != 0; i = (i + 1) & (l->overcap - 1))
		if (l->over[i] == h)
			return 1;
	return 0;
}

/*
 * Add the word of hash h (sc_stophash_end of its folded bytes p[0..n),
 * p NULL when they are ASCII) to the shared table for list l; returns 0
 * when the list had it already.
 */
static int
add_word(struct sc_stoplist *l, uint64_t h, const char *p, size_t n)
{
	struct slot *s;
	uint64_t bit = (uint64_t)1 << l->bit;

	if ((tabused + 1) * 2 > tabcap)
		grow_table();
	s = find_slot(h);
	if (s->hash == 0) {
		s->hash = h;
		tabused++;
	}
	if (s->mask & bit)
		return 0;
	filter[filter_bit(h) / 64] |= (uint64_t)1 << (filter_bit(h) % 64);
	s->mask |= bit;
	if (p != NULL)
		add_prefixes(p, n);
	return 1;
}

/*
 * Fold one word into out (at most MAX_WORD bytes).  Returns the folded
 * length, or 0 when the word is too long to be a stopword.
 */
static size_t
fold_word(const char *p, size_t n, char *out)
{
	size_t i = 0, o = 0, k;
	uint32_t c;
	char enc[4];

	while (i < n) {
		unsigned char b = (unsigned char)p[i];

		if (b < 0x80) {
			if (o >= MAX_WORD)
				return 0;
			out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
			i++;
			continue;
		}
		if (b >= 0xC2 && b < 0xE0 && i + 1 < n && ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
			/* Two bytes: utf8proc_tolower's answer and its bytes from one table. */
			const struct sc_ucd2 *e = sc_ucd_two(b, (unsigned char)p[i + 1]);

			if (e->n > 0) {
				if (o + e->n > MAX_WORD)
					return 0;
				out[o++] = (char)e->b[0];
				if (e->n == 2)
					out[o++] = (char)e->b[1];
				i += 2;
				continue;
			}
		}
		k = sc_utf8_next((const unsigned char *)p + i, n - i, &c, NULL);
		i += k;
		if (c == 0x2019)
			c = '\'';
		else
			c = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
		k = sc_utf8_encode(c, enc);
		if (o + k > MAX_WORD)
			return 0;
		memcpy(out + o, enc, k);
		o += k;
	}
	return o;
}

static int
cmp_code(const void *a, const void *b)
{
	return strcmp(((const struct sc_stoplist *)a)->code,
	    ((const struct sc_stoplist *)b)->code);
}

/* Read the directory once: which lists exist. */
static void
scan_langs(void)
{
	struct sc_buf path = { 0 };
	DIR *d;
	struct dirent *e;
	int i;

	nlangs = 0;
	sc_buf_printf(&path, "%s/stopwords", sc_datadir());
	d = opendir(path.p);
	sc_buf_free(&path);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL && nlangs < MAX_LANGS) {
		size_t n = strlen(e->d_name);

		if (n < 6 || n > 11 || strcmp(e->d_name + n - 4, ".txt") != 0)
			continue;
		memcpy(langs[nlangs].code, e->d_name, n - 4);
		langs[nlangs].code[n - 4] = '\0';
		nlangs++;
	}
	closedir(d);
	qsort(langs, (size_t)nlangs, sizeof langs[0], cmp_code);
	for (i = 0; i < nlangs; i++) {
		langs[i].bit = i;
		codes[i] = langs[i].code;
	}
	codes[nlangs] = NULL;
}

static void
load_list(struct sc_stoplist *l)
{
	struct sc_buf name = { 0 }, text = { 0 };
	char folded[MAX_WORD];
	size_t at, nh = 0, hcap = 0;
	uint64_t *hv = NULL;
	int odd;
	FILE *f;

	l->loaded = 1;
	sc_buf_printf(&name, "stopwords/%s.txt", l->code);
	f = sc_data_open(name.p);
	if (f == NULL) {
		sc_warn("%s/%s: cannot open stopword list", sc_datadir(), name.p);
		sc_buf_free(&name);
		return;
	}
	sc_buf_free(&name);
	/*
	 * The whole file at once, cut at newlines here: every process that
	 * guesses a language reads all the lists, some 20,000 lines, and
	 * getline and strcspn per line were a fifth of that start-up.
	 */
	for (;;) {
		size_t got;

		sc_buf_grow(&text, 65536);
		got = fread(text.p + text.len, 1, text.cap - text.len - 1, f);
		if (got == 0)
			break;
		text.len += got;
	}
	fclose(f);
	odd = memchr(text.p, '\r', text.len) != NULL || memchr(text.p, '\0', text.len) != NULL;
	for (at = 0; at < text.len; ) {
		const char *line = text.p + at, *nl = memchr(line, '\n', text.len - at), *cr, *nul;
		size_t n = nl ? (size_t)(nl - line) : text.len - at, k;
		uint64_t h;

		at += n + 1;
		if (odd) {
			/* As strcspn(line, "\r\n") had it: a CR or a NUL ends the word too. */
			cr = memchr(line, '\r', n);
			nul = memchr(line, '\0', n);
			if (cr != NULL)
				n = (size_t)(cr - line);
			if (nul != NULL && (size_t)(nul - line) < n)
				n = (size_t)(nul - line);
		}
		if (n == 0 || line[0] == '#')
			continue;
		if (nh == hcap) {
			hcap = hcap ? hcap * 2 : 1024;
			hv = xreallocarray(hv, hcap, sizeof *hv);
		}
		/* An ASCII word (most are), folded and hashed in one loop. */
		h = SC_STOPHASH_INIT;
		for (k = 0; k < n && (unsigned char)line[k] < 0x80; k++)
			h = sc_stophash_add(h, (unsigned char)(line[k] >= 'A' && line[k] <= 'Z' ?
			    line[k] + 32 : line[k]));
		if (k == n) {
			if (n <= MAX_WORD)
				nh += (size_t)add_word(l, hv[nh] = sc_stophash_end(h), NULL, 0);
			continue;
		}
		k = fold_word(line, n, folded);
		if (k > 0)
			nh += (size_t)add_word(l, hv[nh] = hash_word(folded, k), folded, k);
	}
	list_build(l, hv, nh);
	free(hv);
	sc_buf_free(&text);
}

const struct sc_stoplist *
sc_stoplist_get(const char *lang)
{
	int i;

	if (nlangs < 0)
		scan_langs();
	for (i = 0; i < nlangs; i++) {
		if (strcmp(langs[i].code, lang) == 0) {
			if (!langs[i].loaded)
				load_list(&langs[i]);
			return &langs[i];
		}
	}
	return NULL;
}

static inline int
has_hash(const struct sc_stoplist *l, uint64_t h)
{
	const uint64_t *b;

	if (l == NULL || l->cap == 0)
		return 0;
	b = l->tab + 2 * (h & (l->cap - 1));
	if (b[0] == h || b[1] == h)
		return 1;
	return (l->spill[(h & (l->cap - 1)) / 64] >> (h & 63) & 1) && list_over(l, h);
}

int
sc_stoplist_has_hash(const struct sc_stoplist *l, uint64_t h)
{
	return has_hash(l, h);
}

uint32_t
sc_stoplist_cjk_hits(const struct sc_stoplist *l, const char *p, size_t n, uint32_t *units)
{
	size_t i = 0;
	uint32_t hits = 0, u = 0;

	while (i < n) {
		uint32_t c;
		size_t k, kk, j = i, best = 0;
		uint64_t h = SC_STOPHASH_INIT;
		int chars = 0;

		/*
		 * A CJK character takes three bytes or four: none begins at
		 * a byte below 0xE0, nor in sixteen of them.
		 */
		if ((unsigned char)p[i] < 0xE0) {
			i++;
			while (i + 16 <= n && !sc_any16((sc_i8x16)(sc_load16(p + i) >= 0xE0)))
				i += 16;
			continue;
		}
		k = sc_ucd_next(p, i, n, &c);
		if (!sc_is_cjk(c)) {
			i += k;
			continue;
		}
		/* The candidates: 1 to 4 characters from i (c, read above, the first). */
		for (kk = k;;) {
			uint32_t d;
			uint64_t he;

			for (; kk > 0; kk--)
				h = sc_stophash_add(h, (unsigned char)p[j++]);
			chars++;
			he = sc_stophash_end(h);
			if (has_hash(l, he))
				best = j - i;
			if (!(prefixes[prefix_bit(he) / 64] >> (prefix_bit(he) % 64) & 1))
				break;	/* no stopword is longer and begins so */
			if (j >= n || chars >= 4)
				break;
			kk = sc_ucd_next(p, j, n, &d);
			if (!sc_is_cjk(d))
				break;
		}
		u++;
		if (best > 0) {
			hits++;
			i += best;
		} else {
			i += k;
		}
	}
	*units = u;
	return hits;
}

size_t
sc_stoplist_count_hashes(const struct sc_stoplist *l, const uint64_t *h, size_t n)
{
	size_t i, m, hits = 0;

	if (l == NULL || l->cap == 0)
		return 0;
	m = l->cap - 1;
	/*
	 * No prefetch pass: a list's own table (64 KB for the longest) stays
	 * in cache while a document is classified.
	 */
	for (i = 0; i < n; i++) {
		const uint64_t x = h[i], *b = l->tab + 2 * (x & m);

		hits += (size_t)((b[0] == x) | (b[1] == x));
		if (l->spill[(x & m) / 64] >> (x & 63) & 1)
			hits += (size_t)((b[0] != x) & (b[1] != x) && list_over(l, x));
	}
	return hits;
}

int
sc_stoplist_has(const struct sc_stoplist *l, const char *word, size_t len)
{
	if (l == NULL || len == 0 || len > MAX_WORD || l->cap == 0)
		return 0;
	return sc_stoplist_has_hash(l, hash_word(word, len));
}

const char *const *
sc_stoplist_langs(void)
{
	if (nlangs < 0)
		scan_langs();
	return codes;
}

/* Scripts that decide the language without stopword statistics (stopwords.h). */
enum {
	SCR_OTHER = SC_SCR_OTHER, SCR_HAN = SC_SCR_HAN, SCR_KANA = SC_SCR_KANA,
	SCR_HANGUL = SC_SCR_HANGUL, SCR_THAI = SC_SCR_THAI, SCR_N = SC_SCR_N
};

static int
script_of(uint32_t c)
{
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF))
		return SCR_HAN;
	if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF))
		return SCR_KANA;
	if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
	    (c >= 0x3130 && c <= 0x318F))
		return SCR_HANGUL;
	if (c >= 0x0E00 && c <= 0x0E7F)
		return SCR_THAI;
	return SCR_OTHER;
}

/*
 * ASCII word characters, folded: the letter in lower case or the digit,
 * 0 for anything else.
 */
#define W2(x) [x] = x, [x + 1] = x + 1
#define W10(x) W2(x), W2(x + 2), W2(x + 4), W2(x + 6), W2(x + 8)
#define U(x) [x] = x + 32
static const unsigned char ascii_word[256] = {
	W10('0'), W10('a'), W10('a' + 10), W2('a' + 20), W2('a' + 22), W2('a' + 24),
	U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'), U('J'),
	U('K'), U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'), U('T'),
	U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z')
};
#undef W2
#undef W10
#undef U

/* Letters, marks and digits: what a word is made of. */
static inline int
is_word_cat(int cat)
{
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
	    cat == UTF8PROC_CATEGORY_ND;
}

static inline int
is_word_cp(uint32_t c)
{
	if (c < 0x80)
		return ascii_word[c] != 0;
	return is_word_cat(sc_ucd_category(c));
}

#define FNV_BASIS SC_STOPHASH_INIT



/* The language mask of a word given by its finished hash. */
static inline uint64_t
lookup_hash(uint64_t h)
{
	if (tabcap == 0 || !(filter[filter_bit(h) / 64] >> (filter_bit(h) % 64) & 1))
		return 0;
	return find_slot(h)->mask;
}

/*
 * Share of the characters of CJK or Thai runs covered by stopwords found
 * by greedy longest match (up to 4 characters): these scripts do not put
 * spaces between words, so there are no words to count.  Their characters
 * have no case (utf8proc_tolower leaves every one of them alone), so the
 * folded form of a candidate is its bytes, hashed as the match grows.
 */
static double
unspaced_share(const char *p, size_t n, int bit)
{
	size_t i = 0, covered = 0, total = 0;

	while (i < n) {
		uint32_t c;
		size_t k = sc_ucd_next(p, i, n, &c);
		size_t best = 0, bestchars = 0, j = i, chars = 0, len = 0;
		uint64_t h = FNV_BASIS, e;

		if (script_of(c) == SCR_OTHER) {
			i += k;
			continue;
		}
		/* Try 4, 3, 2, 1 characters starting here. */
		while (j < n && chars < 4) {
			uint32_t d;
			size_t kk = sc_ucd_next(p, j, n, &d);

			if (script_of(d) == SCR_OTHER)
				break;
			j += kk;
			chars++;
			h = sc_stophash_cp(h, d, &len);
			e = sc_stophash_end(h);
			if ((lookup_hash(e) >> bit) & 1) {
				best = j - i;
				bestchars = chars;
			}
			if (!sc_stopprefix_has(e))
				break;	/* no stopword is longer and begins so */
		}
		if (best > 0) {
			covered += bestchars;
			total += bestchars;
			i += best;
		} else {
			total++;
			i += k;
		}
	}
	return total ? (double)covered / (double)total : 0.0;
}

#ifdef SC_X86_AVX2
/*
 * count_langs' lookups of the k (at most 255) words of hash q[] where the
 * processor has AVX2: hits[l] += the words whose mask has bit l, without
 * a loop over each mask's bits (a common word is a stopword of several
 * languages, and how many is as the text has it: that loop's end
 * mispredicted most words).  Each mask is spread to a byte a language,
 * 0 or 0xFF, and subtracted from counters of a byte, which are added to
 * hits[] at the end.
 */
static __attribute__((target("avx2"))) void
count_masks_avx2(const uint64_t *q, size_t k, uint32_t *hits)
{
	/* Lane j: byte j / 8 of the 32 bits, and its bit j % 8. */
	const sc_u8x32 pick = {
		0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
		2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3
	};
	const sc_u8x32 bit = {
		1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128,
		1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128
	};
	sc_u8x32 lo = { 0 }, hi = { 0 };
	size_t i, l;

	for (i = 0; i < k; i++) {
		typedef uint32_t u32x8 __attribute__((vector_size(32)));
		const uint64_t m = find_slot(q[i])->mask;
		const uint32_t l32 = (uint32_t)m, h32 = (uint32_t)(m >> 32);
		const u32x8 bl = { l32, l32, l32, l32, l32, l32, l32, l32 };
		const u32x8 bh = { h32, h32, h32, h32, h32, h32, h32, h32 };
		const sc_u8x32 vl = (sc_u8x32)__builtin_ia32_pshufb256((sc_c8x32)bl, (sc_c8x32)pick);
		const sc_u8x32 vh = (sc_u8x32)__builtin_ia32_pshufb256((sc_c8x32)bh, (sc_c8x32)pick);

		lo -= (sc_u8x32)((vl & bit) == bit);
		hi -= (sc_u8x32)((vh & bit) == bit);
	}
	/* Eight counters at a time, widened to the 32 bits of hits[]. */
	for (l = 0; l < 32; l += 8) {
		__m256i a, b;
		uint64_t x, y;

		memcpy(&x, (const char *)&lo + l, 8);
		memcpy(&y, (const char *)&hi + l, 8);
		memcpy(&a, hits + l, sizeof a);
		memcpy(&b, hits + 32 + l, sizeof b);
		a = _mm256_add_epi32(a, _mm256_cvtepu8_epi32(_mm_cvtsi64_si128((long long)x)));
		b = _mm256_add_epi32(b, _mm256_cvtepu8_epi32(_mm_cvtsi64_si128((long long)y)));
		memcpy(hits + l, &a, sizeof a);
		memcpy(hits + 32 + l, &b, sizeof b);
	}
}
#endif

/*
 * Add the languages of the n words of hash q[] to hits[]; returns 0 (the
 * queue is empty again).  Nearly every lookup misses the cache (the
 * filter and the table are larger than it), so they are made in three
 * passes over the batch, each of independent loads: the filter, which
 * drops most words no list has; a prefetch of the slots of the rest; the
 * probes.
 */
static size_t
count_langs(uint64_t *q, size_t n, uint32_t *hits)
{
	size_t i, k = 0;

	if (tabcap == 0)
		return 0;
	for (i = 0; i < n; i++) {
		uint64_t h = q[i];

		q[k] = h;
		k += filter[filter_bit(h) / 64] >> (filter_bit(h) % 64) & 1;
	}
	for (i = 0; i < k; i++)
		__builtin_prefetch(&tab[(size_t)q[i] & (tabcap - 1)]);
#ifdef SC_X86_AVX2
	if (sc_cpu_avx2() && k - 1 < 255) {	/* 1 to 255: none, nothing to add */
		count_masks_avx2(q, k, hits);
		return 0;
	}
#endif
	for (i = 0; i < k; i++) {
		uint64_t m = find_slot(q[i])->mask;

		while (m != 0) {
			hits[__builtin_ctzll(m)]++;
			m &= m - 1;
		}
	}
	return 0;
}

void
sc_lguess_init(struct sc_lguess *g)
{
	static int all_loaded;	/* a list is loaded once, even when it fails */
	int l;

	if (!all_loaded) {
		if (nlangs < 0)
			scan_langs();
		for (l = 0; l < nlangs; l++)
			if (!langs[l].loaded)
				load_list(&langs[l]);
		all_loaded = 1;
	}
	/* The counts; the queue is empty (nq 0) without clearing it. */
	memset(g, 0, offsetof(struct sc_lguess, q));
	g->nq = 0;
}

void
sc_lguess_flush(struct sc_lguess *g)
{
	g->nq = count_langs(g->q, g->nq, g->hits);
}

/*
 * Add the words of text[0..len) to g: each word is folded and hashed as
 * it is read (what fold_word and hash_word do, without the copy), ASCII
 * letters and digits in a loop of their own.
 */
void
sc_lguess_scan(struct sc_lguess *g, const char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t c;
		size_t k, start = i, flen = 0;
		uint64_t h = FNV_BASIS;

		if ((unsigned char)text[i] < 0x80) {
			if (!is_word_cp((unsigned char)text[i])) {
				i++;
				continue;
			}
		} else {
			k = sc_ucd_next(text, i, len, &c);
			if (!is_word_cp(c)) {
				i += k;
				continue;
			}
		}
		/* A word: word characters, with apostrophes inside. */
		while (i < len) {
			unsigned char b = (unsigned char)text[i];

			if (b < 0x80) {
				if (ascii_word[b]) {
					size_t i0 = i, digits = 0;

					do {
						b = ascii_word[b];
						digits += b <= '9';
						h = sc_stophash_add(h, b);
						i++;
					} while (i < len && ascii_word[b = (unsigned char)text[i]]);
					flen += i - i0;
					g->letters += i - i0 - digits;
					continue;
				}
				if (b == '\'' && i > start && i + 1 < len &&
				    is_word_cp((unsigned char)text[i + 1])) {
					h = sc_stophash_add(h, '\'');
					flen++;
					i++;
					continue;
				}
				break;
			}
			if (b >= 0xC2 && b < 0xE0 && i + 1 < len &&
			    ((unsigned char)text[i + 1] & 0xC0) == 0x80) {
				/* Two bytes (Latin, Greek, Cyrillic, Arabic ...): one table look. */
				const struct sc_ucd2 *e = sc_ucd_two(b, (unsigned char)text[i + 1]);

				if (!is_word_cat(e->cat))
					break;	/* and not U+2019, of three bytes */
				if (e->n > 0) {
					g->letters++;
					g->scr[SC_SCR_OTHER]++;
					h = sc_stophash_add(h, e->b[0]);
					if (e->n == 2)
						h = sc_stophash_add(h, e->b[1]);
					flen += e->n;
					i += 2;
					continue;
				}
			}
			k = sc_ucd_next(text, i, len, &c);
			if (is_word_cp(c)) {
				int sc = c < 0x0E00 ? SC_SCR_OTHER : script_of(c);

				g->letters++;
				g->scr[sc]++;
				h = sc_stophash_cp(h, sc_ucd_lower(c), &flen);
			} else if (c == 0x2019 && i > start && i + k < len &&
			    is_word_cp((unsigned char)text[i + k])) {
				h = sc_stophash_add(h, '\'');
				flen++;
			} else {
				break;
			}
			i += k;
		}
		sc_lguess_word(g, sc_stophash_end(h), flen);
	}
}

int
sc_lguess_script(uint32_t c)
{
	return script_of(c);
}

/*
 * The decision from the counts: share, when asked for, may read text
 * again (scripts without spaces).
 */
static const char *
guess_end(struct sc_lguess *g, const char *text, size_t len, double *share)
{
	int l, best = -1;
	uint32_t most = 0;

	sc_lguess_flush(g);
	if (g->letters == 0)
		return NULL;

	/*
	 * Scripts without spaces first: a run of Han characters is one "word"
	 * above, so counts of words mean nothing there.  Kana means Japanese
	 * (Japanese text is mostly Han with some kana).
	 */
	{
		const char *code = NULL;

		if (g->scr[SC_SCR_KANA] * 10 >= g->letters)
			code = "ja";
		else if (g->scr[SC_SCR_HAN] * 3 >= g->letters)
			code = "zh";
		else if (g->scr[SC_SCR_HANGUL] * 2 >= g->letters)
			code = "ko";
		else if (g->scr[SC_SCR_THAI] * 2 >= g->letters)
			code = "th";
		if (code != NULL) {
			const struct sc_stoplist *sl = sc_stoplist_get(code);

			if (sl == NULL)
				return NULL;
			if (share)
				*share = strcmp(code, "ko") == 0 && g->nwords ?
				    (double)g->hits[sl->bit] / (double)g->nwords :
				    unspaced_share(text, len, sl->bit);
			return sl->code;
		}
	}
	/*
	 * The first language with the most hits, if any has one: selects
	 * rather than branches, as which count leads is as the text has it
	 * (a mispredict every few languages of a document).
	 */
	for (l = 0; l < nlangs; l++) {
		const int more = g->hits[l] > most;

		best = more ? l : best;
		most = more ? g->hits[l] : most;
	}
	if (best < 0)
		return NULL;
	if (share)
		*share = (double)g->hits[best] / (double)g->nwords;
	return langs[best].code;
}

const char *
sc_lguess_end(struct sc_lguess *g)
{
	return guess_end(g, NULL, 0, NULL);
}

const char *
sc_stoplist_guess(const char *text, size_t len, size_t budget, double *share)
{
	struct sc_lguess g;

	sc_lguess_init(&g);
	if (len > budget) {
		len = budget;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	sc_lguess_scan(&g, text, len);
	return guess_end(&g, text, len, share);
}
