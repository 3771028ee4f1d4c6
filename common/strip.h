/*
 * strip.h: the boilerplate classifier behind scstrip.
 *
 * Input is a block list (blocks.h) from either producer; output is the
 * main text and, per block, a class and a reason.  The layers, each of
 * which --explain shows:
 *
 *  1. rules (rules.h): drop, cut or keep a block outright;
 *  2. context-free classes in the spirit of jusText: length, stopword
 *     density, terminal punctuation, and text proxies for the link density
 *     that plain text has lost (URLs, handles, separators, bullets, case
 *     shape, digits and symbols);
 *  3. jusText's context smoothing of short and near-good blocks, and its
 *     heading rule;
 *  4. structure: teaser lists (title/summary/byline triples) and the
 *     article region, the best-scoring contiguous run of blocks, ended
 *     early by end-of-article markers (article mode only);
 *  5. repetition: a block repeated in the document (exactly or nearly, as
 *     a teaser repeats a body paragraph with other quote marks) is kept
 *     once; with a document-frequency table (sc_df), blocks that recur
 *     across many documents of a corpus count as boilerplate.
 *
 * Everything is deterministic and depends only on the document and the
 * (read-only) df table, never on other documents seen by the same engine.
 */
#ifndef SC_STRIP_H
#define SC_STRIP_H

#include <stddef.h>
#include <stdint.h>

#include "blocks.h"
#include "rules.h"
#include "util.h"

enum sc_strip_mode {
	SC_STRIP_ARTICLE = 0,	/* the main article region only */
	SC_STRIP_CORPUS		/* all prose-like text, boilerplate dropped */
};

/* Block classes, as jusText names them (final ones: good or bad). */
enum sc_strip_class {
	SC_CLS_BAD = 0,
	SC_CLS_SHORT,
	SC_CLS_NEARGOOD,
	SC_CLS_GOOD
};

struct sc_df;

struct sc_strip_opts {
	enum sc_strip_mode mode;
	int keep_title;		/* keep the document's title line in front */
	const char *lang;	/* ISO 639-1 code, NULL: guess per document */
	unsigned min_words;	/* a result with fewer words is emptied (0: off) */
	struct sc_rules *rules;	/* NULL: no rules */
	const struct sc_df *df;	/* NULL: no cross-document evidence */
	unsigned df_min;	/* blocks in at least this many documents are boilerplate */
	int explain;		/* keep per-block reasons for sc_strip_explain */
};

/* What one call did (also the source of metadata.strip and --stats). */
struct sc_strip_result {
	size_t blocks, kept, dropped;	/* blocks */
	size_t kept_chars, dropped_chars;
	size_t by_rule, by_class, by_region, by_cut, by_repeat, by_teaser, by_df;
	const char *lang;		/* language used (static string), NULL if none */
	const char *empty_reason;	/* why the result is empty, NULL when it is not */
};

struct sc_strip;

void sc_strip_opts_init(struct sc_strip_opts *o);
struct sc_strip *sc_strip_new(const struct sc_strip_opts *o);
void sc_strip_free(struct sc_strip *s);

/*
 * sc_strip_title_hint: for opts.keep_title on text, set bs->title_off to
 * the page's headline as scmeta reads it from the raw text p[0..n)
 * (sc_pagemeta_extract), so that sc_strip_run keeps the block that shows
 * it rather than the nearest heading-like line before the article.
 */
void sc_strip_title_hint(struct sc_blocks *bs, const char *p, size_t n);

/*
 * sc_strip_run: classify the blocks and append the kept text to out:
 * blocks of one input paragraph on consecutive lines, paragraphs separated
 * by one blank line, no trailing newline.  Fills *res.
 */
void sc_strip_run(struct sc_strip *s, const struct sc_blocks *bs, struct sc_buf *out,
    struct sc_strip_result *res);

/*
 * sc_strip_explain: after sc_strip_run with opts.explain, append one line
 * per block: "LINE<TAB>keep|drop<TAB>CLASS/CF<TAB>REASON<TAB>TEXT" (text
 * cut to 80 characters; see scstrip.1, EXPLAIN OUTPUT).
 */
void sc_strip_explain(const struct sc_strip *s, const struct sc_blocks *bs,
    struct sc_buf *out);

/*
 * sc_strip_kept: after sc_strip_run on n blocks, which it kept, a bit
 * each (bit i % 8 of bits[i / 8]; (n + 7) / 8 bytes).  sc_strip_output:
 * the text sc_strip_run appended to out, from the blocks and those bits
 * alone (scstrip's memo of documents keeps the bits, not the text).
 */
void sc_strip_kept(const struct sc_strip *s, size_t n, uint8_t *bits);
void sc_strip_output(const struct sc_blocks *bs, const uint8_t *bits, struct sc_buf *out);

/* Convenience: plain text in, main text out (sc_blocks_from_text + run). */
void sc_strip_text(struct sc_strip *s, const char *p, size_t n, struct sc_buf *out,
    struct sc_strip_result *res);

/*
 * Cross-document evidence: how many documents each block (normalised,
 * hashed to 64 bits) occurs in.  The table is capped: when it would hold
 * more than `cap` entries it keeps only hashes below a threshold that it
 * halves as needed.  Counts of the entries kept are exact and the result
 * does not depend on the order documents were added.
 *
 * File format (--learn / --df): the line "sctools-df 1", then one line per
 * entry "HASH COUNT" (16 hex digits, decimal), sorted by hash, then
 * "threshold HEX docs N" as the last line.
 */
struct sc_df *sc_df_new(size_t cap);
void sc_df_free(struct sc_df *df);
void sc_df_add_doc(struct sc_df *df, const struct sc_blocks *bs);
uint32_t sc_df_count(const struct sc_df *df, uint64_t hash);
uint64_t sc_df_docs(const struct sc_df *df);
int sc_df_save(const struct sc_df *df, const char *path);	/* 0; written atomically, a write error exits 2 */
struct sc_df *sc_df_load(const char *path, size_t cap);		/* NULL on error (reported) */
/* The hash sc_df uses for a block text (case, digits and spacing folded). */
uint64_t sc_df_hash(const char *p, size_t n);

#endif
