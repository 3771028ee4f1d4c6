/*
 * split.h: cutting text into units and dumps into documents.
 *
 * Units: a paragraph is a block of lines between blank (whitespace-only)
 * lines; a line is a line with something on it.  Spans are byte offsets
 * [start, end) that exclude the separators, so the text between two spans
 * is whitespace only.
 *
 * Dumps: the boundaries real dumps carry.  WARC/WET records (WARC/1.0 or
 * 1.1; their headers become metadata), <doc ...> ... </doc> wrappers of the
 * vertical format (attributes become metadata), "==> name <==" headers of
 * head(1)/tail(1) on many files, and lines holding only a form feed (the
 * separator sctools writes between plain-text documents).
 */
#ifndef SC_SPLIT_H
#define SC_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct sc_span {
	size_t start, end;
};

struct sc_spans {
	struct sc_span *v;
	size_t n, cap;
};

void sc_spans_add(struct sc_spans *s, size_t start, size_t end);

/* Append the paragraph / line spans of t[0..n) to out. */
void sc_split_paragraphs(const char *t, size_t n, struct sc_spans *out);
void sc_split_lines(const char *t, size_t n, struct sc_spans *out);

enum sc_dump_kind {
	SC_DUMP_NONE = 0, SC_DUMP_WARC, SC_DUMP_VERTICAL, SC_DUMP_HEADERS,
	SC_DUMP_FORMFEED
};

struct sc_kv {
	char *key;
	struct sc_buf val;
};

/* One document cut from a dump. */
struct sc_piece {
	const char *p;		/* its bytes */
	size_t len;
	int undecoded;		/* WARC payload: raw bytes, decode with `charset` */
	const char *charset;	/* from the HTTP Content-Type header, or NULL */
	uintmax_t line;		/* line of the dump where it starts (1-based) */
	struct sc_buf id;	/* an id the dump gives (<doc id="...">), or empty */
	struct sc_kv *kv;	/* metadata from the dump: key, value (UTF-8 strings) */
	size_t nkv, capkv;
};

typedef void (*sc_piece_fn)(struct sc_piece *piece, void *ctx);

/* Which boundaries a decoded dump carries (WARC is checked on raw bytes). */
enum sc_dump_kind sc_dump_detect(const char *t, size_t n);
int sc_dump_is_warc(const char *raw, size_t n);

/*
 * Cut and call fn for each document, in order.  sc_cut_warc works on the
 * undecoded bytes and skips warcinfo, request, metadata and revisit
 * records; a truncated record is cut short and reported through *warn
 * (a static message, NULL when none).  Returns the number of pieces.
 */
size_t sc_cut_warc(const char *raw, size_t n, sc_piece_fn fn, void *ctx, const char **warn);
size_t sc_cut_dump(const char *t, size_t n, enum sc_dump_kind kind, sc_piece_fn fn, void *ctx);

/* A line equal to sep (after trailing CR/space trimming) separates documents. */
size_t sc_cut_separator(const char *t, size_t n, const char *sep, sc_piece_fn fn, void *ctx);

/*
 * A line for which match(line, len, ctx) returns 1 starts a new document
 * (csplit style: the line belongs to the new document).
 */
size_t sc_cut_matching(const char *t, size_t n, int (*match)(const char *, size_t, void *),
    void *mctx, sc_piece_fn fn, void *ctx);

/*
 * A dump that arrives in pieces (scsplit on a file too large to hold):
 * the same documents as the functions above give on the whole, with
 * memory bounded by the largest document.  Init, set the cutter's
 * parameters (sep; match and mctx), feed the text in order, then end.
 * Each piece fed must end at a line end ('\n'), but the last.  An
 * SC_CUT_DUMP cutter detects the kind as sc_dump_detect does; SC_CUT_WARC
 * takes the undecoded bytes.  Pieces point into the cutter's buffer and
 * are valid during the callback only.
 */
enum sc_cut_how { SC_CUT_DUMP, SC_CUT_WARC, SC_CUT_SEPARATOR, SC_CUT_MATCHING };

struct sc_cutter {
	enum sc_cut_how how;
	const char *sep;	/* SC_CUT_SEPARATOR */
	size_t seplen;
	int (*match)(const char *, size_t, void *);	/* SC_CUT_MATCHING */
	void *mctx;
	sc_piece_fn fn;
	void *ctx;

	/* State. */
	enum sc_dump_kind kind;
	int detect;		/* kind not known yet: no line with something on it */
	int maybe_none;		/* no form-feed line yet: one document if none comes */
	int ff_seen, in, bom_done, lost;
	struct sc_buf buf;	/* the text not cut yet */
	uintmax_t dropped;	/* bytes fed before buf.p[0] */
	size_t pos, start;	/* next line (or record); start of the open piece */
	uintmax_t line, start_line;
	uintmax_t resume;	/* WARC: where a search for the next record goes on */
	struct sc_piece pc;
	size_t count;
	const char *warn;
};

void sc_cutter_init(struct sc_cutter *c, enum sc_cut_how how, sc_piece_fn fn, void *ctx);
void sc_cutter_feed(struct sc_cutter *c, const char *p, size_t n);
/* Cut the rest; returns the number of pieces, *warn as sc_cut_warc's. */
size_t sc_cutter_end(struct sc_cutter *c, const char **warn);
void sc_cutter_free(struct sc_cutter *c);

#endif
