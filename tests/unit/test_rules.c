/*
 * test_rules.c: rule files: regex and phrase rules, actions and their
 * precedence, length limits, errors with line numbers, runaway patterns.
 */
#include <stdio.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "../tap.h"
#include "rules.h"

static enum sc_rule_action
m(struct sc_rules *r, const char *s, struct sc_rule_hit *hit)
{
	return sc_rules_match(r, s, strlen(s), hit);
}

static int
load(struct sc_rules *r, const char *text)
{
	return sc_rules_load_mem(r, "t.rules", text, strlen(text));
}

int
main(void)
{
	struct sc_rules *r = sc_rules_new();
	struct sc_rule_hit hit;
	char longline[1000];

	ok(m(r, "anything", NULL) == SC_RULE_NONE, "no rules: nothing matches");
	is_int(load(r,
	    "# comment\n"
	    "\n"
	    "drop ^share( this)?$\n"
	    "cut max=40 line: 0 comments | leave a reply\n"
	    "list start: related articles | read more\n"
	    "drop any: all rights reserved\n"
	    "keep (?-i)^IMPORTANT\n"
	    "drop max=10 ^short\n"
	    "drop max=0 never-limited\n"), 0, "rules load");
	is_int(sc_rules_count(r), 7, "seven rules");
	ok(sc_rules_compile(r) == 0, "compile");

	ok(m(r, "Share", &hit) == SC_RULE_DROP, "regex, caseless");
	is_int(hit.line, 3, "hit names its line");
	is_str(hit.file, "t.rules", "hit names its file");
	ok(m(r, "Share this article", NULL) == SC_RULE_NONE, "anchored regex");
	ok(m(r, "12 Comments", &hit) == SC_RULE_CUT, "numbers read as 0");
	is_int(hit.line, 4, "phrase hit names its line");
	ok(m(r, "[ 1234 Comments ]", NULL) == SC_RULE_CUT, "punctuation ignored");
	ok(m(r, "Leave a Reply", NULL) == SC_RULE_CUT, "second phrase of a rule");
	ok(m(r, "Leave a reply to John", NULL) == SC_RULE_NONE, "line: is the whole line");
	ok(m(r, "Related Articles: Ten ways to cook rice", NULL) == SC_RULE_LIST, "start:");
	ok(m(r, "We read more books now", NULL) == SC_RULE_NONE, "start: only at the start");
	ok(m(r, "(c) 2024 Example Ltd. All Rights Reserved.", NULL) == SC_RULE_DROP, "any:");
	ok(m(r, "IMPORTANT: share", NULL) == SC_RULE_KEEP, "keep wins over drop");
	ok(m(r, "important notice", NULL) == SC_RULE_NONE, "(?-i) is case-sensitive");
	ok(m(r, "short lines here", NULL) == SC_RULE_NONE, "max= limits the length");
	ok(m(r, "short", NULL) == SC_RULE_DROP, "within max=");
	memset(longline, 'x', sizeof longline);
	memcpy(longline + 500, "never-limited", 13);
	ok(sc_rules_match(r, longline, sizeof longline, NULL) == SC_RULE_DROP, "max=0: any length");
	ok(m(r, "a line of about four hundred characters that says all rights reserved "
	    "but is a real paragraph of an article about copyright law and what the words "
	    "mean to a court when a company prints them under its name on every page, "
	    "which is what this sentence is about, at some length, to pass the limit of "
	    "three hundred bytes that the phrase rule has by default.", NULL) == SC_RULE_NONE,
	    "default max=300");
	sc_rules_free(r);

	/* Errors: reported with file and line, counted. */
	r = sc_rules_new();
	printf("# expect four diagnostics on stderr\n");
	fflush(stdout);
	is_int(load(r, "drop ^(open\nremove foo\nkeep\ndrop line: ,, \n"), 4, "four bad lines");
	is_int(sc_rules_count(r), 0, "none loaded");
	sc_rules_free(r);

	/* A runaway pattern hits the match limit and does not match. */
	r = sc_rules_new();
	is_int(load(r, "drop max=0 (a|aa)+$\n"), 0, "runaway rule loads");
	memset(longline, 'a', 80);
	longline[80] = 'b';
	ok(sc_rules_match(r, longline, 81, NULL) == SC_RULE_NONE, "match limit: no match, no hang");
	sc_rules_free(r);

	/* need=: a literal the line must hold, any case, before the pattern runs. */
	r = sc_rules_new();
	is_int(load(r,
	    "drop max=0 need=cookie \\bcookies?\\b.{0,40}\\bbrowser\\b|\\bbrowser\\b.{0,40}\\bcookies?\\b\n"
	    "drop ^\\W*(see also|read more)\\s*:\n"), 0, "need= and ^\\W* rules load");
	ok(m(r, "Your browser stores COOKIES for this site.", &hit) == SC_RULE_DROP,
	    "need= found in another case");
	is_int(hit.line, 1, "need= rule named");
	ok(m(r, "Cookies baked in a browser-shaped tin? No.", NULL) == SC_RULE_DROP,
	    "need= anchor found past a false start");
	ok(m(r, "The browser crashed again.", NULL) == SC_RULE_NONE, "need= missing: no match");
	ok(m(r, "Cooking with kids", NULL) == SC_RULE_NONE, "a prefix of the need is not it");
	ok(m(r, "  >> Read more: the story", NULL) == SC_RULE_DROP, "^\\W* rule: first word fits");
	ok(m(r, "  >> Reading more: the story", NULL) == SC_RULE_NONE, "^\\W* rule: it must match");
	ok(m(r, "Then read more: the story", NULL) == SC_RULE_NONE, "^\\W* rule: first word rules out");
	ok(m(r, "\u00bb See also: the story", NULL) == SC_RULE_DROP,
	    "^\\W* rule: non-ASCII before the word goes to the matcher");
	sc_rules_free(r);
	/*
	 * "^\\W*(a|b)" rules skip lines whose first word begins with none of
	 * the alternatives: every verdict as pcre2's own, on lines made of
	 * leads (ASCII, other \\W, letters of other scripts), first words
	 * (cases, the long s and the Kelvin sign that match 's' and 'k'; of
	 * other scripts, with final sigma and rounded ve that match sigma and
	 * ve, CJK) and tails.
	 */
	{
		static const char *const pats[] = {
			"^\\W*(read (more|also)|see also|tags?|kind of|\u00e0 lire|\u0447\u0438\u0442\u0430\u0439\u0442\u0435)\\s*:",
			"^\\W*more\\b.{0,20}\\b(stories|news)\\W*$",
			"^\\W*(?:by|von|sk)\\s+\\p{Lu}",
			"^\\W*(a+b|c)d",
			"^\\W*(x|y?z)",
			"^\\W*(\\(note\\)|fig\\.)",
			"^\\W*(\u00ab\\s*more|read)\\s*:",
			"^\\W*(\u03c3\u03b1\u03c2|\u0432\u0430\u0448|\u76f8\u5173|\u00e9t\u00e9|more)\\s*:",
			"^\\W*(\u0131s|\u0130s|\u01c6a|\u00dfb|\u00b5c|\u03d0d|\u03f3e|\u03d1f|\u01c5g|\u0390i|\u0451j)",
			"^\\W*(\u1e9eb|\u1fd3i|\u03c9\u03c9)",
		};
		static const char *const leads[] = {
			"", "  ", "\u00bb ", "- ", "_", "1 ", "\u0301", "\u2014 ", "\u00e9 ", "\u200b",
			"\u00ad", "\u0903", "\U0001F600 "
		};
		static const char *const words[] = {
			"read", "Read", "READ", "reading", "see", "\u017fee", "Se", "kind", "\u212aind",
			"\u212a", "\u00c0", "\u00e0", "\u0427\u0438\u0442\u0430\u0439\u0442\u0435",
			"\u041core", "more", "More", "tag", "TAGS", "ta", "x", "By", "sk", "\u017fk",
			"aab", "cd", "zd", "yz", "(note)", "fig.", "figs", "\u00c9t\u00e9",
			"\u00ab more", "\uff32ead", "\u03a3\u03b1\u03c2", "\u03c2\u03b1\u03c2",
			"\u1c80\u0430\u0448", "\u0412\u0430\u0448", "\u0432\u0410\u0428", "\u76f8\u5173",
			"\u4e2d\u6587", "\u0413\u043b\u0430\u0432\u043d\u0430\u044f", "\u00e9t\u00e9",
			/* Turkish i, titlecase digraphs, sharp s, micro, Greek symbol forms */
			"\u0130s", "\u0131s", "is", "Is", "\u01c4a", "\u01c5a", "\u01c6a", "\u1e9eb",
			"\u00dfb", "\u039cc", "\u03bcc", "\u00b5c", "\u0392d", "\u03b2d", "\u037fe",
			"\u03f3e", "\u0398f", "\u03b8f", "\u03f4f", "\u01c4g", "\u01c6g", "\u1fd3i",
			"\u0390i", "\u0401j", "\u0435\u0308j", "\u2126\u03c9", "\u03a9\u03c9"
		};
		static const char *const tails[] = {
			" also: y", " more: y", ": y", " of: z", " stories", " news about", " Anna",
			"d", "", " \u017feE also: q", " alſo: w"
		};
		size_t pi, li, wi, ti, bad = 0, tries = 0;
		pcre2_match_data *md = pcre2_match_data_create(8, NULL);
		char line[256];

		for (pi = 0; pi < sizeof pats / sizeof pats[0]; pi++) {
			int err;
			PCRE2_SIZE off;
			pcre2_code *c = pcre2_compile((PCRE2_SPTR)pats[pi], PCRE2_ZERO_TERMINATED,
			    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
			char rule[512];

			r = sc_rules_new();
			snprintf(rule, sizeof rule, "drop max=0 %s\n", pats[pi]);
			bad += c == NULL || load(r, rule) != 0;
			for (li = 0; c != NULL && li < sizeof leads / sizeof leads[0]; li++)
				for (wi = 0; wi < sizeof words / sizeof words[0]; wi++)
					for (ti = 0; ti < sizeof tails / sizeof tails[0]; ti++) {
						int want, got;

						snprintf(line, sizeof line, "%s%s%s", leads[li], words[wi],
						    tails[ti]);
						want = pcre2_match(c, (PCRE2_SPTR)line, strlen(line), 0, 0,
						    md, NULL) >= 0;
						got = m(r, line, NULL) == SC_RULE_DROP;
						if (want != got) {
							bad++;
							printf("# %s: \"%s\" pcre2 %d, rules %d\n", pats[pi],
							    line, want, got);
						}
						tries++;
					}
			pcre2_code_free(c);
			sc_rules_free(r);
		}
		pcre2_match_data_free(md);
		is_int((int)bad, 0, "^\\W* rules: pcre2's verdict on every line");
		ok(tries > 10000, "^\\W* rule lines tried");
	}
	/*
	 * A rule whose matches all hold one of a few word sequences (" is a ",
	 * " was the ") runs only on lines whose words, as the caller read
	 * them, hold one: pcre2's verdict on lines with the words in every
	 * case, split, joined, with the long s, past 64 words.
	 */
	{
		static const char pat[] =
		    "^\\W*(?-i:\\p{Lu}\\w+)(?: \\p{Lu}\\w+)? (?:is|was) (?:an?|the) \\w+ (?:writer|editor|analyst)\\b";
		static const char *const heads[] = { "Jane Doe", "Jane", "jane doe", "\u00bb Ann Lee" };
		static const char *const mids[] = {
			" is a", " IS A", " Was The", " is an", " was the", " iſ a", " waſ the",
			" is  a", " is-a", " isa", " was", " i's a", " is a,"
		};
		static const char *const tails[] = { " staff writer", " senior editor.", " staff cook" };
		int err, pads;
		PCRE2_SIZE off;
		pcre2_code *c = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
		pcre2_match_data *md = pcre2_match_data_create(8, NULL);
		char rule[300], line[400];
		size_t hi, mi, ti, bad = 0, tries = 0, hits = 0;
		uint64_t w[SC_RULES_WORDS];

		r = sc_rules_new();
		snprintf(rule, sizeof rule, "drop max=0 %s\ndrop line: zzz qqq\n", pat);
		bad += c == NULL || load(r, rule) != 0;
		for (pads = 0; c != NULL && pads < 2; pads++)
			for (hi = 0; hi < sizeof heads / sizeof heads[0]; hi++)
				for (mi = 0; mi < sizeof mids / sizeof mids[0]; mi++)
					for (ti = 0; ti < sizeof tails / sizeof tails[0]; ti++) {
						size_t n, nw;
						int want, got;

						snprintf(line, sizeof line, "%s%s%s%s", heads[hi], mids[mi],
						    tails[ti], pads ? " and then a b c d e f g h i j k l"
						    " m n o p q r s t u v w x y z a b c d e f g h i j k l"
						    " m n o p q r s t u v w x y z" : "");
						n = strlen(line);
						nw = sc_rules_words(line, n, w, SC_RULES_WORDS);
						want = pcre2_match(c, (PCRE2_SPTR)line, n, 0, 0, md, NULL) >= 0;
						got = sc_rules_match_words(r, line, n, w, nw, NULL) ==
						    SC_RULE_DROP;
						if (want != got) {
							bad++;
							printf("# \"%s\": pcre2 %d, rules %d\n", line, want, got);
						}
						hits += want;
						tries++;
					}
		pcre2_code_free(c);
		pcre2_match_data_free(md);
		sc_rules_free(r);
		is_int((int)bad, 0, "word sequences: pcre2's verdict on every line");
		ok(hits > 20 && tries > 200, "word sequence lines matched and tried");
	}
	/*
	 * need= at every place of lines of every length around the sixteen-
	 * byte steps and the 256-byte switch to memchr, in mixed case, with
	 * decoys (the anchor letter alone, the text cut off at the end).
	 */
	r = sc_rules_new();
	is_int(load(r, "drop max=0 need=cookie cookie\ndrop max=0 need=@ x@y\n"), 0,
	    "need= boundary rules load");
	{
		static const size_t lens[] = { 6, 7, 15, 16, 17, 18, 19, 31, 32, 33, 47, 100,
			255, 256, 257, 258, 259, 260, 300 };
		size_t li, pos, bad = 0, tries = 0;

		for (li = 0; li < sizeof lens / sizeof lens[0]; li++) {
			size_t len = lens[li];

			for (pos = 0; pos + 6 <= len; pos++) {
				memset(longline, 'k', len);
				memcpy(longline + pos, pos % 2 ? "CooKie" : "cOOkiE", 6);
				bad += sc_rules_match(r, longline, len, NULL) != SC_RULE_DROP;
				longline[pos + 5] = 'X';
				bad += sc_rules_match(r, longline, len, NULL) != SC_RULE_NONE;
				memset(longline, '.', len);
				memcpy(longline + pos, "x@y", 3);
				bad += sc_rules_match(r, longline, len, NULL) != SC_RULE_DROP;
				longline[pos + 1] = '.';
				bad += sc_rules_match(r, longline, len, NULL) != SC_RULE_NONE;
				tries += 4;
			}
			memset(longline, 'o', len);
			memcpy(longline + len - 5, "cooki", 5);
			bad += sc_rules_match(r, longline, len, NULL) != SC_RULE_NONE;
			tries++;
		}
		is_int(bad, 0, "need= found at every place, and only where it is");
		ok(tries > 1000, "need= boundary cases tried");
	}
	sc_rules_free(r);
	r = sc_rules_new();
	printf("# expect three diagnostics on stderr\n");
	fflush(stdout);
	is_int(load(r, "drop need= x\ndrop need=caf\u00e9 x\ndrop need=x line: a b\n"), 3,
	    "bad need= reported");
	sc_rules_free(r);

	is_str(sc_rule_action_name(SC_RULE_LIST), "list", "action names");
	r = sc_rules_new();
	ok(sc_rules_load_file(r, "/nonexistent/x.rules") == -1, "missing file: -1");
	sc_rules_free(r);

	/* Phrase words read by the caller: the same answers as sc_rules_match. */
	{
		static const char *const lines[] = {
			"Share this", "Don’t miss: related stories", "Read more", "0 Comments",
			"12 comments on this story", "A plain sentence of text.", "Über uns"
		};
		uint64_t w[SC_RULES_WORDS];
		size_t k, nw, same = 0;

		r = sc_rules_new();
		ok(load(r, "drop line: share this | read more\n"
		    "cut line: 0 comments\ncut start: 0 comments on\n"
		    "list any: related stories\ndrop line: über uns\n") == 0, "phrase rules load");
		ok(sc_rules_phrase_limit(r) == SC_RULE_DEFAULT_MAX, "phrase limit: their max=");
		nw = sc_rules_words("Don't 2019 Über-uns", 19, w, SC_RULES_WORDS);
		ok(nw == 4, "words: apostrophe dropped, digits and hyphen split");
		for (k = 0; k < sizeof lines / sizeof lines[0]; k++) {
			size_t n = strlen(lines[k]);

			nw = sc_rules_words(lines[k], n, w, SC_RULES_WORDS);
			same += sc_rules_match_words(r, lines[k], n, w, nw, NULL) ==
			    sc_rules_match(r, lines[k], n, NULL);
		}
		is_int((int)same, (int)(sizeof lines / sizeof lines[0]), "match_words agrees");
		ok(sc_rules_match(r, "12 comments on this story", 25, NULL) == SC_RULE_CUT,
		    "digits are one word");
		sc_rules_free(r);
	}
	/* Phrases that begin alike: each found wherever it stands, and only whole. */
	{
		static const struct {
			const char *line;
			enum sc_rule_action want;
		} cases[] = {
			{ "We have a Cookie Policy.", SC_RULE_DROP },	/* two words of three */
			{ "See the cookie policy and terms below", SC_RULE_DROP },
			{ "A cookie jar, no policy", SC_RULE_NONE },	/* the first word alone */
			{ "Accept all the cookies", SC_RULE_NONE },	/* a word between */
			{ "accept all cookies", SC_RULE_DROP },
			{ "Read more from our partners today", SC_RULE_LIST },
			{ "Read more from us", SC_RULE_LIST },		/* a shorter one */
			{ "Reading more", SC_RULE_NONE }		/* not the first word */
		};
		size_t k, right = 0;

		r = sc_rules_new();
		ok(load(r, "drop any: cookie policy | cookie policy and terms | accept all cookies\n"
		    "list start: read more | read more from our partners | more\n") == 0,
		    "phrases that begin alike load");
		for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
			right += m(r, cases[k].line, NULL) == cases[k].want;
		is_int((int)right, (int)(sizeof cases / sizeof cases[0]),
		    "phrases that begin alike: found whole, wherever they stand");
		sc_rules_free(r);
	}
	/*
	 * Solo rules tried by a line's mask of them (by length) give what
	 * the loop over actions and rules gives: the same set with one
	 * combined pattern more, which never matches, takes that loop.
	 * Several rules match some lines, of one action or of several, and
	 * lines cross the rules' max= limits.
	 */
	{
		static const char solo[] =
		    "list max=40 ^\\W*(more|read)\\b.{0,20}\\b(stories|news)\\W*$\n"
		    "drop max=120 ^\\W*(tags?|topics?)\\s*:.*$\n"
		    "drop max=400 \\((photo|image)\\s*:[^)]{0,80}\\)\\W*$\n"
		    "cut max=60 ^\\W*(by|von)\\s+(?-i:\\p{Lu}\\w+)\\W*$\n"
		    "drop max=0 need=cookie \\bcookies?\\b.{0,40}\\b(settings|consent)\\b\n"
		    "keep max=80 need=@ ^\\W*[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+\\W*$\n"
		    "drop max=30 ^\\W*(by|read)\\b.*$\n"
		    "list max=200 ^\\W*(tags?)\\s*:\\s*news\\b.*$\n"
		    "drop line: share | tweet\n";
		static const char *const lines[] = {
			"More top stories", "read the news", "Read all about the latest news today",
			"Tags: politics, news", "Tags: news and more", "Topics : weather",
			"(Photo: Jane Doe/Reuters)", "A picture (image: archive) here",
			"By Anna", "by anna", "Von Müller", "By Anna and a long tail of words here",
			"We use cookies to improve the settings of this site",
			"Cookie consent", "cookies", "mail@example.com", "  <x.y@host.org>  ",
			"Share", "share this", "By the river we read", "read",
			"Tags: news, sport, weather, politics, economy, culture, science, health, "
			"travel, the arts, books, music, film, television, radio and podcasts",
			"A plain sentence of prose, no rule near it.", ""
		};
		struct sc_rules *ra = sc_rules_new(), *rb = sc_rules_new();
		struct sc_rule_hit ha, hb;
		size_t k, agree = 0, found = 0;
		char buf[1024];	/* the longest line, 420 spaces after it */

		ok(load(ra, solo) == 0, "solo rules load");
		ok(load(rb, solo) == 0 && load(rb, "drop ^(qqxj|zzvk)$\n") == 0,
		    "solo rules and a combined one load");
		for (k = 0; k < sizeof lines / sizeof lines[0]; k++) {
			size_t pad;

			/* Each line, and with spaces after it past each limit. */
			for (pad = 0; pad < 420; pad += 7) {
				size_t n = strlen(lines[k]);
				enum sc_rule_action a, b;

				memcpy(buf, lines[k], n);
				memset(buf + n, ' ', pad);
				memset(&ha, 0, sizeof ha);
				memset(&hb, 0, sizeof hb);
				a = sc_rules_match(ra, buf, n + pad, &ha);
				b = sc_rules_match(rb, buf, n + pad, &hb);
				agree += a == b && (a == SC_RULE_NONE || ha.line == hb.line);
				found += a != SC_RULE_NONE;
			}
		}
		is_int((int)agree, (int)(sizeof lines / sizeof lines[0] * 60),
		    "solo rules by mask: the answers of the loop");
		ok(found > 100, "solo rules by mask: many lines matched");
		memset(&ha, 0, sizeof ha);
		ok(sc_rules_match(ra, "By Anna", 7, &ha) == SC_RULE_CUT && ha.line == 4,
		    "solo rules by mask: the strongest action wins");
		ok(sc_rules_match(ra, "read", 4, &ha) == SC_RULE_DROP && ha.line == 7,
		    "solo rules by mask: a later rule of the action");
		sc_rules_free(ra);
		sc_rules_free(rb);
	}
	/* A rule whose every match holds a space (not looked for first) still matches. */
	r = sc_rules_new();
	ok(load(r, "drop max=80 \\bwas an? \n") == 0, "a rule ending in a space loads");
	ok(m(r, "She was a reporter", NULL) == SC_RULE_DROP, "the space rule matches");
	ok(m(r, "She was an editor", NULL) == SC_RULE_DROP, "the space rule matches again");
	ok(m(r, "Wasabi was", NULL) == SC_RULE_NONE, "the space rule: no space after");
	ok(m(r, "wasana", NULL) == SC_RULE_NONE, "the space rule: a line without a space");
	sc_rules_free(r);
	return tap_done();
}
