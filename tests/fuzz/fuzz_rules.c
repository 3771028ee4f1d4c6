/*
 * fuzz_rules.c: the rule-file parser and the matcher (scstrip -r FILE).
 * The input is a rules file, a NUL byte, then subject lines.  Whatever
 * the bytes, loading must not crash and must count no more bad lines than
 * the file has; matching must give a known action and, when a rule
 * decided, name a line of that file.  The subject lines (and the rule
 * lines themselves) are also run against the built-in rule set, which is
 * what scstrip does to every line of every page.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "utf8.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char name[] = "fuzz.rules";

static void
check_match(struct sc_rules *r, const char *p, size_t n, const char *file,
    size_t nlines)
{
	struct sc_rule_hit hit;
	enum sc_rule_action a;

	memset(&hit, 0, sizeof hit);
	a = sc_rules_match(r, p, n, &hit);
	if ((int)a < SC_RULE_NONE || a >= SC_RULE_NACTIONS)
		abort();
	{
		/* The words given (scstrip's way): the same verdict and rule. */
		uint64_t w[SC_RULES_WORDS];
		struct sc_rule_hit hw;
		size_t nw = sc_rules_words(p, n, w, SC_RULES_WORDS);

		memset(&hw, 0, sizeof hw);
		if (sc_rules_match_words(r, p, n, w, nw, &hw) != a ||
		    (a != SC_RULE_NONE && (hw.line != hit.line || hw.file != hit.file)))
			abort();
	}
	if (a == SC_RULE_NONE)
		return;
	if (hit.action != a || hit.pattern == NULL || hit.file == NULL)
		abort();
	if (file != NULL && (strcmp(hit.file, file) != 0 || hit.line == 0 ||
	    hit.line > nlines))
		abort();
}

/* Every line of p[0..n), repaired to UTF-8 as the stream reader would. */
static void
each_line(struct sc_rules *r, const char *p, size_t n, const char *file,
    size_t nlines)
{
	struct sc_buf fixed = { 0 };
	const char *e;

	while (n > 0) {
		e = memchr(p, '\n', n);
		size_t len = e ? (size_t)(e - p) : n;

		sc_buf_reset(&fixed);
		sc_utf8_repair(p, len, &fixed);
		check_match(r, fixed.p ? fixed.p : "", fixed.len, file, nlines);
		p += len;
		n -= len;
		if (n > 0) {
			p++;
			n--;
		}
	}
	sc_buf_free(&fixed);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sc_rules *builtin;
	const char *t = (const char *)data, *nul;
	size_t rlen, nlines = 1, i;
	struct sc_rules *r;
	int bad;

	if (builtin == NULL) {
		sc_progname = "fuzz_rules";
		builtin = sc_rules_new();
		if (sc_rules_load_builtin(builtin) != 0)
			abort();	/* the shipped rules load cleanly */
		sc_rules_compile(builtin);
	}
	nul = memchr(t, '\0', size);
	rlen = nul ? (size_t)(nul - t) : size;
	for (i = 0; i < rlen; i++)
		nlines += t[i] == '\n';

	r = sc_rules_new();
	bad = sc_rules_load_mem(r, name, t, rlen);
	if (bad < 0 || (size_t)bad > nlines || sc_rules_count(r) > nlines)
		abort();
	sc_rules_compile(r);
	if (nul != NULL) {
		each_line(r, nul + 1, size - rlen - 1, name, nlines);
		each_line(builtin, nul + 1, size - rlen - 1, NULL, 0);
	} else {
		each_line(r, t, rlen, name, nlines);
	}
	each_line(builtin, t, rlen, NULL, 0);
	sc_rules_free(r);
	return 0;
}
