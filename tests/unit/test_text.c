/* Unit tests of common/text.c: decoding, normalisation, mojibake repair. */
#include "../tap.h"
#include "text.h"

static void
decode_is(const char *in, size_t n, const char *cs, const char *want, const char *name)
{
	struct sc_buf b = {0};
	struct sc_decode_result r;

	ok(sc_decode(in, n, cs, &b, &r) == 0, name);
	is_mem(b.p ? b.p : "", b.len, want, name);
	sc_buf_free(&b);
}

static void
norm_is(const char *in, const char *want, const char *name)
{
	struct sc_buf b = {0};

	sc_buf_adds(&b, in);
	sc_normalize(&b);
	is_mem(b.p, b.len, want, name);
	sc_buf_free(&b);
}

static void
moji_is(const char *in, const char *want, const char *name)
{
	struct sc_buf b = {0};

	sc_buf_adds(&b, in);
	sc_fix_mojibake(&b);
	is_mem(b.p, b.len, want, name);
	sc_buf_free(&b);
}

/* Offsets in the normal form back to the text as read. */
static void
test_norm_map(void)
{
	/* "a\r\nb<ZWSP>c<NBSP>d<SHY>é": normal form "a\nbc d\xc3\xa9". */
	static const char orig[] = "a\r\nb\xe2\x80\x8b" "c\xc2\xa0" "d\xc2\xad\xc3\xa9";
	static const uint64_t want[][2] = {
		{ 0, 0 }, { 1, 1 }, { 2, 3 }, { 3, 5 }, { 4, 6 }, { 5, 7 }, { 6, 9 }, { 7, 10 }
	};
	struct sc_buf norm = {0};
	struct sc_norm_map m;

	sc_buf_add(&norm, orig, sizeof orig - 1);
	sc_normalize(&norm);
	is_mem(norm.p, norm.len, "a\nbc d\xc3\xa9", "norm map: the normal form");
	sc_norm_map_init(&m, orig, sizeof orig - 1);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		is_int((int)sc_norm_map_to(&m, want[i][0]), (int)want[i][1], "norm map: offset");
	sc_buf_free(&norm);
}

int
main(void)
{
	test_norm_map();
	decode_is("plain\r\nCRLF\rCR\n", 15, NULL, "plain\nCRLF\nCR\n", "CRLF and CR become LF");
	decode_is("\xef\xbb\xbfwith BOM", 11, NULL, "with BOM", "UTF-8 BOM removed");
	decode_is("\xff\xfeh\0i\0", 6, NULL, "hi", "UTF-16LE BOM");
	decode_is("\xfe\xff\0h\0i", 6, NULL, "hi", "UTF-16BE BOM");
	decode_is("h\0e\0l\0l\0o\0 \0t\0h\0e\0r\0e\0\n\0", 24, NULL, "hello there\n",
	    "UTF-16LE of ASCII without a BOM (valid UTF-8 byte for byte)");
	decode_is("\0h\0e\0l\0l\0o\0 \0t\0h\0e\0r\0e\0\n", 24, NULL, "hello there\n",
	    "UTF-16BE of ASCII without a BOM");
	decode_is("Le caf\xe9 co\xfbte trois \x80 et la cr\xe8me br\xfbl\xe9" "e est tr\xe8s bonne.", 56,
	    NULL, "Le caf\xc3\xa9 co\xc3\xbbte trois \xe2\x82\xac et la cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e est tr\xc3\xa8s bonne.",
	    "Windows-1252 detected");
	decode_is("na\xefve", 5, "ISO-8859-1", "na\xc3\xafve", "a named charset");
	decode_is("ok \xe2\x80\x99 then \xff end \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 26, NULL,
	    "ok \xe2\x80\x99 then \xef\xbf\xbd end \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    "mostly UTF-8 keeps UTF-8, the stray byte becomes U+FFFD");
	{
		/* "日本語のテキストです。" in Shift_JIS, repeated so the detector is sure. */
		const char sjis[] = "\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67"
		    "\x82\xc5\x82\xb7\x81\x42";
		char buf[sizeof sjis * 8];
		struct sc_buf b = {0};
		struct sc_decode_result r;
		size_t n = 0;

		for (int k = 0; k < 8; k++) {
			memcpy(buf + n, sjis, sizeof sjis - 1);
			n += sizeof sjis - 1;
		}
		sc_decode(buf, n, NULL, &b, &r);
		ok(b.len >= 33 && memcmp(b.p, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 9) == 0,
		    "Shift_JIS detected and converted");
		sc_buf_free(&b);
	}
	ok(!sc_charset_known("NO-SUCH-CHARSET"), "unknown charsets are refused");

	norm_is("a\x01" "b\tc\x7f", "ab\tc", "C0 controls but TAB removed");
	norm_is("a\xc2\xa0" "b", "a b", "NBSP becomes a space");
	norm_is("zero\xe2\x80\x8bwidth\xef\xbb\xbf", "zerowidth", "ZWSP and BOM removed");
	norm_is("soft\xc2\xadhyphen", "softhyphen", "soft hyphen removed");
	norm_is("\xd9\x85\xe2\x80\x8c\xd9\x8a", "\xd9\x85\xe2\x80\x8c\xd9\x8a", "ZWNJ kept (Persian)");
	norm_is("a\r\nb\rc", "a\nb\nc", "CR normalised");
	norm_is("caf\xc3\xa9 \xe2\x80\x94", "caf\xc3\xa9 \xe2\x80\x94", "ordinary text untouched");

	moji_is("Caf\xc3\x83\xc2\xa9", "Caf\xc3\xa9", "Ã© back to é");
	moji_is("It\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s", "It\xe2\x80\x99s", "â€™ back to ’");
	moji_is("Caf\xc3\x83\xc6\x92\xc3\x82\xc2\xa9", "Caf\xc3\xa9", "twice-mangled text repaired");
	moji_is("Stra\xc3\x9f" "e\xe2\x80\x9c und \xc2\xab" "Stra\xc3\x9f\xc2\xbb",
	    "Stra\xc3\x9f" "e\xe2\x80\x9c und \xc2\xab" "Stra\xc3\x9f\xc2\xbb", "German ß» untouched");
	moji_is("S\xc3\x83O PAULO", "S\xc3\x83O PAULO", "Portuguese Ã untouched");
	moji_is("caf\xc3\xa9", "caf\xc3\xa9", "correct text untouched");
	{
		/* Each character normalisation touches, at every offset of a
		 * long ASCII line (the scan skips printable runs 8 bytes at a
		 * time): found there, and nothing else changed. */
		static const struct { const char *in, *out; } cases[] = {
			{ "\x01", "" }, { "\x7f", "" }, { "\r", "\n" }, { "\xc2\xa0", " " },
			{ "\xe2\x80\x8b", "" }, { "\xef\xbb\xbf", "" }, { "\x1f", "" }
		};
		const char *line = "The council voted again on the bridge, ~{|}!";
		int all = 1, none = 1;

		for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
			for (size_t at = 0; at <= strlen(line); at++) {
				struct sc_buf b = {0}, want = {0};

				sc_buf_add(&b, line, at);
				sc_buf_adds(&b, cases[c].in);
				sc_buf_adds(&b, line + at);
				sc_buf_add(&want, line, at);
				sc_buf_adds(&want, cases[c].out);
				sc_buf_adds(&want, line + at);
				if (!sc_needs_normalize(b.p, b.len) || !sc_normalize(&b) ||
				    b.len != want.len || memcmp(b.p, want.p, b.len) != 0)
					all = 0;
				sc_buf_free(&b);
				sc_buf_free(&want);
			}
		ok(all, "a character to normalise is found at every offset of a line");
		for (size_t at = 0; at < 60; at++) {
			struct sc_buf b = {0};

			for (size_t k = 0; k < at; k++)
				sc_buf_addc(&b, (int)(' ' + k % 95));
			sc_buf_adds(&b, "\t\n\xc3\xa9\xe2\x80\x9c");
			if (sc_needs_normalize(b.p, b.len) || sc_normalize(&b))
				none = 0;
			sc_buf_free(&b);
		}
		ok(none, "printable ASCII, TAB, LF and other characters are left alone");
	}
	{
		/* Several changes among long runs of other scripts: the runs
		 * between them move down whole. */
		struct sc_buf b = {0};
		const char *ru = "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80 ";
		const char *zh = "\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96\xe7\x95\x8c\xe3\x80\x82";
		struct sc_buf want = {0};

		for (int k = 0; k < 5; k++) {
			sc_buf_adds(&b, ru);
			sc_buf_adds(&b, "\xc2\xa0\r\n");
			sc_buf_adds(&b, zh);
			sc_buf_adds(&b, "\xe2\x80\x8b\x07\xe2\x80\x9c");
			sc_buf_adds(&want, ru);
			sc_buf_adds(&want, " \n");
			sc_buf_adds(&want, zh);
			sc_buf_adds(&want, "\xe2\x80\x9c");
		}
		ok(sc_normalize(&b) == 1, "Cyrillic and Chinese with NBSP, CRLF, ZWSP, BEL: changed");
		is_mem(b.p, b.len, want.p, "only those characters changed");
		sc_buf_free(&b);
		sc_buf_free(&want);
	}
	return tap_done();
}
