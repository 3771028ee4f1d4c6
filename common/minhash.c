/*
 * minhash.c: tokens, shingles, one-permutation MinHash with densification
 * and LSH band keys.  See minhash.h for the contracts.
 */
#include "minhash.h"

#include <math.h>
#include <stdlib.h>

#include <utf8proc.h>

#include "simd.h"
#include "utf8.h"

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
	/* The folded form in UTF-8, what is hashed; zero past n, so its first
	 * eight bytes load as one word. */
	unsigned char b[12];
};

/* Every two-byte character (Latin, Greek, Cyrillic, Arabic, Hebrew...)
 * has an entry of its own, so a text mixing those scripts never evicts. */
#define CPCACHE 2048

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
	memset(m->b, 0, sizeof m->b);
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
		m->n = (uint8_t)utf8proc_encode_char(nd >= 1 ? d[0] : c, m->b);
		return;
	}
	if (!is_letter_or_digit(cat)) {
		m->kind = K_SEP;
		return;
	}
	m->kind = K_WORD;
	nd = utf8proc_decompose_char(c, d, 16, UTF8PROC_COMPAT |
	    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &last);
	for (i = 0; i < nd && m->n <= 8; i++) {
		utf8proc_category_t dc = utf8proc_category(d[i]);

		if (dc == UTF8PROC_CATEGORY_ND)
			m->b[m->n++] = '0';
		else if (is_letter_or_digit(dc))
			m->n += (uint8_t)utf8proc_encode_char(d[i], m->b + m->n);
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

/*
 * What an ASCII byte is to a token: its folded form (lower case, digits
 * '0'), TOK_SKIP for controls, which vanish as the stream's normalisation
 * makes them, or 0, which ends the token.
 */
#define TOK_SKIP 1
static const unsigned char *
ascii_map(void)
{
	static unsigned char map[128];
	static int ready;
	int c;

	if (!ready) {
		for (c = 0; c < 128; c++) {
			if (c >= 'a' && c <= 'z')
				map[c] = (unsigned char)c;
			else if (c >= 'A' && c <= 'Z')
				map[c] = (unsigned char)(c + 32);
			else if (c >= '0' && c <= '9')
				map[c] = '0';
			else if (c < 0x20 && !(c >= '\t' && c <= '\r'))
				map[c] = TOK_SKIP;
		}
		ready = 1;
	}
	return map;
}

/*
 * A token's hash: its folded UTF-8 bytes gathered eight at a time into a
 * word (little-endian), one multiply a word (a byte-at-a-time hash such
 * as FNV waits on a multiply per byte), the length mixed in at the end.
 */
#define TOK_MUL 0x9fb21c651e98df25ull

struct tok {
	uint64_t h, acc;
	size_t len;
	unsigned nb;		/* bytes in acc */
};

static inline void
tok_byte(struct tok *t, unsigned b)
{
	t->acc |= (uint64_t)b << (8 * t->nb);
	t->len++;
	if (++t->nb == 8) {
		t->h = (t->h ^ t->acc) * TOK_MUL;
		t->acc = 0;
		t->nb = 0;
	}
}

/* n (1..8) bytes at once, the first in the lowest byte of v. */
static inline void
tok_bytes(struct tok *t, uint64_t v, unsigned n)
{
	unsigned room = 8 - t->nb;

	t->len += n;
	if (n < room) {
		t->acc |= v << (8 * t->nb);
		t->nb += n;
		return;
	}
	t->acc |= v << (8 * t->nb);
	t->h = (t->h ^ t->acc) * TOK_MUL;
	t->acc = room < 8 ? v >> (8 * room) : 0;
	t->nb = n - room;
}

static inline void
tok_end(struct sc_shingler *s, struct tok *t)
{
	if (t->len > 0) {
		push_token(s, ((t->h ^ t->acc) * TOK_MUL) ^ t->len);
		t->h = t->acc = 0;
		t->len = 0;
		t->nb = 0;
	}
}

/*
 * Sixteen ASCII bytes at once (vector lanes; one instruction each where
 * the target has SIMD, word-sized code elsewhere): which are letters or
 * digits (one bit each in *bits), folded into f[0..16).  Returns how many
 * leading bytes that holds for: those before the first byte >= 0x80 or
 * control, which the character loop takes.  A word with an accent thus
 * still goes through here up to the accent.
 */
static inline unsigned
token_block(const unsigned char *q, unsigned char *f, unsigned *bits)
{
	sc_i8x16 x = (sc_i8x16)sc_load16(q), lx = x | 0x20;
	sc_i8x16 letter = (lx >= 'a') & (lx <= 'z');
	sc_i8x16 digit = (x >= '0') & (x <= '9');
	/* Bytes >= 0x80 are negative lanes, below 0x20 like the controls. */
	sc_i8x16 stop = (x < 0x20) & ~((x >= '\t') & (x <= '\r'));
	sc_i8x16 folded = (lx & letter) | (((sc_i8x16){ 0 } + '0') & digit);
	unsigned p = (unsigned)__builtin_ctz(sc_mask16(stop) | 0x10000);

	if (p == 0)
		return 0;
	memcpy(f, &folded, 16);
	*bits = sc_mask16(letter | digit) & ((1u << p) - 1);
	return p;
}

/* n (1..8) folded bytes from f, the first in the lowest byte. */
static inline uint64_t
load_bytes(const unsigned char *f, unsigned n)
{
	uint64_t v;

	memcpy(&v, f, 8);
	return n == 8 ? v : v & (((uint64_t)1 << (8 * n)) - 1);
}

/* The folded form of a cached character to the token being built. */
static inline void
tok_add_cp(struct tok *t, const struct cpmap *m)
{
	uint64_t w;
	int j;

	memcpy(&w, m->b, 8);
	if (SC_LIKELY(m->n <= 8)) {
		tok_bytes(t, w, m->n);
		return;
	}
	tok_bytes(t, w, 8);
	for (j = 8; j < m->n; j++)
		tok_byte(t, m->b[j]);
}

static void
tokenize(struct sc_shingler *s, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	const unsigned char *map = ascii_map();
	struct tok t = { 0, 0, 0, 0 };
	/* f: a block's folded bytes, and room for an 8-byte load from its
	 * last; pad: a short tail, padded. */
	unsigned char f[24] = { 0 }, pad[16];
	size_t i = 0;
	int j;

	s->ntok = 0;
	if (SC_UNLIKELY(s->cache == NULL)) {
		s->cache = xcalloc(1, sizeof *s->cache);
		for (j = 0; j < CPCACHE; j++)
			s->cache->e[j].cp = -1;
	}
	while (i < n) {
		unsigned char c = u[i];
		const struct cpmap *m;
		uint32_t cp;
		int bad = 0;

		if (c < 0x80) {
			const unsigned char *q = u + i;
			unsigned bits, lim = 16, w;

			if (SC_UNLIKELY(i + 16 > n)) {
				/* The tail, padded with spaces that are cut off. */
				memset(pad, ' ', 16);
				memcpy(pad, u + i, n - i);
				q = pad;
				lim = (unsigned)(n - i);
			}
			w = token_block(q, f, &bits);
			if (w > lim) {
				w = lim;
				bits &= (1u << w) - 1;
			}
			if (w > 0) {
				/* Runs of set bits are tokens or their pieces. */
				if (!(bits & 1))
					tok_end(s, &t);
				while (bits) {
					unsigned st = (unsigned)__builtin_ctz(bits);
					unsigned len = (unsigned)__builtin_ctz(~(bits >> st));

					bits &= ~((1u << (st + len)) - 1);
					if (st + len < w && t.len == 0 && len < 8) {
						/* A whole token shorter than 8 bytes:
						 * its hash at once, what tok_bytes() and
						 * tok_end() would make of it. */
						push_token(s, (load_bytes(f + st, len) *
						    TOK_MUL) ^ len);
						continue;
					}
					if (len > 8) {
						tok_bytes(&t, load_bytes(f + st, 8), 8);
						st += 8;
						len -= 8;
					}
					tok_bytes(&t, load_bytes(f + st, len), len);
					if (st + len < w)
						tok_end(s, &t);
				}
				i += w;
				continue;
			}
			{
				unsigned char k = map[c];

				i++;
				if (k > TOK_SKIP)
					tok_byte(&t, k);
				else if (k == 0)
					tok_end(s, &t);
			}
			continue;
		}
		/* The common two- and three-byte forms inline (those
		 * sc_utf8_next() takes first); the rest, and errors, the full way. */
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
			cp = (c & 0x1Fu) << 6 | (u[i + 1] & 0x3Fu);
			i += 2;
		} else if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n &&
		    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			cp = (c & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 |
			    (u[i + 2] & 0x3Fu);
			i += 3;
		} else {
			i += sc_utf8_next(u + i, n - i, &cp, &bad);
			if (bad) {
				tok_end(s, &t);
				continue;
			}
		}
		m = &s->cache->e[cp % CPCACHE];
		if (SC_UNLIKELY(m->cp != (int32_t)cp))
			map_cp((int32_t)cp, &s->cache->e[cp % CPCACHE]);
		if (SC_LIKELY(m->kind == K_WORD)) {
			tok_add_cp(&t, m);
			continue;
		}
		switch (m->kind) {
		case K_WORD:
			tok_add_cp(&t, m);
			break;
		case K_SKIP:
			break;
		case K_ALONE:
			tok_end(s, &t);
			tok_add_cp(&t, m);
			tok_end(s, &t);
			break;
		default:
			tok_end(s, &t);
			break;
		}
	}
	tok_end(s, &t);
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
	if (k == 5) {
		/* The default, unrolled: the same hash as the loop below. */
		const uint64_t *tk = s->tok;

		for (i = 0; i < nsh; i++, tk++) {
			uint64_t h = 5;

			h = (h ^ tk[0]) * SHINGLE_MUL;
			h = (h ^ tk[1]) * SHINGLE_MUL;
			h = (h ^ tk[2]) * SHINGLE_MUL;
			h = (h ^ tk[3]) * SHINGLE_MUL;
			h = (h ^ tk[4]) * SHINGLE_MUL;
			s->sh[i] = sc_mix64(h);
		}
	} else {
		for (i = 0; i < nsh; i++) {
			uint64_t h = (uint64_t)k;

			for (j = 0; j < k; j++)
				h = (h ^ s->tok[i + (size_t)j]) * SHINGLE_MUL;
			s->sh[i] = sc_mix64(h);
		}
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

/*
 * Insert x into the ascending, distinct v[0..n) unless it is there: the
 * new length.  The values come bucket by bucket, so x belongs at or near
 * the end and the scan is short.
 */
static inline size_t
insert_distinct(uint32_t *v, size_t n, uint32_t x)
{
	size_t j = n;

	while (j > 0 && v[j - 1] > x) {
		v[j] = v[j - 1];
		j--;
	}
	if (SC_UNLIKELY(j > 0 && v[j - 1] == x)) {
		/* A repeat: close the gap again. */
		for (; j < n; j++)
			v[j] = v[j + 1];
		return n;
	}
	v[j] = x;
	return n + 1;
}

/*
 * The level comes first from the number of shingles (repeats counted),
 * so only the values that can be kept are sorted; it rises further if
 * the distinct ones are still too many.  The set size of a sampled
 * sketch is estimated from the sample.
 *
 * The values (the top 32 bits of the shingle hashes: the bins of
 * sc_minhash() use the same bits, which does not matter, the two are
 * never combined) are spread evenly below 2^(32 - level), so a counting
 * pass on their top bits into about n/2 buckets leaves almost nothing
 * to sort: they go straight from the shingles to the buckets and from
 * the buckets to the sketch, sorted and without repeats, in O(n).
 */
void
sc_sketch_make(struct sc_shingler *s, uint32_t max, struct sc_sketch *out)
{
	uint32_t cnt[4096 + 1];
	const uint64_t *sh = s->sh;
	size_t i, m = 0, n = 0, keep, nb;
	uint8_t level = 0, first;
	uint64_t nset;
	int b = 0, shift, vbits;

	while (level < 31 && (s->nsh >> level) > max)
		level++;
	first = level;
	vbits = 32 - level;
	if (s->valcap < s->nsh + 1) {
		s->valcap = s->nsh + s->nsh / 2 + 1;
		free(s->vals);
		free(s->tmp);
		s->vals = xreallocarray(NULL, s->valcap, sizeof *s->vals);
		s->tmp = xreallocarray(NULL, s->valcap, sizeof *s->tmp);
	}
	if (s->nsh < 48) {
		for (i = 0; i < s->nsh; i++) {
			uint32_t v = (uint32_t)(sh[i] >> 32);

			if (level == 0 || (v >> vbits) == 0)
				n = insert_distinct(s->vals, n, v);
		}
	} else {
		/* Count what is kept, by bucket; the number kept is m. */
		while (b < 12 && ((size_t)2 << b) <= (s->nsh >> level))
			b++;
		nb = (size_t)1 << b;
		shift = vbits - b > 0 ? vbits - b : 0;
		memset(cnt, 0, (nb + 1) * sizeof *cnt);
		if (level == 0) {
			/* Every value kept (the usual case): no test. */
			for (i = 0; i < s->nsh; i++)
				cnt[(sh[i] >> (32 + shift)) + 1]++;
			for (i = 1; i <= nb; i++)
				cnt[i] += cnt[i - 1];
			for (i = 0; i < s->nsh; i++)
				s->tmp[cnt[sh[i] >> (32 + shift)]++] =
				    (uint32_t)(sh[i] >> 32);
		} else {
			for (i = 0; i < s->nsh; i++) {
				uint32_t v = (uint32_t)(sh[i] >> 32);

				if ((v >> vbits) == 0)
					cnt[(v >> shift) + 1]++;
			}
			for (i = 1; i <= nb; i++)
				cnt[i] += cnt[i - 1];
			for (i = 0; i < s->nsh; i++) {
				uint32_t v = (uint32_t)(sh[i] >> 32);

				if ((v >> vbits) == 0)
					s->tmp[cnt[v >> shift]++] = v;
			}
		}
		m = cnt[nb];	/* the last bucket's end: no scatter reaches it */
		for (i = 0; i < m; i++)
			n = insert_distinct(s->vals, n, s->tmp[i]);
	}
	nset = (uint64_t)n << first;
	keep = n;
	while (keep > max && level < 31) {
		uint32_t lim = (uint32_t)1 << (31 - level);

		level++;
		while (keep > 0 && s->vals[keep - 1] >= lim)
			keep--;
	}
	out->nset = (uint32_t)(nset > UINT32_MAX ? UINT32_MAX : nset);
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
