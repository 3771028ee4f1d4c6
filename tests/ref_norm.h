/*
 * ref_norm.h: the full normal form the slow way, for the tests of
 * sc_normkey (tests/unit/test_hash.c, tests/fuzz/fuzz_hash.c): C0
 * controls out, utf8proc over the whole string at once, then the same
 * folding and whitespace rules.  The library cuts the text at ASCII
 * whitespace and skips utf8proc for ASCII words; both must give the
 * same bytes.  Included by one test file each, hence static.
 */
#ifndef SC_REF_NORM_H
#define SC_REF_NORM_H

#include <stdint.h>
#include <stdlib.h>

#include <utf8proc.h>

#include "util.h"
#include "utf8.h"

static utf8proc_int32_t
ref_fold(utf8proc_int32_t c, void *d)
{
	(void)d;
	switch (c) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x2035: case 0x2039: case 0x203A: case 0x02BC: case 0x00B4:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
	case 0x2036: case 0x00AB: case 0x00BB: case 0x301D: case 0x301E:
	case 0x301F:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0x2E3A: case 0x2E3B: case 0xFE58:
		return '-';
	}
	return c;
}

static int
ref_space(int32_t c)
{
	return c == ' ' || (c >= 9 && c <= 13) || c == 0x85 || c == 0xA0 ||
	    c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static void
ref_full(const char *s, size_t n, struct sc_buf *out)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t len, i;
	int pending = 0;
	struct sc_buf fixed = { 0 };

	sc_buf_reset(out);
	/* C0 controls (but whitespace) go first, as the stream's normalisation does. */
	for (size_t j = 0; j < n; j++) {
		unsigned char c = (unsigned char)s[j];

		if (c < 0x20 && !(c == ' ' || (c >= 9 && c <= 13)))
			continue;
		sc_buf_addc(&fixed, (char)c);
	}
	{
		struct sc_buf r = { 0 };

		sc_utf8_repair(fixed.p ? fixed.p : "", fixed.len, &r);
		sc_buf_free(&fixed);
		fixed = r;
	}
	s = fixed.p ? fixed.p : "";
	n = fixed.len;
	len = utf8proc_map_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &m, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, ref_fold, NULL);
	if (len < 0)
		return;
	for (i = 0; i < len;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(m + i, len - i, &c);

		i += k;
		if (ref_space(c)) {
			if (out->len > 0)
				pending = 1;
			continue;
		}
		if (pending)
			sc_buf_addc(out, ' ');
		pending = 0;
		sc_buf_add_cp(out, (uint32_t)ref_fold(c, NULL));
	}
	free(m);
	sc_buf_free(&fixed);
}

#endif
