/*
 * ucd.h: the Unicode properties the per-byte loops of scstrip ask for
 * (general category, simple lower case, display width), and an inline
 * decoder of valid
 * UTF-8.
 *
 * utf8proc answers each question with two table walks behind a call; in
 * a loop over every character of a corpus that was a large share of the
 * time.  These tables hold utf8proc's answers for the Basic Multilingual
 * Plane, filled one 256-code-point page at a time on first use (a page
 * costs 256 utf8proc calls, once per process), so the answers are
 * utf8proc's exactly; code points above U+FFFF still ask utf8proc.
 * Not thread-safe: the tools are single-threaded.
 */
#ifndef SC_UCD_H
#define SC_UCD_H

#include <stddef.h>
#include <stdint.h>
#include <utf8proc.h>

#include "utf8.h"

extern uint8_t sc_ucd_pages[256];	/* page filled */
extern uint8_t sc_ucd_catv[0x10000];
extern uint32_t sc_ucd_lowerv[0x10000];
extern int8_t sc_ucd_widthv[0x10000];

void sc_ucd_fill(unsigned page);

/*
 * The two-byte characters (U+0080 to U+07FF: Latin with accents, Greek,
 * Cyrillic, Hebrew, Arabic ...) in one table, indexed by their bytes:
 * category, lower case, and its UTF-8 bytes when they are one or two
 * (n = 0: three), for the loops that fold words as they read them.
 */
struct sc_ucd2 {
	uint32_t lower;		/* utf8proc_tolower */
	uint8_t cat;		/* utf8proc_category */
	uint8_t n;		/* bytes of lower's UTF-8 in b[], 0 when more than 2 */
	uint8_t b[2];
};

extern int sc_ucd2_ready;
extern struct sc_ucd2 sc_ucd2v[30 << 6];

void sc_ucd2_fill(void);

/* The entry of the character of bytes b0 (0xC2 to 0xDF) and b1 (10xxxxxx). */
static inline const struct sc_ucd2 *
sc_ucd_two(unsigned char b0, unsigned char b1)
{
	if (!sc_ucd2_ready)
		sc_ucd2_fill();
	return &sc_ucd2v[(size_t)(b0 - 0xC2) << 6 | (b1 & 0x3F)];
}

/* utf8proc_category(c), as a utf8proc_category_t value. */
static inline int
sc_ucd_category(uint32_t c)
{
	if (c >= 0x10000)
		return (int)utf8proc_category((utf8proc_int32_t)c);
	if (!sc_ucd_pages[c >> 8])
		sc_ucd_fill(c >> 8);
	return sc_ucd_catv[c];
}

/* utf8proc_tolower(c). */
static inline uint32_t
sc_ucd_lower(uint32_t c)
{
	if (c >= 0x10000)
		return (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
	if (!sc_ucd_pages[c >> 8])
		sc_ucd_fill(c >> 8);
	return sc_ucd_lowerv[c];
}

/* utf8proc_charwidth(c). */
static inline int
sc_ucd_width(uint32_t c)
{
	if (c >= 0x10000)
		return utf8proc_charwidth((utf8proc_int32_t)c);
	if (!sc_ucd_pages[c >> 8])
		sc_ucd_fill(c >> 8);
	return sc_ucd_widthv[c];
}

/*
 * Decode one code point at p[i] (i < n) of text that is valid UTF-8 in
 * the common case: the one- to three-byte forms inline, anything else
 * (four bytes, or an invalid sequence) by sc_utf8_next, whose answer it
 * always gives.  Returns the bytes consumed.
 */
static inline size_t
sc_ucd_next(const char *p, size_t i, size_t n, uint32_t *c)
{
	const unsigned char *q = (const unsigned char *)p + i;

	if (q[0] < 0x80) {
		*c = q[0];
		return 1;
	}
	if (q[0] >= 0xC2 && q[0] < 0xE0 && n - i >= 2 && (q[1] & 0xC0) == 0x80) {
		*c = (uint32_t)(q[0] & 0x1F) << 6 | (q[1] & 0x3F);
		return 2;
	}
	if (q[0] >= 0xE1 && q[0] < 0xF0 && q[0] != 0xED && n - i >= 3 &&
	    (q[1] & 0xC0) == 0x80 && (q[2] & 0xC0) == 0x80) {
		*c = (uint32_t)(q[0] & 0x0F) << 12 | (uint32_t)(q[1] & 0x3F) << 6 | (q[2] & 0x3F);
		return 3;
	}
	return sc_utf8_next(q, n - i, c, NULL);
}

#endif
