/*
 * stage.c: scdedup's staged form.  See stage.h for the stages and their
 * line formats, and dedup.h for the rules they reproduce.
 */
#include "stage.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

#define SKETCH_MAGIC "SCSKETCH"
#define SKETCH_VERSION 1
#define SHARD_W 6
#define POS_W 10

enum sc_stage
sc_stage_parse(const char *name)
{
	if (strcmp(name, "sign") == 0)
		return SC_STAGE_SIGN;
	if (strcmp(name, "pairs") == 0)
		return SC_STAGE_PAIRS;
	if (strcmp(name, "cluster") == 0)
		return SC_STAGE_CLUSTER;
	if (strcmp(name, "filter") == 0)
		return SC_STAGE_FILTER;
	sc_die(SC_ERR, "--stage: expected sign, pairs, cluster or filter, not '%s'", name);
}

/* ------------------------------------------------------------------ */
/* Parameters, as one line every stage can check.                      */

static uint64_t
dbits(double x)
{
	uint64_t v;

	memcpy(&v, &x, 8);
	return v;
}

static void
params_line(struct sc_buf *b, const struct sc_dedup_params *p)
{
	sc_buf_printf(b, "#P 1 norm=%d near=%d shingle=%d bands=%d rows=%d "
	    "verify=%d threshold=%016" PRIx64 " containment=%016" PRIx64
	    " min_contain=%u sketch_max=%u bucket_cap=%u max_verify=%u seed=%"
	    PRIu64 "\n", (int)p->norm, p->near, p->shingle, p->bands, p->rows,
	    p->verify, dbits(p->threshold), dbits(p->containment),
	    p->min_contain, p->sketch_max, p->bucket_cap, p->max_verify, p->seed);
}

static int
parse_params(const char *line, struct sc_dedup_params *p)
{
	int norm, n = 0;
	uint64_t th, co;

	memset(p, 0, sizeof *p);
	if (sscanf(line, "#P 1 norm=%d near=%d shingle=%d bands=%d rows=%d "
	    "verify=%d threshold=%" SCNx64 " containment=%" SCNx64
	    " min_contain=%u sketch_max=%u bucket_cap=%u max_verify=%u seed=%"
	    SCNu64 "%n", &norm, &p->near, &p->shingle, &p->bands, &p->rows,
	    &p->verify, &th, &co, &p->min_contain, &p->sketch_max,
	    &p->bucket_cap, &p->max_verify, &p->seed, &n) != 13 || n == 0)
		return -1;
	p->norm = (enum sc_norm_level)norm;
	memcpy(&p->threshold, &th, 8);
	memcpy(&p->containment, &co, 8);
	if (norm < 0 || norm > SC_NORM_FULL || p->bands < 1 || p->bands > 64 ||
	    p->rows < 1 || p->rows > SC_MH_MAXHASHES ||
	    p->bands * p->rows > SC_MH_MAXHASHES || p->shingle < 1 ||
	    p->shingle > 64 || p->bucket_cap < 1 ||
	    p->bucket_cap > 64 || p->sketch_max < 1)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* sign                                                                */

struct sc_signer {
	struct sc_dedup *d;	/* scratch for sc_dedup_sign */
	struct sc_dedup_params p;
	unsigned shard;
	struct sc_sink *sk;
	uint64_t ndocs;
	struct sc_buf line, rec;
};

static void
put_u32(struct sc_buf *b, uint32_t v)
{
	unsigned char c[4] = { (unsigned char)v, (unsigned char)(v >> 8),
	    (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	sc_buf_add(b, c, 4);
}

static void
put_u64(struct sc_buf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static void
to_sketch(struct sc_signer *g, const struct sc_buf *b)
{
	sc_sink_select(g->sk);
	sc_out(b->p, b->len);
	sc_sink_select(sc_sink_stdout());
}

struct sc_signer *
sc_signer_open(const struct sc_dedup_params *p, unsigned shard,
    const char *sketch_path)
{
	struct sc_signer *g = xcalloc(1, sizeof *g);
	struct sc_dedup_params q = *p;

	if (shard == 0)
		sc_die(SC_ERR, "--stage=sign needs --shard N (1, 2, ... in input order)");
	if (sketch_path == NULL)
		sc_die(SC_ERR, "--stage=sign needs --sketches FILE");
	g->p = *p;
	g->shard = shard;
	q.verify = 0;		/* scratch only: no shingle-set file */
	g->d = sc_dedup_new(&q, 0, 0, NULL);
	g->sk = sc_sink_open_temp(sketch_path);
	sc_buf_adds(&g->rec, SKETCH_MAGIC);
	put_u32(&g->rec, SKETCH_VERSION);
	put_u32(&g->rec, shard);
	params_line(&g->rec, p);
	to_sketch(g, &g->rec);
	sc_buf_reset(&g->line);
	params_line(&g->line, p);
	sc_out(g->line.p, g->line.len);
	return g;
}

static void
hex64(struct sc_buf *b, uint64_t v)
{
	sc_buf_printf(b, "%016" PRIx64, v);
}

void
sc_signer_add(struct sc_signer *g, uint64_t pos, const char *text, size_t len,
    const char *id, size_t idlen)
{
	struct sc_signature sig;
	char where[32];
	int b;

	g->ndocs++;
	if (pos != g->ndocs)
		sc_die(SC_ERR, "internal error: positions out of order");
	sc_dedup_sign(g->d, text, len, &sig);
	snprintf(where, sizeof where, "\t%0*u\t%0*" PRIu64 "\n", SHARD_W,
	    g->shard, POS_W, pos);
	sc_buf_reset(&g->line);
	sc_buf_addc(&g->line, 'X');
	hex64(&g->line, sig.key[1]);
	hex64(&g->line, sig.key[0]);
	sc_buf_adds(&g->line, where);
	for (b = 0; b < sig.nbands; b++) {
		sc_buf_printf(&g->line, "B%02x", b);
		hex64(&g->line, sig.band[b]);
		sc_buf_adds(&g->line, where);
	}
	sc_out(g->line.p, g->line.len);

	sc_buf_reset(&g->rec);
	put_u32(&g->rec, (uint32_t)idlen);
	sc_buf_add(&g->rec, id, idlen);
	put_u64(&g->rec, len);
	put_u32(&g->rec, sig.sketch.nset);
	put_u32(&g->rec, sig.sketch.count);
	sc_buf_addc(&g->rec, sig.sketch.level);
	for (uint32_t i = 0; i < sig.sketch.count; i++)
		put_u32(&g->rec, sig.sketch.v[i]);
	to_sketch(g, &g->rec);
}

void
sc_signer_close(struct sc_signer *g)
{
	sc_buf_reset(&g->rec);
	sc_buf_adds(&g->rec, "END\n");
	put_u64(&g->rec, g->ndocs);
	to_sketch(g, &g->rec);
	sc_sink_commit(g->sk);
	sc_dedup_free(g->d);
	sc_buf_free(&g->line);
	sc_buf_free(&g->rec);
	free(g);
}

/* ------------------------------------------------------------------ */
/* Reading lines.                                                      */

struct lines {
	FILE *f;
	const char *name;
	uintmax_t lineno;
	char *buf;
	size_t cap;
	ssize_t len;
};

static int
next_line(struct lines *l)
{
	l->len = getline(&l->buf, &l->cap, l->f);
	if (l->len < 0) {
		if (ferror(l->f))
			sc_die(SC_ERR, "%s: read error: %s", l->name, strerror(errno));
		return 0;
	}
	l->lineno++;
	if (l->len > 0 && l->buf[l->len - 1] == '\n')
		l->buf[--l->len] = '\0';
	/*
	 * Hadoop Streaming hands a reducer "KEY<TAB>VALUE" lines, and its
	 * TextOutputFormat writes them so: when the whole line is the key
	 * (as the recipes make it, to sort on all of it) the value is empty
	 * and tabs end the line, one per job it went through.  No line of
	 * ours ends in a tab (ids are escaped), so they are dropped.
	 */
	while (l->len > 0 && l->buf[l->len - 1] == '\t')
		l->buf[--l->len] = '\0';
	return 1;
}

/* A line that is not what the stage reads: reported; -1 for the caller to return. */
static int
bad_line(const struct lines *l, const char *why)
{
	sc_diag(l->name, l->lineno, "%s", why);
	return -1;
}

/*
 * The "#P" lines at the top: all equal; returns with the first other line
 * read (1), at the end of the input (0), or -1 on a bad line.
 */
static int
read_params(struct lines *l, struct sc_dedup_params *p, struct sc_buf *pline)
{
	int have = 0, more;

	while ((more = next_line(l)) && l->buf[0] == '#') {
		if (!have) {
			if (parse_params(l->buf, p) != 0)
				return bad_line(l, "not a parameter line of scdedup --stage=sign");
			sc_buf_reset(pline);
			sc_buf_add(pline, l->buf, (size_t)l->len);
			have = 1;
		} else if ((size_t)l->len != pline->len ||
		    memcmp(l->buf, pline->p, pline->len) != 0) {
			return bad_line(l, "shards were signed with different options");
		}
	}
	if (!have)
		return bad_line(l, "no parameter line: is this the sorted output of "
		    "scdedup --stage=sign?");
	return more;
}

/* ------------------------------------------------------------------ */
/* pairs                                                               */

#define WHERE_LEN (SHARD_W + 1 + POS_W)

/*
 * Split "KEY\tSHARD\tPOS": the key's length, and where "SHARD\tPOS"
 * starts; 0 on a bad line.
 */
static size_t
split_key(const struct lines *l, const char **where)
{
	const char *tab = memchr(l->buf, '\t', (size_t)l->len);
	size_t k;

	if (tab == NULL || (size_t)(l->buf + l->len - tab - 1) != WHERE_LEN ||
	    tab[1 + SHARD_W] != '\t') {
		bad_line(l, "expected KEY<TAB>SHARD<TAB>POS (scdedup --stage=sign output)");
		return 0;
	}
	k = (size_t)(tab - l->buf);
	if (!((l->buf[0] == 'X' && k == 33) || (l->buf[0] == 'B' && k == 19))) {
		bad_line(l, "unknown key");
		return 0;
	}
	*where = tab + 1;
	return k;
}

int
sc_stage_pairs(FILE *in, const char *name)
{
	struct lines l = { in, name, 0, NULL, 0, 0 };
	struct sc_dedup_params p;
	struct sc_buf pline = { 0 }, key = { 0 }, out = { 0 };
	char first[64][WHERE_LEN + 1], prev[WHERE_LEN + 1] = "";
	size_t nfirst = 0, i;
	int more, status = SC_ERR;

	if ((more = read_params(&l, &p, &pline)) < 0)
		goto done;
	sc_buf_addc(&pline, '\n');
	sc_out(pline.p, pline.len);
	for (; more; more = next_line(&l)) {
		const char *where;
		size_t k = split_key(&l, &where), m;
		int cmp;

		if (k == 0)
			goto done;
		m = k < key.len ? k : key.len;
		cmp = memcmp(l.buf, key.p ? key.p : "", m);
		if (cmp == 0)
			cmp = k < key.len ? -1 : k > key.len;
		if (cmp != 0) {
			if (cmp < 0) {
				bad_line(&l, "input is not sorted (use LC_ALL=C sort)");
				goto done;
			}
			sc_buf_reset(&key);
			sc_buf_add(&key, l.buf, k);
			nfirst = 0;
			prev[0] = '\0';
		} else if (memcmp(where, prev, WHERE_LEN) <= 0) {
			bad_line(&l, "input is not sorted (use LC_ALL=C sort)");
			goto done;
		}
		memcpy(prev, where, WHERE_LEN);
		prev[WHERE_LEN] = '\0';
		/*
		 * Exact keys: every later unit duplicates the first.  Bands:
		 * each later unit meets the first bucket_cap, as the buckets of
		 * one process hold only their first bucket_cap units.
		 */
		sc_buf_reset(&out);
		for (i = 0; i < nfirst; i++) {
			if (l.buf[0] == 'X' && i > 0)
				break;
			sc_buf_add(&out, where, WHERE_LEN);
			sc_buf_addc(&out, '\t');
			sc_buf_add(&out, first[i], WHERE_LEN);
			sc_buf_adds(&out, l.buf[0] == 'X' ? "\tX\n" : "\tB\n");
		}
		if (out.len > 0)
			sc_out(out.p, out.len);
		if (nfirst < p.bucket_cap && nfirst < 64) {
			memcpy(first[nfirst], where, WHERE_LEN);
			first[nfirst++][WHERE_LEN] = '\0';
		}
	}
	status = SC_OK;
done:
	free(l.buf);
	sc_buf_free(&pline);
	sc_buf_free(&key);
	sc_buf_free(&out);
	return status;
}

/* ------------------------------------------------------------------ */
/* cluster                                                             */

struct shard {
	const char *path;
	FILE *f;
	uint64_t ndocs, base;	/* base: units in the shards before */
	uint64_t *off;		/* each record's offset */
};

struct cluster_ctx {
	struct sc_dedup_params p;
	struct shard *sh;	/* by shard number - 1 */
	unsigned nshard;
	/* Roots of the duplicates found so far: open addressing, unit -> root. */
	uint64_t *rk, *rv;
	uint64_t rcap, rn;
	uint64_t max_memory, memory;
	uint32_t *va, *vb;
	size_t vacap, vbcap;
	struct sc_buf id;
};

static uint32_t
get_u32(const unsigned char *c)
{
	return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 |
	    (uint32_t)c[3] << 24;
}

/*
 * A sketch file that is not what --stage=sign wrote: reported; -1 for the
 * caller to return.  (Files that cannot be opened or read still end the
 * run at once.)
 */
static int
bad_sketch(const char *path, const char *why)
{
	sc_diag(path, 0, "%s", why);
	return -1;
}

static int
rd(struct shard *s, void *p, size_t n)
{
	if (fread(p, 1, n, s->f) == n)
		return 0;
	if (ferror(s->f))
		sc_die(SC_ERR, "%s: %s", s->path, strerror(errno));
	return bad_sketch(s->path, "sketch file is truncated");
}

static void
skip(struct shard *s, uint64_t n)
{
	if (fseeko(s->f, (off_t)n, SEEK_CUR) != 0)
		sc_die(SC_ERR, "%s: %s", s->path, strerror(errno));
}

/* Open and index one shard's sketch file; -1 if it is not a good one. */
static int
open_sketch(struct cluster_ctx *c, const char *path, const struct sc_buf *pline)
{
	struct shard tmp = { path, NULL, 0, 0, NULL }, *s;
	unsigned char b[16];
	char magic[8];
	struct sc_buf line = { 0 };
	uint64_t cap = 0, off;
	unsigned shard;
	int ch, bad;

	if ((tmp.f = fopen(path, "rb")) == NULL)
		sc_die(SC_ERR, "%s: %s", path, strerror(errno));
	if (rd(&tmp, magic, 8) != 0 || rd(&tmp, b, 8) != 0)
		goto fail;
	if (memcmp(magic, SKETCH_MAGIC, 8) != 0) {
		bad_sketch(path, "not a sketch file of scdedup --stage=sign");
		goto fail;
	}
	if (get_u32(b) != SKETCH_VERSION) {
		bad_sketch(path, "sketch file of an unknown version");
		goto fail;
	}
	shard = get_u32(b + 4);
	while ((ch = getc(tmp.f)) != EOF && ch != '\n' && line.len <= pline->len)
		sc_buf_addc(&line, ch);
	sc_buf_addc(&line, '\n');
	bad = line.len != pline->len || memcmp(line.p, pline->p, line.len) != 0;
	sc_buf_free(&line);
	if (bad) {
		bad_sketch(path, "signed with other options than the pairs");
		goto fail;
	}
	if (shard == 0 || shard > c->nshard) {
		sc_diag(path, 0, "shard %u, but %u sketch files were given "
		    "(shards are numbered 1 to N)", shard, c->nshard);
		goto fail;
	}
	s = &c->sh[shard - 1];
	if (s->f != NULL) {
		sc_diag(path, 0, "shard %u again (also %s)", shard, s->path);
		goto fail;
	}
	*s = tmp;
	/* Index the records. */
	for (;;) {
		uint32_t idlen, count;

		off = (uint64_t)ftello(s->f);
		if (rd(s, b, 4) != 0)
			return -1;
		if (memcmp(b, "END\n", 4) == 0) {
			if (rd(s, b, 8) != 0)
				return -1;
			if ((get_u32(b) | (uint64_t)get_u32(b + 4) << 32) != s->ndocs)
				return bad_sketch(path, "sketch file is corrupt");
			return 0;
		}
		if (s->ndocs == cap) {
			cap = cap ? cap * 2 : 1024;
			s->off = xreallocarray(s->off, cap, sizeof *s->off);
			c->memory += cap * 4;
			if (c->max_memory && c->memory > c->max_memory)
				sc_die(SC_ERR, "memory limit (--max-memory) reached "
				    "while reading %s", path);
		}
		s->off[s->ndocs++] = off;
		idlen = get_u32(b);
		skip(s, (uint64_t)idlen + 8);
		if (rd(s, b, 9) != 0)
			return -1;
		count = get_u32(b + 4);
		if (count > c->p.sketch_max || b[8] > 31 || count > get_u32(b))
			return bad_sketch(path, "sketch file is corrupt");
		skip(s, (uint64_t)count * 4);
	}
fail:
	fclose(tmp.f);
	return -1;
}

/* The sketch (and id) of unit pos of a shard; values go to *buf. */
static int
load_unit(struct cluster_ctx *c, struct shard *s, uint64_t pos,
    struct sc_sketch *k, uint32_t **buf, size_t *cap, struct sc_buf *id)
{
	unsigned char b[9];
	uint32_t idlen, i;

	(void)c;
	if (pos == 0 || pos > s->ndocs) {
		sc_diag(s->path, 0, "no unit %ju in this shard", (uintmax_t)pos);
		return -1;
	}
	if (fseeko(s->f, (off_t)s->off[pos - 1], SEEK_SET) != 0)
		sc_die(SC_ERR, "%s: %s", s->path, strerror(errno));
	if (rd(s, b, 4) != 0)
		return -1;
	idlen = get_u32(b);
	if (id != NULL) {
		/* Indexing checked that the file holds idlen bytes here. */
		sc_buf_reset(id);
		sc_buf_grow(id, idlen);
		if (rd(s, id->p, idlen) != 0)
			return -1;
		id->len = idlen;
		id->p[idlen] = '\0';
	} else {
		skip(s, idlen);
	}
	if (k == NULL)
		return 0;
	if (rd(s, b, 8) != 0 || rd(s, b, 9) != 0)	/* text length; sketch */
		return -1;
	k->nset = get_u32(b);
	k->count = get_u32(b + 4);
	k->level = b[8];
	if (*cap < k->count) {
		*cap = k->count;
		*buf = xreallocarray(*buf, *cap, sizeof **buf);
	}
	for (i = 0; i < k->count; i++) {
		if (rd(s, b, 4) != 0)
			return -1;
		(*buf)[i] = get_u32(b);
	}
	k->v = *buf;
	return 0;
}

static uint64_t
root_of(const struct cluster_ctx *c, uint64_t unit)
{
	uint64_t at;

	if (c->rcap == 0)
		return unit;
	at = sc_mix64(unit) & (c->rcap - 1);
	while (c->rk[at] != 0) {
		if (c->rk[at] == unit + 1)
			return c->rv[at];
		at = (at + 1) & (c->rcap - 1);
	}
	return unit;
}

static void
set_root(struct cluster_ctx *c, uint64_t unit, uint64_t root)
{
	uint64_t at;

	if ((c->rn + 1) * 4 > c->rcap * 3) {
		uint64_t ncap = c->rcap ? c->rcap * 2 : 1024, i;
		uint64_t *nk, *nv;

		c->memory += ncap * 16;
		if (c->max_memory && c->memory > c->max_memory)
			sc_die(SC_ERR, "memory limit (--max-memory) reached after %ju "
			    "duplicates", (uintmax_t)c->rn);
		nk = xcalloc(ncap, sizeof *nk);
		nv = xcalloc(ncap, sizeof *nv);
		for (i = 0; i < c->rcap; i++) {
			if (c->rk[i] == 0)
				continue;
			at = sc_mix64(c->rk[i] - 1) & (ncap - 1);
			while (nk[at] != 0)
				at = (at + 1) & (ncap - 1);
			nk[at] = c->rk[i];
			nv[at] = c->rv[i];
		}
		free(c->rk);
		free(c->rv);
		c->memory -= c->rcap * 16;
		c->rk = nk;
		c->rv = nv;
		c->rcap = ncap;
	}
	at = sc_mix64(unit) & (c->rcap - 1);
	while (c->rk[at] != 0)
		at = (at + 1) & (c->rcap - 1);
	c->rk[at] = unit + 1;
	c->rv[at] = root;
	c->rn++;
}

/* Fixed-width decimal digits, as the sign stage writes them; -1 if not. */
static int
digits(const char *p, size_t n, uint64_t *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		*v = *v * 10 + (uint64_t)(p[i] - '0');
	}
	return 0;
}

/* "SHARD\tPOS" at p -> global unit number (0-based); -1 on a bad line. */
static int
unit_at(struct cluster_ctx *c, const struct lines *l, const char *p,
    unsigned *shard, uint64_t *pos, uint64_t *unit)
{
	uint64_t sh, ps;

	if (digits(p, SHARD_W, &sh) != 0 || p[SHARD_W] != '\t' ||
	    digits(p + SHARD_W + 1, POS_W, &ps) != 0)
		return bad_line(l, "expected LATER_SHARD<TAB>POS<TAB>EARLIER_SHARD<TAB>POS<TAB>KIND");
	if (sh == 0 || sh > c->nshard || ps == 0 || ps > c->sh[sh - 1].ndocs)
		return bad_line(l, "no such shard and position among the sketch files");
	*shard = (unsigned)sh;
	*pos = ps;
	*unit = c->sh[sh - 1].base + ps - 1;
	return 0;
}

struct ccand {
	uint64_t unit, pos;
	unsigned shard;
	uint32_t hits;
};

static int
ccand_cmp(const void *x, const void *y)
{
	const struct ccand *a = x, *b = y;

	if (a->hits != b->hits)
		return a->hits > b->hits ? -1 : 1;
	return a->unit < b->unit ? -1 : a->unit > b->unit;
}

static void
shard_pos(const struct cluster_ctx *c, uint64_t unit, unsigned *shard, uint64_t *pos)
{
	unsigned lo = 0, hi = c->nshard;

	while (hi - lo > 1) {
		unsigned mid = (lo + hi) / 2;

		if (c->sh[mid].base <= unit)
			lo = mid;
		else
			hi = mid;
	}
	*shard = lo + 1;
	*pos = unit - c->sh[lo].base + 1;
}

static void
tsv_escape(struct sc_buf *b, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (p[i]) {
		case '\t': sc_buf_adds(b, "\\t"); break;
		case '\n': sc_buf_adds(b, "\\n"); break;
		case '\r': sc_buf_adds(b, "\\r"); break;
		case '\\': sc_buf_adds(b, "\\\\"); break;
		default: sc_buf_addc(b, p[i]);
		}
	}
}

static const char *
how_word(enum sc_dup_how h)
{
	switch (h) {
	case SC_DUP_EXACT: return "exact";
	case SC_DUP_JACCARD: return "jaccard";
	case SC_DUP_CONTAINED: return "containment";
	case SC_DUP_LSH: return "lsh";
	default: return "none";
	}
}

/* Decide one later unit from its pairs, as sc_dedup_add() would; -1 on a bad sketch file. */
static int
decide(struct cluster_ctx *c, uint64_t unit, unsigned shard, uint64_t pos,
    int has_exact, uint64_t exact_of, struct ccand *cand, size_t nc,
    struct sc_buf *out)
{
	enum sc_dup_how how = SC_DUP_NONE;
	uint64_t match = 0, root;
	double score = 0;
	size_t i;

	if (has_exact) {
		how = SC_DUP_EXACT;
		match = exact_of;
		score = 1;
	} else if (nc > 0) {
		qsort(cand, nc, sizeof *cand, ccand_cmp);
		if (!c->p.verify) {
			how = SC_DUP_LSH;
			match = cand[0].unit;
			score = (double)cand[0].hits / c->p.bands;
		} else {
			struct sc_sketch mine, other;

			if (load_unit(c, &c->sh[shard - 1], pos, &mine, &c->va,
			    &c->vacap, NULL) != 0)
				return -1;
			for (i = 0; i < nc && i < c->p.max_verify; i++) {
				if (mine.nset == 0)
					break;
				if (load_unit(c, &c->sh[cand[i].shard - 1], cand[i].pos,
				    &other, &c->vb, &c->vbcap, NULL) != 0)
					return -1;
				if (other.nset == 0)
					continue;
				how = sc_dedup_judge(&c->p, &mine, &other, &score);
				if (how != SC_DUP_NONE) {
					match = cand[i].unit;
					break;
				}
			}
		}
	}
	if (how == SC_DUP_NONE)
		return 0;
	root = root_of(c, match);
	set_root(c, unit, root);
	{
		unsigned rs;
		uint64_t rp;

		shard_pos(c, root, &rs, &rp);
		if (load_unit(c, &c->sh[rs - 1], rp, NULL, NULL, NULL, &c->id) != 0)
			return -1;
	}
	sc_buf_reset(out);
	sc_buf_printf(out, "%0*u\t%0*" PRIu64 "\t%s\t", SHARD_W, shard, POS_W,
	    pos, how_word(how));
	sc_json_num(out, score, 4);
	sc_buf_printf(out, "\t%" PRIu64 "\t", root + 1);
	tsv_escape(out, c->id.p, c->id.len);
	sc_buf_addc(out, '\n');
	sc_out(out->p, out->len);
	return 0;
}

int
sc_stage_cluster(FILE *in, const char *name, char **sketches, int nsketch,
    const char *clusters_path, uint64_t max_memory)
{
	struct lines l = { in, name, 0, NULL, 0, 0 };
	struct cluster_ctx c;
	struct sc_buf pline = { 0 }, out = { 0 };
	struct ccand *cand = NULL;
	size_t nc = 0, ccap = 0, i;
	uint64_t cur = UINT64_MAX, exact_of = 0, base = 0;
	unsigned cur_shard = 0;
	uint64_t cur_pos = 0;
	int more, has_exact = 0, status = SC_ERR;

	memset(&c, 0, sizeof c);
	c.max_memory = max_memory;
	if (nsketch < 1)
		sc_die(SC_ERR, "--stage=cluster needs the sketch files of every shard");
	c.nshard = (unsigned)nsketch;
	c.sh = xcalloc(c.nshard, sizeof *c.sh);
	if ((more = read_params(&l, &c.p, &pline)) < 0)
		goto done;
	sc_buf_addc(&pline, '\n');
	for (i = 0; i < (size_t)nsketch; i++)
		if (open_sketch(&c, sketches[i], &pline) != 0)
			goto done;
	for (i = 0; i < c.nshard; i++) {
		c.sh[i].base = base;
		base += c.sh[i].ndocs;
	}
	for (; more; more = next_line(&l)) {
		unsigned ls, es;
		uint64_t lp, ep, lu, eu;
		char kind;

		if ((size_t)l.len != 2 * WHERE_LEN + 3 || l.buf[WHERE_LEN] != '\t' ||
		    l.buf[2 * WHERE_LEN + 1] != '\t') {
			bad_line(&l, "expected LATER_SHARD<TAB>POS<TAB>EARLIER_SHARD"
			    "<TAB>POS<TAB>KIND (scdedup --stage=pairs output)");
			goto done;
		}
		if (unit_at(&c, &l, l.buf, &ls, &lp, &lu) != 0 ||
		    unit_at(&c, &l, l.buf + WHERE_LEN + 1, &es, &ep, &eu) != 0)
			goto done;
		kind = l.buf[2 * WHERE_LEN + 2];
		if (eu >= lu || (kind != 'X' && kind != 'B')) {
			bad_line(&l, "not a pair of an earlier and a later unit");
			goto done;
		}
		if (lu != cur) {
			if (cur != UINT64_MAX && lu < cur) {
				bad_line(&l, "input is not sorted (use LC_ALL=C sort)");
				goto done;
			}
			if (cur != UINT64_MAX && decide(&c, cur, cur_shard, cur_pos,
			    has_exact, exact_of, cand, nc, &out) != 0)
				goto done;
			cur = lu;
			cur_shard = ls;
			cur_pos = lp;
			nc = 0;
			has_exact = 0;
		}
		if (kind == 'X') {
			has_exact = 1;
			exact_of = eu;
			continue;
		}
		if (nc > 0 && cand[nc - 1].unit == eu) {
			cand[nc - 1].hits++;
			continue;
		}
		if (nc > 0 && cand[nc - 1].unit > eu) {
			bad_line(&l, "input is not sorted (use LC_ALL=C sort)");
			goto done;
		}
		if (nc == ccap) {
			ccap = ccap ? 2 * ccap : 256;
			cand = xreallocarray(cand, ccap, sizeof *cand);
		}
		cand[nc].unit = eu;
		cand[nc].shard = es;
		cand[nc].pos = ep;
		cand[nc++].hits = 1;
	}
	if (cur != UINT64_MAX && decide(&c, cur, cur_shard, cur_pos, has_exact,
	    exact_of, cand, nc, &out) != 0)
		goto done;

	if (clusters_path != NULL) {
		struct sc_sink *k = sc_sink_open_temp(clusters_path);
		struct sc_buf kept = { 0 };
		unsigned si;
		uint64_t p;

		for (si = 0; si < c.nshard; si++) {
			for (p = 1; p <= c.sh[si].ndocs; p++) {
				uint64_t u = c.sh[si].base + p - 1, r = root_of(&c, u);
				unsigned rs;
				uint64_t rp;

				/* Every unit was indexed: a failure here is a file
				 * changed under us; the temporary file goes at exit. */
				if (load_unit(&c, &c.sh[si], p, NULL, NULL, NULL, &c.id) != 0)
					exit(SC_ERR);
				sc_buf_reset(&out);
				tsv_escape(&out, c.id.p, c.id.len);
				if (r != u) {
					shard_pos(&c, r, &rs, &rp);
					if (load_unit(&c, &c.sh[rs - 1], rp, NULL, NULL,
					    NULL, &kept) != 0)
						exit(SC_ERR);
				} else {
					sc_buf_reset(&kept);
					sc_buf_add(&kept, c.id.p, c.id.len);
				}
				sc_buf_printf(&out, "\t%" PRIu64 "\t", r + 1);
				tsv_escape(&out, kept.p ? kept.p : "", kept.len);
				sc_buf_addc(&out, '\n');
				sc_sink_select(k);
				sc_out(out.p, out.len);
				sc_sink_select(sc_sink_stdout());
			}
		}
		sc_sink_commit(k);
		sc_buf_free(&kept);
	}
	status = SC_OK;
done:
	for (i = 0; i < c.nshard; i++) {
		if (c.sh[i].f)
			fclose(c.sh[i].f);
		free(c.sh[i].off);
	}
	free(c.sh);
	free(c.rk);
	free(c.rv);
	free(c.va);
	free(c.vb);
	free(cand);
	free(l.buf);
	sc_buf_free(&c.id);
	sc_buf_free(&pline);
	sc_buf_free(&out);
	return status;
}

/* ------------------------------------------------------------------ */
/* filter                                                              */

struct sc_dupmap {
	struct sc_dupinfo *v;
	size_t n, cap, at;
};

static char *
tsv_unescape(const char *p, size_t n)
{
	char *s = xmalloc(n + 1), *o = s;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n) {
			i++;
			*o++ = p[i] == 't' ? '\t' : p[i] == 'n' ? '\n' :
			    p[i] == 'r' ? '\r' : p[i];
		} else {
			*o++ = p[i];
		}
	}
	*o = '\0';
	return s;
}

struct sc_dupmap *
sc_dupmap_read(FILE *f, const char *name, unsigned shard)
{
	struct sc_dupmap *m = xcalloc(1, sizeof *m);
	struct lines l = { f, name, 0, NULL, 0, 0 };
	uint64_t last = 0;

	while (next_line(&l)) {
		char *fld[6], *p = l.buf, *end;
		struct sc_dupinfo *di;
		uint64_t sh;
		int k;

		for (k = 0; k < 5; k++) {
			fld[k] = p;
			if ((p = memchr(p, '\t', (size_t)(l.buf + l.len - p))) == NULL) {
				bad_line(&l, "expected SHARD<TAB>POS<TAB>HOW<TAB>SCORE"
				    "<TAB>CLUSTER<TAB>KEPT_ID (scdedup --stage=cluster output)");
				goto fail;
			}
			*p++ = '\0';
		}
		fld[5] = p;
		if (strlen(fld[0]) != SHARD_W || digits(fld[0], SHARD_W, &sh) != 0 ||
		    sh == 0) {
			bad_line(&l, "bad shard number");
			goto fail;
		}
		if (sh != shard)
			continue;
		if (m->n == m->cap) {
			m->cap = m->cap ? 2 * m->cap : 256;
			m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
		}
		di = &m->v[m->n];
		if (strlen(fld[1]) != POS_W || digits(fld[1], POS_W, &di->pos) != 0 ||
		    di->pos <= last) {
			bad_line(&l, "positions must increase (use LC_ALL=C sort)");
			goto fail;
		}
		last = di->pos;
		di->how = strcmp(fld[2], "exact") == 0 ? SC_DUP_EXACT :
		    strcmp(fld[2], "jaccard") == 0 ? SC_DUP_JACCARD :
		    strcmp(fld[2], "containment") == 0 ? SC_DUP_CONTAINED :
		    strcmp(fld[2], "lsh") == 0 ? SC_DUP_LSH : SC_DUP_NONE;
		if (di->how == SC_DUP_NONE) {
			bad_line(&l, "unknown kind of duplicate");
			goto fail;
		}
		/* strtod reads '.' as the point: the tools never set a locale. */
		di->score = strtod(fld[3], &end);
		if (end == fld[3] || *end != '\0') {
			bad_line(&l, "bad score");
			goto fail;
		}
		errno = 0;
		di->cluster = strtoull(fld[4], &end, 10);
		if (*fld[4] < '0' || *fld[4] > '9' || *end != '\0' || errno != 0) {
			bad_line(&l, "bad cluster number");
			goto fail;
		}
		di->of = tsv_unescape(fld[5], (size_t)(l.buf + l.len - fld[5]));
		m->n++;
	}
	free(l.buf);
	return m;
fail:
	free(l.buf);
	sc_dupmap_free(m);
	return NULL;
}

struct sc_dupmap *
sc_dupmap_load(const char *path, unsigned shard)
{
	struct sc_dupmap *m;
	FILE *f;

	if (shard == 0)
		sc_die(SC_ERR, "--stage=filter needs --shard N");
	if (path == NULL)
		sc_die(SC_ERR, "--stage=filter needs --dups FILE (from --stage=cluster)");
	if ((f = fopen(path, "r")) == NULL)
		sc_die(SC_ERR, "%s: %s", path, strerror(errno));
	m = sc_dupmap_read(f, path, shard);
	fclose(f);
	if (m == NULL)
		exit(SC_ERR);
	return m;
}

/* Positions come in increasing order: a cursor finds them. */
const struct sc_dupinfo *
sc_dupmap_get(struct sc_dupmap *m, uint64_t pos)
{
	while (m->at < m->n && m->v[m->at].pos < pos)
		m->at++;
	if (m->at < m->n && m->v[m->at].pos == pos)
		return &m->v[m->at];
	return NULL;
}

void
sc_dupmap_free(struct sc_dupmap *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].of);
	free(m->v);
	free(m);
}
