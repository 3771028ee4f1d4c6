/*
 * stream.h: documents in, documents out; the contract all four tools share
 * (DESIGN.md, "Streams").
 *
 * A tool fills a struct sc_stream with its callback and options, then calls
 * sc_stream_run() with its file operands.  The library opens each operand
 * (gzip and zstd recognised by their magic bytes), detects the encoding
 * (JSON Lines, plain text, NUL-separated text), decodes and normalises
 * each document, calls the tool, writes what the tool kept and counts
 * what it dropped.  Bad records are handled as --on-error says.
 *
 * Typical use:
 *
 *	static int strip_doc(struct sc_stream *s, struct sc_doc *d, void *ctx);
 *	...
 *	struct sc_stream s;
 *	sc_stream_init(&s);
 *	s.normalize = 1;			   tools that rewrite text
 *	... getopt loop: if (sc_stream_option(&s, ch, optarg)) continue;
 *	s.on_doc = strip_doc; s.ctx = &opt;
 *	return sc_stream_run(&s, argc - optind, argv + optind);
 */
#ifndef SC_STREAM_H
#define SC_STREAM_H

#include <getopt.h>
#include <stdint.h>

#include "json.h"
#include "util.h"

enum sc_enc { SC_ENC_AUTO = 0, SC_ENC_JSONL, SC_ENC_TEXT };
enum sc_onerr { SC_ONERR_FAIL = 0, SC_ONERR_SKIP, SC_ONERR_PASS };
enum sc_content { SC_CONTENT_AUTO = 0, SC_CONTENT_HTML, SC_CONTENT_PLAIN };

/* What a tool's callback returns for a document. */
enum sc_verdict {
	SC_KEEP = 0,		/* write it (the library writes it) */
	SC_DROP = 1,		/* drop it; the tool counted why (sc_stream_count) */
	SC_DONE = 2		/* the tool wrote what it wanted itself (sc_stream_write) */
};

/*
 * Metadata additions: key and raw JSON value, in the order they were set.
 * The values of a document's items lie in one buffer, vals (a value set
 * again is added at its end), rather than a buffer an item: forty-odd
 * small allocations a record, each on a line of its own, came to one.
 * sc_meta_val() gives an item's value; its length 0 marks a deletion.
 */
struct sc_meta_item {
	char *key;		/* a numbered key's is shared (stream.c), never freed */
	struct {
		size_t off, len;	/* the value is vals[off, off + len) */
	} val;
	uint32_t id;		/* the key's number (stream.c's key_id), 0 for none */
};

struct sc_meta {
	struct sc_meta_item *v;
	size_t n, cap;
	struct sc_buf vals;	/* the items' values, one after another */
	uint64_t has[8];	/* bit id % 512: key number id is among v[0, n) */
};

static inline const char *
sc_meta_val(const struct sc_meta *m, const struct sc_meta_item *it)
{
	return it->val.len > 0 ? m->vals.p + it->val.off : "";
}

struct sc_doc {
	/* Where it came from. */
	const char *file;	/* operand as named in diagnostics ("<stdin>") */
	const char *idname;	/* operand as named in ids ("stdin") */
	uintmax_t line;		/* line number of the record's start in its file */
	uintmax_t seq;		/* 1-based ordinal of the document in its file */
	uintmax_t gseq;		/* 1-based ordinal of the document in the stream */
	int filenum;		/* 0-based index of the operand */

	struct sc_buf id;	/* kept from the input, or assigned NAME:N */
	int id_assigned;

	/*
	 * The text: decoded UTF-8, normalised when the stream asks for it.
	 * A tool that rewrites it sets text_changed so the writer emits it.
	 */
	struct sc_buf text;
	int text_changed;

	/* The text as read, before normalisation, when normalisation changed it. */
	struct sc_buf orig;
	int normalized;		/* text differs from orig */

	/* The record as read. */
	int jsonl;		/* came from a JSON Lines record */
	struct sc_buf raw;	/* JSONL: the line as read (repaired if it had to be);
				   plain text with keep_raw: the undecoded bytes */
	struct sc_jfields fields; /* JSONL: top-level members of raw */
	long text_idx, id_idx, meta_idx; /* member indices, -1 when absent */
	int repaired;		/* raw had invalid UTF-8 replaced */
	const char *charset;	/* plain text: the charset it was decoded from */

	/* What the tool adds. */
	struct sc_meta meta;	/* merged into the "metadata" object */
	struct sc_meta top;	/* new or replaced top-level members ("source") */

	/*
	 * Plain text read in parts (sc_stream.text_chunks): part is the 1-based
	 * part of the operand's text (0: read whole), more says further parts
	 * follow, part_line is the line of the text where this part starts.
	 * Every part has the document's id, seq, line and charset.
	 */
	uintmax_t part, part_line;
	int more;

	/* For documents a tool makes from another (scsplit): passthrough members. */
	const struct sc_doc *parent;
};

struct sc_counter {
	char *name;
	uint64_t n;
};

struct sc_stream {
	/* Options (set by sc_stream_option or directly by the tool). */
	enum sc_enc in;		/* --jsonl / --text; AUTO detects per operand */
	enum sc_enc out;	/* -J / -T; AUTO: as the input */
	enum sc_enc out_default;/* what AUTO means for plain-text input (scsplit, scmeta: JSONL) */
	int zero;		/* -z/-0: NUL-separated plain-text documents */
	const char *text_field;
	const char *id_field;
	uint64_t max_record;
	enum sc_onerr on_error;
	const char *encoding;	/* NULL: auto */
	int normalize;		/* tool default; --no-normalize clears it */
	int fix_mojibake;
	int keep_empty;
	int stats;		/* 0 none, 1 text, 2 JSON */
	int progress;		/* -1 when stderr is a terminal, 0 --quiet, 1 --progress */
	int quiet_diag;		/* report no bad record, repair or unreadable file: a tool's
				   first pass, whose second pass reports them (scstrip --two-pass) */
	const char *source;	/* --source NAME */
	enum sc_content content;/* --html / --plain */
	int keep_raw;		/* plain text: keep the undecoded bytes in doc->raw (scsplit: WARC) */
	/*
	 * Plain text read whole (not JSON Lines, not -z): hand it to the tool
	 * in parts of about this many bytes, each cut after a '\n' of the raw
	 * bytes (0: whole, the default).  Only where the parts decode exactly as
	 * the whole would: a UTF-8 BOM, --encoding, or a named file whose
	 * charset is found by reading it once first; in a charset where '\n'
	 * stands alone (UTF-8, ASCII, ISO-8859, Windows, EUC, Shift_JIS, GBK,
	 * Big5 ...); not with normalisation or --fix-mojibake.  Else the text
	 * comes whole, as ever.  The tool must write what it wants itself
	 * (return SC_DONE or SC_DROP).  Counts (documents in, repaired) and the
	 * invalid-byte warning are per document; the warning comes before the
	 * last part.  --max-record bounds a run of bytes without a line end.
	 * SCTOOLS_TEXT_CHUNK=SIZE in the environment overrides the size (tests).
	 */
	size_t text_chunks;
	/*
	 * The tool hands the parts back for the stream to write (scdedup -u
	 * line): then they are read in parts only when the output is plain
	 * text, where they join up again; JSON Lines would make each a record.
	 */
	int parts_as_text;

	/* The tool. */
	int (*on_doc)(struct sc_stream *, struct sc_doc *, void *);
	void (*on_end)(struct sc_stream *, void *);	/* after the last document */
	void (*on_stats)(struct sc_stream *, struct sc_buf *, int json, void *); /* extra --stats fields */
	void *ctx;

	/* State (read-only for tools). */
	enum sc_enc cur_in;	/* encoding of the operand being read */
	enum sc_enc cur_out;	/* encoding being written */
	uintmax_t docs_in, docs_out, bad, skipped, passed, empty, repaired;
	uint64_t bytes_in, bytes_out;
	struct sc_counter *counters;	/* freed when sc_stream_run returns */
	size_t ncounters;
	int status;
	int written_any;
	int part_written;	/* a part of the current document was written */
	double t_start;
	uint64_t total_size;	/* sum of regular-file operand sizes, for ETA */
};

void sc_stream_init(struct sc_stream *s);

/*
 * The stream options every tool accepts.  A tool lists SC_STREAM_LONGOPTS
 * in its struct option array, SC_STREAM_SHORTOPTS in its optstring, and
 * passes each option to sc_stream_option() first: it returns 1 when the
 * option was a stream option (usage errors exit 2 with a message).
 */
enum {
	SC_OPT_JSONL = 0x1000, SC_OPT_TEXT, SC_OPT_TEXT_FIELD, SC_OPT_ID_FIELD,
	SC_OPT_MAX_RECORD, SC_OPT_ON_ERROR, SC_OPT_ENCODING, SC_OPT_NO_NORMALIZE,
	SC_OPT_FIX_MOJIBAKE, SC_OPT_KEEP_EMPTY, SC_OPT_STATS, SC_OPT_PROGRESS,
	SC_OPT_QUIET, SC_OPT_SOURCE, SC_OPT_HTML, SC_OPT_PLAIN,
	SC_OPT_TOOL = 0x1100	/* tools number their own long-only options from here */
};
#define SC_STREAM_SHORTOPTS "0zJT"
#define SC_STREAM_LONGOPTS \
	{ "to-jsonl", no_argument, NULL, 'J' }, \
	{ "to-text", no_argument, NULL, 'T' }, \
	{ "zero", no_argument, NULL, 'z' }, \
	{ "null", no_argument, NULL, 'z' }, \
	{ "jsonl", no_argument, NULL, SC_OPT_JSONL }, \
	{ "text", no_argument, NULL, SC_OPT_TEXT }, \
	{ "text-field", required_argument, NULL, SC_OPT_TEXT_FIELD }, \
	{ "id-field", required_argument, NULL, SC_OPT_ID_FIELD }, \
	{ "max-record", required_argument, NULL, SC_OPT_MAX_RECORD }, \
	{ "on-error", required_argument, NULL, SC_OPT_ON_ERROR }, \
	{ "encoding", required_argument, NULL, SC_OPT_ENCODING }, \
	{ "no-normalize", no_argument, NULL, SC_OPT_NO_NORMALIZE }, \
	{ "fix-mojibake", no_argument, NULL, SC_OPT_FIX_MOJIBAKE }, \
	{ "keep-empty", no_argument, NULL, SC_OPT_KEEP_EMPTY }, \
	{ "stats", optional_argument, NULL, SC_OPT_STATS }, \
	{ "progress", no_argument, NULL, SC_OPT_PROGRESS }, \
	{ "quiet", no_argument, NULL, SC_OPT_QUIET }, \
	{ "source", required_argument, NULL, SC_OPT_SOURCE }

/* --html and --plain, for the tools that read HTML. */
#define SC_CONTENT_LONGOPTS \
	{ "html", no_argument, NULL, SC_OPT_HTML }, \
	{ "plain", no_argument, NULL, SC_OPT_PLAIN }

/* The usage text of the stream options, for each tool's --help. */
extern const char sc_stream_usage[];

int sc_stream_option(struct sc_stream *s, int ch, const char *arg);

/*
 * sc_stream_run: read the operands in order ("-" or none: stdin), hand
 * each document to s->on_doc, write the kept ones.  Returns the exit
 * status: SC_OK, SC_SKIPPED when records were skipped, SC_ERR on an
 * unreadable operand or a bad record under --on-error=fail.
 */
int sc_stream_run(struct sc_stream *s, int nfiles, char **files);

/*
 * sc_stream_write: write a document now, in the stream's output encoding.
 * Used by tools that make several documents from one (scsplit) or that
 * decide late (scdedup --keep longest).  Empty documents are dropped and
 * counted here unless --keep-empty.
 */
void sc_stream_write(struct sc_stream *s, struct sc_doc *d);

/*
 * Units: the many records a tool makes from one document (scsplit --by),
 * written without building a document for each.  What the records share
 * (the members passed through from the parent record, the metadata copied
 * to each, --source) is serialised once per document by sc_units_begin
 * from a prototype: a document made as each unit will be (parent, meta
 * and top set; text_changed) with metadata.key set to any non-empty value.
 * The text, the value of metadata.key and the end of the id are left as
 * holes that sc_units_write fills for each unit (the unit's id is the
 * prototype's followed by idsuffix; val is raw JSON), so a unit comes out
 * byte for byte as sc_stream_write would write it, at a fraction of the
 * cost.  Begin again for each document (and after changing the output
 * sink's encoding); free once at the end.
 */
struct sc_units {
	struct sc_buf shared;	/* the record with the holes cut out */
	struct { size_t at; int what; } hole[4];
	int nholes;
	const char *key;
};

void sc_units_begin(struct sc_stream *s, struct sc_units *u, struct sc_doc *proto,
    const char *key);
void sc_units_write(struct sc_stream *s, struct sc_units *u, const char *idsuffix,
    size_t sufflen, const char *text, size_t len, const char *val, size_t vlen);
void sc_units_free(struct sc_units *u);

/* Add n to the named counter reported by --stats ("dropped.short"). */
void sc_stream_count(struct sc_stream *s, const char *name, uint64_t n);

/*
 * A warning about one document: "PROG: FILE:LINE: message".  It does not
 * change the exit status.
 */
void sc_doc_warn(const struct sc_doc *d, const char *fmt, ...) SC_PRINTF(2, 3);

/* Documents made by a tool (scsplit): init, then fill id, text, meta. */
void sc_doc_init(struct sc_doc *d);
void sc_doc_clear(struct sc_doc *d);	/* reset for reuse, keeps buffers */
void sc_doc_free(struct sc_doc *d);

/* Replace the text (sets text_changed). */
void sc_doc_set_text(struct sc_doc *d, const char *p, size_t n);

/*
 * Metadata.  Values are raw JSON (build them with json.h).  Setting a key
 * twice keeps the last value.  On output the pairs are merged into the
 * record's "metadata" object: existing keys are replaced in place, new
 * keys appended, others kept byte for byte.
 */
void sc_meta_set_raw(struct sc_doc *d, const char *key, const char *json, size_t n);
/* The key whose number (sc_meta_item.id) is id; NULL for 0 or a number not given. */
const char *sc_meta_key_name(uint32_t id);
void sc_meta_set_str(struct sc_doc *d, const char *key, const char *s, size_t n);
void sc_meta_set_int(struct sc_doc *d, const char *key, int64_t v);
void sc_meta_set_num(struct sc_doc *d, const char *key, double v, int digits);
void sc_meta_del(struct sc_doc *d, const char *key);
/*
 * Keys by number: a tool that sets the same keys for every document gets
 * each one's number once, sc_meta_key(name), and sets it by the number,
 * with no look-up of the name a document.  sc_meta_key returns 0 when the
 * stream's 512 numbers are all given: then set that key by its name.  The
 * _id setters take a number sc_meta_key gave, never 0.
 */
uint32_t sc_meta_key(const char *key);
void sc_meta_set_raw_id(struct sc_doc *d, uint32_t id, const char *json, size_t n);
void sc_meta_set_str_id(struct sc_doc *d, uint32_t id, const char *s, size_t n);
void sc_meta_set_int_id(struct sc_doc *d, uint32_t id, int64_t v);
void sc_meta_set_num_id(struct sc_doc *d, uint32_t id, double v, int digits);
/* Documents will mostly get about nkeys keys: their arrays start with room for them. */
void sc_meta_expect(size_t nkeys);
/*
 * The current raw JSON value of metadata.key: what the tool set, else what
 * the input record had.  Returns 1 and fills *val, or 0.
 */
int sc_meta_get(const struct sc_doc *d, const char *key, struct sc_text *val);

/* Set (or replace) a top-level member, raw JSON value. */
void sc_top_set_raw(struct sc_doc *d, const char *key, const char *json, size_t n);

#endif
