/*
 * fuzz_json.c: the JSON record scanner.  Whatever the bytes, scanning must
 * not crash; a record it accepts must have sane member spans, and its
 * string values must survive unescape + escape + unescape unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_jfields fs = {0};
	struct sc_buf fixed = {0}, a = {0}, esc = {0}, b = {0};
	const char *err;
	size_t pos;

	/* The stream reader repairs UTF-8 before scanning; do the same. */
	sc_utf8_repair((const char *)data, size, &fixed);
	if (sc_json_scan_object(fixed.p ? fixed.p : "", fixed.len, &fs, &err, &pos) == 0) {
		for (size_t i = 0; i < fs.n; i++) {
			const struct sc_jfield *f = &fs.v[i];

			if (f->vpos + f->vlen > fixed.len || f->kpos + f->klen > fixed.len)
				abort();
			(void)sc_json_key_is(fixed.p, f, "text");
			if (f->vtype != SC_JSTR)
				continue;
			sc_buf_reset(&a);
			sc_buf_reset(&esc);
			sc_buf_reset(&b);
			sc_json_unescape(fixed.p + f->vpos, f->vlen, &a);
			sc_json_str(&esc, a.p ? a.p : "", a.len);
			sc_json_unescape(esc.p, esc.len, &b);
			if (a.len != b.len || (a.len > 0 && memcmp(a.p, b.p, a.len) != 0))
				abort();
			if (!sc_utf8_valid(a.p ? a.p : "", a.len))
				abort();
		}
	} else if (pos > fixed.len) {
		abort();
	}
	free(fs.v);
	sc_buf_free(&fixed);
	sc_buf_free(&a);
	sc_buf_free(&esc);
	sc_buf_free(&b);
	return 0;
}
