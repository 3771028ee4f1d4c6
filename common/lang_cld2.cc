/*
 * lang_cld2.cc: the extern "C" side of lang.h over CLD2's C++ API.
 *
 * This is the only C++ in sctools: CLD2 has no C interface.  Nothing here
 * throws or allocates beyond what CLD2 does itself; the sample is built in
 * an sc_buf owned by the caller or by this file for one call.
 */
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <climits>
#include <malloc.h>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" {
#include "util.h"
#include "hash.h"
}
#include "lang.h"

namespace CLD2 {
/* Declared in cld2/internal/lang_script.h, exported by libcld2. */
const char *LanguageCode(Language lang);
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

/* Move i forward to the start of a UTF-8 sequence. */
static size_t
utf8_forward(const char *p, size_t n, size_t i)
{
	while (i < n && ((unsigned char)p[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* Move i back to the start of a UTF-8 sequence. */
static size_t
utf8_back(const char *p, size_t i)
{
	while (i > 0 && ((unsigned char)p[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/*
 * One window [start, start + w) snapped to word boundaries: the start moves
 * past the next space and the end back to the last one, when a space is near
 * (within a quarter of the window); scripts written without spaces (Chinese,
 * Japanese, Thai) are cut at a UTF-8 boundary instead.  A cut word would add
 * a quadgram CLD2 has never seen, which is noise on a short sample.
 */
static void
add_window(const char *p, size_t n, size_t start, size_t w, struct sc_buf *out)
{
	size_t end = start + w > n ? n : start + w;
	size_t slack = w / 4, i;

	if (start > 0) {
		for (i = start; i < end && i < start + slack && !is_space(p[i]); i++)
			;
		if (i < end && is_space(p[i]))
			start = i + 1;
		else
			start = utf8_forward(p, n, start);
	}
	if (end < n) {
		for (i = end; i > start && i + slack > end && !is_space(p[i - 1]); i--)
			;
		if (i > start && is_space(p[i - 1]))
			end = i - 1;
		else
			end = utf8_back(p, end);
	}
	if (end <= start)
		return;
	if (out->len > 0)
		sc_buf_addc(out, '\n');
	sc_buf_add(out, p + start, end - start);
}

void
sc_lang_sample_size(const char *p, size_t n, size_t total, struct sc_buf *out)
{
	size_t w = total / SC_LANG_WINDOWS, k, start;

	if (n <= total) {
		sc_buf_add(out, p, n);
		return;
	}
	/* Windows at evenly spaced starts: the first at 0, the last ending at n. */
	for (k = 0; k < SC_LANG_WINDOWS; k++) {
		start = (size_t)((double)(n - w) * k / (SC_LANG_WINDOWS - 1));
		add_window(p, n, start, w, out);
	}
}

void
sc_lang_prefetch(const char *p, size_t n)
{
	size_t w = SC_LANG_FIRST / SC_LANG_WINDOWS, k, start, i;

	if (n <= SC_LANG_SAMPLE) {
		for (i = 0; i < n; i += 64)
			__builtin_prefetch(p + i);
		return;
	}
	/* The windows of sc_lang_sample_size, and the bytes past each it may snap to. */
	for (k = 0; k < SC_LANG_WINDOWS; k++) {
		start = (size_t)((double)(n - w) * k / (SC_LANG_WINDOWS - 1));
		for (i = 0; i < w + w / 4 && start + i < n; i += 64)
			__builtin_prefetch(p + start + i);
	}
}

void
sc_lang_sample(const char *p, size_t n, struct sc_buf *out)
{
	sc_lang_sample_size(p, n, SC_LANG_SAMPLE, out);
}

/* CLD2's code to ISO 639-1; "" for CLD2's non-languages. */
static void
set_code(CLD2::Language lang, char code[8])
{
	const char *c = CLD2::LanguageCode(lang);

	code[0] = '\0';
	if (lang == CLD2::UNKNOWN_LANGUAGE || c == NULL || *c == '\0')
		return;
	/* "un" unknown, "xxx" a non-text, "xx-Latn" a bare script, "zz?" and
	 * "tlh" CLD2's test and joke languages. */
	if (strcmp(c, "un") == 0 || strcmp(c, "xxx") == 0 || strcmp(c, "tlh") == 0 ||
	    strncmp(c, "xx-", 3) == 0 || (strncmp(c, "zz", 2) == 0 && c[2] != '\0'))
		return;
	/* CLD2 kept the codes ISO 639 withdrew in 1989. */
	if (strcmp(c, "iw") == 0)
		c = "he";
	else if (strcmp(c, "jw") == 0)
		c = "jv";
	else if (strncmp(c, "zh-", 3) == 0)
		c = "zh";
	else if (strncmp(c, "sr-", 3) == 0)
		c = "sr";
	snprintf(code, 8, "%s", c);
}

/*
 * Answers already given, keyed by a 128-bit hash of exactly the bytes CLD2
 * read.  The answer is a function of those bytes, so a hit gives what CLD2
 * would: output never depends on the memo or on the order of a stream.
 * Corpora repeat texts (copied pages, short texts that are all
 * boilerplate), and CLD2 costs about 240,000 instructions per sample
 * where the hash costs a few hundred: on the generated 20 MB corpus
 * (about a tenth exact copies) scmeta -g text ran 2.6% fewer
 * instructions.  Direct mapped, LANG_MEMO slots (256 KB); a
 * collision overwrites.
 */
#define LANG_MEMO 4096
struct lang_memo {
	uint64_t key[2];
	struct sc_lang ans;
	double fit;
	bool used;
};
static struct lang_memo *memo;

static void detect_all(const char *p, size_t n, struct sc_lang *out, double *fit);

/* sc_lang_detect_all, and in *fit CLD2's normalized score of the answer. */
static void
detect_memo(const char *p, size_t n, struct sc_lang *out, double *fit)
{
	uint64_t key[2];
	struct lang_memo *m;

	*fit = 0;
	if (n == 0) {
		memset(out, 0, sizeof *out);
		return;
	}
	if (memo == NULL)
		memo = (struct lang_memo *)xcalloc(LANG_MEMO, sizeof *memo);
	sc_hash128(p, n, key);
	/* Mix the length in: equal hashes of different lengths stay apart. */
	key[1] ^= (uint64_t)n * 0x9E3779B97F4A7C15ULL;
	m = &memo[key[0] & (LANG_MEMO - 1)];
	if (m->used && m->key[0] == key[0] && m->key[1] == key[1]) {
		*out = m->ans;
		*fit = m->fit;
		return;
	}
	detect_all(p, n, out, fit);
	m->key[0] = key[0];
	m->key[1] = key[1];
	m->ans = *out;
	m->fit = *fit;
	m->used = true;
}

void
sc_lang_detect_all(const char *p, size_t n, struct sc_lang *out)
{
	double fit;

	detect_memo(p, n, out, &fit);
}

static void
detect_all(const char *p, size_t n, struct sc_lang *out, double *fit)
{
	CLD2::CLDHints hints = { NULL, NULL, CLD2::UNKNOWN_ENCODING,
	    CLD2::UNKNOWN_LANGUAGE };
	CLD2::Language lang3[3];
	int percent3[3], text_bytes = 0;
	double norm3[3];
	bool reliable = false;
	CLD2::Language lang;

	memset(out, 0, sizeof *out);
	if (n == 0)
		return;
#ifdef M_TRIM_THRESHOLD
	static bool tuned;
	if (!tuned) {
		/*
		 * CLD2 allocates and frees a few hundred KB on every call; with
		 * glibc's default trim threshold the top of the heap went back
		 * to the kernel each time (four brk calls a document: short
		 * documents spent 90% of their time there).  Keep 64 MB.
		 */
		mallopt(M_TRIM_THRESHOLD, 64 << 20);
		tuned = true;
	}
#endif
	if (n > INT_MAX / 2)
		n = utf8_back(p, INT_MAX / 2);
	/*
	 * Best effort: without it CLD2 answers "unknown" for anything shorter
	 * than a few words; with it the answer comes back marked unreliable,
	 * which the score says.
	 */
	lang = CLD2::ExtDetectLanguageSummary(p, (int)n, true, &hints,
	    CLD2::kCLDFlagBestEffort, lang3, percent3, norm3, NULL, &text_bytes,
	    &reliable);
	set_code(lang, out->code);
	if (out->code[0] == '\0')
		return;
	/* Scores per KB of the answer's own letters: low on a language CLD2 does not know. */
	*fit = lang3[0] == lang ? norm3[0] : 0;
	if (const char *other = sc_lang_close(p, n, out->code))
		snprintf(out->code, sizeof out->code, "%s", other);
	out->reliable = reliable;
	out->letters = text_bytes > 0 ? (size_t)text_bytes : 0;
	/* percent3[0] belongs to lang3[0], which is usually the answer. */
	out->score = lang3[0] == lang ? percent3[0] / 100.0 : 0.0;
	if (out->score > 1.0)
		out->score = 1.0;
	if (!reliable)
		out->score /= 2;
	/*
	 * CLD2 calls a lone word reliable ("Loading" is English at 0.88), but
	 * one word is no evidence about a document: below SC_LANG_EVIDENCE
	 * bytes of letters the score shrinks in proportion.
	 */
	if (out->letters < SC_LANG_EVIDENCE)
		out->score *= (double)out->letters / SC_LANG_EVIDENCE;
}

/*
 * A long text is read in two steps (see lang.h): the half-size sample
 * first, and the whole sample only when that one was not clear.
 */
void
sc_lang_detect(const char *p, size_t n, struct sc_lang *out)
{
	/*
	 * The samples' room, kept from one call to the next (per thread, at
	 * most SC_LANG_SAMPLE bytes and a few): a buffer made for each call
	 * grew from 64 bytes, a malloc and two or three reallocs a document.
	 */
	static thread_local struct sc_buf sample = { NULL, 0, 0 };
	double fit;

	if (n <= SC_LANG_SAMPLE) {
		sc_lang_detect_all(p, n, out);
		return;
	}
	sc_buf_reset(&sample);
	sc_lang_sample_size(p, n, SC_LANG_FIRST, &sample);
	detect_memo(sample.p, sample.len, out, &fit);
	if (out->reliable && out->score >= SC_LANG_FIRST_SCORE &&
	    out->letters >= SC_LANG_FIRST_LETTERS && fit >= SC_LANG_FIRST_FIT &&
	    !sc_lang_close_set(out->code))
		return;
	sc_buf_reset(&sample);
	sc_lang_sample(p, n, &sample);
	sc_lang_detect_all(sample.p, sample.len, out);
}
