/*
 * fuzz_df.c: the document-frequency table reader (scstrip --df FILE).
 * Whatever the bytes, loading must not crash or leak, a refusal is
 * reported, and a table it accepts must answer lookups.  The first byte
 * picks the table's cap, so loading also runs into the threshold halving.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "strip.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t caps[] = { 1, 2, 16, 4096 };
	struct sc_df *df;
	char path[64];
	int fd;

	if (size == 0)
		return 0;
	sc_progname = "fuzz_df";
	fd = memfd_create("fuzz", 0);
	if (fd < 0)
		return 0;
	if (size > 1 && write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	df = sc_df_load(path, caps[data[0] & 3]);
	if (df != NULL) {
		(void)sc_df_count(df, 0x4447ed6540749b8cULL);
		(void)sc_df_count(df, 1);
		(void)sc_df_docs(df);
		sc_df_free(df);
	}
	close(fd);
	return 0;
}
