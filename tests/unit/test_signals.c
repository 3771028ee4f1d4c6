/*
 * test_signals.c: counts and quality signals (common/signals.h), each
 * checked against values worked out by hand on small texts.  The working
 * is in the comments so a reader can redo it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "signals.h"

static struct sc_signals_work *work;

static void
compute(const char *text, struct sc_signals *s)
{
	sc_signals_compute(text, strlen(text), SC_SIG_ALL, s, work);
}

static uint64_t
sentences(const char *text)
{
	return sc_count_sentences(text, strlen(text));
}

#define is_num(got, want, name) do { \
	double g_ = (got), w_ = (want); \
	if (!tap_ok(fabs(g_ - w_) < 1e-4, __FILE__, __LINE__, (name))) \
		printf("#   got:  %.6f\n#   want: %.6f\n", g_, w_); \
} while (0)

/*
 * Lines: "The cat sat on the mat." (23 chars) twice, a blank line,
 * "A dog ran... Away!" (18).  68 characters with the 4 newlines; words
 * 6 + 6 + 4 = 16 of 17 + 17 + 11 = 45 letters.
 */
static void
repeated_lines(void)
{
	struct sc_signals s;

	compute("The cat sat on the mat.\nThe cat sat on the mat.\n\nA dog ran... Away!\n", &s);
	is_int(s.chars, 68, "chars");
	is_int(s.words, 16, "words");
	is_int(s.lines, 3, "non-blank lines");
	is_int(s.paragraphs, 2, "paragraphs");
	is_int(s.sentences, 4, "sentences: 1 + 1 + 'ran...' + 'Away!'");
	is_num(s.gopher_mean_word_length, 45.0 / 16, "mean word length 45/16");
	is_num(s.gopher_symbol_word_ratio, 1.0 / 16, "one ellipsis per 16 words");
	is_num(s.gopher_bullet_line_frac, 0, "no bullets");
	is_num(s.gopher_ellipsis_line_frac, 0, "no line ends with an ellipsis");
	is_num(s.gopher_alpha_word_frac, 1, "every word has a letter");
	is_int(s.gopher_stopwords, 4, "The, the twice each");
	is_num(s.gopher_dup_line_frac, 1.0 / 3, "one of three lines repeats");
	is_num(s.gopher_dup_line_char_frac, 23.0 / 68, "its 23 characters of 68");
	is_num(s.gopher_dup_para_frac, 0, "no paragraph repeats");
	is_num(s.gopher_dup_para_char_frac, 0, "no paragraph characters repeat");
	/* Every repeated 2-gram occurs twice; "The cat" (7) is the first longest. */
	is_num(s.gopher_top_ngram_char_frac[2], 14.0 / 68, "top 2-gram: 'The cat' x2");
	is_num(s.gopher_top_ngram_char_frac[3], 22.0 / 68, "top 3-gram: 'The cat sat' x2");
	is_num(s.gopher_top_ngram_char_frac[4], 28.0 / 68, "top 4-gram: 'The cat sat on' x2");
	/*
	 * Second occurrences of the 5-grams "The cat sat on the" [24,42) and
	 * "cat sat on the mat" [28,46) overlap: 22 characters.
	 */
	is_num(s.gopher_dup_ngram_char_frac[5], 22.0 / 68, "dup 5-grams: union of overlaps");
	is_num(s.gopher_dup_ngram_char_frac[6], 22.0 / 68, "dup 6-gram: the second line");
	is_num(s.gopher_dup_ngram_char_frac[7], 0, "no 7-gram repeats");
	is_num(s.gopher_dup_ngram_char_frac[10], 0, "no 10-gram repeats");
	is_num(s.c4_kept_line_frac, 1, "C4 keeps all three lines");
	is_int(s.c4_kept_sentences, 4, "C4's sentences in kept lines");
	is_num(s.fineweb_line_punct_ratio, 1, "every line ends in punctuation");
	is_num(s.fineweb_short_line_ratio, 1, "every line is <= 30 characters");
	is_num(s.fineweb_char_dup_ratio, 23.0 / 64, "23 duplicated of 64 non-newline chars");
	is_num(s.fineweb_list_ratio, 2.0 / 16, "(3 lines - 1) / 16 words");
	is_num(s.refinedweb_removed_word_frac, 0, "RefinedWeb removes no line");
}

/*
 * Seven lines, one paragraph: 17 + 18 + 15 + 6 + 10 + 15 + 7 = 88
 * characters and 6 newlines; 16 words of 68 characters.
 */
static void
lists_and_symbols(void)
{
	struct sc_signals s;

	compute("\xE2\x80\xA2 First item here\n\xE2\x80\xA2 SECOND ITEM HERE\n"
	    "- third item...\n12 345\n1.2K likes\n#tag #tag2 word\nHeading", &s);
	is_int(s.chars, 94, "chars");
	is_int(s.words, 16, "words ('1.2K' is one)");
	is_int(s.lines, 7, "lines");
	is_int(s.paragraphs, 1, "one paragraph");
	is_int(s.sentences, 7, "one sentence a line");
	is_num(s.gopher_mean_word_length, 68.0 / 16, "mean word length");
	is_num(s.gopher_bullet_line_frac, 3.0 / 7, "two bullets and a '- ' line");
	is_num(s.gopher_ellipsis_line_frac, 1.0 / 7, "one line ends with '...'");
	is_num(s.gopher_symbol_word_ratio, 2.0 / 16, "'#' twice beats '...' once");
	is_num(s.gopher_alpha_word_frac, 14.0 / 16, "'12' and '345' have no letter");
	is_int(s.gopher_stopwords, 0, "no stopwords");
	/* Upper-case (3 words), numeric (2), counter (2), one word (1). */
	is_num(s.refinedweb_removed_word_frac, 8.0 / 16, "RefinedWeb line corrections");
	is_num(s.fineweb_line_punct_ratio, 1.0 / 7, "only '...' ends in punctuation");
	is_num(s.fineweb_list_ratio, 6.0 / 16, "(7 lines - 1) / 16 words");
	is_num(s.fineweb_char_dup_ratio, 0, "no duplicated line");
	is_num(s.c4_kept_line_frac, 0, "C4 keeps no line");
	is_num(s.gopher_top_ngram_char_frac[2], 0, "no 2-gram repeats");
}

static void
c4_rules(void)
{
	struct sc_signals s;

	compute("Please enable JavaScript to view the comments.\n"
	    "Read our privacy policy here today.\n"
	    "Lorem ipsum dolor sit amet.\n"
	    "A proper sentence is here.[1]\n"
	    "Code {x} here now.\n", &s);
	is_int(s.c4_javascript_lines, 1, "a javascript line");
	is_int(s.c4_policy_lines, 1, "a policy line");
	ok(s.c4_lorem_ipsum, "lorem ipsum found");
	ok(s.c4_curly_bracket, "curly bracket found");
	/* Kept: lorem (the page rule is separate), the cited line, the code line. */
	is_num(s.c4_kept_line_frac, 3.0 / 5, "C4 keeps 3 of 5 lines");
	is_int(s.c4_kept_sentences, 3, "one sentence in each kept line");

	compute("We use cookies to improve this site.\nRead the Terms of Use before you start.\n"
	    "Our cookie policy changed.\nThis site uses cookies, as most do.\n"
	    "Learn about the use of cookies here.\nThe cook found a cookie.\n", &s);
	is_int(s.c4_policy_lines, 5, "each policy phrase, in any case, anywhere in the line");
	is_num(s.c4_kept_line_frac, 1.0 / 6, "only the line without a phrase is kept");

	compute("Too short.\nThis line has no end\nThis one ends with dots...\n", &s);
	is_num(s.c4_kept_line_frac, 0, "< 3 words, no punctuation, ellipsis: all dropped");
}

/*
 * The phrase search reads sixteen bytes at a time, the last block of a
 * line overlapping the one before: a phrase must be found at every offset
 * of lines of every length around the block size, ending the line or not,
 * and never across a newline.
 */
static void
c4_phrase_offsets(void)
{
	static const char *const phrase[] = {
		"Terms of Use", "JavaScript", "privacy policy", "use cookies"
	};
	char text[4096];
	size_t pad, k, len, lines, bad = 0;
	struct sc_signals s;

	for (k = 0; k < sizeof phrase / sizeof phrase[0]; k++) {
		len = 0;
		lines = 0;
		for (pad = 0; pad <= 40; pad++) {
			/* pad letters, the phrase, then 0, 1 or 20 more bytes */
			memset(text + len, 'x', pad);
			len += pad;
			if (pad > 0)
				text[len - 1] = ' ';
			memcpy(text + len, phrase[k], strlen(phrase[k]));
			len += strlen(phrase[k]);
			if (pad % 3 == 1)
				text[len++] = '.';
			else if (pad % 3 == 2) {
				memcpy(text + len, " and so on, and so on", 21);
				len += 21;
			}
			text[len++] = '\n';
			lines++;
		}
		sc_signals_compute(text, len, SC_SIG_ALL, &s, work);
		if (s.c4_javascript_lines + s.c4_policy_lines != lines)
			bad++;
	}
	is_int(bad, 0, "each phrase at every offset and line length");

	/* Cut by a newline, a phrase is no phrase; near misses are none. */
	compute("We use\ncookies here, and the terms of\nuse apply to all readers of it.\n"
	    "Javascrip is not it, nor privacy polic, nor terms of us.\n", &s);
	is_int(s.c4_policy_lines + s.c4_javascript_lines, 0, "no phrase across lines or cut short");
	compute("lorem ipsum", &s);
	ok(s.c4_lorem_ipsum, "lorem ipsum as the whole text");
	compute("A line that is long enough to take two blocks ends in lorem ipsum", &s);
	ok(s.c4_lorem_ipsum, "lorem ipsum at the end of a long line");
}

/*
 * RefinedWeb's upper-case and numeric lines on lines longer than the
 * sixteen-byte blocks the ASCII letters are counted in: each line here is
 * 33 to 35 bytes, so its last block overlaps the one before it.
 */
static void
refinedweb_long_lines(void)
{
	struct sc_signals s;

	compute("AB CD EF GH IJ KL MN OP QR ST UV WX\n"	/* 24 of 24 capitals: removed */
	    "AB cd EF gh IJ kl MN op QR st UV wx\n"	/* 12 of 24, not over half: kept */
	    "AB cd EF gh IJ kl MN op QR st UV wX\n"	/* 13 of 24: removed */
	    "12 34 56 78 90 12 34 56 78 90 12\n"	/* digits, no letter: removed */
	    "12 34 56 78 90 12 34 56 78 90 1a\n"	/* one letter: kept */
	    "\xD0\x9F\xD0\xA0\xD0\x98\xD0\x92\xD0\x95\xD0\xA2 "
	    "\xD0\xBC\xD0\xB8\xD1\x80 and MORE TEXT HERE ok\n", &s);
	/* The last line: 18 capitals (6 Cyrillic) of 26 letters, removed. */
	is_int(s.words, 65, "12 + 12 + 12 + 11 + 11 + 7 words");
	is_num(s.refinedweb_removed_word_frac, 42.0 / 65, "capital and numeric lines removed");
}

/*
 * Lines of 300 times "ABCDEFGHIJKLMNOP абвгдежзийклмноп " (15,000 bytes,
 * so the line scan's counters of letters are emptied on the way): 16
 * capitals of 32 letters each, exactly half, kept; the same and a word of
 * one more capital, removed.
 */
static void
refinedweb_capitals_counted(void)
{
	static char text[2 * 300 * 50 + 16];
	static const char unit[] = "ABCDEFGHIJKLMNOP \xD0\xB0\xD0\xB1\xD0\xB2\xD0\xB3\xD0\xB4"
	    "\xD0\xB5\xD0\xB6\xD0\xB7\xD0\xB8\xD0\xB9\xD0\xBA\xD0\xBB\xD0\xBC\xD0\xBD"
	    "\xD0\xBE\xD0\xBF ";
	struct sc_signals s;
	size_t len = 0, k, u = sizeof unit - 1;
	int line;

	for (line = 0; line < 2; line++) {
		for (k = 0; k < 300; k++, len += u)
			memcpy(text + len, unit, u);
		if (line == 1)
			text[len++] = 'X';
		text[len++] = '\n';
	}
	sc_signals_compute(text, len, SC_SIG_ALL, &s, work);
	is_int(s.words, 1201, "300 times two words, twice, and X");
	is_num(s.refinedweb_removed_word_frac, 601.0 / 1201,
	    "half capitals kept; one more removed, on lines of 15,000 bytes");
}

/*
 * A line of 5,103 bytes, 319 blocks: the letters are counted in byte
 * lanes that must be emptied before any passes 255.  A word of 2,000
 * "b" then "Ab" 1,550 times, then " bb": every lane holds 319 letters,
 * the capitals' lanes 194 capitals.  1,550 capitals of 5,102 letters, not
 * over half: kept.  With 2,000 "B" first and " BB" at the end, 3,552:
 * removed.
 */
static void
refinedweb_very_long_line(void)
{
	struct sc_signals s;
	char line[5200];
	size_t k;

	memset(line, 'b', 2000);
	for (k = 0; k < 1550; k++)
		memcpy(line + 2000 + 2 * k, "Ab", 2);
	memcpy(line + 5100, " bb", 4);
	compute(line, &s);
	is_int(s.words, 2, "two words");
	is_num(s.refinedweb_removed_word_frac, 0, "a third capitals on a long line: kept");
	memset(line, 'B', 2000);
	memcpy(line + 5100, " BB", 4);
	compute(line, &s);
	is_num(s.refinedweb_removed_word_frac, 1, "two thirds capitals: removed");
}

/*
 * Ties for the most frequent n-gram go to the one with the most
 * characters.  "x y. longer words. x y. longer words." (37 chars): every
 * 2-gram but "words x" occurs twice; "longer words" (12) beats "y. longer"
 * (9) and "x y" (3): 24 characters.  3-grams: "y. longer words" (15) beats
 * "x y. longer" (11): 30 characters.  The one repeated 4-gram, "x y. longer
 * words" (17): 34.
 */
static void
top_ngram_ties(void)
{
	struct sc_signals s;

	compute("x y. longer words. x y. longer words.", &s);
	is_num(s.gopher_top_ngram_char_frac[2], 24.0 / 37, "top 2-gram: the longest of the ties");
	is_num(s.gopher_top_ngram_char_frac[3], 30.0 / 37, "top 3-gram: the longest of the ties");
	is_num(s.gopher_top_ngram_char_frac[4], 34.0 / 37, "top 4-gram: the text's half, twice");
}

static void
words_and_scripts(void)
{
	struct sc_signals s;

	compute("don't e-mail 3.5 1,000 U.S. end", &s);
	is_int(s.words, 7, "don't e-mail 3.5 1,000 U S end");
	is_int(s.sentences, 1, "initials do not end a sentence");
	/* 我爱北京。天安门很大！: every Han character is a word. */
	compute("\xE6\x88\x91\xE7\x88\xB1\xE5\x8C\x97\xE4\xBA\xAC\xE3\x80\x82"
	    "\xE5\xA4\xA9\xE5\xAE\x89\xE9\x97\xA8\xE5\xBE\x88\xE5\xA4\xA7\xEF\xBC\x81\n", &s);
	is_int(s.chars, 12, "CJK chars");
	is_int(s.words, 9, "CJK: one word per ideograph");
	is_int(s.sentences, 2, "CJK full stops end sentences without spaces");
	is_num(s.gopher_mean_word_length, 1, "CJK mean word length 1");
	/*
	 * 我爱北京abc我爱北京 (11 chars, 9 words): the Han run repeats after a
	 * Latin word; its three 2-grams tie at 2 chars, the first wins (4 of
	 * 11); the 4-gram covers 8.  A Han run ending the text, then one cut
	 * by a broken byte: both runs still count one word a character.
	 */
	compute("\xE6\x88\x91\xE7\x88\xB1\xE5\x8C\x97\xE4\xBA\xAC" "abc"
	    "\xE6\x88\x91\xE7\x88\xB1\xE5\x8C\x97\xE4\xBA\xAC", &s);
	is_int(s.words, 9, "Han runs around a Latin word");
	is_num(s.gopher_alpha_word_frac, 1, "Han characters are letters");
	is_num(s.gopher_top_ngram_char_frac[2], 4.0 / 11, "Han 2-gram repeats");
	is_num(s.gopher_top_ngram_char_frac[4], 8.0 / 11, "Han 4-gram repeats");
	compute("\xE6\x88\x91\xE7\x88\xB1\xE5\x8C\xE4\xBA\xAC x", &s);
	is_int(s.words, 4, "a broken byte ends the Han run, the next starts one");
	is_int(s.chars, 6, "the broken sequence is one character");
	/*
	 * A point or comma joins digits of any script (Arabic-Indic ٣.٥,
	 * mathematical 𝟑,𝟓 of four bytes), not a digit's broken bytes.
	 */
	compute("x \xD9\xA3.\xD9\xA5 y", &s);
	is_int(s.words, 3, "Arabic-Indic digits joined by a point");
	compute("x \xF0\x9D\x9F\x91,\xF0\x9D\x9F\x93 y", &s);
	is_int(s.words, 3, "four-byte digits joined by a comma");
	compute("x \xD9\xA3\xD9.5 y", &s);
	is_int(s.words, 4, "a lead byte alone before the point: no digit");
	compute("x 12\xF0\x9D\x9F.5 y", &s);
	is_int(s.words, 4, "a four-byte digit cut short before the point: no digit");
	/* Größe übermäßig: letters outside ASCII. */
	compute("Gr\xC3\xB6\xC3\x9F" "e \xC3\xBC" "berm\xC3\xA4\xC3\x9Fig", &s);
	is_int(s.words, 2, "Latin-1 letters stay inside words");
	is_int(s.chars, 15, "code points, not bytes");
	is_num(s.gopher_mean_word_length, 7, "(5 + 9) / 2");
	is_int(sentences("J. Smith went home. He slept! Did he?\nNo end here"), 4,
	    "sc_count_sentences");
	is_int(sentences("He said \"Stop.\" Then left."), 2,
	    "closing quote after a full stop");
	is_int(sentences("It costs 3.5 euros. Fine"), 2, "a decimal point is no full stop");
	/*
	 * The line scan reads the lone capital before a dot from the bytes
	 * before it: the same sentences as sc_count_sentences(), which keeps
	 * the characters, after blocks, accented and Cyrillic letters.
	 */
	{
		static const char *const initials[] = {
			"A letter from the council of J. Smith came. Then it went on",
			"Ein Brief von \xC3\x9C. M\xC3\xBCller kam an. Dann \xC3\xA9" "A. ging es",
			"\xD0\x9F\xD0\xB8\xD1\x81\xD1\x8C\xD0\xBC\xD0\xBE \xD0\x96. "
			    "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2 \xD0\xB8 X. Y. "
			    "\xD0\xB4\xD0\xB0Z. ok",
			"A. B. C. xD. \xE4\xB8\x80Q. end",
		};
		size_t k;

		for (k = 0; k < sizeof initials / sizeof initials[0]; k++) {
			struct sc_signals t;

			compute(initials[k], &t);
			is_int(t.sentences, sentences(initials[k]), initials[k]);
		}
	}
}

/*
 * Lines of Cyrillic and Latin-1 letters long enough for the line scan's
 * sixteen-byte blocks, which take those letters whole: capitals counted
 * for RefinedWeb (the first line, all capitals, goes; the third has as
 * many capitals as small letters, and stays), the multiplication and
 * division signs and Ł left to the character loop, code points for the
 * n-gram spans ("слово слово" four times over: 23 characters).  The
 * values are those of the character loop, before the blocks took them.
 */
static void
pair_letters(void)
{
	struct sc_signals s;

	compute("\xD0\x9F\xD0\xA0\xD0\x98\xD0\x92\xD0\x95\xD0\xA2 \xD0\x9C\xD0\x98\xD0\xA0 "
	    "\xD0\xAD\xD0\xA2\xD0\x9E \xD0\xA2\xD0\x95\xD0\x9A\xD0\xA1\xD0\xA2\n"	/* ПРИВЕТ МИР ЭТО ТЕКСТ */
	    "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80 "
	    "\xD1\x8D\xD1\x82\xD0\xBE \xD1\x82\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82 "
	    "\xD0\xB5\xD1\x89\xD1\x91\n"	/* привет мир это текст ещё */
	    "\xC3\x80\xC3\x89\xC3\x8E \xC3\x95\xC3\x9C \xC3\x9Dx \xC3\xA0\xC3\xA9\xC3\xAE "
	    "\xC3\xB5\xC3\xBC \xC3\xBE\xC3\xBF \xC3\xB7\xC3\x97 \xC5\x81\xC3\x90\n"
	    "\xD0\xA1\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE \xD1\x81\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE "
	    "\xD1\x81\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE \xD1\x81\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE "
	    "\xD1\x81\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE\n"	/* Слово слово слово слово слово */
	    "sch\xC3\xB6n gr\xC3\xB6\xC3\x9F" "er \xC3\x9C" "berma\xC3\x9F stra\xC3\x9F" "e "
	    "\xC3\x84\xC3\x96\xC3\x9C\n", &s);
	is_int(s.words, 26, "pair letters: words");
	is_int(s.chars, 134, "pair letters: code points");
	is_num(s.gopher_mean_word_length, 105.0 / 26, "pair letters: mean word length");
	is_num(s.refinedweb_removed_word_frac, 4.0 / 26, "pair letters: the line of capitals goes");
	is_num(s.gopher_top_ngram_char_frac[2], 23.0 / 134, "pair letters: top 2-gram");
	is_num(s.gopher_alpha_word_frac, 1, "pair letters: every word has a letter");
}

static void
paragraphs(void)
{
	struct sc_signals s;

	/* 17 + 1 + 1 + 14 + 1 + 1 + 17 + 1 = 53 characters. */
	compute("Alpha beta gamma.\n\nDelta epsilon.\n\nAlpha beta gamma.\n", &s);
	is_int(s.paragraphs, 3, "three paragraphs");
	is_num(s.gopher_dup_para_frac, 1.0 / 3, "one repeated paragraph");
	is_num(s.gopher_dup_para_char_frac, 17.0 / 53, "its 17 characters");
	is_num(s.gopher_dup_line_frac, 1.0 / 3, "one repeated line");

	/* Blank lines with spaces separate paragraphs too; "a\nb" is one. */
	compute("a\nb\n  \n\tc\n\n\n", &s);
	is_int(s.paragraphs, 2, "a white-space line separates paragraphs");
	is_int(s.lines, 3, "white-space lines are not lines");

	/*
	 * A paragraph repeats only with the same lines in the same order:
	 * "one/two" twice, "two/one" and "one two" once.  35 characters; 4 of
	 * the 7 lines are repeats.
	 */
	compute("one\ntwo\n\ntwo\none\n\none\ntwo\n\none two\n", &s);
	is_int(s.paragraphs, 4, "four paragraphs");
	is_num(s.gopher_dup_para_frac, 1.0 / 4, "only the same lines in order repeat");
	is_num(s.gopher_dup_para_char_frac, 7.0 / 35, "its 7 characters");
	is_num(s.gopher_dup_line_frac, 4.0 / 7, "lines repeat whatever their paragraph");

	compute("", &s);
	is_int(s.chars + s.words + s.lines + s.paragraphs + s.sentences, 0, "empty text");
	is_num(s.gopher_mean_word_length + s.fineweb_line_punct_ratio, 0, "empty: ratios 0");
}

/*
 * Counts alone take a faster path (sixteen bytes at a time over the whole
 * text, Latin-1, Latin Extended and Cyrillic letters in the blocks); it
 * must agree with the full scan on every text.  Random texts of random
 * length from pieces that test its edges: joiners at block boundaries,
 * digits with . and , between them, enders, letters the blocks take and
 * those they leave (x and the division sign, Greek, CJK), blank lines.
 */
static void
fast_counts_agree(void)
{
	static const char *const pieces[] = {
		"a", "bc", "word", "x'y", "don't", "-", "'", "3.5", "1,000", ".", "!",
		"?", " ", " ", " ", "\n", "\n\n", "\t", "J.", "e.g.", "\xC3\xA9t\xC3\xA9",
		"l'\xC3\xA9t\xC3\xA9", "\xE4\xB8\x80\xE4\xBA\x8C", "\xE3\x80\x82", "\"", ")",
		"_", "9", "A-B", "\xE2\x80\x99", "--", "...", "\xC2\xA0",
		"\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82" /* привет */,
		"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0" /* Москва */,
		"\xD1\x91" /* ё */, "\xC3\x97" /* × */, "\xC3\xB7" /* ÷ */,
		"\xC5\x82" /* ł */, "\xC8\xBF" /* ȿ */, "\xCE\xA9" /* Ω */,
		"\xCC\x81" /* U+0301 */, "\xD2\x82" /* ҂ */, "Mr. X", "\r",
		"The quick brown fox jumps. ", "ab-\xD0\xB6", "5,\xD0\xB6", "\xF0\x9F\x99\x82",
	};
	struct sc_signals full, fast;
	char text[600];
	unsigned seed = 12345;
	int t, bad = 0;

	for (t = 0; t < 3000; t++) {
		size_t len = 0, k, np = sizeof pieces / sizeof pieces[0], want;

		seed = seed * 1103515245u + 12345u;
		want = (seed >> 16) % 480;
		while (len < want) {
			const char *pc;

			seed = seed * 1103515245u + 12345u;
			pc = pieces[(seed >> 16) % np];
			k = strlen(pc);
			memcpy(text + len, pc, k);
			len += k;
		}
		sc_signals_compute(text, len, SC_SIG_ALL, &full, work);
		sc_signals_compute(text, len, SC_SIG_COUNTS, &fast, work);
		if (full.words != fast.words || full.sentences != fast.sentences ||
		    full.lines != fast.lines || full.chars != fast.chars ||
		    full.paragraphs != fast.paragraphs) {
			if (bad++ == 0)
				printf("# differ on: %.*s\n#   words %llu/%llu sentences %llu/%llu\n",
				    (int)len, text, (unsigned long long)full.words,
				    (unsigned long long)fast.words,
				    (unsigned long long)full.sentences,
				    (unsigned long long)fast.sentences);
		}
	}
	is_int(bad, 0, "counts alone agree with the full scan on 3000 random texts");
}

/*
 * Expected values, checked in a loop: the edge cases below each list
 * theirs in a table (the value of a signal, what it must be, why).
 */
struct expect {
	double got, want;
	const char *name;
};

static void
check_all(const struct expect *e, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		is_num(e[k].got, e[k].want, e[k].name);
}

#define CHECK_ALL(e) check_all((e), sizeof (e) / sizeof (e)[0])

/*
 * Edges of the line scan.  CRLF: "Hello world.\r\n\r\nHello world.\r\n" is
 * 14 + 2 + 14 = 30 characters; the "\r" line is white space, so two lines
 * and two paragraphs; each line is 13 characters with its "\r" (its hash
 * too), trimmed to end in ".".  The 2-gram "Hello world" (11) twice: 22.
 */
static void
crlf_and_blank_lines(void)
{
	struct sc_signals s, b;

	compute("Hello world.\r\n\r\nHello world.\r\n", &s);
	/* Empty and white-space lines only: no line, no paragraph, no word. */
	compute("\n\n \n\t\r\n\n", &b);
	{
		const struct expect e[] = {
			{ s.chars, 30, "CRLF: chars" },
			{ s.words, 4, "CRLF: words" },
			{ s.lines, 2, "CRLF: a line of \\r is blank" },
			{ s.paragraphs, 2, "CRLF: it separates paragraphs" },
			{ s.sentences, 2, "CRLF: \\r confirms the full stop" },
			{ s.gopher_mean_word_length, 5, "CRLF: 20 / 4" },
			{ s.gopher_dup_line_frac, 1.0 / 2, "CRLF: the second line repeats" },
			{ s.gopher_dup_line_char_frac, 13.0 / 30, "CRLF: 13 of 30" },
			{ s.gopher_dup_para_frac, 1.0 / 2, "CRLF: the second paragraph repeats" },
			{ s.gopher_dup_para_char_frac, 13.0 / 30, "CRLF: its 13 of 30" },
			{ s.fineweb_line_punct_ratio, 1, "CRLF: \\r trimmed, '.' ends each line" },
			{ s.fineweb_char_dup_ratio, 13.0 / 27, "CRLF: 13 of 30 - 3 newlines" },
			{ s.gopher_top_ngram_char_frac[2], 22.0 / 30, "CRLF: 'Hello world' twice" },
			{ s.gopher_top_ngram_char_frac[3], 0, "CRLF: no 3-gram repeats" },
			{ s.c4_kept_line_frac, 0, "CRLF: two words a line, C4 keeps none" },
			{ b.chars, 8, "blank: chars" },
			{ b.lines + b.paragraphs + b.words + b.sentences, 0, "blank: nothing else" },
			{ b.fineweb_list_ratio + b.gopher_dup_line_frac, 0, "blank: ratios 0" },
		};

		CHECK_ALL(e);
	}
}

/*
 * Punctuation only: "!!! ??? ...\n- ***\n", 11 + 1 + 5 + 1 = 18
 * characters, two lines, one paragraph, no word (so no sentence: an
 * ender needs a word before it); the first line ends with "...", the
 * second is a "- " bullet; every ratio over words is 0.
 */
static void
punctuation_only(void)
{
	struct sc_signals s;

	compute("!!! ??? ...\n- ***\n", &s);
	{
		const struct expect e[] = {
			{ s.chars, 18, "punctuation: chars" },
			{ s.words, 0, "punctuation: no word" },
			{ s.lines, 2, "punctuation: lines" },
			{ s.paragraphs, 1, "punctuation: one paragraph" },
			{ s.sentences, 0, "punctuation: no sentence without a word" },
			{ s.gopher_ellipsis_line_frac, 1.0 / 2, "punctuation: a line ends with '...'" },
			{ s.gopher_bullet_line_frac, 1.0 / 2, "punctuation: one '- ' line" },
			{ s.fineweb_line_punct_ratio, 1.0 / 2, "punctuation: '.' ends one line" },
			{ s.gopher_mean_word_length + s.gopher_symbol_word_ratio +
			    s.gopher_alpha_word_frac + s.fineweb_list_ratio +
			    s.refinedweb_removed_word_frac, 0, "punctuation: ratios over no word 0" },
			{ s.c4_kept_line_frac, 0, "punctuation: C4 keeps no line" },
		};

		CHECK_ALL(e);
	}
}

/*
 * Long words: C4 drops a line with a word over 1,000 characters.  A word
 * of 1,000 "a" then " is kept here." and one of 1,001 "b" then " is
 * dropped here.": 8 words of (1000 + 2 + 4 + 4) + (1001 + 2 + 7 + 4) =
 * 2,024 characters.  Then one word of 100,000 bytes, hashed whole, twice:
 * its second line repeats.
 */
static void
long_words(void)
{
	static char text[2 * 100001 + 1];
	struct sc_signals s, l;
	size_t len = 0;

	memset(text, 'a', 1000);
	len = 1000;
	memcpy(text + len, " is kept here.\n", 15);
	len += 15;
	memset(text + len, 'b', 1001);
	len += 1001;
	memcpy(text + len, " is dropped here.\n", 18);
	len += 18;
	sc_signals_compute(text, len, SC_SIG_ALL, &s, work);
	/* C4 alone keeps no words, and finds the longest as it goes. */
	sc_signals_compute(text, len, SC_SIG_C4, &l, work);
	is_num(l.c4_kept_line_frac, 1.0 / 2, "long words, C4 alone: the 1,001-letter word's line goes");
	memset(text, 'w', 100000);
	text[100000] = '\n';
	memcpy(text + 100001, text, 100001);
	sc_signals_compute(text, 2 * 100001, SC_SIG_ALL, &l, work);
	{
		const struct expect e[] = {
			{ s.words, 8, "long words: words" },
			{ s.gopher_mean_word_length, 2024.0 / 8, "long words: mean length" },
			{ s.c4_kept_line_frac, 1.0 / 2, "long words: C4 drops the 1,001-letter word's line" },
			{ l.words, 2, "a word of 100,000 bytes: twice" },
			{ l.gopher_mean_word_length, 100000, "its length" },
			{ l.gopher_dup_line_frac, 1.0 / 2, "its second line repeats" },
			{ l.gopher_top_ngram_char_frac[2], 0, "a 2-gram across the lines, once" },
		};

		CHECK_ALL(e);
	}
}

/*
 * 100,000 lines of "same words here." (17 characters with the newline):
 * 1,700,000 characters, 300,000 words.  Line k holds "same" at 17k,
 * "words" at 17k + 5, "here" at 17k + 11 to 17k + 15.  Top 2-gram: "same
 * words" and "words here" both 100,000 times and 10 characters, the first
 * wins: 1,000,000.  Top 3-gram: "same words here" (15) 100,000 times:
 * 1,500,000.  The 4-grams each occur 99,999 times; "words here same
 * words" (22) is the longest: [5, 17 * 99998 + 27) = 1,699,988.  Every
 * 5- to 10-gram repeats from the second line on: [17, 1,699,998), 1,699,981.
 * The table of every level grows to 300,000 keys.
 */
static void
many_lines(void)
{
	const size_t nl = 100000;
	char *text = malloc(17 * nl);
	struct sc_signals s, c;
	size_t k;

	if (text == NULL)
		return;
	for (k = 0; k < nl; k++)
		memcpy(text + 17 * k, "same words here.\n", 17);
	sc_signals_compute(text, 17 * nl, SC_SIG_ALL, &s, work);
	sc_signals_compute(text, 17 * nl, SC_SIG_COUNTS, &c, work);
	free(text);
	{
		const double dup = 1699981.0 / 1700000;
		const struct expect e[] = {
			{ s.chars, 1700000, "100k lines: chars" },
			{ s.words, 300000, "100k lines: words" },
			{ s.lines, 100000, "100k lines: lines" },
			{ s.paragraphs, 1, "100k lines: one paragraph" },
			{ s.sentences, 100000, "100k lines: sentences" },
			{ c.words + c.sentences, 400000, "100k lines: counts alone agree" },
			{ s.gopher_dup_line_frac, 99999.0 / 100000, "100k lines: all but one repeat" },
			{ s.fineweb_char_dup_ratio, 99999.0 * 16 / 1600000, "100k lines: duplicated chars" },
			{ s.gopher_top_ngram_char_frac[2], 1000000.0 / 1700000, "100k lines: top 2-gram" },
			{ s.gopher_top_ngram_char_frac[3], 1500000.0 / 1700000, "100k lines: top 3-gram" },
			{ s.gopher_top_ngram_char_frac[4], 1699988.0 / 1700000, "100k lines: top 4-gram" },
			{ s.gopher_dup_ngram_char_frac[5], dup, "100k lines: dup 5-grams" },
			{ s.gopher_dup_ngram_char_frac[6], dup, "100k lines: dup 6-grams" },
			{ s.gopher_dup_ngram_char_frac[7], dup, "100k lines: dup 7-grams" },
			{ s.gopher_dup_ngram_char_frac[8], dup, "100k lines: dup 8-grams" },
			{ s.gopher_dup_ngram_char_frac[9], dup, "100k lines: dup 9-grams" },
			{ s.gopher_dup_ngram_char_frac[10], dup, "100k lines: dup 10-grams" },
		};

		CHECK_ALL(e);
	}
}

static void
groups_only(void)
{
	struct sc_signals s;
	const char *t = "One two three.\nOne two three.\n";

	sc_signals_compute(t, strlen(t), SC_SIG_COUNTS, &s, work);
	is_int(s.words, 6, "counts alone: words");
	is_int(s.sentences, 2, "counts alone: sentences");
	is_num(s.gopher_dup_line_frac, 0, "counts alone: repetition not computed");
	sc_signals_compute(t, strlen(t), SC_SIG_GOPHER_REP, &s, work);
	is_num(s.gopher_dup_line_frac, 0.5, "repetition alone");
}

/*
 * Gopher's eight stopwords in any case, each length of word next to them
 * (a word of 2 to 4 bytes is looked up case folded, the rest never
 * match), both where sixteen bytes follow a word's start and near the
 * end of the text, where the word is loaded by its length.
 */
static void
stopwords_by_length(void)
{
	static const struct {
		const char *text;
		uint64_t want;
		const char *name;
	} t[] = {
		/* Be TO of THE And tHaT HAVE With OF thE: 10; the rest are not. */
		{ "Be TO of THE And tHaT HAVE With OF, bee tot off them an ands "
		  "thats haves withs b t th he wit th\xc3\xa9 T0 t_o of_ the-end "
		  "thE\n", 10, "stopwords: the eight in any case, not their neighbours" },
		{ "and THE", 2, "stopwords: a short text" },
		{ "Some longer words here and then to be of the and", 6,
		  "stopwords: at the end of a text" },
		{ "Some longer words here and then th\xc3\xa9 wit b OF", 2,
		  "stopwords: neighbours at the end of a text" },
	};
	struct sc_signals s;
	size_t k;

	for (k = 0; k < sizeof t / sizeof t[0]; k++) {
		compute(t[k].text, &s);
		is_int(s.gopher_stopwords, t[k].want, t[k].name);
	}
}

int
main(void)
{
	work = sc_signals_work_new();
	repeated_lines();
	top_ngram_ties();
	lists_and_symbols();
	refinedweb_long_lines();
	refinedweb_capitals_counted();
	refinedweb_very_long_line();
	c4_rules();
	c4_phrase_offsets();
	words_and_scripts();
	pair_letters();
	paragraphs();
	fast_counts_agree();
	crlf_and_blank_lines();
	punctuation_only();
	long_words();
	many_lines();
	groups_only();
	stopwords_by_length();
	sc_signals_work_free(work);
	return tap_done();
}
