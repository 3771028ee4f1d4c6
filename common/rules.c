/*
 * rules.c: loading, compiling and matching scstrip's line rules; see
 * rules.h for the file format.
 *
 * Speed: a document has thousands of lines and the built-in set hundreds
 * of rules, so matching every rule on every line would cost more than
 * everything else scstrip does.  Two things keep it cheap.  The rules of
 * one action are joined into one alternation, each alternative tagged
 * with (*MARK:index) so that a match still names its rule; and rules carry
 * a length limit, so the rules are grouped into tiers by limit and a line
 * is matched only against the tier of rules long enough to concern it.
 * Rules that cannot be joined (back references, named groups) are run
 * one by one.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Limits against runaway patterns: generous for line-sized subjects. */
#define MATCH_LIMIT 200000
#define DEPTH_LIMIT 10000
#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS)

struct rule {
	enum sc_rule_action action;
	const char *file;
	unsigned line;
	char *pat;
	size_t max;		/* SIZE_MAX: any length */
	pcre2_code *code;	/* the rule alone */
	int solo;		/* matched alone, not in the combined patterns */
	int reported;		/* a run-time error was reported */
};

struct tier {
	size_t max;
	pcre2_code *combined[SC_RULE_NACTIONS];
};

struct sc_rules {
	struct rule *v;
	size_t n, cap;
	char **names;		/* owned copies of file names */
	size_t nnames;
	struct tier *tiers;
	size_t ntiers;
	int compiled;
	int failed;
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	pcre2_jit_stack *jstack;
};

static const char *const action_names[SC_RULE_NACTIONS] = {
	"none", "keep", "cut", "list", "drop"
};

const char *
sc_rule_action_name(enum sc_rule_action a)
{
	return (unsigned)a < SC_RULE_NACTIONS ? action_names[a] : "?";
}

struct sc_rules *
sc_rules_new(void)
{
	return xcalloc(1, sizeof(struct sc_rules));
}

static void
free_compiled(struct sc_rules *r)
{
	size_t i;
	int a;

	for (i = 0; i < r->ntiers; i++)
		for (a = 0; a < SC_RULE_NACTIONS; a++)
			pcre2_code_free(r->tiers[i].combined[a]);
	free(r->tiers);
	r->tiers = NULL;
	r->ntiers = 0;
	r->compiled = 0;
}

void
sc_rules_free(struct sc_rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	free_compiled(r);
	for (i = 0; i < r->n; i++) {
		pcre2_code_free(r->v[i].code);
		free(r->v[i].pat);
	}
	for (i = 0; i < r->nnames; i++)
		free(r->names[i]);
	free(r->names);
	free(r->v);
	pcre2_match_data_free(r->md);
	pcre2_match_context_free(r->mctx);
	pcre2_jit_stack_free(r->jstack);
	free(r);
}

size_t
sc_rules_count(const struct sc_rules *r)
{
	return r->n;
}

static void
pcre2_diag(const char *file, unsigned line, int err, size_t off, int at)
{
	PCRE2_UCHAR msg[256];

	if (pcre2_get_error_message(err, msg, sizeof msg) < 0)
		snprintf((char *)msg, sizeof msg, "error %d", err);
	if (at)
		sc_diag(file, line, "pcre2 error: %s at offset %zu", (char *)msg, off);
	else
		sc_diag(file, line, "pcre2 error: %s", (char *)msg);
}

static pcre2_code *
compile(const char *pat, size_t n, int *err, PCRE2_SIZE *off)
{
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)pat, n, COMPILE_OPTIONS, err, off, NULL);

	if (c != NULL)
		pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);	/* no JIT: interpreter still works */
	return c;
}

static const char *
keep_name(struct sc_rules *r, const char *name)
{
	if (r->nnames == 0 || strcmp(r->names[r->nnames - 1], name) != 0) {
		r->names = xreallocarray(r->names, r->nnames + 1, sizeof *r->names);
		r->names[r->nnames++] = xstrdup(name);
	}
	return r->names[r->nnames - 1];
}

/* Parse and compile one line; returns 0, or 1 when it was bad (reported). */
static int
add_line(struct sc_rules *r, const char *file, unsigned lineno, const char *p, size_t n)
{
	size_t i = 0, w;
	enum sc_rule_action a = SC_RULE_NONE;
	size_t max = SC_RULE_DEFAULT_MAX;
	struct rule *ru;
	int err;
	PCRE2_SIZE off;
	pcre2_code *code;
	uint32_t brmax = 0, names = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i == n || p[i] == '#')
		return 0;
	for (w = i; w < n && p[w] != ' ' && p[w] != '\t'; w++)
		;
	if (w - i == 4 && memcmp(p + i, "drop", 4) == 0)
		a = SC_RULE_DROP;
	else if (w - i == 3 && memcmp(p + i, "cut", 3) == 0)
		a = SC_RULE_CUT;
	else if (w - i == 4 && memcmp(p + i, "keep", 4) == 0)
		a = SC_RULE_KEEP;
	else if (w - i == 4 && memcmp(p + i, "list", 4) == 0)
		a = SC_RULE_LIST;
	else {
		sc_diag(file, lineno, "unknown action \"%.*s\" (drop, cut, list or keep)",
		    (int)(w - i > 40 ? 40 : w - i), p + i);
		return 1;
	}
	i = w;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (n - i > 4 && memcmp(p + i, "max=", 4) == 0) {
		size_t v = 0;

		for (w = i + 4; w < n && p[w] >= '0' && p[w] <= '9'; w++) {
			if (v > (SIZE_MAX - 9) / 10) {
				sc_diag(file, lineno, "max=: number too large");
				return 1;
			}
			v = v * 10 + (size_t)(p[w] - '0');
		}
		if (w == i + 4 || (w < n && p[w] != ' ' && p[w] != '\t')) {
			sc_diag(file, lineno, "max= needs a number of bytes");
			return 1;
		}
		max = v;
		i = w;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
	}
	while (n > i && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	if (i == n) {
		sc_diag(file, lineno, "%s: missing pattern", action_names[a]);
		return 1;
	}
	code = compile(p + i, n - i, &err, &off);
	if (code == NULL) {
		pcre2_diag(file, lineno, err, (size_t)off, 1);
		return 1;
	}
	pcre2_pattern_info(code, PCRE2_INFO_BACKREFMAX, &brmax);
	pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &names);
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	ru = &r->v[r->n++];
	memset(ru, 0, sizeof *ru);
	ru->action = a;
	ru->file = keep_name(r, file);
	ru->line = lineno;
	ru->pat = xmemdup(p + i, n - i);
	ru->max = max == 0 ? SIZE_MAX : max;
	ru->code = code;
	/*
	 * Back references, names and verbs would change meaning inside a
	 * join; "\Q" without "\E" and extended-mode "#" comments would
	 * swallow the rest of it.  Those rules run alone.
	 */
	ru->solo = brmax > 0 || names > 0 || strstr(ru->pat, "(*") != NULL ||
	    strstr(ru->pat, "\\Q") != NULL || strchr(ru->pat, '#') != NULL;
	if (r->compiled)
		free_compiled(r);
	return 0;
}

int
sc_rules_load_mem(struct sc_rules *r, const char *name, const char *text, size_t n)
{
	size_t i = 0;
	unsigned lineno = 0;
	int bad = 0;

	while (i < n) {
		const char *e = memchr(text + i, '\n', n - i);
		size_t end = e ? (size_t)(e - text) : n;

		lineno++;
		if (memchr(text + i, '\0', end - i) != NULL) {
			sc_diag(name, lineno, "NUL byte in rule");
			bad++;
		} else {
			bad += add_line(r, name, lineno, text + i, end - i);
		}
		i = end + 1;
	}
	return bad;
}

static int
load_stream(struct sc_rules *r, const char *name, FILE *f)
{
	struct sc_buf b = { 0 };
	char chunk[65536];
	size_t k;
	int bad;

	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		sc_buf_add(&b, chunk, k);
	if (ferror(f)) {
		sc_diag(name, 0, "read error: %s", strerror(errno));
		sc_buf_free(&b);
		return -1;
	}
	bad = sc_rules_load_mem(r, name, b.p ? b.p : "", b.len);
	sc_buf_free(&b);
	return bad;
}

int
sc_rules_load_file(struct sc_rules *r, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int bad;

	if (f == NULL) {
		sc_diag(path, 0, "%s", strerror(errno));
		return -1;
	}
	bad = load_stream(r, path, f);
	if (f != stdin)
		fclose(f);
	return bad;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
sc_rules_load_builtin(struct sc_rules *r)
{
	struct sc_buf path = { 0 };
	DIR *d;
	struct dirent *e;
	char **list = NULL;
	size_t nlist = 0, i;
	int bad = 0;

	sc_buf_printf(&path, "%s/rules", sc_datadir());
	d = opendir(path.p);
	if (d == NULL) {
		sc_diag(path.p, 0, "cannot read the built-in rules: %s", strerror(errno));
		sc_buf_free(&path);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		if (n > 6 && strcmp(e->d_name + n - 6, ".rules") == 0) {
			list = xreallocarray(list, nlist + 1, sizeof *list);
			list[nlist++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	/* Name order, not directory order: the same set on every machine. */
	qsort(list, nlist, sizeof *list, cmp_str);
	for (i = 0; i < nlist; i++) {
		int b;

		sc_buf_reset(&path);
		sc_buf_printf(&path, "%s/rules/%s", sc_datadir(), list[i]);
		b = sc_rules_load_file(r, path.p);
		bad += b < 0 ? 1 : b;
		free(list[i]);
	}
	free(list);
	sc_buf_free(&path);
	return bad;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

int
sc_rules_compile(struct sc_rules *r)
{
	size_t *maxes, nmax = 0, i, j;
	struct sc_buf pat = { 0 };

	if (r->compiled)
		return r->failed ? -1 : 0;
	r->compiled = 1;
	r->failed = 0;
	if (r->mctx == NULL) {
		r->mctx = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
		pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
		r->jstack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
		if (r->jstack != NULL)
			pcre2_jit_stack_assign(r->mctx, NULL, r->jstack);
		r->md = pcre2_match_data_create(64, NULL);
	}
	/* Tiers: one per distinct length limit, ascending. */
	maxes = xreallocarray(NULL, r->n ? r->n : 1, sizeof *maxes);
	for (i = 0; i < r->n; i++)
		maxes[i] = r->v[i].max;
	qsort(maxes, r->n, sizeof *maxes, cmp_size);
	for (i = 0; i < r->n; i++)
		if (nmax == 0 || maxes[nmax - 1] != maxes[i])
			maxes[nmax++] = maxes[i];
	r->tiers = xcalloc(nmax ? nmax : 1, sizeof *r->tiers);
	r->ntiers = nmax;
	for (i = 0; i < nmax; i++) {
		int a;

		r->tiers[i].max = maxes[i];
		for (a = SC_RULE_KEEP; a < SC_RULE_NACTIONS; a++) {
			size_t cnt = 0;
			int err;
			PCRE2_SIZE off;

			sc_buf_reset(&pat);
			sc_buf_adds(&pat, "(?:");
			for (j = 0; j < r->n; j++) {
				struct rule *ru = &r->v[j];

				if (ru->action != (enum sc_rule_action)a || ru->solo ||
				    ru->max < maxes[i])
					continue;
				if (cnt++)
					sc_buf_addc(&pat, '|');
				sc_buf_printf(&pat, "(?:%s)(*MARK:%zu)", ru->pat, j);
			}
			sc_buf_addc(&pat, ')');
			if (cnt == 0)
				continue;
			r->tiers[i].combined[a] = compile(pat.p, pat.len, &err, &off);
			if (r->tiers[i].combined[a] == NULL) {
				/* Should not happen (each part compiled alone): run them solo. */
				for (j = 0; j < r->n; j++)
					if (r->v[j].action == (enum sc_rule_action)a)
						r->v[j].solo = 1;
			}
		}
	}
	free(maxes);
	sc_buf_free(&pat);
	return 0;
}

/* Report a run-time error of one rule, once. */
static void
runtime_error(struct rule *ru, int rc)
{
	if (ru->reported)
		return;
	ru->reported = 1;
	pcre2_diag(ru->file, ru->line, rc, 0, 0);
}

static int
match_one(struct sc_rules *r, struct rule *ru, const char *p, size_t n)
{
	int rc = pcre2_match(ru->code, (PCRE2_SPTR)p, n, 0, PCRE2_NO_UTF_CHECK, r->md, r->mctx);

	if (rc >= 0)
		return 1;
	if (rc != PCRE2_ERROR_NOMATCH)
		runtime_error(ru, rc);
	return 0;
}

enum sc_rule_action
sc_rules_match(struct sc_rules *r, const char *p, size_t n, struct sc_rule_hit *hit)
{
	struct tier *t = NULL;
	size_t lo, hi, j;
	int a;

	if (r == NULL || r->n == 0)
		return SC_RULE_NONE;
	if (!r->compiled)
		sc_rules_compile(r);
	/* The first tier whose limit covers n. */
	lo = 0;
	hi = r->ntiers;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->tiers[mid].max < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < r->ntiers)
		t = &r->tiers[lo];
	for (a = SC_RULE_KEEP; a < SC_RULE_NACTIONS; a++) {
		long found = -1;

		if (t != NULL && t->combined[a] != NULL) {
			int rc = pcre2_match(t->combined[a], (PCRE2_SPTR)p, n, 0,
			    PCRE2_NO_UTF_CHECK, r->md, r->mctx);

			if (rc >= 0) {
				PCRE2_SPTR mark = pcre2_get_mark(r->md);

				found = mark ? strtol((const char *)mark, NULL, 10) : -1;
				if (found < 0 || (size_t)found >= r->n)
					found = -1;
			} else if (rc != PCRE2_ERROR_NOMATCH) {
				/* Find the culprit rule by running them alone. */
				for (j = 0; j < r->n && found < 0; j++) {
					struct rule *ru = &r->v[j];

					if (ru->action == (enum sc_rule_action)a && !ru->solo &&
					    ru->max >= n && match_one(r, ru, p, n))
						found = (long)j;
				}
			}
		}
		for (j = 0; j < r->n && found < 0; j++) {
			struct rule *ru = &r->v[j];

			if (ru->solo && ru->action == (enum sc_rule_action)a && ru->max >= n &&
			    match_one(r, ru, p, n))
				found = (long)j;
		}
		if (found >= 0) {
			if (hit != NULL) {
				struct rule *ru = &r->v[found];

				hit->action = ru->action;
				hit->file = ru->file;
				hit->line = ru->line;
				hit->pattern = ru->pat;
			}
			return (enum sc_rule_action)a;
		}
	}
	return SC_RULE_NONE;
}
