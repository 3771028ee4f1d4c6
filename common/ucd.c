/*
 * ucd.c: lazily filled copies of utf8proc's category, lower-case and
 * width tables for the BMP, and the table of two-byte characters (see
 * ucd.h).
 */
#include "ucd.h"

uint8_t sc_ucd_pages[256];
uint8_t sc_ucd_catv[0x10000];
uint32_t sc_ucd_lowerv[0x10000];
int8_t sc_ucd_widthv[0x10000];

void
sc_ucd_fill(unsigned page)
{
	uint32_t c, lo = (uint32_t)page << 8;

	for (c = lo; c < lo + 256; c++) {
		sc_ucd_catv[c] = (uint8_t)utf8proc_category((utf8proc_int32_t)c);
		sc_ucd_lowerv[c] = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
		sc_ucd_widthv[c] = (int8_t)utf8proc_charwidth((utf8proc_int32_t)c);
	}
	sc_ucd_pages[page] = 1;
}

int sc_ucd2_ready;
struct sc_ucd2 sc_ucd2v[30 << 6];

void
sc_ucd2_fill(void)
{
	size_t i;

	for (i = 0; i < sizeof sc_ucd2v / sizeof sc_ucd2v[0]; i++) {
		uint32_t c = (uint32_t)i + 0x80, l = (uint32_t)sc_ucd_lower(c);
		struct sc_ucd2 *e = &sc_ucd2v[i];

		e->lower = l;
		e->cat = (uint8_t)sc_ucd_category(c);
		if (l < 0x80) {
			e->n = 1;
			e->b[0] = (uint8_t)l;
		} else if (l < 0x800) {
			e->n = 2;
			e->b[0] = (uint8_t)(0xC0 | l >> 6);
			e->b[1] = (uint8_t)(0x80 | (l & 0x3F));
		}
	}
	sc_ucd2_ready = 1;
}
