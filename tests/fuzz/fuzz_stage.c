/*
 * fuzz_stage.c: the readers of scdedup's staged form, which take files
 * other programs (sort, a MapReduce shuffle, people) hand them.  The
 * first byte picks the reader:
 *   0  --stage=pairs on sorted key lines;
 *   1  --stage=filter's duplicate list (the shard is picked by the byte's
 *      upper bits), then lookups;
 *   2  --stage=cluster: pair lines, a NUL byte, then one shard's sketch
 *      file.
 * Whatever the bytes, a reader must report and return, never crash, leak
 * or exit.  Output goes to /dev/null.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "stage.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *
open_bytes(const uint8_t *p, size_t n, int *fdp)
{
	int fd = memfd_create("fuzz", 0);
	FILE *f;

	if (fd < 0)
		return NULL;
	if (n > 0 && write(fd, p, n) != (ssize_t)n) {
		close(fd);
		return NULL;
	}
	lseek(fd, 0, SEEK_SET);
	if ((f = fdopen(fd, "r")) == NULL) {
		close(fd);
		return NULL;
	}
	if (fdp != NULL)
		*fdp = fd;
	return f;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int devnull = -1;
	unsigned mode;
	const uint8_t *p;
	size_t n;
	FILE *f;

	if (size == 0)
		return 0;
	sc_progname = "fuzz_stage";
	if (devnull < 0) {
		devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDOUT_FILENO);
	}
	mode = data[0] % 3;
	p = data + 1;
	n = size - 1;
	if (mode == 0) {
		if ((f = open_bytes(p, n, NULL)) == NULL)
			return 0;
		(void)sc_stage_pairs(f, "<fuzz>");
		fclose(f);
	} else if (mode == 1) {
		struct sc_dupmap *m;

		if ((f = open_bytes(p, n, NULL)) == NULL)
			return 0;
		m = sc_dupmap_read(f, "<fuzz>", 1 + (data[0] >> 2) % 3);
		fclose(f);
		if (m != NULL) {
			for (uint64_t pos = 0; pos < 8; pos++)
				(void)sc_dupmap_get(m, pos);
			sc_dupmap_free(m);
		}
	} else {
		const uint8_t *nul = memchr(p, '\0', n);
		size_t lines = nul != NULL ? (size_t)(nul - p) : n;
		char path[64], *sketches[1];
		FILE *sk;
		int fd;

		if ((f = open_bytes(p, lines, NULL)) == NULL)
			return 0;
		if ((sk = open_bytes(nul != NULL ? nul + 1 : p + n,
		    nul != NULL ? n - lines - 1 : 0, &fd)) == NULL) {
			fclose(f);
			return 0;
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		sketches[0] = path;
		(void)sc_stage_cluster(f, "<fuzz>", sketches, 1, NULL,
		    (uint64_t)64 << 20);
		fclose(sk);
		fclose(f);
	}
	return 0;
}
