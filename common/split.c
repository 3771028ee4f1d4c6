/*
 * split.c: units and dump boundaries; see split.h.
 */
#include "split.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

void
sc_spans_add(struct sc_spans *s, size_t start, size_t end)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n].start = start;
	s->v[s->n].end = end;
	s->n++;
}

static int
blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\f' &&
		    p[i] != '\v')
			return 0;
	return 1;
}

/* End of the line starting at i (the position of its '\n', or n). */
static size_t
line_end(const char *t, size_t n, size_t i)
{
	const char *nl = memchr(t + i, '\n', n - i);

	return nl ? (size_t)(nl - t) : n;
}

void
sc_split_paragraphs(const char *t, size_t n, struct sc_spans *out)
{
	size_t i = 0, start = 0, end = 0;
	int in = 0;

	while (i < n) {
		size_t e = line_end(t, n, i);

		if (blank(t + i, e - i)) {
			if (in)
				sc_spans_add(out, start, end);
			in = 0;
		} else {
			if (!in)
				start = i;
			in = 1;
			end = e;
		}
		i = e + 1;
	}
	if (in)
		sc_spans_add(out, start, end);
}

void
sc_split_lines(const char *t, size_t n, struct sc_spans *out)
{
	size_t i = 0;

	while (i < n) {
		size_t e = line_end(t, n, i);

		if (!blank(t + i, e - i))
			sc_spans_add(out, i, e);
		i = e + 1;
	}
}

/* ------------------------------------------------------------------ */

static void
piece_reset(struct sc_piece *pc)
{
	for (size_t i = 0; i < pc->nkv; i++) {
		free(pc->kv[i].key);
		sc_buf_free(&pc->kv[i].val);
	}
	pc->nkv = 0;
	sc_buf_reset(&pc->id);
	pc->undecoded = 0;
	pc->charset = NULL;
}

static void
piece_free(struct sc_piece *pc)
{
	piece_reset(pc);
	free(pc->kv);
	sc_buf_free(&pc->id);
}

static struct sc_buf *
piece_kv(struct sc_piece *pc, const char *key)
{
	if (pc->nkv == pc->capkv) {
		pc->capkv = pc->capkv ? pc->capkv * 2 : 8;
		pc->kv = xreallocarray(pc->kv, pc->capkv, sizeof *pc->kv);
	}
	pc->kv[pc->nkv].key = xstrdup(key);
	memset(&pc->kv[pc->nkv].val, 0, sizeof pc->kv[pc->nkv].val);
	return &pc->kv[pc->nkv++].val;
}

/* Add a metadata value, repairing invalid UTF-8 (headers are bytes). */
static void
piece_kv_add(struct sc_piece *pc, const char *key, const char *v, size_t n)
{
	sc_utf8_repair(v, n, piece_kv(pc, key));
}

static int
starts_with(const char *p, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return n >= k && memcmp(p, lit, k) == 0;
}

static uintmax_t
newlines(const char *p, size_t n)
{
	uintmax_t c = 0;
	const char *q;

	while (n > 0 && (q = memchr(p, '\n', n)) != NULL) {
		c++;
		n -= (size_t)(q - p) + 1;
		p = q + 1;
	}
	return c;
}

int
sc_dump_is_warc(const char *raw, size_t n)
{
	if (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) {
		raw += 3;
		n -= 3;
	}
	return starts_with(raw, n, "WARC/1.") || starts_with(raw, n, "WARC/0.");
}

/* Trimmed value of a "Name: value" header line, or NULL. */
static const char *
header_value(const char *line, size_t len, const char *name, size_t *vlen)
{
	size_t k = strlen(name);
	const char *v, *e = line + len;

	if (len <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return NULL;
	v = line + k + 1;
	while (v < e && (*v == ' ' || *v == '\t'))
		v++;
	while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	*vlen = (size_t)(e - v);
	return v;
}

/* charset=... inside a Content-Type value, copied into buf. */
static const char *
content_charset(const char *v, size_t n, char *buf, size_t bufsize)
{
	for (size_t i = 0; i + 8 <= n; i++) {
		if (strncasecmp(v + i, "charset=", 8) == 0) {
			size_t j = i + 8, k = 0;

			if (j < n && (v[j] == '"' || v[j] == '\''))
				j++;
			while (j < n && k + 1 < bufsize && v[j] != '"' && v[j] != '\'' &&
			    v[j] != ';' && v[j] != ' ')
				buf[k++] = v[j++];
			buf[k] = '\0';
			return k > 0 ? buf : NULL;
		}
	}
	return NULL;
}

/*
 * Header block: lines up to an empty line.  Returns the offset just past
 * the empty line, or n when there is none.
 */
static size_t
header_end(const char *p, size_t n, size_t i)
{
	while (i < n) {
		size_t e = line_end(p, n, i);
		size_t len = e - i;

		if (len == 0 || (len == 1 && p[i] == '\r'))
			return e < n ? e + 1 : n;
		i = e + 1;
	}
	return n;
}

/*
 * The same, and whether the empty line was there with its line end: with
 * more data to come, a header block is whole only then.
 */
static size_t
header_block_end(const char *p, size_t n, size_t i, int *found)
{
	*found = 0;
	while (i < n) {
		size_t e = line_end(p, n, i);
		size_t len = e - i;

		if (len == 0 || (len == 1 && p[i] == '\r')) {
			*found = e < n;
			return e < n ? e + 1 : n;
		}
		i = e + 1;
	}
	return n;
}

/*
 * The WARC reader works on what it has, raw[0..n), and when the data may
 * go on (!final) stops at the start of a record it cannot finish yet: its
 * header block, its Content-Length of body or the next record start (for a
 * record without a length, or after data that is no record) not in hand.
 * Everything it commits is what the whole input would give.
 */
static void
warc_run(struct sc_cutter *c, const char *raw, size_t n, int final)
{
	struct sc_piece *pc = &c->pc;
	size_t pos = c->pos;
	char csbuf[64];

	if (!c->bom_done) {
		if (n < 3 && !final)
			return;
		c->bom_done = 1;
		if (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
			pos = 3;
	}
	while (pos < n) {
		size_t hstart, hend, bstart, blen = 0, i;
		const char *type = NULL, *ctype = NULL, *v, *warn = NULL;
		size_t typelen = 0, ctypelen = 0, vlen;
		int have_len = 0, found;
		uintmax_t rec_line, body_line;

		if (!c->lost) {
			/* Blank lines between records. */
			while (pos < n && (raw[pos] == '\r' || raw[pos] == '\n')) {
				c->line += raw[pos] == '\n';
				pos++;
			}
			if (pos >= n || (!final && n - pos < 5))
				break;
			if (!starts_with(raw + pos, n - pos, "WARC/")) {
				c->warn = "data between WARC records skipped";
				c->lost = 1;
				c->resume = c->dropped + pos;
			}
		}
		if (c->lost) {
			/* Lost sync: look for the next record header. */
			const char *next = NULL;

			for (i = (size_t)(c->resume - c->dropped); i + 6 < n; i++) {
				if (raw[i] == '\n' && memcmp(raw + i + 1, "WARC/", 5) == 0) {
					next = raw + i + 1;
					break;
				}
			}
			if (next == NULL) {
				if (!final) {
					/* What is searched is skipped: keep only the tail. */
					size_t stop = i > pos ? i : pos;

					c->line += newlines(raw + pos, stop - pos);
					pos = stop;
					c->resume = c->dropped + pos;
				}
				break;
			}
			c->lost = 0;
			c->resume = 0;
			c->line += newlines(raw + pos, (size_t)(next - (raw + pos)));
			pos = (size_t)(next - raw);
		}
		rec_line = c->line;
		hstart = pos;
		hend = header_block_end(raw, n, pos, &found);
		if (!found && !final)
			break;
		piece_reset(pc);
		for (i = line_end(raw, n, hstart) + 1; i < hend; ) {
			size_t e = line_end(raw, n, i), len = e - i;

			if ((v = header_value(raw + i, len, "WARC-Type", &vlen)) != NULL) {
				type = v;
				typelen = vlen;
			} else if ((v = header_value(raw + i, len, "WARC-Target-URI", &vlen)) != NULL) {
				piece_kv_add(pc, "url", v, vlen);
			} else if ((v = header_value(raw + i, len, "WARC-Date", &vlen)) != NULL) {
				piece_kv_add(pc, "date", v, vlen);
			} else if ((v = header_value(raw + i, len, "WARC-Record-ID", &vlen)) != NULL) {
				piece_kv_add(pc, "warc_id", v, vlen);
			} else if ((v = header_value(raw + i, len, "Content-Type", &vlen)) != NULL) {
				ctype = v;
				ctypelen = vlen;
			} else if ((v = header_value(raw + i, len, "Content-Length", &vlen)) != NULL) {
				blen = 0;
				have_len = vlen > 0;
				for (size_t k = 0; k < vlen; k++) {
					if (v[k] < '0' || v[k] > '9' || blen > (SIZE_MAX - 9) / 10) {
						have_len = 0;
						break;
					}
					blen = blen * 10 + (size_t)(v[k] - '0');
				}
			}
			i = e + 1;
		}
		body_line = rec_line + newlines(raw + hstart, hend - hstart);
		bstart = hend;
		if (!have_len) {
			/* No usable length: the block runs to the next record. */
			size_t k = bstart;

			if (c->resume > c->dropped + bstart)
				k = (size_t)(c->resume - c->dropped);
			for (; k + 6 < n; k++)
				if (raw[k] == '\n' && memcmp(raw + k + 1, "WARC/", 5) == 0)
					break;
			if (k + 6 >= n && !final) {
				c->resume = c->dropped + k;
				break;
			}
			warn = "WARC record without a valid Content-Length";
			blen = (k + 6 < n ? k + 1 : n) - bstart;
		}
		if (blen > n - bstart) {
			if (!final)
				break;
			warn = "truncated WARC record";
			blen = n - bstart;
		}
		/* The record is whole: commit it. */
		if (warn != NULL)
			c->warn = warn;
		c->resume = 0;
		pos = bstart + blen;
		{
			int keep = type != NULL && (
			    (typelen == 8 && memcmp(type, "response", 8) == 0) ||
			    (typelen == 10 && memcmp(type, "conversion", 10) == 0) ||
			    (typelen == 8 && memcmp(type, "resource", 8) == 0));
			const char *body = raw + bstart;
			size_t bodylen = blen;

			if (keep) {
				piece_kv_add(pc, "warc_type", type, typelen);
				pc->undecoded = 1;
				if (ctype != NULL && ctypelen >= 16 &&
				    strncasecmp(ctype, "application/http", 16) == 0) {
					/* An HTTP response: its headers, then the payload. */
					size_t he = header_end(body, bodylen, 0);

					for (i = 0; i < he; ) {
						size_t e = line_end(body, bodylen, i);

						if ((v = header_value(body + i, e - i, "Content-Type", &vlen)) != NULL) {
							piece_kv_add(pc, "content_type", v, vlen);
							pc->charset = content_charset(v, vlen, csbuf, sizeof csbuf);
						}
						i = e + 1;
					}
					body += he;
					bodylen -= he;
				} else if (ctype != NULL) {
					piece_kv_add(pc, "content_type", ctype, ctypelen);
					pc->charset = content_charset(ctype, ctypelen, csbuf, sizeof csbuf);
				}
				pc->p = body;
				pc->len = bodylen;
				pc->line = rec_line;
				c->fn(pc, c->ctx);
				c->count++;
			}
		}
		c->line = body_line + newlines(raw + bstart, blen);
	}
	c->pos = pos;
}

size_t
sc_cut_warc(const char *raw, size_t n, sc_piece_fn fn, void *ctx, const char **warn)
{
	struct sc_cutter c;
	size_t count;

	sc_cutter_init(&c, SC_CUT_WARC, fn, ctx);
	warc_run(&c, raw, n, 1);
	*warn = c.warn;
	count = c.count;
	sc_cutter_free(&c);
	return count;
}

/* ------------------------------------------------------------------ */

static int
is_vertical_open(const char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	return n >= 5 && memcmp(p, "<doc", 4) == 0 && (p[4] == ' ' || p[4] == '>' ||
	    p[4] == '\t') && p[n - 1] == '>';
}

static int
is_vertical_close(const char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	return n == 6 && memcmp(p, "</doc>", 6) == 0;
}

static int
is_header(const char *p, size_t n, const char **name, size_t *namelen)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	if (n < 9 || memcmp(p, "==> ", 4) != 0 || memcmp(p + n - 4, " <==", 4) != 0)
		return 0;
	*name = p + 4;
	*namelen = n - 8;
	return 1;
}

static int
is_formfeed(const char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	return n == 1 && p[0] == '\f';
}

enum sc_dump_kind
sc_dump_detect(const char *t, size_t n)
{
	size_t i = 0;
	const char *name;
	size_t nl;

	while (i < n) {
		size_t e = line_end(t, n, i);

		if (!blank(t + i, e - i) || is_formfeed(t + i, e - i)) {
			if (is_vertical_open(t + i, e - i))
				return SC_DUMP_VERTICAL;
			if (is_header(t + i, e - i, &name, &nl))
				return SC_DUMP_HEADERS;
			break;
		}
		i = e + 1;
	}
	/* A form-feed line anywhere separates documents. */
	for (i = 0; i < n; ) {
		const char *ff = memchr(t + i, '\f', n - i);
		size_t ls, e;

		if (ff == NULL)
			break;
		ls = (size_t)(ff - t);
		while (ls > 0 && t[ls - 1] != '\n')
			ls--;
		e = line_end(t, n, ls);
		if (is_formfeed(t + ls, e - ls))
			return SC_DUMP_FORMFEED;
		i = (size_t)(ff - t) + 1;
	}
	return SC_DUMP_NONE;
}

static size_t
decode_entity(const char *p, size_t n, struct sc_buf *out)
{
	static const struct { const char *name; char c; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' }
	};

	for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++)
		if (starts_with(p, n, ents[k].name)) {
			sc_buf_addc(out, ents[k].c);
			return strlen(ents[k].name);
		}
	if (n >= 4 && p[1] == '#') {
		uint32_t cp = 0;
		size_t i = 2;
		int hex = p[2] == 'x' || p[2] == 'X', digits = 0;

		if (hex)
			i++;
		for (; i < n && i < 12; i++, digits++) {
			int d;

			if (p[i] >= '0' && p[i] <= '9')
				d = p[i] - '0';
			else if (hex && p[i] >= 'a' && p[i] <= 'f')
				d = p[i] - 'a' + 10;
			else if (hex && p[i] >= 'A' && p[i] <= 'F')
				d = p[i] - 'A' + 10;
			else
				break;
			cp = cp * (hex ? 16 : 10) + (uint32_t)d;
		}
		if (digits > 0 && i < n && p[i] == ';' && cp > 0 && cp <= 0x10FFFF &&
		    (cp < 0xD800 || cp > 0xDFFF)) {
			sc_buf_add_cp(out, cp);
			return i + 1;
		}
	}
	sc_buf_addc(out, '&');
	return 1;
}

/* name="value" pairs of a <doc ...> line. */
static void
vertical_attrs(const char *p, size_t n, struct sc_piece *pc)
{
	size_t i = 4;

	while (i < n) {
		size_t ks, ke;
		char q;

		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		ks = i;
		while (i < n && p[i] != '=' && p[i] != ' ' && p[i] != '>' && p[i] != '\t')
			i++;
		ke = i;
		if (i >= n || p[i] != '=' || ke == ks) {
			i++;
			continue;
		}
		i++;
		if (i >= n || (p[i] != '"' && p[i] != '\''))
			continue;
		q = p[i++];
		{
			struct sc_buf v = {0}, key = {0};
			size_t vs = i;

			while (i < n && p[i] != q)
				i++;
			for (size_t k = vs; k < i; ) {
				if (p[k] == '&')
					k += decode_entity(p + k, i - k, &v);
				else
					sc_buf_addc(&v, p[k++]);
			}
			i++;
			sc_buf_add(&key, p + ks, ke - ks);
			if (strcmp(key.p, "id") == 0) {
				sc_buf_reset(&pc->id);
				sc_utf8_repair(v.p ? v.p : "", v.len, &pc->id);
			} else {
				piece_kv_add(pc, key.p, v.p ? v.p : "", v.len);
			}
			sc_buf_free(&v);
			sc_buf_free(&key);
		}
	}
}

static void
give(struct sc_cutter *c, const char *t, size_t start, size_t end, uintmax_t line)
{
	c->pc.p = t + start;
	c->pc.len = end - start;
	c->pc.line = line;
	c->fn(&c->pc, c->ctx);
	c->count++;
}

/*
 * The line-based cutters, over the complete lines of t[c->pos..n) (and
 * the last, unended one when final).  State lives in c, so that text fed
 * in pieces cuts as the whole would: offsets are into t, the text from
 * c->dropped on.
 */
static void
lines_run(struct sc_cutter *c, const char *t, size_t n, int final)
{
	size_t i = c->pos;

	while (i < n) {
		size_t e = line_end(t, n, i), next, len;
		const char *name;
		size_t nl;

		if (e == n && !final)
			break;
		next = e < n ? e + 1 : n;
		if (c->detect && (!blank(t + i, e - i) || is_formfeed(t + i, e - i))) {
			/* The first line with something on it tells, as sc_dump_detect. */
			c->detect = 0;
			if (is_vertical_open(t + i, e - i))
				c->kind = SC_DUMP_VERTICAL;
			else if (is_header(t + i, e - i, &name, &nl))
				c->kind = SC_DUMP_HEADERS;
			else {
				c->kind = SC_DUMP_FORMFEED;
				c->maybe_none = 1;
			}
		}
		switch (c->how) {
		case SC_CUT_SEPARATOR:
			len = e - i;
			while (len > 0 && (t[i + len - 1] == '\r' || t[i + len - 1] == ' ' ||
			    t[i + len - 1] == '\t'))
				len--;
			if (len == c->seplen && memcmp(t + i, c->sep, c->seplen) == 0) {
				give(c, t, c->start, i, c->start_line);
				c->start = next;
				c->start_line = c->line + 1;
			}
			break;
		case SC_CUT_MATCHING:
			if (i > c->start && c->match(t + i, e - i, c->mctx)) {
				give(c, t, c->start, i, c->start_line);
				c->start = i;
				c->start_line = c->line;
			}
			break;
		default:
			switch (c->kind) {
			case SC_DUMP_VERTICAL:
				if (is_vertical_open(t + i, e - i)) {
					if (c->in || !blank(t + c->start, i - c->start))
						give(c, t, c->start, i, c->start_line);
					piece_reset(&c->pc);
					vertical_attrs(t + i, e - i, &c->pc);
					c->start = next;
					c->start_line = c->line + 1;
					c->in = 1;
				} else if (is_vertical_close(t + i, e - i)) {
					give(c, t, c->start, i, c->start_line);
					piece_reset(&c->pc);
					c->start = next;
					c->start_line = c->line + 1;
					c->in = 0;
				}
				break;
			case SC_DUMP_HEADERS:
				if (is_header(t + i, e - i, &name, &nl)) {
					if (c->in || !blank(t + c->start, i - c->start)) {
						size_t end = i;

						/*
						 * head and tail put one blank line before the next
						 * header.  Two bytes before the piece are always kept.
						 */
						if (c->dropped + end >= 2 && t[end - 1] == '\n' &&
						    t[end - 2] == '\n')
							end--;
						give(c, t, c->start, end, c->start_line);
					}
					piece_reset(&c->pc);
					piece_kv_add(&c->pc, "file", name, nl);
					c->start = next;
					c->start_line = c->line + 1;
					c->in = 1;
				}
				break;
			case SC_DUMP_FORMFEED:
				if (is_formfeed(t + i, e - i)) {
					give(c, t, c->start, i, c->start_line);
					c->start = next;
					c->start_line = c->line + 1;
					c->ff_seen = 1;
				}
				break;
			default:
				break;
			}
		}
		i = next;
		c->line++;
	}
	c->pos = i;
}

/* The end of the text: what the last boundary left open. */
static void
lines_end(struct sc_cutter *c, const char *t, size_t n)
{
	if (c->how != SC_CUT_DUMP) {
		if (c->start < n)
			give(c, t, c->start, n, c->start_line);
	} else if (c->kind == SC_DUMP_NONE || (c->maybe_none && !c->ff_seen)) {
		/* One document (nothing was cut, so nothing was dropped). */
		give(c, t, 0, n, 1);
	} else if (c->start < n && (c->in || !blank(t + c->start, n - c->start))) {
		give(c, t, c->start, n, c->start_line);
	}
}

void
sc_cutter_init(struct sc_cutter *c, enum sc_cut_how how, sc_piece_fn fn, void *ctx)
{
	memset(c, 0, sizeof *c);
	c->how = how;
	c->kind = SC_DUMP_NONE;
	c->detect = how == SC_CUT_DUMP;
	c->fn = fn;
	c->ctx = ctx;
	c->line = c->start_line = 1;
}

void
sc_cutter_free(struct sc_cutter *c)
{
	piece_free(&c->pc);
	sc_buf_free(&c->buf);
}

void
sc_cutter_feed(struct sc_cutter *c, const char *p, size_t n)
{
	size_t drop;

	sc_buf_add(&c->buf, p, n);
	if (c->how == SC_CUT_WARC) {
		warc_run(c, c->buf.p, c->buf.len, 0);
		drop = c->pos;
	} else {
		lines_run(c, c->buf.p, c->buf.len, 0);
		/* Keep the open piece, and two bytes before it (see SC_DUMP_HEADERS). */
		drop = c->start > 2 ? c->start - 2 : 0;
		c->start -= drop;
	}
	if (drop > 0) {
		memmove(c->buf.p, c->buf.p + drop, c->buf.len - drop);
		c->buf.len -= drop;
		c->buf.p[c->buf.len] = '\0';
		c->pos -= drop;
		c->dropped += drop;
	}
}

size_t
sc_cutter_end(struct sc_cutter *c, const char **warn)
{
	const char *t = c->buf.p ? c->buf.p : "";

	if (c->how == SC_CUT_WARC) {
		warc_run(c, t, c->buf.len, 1);
	} else {
		lines_run(c, t, c->buf.len, 1);
		lines_end(c, t, c->buf.len);
	}
	if (warn != NULL)
		*warn = c->warn;
	return c->count;
}

static size_t
cut_whole(struct sc_cutter *c, const char *t, size_t n)
{
	size_t count;

	lines_run(c, t, n, 1);
	lines_end(c, t, n);
	count = c->count;
	sc_cutter_free(c);
	return count;
}

size_t
sc_cut_dump(const char *t, size_t n, enum sc_dump_kind kind, sc_piece_fn fn, void *ctx)
{
	struct sc_cutter c;

	sc_cutter_init(&c, SC_CUT_DUMP, fn, ctx);
	c.detect = 0;
	c.kind = kind;
	return cut_whole(&c, t, n);
}

size_t
sc_cut_separator(const char *t, size_t n, const char *sep, sc_piece_fn fn, void *ctx)
{
	struct sc_cutter c;

	sc_cutter_init(&c, SC_CUT_SEPARATOR, fn, ctx);
	c.sep = sep;
	c.seplen = strlen(sep);
	return cut_whole(&c, t, n);
}

size_t
sc_cut_matching(const char *t, size_t n, int (*match)(const char *, size_t, void *),
    void *mctx, sc_piece_fn fn, void *ctx)
{
	struct sc_cutter c;

	sc_cutter_init(&c, SC_CUT_MATCHING, fn, ctx);
	c.match = match;
	c.mctx = mctx;
	return cut_whole(&c, t, n);
}
