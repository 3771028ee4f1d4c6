/* Unit tests of common/split.c: units and dump boundaries. */
#include <stdlib.h>

#include "../tap.h"
#include "split.h"

/*
 * What the cutters gave, written as "[text|key=value|id=ID]" per piece.
 * Pieces carry lengths and may hold NUL bytes: built with lengths, not
 * with string functions.
 */
static struct sc_buf got;

static void
collect(struct sc_piece *pc, void *ctx)
{
	(void)ctx;
	sc_buf_adds(&got, "[");
	sc_buf_add(&got, pc->p, pc->len);
	for (size_t i = 0; i < pc->nkv; i++) {
		sc_buf_adds(&got, "|");
		sc_buf_adds(&got, pc->kv[i].key);
		sc_buf_adds(&got, "=");
		sc_buf_add(&got, pc->kv[i].val.p, pc->kv[i].val.len);
	}
	if (pc->id.len > 0) {
		sc_buf_adds(&got, "|id=");
		sc_buf_add(&got, pc->id.p, pc->id.len);
	}
	sc_buf_adds(&got, "]");
}

#define GOT_IS(want, name) is_mem(got.p ? got.p : "", got.len, (want), (name))

static void
spans_is(const char *t, int lines, const char *want, const char *name)
{
	struct sc_spans sp = {0};
	char buf[1024] = "";

	if (lines)
		sc_split_lines(t, strlen(t), &sp);
	else
		sc_split_paragraphs(t, strlen(t), &sp);
	for (size_t i = 0; i < sp.n; i++) {
		size_t k = strlen(buf);

		snprintf(buf + k, sizeof buf - k, "%s<%.*s>", i ? " " : "",
		    (int)(sp.v[i].end - sp.v[i].start), t + sp.v[i].start);
	}
	is_str(buf, want, name);
	free(sp.v);
}

int
main(void)
{
	const char *t;

	spans_is("a\nb\n\nc\n", 0, "<a\nb> <c>", "paragraphs between blank lines");
	spans_is("\n \n  a\n\t\nb", 0, "<  a> <b>", "whitespace-only lines are blank");
	spans_is("", 0, "", "no paragraphs in empty text");
	spans_is("a\n\n b \nc", 1, "<a> < b > <c>", "lines with something on them");

	t = "<doc id=\"d1\" url=\"http://x/?a=1&amp;b=&#233;\">\nhello\n</doc>\n<doc id=\"d2\">\nworld\n</doc>\n";
	is_int(sc_dump_detect(t, strlen(t)), SC_DUMP_VERTICAL, "<doc> detected");
	sc_buf_reset(&got);
	sc_cut_dump(t, strlen(t), SC_DUMP_VERTICAL, collect, NULL);
	GOT_IS("[hello\n|url=http://x/?a=1&b=\xc3\xa9|id=d1][world\n|id=d2]", "<doc> cut, attributes kept");

	t = "==> a.txt <==\none\n\n==> b.txt <==\ntwo\n";
	is_int(sc_dump_detect(t, strlen(t)), SC_DUMP_HEADERS, "==> headers detected");
	sc_buf_reset(&got);
	sc_cut_dump(t, strlen(t), SC_DUMP_HEADERS, collect, NULL);
	GOT_IS("[one\n|file=a.txt][two\n|file=b.txt]", "==> headers cut");

	t = "first\n\f\nsecond\n";
	is_int(sc_dump_detect(t, strlen(t)), SC_DUMP_FORMFEED, "form feed detected");
	sc_buf_reset(&got);
	sc_cut_dump(t, strlen(t), SC_DUMP_FORMFEED, collect, NULL);
	GOT_IS("[first\n][second\n]", "form feed cut");

	t = "just text\nwith an \f inside a line\n";
	is_int(sc_dump_detect(t, strlen(t)), SC_DUMP_NONE, "a form feed inside a line is not a boundary");

	t = "one\n---\ntwo\n---  \nthree";
	sc_buf_reset(&got);
	sc_cut_separator(t, strlen(t), "---", collect, NULL);
	GOT_IS("[one\n][two\n][three]", "separator lines");

	{
		const char *warc =
		    "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n"
		    "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://a/\r\n"
		    "WARC-Date: 2020-09-06T10:00:00Z\r\nContent-Length: 6\r\n\r\nbody\r\n\r\n\r\n"
		    "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
		    "Content-Length: 49\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>\r\n\r\n";
		const char *warn;

		ok(sc_dump_is_warc(warc, strlen(warc)), "WARC recognised");
		sc_buf_reset(&got);
		is_int(sc_cut_warc(warc, strlen(warc), collect, NULL, &warn), 2, "two content records");
		GOT_IS("[body\r\n|url=http://a/|date=2020-09-06T10:00:00Z|warc_type=conversion]"
		    "[<p>\r\n|warc_type=response|content_type=text/html]", "WARC records and headers");
		ok(warn == NULL, "no warning on a well-formed file");
		sc_buf_reset(&got);
		sc_cut_warc(warc, strlen(warc) - 20, collect, NULL, &warn);
		ok(warn != NULL, "a truncated record is reported");
	}
	sc_buf_free(&got);
	return tap_done();
}
