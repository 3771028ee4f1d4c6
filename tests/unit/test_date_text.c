/*
 * Unit tests of the dates scmeta reads from text dumps: first the finder
 * (common/date.c) on forms dumps produce, every hit of a line listed;
 * then the choice of the page's date (common/pagemeta.c) on small pages
 * written for the tests, one layout a row.  "now" is 2023-11-10 12:00.
 */
#include "../tap.h"
#include "date.h"
#include "pagemeta.h"

#include <stdio.h>
#include <string.h>

struct fcase {
	const char *lang;
	const char *in;
	const char *want;	/* every hit, ISO, joined by " "; "" for none */
	const char *why;
};

static const struct fcase finds[] = {
	/* a space after each dot: Czech, Slovak, and themes that copy them */
	{ "cs", "18. 5. 2014", "2014-05-18", "cs: spaced dots" },
	{ "sk", "Publikované 3. 11. 2021", "2021-11-03", "sk: spaced dots" },
	{ "de", "18. 05. 2014 22:38", "2014-05-18T22:38:00", "spaced dots with a time" },
	{ "cs", "18.\xC2\xA0" "5.\xC2\xA0" "2014", "2014-05-18", "NBSP after the dots" },
	{ "de", "Kapitel 3. 4. 5.", "", "spaced dots without a year: a list" },
	{ "cs", "31. 2. 2014", "", "spaced dots: impossible day" },
	{ "cs", "18. 5. 20145", "", "spaced dots: five-digit year" },
	/* an offset the dump glued to the next element ends after HH:MM */
	{ "de", "Angele2022-12-07T10:10:52+01:0025. Dezember 2022|",
	    "2022-12-07T10:10:52+01:00 2022-12-25", "glued offset, then a date" },
	{ NULL, "2022-12-07T10:10:52-05:3012", "2022-12-07T10:10:52-05:30",
	    "glued offset, then digits" },
};

static void
check_find(const struct fcase *c)
{
	struct sc_date_ctx ctx;
	struct sc_date_hit h[8];
	char buf[SC_DATE_FMTLEN], got[256], name[300];
	size_t n, i, o = 0;

	sc_date_ctx_init(&ctx);
	sc_date_parse_now("2023-11-10T12:00:00", &ctx.now);
	ctx.lang = c->lang;
	n = sc_date_find(c->in, strlen(c->in), &ctx, h, 8);
	n = sc_date_resolve(h, n, &ctx, NULL);
	got[0] = '\0';
	for (i = 0; i < n; i++) {
		sc_date_format(&h[i].d, buf);
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%s", i ? " " : "", buf);
	}
	snprintf(name, sizeof name, "%s: \"%s\"", c->why, c->in);
	is_str(got, c->want, name);
}

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof finds / sizeof finds[0]; i++)
		check_find(&finds[i]);
	return tap_done();
}
