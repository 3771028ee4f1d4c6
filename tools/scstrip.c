/*
 * scstrip: keep the main text of scraped pages, drop the boilerplate.
 * The classifier lives in common/strip.c; this file holds the options
 * and the loop.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "blocks.h"
#include "hash.h"
#include "html.h"
#include "json.h"
#include "rules.h"
#include "stopwords.h"
#include "stream.h"
#include "strip.h"
#include "utf8.h"
#include "util.h"

enum {
	OPT_CHECK_RULES = SC_OPT_TOOL, OPT_DF, OPT_DF_MIN, OPT_DF_CAP, OPT_EXPLAIN, OPT_FORMAT,
	OPT_KEEP_TITLE, OPT_LEARN, OPT_MIN_WORDS, OPT_MODE, OPT_NO_RULES, OPT_SPOOL_MAX,
	OPT_TWO_PASS
};

static struct {
	struct sc_strip_opts so;
	struct sc_strip *engine;
	struct sc_blocks blocks;
	struct sc_buf out, meta;
	int explain;
	int two_pass;
	const char *learn;	/* --learn FILE */
	const char *dfpath;	/* --df FILE */
	size_t df_cap;
	uint64_t spool_max;
	struct sc_df *df;	/* being learnt */
	struct sc_html_opts html;	/* HTML documents (--html, or detected) */
} opt;

static void
usage(FILE *fp, int status)
{
	fprintf(fp,
"usage: %s [-x] [-m article|corpus] [-t] [-l CODE] [-w N] [-r FILE]... [-R]\n"
"       [--two-pass | --df FILE] [--learn FILE] [--html | --plain] [--format FMT]\n"
"       [options] [file ...]\n"
"       %s --check-rules FILE\n",
	    sc_progname, sc_progname);
	if (fp == stderr) {
		fprintf(fp, "Try '%s --help' for more information.\n", sc_progname);
		exit(status);
	}
	fprintf(fp,
"Keep the main text of each document, drop the boilerplate.\n"
"  -x, --explain         print every line with its class and the reason instead\n"
"  -m, --mode MODE       article: the main article (default); corpus: all prose\n"
"  -t, --keep-title      keep the title line in front of the article\n"
"  -l, --lang CODE       language of the stopwords (default: guessed per document)\n"
"  -w, --min-words N     empty a result of fewer than N words (default: 0)\n"
"  -r, --rules FILE      add the rules of FILE (see scstrip(1), RULES)\n"
"  -R, --no-default-rules  do not load the built-in rules\n"
"      --check-rules FILE  compile FILE, report, process nothing\n"
"      --two-pass        count lines that recur across documents first (spools stdin)\n"
"      --learn FILE      only count recurring lines and save the table to FILE\n"
"      --df FILE         use a table saved by --learn\n"
"      --df-min N        a line in N or more documents is boilerplate (default: 3)\n"
"      --df-cap N        at most N entries in the table (default: 1000000)\n"
"      --spool-max SIZE  --two-pass: largest stdin to spool (default: 4G)\n"
"      --html, --plain   documents are HTML pages, or plain text (default: detected)\n"
"      --format FMT      HTML input: text (default) or markdown\n"
"  -h, --help            print this help; -V, --version: the version\n%s",
	    sc_stream_usage);
	exit(status);
}

/*
 * The language of a code as scsplit -l takes it: "en", "EN", "pt-BR" and
 * "en_US" name the stopwords of "en" and "pt" (the region is ignored).
 */
static const char *
lang_code(const char *arg)
{
	static char code[16];
	size_t i;

	for (i = 0; arg[i] != '\0' && arg[i] != '-' && arg[i] != '_' &&
	    i < sizeof code - 1; i++)
		code[i] = (char)(arg[i] >= 'A' && arg[i] <= 'Z' ? arg[i] - 'A' + 'a' : arg[i]);
	code[i] = '\0';
	return code;
}

static unsigned long
parse_count(const char *s, const char *what)
{
	char *e;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &e, 10);
	if (errno != 0 || e == s || *e != '\0' || *s == '-')
		sc_die(SC_ERR, "%s: expected a number, not '%s'", what, s);
	return v;
}

/* metadata.strip: what was kept and dropped, and why. */
static void
set_meta(struct sc_doc *d, const struct sc_strip_result *r)
{
	struct sc_jobj o, by;

	sc_buf_reset(&opt.meta);
	sc_jobj_begin(&o, &opt.meta);
	sc_jobj_key(&o, "kept");
	sc_json_uint(&opt.meta, r->kept);
	sc_jobj_key(&o, "dropped");
	sc_json_uint(&opt.meta, r->dropped);
	sc_jobj_key(&o, "chars_kept");
	sc_json_uint(&opt.meta, r->kept_chars);
	sc_jobj_key(&o, "chars_dropped");
	sc_json_uint(&opt.meta, r->dropped_chars);
	sc_jobj_key(&o, "dropped_by");
	sc_jobj_begin(&by, &opt.meta);
	sc_jobj_key(&by, "rule");
	sc_json_uint(&opt.meta, r->by_rule);
	sc_jobj_key(&by, "class");
	sc_json_uint(&opt.meta, r->by_class);
	sc_jobj_key(&by, "region");
	sc_json_uint(&opt.meta, r->by_region);
	sc_jobj_key(&by, "cut");
	sc_json_uint(&opt.meta, r->by_cut);
	sc_jobj_key(&by, "repeat");
	sc_json_uint(&opt.meta, r->by_repeat);
	sc_jobj_key(&by, "teaser");
	sc_json_uint(&opt.meta, r->by_teaser);
	sc_jobj_key(&by, "df");
	sc_json_uint(&opt.meta, r->by_df);
	sc_jobj_end(&by);
	if (r->lang != NULL) {
		sc_jobj_key(&o, "lang");
		sc_json_strz(&opt.meta, r->lang);
	}
	if (r->empty_reason != NULL) {
		sc_jobj_key(&o, "empty");
		sc_json_strz(&opt.meta, r->empty_reason);
	}
	sc_jobj_end(&o);
	sc_meta_set_raw(d, "strip", opt.meta.p, opt.meta.len);
}

/* Is the document an HTML page?  --html and --plain decide, else its start. */
static int
is_html(const struct sc_stream *s, const struct sc_doc *d)
{
	if (s->content != SC_CONTENT_AUTO)
		return s->content == SC_CONTENT_HTML;
	/* No '<' at all: no markup to find (a memchr, not a scan of 64 KiB). */
	if (d->text.len == 0 || memchr(d->text.p, '<', d->text.len) == NULL)
		return 0;
	return sc_html_detect(d->text.p, d->text.len);
}

/*
 * An HTML page: the HTML path (html.h) picks the article from the markup.
 * Plain-text input hands over its undecoded bytes so <meta charset> and
 * an HTTP header count; JSON Lines text is UTF-8 already.
 */
static int
strip_html(struct sc_stream *s, struct sc_doc *d)
{
	struct sc_html_page pg;
	struct sc_html_stats st;
	struct sc_jobj o;
	unsigned char *keep;
	const char *src = d->text.p ? d->text.p : "", *cs = "UTF-8";
	size_t n = d->text.len, i, kept_chars = 0, dropped_chars = 0;

	if (!d->jsonl && d->raw.len > 0) {
		src = d->raw.p;
		n = d->raw.len;
		cs = s->encoding;
	}
	sc_html_parse(src, n, cs, opt.html.format == SC_HTML_MARKDOWN ?
	    SC_HTML_PARSE_MD : 0, &pg);
	if (pg.truncated)
		sc_doc_warn(d, "HTML parser gave up on junk; the rest of the page is lost");
	keep = xmalloc(pg.nblocks + 1);
	memset(&st, 0, sizeof st);
	sc_html_select(&pg, &opt.html, keep, &st);
	sc_buf_reset(&opt.out);
	for (i = 0; i < pg.nblocks; i++) {
		const struct sc_html_block *b = &pg.blocks[i];

		if (keep[i])
			kept_chars += b->chars;
		else
			dropped_chars += b->chars;
		if (opt.explain) {
			sc_buf_printf(&opt.out, "%zu\t%s\t%s\t", i + 1, keep[i] ? "keep" : "drop",
			    b->heading ? "heading" : b->kind == SC_HK_LI ? "item" :
			    b->kind == SC_HK_CELL ? "cell" : "para");
			sc_html_tag_path(&pg, b->node, &opt.out);
			sc_buf_addc(&opt.out, '\t');
			sc_buf_add(&opt.out, pg.text.p + b->off, b->len < 80 ? b->len :
			    sc_utf8_prev(pg.text.p + b->off, 80));
			sc_buf_addc(&opt.out, '\n');
		}
	}
	if (!opt.explain) {
		sc_html_render(&pg, keep, opt.html.format, &opt.out);
		while (opt.out.len > 0 && opt.out.p[opt.out.len - 1] == '\n')
			opt.out.len--;
	}
	sc_doc_set_text(d, opt.out.p ? opt.out.p : "", opt.out.len);

	sc_buf_reset(&opt.meta);
	sc_jobj_begin(&o, &opt.meta);
	sc_jobj_key(&o, "input");
	sc_json_strz(&opt.meta, "html");
	sc_jobj_key(&o, "kept");
	sc_json_uint(&opt.meta, st.kept);
	sc_jobj_key(&o, "dropped");
	sc_json_uint(&opt.meta, pg.nblocks - st.kept);
	sc_jobj_key(&o, "chars_kept");
	sc_json_uint(&opt.meta, kept_chars);
	sc_jobj_key(&o, "chars_dropped");
	sc_json_uint(&opt.meta, dropped_chars);
	sc_jobj_key(&o, "charset");
	sc_json_strz(&opt.meta, pg.charset);
	sc_jobj_end(&o);
	sc_meta_set_raw(d, "strip", opt.meta.p, opt.meta.len);
	sc_stream_count(s, "html.pages", 1);
	sc_stream_count(s, "html.blocks.kept", st.kept);
	sc_stream_count(s, "html.blocks.dropped", pg.nblocks - st.kept);
	if (st.kept == 0 && !opt.explain)
		sc_stream_count(s, "empty.no-article", 1);
	free(keep);
	sc_html_page_free(&pg);
	return SC_KEEP;
}

/*
 * The document memo.  A document's output depends on nothing but its
 * text (and the options and the df table, fixed for the run), and
 * corpora repeat whole pages: mirrors, reposts, a page crawled twice (a
 * tenth of the generated benchmark corpus).  The blocks kept (a bit
 * each, sc_strip_kept) and the result of a text seen before are kept,
 * keyed by a 128-bit hash of the text (odds of two texts sharing one
 * about 2^-128, as for the language guess), in DOC_SLOTS direct-mapped
 * slots holding at most DOC_BYTES of bits in all; texts over DOC_MAXLEN
 * are not kept.  The output itself is kept too while DOC_OUT_BYTES
 * allow; else a copy is cut into blocks again and its output written
 * from them (sc_strip_output), a seventh of what stripping it costs.
 * Keeping the bits (and output only while there is room) lets the memo
 * hold 32768 pages in 5 MB and the output of some: with 4096 slots of
 * output only, about half the repeated pages of the 200 MB corpus (4640,
 * half of them more than 2290 pages after the first) had been pushed
 * out when they came again.  --explain's output is no text of blocks: it
 * is not kept.  A pure cache: the output is the same without it.
 */
#define DOC_SLOTS 32768
#define DOC_BYTES ((size_t)16 << 20)
#define DOC_OUT_BYTES ((size_t)8 << 20)
#define DOC_MAXLEN ((size_t)1 << 20)

struct doc_ent {
	uint64_t h[2];
	size_t len;		/* of the text */
	uint8_t *keep;		/* NULL: empty slot */
	size_t nkeep;		/* bytes of keep */
	char *out;		/* the output, or NULL: written from keep */
	size_t outlen;
	struct sc_strip_result r;
};

/* Bytes of a memo entry's keep for n blocks (one more: never 0). */
static size_t
keep_bytes(size_t n)
{
	return (n + 7) / 8 + 1;
}

static struct doc_ent *docmemo;
static size_t docbytes, docoutbytes;

static void
doc_free(void)
{
	size_t i;

	if (docmemo == NULL)
		return;
	for (i = 0; i < DOC_SLOTS; i++) {
		free(docmemo[i].keep);
		free(docmemo[i].out);
	}
	free(docmemo);
	docmemo = NULL;
}

static int
strip_doc(struct sc_stream *s, struct sc_doc *d, void *ctx)
{
	struct sc_strip_result r;
	struct doc_ent *e = NULL;
	uint64_t h[2];

	(void)ctx;
	if (is_html(s, d))
		return strip_html(s, d);
	sc_buf_reset(&opt.out);
	if (d->text.len > 0 && d->text.len <= DOC_MAXLEN && !opt.explain) {
		if (docmemo == NULL)
			docmemo = xcalloc(DOC_SLOTS, sizeof *docmemo);
		sc_hash128(d->text.p, d->text.len, h);
		e = &docmemo[h[0] & (DOC_SLOTS - 1)];
		if (e->keep != NULL && e->len == d->text.len && e->h[0] == h[0] &&
		    e->h[1] == h[1]) {
			if (e->out != NULL) {
				sc_buf_add(&opt.out, e->out, e->outlen);
				r = e->r;
				goto done;
			}
			/*
			 * The bits are read only for as many blocks as they
			 * were written for: a text of another block count
			 * under the same hash (a collision, which XXH3 does
			 * not rule out for input made to cause one) is
			 * stripped afresh.
			 */
			sc_blocks_from_text(d->text.p, d->text.len, &opt.blocks);
			if (keep_bytes(opt.blocks.n) == e->nkeep) {
				sc_strip_output(&opt.blocks, e->keep, &opt.out);
				r = e->r;
				goto done;
			}
			goto strip;
		}
	}
	sc_blocks_from_text(d->text.p ? d->text.p : "", d->text.len, &opt.blocks);
strip:
	if (opt.so.keep_title)
		sc_strip_title_hint(&opt.blocks, d->text.p ? d->text.p : "", d->text.len);
	sc_strip_run(opt.engine, &opt.blocks, &opt.out, &r);
	if (opt.explain) {
		sc_buf_reset(&opt.out);
		sc_strip_explain(opt.engine, &opt.blocks, &opt.out);
	}
	if (e != NULL) {
		size_t nb = keep_bytes(opt.blocks.n);

		if (e->keep != NULL) {
			docbytes -= e->nkeep;
			free(e->keep);
			e->keep = NULL;
		}
		if (e->out != NULL) {
			docoutbytes -= e->outlen;
			free(e->out);
			e->out = NULL;
		}
		if (docbytes + nb <= DOC_BYTES) {
			e->keep = xmalloc(nb);
			sc_strip_kept(opt.engine, opt.blocks.n, e->keep);
			e->nkeep = nb;
			if (docoutbytes + opt.out.len <= DOC_OUT_BYTES) {
				e->out = xmalloc(opt.out.len + 1);
				memcpy(e->out, opt.out.p ? opt.out.p : "", opt.out.len);
				e->outlen = opt.out.len;
				docoutbytes += opt.out.len;
			}
			e->len = d->text.len;
			e->h[0] = h[0];
			e->h[1] = h[1];
			e->r = r;
			docbytes += nb;
		}
	}
done:
	sc_doc_set_text(d, opt.out.p ? opt.out.p : "", opt.out.len);
	set_meta(d, &r);
	sc_stream_count(s, "lines.kept", r.kept);
	sc_stream_count(s, "lines.dropped", r.dropped);
	if (r.kept == 0 && !opt.explain) {
		/* The stream drops and counts the empty document; say why. */
		const char *why = r.empty_reason ? r.empty_reason : "";

		sc_stream_count(s, strcmp(why, "empty input") == 0 ? "empty.no-input" :
		    strstr(why, "min-words") != NULL ? "empty.min-words" : "empty.no-article", 1);
	}
	return SC_KEEP;
}

/* Pass one of --two-pass and --learn: count, write nothing. */
static int
learn_doc(struct sc_stream *s, struct sc_doc *d, void *ctx)
{
	(void)s;
	(void)ctx;
	sc_blocks_from_text(d->text.p ? d->text.p : "", d->text.len, &opt.blocks);
	sc_df_add_doc(opt.df, &opt.blocks);
	return SC_DONE;
}

/*
 * --two-pass reads its input twice.  Named operands must be regular files;
 * standard input is copied to an unlinked temporary file (at most
 * --spool-max bytes) that then stands in for it, so ids and diagnostics
 * still say "stdin".
 */
static void
spool_stdin(void)
{
	char buf[1 << 16];
	uint64_t total = 0;
	ssize_t k;
	int fd = sc_scratch_fd(NULL, "scstrip");

	while ((k = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
		if (k < 0) {
			if (errno == EINTR)
				continue;
			sc_die(SC_ERR, "<stdin>: read error: %s", strerror(errno));
		}
		total += (uint64_t)k;
		if (total > opt.spool_max)
			sc_die(SC_ERR, "--two-pass: standard input is larger than --spool-max");
		if (write(fd, buf, (size_t)k) != k)
			sc_die(SC_ERR, "--two-pass: cannot spool standard input: %s",
			    strerror(errno));
	}
	if (lseek(fd, 0, SEEK_SET) < 0 || dup2(fd, STDIN_FILENO) < 0)
		sc_die(SC_ERR, "--two-pass: %s", strerror(errno));
	close(fd);
}

static void
rewind_stdin(void)
{
	if (lseek(STDIN_FILENO, 0, SEEK_SET) < 0)
		sc_die(SC_ERR, "<stdin>: cannot read it twice: %s", strerror(errno));
}

static int
uses_stdin(int n, char **files)
{
	int i;

	if (n == 0)
		return 1;
	for (i = 0; i < n; i++)
		if (strcmp(files[i], "-") == 0)
			return 1;
	return 0;
}

static void
check_rereadable(int n, char **files)
{
	struct stat st;
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(files[i], "-") == 0)
			continue;
		if (stat(files[i], &st) == 0 && !S_ISREG(st.st_mode))
			sc_die(SC_ERR, "%s: --two-pass needs regular files or standard input",
			    files[i]);
	}
}

/*
 * Count recurring lines over the whole input (quietly, writing nothing).
 * Pass one of --two-pass skips bad records without a word: pass two
 * reports them and does what --on-error says, so the records before a bad
 * one are still written under fail, and a bad line is copied once under
 * pass.  --learn alone is the only pass: it reports and stops.
 */
static void
learn_pass(const struct sc_stream *s, int n, char **files, int first_of_two)
{
	struct sc_stream p;
	int st;

	p = *s;
	p.stats = 0;
	p.progress = 0;
	p.on_doc = learn_doc;
	p.on_end = NULL;
	p.on_stats = NULL;
	p.counters = NULL;
	p.ncounters = 0;
	if (first_of_two) {
		p.on_error = SC_ONERR_SKIP;
		p.quiet_diag = 1;
	}
	st = sc_stream_run(&p, n, files);
	if (st == SC_ERR && !first_of_two)
		exit(SC_ERR);
}

static int
check_rules(const char *path)
{
	struct sc_rules *r = sc_rules_new();
	int bad = sc_rules_load_file(r, path);

	if (bad == 0 && sc_rules_compile(r) < 0)
		bad = 1;
	if (bad == 0)
		printf("%s: %zu rules, ok\n", path, sc_rules_count(r));
	sc_rules_free(r);
	return bad == 0 ? SC_OK : SC_ERR;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "check-rules", required_argument, NULL, OPT_CHECK_RULES },
		{ "df", required_argument, NULL, OPT_DF },
		{ "df-cap", required_argument, NULL, OPT_DF_CAP },
		{ "df-min", required_argument, NULL, OPT_DF_MIN },
		{ "explain", no_argument, NULL, 'x' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, 'h' },
		{ "keep-title", no_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'l' },
		{ "learn", required_argument, NULL, OPT_LEARN },
		{ "min-words", required_argument, NULL, 'w' },
		{ "mode", required_argument, NULL, 'm' },
		{ "no-default-rules", no_argument, NULL, 'R' },
		{ "rules", required_argument, NULL, 'r' },
		{ "spool-max", required_argument, NULL, OPT_SPOOL_MAX },
		{ "two-pass", no_argument, NULL, OPT_TWO_PASS },
		{ "version", no_argument, NULL, 'V' },
		SC_STREAM_LONGOPTS,
		SC_CONTENT_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct sc_stream s;
	struct sc_rules *rules;
	const char **user_rules = NULL;
	size_t nuser = 0, i;
	int ch, builtin = 1, bad = 0, status;
	char **files;
	int nfiles;

	sc_init(argv[0]);
	argv[0] = (char *)sc_progname;	/* getopt's messages name the program */
	sc_stream_init(&s);
	s.normalize = 1;
	sc_strip_opts_init(&opt.so);
	opt.df_cap = 1000000;
	opt.spool_max = (uint64_t)4 << 30;
	while ((ch = getopt_long(argc, argv, "hl:m:r:RtVw:x" SC_STREAM_SHORTOPTS,
	    longopts, NULL)) != -1) {
		if (sc_stream_option(&s, ch, optarg))
			continue;
		switch (ch) {
		case 'h':
			usage(stdout, SC_OK);
			break;
		case 'l':
			opt.so.lang = lang_code(optarg);
			if (sc_stoplist_get(opt.so.lang) == NULL)
				sc_die(SC_ERR, "--lang: no stopword list for '%s'", optarg);
			break;
		case 'm':
			if (strcmp(optarg, "article") == 0)
				opt.so.mode = SC_STRIP_ARTICLE;
			else if (strcmp(optarg, "corpus") == 0)
				opt.so.mode = SC_STRIP_CORPUS;
			else
				sc_die(SC_ERR, "--mode: expected article or corpus, not '%s'", optarg);
			break;
		case 'r':
			user_rules = xreallocarray(user_rules, nuser + 1, sizeof *user_rules);
			user_rules[nuser++] = optarg;
			break;
		case 'R':
			builtin = 0;
			break;
		case 't':
			opt.so.keep_title = 1;
			break;
		case 'V':
			sc_version();
			break;
		case 'w':
			opt.so.min_words = (unsigned)parse_count(optarg, "--min-words");
			break;
		case 'x':
			opt.explain = 1;
			break;
		case OPT_CHECK_RULES:
			return check_rules(optarg);
		case OPT_DF:
			opt.dfpath = optarg;
			break;
		case OPT_DF_CAP:
			opt.df_cap = parse_count(optarg, "--df-cap");
			break;
		case OPT_DF_MIN:
			opt.so.df_min = (unsigned)parse_count(optarg, "--df-min");
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				opt.html.format = SC_HTML_TEXT;
			else if (strcmp(optarg, "markdown") == 0)
				opt.html.format = SC_HTML_MARKDOWN;
			else
				sc_die(SC_ERR, "--format: expected text or markdown, not '%s'", optarg);
			break;
		case OPT_LEARN:
			opt.learn = optarg;
			break;
		case OPT_SPOOL_MAX:
			if (sc_parse_size(optarg, &opt.spool_max) < 0)
				sc_die(SC_ERR, "--spool-max: bad size '%s'", optarg);
			break;
		case OPT_TWO_PASS:
			opt.two_pass = 1;
			break;
		default:
			usage(stderr, SC_ERR);
		}
	}
	if (opt.two_pass && opt.dfpath != NULL)
		sc_die(SC_ERR, "--two-pass and --df cannot be used together");
	files = argv + optind;
	nfiles = argc - optind;

	rules = sc_rules_new();
	if (builtin && sc_rules_load_builtin(rules) != 0)
		bad = 1;
	for (i = 0; i < nuser; i++)
		if (sc_rules_load_file(rules, user_rules[i]) != 0)
			bad = 1;
	if (bad)
		sc_die(SC_ERR, "cannot use the rules (errors above)");
	free(user_rules);
	opt.so.rules = rules;
	opt.html.rules = rules;
	opt.html.keep_title = opt.so.keep_title;
	s.keep_raw = 1;		/* HTML pages: the undecoded bytes, for <meta charset> */

	if (opt.learn != NULL)
		sc_check_output(opt.learn);
	if (opt.two_pass || opt.learn != NULL) {
		check_rereadable(nfiles, files);
		if (opt.two_pass && uses_stdin(nfiles, files))
			spool_stdin();
		opt.df = sc_df_new(opt.df_cap);
		sc_blocks_init(&opt.blocks);
		learn_pass(&s, nfiles, files, opt.two_pass);
		sc_blocks_free(&opt.blocks);
		if (opt.learn != NULL && sc_df_save(opt.df, opt.learn) < 0)
			return SC_ERR;
		if (!opt.two_pass) {
			sc_df_free(opt.df);
			sc_rules_free(rules);
			return SC_OK;
		}
		if (uses_stdin(nfiles, files))
			rewind_stdin();
		opt.so.df = opt.df;
	} else if (opt.dfpath != NULL) {
		opt.so.df = sc_df_load(opt.dfpath, opt.df_cap);
		if (opt.so.df == NULL)
			return SC_ERR;
	}
	opt.so.explain = opt.explain;
	opt.engine = sc_strip_new(&opt.so);
	sc_blocks_init(&opt.blocks);
	s.on_doc = strip_doc;
	status = sc_stream_run(&s, nfiles, files);
	sc_strip_free(opt.engine);
	doc_free();
	sc_blocks_free(&opt.blocks);
	sc_buf_free(&opt.out);
	sc_buf_free(&opt.meta);
	sc_df_free(opt.df);
	if (opt.so.df != opt.df)
		sc_df_free((struct sc_df *)opt.so.df);
	sc_rules_free(rules);
	return status;
}
