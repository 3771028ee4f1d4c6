/*
 * test_simd.c: simd.h's lane masks and bit counts answer as a plain loop
 * over the lanes does.
 */
#include <stdint.h>

#include "../tap.h"
#include "simd.h"

int
main(void)
{
	unsigned x, bad_pop = 0, bad_mask = 0, bad_first = 0;
	unsigned long r = 1;
	int i;

	for (x = 0; x < 0x10000; x++) {
		unsigned want = 0, b;

		for (b = x; b != 0; b >>= 1)
			want += b & 1;
		bad_pop += sc_popcount16(x) != want;
	}
	is_int(bad_pop, 0, "popcount16 of every 16-bit mask");

	/* Random blocks: the high-byte mask and the first high lane. */
	for (i = 0; i < 100000; i++) {
		unsigned char buf[16];
		unsigned want = 0, first = 16, j;
		sc_u8x16 v;

		for (j = 0; j < 16; j++) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			buf[j] = (unsigned char)(r >> 56) & (i % 3 ? 0xFF : 0x8F);
			if (buf[j] >= 0x80) {
				want |= 1u << j;
				if (first == 16)
					first = j;
			}
		}
		v = sc_load16(buf);
		bad_mask += sc_mask16(sc_high16(v)) != want;
		bad_first += sc_first16(sc_high16(v)) != first;
	}
	is_int(bad_mask, 0, "mask16 of the high bytes");
	is_int(bad_first, 0, "first16 of the high bytes");
	return tap_done();
}
