/*
 * lang.h: language identification with CLD2 (Google's Compact Language
 * Detector 2, Apache-2.0), behind a small C interface.
 *
 * CLD2 scores quadgrams of letters (and unigrams of Han, Kana and Hangul)
 * and knows 83 languages.  It reads about 20 MB/s on one core (its cost
 * grows with the bytes it reads, with little fixed cost per call), far too
 * slow to read every byte of a corpus at the speed scmeta promises, and
 * reading more than a kilobyte rarely changes its answer for a document
 * written in one language.  So sc_lang_detect() reads a bounded sample: the
 * whole text up to SC_LANG_SAMPLE (1024) bytes, else SC_LANG_WINDOWS (4)
 * windows of 256 bytes spread evenly over the document (start, middle,
 * end, ...), each cut at spaces and UTF-8 boundaries.  Spreading the
 * windows keeps a long navigation header or a foreign-language footer from
 * deciding alone.
 *
 * A longer text is read in two steps.  CLD2 first reads a sample half the
 * size, SC_LANG_FIRST (512) bytes in four windows of 128 at the same
 * places.  That answer stands when CLD2 calls it reliable, gives it at
 * least SC_LANG_FIRST_SCORE (97%) of the letters, scored at least
 * SC_LANG_FIRST_LETTERS (320) bytes of letters (most of the sample is
 * words, not menus, numbers and symbols) and found them a good fit for
 * the language: a normalized score (CLD2's scores per KB) of at least
 * SC_LANG_FIRST_FIT (500): most pages of the dev sets that pass the other
 * gates score 500 to 1000, a Huastec declaration CLD2 read as English at
 * 99% scored 275 (a page scoring less reads the whole sample); and when the answer is not one of
 * the sets sc_lang_close() settles by counting marker words, which half a
 * sample holds half of.  Otherwise CLD2 reads the whole sample as before.
 *
 * On the generated 20 MB corpus 80% of the long documents stop after the
 * first step and CLD2 reads 32% fewer bytes (scmeta -g text: 11% fewer
 * instructions).  No language changed over that corpus (4445 documents),
 * the traf-dev and strip-dev texts, their HTML pages and the traf-dev
 * texts after scstrip (1561 more); over 532 whole UDHR translations, most
 * in languages CLD2 does not know, one did (Interlingua, unknown to CLD2:
 * Spanish at score 0 became English at 0.99).  The score of a document
 * the first step settles is that step's, 97% or more, where the whole
 * sample may have given a little more of its letters to another language
 * (an English menu on a German page): lang_score moved on 9.8% of the
 * generated documents (2.7% by more than 0.05, those all upwards, at most
 * by 0.26) and on 65 of the 1561 real texts (60 by more than 0.05,
 * upwards, at most by 0.30, from 0.69 or more); none crossed 0.65, 15
 * crossed 0.8.  (Without the letters gate one menu-heavy dump of a German
 * page came out English; without the fit and marker-word gates 30 UDHR
 * texts changed language, Indonesian to Malay among them.)
 *
 * The sample was 2048 bytes (four windows of 512) until CLD2 took half of
 * scmeta -g text's time.  Halving it kept the language of 842 of 843 real
 * page texts (traf-dev and strip-dev dumps, traf-dev after scstrip), of
 * 329 of the 330 traf-dev HTML pages, and of all 4445 pages of a generated
 * corpus; both changes were from an answer at score 0 (CLD2 returning its
 * second language) to one at 0.99 (Afrikaans to German, Turkish to English
 * on an English page).  lang_score moved: on 23 of the 330
 * stripped articles (9 by more than 0.05), on 155 of the 513 raw dumps
 * (104 by more than 0.05, 8 by more than 0.2), whose navigation and
 * footers the windows now sample differently.
 *
 * Codes are ISO 639-1 ("en", "de", "zh"), with CLD2's old codes mapped to
 * the current ones (iw -> he, jw -> jv, zh-Hant -> zh, sr-ME -> sr).  The
 * few languages CLD2 knows that have no two-letter code keep CLD2's ISO
 * 639-2/3 code ("haw", "ceb").
 */
#ifndef SC_LANG_H
#define SC_LANG_H

#include <stddef.h>

#include "util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The sample sc_lang_detect reads: at most SC_LANG_SAMPLE bytes in all. */
#define SC_LANG_SAMPLE	1024
#define SC_LANG_WINDOWS	4
/* The first, half-size sample of a longer text, and when its answer stands. */
#define SC_LANG_FIRST	512
#define SC_LANG_FIRST_SCORE 0.97
#define SC_LANG_FIRST_LETTERS 320
#define SC_LANG_FIRST_FIT 500
/* Bytes of letters below which the score is scaled down (see below). */
#define SC_LANG_EVIDENCE 64

struct sc_lang {
	char code[8];	/* ISO 639-1 code, NUL-terminated; "" when unknown */
	double score;	/* 0..1, see below */
	int reliable;	/* CLD2 judged the answer reliable */
	size_t letters;	/* text bytes CLD2 scored (letters, no digits or punctuation) */
};

/*
 * sc_lang_detect: identify the language of p[0..n) (valid UTF-8) from the
 * samples described above.  out->code is "" when the text holds no letters
 * or CLD2 has no answer.
 *
 * out->score is the fraction of the scored text CLD2 gave to that language
 * (CLD2's percent / 100), halved when CLD2 judged the answer unreliable
 * (several languages close together), and multiplied by letters / 64 when
 * CLD2 scored fewer than SC_LANG_EVIDENCE (64) bytes of letters: a word or
 * a heading is too little evidence for a confident answer.  So a threshold
 * such as 0.65 keeps confident answers about real text.
 */
void sc_lang_detect(const char *p, size_t n, struct sc_lang *out);

/* The same without sampling: every byte of p[0..n) is read. */
void sc_lang_detect_all(const char *p, size_t n, struct sc_lang *out);

/*
 * sc_lang_close: for an answer in a set CLD2 confuses (da/no, hr/bs/sr,
 * id/ms), the other member the text's marker words and endings point to,
 * or NULL to keep the answer (see lang_close.c).  sc_lang_detect and
 * sc_lang_detect_all already apply it.
 */
const char *sc_lang_close(const char *p, size_t n, const char *code);
/* Whether code is in one of those sets. */
int sc_lang_close_set(const char *code);

/*
 * sc_lang_sample: append to out the sample sc_lang_detect reads (windows
 * joined by a newline).  Exposed for tests and for --explain-style output.
 */
void sc_lang_sample(const char *p, size_t n, struct sc_buf *out);

/* The same with total bytes in place of SC_LANG_SAMPLE (the first step's). */
void sc_lang_sample_size(const char *p, size_t n, size_t total, struct sc_buf *out);

/*
 * sc_lang_prefetch: ask the cache for the bytes of p[0..n) the first step
 * of sc_lang_detect will read, ahead of that call (a batch of texts whose
 * first bytes it reads went out of the cache since they were read in).
 * No effect on any result.
 */
void sc_lang_prefetch(const char *p, size_t n);

#ifdef __cplusplus
}
#endif

#endif
