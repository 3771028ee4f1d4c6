/*
 * fuzz_stream.c: the whole stream reader and writer, on bytes given as a
 * file: encoding detection, JSON Lines records, NUL-separated and whole
 * documents, gzip/zstd sniffing, bad-record handling, record rebuilding.
 * The first byte picks the options.  Output goes to /dev/null.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
touch_doc(struct sc_stream *s, struct sc_doc *d, void *ctx)
{
	(void)ctx;
	/* Exercise the metadata merge and the rewriting path on some records. */
	if (d->text.len % 3 == 0) {
		sc_meta_set_int(d, "len", (int64_t)d->text.len);
		sc_meta_set_str(d, "first", d->text.p, d->text.len > 8 ? 8 : d->text.len);
	}
	if (d->text.len % 2 == 0)
		sc_doc_set_text(d, d->text.p, d->text.len / 2);
	(void)s;
	return d->text.len % 5 == 1 ? SC_DROP : SC_KEEP;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int devnull = -1;
	struct sc_stream s;
	char path[64];
	char *files[1];
	int fd;
	unsigned flags = size > 0 ? data[0] : 0;

	if (devnull < 0) {
		devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDOUT_FILENO);
	}
	fd = memfd_create("fuzz", 0);
	if (fd < 0)
		return 0;
	if (size > 1 && write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	files[0] = path;
	sc_stream_init(&s);
	s.in = (enum sc_enc)(flags & 3) % 3;
	s.out = (enum sc_enc)((flags >> 2) & 3) % 3;
	s.zero = (flags >> 4) & 1;
	s.on_error = (enum sc_onerr)(((flags >> 5) & 3) % 3);
	s.fix_mojibake = (flags >> 7) & 1;
	s.max_record = 4096;
	s.progress = 0;
	s.on_doc = touch_doc;
	(void)sc_stream_run(&s, 1, files);
	for (size_t i = 0; i < s.ncounters; i++)
		free(s.counters[i].name);
	free(s.counters);
	close(fd);
	return 0;
}
