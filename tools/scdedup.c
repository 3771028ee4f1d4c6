/*
 * scdedup: drop exact and near-duplicate documents, paragraphs or lines;
 * or mark them, or list the clusters.  The finder is common/dedup.c, the
 * staged form common/stage.c; this file holds the options and the loop.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "dedup.h"
#include "json.h"
#include "split.h"
#include "stage.h"
#include "stream.h"
#include "utf8.h"
#include "util.h"

enum unit { UNIT_AUTO = 0, UNIT_DOC, UNIT_PARA, UNIT_LINE };
enum keep { KEEP_FIRST = 0, KEEP_LONGEST };

/* Long-only options; the others have a short twin. */
enum {
	OPT_BANDS = SC_OPT_TOOL, OPT_CLUSTERS, OPT_DUPS, OPT_INDEX, OPT_KEEP,
	OPT_MAX_MEMORY, OPT_NO_VERIFY, OPT_NORMALIZE, OPT_ROWS, OPT_SAVE_INDEX,
	OPT_SHARD, OPT_SHINGLE, OPT_SKETCHES, OPT_SMOOTH, OPT_STAGE, OPT_TMPDIR
};

static struct {
	struct sc_dedup_params p;
	enum unit unit;
	int exact_set, near_set;	/* --exact / --near given */
	int thr_set, bands_set, rows_set;
	enum keep keep;
	int mark, invert;
	long smooth;			/* words; -1: the unit's default */
	const char *clusters_path;
	struct sc_sink *clusters;
	const char *index_path, *save_path;
	uint64_t max_memory;
	const char *tmpdir;

	/* Staged form. */
	enum sc_stage stage;
	unsigned shard;
	const char *sketches;		/* --sketches FILE (sign) */
	const char *dups;		/* --dups FILE (filter) */
	struct sc_signer *signer;
	struct sc_dupmap *dupmap;

	struct sc_dedup *d;
	struct sc_stream *s;

	/* Paragraph and line units. */
	struct sc_spans spans;
	unsigned char *drop;		/* per span: 0 kept, 1 duplicate, 2 smoothed */
	size_t dropcap;
	struct sc_buf meta, line;

	/* --keep longest: every record goes to a spool, chosen at the end. */
	struct longest *longest;

	/* Statistics. */
	uint64_t units, exact, jaccard, contained, lsh, smoothed, nclusters;
} opt;

static void
usage(FILE *fp, int status)
{
	fprintf(fp,
"usage: %s [-emnx] [-u doc|para|line] [-t THRESHOLD] [-c CONTAINMENT]\n"
"       [--normalize=none|space|full] [--keep first|longest]\n"
"       [--clusters FILE] [--index FILE] [--save-index FILE] [--max-memory SIZE]\n"
"       [options] [file ...]\n"
"       %s --stage=sign|pairs|cluster|filter ...   (the staged form)\n",
	    sc_progname, sc_progname);
	if (fp == stderr) {
		fprintf(fp, "Try '%s --help' for more information.\n", sc_progname);
		exit(status);
	}
	fprintf(fp,
"Drop exact and near-duplicate documents, paragraphs or lines; the first\n"
"of each cluster is kept, in input order, byte for byte.\n"
"  -u, --unit UNIT       doc (default for JSON Lines and -z), para (default\n"
"                        for one plain-text document) or line\n"
"  -e, --exact           exact duplicates only (after --normalize); default\n"
"                        for para and line\n"
"  -n, --near            near duplicates too (MinHash LSH, verified); default\n"
"                        for doc\n"
"      --normalize=LEVEL none, space (collapse whitespace) or full (NFKC, case,\n"
"                        quotes, dashes, whitespace; default)\n"
"  -t, --threshold J     Jaccard similarity of word 5-gram sets that makes a\n"
"                        near duplicate (default 0.7)\n"
"  -c, --containment C   also when one text holds C of the other's shingles\n"
"                        (default 0.9; 0 turns it off)\n"
"      --bands B, --rows R  LSH bands and rows (default 8 x 2)\n"
"      --shingle N       words per shingle (default 5)\n"
"      --no-verify       take LSH candidates as duplicates unchecked (14 x 8)\n"
"      --keep first|longest  which member of a cluster is kept (default first)\n"
"  -m, --mark            keep everything; add metadata.dup {of, cluster, score}\n"
"  -x, --invert          write only the duplicates\n"
"      --clusters FILE   write id<TAB>cluster<TAB>kept_id for every document\n"
"      --smooth N        para/line: also drop runs of at most N words between\n"
"                        duplicates (default 20 for para, 0 for line)\n"
"      --index FILE      start from an index saved earlier\n"
"      --save-index FILE write the index at the end (atomically)\n"
"      --max-memory SIZE stop with a message past SIZE (default: half the RAM)\n"
"      --tmpdir DIR      where the shingle sets are kept (default $TMPDIR, /tmp)\n"
"      --stage=STAGE     sign, pairs, cluster or filter (see scdedup(1))\n"
"      --shard N         sign, filter: this shard's number (1, 2, ...)\n"
"      --sketches FILE   sign: write the shard's shingle sets to FILE\n"
"      --dups FILE       filter: the duplicates found by --stage=cluster\n"
"  -h, --help            print this help; -V, --version: the version\n%s",
	    sc_stream_usage);
	exit(status);
}

static double
parse_fraction(const char *arg, const char *name)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno != 0 || end == arg || *end != '\0' || !(v >= 0 && v <= 1))
		sc_die(SC_ERR, "%s: expected a number from 0 to 1, not '%s'", name, arg);
	return v;
}

static long
parse_count(const char *arg, const char *name, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
		sc_die(SC_ERR, "%s: expected a whole number from %ld to %ld, not '%s'",
		    name, min, max, arg);
	return v;
}

/* Half the physical memory: past it, a clear message beats the OOM killer. */
static uint64_t
default_max_memory(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);

	if (pages <= 0 || size <= 0)
		return 0;
	return (uint64_t)pages * (uint64_t)size / 2;
}

/* ------------------------------------------------------------------ */
/* Statistics and clusters.                                            */

static void
count_dup(const struct sc_dup *r)
{
	switch (r->how) {
	case SC_DUP_EXACT:
		opt.exact++;
		break;
	case SC_DUP_JACCARD:
		opt.jaccard++;
		break;
	case SC_DUP_CONTAINED:
		opt.contained++;
		break;
	case SC_DUP_LSH:
		opt.lsh++;
		break;
	default:
		return;
	}
	if (r->new_cluster)
		opt.nclusters++;
}

static void
on_stats(struct sc_stream *s, struct sc_buf *b, int json, void *ctx)
{
	uint64_t mem = opt.d ? sc_dedup_memory(opt.d) : 0;
	uint64_t dups = opt.exact + opt.jaccard + opt.contained + opt.lsh;

	(void)s;
	(void)ctx;
	if (json) {
		struct sc_jobj o;

		sc_jobj_begin(&o, b);
		sc_jobj_key(&o, "units"); sc_json_uint(b, opt.units);
		sc_jobj_key(&o, "duplicates"); sc_json_uint(b, dups);
		sc_jobj_key(&o, "exact"); sc_json_uint(b, opt.exact);
		sc_jobj_key(&o, "jaccard"); sc_json_uint(b, opt.jaccard);
		sc_jobj_key(&o, "contained"); sc_json_uint(b, opt.contained);
		sc_jobj_key(&o, "lsh"); sc_json_uint(b, opt.lsh);
		sc_jobj_key(&o, "smoothed"); sc_json_uint(b, opt.smoothed);
		sc_jobj_key(&o, "clusters"); sc_json_uint(b, opt.nclusters);
		sc_jobj_key(&o, "index_units"); sc_json_uint(b, opt.d ? sc_dedup_units(opt.d) : 0);
		sc_jobj_key(&o, "table_bytes"); sc_json_uint(b, mem);
		sc_jobj_end(&o);
	} else {
		sc_buf_printf(b, "%ju units, %ju duplicates (%ju exact, %ju near, "
		    "%ju contained", (uintmax_t)opt.units, (uintmax_t)dups,
		    (uintmax_t)opt.exact, (uintmax_t)(opt.jaccard + opt.lsh),
		    (uintmax_t)opt.contained);
		if (opt.smoothed)
			sc_buf_printf(b, ", %ju smoothed", (uintmax_t)opt.smoothed);
		sc_buf_printf(b, ") in %ju clusters, tables %.1f MB",
		    (uintmax_t)opt.nclusters, (double)mem / 1048576.0);
		/* Per unit only where the fixed part stops dominating. */
		if (opt.d != NULL && sc_dedup_units(opt.d) >= 100000)
			sc_buf_printf(b, " (%.0f bytes a unit)", (double)mem /
			    (double)sc_dedup_units(opt.d));
	}
}

/* An id for a TSV field: tab, newline, CR and backslash escaped. */
static void
tsv_field(struct sc_buf *b, const char *p, size_t n)
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

static void
write_cluster_line(const char *id, size_t idlen, uint64_t cluster,
    const char *kept, size_t keptlen)
{
	sc_buf_reset(&opt.line);
	tsv_field(&opt.line, id, idlen);
	sc_buf_printf(&opt.line, "\t%ju\t", (uintmax_t)cluster);
	tsv_field(&opt.line, kept, keptlen);
	sc_buf_addc(&opt.line, '\n');
	sc_sink_select(opt.clusters);
	sc_out(opt.line.p, opt.line.len);
	sc_sink_select(sc_sink_stdout());
}

static const char *
how_name(enum sc_dup_how how)
{
	switch (how) {
	case SC_DUP_EXACT: return "exact";
	case SC_DUP_JACCARD: return "jaccard";
	case SC_DUP_CONTAINED: return "containment";
	case SC_DUP_LSH: return "lsh";
	default: return "none";
	}
}

/* metadata.dup of a duplicate document. */
static void
mark_doc(struct sc_doc *d, const char *of, size_t oflen, uint64_t cluster,
    double score, enum sc_dup_how how)
{
	struct sc_jobj o;

	sc_buf_reset(&opt.meta);
	sc_jobj_begin(&o, &opt.meta);
	sc_jobj_key(&o, "of");
	if (of != NULL)
		sc_json_str(&opt.meta, of, oflen);
	else
		sc_buf_adds(&opt.meta, "null");
	sc_jobj_key(&o, "cluster");
	sc_json_uint(&opt.meta, cluster);
	sc_jobj_key(&o, "score");
	sc_json_num(&opt.meta, score, 4);
	sc_jobj_key(&o, "match");
	sc_json_strz(&opt.meta, how_name(how));
	sc_jobj_end(&o);
	sc_meta_set_raw(d, "dup", opt.meta.p, opt.meta.len);
}

/*
 * A kept record is written as it was read: a JSON Lines record without an
 * id would otherwise gain the one the stream assigned.
 */
static int
keep_raw(struct sc_doc *d)
{
	if (d->jsonl)
		d->id_assigned = 0;
	return SC_KEEP;
}

/* ------------------------------------------------------------------ */
/* --keep longest                                                      */

/*
 * Which member of a cluster is longest is known only at the end, so every
 * record goes to an unlinked spool file as it would have been written,
 * and the chosen ones are written from there, in input order.  Memory:
 * 24 bytes a document besides the finder; disk: the input once more.
 */
struct lrec {
	uint64_t off;		/* in the spool */
	uint64_t textlen;	/* what "longest" compares */
	uint32_t root;
};

struct longest {
	int fd;
	uint64_t size;
	struct sc_buf wbuf, rbuf;
	struct lrec *v;
	uint64_t n, cap;
	uint64_t first_unit;	/* units before it came from --index */
	int jsonl;
};

static struct longest *
longest_new(const char *tmpdir)
{
	struct longest *L = xcalloc(1, sizeof *L);

	L->fd = sc_scratch_fd(tmpdir, "scdedup-spool");
	L->first_unit = sc_dedup_units(opt.d);
	return L;
}

static void
spool_flush(struct longest *L)
{
	size_t done = 0;

	while (done < L->wbuf.len) {
		ssize_t w = write(L->fd, L->wbuf.p + done, L->wbuf.len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			sc_die(SC_ERR, "temporary file: write error: %s", strerror(errno));
		done += (size_t)w;
	}
	L->size += L->wbuf.len;
	sc_buf_reset(&L->wbuf);
}

static void
spool_u64(struct sc_buf *b, uint64_t v)
{
	sc_buf_add(b, &v, sizeof v);
}

/* Record: u64 id length, id, u64 byte length, bytes, u8 blank. */
static void
longest_add(struct longest *L, struct sc_stream *s, struct sc_doc *d,
    const struct sc_dup *r)
{
	const struct sc_buf *t = d->normalized && !d->text_changed ? &d->orig : &d->text;
	const struct sc_buf *bytes = d->jsonl ? &d->raw : t;
	int blank = 1;

	for (size_t i = 0; i < d->text.len && blank; i++)
		blank = d->text.p[i] == ' ' || d->text.p[i] == '\n' ||
		    d->text.p[i] == '\t' || d->text.p[i] == '\r';
	L->jsonl = s->cur_out == SC_ENC_JSONL;
	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 1024;
		L->v = xreallocarray(L->v, L->cap, sizeof *L->v);
	}
	L->v[L->n].off = L->size + L->wbuf.len;
	L->v[L->n].textlen = sc_utf8_count(d->text.p ? d->text.p : "", d->text.len);
	L->v[L->n].root = (uint32_t)r->root;
	L->n++;
	spool_u64(&L->wbuf, d->id.len);
	sc_buf_add(&L->wbuf, d->id.p, d->id.len);
	spool_u64(&L->wbuf, bytes->len);
	sc_buf_add(&L->wbuf, bytes->p, bytes->len);
	sc_buf_addc(&L->wbuf, blank);
	if (L->wbuf.len >= (1u << 20))
		spool_flush(L);
}

static void
spool_read(struct longest *L, uint64_t off, void *p, size_t n)
{
	char *c = p;

	while (n > 0) {
		ssize_t k = pread(L->fd, c, n, (off_t)off);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			sc_die(SC_ERR, "temporary file: read error: %s",
			    k < 0 ? strerror(errno) : "unexpected end");
		c += k;
		off += (uint64_t)k;
		n -= (size_t)k;
	}
}

/* The id of record i (into opt.line's sibling buffer b). */
static void
spool_id(struct longest *L, uint64_t i, struct sc_buf *b)
{
	uint64_t n;

	spool_read(L, L->v[i].off, &n, sizeof n);
	sc_buf_reset(b);
	sc_buf_grow(b, (size_t)n);
	spool_read(L, L->v[i].off + 8, b->p, (size_t)n);
	b->len = (size_t)n;
	b->p[n] = '\0';
}

static void
longest_finish(struct longest *L, struct sc_stream *s)
{
	uint32_t *best;
	uint64_t i, first = L->first_unit;
	struct sc_buf id = { 0 }, kept = { 0 };
	struct sc_doc tmp;

	spool_flush(L);
	/* best[root - first]: the longest member so far, the earliest on ties. */
	best = xcalloc(L->n ? L->n : 1, sizeof *best);
	for (i = 0; i < L->n; i++) {
		uint64_t root = L->v[i].root;

		if (root < first)
			continue;	/* kept by an earlier run (--index) */
		if (root - first == i || L->v[i].textlen > L->v[best[root - first]].textlen)
			best[root - first] = (uint32_t)i;
	}
	sc_doc_init(&tmp);
	for (i = 0; i < L->n; i++) {
		uint64_t root = L->v[i].root, n;
		int chosen = root >= first && best[root - first] == i;
		const char *err;
		size_t errpos;
		unsigned char blank;

		if (opt.clusters != NULL) {
			spool_id(L, i, &id);
			if (root >= first) {
				spool_id(L, best[root - first], &kept);
			} else {
				size_t kl = 0;
				const char *k = sc_dedup_id(opt.d, root, &kl);

				sc_buf_reset(&kept);
				if (k)
					sc_buf_add(&kept, k, kl);
			}
			write_cluster_line(id.p ? id.p : "", id.len, root + 1,
			    kept.p ? kept.p : "", kept.len);
		}
		if (chosen == opt.invert) {
			if (!chosen)
				sc_stream_count(s, "duplicate", 1);
			continue;
		}
		/* Rebuild the record as it was read and let the stream write it. */
		sc_doc_clear(&tmp);
		spool_read(L, L->v[i].off, &n, sizeof n);
		spool_read(L, L->v[i].off + 8 + n, &n, sizeof n);
		sc_buf_reset(&tmp.raw);
		sc_buf_grow(&tmp.raw, (size_t)n);
		{
			uint64_t idlen;

			spool_read(L, L->v[i].off, &idlen, sizeof idlen);
			spool_read(L, L->v[i].off + 16 + idlen, tmp.raw.p, (size_t)n);
			spool_read(L, L->v[i].off + 16 + idlen + n, &blank, 1);
		}
		tmp.raw.len = (size_t)n;
		tmp.raw.p[n] = '\0';
		sc_buf_reset(&tmp.text);
		if (L->jsonl) {
			tmp.jsonl = 1;
			if (sc_json_scan_object(tmp.raw.p, tmp.raw.len, &tmp.fields,
			    &err, &errpos) != 0)
				sc_die(SC_ERR, "temporary file: a record changed");
			tmp.text_idx = sc_json_find(tmp.raw.p, &tmp.fields, s->text_field);
			tmp.id_idx = sc_json_find(tmp.raw.p, &tmp.fields, s->id_field);
			tmp.meta_idx = sc_json_find(tmp.raw.p, &tmp.fields, "metadata");
			/* Only the stream's blank check reads the text here. */
			if (!blank)
				sc_buf_addc(&tmp.text, 'x');
		} else {
			sc_buf_add(&tmp.text, tmp.raw.p, tmp.raw.len);
		}
		sc_stream_write(s, &tmp);
	}
	sc_doc_free(&tmp);
	free(best);
	sc_buf_free(&id);
	sc_buf_free(&kept);
}

static void
longest_free(struct longest *L)
{
	if (L == NULL)
		return;
	close(L->fd);
	sc_buf_free(&L->wbuf);
	sc_buf_free(&L->rbuf);
	free(L->v);
	free(L);
}

/* ------------------------------------------------------------------ */
/* Documents.                                                          */

/*
 * An index carries the options it was built with; options given now must
 * agree, since keys and signatures made otherwise never match.
 */
static const char *
unit_name(unsigned u)
{
	return u == UNIT_DOC ? "doc" : u == UNIT_PARA ? "para" : u == UNIT_LINE ? "line" : "?";
}

static void
check_index_params(const struct sc_dedup_params *ip)
{
	const char *what = NULL;

	if (ip->norm != opt.p.norm)
		what = "--normalize";
	else if ((opt.exact_set || opt.near_set) && ip->near != opt.p.near)
		what = "--exact/--near";
	else if (ip->near && (ip->bands != opt.p.bands || ip->rows != opt.p.rows ||
	    ip->shingle != opt.p.shingle || ip->verify != opt.p.verify))
		what = "--bands, --rows, --shingle or --no-verify";
	else if (ip->near && opt.thr_set && ip->threshold != opt.p.threshold)
		what = "--threshold";
	if (what != NULL)
		sc_die(SC_ERR, "%s: the index was built with other options (%s); "
		    "give the same ones, or build a new index", opt.index_path, what);
}

static void
make_finder(void)
{
	int flags = SC_DEDUP_ROOTS;

	if (opt.mark || opt.clusters_path || opt.save_path || opt.keep == KEEP_LONGEST)
		flags |= SC_DEDUP_IDS;
	if (opt.p.near == 0 && !(opt.mark || opt.clusters_path || opt.save_path ||
	    opt.keep == KEEP_LONGEST))
		flags = 0;	/* exact keys alone: 12 bytes a key */
	if (opt.index_path != NULL) {
		const char *err = NULL;
		FILE *f = fopen(opt.index_path, "rb");

		if (f == NULL)
			sc_die(SC_ERR, "%s: %s", opt.index_path, strerror(errno));
		opt.d = sc_dedup_load(f, flags, opt.max_memory, opt.tmpdir, &err);
		fclose(f);
		if (opt.d == NULL)
			sc_die(SC_ERR, "%s: %s", opt.index_path, err);
		check_index_params(sc_dedup_params(opt.d));
		if (opt.unit == UNIT_AUTO)	/* no input came */
			opt.unit = sc_dedup_unit(opt.d) != 0 ? (enum unit)sc_dedup_unit(opt.d) : UNIT_DOC;
		if (sc_dedup_unit(opt.d) != 0 && sc_dedup_unit(opt.d) != (unsigned)opt.unit)
			sc_die(SC_ERR, "%s: the index was built with other options (--unit %s); "
			    "give the same ones, or build a new index", opt.index_path,
			    unit_name(sc_dedup_unit(opt.d)));
		opt.p = *sc_dedup_params(opt.d);
	} else {
		if (opt.unit == UNIT_AUTO)	/* no input came */
			opt.unit = UNIT_DOC;
		opt.d = sc_dedup_new(&opt.p, flags, opt.max_memory, opt.tmpdir);
	}
	sc_dedup_set_unit(opt.d, (unsigned)opt.unit);
}

static int
dedup_doc(struct sc_stream *s, struct sc_doc *d)
{
	struct sc_dup r;
	const char *of;
	size_t oflen = 0;

	sc_dedup_add(opt.d, d->text.p ? d->text.p : "", d->text.len,
	    d->id.p, d->id.len, &r);
	opt.units++;
	count_dup(&r);
	if (opt.longest != NULL) {
		longest_add(opt.longest, s, d, &r);
		return SC_DROP;
	}
	of = r.how == SC_DUP_NONE ? d->id.p : sc_dedup_id(opt.d, r.root, &oflen);
	if (r.how == SC_DUP_NONE)
		oflen = d->id.len;
	if (opt.clusters != NULL)
		write_cluster_line(d->id.p, d->id.len, r.root + 1, of ? of : "",
		    of ? oflen : 0);
	if (r.how == SC_DUP_NONE) {
		if (opt.invert)
			return SC_DROP;
		return keep_raw(d);
	}
	if (opt.mark) {
		mark_doc(d, of, oflen, r.root + 1, r.score, r.how);
		return SC_KEEP;
	}
	if (opt.invert)
		return keep_raw(d);
	sc_stream_count(s, "duplicate", 1);
	return SC_DROP;
}

/* ------------------------------------------------------------------ */
/* Paragraphs and lines.                                               */

static size_t
count_words(const char *p, size_t n)
{
	size_t w = 0, i;
	int in = 0;

	for (i = 0; i < n; i++) {
		int sp = p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r';

		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/*
 * onion's smoothing: a run of kept units between two duplicates, short
 * enough (at most opt.smooth words together), is boilerplate that
 * happened to differ (a date, a counter) and goes with its neighbours.
 */
static void
smooth_runs(const char *t)
{
	size_t i = 0, n = opt.spans.n;

	while (i < n) {
		size_t j, words = 0;

		if (opt.drop[i] || i == 0 || !opt.drop[i - 1]) {
			i++;
			continue;
		}
		for (j = i; j < n && !opt.drop[j]; j++) {
			words += count_words(t + opt.spans.v[j].start,
			    opt.spans.v[j].end - opt.spans.v[j].start);
			if (words > (size_t)opt.smooth)
				break;
		}
		if (j < n && opt.drop[j] == 1 && words <= (size_t)opt.smooth) {
			for (; i < j; i++) {
				opt.drop[i] = 2;
				opt.smoothed++;
			}
		}
		i = j > i ? j : i + 1;
	}
}

/* Offsets in code points, as dolma's spans (DESIGN.md). */
static void
mark_units(struct sc_doc *d, const char *t, size_t ndup)
{
	struct sc_jobj o;
	size_t i, cp = 0, at = 0;
	int first = 1;

	sc_buf_reset(&opt.meta);
	sc_jobj_begin(&o, &opt.meta);
	sc_jobj_key(&o, "units");
	sc_json_uint(&opt.meta, opt.spans.n);
	sc_jobj_key(&o, "duplicates");
	sc_json_uint(&opt.meta, ndup);
	sc_jobj_key(&o, "spans");
	sc_buf_addc(&opt.meta, '[');
	for (i = 0; i < opt.spans.n; i++) {
		const struct sc_span *sp = &opt.spans.v[i];
		size_t start;

		if (!opt.drop[i])
			continue;
		cp += sc_utf8_count(t + at, sp->start - at);
		start = cp;
		cp += sc_utf8_count(t + sp->start, sp->end - sp->start);
		at = sp->end;
		sc_buf_printf(&opt.meta, "%s[%zu,%zu,\"%s\"]", first ? "" : ",",
		    start, cp, opt.drop[i] == 1 ? "duplicate" : "smoothed");
		first = 0;
	}
	sc_buf_addc(&opt.meta, ']');
	sc_jobj_end(&o);
	sc_meta_set_raw(d, "dup", opt.meta.p, opt.meta.len);
}

/*
 * The text without its dropped units (or with only them, --invert),
 * compacted in place: what is kept is a subsequence of the text, so no
 * second copy of a large document is made.  A dropped line goes with its
 * newline; a dropped paragraph with the blank lines after it, so the rest
 * keeps its layout.
 */
static size_t
rebuild(char *t, size_t n, int para)
{
	size_t i, at = 0, w = 0;

	for (i = 0; i < opt.spans.n; i++) {
		const struct sc_span *sp = &opt.spans.v[i];
		size_t end = para ? (i + 1 < opt.spans.n ? opt.spans.v[i + 1].start : n) :
		    (sp->end < n && t[sp->end] == '\n' ? sp->end + 1 : sp->end);
		int drop = opt.drop[i] != 0;

		if (opt.invert) {
			if (drop) {
				memmove(t + w, t + sp->start, end - sp->start);
				w += end - sp->start;
			}
		} else if (drop) {
			/* Keep what came before it (separators, blank lines). */
			memmove(t + w, t + at, sp->start - at);
			w += sp->start - at;
		} else {
			memmove(t + w, t + at, end - at);
			w += end - at;
		}
		at = end;
	}
	if (!opt.invert) {
		memmove(t + w, t + at, n - at);
		w += n - at;
	}
	return w;
}

static int
dedup_units(struct sc_stream *s, struct sc_doc *d)
{
	char *t = d->text.p ? d->text.p : (char *)"";
	size_t n = d->text.len, i, ndup = 0;
	int para = opt.unit == UNIT_PARA;

	opt.spans.n = 0;
	if (para)
		sc_split_paragraphs(t, n, &opt.spans);
	else
		sc_split_lines(t, n, &opt.spans);
	if (opt.dropcap < opt.spans.n) {
		opt.dropcap = opt.spans.n + opt.spans.n / 2;
		opt.drop = xrealloc(opt.drop, opt.dropcap);
	}
	for (i = 0; i < opt.spans.n; i++) {
		const struct sc_span *sp = &opt.spans.v[i];
		struct sc_dup r;

		sc_dedup_add(opt.d, t + sp->start, sp->end - sp->start, NULL, 0, &r);
		opt.units++;
		count_dup(&r);
		opt.drop[i] = r.how != SC_DUP_NONE;
		ndup += opt.drop[i];
	}
	if (opt.smooth > 0 && ndup > 0)
		smooth_runs(t);
	ndup = 0;
	for (i = 0; i < opt.spans.n; i++)
		ndup += opt.drop[i] != 0;
	if (opt.mark) {
		if (ndup > 0)
			mark_units(d, t, ndup);
		return keep_raw(d);
	}
	if (ndup == 0 && !opt.invert)
		return keep_raw(d);
	if (ndup > 0)
		sc_stream_count(s, "duplicate_units", ndup);
	if (n > 0) {
		d->text.len = rebuild(t, n, para);
		d->text.p[d->text.len] = '\0';
	}
	d->text_changed = 1;
	return SC_KEEP;
}

static int
on_doc(struct sc_stream *s, struct sc_doc *d, void *ctx)
{
	(void)ctx;
	if (opt.unit == UNIT_AUTO) {
		/* A stream of documents is deduplicated by document; a single
		 * plain-text document by paragraph. */
		opt.unit = s->cur_in == SC_ENC_TEXT && !s->zero ? UNIT_PARA : UNIT_DOC;
	}
	if (opt.d == NULL) {
		if (!opt.exact_set && !opt.near_set)
			opt.p.near = opt.unit == UNIT_DOC;
		if (opt.smooth < 0)
			opt.smooth = opt.unit == UNIT_PARA ? 20 : 0;
		if (opt.unit != UNIT_DOC && (opt.clusters_path || opt.keep == KEEP_LONGEST))
			sc_die(SC_ERR, "%s works on documents (--unit doc)",
			    opt.clusters_path ? "--clusters" : "--keep longest");
		make_finder();
		if (opt.keep == KEEP_LONGEST)
			opt.longest = longest_new(opt.tmpdir);
	}
	if (opt.unit == UNIT_DOC)
		return dedup_doc(s, d);
	return dedup_units(s, d);
}

static void
on_end(struct sc_stream *s, void *ctx)
{
	(void)ctx;
	if (opt.longest != NULL)
		longest_finish(opt.longest, s);
}

/* ------------------------------------------------------------------ */
/* The staged form's per-document stages.                              */

static int
on_sign(struct sc_stream *s, struct sc_doc *d, void *ctx)
{
	(void)s;
	(void)ctx;
	sc_signer_add(opt.signer, d->gseq, d->text.p ? d->text.p : "", d->text.len,
	    d->id.p, d->id.len);
	return SC_DROP;
}

static int
on_filter(struct sc_stream *s, struct sc_doc *d, void *ctx)
{
	const struct sc_dupinfo *di;

	(void)ctx;
	di = sc_dupmap_get(opt.dupmap, d->gseq);
	opt.units++;
	if (di == NULL)
		return opt.invert ? SC_DROP : keep_raw(d);
	if (opt.mark) {
		mark_doc(d, di->of, strlen(di->of), di->cluster, di->score, di->how);
		return SC_KEEP;
	}
	if (opt.invert)
		return keep_raw(d);
	sc_stream_count(s, "duplicate", 1);
	return SC_DROP;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "bands", required_argument, NULL, OPT_BANDS },
		{ "clusters", required_argument, NULL, OPT_CLUSTERS },
		{ "containment", required_argument, NULL, 'c' },
		{ "dups", required_argument, NULL, OPT_DUPS },
		{ "exact", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "index", required_argument, NULL, OPT_INDEX },
		{ "invert", no_argument, NULL, 'x' },
		{ "keep", required_argument, NULL, OPT_KEEP },
		{ "mark", no_argument, NULL, 'm' },
		{ "max-memory", required_argument, NULL, OPT_MAX_MEMORY },
		{ "near", no_argument, NULL, 'n' },
		{ "no-verify", no_argument, NULL, OPT_NO_VERIFY },
		{ "normalize", required_argument, NULL, OPT_NORMALIZE },
		{ "rows", required_argument, NULL, OPT_ROWS },
		{ "save-index", required_argument, NULL, OPT_SAVE_INDEX },
		{ "shard", required_argument, NULL, OPT_SHARD },
		{ "shingle", required_argument, NULL, OPT_SHINGLE },
		{ "sketches", required_argument, NULL, OPT_SKETCHES },
		{ "smooth", required_argument, NULL, OPT_SMOOTH },
		{ "stage", required_argument, NULL, OPT_STAGE },
		{ "threshold", required_argument, NULL, 't' },
		{ "tmpdir", required_argument, NULL, OPT_TMPDIR },
		{ "unit", required_argument, NULL, 'u' },
		{ "version", no_argument, NULL, 'V' },
		SC_STREAM_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct sc_stream s;
	int ch, status, verify_off = 0;
	char **files;
	int nfiles;

	sc_init(argv[0]);
	argv[0] = (char *)sc_progname;	/* getopt's messages name the program */
	sc_stream_init(&s);
	sc_dedup_defaults(&opt.p);
	opt.smooth = -1;
	opt.max_memory = default_max_memory();
	while ((ch = getopt_long(argc, argv, "c:ehmnt:u:Vx" SC_STREAM_SHORTOPTS,
	    longopts, NULL)) != -1) {
		if (sc_stream_option(&s, ch, optarg))
			continue;
		switch (ch) {
		case 'c':
			opt.p.containment = parse_fraction(optarg, "--containment");
			break;
		case 'e':
			opt.p.near = 0;
			opt.exact_set = 1;
			break;
		case 'h':
			usage(stdout, SC_OK);
			break;
		case 'm':
			opt.mark = 1;
			break;
		case 'n':
			opt.p.near = 1;
			opt.near_set = 1;
			break;
		case 't':
			opt.p.threshold = parse_fraction(optarg, "--threshold");
			if (opt.p.threshold == 0)
				sc_die(SC_ERR, "--threshold: must be above 0");
			opt.thr_set = 1;
			break;
		case 'u':
			if (strcmp(optarg, "doc") == 0)
				opt.unit = UNIT_DOC;
			else if (strcmp(optarg, "para") == 0)
				opt.unit = UNIT_PARA;
			else if (strcmp(optarg, "line") == 0)
				opt.unit = UNIT_LINE;
			else
				sc_die(SC_ERR, "--unit: expected doc, para or line, not '%s'", optarg);
			break;
		case 'V':
			sc_version();
			break;
		case 'x':
			opt.invert = 1;
			break;
		case OPT_BANDS:
			opt.p.bands = (int)parse_count(optarg, "--bands", 1, 64);
			opt.bands_set = 1;
			break;
		case OPT_CLUSTERS:
			opt.clusters_path = optarg;
			break;
		case OPT_DUPS:
			opt.dups = optarg;
			break;
		case OPT_INDEX:
			opt.index_path = optarg;
			break;
		case OPT_KEEP:
			if (strcmp(optarg, "first") == 0)
				opt.keep = KEEP_FIRST;
			else if (strcmp(optarg, "longest") == 0)
				opt.keep = KEEP_LONGEST;
			else
				sc_die(SC_ERR, "--keep: expected first or longest, not '%s'", optarg);
			break;
		case OPT_MAX_MEMORY:
			if (sc_parse_size(optarg, &opt.max_memory) < 0)
				sc_die(SC_ERR, "--max-memory: bad size '%s' (examples: 512M, 4G)",
				    optarg);
			break;
		case OPT_NO_VERIFY:
			verify_off = 1;
			break;
		case OPT_NORMALIZE:
			if (strcmp(optarg, "none") == 0)
				opt.p.norm = SC_NORM_NONE;
			else if (strcmp(optarg, "space") == 0)
				opt.p.norm = SC_NORM_SPACE;
			else if (strcmp(optarg, "full") == 0)
				opt.p.norm = SC_NORM_FULL;
			else
				sc_die(SC_ERR, "--normalize: expected none, space or full, "
				    "not '%s'", optarg);
			break;
		case OPT_ROWS:
			opt.p.rows = (int)parse_count(optarg, "--rows", 1, 64);
			opt.rows_set = 1;
			break;
		case OPT_SAVE_INDEX:
			opt.save_path = optarg;
			break;
		case OPT_SHARD:
			opt.shard = (unsigned)parse_count(optarg, "--shard", 1, 999999);
			break;
		case OPT_SHINGLE:
			opt.p.shingle = (int)parse_count(optarg, "--shingle", 1, 64);
			break;
		case OPT_SKETCHES:
			opt.sketches = optarg;
			break;
		case OPT_SMOOTH:
			opt.smooth = parse_count(optarg, "--smooth", 0, 1000000);
			break;
		case OPT_STAGE:
			opt.stage = sc_stage_parse(optarg);
			break;
		case OPT_TMPDIR:
			opt.tmpdir = optarg;
			break;
		default:
			usage(stderr, SC_ERR);
		}
	}
	if (verify_off) {
		opt.p.verify = 0;
		opt.p.containment = 0;
		/* Without a check, the S-curve alone must be steep: FineWeb's. */
		if (!opt.bands_set)
			opt.p.bands = 14;
		if (!opt.rows_set)
			opt.p.rows = 8;
	}
	if (opt.p.bands * opt.p.rows > SC_MH_MAXHASHES)
		sc_die(SC_ERR, "--bands x --rows: at most %d", SC_MH_MAXHASHES);
	if (opt.mark && opt.invert)
		sc_die(SC_ERR, "--mark and --invert cannot be used together");
	if (opt.mark && opt.keep == KEEP_LONGEST)
		sc_die(SC_ERR, "--mark and --keep longest cannot be used together");
	files = argv + optind;
	nfiles = argc - optind;

	/*
	 * scdedup compares its own normal forms (--normalize, which at
	 * "full" does what the stream's normalisation does and more), and
	 * writes what it keeps as it came: the stream need not normalise.
	 */
	s.normalize = 0;
	/* Marks are metadata: plain text cannot carry them, JSON Lines can. */
	if (opt.mark)
		s.out_default = SC_ENC_JSONL;
	/*
	 * Lines of a large plain-text file are judged one by one, so the file
	 * can come in parts (ending at line ends) and be written as it comes:
	 * memory follows the lines kept in the table, not the file, as with
	 * awk '!seen[$0]++'.  Not when a run of lines between duplicates is
	 * judged together (--smooth), nor where each part would be a record
	 * (JSON Lines output, -J or after a JSON Lines operand).
	 */
	if (opt.unit == UNIT_LINE && !opt.mark && opt.smooth <= 0 &&
	    opt.stage == SC_STAGE_NONE) {
		s.text_chunks = 1 << 20;
		s.parts_as_text = 1;
	}
	s.ctx = NULL;
	s.on_stats = on_stats;
	opt.s = &s;
	if (opt.stage != SC_STAGE_NONE && (opt.keep == KEEP_LONGEST ||
	    opt.index_path || opt.save_path))
		sc_die(SC_ERR, "--keep longest, --index and --save-index are not "
		    "available in the staged form");
	switch (opt.stage) {
	case SC_STAGE_NONE:
		break;
	case SC_STAGE_SIGN:
		if (opt.unit == UNIT_PARA || opt.unit == UNIT_LINE)
			sc_die(SC_ERR, "the staged form works on documents (--unit doc)");
		opt.signer = sc_signer_open(&opt.p, opt.shard, opt.sketches);
		s.on_doc = on_sign;
		s.on_stats = NULL;
		status = sc_stream_run(&s, nfiles, files);
		sc_signer_close(opt.signer);
		return status;
	case SC_STAGE_PAIRS:
	case SC_STAGE_CLUSTER:
		if (opt.stage == SC_STAGE_PAIRS && nfiles > 0)
			sc_die(SC_ERR, "--stage=pairs reads the sorted keys on standard input");
		if (opt.stage == SC_STAGE_PAIRS)
			return sc_stage_pairs(stdin, "<stdin>");
		return sc_stage_cluster(stdin, "<stdin>", files, nfiles,
		    opt.clusters_path, opt.max_memory);
	case SC_STAGE_FILTER:
		opt.dupmap = sc_dupmap_load(opt.dups, opt.shard);
		s.on_doc = on_filter;
		s.on_stats = NULL;
		status = sc_stream_run(&s, nfiles, files);
		sc_dupmap_free(opt.dupmap);
		return status;
	}
	if (opt.save_path != NULL)
		sc_check_output(opt.save_path);
	if (opt.clusters_path != NULL)
		opt.clusters = sc_sink_open_temp(opt.clusters_path);
	s.on_doc = on_doc;
	s.on_end = on_end;
	status = sc_stream_run(&s, nfiles, files);
	if (opt.d == NULL && (opt.save_path || opt.index_path)) {
		/* No input: an index still passes through (of its own unit). */
		make_finder();
	}
	if (opt.save_path != NULL && status != SC_ERR) {
		const char *err;

		if (sc_dedup_save(opt.d, opt.save_path, &err) != 0)
			sc_die(SC_ERR, "%s: %s", opt.save_path, err);
	}
	if (opt.clusters != NULL)
		sc_sink_commit(opt.clusters);
	longest_free(opt.longest);
	sc_dedup_free(opt.d);
	sc_buf_free(&opt.meta);
	sc_buf_free(&opt.line);
	free(opt.spans.v);
	free(opt.drop);
	return status;
}
