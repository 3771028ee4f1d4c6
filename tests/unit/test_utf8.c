/* Unit tests of common/utf8.c: strict decoding and maximal-subpart repair. */
#include "../tap.h"
#include "utf8.h"

static void
repair_is(const char *in, size_t n, const char *want, size_t want_fixes, const char *name)
{
	struct sc_buf b = {0};
	size_t fixes = sc_utf8_repair(in, n, &b);

	is_mem(b.p ? b.p : "", b.len, want, name);
	is_int(fixes, want_fixes, name);
	sc_buf_free(&b);
}

/*
 * Walking backwards with sc_utf8_prev must visit exactly the starts that
 * decoding forward with sc_utf8_next finds, invalid bytes included.
 */
static int
prev_agrees(const unsigned char *p, size_t n)
{
	size_t starts[64], k = 0, i;

	for (i = 0; i < n; ) {
		uint32_t cp;

		starts[k++] = i;
		i += sc_utf8_next(p + i, n - i, &cp, NULL);
	}
	for (i = n; i > 0; ) {
		i = sc_utf8_prev((const char *)p, i);
		if (k == 0 || starts[--k] != i)
			return 0;
	}
	return k == 0;
}

/* The obvious forms of sc_utf8_valid_prefix and sc_utf8_count. */
static size_t
slow_valid_prefix(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int bad = 0;
		size_t k = sc_utf8_next(p + i, n - i, &cp, &bad);

		if (bad)
			return i;
		i += k;
	}
	return n;
}

static size_t
slow_count(const unsigned char *p, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += (p[i] & 0xC0) != 0x80;
	return c;
}

int
main(void)
{
	ok(sc_utf8_valid("plain ascii", 11), "ASCII is valid");
	ok(sc_utf8_valid("caf\xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80", 14), "2, 3, 4-byte forms");
	ok(!sc_utf8_valid("\xc0\xaf", 2), "overlong 2-byte rejected");
	ok(!sc_utf8_valid("\xe0\x80\xaf", 3), "overlong 3-byte rejected");
	ok(!sc_utf8_valid("\xed\xa0\x80", 3), "surrogate rejected");
	ok(!sc_utf8_valid("\xf4\x90\x80\x80", 4), "above U+10FFFF rejected");
	ok(!sc_utf8_valid("\xe2\x80", 2), "truncated sequence rejected");
	is_int(sc_utf8_valid_prefix("abcdefghij\xff", 11), 10, "valid prefix stops at the bad byte");
	repair_is("a\xffz", 3, "a\xef\xbf\xbdz", 1, "a lone bad byte becomes one U+FFFD");
	repair_is("a\xe2\x80z", 4, "a\xef\xbf\xbdz", 1, "a truncated sequence is one maximal subpart");
	repair_is("\xc0\xaf", 2, "\xef\xbf\xbd\xef\xbf\xbd", 2, "overlong bytes each replaced");
	repair_is("\xed\xa0\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3, "surrogate bytes each replaced");
	repair_is("ok", 2, "ok", 0, "valid text unchanged");
	{
		/* An empty repair still leaves a string (util.h's buffer contract). */
		struct sc_buf b = {0};

		sc_utf8_repair("", 0, &b);
		ok(b.p != NULL && b.len == 0 && b.p[0] == '\0', "empty repair is an empty string");
		sc_buf_free(&b);
	}
	is_int(sc_utf8_count("caf\xc3\xa9", 5), 4, "code points counted");
	{
		char tmp[4];

		is_int(sc_utf8_encode(0x1F600, tmp), 4, "U+1F600 takes four bytes");
		is_mem(tmp, 4, "\xf0\x9f\x98\x80", "U+1F600 encoded");
		is_int(sc_utf8_encode(0xE9, tmp), 2, "U+00E9 takes two bytes");
	}
	is_int(sc_utf8_prev("a\xc3\xa9", 3), 1, "prev finds the lead byte");
	is_int(sc_utf8_prev("\xf0\x9f\x98\x80", 4), 0, "prev over three continuation bytes");
	is_int(sc_utf8_prev("ab", 2), 1, "prev of ASCII is one byte back");
	is_int(sc_utf8_prev("a\x80", 2), 1, "a stray continuation byte after ASCII is its own");
	is_int(sc_utf8_prev("a\x80\x80\x80", 4), 3, "stray bytes after ASCII: one back, not to the a");
	is_int(sc_utf8_prev("\xc3\xa9\x80", 3), 2, "a stray byte after a complete sequence");
	is_int(sc_utf8_prev("\xc3\xa9\x80", 2), 0, "the sequence before it still found");
	is_int(sc_utf8_prev("\xe2\x82", 2), 0, "a truncated sequence is one unit, as forward");
	is_int(sc_utf8_prev("\xe0\x80\x80", 3), 2, "overlong: the lead does not cover the bytes");
	is_int(sc_utf8_prev("\x80\x80\x80\x80\x80", 5), 4, "only continuation bytes: one back");
	is_int(sc_utf8_prev("\x80", 1), 0, "never before the start");
	is_int(sc_utf8_prev("\xff", 1), 0, "an invalid lead byte is its own");
	ok(prev_agrees((const unsigned char *)" \xa8x\xc3\xa9\xa9\xf0\x9f\x98\x80\x80", 11),
	    "backwards visits the forward starts (mixed stray bytes)");
	{
		/* Random short strings over the bytes that matter. */
		static const unsigned char alphabet[] = {
			'a', 0x80, 0x9f, 0xa0, 0xbf, 0xc2, 0xc3, 0xe0, 0xe2, 0xed,
			0xf0, 0xf4, 0xf5, 0xff
		};
		uint32_t x = 12345;
		int agree = 1;

		for (int t = 0; t < 20000 && agree; t++) {
			unsigned char buf[16];
			size_t n;

			x = x * 1103515245u + 12345u;
			n = 1 + (x >> 16) % sizeof buf;
			for (size_t i = 0; i < n; i++) {
				x = x * 1103515245u + 12345u;
				buf[i] = alphabet[(x >> 16) % sizeof alphabet];
			}
			agree = prev_agrees(buf, n);
		}
		ok(agree, "backwards visits the forward starts (20000 random strings)");
	}
	{
		/* The fast paths against the obvious forms: random strings of
		 * ASCII runs longer than 16 bytes and every kind of lead and
		 * continuation byte, at every length up to 64. */
		static const unsigned char alphabet[] = {
			'a', 'b', ' ', 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc1, 0xc2, 0xdf,
			0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff
		};
		uint32_t x = 777;
		int same_prefix = 1, same_count = 1;

		for (int t = 0; t < 50000; t++) {
			unsigned char buf[64];
			size_t n;

			x = x * 1103515245u + 12345u;
			n = (x >> 16) % (sizeof buf + 1);
			for (size_t i = 0; i < n; i++) {
				x = x * 1103515245u + 12345u;
				/* Mostly ASCII, so the 16-byte path runs too. */
				buf[i] = (x >> 16) % 4 ? (unsigned char)('a' + (x >> 20) % 26) :
				    alphabet[(x >> 20) % sizeof alphabet];
			}
			if (sc_utf8_valid_prefix((const char *)buf, n) != slow_valid_prefix(buf, n))
				same_prefix = 0;
			if (sc_utf8_count((const char *)buf, n) != slow_count(buf, n))
				same_count = 0;
		}
		ok(same_prefix, "valid prefix agrees with decoding one by one");
		ok(same_count, "code point count agrees with counting byte by byte");
	}
	{
		/* Valid text of every length class, then one random byte. */
		static const uint32_t cps[] = { 'x', 0x7f, 0x80, 0x41f, 0x7ff, 0x800,
		    0x4f60, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x1f600, 0x10ffff };
		uint32_t x = 99;
		int same = 1;

		for (int t = 0; t < 20000; t++) {
			unsigned char buf[200];
			size_t n = 0, m;

			x = x * 1103515245u + 12345u;
			m = (x >> 16) % 40;
			for (size_t i = 0; i < m; i++) {
				x = x * 1103515245u + 12345u;
				n += sc_utf8_encode(cps[(x >> 16) % (sizeof cps / sizeof cps[0])],
				    (char *)buf + n);
			}
			x = x * 1103515245u + 12345u;
			buf[n++] = (unsigned char)(x >> 16);
			if (sc_utf8_valid_prefix((const char *)buf, n) != slow_valid_prefix(buf, n) ||
			    sc_utf8_count((const char *)buf, n) != slow_count(buf, n))
				same = 0;
		}
		ok(same, "valid text then a random byte: fast and slow forms agree");
	}
	{
		/*
		 * Whole and broken characters of every length side by side, so
		 * that sixteen-byte blocks of two- and three-byte characters
		 * meet E0 and ED leads, overlongs, surrogates, stray and
		 * missing continuation bytes at every lane; read from three
		 * starting offsets.
		 */
		static const char *piece[] = {
			"a", " ", "\xc3\xa9", "\xd0\x96", "\xe2\x80\x93", "\xe4\xb8\xad",
			"\xef\xbc\x8c", "\xee\x80\x80", "\xe0\xa4\xb9", "\xed\x9f\xbf",
			"\xed\xa0\x80", "\xe0\x80\x80", "\xf0\x9f\x98\x80",
			"\xf4\x90\x80\x80", "\xc0\xaf", "\xff", "\x80", "\xbf", "\xe2\x80",
			"\xe4", "\xc3", "\xef\xbf\xbf", "\xe1\x80\x80", "\xec\xbf\xbf"
		};
		uint32_t x = 4242;
		int same = 1;

		for (int t = 0; t < 100000; t++) {
			unsigned char buf[300];
			size_t n = 0;
			int np;

			x = x * 1103515245u + 12345u;
			np = (int)(x >> 16) % 64;
			for (int k = 0; k < np; k++) {
				const char *pc;
				size_t l;

				x = x * 1103515245u + 12345u;
				/* Mostly whole characters, so blocks stay in the vector test. */
				pc = (x >> 16) % 100 < 40 ? piece[(x >> 8) % 8] :
				    piece[(x >> 8) % (sizeof piece / sizeof piece[0])];
				l = strlen(pc);
				memcpy(buf + n, pc, l);
				n += l;
			}
			for (size_t off = 0; off < 3 && off <= n; off++)
				if (sc_utf8_valid_prefix((const char *)buf + off, n - off) !=
				    slow_valid_prefix(buf + off, n - off))
					same = 0;
		}
		ok(same, "mixed two- and three-byte characters, whole and broken: fast and slow agree");
	}
	is_int(sc_utf8_valid_prefix("\xd0\x9f\xd1\x80\xe4\xbd\xa0\xed\xa0\x80", 10), 7,
	    "Cyrillic, CJK, then a surrogate");
	is_int(sc_utf8_valid_prefix("abcdefghijklmnopqrstuvwxyz\xe4\xbd", 28), 26,
	    "a truncated 3-byte form after a long ASCII run");
	{
		/*
		 * Long runs of two-byte letters (the thirty-two-byte loop where
		 * AVX2 is there), at every offset, whole and with one byte
		 * broken at every place: a character across each chunk's end,
		 * a lead or a continuation byte where the other belongs.
		 */
		unsigned char buf[160];
		int same = 1;

		for (size_t off = 0; off < 2; off++) {
			for (size_t at = 0; at <= 130; at++) {
				for (int how = 0; how < 4; how++) {
					size_t n = sizeof buf - off, i;

					for (i = 0; i + 1 < sizeof buf; i += 2) {
						buf[i] = 0xD0;
						buf[i + 1] = 0xB6;
					}
					buf[sizeof buf - 1] = 'a';
					if (how == 1)
						buf[at] = 'a';
					else if (how == 2)
						buf[at] = 0xB6;
					else if (how == 3)
						buf[at] = 0xD0;
					if (sc_utf8_valid_prefix((const char *)buf + off, n) !=
					    slow_valid_prefix(buf + off, n))
						same = 0;
				}
			}
		}
		ok(same, "long two-byte runs, whole and broken anywhere: fast and slow agree");
	}
	return tap_done();
}
