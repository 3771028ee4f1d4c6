/*
 * dedup.c: exact and near-duplicate finding, and the index file.  See
 * dedup.h for the rules and the memory each part costs.
 */
#include "dedup.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/*
 * Hash tables.  Each is split into NSUB sub-tables by the top bits of the
 * key's hash, and each sub-table grows by a quarter when it passes
 * MAXLOAD.  Growing a small piece at a time keeps the peak near the
 * steady size (a single doubling table needs three times its contents
 * while it copies), and growing by a quarter keeps the load between 68%
 * and 85%: about 10.5 bytes an 8-byte entry.
 */
#define NSUB_BITS 12
#define NSUB (1u << NSUB_BITS)
#define MAXLOAD_NUM 85
#define MAXLOAD_DEN 100
#define MINSUB 8

struct subtab {
	uint64_t *slot;		/* 0: empty */
	uint32_t *val;		/* parallel values, when the table has them */
	uint32_t size, count;
};

struct table {
	struct subtab *sub;	/* NSUB of them, allocated on first use */
	int has_val;
	uint64_t entries;
};

#define UCHUNK_BITS 12
#define UCHUNK ((uint64_t)1 << UCHUNK_BITS)

struct uchunk {
	uint32_t *sk_lo;
	uint8_t *sk_hi;
	uint32_t *root;
	uint64_t *id_off;
};

#define SPILL_BUF (1u << 20)
#define SKETCH_HDR 12		/* u32 nset, u32 count, u8 level, 3 pad */
#define NO_SKETCH UINT64_MAX

/*
 * The index's flags word also carries the caller's kind of unit, in bits 8-15
 * (sc_dedup_set_unit); files written before it have 0 there.
 */
#define UNIT_SHIFT 8
#define UNIT_MASK 0xFFu

struct sc_dedup {
	struct sc_dedup_params p;
	int flags;
	unsigned unit;		/* the caller's kind of unit (sc_dedup_set_unit), saved with the index */
	uint64_t max_memory, memory;
	uint64_t nunits;

	struct table exact;
	struct table bands;

	/*
	 * Per unit, in chunks of UCHUNK (no slack from growth by copying):
	 * where its sketch is (near + verify; 40 bits, in 4-byte units), its
	 * root (SC_DEDUP_ROOTS), 1 + the offset of its id in ids
	 * (SC_DEDUP_IDS; 0: none).
	 */
	int has_sk, has_root, has_id;
	struct uchunk **chunk;
	uint64_t nchunk, unitcap;
	unsigned char *dupbits;	/* with roots: clusters that have a duplicate */
	uint64_t dupbits_cap;
	struct sc_buf ids;	/* kept ids, each NUL-terminated */

	/* The shingle-set file, made when the write buffer first fills. */
	char *tmpdir;
	int spill_fd;
	uint64_t spill_flushed;	/* bytes on disk */
	char *wbuf;
	size_t wlen;

	/* Scratch. */
	struct sc_buf key;
	struct sc_shingler sh;
	uint32_t sig[SC_MH_MAXHASHES];
	uint32_t *rbuf;		/* a sketch read back */
	size_t rcap;
};

static void
charge(struct sc_dedup *d, uint64_t add)
{
	if (d->max_memory && d->memory + add > d->max_memory)
		sc_die(SC_ERR, "memory limit (--max-memory) reached after %ju "
		    "units, with %ju KiB in use: raise the limit, or use the "
		    "staged form (see scdedup(1), STAGED FORM)",
		    (uintmax_t)d->nunits, (uintmax_t)(d->memory >> 10));
	d->memory += add;
}

static void
release(struct sc_dedup *d, uint64_t n)
{
	d->memory -= n < d->memory ? n : d->memory;
}

static inline uint32_t
reduce32(uint32_t x, uint32_t n)
{
	return (uint32_t)(((uint64_t)x * n) >> 32);
}

/* Home slot of a stored entry: from its top 32 bits, which stay put. */
static inline uint32_t
home(uint64_t e, uint32_t size)
{
	return reduce32((uint32_t)(e >> 32), size);
}

static void
table_init(struct sc_dedup *d, struct table *t, int has_val)
{
	t->sub = xcalloc(NSUB, sizeof *t->sub);
	charge(d, NSUB * sizeof *t->sub);
	t->has_val = has_val;
}

static void
table_free(struct table *t)
{
	uint32_t i;

	if (t->sub == NULL)
		return;
	for (i = 0; i < NSUB; i++) {
		free(t->sub[i].slot);
		free(t->sub[i].val);
	}
	free(t->sub);
	t->sub = NULL;
}

static size_t
slot_bytes(const struct table *t)
{
	return sizeof(uint64_t) + (t->has_val ? sizeof(uint32_t) : 0);
}

static void
sub_grow(struct sc_dedup *d, struct table *t, struct subtab *s)
{
	uint32_t nsize = s->size < MINSUB ? MINSUB : s->size + s->size / 4;
	uint64_t *ns;
	uint32_t *nv = NULL, i;

	charge(d, (uint64_t)nsize * slot_bytes(t));
	ns = xcalloc(nsize, sizeof *ns);
	if (t->has_val)
		nv = xcalloc(nsize, sizeof *nv);
	for (i = 0; i < s->size; i++) {
		uint64_t e = s->slot[i];
		uint32_t at;

		if (e == 0)
			continue;
		at = home(e, nsize);
		while (ns[at] != 0)
			if (++at == nsize)
				at = 0;
		ns[at] = e;
		if (nv)
			nv[at] = s->val[i];
	}
	release(d, (uint64_t)s->size * slot_bytes(t));
	free(s->slot);
	free(s->val);
	s->slot = ns;
	s->val = nv;
	s->size = nsize;
}

static inline void
sub_reserve(struct sc_dedup *d, struct table *t, struct subtab *s)
{
	if ((uint64_t)(s->count + 1) * MAXLOAD_DEN > (uint64_t)s->size * MAXLOAD_NUM)
		sub_grow(d, t, s);
}

/*
 * Exact keys: the low 64 bits of the 128-bit hash are stored, the top 12
 * bits of the high half choose the sub-table, so 75 bits tell keys apart:
 * the lowest stored bit marks a key seen twice, which counts clusters
 * when no roots are kept.  Returns 0 after adding a new key (or finding
 * none, with add off), 1 when the key was there for the first time since,
 * 2 when it was there and seen twice already; *found gets the stored value.
 */
static int
exact_find_add(struct sc_dedup *d, const uint64_t h[2], uint32_t val,
    uint32_t *found, int add)
{
	struct table *t = &d->exact;
	struct subtab *s = &t->sub[h[1] >> (64 - NSUB_BITS)];
	uint64_t e = h[0] & ~(uint64_t)1;
	uint32_t at;

	if (e == 0)
		e = 2;
	if (s->size) {
		at = home(e, s->size);
		while (s->slot[at] != 0) {
			if ((s->slot[at] & ~(uint64_t)1) == e) {
				int again = (int)(s->slot[at] & 1);

				*found = t->has_val ? s->val[at] : 0;
				s->slot[at] |= 1;
				return again ? 2 : 1;
			}
			if (++at == s->size)
				at = 0;
		}
	}
	if (!add)
		return 0;
	sub_reserve(d, t, s);
	at = home(e, s->size);
	while (s->slot[at] != 0)
		if (++at == s->size)
			at = 0;
	s->slot[at] = e;
	if (t->has_val)
		s->val[at] = val;
	s->count++;
	t->entries++;
	return 0;
}

/*
 * LSH buckets: an entry is the band key's low 32 bits (the fingerprint)
 * above unit + 1; the band key's top 12 bits choose the sub-table.  All
 * entries of a bucket sit in one probe run from their common home.
 */
static size_t
band_lookup(const struct table *t, uint64_t key, uint32_t *units, size_t max)
{
	const struct subtab *s = &t->sub[key >> (64 - NSUB_BITS)];
	uint32_t fp = (uint32_t)key, at;
	size_t n = 0;

	if (s->size == 0)
		return 0;
	at = reduce32(fp, s->size);
	while (s->slot[at] != 0) {
		if ((uint32_t)(s->slot[at] >> 32) == fp && n < max)
			units[n++] = (uint32_t)s->slot[at] - 1;
		if (++at == s->size)
			at = 0;
	}
	return n;
}

static void
band_add(struct sc_dedup *d, uint64_t key, uint32_t unit, size_t have)
{
	struct table *t = &d->bands;
	struct subtab *s = &t->sub[key >> (64 - NSUB_BITS)];
	uint64_t e = (uint64_t)(uint32_t)key << 32 | ((uint64_t)unit + 1);
	uint32_t at;

	if (have >= d->p.bucket_cap)
		return;
	sub_reserve(d, t, s);
	at = home(e, s->size);
	while (s->slot[at] != 0)
		if (++at == s->size)
			at = 0;
	s->slot[at] = e;
	s->count++;
	t->entries++;
}

void
sc_dedup_defaults(struct sc_dedup_params *p)
{
	memset(p, 0, sizeof *p);
	p->norm = SC_NORM_FULL;
	p->near = 1;
	p->shingle = 5;
	p->bands = 8;
	p->rows = 2;
	p->verify = 1;
	p->threshold = 0.7;
	p->containment = 0.9;
	p->min_contain = 16;
	p->sketch_max = 1024;
	p->bucket_cap = 8;
	p->max_verify = 16;
	p->seed = 0;
}

static void
spill_open(struct sc_dedup *d)
{
	d->spill_fd = sc_scratch_fd(d->tmpdir, "scdedup");
}

static void
spill_flush(struct sc_dedup *d)
{
	size_t done = 0;

	/* Made when first needed: many runs never verify anything. */
	if (d->wlen > 0 && d->spill_fd < 0)
		spill_open(d);
	while (done < d->wlen) {
		ssize_t w = pwrite(d->spill_fd, d->wbuf + done, d->wlen - done,
		    (off_t)(d->spill_flushed + done));

		if (w < 0) {
			if (errno == EINTR)
				continue;
			sc_die(SC_ERR, "temporary file: write error: %s",
			    strerror(errno));
		}
		done += (size_t)w;
	}
	d->spill_flushed += d->wlen;
	d->wlen = 0;
}

static void
spill_write(struct sc_dedup *d, const void *p, size_t n)
{
	const char *c = p;

	if (d->wbuf == NULL)
		d->wbuf = xmalloc(SPILL_BUF);
	while (n > 0) {
		size_t k = SPILL_BUF - d->wlen;

		if (k > n)
			k = n;
		memcpy(d->wbuf + d->wlen, c, k);
		d->wlen += k;
		c += k;
		n -= k;
		if (d->wlen == SPILL_BUF)
			spill_flush(d);
	}
}

static void
spill_read(struct sc_dedup *d, uint64_t off, void *p, size_t n)
{
	char *c = p;

	if (n == 0)
		return;
	if (off >= d->spill_flushed) {
		memcpy(c, d->wbuf + (off - d->spill_flushed), n);
		return;
	}
	if (off + n > d->spill_flushed)
		spill_flush(d);
	while (n > 0) {
		ssize_t r = pread(d->spill_fd, c, n, (off_t)off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			sc_die(SC_ERR, "temporary file: read error: %s",
			    r < 0 ? strerror(errno) : "unexpected end");
		c += r;
		off += (uint64_t)r;
		n -= (size_t)r;
	}
}

static uint64_t
sketch_store(struct sc_dedup *d, const struct sc_sketch *k)
{
	uint64_t off = d->spill_flushed + d->wlen;
	unsigned char hdr[SKETCH_HDR] = { 0 };

	memcpy(hdr, &k->nset, 4);
	memcpy(hdr + 4, &k->count, 4);
	hdr[8] = k->level;
	spill_write(d, hdr, sizeof hdr);
	spill_write(d, k->v, (size_t)k->count * sizeof *k->v);
	return off;
}

static void
sketch_fetch(struct sc_dedup *d, uint64_t off, struct sc_sketch *k)
{
	unsigned char hdr[SKETCH_HDR];

	spill_read(d, off, hdr, sizeof hdr);
	memcpy(&k->nset, hdr, 4);
	memcpy(&k->count, hdr + 4, 4);
	k->level = hdr[8];
	if (d->rcap < k->count) {
		d->rcap = k->count;
		free(d->rbuf);
		d->rbuf = xreallocarray(NULL, d->rcap, sizeof *d->rbuf);
	}
	spill_read(d, off + SKETCH_HDR, d->rbuf, (size_t)k->count * sizeof *d->rbuf);
	k->v = d->rbuf;
}

struct sc_dedup *
sc_dedup_new(const struct sc_dedup_params *p, int flags, uint64_t max_memory,
    const char *tmpdir)
{
	struct sc_dedup *d = xcalloc(1, sizeof *d);

	d->p = *p;
	if (d->p.bands * d->p.rows > SC_MH_MAXHASHES)
		d->p.bands = SC_MH_MAXHASHES / d->p.rows;
	if (d->p.bands > 64)
		d->p.bands = 64;
	d->flags = flags;
	d->has_sk = p->near && p->verify;
	d->has_root = (flags & SC_DEDUP_ROOTS) != 0;
	d->has_id = (flags & SC_DEDUP_IDS) != 0;
	d->max_memory = max_memory;
	d->spill_fd = -1;
	table_init(d, &d->exact, (flags & SC_DEDUP_ROOTS) != 0);
	if (p->near) {
		table_init(d, &d->bands, 0);
		sc_shingler_init(&d->sh, p->shingle);
		d->tmpdir = xstrdup(tmpdir ? tmpdir : "");
	}
	return d;
}

void
sc_dedup_free(struct sc_dedup *d)
{
	if (d == NULL)
		return;
	table_free(&d->exact);
	table_free(&d->bands);
	for (uint64_t c = 0; c < d->nchunk; c++) {
		free(d->chunk[c]->sk_lo);
		free(d->chunk[c]->sk_hi);
		free(d->chunk[c]->root);
		free(d->chunk[c]->id_off);
		free(d->chunk[c]);
	}
	free(d->chunk);
	free(d->dupbits);
	sc_buf_free(&d->ids);
	if (d->spill_fd >= 0)
		close(d->spill_fd);
	free(d->wbuf);
	free(d->tmpdir);
	sc_buf_free(&d->key);
	sc_shingler_free(&d->sh);
	free(d->rbuf);
	free(d);
}

void
sc_dedup_set_unit(struct sc_dedup *d, unsigned unit)
{
	d->unit = unit & UNIT_MASK;
}

unsigned
sc_dedup_unit(const struct sc_dedup *d)
{
	return d->unit;
}

const struct sc_dedup_params *
sc_dedup_params(const struct sc_dedup *d)
{
	return &d->p;
}

uint64_t
sc_dedup_units(const struct sc_dedup *d)
{
	return d->nunits;
}

uint64_t
sc_dedup_memory(const struct sc_dedup *d)
{
	return d->memory;
}


static uint64_t
unit_bytes(const struct sc_dedup *d)
{
	return (d->has_sk ? 5 : 0) + (d->has_root ? 4 : 0) + (d->has_id ? 8 : 0);
}

/* Room for n units in the per-unit chunks. */
static void
units_grow_to(struct sc_dedup *d, uint64_t n)
{
	if (n <= d->unitcap)
		return;
	if (n >= UINT32_MAX - 1)
		sc_die(SC_ERR, "more than %ju units: split the input and use the "
		    "staged form", (uintmax_t)(UINT32_MAX - 2));
	if (unit_bytes(d) == 0) {
		d->unitcap = n;		/* nothing kept per unit */
		return;
	}
	while (d->unitcap < n) {
		struct uchunk *c = xcalloc(1, sizeof *c);

		charge(d, UCHUNK * unit_bytes(d) + sizeof *c + sizeof c);
		if (d->has_sk) {
			c->sk_lo = xreallocarray(NULL, UCHUNK, sizeof *c->sk_lo);
			c->sk_hi = xmalloc(UCHUNK);
		}
		if (d->has_root)
			c->root = xreallocarray(NULL, UCHUNK, sizeof *c->root);
		if (d->has_id)
			c->id_off = xreallocarray(NULL, UCHUNK, sizeof *c->id_off);
		d->chunk = xreallocarray(d->chunk, d->nchunk + 1, sizeof *d->chunk);
		d->chunk[d->nchunk++] = c;
		d->unitcap += UCHUNK;
	}
}

#define SK_NONE (((uint64_t)1 << 40) - 1)

static inline uint64_t
sk_get(const struct sc_dedup *d, uint64_t u)
{
	const struct uchunk *c = d->chunk[u >> UCHUNK_BITS];
	uint64_t i = u & (UCHUNK - 1);
	uint64_t v = (uint64_t)c->sk_hi[i] << 32 | c->sk_lo[i];

	return v == SK_NONE ? NO_SKETCH : v * 4;
}

static inline void
sk_set(struct sc_dedup *d, uint64_t u, uint64_t off)
{
	struct uchunk *c = d->chunk[u >> UCHUNK_BITS];
	uint64_t i = u & (UCHUNK - 1), v = off == NO_SKETCH ? SK_NONE : off / 4;

	if (off != NO_SKETCH && (off % 4 != 0 || v >= SK_NONE))
		sc_die(SC_ERR, "temporary file too large (4 TB)");
	c->sk_lo[i] = (uint32_t)v;
	c->sk_hi[i] = (uint8_t)(v >> 32);
}

static inline uint32_t
root_get(const struct sc_dedup *d, uint64_t u)
{
	return d->chunk[u >> UCHUNK_BITS]->root[u & (UCHUNK - 1)];
}

static inline void
root_set(struct sc_dedup *d, uint64_t u, uint32_t r)
{
	d->chunk[u >> UCHUNK_BITS]->root[u & (UCHUNK - 1)] = r;
}

static inline uint64_t
id_get(const struct sc_dedup *d, uint64_t u)
{
	return d->chunk[u >> UCHUNK_BITS]->id_off[u & (UCHUNK - 1)];
}

static inline void
id_set(struct sc_dedup *d, uint64_t u, uint64_t v)
{
	d->chunk[u >> UCHUNK_BITS]->id_off[u & (UCHUNK - 1)] = v;
}

const char *
sc_dedup_id(const struct sc_dedup *d, uint64_t unit, size_t *len)
{
	const char *s;

	if (!d->has_id || unit >= d->nunits || id_get(d, unit) == 0)
		return NULL;
	s = d->ids.p + id_get(d, unit) - 1;
	if (len)
		*len = strlen(s);
	return s;
}

/* Whether n more bytes fit under max_memory (for sizes a file claims). */
static int
fits(const struct sc_dedup *d, uint64_t n)
{
	return d->max_memory == 0 || (n <= d->max_memory &&
	    d->memory <= d->max_memory - n);
}

static void
make_bands(struct sc_dedup *d, uint64_t *band)
{
	int b, nbins = d->p.bands * d->p.rows;

	sc_minhash(d->sh.sh, d->sh.nsh, d->sig, nbins, d->p.seed);
	for (b = 0; b < d->p.bands; b++)
		band[b] = sc_band_key(d->sig, b, d->p.rows);
}

enum sc_dup_how
sc_dedup_judge(const struct sc_dedup_params *p, const struct sc_sketch *a,
    const struct sc_sketch *b, double *score)
{
	struct sc_similarity sim;

	sc_sketch_compare(a, b, &sim);
	if (sim.smaller > 0 && sim.jaccard >= p->threshold) {
		*score = sim.jaccard;
		return SC_DUP_JACCARD;
	}
	/*
	 * Containment needs enough of the smaller set to be seen: a short
	 * text is contained in many long ones (a title, a "share" line).
	 */
	if (p->containment > 0 && sim.smaller >= p->min_contain &&
	    (a->nset < b->nset ? a->nset : b->nset) >= p->min_contain &&
	    sim.containment >= p->containment) {
		*score = sim.containment;
		return SC_DUP_CONTAINED;
	}
	*score = sim.jaccard;
	return SC_DUP_NONE;
}

struct cand {
	uint32_t unit;
	uint32_t hits;
};

static int
cand_cmp(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->hits != b->hits)
		return a->hits > b->hits ? -1 : 1;
	return a->unit < b->unit ? -1 : a->unit > b->unit;
}

/* Near duplicates among the LSH candidates of the current shingles. */
static void
find_near(struct sc_dedup *d, const uint64_t *band, const struct sc_sketch *mine,
    size_t *have, struct sc_dup *r)
{
	struct cand c[64 * 64];
	uint32_t found[64];
	size_t nc = 0, i, j, k, n, cap = d->p.bucket_cap < 64 ? d->p.bucket_cap : 64;
	int b;

	for (b = 0; b < d->p.bands; b++) {
		n = band_lookup(&d->bands, band[b], found, cap);
		have[b] = n;
		if (r->how != SC_DUP_NONE)
			continue;
		for (j = 0; j < n; j++) {
			for (k = 0; k < nc && c[k].unit != found[j]; k++)
				;
			if (k == nc) {
				if (nc == sizeof c / sizeof c[0])
					continue;
				c[nc].unit = found[j];
				c[nc++].hits = 0;
			}
			c[k].hits++;
		}
	}
	if (nc == 0)
		return;
	qsort(c, nc, sizeof c[0], cand_cmp);
	if (!d->p.verify) {
		r->how = SC_DUP_LSH;
		r->match = c[0].unit;
		r->score = (double)c[0].hits / d->p.bands;
		return;
	}
	for (i = 0; i < nc && i < d->p.max_verify; i++) {
		struct sc_sketch other;
		double score;
		enum sc_dup_how how;

		if (sk_get(d, c[i].unit) == NO_SKETCH)
			continue;
		sketch_fetch(d, sk_get(d, c[i].unit), &other);
		how = sc_dedup_judge(&d->p, mine, &other, &score);
		if (how != SC_DUP_NONE) {
			r->how = how;
			r->match = c[i].unit;
			r->score = score;
			return;
		}
	}
}

/* Whether root's cluster gets its first duplicate now (a bit a unit). */
static int
first_dup(struct sc_dedup *d, uint64_t root)
{
	uint64_t byte = root / 8;

	if (byte >= d->dupbits_cap) {
		uint64_t ncap = d->dupbits_cap ? d->dupbits_cap * 2 : 4096;

		while (ncap <= byte)
			ncap *= 2;
		charge(d, ncap - d->dupbits_cap);
		d->dupbits = xrealloc(d->dupbits, ncap);
		memset(d->dupbits + d->dupbits_cap, 0, ncap - d->dupbits_cap);
		d->dupbits_cap = ncap;
	}
	if (d->dupbits[byte] & (1u << (root % 8)))
		return 0;
	d->dupbits[byte] |= (unsigned char)(1u << (root % 8));
	return 1;
}

/*
 * The exact key.  Near mode has the text's tokens at hand, and two texts
 * with the same token sequence are duplicates by any measure, so it keys
 * on those and spares a second pass over the text; a text without a
 * token (punctuation only) falls back to its normal form.
 */
static void
unit_key(struct sc_dedup *d, const char *text, size_t len, uint64_t h[2])
{
	if (d->p.near) {
		sc_shingle(&d->sh, text, len);
		if (d->sh.ntok > 0) {
			sc_hash128(d->sh.tok, d->sh.ntok * sizeof *d->sh.tok, h);
			return;
		}
	}
	sc_buf_reset(&d->key);
	sc_normkey(text, len, d->p.norm, &d->key);
	sc_hash128(d->key.p ? d->key.p : "", d->key.len, h);
}

void
sc_dedup_add(struct sc_dedup *d, const char *text, size_t len,
    const char *id, size_t idlen, struct sc_dup *r)
{
	uint64_t h[2], unit = d->nunits;
	uint32_t found = 0;
	int seen;

	units_grow_to(d, d->nunits + 1);
	memset(r, 0, sizeof *r);
	r->unit = unit;
	unit_key(d, text, len, h);
	if ((seen = exact_find_add(d, h, (uint32_t)unit, &found, 1)) != 0) {
		r->how = SC_DUP_EXACT;
		r->match = found;
		r->score = 1.0;
		r->new_cluster = seen == 1;
	}
	if (d->p.near) {
		uint64_t band[64];
		size_t have[64];
		struct sc_sketch mine;
		int b;

		if (d->p.verify)
			sk_set(d, unit, NO_SKETCH);
		if (d->sh.nsh > 0) {
			make_bands(d, band);
			if (d->p.verify) {
				sc_sketch_make(&d->sh, d->p.sketch_max, &mine);
				sk_set(d, unit, sketch_store(d, &mine));
			}
			find_near(d, band, &mine, have, r);
			for (b = 0; b < d->p.bands; b++)
				band_add(d, band[b], (uint32_t)unit, have[b]);
		}
	}
	if (d->flags & SC_DEDUP_ROOTS) {
		root_set(d, unit, r->how == SC_DUP_NONE ? (uint32_t)unit :
		    root_get(d, r->match));
		r->root = root_get(d, unit);
		if (r->how != SC_DUP_NONE)
			r->new_cluster = first_dup(d, r->root);
	} else {
		r->root = r->how == SC_DUP_NONE ? unit : r->match;
	}
	if (d->flags & SC_DEDUP_IDS) {
		id_set(d, unit, 0);
		if (r->how == SC_DUP_NONE && id != NULL) {
			uint64_t before = d->ids.cap;

			id_set(d, unit, d->ids.len + 1);
			sc_buf_add(&d->ids, id, idlen);
			sc_buf_addc(&d->ids, '\0');
			if (d->ids.cap > before)
				charge(d, d->ids.cap - before);
		}
	}
	d->nunits++;
}

void
sc_dedup_sign(struct sc_dedup *d, const char *text, size_t len,
    struct sc_signature *sig)
{
	unit_key(d, text, len, sig->key);
	sig->nbands = 0;
	memset(&sig->sketch, 0, sizeof sig->sketch);
	if (d->p.near && d->sh.nsh > 0) {
		make_bands(d, sig->band);
		sig->nbands = d->p.bands;
		sc_sketch_make(&d->sh, d->p.sketch_max, &sig->sketch);
	}
}

/*
 * Index files.  Little-endian, in order:
 *
 *	"SCDEDUP\n" magic, u32 version, u32 parameter bytes, parameters,
 *	u64 units, then sections (u32 tag, u64 length, contents), then
 *	"END\n" and the XXH3-64 of everything before it.
 *
 * Tables are written as their entries and rebuilt on reading, so a file
 * never dictates a table's shape.
 */
#define IDX_MAGIC "SCDEDUP\n"
#define IDX_VERSION 1
enum { SEC_EXACT = 1, SEC_BANDS, SEC_SKOFF, SEC_ROOTS, SEC_IDOFF, SEC_IDS, SEC_SKETCH };

struct writer {
	XXH3_state_t *st;
};

/* Through sc_out() into the selected sink: write errors end the program. */
static void
w_bytes(struct writer *w, const void *p, size_t n)
{
	if (n == 0)
		return;
	XXH3_64bits_update(w->st, p, n);
	sc_out(p, n);
}

static void
w_u32(struct writer *w, uint32_t v)
{
	unsigned char b[4];
	int i;

	for (i = 0; i < 4; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	w_bytes(w, b, 4);
}

static void
w_u64(struct writer *w, uint64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	w_bytes(w, b, 8);
}

static void
w_double(struct writer *w, double x)
{
	uint64_t v;

	memcpy(&v, &x, 8);
	w_u64(w, v);
}

#define PARAM_BYTES (4 * 11 + 8 * 3)

static void
w_params(struct writer *w, const struct sc_dedup_params *p, int flags)
{
	w_u32(w, (uint32_t)p->norm);
	w_u32(w, (uint32_t)p->near);
	w_u32(w, (uint32_t)p->shingle);
	w_u32(w, (uint32_t)p->bands);
	w_u32(w, (uint32_t)p->rows);
	w_u32(w, (uint32_t)p->verify);
	w_u32(w, p->min_contain);
	w_u32(w, p->sketch_max);
	w_u32(w, p->bucket_cap);
	w_u32(w, p->max_verify);
	w_u32(w, (uint32_t)flags);
	w_double(w, p->threshold);
	w_double(w, p->containment);
	w_u64(w, p->seed);
}

static void
w_table(struct writer *w, const struct table *t, int tag)
{
	uint32_t i, j;

	w_u32(w, (uint32_t)tag);
	w_u64(w, t->entries * (2 + 8 + (t->has_val ? 4 : 0)));
	for (i = 0; i < NSUB; i++) {
		const struct subtab *s = &t->sub[i];

		for (j = 0; j < s->size; j++) {
			unsigned char b[2] = { (unsigned char)i, (unsigned char)(i >> 8) };

			if (s->slot[j] == 0)
				continue;
			w_bytes(w, b, 2);
			w_u64(w, s->slot[j]);
			if (t->has_val)
				w_u32(w, s->val[j]);
		}
	}
}

int
sc_dedup_save(struct sc_dedup *d, const char *path, const char **err)
{
	struct writer w;
	struct sc_sink *k;
	uint64_t i, left;
	char buf[65536];

	*err = NULL;
	/* A temporary file beside path, renamed when complete (util.h). */
	k = sc_sink_open_temp(path);
	sc_sink_select(k);
	w.st = XXH3_createState();
	XXH3_64bits_reset(w.st);
	w_bytes(&w, IDX_MAGIC, 8);
	w_u32(&w, IDX_VERSION);
	w_u32(&w, PARAM_BYTES);
	w_params(&w, &d->p, d->flags | (int)(d->unit << UNIT_SHIFT));
	w_u64(&w, d->nunits);
	w_table(&w, &d->exact, SEC_EXACT);
	if (d->p.near)
		w_table(&w, &d->bands, SEC_BANDS);
	if (d->has_sk) {
		w_u32(&w, SEC_SKOFF);
		w_u64(&w, d->nunits * 8);
		for (i = 0; i < d->nunits; i++)
			w_u64(&w, sk_get(d, i));
	}
	if (d->has_root) {
		w_u32(&w, SEC_ROOTS);
		w_u64(&w, d->nunits * 4);
		for (i = 0; i < d->nunits; i++)
			w_u32(&w, root_get(d, i));
	}
	if (d->has_id) {
		w_u32(&w, SEC_IDOFF);
		w_u64(&w, d->nunits * 8);
		for (i = 0; i < d->nunits; i++)
			w_u64(&w, id_get(d, i));
		w_u32(&w, SEC_IDS);
		w_u64(&w, d->ids.len);
		w_bytes(&w, d->ids.p, d->ids.len);
	}
	if (d->has_sk) {
		spill_flush(d);
		w_u32(&w, SEC_SKETCH);
		w_u64(&w, d->spill_flushed);
		for (i = 0; i < d->spill_flushed; i += sizeof buf) {
			left = d->spill_flushed - i;
			if (left > sizeof buf)
				left = sizeof buf;
			spill_read(d, i, buf, (size_t)left);
			w_bytes(&w, buf, (size_t)left);
		}
	}
	w_bytes(&w, "END\n", 4);
	{
		uint64_t sum = XXH3_64bits_digest(w.st);
		unsigned char b[8];
		int j;

		for (j = 0; j < 8; j++)
			b[j] = (unsigned char)(sum >> (8 * j));
		sc_out(b, 8);
	}
	XXH3_freeState(w.st);
	sc_sink_commit(k);
	sc_sink_select(sc_sink_stdout());
	return 0;
}

struct reader {
	FILE *f;
	XXH3_state_t *st;
	int eof;
};

static int
r_bytes(struct reader *r, void *p, size_t n)
{
	if (n == 0)
		return 0;
	if (fread(p, 1, n, r->f) != n) {
		r->eof = 1;
		return -1;
	}
	XXH3_64bits_update(r->st, p, n);
	return 0;
}

static int
r_u32(struct reader *r, uint32_t *v)
{
	unsigned char b[4];

	if (r_bytes(r, b, 4))
		return -1;
	*v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[3] << 24;
	return 0;
}

static int
r_u64(struct reader *r, uint64_t *v)
{
	uint32_t lo, hi;

	if (r_u32(r, &lo) || r_u32(r, &hi))
		return -1;
	*v = (uint64_t)hi << 32 | lo;
	return 0;
}

static int
r_params(struct reader *r, struct sc_dedup_params *p, uint32_t *flags)
{
	uint32_t v[11];
	uint64_t th, co;
	int i;

	for (i = 0; i < 11; i++)
		if (r_u32(r, &v[i]))
			return -1;
	if (r_u64(r, &th) || r_u64(r, &co) || r_u64(r, &p->seed))
		return -1;
	p->norm = (enum sc_norm_level)v[0];
	p->near = (int)v[1];
	p->shingle = (int)v[2];
	p->bands = (int)v[3];
	p->rows = (int)v[4];
	p->verify = (int)v[5];
	p->min_contain = v[6];
	p->sketch_max = v[7];
	p->bucket_cap = v[8];
	p->max_verify = v[9];
	*flags = v[10];
	memcpy(&p->threshold, &th, 8);
	memcpy(&p->containment, &co, 8);
	if (v[0] > SC_NORM_FULL || v[1] > 1 || v[5] > 1 || v[2] < 1 ||
	    v[2] > 64 || v[3] < 1 || v[3] > 64 || v[4] < 1 ||
	    (uint64_t)v[3] * v[4] > SC_MH_MAXHASHES || p->sketch_max < 1 ||
	    p->sketch_max > (1u << 24) || p->bucket_cap < 1 ||
	    p->bucket_cap > 64 || p->max_verify > 1024 ||
	    !(p->threshold > 0 && p->threshold <= 1) ||
	    !(p->containment >= 0 && p->containment <= 1) ||
	    (v[10] & ~(uint32_t)(SC_DEDUP_ROOTS | SC_DEDUP_IDS | UNIT_MASK << UNIT_SHIFT)) != 0)
		return -1;
	return 0;
}

#define CORRUPT "index file is corrupt"

/* Read a table section back entry by entry into t. */
static const char *
r_table(struct reader *r, struct sc_dedup *d, struct table *t, uint64_t len,
    int is_bands)
{
	size_t esize = 2 + 8 + (t->has_val ? 4 : 0);
	uint64_t i, n;

	if (len % esize)
		return CORRUPT;
	n = len / esize;
	if (!fits(d, n * 16))
		return "index file is larger than --max-memory allows";
	for (i = 0; i < n; i++) {
		unsigned char b[2];
		uint64_t e;
		uint32_t val = 0, sub, at;
		struct subtab *s;

		if (r_bytes(r, b, 2) || r_u64(r, &e) ||
		    (t->has_val && r_u32(r, &val)))
			return "index file is truncated";
		sub = (uint32_t)b[0] | (uint32_t)b[1] << 8;
		if (sub >= NSUB || e == 0)
			return CORRUPT;
		if (is_bands ? (uint32_t)e == 0 || (uint32_t)e - 1 >= d->nunits :
		    t->has_val && val >= d->nunits)
			return CORRUPT;
		s = &t->sub[sub];
		sub_reserve(d, t, s);
		at = home(e, s->size);
		while (s->slot[at] != 0) {
			if (!is_bands && (s->slot[at] | 1) == (e | 1))
				return CORRUPT;		/* a key twice */
			if (++at == s->size)
				at = 0;
		}
		s->slot[at] = e;
		if (t->has_val)
			s->val[at] = val;
		s->count++;
		t->entries++;
	}
	return NULL;
}

/* Copy len bytes of sketches into the new finder's file, checking them. */
static const char *
r_sketches(struct reader *r, struct sc_dedup *d, uint64_t len)
{
	char buf[65536];
	uint64_t done = 0, i;

	while (done < len) {
		size_t k = len - done < sizeof buf ? (size_t)(len - done) : sizeof buf;

		if (r_bytes(r, buf, k))
			return "index file is truncated";
		spill_write(d, buf, k);
		done += k;
	}
	/* Every unit's sketch must lie inside, well formed. */
	for (i = 0; i < d->nunits; i++) {
		unsigned char hdr[SKETCH_HDR];
		uint32_t count, nset;
		uint64_t off = sk_get(d, i);

		if (off == NO_SKETCH)
			continue;
		if (off > len || len - off < SKETCH_HDR)
			return CORRUPT;
		spill_read(d, off, hdr, sizeof hdr);
		memcpy(&nset, hdr, 4);
		memcpy(&count, hdr + 4, 4);
		if (count > d->p.sketch_max || count > nset || hdr[8] > 31 ||
		    (len - off - SKETCH_HDR) / 4 < count)
			return CORRUPT;
	}
	return NULL;
}

struct sc_dedup *
sc_dedup_load(FILE *f, int flags, uint64_t max_memory, const char *tmpdir,
    const char **err)
{
	struct reader r = { 0 };
	struct sc_dedup_params p;
	struct sc_dedup *d = NULL;
	char magic[8];
	uint32_t version, plen, fflags, tag, unit;
	uint64_t units, len, i, sum, want;
	unsigned char b[8];
	int seen = 0;
	const char *e = NULL;

	r.f = f;
	r.st = XXH3_createState();
	XXH3_64bits_reset(r.st);
	if (r_bytes(&r, magic, 8) || memcmp(magic, IDX_MAGIC, 8) != 0) {
		e = "not an scdedup index file";
		goto fail;
	}
	if (r_u32(&r, &version) || r_u32(&r, &plen)) {
		e = "index file is truncated";
		goto fail;
	}
	if (version != IDX_VERSION) {
		e = "index file has an unknown version (made by another scdedup)";
		goto fail;
	}
	if (plen != PARAM_BYTES || r_params(&r, &p, &fflags) || r_u64(&r, &units)) {
		e = r.eof ? "index file is truncated" : CORRUPT;
		goto fail;
	}
	if (units >= UINT32_MAX - 1) {
		e = CORRUPT;
		goto fail;
	}
	/* The file's own flags say what it holds; the caller may want more. */
	unit = fflags >> UNIT_SHIFT & UNIT_MASK;
	fflags &= SC_DEDUP_ROOTS | SC_DEDUP_IDS;
	d = sc_dedup_new(&p, (int)fflags | flags, max_memory, tmpdir);
	d->unit = unit;
	if ((flags & ~(int)fflags) && units > 0) {
		e = "index file lacks the cluster roots or ids that --mark, "
		    "--clusters or --save-index need; rebuild it with --save-index";
		goto fail;
	}
	if (!fits(d, units * unit_bytes(d))) {
		e = "index file is larger than --max-memory allows";
		goto fail;
	}
	units_grow_to(d, units);
	d->nunits = units;
	for (i = 0; i < units && unit_bytes(d) > 0; i++) {
		if (d->has_sk)
			sk_set(d, i, NO_SKETCH);
		if (d->has_root)
			root_set(d, i, (uint32_t)i);
		if (d->has_id)
			id_set(d, i, 0);
	}
	for (;;) {
		if (r_bytes(&r, b, 4)) {
			e = "index file is truncated";
			goto fail;
		}
		if (memcmp(b, "END\n", 4) == 0)
			break;
		tag = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
		    (uint32_t)b[3] << 24;
		if (r_u64(&r, &len)) {
			e = "index file is truncated";
			goto fail;
		}
		if (tag < SEC_EXACT || tag > SEC_SKETCH || (seen & (1 << tag))) {
			e = CORRUPT;
			goto fail;
		}
		seen |= 1 << tag;
		switch (tag) {
		case SEC_EXACT:
			e = r_table(&r, d, &d->exact, len, 0);
			break;
		case SEC_BANDS:
			e = p.near ? r_table(&r, d, &d->bands, len, 1) : CORRUPT;
			break;
		case SEC_SKOFF:
			if (!d->has_sk || len != units * 8) {
				e = CORRUPT;
				break;
			}
			for (i = 0; i < units && !e; i++) {
				uint64_t off;

				if (r_u64(&r, &off))
					e = "index file is truncated";
				else if (off != NO_SKETCH && (off % 4 || off / 4 >= SK_NONE))
					e = CORRUPT;
				else
					sk_set(d, i, off);
			}
			break;
		case SEC_ROOTS:
			if (!d->has_root || len != units * 4) {
				e = CORRUPT;
				break;
			}
			for (i = 0; i < units && !e; i++) {
				uint32_t rt;

				if (r_u32(&r, &rt))
					e = "index file is truncated";
				else if (rt > i || (rt < i && root_get(d, rt) != rt))
					e = CORRUPT;	/* a root comes first, and is its own */
				else
					root_set(d, i, rt);
			}
			break;
		case SEC_IDOFF:
			if (!d->has_id || len != units * 8) {
				e = CORRUPT;
				break;
			}
			for (i = 0; i < units && !e; i++) {
				uint64_t v;

				if (r_u64(&r, &v))
					e = "index file is truncated";
				else
					id_set(d, i, v);
			}
			break;
		case SEC_IDS:
			if (!d->has_id || !(seen & (1 << SEC_IDOFF)) ||
			    len > (uint64_t)1 << 40) {
				e = CORRUPT;
				break;
			}
			if (!fits(d, len + 1)) {
				e = "index file is larger than --max-memory allows";
				break;
			}
			charge(d, len);
			sc_buf_grow(&d->ids, (size_t)len);
			if (r_bytes(&r, d->ids.p, (size_t)len)) {
				e = "index file is truncated";
				break;
			}
			d->ids.len = (size_t)len;
			d->ids.p[len] = '\0';
			for (i = 0; i < units && !e; i++)
				if (id_get(d, i) && (id_get(d, i) > len ||
				    memchr(d->ids.p + id_get(d, i) - 1, '\0',
				    (size_t)(len - id_get(d, i) + 1)) == NULL))
					e = CORRUPT;
			break;
		case SEC_SKETCH:
			if (!d->has_sk || !(seen & (1 << SEC_SKOFF))) {
				e = CORRUPT;
				break;
			}
			e = r_sketches(&r, d, len);
			break;
		}
		if (e)
			goto fail;
	}
	want = XXH3_64bits_digest(r.st);
	if (fread(b, 1, 8, f) != 8) {
		e = "index file is truncated";
		goto fail;
	}
	sum = 0;
	for (i = 0; i < 8; i++)
		sum |= (uint64_t)b[i] << (8 * i);
	if (sum != want) {
		e = "index file is corrupt (checksum mismatch)";
		goto fail;
	}
	if (fgetc(f) != EOF) {
		e = CORRUPT;
		goto fail;
	}
	/* Sections a finder of these parameters cannot do without. */
	if ((d->has_sk && units && !(seen & (1 << SEC_SKETCH))) ||
	    (d->has_root && units && !(seen & (1 << SEC_ROOTS))) ||
	    (d->has_id && units && !(seen & (1 << SEC_IDS)))) {
		e = CORRUPT;
		goto fail;
	}
	XXH3_freeState(r.st);
	return d;
fail:
	XXH3_freeState(r.st);
	sc_dedup_free(d);
	*err = e;
	return NULL;
}
