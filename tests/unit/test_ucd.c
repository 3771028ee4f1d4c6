/*
 * test_ucd.c: ucd.h's tables answer as utf8proc does, its decoder as
 * sc_utf8_next does; stopwords.h's word hash built a byte at a time finds
 * what sc_stoplist_has finds.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../tap.h"
#include "stopwords.h"
#include "ucd.h"
#include "utf8.h"

static int
hash_has(const struct sc_stoplist *l, const char *w)
{
	uint64_t h = SC_STOPHASH_INIT;
	size_t i;

	for (i = 0; w[i] != '\0'; i++)
		h = sc_stophash_add(h, (unsigned char)w[i]);
	return sc_stoplist_has_hash(l, sc_stophash_end(h));
}

int
main(void)
{
	uint32_t c;
	long bad_cat = 0, bad_lower = 0, bad_width = 0, bad_next = 0;
	unsigned char buf[8];
	unsigned long x = 12345;
	int i;
	const struct sc_stoplist *en, *zh;

	for (c = 0; c <= 0x10FFFF; c++) {
		bad_cat += sc_ucd_category(c) != (int)utf8proc_category((utf8proc_int32_t)c);
		bad_lower += sc_ucd_lower(c) != (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
		bad_width += sc_ucd_width(c) != utf8proc_charwidth((utf8proc_int32_t)c);
	}
	is_int(bad_cat, 0, "categories as utf8proc's");
	is_int(bad_lower, 0, "lower case as utf8proc's");
	is_int(bad_width, 0, "widths as utf8proc's");

	/* Random bytes, valid or not, at every length: the same decoding. */
	for (i = 0; i < 200000; i++) {
		size_t n = 1 + (size_t)(i % 5), k, a, b;
		uint32_t ca, cb;

		for (k = 0; k < n; k++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			/* Mostly lead and continuation bytes, where the cases are. */
			buf[k] = (unsigned char)(k == 0 ? 0xB0 + (x >> 57) : 0x70 + (x >> 57) % 0x60);
		}
		a = sc_ucd_next((const char *)buf, 0, n, &ca);
		b = sc_utf8_next(buf, n, &cb, NULL);
		bad_next += a != b || ca != cb;
	}
	is_int(bad_next, 0, "decoding as sc_utf8_next's");

	/* The table of two-byte characters: utf8proc's answers, lower case's bytes. */
	{
		long bad2 = 0;

		for (c = 0x80; c < 0x800; c++) {
			const struct sc_ucd2 *e = sc_ucd_two((unsigned char)(0xC0 | c >> 6),
			    (unsigned char)(0x80 | (c & 0x3F)));
			uint32_t l = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
			char enc[4];
			size_t n = sc_utf8_encode(l, enc);

			bad2 += e->cat != utf8proc_category((utf8proc_int32_t)c) || e->lower != l ||
			    (n <= 2 ? e->n != n || memcmp(e->b, enc, n) != 0 : e->n != 0);
		}
		is_int(bad2, 0, "two-byte table as utf8proc's");
	}

	en = sc_stoplist_get("en");
	zh = sc_stoplist_get("zh");
	ok(en != NULL && zh != NULL, "lists");
	ok(hash_has(en, "the") && sc_stoplist_has(en, "the", 3), "a stopword by hash");
	ok(!hash_has(en, "council") && !sc_stoplist_has(en, "council", 7), "a word by hash");
	{
		/* "我们" ("we"): a two-character stopword begins with "我". */
		const char *w = "\xe6\x88\x91\xe4\xbb\xac";
		uint64_t h = SC_STOPHASH_INIT;

		ok(hash_has(zh, w), "a Chinese stopword by hash");
		for (i = 0; i < 3; i++)
			h = sc_stophash_add(h, (unsigned char)w[i]);
		ok(sc_stopprefix_has(sc_stophash_end(h)), "its first character begins a stopword");
	}
	return tap_done();
}
