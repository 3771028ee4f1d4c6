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
 * sample described above.  out->code is "" when the text holds no letters
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

/*
 * sc_lang_sample: append to out the sample sc_lang_detect reads (windows
 * joined by a newline).  Exposed for tests and for --explain-style output.
 */
void sc_lang_sample(const char *p, size_t n, struct sc_buf *out);

#ifdef __cplusplus
}
#endif

#endif
