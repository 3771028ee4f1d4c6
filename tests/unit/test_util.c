/*
 * test_util: sc_table_alloc, the tables looked up at random: zeroed,
 * writable to their last byte, on a huge page's boundary when they are
 * large, and freed by size.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../tap.h"
#include "util.h"

static int
all_zero(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != 0)
			return 0;
	return 1;
}

int
main(void)
{
	static const size_t sizes[] = { 1, 4096, (512 << 10) - 1, 512 << 10, (2 << 20) + 3,
	    (size_t)9 << 20 };
	size_t k;

	for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		size_t n = sizes[k];
		unsigned char *p = sc_table_alloc(n);

		ok(p != NULL, "table allocated");
		ok(all_zero(p, n), "table zeroed");
		p[0] = 1;
		p[n - 1] = 2;
		ok((n == 1 || p[0] == 1) && p[n - 1] == 2, "table writable at both ends");
		if (n >= 512 << 10)
			ok(((uintptr_t)p & ((2 << 20) - 1)) == 0, "large table on a 2 MB boundary");
		sc_table_free(p, n);
	}
	sc_table_free(NULL, 1 << 20);
	ok(1, "freeing NULL does nothing");
	/* A table freed and taken again is zeroed again. */
	{
		unsigned char *p = sc_table_alloc(4 << 20);

		p[12345] = 7;
		sc_table_free(p, 4 << 20);
		p = sc_table_alloc(4 << 20);
		ok(p[12345] == 0, "a table taken again is zeroed");
		sc_table_free(p, 4 << 20);
	}
	return tap_done();
}
