/*
 * signals.h: counts and corpus-quality signals of one document's text, as
 * the papers that filter web corpora define them: Gopher (Rae et al. 2021,
 * appendix A), C4 (Raffel et al. 2020), RefinedWeb (Penedo et al. 2023) and
 * FineWeb (Penedo et al. 2024).  Where the papers leave a detail open, the
 * choice made here, and where it differs from datatrove's implementation,
 * is documented in man/scmeta.1 beside each field.
 *
 * Units, everywhere: characters are Unicode code points; a line is a line
 * holding something other than white space (blank lines only separate
 * paragraphs, so a text with blank lines between paragraphs scores the same
 * as one paragraph a line, which is how trafilatura writes the text these
 * thresholds were set on); a paragraph is a block of lines between blank
 * lines.
 *
 * Words: a word is a run of letters, marks, digits and connector
 * punctuation ("_"), kept whole across an apostrophe or hyphen between two
 * such characters ("don't", "e-mail") and across "." or "," between digits
 * ("3.5", "1,000").  Punctuation and symbols are not words.  Han ideographs
 * and kana are one word each, since Chinese and Japanese put no spaces
 * between words; Thai, Lao, Khmer and Burmese runs are one word each (no
 * dictionary segmentation here).
 *
 * Speed: one pass over the text for everything but the repetition signals,
 * which hash words once and count n-grams level by level (a 3-gram can
 * repeat only where its 2-gram does), so a document costs a few passes over
 * its word array.  No allocation per word: the work area grows to the
 * largest document and is reused.
 */
#ifndef SC_SIGNALS_H
#define SC_SIGNALS_H

#include <stddef.h>
#include <stdint.h>

/* Groups of signals, to compute only what was asked for. */
enum sc_sig_group {
	SC_SIG_COUNTS = 1 << 0,		/* chars, words, lines, paragraphs, sentences */
	SC_SIG_GOPHER_QUALITY = 1 << 1,
	SC_SIG_GOPHER_REP = 1 << 2,
	SC_SIG_C4 = 1 << 3,
	SC_SIG_FINEWEB = 1 << 4,
	SC_SIG_REFINEDWEB = 1 << 5,
	SC_SIG_ALL = (1 << 6) - 1
};

struct sc_signals {
	/* Counts. */
	uint64_t chars;			/* code points, newlines included */
	uint64_t words;
	uint64_t lines;			/* non-blank lines */
	uint64_t paragraphs;
	uint64_t sentences;

	/* Gopher quality filter (thresholds in scmeta.1). */
	double gopher_mean_word_length;
	double gopher_symbol_word_ratio;	/* max of '#' per word and ellipses per word */
	double gopher_bullet_line_frac;
	double gopher_ellipsis_line_frac;
	double gopher_alpha_word_frac;
	uint64_t gopher_stopwords;		/* occurrences of the, be, to, of, and, that, have, with */

	/* Gopher repetition filter. */
	double gopher_dup_line_frac;
	double gopher_dup_para_frac;
	double gopher_dup_line_char_frac;
	double gopher_dup_para_char_frac;
	double gopher_top_ngram_char_frac[5];	/* [2], [3], [4] used */
	double gopher_dup_ngram_char_frac[11];	/* [5] .. [10] used */

	/* C4. */
	double c4_kept_line_frac;	/* lines C4's line rules keep */
	uint64_t c4_kept_sentences;	/* sentences in those lines */
	uint64_t c4_javascript_lines;
	uint64_t c4_policy_lines;
	int c4_lorem_ipsum;
	int c4_curly_bracket;

	/* FineWeb. */
	double fineweb_line_punct_ratio;
	double fineweb_short_line_ratio;
	double fineweb_char_dup_ratio;
	double fineweb_list_ratio;

	/* RefinedWeb line-wise corrections. */
	double refinedweb_removed_word_frac;
};

/* How a signal is written: an integer, a fraction/ratio, or a boolean. */
enum sc_sig_type { SC_SIG_U64, SC_SIG_DBL, SC_SIG_BOOL };

/* The output name, group and place of every signal, in output order. */
struct sc_signal_def {
	const char *name;
	unsigned group;
	enum sc_sig_type type;
	size_t off;		/* offsetof(struct sc_signals, ...) */
};
extern const struct sc_signal_def sc_signal_defs[];
extern const size_t sc_nsignal_defs;

/* Reusable scratch space (word hashes, n-gram tables); opaque. */
struct sc_signals_work;
struct sc_signals_work *sc_signals_work_new(void);
void sc_signals_work_free(struct sc_signals_work *w);

/*
 * sc_signals_compute: fill s with the signals of the groups asked for from
 * p[0..n), valid UTF-8 (invalid bytes count as one character each and as
 * symbols).  Fields of other groups are left zero.  Ratios whose
 * denominator is zero are 0.
 */
void sc_signals_compute(const char *p, size_t n, unsigned groups,
    struct sc_signals *s, struct sc_signals_work *w);

/*
 * sc_count_sentences: sentences in p[0..n).  Until common/sentence.h
 * (ICU's break iterator with abbreviation data) lands this is an
 * approximation: a sentence ends at . ! ? (and the CJK, Devanagari, Arabic
 * and Ethiopic enders) followed by white space or the end of the line,
 * except after a lone capital ("J. Smith"); a line's unterminated tail
 * that holds a word (a heading, a list item) is one sentence too.
 */
uint64_t sc_count_sentences(const char *p, size_t n);

#endif
