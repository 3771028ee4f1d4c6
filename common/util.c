/*
 * util.c: diagnostics, allocation, buffers, sizes, checked output and the
 * data directory.  See util.h for the contracts.
 */
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *sc_progname = "sctools";

/* Output buffer for sc_out(): large writes bypass it. */
#define OUTBUF_SIZE (256 * 1024)
static char *outbuf;
static size_t outlen;
static int record_flush = -1;	/* -1: not decided yet */

static void
write_all(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				_exit(SC_ERR);	/* the reader went away: quiet stop */
			fprintf(stderr, "%s: write error: %s\n", sc_progname,
			    strerror(errno));
			_exit(SC_ERR);
		}
		p += w;
		n -= (size_t)w;
	}
}

void
sc_out_flush(void)
{
	if (outlen > 0) {
		write_all(outbuf, outlen);
		outlen = 0;
	}
}

void
sc_out(const void *p, size_t n)
{
	if (SC_UNLIKELY(outbuf == NULL))
		outbuf = xmalloc(OUTBUF_SIZE);
	if (outlen + n <= OUTBUF_SIZE) {
		memcpy(outbuf + outlen, p, n);
		outlen += n;
		return;
	}
	sc_out_flush();
	if (n >= OUTBUF_SIZE / 2) {
		write_all(p, n);
		return;
	}
	memcpy(outbuf, p, n);
	outlen = n;
}

void
sc_out_set_record_flush(int on)
{
	record_flush = on;
}

void
sc_out_record_end(void)
{
	if (SC_UNLIKELY(record_flush < 0)) {
		struct stat st;

		record_flush = isatty(STDOUT_FILENO) ||
		    (fstat(STDOUT_FILENO, &st) == 0 &&
		    (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)));
	}
	if (record_flush)
		sc_out_flush();
}

/* At exit: flush our buffer and stdio's, and check that both reached the file. */
static void
close_stdout(void)
{
	sc_out_flush();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			_exit(SC_ERR);
		fprintf(stderr, "%s: write error: %s\n", sc_progname,
		    strerror(errno ? errno : EIO));
		_exit(SC_ERR);
	}
	if (fclose(stdout) != 0 && errno != EBADF) {
		if (errno == EPIPE)
			_exit(SC_ERR);
		fprintf(stderr, "%s: write error: %s\n", sc_progname,
		    strerror(errno));
		_exit(SC_ERR);
	}
}

void
sc_init(const char *argv0)
{
	const char *slash;

	if (argv0 != NULL && *argv0 != '\0') {
		slash = strrchr(argv0, '/');
		sc_progname = slash ? slash + 1 : argv0;
	}
	atexit(close_stdout);
}

void
sc_version(void)
{
	printf("%s (sctools) %s\n", sc_progname, SC_VERSION);
	exit(SC_OK);
}

void
sc_vdiag(const char *file, uintmax_t line, const char *fmt, va_list ap)
{
	/* One fprintf keeps the line whole when several tools share stderr. */
	char msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	if (file != NULL && line > 0)
		fprintf(stderr, "%s: %s:%ju: %s\n", sc_progname, file, line, msg);
	else if (file != NULL)
		fprintf(stderr, "%s: %s: %s\n", sc_progname, file, msg);
	else
		fprintf(stderr, "%s: %s\n", sc_progname, msg);
}

void
sc_diag(const char *file, uintmax_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sc_vdiag(file, line, fmt, ap);
	va_end(ap);
}

void
sc_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sc_vdiag(NULL, 0, fmt, ap);
	va_end(ap);
}

void
sc_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sc_vdiag(NULL, 0, fmt, ap);
	va_end(ap);
	exit(status);
}

static void
out_of_memory(size_t n)
{
	fprintf(stderr, "%s: out of memory (%zu bytes)\n", sc_progname, n);
	_exit(SC_ERR);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		out_of_memory(n);
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *
xmemdup(const void *p, size_t n)
{
	char *q = xmalloc(n + 1);

	if (n > 0)
		memcpy(q, p, n);
	q[n] = '\0';
	return q;
}

void
sc_buf_grow(struct sc_buf *b, size_t extra)
{
	size_t need, cap;

	if (extra > SIZE_MAX - b->len - 1)
		out_of_memory(SIZE_MAX);
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
sc_buf_add(struct sc_buf *b, const void *p, size_t n)
{
	sc_buf_grow(b, n);
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
sc_buf_adds(struct sc_buf *b, const char *s)
{
	sc_buf_add(b, s, strlen(s));
}

void
sc_buf_printf(struct sc_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sc_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
sc_buf_reset(struct sc_buf *b)
{
	b->len = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

void
sc_buf_free(struct sc_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

int
sc_parse_size(const char *s, uint64_t *out)
{
	uint64_t v = 0, mult = 1;
	const char *p = s;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (UINT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	switch (*p) {
	case 'k': case 'K': mult = 1ULL << 10; p++; break;
	case 'm': case 'M': mult = 1ULL << 20; p++; break;
	case 'g': case 'G': mult = 1ULL << 30; p++; break;
	case 't': case 'T': mult = 1ULL << 40; p++; break;
	default: break;
	}
	if (mult > 1 && *p == 'i')
		p++;
	if (*p == 'B' || *p == 'b')
		p++;
	if (*p != '\0')
		return -1;
	if (v > UINT64_MAX / mult)
		return -1;
	*out = v * mult;
	return 0;
}

static int
is_dir_with_marker(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;

	if ((size_t)snprintf(path, sizeof path, "%s/sctools.data", dir) >= sizeof path)
		return 0;
	return stat(path, &st) == 0;
}

const char *
sc_datadir(void)
{
	static char *dir;
	char exe[PATH_MAX], cand[PATH_MAX + 16];
	const char *env;
	ssize_t n;
	char *slash;

	if (dir != NULL)
		return dir;
	env = getenv("SCTOOLS_DATA");
	if (env != NULL && *env != '\0')
		return dir = xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* bin/scstrip: two levels up; build/asan/bin/scstrip: four. */
		for (int up = 0; up < 4; up++) {
			slash = strrchr(exe, '/');
			if (slash == NULL)
				break;
			*slash = '\0';
			snprintf(cand, sizeof cand, "%s/data", exe);
			if (is_dir_with_marker(cand))
				return dir = xstrdup(cand);
		}
	}
	return dir = xstrdup(SC_DATADIR);
}

FILE *
sc_data_open(const char *name)
{
	struct sc_buf path = {0};
	FILE *fp;

	sc_buf_printf(&path, "%s/%s", sc_datadir(), name);
	fp = fopen(path.p, "r");
	sc_buf_free(&path);
	return fp;
}

uint64_t
sc_peak_rss(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return 0;
	return (uint64_t)ru.ru_maxrss * 1024;
}

double
sc_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
