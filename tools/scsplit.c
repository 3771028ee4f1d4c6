/*
 * scsplit: cut dumps into documents, documents into units, streams into shards.
 */
#include <getopt.h>
#include <stdlib.h>

#include "stream.h"
#include "util.h"

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s [options] [file ...]\n%s", sc_progname, sc_stream_usage);
	exit(status);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		SC_STREAM_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct sc_stream s;
	int ch;

	sc_init(argv[0]);
	sc_stream_init(&s);
	s.normalize = 0;
	s.out_default = SC_ENC_JSONL;
	while ((ch = getopt_long(argc, argv, "hV" SC_STREAM_SHORTOPTS, longopts, NULL)) != -1) {
		if (sc_stream_option(&s, ch, optarg))
			continue;
		switch (ch) {
		case 'h':
			usage(stdout, SC_OK);
			break;
		case 'V':
			sc_version();
			break;
		default:
			usage(stderr, SC_ERR);
		}
	}
	return sc_stream_run(&s, argc - optind, argv + optind);
}
