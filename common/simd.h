/*
 * simd.h: sixteen bytes at a time, for the loops that skip over text
 * nothing happens to (plain JSON string bytes, valid ASCII, characters
 * that need no normalisation).
 *
 * Written with the vector extensions of GCC and clang, which lower them
 * to SSE2 on x86-64, NEON on arm64 and plain integer code elsewhere.  A
 * comparison of two vectors gives a vector of lanes that are all ones or
 * all zeros; sc_mask16() turns it into one bit a lane, for scans that
 * work on many such masks at once (signals.c counts words from them).
 * The one per-architecture line is SSE2's byte mask instruction
 * (pmovmskb, a builtin of both compilers), which sc_any16() and
 * sc_first16() use too; elsewhere the masks come from the two 64-bit
 * halves with a multiply, or a plain loop where bytes are not stored
 * little-endian.
 */
#ifndef SC_SIMD_H
#define SC_SIMD_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef uint8_t sc_u8x16 __attribute__((vector_size(16)));
typedef int8_t sc_i8x16 __attribute__((vector_size(16)));

/* Eight bytes from p, wherever it is aligned. */
static inline uint64_t
sc_load64(const void *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

static inline sc_u8x16
sc_load16(const void *p)
{
	sc_u8x16 v;

	memcpy(&v, p, sizeof v);
	return v;
}

/* The set lanes of a comparison result as the low 16 bits, lane 0 lowest. */
static inline unsigned
sc_mask16(sc_i8x16 m)
{
#if defined(__SSE2__)
	/* One instruction (pmovmskb) where the target has it. */
	typedef char c8x16 __attribute__((vector_size(16)));

	return (unsigned)__builtin_ia32_pmovmskb128((c8x16)m);
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/*
	 * Each lane's top bit moved to bit 0 of its byte, then one multiply
	 * gathers byte j's bit into bit 56 + j (no two products overlap).
	 */
	const uint64_t gather = 0x0102040810204080ULL;
	uint64_t h[2];

	memcpy(h, &m, sizeof h);
	return (unsigned)((((h[0] >> 7) & 0x0101010101010101ULL) * gather) >> 56) |
	    (unsigned)((((h[1] >> 7) & 0x0101010101010101ULL) * gather) >> 56) << 8;
#else
	unsigned i, r = 0;

	for (i = 0; i < 16; i++)
		r |= (m[i] != 0) << i;
	return r;
#endif
}

/* Whether any lane of a comparison result is set. */
static inline int
sc_any16(sc_i8x16 m)
{
#if defined(__SSE2__)
	return sc_mask16(m) != 0;
#else
	uint64_t h[2];

	memcpy(h, &m, sizeof h);
	return (h[0] | h[1]) != 0;
#endif
}

/* Index of the first set lane of m, 16 when none is. */
static inline unsigned
sc_first16(sc_i8x16 m)
{
#if defined(__SSE2__)
	/* The mask and a count of trailing zeros: no branch per half. */
	return (unsigned)__builtin_ctz(sc_mask16(m) | 0x10000);
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t h[2];

	memcpy(h, &m, sizeof h);
	if (h[0])
		return (unsigned)__builtin_ctzll(h[0]) / 8;
	if (h[1])
		return 8 + (unsigned)__builtin_ctzll(h[1]) / 8;
	return 16;
#else
	unsigned i;

	for (i = 0; i < 16 && m[i] == 0; i++)
		;
	return i;
#endif
}

/*
 * Set bits of a 16-bit mask, without a library call on plain x86-64
 * (whose baseline has no popcnt instruction): two loads from a table of
 * the 256 bytes' counts, a quarter of the instructions of the bit-twiddling
 * sum, and the table stays in the L1 cache of the loops that ask.
 */
static inline unsigned
sc_popcount16(unsigned x)
{
#define SC_P2(n) n, n + 1, n + 1, n + 2
#define SC_P4(n) SC_P2(n), SC_P2(n + 1), SC_P2(n + 1), SC_P2(n + 2)
#define SC_P6(n) SC_P4(n), SC_P4(n + 1), SC_P4(n + 1), SC_P4(n + 2)
	static const unsigned char bits[256] = {
		SC_P6(0), SC_P6(1), SC_P6(1), SC_P6(2)
	};
#undef SC_P2
#undef SC_P4
#undef SC_P6

	return (unsigned)bits[x & 0xFF] + bits[x >> 8 & 0xFF];
}

/* The lanes of m moved one up: lane j gets m[j - 1], lane 0 gets 0. */
static inline sc_i8x16
sc_up16(sc_i8x16 m)
{
#if defined(__SSE2__)
	/* One instruction (pslldq), which both compilers know by this name. */
	return (sc_i8x16)_mm_slli_si128((__m128i)m, 1);
#elif defined(__clang__)
	return __builtin_shufflevector(m, (sc_i8x16){ 0 }, 16, 0, 1, 2, 3, 4, 5, 6, 7, 8,
	    9, 10, 11, 12, 13, 14);
#else
	return __builtin_shuffle(m, (sc_i8x16){ 0 },
	    (sc_i8x16){ 16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 });
#endif
}

/*
 * Running sums of the lanes: lane j gets v[0] + ... + v[j] (modulo 256),
 * in four shifts and adds.
 */
static inline sc_u8x16
sc_prefix16(sc_u8x16 v)
{
#if defined(__SSE2__)
	v += (sc_u8x16)_mm_slli_si128((__m128i)v, 1);
	v += (sc_u8x16)_mm_slli_si128((__m128i)v, 2);
	v += (sc_u8x16)_mm_slli_si128((__m128i)v, 4);
	v += (sc_u8x16)_mm_slli_si128((__m128i)v, 8);
#else
	unsigned j;

	for (j = 1; j < 16; j++)
		v[j] += v[j - 1];
#endif
	return v;
}

/*
 * Lanes of v in lo..hi (lo <= hi < 0x80 + lo), in one add and one signed
 * comparison: the add moves lo to -128, and the range to the bottom of
 * the signed bytes.  (Two comparisons and an and, which SSE2 takes as
 * four instructions, otherwise.)
 */
static inline sc_i8x16
sc_range16(sc_u8x16 v, unsigned char lo, unsigned char hi)
{
	return (sc_i8x16)(v + (unsigned char)(0x80 - lo)) <
	    (signed char)(-128 + (hi - lo) + 1);
}

/* The sum of the lanes. */
static inline unsigned
sc_sum16(sc_u8x16 v)
{
#if defined(__SSE2__)
	/* psadbw: the sums of the two halves, in one instruction. */
	__m128i t = _mm_sad_epu8((__m128i)v, _mm_setzero_si128());

	return (unsigned)_mm_cvtsi128_si32(t) + (unsigned)_mm_extract_epi16(t, 4);
#else
	unsigned j, sum = 0;

	for (j = 0; j < 16; j++)
		sum += v[j];
	return sum;
#endif
}

/*
 * Whether the processor has AVX2, for the few loops that also take
 * thirty-two bytes at a time where it does (the choice is made at run
 * time, so the build stays plain x86-64).  Asked once in each file that
 * asks.  The environment variable SC_NO_AVX2 turns them off, so that the
 * tests run the other loops too.
 */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__AVX2__)
#define SC_X86_AVX2 1
typedef char sc_c8x32 __attribute__((vector_size(32)));
typedef signed char sc_s8x32 __attribute__((vector_size(32)));
typedef unsigned char sc_u8x32 __attribute__((vector_size(32)));

static inline int
sc_cpu_avx2(void)
{
	static int have = -1;

	if (have < 0) {
		__builtin_cpu_init();
		/* SC_NO_AVX2 set: the sixteen-byte loops, as on a processor
		 * without AVX2 (tests/cli/stream/noavx2.sh) */
		have = __builtin_cpu_supports("avx2") != 0 && getenv("SC_NO_AVX2") == NULL;
	}
	return have;
}

/*
 * AVX2 with popcnt and BMI1 (tzcnt, blsr), for loops compiled to use
 * them: every processor with AVX2 has both, but a virtual machine may
 * hide one.
 */
static inline int
sc_cpu_avx2_bmi(void)
{
	static int have = -1;

	if (have < 0)
		have = sc_cpu_avx2() && __builtin_cpu_supports("popcnt") &&
		    __builtin_cpu_supports("bmi");
	return have;
}
#endif

/* Lanes of v at or above 0x80: the bytes that are not ASCII. */
static inline sc_i8x16
sc_high16(sc_u8x16 v)
{
	return (sc_i8x16)v < 0;
}

/*
 * The bytes equal to c among p[0..n) (only the first 64 are looked at) as
 * one bit a byte, byte 0 lowest: four sixteen-byte compares when 64 bytes
 * are there, byte by byte for the end of a text.  For loops that visit
 * each occurrence by popping bits rather than asking memchr() or a
 * comparison for each, whose last test mispredicts.
 */
static inline uint64_t
sc_eqmask64(const char *p, size_t n, char c)
{
	uint64_t m = 0;
	size_t j;

	if (n >= 64) {
		/* Written out: compilers kept a loop with its test. */
		m = (uint64_t)sc_mask16((sc_i8x16)sc_load16(p) == c) |
		    (uint64_t)sc_mask16((sc_i8x16)sc_load16(p + 16) == c) << 16 |
		    (uint64_t)sc_mask16((sc_i8x16)sc_load16(p + 32) == c) << 32 |
		    (uint64_t)sc_mask16((sc_i8x16)sc_load16(p + 48) == c) << 48;
	} else {
		for (j = 0; j < n; j++)
			m |= (uint64_t)(p[j] == c) << j;
	}
	return m;
}

#endif
