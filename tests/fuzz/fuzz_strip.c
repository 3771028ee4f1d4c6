/*
 * fuzz_strip.c: the text producer and the classifier.  Whatever the text,
 * stripping must not crash, must keep only bytes of the input's blocks,
 * and must give the same output twice (no state leaks between documents);
 * the same with --keep-title, whose headline search reads the text again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strip.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sc_strip *s, *st;
	static struct sc_rules *rules;
	struct sc_buf text = {0}, a = {0}, b = {0};
	struct sc_strip_result r;
	int k;

	if (s == NULL) {
		struct sc_strip_opts o;

		rules = sc_rules_new();
		sc_rules_load_builtin(rules);
		sc_strip_opts_init(&o);
		o.rules = rules;
		o.explain = 1;
		s = sc_strip_new(&o);
		o.keep_title = 1;
		st = sc_strip_new(&o);
	}
	/* Documents reach the classifier as valid UTF-8. */
	sc_utf8_repair((const char *)data, size, &text);
	for (k = 0; k < 2; k++) {
		struct sc_strip *e = k == 0 ? s : st;

		sc_buf_reset(&a);
		sc_buf_reset(&b);
		sc_strip_text(e, text.p ? text.p : "", text.len, &a, &r);
		sc_strip_text(e, text.p ? text.p : "", text.len, &b, &r);
		if (a.len != b.len || (a.len > 0 && memcmp(a.p, b.p, a.len) != 0))
			abort();
		if (a.len > text.len + text.len / 2 + 16)
			abort();	/* output is made of input blocks */
		if (r.kept + r.dropped != r.blocks)
			abort();
	}
	sc_buf_free(&text);
	sc_buf_free(&a);
	sc_buf_free(&b);
	return 0;
}
