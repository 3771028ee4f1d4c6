/*
 * test_meta: the metadata items of a document (sc_meta_set_*, sc_meta_get,
 * sc_meta_del), as keys are found by number: keys set again keep their
 * place, a key in a reused buffer is read by its contents, not by where it
 * lies, and past the numbered keys (more than 512 distinct) keys are
 * still told apart.  Keys set by number (sc_meta_key, the _id setters)
 * are the same items as by name, in any order from one document to the
 * next.
 */
#include <stdint.h>
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

	/* By number: the same items as by name. */
	{
		uint32_t kw = sc_meta_key("words"), kt = sc_meta_key("title");
		uint32_t ks = sc_meta_key("score"), kf = sc_meta_key("flag");

		ok(kw != 0 && kt != 0 && ks != 0 && kf != 0 && kw != kt &&
		    kw == sc_meta_key("words"), "a key's number is one, given once");
		sc_meta_expect(40);
		sc_doc_clear(&d);
		sc_meta_set_int_id(&d, kw, 3);
		sc_meta_set_str_id(&d, kt, "T\"x", 3);
		sc_meta_set_num_id(&d, ks, 0.25, 4);
		sc_meta_set_raw_id(&d, kf, "true", 4);
		ok(has(&d, "words", "3") && has(&d, "title", "\"T\\\"x\"") &&
		    has(&d, "score", "0.25") && has(&d, "flag", "true") && d.meta.n == 4 &&
		    d.meta.v[0].id == kw && strcmp(d.meta.v[1].key, "title") == 0,
		    "set by number, read by name");
		sc_meta_set_int(&d, "words", 4);
		sc_meta_set_int_id(&d, kw, 5);
		ok(has(&d, "words", "5") && d.meta.n == 4, "by name and number: one item");
		/* The next document: the same keys, one left out, one new, another order. */
		sc_doc_clear(&d);
		sc_meta_set_int_id(&d, kw, 6);
		sc_meta_set_raw_id(&d, kf, "false", 5);
		sc_meta_set_raw(&d, "lang", "\"it\"", 4);
		sc_meta_set_str_id(&d, kt, "U", 1);
		sc_meta_set_int_id(&d, kw, 7);
		ok(has(&d, "words", "7") && has(&d, "flag", "false") && has(&d, "lang", "\"it\"") &&
		    has(&d, "title", "\"U\"") && has(&d, "score", NULL) && d.meta.n == 4 &&
		    strcmp(d.meta.v[1].key, "flag") == 0 && strcmp(d.meta.v[3].key, "title") == 0,
		    "by number after a clear, in another order");
	}

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
	ok(good && d.meta.n == 704, "700 distinct keys, each its own value");
	for (k = 699; k >= 0; k--) {
		snprintf(buf, sizeof buf, "key_%d", k);
		sc_meta_set_int(&d, buf, -k);
	}
	for (k = 0, good = 1; k < 700; k++) {
		snprintf(buf, sizeof buf, "key_%d", k);
		snprintf(want, sizeof want, "%d", -k);
		good &= has(&d, buf, want);
	}
	ok(good && d.meta.n == 704, "set again in reverse, each replaced");
	ok(sc_meta_key("yet_another_key") == 0 && sc_meta_key("words") != 0,
	    "no number for a new key once all are given; the old keep theirs");
	sc_doc_free(&d);
	return tap_done();
}
