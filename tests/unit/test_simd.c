/*
 * test_simd.c: simd.h's lane masks, ranges, bit counts and running sums
 * answer as a plain loop over the lanes does; so does sc_eqmask64().
 */
#include <stdint.h>
#include <string.h>

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

	/* Every byte against the ranges the scans ask for, and running sums. */
	{
		static const unsigned char range[][2] = {
			{ 'a', 'z' }, { 'A', 'Z' }, { '0', '9' }, { 0, 0x7F }, { 0x80, 0xFF },
			{ 0x80, 0x9F }, { 0x61, 0x61 },
		};
		unsigned bad_range = 0, bad_sum = 0, bad_total = 0, total, k, c;

		for (k = 0; k < sizeof range / sizeof range[0]; k++) {
			for (c = 0; c < 256; c += 16) {
				unsigned char buf[16];
				unsigned want = 0, j;

				for (j = 0; j < 16; j++) {
					buf[j] = (unsigned char)(c + j);
					if (buf[j] >= range[k][0] && buf[j] <= range[k][1])
						want |= 1u << j;
				}
				bad_range += sc_mask16(sc_range16(sc_load16(buf),
				    range[k][0], range[k][1])) != want;
			}
		}
		is_int(bad_range, 0, "range16 of every byte");
		for (i = 0; i < 1000; i++) {
			unsigned char buf[16], got[16], sum = 0;
			unsigned j;
			sc_u8x16 v;

			for (j = 0; j < 16; j++) {
				r = r * 6364136223846793005UL + 1442695040888963407UL;
				buf[j] = (unsigned char)(r >> 56);
			}
			v = sc_prefix16(sc_load16(buf));
			memcpy(got, &v, 16);
			for (j = 0, total = 0; j < 16; j++) {
				sum = (unsigned char)(sum + buf[j]);
				bad_sum += got[j] != sum;
				total += buf[j];
			}
			bad_total += sc_sum16(sc_load16(buf)) != total;
		}
		is_int(bad_sum, 0, "prefix16: running sums of random blocks");
		is_int(bad_total, 0, "sum16: sums of random blocks");
	}
	{
		/* eqmask64: random bytes of a few values, every length 0..80. */
		char buf[80];
		unsigned bad = 0;
		size_t n, j;

		for (i = 0; i < 200; i++) {
			for (j = 0; j < sizeof buf; j++) {
				r = r * 6364136223846793005UL + 1442695040888963407UL;
				buf[j] = "\n a\x80"[(r >> 60) & 3];
			}
			for (n = 0; n <= sizeof buf; n++) {
				uint64_t want = 0;

				for (j = 0; j < n && j < 64; j++)
					want |= (uint64_t)(buf[j] == '\n') << j;
				bad += sc_eqmask64(buf, n, '\n') != want;
			}
		}
		is_int(bad, 0, "eqmask64 of random texts of every length");
	}
	return tap_done();
}
