/*
 * util.h: what every sctools program needs first: the exit contract,
 * diagnostics in one format, checked allocation, growable byte buffers,
 * size parsing, checked standard output and where the data files live.
 *
 * Nothing here keeps state but the program name and the output buffer.
 */
#ifndef SC_UTIL_H
#define SC_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The exit contract shared by the four tools (STYLE.md, practice 3). */
enum sc_status {
	SC_OK = 0,		/* every record processed */
	SC_SKIPPED = 1,		/* some records rejected and skipped */
	SC_ERR = 2		/* usage, I/O, or a bad record under --on-error=fail */
};

/* A length-carrying view of bytes; text may hold NUL bytes. */
struct sc_text {
	const char *p;
	size_t len;
};

/* A growable byte buffer; p is always NUL-terminated past len for convenience. */
struct sc_buf {
	char *p;
	size_t len;
	size_t cap;
};

#if defined(__GNUC__)
#define SC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define SC_NORETURN __attribute__((noreturn))
#define SC_LIKELY(x) __builtin_expect(!!(x), 1)
#define SC_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define SC_PRINTF(a, b)
#define SC_NORETURN
#define SC_LIKELY(x) (x)
#define SC_UNLIKELY(x) (x)
#endif

extern const char *sc_progname;

/*
 * sc_init: remember the program name (basename of argv0) and arrange for
 * standard output to be flushed and checked at exit.  The locale is never
 * changed: output must not depend on it (STYLE.md, practice 7).
 */
void sc_init(const char *argv0);

/* Print "PROG --version" output and exit 0. */
SC_NORETURN void sc_version(void);

/* "PROG: message" on stderr.  sc_die exits with status. */
void sc_warn(const char *fmt, ...) SC_PRINTF(1, 2);
SC_NORETURN void sc_die(int status, const char *fmt, ...) SC_PRINTF(2, 3);
/* "PROG: FILE:LINE: message" on stderr; line 0 omits the line part. */
void sc_diag(const char *file, uintmax_t line, const char *fmt, ...) SC_PRINTF(3, 4);
void sc_vdiag(const char *file, uintmax_t line, const char *fmt, va_list ap);

/* Allocation that never returns NULL: out of memory ends the program (status 2). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xmemdup(const void *p, size_t n);	/* NUL-terminated copy */
/*
 * A large table that is read at random (a cache of lines, a hash table
 * of megabytes): zeroed, on huge pages where the kernel gives them on
 * request (transparent huge pages in madvise mode), so that its lookups
 * do not miss the TLB as well as the cache (a table of 512 KB or more:
 * mapped on its own, at a 2 MB boundary, rounded up to 2 MB; smaller
 * ones are calloc's).  Pages are only taken as they are touched.  Free
 * with sc_table_free and the same size.
 */
void *sc_table_alloc(size_t n);
void sc_table_free(void *p, size_t n);

/* Buffers.  All functions keep b->p NUL-terminated (when b->p != NULL). */
void sc_buf_grow(struct sc_buf *b, size_t extra);
void sc_buf_add(struct sc_buf *b, const void *p, size_t n);
void sc_buf_adds(struct sc_buf *b, const char *s);
void sc_buf_printf(struct sc_buf *b, const char *fmt, ...) SC_PRINTF(2, 3);
void sc_buf_reset(struct sc_buf *b);
void sc_buf_free(struct sc_buf *b);
static inline void
sc_buf_addc(struct sc_buf *b, int c)
{
	if (SC_UNLIKELY(b->len + 2 > b->cap))
		sc_buf_grow(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
}

/*
 * sc_parse_size: "512K", "64M", "2G", "1T" or plain bytes (suffixes are
 * powers of 1024, an optional trailing "B" or "iB" accepted).  Returns 0 on
 * success, -1 on a malformed or overflowing value.
 */
int sc_parse_size(const char *s, uint64_t *out);

/*
 * Checked standard output.  Everything the tools print as data goes
 * through these.  A write error prints one "write error: REASON" line and
 * exits 2; a reader that went away (EPIPE) is a quiet exit with status 2
 * (STYLE.md, practice 5).
 */
void sc_out(const void *p, size_t n);
void sc_out_flush(void);
/* End of one record: flush when stdout is a terminal. */
void sc_out_record_end(void);
/*
 * About to wait for input: flush stdout when it is a pipe, socket or
 * terminal, so finished records never wait behind a blocked read.
 */
void sc_out_idle(void);
/* Force per-record flushing on or off (tests, --line-buffered). */
void sc_out_set_record_flush(int on);
/*
 * Whether a reader waits on stdout's records as they come (a terminal, a
 * pipe or a socket, or record flushing forced on): then a tool must not
 * hold finished records back.  0 for a file or a device.
 */
int sc_out_streaming(void);

static inline void
sc_outs(const char *s)
{
	sc_out(s, strlen(s));
}

/*
 * sc_scratch_fd: an unlinked temporary file for spilling data, made in
 * `dir`, else $TMPDIR, else /tmp, its name starting with `prefix`.  It goes
 * away however the program ends.  Failure is fatal (status 2) with a
 * message naming the directory.
 */
int sc_scratch_fd(const char *dir, const char *prefix);

/*
 * Output files that appear only when complete (scsplit -o, scdedup
 * --save-index): sc_sink_open_temp() creates a temporary file beside
 * `path` (O_EXCL) and remembers it; sc_sink_select() makes sc_out() write
 * to it; sc_sink_commit() flushes, closes and renames it to `path`.  A
 * write error, SIGINT, SIGTERM, SIGHUP or exit before the commit removes
 * every uncommitted temporary file, so no partial file is left looking
 * complete.  A path that is not a regular file (/dev/stdout, a FIFO,
 * /dev/null) is written in place, with no temporary; a symbolic link is
 * followed, so the file it names is replaced and the link stays.
 * sc_sink_stdout() is standard output.
 */
/*
 * sc_check_output: for a file a tool will write only at the end (an index,
 * a table), check at the start that it can be made: the directory it goes
 * in must exist and be writable, so a long run does not end in "No such
 * file or directory".  Dies with status 2 and "PROG: PATH: reason".  A
 * name that is not a regular file (/dev/stdout, a FIFO) or a link passes,
 * but for a directory (or a link to one) and links that loop.
 */
void sc_check_output(const char *path);

struct sc_sink;
struct sc_sink *sc_sink_stdout(void);
struct sc_sink *sc_sink_open_temp(const char *path);
void sc_sink_select(struct sc_sink *k);
void sc_sink_commit(struct sc_sink *k);
/* Bytes written to the sink so far. */
uint64_t sc_sink_bytes(const struct sc_sink *k);

/*
 * sc_datadir: the directory holding rule sets and word lists: $SCTOOLS_DATA
 * when set; else the data/ folder beside the running binary's parent (an
 * uninstalled build tree, recognised by data/sctools.data); else the
 * compiled-in SC_DATADIR.  The result is static.
 */
const char *sc_datadir(void);

/* Open DATADIR/name for reading; NULL (errno set) when absent. */
FILE *sc_data_open(const char *name);

/* Peak resident set size of this process in bytes (0 if unknown). */
uint64_t sc_peak_rss(void);

/* Monotonic seconds, for progress and statistics. */
double sc_now(void);

#endif
