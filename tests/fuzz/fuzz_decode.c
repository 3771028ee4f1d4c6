/*
 * fuzz_decode.c: charset detection and conversion, normalisation and
 * mojibake repair.  Output must always be valid UTF-8 without CR, and
 * normalising twice must change nothing the second time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *charsets[] = { NULL, "WINDOWS-1252", "UTF-16LE", "SHIFT_JIS" };
	struct sc_buf out = {0};
	struct sc_decode_result res;
	const char *cs = size > 0 ? charsets[data[0] % 4] : NULL;

	if (sc_decode((const char *)data, size, cs, &out, &res) == 0) {
		const char *p = out.p ? out.p : "";

		if (!sc_utf8_valid(p, out.len) || memchr(p, '\r', out.len) != NULL)
			abort();
		sc_fix_mojibake(&out);
		if (!sc_utf8_valid(out.p ? out.p : "", out.len))
			abort();
		sc_normalize(&out);
		if (sc_needs_normalize(out.p ? out.p : "", out.len) || sc_normalize(&out))
			abort();
		if (!sc_utf8_valid(out.p ? out.p : "", out.len))
			abort();
	}
	sc_buf_free(&out);
	return 0;
}
