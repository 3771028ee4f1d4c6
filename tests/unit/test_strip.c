/*
 * test_strip.c: the classifier's layers on small hand-written pages, and
 * the document-frequency table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "strip.h"

static const char *P1 =
    "The council met on Tuesday evening and agreed to build a new school near the "
    "station, after three years of debate about where the children of the town should go.";
static const char *P2 =
    "The building will cost about twelve million euros and should open in the autumn "
    "of next year, when the old school will close for good.";
static const char *P3 =
    "Parents who spoke at the meeting said that they were glad the long wait was over, "
    "but some asked how the children would cross the busy road by the station.";

static struct sc_buf out;

static const char *
run(struct sc_strip *s, const char *text, struct sc_strip_result *res)
{
	struct sc_strip_result r;

	sc_buf_reset(&out);
	sc_strip_text(s, text, strlen(text), &out, res ? res : &r);
	return out.p ? out.p : "";
}

/* Whether the line of text that contains key also contains what. */
static int
line_has(const char *text, const char *key, const char *what)
{
	const char *k = strstr(text, key), *b, *e;

	if (k == NULL)
		return 0;
	for (b = k; b > text && b[-1] != '\n'; b--)
		;
	e = strchr(k, '\n');
	e = e ? e : k + strlen(k);
	k = strstr(b, what);
	return k != NULL && k < e;
}

int
main(void)
{
	struct sc_strip_opts o;
	struct sc_strip *s;
	struct sc_rules *rules = sc_rules_new();
	struct sc_strip_result res;
	struct sc_buf page = { 0 }, first = { 0 };
	const char *got;

	is_int(sc_rules_load_builtin(rules), 0, "built-in rules load");
	sc_strip_opts_init(&o);
	o.rules = rules;
	s = sc_strip_new(&o);

	/* Navigation, article, comment form and a comment. */
	sc_buf_printf(&page, "Home | News | Sport\n\nSchool Plan Approved\n\nShare\nTweet\n\n"
	    "%s\n\n%s\n\n%s\n\n3 Comments\n\nLeave a Reply\n\n"
	    "Anna says:\nI think this is the best news the town has had for years, and I hope "
	    "they will also fix the road by the station before the school opens.\n\nReply\n",
	    P1, P2, P3);
	got = run(s, page.p, &res);
	ok(strstr(got, P1) && strstr(got, P2) && strstr(got, P3), "article kept");
	ok(!strstr(got, "Share") && !strstr(got, "Home"), "navigation and share dropped");
	ok(!strstr(got, "best news"), "comment thread dropped after the marker");
	is_str(res.lang, "en", "language guessed");
	ok(res.kept == 3 && res.dropped > 5, "counts");
	ok(res.by_rule > 0 && res.by_cut > 0, "dropped by rule and by cut");
	ok(strncmp(got, P1, strlen(P1)) == 0 && strstr(got, "\n\n"), "paragraphs, blank lines between");
	sc_buf_adds(&first, got);
	got = run(s, page.p, NULL);
	is_str(got, first.p, "same output on a second run");

	/*
	 * The line memo is a pure cache: after pages in another language and
	 * more distinct short lines than it holds (it is emptied and fills
	 * again), the page still gives what a new engine gives.
	 */
	{
		struct sc_buf flood = { 0 };
		int i;

		for (i = 0; i < 40; i++)
			sc_buf_printf(&flood, "Die Stadt hat am %d. Mai beschlossen, dass die neue "
			    "Schule nicht am Bahnhof gebaut wird, und die Eltern sind damit nicht "
			    "zufrieden.\n\n", i + 1);
		for (i = 0; i < 12000; i++)
			sc_buf_printf(&flood, "Zeile %d der Liste\n", i * 7919);
		/* The page's own lines, measured with the German stoplist. */
		sc_buf_printf(&flood, "Home | News | Sport\n\nShare\nTweet\n\n%s\n\n%s\n\n%s\n\n",
		    P1, P2, P3);
		run(s, flood.p, &res);
		is_str(res.lang, "de", "the other page is German");
		got = run(s, page.p, NULL);
		is_str(got, first.p, "same output after other pages filled the line memo");
		sc_buf_free(&flood);
	}

	/* Exact and near repeats are kept once. */
	sc_buf_reset(&page);
	sc_buf_printf(&page, "%s\n\n%s\n\n%s\n\n%s\n", P1, P2, P1, P3);
	got = run(s, page.p, &res);
	ok(strstr(got, P1) == strrchr(got, 'T') || strstr(strstr(got, P1) + 1, P1) == NULL,
	    "exact repeat kept once");
	ok(res.by_repeat == 1, "one repeat dropped");
	sc_buf_reset(&page);
	sc_buf_printf(&page, "Town News - %s Mary Smith – Local Reporter\n\n%s\n\n%s\n\n"
	    "\xe2\x80\x9cThe council met on Tuesday evening and agreed to build a new school near "
	    "the station, after three years of debate about where the children of the town "
	    "should go.\xe2\x80\x9d\n", P1, P2, P3);
	got = run(s, page.p, &res);
	ok(strstr(got, "Town News") == NULL, "the decorated teaser copy goes");
	ok(strstr(got, "\xe2\x80\x9cThe council met") != NULL, "the cleaner copy stays");

	/*
	 * A short post (one paragraph without a full stop) above its comment
	 * thread: the post is the article, not the longer thread.
	 */
	sc_buf_reset(&page);
	sc_buf_printf(&page, "Home\n\nA note from the garden\n\n"
	    "We planted the beans too early again this year and the frost took most of them, "
	    "so the plan now is to wait for the warm days of May and then to sow them along "
	    "the fence where the wind does not reach and where the soil is deep enough for "
	    "their long roots and the water stays in the ground\n\n"
	    "3 Responses to A note from the garden\n\nAnna says:\n%s\n\nBen says:\n%s\n\n"
	    "Carl says:\n%s\n", P1, P2, P3);
	got = run(s, page.p, NULL);
	ok(strstr(got, "We planted the beans") != NULL, "short post above a thread kept");
	ok(strstr(got, "The council met") == NULL, "the thread under it dropped");

	/* An embedded post after the article, between its attribution lines. */
	sc_buf_reset(&page);
	sc_buf_printf(&page, "Home | News\n\n%s\n\n%s\n\n%s\n\n"
	    "\xe2\x80\x94 Riverside Town Council Press Office (@riversidecouncil) May 3, 2024\n\n"
	    "We are happy to tell you that the new school will be built by the station and that "
	    "the work on it will start in the spring of next year, as soon as the plans for the "
	    "road and the bridge over the river are ready for the people of the town to see\n\n"
	    "\xe2\x80\x94 Riverside Town Council Press Office (@riversidecouncil) May 3, 2024\n\n"
	    "Share this:\nTwitter\nFacebook\n", P1, P2, P3);
	got = run(s, page.p, NULL);
	ok(strstr(got, P3) && strstr(got, "We are happy to tell you"),
	    "a long near-good paragraph after the article joins it");

	/* Explain: one line per block, with the reason. */
	sc_strip_free(s);
	o.explain = 1;
	s = sc_strip_new(&o);
	sc_buf_reset(&page);
	sc_buf_printf(&page, "Home\n\n%s\n\n%s\n\n%s\n", P1, P2, P3);
	{
		struct sc_blocks bs;
		struct sc_buf ex = { 0 };

		sc_blocks_init(&bs);
		sc_blocks_from_text(page.p, page.len, &bs);
		sc_buf_reset(&out);
		sc_strip_run(s, &bs, &out, &res);
		sc_strip_explain(s, &bs, &ex);
		ok(strncmp(ex.p, "1\tdrop\tbad/bad\trule drop (rules/30-ads.rules:", 44) == 0,
		    "explain names the rule");
		ok(strstr(ex.p, "\n3\tkeep\tgood/good\t") != NULL, "explain keeps with classes");
		sc_buf_free(&ex);

		/*
		 * A teaser glued to its summary, a credit under every picture,
		 * short lines of dialogue.
		 */
		sc_buf_reset(&page);
		sc_buf_printf(&page, "%s\n\nTown Hall Renovation Gallery, Daily Gazette Staff Archive Pictures\n\n%s\n\n"
		    "Town Hall Renovation Gallery, Daily Gazette Staff Archive Pictures\n\n%s\n\n"
		    "Town Hall Renovation Gallery, Daily Gazette Staff Archive Pictures\n\n"
		    "Is it going to be ready?\n\nI think it is.\n\n%s\n\n"
		    "Why Are Cities Growing So Fast?Experts say that the reasons are many, and "
		    "we looked at some of them for you.\n\n"
		    "Riverside Park Gets Its New BenchesWorkers put them in on Monday, and the "
		    "park will open again at the weekend.\n\n"
		    "Need A Quiet Afternoon? Try These Five Small Lakes Near The ValleyIf you want "
		    "to get away from the crowds, these spots are worth the drive.\n\n"
		    "Bakery Owner Says New Rules Will Close Three ShopsBaker Anna Lind told the "
		    "council that she could not pay the new fees.\n\n"
		    "Tap the screen to share the photo on WhatsApp with your Family Members\n\n"
		    "%s Die Firma will mit der neuen HydroMax-Anlage die Kosten bereits im ersten "
		    "Jahr deutlich senken.\n\n"
		    "A drawing of the new harbour seen from the lighthouse: (1) the ferry quay, (2) the "
		    "fish market, (3) the old customs house, (4) the boat yard, (5) the footbridge to the "
		    "island. The quay will be built first, and the market will move there when the work "
		    "on the old sheds is done in two years. Credit: Harbour Museum\n\n"
		    "The figures in this paragraph come from the yearly report of the harbour board, which "
		    "counted the boats, the ferry passengers and the tonnes of fish landed at the quay in "
		    "each month of the past year and compared them with the ten years before that one, "
		    "when the old fish market was still open. "
		    "Source: harbour board\n", P1, P2, P3, P1, P2);
		sc_blocks_from_text(page.p, page.len, &bs);
		sc_buf_reset(&out);
		sc_strip_run(s, &bs, &out, &res);
		ok(strstr(out.p, P1) && strstr(out.p, P2) && strstr(out.p, P3),
		    "a repeated credit does not split the article");
		ex.len = 0;
		sc_strip_explain(s, &bs, &ex);
		ok(strstr(ex.p, "repeated furniture") != NULL, "explain: repeated furniture");
		ok(strstr(ex.p, "short sentence, stopword-rich\t") != NULL ||
		    strstr(ex.p, "short sentence, stopword-rich [") != NULL,
		    "explain: a short stopword-rich sentence");
		ok(line_has(ex.p, "Why Are Cities", "\tteaser title glued"), "a title glued after '?'");
		ok(line_has(ex.p, "Riverside Park", "\tteaser title glued"),
		    "a title glued after a long word");
		ok(line_has(ex.p, "Need A Quiet", "\tteaser title glued"),
		    "a title that asks and goes on in title case");
		ok(line_has(ex.p, "Bakery Owner", "\tteaser title glued"),
		    "a title glued after a five-letter word, the summary a sentence");
		ok(!line_has(ex.p, "Tap the screen", "teaser title glued"),
		    "a brand name in a label is no glue");
		ok(!line_has(ex.p, "HydroMax", "teaser title glued"),
		    "a brand name in prose is no glue");
		ok(line_has(ex.p, "A drawing of the new harbour", "\tcaption credit"),
		    "a long caption ending in its credit");
		ok(!line_has(ex.p, "The figures in this paragraph", "caption credit"),
		    "a long paragraph naming its source is no caption");
		sc_buf_free(&ex);
		sc_blocks_free(&bs);
	}

	/* Corpus mode keeps prose outside the region. */
	sc_strip_free(s);
	o.explain = 0;
	o.mode = SC_STRIP_CORPUS;
	s = sc_strip_new(&o);
	sc_buf_reset(&page);
	sc_buf_printf(&page, "%s\n\nMenu\nNews\nSport\nWeather\nTravel\nMoney\nJobs\nCars\n\n%s\n",
	    P1, P3);
	got = run(s, page.p, NULL);
	ok(strstr(got, P1) && strstr(got, P3), "corpus mode: both paragraphs");

	/* Chinese: sentence ends of the script count. */
	got = run(s, "\xe6\x94\xbf\xe5\xba\x9c\xe4\xbb\x8a\xe5\xa4\xa9\xe5\xae\xa3\xe5\xb8\x83\xe4"
	    "\xba\x86\xe6\x96\xb0\xe7\x9a\x84\xe7\xbb\x8f\xe6\xb5\x8e\xe8\xae\xa1\xe5\x88\x92\xef"
	    "\xbc\x8c\xe8\xbf\x99\xe6\x98\xaf\xe4\xb8\xba\xe4\xba\x86\xe4\xba\xba\xe6\xb0\x91\xe7"
	    "\x9a\x84\xe5\x88\xa9\xe7\x9b\x8a\xe3\x80\x82\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa4\xe4"
	    "\xb8\xba\xe8\xbf\x99\xe4\xb8\xaa\xe8\xae\xa1\xe5\x88\x92\xe5\xbe\x88\xe5\xa5\xbd\xe3"
	    "\x80\x82\xe5\xae\x83\xe5\xb0\x86\xe5\xb8\xae\xe5\x8a\xa9\xe5\xbe\x88\xe5\xa4\x9a\xe5"
	    "\xae\xb6\xe5\xba\xad\xe3\x80\x82\n", &res);
	is_str(res.lang, "zh", "Chinese guessed");

	/* Empty and boilerplate-only input. */
	got = run(s, "", &res);
	ok(*got == '\0' && res.empty_reason != NULL, "empty input: empty, with a reason");
	got = run(s, "Home\nPrivacy Policy\nShare\n", &res);
	ok(*got == '\0', "navigation only: empty");
	/*
	 * An empty block first, as sc_blocks_add() allows: the language
	 * guess must not read the byte before its text (make asan).
	 */
	{
		struct sc_blocks eb;

		sc_blocks_init(&eb);
		sc_blocks_add(&eb, SC_BK_PARA, "", 0);
		sc_blocks_add(&eb, SC_BK_PARA, P1, strlen(P1));
		sc_buf_reset(&out);
		sc_strip_run(s, &eb, &out, &res);
		ok(out.p != NULL && strstr(out.p, P1) != NULL, "an empty first block: the text kept");
		sc_blocks_free(&eb);
	}
	sc_strip_free(s);

	/* The document-frequency table: order-independent, capped, saved and read. */
	{
		struct sc_blocks a, b, c;
		struct sc_df *d1 = sc_df_new(1000), *d2 = sc_df_new(1000), *d3 = sc_df_new(16), *d4;
		char path[] = "/tmp/test_strip.XXXXXX";
		int fd = mkstemp(path);
		uint64_t h = sc_df_hash("Subscribe to our letter", 23);

		sc_blocks_init(&a);
		sc_blocks_init(&b);
		sc_blocks_init(&c);
		sc_blocks_from_text("Subscribe to our letter\nOne\nOne\n", 32, &a);
		sc_blocks_from_text("Two\nSubscribe to our letter\n", 28, &b);
		sc_blocks_from_text("Three\nSUBSCRIBE to our letter!\n", 31, &c);
		sc_df_add_doc(d1, &a); sc_df_add_doc(d1, &b); sc_df_add_doc(d1, &c);
		sc_df_add_doc(d2, &c); sc_df_add_doc(d2, &a); sc_df_add_doc(d2, &b);
		is_int(sc_df_count(d1, h), 3, "a block counted once per document, folded");
		is_int(sc_df_count(d1, sc_df_hash("One", 3)), 1, "twice in one document: 1");
		is_int(sc_df_count(d1, h), sc_df_count(d2, h), "order does not matter");
		is_int(sc_df_docs(d1), 3, "documents counted");
		ok(sc_df_hash("3 comments", 10) == sc_df_hash("12 Comments", 11), "digits alike");
		close(fd);
		ok(sc_df_save(d1, path) == 0, "save");
		d4 = sc_df_load(path, 1000);
		ok(d4 != NULL && sc_df_count(d4, h) == 3 && sc_df_docs(d4) == 3, "load");
		sc_df_free(d4);
		{
			int i;
			char line[32];
			struct sc_blocks x;

			sc_blocks_init(&x);
			for (i = 0; i < 200; i++) {
				snprintf(line, sizeof line, "line %d\nshared\n", i * 7919);
				sc_blocks_from_text(line, strlen(line), &x);
				sc_df_add_doc(d3, &x);
			}
			sc_blocks_free(&x);
		}
		ok(sc_df_count(d3, sc_df_hash("shared", 6)) == 200 ||
		    sc_df_count(d3, sc_df_hash("shared", 6)) == 0, "capped: exact or absent");
		{
			FILE *f = fopen(path, "w");

			fputs("not a table\n", f);
			fclose(f);
		}
		printf("# expect a diagnostic on stderr\n");
		ok(sc_df_load(path, 10) == NULL, "malformed table rejected");
		unlink(path);
		sc_df_free(d1);
		sc_df_free(d2);
		sc_df_free(d3);
		sc_blocks_free(&a);
		sc_blocks_free(&b);
		sc_blocks_free(&c);
	}
	sc_rules_free(rules);
	sc_buf_free(&page);
	sc_buf_free(&first);
	sc_buf_free(&out);
	return tap_done();
}
