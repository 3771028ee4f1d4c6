/*
 * test_dedup: the duplicate finder's rules, its memory per unit, and the
 * index file (round trip; foreign, truncated and corrupt files refused).
 */
#include <stdlib.h>
#include <unistd.h>

#include "dedup.h"
#include "../tap.h"

static const char *words_list[] = { "river", "council", "budget", "school",
    "storm", "harbour", "minister", "report", "village", "market", "train",
    "station", "winter", "summer", "election", "court", "bridge", "museum",
    "garden", "factory", "doctor", "teacher", "orchard", "tunnel", "league" };

/* n pseudo-random words from seed; "unique" words carry numbers too. */
static void
text(struct sc_buf *b, unsigned seed, int n)
{
	int i;

	sc_buf_reset(b);
	for (i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		sc_buf_printf(b, "%s%s%c", i ? " " : "", words_list[(seed >> 16) % 25],
		    'a' + (int)((seed >> 8) % 26));
	}
}

static struct sc_dup
add(struct sc_dedup *d, const char *s, const char *id)
{
	struct sc_dup r;

	sc_dedup_add(d, s, strlen(s), id, id ? strlen(id) : 0, &r);
	return r;
}

static void
test_exact(void)
{
	struct sc_dedup_params p;
	struct sc_dedup *d;
	struct sc_dup r;

	sc_dedup_defaults(&p);
	p.near = 0;
	d = sc_dedup_new(&p, SC_DEDUP_ROOTS | SC_DEDUP_IDS, 0, NULL);
	is_int(add(d, "Hello  World", "a").how, SC_DUP_NONE, "exact: first kept");
	is_int(add(d, "Goodbye", "b").how, SC_DUP_NONE, "exact: other kept");
	r = add(d, " hello world\n", "c");
	is_int(r.how, SC_DUP_EXACT, "exact: same normal form");
	is_int(r.root, 0, "exact: root is the first");
	is_str(sc_dedup_id(d, r.root, NULL), "a", "exact: id of the kept unit");
	is_int(add(d, "", "e1").how, SC_DUP_NONE, "empty: first kept");
	is_int(add(d, "  ", "e2").how, SC_DUP_EXACT, "empty: second is a duplicate");
	sc_dedup_free(d);

	p.norm = SC_NORM_NONE;
	d = sc_dedup_new(&p, 0, 0, NULL);
	add(d, "Hello", NULL);
	is_int(add(d, "hello", NULL).how, SC_DUP_NONE, "none: case matters");
	is_int(add(d, "Hello", NULL).how, SC_DUP_EXACT, "none: same bytes");
	sc_dedup_free(d);
}

static void
test_near(void)
{
	struct sc_dedup_params p;
	struct sc_dedup *d;
	struct sc_buf a = { 0 }, b = { 0 }, c = { 0 };
	struct sc_dup r;
	int i, dups;

	sc_dedup_defaults(&p);
	d = sc_dedup_new(&p, SC_DEDUP_ROOTS | SC_DEDUP_IDS, 0, NULL);
	text(&a, 1, 300);
	is_int(add(d, a.p, "orig").how, SC_DUP_NONE, "near: original kept");

	/* One word in fifty changed: J about 0.8. */
	sc_buf_reset(&b);
	sc_buf_add(&b, a.p, a.len);
	for (i = 0; i < (int)b.len; i += 400)
		b.p[i] = b.p[i] == 'x' ? 'y' : 'x';
	r = add(d, b.p, "edit");
	is_int(r.how, SC_DUP_JACCARD, "near: small edits");
	ok(r.score >= 0.7 && r.score < 1, "near: score is the Jaccard similarity");

	/* A teaser: its first 70%. */
	sc_buf_reset(&b);
	sc_buf_add(&b, a.p, a.len * 7 / 10);
	r = add(d, b.p, "teaser");
	ok(r.how == SC_DUP_CONTAINED || r.how == SC_DUP_JACCARD, "near: teaser");
	is_int(r.root, 0, "near: teaser's root");

	/* The article inside another site's header and footer. */
	text(&c, 777, 60);
	sc_buf_reset(&b);
	sc_buf_add(&b, c.p, c.len);
	sc_buf_adds(&b, "\n");
	sc_buf_add(&b, a.p, a.len);
	sc_buf_adds(&b, "\n");
	sc_buf_add(&b, c.p, c.len);
	r = add(d, b.p, "wrapped");
	ok(r.how == SC_DUP_CONTAINED || r.how == SC_DUP_JACCARD,
	    "near: wrapped in boilerplate");

	/* A different article in the same boilerplate is kept. */
	text(&a, 2, 300);
	sc_buf_reset(&b);
	sc_buf_add(&b, c.p, c.len);
	sc_buf_adds(&b, "\n");
	sc_buf_add(&b, a.p, a.len);
	sc_buf_adds(&b, "\n");
	sc_buf_add(&b, c.p, c.len);
	is_int(add(d, b.p, "other").how, SC_DUP_NONE, "near: other article, same boilerplate");

	/* Chains report the kept root. */
	text(&a, 3, 400);
	add(d, a.p, "chain0");
	sc_buf_reset(&b);
	sc_buf_add(&b, a.p, a.len * 8 / 10);
	r = add(d, b.p, "chain1");
	sc_buf_reset(&b);
	sc_buf_add(&b, a.p + a.len / 20, a.len * 7 / 10);
	r = add(d, b.p, "chain2");
	ok(r.how != SC_DUP_NONE, "near: chain member found");
	is_str(sc_dedup_id(d, r.root, NULL), "chain0", "near: chain reports the kept root");

	/* Short texts neither vanish nor collapse into one cluster. */
	for (dups = 0, i = 0; i < 200; i++) {
		char s[64];

		snprintf(s, sizeof s, "%s %s %d", words_list[i % 25],
		    words_list[(i / 25) % 25], i);
		dups += add(d, s, NULL).how != SC_DUP_NONE;
	}
	is_int(dups, 0, "200 different short texts: no duplicate");
	is_int(add(d, "council river 1", NULL).how, SC_DUP_EXACT, "short: exact copy found");
	is_int(add(d, "Budget, RIVER: 2!", NULL).how, SC_DUP_EXACT,
	    "short: same tokens are the same text");
	is_int(add(d, "!!!", NULL).how, SC_DUP_NONE, "no token: kept");
	is_int(add(d, "!!!", NULL).how, SC_DUP_EXACT, "no token: exact key still works");
	sc_dedup_free(d);
	sc_buf_free(&a);
	sc_buf_free(&b);
	sc_buf_free(&c);
}

static void
test_memory(void)
{
	struct sc_dedup_params p;
	struct sc_dedup *d;
	struct sc_buf a = { 0 };
	char key[32];
	unsigned i;
	double per;

	sc_dedup_defaults(&p);
	p.near = 0;
	d = sc_dedup_new(&p, 0, 0, NULL);
	for (i = 0; i < 400000; i++) {
		struct sc_dup r;

		snprintf(key, sizeof key, "line %u", i);
		sc_dedup_add(d, key, strlen(key), NULL, 0, &r);
	}
	per = (double)sc_dedup_memory(d) / 400000;
	printf("# exact: %.1f bytes a key\n", per);
	ok(per <= 16, "exact mode: at most 16 bytes a distinct key");
	sc_dedup_free(d);

	sc_dedup_defaults(&p);
	d = sc_dedup_new(&p, SC_DEDUP_ROOTS, 0, NULL);
	for (i = 0; i < 60000; i++) {
		struct sc_dup r;

		text(&a, i + 1000, 40);
		sc_dedup_add(d, a.p, a.len, NULL, 0, &r);
	}
	per = (double)sc_dedup_memory(d) / 60000;
	printf("# near: %.1f bytes a unit\n", per);
	ok(per <= 128, "near mode: at most 128 bytes a unit");
	sc_dedup_free(d);
	sc_buf_free(&a);
}

static struct sc_dedup *
load(const char *path, const char **err)
{
	FILE *f = fopen(path, "rb");
	struct sc_dedup *d;

	if (f == NULL)
		return NULL;
	d = sc_dedup_load(f, 0, 1u << 30, NULL, err);
	fclose(f);
	return d;
}

static void
test_index(void)
{
	struct sc_dedup_params p;
	struct sc_dedup *d;
	struct sc_buf a = { 0 }, raw = { 0 };
	char path[] = "/tmp/test_dedup.XXXXXX";
	const char *err = NULL;
	FILE *f;
	int fd, i;
	char buf[4096];
	size_t n;

	fd = mkstemp(path);
	close(fd);
	sc_dedup_defaults(&p);
	d = sc_dedup_new(&p, SC_DEDUP_ROOTS | SC_DEDUP_IDS, 0, NULL);
	for (i = 0; i < 50; i++) {
		text(&a, (unsigned)i, 80);
		add(d, a.p, "x");
	}
	ok(sc_dedup_save(d, path, &err) == 0, "index saved");
	sc_dedup_free(d);

	d = load(path, &err);
	ok(d != NULL, "index loaded");
	if (d != NULL) {
		struct sc_dup r;

		is_int(sc_dedup_units(d), 50, "index: units restored");
		text(&a, 7, 80);
		r = add(d, a.p, "again");
		is_int(r.how, SC_DUP_EXACT, "index: an old text is found");
		is_int(r.root, 7, "index: with its root");
		text(&a, 9, 80);
		a.len = a.len * 3 / 4;
		ok(add(d, a.p, "part").how != SC_DUP_NONE, "index: near duplicates too");
		text(&a, 1000, 80);
		is_int(add(d, a.p, "new").how, SC_DUP_NONE, "index: a new text is kept");
		sc_dedup_free(d);
	}

	/* The file's bytes, to damage. */
	f = fopen(path, "rb");
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sc_buf_add(&raw, buf, n);
	fclose(f);

	f = fopen(path, "wb");
	fwrite("not an index at all", 1, 19, f);
	fclose(f);
	err = NULL;
	ok(load(path, &err) == NULL && err && strstr(err, "not an scdedup index"),
	    "foreign file refused");

	f = fopen(path, "wb");
	fwrite(raw.p, 1, raw.len / 2, f);
	fclose(f);
	err = NULL;
	ok(load(path, &err) == NULL && err && strstr(err, "truncated"),
	    "truncated file refused");

	raw.p[raw.len / 2] ^= 0x10;
	f = fopen(path, "wb");
	fwrite(raw.p, 1, raw.len, f);
	fclose(f);
	err = NULL;
	ok(load(path, &err) == NULL && err && strstr(err, "corrupt"),
	    "corrupt file refused");

	raw.p[raw.len / 2] ^= 0x10;
	raw.p[8] = 9;		/* version */
	f = fopen(path, "wb");
	fwrite(raw.p, 1, raw.len, f);
	fclose(f);
	err = NULL;
	ok(load(path, &err) == NULL && err && strstr(err, "version"),
	    "other version refused");
	unlink(path);
	sc_buf_free(&a);
	sc_buf_free(&raw);
}

int
main(void)
{
	test_exact();
	test_near();
	test_memory();
	test_index();
	return tap_done();
}
