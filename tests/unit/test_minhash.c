/*
 * test_minhash: tokens, shingles, one-permutation MinHash, sketches.
 */
#include <math.h>
#include <stdlib.h>

#include "minhash.h"
#include "../tap.h"

static struct sc_shingler sh;

/* The token hashes of s, copied out. */
static size_t
tokens(const char *s, uint64_t *out, size_t max)
{
	size_t n;

	sc_shingle(&sh, s, strlen(s));
	n = sh.ntok < max ? sh.ntok : max;
	memcpy(out, sh.tok, n * sizeof *out);
	return sh.ntok;
}

static int
same_tokens(const char *a, const char *b)
{
	uint64_t ta[256], tb[256];
	size_t na = tokens(a, ta, 256), nb = tokens(b, tb, 256);

	return na == nb && memcmp(ta, tb, na * sizeof *ta) == 0;
}

static int
same_shingles(const char *a, const char *b)
{
	uint64_t x[256];
	size_t n;

	sc_shingle(&sh, a, strlen(a));
	n = sh.nsh;
	memcpy(x, sh.sh, n * sizeof *x);
	sc_shingle(&sh, b, strlen(b));
	return n == sh.nsh && memcmp(x, sh.sh, n * sizeof *x) == 0;
}

/* A text of n pseudo-random words, from seed. */
static void
words(struct sc_buf *b, unsigned seed, int n)
{
	static const char *w[] = { "river", "council", "budget", "school",
	    "storm", "harbour", "minister", "report", "village", "market",
	    "train", "station", "winter", "summer", "election", "court",
	    "bridge", "museum", "garden", "factory", "doctor", "teacher" };
	int i;

	for (i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		sc_buf_printf(b, "%s%s%u", i ? " " : "", w[(seed >> 16) % 22],
		    (seed >> 8) % 97);
	}
}

static void
test_tokens(void)
{
	uint64_t t[16];

	ok(same_tokens("Hello, World!", "hello world"), "case and punctuation fold");
	ok(same_tokens("in 2020 and 1999", "in 0000 and 0000"), "digits are 0");
	ok(same_tokens("Caf\xc3\xa9 cr\xc3\xa8me", "cafe creme"), "accents removed");
	ok(same_tokens("Cafe\xcc\x81", "cafe"), "combining accents removed");
	ok(same_tokens("\xef\xac\x81" "ne", "fine"), "compatibility forms folded");
	ok(same_tokens("snake_case_words", "snake case words"), "underscore separates");
	ok(same_tokens("a\x01" "b c", "ab c"), "controls vanish inside a word");
	ok(same_tokens("soft\xc2\xad" "ware", "software"), "format characters vanish");
	ok(!same_tokens("one two", "one three"), "different words differ");
	is_int(tokens("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", t, 16), 3,
	    "Han characters are a token each");
	is_int(tokens("\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa", t, 16), 3,
	    "Thai: characters are tokens, marks vanish");
	is_int(tokens("abc\xe4\xb8\xad" "def", t, 16), 3, "a Han character splits Latin");
	is_int(tokens("!!! ... ---", t, 16), 0, "punctuation only: no token");
	is_int(tokens("", t, 16), 0, "empty: no token");
	ok(same_tokens("\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
	    "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"), "Cyrillic case folds");
}

/*
 * The block path and the character path must agree wherever a token falls
 * against the sixteen-byte block boundaries: shift a text by 0..15
 * leading spaces, or put a non-ASCII separator in front.
 */
static void
test_alignment(void)
{
	struct sc_buf base = { 0 }, shifted = { 0 };
	uint64_t want[512], got[512];
	unsigned seed = 99;
	int trial, bad = 0;

	for (trial = 0; trial < 300; trial++) {
		size_t nw, ng;
		int pad, k;

		sc_buf_reset(&base);
		for (k = 0; k < 40; k++) {
			seed = seed * 1103515245u + 12345u;
			switch ((seed >> 16) % 9) {
			case 0: sc_buf_adds(&base, " "); break;
			case 1: sc_buf_adds(&base, "\n  "); break;
			case 2: sc_buf_adds(&base, "Alphabetically"); break;
			case 3: sc_buf_adds(&base, "x"); break;
			case 4: sc_buf_adds(&base, "2024,"); break;
			case 5: sc_buf_adds(&base, "abcdefgh"); break;
			case 6: sc_buf_adds(&base, "-Q-"); break;
			case 7: sc_buf_adds(&base, "\xc3\xa9t\xc3\xa9"); break;
			default: sc_buf_adds(&base, "\t"); break;
			}
		}
		nw = tokens(base.p, want, 512);
		for (pad = 0; pad < 17; pad++) {
			sc_buf_reset(&shifted);
			if (pad == 16)
				sc_buf_adds(&shifted, "\xe2\x80\x94");	/* em dash */
			else
				for (k = 0; k < pad; k++)
					sc_buf_addc(&shifted, ' ');
			sc_buf_add(&shifted, base.p, base.len);
			ng = tokens(shifted.p, got, 512);
			if (ng != nw || memcmp(got, want, nw * sizeof *got) != 0)
				bad++;
		}
	}
	ok(bad == 0, "tokens do not depend on where the blocks fall");
	sc_buf_free(&base);
	sc_buf_free(&shifted);
}

/*
 * Token and shingle hashes are part of the index file format (--index
 * reads the band keys and sketches an earlier run saved), so a faster
 * tokenizer must hash exactly as before.  These are the values of the
 * first, byte-at-a-time tokenizer: ASCII, a long word, accents, a sharp
 * s, digits, Cyrillic, Han, a control inside a word.
 */
static void
test_pinned(void)
{
	static const uint64_t tok[] = {
		0x64d7c6231d881738ull, 0x3581bd10ed849b1full,
		0x1d04205a4cb6c8ceull, 0x4dbf8dd4de8af76eull,
		0xc56da244645c8492ull, 0xf0497634013153fbull,
		0x36cec939cc6c941aull, 0xf9c430d211baedb5ull,
		0x55a7c56596041248ull, 0x55c3a97c2c80f3eeull
	};
	static const uint64_t shg[] = {
		0x2c1efca94429268cull, 0xfe434bd656f3c0d8ull,
		0x244d85caa8dece3bull, 0x36ee1edd231d1fb3ull,
		0xd3ac61ba41c67f74ull, 0xed7eaac47a55ca14ull
	};
	const char *t = "Caf\xc3\xa9 Stra\xc3\x9f" "e 2024: Internationalisation, "
	    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xe4\xb8\xad\xe6\x96\x87 "
	    "a\x01" "b\tthe-end";

	sc_shingle(&sh, t, strlen(t));
	ok(sh.ntok == 10 && memcmp(sh.tok, tok, sizeof tok) == 0,
	    "token hashes are those index files were written with");
	ok(sh.nsh == 6 && memcmp(sh.sh, shg, sizeof shg) == 0,
	    "shingle hashes are those index files were written with");
}

static void
test_shingles(void)
{
	struct sc_buf a = { 0 };

	is_int(sc_shingle(&sh, "one two three four five six", 27), 2,
	    "six words: two 5-word shingles");
	is_int(sc_shingle(&sh, "one two three", 13), 1,
	    "fewer words than the shingle size: one shingle");
	ok(!same_shingles("one two three", "one two four"),
	    "short texts keep their own shingle");
	ok(same_shingles("One, two; THREE.", "one two three"),
	    "short texts fold like long ones");
	is_int(sc_shingle(&sh, "   ", 3), 0, "blank: no shingle");
	words(&a, 1, 100);
	is_int(sc_shingle(&sh, a.p, a.len), 96, "100 words: 96 shingles");
	sc_buf_free(&a);
}

static void
test_minhash(void)
{
	uint32_t s1[256], s2[256];
	uint64_t a[1000], b[1000];
	int i, same;

	/* Sets of 1000 with 500 in common: J = 500 / 1500. */
	for (i = 0; i < 1000; i++) {
		a[i] = sc_mix64((uint64_t)i + 1);
		b[i] = sc_mix64((uint64_t)(i < 500 ? i : i + 1000) + 1);
	}
	sc_minhash(a, 1000, s1, 256, 0);
	sc_minhash(b, 1000, s2, 256, 0);
	ok(fabs(sc_minhash_jaccard(s1, s2, 256) - 1.0 / 3) < 0.1,
	    "Jaccard estimate near 1/3");
	/* Order and repeats do not matter. */
	for (i = 0; i < 1000; i++)
		b[i] = a[999 - i];
	b[5] = b[6];
	sc_minhash(b, 1000, s2, 256, 0);
	ok(sc_minhash_jaccard(s1, s2, 256) > 0.98, "order and repeats do not matter");
	/* One shingle: every bin borrows it. */
	sc_minhash(a, 1, s1, 16, 0);
	for (same = 1, i = 1; i < 16; i++)
		same &= s1[i] == s1[0];
	ok(same, "a single shingle fills every bin");
	sc_minhash(a + 1, 1, s2, 16, 0);
	ok(sc_minhash_jaccard(s1, s2, 16) == 0, "two single-shingle sets do not collide");
	/* Densification is consistent: the same small set, the same signature. */
	sc_minhash(a, 5, s1, 64, 0);
	sc_minhash(a, 5, s2, 64, 0);
	ok(memcmp(s1, s2, 64 * sizeof *s1) == 0, "deterministic");
	sc_minhash(a, 5, s2, 64, 7);
	ok(memcmp(s1, s2, 64 * sizeof *s1) != 0, "the seed selects the family");
	ok(sc_band_key(s1, 0, 2) != sc_band_key(s1, 1, 2) || s1[0] != s1[2],
	    "band number mixed into the key");
	ok(fabs(sc_lsh_prob(0.5, 8, 2) - (1 - pow(0.75, 8))) < 1e-12, "LSH curve");
	ok(fabs(sc_containment(0.5, 100, 200) - 1.0) < 1e-9, "containment from J and sizes");
}

static void
test_sketch(void)
{
	struct sc_buf a = { 0 }, b = { 0 };
	struct sc_sketch ka, kb;
	struct sc_similarity sim;
	uint32_t *copy;

	/* A teaser: the first 60 words of 100. */
	words(&a, 5, 100);
	words(&b, 5, 60);
	sc_shingle(&sh, a.p, a.len);
	sc_sketch_make(&sh, 1024, &ka);
	copy = xmalloc(ka.count * sizeof *copy);
	memcpy(copy, ka.v, ka.count * sizeof *copy);
	ka.v = copy;
	is_int(ka.level, 0, "small set stored whole");
	is_int(ka.nset, 96, "distinct shingles counted");
	sc_shingle(&sh, b.p, b.len);
	sc_sketch_make(&sh, 1024, &kb);
	sc_sketch_compare(&ka, &kb, &sim);
	ok(fabs(sim.containment - 1.0) < 1e-9, "a teaser is contained");
	ok(fabs(sim.jaccard - 56.0 / 96) < 1e-9, "exact Jaccard at level 0");
	free(copy);

	/* A long text is sampled, consistently. */
	sc_buf_reset(&a);
	words(&a, 9, 20000);
	sc_shingle(&sh, a.p, a.len);
	sc_sketch_make(&sh, 1024, &ka);
	ok(ka.level > 0 && ka.count <= 1024 && ka.count > 256, "long text sampled");
	ok(ka.nset > 15000 && ka.nset < 25000, "set size estimated from the sample");
	copy = xmalloc(ka.count * sizeof *copy);
	memcpy(copy, ka.v, ka.count * sizeof *copy);
	ka.v = copy;
	sc_buf_reset(&b);
	words(&b, 9, 15000);		/* its first three quarters */
	sc_shingle(&sh, b.p, b.len);
	sc_sketch_make(&sh, 1024, &kb);
	sc_sketch_compare(&ka, &kb, &sim);
	ok(sim.containment > 0.95, "containment survives sampling");
	ok(fabs(sim.jaccard - 0.75) < 0.08, "Jaccard estimated from samples");
	free(copy);
	sc_buf_free(&a);
	sc_buf_free(&b);
}

int
main(void)
{
	sc_shingler_init(&sh, 5);
	test_tokens();
	test_alignment();
	test_pinned();
	test_shingles();
	test_minhash();
	test_sketch();
	sc_shingler_free(&sh);
	return tap_done();
}
