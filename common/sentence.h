/*
 * sentence.h: cutting text into sentences.
 *
 * The base is Unicode's sentence rules (UAX #29) as ICU implements them,
 * with no CLDR suppressions; on top of that come the corrections ICU
 * cannot know: per-language abbreviation data (data/abbrev/LANG.txt:
 * titles, abbreviations, abbreviations before numbers, words after
 * ordinal numbers, sentence starters), initials (J. P. Morgan, U.S.),
 * German-style ordinals (am 3. Oktober), URLs and e-mail addresses,
 * ellipses, bracketed omissions ([...]), numbered and lettered lists,
 * Japanese quotations, hard-wrapped lines and paragraph breaks.
 *
 * A sentencer is made once and used for many texts; its buffers are
 * reused, so cutting a text allocates nothing once they have grown.
 * A sentencer is not safe to share between threads, and the tables all
 * sentencers share are built by the first sc_sentencer_new: make the
 * first one before starting threads.
 */
#ifndef SC_SENTENCE_H
#define SC_SENTENCE_H

#include <stddef.h>

#include "split.h"		/* struct sc_span: bytes [start, end) */

enum {
	/*
	 * Every line break ends a sentence.  Without it a single line break
	 * joins two lines when the first has no terminal punctuation and the
	 * second starts with a lower-case letter (hard-wrapped prose); a blank
	 * line always ends a sentence.
	 */
	SC_SENT_LINES = 1 << 0,
	/*
	 * Unicode's rules alone (UAX #29, as ICU applies them), without the
	 * corrections: for comparison and testing.
	 */
	SC_SENT_RAW = 1 << 1
};

struct sc_sentencer;

/*
 * sc_sentencer_new: a sentencer for language code lang ("en", "de"; the
 * part after '-' or '_' is ignored).  NULL, "" or "auto" guesses the
 * language of each text.  A language without data gets the rules that
 * need none.  flags: 0, or SC_SENT_LINES or SC_SENT_RAW.  Never returns NULL (an ICU
 * failure ends the program with status 2).
 */
struct sc_sentencer *sc_sentencer_new(const char *lang, int flags);
void sc_sentencer_free(struct sc_sentencer *s);

/*
 * sc_sentencer_set_lang: use lang for the texts that follow (as for
 * sc_sentencer_new; NULL, "" or "auto" go back to guessing), for callers
 * that know each document's language (metadata.lang): the guess costs
 * more than the cutting on short documents.
 */
void sc_sentencer_set_lang(struct sc_sentencer *s, const char *lang);

/*
 * sc_sentences: cut text[0..len) (UTF-8, may hold NUL bytes; invalid
 * sequences are tolerated and never split) into sentences.  Returns the
 * number of spans and points *out at them, in order, non-empty and not
 * overlapping, each trimmed of Unicode white space.  Text that is empty
 * or only white space has no sentences.  The spans stay valid until the
 * next call or sc_sentencer_free.
 */
size_t sc_sentences(struct sc_sentencer *s, const char *text, size_t len,
    const struct sc_span **out);

/*
 * sc_sentencer_lang: the language the last text was cut with (the fixed
 * one, or the guess), or NULL when no language's data applied.
 */
const char *sc_sentencer_lang(struct sc_sentencer *s);

/*
 * sc_sentence_guess_lang: the cheap guess used when no language is given:
 * sc_stoplist_guess (stopwords.h) over the first 512 bytes.  Returns a
 * static code or NULL.
 */
const char *sc_sentence_guess_lang(const char *text, size_t len);

/* Whether the data directory has sentence data for lang. */
int sc_sentence_lang_known(const char *lang);

#endif
