/*
 * strip.c: the boilerplate classifier (see strip.h for the layers).
 *
 * Thresholds name where they come from: jusText (miso-belica/jusText,
 * justext/core.py), boilerpipe, C4 and RefinedWeb, as summarised in
 * RESEARCH.md; the ones marked "dumps" were set on text-browser dumps of
 * news pages and checked on pages not used to set them.
 */
#include "strip.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <strings.h>
#include <utf8proc.h>

#include "hash.h"
#include "pagemeta.h"
#include "simd.h"
#include "stopwords.h"
#include "ucd.h"
#include "utf8.h"

/* jusText's defaults, in characters. */
#define LENGTH_LOW 70
#define LENGTH_HIGH 200
#define MAX_HEADING_DISTANCE 200
/* boilerpipe: an end-of-article marker counts once this much content was seen. */
#define CUT_MIN_WORDS 60

/* Stopword density thresholds for the stopwords-iso lists (dumps). */
struct params {
	double stop_high;	/* jusText 0.32 with its own, smaller lists */
	double stop_low;	/* jusText 0.30 */
	double cjk_stop_high;
	double cjk_stop_low;
	double bad_mult;	/* region: a bad block costs bad_mult * its length ... */
	double bad_cap;		/* ... but no more than this */
	double short_pen;	/* region: a short block left bad costs at least this */
	double ng_weight;	/* region: a near-good block kept counts this share of its length */
	double sentence_words;	/* a stopword-rich sentence of this many words is good */
	double good_full;	/* region: good blocks shorter than this count for less ... */
	double good_floor;	/* ... down to this share of their length */
	double ext_gap;		/* region extension: at most this many blocks ... */
	double ext_chars;	/* ... of at most this many characters in between */
	double after_cut;	/* region: weight of segments after a comment marker */
	double seg_list;
	double ref_density;	/* prose density the thresholds are made for (0: off) */
	double min_scale;	/* never scale them below this share */
	double lowstop_chars;	/* a sentence this long with ... */
	double lowstop_share;	/* ... this share of the low threshold is near-good */
	double rescue;		/* keep short sentences and subheadings inside the region */
	double teaser_short;	/* a short sentence may be a teaser's summary */
	double rescue_ng;	/* keep near-good blocks inside the region */
	double outside_chars;	/* keep good prose this long outside the region (0: off) */
	double neutral_pen;	/* region: what an image or a rule line costs */
	double length_low;	/* short below this: jusText's 70, less for dump lines (dumps) */
	double menu_strict;	/* only short capitalised bullet items are menu entries */
	double menu_words;
	double precut_words;	/* prose words before a comment marker that make an article */
	double precut_min;	/* ... with a run worth this share of the best */
	double repeat_neutral;	/* a non-prose line this many times in a page is neutral */
	double ext_ng_words;	/* region extension takes in near-good blocks this long */
	double short_sentence;	/* a short stopword-rich sentence of this many words is near-good (0: off) */
};

#ifdef SC_TUNE
static struct params P = {
#else
static const struct params P = {
#endif
	.stop_high = 0.32,
	.stop_low = 0.30,
	.cjk_stop_high = 0.10,
	.cjk_stop_low = 0.06,
	.bad_mult = 2.0,
	.bad_cap = 150,
	.short_pen = 20,
	.ng_weight = 0.8,
	.sentence_words = 10,
	.good_full = 1,
	.good_floor = 1,
	.ext_gap = 6,
	.ext_chars = 300,
	.after_cut = 0.5,
	.seg_list = 1,
	.ref_density = 0.45,
	.min_scale = 0.4,
	.lowstop_chars = 100,
	.lowstop_share = 0.5,
	.rescue = 1,
	.teaser_short = 1,
	.rescue_ng = 1,
	.outside_chars = 150,
	.neutral_pen = 5,
	.length_low = 50,
	.menu_strict = 1,
	.menu_words = 5,
	.precut_words = 20,
	.precut_min = 0.5,
	.repeat_neutral = 3,
	.ext_ng_words = 40,
	.short_sentence = 3,
};

#ifdef SC_TUNE
/* Development only: SCTUNE="name=value,..." overrides the parameters. */
static void
tune_load(void)
{
	static int done;
	const char *e = getenv("SCTUNE");

	if (done || e == NULL)
		return;
	done = 1;
	while (*e) {
		char name[32];
		double v;
		int k = 0;

		if (sscanf(e, "%31[^=]=%lf%n", name, &v, &k) != 2)
			break;
#define T(x) if (strcmp(name, #x) == 0) P.x = v;
		T(stop_high) T(stop_low) T(cjk_stop_high) T(cjk_stop_low) T(bad_mult)
		T(bad_cap) T(short_pen) T(ng_weight) T(sentence_words) T(good_full) T(good_floor) T(ext_gap) T(ext_chars) T(after_cut) T(seg_list) T(ref_density) T(min_scale) T(lowstop_chars) T(lowstop_share) T(rescue) T(teaser_short) T(rescue_ng) T(outside_chars) T(neutral_pen) T(menu_strict) T(menu_words) T(length_low) T(precut_words) T(precut_min) T(repeat_neutral) T(ext_ng_words) T(short_sentence)
#undef T
		e += k;
		if (*e == ',')
			e++;
	}
}
#endif

/* Per-block features and decisions. */
struct feat {
	uint32_t chars;		/* code points */
	uint32_t words;		/* words (two CJK characters count as one) */
	uint32_t stop;		/* stopword hits */
	uint32_t letters, upper, digits, symbols;
	uint32_t cap_words;	/* words starting with an upper-case letter */
	uint32_t lower_words;	/* words starting with a lower-case letter */
	uint32_t caps_words;	/* ALL-CAPS words of two letters or more */
	uint32_t urls, handles, seps;
	uint32_t code;		/* { } ; = < > _ $ \ ` ^ ~: programs and markup, not prose */
	uint32_t cjk;		/* CJK / kana / Hangul / Thai characters */
	uint8_t end_punct;	/* ends a sentence (., !, ?, 。 ...), after closing quotes */
	uint8_t end_colon;	/* ends with ':' */
	uint8_t end_ellipsis;	/* ends with "..." or "…" */
	uint8_t end_question;	/* ends with '?' or '!' (headlines ask and exclaim) */
	uint8_t neutral;	/* bad but no evidence of boilerplate (image, rule, no letters) */
	uint8_t copyright;
	uint8_t starts_lower;	/* first letter is lower case */
	uint8_t glued, credit;	/* glued_title, ends_in_credit (text_verdicts) */
	uint8_t cf, cls;	/* context-free and final class */
	uint8_t heading;	/* looks like a heading (short, no end punctuation) */
	uint8_t keep;		/* final verdict */
	uint8_t rule;		/* enum sc_rule_action that matched */
	uint8_t drop_why;	/* enum why */
	uint16_t rule_line;
	const char *rule_file;
	const char *reason;	/* static text for --explain */
	double density;
	uint64_t key;		/* normalised-text hash, for repetition */
};

/*
 * A character that is neither a letter nor a digit: separators of
 * breadcrumbs and menus, the copyright sign, other symbols.
 */
static inline void
count_mark(struct feat *f, uint32_t c, utf8proc_category_t cat)
{
	if (c == 0xBB || c == 0x203A || c == 0x2022 || c == 0xB7 ||
	    c == 0x25B8 || c == 0x2192)
		f->seps++;
	else if (c == 0xA9)
		f->copyright = 1;
	else if (cat >= UTF8PROC_CATEGORY_SM && cat <= UTF8PROC_CATEGORY_SO)
		f->symbols++;
}

enum why {
	WHY_NONE = 0, WHY_RULE, WHY_CLASS, WHY_REGION, WHY_CUT, WHY_REPEAT,
	WHY_TEASER, WHY_DF, WHY_MINWORDS, WHY_TITLE
};

static const char *const why_names[] = {
	"", "rule", "class", "region", "cut", "repeat", "teaser", "df", "min-words",
	"title"
};

static const char *const class_names[] = { "bad", "short", "neargood", "good" };

/*
 * A slot of drop_repeats' shingle table: its columns together, so that
 * a probe reads one cache line, not one of each.
 */
struct shslot {
	uint64_t key;
	uint32_t stamp;		/* taken when it is shepoch */
	uint32_t owner, last;
};

/* Shingle counts shared by pairs of candidates (a < b). */
struct pair {
	uint32_t a, b, count;
};

struct pairs {
	struct pair *v;
	size_t n, cap;
	uint64_t *keys;		/* open addressing: (a << 32 | b) + 1 -> index + 1 in low bits */
	uint32_t *idx;
	size_t kcap;
};

struct sc_strip {
	struct sc_strip_opts o;
	struct feat *f;
	size_t cap;
	const struct sc_stoplist *sl;
	int cjk_lang;
	const char *lang;
	size_t lbit;		/* the index of lang in sc_stoplist_langs(), its bit in the guess */
	struct sc_blocks tmp;	/* for sc_strip_text */
	/* Repetition: open-addressing table of hashes to block index. */
	uint64_t *rkeys;
	uint32_t *rvals;
	size_t rcap;		/* allocated ... */
	size_t rsize;		/* ... and used for this document (a power of two) */
	struct sc_buf scratch;
	double scale;		/* stopword thresholds scaled to the document's prose */
	double *dens;
	size_t dcap;
	const struct sc_blocks *cur;	/* the blocks being classified */
	struct shslot *sh;	/* drop_repeats' shingle table, kept between documents */
	uint32_t shepoch;
	size_t shcap;
	/*
	 * drop_repeats' other tables, kept between documents (a calloc and
	 * free of each, a document, cost more than their use): candidates,
	 * their shingle counts, the pairs (keys cleared after use).
	 */
	size_t *rcand, *rnsh;
	size_t rccap;
	uint64_t *rtmp;
	uint64_t *rsh;		/* the candidates' shingles */
	uint32_t *fcnt;		/* mark_repeated_furniture's counts ... */
	uint8_t *tsym;		/* ... and drop_teasers' symbols, a block each */
	size_t fscap;
	size_t rshcap;
	struct pairs pairs;
	uint64_t *mkeys;	/* the line memo (memo_find): hashes, 0 = empty ... */
	struct memo_ent *mv;	/* ... and entries */
	size_t mused;
	char *marena;		/* the texts of its lines (MEMO_BYTES) ... */
	size_t marenalen;	/* ... up to here */
	struct guess_ent *gmemo;	/* guess_memo's entries */
	struct lguess_ent *lgm;		/* the guess's counts of single lines */
	uint32_t *lgslot;	/* per block read_prose measured: its lgm entry ... */
	uint64_t *lgpend;	/* ... and the serial it waits under for its memo text */
	uint8_t *nbr;		/* smooth(): the classes of a block's next neighbours */
	uint8_t *kbits;		/* the blocks kept, a bit each (sc_strip_kept) */
	size_t kbcap;
	uint64_t lgser;
	uint32_t mgen;		/* the memo's generation: it goes up when the memo empties */
	uint64_t *msw;		/* the shingle words of the memo's lines (MEMO_SW at most) */
	size_t mswlen;
	/*
	 * The shingle words measure() read, per block, for drop_repeats:
	 * swoff[i] (SIZE_MAX: not read, the memo had the line) and swn[i]
	 * index sw[].  At most SW_MAX words a document; blocks past that
	 * are read again when needed.
	 */
	uint64_t *sw;
	size_t swlen, swcap;
	size_t *swoff;
	uint32_t *swn;
	uint32_t *swgen;	/* swoff[i] with SW_MEMO: the memo's generation it is of */
	size_t swocap;
	size_t *gsel;		/* the blocks the language guess reads ... */
	size_t *goff;		/* ... and where in the text it reads (gtext) */
	size_t ngsel, gselcap;
	const char *gtext;	/* s->scratch, or the arena */
	size_t gtextlen;
	uint8_t *pre;		/* per block: measured before the language was known */
	uint64_t *mh;		/* per block: its memo_hash when read_prose worked it out, or 0 */
	size_t precap;
	uint64_t *dstop;	/* their stopword hashes (finish_deferred) */
	size_t dstoplen, dstopcap;
	size_t *dsoff, *dsn;	/* per block, into dstop */
	uint32_t *dhit;		/* per block, its stopword count when the guess gave it, or UINT32_MAX */
	uint16_t (*dlh)[64];	/* the guess's counts of the lines read_prose measured */
	size_t dlhcap;
	size_t phrase_limit;	/* sc_rules_phrase_limit, once rules are compiled */
	int phrase_known;
};

void
sc_strip_opts_init(struct sc_strip_opts *o)
{
	memset(o, 0, sizeof *o);
	o->mode = SC_STRIP_ARTICLE;
	o->df_min = 3;
}

static void small_init(void);
static int small_ready;
static void memo_free(struct sc_strip *s);
static void lguess_free(struct sc_strip *s);

struct sc_strip *
sc_strip_new(const struct sc_strip_opts *o)
{
	struct sc_strip *s = xcalloc(1, sizeof *s);

	if (!small_ready)
		small_init();
	s->o = *o;
	sc_blocks_init(&s->tmp);
	return s;
}

void
sc_strip_free(struct sc_strip *s)
{
	if (s == NULL)
		return;
	free(s->f);
	free(s->rkeys);
	free(s->rvals);
	free(s->dens);
	sc_table_free(s->sh, s->shcap * sizeof *s->sh);
	free(s->rcand);
	free(s->rnsh);
	free(s->rtmp);
	free(s->rsh);
	free(s->fcnt);
	free(s->tsym);
	free(s->pairs.v);
	free(s->pairs.keys);
	free(s->pairs.idx);
	memo_free(s);
	free(s->gmemo);
	free(s->sw);
	free(s->swoff);
	free(s->swn);
	free(s->swgen);
	free(s->gsel);
	free(s->goff);
	lguess_free(s);
	free(s->lgslot);
	free(s->lgpend);
	free(s->nbr);
	free(s->kbits);
	free(s->pre);
	free(s->dstop);
	free(s->dsoff);
	free(s->dsn);
	free(s->dhit);
	free(s->mh);
	free(s->dlh);
	sc_blocks_free(&s->tmp);
	sc_buf_free(&s->scratch);
	free(s);
}

/* ------------------------------------------------------------ features */

/* ASCII character classes, so the common case costs one table load. */
enum { AC_ALNUM = 1, AC_UPPER = 2, AC_DIGIT = 4, AC_CODE = 8, AC_SPACE = 16 };

static const uint8_t ascii_class[256] = {
	['\t'] = AC_SPACE, [' '] = AC_SPACE,
	['0'] = AC_ALNUM | AC_DIGIT, ['1'] = AC_ALNUM | AC_DIGIT, ['2'] = AC_ALNUM | AC_DIGIT,
	['3'] = AC_ALNUM | AC_DIGIT, ['4'] = AC_ALNUM | AC_DIGIT, ['5'] = AC_ALNUM | AC_DIGIT,
	['6'] = AC_ALNUM | AC_DIGIT, ['7'] = AC_ALNUM | AC_DIGIT, ['8'] = AC_ALNUM | AC_DIGIT,
	['9'] = AC_ALNUM | AC_DIGIT,
	['A'] = AC_ALNUM | AC_UPPER, ['B'] = AC_ALNUM | AC_UPPER, ['C'] = AC_ALNUM | AC_UPPER,
	['D'] = AC_ALNUM | AC_UPPER, ['E'] = AC_ALNUM | AC_UPPER, ['F'] = AC_ALNUM | AC_UPPER,
	['G'] = AC_ALNUM | AC_UPPER, ['H'] = AC_ALNUM | AC_UPPER, ['I'] = AC_ALNUM | AC_UPPER,
	['J'] = AC_ALNUM | AC_UPPER, ['K'] = AC_ALNUM | AC_UPPER, ['L'] = AC_ALNUM | AC_UPPER,
	['M'] = AC_ALNUM | AC_UPPER, ['N'] = AC_ALNUM | AC_UPPER, ['O'] = AC_ALNUM | AC_UPPER,
	['P'] = AC_ALNUM | AC_UPPER, ['Q'] = AC_ALNUM | AC_UPPER, ['R'] = AC_ALNUM | AC_UPPER,
	['S'] = AC_ALNUM | AC_UPPER, ['T'] = AC_ALNUM | AC_UPPER, ['U'] = AC_ALNUM | AC_UPPER,
	['V'] = AC_ALNUM | AC_UPPER, ['W'] = AC_ALNUM | AC_UPPER, ['X'] = AC_ALNUM | AC_UPPER,
	['Y'] = AC_ALNUM | AC_UPPER, ['Z'] = AC_ALNUM | AC_UPPER,
	['a'] = AC_ALNUM, ['b'] = AC_ALNUM, ['c'] = AC_ALNUM, ['d'] = AC_ALNUM, ['e'] = AC_ALNUM,
	['f'] = AC_ALNUM, ['g'] = AC_ALNUM, ['h'] = AC_ALNUM, ['i'] = AC_ALNUM, ['j'] = AC_ALNUM,
	['k'] = AC_ALNUM, ['l'] = AC_ALNUM, ['m'] = AC_ALNUM, ['n'] = AC_ALNUM, ['o'] = AC_ALNUM,
	['p'] = AC_ALNUM, ['q'] = AC_ALNUM, ['r'] = AC_ALNUM, ['s'] = AC_ALNUM, ['t'] = AC_ALNUM,
	['u'] = AC_ALNUM, ['v'] = AC_ALNUM, ['w'] = AC_ALNUM, ['x'] = AC_ALNUM, ['y'] = AC_ALNUM,
	['z'] = AC_ALNUM,
	['{'] = AC_CODE, ['}'] = AC_CODE, [';'] = AC_CODE, ['='] = AC_CODE, ['<'] = AC_CODE,
	['>'] = AC_CODE, ['_'] = AC_CODE, ['$'] = AC_CODE, ['\\'] = AC_CODE, ['`'] = AC_CODE,
	['^'] = AC_CODE, ['~'] = AC_CODE,
};

/* Sentence enders of several scripts (RESEARCH.md 1). */
static int
is_terminal(uint32_t c)
{
	switch (c) {
	case '.': case '!': case '?': case 0x2026: case 0x3002: case 0xFF01:
	case 0xFF1F: case 0xFF0E: case 0x0964: case 0x0965: case 0x061F:
	case 0x06D4: case 0x1362: case 0x0589: case 0x037E: case 0x203C:
	case 0x2047: case 0x2048: case 0x2049: case 0xFE52: case 0xFE56:
	case 0xFE57: case 0x0E2F: case 0x104B: case 0x17D4:
		return 1;
	}
	return 0;
}

/* Closing quotes and brackets that may follow a sentence ender. */
static inline int
is_closer(uint32_t c)
{
	switch (c) {
	case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019:
	case 0x00BB: case 0x300D: case 0x300F: case 0xFF09: case 0x201C:
	case 0x2039: case 0x203A: case 0x00AB: case '*':
		return 1;
	}
	return 0;
}

static int
is_letter_cat(utf8proc_category_t cat)
{
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/*
 * For the inner loop of measure(): an ASCII letter or digit's folded
 * form, and its counts packed in 16-bit lanes (letter, upper, digit,
 * lower), so that one addition counts all four.
 */
#define LANE_LETTER 1ULL
#define LANE_UPPER (1ULL << 16)
#define LANE_DIGIT (1ULL << 32)
#define LANE_LOWER (1ULL << 48)
#define LANE(acc, k) ((uint32_t)((acc) >> (16 * (k))) & 0xFFFF)
static uint64_t ascii_inc[256];
static uint8_t ascii_fold[256];
static uint8_t alnum_fold[256];	/* ascii_fold of a letter or digit, else 0 */

/*
 * Between words, what measure() does with a character that is neither
 * a letter nor a digit (nor a mark, nor begins a word of any reader):
 * PC_SPACE only counts; the others set the last character, and the last
 * that is no closer unless PC_CLOSER, and count as PC_CODE and
 * PC_SYMBOL say; PC_LOOK is one of | @ # :, whose count depends on what
 * follows.  Indexed by the byte (ASCII).
 */
enum { PC_SPACE = 1, PC_CLOSER = 2, PC_CODE = 4, PC_SYMBOL = 8, PC_LOOK = 16 };
static uint8_t punct_class[128];

/*
 * For plain_words, what a two-byte letter adds, from one entry: its
 * counts in the lanes of ascii_inc (letter, upper case, 0, lower case);
 * 1 plus, in the high half, 1 when its lower case takes two bytes (x);
 * its lower case and that one's bytes (sc_ucd2).  inc is 0 for a
 * character that is no letter, or whose lower case takes three bytes
 * (and below U+0080).  Indexed by the code point.
 */
struct plain2 {
	uint64_t inc, x;
	uint32_t lower;
	uint8_t b[2];
	uint8_t n;
};
static struct plain2 plain2[32 << 6];

/*
 * What a word's first letter adds to the lanes of capitalised and
 * lower-case words (the two exclude each other), by its byte (ASCII) or
 * as sc_ucd_two (two bytes).
 */
static uint64_t ascii_ws[128], plain2ws[30 << 6];

/*
 * The bytes after which a word of ASCII letters ends for every reader:
 * ASCII, neither a letter nor a digit, nor ' @ # (which look back at the
 * word).
 */
static uint8_t plain_end[256];

static void
small_init(void)
{
	uint32_t c;
	size_t k;

	for (k = 0; k < 30 << 6; k++) {
		const struct sc_ucd2 *e = sc_ucd_two((unsigned char)(0xC2 + (k >> 6)),
		    (unsigned char)(0x80 | (k & 0x3F)));

		if (e->cat >= UTF8PROC_CATEGORY_LU && e->cat <= UTF8PROC_CATEGORY_LO && e->n != 0) {
			struct plain2 *q = &plain2[0x80 + k];

			q->inc = LANE_LETTER |
			    (e->cat == UTF8PROC_CATEGORY_LU ? LANE_UPPER : 0) |
			    (e->cat == UTF8PROC_CATEGORY_LL ? LANE_LOWER : 0);
			q->x = 1 | (uint64_t)(e->n == 2) << 32;
			q->lower = e->lower;
			q->b[0] = e->b[0];
			q->b[1] = e->b[1];
			q->n = e->n;
			plain2ws[k] = e->cat == UTF8PROC_CATEGORY_LU ? 1 :
			    e->cat == UTF8PROC_CATEGORY_LL ? 1 << 16 : 0;
		}
	}
	for (c = 0; c < 128; c++) {
		uint8_t pc = 0;

		if (ascii_class[c] & AC_ALNUM) {
			if (!(ascii_class[c] & AC_DIGIT))
				ascii_ws[c] = ascii_class[c] & AC_UPPER ? 1 : 1 << 16;
			continue;
		}
		if (ascii_class[c] & AC_SPACE)
			pc = PC_SPACE;
		else {
			if (is_closer(c))
				pc |= PC_CLOSER;
			if (ascii_class[c] & AC_CODE)
				pc |= PC_CODE;
			if (c == '|' || c == '@' || c == '#' || c == ':')
				pc |= PC_LOOK;
			else if (strchr("',.-\"():;!?", (int)c) == NULL || c == 0)
				pc |= PC_SYMBOL;
		}
		punct_class[c] = pc;
		plain_end[c] = c != '\'' && c != '@' && c != '#';
	}

	for (c = 0; c < 128; c++) {
		uint8_t cls = ascii_class[c];

		ascii_fold[c] = (uint8_t)(cls & AC_UPPER ? c + 32 : c);
		if (cls & AC_ALNUM)
			alnum_fold[c] = ascii_fold[c];
		if (cls & AC_DIGIT)
			ascii_inc[c] = LANE_DIGIT;
		else if (cls & AC_UPPER)
			ascii_inc[c] = LANE_LETTER | LANE_UPPER;
		else if (cls & AC_ALNUM)
			ascii_inc[c] = LANE_LETTER | LANE_LOWER;
	}
	small_ready = 1;
}

/* utf8proc's categories and lower case, from ucd.h's tables. */
static inline utf8proc_category_t
category(uint32_t c)
{
	return (utf8proc_category_t)sc_ucd_category(c);
}

static inline uint32_t
fold_cp(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c == 0x2019)
		return '\'';
	return sc_ucd_lower(c);
}

/* What the language guess takes for a word character (stopwords.h). */
static inline int
is_word_cat(utf8proc_category_t cat)
{
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
	    cat == UTF8PROC_CATEGORY_ND;
}

/* The same of a byte taken as a code point (the guess looks past an apostrophe so). */
static inline int
word_byte(unsigned char b)
{
	if (b < 0x80)
		return (ascii_class[b] & AC_ALNUM) != 0;
	return is_word_cat(category(b));
}

static void finish_stop(const struct sc_strip *s, const char *p, size_t n, struct feat *f);

/* Words longer than this are never stopwords; skip folding them. */
#define MAX_STOPWORD 48

/*
 * The word being read by measure().  Its folded form is hashed as it is
 * read (stopwords.h's word hash: no copy, and a stopword lookup is one
 * probe of the list's table); end_word is a macro, so that nothing takes
 * the address of these fields and the compiler keeps them in registers.
 */
struct word {
	int on, upper, lower, allcaps;
	uint32_t letters;
	size_t len;		/* folded bytes; past MAX_STOPWORD never a stopword */
	uint64_t wh;		/* sc_stophash of the folded bytes */
};

#define END_WORD(s, f, w) do {							\
	(w).on = 0;								\
	KEY_WORD(h, (w).wh);							\
	(f)->words++;								\
	if ((w).upper)								\
		(f)->cap_words++;						\
	else if ((w).lower)							\
		(f)->lower_words++;						\
	if ((w).allcaps && (w).letters >= 2)					\
		(f)->caps_words++;						\
	if ((w).len <= MAX_STOPWORD && defer) {					\
		lw->stop[lw->nstop++] = sc_stophash_end((w).wh);		\
	} else if (defer && (w).len <= SC_STOPWORD_MAX) {			\
		lw->mixed = 1;							\
	} else if ((w).len <= MAX_STOPWORD && (s)->sl != NULL && !(s)->cjk_lang) { \
		if (nq == WORDQ)						\
			(f)->stop += (uint32_t)sc_stoplist_count_hashes((s)->sl, wq, nq), nq = 0; \
		wq[nq++] = sc_stophash_end((w).wh);				\
	}									\
} while (0)

/*
 * Two other readers split a line into words, each its own way, and
 * measure() reads them in the same pass: the phrase rules
 * (sc_rules_words: digits as "0", apostrophes dropped) and the
 * near-repeat shingles of drop_repeats (shingle_words: letters and
 * digits only, a CJK character ends a word).  For a word of ASCII
 * letters, the common case, all three hashes are the same FNV-1a of the
 * same bytes, so that measure()'s own serves.  The phrase words are
 * read only when the rules will look at them (want_phrase).
 */
#define NEAR_MIN_WORDS 10	/* drop_repeats: blocks of fewer words are not compared */
#define NEAR_MAX_SHINGLES 400	/* and at most this many shingles of a block */
#define SHINGLE_WORDS (NEAR_MAX_SHINGLES + 2)	/* the words they come from */
#define SW_MAX ((size_t)1 << 20)	/* shingle words kept a document (8 MB) */
#define SW_MEMO ((SIZE_MAX >> 1) + 1)	/* swoff[]: into the memo's msw[] */

struct lwords {
	/*
	 * A line read before the document's language is known (the
	 * language guess reads it too): guess gets its words, and its
	 * stopword hashes go to stop[] (room for (n + 1) / 2) for
	 * finish_stop, instead of being counted.
	 */
	struct sc_lguess *guess;
	uint64_t *stop;
	size_t nstop;
	/*
	 * Set when the guess may have read other words than stop[] holds
	 * (an apostrophe or a word character past plain_words, a word of
	 * 49 to 64 bytes): else the line's stopword count is the guess's
	 * count of words of the language's list (finish_deferred).
	 */
	int mixed;
	int want_phrase;
	uint64_t *phrase;	/* SC_RULES_WORDS hashes */
	size_t nphrase;		/* words, counting past SC_RULES_WORDS */
	uint64_t *shingle;	/* SHINGLE_WORDS hashes */
	size_t nshingle;	/* at most SHINGLE_WORDS */
	size_t mslot;		/* the memo's slot when it had the line, else SIZE_MAX */
};

#define LW_PEND() do {								\
	if (p_in) {								\
		if (npw < SC_RULES_WORDS)					\
			lw->phrase[npw] = pw;					\
		npw++;								\
		p_in = 0;							\
	}									\
} while (0)

#define LW_GEND() do {								\
	if (g_in) {								\
		sc_lguess_word(g, sc_stophash_end(gh), gflen);			\
		g_in = 0;							\
	}									\
} while (0)

#define LW_SEND() do {								\
	if (s_in) {								\
		if (nsw < SHINGLE_WORDS)					\
			lw->shingle[nsw++] = sw;				\
		s_in = 0;							\
	}									\
} while (0)

/* Words whose stoplist lookups measure() makes together (see sc_stoplist_count_hashes). */
#define WORDQ 64

#define FNV(h, c) ((h) = ((h) ^ (uint64_t)(c)) * 0x100000001b3ULL)

/*
 * The repetition key takes each word whole, by its stopword hash (the
 * FNV-1a state of its folded bytes, which spell its folded characters),
 * rather than character by character: the same words and CJK characters
 * in the same order give the same key, and the loops over letters carry
 * one hash fewer.  Nothing marks the space between two words: each word
 * is a step of its own, and the key is only ever compared with others.
 */
#define KEY_WORD(h, wh) do {							\
	(h) = ((h) ^ (wh)) * 0x9E3779B97F4A7C15ULL;				\
	(h) ^= (h) >> 32;							\
} while (0)

/*
 * measure()'s state that plain_words reads and leaves: the repetition
 * key, the queue of stopword lookups, the phrase and shingle words so far.
 */
struct plain {
	uint64_t h;
	int seen_letter, want_p;
	uint64_t *wq;
	size_t nq, nsw, npw;
	uint32_t last;		/* the last character read that is no space, when it read any */
	uint32_t pnc;		/* ... and the last that is no closer either */
};

/*
 * Plain words from p[i], for measure(), which calls it between words:
 * words of letters, ASCII or of two bytes (Latin with accents, Greek,
 * Cyrillic ...), each followed by what ends every reader's word, and the
 * spaces and punctuation between them.  Most of prose is such, and this
 * loop reads it with its hashes and counts in registers (measure() is
 * too large for that) and ends each word at once, instead of by the
 * character after it.  For a plain word the phrase and shingle hashes
 * are the same (code points of the lower case), as are the stopword and
 * guess hashes (its bytes), and all four are one for ASCII.  Returns
 * where it stopped: at the start of anything else (a digit, a mark, an
 * apostrophe after a word, a lower case of three bytes, an ender that
 * looks back at the word such as @, a CJK character), which measure()
 * reads from there, as it would have.
 *
 * The body is compiled once for each way a line is read (guess: the
 * language guess reads it and its stopword hashes wait in lw->stop;
 * count: they are counted now; neither: no stoplist), with and without
 * the phrase words, so that each copy tests nothing it need not.
 */
enum { PW_NONE, PW_COUNT, PW_GUESS };

/*
 * The stopword hash (sc_stophash_add from SC_STOPHASH_INIT) of the k
 * bytes (1 to 15) before end: one jump into a run of additions, each
 * reading its byte from memory.
 */
static inline uint64_t
stophash_tail(const unsigned char *end, unsigned k)
{
	uint64_t h = SC_STOPHASH_INIT;

	switch (k) {
	case 15: h = sc_stophash_add(h, end[-15]); /* FALLTHROUGH */
	case 14: h = sc_stophash_add(h, end[-14]); /* FALLTHROUGH */
	case 13: h = sc_stophash_add(h, end[-13]); /* FALLTHROUGH */
	case 12: h = sc_stophash_add(h, end[-12]); /* FALLTHROUGH */
	case 11: h = sc_stophash_add(h, end[-11]); /* FALLTHROUGH */
	case 10: h = sc_stophash_add(h, end[-10]); /* FALLTHROUGH */
	case 9: h = sc_stophash_add(h, end[-9]); /* FALLTHROUGH */
	case 8: h = sc_stophash_add(h, end[-8]); /* FALLTHROUGH */
	case 7: h = sc_stophash_add(h, end[-7]); /* FALLTHROUGH */
	case 6: h = sc_stophash_add(h, end[-6]); /* FALLTHROUGH */
	case 5: h = sc_stophash_add(h, end[-5]); /* FALLTHROUGH */
	case 4: h = sc_stophash_add(h, end[-4]); /* FALLTHROUGH */
	case 3: h = sc_stophash_add(h, end[-3]); /* FALLTHROUGH */
	case 2: h = sc_stophash_add(h, end[-2]); /* FALLTHROUGH */
	case 1: h = sc_stophash_add(h, end[-1]); /* FALLTHROUGH */
	default: break;
	}
	return h;
}
#define PW_WORDS 64	/* words a call reads at most (bits of a mask) */

static inline __attribute__((always_inline)) size_t
plain_body(struct sc_strip *s, const char *p, size_t i, size_t n, struct feat *f,
    struct lwords *lw, struct plain *st, const int mode, const int want_p)
{
	struct sc_lguess *const g = lw->guess;
	/* Words end by e, so no count of a call passes a 16-bit lane. */
	const size_t e = n - i > 32768 ? i + 32768 : n;
	uint64_t *const shv = lw->shingle, *const phv = lw->phrase, *const wq = st->wq;
	uint64_t *const stv = lw->stop;
	uint64_t h = st->h;
	/* Lanes: characters, letters, upper case, words; capitalised, lower-case, all-caps words. */
	uint64_t cnt = 0, wc = 0;
	/* The guess: letters, of them two-byte ones, words. */
	size_t gl = 0, g2 = 0;
	size_t nq = st->nq, nsw = st->nsw, npw = st->npw, nstop = mode == PW_GUESS ? lw->nstop : 0;
	uint32_t last = st->last, pnc = st->pnc;
	size_t wend = 0;	/* the end of the last word, when nothing came after it but spaces */
	int seen = st->seen_letter;
	/*
	 * The words read, waiting for what the other readers do with them
	 * (after the loop, which so keeps fewer values live): the stopword
	 * hash of each before its end (wv) and its phrase and shingle hash
	 * (pvv); bits of the words too long for a stoplist (long48) or for
	 * the guess (long64).
	 */
	uint64_t wv[PW_WORDS], pvv[PW_WORDS], long48 = 0, long64 = 0;
	size_t nw = 0, m;

	/* The last letter of that word: ASCII, or the two bytes of one. */
#define LAST_LETTER() do {							\
	if (wend != 0) {							\
		last = pnc = (unsigned char)p[wend - 1] < 0x80 ?		\
		    (uint32_t)(unsigned char)p[wend - 1] :			\
		    (uint32_t)((unsigned char)p[wend - 2] & 0x1F) << 6 |	\
		    ((unsigned char)p[wend - 1] & 0x3F);			\
		wend = 0;							\
	}									\
} while (0)

	while (i < e) {
		unsigned char b = (unsigned char)p[i];
		uint64_t ws, acc, x, wh, pv;
		size_t j, wlen;

		/* What begins here: a word, or what goes between words. */
		if (b < 0x80) {
			uint8_t pc;

			if (ascii_class[b] & AC_ALNUM) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				/*
				 * Most words are ASCII letters with a space or a
				 * punctuation mark after them, in runs: this loop
				 * reads such a run with little else in
				 * registers.  Sixteen bytes at once say where a
				 * word ends and which letters are upper case, and
				 * its hash reads the folded bytes from a copy of
				 * them, one jump into a run of additions.
				 */
				const size_t i0 = i, nw0 = nw;
				/* The run's letters, capitals, capitalised and all-caps words. */
				unsigned rl = 0, rup = 0, rcap = 0, rcaps = 0;

				/*
				 * The word of len letters at lb[o] (the bytes of v,
				 * lv folded), with the byte a after it.
				 */
#define RUN_WORD(o) do {							\
	const unsigned lm = (1u << len) - 1;					\
	const unsigned up = sc_mask16((sc_i8x16)((sc_u8x16)(v - 'A') < 26)) >> (o) & lm; \
	unsigned char lb[16];							\
	uint64_t hw;								\
										\
	memcpy(lb, &lv, sizeof lb);						\
	hw = stophash_tail(lb + (o) + len, len);				\
	if (!seen) {								\
		seen = 1;							\
		f->starts_lower = !(up & 1);					\
	}									\
	rl += len;								\
	rup += sc_popcount16(up);						\
	rcap += up & 1;								\
	if (up == lm)	/* seldom: all capitals */				\
		rcaps += len >= 2;						\
	if (len == 3 && a == '.' && lb[(o)] == 'w' && lb[(o) + 1] == 'w' &&	\
	    lb[(o) + 2] == 'w' && ((o) == 0 || n - i > 4))			\
		f->urls++;	/* "www." and more */				\
	wv[nw] = hw;								\
	pvv[nw] = hw;								\
	KEY_WORD(h, hw);							\
	nw++;									\
	i += len;								\
	wend = i;								\
} while (0)
				while (e - i >= 16) {
					const sc_u8x16 v = sc_load16(p + i), lv = v | 0x20;
					const unsigned let = sc_mask16((sc_i8x16)((sc_u8x16)(lv - 'a') < 26));
					const unsigned len = (unsigned)__builtin_ctz(~let);
					unsigned a;

					if (len == 0 || len == 16 || !plain_end[a = (unsigned char)p[i + len]])
						break;
					RUN_WORD(0);
					if (nw == PW_WORDS)
						break;
					if (a != ' ') {
						/*
						 * A mark that only ends the word (a comma,
						 * a full stop), and a space: as the loop
						 * below would read it.
						 */
						if (punct_class[a] != 0 || e - i < 2 || p[i + 1] != ' ')
							break;
						last = pnc = a;
						wend = 0;
						i++;
						cnt++;
					}
					i++;	/* the space */
					cnt++;
				}
				/*
				 * The last words of the text, in its last sixteen
				 * bytes (less the o before p[i], which the masks
				 * shift out): the end of the text ends a word.
				 */
				if (e - i < 16 && i < e && e == n && e >= 16 && nw < PW_WORDS) {
					const sc_u8x16 v = sc_load16(p + e - 16), lv = v | 0x20;
					const unsigned let = sc_mask16((sc_i8x16)((sc_u8x16)(lv - 'a') < 26));

					while (i < e) {
						const unsigned o = (unsigned)(16 - (e - i));
						const unsigned len = (unsigned)__builtin_ctz(~(let >> o));
						unsigned a = 0;

						if (len == 0 || (i + len < e && !plain_end[a = (unsigned char)p[i + len]]))
							break;
						RUN_WORD(o);
						if (nw == PW_WORDS || a != ' ')
							break;
						i++;	/* the space */
						cnt++;
					}
				}
#undef RUN_WORD
				if (i > i0) {
					/*
					 * Every word of the run is letters, the first
					 * upper or lower case: the counts of all at once.
					 */
					const uint64_t r = nw - nw0;

					cnt += rl * 0x10001ULL + ((uint64_t)rup << 32) + (r << 48);
					wc += rcap + ((r - rcap) << 16) + ((uint64_t)rcaps << 32);
					if (mode == PW_GUESS)
						gl += rl;
					if (nw == PW_WORDS)
						goto drain;
					continue;
				}
#endif
				if (ascii_class[b] & AC_DIGIT)
					break;	/* a number, or a word with digits: measure()'s */
				ws = ascii_ws[b];
				goto word;
			}
			pc = punct_class[b];
			i++;
			cnt++;
			if (pc & PC_SPACE)
				continue;
			LAST_LETTER();
			last = b;
			if (!(pc & PC_CLOSER))
				pnc = b;
			if (pc & (PC_CODE | PC_SYMBOL | PC_LOOK)) {
				f->code += (pc & PC_CODE) != 0;
				if (!(pc & PC_LOOK))
					f->symbols += (pc & PC_SYMBOL) != 0;
				else if (b == '|')
					f->seps++;
				else if (b == '@' || b == '#') {
					if (i < n && (isalnum((unsigned char)p[i]) || p[i] == '_'))
						f->handles++;
					else
						f->symbols++;
				} else if (i + 1 < n && p[i] == '/' && p[i + 1] == '/')
					f->urls++;	/* ':' */
			}
			continue;
		}
		if (b >= 0xC2 && b < 0xE0 && e - i >= 2 && ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
		    plain2[(size_t)(b & 0x1F) << 6 | ((unsigned char)p[i + 1] & 0x3F)].inc != 0) {
			ws = plain2ws[(size_t)(b - 0xC2) << 6 | ((unsigned char)p[i + 1] & 0x3F)];
			goto word;
		}
		{
			/* Punctuation, a symbol or a space of more bytes. */
			uint32_t c;
			size_t k = sc_ucd_next(p, i, n, &c);
			utf8proc_category_t cat = category(c);

			if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
			    cat == UTF8PROC_CATEGORY_ND)
				break;	/* a word of another kind, for measure() */
			i += k;
			cnt++;
			if (cat != UTF8PROC_CATEGORY_ZS) {
				LAST_LETTER();
				last = c;
				if (!is_closer(c))
					pnc = c;
			}
			count_mark(f, c, cat);
			continue;
		}
word:
		x = 0;
		wh = SC_STOPHASH_INIT;
		pv = 0;
		j = i;
		/* A word: its letters, with the hashes of every reader. */
		acc = 0;
		for (;;) {
			b = (unsigned char)p[j];
			if (alnum_fold[b] != 0) {
				/* One table says letter or digit and folds it. */
				if (x == 0) {
					do {
						acc += ascii_inc[b];
						wh = sc_stophash_add(wh, alnum_fold[b]);
						if (++j >= e)
							break;
						b = (unsigned char)p[j];
					} while (alnum_fold[b] != 0);
				} else {
					do {
						acc += ascii_inc[b];
						wh = sc_stophash_add(wh, alnum_fold[b]);
						pv = sc_stophash_add(pv, alnum_fold[b]);
						if (++j >= e)
							break;
						b = (unsigned char)p[j];
					} while (alnum_fold[b] != 0);
				}
			} else if (b >= 0xC2 && b < 0xE0 && e - j >= 2 &&
			    ((unsigned char)p[j + 1] & 0xC0) == 0x80) {
				const struct plain2 *u = &plain2[(size_t)(b & 0x1F) << 6 |
				    ((unsigned char)p[j + 1] & 0x3F)];
				unsigned w2;

				if (u->inc == 0)
					break;
				if (x == 0)
					pv = wh;	/* the same until the first of these */
				/* This letter and the two-byte letters after it. */
				for (;;) {
					acc += u->inc;
					x += u->x;
					pv = (pv ^ u->lower) * 0x100000001b3ULL;
					wh = sc_stophash_add(wh, u->b[0]);
					if (u->n == 2)
						wh = sc_stophash_add(wh, u->b[1]);
					j += 2;
					if (e - j < 2)
						break;
					/*
					 * The next two bytes at once: 110xxxxx 10xxxxxx
					 * (0xC0 and 0xC1, overlong, have no entry).
					 */
					w2 = (unsigned)(unsigned char)p[j] | (unsigned)(unsigned char)p[j + 1] << 8;
					if ((w2 & 0xC0E0) != 0x80C0)
						break;
					u = &plain2[(w2 & 0x1F) << 6 | (w2 >> 8 & 0x3F)];
					if (u->inc == 0)
						break;	/* the loop above ends the word here */
				}
			} else {
				break;
			}
			if (j >= e)
				break;
		}
		if (LANE(acc, 2) != 0)
			break;	/* digits: the phrase words count them otherwise */
		if (j >= e) {
			if (e < n)
				break;	/* a word longer than a call reads */
		} else {
			/* What comes after the word: whether it ends it for every reader. */
			b = (unsigned char)p[j];
			if (b < 0x80) {
				/* ' may go on the word; @ and # look back at it. */
				if (b == '\'' || b == '@' || b == '#')
					break;
			} else {
				uint32_t d;
				utf8proc_category_t cat;

				(void)sc_ucd_next(p, j, n, &d);
				cat = category(d);
				if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
				    cat == UTF8PROC_CATEGORY_ND || d == 0x2019)
					break;
			}
		}
		/* The word, as measure() would have ended it at p[j]. */
		{
			const uint64_t nch = LANE(acc, 0), nup = LANE(acc, 1), nlow = LANE(acc, 3);

			if (!seen && ws != 0) {
				seen = 1;
				f->starts_lower = (uint8_t)(ws >> 16);
			}
			cnt += nch | nch << 16 | nup << 32 | 1ULL << 48;
			wc += ws | (uint64_t)(nlow == 0 && nup >= 2) << 32;
			wlen = nch + (x >> 32);
			if (mode == PW_GUESS) {
				gl += nch;
				g2 += (uint32_t)x;
			}
		}
		if ((p[i] | 0x20) == 'w' && n - i > 4 && (p[i + 1] | 0x20) == 'w' &&
		    (p[i + 2] | 0x20) == 'w' && p[i + 3] == '.')
			f->urls++;	/* strncasecmp(p + i, "www.", 4) == 0 */
		wv[nw] = wh;
		pvv[nw] = x == 0 ? wh : pv;
		KEY_WORD(h, wh);	/* as it is read: see drain */
		if (wlen > MAX_STOPWORD) {
			long48 |= (uint64_t)1 << nw;
			if (wlen > SC_STOPWORD_MAX)
				long64 |= (uint64_t)1 << nw;
		}
		nw++;
		wend = j;	/* its last letter is the last character, for now */
		i = j;
		if (nw == PW_WORDS)
			break;	/* for the readers; the caller calls again */
	}
drain:
	/*
	 * The readers' shares of the words read.  (The repetition key took
	 * each word as it was read: in a loop over them here, its end was
	 * about one mispredict a call, as a call reads as many words as
	 * come.)
	 */
	if (nsw < SHINGLE_WORDS) {
		m = SHINGLE_WORDS - nsw < nw ? SHINGLE_WORDS - nsw : nw;
		memcpy(shv + nsw, pvv, m * sizeof *pvv);
		nsw += m;
	}
	if (want_p) {
		if (npw < SC_RULES_WORDS) {
			m = SC_RULES_WORDS - npw < nw ? SC_RULES_WORDS - npw : nw;
			memcpy(phv + npw, pvv, m * sizeof *pvv);
		}
		npw += nw;
	}
	if (mode == PW_GUESS) {
		g->nwords += nw;
		if (g->nq + nw > SC_LGUESS_QUEUE)
			sc_lguess_flush(g);
	}
	if (mode != PW_NONE && (long48 | long64) == 0) {
		/*
		 * No word too long: every one to the stoplist and the guess,
		 * whose queues have room for them all (the lookups are summed,
		 * whatever the batches).
		 */
		if (mode == PW_GUESS) {
			uint64_t *const gq = g->q + g->nq;

			for (m = 0; m < nw; m++) {
				const uint64_t se = sc_stophash_end(wv[m]);

				stv[nstop + m] = se;
				gq[m] = se;
			}
			g->nq += nw;
			nstop += nw;
		} else {
			if (nq + nw > WORDQ)
				f->stop += (uint32_t)sc_stoplist_count_hashes(s->sl, wq, nq), nq = 0;
			for (m = 0; m < nw; m++)
				wq[nq + m] = sc_stophash_end(wv[m]);
			nq += nw;
		}
	} else if (mode != PW_NONE) {
		for (m = 0; m < nw; m++) {
			const uint64_t se = sc_stophash_end(wv[m]);

			if (!(long48 >> m & 1)) {
				if (mode == PW_GUESS) {
					stv[nstop++] = se;
				} else {
					if (nq == WORDQ)
						f->stop += (uint32_t)sc_stoplist_count_hashes(s->sl, wq, nq), nq = 0;
					wq[nq++] = se;
				}
			}
			if (mode == PW_GUESS && !(long64 >> m & 1))
				g->q[g->nq++] = se;
		}
	}
	LAST_LETTER();
	f->chars += LANE(cnt, 0);
	f->letters += LANE(cnt, 1);
	f->upper += LANE(cnt, 2);
	f->words += LANE(cnt, 3);
	f->cap_words += LANE(wc, 0);
	f->lower_words += LANE(wc, 1);
	f->caps_words += LANE(wc, 2);
	if (mode == PW_GUESS) {
		if (long48 & ~long64)
			lw->mixed = 1;
		lw->nstop = nstop;
		g->letters += gl;
		g->scr[SC_SCR_OTHER] += g2;
	}
	st->h = h;
	st->seen_letter = seen;
	st->nq = nq;
	st->nsw = nsw;
	st->npw = npw;
	st->last = last;
	st->pnc = pnc;
	return i;
#undef LAST_LETTER
}

static size_t __attribute__((noinline))
plain_words(struct sc_strip *s, const char *p, size_t i, size_t n, struct feat *f,
    struct lwords *lw, struct plain *st)
{
	if (lw->guess != NULL)
		return st->want_p ? plain_body(s, p, i, n, f, lw, st, PW_GUESS, 1) :
		    plain_body(s, p, i, n, f, lw, st, PW_GUESS, 0);
	if (s->sl != NULL && !s->cjk_lang)
		return st->want_p ? plain_body(s, p, i, n, f, lw, st, PW_COUNT, 1) :
		    plain_body(s, p, i, n, f, lw, st, PW_COUNT, 0);
	return st->want_p ? plain_body(s, p, i, n, f, lw, st, PW_NONE, 1) :
	    plain_body(s, p, i, n, f, lw, st, PW_NONE, 0);
}

/*
 * One pass over a block: counts for the features, stopword hits, the end
 * of the last sentence, and the repetition key (a hash of the folded
 * words, so that quotes, punctuation and spacing do not matter).
 *
 * Speed: this runs over every byte of every document.  The letters and
 * digits after the first of an ASCII word, most of any text, take a
 * short inner loop that does only what they need.
 *
 * It reads nothing but the text and the document's stoplist (s->sl,
 * s->cjk_lang): the line memo (measure_line) keeps its answers by those
 * alone, so a feature that needed more (the block's flags, its
 * neighbours) belongs in classify_cf, or in the memo's key.
 */
#ifdef SC_CHECK_WORDS
static int check_noplain;	/* measure() without plain_words, the reference */
#else
#define check_noplain 0
#endif

static void
measure(struct sc_strip *s, const char *p, size_t n, struct feat *f, struct lwords *lw)
{
	/*
	 * The features start from a copy of zeros: a memset of their size
	 * was a rep stos, whose start-up is slow on short lines (and which
	 * valgrind counts as a branch a word).
	 */
	static const struct feat feat_zero;
	size_t i = 0;
	struct word w = { 0 };
	uint32_t last = 0, prev_nonclose = 0;
	int seen_letter = 0;
	uint64_t h = 0xcbf29ce484222325ULL;
	uint64_t wq[WORDQ];	/* stopword lookups waiting */
	size_t nq = 0;
	/* The phrase and shingle words (struct lwords), read alongside. */
	const int want_p = lw->want_phrase;
	uint64_t pw = 0, sw = 0;
	int p_in = 0, p_dig = 0, s_in = 0;
	size_t npw = 0, nsw = 0;
	/* The guess's words (struct lwords), when it reads this line. */
	struct sc_lguess *const g = lw->guess;
	const int defer = g != NULL;
	uint64_t gh = 0;
	size_t gflen = 0;
	int g_in = 0;

	*f = feat_zero;
	w.on = 0;
	while (i < n) {
		uint32_t c;
		size_t k;
		int wordch, upper = 0, lower = 0;

		if (!w.on && !p_in && !s_in && !g_in && !check_noplain &&
		    !(ascii_class[(unsigned char)p[i]] & AC_DIGIT)) {
			/*
			 * Plain words first (see plain_words), as many as come;
			 * not at a digit, which plain_words leaves at once.
			 */
			struct plain pl;
			size_t j;

			pl.h = h;
			pl.seen_letter = seen_letter;
			pl.wq = wq;
			pl.nq = nq;
			pl.nsw = nsw;
			pl.npw = npw;
			pl.want_p = want_p;
			pl.last = last;
			pl.pnc = prev_nonclose;
			j = plain_words(s, p, i, n, f, lw, &pl);
			if (j > i) {
				h = pl.h;
				seen_letter = pl.seen_letter;
				nq = pl.nq;
				nsw = pl.nsw;
				npw = pl.npw;
				last = pl.last;
				prev_nonclose = pl.pnc;
				i = j;
				continue;
			}
		}
		if (ascii_class[(unsigned char)p[i]] & AC_ALNUM) {
			/*
			 * An ASCII letter or digit, and the ones after it: the
			 * common case, in a short loop.
			 */
			size_t j = i, lim = n - i > 4096 ? i + 4096 : n, run;
			uint64_t acc = 0, wh;
			const int fresh = !w.on && !p_in && !s_in;
			const int gfresh = !w.on && !g_in;

			if (!w.on) {
				uint8_t cls = ascii_class[(unsigned char)p[i]];

				w.on = 1;
				w.len = 0;
				w.wh = SC_STOPHASH_INIT;
				w.upper = (cls & AC_UPPER) != 0;
				w.lower = !(cls & (AC_UPPER | AC_DIGIT));
				w.allcaps = 1;
				w.letters = 0;
				if (!seen_letter && !(cls & AC_DIGIT)) {
					seen_letter = 1;
					f->starts_lower = (uint8_t)w.lower;
				}
				if ((p[i] | 0x20) == 'w' && n - i > 4 && strncasecmp(p + i, "www.", 4) == 0)
					f->urls++;
			}
			wh = w.wh;
			do {
				unsigned char b = (unsigned char)p[j];
				unsigned char fb = ascii_fold[b];

				acc += ascii_inc[b];
				wh = sc_stophash_add(wh, fb);
				j++;
			} while (j < lim && (ascii_class[(unsigned char)p[j]] & AC_ALNUM));
			run = j - i;
			if (fresh && LANE(acc, 2) == 0) {
				/*
				 * A word of ASCII letters that began here is the
				 * same bytes, from the same basis, for all three
				 * hashes: the stopword hash serves the others.
				 */
				pw = sw = wh;
				s_in = 1;
				p_in = want_p;
				p_dig = 0;
			} else {
				size_t m;

				for (m = i; m < j; m++) {
					unsigned char b = (unsigned char)p[m];
					unsigned char fb = ascii_fold[b];

					if (!s_in) {
						s_in = 1;
						sw = SC_STOPHASH_INIT;
					}
					sw = sc_stophash_add(sw, fb);
					if (!want_p)
						continue;
					if (!p_in) {
						p_in = 1;
						p_dig = 0;
						pw = SC_STOPHASH_INIT;
					}
					if (b <= '9') {
						if (!p_dig)
							pw = sc_stophash_add(pw, '0');
						p_dig = 1;
					} else {
						p_dig = 0;
						pw = sc_stophash_add(pw, fb);
					}
				}
			}
			if (g != NULL) {
				g->letters += LANE(acc, 0);
				if (gfresh) {
					gh = wh;
					gflen = run;
					g_in = 1;
				} else {
					size_t m;

					if (!g_in) {
						g_in = 1;
						gh = SC_STOPHASH_INIT;
						gflen = 0;
					}
					for (m = i; m < j; m++)
						gh = sc_stophash_add(gh, ascii_fold[(unsigned char)p[m]]);
					gflen += run;
				}
			}
			w.wh = wh;
			w.len += run;
			f->chars += (uint32_t)run;
			f->letters += LANE(acc, 0);
			f->upper += LANE(acc, 1);
			f->digits += LANE(acc, 2);
			w.letters += LANE(acc, 0);
			if (LANE(acc, 3))
				w.allcaps = 0;
			last = prev_nonclose = (unsigned char)p[j - 1];
			i = j;
			continue;
		}
		if ((unsigned char)p[i] < 0x80) {
			c = (unsigned char)p[i];
			k = 1;
		} else {
			k = sc_ucd_next(p, i, n, &c);
		}
		f->chars++;
		if (c < 0x80) {
			uint8_t cls = ascii_class[c];

			/* Not a letter or digit: shingle words end; phrase words skip an apostrophe. */
			LW_SEND();
			if (want_p && !(c == '\'' && p_in))
				LW_PEND();
			if (g != NULL) {
				if (c == '\'')
					lw->mixed = 1;
				if (c == '\'' && g_in && i + 1 < n && word_byte((unsigned char)p[i + 1])) {
					gh = sc_stophash_add(gh, '\'');
					gflen++;
				} else {
					LW_GEND();
				}
			}

			wordch = cls & AC_ALNUM;
			if (wordch) {
				last = prev_nonclose = c;
				if (cls & AC_DIGIT) {
					f->digits++;
				} else {
					f->letters++;
					upper = (cls & AC_UPPER) != 0;
					lower = !upper;
					f->upper += (uint32_t)upper;
					if ((c == 'w' || c == 'W') && !w.on && n - i > 4 &&
					    strncasecmp(p + i, "www.", 4) == 0)
						f->urls++;
				}
			} else if (!(cls & AC_SPACE)) {
				last = c;
				if (!is_closer(c))
					prev_nonclose = c;
				if (cls & AC_CODE)
					f->code++;
				if (c == '|')
					f->seps++;
				else if ((c == '@' || c == '#') && !w.on && i + 1 < n &&
				    (isalnum((unsigned char)p[i + 1]) || p[i + 1] == '_'))
					f->handles++;
				else if (c == ':' && i + 2 < n && p[i + 1] == '/' && p[i + 2] == '/')
					f->urls++;
				else if (c != '\'' && c != ',' && c != '.' && c != '-' && c != '"' &&
				    c != '(' && c != ')' && c != ':' && c != ';' && c != '!' && c != '?')
					f->symbols++;
				/* Apostrophes inside words: don't, l'état. */
				if (c == '\'' && w.on && i + 1 < n &&
				    ((unsigned char)p[i + 1] >= 0x80 || isalpha((unsigned char)p[i + 1])))
					wordch = 1;
			}
		} else {
			utf8proc_category_t cat = category(c);

			if (is_letter_cat(cat)) {
				if (!s_in) {
					s_in = 1;
					sw = SC_STOPHASH_INIT;
				}
				sw = (sw ^ fold_cp(c)) * 0x100000001b3ULL;
				if (sc_is_cjk(c))
					LW_SEND();	/* a CJK character ends its shingle word */
			} else {
				LW_SEND();
			}
			if (want_p && !(c == 0x2019 && p_in)) {
				if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
				    cat == UTF8PROC_CATEGORY_ND) {
					uint32_t pc = cat == UTF8PROC_CATEGORY_ND ? '0' : sc_ucd_lower(c);

					if (!p_in) {
						p_in = 1;
						p_dig = 0;
						pw = SC_STOPHASH_INIT;
					}
					if (pc >= '0' && pc <= '9') {
						if (!p_dig)
							pw = sc_stophash_add(pw, '0');
						p_dig = 1;
					} else {
						p_dig = 0;
						pw = (pw ^ pc) * 0x100000001b3ULL;
					}
				} else {
					LW_PEND();
				}
			}
			if (g != NULL) {
				if (is_word_cat(cat) || c == 0x2019)
					lw->mixed = 1;
				if (is_word_cat(cat)) {
					if (!g_in) {
						g_in = 1;
						gh = SC_STOPHASH_INIT;
						gflen = 0;
					}
					g->letters++;
					g->scr[c < 0x0E00 ? SC_SCR_OTHER : sc_lguess_script(c)]++;
					gh = sc_stophash_cp(gh, sc_ucd_lower(c), &gflen);
				} else if (c == 0x2019 && g_in && i + k < n &&
				    word_byte((unsigned char)p[i + k])) {
					gh = sc_stophash_add(gh, '\'');
					gflen++;
				} else {
					LW_GEND();
				}
			}
			if (c < 0x0E00 && is_letter_cat(cat)) {
				/*
				 * A letter of an alphabet (Latin, Greek, Cyrillic,
				 * Arabic ...): none is a closer, a separator or CJK,
				 * so the tests below would all fail.
				 */
				last = prev_nonclose = c;
				wordch = 1;
				upper = cat == UTF8PROC_CATEGORY_LU;
				lower = cat == UTF8PROC_CATEGORY_LL;
				f->letters++;
				f->upper += (uint32_t)upper;
				goto word;
			}
			if (cat != UTF8PROC_CATEGORY_ZS) {
				last = c;
				if (!is_closer(c))
					prev_nonclose = c;
			}
			wordch = is_letter_cat(cat) || cat == UTF8PROC_CATEGORY_MN ||
			    cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ND;
			upper = cat == UTF8PROC_CATEGORY_LU;
			lower = cat == UTF8PROC_CATEGORY_LL;
			if (is_letter_cat(cat))
				f->letters++;
			if (upper)
				f->upper++;
			if (cat == UTF8PROC_CATEGORY_ND)
				f->digits++;
			else
				count_mark(f, c, cat);
			if (c == 0x2019 && w.on && i + k < n)
				wordch = 1;
			if (wordch && sc_is_cjk(c)) {
				/* Each CJK character is a unit of its own. */
				if (w.on)
					END_WORD(s, f, w);
				f->cjk++;
				FNV(h, c);
				if (!seen_letter)
					seen_letter = 1;
				i += k;
				/*
				 * More Han ideographs (Chinese prose is runs of
				 * them): each does what the loop above does with
				 * one, which after a CJK character comes to this
				 * (no word is open, the shingle word ends with each
				 * character, the phrase and guess words go on; no
				 * case to fold, no mark to count).
				 */
				while (n - i >= 3 && (unsigned char)p[i] >= 0xE4 && (unsigned char)p[i] <= 0xE9 &&
				    ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
				    ((unsigned char)p[i + 2] & 0xC0) == 0x80) {
					const uint32_t d = (uint32_t)((unsigned char)p[i] & 0x0F) << 12 |
					    (uint32_t)((unsigned char)p[i + 1] & 0x3F) << 6 |
					    ((unsigned char)p[i + 2] & 0x3F);

					if (d < 0x4E00 || category(d) != UTF8PROC_CATEGORY_LO ||
					    sc_ucd_lower(d) != d)
						break;
					f->chars++;
					f->letters++;
					f->cjk++;
					if (nsw < SHINGLE_WORDS)
						lw->shingle[nsw++] = (0xcbf29ce484222325ULL ^ d) * 0x100000001b3ULL;
					if (want_p) {
						p_dig = 0;
						pw = (pw ^ d) * 0x100000001b3ULL;
					}
					if (g != NULL) {
						g->letters++;
						g->scr[SC_SCR_HAN]++;
						gh = sc_stophash_add(gh, (unsigned char)p[i]);
						gh = sc_stophash_add(gh, (unsigned char)p[i + 1]);
						gh = sc_stophash_add(gh, (unsigned char)p[i + 2]);
						gflen += 3;
					}
					last = prev_nonclose = d;
					FNV(h, d);
					i += 3;
				}
				continue;
			}
		}
word:
		if (wordch) {
			if (!w.on) {
				w.on = 1;
				w.len = 0;
				w.wh = SC_STOPHASH_INIT;
				w.upper = upper;
				w.lower = lower;
				w.allcaps = 1;
				w.letters = 0;
				if (!seen_letter && (upper || lower)) {
					seen_letter = 1;
					f->starts_lower = (uint8_t)lower;
				}
			}
			if (lower)
				w.allcaps = 0;
			if (upper || lower)
				w.letters++;
			w.wh = sc_stophash_cp(w.wh, fold_cp(c), &w.len);
		} else if (w.on) {
			END_WORD(s, f, w);
		}
		i += k;
	}
	if (w.on)
		END_WORD(s, f, w);
	LW_SEND();
	if (want_p)
		LW_PEND();
	if (g != NULL)
		LW_GEND();
	lw->nphrase = npw;
	lw->nshingle = nsw;
	if (nq > 0)
		f->stop += (uint32_t)sc_stoplist_count_hashes(s->sl, wq, nq);
	if (f->cjk > 0)
		f->words += (f->cjk + 1) / 2;
	f->end_punct = (uint8_t)is_terminal(prev_nonclose);
	f->end_colon = last == ':';
	f->end_question = prev_nonclose == '?' || prev_nonclose == '!' ||
	    prev_nonclose == 0xFF1F || prev_nonclose == 0xFF01;
	f->end_ellipsis = last == 0x2026 || (n >= 3 && memcmp(p + n - 3, "...", 3) == 0);
	f->key = h;
	if (!defer)
		finish_stop(s, p, n, f);
}

/*
 * The stopword counts of a block measure() read: f->stop has the hits of
 * the non-CJK words (none when the language is CJK) and words its final
 * count.
 */
static void
finish_stop(const struct sc_strip *s, const char *p, size_t n, struct feat *f)
{
	if (f->cjk > 0) {
		if (s->sl != NULL && s->cjk_lang) {
			uint32_t units = 0;

			f->stop = sc_stoplist_cjk_hits(s->sl, p, n, &units);
			f->density = units ? (double)f->stop / units : 0.0;
		}
	}
	if (!s->cjk_lang)
		f->density = f->words ? (double)f->stop / f->words : 0.0;
}

/*
 * A caption that ends in its credit: "... im Abendrot. Bild: Name/Agency",
 * "Photo: Reuters".  The last colon of a line, a credit word before it and
 * a short name after it with no sentence in it.  A long block qualifies
 * only with a word that names a picture's maker ("Credit: ESA" under a
 * drawing explained at length): a long paragraph may well end by naming
 * its source.
 */
#define CREDIT_LONG 300
static int
ends_in_credit(const char *p, size_t n)
{
	static const char *const words[] = {
		"bild", "bilder", "foto", "fotos", "photo", "photos", "image", "images",
		"imagen", "immagine", "credit", "credits", "picture",
		/* short lines only from here */
		"quelle", "source", "fuente", "fonte", "grafik", "illustration", NULL
	};
	const char *colon = NULL;
	size_t i, k, wl;

	if (n == 0 || p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?')
		return 0;
	/* Only a colon in the last 62 bytes can qualify. */
	colon = memrchr(p + (n > 62 ? n - 62 : 0), ':', n > 62 ? 62 : n);
	if (colon == NULL || (size_t)(p + n - colon) > 62 || (size_t)(p + n - colon) < 4)
		return 0;
	for (i = (size_t)(colon - p) + 1; i < n; i++)
		if (p[i] == '.' && i + 1 < n && p[i + 1] == ' ')
			return 0;
	i = (size_t)(colon - p);
	while (i > 0 && p[i - 1] == ' ')
		i--;
	k = i;
	while (k > 0 && isalpha((unsigned char)p[k - 1]))
		k--;
	wl = i - k;
	if (wl < 4 || (k > 0 && p[k - 1] != ' ' && p[k - 1] != '(' && p[k - 1] != '.'))
		return 0;
	for (i = 0; words[i] != NULL; i++) {
		if (n >= CREDIT_LONG && strcmp(words[i], "quelle") == 0)
			break;
		if (strlen(words[i]) == wl && strncasecmp(p + k, words[i], wl) == 0)
			return 1;
	}
	return 0;
}

/*
 * A teaser's title glued to its summary by the text browser: "Two Held
 * After Death Of Campus AthleteA 24-year-old woman ...", "... To
 * 250,000The state of ...", "Is Violence On The Rise?Violence is ...".
 * Found where a capital follows, inside a word, a lower-case letter, a
 * digit or a question or exclamation mark, after at least three words in
 * title case (every word of five letters or more capitalised, which
 * German prose with its capitalised nouns fails) and no sentence end, when the
 * rest reads as a sentence of some length.  The glued-on word must be a
 * stopword or a lone capital ("A", "The"), unless the word before it is a
 * long one or the glue is a punctuation mark: brand names in prose
 * (YouTube, MacBook, McDonald) have short heads and lack the rest.
 */
/* Whether the text ends a sentence: '.', '!' or '?', perhaps inside quotes. */
static int
ends_sentence(const char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '"' || p[n - 1] == '\'' ||
	    p[n - 1] == ')'))
		n--;
	/* ’ and ” (U+2019, U+201D) */
	while (n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80 &&
	    ((unsigned char)p[n - 1] == 0x99 || (unsigned char)p[n - 1] == 0x9D))
		n -= 3;
	return n > 0 && (p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?');
}

/*
 * Whether p[0..n) has a capital A-Z right after a lower-case letter, a
 * digit, '?' or '!': the glue glued_title looks for (its other conditions
 * aside), which most lines lack.  Sixteen bytes at a time.
 */
static int
may_glue(const char *p, size_t n)
{
	size_t i = 1;

	for (; i + 16 <= n; i += 16) {
		sc_u8x16 v = sc_load16(p + i), u = sc_load16(p + i - 1);
		sc_i8x16 m = (sc_i8x16)((sc_u8x16)(v - 'A') < 26) &
		    ((sc_i8x16)((sc_u8x16)(u - 'a') < 26) | (sc_i8x16)((sc_u8x16)(u - '0') < 10) |
		    (sc_i8x16)(u == '?') | (sc_i8x16)(u == '!'));

		if (sc_any16(m))
			return 1;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)p[i], b = (unsigned char)p[i - 1];

		if (c >= 'A' && c <= 'Z' && ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
		    b == '?' || b == '!'))
			return 1;
	}
	return 0;
}

/*
 * Whether p[0..n), n >= 16, has a '?' or a '!': both at once, sixteen
 * bytes at a time (the last sixteen read again), where two memchr calls
 * cost more, and mispredicted more, on lines of a few hundred bytes.
 */
static int
has_ask(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 16 <= n; i += 16) {
		sc_u8x16 v = sc_load16(p + i);

		if (sc_any16((sc_i8x16)(v == '?') | (sc_i8x16)(v == '!')))
			return 1;
	}
	if (i < n) {
		sc_u8x16 v = sc_load16(p + n - 16);

		return sc_any16((sc_i8x16)(v == '?') | (sc_i8x16)(v == '!'));
	}
	return 0;
}

static int
glued_title(const struct sc_strip *s, const char *p, size_t n, const struct feat *f)
{
	size_t i, words = 0, longw = 0, longcaps = 0, wlen = 0, wstart = 0;
	int wcap = 0;

	if (n > 400)
		n = 400;
	/*
	 * A capital after a lower-case letter or a digit is inside a word,
	 * not its first letter; when every upper-case letter is the first of
	 * a capitalised word (measure's counts), only a '?' or a '!' can be
	 * the glue.
	 */
	if (f->upper == f->cap_words && (n < 16 ? memchr(p, '?', n) == NULL &&
	    memchr(p, '!', n) == NULL : !has_ask(p, n))) {
#ifdef SC_CHECK_WORDS
		if (may_glue(p, n)) {
			fprintf(stderr, "glue missed (upper %u, capitalised words %u): %.*s\n",
			    f->upper, f->cap_words, (int)n, p);
			abort();
		}
#endif
		return 0;
	}
	if (!may_glue(p, n))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		int glue;

		if (c == ' ') {
			if (wlen >= 5) {
				/* A long word in lower case: no title case before any glue. */
				if (!wcap)
					return 0;
				longw++;
				longcaps++;
			}
			wlen = 0;
			continue;
		}
		if ((c == '.' || c == '!' || c == '?') && i + 1 < n && p[i + 1] == ' ') {
			/* A headline may ask or end a sentence and go on in title case. */
			if (!(i + 2 < n && p[i + 2] >= 'A' && p[i + 2] <= 'Z' && wcap &&
			    (c != '.' || wlen >= 3)))
				return 0;
		}
		if (wlen == 0) {
			words++;
			wstart = i;
			wcap = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
			wlen++;
			continue;
		}
		glue = c >= 'A' && c <= 'Z' && wlen >= 2 && ((p[i - 1] >= 'a' &&
		    p[i - 1] <= 'z') || (p[i - 1] >= '0' && p[i - 1] <= '9') ||
		    ((p[i - 1] == '?' || p[i - 1] == '!') && i >= 2 && p[i - 2] >= 'a' && p[i - 2] <= 'z'));
		if (glue) {
			size_t e = i, k, rest = 0, head = i - wstart;
			char low[16];

			if (wcap && head >= 5) {
				longw++;
				longcaps++;
			}
			/* Title case: every long word capitalised (German prose fails). */
			if (words < 3 || !wcap || longw < 2 || longcaps < longw)
				return 0;
			if (p[i - 1] >= 'a' && p[i - 1] <= 'z' && !(i >= 3 && p[i - 2] >= 'a' &&
			    p[i - 2] <= 'z' && p[i - 3] >= 'a' && p[i - 3] <= 'z'))
				return 0;	/* "GmbH", "iOS": a lower-case run too short */
			/* The summary: a few more words and a sentence end. */
			for (k = i; k < n; k++)
				rest += p[k] == ' ';
			if (rest < 4)
				return 0;
			while (e < n && p[e] != ' ')
				e++;
			if (e - i == 1)	/* "AthleteA 24-year-old", not "18V" */
				return p[i - 1] >= 'a' && p[i - 1] <= 'z';
			if (p[i - 1] == '?' || p[i - 1] == '!' || head >= 6)
				return 1;
			if (head == 5 && e - i >= 3 && ends_sentence(p, n)) {
				/*
				 * "Or FiresFord is recalling ...": a plain capitalised
				 * word and a summary that ends its sentence, not a
				 * brand ("WhatsApp", "HydroLiC-Technik") in a label.
				 */
				for (k = i + 1; k < e && p[k] >= 'a' && p[k] <= 'z'; k++)
					;
				if (k == e)
					return 1;
			}
			if (e - i >= sizeof low || s->sl == NULL)
				return 0;
			for (k = i; k < e; k++)
				low[k - i] = (char)tolower((unsigned char)p[k]);
			return sc_stoplist_has(s->sl, low, e - i);
		}
		wlen++;
	}
	return 0;
}

/* ------------------------------------------------------- classification */

/*
 * What classify_cf asks of a line's text alone (and of the stoplist),
 * once a line the memo keeps rather than once a block: whether it is a
 * title glued to its summary, else whether it ends in a caption credit.
 * Not asked of lines classify_cf decides by their features before (a
 * rule, a copyright sign, code, no letters).
 */
static void
text_verdicts(const struct sc_strip *s, const char *p, size_t n, struct feat *f)
{
	f->glued = 0;
	f->credit = 0;
	if (f->rule != SC_RULE_NONE || f->copyright || (f->code >= 4 && f->code * 30 > f->chars) ||
	    f->letters == 0 || f->words == 0)
		return;
	f->glued = (uint8_t)(f->chars >= 40 && glued_title(s, p, n, f));
	f->credit = (uint8_t)(!f->glued && ends_in_credit(p, n));
}

static int
looks_like_heading(const struct feat *f)
{
	/* By &, one branch for the caller: each test alone is as unpredictable as the text. */
	return (f->chars < LENGTH_HIGH) & !f->end_punct & (f->words - 1 < 20);
}

/*
 * Context-free class: jusText's decision list with text proxies in place
 * of link density.  Sets f->reason.
 */
static void
classify_cf(const struct sc_strip *s, const struct sc_block *b, struct feat *f)
{
	double d = f->density;
	int has_list = s->sl != NULL;
	double hi = (s->cjk_lang ? P.cjk_stop_high : P.stop_high) * s->scale;
	double lo = (s->cjk_lang ? P.cjk_stop_low : P.stop_low) * s->scale;

	f->heading = (uint8_t)looks_like_heading(f);
	if (f->rule == SC_RULE_KEEP) {
		f->cf = SC_CLS_GOOD;
		f->reason = "rule keep";
		return;
	}
	if (f->rule != SC_RULE_NONE) {
		f->cf = SC_CLS_BAD;
		f->reason = f->rule == SC_RULE_CUT ? "rule cut" :
		    f->rule == SC_RULE_LIST ? "rule list" : "rule drop";
		return;
	}
	if (b->kind == SC_BK_RULE || b->kind == SC_BK_FORM || b->kind == SC_BK_IMAGE) {
		f->cf = SC_CLS_BAD;
		f->reason = b->kind == SC_BK_RULE ? "separator line" :
		    b->kind == SC_BK_FORM ? "form field" : "image placeholder";
		f->neutral = b->kind != SC_BK_FORM;
		return;
	}
	if (b->link_density > 0.2f) {	/* jusText MAX_LINK_DENSITY (HTML path) */
		f->cf = SC_CLS_BAD;
		f->reason = "link density";
		return;
	}
	if (f->copyright) {
		f->cf = SC_CLS_BAD;
		f->reason = "copyright sign";
		return;
	}
	/* Script or style text leaked into the dump: prose has almost none of these. */
	if (f->code >= 4 && f->code * 30 > f->chars) {
		f->cf = SC_CLS_BAD;
		f->reason = "code or markup";
		return;
	}
	if (f->letters == 0 || f->words == 0) {
		f->cf = SC_CLS_BAD;
		f->reason = "no letters";
		f->neutral = f->digits == 0;
		return;
	}
	if (f->glued) {
		f->cf = SC_CLS_BAD;
		f->reason = "teaser title glued to its summary";
		return;
	}
	if (f->credit) {
		f->cf = SC_CLS_BAD;
		f->reason = "caption credit";
		return;
	}
	/* Link proxies: URLs, handles and separators in a line that is mostly them. */
	if (f->urls > 0 && f->chars < 40u * f->urls + 60) {
		f->cf = SC_CLS_BAD;
		f->reason = "URL";
		return;
	}
	if (f->seps >= 2 && f->chars < LENGTH_HIGH && !f->end_punct) {
		f->cf = SC_CLS_BAD;
		f->reason = "separators (menu or breadcrumb)";
		return;
	}
	if (f->handles >= 2 && f->words < 4 * f->handles) {
		f->cf = SC_CLS_BAD;
		f->reason = "handles or hashtags";
		return;
	}
	if (f->chars < P.length_low) {
		/*
		 * Menu entries are bulleted, short and capitalised ("Home",
		 * "World News"); an article's list items read as text.
		 */
		if ((b->flags & SC_BF_BULLET) && !f->end_punct &&
		    (P.menu_strict == 0 || f->words <= 2 ||
		    (f->words <= P.menu_words && f->cap_words * 10 >= f->words * 8))) {
			f->cf = SC_CLS_BAD;
			f->reason = "short list item (menu)";
			return;
		}
		if (f->digits * 2 > f->letters + f->digits) {
			f->cf = SC_CLS_BAD;
			f->reason = "mostly digits (date, counter)";
			return;
		}
		if (f->caps_words >= 2 && f->caps_words * 2 > f->words && !f->end_punct) {
			f->cf = SC_CLS_BAD;
			f->reason = "all caps";
			return;
		}
		/*
		 * A short sentence thick with stopwords (a line of dialogue, a
		 * question and its answer) is prose, if a small one.
		 */
		if (P.short_sentence > 0 && has_list && f->end_punct && !f->end_ellipsis &&
		    f->words >= P.short_sentence && d >= hi) {
			f->cf = SC_CLS_NEARGOOD;
			f->reason = "short sentence, stopword-rich";
			return;
		}
		f->cf = SC_CLS_SHORT;
		f->reason = "short";
		return;
	}
	if (!has_list) {
		/* No stoplist for the language: punctuation and length decide. */
		if (f->end_punct && f->chars >= LENGTH_HIGH) {
			f->cf = SC_CLS_GOOD;
			f->reason = "long sentence (no stoplist)";
		} else if (f->end_punct) {
			f->cf = SC_CLS_NEARGOOD;
			f->reason = "sentence (no stoplist)";
		} else {
			f->cf = SC_CLS_BAD;
			f->reason = "no end punctuation (no stoplist)";
		}
		return;
	}
	if (d >= hi) {
		/* A whole sentence of some length is as good as a long block. */
		if (f->chars > LENGTH_HIGH || (f->end_punct && f->words >= P.sentence_words)) {
			f->cf = SC_CLS_GOOD;
			f->reason = "long, stopword-rich";
		} else {
			f->cf = SC_CLS_NEARGOOD;
			f->reason = "stopword-rich";
		}
	} else if (d >= lo) {
		f->cf = SC_CLS_NEARGOOD;
		f->reason = "some stopwords";
	} else if (f->end_punct && f->chars >= P.lowstop_chars && d >= lo * P.lowstop_share) {
		/* Long sentences with few stopwords: names, numbers, terse news. */
		f->cf = SC_CLS_NEARGOOD;
		f->reason = "long sentence, few stopwords";
	} else {
		f->cf = SC_CLS_BAD;
		f->reason = "few stopwords";
	}
	/*
	 * Prose without a sentence end, however long, is a teaser title, a
	 * list or a photo caption ("WASHINGTON, DC - NOVEMBER 19: ..."); an
	 * article's paragraphs end their sentences.
	 */
	if (f->cf == SC_CLS_GOOD && !f->end_punct && !f->end_colon) {
		f->cf = SC_CLS_NEARGOOD;
		f->reason = "no end punctuation";
	}
}

/*
 * The k-th smallest of v[0..m) (what v[k] is once sorted), moving the
 * others about: Wirth's selection, not a sort of the whole (qsort's
 * merge sort and its calls to a comparison, for one value a document).
 */
static double
kth_smallest(double *v, size_t m, size_t k)
{
	ptrdiff_t l = 0, r = (ptrdiff_t)m - 1, kk = (ptrdiff_t)k;

	while (l < r) {
		const double x = v[kk];
		ptrdiff_t i = l, j = r;

		do {
			while (v[i] < x)
				i++;
			while (x < v[j])
				j--;
			if (i <= j) {
				const double t = v[i];

				v[i] = v[j];
				v[j] = t;
				i++;
				j--;
			}
		} while (i <= j);
		if (j < kk)
			l = i;
		if (kk < i)
			r = j;
	}
	return v[kk];
}

#ifdef SC_CHECK_WORDS
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}
#endif

/*
 * Stoplists differ in size and languages in how many stopwords their
 * prose has: jusText's fixed thresholds suit English and German, while
 * Polish news prose scores half as much with its list.  The document's
 * own sentences (lines with a sentence end and ten words or more) give
 * the scale: when their upper quartile of density falls below the
 * reference, the thresholds shrink in proportion.
 */
static void
calibrate(struct sc_strip *s, size_t n)
{
	size_t i, m = 0;
	double base;

	s->scale = 1.0;
	if (s->sl == NULL || s->cjk_lang || P.ref_density <= 0)
		return;
	if (n > s->dcap) {
		free(s->dens);
		s->dcap = n;
		s->dens = xreallocarray(NULL, n, sizeof *s->dens);
	}
	for (i = 0; i < n; i++)
		if (s->f[i].end_punct && s->f[i].words >= 10 && s->f[i].rule == SC_RULE_NONE)
			s->dens[m++] = s->f[i].density;
	if (m < 3)
		return;
#ifdef SC_CHECK_WORDS
	{
		/* Debug builds: the selection is the sort's. */
		double *ref = xreallocarray(NULL, m, sizeof *ref);

		memcpy(ref, s->dens, m * sizeof *ref);
		qsort(ref, m, sizeof *ref, cmp_double);
		base = kth_smallest(s->dens, m, m * 3 / 4);
		if (base != ref[m * 3 / 4]) {
			fprintf(stderr, "kth_smallest differs: %g %g\n", base, ref[m * 3 / 4]);
			abort();
		}
		free(ref);
	}
#else
	base = kth_smallest(s->dens, m, m * 3 / 4);
#endif
	if (base < P.ref_density)
		s->scale = base / P.ref_density < P.min_scale ? P.min_scale : base / P.ref_density;
}

/*
 * jusText's context-sensitive pass, in five sweeps over the blocks
 * without a branch on their classes (as unpredictable as the text: a
 * search of the neighbours for each short block, and a loop that skipped
 * the blocks of other classes, mispredicted 80,000 times on 2 MB).
 *
 * jusText asks, for a short block, the class of the nearest block before
 * and after it that is good or bad (its neighbour "ignoring near-good"),
 * and that is good, bad or near-good; for a near-good block, the first of
 * those.  Blocks of the class being resolved are skipped by the search,
 * resolved or not, so those classes are the ones before the pass, and a
 * sweep carries the answer: forward for the neighbours before, backward
 * (into nbr[]) for those after.  The document's edges count as bad.
 * A heading is near-good when a good block follows it within
 * MAX_HEADING_DISTANCE characters of text: a backward sweep carries the
 * characters up to the next good block.
 */
static inline int
is_gb(int c)
{
	return c == SC_CLS_GOOD || c == SC_CLS_BAD;
}

/*
 * The sweeps' steps, by table (smooth_init): a short block's class and
 * the neighbours the next one sees, at short_step[c | p1 << 2 | p0 << 4 |
 * n1 << 6 | n0 << 8] (c the block's class; p1, p0 its neighbours before,
 * ignoring near-good or not; n1, n0 after), the class in the low two bits
 * and p1 | p0 << 2 above; a near-good block's at ng_step[c | p1 << 2 |
 * n1 << 4], the class and p1 << 2; the neighbours a backward sweep
 * carries past a block of class c, at back_step[c | n1 << 2 | n0 << 4].
 */
static uint8_t short_step[1 << 10], ng_step[1 << 6], back_step[1 << 6];
static int smooth_ready;

static void
smooth_init(void)
{
	int k;

	for (k = 0; k < 1 << 10; k++) {
		const int c = k & 3, p1 = k >> 2 & 3, p0 = k >> 4 & 3, n1 = k >> 6 & 3,
		    n0 = k >> 8 & 3;
		int r = c;

		if (c == SC_CLS_SHORT) {
			if (p1 == SC_CLS_GOOD && n1 == SC_CLS_GOOD)
				r = SC_CLS_GOOD;
			else if (p1 == SC_CLS_BAD && n1 == SC_CLS_BAD)
				r = SC_CLS_BAD;
			else if (p1 == SC_CLS_BAD && p0 == SC_CLS_NEARGOOD)
				r = SC_CLS_GOOD;
			else if (n1 == SC_CLS_BAD && n0 == SC_CLS_NEARGOOD)
				r = SC_CLS_GOOD;
			else
				r = SC_CLS_BAD;
		}
		short_step[k] = (uint8_t)(r | (is_gb(c) ? c : p1) << 2 |
		    (c != SC_CLS_SHORT ? c : p0) << 4);
	}
	for (k = 0; k < 1 << 6; k++) {
		const int c = k & 3, p1 = k >> 2 & 3, n1 = k >> 4 & 3;
		const int r = p1 == SC_CLS_BAD && n1 == SC_CLS_BAD ? SC_CLS_BAD : SC_CLS_GOOD;

		ng_step[k] = (uint8_t)((c == SC_CLS_NEARGOOD ? r : c) |
		    (c != SC_CLS_NEARGOOD ? c : p1) << 2);
	}
	for (k = 0; k < 1 << 6; k++) {
		const int c = k & 3, n1 = k >> 2 & 3, n0 = k >> 4 & 3;

		back_step[k] = (uint8_t)((is_gb(c) ? c : n1) | (c != SC_CLS_SHORT ? c : n0) << 2);
	}
	smooth_ready = 1;
}

static void
smooth(struct sc_strip *s, const struct sc_blocks *bs)
{
	struct feat *f = s->f;
	uint8_t *nbr = s->nbr;
	size_t n = bs->n, i, dist;
	unsigned st, good;

	if (!smooth_ready)
		smooth_init();
	/*
	 * Headings: a short heading followed closely by good text (by its own
	 * measure) is near-good.  And the neighbours after each block that a
	 * short one asks for, with that class.
	 */
	dist = 0;
	good = 0;
	st = SC_CLS_BAD | SC_CLS_BAD << 2;
	for (i = n; i-- > 0; ) {
		const unsigned cf = f[i].cf, cfgood = cf == SC_CLS_GOOD;
		/* By a mask: the compiler made a branch of each && in a ?:. */
		const unsigned near = (f[i].heading != 0) & (cf == SC_CLS_SHORT) & good &
		    (dist <= MAX_HEADING_DISTANCE);
		const unsigned c = cf ^ ((cf ^ SC_CLS_NEARGOOD) & -near);

		f[i].cls = (uint8_t)c;
		nbr[i] = (uint8_t)st;
		st = back_step[c | st << 2];
		good |= cfgood;
		dist = (dist + f[i].chars) & ((size_t)cfgood - 1);
	}
	/* Short blocks take their neighbours' class. */
	st = SC_CLS_BAD | SC_CLS_BAD << 2;
	for (i = 0; i < n; i++) {
		const unsigned v = short_step[f[i].cls | st << 2 | (unsigned)nbr[i] << 6];

		f[i].cls = (uint8_t)(v & 3);
		st = v >> 2;
	}
	/* Near-good blocks are bad only between bad ones. */
	st = SC_CLS_BAD;
	for (i = n; i-- > 0; ) {
		nbr[i] = (uint8_t)st;
		st = ng_step[f[i].cls | st << 2] >> 2;
	}
	st = SC_CLS_BAD;
	for (i = 0; i < n; i++) {
		const unsigned v = ng_step[f[i].cls | st << 2 | (unsigned)nbr[i] << 4];

		f[i].cls = (uint8_t)(v & 3);
		st = v >> 2;
	}
	/*
	 * Headings again: bad by context but not by themselves, good text
	 * close after (by the classes before this sweep).
	 */
	dist = 0;
	good = 0;
	for (i = n; i-- > 0; ) {
		const unsigned c = f[i].cls, cgood = c == SC_CLS_GOOD;
		const unsigned up = (f[i].heading != 0) & (c == SC_CLS_BAD) &
		    (f[i].cf != SC_CLS_BAD) & good & (dist <= MAX_HEADING_DISTANCE);

		f[i].cls = (uint8_t)(c | (SC_CLS_GOOD & -up));
		good |= cgood;
		dist = (dist + f[i].chars) & ((size_t)cgood - 1);
	}
}

/* ------------------------------------------------------------ captions */

/*
 * Text browsers print an image as its alt text followed by "[name]"
 * (w3m: "Apple's new laptop[33622-5947]"); the caption under it often
 * repeats the alt text.  Both are furniture of the picture, not prose.
 */
static size_t
alt_text_len(const char *p, size_t n)
{
	size_t i;

	if (n < 5 || p[n - 1] != ']')
		return 0;
	for (i = n - 1; i-- > 0; ) {
		if (p[i] == '[')
			break;
		if (p[i] == ' ' || p[i] == ']')
			return 0;
	}
	if (i == (size_t)-1 || i == 0 || n - i < 4)
		return 0;
	return i;
}

static void rep_reset(struct sc_strip *s, size_t n);
static size_t rep_first(struct sc_strip *s, uint64_t key, size_t i);

/*
 * A line that is not prose and comes back again and again in the page
 * (the same photo credit under every picture, a "Share" bar after every
 * section) is furniture like an image: it says nothing about where the
 * article is, so it must not split the article region.  Menu entries
 * recur as well and must keep their weight: five words at least.
 */
/* Room for n blocks in mark_repeated_furniture's counts and drop_teasers' symbols. */
static void
furniture_room(struct sc_strip *s, size_t n)
{
	if (n > s->fscap) {
		s->fscap = n + n / 2;
		s->fcnt = xreallocarray(s->fcnt, s->fscap, sizeof *s->fcnt);
		s->tsym = xreallocarray(s->tsym, s->fscap, sizeof *s->tsym);
	}
}

static void
mark_repeated_furniture(struct sc_strip *s, size_t n)
{
	struct feat *f = s->f;
	uint32_t *cnt;
	size_t i;

	if (P.repeat_neutral <= 0 || n < 3)
		return;
	furniture_room(s, n);
	cnt = s->fcnt;
	memset(cnt, 0, n * sizeof *cnt);
	rep_reset(s, n);
	for (i = 0; i < n; i++)
		if (f[i].words > 0)
			cnt[rep_first(s, f[i].key, i)]++;
	for (i = 0; i < n; i++) {
		/*
		 * Menu entries recur too, but they are short.  One branch for
		 * the three tests (each alone was as the text has it).
		 */
		if ((f[i].words < 5) | (f[i].cf != SC_CLS_BAD) | (f[i].rule != SC_RULE_NONE))
			continue;
		if (cnt[rep_first(s, f[i].key, i)] >= P.repeat_neutral) {
			f[i].neutral = 1;
			f[i].reason = "repeated furniture";
		}
	}
}

static void
mark_image_captions(struct feat *f, const struct sc_blocks *bs)
{
	size_t i;

	for (i = 0; i < bs->n; i++) {
		struct sc_text t = sc_block_text(bs, &bs->v[i]);
		size_t alt = alt_text_len(t.p, t.len), j;

		if (alt == 0 || f[i].rule == SC_RULE_KEEP)
			continue;
		/* lynx puts a space between the alt text and "[name.jpg]". */
		while (alt > 1 && t.p[alt - 1] == ' ')
			alt--;
		f[i].cf = SC_CLS_BAD;
		f[i].neutral = 1;
		f[i].reason = "image with alt text";
		/* The caption: the next block, if it says the same. */
		j = i + 1;
		if (j < bs->n) {
			struct sc_text u = sc_block_text(bs, &bs->v[j]);

			if (u.len >= alt && memcmp(u.p, t.p, alt) == 0 && f[j].rule != SC_RULE_KEEP &&
			    u.len < alt + 40) {
				f[j].cf = SC_CLS_BAD;
				f[j].neutral = 1;
				f[j].reason = "image caption";
			}
		}
	}
}

/* ------------------------------------------------------------- teasers */

/*
 * Teaser lists: "title / byline or date / summary" units one after the
 * other (the issue's title + summary + author triples).  Article sections
 * (subheading, paragraphs) look alike but carry no byline per unit, so a
 * run counts only when it has at least TEASER_MIN_UNITS units and at
 * least two of them name someone or a date.
 */
#define TEASER_MIN_UNITS 3

enum { SYM_SKIP, SYM_TITLE, SYM_NAME, SYM_PROSE, SYM_OTHER };

static int
teaser_symbol(const struct feat *f)
{
	if (f->rule == SC_RULE_DROP)
		return SYM_SKIP;	/* share buttons and the like between units */
	if (f->cf == SC_CLS_GOOD || (f->cf == SC_CLS_NEARGOOD && f->end_punct && !f->end_question))
		return SYM_PROSE;
	if (f->words >= 1 && f->words <= 6 && f->chars < 60 && !f->end_punct &&
	    (f->cap_words * 2 >= f->words || f->digits > 0))
		return SYM_NAME;
	if (f->words >= 3 && f->words <= 30 && f->chars < LENGTH_HIGH + 40 &&
	    (!f->end_punct || f->end_ellipsis || f->end_question))
		return SYM_TITLE;
	if (P.teaser_short && f->cf == SC_CLS_SHORT && f->end_punct && f->words >= 4)
		return SYM_PROSE;
	return SYM_OTHER;
}

/* Length in blocks of the unit T N* P N* starting at i, 0 if none; *named set. */
static size_t
teaser_unit(const struct feat *f, const uint8_t *sym, size_t n, size_t i, int *named)
{
	size_t j = i;

	*named = 0;
	if (sym[j] != SYM_TITLE)
		return 0;
	/*
	 * A title and a second title line (the same one again from an image's
	 * alt text, which marks a teaser as a byline does, or a kicker).
	 */
	if (j + 1 < n && sym[j + 1] == SYM_TITLE) {
		*named = f[j + 1].key == f[j].key;
		j++;
	}
	for (j++; j < n && (sym[j] == SYM_SKIP || sym[j] == SYM_NAME); j++)
		*named |= sym[j] == SYM_NAME;
	if (j >= n || sym[j] != SYM_PROSE)
		return 0;
	/* Two paragraphs in a row are an article (or its start), not a teaser. */
	if (j + 1 < n && sym[j + 1] == SYM_PROSE)
		return 0;
	for (j++; j < n && (sym[j] == SYM_SKIP || sym[j] == SYM_NAME); j++)
		*named |= sym[j] == SYM_NAME;
	return j - i;
}

static void
drop_teasers(struct sc_strip *s, size_t n)
{
	struct feat *f = s->f;
	uint8_t *sym;
	size_t i = 0, k;

	if (n < 3 * TEASER_MIN_UNITS)
		return;
	furniture_room(s, n);
	sym = s->tsym;
	for (i = 0; i < n; i++) {
		sym[i] = (uint8_t)teaser_symbol(&f[i]);
		/*
		 * A line of program code between paragraphs ("resp =
		 * requests.get(url)") is a tutorial's, not a headline; file
		 * names with underscores (an image's) are not code.
		 */
		if (sym[i] == SYM_TITLE && f[i].code >= 2) {
			struct sc_text t = sc_block_text(s->cur, &s->cur->v[i]);

			if (memchr(t.p, '=', t.len) != NULL || memchr(t.p, '{', t.len) != NULL ||
			    memchr(t.p, '}', t.len) != NULL)
				sym[i] = SYM_OTHER;
		}
	}
	i = 0;
	while (i < n) {
		size_t j = i, units = 0, len;
		int named, nnamed = 0;

		while (j < n && (len = teaser_unit(f, sym, n, j, &named)) > 0) {
			units++;
			nnamed += named;
			j += len;
		}
		if (units >= TEASER_MIN_UNITS && nnamed >= 2) {
			for (k = i; k < j; k++) {
				if (f[k].rule != SC_RULE_NONE)
					continue;
				f[k].cf = f[k].cls = SC_CLS_BAD;
				f[k].drop_why = WHY_TEASER;
				f[k].reason = "teaser list";
			}
			i = j;
		} else {
			i++;
		}
	}
}

/* ---------------------------------------------------------- repetition */

static void
rep_reset(struct sc_strip *s, size_t n)
{
	size_t want = 64;

	while (want < n * 2)
		want *= 2;
	if (want > s->rcap) {
		free(s->rkeys);
		free(s->rvals);
		s->rkeys = xcalloc(want, sizeof *s->rkeys);
		s->rvals = xcalloc(want, sizeof *s->rvals);
		s->rcap = want;
	} else {
		/*
		 * Only the part this document uses: one large page must
		 * not make every later one clear the whole table.
		 */
		memset(s->rkeys, 0, want * sizeof *s->rkeys);
	}
	s->rsize = want;
}

/* Index of the first block with this key, inserting i if new. */
static size_t
rep_first(struct sc_strip *s, uint64_t key, size_t i)
{
	size_t m = s->rsize - 1, j;

	if (key == 0)
		key = 1;
	for (j = (size_t)(key ^ (key >> 31)) & m; s->rkeys[j] != 0; j = (j + 1) & m)
		if (s->rkeys[j] == key)
			return s->rvals[j];
	s->rkeys[j] = key;
	s->rvals[j] = (uint32_t)i;
	return i;
}

/*
 * The words of a block as the near-repeat test sees them: runs of
 * letters and digits (a CJK character ends its run), each an FNV-1a hash
 * of its folded characters.  At most max; measure() reads the same.
 */
static size_t
shingle_words(const char *p, size_t n, uint64_t *out, size_t max)
{
	size_t i = 0, nw = 0;

	while (i < n && nw < max) {
		uint32_t c = 0;
		size_t k;
		uint64_t h = 0xcbf29ce484222325ULL;
		int any = 0;

		for (;;) {
			unsigned char b;

			if (i >= n)
				break;
			b = (unsigned char)p[i];
			if (ascii_class[b] & AC_ALNUM) {
				/* An ASCII word, or more of one: the common case. */
				do {
					h = (h ^ ascii_fold[(unsigned char)p[i]]) * 0x100000001b3ULL;
					i++;
				} while (i < n && (ascii_class[(unsigned char)p[i]] & AC_ALNUM));
				any = 1;
				continue;
			}
			if (b < 0x80) {
				if (any)
					break;
				i++;
				continue;
			}
			k = sc_ucd_next(p, i, n, &c);
			if (!is_letter_cat(category(c))) {
				if (any)
					break;
				i += k;
				continue;
			}
			h = (h ^ fold_cp(c)) * 0x100000001b3ULL;
			any = 1;
			i += k;
			if (sc_is_cjk(c))
				break;	/* one character, one "word" */
		}
		if (!any)
			break;
		out[nw++] = h;
	}
	return nw;
}

/*
 * The word 3-gram hash of a block's words (shingle_words) that ends at
 * word w[2]; drop_repeats takes the first NEAR_MAX_SHINGLES of a block.
 */
static inline uint64_t
shingle_at(const uint64_t *w)
{
	return (w[0] * 0x9E3779B97F4A7C15ULL) ^ (w[1] * 0xC2B2AE3D27D4EB4FULL) ^ w[2];
}

/*
 * The key of a shingle in drop_repeats' table: its hash h (not 0) with
 * the high bits folded onto the low ones (a bijection, so that keys are
 * equal when hashes are), worked out once; a key's first slot is its low
 * bits (sh_slot), which each shingle's probe and the prefetch SH_AHEAD
 * before it take.
 */
#define SH_AHEAD 16

static inline uint64_t
sh_key(uint64_t h)
{
	return h ^ (h >> 29);
}

static inline size_t
sh_slot(uint64_t key, size_t cap)
{
	return (size_t)key & (cap - 1);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}


static void
pair_add(struct pairs *p, uint32_t a, uint32_t b)
{
	uint64_t key = ((uint64_t)a << 32 | b) + 1;
	size_t j, m;

	if (a == b)
		return;
	if ((p->n + 1) * 2 > p->kcap) {
		size_t k;

		free(p->keys);
		free(p->idx);
		p->kcap = p->kcap ? p->kcap * 2 : 256;
		p->keys = xcalloc(p->kcap, sizeof *p->keys);
		p->idx = xcalloc(p->kcap, sizeof *p->idx);
		for (k = 0; k < p->n; k++) {
			uint64_t kk = ((uint64_t)p->v[k].a << 32 | p->v[k].b) + 1;

			m = p->kcap - 1;
			for (j = (size_t)(kk * 0x9E3779B97F4A7C15ULL >> 20) & m; p->keys[j]; j = (j + 1) & m)
				;
			p->keys[j] = kk;
			p->idx[j] = (uint32_t)k;
		}
	}
	m = p->kcap - 1;
	for (j = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & m; p->keys[j]; j = (j + 1) & m) {
		if (p->keys[j] == key) {
			p->v[p->idx[j]].count++;
			return;
		}
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->keys[j] = key;
	p->idx[j] = (uint32_t)p->n;
	p->v[p->n].a = a;
	p->v[p->n].b = b;
	p->v[p->n].count = 1;
	p->n++;
}

static int
cmp_pair(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}


/*
 * Blocks repeated in the document are kept once.  Exact repeats (same
 * folded words) keep the first copy.  Near repeats (80% of the shorter
 * one's word 3-grams in the longer) keep the cleaner copy: of two copies
 * of about the same size the shorter (the longer carries a site prefix or
 * a byline), but an excerpt much shorter than its source, or one that
 * ends in an ellipsis, is the copy that goes (a pull quote, a teaser).
 */
static void
drop_repeats(struct sc_strip *s, const struct sc_blocks *bs, struct sc_strip_result *res)
{
	struct feat *f = s->f;
	size_t n = bs->n, i, ncand = 0, nall = 0, capall = 0, full;
	size_t *cand, *nsh, used = 0, pk, nshall, at;
	uint64_t *tmp;
	struct shslot *sh;
	uint32_t ep;
	struct pairs *pairs = &s->pairs;

	rep_reset(s, n);
	for (i = 0; i < n; i++) {
		size_t first;

		if (!f[i].keep || f[i].words == 0)
			continue;
		first = rep_first(s, f[i].key, i);
		if (first != i && f[first].keep) {
			f[i].keep = 0;
			f[i].drop_why = WHY_REPEAT;
			f[i].reason = "repeats an earlier block";
			res->by_repeat++;
		}
	}
	/*
	 * Near repeats among the kept blocks long enough to judge.  A table
	 * maps each shingle to the first block that had it, so only pairs
	 * that share shingles are ever counted (no quadratic loop).
	 */
	if (n > s->rccap) {
		s->rccap = n + n / 2;
		s->rcand = xreallocarray(s->rcand, s->rccap, sizeof *s->rcand);
		s->rnsh = xreallocarray(s->rnsh, s->rccap, sizeof *s->rnsh);
	}
	cand = s->rcand;
	for (i = 0; i < n; i++)
		if (f[i].keep && f[i].words >= NEAR_MIN_WORDS)
			cand[ncand++] = i;
	if (ncand < 2)
		return;
	nsh = s->rnsh;
	for (i = 0; i < ncand; i++)
		nall += f[cand[i]].words < NEAR_MAX_SHINGLES ? f[cand[i]].words : NEAR_MAX_SHINGLES;
	/*
	 * The table takes at most full / 2 shingles, and those past that
	 * are not counted: full is the power of two >= 2 nall (nall counts
	 * words, and a CJK character is a shingle word but no word of
	 * f.words, so a block of CJK text can fill it).  Its size is twice
	 * that, so it is at most a quarter full: at half, the probes ran
	 * into other shingles and their test mispredicted more.
	 */
	full = 64;
	while (full < nall * 2)
		full *= 2;
	capall = full * 2;
	/*
	 * The shingle table is kept from one document to the next (a large
	 * calloc is an mmap and its page faults each time), and not cleared
	 * either: a slot is taken when its stamp is this document's epoch,
	 * the other columns are written on insertion.  Clearing the keys
	 * was a memset of 16 bytes a word of every document with two
	 * candidates, more than the probes of its shingles cost.
	 */
	if (capall > s->shcap) {
		sc_table_free(s->sh, s->shcap * sizeof *s->sh);
		s->shcap = capall;
		s->sh = sc_table_alloc(capall * sizeof *s->sh);
		s->shepoch = 0;
	}
	if (++s->shepoch == 0) {
		memset(s->sh, 0, s->shcap * sizeof *s->sh);
		s->shepoch = 1;
	}
	ep = s->shepoch;
	sh = s->sh;
	if (s->rtmp == NULL)
		s->rtmp = xreallocarray(NULL, SHINGLE_WORDS, sizeof *s->rtmp);
	tmp = s->rtmp;
	pairs->n = 0;
	/*
	 * The shingles of all candidates first (nsh[i]: how many of each
	 * for now), then the probes: the table is larger than the cache,
	 * and the slot of the shingle SH_AHEAD on, in this block or the
	 * next, is fetched while one is probed.
	 */
	nshall = 0;
	for (i = 0; i < ncand; i++) {
		struct sc_text t = sc_block_text(bs, &bs->v[cand[i]]);
		const uint64_t *wv;
		size_t k, m, nw = s->swn[cand[i]];

		/*
		 * The words measure() read, or the memo kept, or (a line the
		 * memo had without them, or has no more: its offset is not to
		 * be added to a pointer) read them now.
		 */
		if (s->swoff[cand[i]] == SIZE_MAX || (s->swoff[cand[i]] & SW_MEMO &&
		    s->swgen[cand[i]] != s->mgen)) {
			nw = shingle_words(t.p, t.len, tmp, SHINGLE_WORDS);
			wv = tmp;
		} else if (s->swoff[cand[i]] & SW_MEMO)
			wv = s->msw + (s->swoff[cand[i]] & ~SW_MEMO);
		else
			wv = s->sw + s->swoff[cand[i]];
#ifdef SC_CHECK_WORDS
		if (wv != tmp && (shingle_words(t.p, t.len, tmp, SHINGLE_WORDS) != nw ||
		    memcmp(tmp, wv, nw * sizeof *wv) != 0)) {
			fprintf(stderr, "kept shingle words differ: %.*s\n", (int)t.len, t.p);
			abort();
		}
#endif
		m = nw < 3 ? 0 : nw - 2 < NEAR_MAX_SHINGLES ? nw - 2 : NEAR_MAX_SHINGLES;
		if (nshall + m > s->rshcap) {
			s->rshcap = (nshall + m) * 2;
			s->rsh = xreallocarray(s->rsh, s->rshcap, sizeof *s->rsh);
		}
		for (k = 0; k < m; k++) {
			const uint64_t h0 = shingle_at(wv + k);

			s->rsh[nshall + k] = sh_key(h0 ? h0 : 1);
		}
		nshall += m;
		nsh[i] = m;
	}
	for (at = 0; at < nshall && at < SH_AHEAD; at++)
		__builtin_prefetch(&sh[sh_slot(s->rsh[at], capall)]);
	at = 0;
	for (i = 0; i < ncand; i++) {
		size_t k, m = nsh[i], u = 0;

		for (k = 0; k < m; k++, at++) {
			const uint64_t h = s->rsh[at];
			size_t j = sh_slot(h, capall);

			if (at + SH_AHEAD < nshall)
				__builtin_prefetch(&sh[sh_slot(s->rsh[at + SH_AHEAD], capall)]);
			while (sh[j].stamp == ep && sh[j].key != h)
				j = (j + 1) & (capall - 1);
			if (sh[j].stamp != ep) {
				if (used * 2 >= full)
					continue;	/* full: more shingles than words (CJK) */
				sh[j].stamp = ep;
				sh[j].key = h;
				sh[j].owner = (uint32_t)i;
				sh[j].last = (uint32_t)i + 1;
				used++;
				u++;
				continue;
			}
			if (sh[j].last == i + 1)
				continue;	/* the same shingle twice in this block */
			sh[j].last = (uint32_t)i + 1;
			u++;
			pair_add(pairs, sh[j].owner, (uint32_t)i);
		}
		nsh[i] = u;
	}
	/* The pairs' keys go, for the next document: the table is empty again. */
	for (pk = 0; pk < pairs->n; pk++) {
		uint64_t kk = ((uint64_t)pairs->v[pk].a << 32 | pairs->v[pk].b) + 1;
		size_t j, mk = pairs->kcap - 1;

		for (j = (size_t)(kk * 0x9E3779B97F4A7C15ULL >> 20) & mk; pairs->keys[j] != kk;
		    j = (j + 1) & mk)
			;
		pairs->keys[j] = 0;
	}
	if (pairs->n > 1)
		qsort(pairs->v, pairs->n, sizeof *pairs->v, cmp_pair);
	for (i = 0; i < pairs->n; i++) {
		size_t pi = pairs->v[i].a, pj = pairs->v[i].b;
		size_t a = cand[pi], b = cand[pj], small, big, loser;
		size_t mn = nsh[pi] < nsh[pj] ? nsh[pi] : nsh[pj];

		if (!f[a].keep || !f[b].keep || mn < 3 || pairs->v[i].count * 10 < mn * 8)
			continue;
		if (nsh[pi] <= nsh[pj]) {
			small = a;
			big = b;
		} else {
			small = b;
			big = a;
		}
		if (f[small].end_ellipsis || f[small].words * 10 < f[big].words * 6)
			loser = small;
		else
			loser = big;
		f[loser].keep = 0;
		f[loser].drop_why = WHY_REPEAT;
		f[loser].reason = loser == small ? "excerpt of another block" :
		    "near repeat of a cleaner block";
		res->by_repeat++;
	}
}

/* -------------------------------------------------------------- region */

/*
 * After a list header at m: whether the article resumes after a short
 * list (at most LIST_MAX_ITEMS blocks that are not prose), with two
 * paragraphs of prose in a row, which teaser lists (title, summary,
 * title, summary ...) do not have.  Returns where it resumes, or 0.
 */
#define LIST_MAX_ITEMS 8

static size_t
list_resumes(const struct feat *f, size_t m, size_t end)
{
	size_t j, k, items = 0;

	for (j = m + 1; j < end && items <= LIST_MAX_ITEMS; j++) {
		if (f[j].rule == SC_RULE_CUT || f[j].rule == SC_RULE_LIST)
			return 0;
		if (f[j].cf != SC_CLS_GOOD) {
			items++;
			continue;
		}
		for (k = j + 1; k < end && f[k].cf == SC_CLS_BAD && f[k].rule == SC_RULE_DROP; k++)
			;
		if (k < end && (f[k].cf == SC_CLS_GOOD ||
		    (f[k].cf == SC_CLS_NEARGOOD && f[k].end_punct)))
			return j;
		return 0;
	}
	return 0;
}

static double
block_value(const struct feat *f)
{
	double v;

	switch (f->cf) {
	case SC_CLS_GOOD:
		/*
		 * Articles are paragraphs; forms, widgets and consent dialogs
		 * are runs of one-sentence lines.  Short good blocks may count
		 * for less than their length.
		 */
		v = f->chars;
		if (f->chars < P.good_full)
			v *= P.good_floor + (1 - P.good_floor) * f->chars / P.good_full;
		return v;
	case SC_CLS_NEARGOOD:
		return (f->cls == SC_CLS_GOOD ? P.ng_weight : -P.ng_weight) * f->chars;
	case SC_CLS_SHORT:
		return f->cls == SC_CLS_GOOD ? 0 : -(f->chars > P.short_pen ? f->chars : P.short_pen);
	default:
		/* Images, rules and empty lines say nothing about where the article is. */
		if (f->neutral)
			return -P.neutral_pen;
		v = P.bad_mult * f->chars;
		if (v < P.short_pen)
			v = P.short_pen;
		if (v > P.bad_cap)
			v = P.bad_cap;
		return -v;
	}
}

/*
 * The same, but near-good sentences count for their share whatever
 * their neighbours made of them (looking for a short article above its
 * comments).
 */
static double
best_run_opt(const struct feat *f, size_t lo, size_t hi, size_t *ra, size_t *rb)
{
	double best = 0, cur = 0;
	size_t i, start = lo, ba = lo, bb = lo;

	for (i = lo; i < hi; i++) {
		double v = block_value(&f[i]);

		if (f[i].cf == SC_CLS_NEARGOOD && f[i].rule == SC_RULE_NONE &&
		    f[i].words >= P.sentence_words)
			v = P.ng_weight * f[i].chars;
		if (cur <= 0) {
			cur = v;
			start = i;
		} else {
			cur += v;
		}
		if (cur > best) {
			best = cur;
			ba = start;
			bb = i + 1;
		}
	}
	*ra = ba;
	*rb = bb;
	return best;
}

/* The maximum-sum run of block values within [lo, hi); returns its sum. */
static double
best_run(const struct feat *f, size_t lo, size_t hi, size_t *ra, size_t *rb)
{
	double best = 0, cur = 0;
	size_t i, start = lo, ba = lo, bb = lo;

	for (i = lo; i < hi; i++) {
		double v = block_value(&f[i]);

		if (cur <= 0) {
			cur = v;
			start = i;
		} else {
			cur += v;
		}
		if (cur > best) {
			best = cur;
			ba = start;
			bb = i + 1;
		}
	}
	*ra = ba;
	*rb = bb;
	return best;
}

static int
is_marker(const struct feat *f)
{
	return f->rule == SC_RULE_CUT || f->rule == SC_RULE_LIST;
}

static void
drop_list_items(struct feat *f, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (f[i].cls == SC_CLS_GOOD) {
			f[i].cls = SC_CLS_BAD;
			f[i].drop_why = WHY_TEASER;
			f[i].reason = "item of an inline list";
		}
	}
}

/*
 * The article region: the best run of the whole document (Kadane); then
 * its end-of-article markers, in order, once some content was seen: a
 * list header the article resumes after (an inline "Related" box) only
 * loses its items; a comment-section marker ends the region (comment
 * threads are prose too, and can outweigh their article); any other
 * list header splits the region and the better side stays (a header menu
 * of teasers often ends at a "Latest" marker, with the article after it).
 */
static void
best_region(struct feat *f, size_t n, size_t *ra, size_t *rb, size_t *cut)
{
	size_t i, j, a, b, words = 0;
	double total;

	total = best_run(f, 0, n, ra, rb);
	/*
	 * A run that starts after a comment-section marker which follows the
	 * article is a comment thread or the teasers below: the run before
	 * the marker wins unless it is much smaller.
	 */
	for (i = 0; i < *ra; i++) {
		if (f[i].cls == SC_CLS_GOOD)
			words += f[i].words;
		if (f[i].rule == SC_RULE_CUT && words >= CUT_MIN_WORDS) {
			if (best_run(f, 0, i, &a, &b) >= total * P.after_cut) {
				*ra = a;
				*rb = b;
			}
			break;
		}
	}
	/*
	 * A short article (a blog post of one paragraph, a few lines of
	 * dialogue) loses to the comment thread or form under it, whose
	 * lines are prose too.  When the region lies past a comment-section
	 * marker and prose stood before the marker (good or near-good lines,
	 * whatever their neighbours), the prose before it is the article.
	 */
	if (P.precut_words > 0) {
		words = 0;
		for (i = 0; i < *ra; i++) {
			if (f[i].rule == SC_RULE_NONE && f[i].cf >= SC_CLS_NEARGOOD &&
			    f[i].words >= P.sentence_words)
				words += f[i].words;
			if (f[i].rule != SC_RULE_CUT)
				continue;
			if (words >= P.precut_words &&
			    best_run_opt(f, 0, i, &a, &b) >= total * P.precut_min) {
				*ra = a;
				*rb = b;
			}
			break;
		}
	}
	words = 0;
	for (i = *ra; i < *rb; i++) {
		double before, after;

		if (!is_marker(&f[i]) || words < CUT_MIN_WORDS) {
			if (f[i].cls == SC_CLS_GOOD)
				words += f[i].words;
			continue;
		}
		if (f[i].rule == SC_RULE_LIST && (j = list_resumes(f, i, *rb)) > 0) {
			drop_list_items(f, i + 1, j);
			i = j - 1;
			continue;
		}
		before = best_run(f, *ra, i, &a, &b);
		after = best_run(f, i + 1, *rb, &a, &b) *
		    (f[i].rule == SC_RULE_CUT ? P.after_cut : 1.0);
		if (before >= after || f[i].rule == SC_RULE_CUT) {
			*rb = i;
			*cut = i;
			return;
		}
		*ra = a;
		*rb = b;
		i = a - 1;
		words = 0;
	}
}

/*
 * Kadane's run stops where bad lines outweigh the good block beyond
 * them, which loses the lead paragraph a date line, a caption and a share
 * bar separate from the body.  Take in good blocks within a short gap of
 * small blocks on either side (not past an end-of-article marker).
 */
static void
extend_region(const struct feat *f, size_t n, size_t *ra, size_t *rb)
{
	size_t i, gap, gapchars;

	if (*rb <= *ra)
		return;
	for (;;) {
		gap = gapchars = 0;
		for (i = *ra; i-- > 0; ) {
			if (f[i].cls == SC_CLS_GOOD && f[i].cf == SC_CLS_GOOD)
				break;
			gap++;
			gapchars += f[i].chars;
			if (gap > P.ext_gap || gapchars > P.ext_chars)
				break;
		}
		if (i == (size_t)-1 || !(f[i].cls == SC_CLS_GOOD && f[i].cf == SC_CLS_GOOD) ||
		    gap > P.ext_gap || gapchars > P.ext_chars)
			break;
		*ra = i;
	}
	for (;;) {
		gap = gapchars = 0;
		for (i = *rb; i < n; i++) {
			if (f[i].rule == SC_RULE_CUT || f[i].rule == SC_RULE_LIST)
				return;
			if (f[i].cls == SC_CLS_GOOD && f[i].cf == SC_CLS_GOOD)
				break;
			/*
			 * After the article, a long near-good paragraph (an
			 * embedded post, a quote without its full stop) before
			 * any end marker still belongs to it.
			 */
			if (P.ext_ng_words > 0 && f[i].cf == SC_CLS_NEARGOOD &&
			    f[i].rule == SC_RULE_NONE && f[i].drop_why == WHY_NONE &&
			    f[i].words >= P.ext_ng_words)
				break;
			gap++;
			gapchars += f[i].chars;
			if (gap > P.ext_gap || gapchars > P.ext_chars)
				return;
		}
		if (i >= n)
			return;
		*rb = i + 1;
	}
}

/*
 * Inside the article, a short block that context smoothing lost to a
 * neighbouring caption or widget line is kept when it is a sentence or a
 * subheading of the paragraph that follows it.
 */
static int
rescue_short(const struct feat *f, size_t i, size_t rb)
{
	size_t j;

	if (!P.rescue || f[i].rule != SC_RULE_NONE ||
	    f[i].drop_why == WHY_TEASER || f[i].drop_why == WHY_REPEAT)
		return 0;
	/* Near-good prose inside the article is the article's, whatever its neighbours. */
	if (f[i].cf == SC_CLS_NEARGOOD)
		return P.rescue_ng && f[i].words >= 8;
	if (f[i].cf != SC_CLS_SHORT)
		return 0;
	if (f[i].end_punct && f[i].words >= 3 && !f[i].end_ellipsis)
		return 1;
	if (!f[i].heading || f[i].words < 2 || f[i].digits * 3 > f[i].letters)
		return 0;
	for (j = i + 1; j < rb && f[j].cf == SC_CLS_BAD && f[j].rule == SC_RULE_DROP; j++)
		;
	return j < rb && f[j].cf == SC_CLS_GOOD;
}

/* ---------------------------------------------------------- line memo */

/*
 * measure() and the rules depend on nothing but a line's text and the
 * document's stoplist, and templates repeat the same short lines (menus,
 * share bars, comment-form labels, bylines, teaser headers) on every page
 * of a site, and duplicate pages repeat all of theirs.  The features and
 * rule verdict of a short line are kept, keyed by its exact text and the
 * stoplist (compared in full, not trusted to the hash), so a repeated line
 * costs a hash and a comparison.  It is a pure cache: what it holds never
 * changes a result, only how fast it comes.  Memory is capped: at most
 * MEMO_SLOTS / 2 lines of at most MEMO_MAXLEN bytes, MEMO_BYTES of text
 * in all (under 17 MB with the table); when full it keeps the lines found
 * again since they came (memo_compact) and fills again.  Whole paragraphs repeat too, in duplicate pages, hence the long
 * MEMO_MAXLEN.  The size pays: on the generated corpus 2^14 slots left
 * 6% more instructions than 2^16 (a site's template lines come back after
 * more pages than 8,192 lines hold); 2^17 would save 3% more for 13 MB.
 */
#define MEMO_MAXLEN 4000
#define MEMO_BYTES ((size_t)8 << 20)
#define MEMO_SLOTS ((size_t)1 << 16)
/*
 * The memo keeps the shingle words of its lines that drop_repeats may
 * compare (NEAR_MIN_WORDS or more), so that a line it had need not be
 * read again for them: at most MEMO_SW words (4 MB); lines past that are
 * read again when the test needs them.
 */
#define MEMO_SW ((size_t)1 << 19)
#define MSW_NONE 0xFFFF

struct memo_ent {
	const struct sc_stoplist *sl;
	uint32_t off;		/* text in marena */
	uint16_t len;
	uint8_t cjk;
	uint8_t hit;		/* found since it was put, or since the last memo_compact */
	uint16_t swn;		/* its shingle words, at msw + swoff (MSW_NONE: not kept) */
	uint32_t swoff;
	struct feat f;		/* as measure() and the rules left it */
};

/* The keys, then the entries: one table, on huge pages. */
#define MEMO_TABLE (MEMO_SLOTS * (sizeof(uint64_t) + sizeof(struct memo_ent)))

static void
memo_free(struct sc_strip *s)
{
	sc_table_free(s->mkeys, MEMO_TABLE);
	sc_table_free(s->marena, MEMO_BYTES);
	sc_table_free(s->msw, MEMO_SW * sizeof *s->msw);
}

/* The slot holding this line, or the empty slot where it goes. */
static size_t
memo_find(const struct sc_strip *s, uint64_t h, const char *p, size_t n, int *found)
{
	size_t j;

	*found = 0;
	for (j = (size_t)h & (MEMO_SLOTS - 1); s->mkeys[j] != 0; j = (j + 1) & (MEMO_SLOTS - 1)) {
		const struct memo_ent *e = &s->mv[j];

		if (s->mkeys[j] == h && e->len == n && e->sl == s->sl &&
		    e->cjk == (uint8_t)s->cjk_lang && memcmp(s->marena + e->off, p, n) == 0) {
			*found = 1;
			break;
		}
	}
	return j;
}

/* Whether the memo has this line under any stoplist; *at: where its text is. */
static int
memo_has_text(const struct sc_strip *s, uint64_t h, const char *p, size_t n, uint32_t *at)
{
	size_t j;

	for (j = (size_t)h & (MEMO_SLOTS - 1); s->mkeys[j] != 0; j = (j + 1) & (MEMO_SLOTS - 1)) {
		const struct memo_ent *e = &s->mv[j];

		if (s->mkeys[j] == h && e->len == n && memcmp(s->marena + e->off, p, n) == 0) {
			*at = e->off;
			return 1;
		}
	}
	return 0;
}

/*
 * The memo's key of a line (never 0).  The memo compares the text of an
 * entry it finds, so the key need only spread lines over the slots: two
 * lanes of eight bytes a step, each multiplied and rotated (so that high
 * bits reach the low ones the slot index takes), the last bytes read by
 * loads that overlap those before them, and a final mix.  Half the
 * instructions of XXH3 behind a call on lines of about 100 bytes.
 */
static uint64_t
memo_hash(const char *p, size_t n)
{
	const uint64_t k1 = 0x9E3779B97F4A7C15ULL, k2 = 0xC2B2AE3D27D4EB4FULL;
	uint64_t a = k2 ^ n, b = k1, x, y, h;
	size_t i;

	if (n >= 16) {
		for (i = 0; i + 16 < n; i += 16) {
			a = (a ^ sc_load64(p + i)) * k1;
			b = (b ^ sc_load64(p + i + 8)) * k2;
			a = a << 29 | a >> 35;
			b = b << 31 | b >> 33;
		}
		x = sc_load64(p + n - 16);
		y = sc_load64(p + n - 8);
	} else if (n >= 8) {
		x = sc_load64(p);
		y = sc_load64(p + n - 8);
	} else if (n >= 4) {
		uint32_t u, v;

		memcpy(&u, p, sizeof u);
		memcpy(&v, p + n - 4, sizeof v);
		x = u;
		y = v;
	} else {
		x = n > 0 ? (uint64_t)(unsigned char)p[0] << 16 |
		    (uint64_t)(unsigned char)p[n / 2] << 8 | (unsigned char)p[n - 1] : 0;
		y = 0;
	}
	a = (a ^ x) * k1;
	b = (b ^ y) * k2;
	h = a ^ (b << 23 | b >> 41);
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h ? h : 1;
}

/*
 * When the memo is full: keep the lines found again since they were put
 * (or since the last time here), at most half of what it holds, and
 * empty it of the rest.  A site's template lines come back, most of a
 * page's prose never does; emptying it all had the template lines
 * measured again after every emptying (33 times on the 200 MB corpus).
 * Their texts and shingle words move down in the order they were put
 * (so no move overwrites a text still to move), the table is filled
 * again from a copy of the entries, and the generation goes up: what
 * pointed into the arena (lgm, swoff with SW_MEMO) is stale.
 */
static void
memo_compact(struct sc_strip *s)
{
	/* The kept slots, by where their text is: the offset, then the slot. */
	uint64_t *keep = xreallocarray(NULL, s->mused ? s->mused : 1, sizeof *keep);
	struct memo_ent *ents;
	uint64_t *keys;
	size_t nk = 0, j, k, text = 0, sw = 0;

	for (j = 0; j < MEMO_SLOTS; j++)
		if (s->mkeys[j] != 0 && s->mv[j].hit && nk < s->mused)
			keep[nk++] = (uint64_t)s->mv[j].off << 32 | j;
	qsort(keep, nk, sizeof *keep, cmp_u64);
	ents = xreallocarray(NULL, nk ? nk : 1, sizeof *ents);
	keys = xreallocarray(NULL, nk ? nk : 1, sizeof *keys);
	for (k = 0; k < nk; k++) {
		struct memo_ent *e = &ents[k];
		size_t nsw;

		*e = s->mv[(uint32_t)keep[k]];
		nsw = e->swn == MSW_NONE ? 0 : e->swn;
		if (k >= MEMO_SLOTS / 4 || text + e->len > MEMO_BYTES / 2 || sw + nsw > MEMO_SW / 2)
			break;
		keys[k] = s->mkeys[(uint32_t)keep[k]];
		memmove(s->marena + text, s->marena + e->off, e->len);
		e->off = (uint32_t)text;
		text += e->len;
		if (nsw > 0) {
			memmove(s->msw + sw, s->msw + e->swoff, nsw * sizeof *s->msw);
			e->swoff = (uint32_t)sw;
			sw += nsw;
		}
		e->hit = 0;
	}
	nk = k;
	memset(s->mkeys, 0, MEMO_SLOTS * sizeof *s->mkeys);
	for (k = 0; k < nk; k++) {
		for (j = (size_t)keys[k] & (MEMO_SLOTS - 1); s->mkeys[j] != 0; j = (j + 1) & (MEMO_SLOTS - 1))
			;
		s->mkeys[j] = keys[k];
		s->mv[j] = ents[k];
	}
	s->mused = nk;
	s->marenalen = text;
	s->mswlen = sw;
	s->mgen++;
	free(keep);
	free(ents);
	free(keys);
}

/*
 * Returns the slot it took.  sw: the line's nsw shingle words (NULL:
 * not read), kept when drop_repeats may want them.
 */
static size_t
memo_put(struct sc_strip *s, uint64_t h, size_t j, const char *p, size_t n, const struct feat *f,
    const uint64_t *sw, size_t nsw)
{
	struct memo_ent *e;
	int found;

	if (s->mused + 1 > MEMO_SLOTS / 2 || s->marenalen + n > MEMO_BYTES) {
		memo_compact(s);
		j = memo_find(s, h, p, n, &found);
	}
	e = &s->mv[j];
	s->mkeys[j] = h;
	e->sl = s->sl;
	e->off = (uint32_t)s->marenalen;
	e->len = (uint16_t)n;
	e->cjk = (uint8_t)s->cjk_lang;
	e->hit = 0;
	e->f = *f;
	e->swn = MSW_NONE;
	if (sw != NULL && f->words >= NEAR_MIN_WORDS && s->mswlen + nsw <= MEMO_SW) {
		if (s->msw == NULL)
			s->msw = sc_table_alloc(MEMO_SW * sizeof *s->msw);
		memcpy(s->msw + s->mswlen, sw, nsw * sizeof *sw);
		e->swoff = (uint32_t)s->mswlen;
		e->swn = (uint16_t)nsw;
		s->mswlen += nsw;
	}
	memcpy(s->marena + s->marenalen, p, n);
	s->marenalen += n;
	s->mused++;
	return j;
}

/*
 * The memo key of a line (0: too long for the memo; known: the key when
 * read_prose worked it out, else 0), and a prefetch of the slot it starts
 * at (its key, and the entry's three cache lines): the table is larger
 * than the cache, so the keys of the lines MEMO_AHEAD ahead are worked
 * out, and their slots fetched, while this one is measured, and the text
 * of the line two ahead (memo_prefetch_text) once its slot is in.
 */
#define MEMO_AHEAD 8

static uint64_t
memo_key(const struct sc_strip *s, const char *p, size_t n, uint64_t known)
{
	uint64_t h = known;
	const char *e;

	if (n > MEMO_MAXLEN)
		return 0;
	if (h == 0)
		h = memo_hash(p, n);
	e = (const char *)&s->mv[(size_t)h & (MEMO_SLOTS - 1)];
	__builtin_prefetch(&s->mkeys[(size_t)h & (MEMO_SLOTS - 1)]);
	__builtin_prefetch(e);
	__builtin_prefetch(e + 64);
	__builtin_prefetch(e + sizeof(struct memo_ent) - 1);
	return h;
}

/* The text of the line whose memo key is h, when its first slot has it. */
static inline void
memo_prefetch_text(const struct sc_strip *s, uint64_t h)
{
	size_t j = (size_t)h & (MEMO_SLOTS - 1);

	if (h != 0 && s->mkeys[j] == h) {
		const char *t = s->marena + s->mv[j].off;

		__builtin_prefetch(t);
		__builtin_prefetch(t + s->mv[j].len - 1);
	}
}

/*
 * measure() and the rules for one line, from the memo when it has the
 * line; h is its memo_key.  The words measure() read for the phrase rules
 * go to them; its shingle words are left in lw (nshingle is SIZE_MAX when
 * the memo answered and nothing was read).
 */
static void measure_rules(struct sc_strip *s, const char *p, size_t n, struct feat *f,
    struct lwords *lw);

static void
measure_line(struct sc_strip *s, const char *p, size_t n, uint64_t h, struct feat *f,
    struct lwords *lw)
{
	size_t j = 0;
	int found;

	lw->nshingle = SIZE_MAX;
	lw->mslot = SIZE_MAX;
	lw->guess = NULL;
	if (n <= MEMO_MAXLEN) {
		j = memo_find(s, h, p, n, &found);
		if (found) {
			*f = s->mv[j].f;
			s->mv[j].hit = 1;
			lw->mslot = j;
			return;
		}
	}
	measure_rules(s, p, n, f, lw);
	text_verdicts(s, p, n, f);
	if (n <= MEMO_MAXLEN)
		memo_put(s, h, j, p, n, f, lw->shingle, lw->nshingle);
}

/* measure() and the rules for one line (lw as measure() has it). */
static void
measure_rules(struct sc_strip *s, const char *p, size_t n, struct feat *f, struct lwords *lw)
{
	struct sc_rule_hit hit;
	uint64_t pwords[SC_RULES_WORDS];

	if (s->o.rules != NULL && !s->phrase_known) {
		s->phrase_limit = sc_rules_phrase_limit(s->o.rules);
		s->phrase_known = 1;
	}
	lw->phrase = pwords;
	lw->want_phrase = s->o.rules != NULL && n <= s->phrase_limit;
#ifdef SC_CHECK_WORDS
	{
		/*
		 * Debug builds: plain_words reads as measure() alone would
		 * have, to the last count, hash and guess word.
		 */
		struct sc_lguess g0, rg;
		struct lwords rl = *lw;
		struct feat rf;
		uint64_t *rstop = xreallocarray(NULL, n / 2 + 2, sizeof *rstop);
		uint64_t rsh[SHINGLE_WORDS], rph[SC_RULES_WORDS];
		size_t nstop0 = lw->guess ? lw->nstop : 0, m;

		if (lw->guess) {
			sc_lguess_flush(lw->guess);
			g0 = *lw->guess;
			rg = g0;
			rl.guess = &rg;
		}
		rl.stop = rstop;
		rl.nstop = 0;
		rl.shingle = rsh;
		rl.phrase = rph;
		check_noplain = 1;
		measure(s, p, n, &rf, &rl);
		check_noplain = 0;
		measure(s, p, n, f, lw);
		m = rl.nphrase < SC_RULES_WORDS ? rl.nphrase : SC_RULES_WORDS;
		if (memcmp(&rf, f, sizeof rf) != 0 || rl.nshingle != lw->nshingle ||
		    memcmp(rsh, lw->shingle, rl.nshingle * sizeof *rsh) != 0 ||
		    (lw->want_phrase && (rl.nphrase != lw->nphrase ||
		    memcmp(rph, pwords, m * sizeof *rph) != 0))) {
			fprintf(stderr, "plain_words differs: %.*s\n", (int)n, p);
			abort();
		}
		if (lw->guess) {
			sc_lguess_flush(lw->guess);
			sc_lguess_flush(&rg);
			if (rl.nstop != lw->nstop - nstop0 || memcmp(rstop, lw->stop + nstop0,
			    rl.nstop * sizeof *rstop) != 0 || memcmp(rg.hits, lw->guess->hits,
			    sizeof rg.hits) != 0 || rg.nwords != lw->guess->nwords ||
			    rg.letters != lw->guess->letters ||
			    memcmp(rg.scr, lw->guess->scr, sizeof rg.scr) != 0) {
				fprintf(stderr, "plain_words differs (guess): %.*s\n", (int)n, p);
				abort();
			}
		}
		free(rstop);
	}
#else
	measure(s, p, n, f, lw);
#endif
#ifdef SC_CHECK_WORDS
	{
		/* Debug builds: the words read in passing equal the readers' own. */
		uint64_t ref[SHINGLE_WORDS > SC_RULES_WORDS ? SHINGLE_WORDS : SC_RULES_WORDS];
		size_t m = shingle_words(p, n, ref, SHINGLE_WORDS);

		if (m != lw->nshingle || memcmp(ref, lw->shingle, m * sizeof *ref) != 0) {
			fprintf(stderr, "shingle words differ (%zu, %zu): %.*s\n", m, lw->nshingle,
			    (int)n, p);
			abort();
		}
		if (lw->want_phrase) {
			m = sc_rules_words(p, n, ref, SC_RULES_WORDS);
			if (m != lw->nphrase || memcmp(ref, pwords,
			    (m < SC_RULES_WORDS ? m : SC_RULES_WORDS) * sizeof *ref) != 0) {
				fprintf(stderr, "phrase words differ (%zu, %zu): %.*s\n", m,
				    lw->nphrase, (int)n, p);
				abort();
			}
		}
	}
#endif
	if (s->o.rules != NULL) {
		enum sc_rule_action a = lw->want_phrase ?
		    sc_rules_match_words(s->o.rules, p, n, pwords, lw->nphrase, &hit) :
		    sc_rules_match(s->o.rules, p, n, &hit);

		f->rule = (uint8_t)a;
		if (a != SC_RULE_NONE) {
			f->rule_file = hit.file;
			f->rule_line = (uint16_t)(hit.line > 0xFFFF ? 0xFFFF : hit.line);
		}
	}
}

/* ----------------------------------------------------------------- run */

/*
 * The language guess by the text it reads, for duplicate pages and pages
 * of a site whose first paragraphs are the same.  A pure cache like the
 * line memo, but keyed by a 128-bit hash of the bytes the guess reads (a
 * few KB each; keeping them to compare would cost more than it saves):
 * two different texts share an entry with odds of about 2^-128.
 */
#define GUESS_SLOTS 4096

struct guess_ent {
	uint64_t h[2];
	size_t len;		/* 0: empty */
	const char *code;	/* sc_stoplist_guess's answer (static), may be NULL */
};

static const char *
guess_memo(struct sc_strip *s, const char *p, size_t n, size_t budget)
{
	struct guess_ent *e;
	uint64_t h[2];

	/* The guess reads at most budget bytes, and the one after to end on a character. */
	if (n > budget + 1)
		n = budget + 1;
	if (n == 0)
		return sc_stoplist_guess(p, n, budget, NULL);
	if (s->gmemo == NULL)
		s->gmemo = xcalloc(GUESS_SLOTS, sizeof *s->gmemo);
	sc_hash128(p, n, h);
	e = &s->gmemo[h[0] & (GUESS_SLOTS - 1)];
	if (e->len == n && e->h[0] == h[0] && e->h[1] == h[1])
		return e->code;
	e->code = sc_stoplist_guess(p, n, budget, NULL);
	e->h[0] = h[0];
	e->h[1] = h[1];
	e->len = n;
	return e->code;
}

static void
set_language(struct sc_strip *s, const char *code)
{
	const char *const *codes;
	size_t i;

	/*
	 * The guess answers with the list's own (static) code, which is
	 * what s->lang keeps, and documents come in runs of one language:
	 * the language set last is set already.
	 */
	if (code != NULL && code == s->lang)
		return;
	s->sl = code ? sc_stoplist_get(code) : NULL;
	s->lang = s->sl ? code : NULL;
	s->cjk_lang = code && (strcmp(code, "zh") == 0 || strcmp(code, "ja") == 0 ||
	    strcmp(code, "th") == 0);
	/* Keep a static copy of the code for the result. */
	if (s->lang != NULL) {
		codes = sc_stoplist_langs();
		for (i = 0; codes[i] != NULL; i++) {
			if (strcmp(codes[i], s->lang) == 0) {
				s->lang = codes[i];
				s->lbit = i;
				break;
			}
		}
	}
}

#define GUESS_BUDGET ((size_t)1 << 12)

/* Block i is read by the guess, from offset off of the text it reads. */
static void
gsel_add(struct sc_strip *s, size_t i, size_t off)
{
	if (s->ngsel == s->gselcap) {
		s->gselcap = s->gselcap ? s->gselcap * 2 : 64;
		s->gsel = xreallocarray(s->gsel, s->gselcap, sizeof *s->gsel);
		s->goff = xreallocarray(s->goff, s->gselcap, sizeof *s->goff);
	}
	s->gsel[s->ngsel] = i;
	s->goff[s->ngsel++] = off;
}

/*
 * The document's language: --lang, or the guess from the lines that look
 * like prose, or the memo of guesses.  Returns 0 when it is set, 1 when
 * the guess is left to read_prose (the selected lines are in s->gsel,
 * the text the guess reads in s->scratch, its memo entry in *ge).
 */
/* '!', '.' and '?', the bytes below 64 is_terminal takes. */
static const uint64_t ascii_terminal = (uint64_t)1 << '!' | (uint64_t)1 << '.' |
    (uint64_t)1 << '?';

static int
choose_language(struct sc_strip *s, const struct sc_blocks *bs, struct guess_ent **ge)
{
	const char *code = s->o.lang;

	*ge = NULL;
	s->ngsel = 0;
	if (code == NULL) {
		/*
		 * Guess from the lines that look like prose (a sentence end and
		 * some words): menus are often English on any site, and leaked
		 * scripts are English keywords.
		 */
		size_t budget = GUESS_BUDGET, i, n;
		struct guess_ent *e;
		uint64_t h[2];

		sc_buf_reset(&s->scratch);
		for (i = 0; i < bs->n && s->scratch.len < budget; i++) {
			struct sc_text t = sc_block_text(bs, &bs->v[i]);
			size_t k, spaces = 0;

			/*
			 * 60 to 4000 bytes ending in . ! or ? (is_terminal's only
			 * characters of one byte), in one test of a mask, not a
			 * branch each plus is_terminal's tree of compares: most
			 * lines fail one of them, as the text has it.  An empty
			 * block's last byte is read as its terminating NUL.
			 */
			if ((t.len - 60 > 4000 - 60) |
			    !((ascii_terminal >> ((unsigned char)t.p[t.len - (t.len > 0)] & 63)) &
			    ((unsigned char)t.p[t.len - (t.len > 0)] < 64)))
				continue;
			/*
			 * Six spaces are enough to know: counted sixteen bytes at
			 * a time (a memchr a space cost more), the last sixteen
			 * bytes of the line (it has 60) without those counted.
			 */
			for (k = 0; spaces < 6 && k + 16 <= t.len; k += 16)
				spaces += (size_t)sc_popcount16(sc_mask16((sc_i8x16)(sc_load16(t.p + k) ==
				    ' ')));
			if (spaces < 6 && k < t.len)
				spaces += (size_t)sc_popcount16(sc_mask16((sc_i8x16)(sc_load16(t.p +
				    t.len - 16) == ' ')) & (0xFFFFu << (16 - (t.len - k))));
			if (spaces < 6 || memchr(t.p, '{', t.len) != NULL)
				continue;
			gsel_add(s, i, s->scratch.len);
			sc_buf_add(&s->scratch, t.p, t.len);
			sc_buf_addc(&s->scratch, '\n');
		}
		s->gtext = s->scratch.p;
		s->gtextlen = s->scratch.len;
		if (s->scratch.len < 200) {
			/*
			 * Too little prose: the guess reads every line, in the
			 * arena.  read_prose can do so when the arena is the
			 * texts of the blocks in order, each followed by a NUL
			 * (no word spans it), as the text path leaves it.
			 */
			size_t at = 0;

			s->ngsel = 0;
			for (i = 0; i < bs->n && at <= budget; i++) {
				if (bs->v[i].off != at)
					break;
				gsel_add(s, i, at);
				at += bs->v[i].len + 1;
			}
			if (at <= budget && (i < bs->n || at != bs->arena.len)) {
				s->ngsel = 0;
				code = guess_memo(s, bs->arena.p, bs->arena.len, budget);
				goto set;
			}
			s->gtext = bs->arena.p;
			s->gtextlen = bs->arena.len;
		}
		if (s->gtextlen == 0) {
			s->ngsel = 0;
			code = sc_stoplist_guess(s->gtext, 0, budget, NULL);
		} else {
			/* guess_memo's lookup; on a miss read_prose guesses. */
			n = s->gtextlen > budget + 1 ? budget + 1 : s->gtextlen;
			if (s->gmemo == NULL)
				s->gmemo = xcalloc(GUESS_SLOTS, sizeof *s->gmemo);
			sc_hash128(s->gtext, n, h);
			e = &s->gmemo[h[0] & (GUESS_SLOTS - 1)];
			if (e->len == n && e->h[0] == h[0] && e->h[1] == h[1]) {
				code = e->code;
				s->ngsel = 0;
			} else {
				e->h[0] = h[0];
				e->h[1] = h[1];
				e->len = n;
				e->code = NULL;
				*ge = e;
				return 1;
			}
		}
	}
set:
	set_language(s, code);
	return 0;
}

/* Where measure() puts a line's shingle words: sw[] while it has room under SW_MAX. */
static void
shingle_slot(struct sc_strip *s, struct lwords *lw, uint64_t *spare)
{
	if (s->swlen + SHINGLE_WORDS <= SW_MAX) {
		if (s->swlen + SHINGLE_WORDS > s->swcap) {
			s->swcap = s->swcap * 2 > s->swlen + SHINGLE_WORDS ?
			    s->swcap * 2 : s->swlen + SHINGLE_WORDS;
			s->sw = xreallocarray(s->sw, s->swcap, sizeof *s->sw);
		}
		lw->shingle = s->sw + s->swlen;
	} else {
		lw->shingle = spare;
	}
}

/*
 * Keep them for drop_repeats when the block may be compared, or where
 * the memo keeps them (SW_MEMO, valid while the memo's generation is
 * the same).
 */

static void
shingle_keep(struct sc_strip *s, size_t i, const struct lwords *lw, const uint64_t *spare,
    const struct feat *f)
{
	s->swoff[i] = SIZE_MAX;
	if (f->words < NEAR_MIN_WORDS)
		return;
	if (lw->nshingle != SIZE_MAX && lw->shingle != spare) {
		s->swoff[i] = s->swlen;
		s->swn[i] = (uint32_t)lw->nshingle;
		s->swlen += lw->nshingle;
	} else if (lw->mslot != SIZE_MAX && s->mv[lw->mslot].swn != MSW_NONE) {
		s->swoff[i] = SW_MEMO | s->mv[lw->mslot].swoff;
		s->swn[i] = s->mv[lw->mslot].swn;
		s->swgen[i] = s->mgen;
	}
}

/*
 * The guess's counts of single lines, for the lines read_prose finds in
 * the line memo (which keeps their features, not these): LGUESS_SLOTS
 * direct-mapped entries (6 MB) by the line's memo hash.  An entry is
 * the line's when its text in the memo's arena (off, of the memo's
 * generation gen) is the line's, compared in full: a line read_prose
 * measures is not in the memo yet, and its entry waits (gen 0) for
 * finish_deferred to put it there.  A pure cache like the others.
 * As many slots as the memo holds lines (MEMO_SLOTS / 2): with 4096,
 * lines the memo had lost their counts to others in the same slot, and
 * the guess read 2238 of the lines it took from the memo again on 10 MB
 * of the bench corpus (948 with these), 1.5% of the instructions.
 */
#define LGUESS_SLOTS (MEMO_SLOTS / 2)

struct lguess_ent {
	uint64_t h;		/* the line's memo_hash */
	uint64_t ser;		/* while it waits: the serial read_prose gave it */
	uint32_t len;		/* 0: empty */
	uint32_t off, gen;	/* its text in the memo's arena; gen 0: none yet */
	uint32_t nwords, letters;
	uint32_t scr[SC_SCR_N];
	uint16_t hits[64];	/* a line of at most 4096 bytes has fewer words */
};

static void
lguess_free(struct sc_strip *s)
{
	sc_table_free(s->lgm, LGUESS_SLOTS * sizeof *s->lgm);
}

/* Keep the counts of g (flushed here) less those of before (NULL: none). */
static void
lguess_put(struct lguess_ent *e, size_t len, struct sc_lguess *g, const struct sc_lguess *before)
{
	size_t l;

	sc_lguess_flush(g);
	e->len = (uint32_t)len;
	e->nwords = (uint32_t)(g->nwords - (before ? before->nwords : 0));
	e->letters = (uint32_t)(g->letters - (before ? before->letters : 0));
	for (l = 0; l < SC_SCR_N; l++)
		e->scr[l] = (uint32_t)(g->scr[l] - (before ? before->scr[l] : 0));
	for (l = 0; l < 64; l++)
		e->hits[l] = (uint16_t)(g->hits[l] - (before ? before->hits[l] : 0));
}

static void
lguess_add(struct sc_lguess *g, const struct lguess_ent *e)
{
	size_t l;

	g->nwords += e->nwords;
	g->letters += e->letters;
	for (l = 0; l < SC_SCR_N; l++)
		g->scr[l] += e->scr[l];
	for (l = 0; l < 64; l++)
		g->hits[l] += e->hits[l];
}

/*
 * The language guess, read in the same pass as the features of the lines
 * it reads (measure() with lwords.guess), rather than in a pass of its
 * own before them: the guess reads up to 4 KB of every document, most of
 * the text of a short one.  What measure() cannot finish before the
 * language is known, the stopword counts, waits in dstop[] for
 * finish_deferred.  A line the memo has (under any language) is not
 * measured here, only read for the guess (sc_lguess_scan), nor is the
 * last line the guess reads, cut at its budget.  The words, counts and
 * answer are those of sc_stoplist_guess over s->scratch.
 */
static void
read_prose(struct sc_strip *s, const struct sc_blocks *bs, struct feat *f,
    struct guess_ent *ge, uint64_t *spare)
{
	struct sc_lguess g, one;
	struct lguess_ent *e, own;
	size_t L = s->gtextlen, k, nlh = 0;
	const char *code;

	if (L > GUESS_BUDGET) {
		/* As sc_stoplist_guess cuts: back to the start of a character. */
		L = GUESS_BUDGET;
		while (L > 0 && ((unsigned char)s->gtext[L] & 0xC0) == 0x80)
			L--;
	}
	sc_lguess_init(&g);
	s->dstoplen = 0;
	if (s->lgm == NULL)
		s->lgm = sc_table_alloc(LGUESS_SLOTS * sizeof *s->lgm);
	/*
	 * The memo keys of the lines first, and their slots and lgm entries
	 * fetched, all at once: the lookups that follow each missed the cache.
	 */
	for (k = 0; k < s->ngsel && s->goff[k] < L; k++) {
		size_t i = s->gsel[k];
		struct sc_text t = sc_block_text(bs, &bs->v[i]);

		if (t.len <= MEMO_MAXLEN) {
			const char *pe;

			s->mh[i] = memo_key(s, t.p, t.len, 0);
			pe = (const char *)&s->lgm[s->mh[i] & (LGUESS_SLOTS - 1)];
			__builtin_prefetch(pe);
			__builtin_prefetch(pe + 64);
			__builtin_prefetch(pe + sizeof(struct lguess_ent) - 1);
		}
	}
	for (k = 0; k < s->ngsel && s->goff[k] < L; k++) {
		size_t i = s->gsel[k], off = s->goff[k];
		struct sc_text t = sc_block_text(bs, &bs->v[i]);
		struct lwords lw;

		if (k + 2 < s->ngsel)
			memo_prefetch_text(s, s->mh[s->gsel[k + 2]]);

		/* Lines end in a newline or a NUL, which no word spans. */
		if (off + t.len > L) {
			sc_lguess_scan(&g, t.p, L - off);
			break;
		}
		e = &own;	/* a line too long for the memo is not kept */
		if (t.len <= MEMO_MAXLEN) {
			const uint64_t h = s->mh[i];
			uint32_t at;

			e = &s->lgm[h & (LGUESS_SLOTS - 1)];
			if (memo_has_text(s, h, t.p, t.len, &at)) {
				/* Measured before: its counts from lgm, or a pass of the guess's own. */
				if (!(e->gen == s->mgen && e->len == t.len && e->h == h &&
				    memcmp(s->marena + e->off, t.p, t.len) == 0)) {
					sc_lguess_init(&one);
					sc_lguess_scan(&one, t.p, t.len);
					lguess_put(e, t.len, &one, NULL);
					e->h = h;
					e->off = at;
					e->gen = s->mgen;
				}
				lguess_add(&g, e);
				continue;
			}
		}
		if (s->dstoplen + t.len / 2 + 1 > s->dstopcap) {
			s->dstopcap = (s->dstoplen + t.len / 2 + 1) * 2;
			s->dstop = xreallocarray(s->dstop, s->dstopcap, sizeof *s->dstop);
		}
		/* The line's own counts go to lgm too, for when the memo has it. */
		sc_lguess_flush(&g);
		/* Its counts before the line (not the queue, empty now). */
		memcpy(one.hits, g.hits, sizeof g.hits);
		memcpy(one.scr, g.scr, sizeof g.scr);
		one.nwords = g.nwords;
		one.letters = g.letters;
		lw.guess = &g;
		lw.mslot = SIZE_MAX;
		lw.stop = s->dstop + s->dstoplen;
		lw.nstop = 0;
		lw.mixed = 0;
		shingle_slot(s, &lw, spare);
		measure_rules(s, t.p, t.len, &f[i], &lw);
		shingle_keep(s, i, &lw, spare, &f[i]);
		lguess_put(e, t.len, &g, &one);
		if (e != &own) {
			e->h = s->mh[i];
			e->gen = 0;
			e->ser = ++s->lgser;
			s->lgslot[i] = (uint32_t)(e - s->lgm);
			s->lgpend[i] = e->ser;
		}
		/*
		 * The guess looked up the same words as stop[] holds (but for
		 * the long ones, which no list has), so its count of words of
		 * the list chosen will be the line's stopword count.
		 */
		s->dhit[i] = UINT32_MAX;
		if (!lw.mixed) {
			if (nlh == s->dlhcap) {
				s->dlhcap = s->dlhcap ? s->dlhcap * 2 : 64;
				s->dlh = xreallocarray(s->dlh, s->dlhcap, sizeof *s->dlh);
			}
			memcpy(s->dlh[nlh], e->hits, sizeof e->hits);
			s->dhit[i] = (uint32_t)nlh++;
		}
		s->pre[i] = 1;
		s->dsoff[i] = s->dstoplen;
		s->dsn[i] = lw.nstop;
		s->dstoplen += lw.nstop;
	}
	code = sc_lguess_end(&g);
#ifdef SC_CHECK_WORDS
	{
		struct sc_lguess r;
		const char *rc;

		sc_lguess_init(&r);
		sc_lguess_scan(&r, s->gtext, L);
		sc_lguess_flush(&r);
		rc = sc_stoplist_guess(s->gtext, s->gtextlen > GUESS_BUDGET + 1 ?
		    GUESS_BUDGET + 1 : s->gtextlen, GUESS_BUDGET, NULL);
		if (memcmp(r.hits, g.hits, sizeof r.hits) != 0 || r.nwords != g.nwords ||
		    r.letters != g.letters || memcmp(r.scr, g.scr, sizeof r.scr) != 0 ||
		    rc != code) {
			fprintf(stderr, "guess differs (%zu %zu, %zu %zu): %.*s\n", r.nwords,
			    g.nwords, r.letters, g.letters, (int)L, s->gtext);
			abort();
		}
	}
#endif
	ge->code = code;
	set_language(s, code);
	/* The stopword counts the guess gave (finish_deferred). */
	for (k = 0; k < s->ngsel && s->goff[k] < L; k++) {
		size_t i = s->gsel[k];

		if (s->pre[i] && s->dhit[i] != UINT32_MAX)
			s->dhit[i] = s->sl != NULL ? s->dlh[s->dhit[i]][s->lbit] : 0;
	}
}

/* A line read_prose measured: its stopword counts, and the memo. */
static void
finish_deferred(struct sc_strip *s, const char *p, size_t n, uint64_t h, struct feat *f,
    size_t i)
{
	size_t j;
	int found;

	f->stop = s->sl == NULL || s->cjk_lang ? 0 : s->dhit[i] != UINT32_MAX ? s->dhit[i] :
	    (uint32_t)sc_stoplist_count_hashes(s->sl, s->dstop + s->dsoff[i], s->dsn[i]);
	finish_stop(s, p, n, f);
#ifdef SC_CHECK_WORDS
	{
		struct feat r;
		struct lwords lw;
		uint64_t sh[SHINGLE_WORDS];

		lw.guess = NULL;
		lw.shingle = sh;
		measure_rules(s, p, n, &r, &lw);
		if (memcmp(&r, f, sizeof r) != 0) {
			fprintf(stderr, "deferred features differ (stop %u %u): %.*s\n", r.stop,
			    f->stop, (int)n, p);
			abort();
		}
	}
#endif
	text_verdicts(s, p, n, f);
	if (n <= MEMO_MAXLEN) {
		struct lguess_ent *e = &s->lgm[s->lgslot[i]];

		j = memo_find(s, h, p, n, &found);
		if (found)
			s->mv[j].hit = 1;
		else
			j = memo_put(s, h, j, p, n, f, s->swoff[i] == SIZE_MAX ? NULL :
			    s->sw + s->swoff[i], s->swn[i]);
		/* Its guess counts are the memo's line's now, unless another took the entry. */
		if (e->gen == 0 && e->ser == s->lgpend[i]) {
			e->off = s->mv[j].off;
			e->gen = s->mgen;
		}
	}
}

static size_t
count_kept(const struct feat *f, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += f[i].keep;
	return k;
}

static int
plain_short_text(const struct feat *f, size_t n)
{
	size_t i;

	if (n > 8)
		return 0;
	for (i = 0; i < n; i++)
		if (f[i].cf == SC_CLS_BAD || f[i].rule != SC_RULE_NONE)
			return 0;
	return 1;
}

static size_t
count_words_out(const struct feat *f, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (f[i].keep)
			w += f[i].words;
	return w;
}

/*
 * The text b[0..bn) shows the title t[0..tn): the same words whatever the
 * spaces and line breaks between them and the case of ASCII letters, alone
 * or with a site's name after a separator ("Title | Site", "Title - Site"):
 * 2 when the block is the title alone, 1 with a name after it, else 0.
 */
static int
shows_title(const char *b, size_t bn, const char *t, size_t tn)
{
	size_t i = 0, j = 0;

	while (i < bn && isspace((unsigned char)b[i]))
		i++;
	while (tn > 0 && isspace((unsigned char)t[tn - 1]))
		tn--;
	while (j < tn && isspace((unsigned char)t[j]))
		j++;
	while (j < tn) {
		if (isspace((unsigned char)t[j])) {
			/* a space (or line break) between words in both */
			if (i == bn || !isspace((unsigned char)b[i]))
				return 0;
			while (j < tn && isspace((unsigned char)t[j]))
				j++;
			while (i < bn && isspace((unsigned char)b[i]))
				i++;
			continue;
		}
		if (i == bn || tolower((unsigned char)b[i]) != tolower((unsigned char)t[j]))
			return 0;
		i++;
		j++;
	}
	{
		size_t e = i;

		while (e < bn && isspace((unsigned char)b[e]))
			e++;
		if (e == bn)
			return 2;	/* the whole block */
		if (e == i)
			return 0;	/* the title's last word goes on */
		i = e;
	}
	return b[i] == '|' || b[i] == '-' || b[i] == ':' ||
	    (bn - i >= 3 && (memcmp(b + i, "\xE2\x80\x93", 3) == 0 ||
	    memcmp(b + i, "\xE2\x80\x94", 3) == 0)) ||
	    (bn - i >= 2 && memcmp(b + i, "\xC2\xB7", 2) == 0);
}

/*
 * ... or the site's name in front ("Site | Title", "Site - Title"): the
 * title after a separator between spaces, to the block's end.
 */
static int
shows_title_after(const char *b, size_t bn, const char *t, size_t tn)
{
	size_t i, k;

	if (bn > 4 * tn + 200)
		return 0;	/* a paragraph, not a headline */
	for (i = 1; i + 2 < bn; i++) {
		if (b[i - 1] != ' ')
			continue;
		if (b[i] == '|' || b[i] == '-' || b[i] == ':')
			k = 1;
		else if (bn - i >= 3 && (memcmp(b + i, "\xE2\x80\x93", 3) == 0 ||
		    memcmp(b + i, "\xE2\x80\x94", 3) == 0))
			k = 3;
		else
			continue;
		if (i + k < bn && b[i + k] == ' ' &&
		    shows_title(b + i + k, bn - i - k, t, tn) == 2)
			return 1;
	}
	return 0;
}

/*
 * The first of the blocks [0, rb) that shows the page's headline
 * (bs->title_off) alone, else the first that shows it with the site's name,
 * or SIZE_MAX.
 */
static size_t
title_block(const struct sc_blocks *bs, size_t rb)
{
	const char *t;
	size_t i, tn;

	if (bs->title_off == SC_BLOCK_NONE)
		return SIZE_MAX;
	t = bs->arena.p + bs->title_off;
	tn = strlen(t);
	if (tn > 2000)
		return SIZE_MAX;	/* no headline: each look stays short */
	/* The headline alone first; then with the site's name. */
	for (i = 0; i < rb && i < bs->n; i++)
		if (shows_title(bs->arena.p + bs->v[i].off, bs->v[i].len, t, tn) == 2)
			return i;
	for (i = 0; i < rb && i < bs->n; i++)
		if (shows_title(bs->arena.p + bs->v[i].off, bs->v[i].len, t, tn) ||
		    shows_title_after(bs->arena.p + bs->v[i].off, bs->v[i].len, t, tn))
			return i;
	return SIZE_MAX;
}

void
sc_strip_title_hint(struct sc_blocks *bs, const char *p, size_t n)
{
	/* A fixed "now", so that the output does not depend on the day it runs. */
	static const struct sc_date never = { 9999, 12, 31, 0, 0, 0, SC_DATE_NOTZ };
	struct sc_pagemeta_opts o;
	struct sc_pagemeta m;

	sc_pagemeta_opts_init(&o);
	o.now = &never;
	sc_pagemeta_extract(p, n, &o, &m);
	if (m.title != NULL && m.title[0] != '\0')
		bs->title_off = sc_blocks_intern(bs, m.title, strlen(m.title));
	sc_pagemeta_free(&m);
}

void
sc_strip_run(struct sc_strip *s, const struct sc_blocks *bs, struct sc_buf *out,
    struct sc_strip_result *res)
{
	size_t n = bs->n, i, ra = 0, rb = 0, cut = SIZE_MAX;
	struct feat *f;

#ifdef SC_TUNE
	tune_load();
#endif
	if (!small_ready)
		small_init();
	memset(res, 0, sizeof *res);
	res->blocks = n;
	if (n > s->cap) {
		free(s->f);
		s->cap = n + n / 2;
		s->f = xreallocarray(NULL, s->cap, sizeof *s->f);
	}
	f = s->f;
	s->cur = bs;
	if (s->mkeys == NULL) {
		/* One table, on huge pages: the keys, then the entries. */
		s->mkeys = sc_table_alloc(MEMO_TABLE);
		s->mgen = 1;
		s->mv = (struct memo_ent *)(s->mkeys + MEMO_SLOTS);
		s->marena = sc_table_alloc(MEMO_BYTES);
	}
	if (n > s->swocap) {
		s->swocap = n + n / 2;
		s->swoff = xreallocarray(s->swoff, s->swocap, sizeof *s->swoff);
		s->swn = xreallocarray(s->swn, s->swocap, sizeof *s->swn);
		s->swgen = xreallocarray(s->swgen, s->swocap, sizeof *s->swgen);
		s->pre = xreallocarray(s->pre, s->swocap, sizeof *s->pre);
		s->dsoff = xreallocarray(s->dsoff, s->swocap, sizeof *s->dsoff);
		s->dsn = xreallocarray(s->dsn, s->swocap, sizeof *s->dsn);
		s->dhit = xreallocarray(s->dhit, s->swocap, sizeof *s->dhit);
		s->mh = xreallocarray(s->mh, s->swocap, sizeof *s->mh);
		s->lgslot = xreallocarray(s->lgslot, s->swocap, sizeof *s->lgslot);
		s->lgpend = xreallocarray(s->lgpend, s->swocap, sizeof *s->lgpend);
		s->nbr = xreallocarray(s->nbr, s->swocap, sizeof *s->nbr);
	}
	s->swlen = 0;
	if (n > 0) {
		memset(s->pre, 0, n * sizeof *s->pre);
		memset(s->mh, 0, n * sizeof *s->mh);
	}
	{
		uint64_t spare[SHINGLE_WORDS];
		struct guess_ent *ge;

		if (choose_language(s, bs, &ge))
			read_prose(s, bs, f, ge, spare);
		res->lang = s->lang;
		for (i = 0; i < n && i < MEMO_AHEAD; i++) {
			struct sc_text t = sc_block_text(bs, &bs->v[i]);

			s->mh[i] = memo_key(s, t.p, t.len, s->mh[i]);
		}
		for (i = 0; i < n; i++) {
			struct sc_text t = sc_block_text(bs, &bs->v[i]);
			struct lwords lw;

			if (i + MEMO_AHEAD < n) {
				struct sc_text u = sc_block_text(bs, &bs->v[i + MEMO_AHEAD]);

				s->mh[i + MEMO_AHEAD] = memo_key(s, u.p, u.len, s->mh[i + MEMO_AHEAD]);
			}
			if (i + 2 < n)
				memo_prefetch_text(s, s->mh[i + 2]);
			if (s->pre[i]) {
				finish_deferred(s, t.p, t.len, s->mh[i], &f[i], i);
			} else {
				shingle_slot(s, &lw, spare);
				measure_line(s, t.p, t.len, s->mh[i], &f[i], &lw);
				shingle_keep(s, i, &lw, spare, &f[i]);
			}
		}
	}
	calibrate(s, n);
	for (i = 0; i < n; i++) {
		const struct sc_block *b = &bs->v[i];
		struct sc_text t = sc_block_text(bs, b);

		classify_cf(s, b, &f[i]);
		if (s->o.df != NULL && f[i].cf != SC_CLS_GOOD && f[i].rule != SC_RULE_KEEP) {
			uint32_t c = sc_df_count(s->o.df, sc_df_hash(t.p, t.len));

			if (c >= s->o.df_min && s->o.df_min > 0) {
				f[i].cf = SC_CLS_BAD;
				f[i].reason = "recurs across documents";
				f[i].drop_why = WHY_DF;
			}
		}
	}
	mark_image_captions(f, bs);
	mark_repeated_furniture(s, n);
	drop_teasers(s, n);
	smooth(s, bs);

	if (s->o.mode == SC_STRIP_ARTICLE) {
		best_region(f, n, &ra, &rb, &cut);
		extend_region(f, n, &ra, &rb);
	} else {
		ra = 0;
		rb = n;
	}
	for (i = 0; i < n; i++) {
		f[i].keep = f[i].cls == SC_CLS_GOOD && i >= ra && i < rb;
		/*
		 * A long paragraph of prose before the region is more often a
		 * part of the article the region missed (a lead cut off from
		 * the body by a picture or an embed) than boilerplate.  After
		 * the region such prose is as often a teaser's summary, an
		 * author's box or a promotion as the article's own (dumps: on
		 * the pages with even ids, as many of each), so it stays out.
		 */
		if (!f[i].keep && P.outside_chars > 0 && f[i].cls == SC_CLS_GOOD &&
		    f[i].cf == SC_CLS_GOOD && f[i].chars >= P.outside_chars &&
		    f[i].end_punct && i < ra && f[i].drop_why == WHY_NONE &&
		    s->o.mode == SC_STRIP_ARTICLE) {
			f[i].keep = 1;
			f[i].reason = "long prose near the article";
		}
		if (!f[i].keep && i >= ra && i < rb && rescue_short(f, i, rb)) {
			f[i].keep = 1;
			f[i].reason = f[i].cf == SC_CLS_NEARGOOD ? "prose in the article" :
			    f[i].end_punct ? "short sentence in the article" :
			    "subheading in the article";
		}
		if (f[i].keep)
			continue;
		if (f[i].drop_why != WHY_NONE)
			;
		else if (f[i].rule != SC_RULE_NONE && f[i].rule != SC_RULE_KEEP)
			f[i].drop_why = WHY_RULE;
		else if (f[i].cls != SC_CLS_GOOD)
			f[i].drop_why = WHY_CLASS;
		else if (i >= cut)
			f[i].drop_why = WHY_CUT;
		else
			f[i].drop_why = WHY_REGION;
	}
	drop_repeats(s, bs, res);

	if (s->o.keep_title && ra < rb) {
		/*
		 * The page's headline (sc_strip_title_hint) where a block before
		 * the region shows it; else the nearest heading-like block before
		 * the region, looking past lines the rules dropped (bylines, share
		 * buttons) and at most four others.
		 */
		size_t others = 0, t = title_block(bs, rb);

		if (t < ra) {
			f[t].keep = 1;
			f[t].drop_why = WHY_NONE;
			f[t].reason = "title";
			others = 4;	/* found */
		} else if (t < rb) {
			others = 4;	/* the region's own first lines */
		}
		for (i = ra; i-- > 0 && others < 4; ) {
			if (f[i].rule != SC_RULE_NONE)
				continue;
			if (f[i].heading && f[i].words >= 2 && f[i].cf != SC_CLS_BAD) {
				f[i].keep = 1;
				f[i].drop_why = WHY_NONE;
				f[i].reason = "title";
				break;
			}
			others++;
		}
	}
	/*
	 * Short text with no sign of boilerplate at all (no rule, no menu,
	 * no link proxy) is not a page: keep it as it came, rather than
	 * emptying a note that merely has no long paragraph.
	 */
	if (count_kept(f, n) == 0 && n > 0 && plain_short_text(f, n)) {
		for (i = 0; i < n; i++) {
			f[i].keep = 1;
			f[i].drop_why = WHY_NONE;
			f[i].reason = "short text, no boilerplate";
		}
	}
	if (s->o.min_words > 0 && count_words_out(f, n) < s->o.min_words) {
		for (i = 0; i < n; i++) {
			if (f[i].keep) {
				f[i].keep = 0;
				f[i].drop_why = WHY_MINWORDS;
			}
		}
		res->empty_reason = "fewer words than --min-words";
	}

	if ((n + 7) / 8 > s->kbcap) {
		s->kbcap = (n + 7) / 8 * 2;
		s->kbits = xreallocarray(s->kbits, s->kbcap, 1);
	}
	if (n > 0)
		memset(s->kbits, 0, (n + 7) / 8);
	for (i = 0; i < n; i++) {
		if (!f[i].keep) {
			res->dropped++;
			res->dropped_chars += f[i].chars;
			switch (f[i].drop_why) {
			case WHY_RULE: res->by_rule++; break;
			case WHY_REGION: res->by_region++; break;
			case WHY_CUT: res->by_cut++; break;
			case WHY_TEASER: res->by_teaser++; break;
			case WHY_DF: res->by_df++; break;
			case WHY_REPEAT: break;	/* counted in drop_repeats */
			default: res->by_class++; break;
			}
			continue;
		}
		res->kept++;
		res->kept_chars += f[i].chars;
		s->kbits[i / 8] |= (uint8_t)(1u << (i % 8));
	}
	sc_strip_output(bs, s->kbits, out);
	if (res->kept == 0 && res->empty_reason == NULL)
		res->empty_reason = n == 0 ? "empty input" : "no article text found";
}

void
sc_strip_kept(const struct sc_strip *s, size_t n, uint8_t *bits)
{
	if (n > 0)
		memcpy(bits, s->kbits, (n + 7) / 8);
}

void
sc_strip_output(const struct sc_blocks *bs, const uint8_t *bits, struct sc_buf *out)
{
	size_t i;
	int first_out = 1;

	for (i = 0; i < bs->n; i++) {
		const struct sc_block *b = &bs->v[i];
		struct sc_text t;

		if (!(bits[i / 8] >> (i % 8) & 1))
			continue;
		if (!first_out) {
			/* A new paragraph unless this line continued the last kept one. */
			if ((b->flags & SC_BF_PARA_START) || !(bits[(i - 1) / 8] >> ((i - 1) % 8) & 1))
				sc_buf_adds(out, "\n\n");
			else
				sc_buf_addc(out, '\n');
		}
		first_out = 0;
		t = sc_block_text(bs, b);
		sc_buf_add(out, t.p, t.len);
	}
}

void
sc_strip_text(struct sc_strip *s, const char *p, size_t n, struct sc_buf *out,
    struct sc_strip_result *res)
{
	sc_blocks_from_text(p, n, &s->tmp);
	if (s->o.keep_title)
		sc_strip_title_hint(&s->tmp, p, n);
	sc_strip_run(s, &s->tmp, out, res);
}

void
sc_strip_explain(const struct sc_strip *s, const struct sc_blocks *bs, struct sc_buf *out)
{
	size_t i;

	for (i = 0; i < bs->n && s->f != NULL; i++) {
		const struct feat *f = &s->f[i];
		const struct sc_block *b = &bs->v[i];
		struct sc_text t = sc_block_text(bs, b);
		size_t cut = 0, chars = 0, lim = 80;

		sc_buf_printf(out, "%u\t%s\t%s/%s\t", b->line, f->keep ? "keep" : "drop",
		    class_names[f->cls & 3], class_names[f->cf & 3]);
		if (!f->keep && f->drop_why != WHY_NONE && f->drop_why != WHY_CLASS &&
		    f->drop_why != WHY_RULE)
			sc_buf_printf(out, "%s: ", why_names[f->drop_why]);
		sc_buf_adds(out, f->reason ? f->reason : "");
		if (f->rule != SC_RULE_NONE)
			sc_buf_printf(out, " (%s:%u)", f->rule_file ? f->rule_file : "?",
			    (unsigned)f->rule_line);
		sc_buf_printf(out, " [w=%u sd=%.2f%s]\t", f->words, f->density,
		    f->end_punct ? " end" : "");
#ifdef SC_TUNE
		if (getenv("SCFULL"))
			lim = SIZE_MAX;
#endif
		while (cut < t.len && chars < lim) {
			uint32_t c;

			cut += sc_utf8_next((const unsigned char *)t.p + cut, t.len - cut, &c, NULL);
			chars++;
		}
		sc_buf_add(out, t.p, cut);
		if (cut < t.len)
			sc_buf_adds(out, "...");
		sc_buf_addc(out, '\n');
	}
}

/* ------------------------------------------------- cross-document table */

/*
 * The table keeps the hashes below `threshold` (all of them at first).
 * When it fills up, the threshold halves and the entries above it go:
 * an entry kept at the end was below every threshold the table ever had,
 * so it was counted in every document that had it, whatever the order.
 */
struct sc_df {
	uint64_t *keys;		/* 0 = empty slot (hash 0 is mapped to 1) */
	uint32_t *counts;
	size_t cap, used, max;
	uint64_t threshold;	/* keep hashes < threshold; UINT64_MAX: all */
	uint64_t docs;
	/* Per document: distinct hashes seen, so each counts once. */
	uint64_t *seen;
	size_t nseen, capseen;
};

uint64_t
sc_df_hash(const char *p, size_t n)
{
	/* Folded letters and digits only, digits all alike: "3 comments" ~ "12 comments". */
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i = 0;
	int sep = 0, any = 0, digit = 0;

	if (!small_ready)
		small_init();
	while (i < n) {
		uint32_t c;
		size_t k;

		if ((unsigned char)p[i] < 0x80) {
			c = (unsigned char)p[i];
			k = 1;
		} else {
			k = sc_utf8_next((const unsigned char *)p + i, n - i, &c, NULL);
		}
		i += k;
		if (c < 0x80 ? isalnum((int)c) :
		    is_letter_cat(category(c)) ||
		    utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ND) {
			if (sep && any)
				FNV(h, ' ');
			sep = 0;
			any = 1;
			if (c < 0x80 && isdigit((int)c)) {
				if (digit)
					continue;	/* a number is one 0 */
				digit = 1;
				c = '0';
			} else {
				digit = 0;
			}
			FNV(h, fold_cp(c));
		} else {
			sep = 1;
			digit = 0;
		}
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h ? h : 1;
}

struct sc_df *
sc_df_new(size_t cap)
{
	struct sc_df *df = xcalloc(1, sizeof *df);

	df->max = cap < 16 ? 16 : cap;
	df->cap = 64;
	while (df->cap < df->max * 2)
		df->cap *= 2;
	df->keys = xcalloc(df->cap, sizeof *df->keys);
	df->counts = xcalloc(df->cap, sizeof *df->counts);
	df->threshold = UINT64_MAX;
	return df;
}

void
sc_df_free(struct sc_df *df)
{
	if (df == NULL)
		return;
	free(df->keys);
	free(df->counts);
	free(df->seen);
	free(df);
}

static size_t
df_slot(const struct sc_df *df, uint64_t h)
{
	size_t m = df->cap - 1, j = (size_t)(h ^ (h >> 29)) & m;

	while (df->keys[j] != 0 && df->keys[j] != h)
		j = (j + 1) & m;
	return j;
}

/* Halve the threshold and rebuild without the entries above it. */
static void
df_shrink(struct sc_df *df)
{
	uint64_t *ok = df->keys;
	uint32_t *oc = df->counts;
	size_t i;

	df->threshold = df->threshold == UINT64_MAX ? (uint64_t)1 << 63 : df->threshold / 2;
	df->keys = xcalloc(df->cap, sizeof *df->keys);
	df->counts = xcalloc(df->cap, sizeof *df->counts);
	df->used = 0;
	for (i = 0; i < df->cap; i++) {
		if (ok[i] != 0 && ok[i] < df->threshold) {
			size_t j = df_slot(df, ok[i]);

			df->keys[j] = ok[i];
			df->counts[j] = oc[i];
			df->used++;
		}
	}
	free(ok);
	free(oc);
}

static void
df_add(struct sc_df *df, uint64_t h, uint32_t count)
{
	size_t j;

	if (h >= df->threshold)
		return;
	j = df_slot(df, h);
	if (df->keys[j] == 0) {
		if (df->used >= df->max) {
			df_shrink(df);
			if (h >= df->threshold)
				return;
			j = df_slot(df, h);
		}
		df->keys[j] = h;
		df->used++;
	}
	df->counts[j] = df->counts[j] + count < df->counts[j] ? UINT32_MAX :
	    df->counts[j] + count;
}

void
sc_df_add_doc(struct sc_df *df, const struct sc_blocks *bs)
{
	size_t i, n = 0;

	if (bs->n > df->capseen) {
		df->capseen = bs->n;
		df->seen = xreallocarray(df->seen, df->capseen, sizeof *df->seen);
	}
	for (i = 0; i < bs->n; i++) {
		struct sc_text t = sc_block_text(bs, &bs->v[i]);

		df->seen[n++] = sc_df_hash(t.p, t.len);
	}
	qsort(df->seen, n, sizeof *df->seen, cmp_u64);
	for (i = 0; i < n; i++)
		if (i == 0 || df->seen[i] != df->seen[i - 1])
			df_add(df, df->seen[i], 1);
	df->docs++;
}

uint32_t
sc_df_count(const struct sc_df *df, uint64_t h)
{
	size_t j;

	if (df == NULL || h >= df->threshold)
		return 0;
	j = df_slot(df, h);
	return df->keys[j] == h ? df->counts[j] : 0;
}

uint64_t
sc_df_docs(const struct sc_df *df)
{
	return df->docs;
}

int
sc_df_save(const struct sc_df *df, const char *path)
{
	/*
	 * Written to a temporary name and renamed when complete: a full disk,
	 * an error or a signal never leaves a partial table under its name
	 * (the write error ends the program, as for standard output).
	 */
	struct sc_sink *k = sc_sink_open_temp(path);
	struct sc_buf line = { 0 };
	uint64_t *v;
	size_t i, n = 0;

	v = xreallocarray(NULL, df->used ? df->used : 1, sizeof *v);
	for (i = 0; i < df->cap; i++)
		if (df->keys[i] != 0)
			v[n++] = df->keys[i];
	qsort(v, n, sizeof *v, cmp_u64);
	sc_sink_select(k);
	sc_outs("sctools-df 1\n");
	for (i = 0; i < n; i++) {
		sc_buf_reset(&line);
		sc_buf_printf(&line, "%016llx %lu\n", (unsigned long long)v[i],
		    (unsigned long)df->counts[df_slot(df, v[i])]);
		sc_out(line.p, line.len);
	}
	sc_buf_reset(&line);
	sc_buf_printf(&line, "threshold %016llx docs %llu\n",
	    (unsigned long long)df->threshold, (unsigned long long)df->docs);
	sc_out(line.p, line.len);
	sc_sink_commit(k);
	sc_sink_select(sc_sink_stdout());
	sc_buf_free(&line);
	free(v);
	return 0;
}

struct sc_df *
sc_df_load(const char *path, size_t cap)
{
	FILE *f = fopen(path, "r");
	struct sc_df *df;
	char *line = NULL;
	size_t linecap = 0;
	uintmax_t lineno = 0;
	int ended = 0;

	if (f == NULL) {
		sc_diag(path, 0, "%s", strerror(errno));
		return NULL;
	}
	df = sc_df_new(cap);
	while (getline(&line, &linecap, f) > 0) {
		unsigned long long h, c;
		char *e;

		lineno++;
		if (lineno == 1) {
			if (strcmp(line, "sctools-df 1\n") != 0) {
				sc_diag(path, lineno, "not a document-frequency table (sctools-df 1)");
				goto bad;
			}
			continue;
		}
		if (strncmp(line, "threshold ", 10) == 0) {
			unsigned long long t, d;

			if (sscanf(line, "threshold %llx docs %llu", &t, &d) != 2) {
				sc_diag(path, lineno, "malformed threshold line");
				goto bad;
			}
			/* Entries above the file's own threshold were never counted. */
			while (df->threshold > t)
				df_shrink(df);
			df->threshold = t;
			df->docs = d;
			ended = 1;
			break;
		}
		h = strtoull(line, &e, 16);
		if (e != line + 16 || *e != ' ') {
			sc_diag(path, lineno, "malformed entry (want HASH COUNT)");
			goto bad;
		}
		c = strtoull(e + 1, &e, 10);
		if (*e != '\n' || h == 0) {
			sc_diag(path, lineno, "malformed entry (want HASH COUNT)");
			goto bad;
		}
		df_add(df, h, c > UINT32_MAX ? UINT32_MAX : (uint32_t)c);
	}
	if (!ended) {
		sc_diag(path, lineno, "truncated table (no threshold line)");
		goto bad;
	}
	free(line);
	fclose(f);
	return df;
bad:
	free(line);
	fclose(f);
	sc_df_free(df);
	return NULL;
}
