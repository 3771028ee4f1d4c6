/*
 * json.c: the record scanner and writer; see json.h.
 *
 * The scanner never recurses: containers are tracked on an explicit stack
 * of '{' and '[' bytes, so a record nested a million deep costs a million
 * bytes of stack buffer, not a crash.  String scanning looks at eight bytes
 * at a time for the three things that end a plain run: a quote, a
 * backslash and a control character.
 */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"
#include "utf8.h"

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Nonzero when some byte of x is zero (classic SWAR test). */
static inline uint64_t
has_zero(uint64_t x)
{
	return (x - ONES) & ~x & HIGHS;
}

/* Nonzero when some byte of x is below n (n <= 128). */
static inline uint64_t
has_less(uint64_t x, unsigned n)
{
	return (x - ONES * n) & ~x & HIGHS;
}

/* Nonzero when some byte of w is '"', '\\' or a control character. */
static inline uint64_t
special8(uint64_t w)
{
	return has_zero(w ^ (ONES * '"')) | has_zero(w ^ (ONES * '\\')) |
	    has_less(w, 0x20);
}

/*
 * Length of the run at p[0..n) free of quote, backslash and controls.
 * The bytes past the last full sixteen are read as one more vector, or
 * word, that ends at p[n] and overlaps bytes already known to be plain:
 * most strings written out are short (a sentence, an id), and a loop
 * over their last bytes one by one cost more than the rest.
 */
static inline __attribute__((always_inline)) size_t
plain_run(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i + 16 <= n) {
		sc_u8x16 v = sc_load16(p + i);

		unsigned k = sc_first16((v == '"') | (v == '\\') | (v < 0x20));

		i += k;
		if (k < 16)
			return i;
	}
	if (i == n)
		return n;
	if (n >= 16) {
		sc_u8x16 v = sc_load16(p + n - 16);

		return n - 16 + sc_first16((v == '"') | (v == '\\') | (v < 0x20));
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n >= 8) {
		/* The lowest flagged byte of the SWAR tests is exact. */
		uint64_t w, m;

		memcpy(&w, p, 8);
		if ((m = special8(w)) != 0)
			return (size_t)__builtin_ctzll(m) / 8;
		memcpy(&w, p + n - 8, 8);
		if ((m = special8(w)) != 0)
			return n - 8 + (size_t)__builtin_ctzll(m) / 8;
		return n;
	}
#endif
	while (i < n && p[i] != '"' && p[i] != '\\' && p[i] >= 0x20)
		i++;
	return i;
}

static inline int
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline size_t
skip_ws(const unsigned char *p, size_t n, size_t i)
{
	while (i < n && is_ws(p[i]))
		i++;
	return i;
}

static inline int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

struct scan {
	const unsigned char *p;
	size_t n, i;
	const char *err;
	struct sc_buf stack;
	int u_escapes;		/* a \u escape was met */
};

/* Scan a string starting at the quote; i ends past the closing quote. */
static int
scan_string(struct scan *s, int *escaped)
{
	const unsigned char *p = s->p;
	size_t n = s->n, i = s->i + 1;

	for (;;) {
		i += plain_run(p + i, n - i);
		if (i >= n) {
			s->err = "unterminated string";
			s->i = i;
			return -1;
		}
		if (p[i] == '"')
			break;
		if (p[i] < 0x20) {
			s->err = "control character in string";
			s->i = i;
			return -1;
		}
		/* A backslash escape. */
		if (escaped != NULL)
			*escaped = 1;
		if (i + 1 >= n) {
			s->err = "unterminated string";
			s->i = i;
			return -1;
		}
		switch (p[i + 1]) {
		case '"': case '\\': case '/': case 'b': case 'f':
		case 'n': case 'r': case 't':
			i += 2;
			break;
		case 'u':
			if (i + 6 > n || hexval(p[i + 2]) < 0 || hexval(p[i + 3]) < 0 ||
			    hexval(p[i + 4]) < 0 || hexval(p[i + 5]) < 0) {
				s->err = "bad \\u escape";
				s->i = i;
				return -1;
			}
			i += 6;
			s->u_escapes = 1;
			break;
		default:
			s->err = "bad escape";
			s->i = i;
			return -1;
		}
	}
	s->i = i + 1;
	return 0;
}

static int
scan_number(struct scan *s)
{
	const unsigned char *p = s->p;
	size_t n = s->n, i = s->i;

	if (i < n && p[i] == '-')
		i++;
	if (i >= n)
		goto bad;
	if (p[i] == '0') {
		i++;
	} else if (p[i] >= '1' && p[i] <= '9') {
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++;
	} else {
		goto bad;
	}
	if (i < n && p[i] == '.') {
		i++;
		if (i >= n || p[i] < '0' || p[i] > '9')
			goto bad;
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++;
	}
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '+' || p[i] == '-'))
			i++;
		if (i >= n || p[i] < '0' || p[i] > '9')
			goto bad;
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++;
	}
	s->i = i;
	return 0;
bad:
	s->err = "bad number";
	s->i = i;
	return -1;
}

static int
scan_literal(struct scan *s, const char *lit)
{
	size_t k = strlen(lit);

	if (s->n - s->i < k || memcmp(s->p + s->i, lit, k) != 0) {
		s->err = "unexpected character";
		return -1;
	}
	s->i += k;
	return 0;
}

/* Expect a member key, the colon, and leave i at the value. */
static int
scan_key_colon(struct scan *s)
{
	s->i = skip_ws(s->p, s->n, s->i);
	if (s->i >= s->n || s->p[s->i] != '"') {
		s->err = s->i >= s->n ? "unexpected end of line" : "expected a key";
		return -1;
	}
	if (scan_string(s, NULL) < 0)
		return -1;
	s->i = skip_ws(s->p, s->n, s->i);
	if (s->i >= s->n || s->p[s->i] != ':') {
		s->err = "expected ':'";
		return -1;
	}
	s->i = skip_ws(s->p, s->n, s->i + 1);
	return 0;
}

/* Skip one complete value starting at s->i (iteratively). */
static int
scan_value(struct scan *s, char *type)
{
	size_t base = s->stack.len;
	int first = 1;

	for (;;) {
		unsigned char c;

		/* A value. */
		s->i = skip_ws(s->p, s->n, s->i);
		if (s->i >= s->n) {
			s->err = "unexpected end of line";
			return -1;
		}
		c = s->p[s->i];
		if (first && type != NULL) {
			*type = c == '"' ? SC_JSTR : c == '{' ? SC_JOBJ :
			    c == '[' ? SC_JARR : c == 't' || c == 'f' ? SC_JBOOL :
			    c == 'n' ? SC_JNULL : SC_JNUM;
		}
		first = 0;
		switch (c) {
		case '"':
			if (scan_string(s, NULL) < 0)
				return -1;
			break;
		case '{':
			s->i = skip_ws(s->p, s->n, s->i + 1);
			if (s->i < s->n && s->p[s->i] == '}') {
				s->i++;
				break;
			}
			sc_buf_addc(&s->stack, '{');
			if (scan_key_colon(s) < 0)
				return -1;
			continue;
		case '[':
			s->i = skip_ws(s->p, s->n, s->i + 1);
			if (s->i < s->n && s->p[s->i] == ']') {
				s->i++;
				break;
			}
			sc_buf_addc(&s->stack, '[');
			continue;
		case 't':
			if (scan_literal(s, "true") < 0)
				return -1;
			break;
		case 'f':
			if (scan_literal(s, "false") < 0)
				return -1;
			break;
		case 'n':
			if (scan_literal(s, "null") < 0)
				return -1;
			break;
		default:
			if (c == '-' || (c >= '0' && c <= '9')) {
				if (scan_number(s) < 0)
					return -1;
				break;
			}
			s->err = "unexpected character";
			return -1;
		}
		/* After a value: close containers or go on to the next element. */
		for (;;) {
			char top;

			if (s->stack.len == base)
				return 0;
			top = s->stack.p[s->stack.len - 1];
			s->i = skip_ws(s->p, s->n, s->i);
			if (s->i >= s->n) {
				s->err = "unexpected end of line";
				return -1;
			}
			c = s->p[s->i];
			if (c == ',') {
				s->i++;
				if (top == '{' && scan_key_colon(s) < 0)
					return -1;
				break;
			}
			if ((top == '{' && c == '}') || (top == '[' && c == ']')) {
				s->i++;
				s->stack.len--;
				continue;
			}
			s->err = top == '{' ? "expected ',' or '}'" : "expected ',' or ']'";
			return -1;
		}
	}
}

int
sc_json_scan_object(const char *p, size_t n, struct sc_jfields *out,
    const char **err, size_t *errpos)
{
	return sc_json_scan_object_take(p, n, out, err, errpos, NULL);
}

int
sc_json_scan_object_take(const char *p, size_t n, struct sc_jfields *out,
    const char **err, size_t *errpos, const struct sc_json_take *tk)
{
	struct scan s = { (const unsigned char *)p, n, 0, NULL, {0}, 0 };
	size_t tklen = tk != NULL ? strlen(tk->key) : 0;
	int rc = -1;

	out->n = 0;
	out->u_escapes = 0;
	s.i = skip_ws(s.p, n, 0);
	if (s.i >= n || s.p[s.i] != '{') {
		s.err = s.i >= n ? "empty line" : "not a JSON object";
		goto done;
	}
	s.i = skip_ws(s.p, n, s.i + 1);
	if (s.i < n && s.p[s.i] == '}') {
		s.i++;
		goto end;
	}
	for (;;) {
		struct sc_jfield f;
		int escaped = 0;

		s.i = skip_ws(s.p, n, s.i);
		if (s.i >= n || s.p[s.i] != '"') {
			s.err = s.i >= n ? "unexpected end of line" : "expected a key";
			goto done;
		}
		f.kpos = s.i + 1;
		if (scan_string(&s, &escaped) < 0)
			goto done;
		f.klen = s.i - 1 - f.kpos;
		f.key_escaped = escaped;
		s.i = skip_ws(s.p, n, s.i);
		if (s.i >= n || s.p[s.i] != ':') {
			s.err = "expected ':'";
			goto done;
		}
		s.i = skip_ws(s.p, n, s.i + 1);
		f.vpos = s.i;
		if (tk != NULL && s.i < n && s.p[s.i] == '"' && sc_json_key_is_n(p, &f, tk->key, tklen)) {
			if (tk->take(tk->ctx, p, n, &s.i, &s.err) < 0)
				goto done;
			f.vtype = SC_JSTR;
		} else if (scan_value(&s, &f.vtype) < 0) {
			goto done;
		}
		f.vlen = s.i - f.vpos;
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 16;
			out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
		}
		out->v[out->n++] = f;
		s.i = skip_ws(s.p, n, s.i);
		if (s.i >= n) {
			s.err = "unexpected end of line";
			goto done;
		}
		if (s.p[s.i] == ',') {
			s.i++;
			continue;
		}
		if (s.p[s.i] == '}') {
			s.i++;
			break;
		}
		s.err = "expected ',' or '}'";
		goto done;
	}
end:
	s.i = skip_ws(s.p, n, s.i);
	if (s.i != n) {
		s.err = "extra data after the object";
		goto done;
	}
	rc = 0;
done:
	if (rc < 0) {
		*err = s.err;
		*errpos = s.i;
	}
	out->u_escapes = s.u_escapes;
	sc_buf_free(&s.stack);
	return rc;
}

int
sc_json_key_is(const char *base, const struct sc_jfield *f, const char *name)
{
	size_t len;
	struct sc_buf k = {0};
	int eq;

	/* strncmp stops at name's end, so name[klen] is read only when name
	 * is that long (an unescaped key holds no NUL). */
	if (!f->key_escaped) {
		/* Keys mostly differ at once ("id", "text", "url"): no call then. */
		if (f->klen == 0 || base[f->kpos] != name[0])
			return f->klen == 0 && name[0] == '\0';
		return strncmp(base + f->kpos, name, f->klen) == 0 && name[f->klen] == '\0';
	}
	len = strlen(name);
	sc_json_unescape(base + f->kpos - 1, f->klen + 2, &k);
	eq = k.len == len && memcmp(k.p, name, len) == 0;
	sc_buf_free(&k);
	return eq;
}

long
sc_json_find(const char *base, const struct sc_jfields *fs, const char *name)
{
	size_t len = strlen(name);
	long i;

	for (i = (long)fs->n - 1; i >= 0; i--)
		if (sc_json_key_is_n(base, &fs->v[i], name, len))
			return i;
	return -1;
}

static unsigned
hex4(const char *p)
{
	return (unsigned)(hexval((unsigned char)p[0]) << 12 |
	    hexval((unsigned char)p[1]) << 8 | hexval((unsigned char)p[2]) << 4 |
	    hexval((unsigned char)p[3]));
}

/*
 * The text of a record comes through here, with a "\n" escape every line
 * or so: the runs between escapes are copied sixteen bytes at a time
 * straight into the buffer, with no call per run.  Every escape is at
 * least as long as what it stands for, so the output fits in the input's
 * length; sixteen bytes more let a block be stored whole before its end
 * is known.
 */
size_t
sc_json_unescape(const char *p, size_t n, struct sc_buf *out)
{
	const char *q = p + 1, *end = p + n - 1;	/* inside the quotes */
	size_t lone = 0;
	char *o;

	sc_buf_grow(out, (size_t)(end - q) + 16);
	o = out->p + out->len;
	while (q < end) {
		uint32_t cp;

		while (end - q >= 16) {
			sc_u8x16 v = sc_load16(q);
			unsigned k = sc_first16(v == '\\');

			memcpy(o, &v, 16);
			o += k;
			q += k;
			if (k < 16)
				break;
		}
		while (q < end && *q != '\\')
			*o++ = *q++;
		if (q >= end)
			break;
		q++;
		switch (*q) {
		case 'b': *o++ = '\b'; q++; continue;
		case 'f': *o++ = '\f'; q++; continue;
		case 'n': *o++ = '\n'; q++; continue;
		case 'r': *o++ = '\r'; q++; continue;
		case 't': *o++ = '\t'; q++; continue;
		case 'u': break;
		default: *o++ = *q; q++; continue;
		}
		cp = hex4(q + 1);
		q += 5;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (end - q >= 6 && q[0] == '\\' && q[1] == 'u') {
				uint32_t lo = hex4(q + 2);

				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					q += 6;
				} else {
					cp = SC_REPLACEMENT;
					lone++;
				}
			} else {
				cp = SC_REPLACEMENT;
				lone++;
			}
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			cp = SC_REPLACEMENT;
			lone++;
		}
		o += sc_utf8_encode(cp, o);
	}
	out->len = (size_t)(o - out->p);
	out->p[out->len] = '\0';
	return lone;
}

/* The escape of byte c (a quote, a backslash or a control) at o; returns its length. */
static size_t
put_escape(char *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	o[0] = '\\';
	switch (c) {
	case '"': o[1] = '"'; return 2;
	case '\\': o[1] = '\\'; return 2;
	case '\n': o[1] = 'n'; return 2;
	case '\t': o[1] = 't'; return 2;
	case '\r': o[1] = 'r'; return 2;
	case '\b': o[1] = 'b'; return 2;
	case '\f': o[1] = 'f'; return 2;
	}
	o[1] = 'u';
	o[2] = '0';
	o[3] = '0';
	o[4] = hex[c >> 4];
	o[5] = hex[c & 15];
	return 6;
}

#ifdef SC_X86_AVX2
/*
 * sc_json_str's loop thirty-two bytes at a time, where the processor has
 * AVX2: the plain bytes from p[i] stored at *op, thirty-two at a time;
 * returns where it stopped, at a byte to escape or with fewer than
 * thirty-two bytes left.
 */
static __attribute__((target("avx2"))) size_t
str_plain32(const unsigned char *p, size_t i, size_t n, char **op)
{
	char *o = *op;

	while (i + 32 <= n) {
		sc_u8x32 v;
		uint32_t m;

		memcpy(&v, p + i, sizeof v);
		memcpy(o, &v, sizeof v);
		m = (uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)((v == '"') | (v == '\\') |
		    (v < 0x20)));
		if (m != 0) {
			o += __builtin_ctz(m);
			i += (size_t)__builtin_ctz(m);
			break;
		}
		o += 32;
		i += 32;
	}
	*op = o;
	return i;
}
#endif

void
sc_json_str(struct sc_buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	char *o;

	/*
	 * Room is kept for the rest of the input as it is, the closing quote
	 * and sixteen bytes more: each sixteen bytes are stored whole (each
	 * thirty-two in str_plain32, while as many are left), and the output
	 * goes on after the plain ones among them, so a text is copied with
	 * no call per line.  An escape makes room for itself.
	 * This writes every text and id that goes out.
	 */
	if (SC_UNLIKELY(out->cap - out->len < n + 19))
		sc_buf_grow(out, n + 18);
	o = out->p + out->len;
	*o++ = '"';
	for (;;) {
		sc_u8x16 v;
		unsigned k;

#ifdef SC_X86_AVX2
		if (i + 32 <= n && sc_cpu_avx2())
			i = str_plain32(p, i, n, &o);
#endif
		if (i + 16 <= n) {
			v = sc_load16(p + i);
		} else if (i < n) {
			/* The last bytes, padded with NULs, which stop the scan like a control. */
			unsigned char tail[16] = { 0 };

			memcpy(tail, p + i, n - i);
			v = sc_load16(tail);
		} else {
			break;
		}
		memcpy(o, &v, 16);
		k = sc_first16((v == '"') | (v == '\\') | (v < 0x20));
		if (i + k >= n) {
			o += n - i;
			break;
		}
		o += k;
		i += k;
		if (k < 16) {
			out->len = (size_t)(o - out->p);
			if (SC_UNLIKELY(out->cap - out->len < n - i + 24)) {
				sc_buf_grow(out, n - i + 23);
				o = out->p + out->len;
			}
			o += put_escape(o, p[i++]);
		}
	}
	*o++ = '"';
	*o = '\0';
	out->len = (size_t)(o - out->p);
}

void
sc_json_int(struct sc_buf *out, int64_t v)
{
	if (v < 0) {
		sc_buf_addc(out, '-');
		sc_json_uint(out, (uint64_t)0 - (uint64_t)v);
	} else {
		sc_json_uint(out, (uint64_t)v);
	}
}

void
sc_json_uint(struct sc_buf *out, uint64_t v)
{
	char tmp[20], *q = tmp + sizeof tmp;
	size_t n;

	/* Digits written backwards, then copied: offsets and counts go out
	 * for every unit, and most have one to five digits. */
	do {
		*--q = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	n = (size_t)(tmp + sizeof tmp - q);
	if (SC_UNLIKELY(out->cap - out->len <= n))
		sc_buf_grow(out, n);
	memcpy(out->p + out->len, q, n);
	out->len += n;
	out->p[out->len] = '\0';
}

/*
 * The common case of %.*g without printf: up to six significant digits of
 * a value that %g writes in fixed notation (10^-4 <= |v| < 10^digits).
 * v times an exact power of ten lands in [10^(digits-1), 10^digits) with
 * one rounding error, far below the 10^-6 margin kept around a half: a
 * value that close to a tie (0.015625 to four digits is one, exactly)
 * goes to snprintf, which rounds the exact binary value.  Returns the
 * length written to tmp, or 0 when snprintf must do it.
 */
static int
num_fixed(double v, int digits, char *tmp)
{
	static const double pow10[] = {
		1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11
	};
	double a = v < 0 ? -v : v, lo = pow10[digits - 1], hi = pow10[digits];
	double scaled = 0, f;
	uint64_t m;
	int k, x, len = 0, nd, i;
	char d[8];

	if (digits > 6 || !(a >= 1e-4) || a >= hi)
		return 0;
	/* k: the power of ten that brings a into [lo, hi). */
	for (k = digits + 4; k >= 0; k--) {
		scaled = a * pow10[k];
		if (scaled < hi)
			break;
	}
	if (k < 0 || scaled < lo)
		return 0;
	f = scaled - floor(scaled);
	if (f > 0.5 - 1e-6 && f < 0.5 + 1e-6)
		return 0;
	m = (uint64_t)floor(scaled + 0.5);
	x = digits - 1 - k;		/* the decimal exponent of the first digit */
	if (m >= (uint64_t)hi) {
		m /= 10;
		x++;
	}
	if (x < -4 || x >= digits)
		return 0;
	for (i = digits - 1; i >= 0; i--) {
		d[i] = (char)('0' + m % 10);
		m /= 10;
	}
	for (nd = digits; nd > 1 && d[nd - 1] == '0' && nd > x + 1; nd--)
		;			/* trailing zeros of the fraction go */
	if (v < 0)
		tmp[len++] = '-';
	if (x < 0) {
		tmp[len++] = '0';
		tmp[len++] = '.';
		for (i = 0; i < -x - 1; i++)
			tmp[len++] = '0';
		for (i = 0; i < nd; i++)
			tmp[len++] = d[i];
	} else {
		for (i = 0; i <= x; i++)
			tmp[len++] = d[i];
		if (nd > x + 1) {
			tmp[len++] = '.';
			for (i = x + 1; i < nd; i++)
				tmp[len++] = d[i];
		}
	}
	return len;
}

void
sc_json_num(struct sc_buf *out, double v, int digits)
{
	char tmp[64];
	int len;

	if (!isfinite(v)) {
		sc_buf_adds(out, "null");
		return;
	}
	if (digits < 1 || digits > 17)
		digits = 17;
	if (v == 0) {
		sc_buf_addc(out, '0');	/* no "-0" */
		return;
	}
	/* Written in place: at most 16 bytes ("-0.0000" and six digits). */
	if (SC_UNLIKELY(out->cap - out->len <= 32))
		sc_buf_grow(out, 32);
	if ((len = num_fixed(v, digits, out->p + out->len)) > 0) {
		out->len += (size_t)len;
		out->p[out->len] = '\0';
		return;
	}
	out->p[out->len] = '\0';
	/*
	 * The locale is never set (sc_init), so LC_NUMERIC is "C" and %g
	 * writes a point; the loop below guards against a caller that set it.
	 */
	len = snprintf(tmp, sizeof tmp, "%.*g", digits, v);
	for (int i = 0; i < len; i++)
		if (tmp[i] == ',')
			tmp[i] = '.';
	sc_buf_add(out, tmp, (size_t)len);
}

void
sc_jobj_begin(struct sc_jobj *o, struct sc_buf *b)
{
	o->b = b;
	o->n = 0;
	sc_buf_addc(b, '{');
}

void
sc_jobj_key(struct sc_jobj *o, const char *key)
{
	if (o->n++ > 0)
		sc_buf_addc(o->b, ',');
	sc_json_strz(o->b, key);
	sc_buf_addc(o->b, ':');
}

void
sc_jobj_end(struct sc_jobj *o)
{
	sc_buf_addc(o->b, '}');
}
