/*
 * ucd.c: lazily filled copies of utf8proc's category, lower-case and
 * width tables for the BMP (see ucd.h).
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
