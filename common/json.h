/*
 * json.h: a focused JSON record scanner and writer.
 *
 * JSON Lines is the stream format and its cost bounds every tool, so the
 * reader does not build a tree: sc_json_scan_object() validates one record
 * (RFC 8259, strict) and reports the byte spans of its top-level members.
 * Members the tools do not touch are later copied byte for byte, which is
 * how unknown fields pass through unchanged and in order.
 *
 * The scanner is iterative: nesting depth is limited only by the record
 * size (itself capped by --max-record).  Numbers are checked against the
 * grammar and never converted, so huge numbers pass through exactly.
 * Input must already be valid UTF-8 (the stream reader repairs it first).
 */
#ifndef SC_JSON_H
#define SC_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum sc_jtype {
	SC_JNULL = 'n', SC_JBOOL = 'b', SC_JNUM = 'd', SC_JSTR = 's',
	SC_JARR = 'a', SC_JOBJ = 'o'
};

/* One member of an object: spans into the scanned bytes. */
struct sc_jfield {
	size_t kpos, klen;	/* the key's contents, without the quotes */
	size_t vpos, vlen;	/* the raw value (strings with their quotes) */
	int key_escaped;	/* the key contains a backslash escape */
	char vtype;		/* enum sc_jtype */
};

struct sc_jfields {
	struct sc_jfield *v;
	size_t n, cap;
	int u_escapes;		/* a string of the record holds a \u escape */
};

/*
 * sc_json_scan_object: validate that p[0..n) is exactly one JSON object,
 * optionally surrounded by whitespace, and fill out with its top-level
 * members in order (duplicates included).  Returns 0, or -1 with *err set
 * to a static message and *errpos to the byte offset of the problem.
 */
int sc_json_scan_object(const char *p, size_t n, struct sc_jfields *out,
    const char **err, size_t *errpos);

/*
 * The same, handing the caller each top-level string member named key as
 * the scan meets it, so a caller that reads that string (the stream, the
 * text) walks it once: take() gets *i at the opening quote and leaves it
 * past the closing one, returning 0, or returns -1 with *i at the problem
 * and *err set to the message the scanner would give there ("unterminated
 * string", "control character in string", "bad \\u escape", "bad escape").
 * Duplicates: take() sees each; the last counts, as with sc_json_find.
 */
struct sc_json_take {
	const char *key;
	int (*take)(void *ctx, const char *p, size_t n, size_t *i, const char **err);
	void *ctx;
};
int sc_json_scan_object_take(const char *p, size_t n, struct sc_jfields *out,
    const char **err, size_t *errpos, const struct sc_json_take *tk);

/* Compare a member's key to a name (handles escaped keys). */
int sc_json_key_is(const char *base, const struct sc_jfield *f, const char *name);
/*
 * The same with name's length (strlen) given: a key of another length is
 * told apart without reading its bytes, and most keys of a record differ
 * in length from the one looked for.
 */
static inline int
sc_json_key_is_n(const char *base, const struct sc_jfield *f, const char *name, size_t len)
{
	if (!f->key_escaped)
		return f->klen == len && memcmp(base + f->kpos, name, len) == 0;
	return sc_json_key_is(base, f, name);
}

/* Index of the LAST member named name (last one counts, as in jq), or -1. */
long sc_json_find(const char *base, const struct sc_jfields *fs, const char *name);

/*
 * sc_json_unescape: append the decoded contents of a JSON string value
 * (p points at the opening quote, n includes both quotes) to out.  \u0000
 * becomes a NUL byte; surrogate pairs are combined; a lone surrogate
 * becomes U+FFFD.  Returns the number of lone surrogates replaced.
 */
size_t sc_json_unescape(const char *p, size_t n, struct sc_buf *out);

/* Append p[0..n) (valid UTF-8) as a JSON string, quotes included. */
void sc_json_str(struct sc_buf *out, const char *p, size_t n);
static inline void
sc_json_strz(struct sc_buf *out, const char *s)
{
	sc_json_str(out, s, strlen(s));
}

/* Numbers, locale-independent.  Non-finite doubles are written as null. */
void sc_json_int(struct sc_buf *out, int64_t v);
void sc_json_uint(struct sc_buf *out, uint64_t v);
/* Shortest of %.{1..17}g that reads back exactly, limited to `digits` significant digits. */
void sc_json_num(struct sc_buf *out, double v, int digits);

/*
 * A small object writer for building metadata values:
 *   struct sc_jobj o; sc_jobj_begin(&o, buf); sc_jobj_key(&o, "kept");
 *   sc_json_int(buf, 3); ... sc_jobj_end(&o);
 */
struct sc_jobj {
	struct sc_buf *b;
	int n;
};
void sc_jobj_begin(struct sc_jobj *o, struct sc_buf *b);
void sc_jobj_key(struct sc_jobj *o, const char *key);
void sc_jobj_end(struct sc_jobj *o);

#endif
