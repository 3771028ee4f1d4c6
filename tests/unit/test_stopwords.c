/*
 * test_stopwords.c: the stoplists load, look up folded words and guess
 * the language of short texts.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../tap.h"
#include "stopwords.h"
#include "ucd.h"
#include "util.h"

/*
 * sc_stoplist_cjk_hits as scstrip had it, by the public lookups: greedy
 * longest match of one to four characters.
 */
static uint32_t
ref_cjk_hits(const struct sc_stoplist *sl, const char *p, size_t n, uint32_t *units)
{
	size_t i = 0;
	uint32_t hits = 0, u = 0;

	while (i < n) {
		uint32_t c, d;
		size_t k = sc_ucd_next(p, i, n, &c), kk, j = i, best = 0;
		uint64_t h = SC_STOPHASH_INIT;
		int chars = 0;

		if (!sc_is_cjk(c)) {
			i += k;
			continue;
		}
		for (kk = k;;) {
			for (; kk > 0; kk--)
				h = sc_stophash_add(h, (unsigned char)p[j++]);
			chars++;
			if (sc_stoplist_has_hash(sl, sc_stophash_end(h)))
				best = j - i;
			if (!sc_stopprefix_has(sc_stophash_end(h)) || j >= n || chars >= 4)
				break;
			kk = sc_ucd_next(p, j, n, &d);
			if (!sc_is_cjk(d))
				break;
		}
		u++;
		hits += best > 0;
		i += best > 0 ? best : k;
	}
	*units = u;
	return hits;
}

static int
has(const char *lang, const char *w)
{
	return sc_stoplist_has(sc_stoplist_get(lang), w, strlen(w));
}

static const char *
guess(const char *t, double *share)
{
	return sc_stoplist_guess(t, strlen(t), 4096, share);
}

int
main(void)
{
	const char *const *codes = sc_stoplist_langs();
	const char *g;
	double share = 0;
	int n = 0;

	while (codes[n] != NULL)
		n++;
	ok(n >= 50, "at least 50 stoplists");
	ok(strcmp(codes[0], codes[1]) < 0, "codes sorted");
	ok(sc_stoplist_get("xx") == NULL, "unknown language: NULL");
	ok(has("en", "the"), "en: the");
	ok(!has("en", "boilerplate"), "en: not a content word");
	ok(has("de", "und"), "de: und");
	ok(has("fr", "été") || has("fr", "les"), "fr: accented / common word");
	ok(!has("de", "the"), "lists are separate");
	ok(!has("en", "The"), "lookups take folded words");
	ok(sc_stoplist_has(NULL, "the", 3) == 0, "NULL list");

	g = guess("The minister said that he would not resign, and that the "
	    "government had done all it could for the people of the region.", &share);
	is_str(g, "en", "guess English");
	ok(share > 0.3 && share <= 1.0, "English share plausible");
	g = guess("Der Minister sagte, dass er nicht zurücktreten werde und dass die "
	    "Regierung alles getan habe, was sie für die Menschen tun konnte.", &share);
	is_str(g, "de", "guess German");
	g = guess("Le ministre a déclaré qu'il ne démissionnerait pas et que le "
	    "gouvernement avait fait tout ce qu'il pouvait pour les habitants.", &share);
	is_str(g, "fr", "guess French");
	g = guess("Министр заявил, что он не уйдёт в отставку и что правительство "
	    "сделало всё, что могло, для жителей этого региона.", &share);
	is_str(g, "ru", "guess Russian");
	g = guess("東京都は十日、新しい計画を発表した。これは市民のための政策である。", &share);
	is_str(g, "ja", "guess Japanese from kana");
	g = guess("政府今天宣布了新的经济计划，这是为了人民的利益。我们认为这个计划很好。", &share);
	is_str(g, "zh", "guess Chinese from Han");
	ok(share > 0.0, "Chinese share from longest match");
	ok(guess("12345 67 -- !!", &share) == NULL, "no letters: NULL");
	ok(guess("", &share) == NULL, "empty: NULL");
	/* The budget cuts inside a multi-byte character without harm. */
	g = sc_stoplist_guess("über über und die der", 22, 3, &share);
	ok(g == NULL || strlen(g) == 2, "budget cut mid-character");

	/*
	 * The guess in pieces: the counts of a text read line by line are
	 * those of the whole (no word spans a newline), apostrophes join
	 * words only before a word character, and the answer is
	 * sc_stoplist_guess's.
	 */
	{
		static const char *const lines[] = {
			"Der Minister sagte, dass er nicht zurücktreten werde.",
			"L'état n'a pas dit qu’il viendrait, rock' 90's ’ end’",
			"東京都は十日、新しい計画を発表した。",
			"Ça va? Да, всё хорошо; 2019 -- it's fine."
		};
		struct sc_lguess a, b;
		char text[512];
		size_t k, len = 0;

		sc_lguess_init(&a);
		sc_lguess_init(&b);
		for (k = 0; k < sizeof lines / sizeof lines[0]; k++) {
			size_t m = strlen(lines[k]);

			sc_lguess_scan(&b, lines[k], m);
			memcpy(text + len, lines[k], m);
			len += m;
			text[len++] = '\n';
		}
		sc_lguess_scan(&a, text, len);
		sc_lguess_flush(&a);
		sc_lguess_flush(&b);
		ok(a.nwords == b.nwords && a.letters == b.letters &&
		    memcmp(a.hits, b.hits, sizeof a.hits) == 0 &&
		    memcmp(a.scr, b.scr, sizeof a.scr) == 0, "guess counts add up line by line");
		ok(a.nwords > 20 && a.scr[SC_SCR_KANA] > 0, "guess counts words and scripts");
		g = sc_lguess_end(&a);
		ok(g != NULL && g == sc_stoplist_guess(text, len, 4096, NULL),
		    "sc_lguess_end answers as sc_stoplist_guess");
		/* "it's" is one word, "rock'" then a space is "rock". */
		sc_lguess_init(&a);
		sc_lguess_scan(&a, "it's rock' x", 12);
		is_int((int)a.nwords, 3, "apostrophes: inside words only");
	}

	/*
	 * Every word of the longest list is found, by each lookup (some share
	 * a bucket with two others and sit in its spill table), and none of
	 * the same words with a letter more.
	 */
	{
		const struct sc_stoplist *en = sc_stoplist_get("en");
		FILE *f = sc_data_open("stopwords/en.txt");
		char line[128];
		static uint64_t hv[4096], hx[4096];
		size_t nw = 0, found = 0, foundx = 0, i;

		ok(f != NULL, "en list readable");
		while (f != NULL && nw < 4096 && fgets(line, sizeof line, f) != NULL) {
			size_t len = strcspn(line, "\r\n"), j;
			uint64_t h = SC_STOPHASH_INIT;
			int ascii = 1;

			for (j = 0; j < len; j++) {
				ascii &= (unsigned char)line[j] < 0x80 &&
				    !(line[j] >= 'A' && line[j] <= 'Z');
				h = sc_stophash_add(h, (unsigned char)line[j]);
			}
			if (len == 0 || line[0] == '#' || !ascii)
				continue;
			hv[nw] = sc_stophash_end(h);
			hx[nw] = sc_stophash_end(sc_stophash_add(h, 'q'));
			found += (size_t)sc_stoplist_has_hash(en, hv[nw]);
			nw++;
		}
		if (f != NULL)
			fclose(f);
		ok(nw > 1000, "en list read");
		is_int((int)found, (int)nw, "every word found by its hash");
		is_int((int)sc_stoplist_count_hashes(en, hv, nw), (int)nw, "every word counted");
		for (i = 0; i < nw; i++)
			foundx += (size_t)sc_stoplist_has_hash(en, hx[i]);
		ok(foundx < 10, "words with a letter more: not words");
		is_int((int)sc_stoplist_count_hashes(en, hx, nw), (int)foundx,
		    "counted as looked up");
	}
	/*
	 * Stopwords in unspaced text: the longest match from each place,
	 * units counting matches and the characters between them; and the
	 * same answers as the lookups one by one on text made of the list's
	 * words, their beginnings and other characters, in every mix.
	 */
	{
		const struct sc_stoplist *zh = sc_stoplist_get("zh");
		static const char *const parts[] = {
			"\u4e00", "\u4e00\u4e2a", "\u4e00\u65b9\u9762", "\u4e00\u65b9",
			"\u4e0a", "\u4e0a\u4e0b", "\u4e0d", "\u9f98", "\u3042", "x", " ",
			"\u00e9", "\u4e07\u4e00", "\u4e09"
		};
		const char *t = "\u9f98\u4e00\u65b9\u9762x\u4e00\u4e2a\u9f98\u9f98";
		char buf[512];
		uint32_t u = 0, ru = 0, seed = 12345;
		size_t k, same = 0, tries = 0, any = 0;

		ok(zh != NULL, "zh list");
		is_int((int)sc_stoplist_cjk_hits(zh, t, strlen(t), &u), 2,
		    "unspaced: the longest stopwords found");
		is_int((int)u, 5, "unspaced: matches and single characters counted");
		for (k = 0; k < 2000; k++) {
			size_t bl = 0, m = 1 + k % 40, q;
			uint32_t a, b;

			for (q = 0; q < m; q++) {
				const char *w;

				seed = seed * 1103515245u + 12345u;
				w = parts[(seed >> 16) % (sizeof parts / sizeof parts[0])];
				if (bl + strlen(w) >= sizeof buf)
					break;
				memcpy(buf + bl, w, strlen(w));
				bl += strlen(w);
			}
			a = sc_stoplist_cjk_hits(zh, buf, bl, &u);
			b = ref_cjk_hits(zh, buf, bl, &ru);
			same += a == b && u == ru;
			any += a > 0;
			tries++;
		}
		is_int((int)same, (int)tries, "unspaced: as the lookups one by one");
		ok(any > 1000, "unspaced: stopwords in most texts");
	}
	return tap_done();
}
