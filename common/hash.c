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
/*
 * Long inputs (whole documents, for the memos of scstrip) are hashed
 * with AVX2 when the processor has it, chosen at run time: the same
 * XXH3 value, in half the vector instructions of SSE2.  The accumulators
 * are aligned for either.
 */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__AVX2__)
#define SC_XXH_AVX2 1
#define XXH_DISPATCH_AVX2 1
#define XXH_TARGET_AVX2 __attribute__((__target__("avx2")))
#define XXH_ACC_ALIGN 32
#include <immintrin.h>
#endif
#define XXH_INLINE_ALL
#include <xxhash.h>
/* xxHash 0.8.0 and 0.8.1 name the internals used below so. */
#if defined(SC_XXH_AVX2) && (XXH_VERSION_NUMBER < 800 || XXH_VERSION_NUMBER > 801)
#undef SC_XXH_AVX2
#endif

#include "simd.h"
#include "utf8.h"

/* Byte classes of the ASCII fast path. */
enum { B_CHAR = 0, B_SPACE = 1, B_HIGH = 2, B_CTRL = 3 };

/* ASCII whitespace: TAB, LF, VT, FF, CR and space. */
#define SPACE_MASK ((1ull << ' ') | (1ull << '\t') | (1ull << '\n') | \
	(1ull << '\v') | (1ull << '\f') | (1ull << '\r'))

/* C0 controls other than whitespace go, as the stream's normalisation does. */
static inline int
byteclass(unsigned char c)
{
	if (c >= 0x80)
		return B_HIGH;
	if (c > ' ')
		return B_CHAR;
	return SPACE_MASK >> c & 1 ? B_SPACE : B_CTRL;
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
static _Thread_local struct sc_buf repairbuf, ctrlbuf;

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
	size_t k;

	/* Controls go before composition, so they do not block it. */
	for (k = 0; k < n && byteclass((unsigned char)p[k]) != B_CTRL; k++)
		;
	if (k < n) {
		sc_buf_reset(&ctrlbuf);
		for (k = 0; k < n; k++)
			if (byteclass((unsigned char)p[k]) != B_CTRL)
				sc_buf_addc(&ctrlbuf, p[k]);
		p = ctrlbuf.p ? ctrlbuf.p : "";
		n = ctrlbuf.len;
	}
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
 * Eight bytes at a time.  A block of ASCII without controls is folded
 * whole: capitals lowered, each whitespace byte made a space, and every
 * whitespace byte that follows another dropped, so a run leaves its first
 * byte as its one space (the text's last space is taken back at the end).
 * The dropping is a branch-free compaction: each byte is stored and the
 * output advances by its keep bit.
 */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* 0x80 in each byte of x (all below 0x80) that is below n (n <= 0x80). */
static inline uint64_t
bytes_below(uint64_t x, unsigned n)
{
	return ~((x | HIGHS) - n * ONES) & HIGHS;
}

/*
 * Fold block x; *ws gets 0x80 in each whitespace byte.  Returns 0 when
 * the block has a byte >= 0x80 or a control, which the byte loop takes.
 */
static inline int
fold_block(uint64_t x, uint64_t *folded, uint64_t *ws)
{
	uint64_t lt21, ctrl, up, wsff, y;

	if (x & HIGHS)
		return 0;
	lt21 = bytes_below(x, 0x21);
	if (lt21) {
		ctrl = bytes_below(x, 0x09) |
		    (bytes_below(x, 0x20) & ~bytes_below(x, 0x0E));
		if (ctrl)
			return 0;
	}
	up = ~bytes_below(x, 'A') & bytes_below(x, 'Z' + 1);
	y = x | (up >> 2);
	wsff = (lt21 >> 7) * 0xFF;
	*folded = (y & ~wsff) | (wsff & (0x20 * ONES));
	*ws = lt21;
	return 1;
}

/* No byte >= 0x80 or < 0x20, no two spaces together, no space last. */
static inline int
plain_ascii(uint64_t x)
{
	uint64_t sp;

	if ((x & HIGHS) || bytes_below(x, 0x20))
		return 0;
	sp = bytes_below(x ^ (0x20 * ONES), 1);
	return !(sp & (sp << 8)) && !(sp >> 63);
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
 * that needs utf8proc: copy it (D_COPY), write the bytes of its own
 * normal form instead (D_MAP), or neither (D_SLOW: utf8proc must see it).
 *
 * D_COPY: NFKC and case folding leave c alone and it is a starter that
 * composes with nothing before it.
 *
 * D_MAP covers the common rest: capitals (É, Б, Σ), precomposed letters
 * (é, which NFKC takes apart and puts back), ligatures, and the quotes
 * and dashes of fold_punct().  c is a starter whose decomposition begins
 * with a starter that composes with nothing before it (not a Hangul vowel
 * or final, not an Indic second half), so nothing crosses the boundary
 * before c; the character after it is ASCII or again D_COPY or D_MAP
 * (else the run for utf8proc starts back at c), so nothing crosses the
 * boundary after it.  Between two such boundaries the normal form of the
 * text is that of each piece: c's own, worked out once here by the same
 * steps as norm_run_slow().  A form with white space in it, longer than c
 * (the output buffer is sized by the input) or empty stays with utf8proc.
 */
enum { D_SLOW = 0, D_COPY = 1, D_MAP = 2 };
#define DMAP_MAX 10

struct dinfo {
	int32_t cp;
	int8_t how;
	uint8_t len;		/* D_MAP: bytes of out */
	char out[DMAP_MAX];
};

static int
starts_clean(int32_t c)
{
	return utf8proc_get_property(c)->combining_class == 0 &&
	    !composes_after(c) && !(c >= 0x1160 && c <= 0x11FF);
}

static void
direct_cp(int32_t c, struct dinfo *di)
{
	const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPAT |
	    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
	const utf8proc_property_t *pr;
	utf8proc_int32_t d[16];
	utf8proc_ssize_t len, i;
	uint8_t enc[4];
	size_t k, need;

	di->how = D_SLOW;
	di->len = 0;
	if (fold_punct(c, NULL) != c) {
		di->how = D_MAP;
		di->out[0] = (char)fold_punct(c, NULL);
		di->len = 1;
		return;
	}
	if (is_uspace(c) || (c >= 0xAC00 && c <= 0xD7A3) || composes_after(c))
		return;
	pr = utf8proc_get_property(c);
	if (pr->combining_class != 0 || pr->ignorable)
		return;
	if (pr->decomp_seqindex == UINT16_MAX && pr->casefold_seqindex == UINT16_MAX) {
		di->how = D_COPY;
		return;
	}
	/* c's own normal form, as norm_run_slow() would make it. */
	k = (size_t)utf8proc_encode_char(c, enc);
	len = utf8proc_decompose_custom(enc, (utf8proc_ssize_t)k, d, 16, opts,
	    fold_punct, NULL);
	if (len <= 0 || len > 16 || !starts_clean(d[0]))
		return;
	len = utf8proc_normalize_utf32(d, len, opts);
	if (len <= 0)
		return;
	for (i = 0, need = 0; i < len; i++) {
		utf8proc_int32_t f = fold_punct(d[i], NULL);

		if (is_uspace(f) || need + 4 > DMAP_MAX)
			return;
		need += (size_t)utf8proc_encode_char(f, (utf8proc_uint8_t *)di->out + need);
	}
	if (need == 0 || need > k)
		return;
	di->len = (uint8_t)need;
	di->how = D_MAP;
}

/*
 * direct_cp() of the characters met last: text repeats its alphabet.  A
 * thousand slots picked by a multiplicative hash, so that Latin-1, Cyrillic
 * and a page of CJK do not evict each other (with c & 255 they did: three
 * times the misses on a generated corpus of mixed languages).
 */
static _Thread_local struct dinfo dcache[1024];

static inline const struct dinfo *
direct_cached(int32_t c)
{
	struct dinfo *di = &dcache[(uint32_t)c * 0x9E3779B1u >> 22];

	if (di->cp != c) {
		di->cp = c;
		direct_cp(c, di);
	}
	return di;
}

/*
 * Whether the letters the blocks of norm_full() copy as they are, U+00E0..
 * U+00FF (C3 A0..BF) and U+0430..U+045F (D0 B0..BF, D1 80..9F), are each
 * their own normal form and direct (copied, or mapped to their own bytes):
 * then a block of them and ASCII comes out as the byte loop would write
 * it.  Checked once against utf8proc rather than assumed.
 */
static int
copy_pairs_ok(void)
{
	static _Thread_local int ok = -1;
	int32_t c;

	if (ok >= 0)
		return ok;
	ok = 1;
	for (c = 0xE0; c <= 0x45F; c++) {
		const struct dinfo *di;
		char enc[2];

		if (c == 0x100)
			c = 0x430;
		di = direct_cached(c);
		enc[0] = (char)(0xC0 | c >> 6);
		enc[1] = (char)(0x80 | (c & 0x3F));
		if (di->how != D_COPY &&
		    !(di->how == D_MAP && di->len == 2 && memcmp(di->out, enc, 2) == 0))
			ok = 0;
	}
	return ok;
}

/*
 * Whether a (a lead byte) and b (the byte after it) are one of those
 * letters, by the continuation's top bits (D0 B0-BF, D1 80-9F, C3
 * A0-BF).  Written with & and | only, so that it serves both the blocks
 * of norm_full(), on sixteen lanes at once, and a single pair of bytes.
 */
#define COPY_PAIR(a, b) ((((a) == 0xD0) & (((b) & 0xF0) == 0xB0)) | \
	(((a) == 0xD1) & (((b) & 0xE0) == 0x80)) | (((a) == 0xC3) & (((b) & 0xE0) == 0xA0)))

/* Two- and three-byte sequences inline; anything else by sc_utf8_next(). */
static inline size_t
decode_utf8(const unsigned char *s, size_t n, uint32_t *cp, int *bad)
{
	unsigned c = s[0];

	if (c >= 0xC2 && c < 0xE0 && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*cp = (c & 0x1F) << 6 | (s[1] & 0x3Fu);
		return 2;
	}
	if (c >= 0xE0 && c < 0xF0 && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		uint32_t v = (c & 0x0F) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);

		if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
			*cp = v;
			return 3;
		}
	}
	return sc_utf8_next(s, n, cp, bad);
}

/*
 * Eight folded bytes y, with ws marking their white space: a space is kept
 * unless the byte before it (carry: the last of the previous eight) was one.
 */
static inline void
put_folded8(char *o, size_t *ol, uint64_t y, uint64_t ws, uint64_t *carry)
{
	uint64_t keep = ~(ws & (ws << 8 | *carry)) & HIGHS;

	if (keep == HIGHS) {
		store64(o + *ol, y);
		*ol += 8;
	} else {
		for (int j = 0; j < 8; j++) {
			o[*ol] = (char)(y >> (8 * j));
			*ol += keep >> (8 * j + 7) & 1;
		}
	}
	*carry = ws >> 56;
}

/*
 * The first m (1 <= m <= w) of w (16 or 32) folded bytes at y, but for the
 * lanes in drop (the white space after white space).  Pieces are stored w
 * bytes at a time and the index moves by what counts, so the last piece
 * may end up to 2w - 1 bytes past *ol.  norm_full keeps room at *ol for
 * the rest of the input and one byte (the fast paths never come out
 * longer), which is 17 bytes at a sixteen-byte block, at least sixteen
 * from the end, and PUT_SLACK more.  (Without the slack a block with a
 * dropped space near the end of a text wrote past the buffer: fuzz_hash
 * found it.)  The blocks of thirty-two bytes (blocks32) store up to 63
 * bytes past *ol with at least 34 bytes of input and so 66 bytes of room
 * left.  Always inlined, so that w is a constant at each caller.
 */
#define PUT_SLACK 32

static inline __attribute__((always_inline)) void
put_folded(char *o, size_t *ol, const void *y, unsigned w, unsigned m, uint32_t drop)
{
	char t[64];
	unsigned pos = 0;

	if (drop == 0) {
		memcpy(o + *ol, y, w);
		*ol += m;
		return;
	}
	memcpy(t, y, w);
	memcpy(t + w, y, w);	/* defined bytes past the last piece's end */
	do {
		unsigned d = (unsigned)__builtin_ctz(drop);

		memcpy(o + *ol, t + pos, w);
		*ol += d - pos;
		pos = d + 1;
		drop &= drop - 1;
	} while (drop);
	memcpy(o + *ol, t + pos, w);
	*ol += m - pos;
}

#ifdef SC_X86_AVX2
/*
 * COPY_PAIR() of 32 lanes as a mask, by three table lookups (pshufb): the
 * lead byte's high and low nibble each give the letters' classes they
 * allow (C3: A; D0: B; D1: C), and so does the next byte's high nibble
 * (A: A0-BF, B: B0-BF, C: 80-9F); a pair is a lane where a class is left.
 * (The compares of COPY_PAIR took 38 instructions: the compiler made each
 * of its six constants again in every block.)
 */
#define PAIR_A 1
#define PAIR_B 2
#define PAIR_C 4
#define NIBBLE_TABLE(...) { __VA_ARGS__, __VA_ARGS__ }

static __attribute__((target("avx2"))) inline uint32_t
copy_pairs32(sc_u8x32 v, sc_u8x32 v1)
{
	static const sc_c8x32 lead_hi = NIBBLE_TABLE(0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0, 0, 0, PAIR_A, PAIR_B | PAIR_C, 0, 0);
	static const sc_c8x32 lead_lo = NIBBLE_TABLE(PAIR_B, PAIR_C, 0, PAIR_A,
	    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	static const sc_c8x32 cont_hi = NIBBLE_TABLE(0, 0, 0, 0, 0, 0, 0, 0,
	    PAIR_C, PAIR_C, PAIR_A, PAIR_A | PAIR_B, 0, 0, 0, 0);
	typedef uint16_t u16x16 __attribute__((vector_size(32)));
	const sc_u8x32 low = (sc_u8x32){ 0 } + 0x0F;
	sc_u8x32 vh = (sc_u8x32)((u16x16)v >> 4) & low;
	sc_u8x32 v1h = (sc_u8x32)((u16x16)v1 >> 4) & low;
	sc_c8x32 c = __builtin_ia32_pshufb256(lead_hi, (sc_c8x32)vh) &
	    __builtin_ia32_pshufb256(lead_lo, (sc_c8x32)(v & low)) &
	    __builtin_ia32_pshufb256(cont_hi, (sc_c8x32)v1h);

	return ~(uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)(c == 0));
}

/*
 * The blocks of norm_full() thirty-two bytes at a time, where the
 * processor has AVX2 (chosen once, as the other wide loops are; SC_NO_AVX2
 * forces the sixteen-byte loop).  The same steps on twice the lanes, so
 * the same bytes come out: which bytes a block takes is decided byte by
 * byte (a pair of a copied letter by its two bytes), never by where a
 * block starts.  Runs while 33 bytes are left (the pair test reads one
 * byte past the block); returns 1 when it stopped before a byte the
 * character loop takes, 0 when fewer bytes are left, for the sixteen-byte
 * loop to go on from.
 */
static __attribute__((target("avx2"))) int
blocks32(const unsigned char *s, size_t *ip, size_t n, char *o, size_t *olp,
    uint64_t *carryp, unsigned *last2p, int pairs)
{
	size_t i = *ip, ol = *olp;
	uint64_t carry = *carryp;
	unsigned last2 = *last2p;
	int stopped = 0;

	while (i + 33 <= n) {
		sc_u8x32 v, v1;
		sc_s8x32 vs, yv, lt20;
		uint32_t hi, lead = 0, cont = 0, ctl, bad = 0, wsm;
		unsigned m = 32;

		memcpy(&v, s + i, 32);
		vs = (sc_s8x32)v;
		hi = (uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)v);
		lt20 = (sc_s8x32)(v < 0x20);
		ctl = (uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)lt20);
		yv = vs | (((sc_u8x32)(v - 'A') < 26) & 0x20);
		if (ctl) {
			bad = (uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)((v < 0x09) |
			    ((sc_u8x32)(v - 0x0E) < 0x12)));
			yv = (yv & ~lt20) | (lt20 & 0x20);
		}
		if (hi) {
			if (!pairs) {
				bad |= hi;
			} else {
				memcpy(&v1, s + i + 1, 32);
				lead = copy_pairs32(v, v1);
				cont = lead << 1;
				bad |= hi & ~(lead | cont);
			}
		}
		if (bad) {
			m = (unsigned)__builtin_ctz(bad);
			if (m == 0) {
				stopped = 1;
				break;
			}
			lead &= (1u << m) - 1;
		}
		wsm = (ctl | (uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)(vs == 0x20))) &
		    (uint32_t)(0xFFFFFFFFull >> (32 - m));
		put_folded(o, &ol, &yv, 32, m, wsm & ((wsm << 1) | (uint32_t)(carry >> 7)));
		carry = (uint64_t)(wsm >> (m - 1) & 1) << 7;
		i += m;
		if (m == 32) {
			last2 = lead & 0xC0000000u;
			if (lead >> 31)
				o[ol++] = (char)s[i++];
			continue;
		}
		last2 = cont >> (m - 1) & 1;
		stopped = 1;
		break;
	}
	*ip = i;
	*olp = ol;
	*carryp = carry;
	*last2p = last2;
	return stopped;
}
#endif

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
	const int pairs = copy_pairs_ok();
#ifdef SC_X86_AVX2
	const int wide = sc_cpu_avx2();
#endif
	char *o;

	sc_buf_grow(out, n + 1 + PUT_SLACK);
	o = out->p;
	while (i < n) {
		unsigned char c;
		int cls;

		/*
		 * Blocks start at an ASCII byte or a letter they copy, so that
		 * each takes at least one character: the set-up and take-back
		 * around a block that took nothing cost more than the character
		 * (a first block that fails leaves the state as it found it).
		 */
		if (i + 8 <= n && (!(sc_load64(s + i) & HIGHS) ||
		    (i + 17 <= n && (s[i] < 0x80 ? byteclass(s[i]) != B_CTRL :
		    s[i] == 0xD0 || s[i] == 0xD1 || s[i] == 0xC3)))) {
			uint64_t y, ws, carry;
			size_t i0 = i;
			unsigned last2 = 0;	/* the last character taken has two bytes */

			/*
			 * Into the blocks' way of owing a space: written at once,
			 * taken back if nothing follows.  Before the first
			 * character, whitespace counts as already seen.
			 */
			carry = pending || ol == base ? 0x80 : 0;
			if (pending) {
				o[ol++] = ' ';
				pending = 0;
			}
			/*
			 * The same, sixteen bytes at a time with vector compares,
			 * and lower-case letters of Latin-1 and Cyrillic among
			 * them copied as they are (their own normal form, see
			 * copy_pairs_ok); a letter that straddles the sixteenth
			 * byte takes its continuation byte along.  A block ends
			 * before its first other byte (a control, a capital, a
			 * quote mark, CJK ...): the bytes before it are taken
			 * here and that character by the loop below, instead of
			 * the whole block going byte by byte.
			 */
#ifdef SC_X86_AVX2
			if (wide && i + 33 <= n) {
				/*
				 * Through copies: with their addresses taken, the
				 * loops' own variables would live in memory.
				 */
				size_t wi = i, wol = ol;
				uint64_t wcarry = carry;
				unsigned wlast2 = last2;
				int stopped = blocks32(s, &wi, n, o, &wol, &wcarry, &wlast2, pairs);

				i = wi;
				ol = wol;
				carry = wcarry;
				last2 = wlast2;
				if (stopped)
					goto taken;
			}
#endif
			while (i + 16 <= n) {
				sc_u8x16 v = sc_load16(s + i);
				sc_i8x16 vs = (sc_i8x16)v, yv, lt20;
				unsigned hi = sc_mask16(vs < 0), lead = 0, cont = 0, m = 16;
				unsigned ctl, bad = 0, wsm;

				/*
				 * Bytes below 0x20 are rare in text but for line
				 * ends: which of them are controls (bad) and the
				 * white space to make a space are worked out only
				 * when a block has one.
				 */
				lt20 = (sc_i8x16)(v < 0x20);
				ctl = sc_mask16(lt20);
				yv = vs | (((sc_u8x16)(v - 'A') < 26) & 0x20);
				if (ctl) {
					bad = sc_mask16((v < 0x09) | ((sc_u8x16)(v - 0x0E) < 0x12));
					yv = (yv & ~lt20) | (lt20 & 0x20);
				}
				if (hi) {
					sc_u8x16 v1;

					if (i + 17 > n || !pairs) {
						bad |= hi;
					} else {
						v1 = sc_load16(s + i + 1);
						lead = sc_mask16(COPY_PAIR(v, v1));
						cont = (lead << 1) & 0xFFFF;
						bad |= hi & ~(lead | cont);
					}
				}
				if (bad) {
					/*
					 * A pair's continuation is never bad, so the lane
					 * before the first bad one is no lead.
					 */
					m = (unsigned)__builtin_ctz(bad);
					if (m == 0)
						break;
					lead &= (1u << m) - 1;
				}
				/* White space: the bytes up to 0x20. */
				wsm = (ctl | sc_mask16(vs == 0x20)) & (0xFFFFu >> (16 - m));
				put_folded(o, &ol, &yv, 16, m, wsm & ((wsm << 1) | (unsigned)(carry >> 7)));
				carry = (uint64_t)(wsm >> (m - 1) & 1) << 7;
				i += m;
				if (m == 16) {
					/* Whether the block ended in a two-byte letter. */
					last2 = lead & 0xC000;
					if (lead >> 15)
						o[ol++] = (char)s[i++];
					continue;
				}
				/* The character loop takes the character at i. */
				last2 = cont >> (m - 1) & 1;
				break;
			}
			while (i + 8 <= n && fold_block(sc_load64(s + i), &y, &ws)) {
				put_folded8(o, &ol, y, ws, &carry);
				i += 8;
				last2 = 0;
			}
#ifdef SC_X86_AVX2
		taken:
#endif
			if (carry) {
				/* Back to owing the space, if one was written. */
				if (ol > base && o[ol - 1] == ' ') {
					ol--;
					pending = 1;
				}
				prev_in = prev_out = 0;
			} else if (i > i0) {
				prev_in = prev_out = last2 ? 2 : 1;
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
				o[ol++] = (char)sc_ascii_lower(c);
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
		} else if (cls == B_CTRL) {
			/* Gone, but a run for utf8proc still reaches across it. */
			i++;
			if (prev_in > 0)
				prev_in++;
		} else {
			uint32_t cp;
			int bad = 0, how;
			const struct dinfo *di;
			size_t k = decode_utf8(s + i, n - i, &cp, &bad);
			size_t start, e;

			how = bad ? D_SLOW : (di = direct_cached((int32_t)cp))->how;
			if (how != D_SLOW) {
				if (pending) {
					o[ol++] = ' ';
					pending = 0;
				}
				if (how == D_COPY) {
					/* two to four bytes: stores, not a call */
					o[ol] = (char)s[i];
					o[ol + 1] = (char)s[i + 1];
					if (k > 2) {
						o[ol + 2] = (char)s[i + 2];
						if (k > 3)
							o[ol + 3] = (char)s[i + 3];
					}
					prev_out = k;
				} else {
					memcpy(o + ol, di->out, di->len);
					prev_out = di->len;
				}
				ol += prev_out;
				prev_in = k;
				i += k;
				/*
				 * The two- and three-byte characters that follow (a
				 * Cyrillic or Greek word, a line of Chinese), with no
				 * trip round the loop.
				 */
				while (i + 1 < n && s[i] >= 0xC2 && s[i] < 0xF0) {
					uint32_t c2;
					int bad2 = 0;
					size_t k2;

					/*
					 * The rest of a word after a capital (Москва),
					 * where the blocks copy the small letters: back
					 * to them.  (A three-byte character, in a run of
					 * CJK, is none: the one test passes it.)
					 */
					if (pairs && i + 17 <= n && s[i] < 0xE0 && COPY_PAIR(s[i], s[i + 1]))
						break;
					k2 = decode_utf8(s + i, n - i, &c2, &bad2);
					if (bad2)
						break;
					di = direct_cached((int32_t)c2);
					if (di->how == D_COPY) {
						o[ol] = (char)s[i];
						o[ol + 1] = (char)s[i + 1];
						if (k2 > 2)
							o[ol + 2] = (char)s[i + 2];
						prev_out = k2;
					} else if (di->how == D_MAP) {
						memcpy(o + ol, di->out, di->len);
						prev_out = di->len;
					} else {
						break;
					}
					ol += prev_out;
					prev_in = k2;
					i += k2;
				}
				continue;
			}
			/* A run for utf8proc: back to the character before it. */
			start = i - prev_in;
			ol -= prev_out;
			for (e = i + k; e < n; e += k) {
				if (s[e] < 0x80) {
					if (byteclass(s[e]) != B_CTRL)
						break;
					k = 1;
					continue;
				}
				k = decode_utf8(s + e, n - e, &cp, &bad);
				if (!bad && direct_cached((int32_t)cp)->how != D_SLOW)
					break;
			}
			out->len = ol;
			norm_run_slow(p + start, e - start, out, base,
			    &pending);
			/* The slow path may have grown the buffer. */
			if (out->cap - out->len < n - e + 2 + PUT_SLACK)
				sc_buf_grow(out, n - e + 1 + PUT_SLACK);
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
			/* Printable ASCII with single spaces is copied as it is. */
			while (i + 8 <= n && plain_ascii(sc_load64(s + i))) {
				store64(o + ol, sc_load64(s + i));
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

#ifdef SC_XXH_AVX2
static XXH_TARGET_AVX2 XXH128_hash_t
hash128_long_avx2(const void *p, size_t n)
{
	return XXH3_hashLong_128b_internal(p, n, XXH3_kSecret, sizeof(XXH3_kSecret),
	    XXH3_accumulate_512_avx2, XXH3_scrambleAcc_avx2);
}
#endif

void
sc_hash128(const void *p, size_t n, uint64_t out[2])
{
	XXH128_hash_t h;

#ifdef SC_XXH_AVX2
	if (n > XXH3_MIDSIZE_MAX && sc_cpu_avx2())
		h = hash128_long_avx2(p, n);
	else
#endif
		h = XXH3_128bits(p, n);

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
 * each of the 64 bits of its hash; the sign of each sum is the bit.  A bit
 * is set when more than half of the features have it, which is a positive
 * vote sum.
 *
 * Two passes: the features are hashed into an array first, then counted.
 * Counting them as they were hashed kept the counters in memory across
 * each call to XXH3 (which the registers they need do not survive); on
 * their own, the counters stay in registers.
 */

/*
 * XXH3_64bits of a feature, inline: a 3-gram is almost always within
 * XXH3's short-input paths (up to 128 bytes), and the call with its
 * dispatch on the length cost a third of the feature's hash.  Those
 * paths are xxhash.h's own functions (XXH_INLINE_ALL), named as in 0.8;
 * another version takes the public call.
 */
static inline uint64_t
feature_hash(const char *p, size_t n)
{
#if XXH_VERSION_MAJOR == 0 && XXH_VERSION_MINOR == 8
	if (n <= 16)
		return XXH3_len_0to16_64b((const xxh_u8 *)p, n, XXH3_kSecret, 0);
	if (n <= 128)
		return XXH3_len_17to128_64b((const xxh_u8 *)p, n, XXH3_kSecret,
		    sizeof XXH3_kSecret, 0);
#endif
	return XXH3_64bits(p, n);
}

/*
 * The votes are counted eight bits of a feature at a time: counter j
 * holds in its byte k how many features had bit 8k + j set, so a feature
 * costs eight shifts, masks and adds instead of 64 branches.  Two features
 * go side by side in the two halves of a vector, so each operation counts
 * both; the halves are added at the end.
 *
 * Fifteen features (thirty in a vector) are added at once: a tree of full
 * adders (carry-save addition, bit by bit across the fifteen) turns them
 * into four words whose bits count 1, 2, 4 and 8, and those go into the
 * byte counters shifted by their weight.  The bytes are emptied into
 * 64-bit sums before they could pass 255.
 */
typedef uint64_t u64x2 __attribute__((vector_size(16)));

#define LANES 0x0101010101010101ull

#define ADDW(x, sh) do {						\
	vec x_ = (x);							\
	l0 += (x_ & LANES) << (sh);	l1 += (x_ >> 1 & LANES) << (sh);	\
	l2 += (x_ >> 2 & LANES) << (sh);	l3 += (x_ >> 3 & LANES) << (sh);	\
	l4 += (x_ >> 4 & LANES) << (sh);	l5 += (x_ >> 5 & LANES) << (sh);	\
	l6 += (x_ >> 6 & LANES) << (sh);	l7 += (x_ >> 7 & LANES) << (sh);	\
} while (0)

/* Full adder, bit by bit: s the sum bits, c the carries. */
#define FA(a, b, c, s, cy) do {						\
	vec ab_ = (a) ^ (b);						\
	(s) = ab_ ^ (c);						\
	(cy) = ((a) & (b)) | ((c) & ab_);				\
} while (0)

/*
 * Empty the byte counters l[8][w] (w lanes each) into ones[]: the even
 * and the odd bytes of the w lanes summed as sixteen-bit fields first
 * (at most 4 * 255), then the four fields of each sum added on.
 */
#define EVENS 0x00FF00FF00FF00FFull

static inline __attribute__((always_inline)) void
votes_flush(uint64_t ones[64], const uint64_t *l, int w)
{
	int j, x;

	for (j = 0; j < 8; j++) {
		uint64_t e = 0, o = 0;

		for (x = 0; x < w; x++) {
			e += l[j * w + x] & EVENS;
			o += l[j * w + x] >> 8 & EVENS;
		}
		ones[j] += e & 0xFFFF;
		ones[8 + j] += o & 0xFFFF;
		ones[16 + j] += e >> 16 & 0xFFFF;
		ones[24 + j] += o >> 16 & 0xFFFF;
		ones[32 + j] += e >> 32 & 0xFFFF;
		ones[40 + j] += o >> 32 & 0xFFFF;
		ones[48 + j] += e >> 48;
		ones[56 + j] += o >> 48;
	}
}

#define FLUSH() do {							\
	vec l_[8] = { l0, l1, l2, l3, l4, l5, l6, l7 };			\
	votes_flush(ones, (const uint64_t *)l_, W);			\
	l0 = l1 = l2 = l3 = l4 = l5 = l6 = l7 = (vec){ 0 };		\
	inlane = 0;							\
} while (0)

/*
 * ones[b] += how many of f[0..n) have bit b set, W features side by side
 * in a vector of type vec: written once for vectors of two (SSE2) and
 * four (AVX2, where the processor has it).  The features short of a
 * batch of 15 * W go W at a time, then one by one.
 */
#define COUNT_VOTES_BODY						\
	vec l0 = { 0 }, l1 = l0, l2 = l0, l3 = l0, l4 = l0, l5 = l0, l6 = l0, l7 = l0; \
	unsigned inlane = 0;	/* the most any byte counter holds */	\
	size_t i = 0;							\
									\
	for (; i + 15 * W <= n; i += 15 * W) {				\
		vec a[15], s1, c1, s2, c2, s3, c3, s4, c4, s5, c5, s6, c6; \
		vec w1, c7, t1, d1, t2, d2, w2, d3, w4, w8;		\
									\
		if (inlane > 255 - 15)					\
			FLUSH();					\
		memcpy(a, f + i, sizeof a);				\
		FA(a[0], a[1], a[2], s1, c1);				\
		FA(a[3], a[4], a[5], s2, c2);				\
		FA(a[6], a[7], a[8], s3, c3);				\
		FA(a[9], a[10], a[11], s4, c4);				\
		FA(a[12], a[13], a[14], s5, c5);			\
		FA(s1, s2, s3, s6, c6);					\
		FA(s4, s5, s6, w1, c7);					\
		FA(c1, c2, c3, t1, d1);					\
		FA(c4, c5, c6, t2, d2);					\
		FA(t1, t2, c7, w2, d3);					\
		FA(d1, d2, d3, w4, w8);					\
		ADDW(w1, 0);						\
		ADDW(w2, 1);						\
		ADDW(w4, 2);						\
		ADDW(w8, 3);						\
		inlane += 15;						\
	}								\
	/* The rest, fewer than 15 * W: W at a time, then one by one. */ \
	if (inlane > 255 - 30)						\
		FLUSH();						\
	for (; i + W <= n; i += W) {					\
		vec x;							\
									\
		memcpy(&x, f + i, sizeof x);				\
		ADDW(x, 0);						\
	}								\
	for (; i < n; i++) {						\
		vec x = { f[i] };					\
									\
		ADDW(x, 0);						\
	}								\
	FLUSH();

static void
count_votes(const uint64_t *f, size_t n, uint64_t ones[64])
{
	typedef u64x2 vec;
	enum { W = 2 };

	COUNT_VOTES_BODY
}

#ifdef SC_X86_AVX2
typedef uint64_t u64x4 __attribute__((vector_size(32)));

static __attribute__((target("avx2"))) void
count_votes_avx2(const uint64_t *f, size_t n, uint64_t ones[64])
{
	typedef u64x4 vec;
	enum { W = 4 };

	COUNT_VOTES_BODY
}
#endif

#undef COUNT_VOTES_BODY
#undef FLUSH
#undef FA
#undef ADDW

/* Word ends, then feature hashes in their place; per thread, grown as needed. */
static _Thread_local uint64_t *featbuf;
static _Thread_local size_t featcap;

/* Room for at least need entries, keeping the first have. */
static uint64_t *
feat_room(size_t need)
{
	if (featcap < need) {
		featcap = need + need / 2 + 16;
		featbuf = xreallocarray(featbuf, featcap, sizeof *featbuf);
	}
	return featbuf;
}

#ifdef SC_X86_AVX2
#include <immintrin.h>

/*
 * The word ends of sc_simhash64_key() where the processor has AVX2 (and
 * so popcnt and tzcnt): for each 64 bytes, the first twelve spaces are
 * written without a test each (the entries past the mask's count are
 * written too, and left as room), and only a mask with more goes round
 * a loop.  The loop of the other way ends at a count as unpredictable as
 * the text, mispredicted about once a mask; twelve spaces in 64 bytes are
 * rare but for words of three letters.  Returns where the whole 64-byte
 * blocks end, with the ends in (*fp)[0..*nwp).
 */
static __attribute__((target("avx2,popcnt,bmi"))) size_t
word_ends_avx2(const char *key, size_t n, uint64_t **fp, size_t *nwp)
{
	uint64_t *f = *fp;
	size_t nw = *nwp, base;

	for (base = 0; base + 64 <= n; base += 64) {
		sc_u8x32 a, b;
		uint64_t m, *o;
		unsigned cnt, k;

		memcpy(&a, key + base, 32);
		memcpy(&b, key + base + 32, 32);
		m = (uint64_t)(uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)(a == ' ')) |
		    (uint64_t)(uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)(b == ' ')) << 32;
		cnt = (unsigned)_mm_popcnt_u64(m);
		if (nw + 65 > featcap)
			f = feat_room(nw + 65);
		o = f + nw;
#define END_AT(k) (o[k] = base + _tzcnt_u64(m), m = _blsr_u64(m))
		END_AT(0); END_AT(1); END_AT(2); END_AT(3); END_AT(4); END_AT(5);
		END_AT(6); END_AT(7); END_AT(8); END_AT(9); END_AT(10); END_AT(11);
#undef END_AT
		for (k = 12; m; k++) {
			o[k] = base + _tzcnt_u64(m);
			m = _blsr_u64(m);
		}
		nw += cnt;
	}
	*fp = f;
	*nwp = nw;
	return base;
}

#endif

uint64_t
sc_simhash64_key(const char *key, size_t n)
{
	uint64_t ones[64] = { 0 }, h = 0, *f;
	size_t nw = 0, nf, base, start, j;
	int b;

	if (n == 0)
		return 0;
	/*
	 * Words of the normal form are separated by exactly one space, so
	 * every space ends a word, and so does the end of the text.  The
	 * spaces are found 64 bytes at a time, as one mask from four
	 * sixteen-byte compares (a call to memchr() per word cost as much as
	 * the word's vote), and where each word ends goes into f first; a
	 * second loop hashes the 3-grams.  Done together, the two kept a
	 * dozen variables alive across each hash.  The loop over a mask's
	 * spaces ends at a count as unpredictable as the text, its last test
	 * mispredicted about once a mask: masks of 64 bytes rather than 16
	 * took 45K of scmeta -g text's 1.95M simulated mispredicts away, and
	 * with AVX2 word_ends_avx2() writes most masks' ends without the loop.
	 */
	f = feat_room(n / 2 + 66);	/* words of one byte: one end per two bytes */
	base = 0;
#ifdef SC_X86_AVX2
	if (sc_cpu_avx2_bmi())
		base = word_ends_avx2(key, n, &f, &nw);
#endif
	for (; base < n; base += 64) {
		uint64_t m = sc_eqmask64(key + base, n - base, ' ');

		/* Room for its spaces and the end (short only where spaces come together). */
		if (nw + 65 > featcap)
			f = feat_room(nw + 65);
		while (m) {
			f[nw++] = base + (unsigned)__builtin_ctzll(m);
			m &= m - 1;
		}
	}
	f[nw++] = n;
	if (nw < 3) {
		/* The whole text is the one feature. */
		f[0] = XXH3_64bits(key, n);
		nf = 1;
	} else {
		/*
		 * Feature j is words j..j+2: from the start of word j to the
		 * end of word j + 2.  Its hash overwrites the end of word j,
		 * which gives the start of word j + 1 first.
		 */
		nf = nw - 2;
		for (j = 0, start = 0; j < nf; j++) {
			size_t e = (size_t)f[j + 2], next = (size_t)f[j] + 1;

			f[j] = feature_hash(key + start, e - start);
			start = next;
		}
	}
#ifdef SC_X86_AVX2
	if (sc_cpu_avx2())
		count_votes_avx2(f, nf, ones);
	else
#endif
		count_votes(f, nf, ones);
	/* A bit a comparison, no branch: which way each goes is the text's. */
	for (b = 0; b < 64; b++)
		h |= (uint64_t)(2 * ones[b] > nf) << b;
	return h;
}

uint64_t
sc_simhash64(const char *p, size_t n)
{
	struct sc_buf norm = { 0 };
	uint64_t h;

	sc_normkey(p, n, SC_NORM_FULL, &norm);
	h = sc_simhash64_key(norm.p, norm.len);
	sc_buf_free(&norm);
	return h;
}
