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
	is_int(sc_utf8_count("caf\xc3\xa9", 5), 4, "code points counted");
	{
		char tmp[4];

		is_int(sc_utf8_encode(0x1F600, tmp), 4, "U+1F600 takes four bytes");
		is_mem(tmp, 4, "\xf0\x9f\x98\x80", "U+1F600 encoded");
		is_int(sc_utf8_encode(0xE9, tmp), 2, "U+00E9 takes two bytes");
	}
	is_int(sc_utf8_prev("a\xc3\xa9", 3), 1, "prev finds the lead byte");
	return tap_done();
}
