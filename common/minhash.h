/*
 * minhash.h: shingles, MinHash signatures and LSH band keys for
 * near-duplicate detection.
 *
 * Tokens: runs of letters and digits, case-folded, compatibility-
 * decomposed, accents (non-spacing marks) removed, every digit 0
 * (datatrove's and CCNet's normalisation, so "2020" and "2021" are one
 * token).  Characters of the scripts written without spaces (Han, kana,
 * Thai, Lao, Khmer, Myanmar, Tibetan) are one token each, so their
 * shingles are character n-grams.  Everything else separates tokens.
 *
 * Shingles: every run of k consecutive tokens, as a 64-bit hash.  A
 * text with fewer than k tokens has one shingle, its whole token list,
 * so short texts still get a signature of their own.  A text with no
 * token at all has none.
 *
 * Signatures: one-permutation hashing (Li, Owen and Zhang 2012) with
 * optimal densification (Shrivastava 2017): each shingle hash is used
 * once, its top bits choose one of n bins, its low 32 bits compete for
 * the bin's minimum; an empty bin copies the bin that a fixed,
 * document-independent probe sequence reaches first.  Two signatures
 * agree in a bin with probability equal to the Jaccard similarity of the
 * shingle sets, as with n independent permutations, at the cost of one
 * hash per shingle instead of n.
 */
#ifndef SC_MINHASH_H
#define SC_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define SC_MH_MAXHASHES 1024

/* Reusable state of the tokenizer: one per thread. */
struct sc_shingler {
	int k;			/* tokens per shingle */
	uint64_t *tok;		/* token hashes of the current text */
	size_t ntok, tokcap;
	uint64_t *sh;		/* shingle hashes (not deduplicated) */
	size_t nsh, shcap;
	struct sc_shingler_cache *cache; /* folded forms of non-ASCII characters */
	uint32_t *vals, *tmp;	/* sketch values and radix-sort scratch */
	size_t valcap;
};

void sc_shingler_init(struct sc_shingler *s, int k);
void sc_shingler_free(struct sc_shingler *s);

/*
 * sc_shingle: tokenize p[0..n) (UTF-8; invalid bytes separate tokens)
 * and fill s->sh with its shingle hashes, in text order.  Returns the
 * number of shingles (s->nsh).
 */
size_t sc_shingle(struct sc_shingler *s, const char *p, size_t n);

/*
 * sc_minhash: the one-permutation signature of nsh shingle hashes into
 * sig[0..nbins).  seed selects the family: signatures compare only when
 * made with the same seed and nbins.  With no shingle every bin is 0.
 */
void sc_minhash(const uint64_t *sh, size_t nsh, uint32_t *sig, int nbins,
    uint64_t seed);

/* Fraction of bins two signatures agree on: the Jaccard estimate. */
double sc_minhash_jaccard(const uint32_t *a, const uint32_t *b, int nbins);

/*
 * sc_band_key: the 64-bit key of band `band` (rows sig[band*rows ..
 * band*rows + rows)).  The band number is mixed in, so equal rows in
 * different bands give different keys.
 */
uint64_t sc_band_key(const uint32_t *sig, int band, int rows);

/*
 * The probability that two sets of Jaccard similarity s share at least
 * one of `bands` bands of `rows` rows: 1 - (1 - s^rows)^bands.
 */
double sc_lsh_prob(double s, int bands, int rows);

/*
 * Containment of A in B, |A & B| / |A|, from their Jaccard similarity j
 * and set sizes: |A & B| = j (|A| + |B|) / (1 + j).  Capped at 1.
 */
double sc_containment(double j, size_t na, size_t nb);

/*
 * Sketches: the shingle set itself, for verifying LSH candidates.  A
 * sketch holds the distinct 32-bit values of a set's shingles that fall
 * below 2^32 >> level, sorted; level is the smallest that keeps at most
 * `max` values, so short and ordinary texts are stored whole and a long
 * one as a consistent sample (the same shingle is sampled in every text).
 * Two sketches compare at the coarser of their levels.
 */
struct sc_sketch {
	uint32_t nset;		/* distinct shingles in the whole set */
	uint32_t count;		/* values stored */
	uint8_t level;
	const uint32_t *v;	/* count values, ascending */
};

/*
 * sc_sketch_make: the sketch of the shingles in s->sh, at most max values,
 * written to *out with its values in s (valid until the next call).
 */
void sc_sketch_make(struct sc_shingler *s, uint32_t max, struct sc_sketch *out);

struct sc_similarity {
	double jaccard;		/* |A & B| / |A | B| */
	double containment;	/* |A & B| / min(|A|, |B|) */
	uint32_t smaller;	/* values the smaller sample had */
};

/* Compare two sketches at their common level. */
void sc_sketch_compare(const struct sc_sketch *a, const struct sc_sketch *b,
    struct sc_similarity *sim);

/* 64-bit finaliser (MurmurHash3's fmix64): spreads the bits of x. */
static inline uint64_t
sc_mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

#endif
