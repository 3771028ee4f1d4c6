/*
 * utf8.h: strict UTF-8 decoding, validation and repair.
 *
 * Strict means RFC 3629: no overlong forms, no surrogates (U+D800..DFFF),
 * nothing above U+10FFFF.  Repair replaces each maximal invalid subpart
 * (the WHATWG/Unicode "substitution of maximal subparts" practice) by one
 * U+FFFD, so the same bad input always gives the same output.
 */
#ifndef SC_UTF8_H
#define SC_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define SC_REPLACEMENT 0xFFFDu

/*
 * sc_utf8_next: decode one code point at p (n > 0 bytes available).
 * Returns the bytes consumed (1..4).  On an invalid sequence *cp is
 * SC_REPLACEMENT, the return is the length of the maximal invalid subpart
 * (at least 1), and *bad is set to 1 (bad may be NULL).
 */
size_t sc_utf8_next(const unsigned char *p, size_t n, uint32_t *cp, int *bad);

/* Length of the longest valid UTF-8 prefix of p (fast for ASCII). */
size_t sc_utf8_valid_prefix(const char *p, size_t n);

static inline int
sc_utf8_valid(const char *p, size_t n)
{
	return sc_utf8_valid_prefix(p, n) == n;
}

/* tolower(c) of the C locale: ASCII capitals to small letters, other bytes kept. */
static inline unsigned
sc_ascii_lower(unsigned c)
{
	return c - 'A' < 26u ? c + ('a' - 'A') : c;
}

/*
 * strncasecmp(a, b, l) == 0 of the C locale, inline: ASCII letters case
 * folded, every other byte as it is (the tools never call setlocale).
 */
static inline int
sc_ascii_ieq(const char *a, const char *b, size_t l)
{
	size_t i;

	for (i = 0; i < l; i++) {
		if (sc_ascii_lower((unsigned char)a[i]) != sc_ascii_lower((unsigned char)b[i]))
			return 0;
	}
	return 1;
}

/*
 * sc_utf8_repair: append p to out with every invalid subpart replaced by
 * U+FFFD.  Returns the number of replacements made.
 */
size_t sc_utf8_repair(const char *p, size_t n, struct sc_buf *out);

/* Encode cp (must be a scalar value) into out; returns 1..4 bytes written. */
size_t sc_utf8_encode(uint32_t cp, char out[4]);

/* Append the encoding of cp to b. */
void sc_buf_add_cp(struct sc_buf *b, uint32_t cp);

/* Number of code points in valid UTF-8 (counts the bytes that are not continuation bytes). */
size_t sc_utf8_count(const char *p, size_t n);

/*
 * sc_utf8_prev: start of the code point that ends just before p[i]
 * (i > 0), for walking backwards; stays within p[0..i).  It agrees with
 * decoding forward: the start of a sequence (valid, or a truncated one)
 * that ends exactly at i, found over at most three continuation bytes;
 * otherwise p[i - 1] is an invalid byte of its own and i - 1 is returned.
 */
size_t sc_utf8_prev(const char *p, size_t i);

#endif
