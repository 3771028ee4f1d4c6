/*
 * test_meta: the metadata items of a document (sc_meta_set_*, sc_meta_get,
 * sc_meta_del), as keys are found by number: keys set again keep their
 * place, a key in a reused buffer is read by its contents, not by where it
 * lies, and past the numbered keys (more than 512 distinct) keys are
 * still told apart.
 */
#include <stdio.h>
#include <string.h>

#include "../tap.h"
#include "stream.h"

static int
has(const struct sc_doc *d, const char *key, const char *want)
{
	struct sc_text v;

	if (!sc_meta_get(d, key, &v))
		return want == NULL;
	return want != NULL && v.len == strlen(want) && memcmp(v.p, want, v.len) == 0;
}

int
main(void)
{
	struct sc_doc d;
	char buf[32], want[32];
	int k, good;

	sc_doc_init(&d);
	sc_meta_set_raw(&d, "lang", "\"de\"", 4);
	sc_meta_set_int(&d, "words", 12);
	sc_meta_set_raw(&d, "lang", "\"fr\"", 4);
	ok(has(&d, "lang", "\"fr\"") && has(&d, "words", "12") && d.meta.n == 2,
	    "a key set again replaces its value");
	ok(strcmp(d.meta.v[0].key, "lang") == 0, "and keeps its place");

	/* One buffer, different keys: each is its own item. */
	snprintf(buf, sizeof buf, "title");
	sc_meta_set_raw(&d, buf, "\"A\"", 3);
	snprintf(buf, sizeof buf, "date");
	sc_meta_set_raw(&d, buf, "\"2024-01-02\"", 12);
	ok(has(&d, "title", "\"A\"") && has(&d, "date", "\"2024-01-02\"") && d.meta.n == 4,
	    "a key read from a reused buffer by its contents");

	/* Cleared and used again, as a batch's documents are. */
	sc_doc_clear(&d);
	sc_meta_set_raw(&d, "date", "\"2024-02-03\"", 12);
	sc_meta_set_int(&d, "words", 7);
	ok(has(&d, "date", "\"2024-02-03\"") && has(&d, "words", "7") && has(&d, "lang", NULL) &&
	    d.meta.n == 2, "keys in another order after a clear");
	sc_meta_del(&d, "words");
	ok(has(&d, "words", NULL), "a deleted key reads as absent");

	/* More distinct keys than are numbered: all apart, all found. */
	for (k = 0; k < 700; k++) {
		snprintf(buf, sizeof buf, "key_%d", k);
		sc_meta_set_int(&d, buf, k);
	}
	for (k = 0, good = 1; k < 700; k++) {
		snprintf(buf, sizeof buf, "key_%d", k);
		snprintf(want, sizeof want, "%d", k);
		good &= has(&d, buf, want);
	}
	ok(good && d.meta.n == 702, "700 distinct keys, each its own value");
	for (k = 699; k >= 0; k--) {
		snprintf(buf, sizeof buf, "key_%d", k);
		sc_meta_set_int(&d, buf, -k);
	}
	for (k = 0, good = 1; k < 700; k++) {
		snprintf(buf, sizeof buf, "key_%d", k);
		snprintf(want, sizeof want, "%d", -k);
		good &= has(&d, buf, want);
	}
	ok(good && d.meta.n == 702, "set again in reverse, each replaced");
	sc_doc_free(&d);
	return tap_done();
}
