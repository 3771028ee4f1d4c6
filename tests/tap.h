/*
 * tap.h: a tiny Test Anything Protocol emitter for the unit tests.
 *
 *	int main(void) {
 *		ok(1 + 1 == 2, "addition");
 *		is_str(got, "want", "a string");
 *		return tap_done();
 *	}
 *
 * The plan is printed at the end ("1..N"), which prove accepts.
 */
#ifndef SC_TAP_H
#define SC_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline int
tap_ok(int cond, const char *file, int line, const char *name)
{
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, name);
	if (!cond)
		printf("#   failed at %s:%d\n", file, line);
	return cond;
}

#define ok(cond, name) tap_ok(!!(cond), __FILE__, __LINE__, (name))

/* Compare a length-carrying result with an expected C string. */
#define is_mem(p, n, want, name) do { \
	const char *w_ = (want); size_t wn_ = strlen(w_); \
	int c_ = (n) == wn_ && memcmp((p), w_, wn_) == 0; \
	if (!tap_ok(c_, __FILE__, __LINE__, (name))) \
		printf("#   got:  \"%.*s\"\n#   want: \"%s\"\n", (int)(n), (p), w_); \
} while (0)

#define is_str(got, want, name) do { \
	const char *g_ = (got), *w2_ = (want); \
	int c_ = (g_ == NULL && w2_ == NULL) || \
	    (g_ != NULL && w2_ != NULL && strcmp(g_, w2_) == 0); \
	if (!tap_ok(c_, __FILE__, __LINE__, (name))) \
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n", g_ ? g_ : "(null)", \
		    w2_ ? w2_ : "(null)"); \
} while (0)

#define is_int(got, want, name) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (!tap_ok(g_ == w_, __FILE__, __LINE__, (name))) \
		printf("#   got:  %lld\n#   want: %lld\n", g_, w_); \
} while (0)

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
