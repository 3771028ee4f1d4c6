/*
 * stopwords.h: per-language stopword lists (data/stopwords/LANG.txt, one
 * lower-case word a line, UTF-8; see data/stopwords/LICENSE) and a cheap
 * language guess from stopword hits.
 *
 * Lists are loaded on first use and kept for the life of the process.
 */
#ifndef SC_STOPWORDS_H
#define SC_STOPWORDS_H

#include <stddef.h>

struct sc_stoplist;

/* The list for an ISO 639-1 code ("en"), or NULL when there is none. */
const struct sc_stoplist *sc_stoplist_get(const char *lang);

/* Whether word (UTF-8, already case-folded) is in the list. */
int sc_stoplist_has(const struct sc_stoplist *l, const char *word, size_t len);

/*
 * sc_stoplist_guess: the language whose stopwords cover most of the words
 * of text (case-folded internally), reading at most the first `budget`
 * bytes.  Returns its code and sets *share to the fraction of words that
 * were stopwords of it (share may be NULL: for scripts without spaces
 * the share costs a second pass), or returns NULL when nothing scores.
 */
const char *sc_stoplist_guess(const char *text, size_t len, size_t budget, double *share);

/* Codes of all available lists, NULL-terminated (static). */
const char *const *sc_stoplist_langs(void);

#endif
