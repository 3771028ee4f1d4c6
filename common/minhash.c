/*
 * minhash.c: tokens, shingles, one-permutation MinHash with densification
 * and LSH band keys.  See minhash.h for the contracts.
 */
#include "minhash.h"

#include <math.h>
#include <stdlib.h>

#include <utf8proc.h>

#include "utf8.h"

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull
#define SHINGLE_MUL 0x9e3779b97f4a7c15ull

/* What a character is to the tokenizer. */
enum {
	K_SEP = 0,	/* ends a token */
	K_WORD,		/* part of a token: its folded form in out[] */
	K_ALONE,	/* a token by itself (scripts written without spaces) */
	K_SKIP		/* nothing: accents, format characters */
};

/* The tokenizer's view of a non-ASCII character, cached by code point. */
struct cpmap {
	int32_t cp;
	uint8_t kind, n;
	int32_t out[3];
};

#define CPCACHE 1024

struct sc_shingler_cache {
	struct cpmap e[CPCACHE];
};

/*
 * Scripts written without spaces between words: their characters are
 * tokens by themselves, so their shingles are character n-grams.
 */
static int
nospace_script(int32_t c)
{
	return (c >= 0x0E00 && c <= 0x0EFF) ||	/* Thai, Lao */
	    (c >= 0x0F00 && c <= 0x0FFF) ||	/* Tibetan */
	    (c >= 0x1000 && c <= 0x109F) ||	/* Myanmar */
	    (c >= 0x1780 && c <= 0x17FF) ||	/* Khmer */
	    (c >= 0x3040 && c <= 0x30FF) ||	/* Hiragana, Katakana */
	    (c >= 0x31F0 && c <= 0x31FF) ||
	    (c >= 0x3400 && c <= 0x4DBF) ||	/* Han */
	    (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFF66 && c <= 0xFF9F) ||	/* halfwidth Katakana */
	    (c >= 0x20000 && c <= 0x3FFFF);
}

static int
is_letter_or_digit(utf8proc_category_t cat)
{
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
	    cat == UTF8PROC_CATEGORY_MC;
}

static void
map_cp(int32_t c, struct cpmap *m)
{
	utf8proc_category_t cat = utf8proc_category(c);
	utf8proc_int32_t d[16];
	utf8proc_ssize_t nd, i;
	int last = 0;

	m->cp = c;
	m->n = 0;
	if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME ||
	    cat == UTF8PROC_CATEGORY_CF) {
		m->kind = K_SKIP;
		return;
	}
	if (nospace_script(c)) {
		m->kind = K_ALONE;
		/* Halfwidth kana and compatibility ideographs: their NFKC form. */
		nd = utf8proc_decompose_char(c, d, 16, UTF8PROC_COMPAT |
		    UTF8PROC_DECOMPOSE, &last);
		m->out[0] = nd >= 1 ? d[0] : c;
		m->n = 1;
		return;
	}
	if (!is_letter_or_digit(cat)) {
		m->kind = K_SEP;
		return;
	}
	m->kind = K_WORD;
	nd = utf8proc_decompose_char(c, d, 16, UTF8PROC_COMPAT |
	    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &last);
	for (i = 0; i < nd && m->n < 3; i++) {
		utf8proc_category_t dc = utf8proc_category(d[i]);

		if (dc == UTF8PROC_CATEGORY_ND)
			m->out[m->n++] = '0';
		else if (is_letter_or_digit(dc))
			m->out[m->n++] = d[i];
	}
	if (m->n == 0)
		m->kind = K_SKIP;
}

void
sc_shingler_init(struct sc_shingler *s, int k)
{
	memset(s, 0, sizeof *s);
	s->k = k < 1 ? 1 : k;
}

void
sc_shingler_free(struct sc_shingler *s)
{
	free(s->tok);
	free(s->sh);
	free(s->cache);
	free(s->vals);
	free(s->tmp);
	memset(s, 0, sizeof *s);
}

static inline void
push_token(struct sc_shingler *s, uint64_t h)
{
	if (SC_UNLIKELY(s->ntok == s->tokcap)) {
		s->tokcap = s->tokcap ? 2 * s->tokcap : 1024;
		s->tok = xreallocarray(s->tok, s->tokcap, sizeof *s->tok);
	}
	s->tok[s->ntok++] = sc_mix64(h);
}

/* Lower-case letters as they are, digits as '0', anything else 0. */
static inline unsigned char
ascii_token_byte(unsigned char c)
{
	if ((unsigned)(c - 'a') < 26u)
		return c;
	if ((unsigned)(c - 'A') < 26u)
		return (unsigned char)(c + 32);
	if ((unsigned)(c - '0') < 10u)
		return '0';
	return 0;
}

static void
tokenize(struct sc_shingler *s, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	uint64_t h = FNV_OFFSET;
	int intok = 0;
	size_t i = 0;

	s->ntok = 0;
	while (i < n) {
		unsigned char c = u[i];
		const struct cpmap *m;
		uint32_t cp;
		int bad = 0, j;

		if (c < 0x80) {
			unsigned char t = ascii_token_byte(c);

			i++;
			if (t) {
				h = (h ^ t) * FNV_PRIME;
				intok = 1;
			} else if (intok) {
				push_token(s, h);
				h = FNV_OFFSET;
				intok = 0;
			}
			continue;
		}
		i += sc_utf8_next(u + i, n - i, &cp, &bad);
		if (bad) {
			if (intok) {
				push_token(s, h);
				h = FNV_OFFSET;
				intok = 0;
			}
			continue;
		}
		if (SC_UNLIKELY(s->cache == NULL)) {
			s->cache = xcalloc(1, sizeof *s->cache);
			for (j = 0; j < CPCACHE; j++)
				s->cache->e[j].cp = -1;
		}
		m = &s->cache->e[cp % CPCACHE];
		if (m->cp != (int32_t)cp)
			map_cp((int32_t)cp, &s->cache->e[cp % CPCACHE]);
		switch (m->kind) {
		case K_WORD:
			for (j = 0; j < m->n; j++)
				h = (h ^ (uint64_t)m->out[j]) * FNV_PRIME;
			intok = 1;
			break;
		case K_SKIP:
			break;
		case K_ALONE:
			if (intok)
				push_token(s, h);
			push_token(s, (FNV_OFFSET ^ (uint64_t)m->out[0]) * FNV_PRIME);
			h = FNV_OFFSET;
			intok = 0;
			break;
		default:
			if (intok) {
				push_token(s, h);
				h = FNV_OFFSET;
				intok = 0;
			}
			break;
		}
	}
	if (intok)
		push_token(s, h);
}

size_t
sc_shingle(struct sc_shingler *s, const char *p, size_t n)
{
	size_t i, nsh;
	int j, k = s->k;

	tokenize(s, p, n);
	s->nsh = 0;
	if (s->ntok == 0)
		return 0;
	if (s->ntok < (size_t)k)
		k = (int)s->ntok;	/* one shingle: every token */
	nsh = s->ntok - (size_t)k + 1;
	if (s->shcap < nsh) {
		s->shcap = nsh + nsh / 2;
		s->sh = xreallocarray(s->sh, s->shcap, sizeof *s->sh);
	}
	for (i = 0; i < nsh; i++) {
		uint64_t h = (uint64_t)k;

		for (j = 0; j < k; j++)
			h = (h ^ s->tok[i + (size_t)j]) * SHINGLE_MUL;
		s->sh[i] = sc_mix64(h);
	}
	s->nsh = nsh;
	return nsh;
}

static inline uint32_t
reduce(uint64_t x, uint32_t n)
{
	return (uint32_t)(((unsigned __int128)x * n) >> 64);
}

void
sc_minhash(const uint64_t *sh, size_t nsh, uint32_t *sig, int nbins,
    uint64_t seed)
{
	uint32_t val[SC_MH_MAXHASHES];
	unsigned char full[SC_MH_MAXHASHES];
	uint32_t filled[SC_MH_MAXHASHES];
	uint32_t nb = (uint32_t)nbins, nfilled = 0, i, j;
	uint64_t smix = sc_mix64(seed ^ 0x5ca1ab1e);
	size_t t;

	if (nsh == 0) {
		memset(sig, 0, nb * sizeof *sig);
		return;
	}
	memset(full, 0, nb);
	for (t = 0; t < nsh; t++) {
		uint64_t x = seed ? sc_mix64(sh[t] ^ smix) : sh[t];
		uint32_t b = reduce(x, nb), v = (uint32_t)x;

		if (!full[b]) {
			full[b] = 1;
			val[b] = v;
		} else if (v < val[b]) {
			val[b] = v;
		}
	}
	for (i = 0; i < nb; i++)
		if (full[i])
			filled[nfilled++] = i;
	/*
	 * Densification: an empty bin takes the value of the filled bin that
	 * comes first in its own random order of all bins.  The order
	 * depends on the bin numbers and the seed only, never on the
	 * document, so two documents with the same filled bins borrow alike
	 * and a bin still agrees with probability J (Shrivastava's optimal
	 * densification, drawing without replacement).
	 */
	for (i = 0; i < nb; i++) {
		uint64_t best = UINT64_MAX;
		uint32_t from = 0;

		if (full[i]) {
			sig[i] = val[i];
			continue;
		}
		for (j = 0; j < nfilled; j++) {
			uint64_t r = sc_mix64(smix + ((uint64_t)i << 32 | filled[j]));

			if (r < best) {
				best = r;
				from = filled[j];
			}
		}
		sig[i] = val[from];
	}
}

double
sc_minhash_jaccard(const uint32_t *a, const uint32_t *b, int nbins)
{
	int i, eq = 0;

	for (i = 0; i < nbins; i++)
		eq += a[i] == b[i];
	return nbins > 0 ? (double)eq / nbins : 0.0;
}

uint64_t
sc_band_key(const uint32_t *sig, int band, int rows)
{
	uint64_t h = 0x2545f4914f6cdd1dull * (uint64_t)(band + 1);
	int r;

	for (r = 0; r < rows; r++)
		h = (h ^ sig[band * rows + r]) * SHINGLE_MUL;
	return sc_mix64(h);
}

double
sc_lsh_prob(double s, int bands, int rows)
{
	return 1.0 - pow(1.0 - pow(s, rows), bands);
}

double
sc_containment(double j, size_t na, size_t nb)
{
	double c;

	if (na == 0)
		return 0.0;
	c = j * ((double)na + (double)nb) / ((1.0 + j) * (double)na);
	return c > 1.0 ? 1.0 : c;
}

/* LSD radix sort of 32-bit values, 11 bits a pass; small arrays by insertion. */
static void
sort_u32(uint32_t *v, uint32_t *tmp, size_t n)
{
	size_t cnt[2048], i;
	int pass;

	if (n < 48) {
		for (i = 1; i < n; i++) {
			uint32_t x = v[i];
			size_t j = i;

			for (; j > 0 && v[j - 1] > x; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	for (pass = 0; pass < 3; pass++) {
		int shift = pass * 11;
		size_t sum = 0;

		memset(cnt, 0, sizeof cnt);
		for (i = 0; i < n; i++)
			cnt[(v[i] >> shift) & 2047]++;
		for (i = 0; i < 2048; i++) {
			size_t c = cnt[i];

			cnt[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			tmp[cnt[(v[i] >> shift) & 2047]++] = v[i];
		memcpy(v, tmp, n * sizeof *v);
	}
}

void
sc_sketch_make(struct sc_shingler *s, uint32_t max, struct sc_sketch *out)
{
	size_t i, n = 0, keep;
	uint8_t level = 0;

	if (s->valcap < s->nsh) {
		s->valcap = s->nsh + s->nsh / 2;
		free(s->vals);
		free(s->tmp);
		s->vals = xreallocarray(NULL, s->valcap, sizeof *s->vals);
		s->tmp = xreallocarray(NULL, s->valcap, sizeof *s->tmp);
	}
	/* The top 32 bits: the bins of sc_minhash() use the same bits, which
	 * does not matter, the two are never combined. */
	for (i = 0; i < s->nsh; i++)
		s->vals[i] = (uint32_t)(s->sh[i] >> 32);
	sort_u32(s->vals, s->tmp, s->nsh);
	for (i = 0; i < s->nsh; i++)
		if (n == 0 || s->vals[n - 1] != s->vals[i])
			s->vals[n++] = s->vals[i];
	keep = n;
	while (keep > max && level < 31) {
		uint32_t lim = (uint32_t)1 << (31 - level);

		level++;
		while (keep > 0 && s->vals[keep - 1] >= lim)
			keep--;
	}
	out->nset = (uint32_t)(n > UINT32_MAX ? UINT32_MAX : n);
	out->count = (uint32_t)keep;
	out->level = level;
	out->v = s->vals;
}

/* Values of a sketch below the limit of level L. */
static uint32_t
count_below(const struct sc_sketch *k, int level)
{
	uint32_t lo = 0, hi = k->count, lim;

	if (level == 0)
		return k->count;
	lim = (uint32_t)1 << (32 - level);
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (k->v[mid] < lim)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
sc_sketch_compare(const struct sc_sketch *a, const struct sc_sketch *b,
    struct sc_similarity *sim)
{
	int level = a->level > b->level ? a->level : b->level;
	uint32_t na = count_below(a, level), nb = count_below(b, level);
	uint32_t i = 0, j = 0, inter = 0;

	while (i < na && j < nb) {
		if (a->v[i] == b->v[j]) {
			inter++;
			i++;
			j++;
		} else if (a->v[i] < b->v[j]) {
			i++;
		} else {
			j++;
		}
	}
	sim->smaller = na < nb ? na : nb;
	sim->jaccard = na + nb > inter ? (double)inter / (na + nb - inter) : 0.0;
	sim->containment = sim->smaller ? (double)inter / sim->smaller : 0.0;
}
