/*
 * scsplit: cut dumps into documents, documents into paragraphs, sentences
 * or lines, and streams into shards or chunks for parallel work.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <xxhash.h>
#include "sentence.h"
#include "split.h"
#include "stream.h"
#include "text.h"
#include "utf8.h"
#include "util.h"

enum unit { BY_NONE, BY_PARA, BY_SENTENCE, BY_LINE };

static struct {
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	int re_warned;		/* a match error was reported */
	struct sc_buf re_msg;	/* that report, held to the end of a text read in parts */
	const char *sep;
	enum unit by;
	const char *lang;
	int normalize;		/* normalise each document before --by */
	unsigned nshards;
	uint64_t chunk;
	const char *prefix;
	int force;
	const char *key;

	struct sc_sink **sinks;	/* -n: one per shard */
	struct sc_sink *chunk_sink;
	unsigned chunk_no;
	struct sc_stream *stream;
	struct sc_doc *whole;	/* the document being cut */
	struct sc_cutter cut;	/* cutting a text that comes in parts */
	size_t npieces;
	struct sc_doc piece, unit;
	struct sc_spans spans;
	struct sc_sentencer *sentencer;	/* --by sentence */
	struct sc_buf doclang;	/* metadata.lang of the document being cut */
	struct sc_buf splitmeta;	/* metadata.split of the unit being written */
	struct sc_buf unitid;	/* the id of the unit being written */
	struct sc_units units;	/* what the units of a document share */
	char unitlit[40];	/* {"unit":"sentence","n": */
	size_t unitlitlen;
} opt;

static void
usage(FILE *fp, int status)
{
	fprintf(fp,
"usage: %s [-p REGEX | -s STRING] [-b para|sentence|line] [-l CODE]\n"
"       [-n N [-k FIELD] | -C SIZE] [-o PREFIX] [-f] [options] [file ...]\n",
	    sc_progname);
	if (fp == stderr) {
		fprintf(fp, "Try '%s --help' for more information.\n", sc_progname);
		exit(status);
	}
	fprintf(fp,
"Cut dumps into documents, documents into units, streams into shards.\n"
"  -p, --pattern REGEX   a line matching REGEX (pcre2) starts a new document\n"
"  -s, --separator STR   a line equal to STR separates documents (and is dropped)\n"
"                        default: WARC/WET records, <doc> wrappers, \"==> name <==\"\n"
"                        headers, form-feed lines; else one document per file\n"
"  -b, --by UNIT         one record per para, sentence or line (ids DOCID/N)\n"
"  -l, --lang CODE       language of the sentence rules (default: the record's\n"
"                        metadata.lang, else guessed)\n"
"  -n, --shards N        route each document to one of N files by a hash of its id\n"
"  -k, --key FIELD       hash the JSON field FIELD instead of the id (with -n)\n"
"  -C, --chunk SIZE      cut the stream into files of about SIZE bytes (512K, 64M)\n"
"  -o, --output PREFIX   write the files PREFIX0000.jsonl ... (with -n or -C)\n"
"  -f, --force           overwrite existing output files\n"
"  -h, --help            print this help; -V, --version: the version\n%s",
	    sc_stream_usage);
	exit(status);
}

/* ------------------------------------------------------------------ */
/* Output routing.                                                      */

static struct sc_sink *
open_output(const struct sc_stream *s, unsigned i)
{
	struct sc_buf path = {0};
	struct stat st;
	struct sc_sink *k;

	/* Names are PREFIX + number + suffix: nothing from the data goes in a path. */
	sc_buf_printf(&path, "%s%04u.%s", opt.prefix, i,
	    s->cur_out == SC_ENC_JSONL ? "jsonl" : "txt");
	if (!opt.force && lstat(path.p, &st) == 0)
		sc_die(SC_ERR, "%s: file exists (use --force to overwrite)", path.p);
	k = sc_sink_open_temp(path.p);
	sc_buf_free(&path);
	return k;
}

/*
 * The member named name of the object base[0..) whose members are fs, or
 * else of its "metadata" object (where scmeta writes site, lang, date):
 * its base and field, or NULL.
 */
static const struct sc_jfield *
find_key(const char *base, const struct sc_jfields *fs, const char *name,
    const char **fbase)
{
	static struct sc_jfields meta;
	const struct sc_jfield *m;
	const char *err;
	size_t errpos;
	long i;

	if ((i = sc_json_find(base, fs, name)) >= 0) {
		*fbase = base;
		return &fs->v[i];
	}
	if ((i = sc_json_find(base, fs, "metadata")) < 0 || fs->v[i].vtype != SC_JOBJ)
		return NULL;
	m = &fs->v[i];
	meta.n = 0;
	if (sc_json_scan_object(base + m->vpos, m->vlen, &meta, &err, &errpos) < 0 ||
	    (i = sc_json_find(base + m->vpos, &meta, name)) < 0)
		return NULL;
	*fbase = base + m->vpos;
	return &meta.v[i];
}

/*
 * The value that picks a shard: --key FIELD of the JSON Lines record d
 * comes from (d itself or a parent; the record's member, else its
 * metadata's), else the id.
 */
static uint64_t
shard_hash(const struct sc_doc *d, const char *id, size_t idlen)
{
	const struct sc_doc *src = d;

	while (src != NULL && !src->jsonl)
		src = src->parent;
	if (opt.key != NULL && src != NULL) {
		const char *base;
		const struct sc_jfield *f = find_key(src->raw.p, &src->fields, opt.key, &base);

		if (f != NULL) {
			struct sc_buf v = {0};
			uint64_t h;

			if (f->vtype == SC_JSTR)
				sc_json_unescape(base + f->vpos, f->vlen, &v);
			else
				sc_buf_add(&v, base + f->vpos, f->vlen);
			h = XXH3_64bits(v.p, v.len);
			sc_buf_free(&v);
			return h;
		}
	}
	return XXH3_64bits(id, idlen);
}

static void
open_shards(const struct sc_stream *s)
{
	opt.sinks = xcalloc(opt.nshards, sizeof *opt.sinks);
	for (unsigned i = 0; i < opt.nshards; i++)
		opt.sinks[i] = open_output(s, i);
}

/* Select the output of a document (its parent record, its id). */
static void
select_output(struct sc_stream *s, const struct sc_doc *d, const char *id, size_t idlen)
{
	if (opt.nshards > 0) {
		if (opt.sinks == NULL)
			open_shards(s);
		sc_sink_select(opt.sinks[shard_hash(d, id, idlen) % opt.nshards]);
	} else if (opt.chunk > 0) {
		if (opt.chunk_sink != NULL && sc_sink_bytes(opt.chunk_sink) >= opt.chunk) {
			sc_sink_commit(opt.chunk_sink);
			opt.chunk_sink = NULL;
			opt.chunk_no++;
		}
		if (opt.chunk_sink == NULL)
			opt.chunk_sink = open_output(s, opt.chunk_no);
		sc_sink_select(opt.chunk_sink);
	}
}

static void
route(struct sc_stream *s, struct sc_doc *d)
{
	select_output(s, d, d->id.p, d->id.len);
	sc_stream_write(s, d);
	sc_sink_select(sc_sink_stdout());
}

/* A unit of doc: its id, text and metadata.split. */
static void
route_unit(struct sc_stream *s, const struct sc_doc *doc, const char *id, size_t idlen,
    const char *text, size_t len, const char *split, size_t splitlen)
{
	if (opt.nshards == 0 && opt.chunk == 0) {
		sc_units_write(s, &opt.units, id + doc->id.len, idlen - doc->id.len, text, len,
		    split, splitlen);
		return;
	}
	select_output(s, doc, id, idlen);
	sc_units_write(s, &opt.units, id + doc->id.len, idlen - doc->id.len, text, len,
	    split, splitlen);
	sc_sink_select(sc_sink_stdout());
}

static void
finish(struct sc_stream *s, void *ctx)
{
	(void)ctx;
	if (opt.nshards > 0) {
		/* With no documents, N empty shards still make a complete set. */
		if (opt.sinks == NULL)
			open_shards(s);
		for (unsigned i = 0; i < opt.nshards; i++)
			sc_sink_commit(opt.sinks[i]);
		free(opt.sinks);
		opt.sinks = NULL;
	} else if (opt.chunk_sink != NULL) {
		sc_sink_commit(opt.chunk_sink);
		opt.chunk_sink = NULL;
	}
	sc_doc_free(&opt.piece);
	sc_doc_free(&opt.unit);
	free(opt.spans.v);
	sc_sentencer_free(opt.sentencer);
	opt.sentencer = NULL;
	sc_buf_free(&opt.doclang);
	sc_buf_free(&opt.splitmeta);
	sc_buf_free(&opt.unitid);
	sc_units_free(&opt.units);
	sc_buf_free(&opt.re_msg);
}

/* ------------------------------------------------------------------ */
/* Units.                                                               */

/*
 * sentence_lang: the language whose sentence rules cut doc.  --lang wins
 * (fixed when the sentencer was made); then the record's metadata.lang,
 * which an earlier scmeta measured on the whole text and which costs
 * nothing here; else the sentencer guesses from stopwords.  Codes that
 * say "unknown" (und, zxx, mul, un: CLD2 and ISO 639 spellings) guess too.
 */
static void
sentence_lang(const struct sc_doc *doc)
{
	static const char *unknown[] = { "un", "und", "zxx", "mul" };
	struct sc_text v;
	const char *lang = NULL;

	if (opt.lang != NULL)
		return;
	sc_buf_reset(&opt.doclang);
	if (sc_meta_get(doc, "lang", &v) && v.len > 2 && v.p[0] == '"') {
		sc_json_unescape(v.p, v.len, &opt.doclang);
		lang = opt.doclang.p;
		/* A NUL inside the value would cut the code short: ignore it. */
		if (strlen(lang) != opt.doclang.len)
			lang = NULL;
		for (size_t i = 0; lang != NULL && i < sizeof unknown / sizeof unknown[0]; i++)
			if (strcasecmp(lang, unknown[i]) == 0)
				lang = NULL;
	}
	sc_sentencer_set_lang(opt.sentencer, lang);
}

/* Store a string literal at w, where room was made; the end. */
#define PUT_LIT(w, lit)	((char *)memcpy((w), (lit), sizeof(lit) - 1) + sizeof(lit) - 1)

/* The digits of v at w, where room was made (20); returns their end. */
static inline char *
put_uint(char *w, size_t v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	    "8081828384858687888990919293949596979899";
	size_t n = 1, p10 = 10;
	char *q;

	/* Two digits a division: four numbers go out for every unit. */
	while (n < 20 && v >= p10) {
		n++;
		p10 *= 10;
	}
	q = w + n;
	while (v >= 100) {
		q -= 2;
		memcpy(q, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		q -= 2;
		memcpy(q, pairs + 2 * v, 2);
	} else {
		*--q = (char)('0' + v);
	}
	return w + n;
}

/*
 * The JSON string of p[0..n) at w in m, where room was made (6n + 2):
 * the short white space between units (" ", "\n\n") inline, else by
 * sc_json_str.  Returns the end.
 */
static inline char *
put_str(struct sc_buf *m, char *w, const char *p, size_t n)
{
	if (n <= 16) {
		char *start = w;
		size_t i;

		*w++ = '"';
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)p[i];

			if (c >= 0x20 && c != '"' && c != '\\') {
				*w++ = (char)c;
			} else if (c == '\n') {
				*w++ = '\\';
				*w++ = 'n';
			} else if (c == '\t') {
				*w++ = '\\';
				*w++ = 't';
			} else {
				break;
			}
		}
		if (i == n) {
			*w++ = '"';
			return w;
		}
		w = start;
	}
	m->len = (size_t)(w - m->p);
	sc_json_str(m, p, n);
	return m->p + m->len;
}

/* sc_utf8_count, without a call for the short gaps between units. */
static inline size_t
cp_count(const char *p, size_t n)
{
	size_t c = 0;

	if (n >= 16)
		return sc_utf8_count(p, n);
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)p[i] & 0xC0) != 0x80;
	return c;
}

/*
 * The record of each unit is written into the shared parts of its
 * document's records (sc_units), built once per document from the
 * prototype opt.unit: with scraped text cut into sentences a document
 * makes dozens of records, and building each as a document of its own
 * (copied metadata, passed-through members) cost more than the cutting.
 */
static void
emit_units(struct sc_stream *s, struct sc_doc *doc)
{
	struct sc_doc *u = &opt.unit;
	struct sc_buf *m = &opt.splitmeta, *id = &opt.unitid;
	const struct sc_span *sp;
	const char *t;
	size_t ns, n, i, cp = 0, last = 0, idlen, need;
	char *w;

	if (opt.normalize && sc_normalize(&doc->text))
		doc->text_changed = 1;
	t = doc->text.p;
	n = doc->text.len;
	opt.spans.n = 0;
	if (opt.by == BY_SENTENCE) {
		sentence_lang(doc);
		ns = sc_sentences(opt.sentencer, t, n, &sp);
	} else {
		if (opt.by == BY_LINE)
			sc_split_lines(t, n, &opt.spans);
		else
			sc_split_paragraphs(t, n, &opt.spans);
		sp = opt.spans.v;
		ns = opt.spans.n;
	}
	if (ns == 0) {
		sc_stream_count(s, "empty", 1);
		return;
	}

	/* The prototype: what every unit of this document shares. */
	sc_doc_clear(u);
	u->file = doc->file;
	u->idname = doc->idname;
	u->line = doc->line;
	u->parent = doc;
	u->text_changed = 1;
	/* The units' ids are the document's followed by "/N". */
	sc_buf_add(&u->id, doc->id.p, doc->id.len);
	/* The document's own metadata (WARC headers, <doc> attributes) goes along. */
	for (size_t k = 0; k < doc->meta.n; k++)
		if (doc->meta.v[k].val.len > 0)
			sc_meta_set_raw(u, doc->meta.v[k].key,
			    sc_meta_val(&doc->meta, &doc->meta.v[k]), doc->meta.v[k].val.len);
	sc_meta_set_raw(u, "split", "{}", 2);
	sc_units_begin(s, &opt.units, u, "split");

	sc_buf_reset(id);
	sc_buf_add(id, doc->id.p, doc->id.len);
	sc_buf_addc(id, '/');
	idlen = id->len;
	for (i = 0; i < ns; i++) {
		size_t a = sp[i].start, b = sp[i].end;
		size_t next = i + 1 < ns ? sp[i + 1].start : n;
		size_t cpa;

		/* Offsets count code points, as dolma's spans do. */
		cp += cp_count(t + last, a - last);
		cpa = cp;
		cp += cp_count(t + a, b - a);
		last = b;

		/* Written in place: this runs once per unit, and units are short. */
		id->len = idlen;
		if (SC_UNLIKELY(id->cap - id->len < 24))
			sc_buf_grow(id, 24);
		id->len = (size_t)(put_uint(id->p + id->len, i + 1) - id->p);
		/* Room for the literals, four numbers and the white space escaped. */
		need = 160 + 6 * (next - b) + (i == 0 ? 6 * a : 0);
		if (SC_UNLIKELY(m->cap < need)) {
			m->len = 0;
			sc_buf_grow(m, need);
		}
		w = m->p;
		memcpy(w, opt.unitlit, opt.unitlitlen);
		w = put_uint(w + opt.unitlitlen, i + 1);
		w = PUT_LIT(w, ",\"start\":");
		w = put_uint(w, cpa);
		w = PUT_LIT(w, ",\"end\":");
		w = put_uint(w, cp);
		if (i == 0 && a > 0) {
			w = PUT_LIT(w, ",\"before\":");
			w = put_str(m, w, t, a);
		}
		w = PUT_LIT(w, ",\"after\":");
		w = put_str(m, w, t + b, next - b);
		*w++ = '}';
		*w = '\0';
		m->len = (size_t)(w - m->p);
		route_unit(s, doc, id->p, id->len, t + a, b - a, m->p, m->len);
	}
}

static void
emit_document(struct sc_stream *s, struct sc_doc *doc)
{
	if (opt.by != BY_NONE)
		emit_units(s, doc);
	else
		route(s, doc);
}

/* ------------------------------------------------------------------ */
/* Cutting a dump into documents.                                       */

static void
take_piece(struct sc_piece *pc, void *ctx)
{
	struct sc_stream *s = ctx;
	struct sc_doc *w = opt.whole, *d = &opt.piece;

	opt.npieces++;
	sc_doc_clear(d);
	d->file = w->file;
	d->idname = w->idname;
	d->line = w->line + pc->line - 1;
	d->parent = w->jsonl ? w : NULL;
	if (pc->id.len > 0)
		sc_buf_add(&d->id, pc->id.p, pc->id.len);
	else if (w->jsonl || s->zero)
		sc_buf_printf(&d->id, "%.*s/%zu", (int)w->id.len, w->id.p, opt.npieces);
	else
		sc_buf_printf(&d->id, "%s:%zu", w->idname, opt.npieces);
	d->id_assigned = 1;
	if (pc->undecoded) {
		struct sc_decode_result res;

		if (sc_decode(pc->p, pc->len, pc->charset != NULL &&
		    sc_charset_known(pc->charset) ? pc->charset : s->encoding,
		    &d->text, &res) < 0)
			sc_decode(pc->p, pc->len, NULL, &d->text, &res);
		if (s->fix_mojibake)
			sc_fix_mojibake(&d->text);
	} else {
		sc_buf_add(&d->text, pc->p, pc->len);
	}
	d->text_changed = 1;
	for (size_t k = 0; k < pc->nkv; k++)
		sc_meta_set_str(d, pc->kv[k].key, pc->kv[k].val.p ? pc->kv[k].val.p : "",
		    pc->kv[k].val.len);
	emit_document(s, d);
}

static int
pattern_match(const char *line, size_t len, void *ctx)
{
	int rc;

	(void)ctx;
	rc = pcre2_match(opt.re, (PCRE2_SPTR)line, len, 0, 0, opt.md, opt.mctx);
	if (rc >= 0)
		return 1;
	if (rc != PCRE2_ERROR_NOMATCH && !opt.re_warned) {
		PCRE2_UCHAR msg[256];

		/* Once: a runaway pattern would otherwise flood stderr, line by line. */
		pcre2_get_error_message(rc, msg, sizeof msg);
		opt.re_warned = 1;
		/*
		 * In a text read in parts the stream's own warnings about the
		 * text come with its last part: this one waits for them.
		 */
		if (opt.whole->part > 0) {
			sc_buf_printf(&opt.re_msg, "-p: %s (line taken as not matching; "
			    "reported once)", (char *)msg);
			return 0;
		}
		sc_doc_warn(opt.whole, "-p: %s (line taken as not matching; "
		    "reported once)", (char *)msg);
	}
	return 0;
}

/*
 * A large plain-text operand comes in parts that end at line ends (the
 * stream's text_chunks): the cutter keeps what is not cut yet, so memory
 * is bounded by the largest document of the dump, and cuts, numbers and
 * reports as it would on the whole text.
 */
static void
split_part(struct sc_stream *s, struct sc_doc *d)
{
	struct sc_cutter *c = &opt.cut;
	const char *warn = NULL;

	if (d->part == 1) {
		opt.whole = d;
		opt.npieces = 0;
		sc_buf_reset(&opt.re_msg);
		if (opt.re != NULL) {
			sc_cutter_init(c, SC_CUT_MATCHING, take_piece, s);
			c->match = pattern_match;
		} else if (opt.sep != NULL) {
			sc_cutter_init(c, SC_CUT_SEPARATOR, take_piece, s);
			c->sep = opt.sep;
			c->seplen = strlen(opt.sep);
		} else if (sc_dump_is_warc(d->raw.p, d->raw.len)) {
			sc_cutter_init(c, SC_CUT_WARC, take_piece, s);
		} else {
			sc_cutter_init(c, SC_CUT_DUMP, take_piece, s);
		}
	}
	if (c->how == SC_CUT_WARC)
		sc_cutter_feed(c, d->raw.p, d->raw.len);
	else
		sc_cutter_feed(c, d->text.p, d->text.len);
	if (d->more)
		return;
	sc_cutter_end(c, &warn);
	if (opt.re_msg.len > 0)
		sc_doc_warn(d, "%s", opt.re_msg.p);
	if (warn != NULL)
		sc_doc_warn(d, "%s", warn);
	sc_cutter_free(c);
}

static int
split_doc(struct sc_stream *s, struct sc_doc *d, void *ctx)
{
	const char *warn = NULL;

	(void)ctx;
	if (d->part > 0) {
		split_part(s, d);
		return SC_DONE;
	}
	opt.whole = d;
	opt.npieces = 0;
	if (opt.re != NULL) {
		sc_cut_matching(d->text.p, d->text.len, pattern_match, NULL, take_piece, s);
	} else if (opt.sep != NULL) {
		sc_cut_separator(d->text.p, d->text.len, opt.sep, take_piece, s);
	} else if (d->jsonl || s->zero) {
		/* Records are documents already. */
		emit_document(s, d);
	} else if (sc_dump_is_warc(d->raw.p, d->raw.len)) {
		sc_cut_warc(d->raw.p, d->raw.len, take_piece, s, &warn);
		if (warn != NULL)
			sc_doc_warn(d, "%s", warn);
	} else {
		sc_cut_dump(d->text.p, d->text.len, sc_dump_detect(d->text.p, d->text.len),
		    take_piece, s);
	}
	return SC_DONE;
}

static void
compile_pattern(const char *pat)
{
	int err;
	PCRE2_SIZE off;

	opt.re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &err, &off, NULL);
	if (opt.re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		sc_die(SC_ERR, "-p: pcre2 error at offset %zu: %s", (size_t)off, (char *)msg);
	}
	pcre2_jit_compile(opt.re, PCRE2_JIT_COMPLETE);
	opt.md = pcre2_match_data_create_from_pattern(opt.re, NULL);
	/*
	 * A runaway pattern stops at the limit instead of hanging the pipeline;
	 * a tenth of pcre2's default, which costs some 40 ms a line.
	 */
	opt.mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(opt.mctx, 1000000);
	pcre2_set_depth_limit(opt.mctx, 100000);
}

/* "auto", or an ISO 639 code of 2 or 3 letters with an optional -REGION or _REGION. */
static int
lang_code_ok(const char *lang)
{
	size_t i = 0;

	if (strcmp(lang, "auto") == 0)
		return 1;
	while ((lang[i] >= 'a' && lang[i] <= 'z') || (lang[i] >= 'A' && lang[i] <= 'Z'))
		i++;
	return (i == 2 || i == 3) && (lang[i] == '\0' || lang[i] == '-' || lang[i] == '_');
}

static unsigned
parse_count(const char *arg, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno != 0 || *end != '\0' || v == 0 || v > 100000 || *arg == '-')
		sc_die(SC_ERR, "%s: expected a number from 1 to 100000, not '%s'", what, arg);
	return (unsigned)v;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "chunk", required_argument, NULL, 'C' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "key", required_argument, NULL, 'k' },
		{ "lang", required_argument, NULL, 'l' },
		{ "shards", required_argument, NULL, 'n' },
		{ "output", required_argument, NULL, 'o' },
		{ "pattern", required_argument, NULL, 'p' },
		{ "separator", required_argument, NULL, 's' },
		{ "version", no_argument, NULL, 'V' },
		SC_STREAM_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct sc_stream s;
	int ch;

	sc_init(argv[0]);
	argv[0] = (char *)sc_progname;	/* getopt's messages name the program */
	sc_stream_init(&s);
	s.out_default = SC_ENC_JSONL;
	while ((ch = getopt_long(argc, argv, "b:C:fhk:l:n:o:p:s:V" SC_STREAM_SHORTOPTS,
	    longopts, NULL)) != -1) {
		if (sc_stream_option(&s, ch, optarg))
			continue;
		switch (ch) {
		case 'b':
			if (strcmp(optarg, "para") == 0 || strcmp(optarg, "paragraph") == 0)
				opt.by = BY_PARA;
			else if (strcmp(optarg, "sentence") == 0)
				opt.by = BY_SENTENCE;
			else if (strcmp(optarg, "line") == 0)
				opt.by = BY_LINE;
			else
				sc_die(SC_ERR, "--by: expected para, sentence or line, not '%s'",
				    optarg);
			break;
		case 'C':
			if (sc_parse_size(optarg, &opt.chunk) < 0 || opt.chunk == 0)
				sc_die(SC_ERR, "-C: bad size '%s' (examples: 512K, 64M, 2G)", optarg);
			break;
		case 'f':
			opt.force = 1;
			break;
		case 'h':
			usage(stdout, SC_OK);
			break;
		case 'k':
			opt.key = optarg;
			break;
		case 'l':
			opt.lang = optarg;
			break;
		case 'n':
			opt.nshards = parse_count(optarg, "-n");
			break;
		case 'o':
			if (*optarg == '\0')
				sc_die(SC_ERR, "-o: empty prefix");
			opt.prefix = optarg;
			break;
		case 'p':
			compile_pattern(optarg);
			break;
		case 's':
			opt.sep = optarg;
			break;
		case 'V':
			sc_version();
			break;
		default:
			usage(stderr, SC_ERR);
		}
	}
	if (opt.re != NULL && opt.sep != NULL)
		sc_die(SC_ERR, "-p and -s cannot be used together");
	if (opt.nshards > 0 && opt.chunk > 0)
		sc_die(SC_ERR, "-n and -C cannot be used together");
	if ((opt.nshards > 0 || opt.chunk > 0) && opt.prefix == NULL)
		sc_die(SC_ERR, "-n and -C need -o PREFIX");
	if (opt.prefix != NULL && opt.nshards == 0 && opt.chunk == 0)
		sc_die(SC_ERR, "-o needs -n N or -C SIZE");
	if (opt.key != NULL && opt.nshards == 0)
		sc_die(SC_ERR, "-k needs -n N");
	if (opt.lang != NULL && opt.by != BY_SENTENCE)
		sc_die(SC_ERR, "--lang needs --by sentence");
	if (opt.lang != NULL && !lang_code_ok(opt.lang))
		sc_die(SC_ERR, "--lang: expected a language code such as en or pt-BR, not '%s'",
		    opt.lang);
	if (opt.by == BY_SENTENCE)
		opt.sentencer = sc_sentencer_new(opt.lang, 0);
	if (opt.by != BY_NONE) {
		static const char *names[] = { "", "para", "sentence", "line" };

		opt.unitlitlen = (size_t)snprintf(opt.unitlit, sizeof opt.unitlit,
		    "{\"unit\":\"%s\",\"n\":", names[opt.by]);
	}
	/*
	 * Cutting happens on the text as decoded; normalisation applies to
	 * each document afterwards, and only when scsplit rewrites text (--by).
	 */
	opt.normalize = s.normalize && opt.by != BY_NONE;
	s.normalize = 0;
	s.keep_raw = 1;
	/* A dump is cut as it is read: memory follows its largest document. */
	s.text_chunks = 1 << 20;
	s.on_doc = split_doc;
	s.on_end = finish;
	opt.stream = &s;
	return sc_stream_run(&s, argc - optind, argv + optind);
}
