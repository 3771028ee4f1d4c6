/*
 * fuzz_date.c: the date finder.  Whatever the bytes (invalid UTF-8, NUL,
 * endless digits), finding must not crash, and every date it reports must
 * be a real day between 1995 and now, lie inside the input, come in text
 * order without overlapping, and format to a short ISO string.  The first
 * byte picks the page language and whether relative dates are on, so the
 * corpus covers those paths too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const langs[] = { NULL, "en", "de", "fr", "es", "ja" };

static void
check_hits(const struct sc_date_ctx *c, const struct sc_date_hit *h, size_t n,
    size_t size)
{
	size_t i, end = 0;
	char buf[SC_DATE_FMTLEN];

	for (i = 0; i < n; i++) {
		if (h[i].pos < end || h[i].len == 0 || h[i].pos + h[i].len > size)
			abort();
		end = h[i].pos + h[i].len;
		if (!sc_date_valid(h[i].d.year, h[i].d.month, h[i].d.day) ||
		    h[i].d.year < c->min_year)
			abort();
		{
			struct sc_date day = h[i].d;

			day.hour = -1;
			if (sc_date_cmp(&day, &c->now) > 0)
				abort();
		}
		if (sc_date_format(&h[i].d, buf) >= SC_DATE_FMTLEN)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_date_ctx c;
	struct sc_date_hit h[64];
	struct sc_date d;
	const char *p = (const char *)data;
	size_t n;

	sc_date_ctx_init(&c);
	c.now.year = 2023; c.now.month = 11; c.now.day = 10;
	c.now.hour = 12; c.now.minute = 0; c.now.second = 0;
	if (size > 0) {
		c.lang = langs[data[0] % (sizeof langs / sizeof langs[0])];
		c.relative = data[0] & 0x80;
		c.order = (enum sc_date_order)(data[0] >> 5 & 3) % 3;
	}
	n = sc_date_find(p, size, &c, h, 64);
	if (n > 64)
		abort();
	check_hits(&c, h, n, size);
	n = sc_date_resolve(h, n, &c, NULL);
	check_hits(&c, h, n, size);
	if (sc_date_parse(p, size, &c, &d) == 0 &&
	    !sc_date_valid(d.year, d.month, d.day))
		abort();
	return 0;
}
