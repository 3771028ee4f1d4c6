/*
 * replay.c: run a fuzz harness over saved inputs, as a plain program
 * (zstd's regression driver idea), so `make check` replays the corpus with
 * any compiler.  Usage: replay_fuzz_NAME [FILE|DIR ...]; with no operand it
 * reads tests/fuzz/corpus/NAME relative to the current directory.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL) {
		perror(path);
		return 1;
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (buf == NULL) {
				fclose(fp);
				return 1;
			}
		}
		n = fread(buf + len, 1, cap - len, fp);
		if (n == 0)
			break;
		len += n;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int
run_path(const char *path, int *count)
{
	struct stat st;
	DIR *dir;
	struct dirent *e;
	int bad = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return run_file(path);
	}
	if ((dir = opendir(path)) == NULL) {
		perror(path);
		return 1;
	}
	while ((e = readdir(dir)) != NULL) {
		char sub[4096];

		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		bad |= run_path(sub, count);
	}
	closedir(dir);
	return bad;
}

int
main(int argc, char *argv[])
{
	int bad = 0, count = 0;

	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			bad |= run_path(argv[i], &count);
	} else {
		const char *name = strrchr(argv[0], '/');
		char dir[4096];

		name = name ? name + 1 : argv[0];
		if (strncmp(name, "replay_fuzz_", 12) == 0)
			name += 12;
		snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", name);
		bad |= run_path(dir, &count);
	}
	fprintf(stderr, "replayed %d inputs\n", count);
	return bad || count == 0;
}
