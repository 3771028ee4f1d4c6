/*
 * fuzz_lang.c: language identification on any bytes made valid UTF-8 (as
 * the stream hands text to the tools): the sample windows, CLD2, and the
 * marker-word second opinion for every code it applies to.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "text.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const codes[] = { "da", "no", "hr", "bs", "sr", "id",
	    "ms", "en" };
	struct sc_buf t = { NULL, 0, 0 };
	struct sc_lang l;

	sc_utf8_repair((const char *)data, size, &t);
	sc_lang_detect(t.p ? t.p : "", t.len, &l);
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		(void)sc_lang_close(t.p ? t.p : "", t.len, codes[i]);
	sc_buf_free(&t);
	return 0;
}
