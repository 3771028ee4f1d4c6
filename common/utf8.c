/*
 * utf8.c: strict UTF-8 decoding, validation and repair; see utf8.h.
 */
#include "utf8.h"

#define HIGHS 0x8080808080808080ULL
#define ONES8 0x0101010101010101ULL

#include <string.h>

#include "simd.h"

size_t
sc_utf8_next(const unsigned char *p, size_t n, uint32_t *cp, int *bad)
{
	unsigned c = p[0];
	uint32_t v;
	size_t need, i;
	unsigned lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* The common valid two- and three-byte forms first, without the loop. */
	if (c >= 0xC2 && c <= 0xDF && n >= 2 && (p[1] & 0xC0) == 0x80) {
		*cp = (c & 0x1Fu) << 6 | (p[1] & 0x3Fu);
		return 2;
	}
	if (c >= 0xE1 && c <= 0xEF && c != 0xED && n >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*cp = (c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
		return 3;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;	/* no overlongs */
		else if (c == 0xED)
			hi = 0x9F;	/* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;	/* nothing above U+10FFFF */
	} else {
		goto invalid1;
	}
	for (i = 1; i <= need; i++) {
		unsigned d;

		if (i >= n)
			goto invalid;
		d = p[i];
		if (i == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF))
			goto invalid;
		v = (v << 6) | (d & 0x3F);
	}
	*cp = v;
	return need + 1;
invalid:
	/* The maximal subpart is the valid prefix seen so far (i bytes). */
	*cp = SC_REPLACEMENT;
	if (bad != NULL)
		*bad = 1;
	return i;
invalid1:
	*cp = SC_REPLACEMENT;
	if (bad != NULL)
		*bad = 1;
	return 1;
}

#ifdef SC_X86_AVX2
/*
 * Where the processor has AVX2 (asked at run time), thirty-two bytes at
 * a time first: the two tests of the sixteen-byte loop below (all ASCII;
 * only ASCII and two-byte characters, each continuation byte where a
 * lead calls for it), on masks of thirty-two lanes.  Returns where it
 * stopped, at the start of a character: the end, or thirty-two bytes it
 * leaves to the loop below.
 */
static __attribute__((target("avx2"))) size_t
valid_prefix32(const unsigned char *p, size_t i, size_t n)
{
	while (i + 32 <= n) {
		sc_s8x32 v;
		unsigned hm, cm, lm;

		memcpy(&v, p + i, sizeof v);
		hm = (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)v);
		if (hm == 0) {
			i += 32;
			continue;
		}
		/* As below: 80-BF are below -64, C2-DF from -62 to -33 (signed). */
		cm = (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)(v < -64));
		lm = (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)((v > -63) & (v < -32)));
		if (((cm ^ lm << 1) | (hm & ~(lm | cm))) != 0)
			break;
		i += lm >> 31 ? 31 : 32;
	}
	return i;
}
#endif

/*
 * ASCII sixteen bytes at a time; two- and three-byte sequences checked
 * inline (lead, continuation bytes, no overlong form, no surrogate), the
 * rest by sc_utf8_next().
 */
size_t
sc_utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
#ifdef SC_X86_AVX2
	const int wide = n >= 32 && sc_cpu_avx2();
#endif

	while (i < n) {
		while (i + 16 <= n) {
			sc_u8x16 v;
			sc_i8x16 high;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			sc_i8x16 lead, cont;

#ifdef SC_X86_AVX2
			if (wide && i + 32 <= n) {
				i = valid_prefix32(p, i, n);
				if (i + 16 > n)
					break;
			}
#endif
			v = sc_load16(p + i);
			high = sc_high16(v);

			if (!sc_any16(high)) {
				i += 16;
				continue;
			}
			/*
			 * Two-byte characters (the letters of Latin, Greek and
			 * Cyrillic scripts) sixteen bytes at a time too: each lead
			 * byte C2-DF followed by a continuation byte, and each
			 * continuation byte preceded by one: the continuation
			 * lanes are exactly the lead lanes moved one lane up (a
			 * byte shift of the register).  A chunk starts at a
			 * character, so nothing comes in at lane 0, and a lead in
			 * the last lane is looked at again with the next sixteen.
			 * Signed compares, one a bound: 80-BF are below -64,
			 * C2-DF from -62 to -33.
			 */
			cont = (sc_i8x16)v < -64;
			lead = ((sc_i8x16)v > -63) & ((sc_i8x16)v < -32);
			if (!sc_any16((cont ^ sc_up16(lead)) | (high & ~(lead | cont)))) {
				i += lead[15] ? 15 : 16;
				continue;
			}
			/*
			 * Three-byte characters among them (quote marks, dashes,
			 * CJK), as lane masks: leads E1-EF but ED take any two
			 * continuation bytes (E0 and ED limit the first one and go
			 * to the byte loop), and the continuation lanes must be
			 * exactly those the leads call for.  A lead whose
			 * character runs past the sixteenth byte is looked at
			 * again with the next sixteen.
			 */
			{
				unsigned hm = sc_mask16(high), cm = sc_mask16(cont);
				unsigned l2 = sc_mask16(lead);
				unsigned l3 = sc_mask16((v >= 0xE1) & (v <= 0xEF) & (v != 0xED));
				unsigned tail = (l2 & 0x8000) | (l3 & 0xC000);

				if ((hm & ~(l2 | l3 | cm)) == 0 &&
				    (((l2 << 1) | (l3 << 1) | (l3 << 2)) & 0xFFFF) == cm) {
					i += tail ? (size_t)__builtin_ctz(tail) : 16;
					continue;
				}
			}
			i += sc_first16(high);
			break;
#else
			unsigned k;

			v = sc_load16(p + i);
			high = sc_high16(v);
			k = sc_first16(high);

			i += k;
			if (k < 16)
				break;
#endif
		}
		if (i >= n)
			break;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (p[i] >= 0xE0 && p[i] <= 0xEF && i + 2 < n &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
			unsigned v = (p[i] & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6;

			if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
				i += 3;
				continue;
			}
		}
		{
			uint32_t cp;
			int bad = 0;
			size_t k = sc_utf8_next(p + i, n - i, &cp, &bad);

			if (bad)
				return i;
			i += k;
		}
	}
	return n;
}

size_t
sc_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void
sc_buf_add_cp(struct sc_buf *b, uint32_t cp)
{
	char tmp[4];

	sc_buf_add(b, tmp, sc_utf8_encode(cp, tmp));
}

size_t
sc_utf8_repair(const char *s, size_t n, struct sc_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, fixes = 0;

	sc_buf_grow(out, n);
	while (i < n) {
		size_t ok = sc_utf8_valid_prefix((const char *)p + i, n - i);
		uint32_t cp;
		int bad = 0;

		sc_buf_add(out, p + i, ok);
		i += ok;
		if (i >= n)
			break;
		i += sc_utf8_next(p + i, n - i, &cp, &bad);
		sc_buf_add(out, "\xEF\xBF\xBD", 3);
		fixes++;
	}
	return fixes;
}

size_t
sc_utf8_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cont = 0;

	/*
	 * Code points are the bytes that are not continuation bytes
	 * (10xxxxxx), counted eight at a time: bit 7 set and bit 6 clear.
	 */
	for (; i + 16 <= n; i += 16) {
		/* Continuation bytes are -128 to -65 as signed bytes. */
		sc_i8x16 c = (sc_i8x16)sc_load16(p + i) < -64;
		uint64_t h[2];

		memcpy(h, &c, sizeof h);
		cont += (size_t)((((h[0] & ONES8) + (h[1] & ONES8)) * ONES8) >> 56);
	}
	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		w = (w & ~(w << 1) & HIGHS) >> 7;	/* one per byte */
		cont += (size_t)((w * 0x0101010101010101ULL) >> 56);
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (i < n && n >= 8) {
		/* The last eight bytes, less those counted (the low ones):
		 * short spans (a sentence) spent half their time here. */
		uint64_t w;

		memcpy(&w, p + n - 8, 8);
		w >>= 8 * (8 - (n - i));
		w = (w & ~(w << 1) & HIGHS) >> 7;
		return n - cont - (size_t)((w * 0x0101010101010101ULL) >> 56);
	}
#endif
	for (; i < n; i++)
		cont += (p[i] & 0xC0) == 0x80;
	return n - cont;
}

size_t
sc_utf8_prev(const char *s, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t j = i - 1, stop = i >= 4 ? i - 4 : 0;
	uint32_t cp;

	if (p[j] < 0x80)
		return j;
	/* Back over at most three continuation bytes to the lead byte. */
	while (j > stop && (p[j] & 0xC0) == 0x80)
		j--;
	/*
	 * The lead byte's sequence must end exactly at i, as decoding
	 * forward would read it (a valid sequence, or a truncated one that
	 * is one maximal subpart).  Otherwise p[i - 1] is a stray byte
	 * ("a\x80", "\xc3\xa9\x80", "\xe0\x80\x80") and a code point of
	 * its own, as sc_utf8_repair counts it: taking it with the bytes
	 * before would skip text when walking backwards.
	 */
	if (sc_utf8_next(p + j, i - j, &cp, NULL) != i - j)
		return i - 1;
	return j;
}
