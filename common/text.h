/*
 * text.h: turning bytes into the text the tools work on.
 *
 * Decoding (every tool, plain-text input): BOM (UTF-8, UTF-16LE/BE),
 * a given charset, or detection (valid UTF-8 first, then uchardet), then
 * iconv; bytes that do not convert become U+FFFD; CRLF and CR become LF.
 *
 * Normalisation (the tools that rewrite text): C0 controls other than TAB
 * and LF removed, NBSP (and the other fixed-width spaces) to a space,
 * invisible format characters removed (ZWSP, word joiner, BOM, soft
 * hyphen).  ZWJ and ZWNJ are kept: Persian, Indic scripts and emoji need
 * them to spell words.
 *
 * Mojibake repair (opt-in): text that was UTF-8, decoded as Windows-1252
 * or Latin-1 and encoded again ("CafÃ©") is turned back ("Café").
 */
#ifndef SC_TEXT_H
#define SC_TEXT_H

#include <stddef.h>

#include "util.h"

struct sc_decode_result {
	const char *charset;	/* what was used: "UTF-8", "WINDOWS-1252", ... (static) */
	size_t replaced;	/* bytes or sequences turned into U+FFFD */
	int had_bom;
};

/*
 * sc_decode: append p[0..n) decoded to UTF-8 with LF line ends to out.
 * charset NULL or "auto" detects.  Returns 0, or -1 when the named charset
 * is unknown to iconv (nothing appended).
 */
int sc_decode(const char *p, size_t n, const char *charset, struct sc_buf *out,
    struct sc_decode_result *res);

/*
 * sc_decode_as: the same with exactly this charset: no BOM is looked for
 * or removed, nothing detected.  For text decoded in pieces that end at a
 * line end, in a charset where '\n' is always a character of its own.
 */
int sc_decode_as(const char *p, size_t n, const char *charset, struct sc_buf *out,
    struct sc_decode_result *res);

/*
 * The charset sc_decode(whole, "auto") would pick for a text too large to
 * hold, fed piece by piece: each piece but the last must end with a byte
 * below 0x80.  The text must not start with a BOM (sc_decode decides by
 * it).  sc_guess_end returns the charset (static storage) and resets g.
 */
struct sc_guess {
	struct sc_buf head;	/* the first bytes, for UTF-16 sniffing and uchardet */
	int invalid;		/* an invalid UTF-8 sequence was seen */
	size_t good, bad;	/* multi-byte sequences from the first invalid one on */
};
void sc_guess_add(struct sc_guess *g, const char *p, size_t n);
const char *sc_guess_end(struct sc_guess *g);

/* Whether iconv knows the charset (for option checking). */
int sc_charset_known(const char *charset);

/*
 * sc_normalize: rewrite valid UTF-8 text in place as described above,
 * also turning CRLF and lone CR into LF.  Returns 1 when anything changed.
 */
int sc_normalize(struct sc_buf *t);

/*
 * Offsets across normalisation: sc_norm_map_to() turns a code-point offset
 * into the normalised form of orig (what sc_normalize makes of it) into
 * one into orig itself, so spans found in the analysed text can be given
 * in the text a tool writes as it was read.  An offset lands on the
 * character it names; characters normalisation removed just before it go
 * to the span that ends there.  Offsets must come in non-decreasing order
 * (the map walks forward); orig must outlive the map.
 */
struct sc_norm_map {
	const unsigned char *p;
	size_t n, i;
	uint64_t oc, nc;	/* code points of orig and of the normal form before i */
};
void sc_norm_map_init(struct sc_norm_map *m, const char *orig, size_t n);
uint64_t sc_norm_map_to(struct sc_norm_map *m, uint64_t nc);

/* Quick check: would sc_normalize change this text? */
int sc_needs_normalize(const char *p, size_t n);

/* sc_fix_mojibake: repair double-encoded UTF-8 in place; returns repairs made. */
size_t sc_fix_mojibake(struct sc_buf *t);

#endif
