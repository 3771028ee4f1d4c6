/* Unit tests of common/json.c: the record scanner and the writer. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "json.h"

static int
scan_ok(const char *s)
{
	struct sc_jfields fs = {0};
	const char *err;
	size_t pos;
	int rc = sc_json_scan_object(s, strlen(s), &fs, &err, &pos);

	free(fs.v);
	return rc == 0;
}

static void
unescape_is(const char *json, const char *want, size_t wantlen, const char *name)
{
	struct sc_buf b = {0};

	sc_json_unescape(json, strlen(json), &b);
	ok(b.len == wantlen && memcmp(b.p ? b.p : "", want, wantlen) == 0, name);
	sc_buf_free(&b);
}

/* sc_json_num against printf's %.*g, which its fast path must match byte for byte. */
static int
num_differs(struct sc_buf *b, double v, int digits)
{
	char want[64];

	if (v == 0)
		v = 0;
	snprintf(want, sizeof want, "%.*g", digits, v);
	sc_buf_reset(b);
	sc_json_num(b, v, digits);
	if (strcmp(b->p, want) != 0) {
		printf("#   %.17g to %d digits: got %s want %s\n", v, digits, b->p, want);
		return 1;
	}
	return 0;
}

static void
numbers_agree(void)
{
	struct sc_buf b = { 0 };
	unsigned long bad = 0, n = 0, seed = 99;
	int digits, i, j, k;

	for (digits = 1; digits <= 7; digits++) {
		/* Ratios of counts, as the signals are: ties such as 1/64 among them. */
		for (i = 0; i <= 400; i++)
			for (j = 1; j <= 200; j++, n++)
				bad += num_differs(&b, (double)i / j, digits) +
				    num_differs(&b, -(double)j / (i + 1), digits);
		/* Around every power of ten and every half-way point near it. */
		for (k = -6; k <= 8; k++) {
			double p = pow(10, k);

			for (i = -50; i <= 50; i++, n++) {
				bad += num_differs(&b, p + i * p * 1e-15, digits);
				bad += num_differs(&b, p * (1 - 0.5 * pow(10, -digits)) +
				    i * p * 1e-16, digits);
			}
		}
		/* Random bits. */
		for (i = 0; i < 60000; i++, n++) {
			uint64_t u;
			double v;

			seed = seed * 6364136223846793005ul + 1442695040888963407ul;
			u = seed;
			memcpy(&v, &u, sizeof v);
			if (isfinite(v))
				bad += num_differs(&b, v, digits);
			bad += num_differs(&b, (double)(seed >> 11) / (1ul << 53) *
			    pow(10, (int)(seed % 14) - 6), digits);
		}
	}
	printf("# %lu values\n", n);
	ok(bad == 0, "numbers written as %.*g writes them");
	sc_buf_free(&b);
}

int
main(void)
{
	struct sc_jfields fs = {0};
	const char *err, *rec = " {\"id\":\"a\", \"text\" : \"hi\",\"x\":[1,{\"y\":null}],\"text\":\"last\"} ";
	size_t pos;
	struct sc_buf b = {0};
	long i;

	ok(sc_json_scan_object(rec, strlen(rec), &fs, &err, &pos) == 0, "a record scans");
	is_int(fs.n, 4, "four members, duplicates included");
	i = sc_json_find(rec, &fs, "text");
	is_int(i, 3, "the last duplicate key counts");
	is_mem(rec + fs.v[i].vpos, fs.v[i].vlen, "\"last\"", "value span");
	is_int(fs.v[2].vtype, SC_JARR, "array type");
	is_mem(rec + fs.v[2].vpos, fs.v[2].vlen, "[1,{\"y\":null}]", "nested value span");
	free(fs.v);

	ok(scan_ok("{}"), "empty object");
	ok(scan_ok("{\"a\":-0.5e+10,\"b\":true,\"c\":false,\"d\":null}"), "literals and numbers");
	ok(scan_ok("{\"n\":123456789012345678901234567890}"), "huge numbers are valid");
	ok(!scan_ok("{\"n\":01}"), "leading zero rejected");
	ok(!scan_ok("{\"n\":1.}"), "bare point rejected");
	ok(!scan_ok("[1,2]"), "an array is not a record");
	ok(!scan_ok("{\"a\":1,}"), "trailing comma rejected");
	ok(!scan_ok("{\"a\":\"x\ty\"}"), "raw control character rejected");
	ok(!scan_ok("{\"a\":\"\\x\"}"), "bad escape rejected");
	ok(!scan_ok("{\"a\":1} x"), "extra data rejected");
	ok(!scan_ok("{\"a\":[1,2}"), "mismatched bracket rejected");
	ok(!scan_ok("{\"a\":\"unterminated"), "truncated record rejected");
	{
		/* 100,000 levels deep: no recursion, no crash. */
		size_t depth = 100000;
		char *deep = malloc(depth * 2 + 16);
		size_t k = 0;

		k += (size_t)sprintf(deep, "{\"a\":");
		for (size_t d = 0; d < depth; d++)
			deep[k++] = '[';
		for (size_t d = 0; d < depth; d++)
			deep[k++] = ']';
		deep[k++] = '}';
		deep[k] = '\0';
		ok(scan_ok(deep), "deep nesting is valid JSON");
		free(deep);
	}

	unescape_is("\"a\\u00e9\\n\\t\\\"\\\\\\/\"", "a\xc3\xa9\n\t\"\\/", 8, "escapes decoded");
	unescape_is("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80", 4, "surrogate pair combined");
	unescape_is("\"\\ud800x\"", "\xef\xbf\xbdx", 4, "lone surrogate becomes U+FFFD");
	unescape_is("\"a\\u0000b\"", "a\0b", 3, "\\u0000 becomes a NUL byte");

	sc_json_str(&b, "a\"b\\c\n\x01\x7f\xc3\xa9", 10);
	is_str(b.p, "\"a\\\"b\\\\c\\n\\u0001\x7f\xc3\xa9\"", "strings escaped");
	sc_buf_reset(&b);
	{
		/*
		 * Long strings (thirty-two bytes a store where AVX2 is there)
		 * with a byte to escape at every place, after other text in the
		 * buffer: the same as escaping byte by byte.
		 */
		static const char esc[] = { '"', '\\', '\n', 0x01, 0x1f };
		char in[100], want[700];
		int same = 1;

		for (size_t at = 0; at < sizeof in; at++) {
			for (size_t e = 0; e < sizeof esc; e++) {
				size_t k = 0;

				for (size_t j = 0; j < sizeof in; j++)
					in[j] = (char)('a' + j % 26);
				in[at] = esc[e];
				if (at + 40 < sizeof in)
					in[at + 40] = '\t';
				want[k++] = '"';
				for (size_t j = 0; j < sizeof in; j++) {
					unsigned char c = (unsigned char)in[j];

					if (c == '"' || c == '\\')
						k += (size_t)sprintf(want + k, "\\%c", c);
					else if (c == '\n')
						k += (size_t)sprintf(want + k, "\\n");
					else if (c == '\t')
						k += (size_t)sprintf(want + k, "\\t");
					else if (c < 0x20)
						k += (size_t)sprintf(want + k, "\\u%04x", c);
					else
						want[k++] = (char)c;
				}
				want[k++] = '"';
				sc_buf_reset(&b);
				sc_buf_add(&b, "x", 1);
				sc_json_str(&b, in, sizeof in);
				if (b.len != k + 1 || memcmp(b.p + 1, want, k) != 0)
					same = 0;
			}
		}
		ok(same, "long strings: every place of an escape gives the byte-by-byte result");
	}
	sc_buf_reset(&b);
	sc_json_num(&b, 0.1 + 0.2, 4);
	is_str(b.p, "0.3", "numbers rounded to digits");
	sc_buf_reset(&b);
	sc_json_num(&b, 1.0 / 0.0, 4);
	is_str(b.p, "null", "infinity written as null");
	sc_buf_reset(&b);
	sc_json_int(&b, INT64_MIN);
	is_str(b.p, "-9223372036854775808", "INT64_MIN");
	sc_buf_free(&b);
	{
		/* Numbers written in place, into an empty buffer and after text. */
		static const struct { uint64_t v; const char *s; } nums[] = {
			{ 0, "0" }, { 9, "9" }, { 10, "10" }, { 99, "99" }, { 100, "100" },
			{ 4294967296ULL, "4294967296" },
			{ 18446744073709551615ULL, "18446744073709551615" }
		};
		int good = 1;

		for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++) {
			struct sc_buf nb = {0}, want = {0};

			sc_json_uint(&nb, nums[k].v);
			good &= nb.len == strlen(nums[k].s) && strcmp(nb.p, nums[k].s) == 0;
			sc_buf_reset(&nb);
			sc_buf_adds(&nb, "[");
			sc_json_uint(&nb, nums[k].v);
			sc_buf_addc(&nb, ']');
			sc_buf_printf(&want, "[%s]", nums[k].s);
			good &= nb.len == want.len && strcmp(nb.p, want.p) == 0;
			sc_buf_free(&nb);
			sc_buf_free(&want);
		}
		ok(good, "unsigned integers, 0 to 2^64-1");
	}
	numbers_agree();
	return tap_done();
}
