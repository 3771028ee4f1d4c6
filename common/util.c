/*
 * util.c: diagnostics, allocation, buffers, sizes, checked output and the
 * data directory.  See util.h for the contracts.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *sc_progname = "sctools";

/*
 * Output sinks.  Each has its own buffer; sc_out() writes to the selected
 * one.  Large writes bypass the buffer.
 */
#define OUTBUF_SIZE (256 * 1024)

struct sc_sink {
	int fd;
	char *buf;
	size_t len;
	uint64_t total;
	char *path;		/* final name, NULL for stdout */
	char *tmp;		/* temporary name while uncommitted */
	struct sc_sink *next;	/* uncommitted temporaries */
};

static struct sc_sink stdout_sink = { STDOUT_FILENO, NULL, 0, 0, NULL, NULL, NULL };
static struct sc_sink *cur_sink = &stdout_sink;
static struct sc_sink *temps;	/* uncommitted, removed on failure */
static int record_flush = -1;	/* -1: not decided yet */

/* Remove every uncommitted temporary file; safe in a signal handler. */
static void
remove_temps(void)
{
	for (struct sc_sink *k = temps; k != NULL; k = k->next)
		if (k->tmp != NULL)
			unlink(k->tmp);
}

static void
on_fatal_signal(int sig)
{
	remove_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

static SC_NORETURN void
write_failed(const struct sc_sink *k, int err)
{
	if (k->path == NULL && err == EPIPE)
		_exit(SC_ERR);	/* the reader went away: quiet stop */
	if (k->path != NULL)
		fprintf(stderr, "%s: %s: write error: %s\n", sc_progname, k->path,
		    strerror(err));
	else
		fprintf(stderr, "%s: write error: %s\n", sc_progname, strerror(err));
	remove_temps();
	_exit(SC_ERR);
}

static void
write_all(struct sc_sink *k, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(k->fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			write_failed(k, errno);
		}
		p += w;
		n -= (size_t)w;
	}
}

static void
sink_flush(struct sc_sink *k)
{
	if (k->len > 0) {
		write_all(k, k->buf, k->len);
		k->len = 0;
	}
}

void
sc_out_flush(void)
{
	sink_flush(cur_sink);
}

void
sc_out(const void *p, size_t n)
{
	struct sc_sink *k = cur_sink;

	k->total += n;
	if (SC_UNLIKELY(k->buf == NULL))
		k->buf = xmalloc(OUTBUF_SIZE);
	if (k->len + n <= OUTBUF_SIZE) {
		memcpy(k->buf + k->len, p, n);
		k->len += n;
		return;
	}
	sink_flush(k);
	if (n >= OUTBUF_SIZE / 2) {
		write_all(k, p, n);
		return;
	}
	memcpy(k->buf, p, n);
	k->len = n;
}

void
sc_out_set_record_flush(int on)
{
	record_flush = on;
}

/*
 * How stdout is flushed: a terminal after each record; a pipe or a socket
 * whenever the program is about to wait for more input (sc_out_idle), so
 * that what it has finished reaches the reader before it blocks, in
 * writes of many records where input keeps coming (one write a record
 * cost a context switch a document in `scsplit | scmeta | scstrip`);
 * a file only when the buffer fills.
 */
static void
decide_flush(void)
{
	struct stat st;

	if (isatty(STDOUT_FILENO))
		record_flush = 1;
	else if (fstat(STDOUT_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) {
		record_flush = 2;
#ifdef F_SETPIPE_SZ
		if (S_ISFIFO(st.st_mode))
			(void)fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
#endif
	}
	else
		record_flush = 0;
}

int
sc_out_streaming(void)
{
	if (SC_UNLIKELY(record_flush < 0))
		decide_flush();
	return record_flush > 0;
}

void
sc_out_record_end(void)
{
	if (SC_UNLIKELY(record_flush < 0))
		decide_flush();
	if (record_flush == 1 && cur_sink == &stdout_sink)
		sc_out_flush();
}

void
sc_out_idle(void)
{
	if (SC_UNLIKELY(record_flush < 0))
		decide_flush();
	if (record_flush > 0 && stdout_sink.len > 0)
		sink_flush(&stdout_sink);
}

struct sc_sink *
sc_sink_stdout(void)
{
	return &stdout_sink;
}

/*
 * Follow the symbolic links from path.  Returns the last name of the
 * chain (allocated; NULL when path is not a link), and sets *fdno to the
 * descriptor the chain stands for when it passes /dev/stdout, /dev/stderr,
 * /dev/fd/N or /proc/self/fd/N (/dev/stdout is a link to /proc/self/fd/1),
 * else to -1.
 */
static char *
follow_links(const char *path, long *fdno)
{
	static const char *const fdnames[] = { "/dev/fd/", "/proc/self/fd/" };
	struct sc_buf cur = {0}, next = {0};
	char link[PATH_MAX];
	int hop;

	*fdno = -1;
	sc_buf_add(&cur, path, strlen(path) + 1);
	for (hop = 0; hop < 40; hop++) {
		const char *p = cur.p, *n = NULL, *slash;
		char *end;
		ssize_t len;

		if (strcmp(p, "/dev/stdout") == 0) {
			*fdno = STDOUT_FILENO;
			break;
		}
		if (strcmp(p, "/dev/stderr") == 0) {
			*fdno = STDERR_FILENO;
			break;
		}
		for (size_t i = 0; i < sizeof fdnames / sizeof *fdnames; i++)
			if (strncmp(p, fdnames[i], strlen(fdnames[i])) == 0)
				n = p + strlen(fdnames[i]);
		if (n != NULL && *n >= '0' && *n <= '9') {
			*fdno = strtol(n, &end, 10);
			if (*end != '\0')
				*fdno = -1;
			break;
		}
		if ((len = readlink(p, link, sizeof link - 1)) < 0)
			break;
		link[len] = '\0';
		sc_buf_reset(&next);
		if (link[0] != '/' && (slash = strrchr(p, '/')) != NULL)
			sc_buf_add(&next, p, (size_t)(slash - p) + 1);
		sc_buf_add(&next, link, (size_t)len + 1);
		sc_buf_reset(&cur);
		sc_buf_add(&cur, next.p, next.len);
	}
	sc_buf_free(&next);
	if (hop == 0) {
		sc_buf_free(&cur);
		return NULL;
	}
	return cur.p;
}

/*
 * A name that stands for one of our descriptors (standard output as
 * /dev/stdout) or is not a regular file (a FIFO, /dev/null, a terminal)
 * cannot take a file renamed over it: renaming would replace the link or
 * the device with a plain file and write nothing where the user looks.
 * Such a name is written in place: a descriptor of ours is duplicated (so
 * standard output keeps one offset), anything else opened.  Returns the
 * descriptor, or -1 for a regular file or a name that does not exist yet;
 * then *real is the file at the end of the links from path (NULL when
 * path is not a link), for the rename to replace the file, not the link.
 */
static int
open_in_place(const char *path, char **real)
{
	struct stat st;
	long fdno;
	int fd;

	*real = follow_links(path, &fdno);
	/*
	 * A descriptor that is not open (/dev/stdout with standard output
	 * closed) is no file to make: a temporary renamed over the name
	 * would replace /dev/stdout itself.
	 */
	if (fdno >= INT_MAX || (fdno >= 0 && fcntl((int)fdno, F_GETFD) < 0))
		sc_die(SC_ERR, "%s: %s", path, strerror(EBADF));
	if (fdno >= 0)
		fd = fcntl((int)fdno, F_DUPFD_CLOEXEC, 3);
	else if (stat(path, &st) != 0) {
		/* Links that loop name no file, made or to be made. */
		if (errno == ELOOP)
			sc_die(SC_ERR, "%s: %s", path, strerror(ELOOP));
		return -1;
	} else if (S_ISREG(st.st_mode))
		return -1;
	else
		fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		sc_die(SC_ERR, "%s: %s", path, strerror(errno));
	free(*real);
	*real = NULL;
	return fd;
}

void
sc_check_output(const char *path)
{
	struct stat st;
	struct sc_buf dir = {0};
	const char *slash = strrchr(path, '/');

	/* An empty name is no file (open() would say so only at the end). */
	if (path[0] == '\0')
		sc_die(SC_ERR, "'': %s", strerror(ENOENT));
	/* A directory (or a link to one) is no file to write, in place or not. */
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			sc_die(SC_ERR, "%s: %s", path, strerror(EISDIR));
	} else if (errno == ELOOP) {
		sc_die(SC_ERR, "%s: %s", path, strerror(ELOOP));	/* links that loop */
	}
	if (lstat(path, &st) == 0 && (S_ISLNK(st.st_mode) || !S_ISREG(st.st_mode)))
		return;
	if (slash == NULL)
		sc_buf_add(&dir, ".", 2);
	else if (slash == path)
		sc_buf_add(&dir, "/", 2);
	else {
		sc_buf_add(&dir, path, (size_t)(slash - path));
		sc_buf_add(&dir, "", 1);
	}
	if (stat(dir.p, &st) != 0)
		sc_die(SC_ERR, "%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		sc_die(SC_ERR, "%s: %s", path, strerror(ENOTDIR));
	if (access(dir.p, W_OK | X_OK) != 0)
		sc_die(SC_ERR, "%s: %s", path, strerror(errno));
	sc_buf_free(&dir);
}

struct sc_sink *
sc_sink_open_temp(const char *path)
{
	static int handlers;
	struct sc_sink *k = xcalloc(1, sizeof *k);
	struct sc_buf t = {0};
	char *real = NULL;

	if (!handlers) {
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_fatal_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
		handlers = 1;
	}
	k->path = xstrdup(path);
	if ((k->fd = open_in_place(path, &real)) >= 0)
		return k;	/* no temporary: k->tmp stays NULL */
	if (real != NULL)
		path = real;
	for (unsigned i = 0;; i++) {
		sc_buf_reset(&t);
		sc_buf_printf(&t, "%s.tmp%u.%ld", path, i, (long)getpid());
		k->fd = open(t.p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (k->fd >= 0)
			break;
		if (errno != EEXIST || i > 1000)
			sc_die(SC_ERR, "%s: %s", k->path, strerror(errno));
	}
	if (real != NULL) {
		free(k->path);
		k->path = real;
	}
	k->tmp = t.p;
	k->next = temps;
	temps = k;
	return k;
}

void
sc_sink_select(struct sc_sink *k)
{
	cur_sink = k;
}

uint64_t
sc_sink_bytes(const struct sc_sink *k)
{
	return k->total;
}

void
sc_sink_commit(struct sc_sink *k)
{
	struct sc_sink **pp;

	sink_flush(k);
	if (k->tmp != NULL && fsync(k->fd) != 0 && errno != EINVAL && errno != EROFS)
		write_failed(k, errno);
	if (close(k->fd) != 0)
		write_failed(k, errno);
	if (k->tmp != NULL && rename(k->tmp, k->path) != 0)
		write_failed(k, errno);
	for (pp = &temps; *pp != NULL; pp = &(*pp)->next)
		if (*pp == k) {
			*pp = k->next;
			break;
		}
	if (cur_sink == k)
		cur_sink = &stdout_sink;
	free(k->buf);
	free(k->tmp);
	free(k->path);
	free(k);
}

/* At exit: flush our buffer and stdio's, and check that both reached the file. */
static void
close_stdout(void)
{
	sink_flush(&stdout_sink);
	free(stdout_sink.buf);
	stdout_sink.buf = NULL;
	remove_temps();
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
	char *msg = NULL;
	va_list aq;
	int n;

	/* Sized first: a message that names a long file or field is not cut. */
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n >= 0 && (msg = malloc((size_t)n + 1)) != NULL)
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
	if (file != NULL && line > 0)
		fprintf(stderr, "%s: %s:%ju: %s\n", sc_progname, file, line, msg ? msg : fmt);
	else if (file != NULL)
		fprintf(stderr, "%s: %s: %s\n", sc_progname, file, msg ? msg : fmt);
	else
		fprintf(stderr, "%s: %s\n", sc_progname, msg ? msg : fmt);
	free(msg);
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

#define TABLE_HUGE ((size_t)2 << 20)	/* an x86-64 huge page */

/*
 * Under AddressSanitizer a large table is the allocator's, aligned as
 * the mapping would be: ASan puts no redzone after a mapping of our own,
 * so a read or write past a table's end went unseen by make asan.
 */
#if defined(__SANITIZE_ADDRESS__)
#define TABLE_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TABLE_CHECKED 1
#endif
#endif

void *
sc_table_alloc(size_t n)
{
	size_t len = n ? n : 1;
	char *p;

	if (len < TABLE_HUGE / 4)
		return xcalloc(1, len);
#ifdef TABLE_CHECKED
	{
		void *q;

		if (posix_memalign(&q, TABLE_HUGE, len) != 0)
			out_of_memory(n);
		return memset(q, 0, len);
	}
#endif
	/* Map a huge page more and trim it to a huge page's alignment. */
	len = (len + TABLE_HUGE - 1) & ~(TABLE_HUGE - 1);
	p = mmap(NULL, len + TABLE_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	if (p == MAP_FAILED)
		out_of_memory(n);
	{
		size_t head = (size_t)(-(uintptr_t)p & (TABLE_HUGE - 1));

		if (head > 0)
			munmap(p, head);
		if (TABLE_HUGE - head > 0)
			munmap(p + head + len, TABLE_HUGE - head);
		p += head;
	}
#ifdef MADV_HUGEPAGE
	(void)madvise(p, len, MADV_HUGEPAGE);	/* a hint: without it, small pages */
#endif
	return p;
}

void
sc_table_free(void *p, size_t n)
{
	size_t len = n ? n : 1;

	if (p == NULL)
		return;
#ifndef TABLE_CHECKED
	if (len < TABLE_HUGE / 4)
#endif
	{
		free(p);
		return;
	}
	munmap(p, (len + TABLE_HUGE - 1) & ~(TABLE_HUGE - 1));
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
	/* A fresh buffer is a string too, even before anything is added. */
	b->p[b->len] = '\0';
}

void
sc_buf_add(struct sc_buf *b, const void *p, size_t n)
{
	/* Most adds fit: test here, not in a call (JSON output is many small adds). */
	if (SC_UNLIKELY(n >= b->cap - b->len))
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
sc_scratch_fd(const char *dir, const char *prefix)
{
	struct sc_buf path = { 0 };
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = getenv("TMPDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	sc_buf_printf(&path, "%s/%s.XXXXXX", dir, prefix);
	if ((fd = mkstemp(path.p)) < 0)
		sc_die(SC_ERR, "cannot make a temporary file in %s: %s", dir,
		    strerror(errno));
	unlink(path.p);
	sc_buf_free(&path);
	return fd;
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

/*
 * Without its data a tool still runs, but worse (no stopword lists, no
 * abbreviations, no rules): say so once rather than degrade silently.
 */
static char *
checked_datadir(const char *d)
{
	struct stat st;

	int bad = stat(d, &st) != 0;

	if (bad || !S_ISDIR(st.st_mode))
		sc_warn("data directory %s: %s; word lists and rules are missing "
		    "(set SCTOOLS_DATA)", d, bad ? strerror(errno) : "not a directory");
	return xstrdup(d);
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
		return dir = checked_datadir(env);
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
			/* PREFIX/bin/scstrip finds PREFIX/share/sctools: an
			 * installed tree works wherever DESTDIR put it. */
			snprintf(cand, sizeof cand, "%s/share/sctools", exe);
			if (is_dir_with_marker(cand))
				return dir = xstrdup(cand);
		}
	}
	return dir = checked_datadir(SC_DATADIR);
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
