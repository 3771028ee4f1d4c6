/*
 * date.h: finding and parsing the dates that real pages show as text.
 *
 * Pages write dates in many ways and many languages: "2020/09/06",
 * "06.09.2020", "6. September 2020", "6 septembre 2020", "September 6th,
 * 2020", "2020年9月6日", ISO 8601 stamps with a time, "6.9.20", dates inside
 * URLs ("/2020/09/06/"), and relative ones ("2 days ago", "vor 3 Stunden",
 * "il y a 2 jours").  This module turns them into calendar dates and keeps
 * only plausible ones, with htmldate's rules: nothing before 1995, nothing
 * after `now`, two-digit years >= 90 are 19xx (others 20xx), impossible
 * days (31/02/2020) rejected.
 *
 * Month names and relative-date words are tables in date.c, one row per
 * language.  Nothing here depends on the locale.
 */
#ifndef SC_DATE_H
#define SC_DATE_H

#include <limits.h>
#include <stddef.h>

/* A calendar date, optionally with a time of day and a UTC offset. */
struct sc_date {
	int year, month, day;		/* month 1..12, day 1..31 */
	int hour, minute, second;	/* hour -1 when the date has no time */
	int tzoff;			/* minutes east of UTC, or SC_DATE_NOTZ */
};
#define SC_DATE_NOTZ INT_MIN

/* How numeric day/month dates with slashes ("06/09/2020") are read. */
enum sc_date_order {
	SC_ORDER_AUTO = 0,	/* decide from the text, then the language */
	SC_ORDER_DMY,		/* 06/09/2020 is 6 September */
	SC_ORDER_MDY		/* 06/09/2020 is 9 June */
};

/* What the finder knows about the page it reads. */
struct sc_date_ctx {
	struct sc_date now;	/* latest plausible date; base of relative dates */
	int relative;		/* accept "2 days ago" (only when now was given) */
	const char *lang;	/* ISO 639-1 of the page, or NULL */
	enum sc_date_order order;
	int min_year;		/* earliest plausible year (htmldate: 1995) */
	int native;		/* read Bengali, Devanagari, Arabic digits (default 1) */
};

/* Kinds of a found date (flags in struct sc_date_hit). */
enum {
	SC_DATE_NUMERIC = 1 << 0,	/* all digits: 06.09.2020, 2020-09-06 */
	SC_DATE_NAMED = 1 << 1,		/* with a month name */
	SC_DATE_ISO = 1 << 2,		/* year first: 2020-09-06, 2020/09/06 */
	SC_DATE_AMBIG = 1 << 3,		/* day and month could be swapped */
	SC_DATE_YY = 1 << 4,		/* two-digit year */
	SC_DATE_TIME = 1 << 5,		/* a time of day was found with it */
	SC_DATE_RELATIVE = 1 << 6,	/* "2 days ago" */
	SC_DATE_URL = 1 << 7,		/* inside a URL path: /2020/09/06/ */
	SC_DATE_CJK = 1 << 8,		/* 2020年9月6日 */
	SC_DATE_SLASH = 1 << 9		/* D/M/Y or M/D/Y with slashes */
};

/* One date found in a text: the date and the bytes it was read from. */
struct sc_date_hit {
	struct sc_date d;
	size_t pos, len;	/* byte span in the text searched */
	unsigned flags;
	int swapped;		/* read as M/D (SC_DATE_AMBIG hits only) */
};

/*
 * sc_date_ctx_init: today (UTC, from the system clock) as now, relative
 * dates off, no language, order AUTO, min_year 1995.
 */
void sc_date_ctx_init(struct sc_date_ctx *c);

/* Today's date in UTC, without a time. */
void sc_date_today(struct sc_date *out);

/* 1 when y-m-d is a real day of the Gregorian calendar. */
int sc_date_valid(int y, int m, int d);

/* The day of the week of a valid date, 0 for Sunday. */
int sc_date_weekday(int y, int m, int d);

/*
 * The English weekday ("Thu", "Thursday", any case) that ends just before
 * p[i], with one to three spaces, commas or dots between: 0 for Sunday,
 * -1 for none.  p[0..i) must be readable.
 */
int sc_date_weekday_before(const char *p, size_t i);
/* The same, and where the weekday's word starts in *start (when not NULL). */
int sc_date_weekday_start(const char *p, size_t i, size_t *start);

/*
 * Whether the words in s[lo..start) (the last 40 bytes at most) label
 * what starts at start as an update's ("Updated", "Aktualisiert am",
 * "Mis \xC3\xA0 jour le", "Stand:").
 */
int sc_date_update_label(const char *s, size_t lo, size_t start);

/* Compare two dates by day, then by time when both have one: <0, 0, >0. */
int sc_date_cmp(const struct sc_date *a, const struct sc_date *b);

/*
 * sc_date_parse_now: read the argument of --now: "YYYY-MM-DD", optionally
 * followed by "THH:MM[:SS]" (or a space instead of T) and "Z" or "+HH:MM",
 * or the word "today".  Returns 0, or -1 when s is not such a date (a
 * usage error for the caller).
 */
int sc_date_parse_now(const char *s, struct sc_date *out);

/*
 * sc_date_parse: read p[0..n) (UTF-8; leading and trailing spaces and
 * punctuation ignored) as exactly one date in any of the supported forms.
 * Returns 0 and fills *out, or -1 when the string is not one plausible
 * date under c.
 */
int sc_date_parse(const char *p, size_t n, const struct sc_date_ctx *c,
    struct sc_date *out);

/*
 * sc_date_find: scan p[0..n) for dates, left to right, and store up to max
 * hits (non-overlapping, in text order).  Returns the number of hits
 * stored.  Implausible dates are skipped.  Ambiguous slash dates are
 * read as c->order says, AUTO meaning day first unless the language is
 * English; sc_date_resolve() can re-read them once the whole page is seen.
 * Invalid UTF-8 is skipped over; work is linear in n.
 */
size_t sc_date_find(const char *p, size_t n, const struct sc_date_ctx *c,
    struct sc_date_hit *hits, size_t max);

/*
 * sc_date_resolve: decide day/month order for the ambiguous slash dates
 * among hits from the unambiguous ones (a "25/12/2019" elsewhere on the
 * page means day first) and then the language, and re-read them.  Hits
 * that become implausible under the chosen order are removed.  Returns the
 * new number of hits and the order chosen in *order (may be NULL).
 */
size_t sc_date_resolve(struct sc_date_hit *hits, size_t nhits,
    const struct sc_date_ctx *c, enum sc_date_order *order);

/*
 * sc_date_format: write d as ISO 8601 to buf (at least SC_DATE_FMTLEN
 * bytes): "2020-09-06", "2020-09-06T14:05:00" when it has a time, with
 * "Z" or "+02:00" when it has an offset.  Returns the length written.
 */
#define SC_DATE_FMTLEN 32
size_t sc_date_format(const struct sc_date *d, char *buf);

#endif
