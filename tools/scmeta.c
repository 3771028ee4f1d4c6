/*
 * scmeta: tag each document with what a corpus builder filters and sorts
 * on: page fields (title, date, author ...) read from the raw page, and
 * text fields (language, counts, quality signals, content hashes) of the
 * text as it is.  The text itself is never rewritten.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "hash.h"
#include "html.h"
#include "json.h"
#include "lang.h"
#include "signals.h"
#include "stream.h"
#include "text.h"
#include "utf8.h"
#include "util.h"

/*
 * The page fields come from common/pagemeta.h, written on its own branch;
 * until it is merged the tool builds without them and says so when asked.
 */
#if defined(__has_include)
#if __has_include("pagemeta.h")
#define HAVE_PAGEMETA 1
#include "pagemeta.h"
#endif
#endif

enum format { FMT_JSONL, FMT_TSV, FMT_KV };

/* Where a field's value comes from. */
enum source { F_PAGE, F_LANG, F_LANG_SCORE, F_SIGNAL, F_HASH, F_SIMHASH, F_LANG_PARAS };

struct field {
	const char *name;
	enum source src;
	const struct sc_signal_def *sig;	/* F_SIGNAL */
	uint32_t key;		/* the name's number (sc_meta_key) */
};

static const char *const page_names[] = {
	"title", "date", "author", "author_role", "site", "categories", "tags",
	"description", "url"
};
#define NPAGE (sizeof page_names / sizeof page_names[0])

static struct {
	struct field *fields;	/* every field, in output order */
	size_t nfields;
	unsigned char *want;	/* want[i]: field i is computed and written */
	size_t *order;		/* -f order, for --format tsv and kv */
	size_t norder;
	enum format format;
	int lang_per_para;
	int page;		/* some page field is wanted */
	unsigned groups;	/* signal groups wanted */
	int lang, hash, simhash;
	uint32_t k_lang, k_lang_score, k_hash, k_simhash, k_lang_paras;
	const char *now_arg;
#ifdef HAVE_PAGEMETA
	struct sc_date now;
	int have_now;
#endif
	struct sc_signals_work *work;
	struct sc_buf key, val, line;
	struct sc_buf url;	/* the records' "url" strings (record_url) */
	struct sc_html_opts html;	/* article selection on HTML pages */
} opt;

static void
usage(FILE *fp, int status)
{
	fprintf(fp,
"usage: %s [-g page|text] [-f FIELDS] [--format jsonl|tsv|kv] [--now DATE]\n"
"       [--lang-per-para] [options] [file ...]\n",
	    sc_progname);
	if (fp == stderr) {
		fprintf(fp, "Try '%s --help' for more information.\n", sc_progname);
		exit(status);
	}
	fprintf(fp,
"Tag documents with page fields, language, counts, quality signals, hashes.\n"
"  -g, --group GROUP     page: title, date, author ... from the raw page;\n"
"                        text: lang, counts, signals, hash (default: both)\n"
"  -f, --fields LIST     only these fields or groups, comma-separated:\n"
"                        a field name, page, text, counts, gopher,\n"
"                        gopher_quality, gopher_repetition, c4, fineweb,\n"
"                        refinedweb, signals (all quality signals)\n"
"  -F, --format FMT      jsonl (default), tsv (id and fields) or kv (for people)\n"
"      --now DATE        the crawl date (YYYY-MM-DD[THH:MM]): no date after it;\n"
"                        relative dates (\"2 days ago\") count back from it\n"
"      --lang-per-para   also write lang_paras: [start, end, lang, score] per paragraph\n"
"      --html, --plain   documents are HTML pages, or plain text (default: detected)\n"
"  -h, --help            print this help; -V, --version: the version\n%s",
	    sc_stream_usage);
	exit(status);
}

/* ------------------------------------------------------------------ */
/* Fields.                                                              */

/*
 * Fields are set by their names' numbers, got here once: a look-up of the
 * name for each of forty-odd fields a record showed in profiles (a
 * pointer cache checked by strcmp).
 */
static uint32_t
add_field(const char *name, enum source src, const struct sc_signal_def *sig)
{
	uint32_t key = sc_meta_key(name);

	/* The stream gives 512 numbers; these are the first asked for. */
	if (key == 0)
		sc_die(SC_ERR, "internal error: no number for the key '%s'", name);
	opt.fields = xreallocarray(opt.fields, opt.nfields + 1, sizeof *opt.fields);
	opt.fields[opt.nfields].name = name;
	opt.fields[opt.nfields].src = src;
	opt.fields[opt.nfields].sig = sig;
	opt.fields[opt.nfields].key = key;
	opt.nfields++;
	return key;
}

static void
make_fields(void)
{
	size_t i;

	for (i = 0; i < NPAGE; i++)
		add_field(page_names[i], F_PAGE, NULL);
	opt.k_lang = add_field("lang", F_LANG, NULL);
	opt.k_lang_score = add_field("lang_score", F_LANG_SCORE, NULL);
	for (i = 0; i < sc_nsignal_defs; i++)
		add_field(sc_signal_defs[i].name, F_SIGNAL, &sc_signal_defs[i]);
	opt.k_hash = add_field("hash", F_HASH, NULL);
	opt.k_simhash = add_field("simhash", F_SIMHASH, NULL);
	opt.k_lang_paras = add_field("lang_paras", F_LANG_PARAS, NULL);
	opt.want = xcalloc(opt.nfields, 1);
	opt.order = xcalloc(opt.nfields, sizeof *opt.order);
}

static void
want_field(size_t i)
{
	if (!opt.want[i]) {
		opt.want[i] = 1;
		opt.order[opt.norder++] = i;
	}
}

static int
is_text_field(const struct field *f)
{
	return f->src != F_PAGE && f->src != F_LANG_PARAS;
}

/* Signal groups that -f accepts by name. */
static const struct {
	const char *name;
	unsigned groups;
} sig_groups[] = {
	{ "counts", SC_SIG_COUNTS },
	{ "gopher", SC_SIG_GOPHER_QUALITY | SC_SIG_GOPHER_REP },
	{ "gopher_quality", SC_SIG_GOPHER_QUALITY },
	{ "gopher_repetition", SC_SIG_GOPHER_REP },
	{ "c4", SC_SIG_C4 },
	{ "fineweb", SC_SIG_FINEWEB },
	{ "refinedweb", SC_SIG_REFINEDWEB },
	{ "signals", SC_SIG_ALL & ~(unsigned)SC_SIG_COUNTS },
};

/* One name of -f: a field or a group.  Returns 0, or -1 when unknown. */
static int
select_name(const char *name, size_t len)
{
	size_t i, g;
	int found = 0;

	if (len == 4 && memcmp(name, "page", 4) == 0) {
		for (i = 0; i < opt.nfields; i++)
			if (opt.fields[i].src == F_PAGE)
				want_field(i);
		return 0;
	}
	if (len == 4 && memcmp(name, "text", 4) == 0) {
		for (i = 0; i < opt.nfields; i++)
			if (is_text_field(&opt.fields[i]))
				want_field(i);
		return 0;
	}
	for (g = 0; g < sizeof sig_groups / sizeof sig_groups[0]; g++) {
		if (strlen(sig_groups[g].name) != len ||
		    memcmp(sig_groups[g].name, name, len) != 0)
			continue;
		for (i = 0; i < opt.nfields; i++)
			if (opt.fields[i].src == F_SIGNAL &&
			    (opt.fields[i].sig->group & sig_groups[g].groups))
				want_field(i);
		return 0;
	}
	for (i = 0; i < opt.nfields; i++)
		if (strlen(opt.fields[i].name) == len &&
		    memcmp(opt.fields[i].name, name, len) == 0) {
			want_field(i);
			found = 1;
		}
	return found ? 0 : -1;
}

static void
select_list(const char *list)
{
	const char *p = list, *e;

	for (;;) {
		e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len > 0 && select_name(p, len) < 0)
			sc_die(SC_ERR, "-f: unknown field or group '%.*s' (see scmeta(1))",
			    (int)len, p);
		if (e == NULL)
			break;
		p = e + 1;
	}
	if (opt.norder == 0)
		sc_die(SC_ERR, "-f: no field named");
}

/* What the wanted fields need computed. */
static void
plan(void)
{
	size_t i, n;

	for (i = 0; i < opt.nfields; i++) {
		if (!opt.want[i])
			continue;
		switch (opt.fields[i].src) {
		case F_PAGE:
			opt.page = 1;
			break;
		case F_LANG:
		case F_LANG_SCORE:
			opt.lang = 1;
			break;
		case F_SIGNAL:
			opt.groups |= opt.fields[i].sig->group;
			break;
		case F_HASH:
			opt.hash = 1;
			break;
		case F_SIMHASH:
			opt.simhash = 1;
			break;
		case F_LANG_PARAS:
			break;
		}
	}
	for (i = n = 0; i < opt.nfields; i++)
		n += opt.want[i];
	sc_meta_expect(n);
}

/* ------------------------------------------------------------------ */
/* Per document.                                                        */

/*
 * An HTML page is parsed once per document: the article selection, the
 * metadata its markup states (html.h) and the article's text, which the
 * language detector reads instead of the markup.
 */
static struct {
	struct sc_html_page pg;
	struct sc_html_meta hm;
	unsigned char *keep;
	struct sc_buf article;
	int loaded;
} html;

/* Is the document an HTML page?  --html and --plain decide, else its start. */
static int
is_html(const struct sc_stream *s, const struct sc_doc *d)
{
	if (s->content != SC_CONTENT_AUTO)
		return s->content == SC_CONTENT_HTML;
	return sc_html_detect(d->text.p ? d->text.p : "", d->text.len);
}

#ifdef HAVE_PAGEMETA
/* Whether a "YYYY-MM-DD" day lies after --now. */
static int
after_now(const char *day)
{
	struct sc_date d = { 0 };

	d.year = atoi(day);
	d.month = atoi(day + 5);
	d.day = atoi(day + 8);
	d.hour = -1;
	d.tzoff = SC_DATE_NOTZ;
	return sc_date_cmp(&d, &opt.now) > 0;
}
#endif

/*
 * The record's own URL, when it carries one as a top-level "url" string:
 * added to b, NUL-ended, and its offset in b returned, or SIZE_MAX.  Read
 * once a record: the memo's key and the page fields both use it, and the
 * page fields' pass over a batch read it again from the record, out of
 * the cache by then (0.5% of scmeta's time, perf).
 */
static size_t
record_url(const struct sc_doc *d, struct sc_buf *b)
{
	size_t at = b->len;
	long i;

	if (!d->jsonl || (i = sc_json_find(d->raw.p, &d->fields, "url")) < 0 ||
	    d->fields.v[i].vtype != SC_JSTR)
		return SIZE_MAX;
	sc_json_unescape(d->raw.p + d->fields.v[i].vpos, d->fields.v[i].vlen, b);
	if (b->len == at || memchr(b->p + at, '\0', b->len - at) != NULL) {
		b->len = at;
		b->p[at] = '\0';
		return SIZE_MAX;
	}
	sc_buf_addc(b, '\0');
	return at;
}

static void
html_load(const struct sc_stream *s, struct sc_doc *d)
{
	const char *src = d->text.p ? d->text.p : "", *cs = "UTF-8";
	size_t n = d->text.len;

	/* Plain-text input hands over its undecoded bytes: <meta charset> counts. */
	if (!d->jsonl && d->raw.len > 0) {
		src = d->raw.p;
		n = d->raw.len;
		cs = s->encoding;
	}
	memset(&html.pg, 0, sizeof html.pg);
	sc_html_parse(src, n, cs, 0, &html.pg);
	if (html.pg.truncated)
		sc_doc_warn(d, "HTML parser gave up on junk; the rest of the page is lost");
	html.keep = xmalloc(html.pg.nblocks + 1);
	sc_html_select(&html.pg, &opt.html, html.keep, NULL);
	sc_html_meta(&html.pg, html.keep, &html.hm);
#ifdef HAVE_PAGEMETA
	if (opt.have_now && html.hm.date != NULL && after_now(html.hm.date)) {
		/* --now binds the markup's date as it binds the text's: a day
		 * after the crawl is a scheduled post's or a typo. */
		free(html.hm.date);
		html.hm.date = NULL;
	}
	if (opt.have_now && html.hm.modified != NULL && after_now(html.hm.modified)) {
		free(html.hm.modified);
		html.hm.modified = NULL;
	}
#endif
	sc_buf_reset(&html.article);
	sc_html_render(&html.pg, html.keep, SC_HTML_TEXT, &html.article);
	html.loaded = 1;
}

static void
html_unload(void)
{
	if (!html.loaded)
		return;
	sc_html_meta_free(&html.hm);
	sc_html_page_free(&html.pg);
	free(html.keep);
	html.keep = NULL;
	html.loaded = 0;
}

#ifdef HAVE_PAGEMETA
static void
set_if(struct sc_doc *d, size_t i, const char *s)
{
	if (opt.want[i] && s != NULL && *s != '\0')
		sc_meta_set_str_id(d, opt.fields[i].key, s, strlen(s));
}

static void
set_list(struct sc_doc *d, size_t i, char **v, size_t n)
{
	size_t k;

	if (!opt.want[i] || n == 0)
		return;
	sc_buf_reset(&opt.val);
	sc_buf_addc(&opt.val, '[');
	for (k = 0; k < n; k++) {
		if (k > 0)
			sc_buf_addc(&opt.val, ',');
		sc_json_strz(&opt.val, v[k]);
	}
	sc_buf_addc(&opt.val, ']');
	sc_meta_set_raw_id(d, opt.fields[i].key, opt.val.p, opt.val.len);
}

/* Move a field the page's markup gave over the one read from its text. */
static void
prefer(char **dst, char **src)
{
	if (*src == NULL)
		return;
	free(*dst);
	*dst = *src;
	*src = NULL;
}

static void
prefer_list(char ***dst, size_t *nd, char ***src, size_t *ns)
{
	size_t k;

	if (*ns == 0)
		return;
	for (k = 0; k < *nd; k++)
		free((*dst)[k]);
	free(*dst);
	*dst = *src;
	*nd = *ns;
	*src = NULL;
	*ns = 0;
}

/*
 * The page fields of an HTML page: what the markup states comes first; a
 * field it leaves out is read from the page's text as a text browser
 * shows it (every block, in order), the input the text reader is built
 * for.
 */
static void
html_fields(struct sc_pagemeta_opts *po, struct sc_pagemeta *pm)
{
	struct sc_html_meta *hm = &html.hm;
	unsigned char *all;

	if (hm->title != NULL && hm->date != NULL && hm->author != NULL &&
	    hm->description != NULL && hm->site != NULL) {
		/* The markup said what the text reader would look for. */
		memset(pm, 0, sizeof(*pm));
	} else {
		size_t i, last;

		all = xmalloc(html.pg.nblocks + 1);
		memset(all, 1, html.pg.nblocks + 1);
		/* Not the comments under the article: their dates and names
		 * are the readers'. */
		for (last = html.pg.nblocks; last > 0 && !html.keep[last - 1]; last--)
			;
		for (i = last; last > 0 && i < html.pg.nblocks; i++)
			if ((html.pg.blocks[i].flags & (SC_HF_COMMENT | SC_HF_BYAUTHOR)) ==
			    SC_HF_COMMENT)
				all[i] = 0;
		for (i = 0; i < html.pg.nblocks; i++)
			if ((html.pg.blocks[i].flags & (SC_HF_ASIDE | SC_HF_RELATED)) &&
			    !(html.pg.blocks[i].flags & SC_HF_ARTICLE))
				all[i] = 0;
		sc_buf_reset(&opt.val);
		sc_html_render(&html.pg, all, SC_HTML_TEXT, &opt.val);
		free(all);
		if (po->url == NULL)
			po->url = hm->url;
		if (po->lang == NULL)
			po->lang = hm->lang;
		sc_pagemeta_extract(opt.val.p ? opt.val.p : "", opt.val.len, po, pm);
	}
	prefer(&pm->title, &hm->title);
	prefer(&pm->date, &hm->date);
	if (pm->date == NULL)
		/* Nothing dates the piece, in markup or text: its last
		 * change's day, as htmldate falls back to. */
		prefer(&pm->date, &hm->modified);
	prefer(&pm->author, &hm->author);
	prefer(&pm->site, &hm->site);
	prefer(&pm->description, &hm->description);
	prefer(&pm->url, &hm->url);
	prefer_list(&pm->categories, &pm->ncategories, &hm->categories, &hm->ncategories);
	prefer_list(&pm->tags, &pm->ntags, &hm->tags, &hm->ntags);
}

static void
page_fields(struct sc_doc *d, const char *lang, const char *url)
{
	struct sc_pagemeta_opts po;
	struct sc_pagemeta pm;

	sc_pagemeta_opts_init(&po);
	if (opt.have_now)
		po.now = &opt.now;
	po.lang = lang;
	po.url = url;
	if (html.loaded)
		html_fields(&po, &pm);
	else
		sc_pagemeta_extract(d->text.p, d->text.len, &po, &pm);
	/* The field table starts with page_names, in that order. */
	set_if(d, 0, pm.title);
	set_if(d, 1, pm.date);
	set_if(d, 2, pm.author);
	set_if(d, 3, pm.author_role);
	set_if(d, 4, pm.site);
	set_list(d, 5, pm.categories, pm.ncategories);
	set_list(d, 6, pm.tags, pm.ntags);
	set_if(d, 7, pm.description);
	set_if(d, 8, pm.url);
	sc_pagemeta_free(&pm);
}
#endif

static void
set_signal(struct sc_doc *d, const struct field *f, const struct sc_signals *s)
{
	const struct sc_signal_def *def = f->sig;
	const char *p = (const char *)s + def->off;
	uint64_t u;
	double x;
	int b;

	switch (def->type) {
	case SC_SIG_U64:
		memcpy(&u, p, sizeof u);
		sc_meta_set_int_id(d, f->key, (int64_t)u);
		break;
	case SC_SIG_DBL:
		memcpy(&x, p, sizeof x);
		/* Four significant digits: enough to filter on, short to store. */
		sc_meta_set_num_id(d, f->key, x, 4);
		break;
	case SC_SIG_BOOL:
		memcpy(&b, p, sizeof b);
		sc_meta_set_raw_id(d, f->key, b ? "true" : "false", b ? 4 : 5);
		break;
	}
}

static void
hex64(uint64_t v, char out[17])
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 15; i >= 0; i--) {
		out[i] = digits[v & 15];
		v >>= 4;
	}
	out[16] = '\0';
}

/*
 * lang_paras: [start, end, "lang", score] for each paragraph with a
 * language, offsets in code points (as dolma's spans), end exclusive.
 * The paragraphs are found in the normalised text but the offsets are
 * given in the text as written, as it was read (map, when normalisation
 * changed it).
 */
static void
add_para(const char *p, size_t ps, size_t pe, uint64_t cs, uint64_t ce, int *items,
    struct sc_norm_map *map)
{
	struct sc_lang l;

	sc_lang_detect_all(p + ps, pe - ps, &l);
	if (l.code[0] == '\0')
		return;
	if (map != NULL) {
		cs = sc_norm_map_to(map, cs);
		ce = sc_norm_map_to(map, ce);
	}
	if ((*items)++ > 0)
		sc_buf_addc(&opt.val, ',');
	sc_buf_addc(&opt.val, '[');
	sc_json_uint(&opt.val, cs);
	sc_buf_addc(&opt.val, ',');
	sc_json_uint(&opt.val, ce);
	sc_buf_addc(&opt.val, ',');
	sc_json_strz(&opt.val, l.code);
	sc_buf_addc(&opt.val, ',');
	sc_json_num(&opt.val, l.score, 3);
	sc_buf_addc(&opt.val, ']');
}

static void
lang_paras(struct sc_doc *d)
{
	const char *p = d->text.p, *e;
	size_t n = d->text.len, pos = 0, len, k, ps = 0, pe = 0;
	uint64_t cp = 0, cs = 0, ce = 0, lcps;
	int in = 0, items = 0, blank;
	struct sc_norm_map mapbuf, *map = NULL;

	/*
	 * Mapped back when the text written is the one before normalisation
	 * (d->orig, as the stream's writers choose it); a text the stream
	 * changed (--fix-mojibake on plain text) is written as analysed.
	 */
	if (d->normalized && !d->text_changed) {
		sc_norm_map_init(&mapbuf, d->orig.p, d->orig.len);
		map = &mapbuf;
	}
	sc_buf_reset(&opt.val);
	sc_buf_addc(&opt.val, '[');
	while (pos < n) {
		e = memchr(p + pos, '\n', n - pos);
		len = e ? (size_t)(e - (p + pos)) : n - pos;
		for (k = 0, blank = 1; k < len && blank; k++)
			if (p[pos + k] != ' ' && p[pos + k] != '\t')
				blank = 0;
		lcps = sc_utf8_count(p + pos, len);
		if (!blank) {
			if (!in) {
				in = 1;
				ps = pos;
				cs = cp;
			}
			pe = pos + len;
			ce = cp + lcps;
		} else if (in) {
			add_para(p, ps, pe, cs, ce, &items, map);
			in = 0;
		}
		cp += lcps + 1;
		pos += len + 1;
	}
	if (in)
		add_para(p, ps, pe, cs, ce, &items, map);
	sc_buf_addc(&opt.val, ']');
	sc_meta_set_raw_id(d, opt.k_lang_paras, opt.val.p, opt.val.len);
}

/* A JSON value as a TSV or kv cell: strings unescaped, \t \n \\ escaped. */
static void
cell(struct sc_buf *out, const char *v, size_t n)
{
	size_t i;

	if (n == 0 || v[0] != '"') {
		sc_buf_add(out, v, n);
		return;
	}
	sc_buf_reset(&opt.key);
	sc_json_unescape(v, n, &opt.key);
	for (i = 0; i < opt.key.len; i++) {
		char c = opt.key.p[i];

		if (c == '\t')
			sc_buf_adds(out, "\\t");
		else if (c == '\n')
			sc_buf_adds(out, "\\n");
		else if (c == '\r')
			sc_buf_adds(out, "\\r");
		else if (c == '\\')
			sc_buf_adds(out, "\\\\");
		else if (c == '\0')
			sc_buf_adds(out, "\\0");
		else
			sc_buf_addc(out, c);
	}
}

static void
write_table(struct sc_doc *d)
{
	struct sc_text v;
	size_t k;

	sc_buf_reset(&opt.line);
	if (opt.format == FMT_KV)
		sc_buf_adds(&opt.line, "id: ");
	sc_buf_reset(&opt.val);
	sc_json_str(&opt.val, d->id.p, d->id.len);
	cell(&opt.line, opt.val.p, opt.val.len);
	for (k = 0; k < opt.norder; k++) {
		const char *name = opt.fields[opt.order[k]].name;
		int have = sc_meta_get(d, name, &v);

		if (opt.format == FMT_TSV) {
			sc_buf_addc(&opt.line, '\t');
		} else {
			if (!have)
				continue;
			sc_buf_addc(&opt.line, '\n');
			sc_buf_adds(&opt.line, name);
			sc_buf_adds(&opt.line, ": ");
		}
		if (have)
			cell(&opt.line, v.p, v.len);
	}
	sc_buf_addc(&opt.line, '\n');
	if (opt.format == FMT_KV && d->gseq > 1)
		sc_out("\n", 1);
	sc_out(opt.line.p, opt.line.len);
	sc_out_record_end();
}

/*
 * Documents seen again.  Corpora hold exact copies (the same page crawled
 * twice, mirrors; the bench corpus has a tenth), and every field written
 * here is a function of the text, the record's "url", the options and the
 * day (dates after today are refused): a copy gets its metadata replayed
 * from the first sight instead of computed again.  The memo is keyed by a
 * 128-bit hash of those, holds the items the first sight set, in their
 * order, and is direct mapped over DOC_MEMO slots (a collision
 * overwrites), so output never depends on it.  A slot holds the values
 * only (a key is its number, sc_meta_item.id), about 1.3 KB with every
 * field.
 */
#define DOC_MEMO 8192
/*
 * The most a slot holds: the metadata of a document with every field
 * takes 0.5 to 3 KB (j2: median 0.8 KB, 99th percentile 2.9 KB), but
 * --lang-per-para grows with the text (180 KB for a text of 380 KB), and
 * each slot kept the largest it had held: 100 such documents were 16 MB
 * more.  So at most 8192 * 5 KB, 40 MB.
 */
#define DOC_MEMO_MAX 4096
struct doc_memo {
	uint64_t key[2];
	unsigned char *blob;	/* items: uint16_t key number, uint32_t length, value */
	size_t len, cap;
	int used;
};
static struct doc_memo *docmemo;
static int memo_off;		/* SC_PAGEMETA_DEBUG writes per document */

/* The key of d's text and url (not an HTML page); 0 when d is not for the memo. */
static int
memo_key(const struct sc_doc *d, const char *url, uint64_t key[2])
{
	uint64_t u[2] = { 0, 0 }, day = 0;

	if (memo_off || d->meta.n != 0)
		return 0;
	sc_hash128(d->text.p ? d->text.p : "", d->text.len, key);
	if (url != NULL) {
		sc_hash128(url, strlen(url), u);
		u[0] = u[0] << 23 | u[0] >> 41;
		u[1] = u[1] << 41 | u[1] >> 23;
	}
#ifdef HAVE_PAGEMETA
	if (!opt.have_now)
		day = (uint64_t)time(NULL) / 86400 + 1;
#endif
	key[0] ^= u[0] ^ day * 0xC2B2AE3D27D4EB4FULL;
	key[1] ^= u[1] ^ (uint64_t)d->text.len * 0x9E3779B97F4A7C15ULL;
	return 1;
}

/* Replay the slot for key into d: 1 on a hit. */
static int
memo_get(struct sc_doc *d, const uint64_t key[2])
{
	const struct doc_memo *m;
	size_t i;

	if (docmemo == NULL)
		docmemo = xcalloc(DOC_MEMO, sizeof *docmemo);
	m = &docmemo[key[0] & (DOC_MEMO - 1)];
	if (!m->used || m->key[0] != key[0] || m->key[1] != key[1])
		return 0;
	for (i = 0; i < m->len; ) {
		uint16_t id;
		uint32_t len;

		memcpy(&id, m->blob + i, sizeof id);
		memcpy(&len, m->blob + i + 2, sizeof len);
		sc_meta_set_raw_id(d, id, (const char *)m->blob + i + 6, len);
		i += 6 + len;
	}
	return 1;
}

/* Keep what d's metadata holds now under key. */
static void
memo_put(const struct sc_doc *d, const uint64_t key[2])
{
	struct doc_memo *m = &docmemo[key[0] & (DOC_MEMO - 1)];
	size_t i, need = 0, at = 0;

	m->used = 0;
	for (i = 0; i < d->meta.n; i++) {
		/* a key without a number (past the stream's 512) is not kept */
		if (d->meta.v[i].id == 0 || d->meta.v[i].id > UINT16_MAX)
			return;
		need += 6 + d->meta.v[i].val.len;
	}
	if (need > DOC_MEMO_MAX)
		return;		/* not kept: the memo stays bounded */
	if (need > m->cap) {
		m->cap = need + need / 4;
		m->blob = xrealloc(m->blob, m->cap);
	}
	for (i = 0; i < d->meta.n; i++) {
		const struct sc_meta_item *it = &d->meta.v[i];
		uint16_t id = (uint16_t)it->id;
		uint32_t len = (uint32_t)it->val.len;

		memcpy(m->blob + at, &id, sizeof id);
		memcpy(m->blob + at + 2, &len, sizeof len);
		if (len > 0)
			memcpy(m->blob + at + 6, sc_meta_val(&d->meta, it), len);
		at += 6 + len;
	}
	m->len = at;
	m->key[0] = key[0];
	m->key[1] = key[1];
	m->used = 1;
}

/* Write the language l found for d. */
static void
set_lang(struct sc_doc *d, const struct sc_lang *l)
{
	/* Unknown: leave any earlier value in place (re-runs merge). */
	if (l->code[0] != '\0') {
		if (opt.want[NPAGE])
			sc_meta_set_str_id(d, opt.k_lang, l->code, strlen(l->code));
		if (opt.want[NPAGE + 1])
			sc_meta_set_num_id(d, opt.k_lang_score, l->score, 3);
	}
}

/* The quality signals of d's text. */
static void
set_signals(struct sc_doc *d)
{
	struct sc_signals sig;
	size_t i;

	sc_signals_compute(d->text.p ? d->text.p : "", d->text.len, opt.groups,
	    &sig, opt.work);
	for (i = 0; i < opt.nfields; i++)
		if (opt.want[i] && opt.fields[i].src == F_SIGNAL)
			set_signal(d, &opt.fields[i], &sig);
}

/* The hashes (and --lang-per-para), the last fields of d: then the memo. */
static void
set_rest(struct sc_doc *d, int memo, const uint64_t mkey[2])
{
	const char *text = d->text.p ? d->text.p : "";
	size_t n = d->text.len;

	if (opt.hash || opt.simhash) {
		/* One normal form serves both hashes. */
		sc_buf_reset(&opt.key);
		sc_normkey(text, n, SC_NORM_FULL, &opt.key);
	}
	if (opt.hash) {
		uint64_t h[2];
		char hex[33];

		sc_hash128(opt.key.p ? opt.key.p : "", opt.key.len, h);
		sc_hash128_hex(h, hex);
		sc_meta_set_str_id(d, opt.k_hash, hex, 32);
	}
	if (opt.simhash) {
		char hex[17];

		hex64(sc_simhash64_key(opt.key.p ? opt.key.p : "", opt.key.len), hex);
		sc_meta_set_str_id(d, opt.k_simhash, hex, 16);
	}
	if (opt.lang_per_para)
		lang_paras(d);
	if (memo)
		memo_put(d, mkey);
}

/*
 * The fields of d, the memo looked at first and filled at the end when
 * memo says d is for it.  Returns what tag_document() returns.
 */
static int
tag_fields(struct sc_stream *s, struct sc_doc *d, const char *url, int html_doc, int memo,
    const uint64_t mkey[2])
{
	struct sc_lang l = { "", 0, 0, 0 };

	if (memo && memo_get(d, mkey))
		goto done;
	if (html_doc)
		html_load(s, d);
	if (opt.lang) {
		if (html.loaded) {
			sc_lang_detect(html.article.p ? html.article.p : "", html.article.len, &l);
			if (l.code[0] == '\0' && html.hm.lang != NULL) {
				snprintf(l.code, sizeof l.code, "%s", html.hm.lang);
				l.score = 0;
			}
		} else
			sc_lang_detect(d->text.p ? d->text.p : "", d->text.len, &l);
		set_lang(d, &l);
	}
#ifdef HAVE_PAGEMETA
	if (opt.page)
		page_fields(d, l.code[0] != '\0' ? l.code : NULL, url);
#endif
	html_unload();
	if (opt.groups)
		set_signals(d);
	set_rest(d, memo, mkey);
done:
	if (opt.format != FMT_JSONL) {
		write_table(d);
		return SC_DONE;
	}
	return SC_KEEP;
}

/*
 * Records of JSON Lines are tagged BATCH at a time, the language of all of
 * them first: CLD2 reads megabytes of tables, and with the page fields and
 * signals of a document between two of its calls it spent about a third
 * more time than on its own (perf, 50 MB of the bench corpus; batches of
 * 128 took a sixth of CLD2's time away, of 16 a twelfth; of 512, the whole
 * run 4% less than of 128).  A batch ends at BATCH records or once it
 * holds BATCH_BYTES (records, texts and originals), so that long records do not pile up.  A
 * record waits in batch[] (the stream's document and an empty one trade places) and is
 * written, in order, when the batch is full, before a record that is not
 * batched, and at the end.  The output is the same.  Only where no reader
 * waits for records as they come (stdout a file or a device): a pipe
 * gets each record before the next is read, as before.
 *
 * Memory stays bounded by the largest record (DESIGN.md): the batch is
 * also written once its records hold BATCH_BYTES (512 records of a
 * megabyte would be 512 MB held), and a slot whose buffers grew past
 * BATCH_SLOT_KEEP gives them back once written (the buffers go round
 * between the slots and the stream's record, so each slot would keep
 * the largest record that passed through it).
 */
#define BATCH 512
#define BATCH_BYTES ((size_t)8 << 20)	/* records, texts and originals: about 4 MB of text */
#define BATCH_SLOT_KEEP ((size_t)64 << 10)
static struct sc_doc batch[BATCH];
static size_t nbatch, batch_bytes;

/* The bytes d's buffers hold, written or not: its record, text and metadata. */
static size_t
doc_held(const struct sc_doc *d)
{
	size_t n = d->raw.cap + d->text.cap + d->orig.cap;

	return n + d->meta.vals.cap;
}

/*
 * Whether a record of the batch before k had the key of record k, which
 * the memo does not hold: seen[] keeps the records with a key so far, by
 * key, as their index + 1 (0: an empty slot).  Any earlier record with
 * the key will do: the first of them missed the memo as k did, and is no
 * copy itself.  (A search of all the records before each one took
 * 100,000 comparisons a full batch, mispredicted about once a record.)
 */
#define BATCH_SEEN (2 * BATCH)
static int
batch_copy(uint16_t *seen, uint64_t (*key)[2], size_t k)
{
	size_t h = key[k][0] & (BATCH_SEEN - 1);

	for (; seen[h] != 0; h = (h + 1) & (BATCH_SEEN - 1))
		if (key[seen[h] - 1][0] == key[k][0] && key[seen[h] - 1][1] == key[k][1])
			return 1;
	seen[h] = (uint16_t)(k + 1);
	return 0;
}

static void
flush_batch(struct sc_stream *s)
{
	struct sc_lang l[BATCH];
	uint64_t key[BATCH][2];
	unsigned char memo[BATCH], hit[BATCH], copy[BATCH];
	uint16_t seen[BATCH_SEEN];
	const char *url[BATCH];
	size_t k, uat[BATCH];

	sc_buf_reset(&opt.url);
	for (k = 0; k < nbatch; k++)
		uat[k] = record_url(&batch[k], &opt.url);
	for (k = 0; k < nbatch; k++)
		url[k] = uat[k] != SIZE_MAX ? opt.url.p + uat[k] : NULL;
	/*
	 * The keys first: hashing each text whole between two calls of CLD2
	 * pushed its tables out of the cache.
	 */
	for (k = 0; k < nbatch; k++)
		memo[k] = memo_key(&batch[k], url[k], key[k]);
	memset(seen, 0, sizeof seen);
	for (k = 0; k < nbatch; k++) {
		struct sc_doc *d = &batch[k];

		memset(&l[k], 0, sizeof l[k]);
		hit[k] = memo[k] && memo_get(d, key[k]);
		/*
		 * A copy of a record before it in the batch waits for that
		 * one's fields, from the memo (copies are often near).
		 */
		copy[k] = memo[k] && !hit[k] && batch_copy(seen, key, k);
		hit[k] |= copy[k];
		/*
		 * The next text's sample on its way into the cache while CLD2
		 * reads this one's: the texts were last read, to hash them,
		 * a batch ago (sc_lang_sample_size's loads missed, 0.7% of
		 * the time in perf).
		 */
		if (k + 1 < nbatch && batch[k + 1].text.p != NULL)
			sc_lang_prefetch(batch[k + 1].text.p, batch[k + 1].text.len);
		if (!hit[k])
			sc_lang_detect(d->text.p ? d->text.p : "", d->text.len, &l[k]);
	}
	/*
	 * Each step over the whole batch too, in the order tag_fields() takes
	 * them, so that each record's fields come in the same order.
	 */
	for (k = 0; k < nbatch; k++)
		if (!hit[k])
			set_lang(&batch[k], &l[k]);
#ifdef HAVE_PAGEMETA
	for (k = 0; opt.page && k < nbatch; k++)
		if (!hit[k])
			page_fields(&batch[k], l[k].code[0] != '\0' ? l[k].code : NULL, url[k]);
#endif
	for (k = 0; opt.groups && k < nbatch; k++)
		if (!hit[k])
			set_signals(&batch[k]);
	for (k = 0; k < nbatch; k++) {
		if (!hit[k])
			set_rest(&batch[k], memo[k], key[k]);
		else if (copy[k] && !memo_get(&batch[k], key[k]))
			/* its first's slot was taken since: all of it here */
			(void)tag_fields(s, &batch[k], url[k], 0, memo[k], key[k]);
		sc_stream_write(s, &batch[k]);
		if (doc_held(&batch[k]) > BATCH_SLOT_KEEP)
			sc_doc_free(&batch[k]);
		else
			sc_doc_clear(&batch[k]);
	}
	nbatch = 0;
	batch_bytes = 0;
}

static void
tag_end(struct sc_stream *s, void *ctx)
{
	size_t k;

	(void)ctx;
	flush_batch(s);
	for (k = 0; k < BATCH; k++)
		sc_doc_free(&batch[k]);
}

static int
tag_document(struct sc_stream *s, struct sc_doc *d, void *ctx)
{
	uint64_t mkey[2];
	const char *url;
	size_t at;
	int html_doc, memo;

	(void)ctx;
	/* An empty document goes to the library, which drops and counts it. */
	if (d->text.len == 0 && opt.format != FMT_JSONL && !s->keep_empty)
		return SC_KEEP;
	html_doc = (opt.page || opt.lang) && is_html(s, d);
	if (!html_doc && opt.lang && opt.format == FMT_JSONL && d->jsonl &&
	    d->part == 0 && d->parent == NULL && s->cur_out == SC_ENC_JSONL &&
	    s->on_error != SC_ONERR_PASS && !sc_out_streaming()) {
		struct sc_doc t = batch[nbatch];

		batch[nbatch++] = *d;
		*d = t;
		batch_bytes += batch[nbatch - 1].raw.len + batch[nbatch - 1].text.len +
		    batch[nbatch - 1].orig.len;
		if (nbatch == BATCH || batch_bytes >= BATCH_BYTES)
			flush_batch(s);
		return SC_DONE;
	}
	if (nbatch > 0)
		flush_batch(s);
	sc_buf_reset(&opt.url);
	at = record_url(d, &opt.url);
	url = at != SIZE_MAX ? opt.url.p : NULL;
	memo = !html_doc && memo_key(d, url, mkey);
	return tag_fields(s, d, url, html_doc, memo, mkey);
}

/* ------------------------------------------------------------------ */

#ifndef HAVE_PAGEMETA
/*
 * --now without the date module: the same strict form it accepts,
 * "today" or YYYY-MM-DD with an optional time, checked here so a bad value
 * is a usage error in every build.
 */
static int
check_now(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, dd, used = 0;

	if (strcmp(s, "today") == 0)
		return 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &dd, &used) != 3 || used != 10)
		return -1;
	if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1] ||
	    (m == 2 && dd == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
		return -1;
	s += 10;
	if (*s == '\0')
		return 0;
	if ((*s != 'T' && *s != ' ') || strlen(s) < 6 || s[3] != ':')
		return -1;
	return 0;
}
#endif

int
main(int argc, char *argv[])
{
	enum { OPT_NOW = SC_OPT_TOOL, OPT_LANG_PER_PARA };
	static const struct option longopts[] = {
		{ "fields", required_argument, NULL, 'f' },
		{ "format", required_argument, NULL, 'F' },
		{ "group", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ "lang-per-para", no_argument, NULL, OPT_LANG_PER_PARA },
		{ "now", required_argument, NULL, OPT_NOW },
		{ "version", no_argument, NULL, 'V' },
		SC_STREAM_LONGOPTS,
		SC_CONTENT_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct sc_stream s;
	const char *fields = NULL, *group = NULL;
	size_t i;
	int ch, status;

	sc_init(argv[0]);
	argv[0] = (char *)sc_progname;	/* getopt's messages name the program */
#ifdef __GLIBC__
	/*
	 * The page fields free their per-document arrays at the top of the
	 * heap; by default glibc hands those pages back to the kernel and
	 * faults them in again for the next document (thousands of brk calls
	 * and page faults per MB).  Keep up to 64 MB.
	 */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	/* The page fields' debug lines are written per document: no memo then. */
	memo_off = getenv("SC_PAGEMETA_DEBUG") != NULL && *getenv("SC_PAGEMETA_DEBUG") != '\0';
	sc_stream_init(&s);
	s.out_default = SC_ENC_JSONL;
	make_fields();
	while ((ch = getopt_long(argc, argv, "F:f:g:hV" SC_STREAM_SHORTOPTS,
	    longopts, NULL)) != -1) {
		if (sc_stream_option(&s, ch, optarg))
			continue;
		switch (ch) {
		case 'F':
			if (strcmp(optarg, "jsonl") == 0)
				opt.format = FMT_JSONL;
			else if (strcmp(optarg, "tsv") == 0)
				opt.format = FMT_TSV;
			else if (strcmp(optarg, "kv") == 0)
				opt.format = FMT_KV;
			else
				sc_die(SC_ERR, "--format: expected jsonl, tsv or kv, not '%s'",
				    optarg);
			break;
		case 'f':
			fields = optarg;
			break;
		case 'g':
			if (strcmp(optarg, "page") != 0 && strcmp(optarg, "text") != 0)
				sc_die(SC_ERR, "-g: expected page or text, not '%s'", optarg);
			group = optarg;
			break;
		case 'h':
			usage(stdout, SC_OK);
			break;
		case 'V':
			sc_version();
			break;
		case OPT_LANG_PER_PARA:
			opt.lang_per_para = 1;
			break;
		case OPT_NOW:
			opt.now_arg = optarg;
#ifdef HAVE_PAGEMETA
			if (sc_date_parse_now(optarg, &opt.now) < 0)
				sc_die(SC_ERR, "--now: not a date: '%s' (expected YYYY-MM-DD)",
				    optarg);
			opt.have_now = 1;
#else
			if (check_now(optarg) < 0)
				sc_die(SC_ERR, "--now: not a date: '%s' (expected YYYY-MM-DD)",
				    optarg);
#endif
			break;
		default:
			usage(stderr, SC_ERR);
		}
	}
	if (fields != NULL) {
		select_list(fields);
		/*
		 * -g with -f: compute only the named fields of that group; the
		 * others are shown as the record has them (scmeta -g text -F kv
		 * -f title,lang after scstrip shows the title read from the page,
		 * not one guessed again from the stripped text).
		 */
		if (group != NULL)
			for (i = 0; i < opt.nfields; i++)
				if ((strcmp(group, "page") == 0) != (opt.fields[i].src == F_PAGE))
					opt.want[i] = 0;
	} else {
		for (i = 0; i < opt.nfields; i++) {
			const struct field *f = &opt.fields[i];

			if (f->src == F_LANG_PARAS)
				continue;
#ifndef HAVE_PAGEMETA
			/* Without the page module, plain scmeta is scmeta -g text. */
			if (group == NULL && f->src == F_PAGE)
				continue;
#endif
			if (group == NULL || (strcmp(group, "page") == 0) == (f->src == F_PAGE))
				want_field(i);
		}
	}
	/* lang_paras is the last field; naming it in -f asks for it too. */
	if (opt.lang_per_para)
		want_field(opt.nfields - 1);
	opt.lang_per_para = opt.want[opt.nfields - 1];
	plan();
#ifndef HAVE_PAGEMETA
	if (opt.page)
		sc_die(SC_ERR, "page fields are not in this build (common/pagemeta.h missing)");
#endif
	/* the signals' tables (a million instructions to fill): only when asked */
	opt.work = opt.groups ? sc_signals_work_new() : NULL;
	s.on_doc = tag_document;
	s.on_end = tag_end;
	s.keep_raw = 1;		/* HTML pages: the undecoded bytes, for <meta charset> */
	status = sc_stream_run(&s, argc - optind, argv + optind);
	sc_signals_work_free(opt.work);
	sc_buf_free(&opt.key);
	sc_buf_free(&opt.val);
	sc_buf_free(&opt.line);
	sc_buf_free(&opt.url);
	sc_buf_free(&html.article);
	free(opt.want);
	free(opt.order);
	free(opt.fields);
	return status;
}
