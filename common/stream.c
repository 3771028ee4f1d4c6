/*
 * stream.c: reading and writing document streams; see stream.h and
 * DESIGN.md ("Streams: one contract for all four tools").
 *
 * Layers, bottom up: a source (a file descriptor, possibly gzip or zstd,
 * recognised by magic bytes), a record reader (delimited records in one
 * growable buffer, so memory is bounded by the largest record), encoding
 * detection per operand, record decoding into a struct sc_doc, the tool's
 * callback, and the writer.
 */
#include "stream.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "simd.h"
#include "text.h"
#include "utf8.h"

#define READ_CHUNK (1 << 20)
#define MAX_REPORTED_BAD 100

/* ------------------------------------------------------------------ */
/* Sources: plain, gzip or zstd bytes from a file descriptor.          */

enum src_kind { SRC_PLAIN, SRC_GZIP, SRC_ZSTD };

struct src {
	int fd;
	enum src_kind kind;
	unsigned char *raw;	/* compressed (or first plain) bytes */
	size_t raw_pos, raw_len;
	int raw_eof;
	z_stream z;
	int z_init, z_end;
	ZSTD_DStream *zs;
	size_t zs_last;		/* last ZSTD_decompressStream hint: 0 = frame complete */
	const char *err;	/* decompression error, static */
	int err_no;		/* read error */
	uint64_t raw_bytes;	/* bytes read from the descriptor */
};

static ssize_t
read_fd(struct src *s, void *buf, size_t n)
{
	sc_out_idle();
	for (;;) {
		ssize_t r = read(s->fd, buf, n);

		if (r >= 0) {
			s->raw_bytes += (uint64_t)r;
			return r;
		}
		if (errno != EINTR) {
			s->err_no = errno;
			return -1;
		}
	}
}

/* Refill the raw buffer when it is empty; -1 on error. */
static int
raw_fill(struct src *s)
{
	ssize_t r;

	if (s->raw_pos < s->raw_len || s->raw_eof)
		return 0;
	r = read_fd(s, s->raw, READ_CHUNK);
	if (r < 0)
		return -1;
	s->raw_pos = 0;
	s->raw_len = (size_t)r;
	if (r == 0)
		s->raw_eof = 1;
	return 0;
}

static int
src_open(struct src *s, int fd)
{
	memset(s, 0, sizeof *s);
	s->fd = fd;
	s->raw = xmalloc(READ_CHUNK);
	/* Read until we have 4 bytes or EOF, to see the magic. */
	while (s->raw_len < 4 && !s->raw_eof) {
		ssize_t r = read_fd(s, s->raw + s->raw_len, READ_CHUNK - s->raw_len);

		if (r < 0)
			return -1;
		if (r == 0)
			s->raw_eof = 1;
		s->raw_len += (size_t)r;
	}
	if (s->raw_len >= 2 && s->raw[0] == 0x1F && s->raw[1] == 0x8B) {
		s->kind = SRC_GZIP;
		/* 15 + 32: zlib or gzip header, detected. */
		if (inflateInit2(&s->z, 15 + 32) != Z_OK) {
			s->err = "gzip: cannot initialise zlib";
			return -1;
		}
		s->z_init = 1;
	} else if (s->raw_len >= 4 && s->raw[0] == 0x28 && s->raw[1] == 0xB5 &&
	    s->raw[2] == 0x2F && s->raw[3] == 0xFD) {
		s->kind = SRC_ZSTD;
		s->zs = ZSTD_createDStream();
		if (s->zs == NULL || ZSTD_isError(ZSTD_initDStream(s->zs))) {
			s->err = "zstd: cannot initialise";
			return -1;
		}
		s->zs_last = 1;
	}
	return 0;
}

static void
src_close(struct src *s)
{
	if (s->z_init)
		inflateEnd(&s->z);
	if (s->zs != NULL)
		ZSTD_freeDStream(s->zs);
	free(s->raw);
	s->raw = NULL;
}

/* Read up to n decompressed bytes: >0 bytes, 0 at the end, -1 on error. */
static ssize_t
src_read(struct src *s, char *buf, size_t n)
{
	if (s->kind == SRC_PLAIN) {
		if (s->raw_pos < s->raw_len) {
			size_t k = s->raw_len - s->raw_pos;

			if (k > n)
				k = n;
			memcpy(buf, s->raw + s->raw_pos, k);
			s->raw_pos += k;
			return (ssize_t)k;
		}
		if (s->raw_eof)
			return 0;
		return read_fd(s, buf, n);
	}
	if (s->kind == SRC_GZIP) {
		for (;;) {
			int rc;

			if (s->z_end) {
				/* Concatenated members: go on if more bytes follow. */
				if (raw_fill(s) < 0)
					return -1;
				if (s->raw_pos >= s->raw_len)
					return 0;
				inflateReset(&s->z);
				s->z_end = 0;
			}
			if (raw_fill(s) < 0)
				return -1;
			if (s->raw_pos >= s->raw_len) {
				s->err = "gzip: unexpected end of compressed data";
				return -1;
			}
			s->z.next_in = s->raw + s->raw_pos;
			s->z.avail_in = (uInt)(s->raw_len - s->raw_pos);
			s->z.next_out = (unsigned char *)buf;
			s->z.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
			rc = inflate(&s->z, Z_NO_FLUSH);
			s->raw_pos = s->raw_len - s->z.avail_in;
			if (rc == Z_STREAM_END)
				s->z_end = 1;
			else if (rc != Z_OK && rc != Z_BUF_ERROR) {
				s->err = "gzip: corrupt compressed data";
				return -1;
			}
			if ((char *)s->z.next_out > buf)
				return (char *)s->z.next_out - buf;
		}
	}
	/* zstd */
	for (;;) {
		ZSTD_inBuffer in;
		ZSTD_outBuffer out = { buf, n, 0 };
		size_t rc;

		if (raw_fill(s) < 0)
			return -1;
		if (s->raw_pos >= s->raw_len) {
			if (s->zs_last != 0) {
				s->err = "zstd: unexpected end of compressed data";
				return -1;
			}
			return 0;
		}
		in.src = s->raw + s->raw_pos;
		in.size = s->raw_len - s->raw_pos;
		in.pos = 0;
		rc = ZSTD_decompressStream(s->zs, &out, &in);
		s->raw_pos += in.pos;
		if (ZSTD_isError(rc)) {
			s->err = "zstd: corrupt compressed data";
			return -1;
		}
		s->zs_last = rc;
		if (out.pos > 0)
			return (ssize_t)out.pos;
	}
}

/* ------------------------------------------------------------------ */
/* The record reader.                                                   */

struct reader {
	struct src src;
	char *buf;
	size_t cap, start, end;
	size_t scan;		/* where the delimiter search resumes */
	int eof, error;
	uintmax_t line;		/* line number at buf[start] */
};

/* Read more bytes into the buffer, compacting or growing it.  0 at EOF. */
static ssize_t
reader_fill(struct reader *r)
{
	ssize_t got;

	if (r->eof || r->error)
		return 0;
	if (r->start > 0 && (r->end == r->cap || r->start >= r->cap / 2)) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->scan -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < READ_CHUNK / 4) {
		size_t ncap = r->cap ? r->cap * 2 : 2 * READ_CHUNK;

		r->buf = xrealloc(r->buf, ncap);
		r->cap = ncap;
	}
	got = src_read(&r->src, r->buf + r->end, r->cap - r->end);
	if (got < 0) {
		r->error = 1;
		return 0;
	}
	if (got == 0) {
		r->eof = 1;
		return 0;
	}
	r->end += (size_t)got;
	return got;
}

enum rec_status { REC_OK, REC_EOF, REC_TOO_LONG, REC_ERROR };

/*
 * Next record ending at delim (the delimiter is consumed, not included).
 * The last record may lack its delimiter.  A record longer than max is
 * skipped up to its delimiter and REC_TOO_LONG returned; when pass_fn is
 * given it receives the skipped bytes (for --on-error=pass).
 */
static enum rec_status
reader_next(struct reader *r, int delim, uint64_t max, struct sc_text *rec,
    void (*pass_fn)(const char *, size_t))
{
	r->scan = r->start;
	for (;;) {
		char *hit = NULL;

		if (r->scan < r->end)
			hit = memchr(r->buf + r->scan, delim, r->end - r->scan);
		if (hit != NULL) {
			size_t pos = (size_t)(hit - r->buf);

			rec->p = r->buf + r->start;
			rec->len = pos - r->start;
			r->start = pos + 1;
			if (rec->len > max) {
				/* Whole in the buffer: pass it as the streamed ones are. */
				if (pass_fn != NULL)
					pass_fn(rec->p, rec->len);
				return REC_TOO_LONG;
			}
			return REC_OK;
		}
		r->scan = r->end;
		if (r->end - r->start > max) {
			/* Too long: drop what we have and skip to the delimiter. */
			for (;;) {
				if (pass_fn != NULL)
					pass_fn(r->buf + r->start, r->end - r->start);
				r->start = r->scan = r->end;
				if (reader_fill(r) == 0) {
					if (r->error)
						return REC_ERROR;
					return REC_TOO_LONG;
				}
				hit = memchr(r->buf + r->start, delim, r->end - r->start);
				if (hit != NULL) {
					size_t pos = (size_t)(hit - r->buf);

					if (pass_fn != NULL)
						pass_fn(r->buf + r->start, pos - r->start);
					r->start = r->scan = pos + 1;
					return REC_TOO_LONG;
				}
			}
		}
		if (reader_fill(r) == 0) {
			if (r->error)
				return REC_ERROR;
			if (r->start < r->end) {
				rec->p = r->buf + r->start;
				rec->len = r->end - r->start;
				r->start = r->end;
				if (rec->len > max) {
					if (pass_fn != NULL)
						pass_fn(rec->p, rec->len);
					return REC_TOO_LONG;
				}
				return REC_OK;
			}
			return REC_EOF;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Documents and metadata.                                               */

void
sc_doc_init(struct sc_doc *d)
{
	memset(d, 0, sizeof *d);
	d->text_idx = d->id_idx = d->meta_idx = -1;
}

/*
 * Slots keep their key from one document to the next, and the values'
 * buffer its room (slots past n that were never used are all zeros): a
 * tool sets the same keys in the same order for every document, so the
 * next one finds its key already there and room for its value, with no
 * malloc.
 */
static void
meta_clear(struct sc_meta *m)
{
	m->n = 0;
	m->vals.len = 0;
	memset(m->has, 0, sizeof m->has);
}

static void
meta_free(struct sc_meta *m)
{
	/* Slots are taken in order, so the keyed ones are a prefix of v. */
	for (size_t i = 0; i < m->cap && m->v[i].key != NULL; i++) {
		if (m->v[i].id == 0)
			free(m->v[i].key);
	}
	sc_buf_free(&m->vals);
	memset(m->has, 0, sizeof m->has);
	m->n = 0;
	free(m->v);
	m->v = NULL;
	m->cap = 0;
}

void
sc_doc_clear(struct sc_doc *d)
{
	sc_buf_reset(&d->id);
	sc_buf_reset(&d->text);
	sc_buf_reset(&d->orig);
	sc_buf_reset(&d->raw);
	d->fields.n = 0;
	meta_clear(&d->meta);
	meta_clear(&d->top);
	d->text_idx = d->id_idx = d->meta_idx = -1;
	d->id_assigned = d->text_changed = d->normalized = 0;
	d->jsonl = d->repaired = 0;
	d->charset = NULL;
	d->parent = NULL;
	d->line = d->seq = d->gseq = 0;
	d->part = d->part_line = 0;
	d->more = 0;
}

void
sc_doc_free(struct sc_doc *d)
{
	sc_buf_free(&d->id);
	sc_buf_free(&d->text);
	sc_buf_free(&d->orig);
	sc_buf_free(&d->raw);
	free(d->fields.v);
	meta_free(&d->meta);
	meta_free(&d->top);
	memset(d, 0, sizeof *d);
	d->text_idx = d->id_idx = d->meta_idx = -1;
}

void
sc_doc_set_text(struct sc_doc *d, const char *p, size_t n)
{
	if (p >= d->text.p && p < d->text.p + d->text.len + 1 && d->text.p != NULL) {
		/* A span of the current text: move it down. */
		memmove(d->text.p, p, n);
		d->text.len = n;
		d->text.p[n] = '\0';
	} else {
		sc_buf_reset(&d->text);
		sc_buf_add(&d->text, p, n);
	}
	d->text_changed = 1;
}

/*
 * Keys of metadata by number: each distinct key gets one, kept with the
 * items, so that meta_slot() compares numbers in the item array rather than
 * strings elsewhere in memory.  A batch of records (scmeta) sets the same
 * forty keys in each of hundreds of documents, and the load of each item's
 * key string missed the cache: 2% of scmeta's time (perf, bench corpus).
 * The number is found by the caller's pointer, which is mostly a string
 * constant or a table's name, and one comparison of the (cached) strings;
 * else by a hash of the key.  Past KEY_IDS / 2 keys, a new one gets 0 and
 * is compared as a string.
 */
#define KEY_IDS 1024
_Static_assert(KEY_IDS / 2 <= 8 * 64, "struct sc_meta's has[] holds a bit a key number");
static char *key_names[KEY_IDS / 2 + 1];	/* by number, from 1 */
static char *key_json[KEY_IDS / 2 + 1];	/* each as a JSON string and a colon */
static uint32_t key_json_len[KEY_IDS / 2 + 1];
static uint32_t key_len[KEY_IDS / 2 + 1];	/* strlen of each name */
static uint32_t key_tab[KEY_IDS];		/* numbers by hash, 0 empty */
static uint32_t key_nids;
static struct {
	const char *p;
	uint32_t id;
} key_seen[256];

/* Where the search of key_tab for the key p[0..n) starts. */
static size_t
key_hash(const char *p, size_t n)
{
	uint32_t x = 2166136261u;

	for (size_t i = 0; i < n; i++)
		x = (x ^ (unsigned char)p[i]) * 16777619u;
	return (x ^ x >> 15) & (KEY_IDS - 1);
}

/* The number of the key p[0..n), 0 when it has none (none is given here). */
static uint32_t
key_find(const char *p, size_t n)
{
	for (size_t h = key_hash(p, n); key_tab[h] != 0; h = (h + 1) & (KEY_IDS - 1))
		if (key_len[key_tab[h]] == n && memcmp(key_names[key_tab[h]], p, n) == 0)
			return key_tab[h];
	return 0;
}

static uint32_t
key_id(const char *key)
{
	size_t s = ((uintptr_t)key >> 3 ^ (uintptr_t)key >> 11) & 255, h;

	if (key_seen[s].p == key && strcmp(key_names[key_seen[s].id], key) == 0)
		return key_seen[s].id;
	for (h = key_hash(key, strlen(key)); key_tab[h] != 0; h = (h + 1) & (KEY_IDS - 1))
		if (strcmp(key_names[key_tab[h]], key) == 0)
			break;
	if (key_tab[h] == 0) {
		if (key_nids == KEY_IDS / 2)
			return 0;
		struct sc_buf j = { NULL, 0, 0 };

		key_names[++key_nids] = xstrdup(key);
		key_len[key_nids] = (uint32_t)strlen(key);
		sc_json_strz(&j, key);
		sc_buf_addc(&j, ':');
		key_json[key_nids] = j.p;
		key_json_len[key_nids] = (uint32_t)j.len;
		key_tab[h] = key_nids;
	}
	key_seen[s].p = key;
	key_seen[s].id = key_tab[h];
	return key_tab[h];
}

/* See stream.h. */
const char *
sc_meta_key_name(uint32_t id)
{
	return id >= 1 && id <= key_nids ? key_names[id] : NULL;
}

/* Whether item it's key is key, whose number is id. */
static inline int
key_is(const struct sc_meta_item *it, const char *key, uint32_t id)
{
	return id != 0 ? it->id == id : it->id == 0 && strcmp(it->key, key) == 0;
}

/*
 * The slot for key.  Every key in v[0..cap) is kept distinct, the stale
 * ones past n included, so a key found at or past n is not among the
 * document's keys yet: it is moved to n, the slots between shifted up one
 * to keep their order.  A tool that sets the same keys in the same order
 * for every document finds each at n with one comparison (a search of
 * all n slots for each key cost scmeta's 60 fields 4% of its
 * instructions); a document that skips a key shifts that key once, not
 * every key after it.
 */
/* Mark key number id (0: none) as among m's keys in use. */
static inline void
meta_has(struct sc_meta *m, uint32_t id)
{
	if (id != 0)
		m->has[id % 512 / 64] |= 1ULL << id % 64;
}

/*
 * The room a new item array starts with: what the tool said to expect
 * (sc_meta_expect), or the most items any document's array has held so
 * far.  The documents of a batch (scmeta) each start with none, and
 * growing each from 8 to the 64 of forty-odd fields took four
 * reallocations a document.
 */
static size_t meta_cap_hint = 8;

/* See stream.h. */
void
sc_meta_expect(size_t nkeys)
{
	while (meta_cap_hint < nkeys && meta_cap_hint < 1024)
		meta_cap_hint *= 2;
}

/* Item it of m, for key number id, takes a new value: the bytes m->vals gets next. */
static inline struct sc_meta_item *
slot_open(struct sc_meta *m, struct sc_meta_item *it, uint32_t id)
{
	it->val.off = m->vals.len;
	it->val.len = 0;
	meta_has(m, id);
	return it;
}

/* The slot for key, whose number is id (0: none, key compared as a string). */
static struct sc_meta_item *
meta_slot_id(struct sc_meta *m, uint32_t id, const char *key)
{
	struct sc_meta_item *it, t;
	size_t i;

	/* The keys in use are a prefix of v: the first NULL ends them. */
	for (i = m->n; i < m->cap && m->v[i].key != NULL; i++)
		if (key_is(&m->v[i], key, id))
			break;
	if (i < m->cap && m->v[i].key != NULL) {
		if (i > m->n) {
			t = m->v[i];
			memmove(m->v + m->n + 1, m->v + m->n, (i - m->n) * sizeof *m->v);
			m->v[m->n] = t;
		}
		return slot_open(m, &m->v[m->n++], id);
	}
	/* A numbered key not among the document's keys needs no search for it. */
	for (i = 0; i < m->n && (id == 0 || (m->has[id % 512 / 64] >> id % 64 & 1)); i++)
		if (key_is(&m->v[i], key, id)) {
			/* The old value stays where it was, unused. */
			m->v[i].val.off = m->vals.len;
			m->v[i].val.len = 0;
			return &m->v[i];
		}
	if (m->n == m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : meta_cap_hint;

		m->v = xreallocarray(m->v, ncap, sizeof *m->v);
		memset(m->v + m->cap, 0, (ncap - m->cap) * sizeof *m->v);
		m->cap = ncap;
		if (ncap > meta_cap_hint)
			meta_cap_hint = ncap;
	}
	/* A new key: it takes the slot of a stale one it is not. */
	it = &m->v[m->n++];
	if (it->id == 0)
		free(it->key);
	/* A numbered key's string is the one kept with its number. */
	it->key = id != 0 ? key_names[id] : xstrdup(key);
	it->id = id;
	return slot_open(m, it, id);
}

static struct sc_meta_item *
meta_slot(struct sc_meta *m, const char *key)
{
	return meta_slot_id(m, key_id(key), key);
}

/*
 * The slot for key number id (not 0): mostly the next one, which held the
 * same key in the document before (a tool sets its keys in one order).
 */
static inline struct sc_meta_item *
meta_slot_num(struct sc_meta *m, uint32_t id)
{
	struct sc_meta_item *it;

	if (SC_LIKELY(m->n < m->cap && m->v[m->n].id == id)) {
		return slot_open(m, &m->v[m->n++], id);
	}
	/*
	 * A slot never used (the keys end there) and a key not among the
	 * document's: a new item at n, as meta_slot_id would make it (a
	 * batch's documents all start so).
	 */
	if (m->n < m->cap && m->v[m->n].key == NULL && !(m->has[id % 512 / 64] >> id % 64 & 1)) {
		it = &m->v[m->n++];
		it->key = key_names[id];
		it->id = id;
		return slot_open(m, it, id);
	}
	return meta_slot_id(m, id, NULL);
}

/* The value of it, which meta_slot() gave, is what m->vals holds past its start. */
static inline void
meta_done(struct sc_meta *m, struct sc_meta_item *it)
{
	it->val.len = m->vals.len - it->val.off;
}

/* Add n bytes at p to m's values, p perhaps among them (a value copied). */
static void
vals_add(struct sc_meta *m, const char *p, size_t n)
{
	struct sc_buf *b = &m->vals;

	if (b->p != NULL && p >= b->p && p < b->p + b->cap) {
		size_t at = (size_t)(p - b->p);

		sc_buf_grow(b, n);
		p = b->p + at;
	}
	sc_buf_add(b, p, n);
}

void
sc_meta_set_raw(struct sc_doc *d, const char *key, const char *json, size_t n)
{
	struct sc_meta_item *it = meta_slot(&d->meta, key);

	vals_add(&d->meta, json, n);
	meta_done(&d->meta, it);
}

void
sc_meta_set_str(struct sc_doc *d, const char *key, const char *s, size_t n)
{
	struct sc_meta_item *it = meta_slot(&d->meta, key);

	sc_json_str(&d->meta.vals, s, n);
	meta_done(&d->meta, it);
}

void
sc_meta_set_int(struct sc_doc *d, const char *key, int64_t v)
{
	struct sc_meta_item *it = meta_slot(&d->meta, key);

	sc_json_int(&d->meta.vals, v);
	meta_done(&d->meta, it);
}

void
sc_meta_set_num(struct sc_doc *d, const char *key, double v, int digits)
{
	struct sc_meta_item *it = meta_slot(&d->meta, key);

	sc_json_num(&d->meta.vals, v, digits);
	meta_done(&d->meta, it);
}

/* See stream.h. */
uint32_t
sc_meta_key(const char *key)
{
	return key_id(key);
}

void
sc_meta_set_raw_id(struct sc_doc *d, uint32_t id, const char *json, size_t n)
{
	struct sc_meta_item *it = meta_slot_num(&d->meta, id);

	vals_add(&d->meta, json, n);
	meta_done(&d->meta, it);
}

void
sc_meta_set_str_id(struct sc_doc *d, uint32_t id, const char *s, size_t n)
{
	struct sc_meta_item *it = meta_slot_num(&d->meta, id);

	sc_json_str(&d->meta.vals, s, n);
	meta_done(&d->meta, it);
}

void
sc_meta_set_int_id(struct sc_doc *d, uint32_t id, int64_t v)
{
	struct sc_meta_item *it = meta_slot_num(&d->meta, id);

	sc_json_int(&d->meta.vals, v);
	meta_done(&d->meta, it);
}

void
sc_meta_set_num_id(struct sc_doc *d, uint32_t id, double v, int digits)
{
	struct sc_meta_item *it = meta_slot_num(&d->meta, id);

	sc_json_num(&d->meta.vals, v, digits);
	meta_done(&d->meta, it);
}

void
sc_meta_del(struct sc_doc *d, const char *key)
{
	/* An empty value marks a deletion: the writer leaves the key out. */
	(void)meta_slot(&d->meta, key);
}

void
sc_top_set_raw(struct sc_doc *d, const char *key, const char *json, size_t n)
{
	struct sc_meta_item *it = meta_slot(&d->top, key);

	vals_add(&d->top, json, n);
	meta_done(&d->top, it);
}

/* The raw "metadata" object of a record (its own, or its parent's). */
static int
input_meta(const struct sc_doc *d, struct sc_text *obj)
{
	for (; d != NULL; d = d->parent) {
		if (d->jsonl && d->meta_idx >= 0 &&
		    d->fields.v[d->meta_idx].vtype == SC_JOBJ) {
			obj->p = d->raw.p + d->fields.v[d->meta_idx].vpos;
			obj->len = d->fields.v[d->meta_idx].vlen;
			return 1;
		}
	}
	return 0;
}

int
sc_meta_get(const struct sc_doc *d, const char *key, struct sc_text *val)
{
	struct sc_text obj;
	struct sc_jfields fs = {0};
	const char *err;
	size_t pos;
	long i;
	int found = 0;
	/*
	 * By the key's number when it has one (a key has a number from its
	 * first use or never): scmeta -F tsv looked up each of its 45 fields
	 * by strcmp with every item, a tenth of its mispredicted branches.
	 */
	uint32_t id = key_find(key, strlen(key));

	for (size_t k = 0; k < d->meta.n && (id == 0 || (d->meta.has[id % 512 / 64] >> id % 64 & 1));
	    k++)
		if (key_is(&d->meta.v[k], key, id)) {
			if (d->meta.v[k].val.len == 0)
				return 0;	/* deleted */
			val->p = sc_meta_val(&d->meta, &d->meta.v[k]);
			val->len = d->meta.v[k].val.len;
			return 1;
		}
	if (!input_meta(d, &obj))
		return 0;
	if (sc_json_scan_object(obj.p, obj.len, &fs, &err, &pos) == 0 &&
	    (i = sc_json_find(obj.p, &fs, key)) >= 0) {
		val->p = obj.p + fs.v[i].vpos;
		val->len = fs.v[i].vlen;
		found = 1;
	}
	free(fs.v);
	return found;
}

/* ------------------------------------------------------------------ */
/* Options.                                                             */

const char sc_stream_usage[] =
"Stream options:\n"
"  -z, -0, --zero, --null  plain-text documents are separated by NUL bytes\n"
"      --jsonl, --text   read JSON Lines / plain text (default: detect)\n"
"  -J, --to-jsonl        write JSON Lines\n"
"  -T, --to-text         write plain text\n"
"      --text-field NAME read the text from NAME (default: text)\n"
"      --id-field NAME   read the id from NAME (default: id)\n"
"      --max-record SIZE reject larger records (default: 1G)\n"
"      --on-error=fail|skip|pass  what a bad record does (default: fail)\n"
"      --encoding=auto|NAME       charset of plain-text input (default: auto)\n"
"      --no-normalize    keep control and invisible characters as they came\n"
"      --fix-mojibake    repair double-encoded UTF-8 (CafÃ© -> Café)\n"
"      --keep-empty      keep documents whose text ends up empty\n"
"      --source NAME     set the \"source\" field of every record\n"
"      --stats[=json]    print a summary on stderr at the end\n"
"      --progress, --quiet  force or silence progress on stderr\n";

void
sc_stream_init(struct sc_stream *s)
{
	memset(s, 0, sizeof *s);
	s->text_field = "text";
	s->id_field = "id";
	s->max_record = 1ULL << 30;
	s->normalize = 1;
	s->progress = -1;
	s->out_default = SC_ENC_TEXT;
}

int
sc_stream_option(struct sc_stream *s, int ch, const char *arg)
{
	switch (ch) {
	case '0':
	case 'z':
		s->zero = 1;
		return 1;
	case 'J':
		s->out = SC_ENC_JSONL;
		return 1;
	case 'T':
		s->out = SC_ENC_TEXT;
		return 1;
	case SC_OPT_JSONL:
		s->in = SC_ENC_JSONL;
		return 1;
	case SC_OPT_TEXT:
		s->in = SC_ENC_TEXT;
		return 1;
	case SC_OPT_TEXT_FIELD:
		if (*arg == '\0')
			sc_die(SC_ERR, "--text-field: empty name");
		s->text_field = arg;
		return 1;
	case SC_OPT_ID_FIELD:
		if (*arg == '\0')
			sc_die(SC_ERR, "--id-field: empty name");
		s->id_field = arg;
		return 1;
	case SC_OPT_MAX_RECORD:
		if (sc_parse_size(arg, &s->max_record) < 0 || s->max_record == 0)
			sc_die(SC_ERR, "--max-record: bad size '%s' (examples: 512K, 64M, 2G)", arg);
		return 1;
	case SC_OPT_ON_ERROR:
		if (strcmp(arg, "fail") == 0)
			s->on_error = SC_ONERR_FAIL;
		else if (strcmp(arg, "skip") == 0)
			s->on_error = SC_ONERR_SKIP;
		else if (strcmp(arg, "pass") == 0)
			s->on_error = SC_ONERR_PASS;
		else
			sc_die(SC_ERR, "--on-error: expected fail, skip or pass, not '%s'", arg);
		return 1;
	case SC_OPT_ENCODING:
		if (!sc_charset_known(arg))
			sc_die(SC_ERR, "--encoding: unknown charset '%s'", arg);
		s->encoding = strcmp(arg, "auto") == 0 ? NULL : arg;
		return 1;
	case SC_OPT_NO_NORMALIZE:
		s->normalize = 0;
		return 1;
	case SC_OPT_FIX_MOJIBAKE:
		s->fix_mojibake = 1;
		return 1;
	case SC_OPT_KEEP_EMPTY:
		s->keep_empty = 1;
		return 1;
	case SC_OPT_STATS:
		if (arg == NULL || strcmp(arg, "text") == 0)
			s->stats = 1;
		else if (strcmp(arg, "json") == 0)
			s->stats = 2;
		else
			sc_die(SC_ERR, "--stats: expected text or json, not '%s'", arg);
		return 1;
	case SC_OPT_PROGRESS:
		s->progress = 1;
		return 1;
	case SC_OPT_QUIET:
		s->progress = 0;
		return 1;
	case SC_OPT_SOURCE:
		s->source = arg;
		return 1;
	case SC_OPT_HTML:
		s->content = SC_CONTENT_HTML;
		return 1;
	case SC_OPT_PLAIN:
		s->content = SC_CONTENT_PLAIN;
		return 1;
	default:
		return 0;
	}
}

void
sc_stream_count(struct sc_stream *s, const char *name, uint64_t n)
{
	for (size_t i = 0; i < s->ncounters; i++)
		if (strcmp(s->counters[i].name, name) == 0) {
			s->counters[i].n += n;
			return;
		}
	s->counters = xreallocarray(s->counters, s->ncounters + 1, sizeof *s->counters);
	s->counters[s->ncounters].name = xstrdup(name);
	s->counters[s->ncounters].n = n;
	s->ncounters++;
}

void
sc_doc_warn(const struct sc_doc *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sc_vdiag(d->file, d->line, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------------ */
/* Writing.                                                             */

static struct sc_buf wbuf;	/* the record being built */

static int
key_in_meta(const struct sc_meta *m, const char *base, const struct sc_jfield *f)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct sc_meta_item *it = &m->v[i];

		if (sc_json_key_is_n(base, f, it->key, it->id != 0 ? key_len[it->id] :
		    strlen(it->key)))
			return (int)i;
	}
	return -1;
}

/*
 * The item of m whose key is f's, or -1: by f's key's number and at[],
 * which holds each numbered item's index + 1 by its key's number (a
 * search of all the items for each member of the record's metadata
 * object cost a record of scmeta's output run through scmeta again
 * 2,000 comparisons); by the names when f's key is escaped or m has keys
 * without a number.  A key has a number from its first use or never, so
 * a numbered key is no unnumbered item's.
 */
static int
key_in_meta_at(const struct sc_meta *m, const uint32_t *at, int unnumbered,
    const char *base, const struct sc_jfield *f)
{
	uint32_t id;

	if (f->key_escaped)
		return key_in_meta(m, base, f);
	if ((id = key_find(base + f->kpos, f->klen)) != 0)
		return (int)at[id] - 1;
	if (!unnumbered)
		return -1;
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].id == 0 && sc_json_key_is_n(base, f, m->v[i].key, strlen(m->v[i].key)))
			return (int)i;
	return -1;
}

/*
 * Holes: where a record built as the template of sc_units_begin leaves out
 * what differs from unit to unit.  Building a normal record passes h NULL.
 */
enum { HOLE_ID, HOLE_TEXT, HOLE_META };

/* Mark a hole at the end of b when building a template; else return 0. */
static int
hole(struct sc_buf *b, struct sc_units *h, int what)
{
	if (h == NULL)
		return 0;
	/* Each of the three is written once per record: four never fill. */
	if (h->nholes == (int)(sizeof h->hole / sizeof h->hole[0]))
		sc_die(SC_ERR, "internal error: too many holes in a unit record");
	h->hole[h->nholes].at = b->len;
	h->hole[h->nholes].what = what;
	h->nholes++;
	return 1;
}

/*
 * The JSON string of p[0..n), or a hole of kind what.  The id of a unit
 * is the prototype's followed by a suffix: the template holds the escaped
 * prototype id, and the hole is where the suffix goes, before the closing
 * quote (sc_json_str escapes byte by byte, so the escaped whole is the
 * escaped parts one after the other).
 */
static void
put_str(struct sc_buf *b, struct sc_units *h, int what, const char *p, size_t n)
{
	if (h != NULL && what == HOLE_ID) {
		sc_json_str(b, p, n);
		b->len--;
		hole(b, h, what);
		sc_buf_addc(b, '"');
		return;
	}
	if (!hole(b, h, what))
		sc_json_str(b, p, n);
}

/* The raw value of metadata item k, or the hole of the template's key. */
static void
put_meta(struct sc_buf *b, struct sc_units *h, const struct sc_meta *m,
    const struct sc_meta_item *it)
{
	if (h == NULL || strcmp(it->key, h->key) != 0 || !hole(b, h, HOLE_META))
		sc_buf_add(b, sc_meta_val(m, it), it->val.len);
}

/* Write the merged metadata object: input members, replaced in place, then new ones. */
static void
write_meta(struct sc_buf *b, const struct sc_doc *d, struct sc_units *h)
{
	struct sc_text obj;
	struct sc_jfields fs = {0};
	unsigned char *used = NULL, few[64];
	int n = 0;

	sc_buf_addc(b, '{');
	if (input_meta(d, &obj)) {
		const char *err;
		size_t pos;

		static uint32_t at[KEY_IDS / 2 + 1];	/* see key_in_meta_at */
		int unnumbered = 0;

		/* An allocation per record showed in profiles: most fit here. */
		if (d->meta.n > sizeof few) {
			used = xcalloc(d->meta.n, 1);
		} else if (d->meta.n > 0) {
			used = few;
			memset(few, 0, d->meta.n);
		}
		for (size_t k = 0; k < d->meta.n; k++) {
			if (d->meta.v[k].id != 0)
				at[d->meta.v[k].id] = (uint32_t)k + 1;
			else
				unnumbered = 1;
		}
		if (sc_json_scan_object(obj.p, obj.len, &fs, &err, &pos) == 0) {
			for (size_t i = 0; i < fs.n; i++) {
				const struct sc_jfield *f = &fs.v[i];
				int k = key_in_meta_at(&d->meta, at, unnumbered, obj.p, f);

				if (k >= 0 && used[k])
					continue;	/* a duplicate key we already wrote */
				if (k >= 0) {
					used[k] = 1;
					if (d->meta.v[k].val.len == 0)
						continue;	/* deleted */
				}
				if (n++ > 0)
					sc_buf_addc(b, ',');
				sc_buf_add(b, obj.p + f->kpos - 1, f->klen + 2);
				sc_buf_addc(b, ':');
				if (k >= 0)
					put_meta(b, h, &d->meta, &d->meta.v[k]);
				else
					sc_buf_add(b, obj.p + f->vpos, f->vlen);
			}
		}
		free(fs.v);
		for (size_t k = 0; k < d->meta.n; k++)
			at[d->meta.v[k].id] = 0;
	}
	for (size_t k = 0; k < d->meta.n; k++) {
		const struct sc_meta_item *it = &d->meta.v[k];

		if ((used != NULL && used[k]) || it->val.len == 0)
			continue;
		if (it->id != 0 && h == NULL) {
			/*
			 * A numbered key: the comma, the key as JSON (made once
			 * for its number) and the value, room made once (two
			 * calls an item were a third of this function's cost).
			 * The '}' below ends the string again.
			 */
			size_t kl = key_json_len[it->id], need = 1 + kl + it->val.len;
			char *o;

			if (SC_UNLIKELY(b->cap - b->len <= need))
				sc_buf_grow(b, need);
			o = b->p + b->len;
			if (n++ > 0)
				*o++ = ',';
			memcpy(o, key_json[it->id], kl);
			memcpy(o + kl, d->meta.vals.p + it->val.off, it->val.len);
			b->len = (size_t)(o + kl + it->val.len - b->p);
			continue;
		}
		if (n++ > 0)
			sc_buf_addc(b, ',');
		if (d->meta.v[k].id != 0) {
			/* The key as JSON, made once for its number. */
			sc_buf_add(b, key_json[d->meta.v[k].id], key_json_len[d->meta.v[k].id]);
		} else {
			sc_json_strz(b, d->meta.v[k].key);
			sc_buf_addc(b, ':');
		}
		put_meta(b, h, &d->meta, &d->meta.v[k]);
	}
	if (used != few)
		free(used);
	sc_buf_addc(b, '}');
}

/* The text a writer emits: the tool's, or the text as read. */
static const struct sc_buf *
out_text(const struct sc_doc *d)
{
	if (!d->text_changed && d->normalized)
		return &d->orig;
	return &d->text;
}

static int
is_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' &&
		    p[i] != '\f' && p[i] != '\v')
			return 0;
	return 1;
}

/* The key of a new member (a comma before all but the first). */
static void
write_key(struct sc_buf *b, int *n, const char *key)
{
	if ((*n)++ > 0)
		sc_buf_addc(b, ',');
	sc_json_strz(b, key);
	sc_buf_addc(b, ':');
}

static void
write_member(struct sc_buf *b, int *n, const char *key, const char *val, size_t vlen)
{
	write_key(b, n, key);
	sc_buf_add(b, val, vlen);
}

static void emit(struct sc_stream *, const char *, size_t);

/*
 * Bytes of the input record that go out as they are (the text, when the
 * tool did not change it): written straight to the output after what is
 * built so far, not copied into the record buffer first and then again
 * into the output's.  Only when the record goes out now (no units).
 */
static void
put_through(struct sc_stream *s, struct sc_buf *b, struct sc_units *h, const char *p,
    size_t n)
{
	if (h != NULL || n < 512) {
		sc_buf_add(b, p, n);
		return;
	}
	emit(s, b->p, b->len);
	sc_buf_reset(b);
	emit(s, p, n);
}

/* A record from a JSON Lines record (or a document made from one). */
static void
build_from_jsonl(struct sc_stream *s, const struct sc_doc *d, const struct sc_doc *src,
    struct sc_buf *b, struct sc_units *h)
{
	const char *base = src->raw.p;
	size_t tlen = strlen(s->text_field), ilen = strlen(s->id_field);
	int n = 0, wrote_text = 0, wrote_id = 0, wrote_meta = 0;
	unsigned char *top_used = d->top.n ? xcalloc(d->top.n, 1) : NULL;

	sc_buf_addc(b, '{');
	if (d->id_assigned && src->id_idx < 0) {
		write_key(b, &n, s->id_field);
		put_str(b, h, HOLE_ID, d->id.p, d->id.len);
		wrote_id = 1;
	}
	for (size_t i = 0; i < src->fields.n; i++) {
		const struct sc_jfield *f = &src->fields.v[i];
		int k;

		if (sc_json_key_is_n(base, f, s->text_field, tlen)) {
			if (wrote_text++)
				continue;
			if (n++ > 0)
				sc_buf_addc(b, ',');
			sc_buf_add(b, base + f->kpos - 1, f->klen + 2);
			sc_buf_addc(b, ':');
			if (d->text_changed || d != src) {
				put_str(b, h, HOLE_TEXT, d->text.p, d->text.len);
			} else {
				const struct sc_jfield *t = &src->fields.v[src->text_idx];

				put_through(s, b, h, base + t->vpos, t->vlen);
			}
			continue;
		}
		if (sc_json_key_is_n(base, f, s->id_field, ilen)) {
			if (wrote_id++)
				continue;
			if (n++ > 0)
				sc_buf_addc(b, ',');
			sc_buf_add(b, base + f->kpos - 1, f->klen + 2);
			sc_buf_addc(b, ':');
			if (d->id_assigned || d != src) {
				put_str(b, h, HOLE_ID, d->id.p, d->id.len);
			} else {
				const struct sc_jfield *t = &src->fields.v[src->id_idx];

				sc_buf_add(b, base + t->vpos, t->vlen);
			}
			continue;
		}
		if (sc_json_key_is_n(base, f, "metadata", 8)) {
			if (wrote_meta++)
				continue;
			if (n++ > 0)
				sc_buf_addc(b, ',');
			sc_buf_add(b, base + f->kpos - 1, f->klen + 2);
			sc_buf_addc(b, ':');
			if (d->meta.n == 0) {
				/* Nothing added: the last "metadata" member as read. */
				const struct sc_jfield *t = &src->fields.v[src->meta_idx];

				sc_buf_add(b, base + t->vpos, t->vlen);
			} else {
				write_meta(b, d, h);
			}
			continue;
		}
		if ((k = key_in_meta(&d->top, base, f)) >= 0) {
			if (top_used[k]++)
				continue;
			if (d->top.v[k].val.len == 0)
				continue;
			write_member(b, &n, d->top.v[k].key, sc_meta_val(&d->top, &d->top.v[k]),
			    d->top.v[k].val.len);
			continue;
		}
		if (n++ > 0)
			sc_buf_addc(b, ',');
		sc_buf_add(b, base + f->kpos - 1, f->vpos + f->vlen - (f->kpos - 1));
	}
	if (!wrote_id && d != src) {
		write_key(b, &n, s->id_field);
		put_str(b, h, HOLE_ID, d->id.p, d->id.len);
	}
	if (!wrote_text && d != src) {
		write_key(b, &n, s->text_field);
		put_str(b, h, HOLE_TEXT, d->text.p, d->text.len);
	}
	for (size_t k = 0; k < d->top.n; k++) {
		if ((top_used != NULL && top_used[k]) || d->top.v[k].val.len == 0)
			continue;
		write_member(b, &n, d->top.v[k].key, sc_meta_val(&d->top, &d->top.v[k]), d->top.v[k].val.len);
	}
	if (!wrote_meta && d->meta.n > 0) {
		if (n++ > 0)
			sc_buf_addc(b, ',');
		sc_buf_adds(b, "\"metadata\":");
		write_meta(b, d, h);
	}
	sc_buf_addc(b, '}');
	free(top_used);
}

/* A new record: id, text, top-level members, metadata. */
static void
build_new(struct sc_stream *s, const struct sc_doc *d, struct sc_buf *b, struct sc_units *h)
{
	const struct sc_buf *t = out_text(d);
	int n = 0;

	sc_buf_addc(b, '{');
	write_key(b, &n, s->id_field);
	put_str(b, h, HOLE_ID, d->id.p, d->id.len);
	write_key(b, &n, s->text_field);
	put_str(b, h, HOLE_TEXT, t->p ? t->p : "", t->len);
	for (size_t k = 0; k < d->top.n; k++)
		if (d->top.v[k].val.len > 0)
			write_member(b, &n, d->top.v[k].key, sc_meta_val(&d->top, &d->top.v[k]),
			    d->top.v[k].val.len);
	{
		struct sc_text obj;
		int any = input_meta(d, &obj);

		for (size_t k = 0; k < d->meta.n; k++)
			any |= d->meta.v[k].val.len > 0;
		if (any) {
			if (n++ > 0)
				sc_buf_addc(b, ',');
			sc_buf_adds(b, "\"metadata\":");
			write_meta(b, d, h);
		}
	}
	sc_buf_addc(b, '}');
}

static struct sc_buf recbuf;

static void
emit(struct sc_stream *s, const char *p, size_t n)
{
	sc_out(p, n);
	s->bytes_out += n;
}

/* Blank parts of a document read in parts, waiting for one with text. */
static struct sc_buf pending;

/* --source: the "source" member, unless the tool set one. */
static void
set_source(struct sc_stream *s, struct sc_doc *d)
{
	for (size_t k = 0; k < d->top.n; k++)
		if (strcmp(d->top.v[k].key, "source") == 0)
			return;
	sc_buf_reset(&wbuf);
	sc_json_strz(&wbuf, s->source);
	sc_top_set_raw(d, "source", wbuf.p, wbuf.len);
}

/*
 * Plain text out: decoded UTF-8 with LF line ends, NUL or form feed
 * between; the parts of a document read in parts after its first go on.
 * With -z a NUL inside the text (a JSON Lines "\u0000") would end the
 * document there and start another: it is left out, as normalisation
 * leaves out C0 controls.
 */
static void
write_text(struct sc_stream *s, const char *p, size_t n, int first_piece)
{
	if (s->zero) {
		const char *nul;

		while ((nul = memchr(p, '\0', n)) != NULL) {
			emit(s, p, (size_t)(nul - p));
			n -= (size_t)(nul - p) + 1;
			p = nul + 1;
		}
		emit(s, p, n);
		emit(s, "", 1);
	} else {
		if (s->written_any && first_piece)
			emit(s, "\f\n", 2);
		if (first_piece && pending.len > 0) {
			emit(s, pending.p, pending.len);
			sc_buf_reset(&pending);
		}
		emit(s, p, n);
		if (n > 0 && p[n - 1] != '\n')
			emit(s, "\n", 1);
	}
}

/*
 * The record that a JSON Lines writer builds d from (NULL: a new one): d,
 * or the nearest of its parents read as JSON Lines (scsplit -s -b: a unit
 * of a piece of a record keeps the record's members, as its metadata).
 */
static const struct sc_doc *
jsonl_source(const struct sc_doc *d)
{
	for (; d != NULL; d = d->parent)
		if (d->jsonl)
			return d;
	return NULL;
}

void
sc_stream_write(struct sc_stream *s, struct sc_doc *d)
{
	const struct sc_buf *t = out_text(d);
	const struct sc_doc *src;
	int first_piece = 1;

	if (d->part > 0) {
		/*
		 * A document read in parts (text_chunks) is written as plain text,
		 * its parts one after another, as the whole would be: blank parts
		 * before the first with text wait for it (the whole is dropped
		 * as empty if none comes); one document for the counts and the
		 * separator.
		 */
		if (d->part == 1) {
			s->part_written = 0;
			sc_buf_reset(&pending);
		}
		first_piece = !s->part_written;
		if (first_piece && !s->keep_empty && is_blank(t->p, t->len)) {
			if (d->more) {
				sc_buf_add(&pending, t->p, t->len);
				return;
			}
			s->empty++;
			sc_buf_reset(&pending);
			return;
		}
		s->part_written = 1;
	} else if (!s->keep_empty && is_blank(t->p, t->len)) {
		s->empty++;
		return;
	}
	if (s->source != NULL)
		set_source(s, d);
	if (first_piece)
		s->docs_out++;
	if (s->cur_out == SC_ENC_JSONL) {
		src = jsonl_source(d);
		if (src == d && !d->text_changed && d->meta.n == 0 && d->top.n == 0 &&
		    !d->id_assigned) {
			/* Untouched: the record byte for byte as read. */
			emit(s, d->raw.p, d->raw.len);
		} else {
			sc_buf_reset(&recbuf);
			if (src != NULL)
				build_from_jsonl(s, d, src, &recbuf, NULL);
			else
				build_new(s, d, &recbuf, NULL);
			emit(s, recbuf.p, recbuf.len);
		}
		emit(s, "\n", 1);
	} else {
		write_text(s, t->p, t->len, first_piece);
	}
	s->written_any = 1;
	sc_out_record_end();
}

void
sc_units_begin(struct sc_stream *s, struct sc_units *u, struct sc_doc *proto,
    const char *key)
{
	const struct sc_doc *src;

	sc_buf_reset(&u->shared);
	u->nholes = 0;
	u->key = key;
	if (s->cur_out != SC_ENC_JSONL)
		return;
	if (s->source != NULL)
		set_source(s, proto);
	/* The same builders as sc_stream_write's, so the bytes are the same. */
	proto->text_changed = 1;
	if ((src = jsonl_source(proto)) != NULL)
		build_from_jsonl(s, proto, src, &u->shared, u);
	else
		build_new(s, proto, &u->shared, u);
	sc_buf_addc(&u->shared, '\n');
}

/* sc_buf_add inline, but the NUL: five of these make each unit. */
static inline void
put(struct sc_buf *b, const char *p, size_t n)
{
	if (SC_UNLIKELY(b->cap - b->len <= n))
		sc_buf_grow(b, n);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

/* The inside of the JSON string of p[0..n), without its quotes. */
static void
put_json_inner(struct sc_buf *b, const char *p, size_t n)
{
	size_t at = b->len, i;

	/* A number, mostly: short and plain. */
	for (i = 0; i < n && i < 32; i++)
		if ((unsigned char)p[i] < 0x20 || p[i] == '"' || p[i] == '\\')
			break;
	if (i == n) {
		put(b, p, n);
		return;
	}
	sc_json_str(b, p, n);
	memmove(b->p + at, b->p + at + 1, b->len - at - 2);
	b->len -= 2;
}

void
sc_units_write(struct sc_stream *s, struct sc_units *u, const char *idsuffix, size_t sufflen,
    const char *text, size_t len, const char *val, size_t vlen)
{
	if (!s->keep_empty && is_blank(text, len)) {
		s->empty++;
		return;
	}
	s->docs_out++;
	if (s->cur_out == SC_ENC_JSONL) {
		struct sc_buf *b = &recbuf;
		size_t at = 0;

		b->len = 0;
		for (int i = 0; i < u->nholes; i++) {
			put(b, u->shared.p + at, u->hole[i].at - at);
			at = u->hole[i].at;
			switch (u->hole[i].what) {
			case HOLE_ID:
				put_json_inner(b, idsuffix, sufflen);
				break;
			case HOLE_TEXT:
				sc_json_str(b, text, len);
				break;
			default:
				put(b, val, vlen);
				break;
			}
		}
		put(b, u->shared.p + at, u->shared.len - at);
		b->p[b->len] = '\0';
		emit(s, b->p, b->len);
	} else {
		write_text(s, text, len, 1);
	}
	s->written_any = 1;
	sc_out_record_end();
}

void
sc_units_free(struct sc_units *u)
{
	sc_buf_free(&u->shared);
	u->nholes = 0;
}

/* ------------------------------------------------------------------ */
/* Progress and statistics.                                            */

static double last_progress;

static void
progress(struct sc_stream *s, int final)
{
	double now, secs, mb;

	if (s->progress <= 0)
		return;
	now = sc_now();
	if (!final && now - last_progress < 0.5)
		return;
	last_progress = now;
	secs = now - s->t_start;
	mb = (double)s->bytes_in / 1e6;
	fprintf(stderr, "\r%s: %ju docs, %.1f MB, %.1f MB/s", sc_progname,
	    s->docs_in, mb, secs > 0 ? mb / secs : 0.0);
	if (s->total_size > 0 && secs > 0 && s->bytes_in > 0 && !final) {
		double rate = (double)s->bytes_in / secs;
		double left = (double)s->total_size - (double)s->bytes_in;

		if (left > 0 && rate > 0)
			fprintf(stderr, ", ETA %.0f s   ", left / rate);
	}
	if (final)
		fputc('\n', stderr);
}

static void
print_stats(struct sc_stream *s)
{
	struct sc_buf b = {0};
	double secs = sc_now() - s->t_start;

	if (s->stats == 2) {
		struct sc_jobj o, c;

		sc_jobj_begin(&o, &b);
		sc_jobj_key(&o, "program"); sc_json_strz(&b, sc_progname);
		sc_jobj_key(&o, "docs_in"); sc_json_uint(&b, s->docs_in);
		sc_jobj_key(&o, "docs_out"); sc_json_uint(&b, s->docs_out);
		sc_jobj_key(&o, "bytes_in"); sc_json_uint(&b, s->bytes_in);
		sc_jobj_key(&o, "bytes_out"); sc_json_uint(&b, s->bytes_out);
		sc_jobj_key(&o, "bad_records"); sc_json_uint(&b, s->bad);
		sc_jobj_key(&o, "skipped"); sc_json_uint(&b, s->skipped);
		sc_jobj_key(&o, "passed"); sc_json_uint(&b, s->passed);
		sc_jobj_key(&o, "empty"); sc_json_uint(&b, s->empty);
		sc_jobj_key(&o, "repaired"); sc_json_uint(&b, s->repaired);
		sc_jobj_key(&o, "dropped");
		sc_jobj_begin(&c, &b);
		for (size_t i = 0; i < s->ncounters; i++) {
			sc_jobj_key(&c, s->counters[i].name);
			sc_json_uint(&b, s->counters[i].n);
		}
		sc_jobj_end(&c);
		if (s->on_stats != NULL) {
			sc_jobj_key(&o, "tool");
			s->on_stats(s, &b, 1, s->ctx);
		}
		sc_jobj_key(&o, "peak_rss"); sc_json_uint(&b, sc_peak_rss());
		sc_jobj_key(&o, "seconds"); sc_json_num(&b, secs, 4);
		sc_jobj_end(&o);
	} else {
		sc_buf_printf(&b, "%s: %ju docs in (%ju bytes), %ju out (%ju bytes)",
		    sc_progname, s->docs_in, (uintmax_t)s->bytes_in, s->docs_out,
		    (uintmax_t)s->bytes_out);
		if (s->empty)
			sc_buf_printf(&b, ", %ju empty dropped", s->empty);
		for (size_t i = 0; i < s->ncounters; i++)
			sc_buf_printf(&b, ", %s %ju", s->counters[i].name,
			    (uintmax_t)s->counters[i].n);
		if (s->bad)
			sc_buf_printf(&b, ", %ju bad records (%ju skipped, %ju passed)",
			    s->bad, s->skipped, s->passed);
		if (s->repaired)
			sc_buf_printf(&b, ", %ju repaired", s->repaired);
		if (s->on_stats != NULL) {
			sc_buf_adds(&b, ", ");
			s->on_stats(s, &b, 0, s->ctx);
		}
		sc_buf_printf(&b, ", peak RSS %.1f MB, %.2f s",
		    (double)sc_peak_rss() / 1048576.0, secs);
	}
	fprintf(stderr, "%s\n", b.p);
	sc_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* Reading.                                                             */

struct input {
	const char *path;	/* to open again (NULL: stdin) */
	const char *file;	/* for diagnostics */
	const char *idname;	/* for ids */
	int filenum;
	struct reader r;
	uintmax_t seq;
	int warned_utf8;
	int warned_surrogate;
	int stop;
};

static struct sc_stream *pass_stream;
static int quiet_diag;		/* sc_stream_run's s->quiet_diag */

/* A diagnostic about the input, unless the stream is quiet. */
static void
in_diag(const char *file, uintmax_t line, const char *fmt, ...)
{
	va_list ap;

	if (quiet_diag)
		return;
	va_start(ap, fmt);
	sc_vdiag(file, line, fmt, ap);
	va_end(ap);
}

static void
pass_bytes(const char *p, size_t n)
{
	emit(pass_stream, p, n);
}

/*
 * A bad record.  Returns 1 when reading must stop (--on-error=fail).
 * Under pass the record's bytes are copied unchanged (p may be NULL when
 * they were already streamed out).
 */
static int
bad_record(struct sc_stream *s, struct input *in, uintmax_t line,
    const char *p, size_t n, const char *fmt, ...)
{
	va_list ap;

	s->bad++;
	if (!quiet_diag && (s->bad <= MAX_REPORTED_BAD || s->on_error == SC_ONERR_FAIL)) {
		va_start(ap, fmt);
		sc_vdiag(in->file, line, fmt, ap);
		va_end(ap);
		if (s->bad == MAX_REPORTED_BAD && s->on_error != SC_ONERR_FAIL)
			in_diag(in->file, 0, "further bad records are counted, not reported");
	}
	switch (s->on_error) {
	case SC_ONERR_FAIL:
		s->status = SC_ERR;
		return 1;
	case SC_ONERR_SKIP:
		s->skipped++;
		return 0;
	case SC_ONERR_PASS:
		s->passed++;
		if (p != NULL)
			emit(s, p, n);
		emit(s, s->cur_in == SC_ENC_TEXT && s->zero ? "" : "\n", 1);
		sc_out_record_end();
		return 0;
	}
	return 0;
}

/* The output encoding: fixed by the first operand read (of encoding in). */
static enum sc_enc
output_for(const struct sc_stream *s, enum sc_enc in)
{
	if (s->cur_out != SC_ENC_AUTO)
		return s->cur_out;
	if (s->out != SC_ENC_AUTO)
		return s->out;
	return in == SC_ENC_JSONL ? SC_ENC_JSONL : s->out_default;
}

static void
decide_output(struct sc_stream *s, enum sc_enc in)
{
	s->cur_out = output_for(s, in);
}

/*
 * Whether sc_normalize() would change the text of the record being read:
 * 1 or 0 when unescape_text() found out on its way, -1 when unknown.
 */
static int text_dirty = -1;

/* Decoded and normalised text is ready: hand the document to the tool. */
static int
dispatch(struct sc_stream *s, struct sc_doc *d)
{
	int v, dirty = text_dirty;

	text_dirty = -1;
	if (s->fix_mojibake && sc_fix_mojibake(&d->text) > 0) {
		dirty = -1;
		if (!d->jsonl)
			d->text_changed = 1;
	}
	if (s->normalize && (dirty >= 0 ? dirty :
	    sc_needs_normalize(d->text.p, d->text.len))) {
		sc_buf_reset(&d->orig);
		sc_buf_add(&d->orig, d->text.p, d->text.len);
		sc_normalize(&d->text);
		d->normalized = 1;
	}
	if (d->part <= 1)
		s->docs_in++;
	v = s->on_doc != NULL ? s->on_doc(s, d, s->ctx) : SC_KEEP;
	if (v == SC_KEEP)
		sc_stream_write(s, d);
	progress(s, 0);
	return 0;
}

static struct sc_doc cur;

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The code unit of the escape \uXXXX at p (6 bytes available), or -1. */
static long
u_escape(const char *p)
{
	long v = 0;

	if (p[0] != '\\' || p[1] != 'u')
		return -1;
	for (int i = 2; i < 6; i++) {
		int h = hexval((unsigned char)p[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/*
 * The next "\\u" at or after i, or n: sixteen bytes at a time.  Records
 * of text hold a backslash every few lines (each "\\n"), and looking at
 * each one was a call to memchr() per line; \u escapes are rare.
 */
static size_t
next_u_escape(const char *p, size_t n, size_t i)
{
	for (; i + 17 <= n; i += 16) {
		unsigned m = sc_mask16((sc_load16(p + i) == '\\') &
		    (sc_load16(p + i + 1) == 'u'));

		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
	for (; i + 1 < n; i++)
		if (p[i] == '\\' && p[i + 1] == 'u')
			return i;
	return n;
}

/*
 * A \uD800 escape without its other half is valid JSON but no Unicode:
 * strict readers (and UTF-8 output) refuse it.  Rewrite each lone
 * surrogate escape as \ufffd, in place (same length, so member spans
 * do not move), as invalid UTF-8 bytes are replaced.  Returns how many.
 *
 * The bytes are read as escapes from the start: a backslash and the
 * byte after it, or a \u escape.  From i, a point between escapes, to
 * the next "\\u" at c there is no \u escape, so the backslashes just
 * before c pair up from the first of them: c starts an escape when they
 * are an even number, else it is the second half of "\\\\".
 */
static size_t
fix_lone_surrogates(char *p, size_t n)
{
	size_t i = 0, fixed = 0, c, b;

	while ((c = next_u_escape(p, n, i)) < n) {
		long u, lo;

		for (b = c; b > i && p[b - 1] == '\\'; b--)
			;
		if ((c - b) % 2 != 0) {
			i = c + 1;	/* an escaped backslash, then a 'u' */
			continue;
		}
		if (n - c < 6 || (u = u_escape(p + c)) < 0) {
			i = c + 2;	/* a broken one the scanner reports */
			continue;
		}
		if (u >= 0xD800 && u <= 0xDBFF && n - c >= 12 &&
		    (lo = u_escape(p + c + 6)) >= 0xDC00 && lo <= 0xDFFF) {
			i = c + 12;	/* a proper pair */
			continue;
		}
		if (u >= 0xD800 && u <= 0xDFFF) {
			memcpy(p + c, "\\ufffd", 6);
			fixed++;
		}
		i = c + 6;
	}
	return fixed;
}

/*
 * What sc_normalize() changes at s (n bytes left, valid UTF-8): DEL and
 * the characters text.c's norm_char() rewrites: NBSP, soft hyphen,
 * figure space, narrow NBSP, zero-width space, word joiner, BOM.  The
 * byte-identity checks of the tools hold the two lists together.
 */
static int
norm_changes_at(const unsigned char *s, size_t n)
{
	switch (s[0]) {
	case 0x7F:
		return 1;
	case 0xC2:
		return n >= 2 && (s[1] == 0xA0 || s[1] == 0xAD);
	case 0xE2:
		return n >= 3 && ((s[1] == 0x80 &&
		    (s[2] == 0x87 || s[2] == 0xAF || s[2] == 0x8B)) ||
		    (s[1] == 0x81 && s[2] == 0xA0));
	case 0xEF:
		return n >= 3 && s[1] == 0xBB && s[2] == 0xBF;
	}
	return 0;
}

/*
 * Whether any of the lead bytes that the set bits of lead mark in p[q..]
 * (one bit a byte from q) opens a sequence the normalisation changes.
 */
static inline int
norm_changes_in(const char *p, size_t q, size_t n, unsigned lead)
{
	while (lead != 0) {
		unsigned j = (unsigned)__builtin_ctz(lead);

		if (norm_changes_at((const unsigned char *)p + q + j, n - q - j))
			return 1;
		lead &= lead - 1;
	}
	return 0;
}

/* The same for a code point an escape stands for (controls but TAB and LF too). */
static int
norm_changes_cp(uint32_t c)
{
	if (c < 0x20)
		return c != '\t' && c != '\n';
	switch (c) {
	case 0x7F: case 0xA0: case 0xAD: case 0x2007: case 0x202F:
	case 0x200B: case 0x2060: case 0xFEFF:
		return 1;
	}
	return 0;
}

static int
hexdigit(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* The text member as the scanner meets it (sc_json_take). */
struct take_text {
	struct sc_buf *out;
	int dirty;		/* normalisation would change the text */
	int u_escapes;		/* it holds a \u escape */
};

#ifdef SC_X86_AVX2
/*
 * take_text's loop thirty-two bytes at a time, where the processor has
 * AVX2: the plain bytes from p[q] copied to *op (thirty-two stored at a
 * time, as the loop stores sixteen), the escaped line breaks among them
 * written, and the normalisation question asked of the same lead bytes.
 * Returns where it stopped: at another escape, a quote or a control, or
 * with fewer than thirty-two bytes left, for the loop to go on from.
 */
static __attribute__((target("avx2"))) size_t
take_plain32(const char *p, size_t q, size_t n, char **op, int *dirtyp)
{
	char *o = *op;
	int dirty = *dirtyp;
	/*
	 * The normalisation's lead bytes, in registers for the whole loop:
	 * as constants the compiler broadcast each of them again in every
	 * step (a dozen instructions of some twenty-five).  The empty asm
	 * hides their values, so they are made once, here.
	 */
	sc_u8x32 kdel = { 0 }, kdf = { 0 }, kc2 = { 0 }, kef = { 0 };

	kdel += 0x7F;
	kdf += 0xDF;
	kc2 += 0xC2;
	kef += 0xEF;
	__asm__("" : "+x"(kdel), "+x"(kdf), "+x"(kc2), "+x"(kef));
	while (q + 32 <= n) {
		sc_u8x32 v;
		unsigned k, lead;
		uint32_t m;

		memcpy(&v, p + q, sizeof v);
		memcpy(o, &v, sizeof v);
		m = (uint32_t)__builtin_ia32_pmovmskb256((sc_c8x32)((v == '"') | (v == '\\') |
		    (v < 0x20)));
		k = m != 0 ? (unsigned)__builtin_ctz(m) : 32;
		if (!dirty && (lead = (unsigned)__builtin_ia32_pmovmskb256((sc_c8x32)((v == kdel) |
		    ((v & kdf) == kc2) | (v == kef))) & (unsigned)((1ULL << k) - 1)) != 0)
			dirty = norm_changes_in(p, q, n, lead);
		o += k;
		q += k;
		if (k < 32) {
			if (p[q] == '\\' && q + 1 < n && p[q + 1] == 'n') {
				*o++ = '\n';
				q += 2;
				continue;
			}
			break;
		}
	}
	*op = o;
	*dirtyp = dirty;
	return q;
}
#endif

/*
 * The text member's string, read once: checked as the JSON scanner
 * checks a string (the same errors at the same bytes), unescaped onto
 * the text as sc_json_unescape() does, and asked on the way what
 * sc_needs_normalize() would say of the result, so neither question
 * costs a pass of its own over every record's text.  The raw bytes are
 * valid UTF-8 (repaired first), so what normalisation changes among
 * them is DEL and a few characters led by C2, E2 or EF, looked for
 * sixteen bytes at a time and checked one by one; an escape may stand
 * for any character.
 */
static int
take_text(void *ctx, const char *p, size_t n, size_t *ip, const char **err)
{
	struct take_text *t = ctx;
	size_t q = *ip + 1;
	int dirty = 0;
	char *o;
#ifdef SC_X86_AVX2
	const int wide = sc_cpu_avx2();
#endif

	sc_buf_reset(t->out);
	/* Room for the rest of the line and one store past it (its output is no longer). */
	sc_buf_grow(t->out, n - q + 32);
	o = t->out->p;
	for (;;) {
		long cp, lo;
		unsigned char c;

		while (q + 16 <= n) {
			sc_u8x16 v;
			unsigned k, lead;

#ifdef SC_X86_AVX2
			if (wide && q + 32 <= n) {
				q = take_plain32(p, q, n, &o, &dirty);
				if (q + 16 > n)
					break;
			}
#endif
			v = sc_load16(p + q);
			k = sc_first16((v == '"') | (v == '\\') | (v < 0x20));

			memcpy(o, &v, 16);
			/* DEL, C2, E2 (which is C2 with bit 5 set) and EF. */
			if (!dirty && (lead = sc_mask16((v == 0x7F) | ((v & 0xDF) == 0xC2) |
			    (v == 0xEF)) & ((1u << k) - 1)) != 0)
				dirty = norm_changes_in(p, q, n, lead);
			o += k;
			q += k;
			if (k < 16) {
				/* A line break, the usual stop: on with the next sixteen. */
				if (p[q] == '\\' && q + 1 < n && p[q + 1] == 'n') {
					*o++ = '\n';
					q += 2;
					continue;
				}
				break;
			}
		}
		while (q < n && (c = (unsigned char)p[q]) != '"' && c != '\\' && c >= 0x20) {
			if (!dirty && (c == 0x7F || c >= 0xC2))
				dirty = norm_changes_at((const unsigned char *)p + q, n - q);
			*o++ = (char)c;
			q++;
		}
		if (q >= n) {
			*err = "unterminated string";
			break;
		}
		c = (unsigned char)p[q];
		if (c == '"') {
			t->out->len = (size_t)(o - t->out->p);
			t->out->p[t->out->len] = '\0';
			t->dirty = dirty;
			*ip = q + 1;
			return 0;
		}
		if (c < 0x20) {
			*err = "control character in string";
			break;
		}
		if (q + 1 >= n) {
			*err = "unterminated string";
			break;
		}
		switch (p[q + 1]) {
		case '"': case '\\': case '/':
			*o++ = p[q + 1];
			q += 2;
			continue;
		case 'b': *o++ = '\b'; q += 2; dirty = 1; continue;
		case 'f': *o++ = '\f'; q += 2; dirty = 1; continue;
		case 'n': *o++ = '\n'; q += 2; continue;
		case 'r': *o++ = '\r'; q += 2; dirty = 1; continue;
		case 't': *o++ = '\t'; q += 2; continue;
		case 'u':
			break;
		default:
			*err = "bad escape";
			*ip = q;
			return -1;
		}
		if (q + 6 > n || !hexdigit((unsigned char)p[q + 2]) ||
		    !hexdigit((unsigned char)p[q + 3]) || !hexdigit((unsigned char)p[q + 4]) ||
		    !hexdigit((unsigned char)p[q + 5])) {
			*err = "bad \\u escape";
			break;
		}
		t->u_escapes = 1;
		cp = u_escape(p + q);
		q += 6;
		/* A pair is two escapes; a surrogate on its own is U+FFFD. */
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (n - q >= 6 && (lo = u_escape(p + q)) >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				q += 6;
			} else {
				cp = SC_REPLACEMENT;
			}
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			cp = SC_REPLACEMENT;
		}
		dirty |= norm_changes_cp((uint32_t)cp);
		o += sc_utf8_encode((uint32_t)cp, o);
	}
	*ip = q;
	return -1;
}

static int
read_jsonl_record(struct sc_stream *s, struct input *in, const char *p, size_t n,
    uintmax_t line)
{
	struct sc_doc *d = &cur;
	const char *err;
	size_t pos;
	const struct sc_jfield *f;
	int bad;
	struct take_text tt;
	struct sc_json_take tk;

	sc_doc_clear(d);
	d->file = in->file;
	d->idname = in->idname;
	d->filenum = in->filenum;
	d->line = line;
	d->jsonl = 1;
	if (sc_utf8_valid(p, n)) {
		sc_buf_add(&d->raw, p, n);
	} else {
		sc_utf8_repair(p, n, &d->raw);
		d->repaired = 1;
		s->repaired++;
		if (!in->warned_utf8) {
			in_diag(in->file, line, "invalid UTF-8 replaced by U+FFFD%s",
			    " (reported once per file)");
			in->warned_utf8 = 1;
		}
	}
	/*
	 * Lone surrogate escapes are looked for only when the scan met a \u
	 * escape, or failed (then before the error is told, as ever: the
	 * rewrite keeps every length and leaves valid escapes valid, so the
	 * scan's verdict and position are the same either way).
	 */
	tt.out = &d->text;
	tt.dirty = 0;
	tt.u_escapes = 0;
	tk.key = s->text_field;
	tk.take = take_text;
	tk.ctx = &tt;
	bad = sc_json_scan_object_take(d->raw.p, d->raw.len, &d->fields, &err, &pos, &tk) < 0;
	if ((bad || d->fields.u_escapes || tt.u_escapes) && d->raw.len > 0 &&
	    fix_lone_surrogates(d->raw.p, d->raw.len) > 0) {
		if (!d->repaired)
			s->repaired++;
		d->repaired = 1;
		if (!in->warned_surrogate) {
			in_diag(in->file, line, "lone surrogate escape replaced by \\ufffd%s",
			    " (reported once per file)");
			in->warned_surrogate = 1;
		}
	}
	if (bad) {
		if (strcmp(err, "not a JSON object") == 0)
			return bad_record(s, in, line, p, n, "%s", err);
		return bad_record(s, in, line, p, n, "invalid JSON: %s at byte %zu",
		    err, pos + 1);
	}
	d->text_idx = sc_json_find(d->raw.p, &d->fields, s->text_field);
	if (d->text_idx < 0)
		return bad_record(s, in, line, p, n, "no \"%s\" field", s->text_field);
	f = &d->fields.v[d->text_idx];
	if (f->vtype != SC_JSTR)
		return bad_record(s, in, line, p, n, "\"%s\" is not a string",
		    s->text_field);
	d->meta_idx = sc_json_find(d->raw.p, &d->fields, "metadata");
	if (d->meta_idx >= 0 && d->fields.v[d->meta_idx].vtype != SC_JOBJ &&
	    d->fields.v[d->meta_idx].vtype != SC_JNULL)
		return bad_record(s, in, line, p, n, "\"metadata\" is not an object");
	/* The scan unescaped the last text member into d->text (take_text). */
	text_dirty = tt.dirty;
	in->seq++;
	d->seq = in->seq;
	d->gseq = s->docs_in + 1;
	d->id_idx = sc_json_find(d->raw.p, &d->fields, s->id_field);
	if (d->id_idx >= 0 && d->fields.v[d->id_idx].vtype == SC_JSTR) {
		f = &d->fields.v[d->id_idx];
		sc_json_unescape(d->raw.p + f->vpos, f->vlen, &d->id);
	} else if (d->id_idx >= 0 && d->fields.v[d->id_idx].vtype == SC_JNUM) {
		f = &d->fields.v[d->id_idx];
		sc_buf_add(&d->id, d->raw.p + f->vpos, f->vlen);
	} else {
		sc_buf_printf(&d->id, "%s:%ju", in->idname, in->seq);
		d->id_assigned = 1;
	}
	return dispatch(s, d);
}

static int
read_text_record(struct sc_stream *s, struct input *in, const char *p, size_t n,
    uintmax_t line)
{
	struct sc_doc *d = &cur;
	struct sc_decode_result res;

	sc_doc_clear(d);
	d->file = in->file;
	d->idname = in->idname;
	d->filenum = in->filenum;
	d->line = line;
	s->bytes_in += n + (s->zero ? 1 : 0);
	if (s->keep_raw)
		sc_buf_add(&d->raw, p, n);
	if (sc_decode(p, n, s->encoding, &d->text, &res) < 0)
		sc_die(SC_ERR, "--encoding: iconv cannot convert from '%s'", s->encoding);
	d->charset = res.charset;
	if (res.replaced > 0) {
		s->repaired++;
		if (!in->warned_utf8) {
			in_diag(in->file, line, "%zu invalid byte sequence%s in %s "
			    "replaced by U+FFFD (reported once per file)", res.replaced,
			    res.replaced == 1 ? "" : "s", res.charset);
			in->warned_utf8 = 1;
		}
	}
	in->seq++;
	d->seq = in->seq;
	d->gseq = s->docs_in + 1;
	sc_buf_printf(&d->id, "%s:%ju", in->idname, in->seq);
	d->id_assigned = 1;
	return dispatch(s, d);
}

static uintmax_t
count_newlines(const char *p, size_t n)
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

/* Is the first non-blank line a JSON object with a string text field? */
static enum sc_enc
detect(struct sc_stream *s, struct input *in)
{
	struct reader *r = &in->r;
	size_t pos = r->start;

	for (;;) {
		char *nl;
		size_t lim = r->end;

		if (pos == r->start && r->end - r->start >= 3 &&
		    memcmp(r->buf + r->start, "\xEF\xBB\xBF", 3) == 0)
			pos += 3;
		nl = pos < lim ? memchr(r->buf + pos, '\n', lim - pos) : NULL;
		/*
		 * A NUL byte cannot be in a JSON line: the line is text, and a
		 * -z stream of one-line documents from a pipe is handled as each
		 * document ends instead of waiting for a newline.
		 */
		if (nl == NULL && pos < lim && memchr(r->buf + pos, '\0', lim - pos) != NULL)
			return SC_ENC_TEXT;
		if (nl == NULL && r->end - r->start > s->max_record) {
			/*
			 * A first line longer than --max-record cannot be read whole:
			 * judge by its start, and let the reader report it.
			 */
			const char *q = r->buf + pos, *e = r->buf + r->end;

			while (q < e && (*q == ' ' || *q == '\t'))
				q++;
			if (q < e && *q++ == '{') {
				while (q < e && (*q == ' ' || *q == '\t'))
					q++;
				if (q < e && *q == '"')
					return SC_ENC_JSONL;
			}
			return SC_ENC_TEXT;
		}
		if (nl == NULL && !r->eof) {
			size_t off = pos - r->start;

			if (reader_fill(r) > 0) {
				pos = r->start + off;
				continue;
			}
			pos = r->start + off;
			if (!r->eof)
				return SC_ENC_TEXT;
			lim = r->end;
		}
		{
			size_t e = nl ? (size_t)(nl - r->buf) : lim;
			const char *line = r->buf + pos;
			size_t len = e - pos;

			if (is_blank(line, len)) {
				if (nl == NULL)
					return SC_ENC_TEXT;
				pos = e + 1;
				continue;
			}
			{
				struct sc_jfields fs = {0};
				const char *err;
				size_t epos;
				enum sc_enc enc = SC_ENC_TEXT;
				long i;

				while (len > 0 && (*line == ' ' || *line == '\t')) {
					line++;
					len--;
				}
				if (len > 0 && *line == '{') {
					/* Invalid UTF-8 is repaired in records, so judge the repaired line. */
					struct sc_buf fixed = {0};

					if (!sc_utf8_valid(line, len)) {
						sc_utf8_repair(line, len, &fixed);
						line = fixed.p;
						len = fixed.len;
					}
					if (sc_json_scan_object(line, len, &fs, &err, &epos) == 0) {
						i = sc_json_find(line, &fs, s->text_field);
						if (i >= 0 && fs.v[i].vtype == SC_JSTR)
							enc = SC_ENC_JSONL;
						else
							in_diag(in->file, 0, "first record has no string \"%s\" "
							    "field: reading plain text (--jsonl forces JSON Lines)",
							    s->text_field);
					}
					sc_buf_free(&fixed);
				}
				free(fs.v);
				return enc;
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Plain text in parts.                                                 */

/*
 * Charsets in which a '\n' byte is always a character of its own and no
 * state runs from one line to the next: text in them decodes the same cut
 * after any '\n'.  Not UTF-16/32, not the ISO-2022 family, HZ or UTF-7,
 * not EBCDIC with shifts, not BIG5-HKSCS (it composes across characters).
 */
static int
chunk_safe(const char *cs)
{
	static const char *ok[] = {
		"UTF-8", "UTF8", "ASCII", "US-ASCII", "ANSI_X3.4", "ISO-8859-",
		"ISO8859", "ISO_8859", "LATIN", "WINDOWS-12", "CP12", "KOI8", "MAC",
		"TIS-620", "VISCII", "IBM437", "CP437", "IBM85", "IBM86", "CP85",
		"CP86", "SHIFT_JIS", "SHIFT-JIS", "SJIS", "CP932", "EUC-JP", "EUC-KR",
		"EUC-TW", "EUCJP", "EUCKR", "EUCTW", "GB18030", "GBK", "GB2312",
		"CP936", "CP949", "UHC", "BIG5", "GEORGIAN-"
	};

	if (strncasecmp(cs, "BIG5-HKSCS", 10) == 0 || strncasecmp(cs, "BIG5HKSCS", 9) == 0)
		return 0;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strncasecmp(cs, ok[i], strlen(ok[i])) == 0)
			return 1;
	return 0;
}

/*
 * The charset sc_decode would pick for the whole of a named file, found
 * by reading it once (decompressing again when it is compressed); NULL
 * when it cannot be read again (standard input, an error: read whole).
 */
static const char *
prescan(struct input *in)
{
	struct reader pr;
	struct sc_guess g;
	struct stat st, st2;
	const char *cs;
	int fd, ok = 0;

	/* Only the same regular file: opening a pipe again would take its data. */
	if (in->path == NULL || fstat(in->r.src.fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (fd = open(in->path, O_RDONLY)) < 0)
		return NULL;
	if (fstat(fd, &st2) < 0 || st2.st_dev != st.st_dev || st2.st_ino != st.st_ino) {
		close(fd);
		return NULL;
	}
	memset(&pr, 0, sizeof pr);
	memset(&g, 0, sizeof g);
	if (src_open(&pr.src, fd) == 0) {
		for (;;) {
			ssize_t got = reader_fill(&pr);
			size_t cut = pr.end - pr.start;

			if (got == 0 && pr.error)
				break;
			/* Pieces end after a byte below 0x80 (sc_guess_add). */
			if (got > 0)
				while (cut > 0 && (unsigned char)pr.buf[pr.start + cut - 1] >= 0x80)
					cut--;
			if (cut > 0) {
				sc_guess_add(&g, pr.buf + pr.start, cut);
				pr.start += cut;
			}
			if (got == 0) {
				ok = 1;
				break;
			}
		}
	}
	src_close(&pr.src);
	free(pr.buf);
	close(fd);
	cs = sc_guess_end(&g);
	return ok ? cs : NULL;
}

/*
 * Input that cannot be read twice (standard input, a pipe): its first
 * LOOKAHEAD parts are read ahead, and when they are valid UTF-8 and more
 * follows, the whole is taken as UTF-8 (an invalid byte later on becomes
 * U+FFFD; read whole, mostly invalid text after so much valid UTF-8 would
 * have been decoded as a legacy charset instead).  NULL: read whole.
 */
#define LOOKAHEAD 16

static const char *
lookahead(struct sc_stream *s, struct input *in)
{
	struct reader *r = &in->r;
	size_t want = s->text_chunks * LOOKAHEAD, n, ok;

	while (r->end - r->start < want && !r->eof && reader_fill(r) > 0)
		;
	n = r->end - r->start;
	if (r->error || r->end - r->start < want)
		return NULL;
	ok = sc_utf8_valid_prefix(r->buf + r->start, n);
	/* A sequence cut at the end of what was read is not an error. */
	if (ok < n) {
		const unsigned char *t = (const unsigned char *)r->buf + r->start + ok;
		size_t left = n - ok, need, k;

		need = t[0] >= 0xF0 && t[0] <= 0xF4 ? 4 : t[0] >= 0xE0 && t[0] <= 0xEF ? 3 :
		    t[0] >= 0xC2 && t[0] <= 0xDF ? 2 : 0;
		if (need == 0 || left >= need)
			return NULL;
		for (k = 1; k < left; k++)
			if ((t[k] & 0xC0) != 0x80)
				return NULL;
	}
	return "UTF-8";
}

/* Where a part ends: after the last '\n' within size bytes, else the first after. */
static size_t
part_end(const char *p, size_t n, size_t size)
{
	size_t k = n < size ? n : size;
	const char *nl;

	while (k > 0 && p[k - 1] != '\n')
		k--;
	if (k > 0)
		return k;
	if (n > size && (nl = memchr(p + size, '\n', n - size)) != NULL)
		return (size_t)(nl - p) + 1;
	return 0;
}

/*
 * The operand's text in parts (s->text_chunks).  Returns 0 when it is to
 * be read whole (nothing consumed), 1 when done, 2 on a read error.
 */
static int
read_text_chunked(struct sc_stream *s, struct input *in)
{
	struct reader *r = &in->r;
	size_t size = s->text_chunks, skip = 0, replaced = 0;
	uintmax_t part = 0, part_line = 1, seq = 0, gseq = 0;
	const char *cs, *p;
	struct sc_doc *d = &cur;
	int last = 0, too_long = 0;

	/* A text that fits in one part is read whole, as ever. */
	while (r->end - r->start <= size && !r->eof && reader_fill(r) > 0)
		;
	if (r->error || r->end - r->start <= size)
		return 0;
	p = r->buf + r->start;
	if (memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		cs = "UTF-8";
		skip = 3;
	} else if (((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE) ||
	    ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF)) {
		return 0;	/* a UTF-16 or UTF-32 BOM */
	} else if (s->encoding != NULL) {
		cs = s->encoding;
	} else if ((cs = prescan(in)) == NULL && (cs = lookahead(s, in)) == NULL) {
		return 0;
	}
	if (!chunk_safe(cs))
		return 0;
	while (!last) {
		struct sc_decode_result res;
		size_t n, cut;

		while (r->end - r->start < size && !r->eof && reader_fill(r) > 0)
			;
		for (;;) {
			n = r->end - r->start;
			if (r->eof || r->error) {
				cut = n;
				break;
			}
			if ((cut = part_end(r->buf + r->start, n, size)) > 0)
				break;
			if (n > s->max_record) {
				/* A line too long to hold: the rest of the operand goes. */
				r->start = r->end;
				while (reader_fill(r) > 0)
					r->start = r->end;
				too_long = 1;
				cut = 0;
				break;
			}
			reader_fill(r);
		}
		/* After a line too long, an empty last part closes the document. */
		last = too_long || (cut == r->end - r->start && (r->eof || r->error));
		p = r->buf + r->start;
		sc_doc_clear(d);
		d->file = in->file;
		d->idname = in->idname;
		d->filenum = in->filenum;
		d->line = 1;
		s->bytes_in += cut;
		if (s->keep_raw)
			sc_buf_add(&d->raw, p, cut);
		if (sc_decode_as(p + skip, cut - skip, cs, &d->text, &res) < 0)
			sc_die(SC_ERR, "--encoding: iconv cannot convert from '%s'", cs);
		skip = 0;
		r->start += cut;
		d->charset = res.charset;
		replaced += res.replaced;
		d->part = ++part;
		d->more = !last;
		d->part_line = part_line;
		part_line += count_newlines(d->text.p, d->text.len);
		if (part == 1) {
			seq = ++in->seq;
			gseq = s->docs_in + 1;
		}
		d->seq = seq;
		d->gseq = gseq;
		sc_buf_printf(&d->id, "%s:%ju", in->idname, seq);
		d->id_assigned = 1;
		if (last && replaced > 0) {
			/* As for the whole text: once, with the count of the whole. */
			s->repaired++;
			if (!in->warned_utf8) {
				in_diag(in->file, 1, "%zu invalid byte sequence%s in %s "
				    "replaced by U+FFFD (reported once per file)", replaced,
				    replaced == 1 ? "" : "s", res.charset);
				in->warned_utf8 = 1;
			}
		}
		dispatch(s, d);
	}
	if (r->error)
		return 2;
	if (too_long)
		bad_record(s, in, 1, NULL, 0, "document larger than --max-record (%ju bytes)",
		    (uintmax_t)s->max_record);
	return 1;
}

static void
read_input(struct sc_stream *s, struct input *in)
{
	struct reader *r = &in->r;
	enum sc_enc enc = s->in;
	struct sc_text rec;
	enum rec_status st;

	if (enc == SC_ENC_AUTO)
		enc = detect(s, in);
	if (r->error)
		goto read_error;
	s->cur_in = enc;
	decide_output(s, enc);
	pass_stream = s;
	if (enc == SC_ENC_JSONL) {
		uintmax_t line = 0;

		/* A UTF-8 BOM before the first record is not part of it. */
		while (r->end - r->start < 3 && !r->eof && reader_fill(r) > 0)
			;
		if (r->end - r->start >= 3 && memcmp(r->buf + r->start, "\xEF\xBB\xBF", 3) == 0)
			r->start += 3;
		for (;;) {
			st = reader_next(r, '\n', s->max_record, &rec,
			    s->on_error == SC_ONERR_PASS ? pass_bytes : NULL);
			if (st == REC_EOF)
				break;
			if (st == REC_ERROR)
				goto read_error;
			line++;
			s->bytes_in += rec.len + 1;
			if (st == REC_TOO_LONG) {
				if (bad_record(s, in, line, NULL, 0,
				    "record larger than --max-record (%ju bytes)",
				    (uintmax_t)s->max_record))
					return;
				continue;
			}
			if (is_blank(rec.p, rec.len))
				continue;
			if (read_jsonl_record(s, in, rec.p, rec.len, line))
				return;
		}
		return;
	}
	if (s->zero) {
		uintmax_t line = 1;

		for (;;) {
			st = reader_next(r, '\0', s->max_record, &rec,
			    s->on_error == SC_ONERR_PASS ? pass_bytes : NULL);
			if (st == REC_EOF)
				break;
			if (st == REC_ERROR)
				goto read_error;
			if (st == REC_TOO_LONG) {
				if (bad_record(s, in, line, NULL, 0,
				    "document larger than --max-record (%ju bytes)",
				    (uintmax_t)s->max_record))
					return;
				continue;
			}
			if (read_text_record(s, in, rec.p, rec.len, line))
				return;
			line += count_newlines(rec.p, rec.len);
		}
		return;
	}
	/* The whole operand is one document. */
	if (s->text_chunks > 0 && !s->normalize && !s->fix_mojibake &&
	    (!s->parts_as_text || output_for(s, SC_ENC_TEXT) != SC_ENC_JSONL)) {
		switch (read_text_chunked(s, in)) {
		case 1:
			return;
		case 2:
			goto read_error;
		}
	}
	for (;;) {
		if (r->end - r->start > s->max_record) {
			while (reader_fill(r) > 0)
				r->start = r->end;
			if (r->error)
				goto read_error;
			bad_record(s, in, 1, NULL, 0,
			    "document larger than --max-record (%ju bytes)",
			    (uintmax_t)s->max_record);
			return;
		}
		if (reader_fill(r) == 0)
			break;
	}
	if (r->error)
		goto read_error;
	if (r->end > r->start || s->keep_empty)
		read_text_record(s, in, r->buf + r->start, r->end - r->start, 1);
	r->start = r->end;
	return;
read_error:
	if (r->src.err != NULL)
		in_diag(in->file, 0, "%s", r->src.err);
	else
		in_diag(in->file, 0, "read error: %s", strerror(r->src.err_no));
	s->status = SC_ERR;
}

int
sc_stream_run(struct sc_stream *s, int nfiles, char **files)
{
	static char *stdin_only[] = { "-", NULL };
	int i, stop = 0;

	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	quiet_diag = s->quiet_diag;
	s->t_start = last_progress = sc_now();
	if (s->progress < 0)
		s->progress = isatty(STDERR_FILENO) ? 1 : 0;
	if (s->text_chunks > 0) {
		const char *e = getenv("SCTOOLS_TEXT_CHUNK");
		uint64_t v;

		/* Tests force small parts, so that part ends fall everywhere. */
		if (e != NULL && sc_parse_size(e, &v) == 0 && v > 0)
			s->text_chunks = v < 64 ? 64 : (size_t)v;
	}
	for (i = 0; i < nfiles; i++) {
		struct stat st;

		if (strcmp(files[i], "-") != 0 && stat(files[i], &st) == 0 &&
		    S_ISREG(st.st_mode))
			s->total_size += (uint64_t)st.st_size;
	}
	sc_doc_init(&cur);
	for (i = 0; i < nfiles && !stop; i++) {
		struct input in;
		int fd, is_stdin = strcmp(files[i], "-") == 0;

		memset(&in, 0, sizeof in);
		in.path = is_stdin ? NULL : files[i];
		in.file = is_stdin ? "<stdin>" : files[i];
		in.idname = is_stdin ? "stdin" : files[i];
		in.filenum = i;
		sc_out_idle();	/* opening a FIFO can wait for its writer */
		fd = is_stdin ? STDIN_FILENO : open(files[i], O_RDONLY);
		if (fd < 0) {
			in_diag(in.file, 0, "%s", strerror(errno));
			s->status = SC_ERR;
			continue;
		}
		if (src_open(&in.r.src, fd) < 0) {
			if (in.r.src.err != NULL)
				in_diag(in.file, 0, "%s", in.r.src.err);
			else
				in_diag(in.file, 0, "read error: %s", strerror(in.r.src.err_no));
			s->status = SC_ERR;
		} else {
			read_input(s, &in);
			if (s->status == SC_ERR && s->on_error == SC_ONERR_FAIL && s->bad > 0)
				stop = 1;
		}
		src_close(&in.r.src);
		free(in.r.buf);
		if (!is_stdin)
			close(fd);
	}
	if (s->cur_out == SC_ENC_AUTO)
		decide_output(s, s->in == SC_ENC_AUTO ? SC_ENC_TEXT : s->in);
	if (s->on_end != NULL)
		s->on_end(s, s->ctx);
	sc_out_flush();
	progress(s, 1);
	if (s->stats)
		print_stats(s);
	/* The counters have been reported; nothing reads them after the run. */
	for (size_t k = 0; k < s->ncounters; k++)
		free(s->counters[k].name);
	free(s->counters);
	s->counters = NULL;
	s->ncounters = 0;
	sc_doc_free(&cur);
	if (s->status == SC_OK && s->skipped > 0)
		s->status = SC_SKIPPED;
	return s->status;
}
