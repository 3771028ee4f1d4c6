/*
 * text.c: decoding to UTF-8, normalisation and mojibake repair; see text.h.
 */
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

#include "simd.h"
#include "utf8.h"

/* uchardet reads at most this much: enough to tell, bounded for 100 MB pages. */
#define DETECT_SAMPLE (256 * 1024)

/* CRLF and lone CR become LF, in place from position `from`. */
static void
fix_newlines(struct sc_buf *t, size_t from)
{
	char *p = t->p, *cr;
	size_t r, w;

	if (t->len <= from || (cr = memchr(p + from, '\r', t->len - from)) == NULL)
		return;
	w = r = (size_t)(cr - p);
	while (r < t->len) {
		if (p[r] == '\r') {
			p[w++] = '\n';
			r += (r + 1 < t->len && p[r + 1] == '\n') ? 2 : 1;
		} else {
			p[w++] = p[r++];
		}
	}
	t->len = w;
	p[w] = '\0';
}

/* Code units per replacement step, for EILSEQ recovery. */
static size_t
unit_size(const char *cs)
{
	if (strncasecmp(cs, "UTF-16", 6) == 0 || strncasecmp(cs, "UCS-2", 5) == 0)
		return 2;
	if (strncasecmp(cs, "UTF-32", 6) == 0 || strncasecmp(cs, "UCS-4", 5) == 0)
		return 4;
	return 1;
}

/* Convert with iconv; undecodable units become U+FFFD.  -1: unknown charset. */
static int
convert(const char *p, size_t n, const char *cs, struct sc_buf *out, size_t *replaced)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	char *in = (char *)p;
	size_t inleft = n, unit = unit_size(cs);

	if (cd == (iconv_t)-1)
		return -1;
	sc_buf_grow(out, n + n / 2 + 16);
	while (inleft > 0) {
		char *o = out->p + out->len;
		size_t oleft = out->cap - out->len - 1, before = oleft;
		size_t rc = iconv(cd, &in, &inleft, &o, &oleft);

		out->len += before - oleft;
		if (rc != (size_t)-1)
			break;
		if (errno == E2BIG) {
			sc_buf_grow(out, inleft * 2 + 16);
			continue;
		}
		/* EILSEQ or EINVAL (truncated at the end): one U+FFFD, skip a unit. */
		sc_buf_add(out, "\xEF\xBF\xBD", 3);
		(*replaced)++;
		{
			size_t skip = unit < inleft ? unit : inleft;

			in += skip;
			inleft -= skip;
		}
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* Flush any shift state. */
	{
		char *o;
		size_t oleft;

		sc_buf_grow(out, 16);
		o = out->p + out->len;
		oleft = out->cap - out->len - 1;
		size_t before = oleft;
		iconv(cd, NULL, NULL, &o, &oleft);
		out->len += before - oleft;
	}
	out->p[out->len] = '\0';
	iconv_close(cd);
	return 0;
}

int
sc_charset_known(const char *cs)
{
	iconv_t cd;

	if (cs == NULL || strcasecmp(cs, "auto") == 0)
		return 1;
	cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

/*
 * UTF-16 without a BOM shows as NUL bytes in every other position for
 * Latin-script text.  Returns "UTF-16LE", "UTF-16BE" or NULL.
 */
static const char *
sniff_utf16(const unsigned char *p, size_t n)
{
	size_t i, even = 0, odd = 0, m = n < 4096 ? n : 4096;

	if (m < 8)
		return NULL;
	for (i = 0; i + 1 < m; i += 2) {
		even += p[i] == 0;
		odd += p[i + 1] == 0;
	}
	if (odd * 10 > (m / 2) * 6 && even * 10 < (m / 2))
		return "UTF-16LE";
	if (even * 10 > (m / 2) * 6 && odd * 10 < (m / 2))
		return "UTF-16BE";
	return NULL;
}

/*
 * Mostly UTF-8 with a few bad bytes (a truncated line, one stray Latin-1
 * byte) is still UTF-8: the bad bytes become U+FFFD rather than the whole
 * page being reread in another charset.  Legacy 8-bit text almost never
 * forms valid multi-byte sequences, so two valid ones per bad one is a
 * safe sign.
 */
static void
count_utf8(const unsigned char *p, size_t n, size_t *good, size_t *bad)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int isbad = 0;
		size_t k;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = sc_utf8_next(p + i, n - i, &cp, &isbad);
		if (isbad)
			(*bad)++;
		else
			(*good)++;
		i += k;
	}
}

static int
mostly_utf8(const unsigned char *p, size_t n)
{
	size_t good = 0, bad = 0;

	count_utf8(p, n, &good, &bad);
	return good > 0 && bad * 2 <= good;
}

static const char *
detect_charset(const char *p, size_t n)
{
	static char name[64];
	uchardet_t ud;
	const char *cs;

	ud = uchardet_new();
	if (ud == NULL)
		return "WINDOWS-1252";
	if (uchardet_handle_data(ud, p, n < DETECT_SAMPLE ? n : DETECT_SAMPLE) != 0) {
		uchardet_delete(ud);
		return "WINDOWS-1252";
	}
	uchardet_data_end(ud);
	cs = uchardet_get_charset(ud);
	if (cs == NULL || *cs == '\0' || strcasecmp(cs, "ASCII") == 0 ||
	    strcasecmp(cs, "UTF-8") == 0) {
		/* Not valid UTF-8 (we checked) and nothing better: the web's default. */
		uchardet_delete(ud);
		return "WINDOWS-1252";
	}
	/* Latin-1 labels mean Windows-1252 on the web (WHATWG Encoding). */
	if (strcasecmp(cs, "ISO-8859-1") == 0)
		cs = "WINDOWS-1252";
	snprintf(name, sizeof name, "%s", cs);
	uchardet_delete(ud);
	return name;
}

int
sc_decode_as(const char *p, size_t n, const char *cs, struct sc_buf *out,
    struct sc_decode_result *res)
{
	struct sc_decode_result r = { "UTF-8", 0, 0 };
	size_t start = out->len;

	if (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0) {
		r.charset = "UTF-8";
		r.replaced = sc_utf8_repair(p, n, out);
	} else {
		static char used[64];

		if (convert(p, n, cs, out, &r.replaced) < 0) {
			out->len = start;
			if (out->p != NULL)
				out->p[start] = '\0';
			return -1;
		}
		snprintf(used, sizeof used, "%s", cs);
		r.charset = used;
	}
	fix_newlines(out, start);
	if (res != NULL)
		*res = r;
	return 0;
}

int
sc_decode(const char *p, size_t n, const char *charset, struct sc_buf *out,
    struct sc_decode_result *res)
{
	const unsigned char *u = (const unsigned char *)p;
	const char *cs = NULL;
	int had_bom = 0, rc;

	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		had_bom = 1;
		p += 3;
		n -= 3;
		cs = "UTF-8";
	} else if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) {
		had_bom = 1;
		p += 4;
		n -= 4;
		cs = "UTF-32LE";
	} else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		had_bom = 1;
		p += 2;
		n -= 2;
		cs = "UTF-16LE";
	} else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		had_bom = 1;
		p += 2;
		n -= 2;
		cs = "UTF-16BE";
	}
	if (cs == NULL && charset != NULL && strcasecmp(charset, "auto") != 0)
		cs = charset;
	if (cs == NULL) {
		size_t ok = sc_utf8_valid_prefix(p, n);

		/*
		 * UTF-16 of ASCII text is valid UTF-8 byte for byte: NULs in
		 * every other position decide before validity does.
		 */
		if (memchr(p, '\0', n < 4096 ? n : 4096) != NULL &&
		    (cs = sniff_utf16((const unsigned char *)p, n)) != NULL)
			;
		else if (ok == n) {
			/* Valid throughout: sc_decode_as would check it again. */
			size_t start = out->len;

			sc_buf_grow(out, n);
			sc_buf_add(out, p, n);
			fix_newlines(out, start);
			if (res != NULL) {
				res->charset = "UTF-8";
				res->replaced = 0;
				res->had_bom = 0;
			}
			return 0;
		} else if (mostly_utf8((const unsigned char *)p + ok, n - ok))
			cs = "UTF-8";
		else if ((cs = sniff_utf16((const unsigned char *)p, n)) == NULL)
			cs = detect_charset(p, n);
	}
	rc = sc_decode_as(p, n, cs, out, res);
	if (rc == 0 && res != NULL)
		res->had_bom = had_bom;
	return rc;
}

/*
 * The same decision over pieces.  A piece ends after a byte below 0x80,
 * so no UTF-8 sequence, valid or not, spans two pieces (sc_utf8_next
 * stops at any byte that is not a continuation byte): the first invalid
 * byte and the counts after it are those of the whole text.
 */
void
sc_guess_add(struct sc_guess *g, const char *p, size_t n)
{
	if (g->head.len < DETECT_SAMPLE)
		sc_buf_add(&g->head, p, n < DETECT_SAMPLE - g->head.len ? n :
		    DETECT_SAMPLE - g->head.len);
	if (!g->invalid) {
		size_t ok = sc_utf8_valid_prefix(p, n);

		if (ok == n)
			return;
		g->invalid = 1;
		p += ok;
		n -= ok;
	}
	count_utf8((const unsigned char *)p, n, &g->good, &g->bad);
}

const char *
sc_guess_end(struct sc_guess *g)
{
	const char *cs;

	if (g->head.len > 0 && memchr(g->head.p, '\0', g->head.len) != NULL &&
	    (cs = sniff_utf16((const unsigned char *)g->head.p, g->head.len)) != NULL)
		;	/* UTF-16 of ASCII text is valid UTF-8 too (sc_decode) */
	else if (!g->invalid || (g->good > 0 && g->bad * 2 <= g->good))
		cs = "UTF-8";
	else if ((cs = sniff_utf16((const unsigned char *)g->head.p, g->head.len)) == NULL)
		cs = detect_charset(g->head.p, g->head.len);
	sc_buf_free(&g->head);
	memset(g, 0, sizeof *g);
	return cs;
}

/*
 * What normalisation touches: C0 controls but TAB and LF, DEL, and the
 * lead bytes of the few multi-byte characters it rewrites.
 */
static const unsigned char norm_lead[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
	[0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1,
	[0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1,
	[0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
	[0x7F] = 1, [0xC2] = 2, [0xE2] = 2, [0xEF] = 2
};

/*
 * Classify the character at p (a lead byte with norm_lead != 0):
 * returns the bytes it spans and sets *repl to ' ' (becomes a space),
 * '\n', 0 (removed) or -1 (kept as is).
 */
static size_t
norm_char(const unsigned char *p, size_t n, int *repl)
{
	unsigned c = p[0];

	if (c < 0x80 || c == 0x7F) {
		if (c == '\r') {
			*repl = '\n';
			return (n >= 2 && p[1] == '\n') ? 2 : 1;
		}
		*repl = 0;
		return 1;
	}
	*repl = -1;
	if (c == 0xC2 && n >= 2) {
		if (p[1] == 0xA0)
			*repl = ' ';	/* NBSP */
		else if (p[1] == 0xAD)
			*repl = 0;	/* soft hyphen */
		return 2;
	}
	if (c == 0xE2 && n >= 3 && p[1] == 0x80) {
		if (p[2] == 0x87 || p[2] == 0xAF)
			*repl = ' ';	/* figure space, narrow NBSP */
		else if (p[2] == 0x8B)
			*repl = 0;	/* zero-width space */
		return 3;
	}
	if (c == 0xE2 && n >= 3 && p[1] == 0x81 && p[2] == 0xA0) {
		*repl = 0;		/* word joiner */
		return 3;
	}
	if (c == 0xEF && n >= 3 && p[1] == 0xBB && p[2] == 0xBF) {
		*repl = 0;		/* BOM / zero-width no-break space */
		return 3;
	}
	return 1;
}

/*
 * Where the first byte normalisation may touch (norm_lead) is, from i on:
 * blocks of sixteen bytes with none are passed over whole.
 */
static size_t
norm_skip(const unsigned char *p, size_t n, size_t i)
{
	while (i + 16 <= n) {
		sc_u8x16 v = sc_load16(p + i);
		sc_i8x16 m = ((v < 0x20) & (v != '\t') & (v != '\n')) | (v == 0x7F) |
		    ((v & 0xDF) == 0xC2) | (v == 0xEF);	/* 0xC2, 0xE2, 0xEF */
		unsigned k = sc_first16(m);

		i += k;
		if (k < 16)
			return i;
	}
	while (i < n && !norm_lead[p[i]])
		i++;
	return i;
}

/* Index of the first character normalisation changes, or n. */
static size_t
first_change(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while ((i = norm_skip(p, n, i)) < n) {
		int repl;
		size_t k = norm_char(p + i, n - i, &repl);

		if (repl != -1)
			return i;
		i += k;
	}
	return n;
}

int
sc_needs_normalize(const char *s, size_t n)
{
	return first_change((const unsigned char *)s, n) < n;
}

int
sc_normalize(struct sc_buf *t)
{
	unsigned char *p = (unsigned char *)t->p;
	size_t n = t->len, r = 0, w;

	/* Find the first change; most texts have none. */
	r = first_change(p, n);
	if (r >= n)
		return 0;
	w = r;
	while (r < n) {
		size_t e = norm_skip(p, n, r), k;
		int repl;

		memmove(p + w, p + r, e - r);
		w += e - r;
		if ((r = e) >= n)
			break;
		k = norm_char(p + r, n - r, &repl);
		if (repl == -1) {
			memmove(p + w, p + r, k);
			w += k;
		} else if (repl != 0) {
			p[w++] = (unsigned char)repl;
		}
		r += k;
	}
	t->len = w;
	p[w] = '\0';
	return 1;
}

void
sc_norm_map_init(struct sc_norm_map *m, const char *orig, size_t n)
{
	m->p = (const unsigned char *)orig;
	m->n = n;
	m->i = 0;
	m->oc = m->nc = 0;
}

uint64_t
sc_norm_map_to(struct sc_norm_map *m, uint64_t nc)
{
	while (m->i < m->n) {
		const unsigned char *p = m->p + m->i;
		size_t k = 1, b;
		int repl = -1, made;
		uint64_t cps = 0;

		if (norm_lead[p[0]])
			k = norm_char(p, m->n - m->i, &repl);
		for (b = 0; b < k; b++)
			cps += (p[b] & 0xC0) != 0x80;
		/* What the normal form has for these bytes: 0 or 1 code points. */
		made = repl == 0 ? 0 : repl > 0 ? 1 : (int)cps;
		if (made > 0 && m->nc >= nc)
			break;
		m->i += k;
		m->oc += cps;
		m->nc += (uint64_t)made;
	}
	return m->oc + (nc > m->nc ? nc - m->nc : 0);
}

/*
 * Mojibake: the bytes of UTF-8 text read as Windows-1252 (or Latin-1) and
 * written out again as UTF-8.  Each such character maps back to one byte;
 * a run of them that forms valid UTF-8 again is the original text.
 */
static int
cp1252_byte(uint32_t cp)
{
	static const uint16_t hi[32] = {
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
	};

	if (cp >= 0x80 && cp <= 0xFF)
		return (int)cp;	/* Latin-1 reading; C1 controls included */
	for (int i = 0; i < 32; i++)
		if (hi[i] == cp)
			return 0x80 + i;
	return -1;
}

static size_t
fix_mojibake_once(struct sc_buf *t)
{
	const unsigned char *p = (const unsigned char *)t->p;
	size_t n = t->len, i = 0, fixes = 0;
	struct sc_buf out = {0};

	while (i < n) {
		uint32_t cp;
		size_t k;
		int lead;

		if (p[i] < 0x80) {
			size_t j = i + 1;

			while (j < n && p[j] < 0x80)
				j++;
			sc_buf_add(&out, p + i, j - i);
			i = j;
			continue;
		}
		k = sc_utf8_next(p + i, n - i, &cp, NULL);
		lead = cp1252_byte(cp);
		/*
		 * Leads 0xDC..0xDF (Ü Ý Þ ß) would decode to Syriac, Thaana or
		 * NKo, which are almost never mangled this way, while "ß»" and
		 * "Ü“" are ordinary German: leave them.
		 */
		if (lead >= 0xC2 && lead <= 0xF4 && (lead < 0xDC || lead > 0xDF)) {
			unsigned char bytes[4];
			size_t need = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
			size_t j = i + k, m = 1;

			bytes[0] = (unsigned char)lead;
			while (m < need && j < n) {
				uint32_t c2;
				size_t k2 = sc_utf8_next(p + j, n - j, &c2, NULL);
				int b = cp1252_byte(c2);

				if (b < 0x80 || b > 0xBF)
					break;
				bytes[m++] = (unsigned char)b;
				j += k2;
			}
			if (m == need && sc_utf8_valid((const char *)bytes, need)) {
				sc_buf_add(&out, bytes, need);
				fixes++;
				i = j;
				continue;
			}
		}
		sc_buf_add(&out, p + i, k);
		i += k;
	}
	if (fixes > 0) {
		sc_buf_free(t);
		*t = out;
	} else {
		sc_buf_free(&out);
	}
	return fixes;
}

size_t
sc_fix_mojibake(struct sc_buf *t)
{
	size_t total = 0, f;
	int round;

	/* Text mangled twice needs two rounds; three is plenty. */
	for (round = 0; round < 3; round++) {
		if ((f = fix_mojibake_once(t)) == 0)
			break;
		total += f;
	}
	return total;
}
