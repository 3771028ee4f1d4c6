/*
 * fuzz_index.c: the index file reader of scdedup (--index).  Whatever the
 * bytes, loading must not crash, leak or run away; a file it accepts must
 * work as a finder.  Each input is tried twice: as it is (the checksum
 * almost always refuses it), and with its checksum made right, so the
 * parser behind the checksum is exercised too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "dedup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
try_load(const uint8_t *data, size_t size)
{
	const char *err = NULL;
	struct sc_dedup *d;
	FILE *f;

	if (size == 0)
		return;
	f = fmemopen((void *)data, size, "rb");
	if (f == NULL)
		return;
	d = sc_dedup_load(f, 0, (uint64_t)64 << 20, NULL, &err);
	fclose(f);
	if (d == NULL) {
		if (err == NULL)
			abort();	/* a refusal always says why */
		return;
	}
	if (sc_dedup_memory(d) < ((uint64_t)32 << 20)) {
		static const char *texts[] = {
			"the river rose in the night and the council met at dawn",
			"the river rose in the night and the council met at dawn",
			"", "!!!", "short text",
		};
		struct sc_dup r;

		for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
			sc_dedup_add(d, texts[i], strlen(texts[i]), "id", 2, &r);
			if (r.how != SC_DUP_NONE && r.match >= r.unit)
				abort();	/* a duplicate of a later unit */
			(void)sc_dedup_id(d, r.root, NULL);
		}
	}
	sc_dedup_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *fixed;
	uint64_t sum;

	try_load(data, size);
	if (size < 16)
		return 0;
	fixed = malloc(size);
	if (fixed == NULL)
		return 0;
	memcpy(fixed, data, size);
	sum = XXH3_64bits(fixed, size - 8);
	for (int i = 0; i < 8; i++)
		fixed[size - 8 + i] = (uint8_t)(sum >> (8 * i));
	try_load(fixed, size);
	free(fixed);
	return 0;
}
