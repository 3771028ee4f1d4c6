/*
 * fuzz_pagemeta.c: the page fields.  Whatever the page, extraction must
 * not crash, must give valid UTF-8 without control characters in every
 * field, and a date that reads back as ISO 8601.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pagemeta.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_str(const char *s)
{
	size_t i, n;

	if (s == NULL)
		return;
	n = strlen(s);
	if (n == 0 || !sc_utf8_valid(s, n))
		abort();
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_pagemeta m;
	struct sc_pagemeta_opts o;
	struct sc_date now = { 2023, 11, 10, 12, 0, 0, SC_DATE_NOTZ }, d;
	size_t i;

	sc_pagemeta_opts_init(&o);
	o.now = &now;
	o.max_bytes = 8192 + (size & 0xFFF);	/* cut in odd places too */
	sc_pagemeta_extract((const char *)data, size, &o, &m);
	check_str(m.title);
	check_str(m.date);
	check_str(m.author);
	check_str(m.author_role);
	check_str(m.site);
	check_str(m.description);
	check_str(m.url);
	for (i = 0; i < m.ncategories; i++)
		check_str(m.categories[i]);
	for (i = 0; i < m.ntags; i++)
		check_str(m.tags[i]);
	if (m.date != NULL && sc_date_parse_now(m.date, &d) != 0)
		abort();
	sc_pagemeta_free(&m);
	return 0;
}
