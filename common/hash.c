/*
 * hash.c: the normalisation content hashes are taken over, XXH3 hashes
 * and a 64-bit SimHash.  See hash.h for the contracts.
 *
 * sc_normkey() is on the hot path of scdedup's exact mode (150 MB/s on one
 * core including JSON scanning), so most text never goes near utf8proc.
 * Printable ASCII with single spaces is lower-cased eight bytes at a time;
 * other ASCII byte by byte; a non-ASCII character that NFKC and case
 * folding leave alone ("simple": no decomposition, no case folding, a
 * starter that never composes onto a preceding character) is copied; only
 * the short runs of other characters, together with the one character
 * before them that they may compose with, go through utf8proc.
 *
 * Why that is exact: a boundary just before an ASCII character or a
 * simple character is one that NFKC never crosses.  Such a character has
 * combining class 0, so canonical reordering stops at it, and it is never
 * the second half of a canonical composition, so nothing before it can
 * absorb it.  Case folding and compatibility mapping work per character.
 * The unit test compares the result with whole-string utf8proc.
 */
#include "hash.h"

#include <utf8proc.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "utf8.h"

/* Byte classes of the ASCII fast path. */
enum { B_CHAR = 0, B_SPACE = 1, B_HIGH = 2 };

/* ASCII whitespace: TAB, LF, VT, FF, CR and space. */
#define SPACE_MASK ((1ull << ' ') | (1ull << '\t') | (1ull << '\n') | \
	(1ull << '\v') | (1ull << '\f') | (1ull << '\r'))

static inline int
byteclass(unsigned char c)
{
	if (c >= 0x80)
		return B_HIGH;
	return c <= ' ' && (SPACE_MASK >> c & 1) ? B_SPACE : B_CHAR;
}

static inline unsigned char
ascii_lower(unsigned char c)
{
	return (unsigned char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
}

/*
 * Unicode White_Space beyond ASCII: NEL, NBSP, the Zs spaces, line and
 * paragraph separators.  Listed rather than taken from the general
 * category so that U+200B (which Unicode does not call a space) stays out.
 */
static int
is_uspace(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	switch (c) {
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return 1;
	}
	return c >= 0x2000 && c <= 0x200A;
}

/*
 * Quotes and dashes that scrapers and editors substitute for each other.
 * Folded before decomposition, so fullwidth and compatibility forms that
 * NFKC maps to ASCII need no entry here.
 */
static utf8proc_int32_t
fold_punct(utf8proc_int32_t c, void *unused)
{
	(void)unused;
	switch (c) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:	/* ‘ ’ ‚ ‛ */
	case 0x2032: case 0x2035: case 0x2039: case 0x203A:	/* ′ ‵ ‹ › */
	case 0x02BC: case 0x00B4:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F:	/* “ ” „ ‟ */
	case 0x2033: case 0x2036: case 0x00AB: case 0x00BB:	/* ″ ‶ « » */
	case 0x301D: case 0x301E: case 0x301F:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013:	/* ‐ ‑ ‒ – */
	case 0x2014: case 0x2015: case 0x2212: case 0x2E3A:	/* — ― − ⸺ */
	case 0x2E3B: case 0xFE58:
		return '-';
	}
	return c;
}

/* Scratch space for the slow path; per thread, grown as needed, never freed. */
static _Thread_local utf8proc_int32_t *cpbuf;
static _Thread_local size_t cpcap;
static _Thread_local struct sc_buf repairbuf;

/*
 * Append the full normal form of a run p[0..n) to out (the run may hold
 * Unicode whitespace, but no ASCII whitespace).  *pending says that a space
 * is owed before the next character; base is where this key started.
 */
static void
norm_run_slow(const char *p, size_t n, struct sc_buf *out, size_t base,
    int *pending)
{
	const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPAT |
	    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
	utf8proc_ssize_t len, i;

	if (cpcap < n + 16) {
		cpcap = 2 * n + 16;
		cpbuf = xreallocarray(cpbuf, cpcap, sizeof *cpbuf);
	}
	for (;;) {
		len = utf8proc_decompose_custom((const utf8proc_uint8_t *)p,
		    (utf8proc_ssize_t)n, cpbuf, (utf8proc_ssize_t)cpcap,
		    opts, fold_punct, NULL);
		if (len == UTF8PROC_ERROR_INVALIDUTF8 && p != repairbuf.p) {
			/* The contract says valid UTF-8; be safe anyway. */
			sc_buf_reset(&repairbuf);
			sc_utf8_repair(p, n, &repairbuf);
			p = repairbuf.p;
			n = repairbuf.len;
			continue;
		}
		if (len < 0)
			return;		/* cannot happen with these options */
		if ((size_t)len <= cpcap)
			break;
		cpcap = (size_t)len + 16;
		cpbuf = xreallocarray(cpbuf, cpcap, sizeof *cpbuf);
	}
	len = utf8proc_normalize_utf32(cpbuf, len, opts);
	if (len < 0)
		return;
	sc_buf_grow(out, (size_t)len * 4 + 1);
	for (i = 0; i < len; i++) {
		utf8proc_int32_t c = cpbuf[i];

		if (is_uspace(c)) {
			if (out->len > base)
				*pending = 1;
			continue;
		}
		/* Composition may form characters the first fold did not see. */
		c = fold_punct(c, NULL);
		if (*pending) {
			out->p[out->len++] = ' ';
			*pending = 0;
		}
		out->len += (size_t)utf8proc_encode_char(c,
		    (utf8proc_uint8_t *)out->p + out->len);
	}
	out->p[out->len] = '\0';
}

/*
 * Eight bytes at a time: most text is printable ASCII with single spaces,
 * which both normal forms copy unchanged (but for case).  A block
 * qualifies when it has no byte >= 0x80, none below 0x20, no two
 * adjacent spaces and no space last; then it needs no state but where its
 * last space was (*spaces: 0x80 in each byte that is a space).
 */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static inline int
plain_block(uint64_t x, uint64_t *spaces)
{
	uint64_t y, sp;

	if ((x | (x - 0x20 * ONES)) & HIGHS)	/* >= 0x80, or < 0x20 */
		return 0;
	y = x ^ (0x20 * ONES);
	sp = ~(((y & ~HIGHS) + ~HIGHS) | y | ~HIGHS);	/* exact: byte == ' ' */
	if ((sp & (sp << 8)) || (sp >> 63))
		return 0;
	*spaces = sp;
	return 1;
}

/* Lower-case the ASCII capitals of a block that passed plain_block(). */
static inline uint64_t
block_lower(uint64_t x)
{
	uint64_t ge_a = x + (0x80 - 'A') * ONES;
	uint64_t gt_z = x + (0x80 - 'Z' - 1) * ONES;

	return x | ((ge_a & ~gt_z & HIGHS) >> 2);
}

static inline uint64_t
load64(const unsigned char *s)
{
	uint64_t x;

	memcpy(&x, s, 8);
	return x;
}

static inline void
store64(char *o, uint64_t x)
{
	memcpy(o, &x, 8);
}

/*
 * Starters (combining class 0) that are the second half of a canonical
 * composition: Indic two-part vowel signs, and the Hangul medial vowels
 * and final consonants.  Found by enumerating utf8proc's decompositions
 * (test_hash compares the result with utf8proc on each of them).
 */
static int
composes_after(int32_t c)
{
	switch (c) {
	case 0x09BE: case 0x09D7: case 0x0B3E: case 0x0B56: case 0x0B57:
	case 0x0BBE: case 0x0BD7: case 0x0CC2: case 0x0CD5: case 0x0CD6:
	case 0x0D3E: case 0x0D57: case 0x0DCF: case 0x0DDF: case 0x102E:
	case 0x1B35: case 0x11127: case 0x1133E: case 0x11357: case 0x114B0:
	case 0x114BA: case 0x114BD: case 0x115AF: case 0x11930:
		return 1;
	}
	return (c >= 0x1161 && c <= 0x1175) || (c >= 0x11A8 && c <= 0x11C2);
}

/*
 * What the full form does with a non-ASCII character c outside a run
 * that needs utf8proc: copy it (1), replace it by the ASCII fold_punct()
 * gives (2), or neither (0: utf8proc must see it).
 */
static int
direct_cp(int32_t c)
{
	const utf8proc_property_t *pr;

	if (fold_punct(c, NULL) != c)
		return 2;
	if (is_uspace(c) || (c >= 0xAC00 && c <= 0xD7A3) ||
	    composes_after(c))
		return 0;
	pr = utf8proc_get_property(c);
	return pr->combining_class == 0 && pr->decomp_seqindex == UINT16_MAX &&
	    pr->casefold_seqindex == UINT16_MAX && !pr->ignorable;
}

/*
 * The output index lives in a local (ol) while bytes are stored through a
 * char pointer: stores through char may alias out->len, and the compiler
 * would reload it after every byte.
 *
 * prev_in/prev_out: bytes of input and output of the character just
 * written when it was ASCII or direct (0 after whitespace or a utf8proc
 * run); a run that needs utf8proc starts with that character, because a
 * combining mark may compose onto it.
 */
static void
norm_full(const char *p, size_t n, struct sc_buf *out)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t base = out->len, ol = out->len, i = 0;
	size_t prev_in = 0, prev_out = 0;
	int pending = 0;
	char *o;

	sc_buf_grow(out, n + 1);
	o = out->p;
	while (i < n) {
		unsigned char c;
		int cls;

		/* Blocks run only right after a character was written. */
		if (!pending && ol > base) {
			uint64_t sp;

			while (i + 8 <= n && plain_block(load64(s + i), &sp)) {
				store64(o + ol, block_lower(load64(s + i)));
				i += 8;
				ol += 8;
				prev_in = prev_out = 1;
			}
			if (i == n)
				break;
		}
		c = s[i];
		cls = byteclass(c);
		if (cls == B_CHAR) {
			if (pending) {
				o[ol++] = ' ';
				pending = 0;
			}
			do {
				o[ol++] = (char)ascii_lower(c);
				if (++i == n)
					break;
				c = s[i];
			} while (byteclass(c) == B_CHAR);
			prev_in = prev_out = 1;
		} else if (cls == B_SPACE) {
			if (ol > base)
				pending = 1;
			while (++i < n && byteclass(s[i]) == B_SPACE)
				;
			prev_in = prev_out = 0;
		} else {
			uint32_t cp;
			int bad = 0, how;
			size_t k = sc_utf8_next(s + i, n - i, &cp, &bad);
			size_t start, e;

			how = bad ? 0 : direct_cp((int32_t)cp);
			if (how) {
				if (pending) {
					o[ol++] = ' ';
					pending = 0;
				}
				if (how == 1) {
					memcpy(o + ol, s + i, k);
					prev_out = k;
				} else {
					o[ol] = (char)fold_punct((int32_t)cp, NULL);
					prev_out = 1;
				}
				ol += prev_out;
				prev_in = k;
				i += k;
				continue;
			}
			/* A run for utf8proc: back to the character before it. */
			start = i - prev_in;
			ol -= prev_out;
			for (e = i + k; e < n && s[e] >= 0x80; e += k) {
				k = sc_utf8_next(s + e, n - e, &cp, &bad);
				if (!bad && direct_cp((int32_t)cp))
					break;
			}
			out->len = ol;
			norm_run_slow(p + start, e - start, out, base,
			    &pending);
			/* The slow path may have grown the buffer. */
			if (out->cap - out->len < n - e + 2)
				sc_buf_grow(out, n - e + 1);
			o = out->p;
			ol = out->len;
			i = e;
			prev_in = prev_out = 0;
		}
	}
	o[ol] = '\0';
	out->len = ol;
}

static void
norm_space(const char *p, size_t n, struct sc_buf *out)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t base = out->len, ol = out->len, i = 0;
	int pending = 0;
	char *o;

	sc_buf_grow(out, n + 1);
	o = out->p;
	while (i < n) {
		unsigned char c;
		int cls;
		size_t k = 1;

		if (!pending && ol > base) {
			uint64_t sp;

			while (i + 8 <= n && plain_block(load64(s + i), &sp)) {
				store64(o + ol, load64(s + i));
				i += 8;
				ol += 8;
			}
			if (i == n)
				break;
		}
		c = s[i];
		cls = byteclass(c);

		if (cls == B_HIGH) {
			uint32_t cp;

			k = sc_utf8_next(s + i, n - i, &cp, NULL);
			cls = is_uspace((int32_t)cp) ? B_SPACE : B_CHAR;
		}
		if (cls == B_SPACE) {
			if (ol > base)
				pending = 1;
			i += k;
			continue;
		}
		if (pending) {
			o[ol++] = ' ';
			pending = 0;
		}
		if (k > 1) {
			memcpy(o + ol, s + i, k);
			ol += k;
			i += k;
			continue;
		}
		do {
			o[ol++] = (char)c;
			if (++i == n)
				break;
			c = s[i];
		} while (byteclass(c) == B_CHAR);
	}
	o[ol] = '\0';
	out->len = ol;
}

void
sc_normkey(const char *p, size_t n, enum sc_norm_level level, struct sc_buf *out)
{
	switch (level) {
	case SC_NORM_NONE:
		sc_buf_add(out, p, n);
		break;
	case SC_NORM_SPACE:
		norm_space(p, n, out);
		break;
	case SC_NORM_FULL:
		norm_full(p, n, out);
		break;
	}
}

void
sc_hash128(const void *p, size_t n, uint64_t out[2])
{
	XXH128_hash_t h = XXH3_128bits(p, n);

	out[0] = h.low64;
	out[1] = h.high64;
}

uint64_t
sc_hash64(const void *p, size_t n, uint64_t seed)
{
	return XXH3_64bits_withSeed(p, n, seed);
}

/* Big-endian, high half first: the same digits as XXH128's canonical form. */
void
sc_hash128_hex(const uint64_t h[2], char out[33])
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 16; i++) {
		out[i] = hex[(h[1] >> (60 - 4 * i)) & 15];
		out[16 + i] = hex[(h[0] >> (60 - 4 * i)) & 15];
	}
	out[32] = '\0';
}

/*
 * Charikar's SimHash: each feature (a word 3-gram of the full normal form,
 * or the whole text when it has fewer than three words) votes +1 or -1 on
 * each of the 64 bits of its hash; the sign of each sum is the bit.
 */
uint64_t
sc_simhash64(const char *p, size_t n)
{
	struct sc_buf norm = { 0 };
	int32_t votes[64] = { 0 };
	size_t wpos[3], nwords = 0, i, start;
	uint64_t h = 0;
	int b;

	sc_normkey(p, n, SC_NORM_FULL, &norm);
	if (norm.len == 0) {
		sc_buf_free(&norm);
		return 0;
	}
	/* Words of the normal form are separated by exactly one space. */
	start = 0;
	for (i = 0; i <= norm.len; i++) {
		if (i < norm.len && norm.p[i] != ' ')
			continue;
		wpos[nwords % 3] = start;
		nwords++;
		if (nwords >= 3) {
			size_t s0 = wpos[nwords % 3];
			uint64_t f = sc_hash64(norm.p + s0, i - s0, 0);

			for (b = 0; b < 64; b++)
				votes[b] += (f >> b & 1) ? 1 : -1;
		}
		start = i + 1;
	}
	if (nwords < 3) {
		uint64_t f = sc_hash64(norm.p, norm.len, 0);

		for (b = 0; b < 64; b++)
			votes[b] += (f >> b & 1) ? 1 : -1;
	}
	for (b = 0; b < 64; b++)
		if (votes[b] > 0)
			h |= (uint64_t)1 << b;
	sc_buf_free(&norm);
	return h;
}
