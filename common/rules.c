/*
 * rules.c: loading, compiling and matching scstrip's line rules; see
 * rules.h for the file format.
 *
 * Speed: a document has thousands of lines and the built-in set hundreds
 * of rules, so matching every rule on every line would cost more than
 * everything else scstrip does.  Two things keep it cheap.  The rules of
 * one action are joined into one alternation, each alternative tagged
 * with (*MARK:index) so that a match still names its rule; and rules carry
 * a length limit, so the rules are grouped into tiers by limit and a line
 * is matched only against the tier of rules long enough to concern it.
 * Rules that cannot be joined (back references, named groups) are run
 * one by one, and so are rules a cheap test rules out on most lines: a
 * byte every match holds (memchr), a need= text, the first word of a
 * "^\W*(a|b)" rule (first_bytes, lead_texts), the word sequences one of
 * which every match holds (" is a ": required_words), among the words
 * the caller read for the phrase rules.  Phrase rules are looked
 * up by the hashes of a line's word sequences, only as far as some
 * phrase could go (whole[], begins[]).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "simd.h"
#include "ucd.h"
#include "utf8.h"
#include "util.h"

/* Limits against runaway patterns: generous for line-sized subjects. */
#define MATCH_LIMIT 200000
#define DEPTH_LIMIT 10000
#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS)

/* Phrase rules: word sequences matched by hashing, no regex engine. */
enum pkind { PK_REGEX = 0, PK_LINE, PK_START, PK_ANY };

#define PHRASE_MAX_WORDS 12

struct phrase {
	uint64_t key;		/* hash of the kind and the folded words */
	uint32_t rule;		/* index of its rule */
};

/*
 * The texts the alternatives of a "^\W*(a|b|...)" rule begin with, in
 * lower case (see lead_texts), grouped by their first byte: at[b] is the
 * first of them beginning with b and ends[b] one past the last.
 */
#define LEAD_MAX 64		/* alternatives */
#define LEAD_LEN 16		/* bytes of each kept, at most */

struct leads {
	int high;		/* an alternative begins with a character not ASCII */
	/*
	 * The caseless keys (lead_key) of those characters, when every one
	 * is a letter or a digit (hsafe), so that a line whose first word
	 * begins with another character not ASCII is known not to match.
	 */
	int hsafe, nhigh;
	uint32_t hkey[LEAD_MAX];
	uint8_t len[LEAD_MAX];
	char text[LEAD_MAX][LEAD_LEN];
	uint8_t at[128], ends[128];
};

/*
 * Sequences of words one of which every match of a rule holds, as the
 * phrase rules see words (required_words): the hashes of each, for a line
 * whose words the caller read.
 */
#define MUST_MAX 16		/* texts */
#define MUST_LEN 16		/* bytes of each */
#define MUST_WORDS 4		/* words of each */

struct musts {
	int n;
	uint8_t nw[MUST_MAX];
	uint64_t w[MUST_MAX][MUST_WORDS];
	uint64_t first[2];	/* the first words of all, at most two (else 0, 0) */
};

struct rule {
	enum sc_rule_action action;
	enum pkind kind;
	const char *file;
	unsigned line;
	char *pat;
	size_t max;		/* SIZE_MAX: any length */
	pcre2_code *code;	/* the rule alone (regex rules) */
	int solo;		/* matched alone, not in the combined patterns */
	int req;		/* a byte every match contains (pcre2's last code unit), or -1 */
	int has_first;		/* "^\W*" rules: first[] holds the bytes a word may start with */
	uint8_t first[32];
	struct leads *lead;	/* "^\W*(a|b)" rules: what their alternatives begin with, or NULL */
	struct musts *must;	/* word sequences one of which every match holds, or NULL */
	int reported;		/* a run-time error was reported */
	char need[32];		/* need=TEXT: lines without it (ASCII, any case) skip the rule */
	size_t needlen, needj;	/* its length, and the letter memchr looks for */
};

#define SOLO_BITS 64	/* solo rules a line's mask of them can hold */

struct tier {
	size_t max;
	pcre2_code *combined[SC_RULE_NACTIONS];
};

struct sc_rules {
	struct rule *v;
	size_t n, cap;
	char **names;		/* owned copies of file names */
	size_t nnames;
	struct tier *tiers;
	size_t ntiers;
	int compiled;
	int failed;
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	pcre2_jit_stack *jstack;
	/* Phrases, sorted by key after compiling, with an index on the key. */
	struct phrase *ph;
	size_t nph, capph;
	uint64_t *pkeys;	/* open addressing: key -> 1 + first index in ph, in pvals */
	uint32_t *pvals;
	size_t pcap;
	size_t maxw[4];		/* longest phrase in words, per kind */
	size_t maxlen[4];	/* largest max= of the phrase rules, per kind */
	uint64_t first[4][64];	/* per kind, bitset of the phrases' first-word hashes */
	/*
	 * Per kind, bitsets of the word sequences (seq_add) that are whole
	 * phrases and of those that begin longer ones: a line's words are
	 * looked up, and read on, only as far as some phrase could go.
	 */
	uint64_t whole[4][64], begins[4][64];
	int nregex;		/* regex rules present */
	size_t plimit;		/* sc_rules_phrase_limit */
	size_t *solo;		/* indices of the regex rules matched alone, by action */
	size_t nsolo;
	size_t solo_at[SC_RULE_NACTIONS + 1];	/* where each action's start in solo[] */
	/*
	 * With at most 64 of them (SOLO_BITS) and no combined pattern: the
	 * solo rules a line of n bytes meets, as bits by their place in
	 * solo[], are smask[k] for the first k whose smax[k] >= n (none past
	 * the last); a line tries those bits in order instead of every rule.
	 */
	int bits;
	size_t nsmax;
	size_t smax[SOLO_BITS];
	uint64_t smask[SOLO_BITS];
};

static const char *const action_names[SC_RULE_NACTIONS] = {
	"none", "keep", "cut", "list", "drop"
};

const char *
sc_rule_action_name(enum sc_rule_action a)
{
	return (unsigned)a < SC_RULE_NACTIONS ? action_names[a] : "?";
}

struct sc_rules *
sc_rules_new(void)
{
	return xcalloc(1, sizeof(struct sc_rules));
}

static void
free_compiled(struct sc_rules *r)
{
	size_t i;
	int a;

	for (i = 0; i < r->ntiers; i++)
		for (a = 0; a < SC_RULE_NACTIONS; a++)
			pcre2_code_free(r->tiers[i].combined[a]);
	free(r->tiers);
	r->tiers = NULL;
	r->ntiers = 0;
	r->compiled = 0;
}

void
sc_rules_free(struct sc_rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	free_compiled(r);
	for (i = 0; i < r->n; i++) {
		pcre2_code_free(r->v[i].code);
		free(r->v[i].pat);
		free(r->v[i].lead);
		free(r->v[i].must);
	}
	for (i = 0; i < r->nnames; i++)
		free(r->names[i]);
	free(r->names);
	free(r->v);
	free(r->ph);
	free(r->solo);
	free(r->pkeys);
	free(r->pvals);
	pcre2_match_data_free(r->md);
	pcre2_match_context_free(r->mctx);
	pcre2_jit_stack_free(r->jstack);
	free(r);
}

size_t
sc_rules_count(const struct sc_rules *r)
{
	return r->n;
}

static void
pcre2_diag(const char *file, unsigned line, int err, size_t off, int at)
{
	PCRE2_UCHAR msg[256];

	if (pcre2_get_error_message(err, msg, sizeof msg) < 0)
		snprintf((char *)msg, sizeof msg, "error %d", err);
	if (at)
		sc_diag(file, line, "pcre2 error: %s at offset %zu", (char *)msg, off);
	else
		sc_diag(file, line, "pcre2 error: %s", (char *)msg);
}

static pcre2_code *
compile(const char *pat, size_t n, int *err, PCRE2_SIZE *off)
{
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)pat, n, COMPILE_OPTIONS, err, off, NULL);

	if (c != NULL)
		pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);	/* no JIT: interpreter still works */
	return c;
}

static const char *
keep_name(struct sc_rules *r, const char *name)
{
	if (r->nnames == 0 || strcmp(r->names[r->nnames - 1], name) != 0) {
		r->names = xreallocarray(r->names, r->nnames + 1, sizeof *r->names);
		r->names[r->nnames++] = xstrdup(name);
	}
	return r->names[r->nnames - 1];
}


/* ------------------------------------------------------------- phrases */

#define FNV_BASIS 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t
fmix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t
seq_add(uint64_t seq, uint64_t word)
{
	return (seq ^ fmix64(word)) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
}

/* A word sequence in one of the bitsets of struct sc_rules (4096 bits). */
static inline void
seq_set(uint64_t *set, uint64_t seq)
{
	set[seq >> 58] |= (uint64_t)1 << (seq >> 52 & 63);
}

static inline int
seq_has(const uint64_t *set, uint64_t seq)
{
	return (int)(set[seq >> 58] >> (seq >> 52 & 63) & 1);
}

static uint64_t
phrase_key(enum pkind k, uint64_t seq)
{
	return fmix64(seq ^ ((uint64_t)k * 0xD6E8FEB86659FD93ULL)) | 1;
}

/*
 * The words of a line as phrase rules see them: letters and digits, case
 * folded, a run of digits as one "0", apostrophes dropped ("don't" is
 * "dont"), anything else a separator.  Fills h[] with up to max word
 * hashes; returns the number of words (counting past max).
 */
/* ASCII letters in lower case, 0 for any other byte. */
#define L2(x) [x] = x, [x + 1] = x + 1, [x - 32] = x, [x - 31] = x + 1
static const unsigned char ascii_letter[256] = {
	L2('a'), L2('c'), L2('e'), L2('g'), L2('i'), L2('k'), L2('m'), L2('o'), L2('q'),
	L2('s'), L2('u'), L2('w'), L2('y')
};
#undef L2

static size_t
phrase_words(const char *p, size_t n, uint64_t *h, size_t max)
{
	size_t i = 0, nw = 0;
	uint64_t w = FNV_BASIS;
	int in = 0, digits = 0;

	while (i < n) {
		unsigned char b = (unsigned char)p[i];
		uint32_t c;
		int word;

		/* The letters of an ASCII word after its first: the common case. */
		if (in && ascii_letter[b]) {
			do {
				w = (w ^ ascii_letter[b]) * FNV_PRIME;
				if (++i >= n)
					break;	/* p[n] is not ours to read */
				b = (unsigned char)p[i];
			} while (ascii_letter[b]);
			digits = 0;
			continue;
		}
		if (b >= 0xC2 && b < 0xE0 && i + 1 < n && ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
			/* Two bytes (Latin, Greek, Cyrillic ...): ucd.h's table, as below. */
			const struct sc_ucd2 *e = sc_ucd_two(b, (unsigned char)p[i + 1]);

			i += 2;
			word = (e->cat >= UTF8PROC_CATEGORY_LU && e->cat <= UTF8PROC_CATEGORY_ME) ||
			    e->cat == UTF8PROC_CATEGORY_ND;
			c = e->cat == UTF8PROC_CATEGORY_ND ? '0' : e->lower;	/* unread when !word */
		} else if (b < 0x80) {
			c = b;
			i++;
			if (c >= 'A' && c <= 'Z')
				c += 32;
			word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			if (c == '\'' && in)
				continue;
		} else {
			utf8proc_category_t cat;

			i += sc_ucd_next(p, i, n, &c);
			if (c == 0x2019 && in)
				continue;
			cat = (utf8proc_category_t)sc_ucd_category(c);
			word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
			    cat == UTF8PROC_CATEGORY_ND;
			if (word)
				c = sc_ucd_lower(c);
			if (cat == UTF8PROC_CATEGORY_ND)
				c = '0';
		}
		if (!word) {
			if (in) {
				if (nw < max)
					h[nw] = w;
				nw++;
				in = 0;
			}
			continue;
		}
		if (!in) {
			in = 1;
			w = FNV_BASIS;
			digits = 0;
		}
		if (c >= '0' && c <= '9') {
			if (digits)
				continue;	/* "2019" is "0" */
			digits = 1;
			c = '0';
		} else {
			digits = 0;
		}
		w = (w ^ c) * FNV_PRIME;
	}
	if (in) {
		if (nw < max)
			h[nw] = w;
		nw++;
	}
	return nw;
}

static void
add_phrase(struct sc_rules *r, uint64_t key, uint32_t rule)
{
	if (r->nph == r->capph) {
		r->capph = r->capph ? r->capph * 2 : 256;
		r->ph = xreallocarray(r->ph, r->capph, sizeof *r->ph);
	}
	r->ph[r->nph].key = key;
	r->ph[r->nph].rule = rule;
	r->nph++;
}

/* Parse "a | b | c" of a phrase rule; returns 0 or 1 when bad (reported). */
static int
add_phrases(struct sc_rules *r, const char *file, unsigned lineno, enum pkind kind,
    const char *p, size_t n, uint32_t rule)
{
	size_t i = 0;

	while (i <= n) {
		const char *e = memchr(p + i, '|', n - i);
		size_t end = e ? (size_t)(e - p) : n;
		uint64_t h[PHRASE_MAX_WORDS], seq = 0;
		size_t nw = phrase_words(p + i, end - i, h, PHRASE_MAX_WORDS), k;

		if (nw == 0) {
			sc_diag(file, lineno, "empty phrase");
			return 1;
		}
		if (nw > PHRASE_MAX_WORDS) {
			sc_diag(file, lineno, "phrase of more than %d words", PHRASE_MAX_WORDS);
			return 1;
		}
		for (k = 0; k < nw; k++) {
			seq = seq_add(seq, h[k]);
			if (k + 1 < nw)
				seq_set(r->begins[kind], seq);
		}
		seq_set(r->whole[kind], seq);
		add_phrase(r, phrase_key(kind, seq), rule);
		if (nw > r->maxw[kind])
			r->maxw[kind] = nw;
		r->first[kind][(h[0] >> 7) & 63] |= (uint64_t)1 << (h[0] & 63);
		i = end + 1;
	}
	return 0;
}

static int
cmp_phrase(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* Sort the phrases and index them by key. */
static void
index_phrases(struct sc_rules *r)
{
	size_t i;

	free(r->pkeys);
	free(r->pvals);
	r->pkeys = NULL;
	r->pvals = NULL;
	r->pcap = 0;
	if (r->nph == 0)
		return;
	qsort(r->ph, r->nph, sizeof *r->ph, cmp_phrase);
	r->pcap = 16;
	while (r->pcap < r->nph * 2)
		r->pcap *= 2;
	r->pkeys = xcalloc(r->pcap, sizeof *r->pkeys);
	r->pvals = xcalloc(r->pcap, sizeof *r->pvals);
	for (i = 0; i < r->nph; i++) {
		size_t j;

		if (i > 0 && r->ph[i].key == r->ph[i - 1].key)
			continue;
		for (j = (size_t)r->ph[i].key & (r->pcap - 1); r->pkeys[j] != 0;
		    j = (j + 1) & (r->pcap - 1))
			;
		r->pkeys[j] = r->ph[i].key;
		r->pvals[j] = (uint32_t)i;
	}
}

/* The strongest action among the phrases with this key that apply to n bytes. */
static void
lookup_phrase(const struct sc_rules *r, uint64_t key, size_t n, int *best, long *who)
{
	size_t j, i;

	for (j = (size_t)key & (r->pcap - 1); r->pkeys[j] != 0; j = (j + 1) & (r->pcap - 1)) {
		if (r->pkeys[j] != key)
			continue;
		for (i = r->pvals[j]; i < r->nph && r->ph[i].key == key; i++) {
			const struct rule *ru = &r->v[r->ph[i].rule];

			if (ru->max >= n && (*best == 0 || (int)ru->action < *best)) {
				*best = (int)ru->action;
				*who = (long)r->ph[i].rule;
			}
		}
		return;
	}
}

/* Whether some phrase of this kind begins with the word of hash h (maybe). */
static inline int
first_word(const struct sc_rules *r, enum pkind kind, uint64_t h)
{
	return (r->first[kind][(h >> 7) & 63] >> (h & 63)) & 1;
}

/*
 * Match the phrase rules; *who is the rule of the strongest action found.
 * pre[0..npre) are the line's words when the caller read them already
 * (sc_rules_match_words), NULL when they are to be read here.
 */
static int
match_phrases(const struct sc_rules *r, const char *p, size_t n, long *who,
    const uint64_t *pre, size_t npre)
{
	uint64_t buf[SC_RULES_WORDS];
	const uint64_t *h = buf;
	size_t nw, maxw, k, i;
	int best = 0;
	uint64_t seq;

	if (r->nph == 0)
		return 0;
	maxw = r->maxw[PK_LINE] > r->maxw[PK_START] ? r->maxw[PK_LINE] : r->maxw[PK_START];
	if (n <= r->maxlen[PK_ANY])
		maxw = 64;
	if (n > r->maxlen[PK_LINE] && n > r->maxlen[PK_START] && n > r->maxlen[PK_ANY])
		return 0;
	/*
	 * Fewer than 64 words read when no "any:" phrase can apply: the
	 * tests below never look past maxw, so the caller's 64 serve too.
	 */
	if (pre != NULL) {
		h = pre;
		nw = npre;
	} else {
		nw = phrase_words(p, n, buf, maxw < 64 ? maxw : 64);
	}
	if (nw == 0)
		return 0;
	/* A line's first word starts no phrase of a kind: none of them matches. */
	if (nw <= r->maxw[PK_LINE] && n <= r->maxlen[PK_LINE] && first_word(r, PK_LINE, h[0])) {
		for (seq = 0, k = 0; k < nw; k++)
			seq = seq_add(seq, h[k]);
		lookup_phrase(r, phrase_key(PK_LINE, seq), n, &best, who);
	}
	if (n <= r->maxlen[PK_START] && first_word(r, PK_START, h[0])) {
		for (seq = 0, k = 0; k < nw && k < r->maxw[PK_START]; k++) {
			seq = seq_add(seq, h[k]);
			if (seq_has(r->whole[PK_START], seq))
				lookup_phrase(r, phrase_key(PK_START, seq), n, &best, who);
			if (!seq_has(r->begins[PK_START], seq))
				break;
		}
	}
	if (n <= r->maxlen[PK_ANY] && nw <= 64) {
		for (i = 0; i < nw; i++) {
			if (!first_word(r, PK_ANY, h[i]))
				continue;
			for (seq = 0, k = i; k < nw && k - i < r->maxw[PK_ANY]; k++) {
				seq = seq_add(seq, h[k]);
				if (seq_has(r->whole[PK_ANY], seq))
					lookup_phrase(r, phrase_key(PK_ANY, seq), n, &best, who);
				if (!seq_has(r->begins[PK_ANY], seq))
					break;
			}
		}
	}
	return best;
}

/*
 * Rules anchored as "^\W*(...)" (skip what is not a word, then a word
 * from a list) fail on almost every line at its first word, yet pcre2
 * cannot say which bytes may begin it, being anchored.  The rest of the
 * pattern, compiled unanchored, can: pcre2 studies it into the set of its
 * possible first bytes (PCRE2_INFO_FIRSTBITMAP, or one first code unit).
 * Returns 1 and fills set[] when it could.
 */
static int
first_bytes(const char *pat, uint8_t set[32])
{
	pcre2_code *c;
	int err, ok = 0;
	PCRE2_SIZE off;
	uint32_t type = 0, unit = 0;
	const uint8_t *bm = NULL;
	size_t n = strlen(pat);

	if (n < 5 || memcmp(pat, "^\\W*", 4) != 0 || pat[4] == '?' || pat[4] == '+' ||
	    pat[4] == '{')
		return 0;
	c = pcre2_compile((PCRE2_SPTR)(pat + 4), n - 4, COMPILE_OPTIONS, &err, &off, NULL);
	if (c == NULL)
		return 0;
	memset(set, 0, 32);
	pcre2_pattern_info(c, PCRE2_INFO_FIRSTCODETYPE, &type);
	if (type == 1) {
		pcre2_pattern_info(c, PCRE2_INFO_FIRSTCODEUNIT, &unit);
		if (unit < 0x80) {
			/* Caseless: either case of a letter. */
			set[unit >> 3] |= (uint8_t)(1u << (unit & 7));
			if ((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z') {
				unit ^= 0x20;
				set[unit >> 3] |= (uint8_t)(1u << (unit & 7));
			}
			ok = 1;
		}
	} else if (type == 0 && pcre2_pattern_info(c, PCRE2_INFO_FIRSTBITMAP, &bm) == 0 &&
	    bm != NULL) {
		memcpy(set, bm, 32);
		ok = 1;
	}
	pcre2_code_free(c);
	return ok;
}

/* A byte of \w in ASCII: a digit, a letter, '_'. */
static inline int
ascii_word_byte(unsigned char b)
{
	return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') || b == '_';
}

/*
 * Where the first word character of a line is, for the "^\W*" rules
 * (first_word_may_match): -1 when that is not known for sure: no word at
 * all, or a character before it that is a word character under some
 * pcre2 versions' Unicode rules and not under others (marks Mn,
 * connectors Pc).  *high is set when the character found is not ASCII (a
 * letter or a digit, \w in every version), *plain when all before it is
 * ASCII.  Read once a line for all such rules.
 */
static int
first_word_at(const char *p, size_t n, int *high, int *plain)
{
	size_t i = 0;

	*high = 0;
	*plain = 1;
	while (i < n && i < INT_MAX) {
		unsigned char b = (unsigned char)p[i];
		uint32_t c;
		size_t k;
		int cat;

		if (b < 0x80) {
			if (ascii_word_byte(b))
				return (int)i;
			i++;
			continue;
		}
		k = sc_ucd_next(p, i, n, &c);
		cat = sc_ucd_category(c);
		if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
		    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) {
			*high = 1;
			return (int)i;
		}
		if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_PC)
			return -1;
		*plain = 0;
		i += k;
	}
	return -1;
}

/*
 * Whether a "^\W*" rule may match a line whose first word begins at
 * p[w], all ASCII before it: its rest begins at p[w] or, when it may
 * begin with punctuation, at one of the bytes before.
 */
static inline int
may_start(const struct rule *ru, const char *p, int w)
{
	int j;

	for (j = w; j >= 0; j--) {
		unsigned char b = (unsigned char)p[j];

		if ((ru->first[b >> 3] >> (b & 7)) & 1)
			return 1;
	}
	return 0;
}

/*
 * The end of the class opened at p[i] ('['), or SIZE_MAX: a ']' first
 * (or after '^') is a member, and so is [:name:].
 */
static size_t
class_end(const char *p, size_t n, size_t i)
{
	i++;
	if (i < n && p[i] == '^')
		i++;
	if (i < n && p[i] == ']')
		i++;
	while (i < n && p[i] != ']') {
		if (p[i] == '\\') {
			i += 2;
			continue;
		}
		if (p[i] == '[' && i + 1 < n && p[i + 1] == ':') {
			const char *e = strstr(p + i + 2, ":]");

			if (e == NULL || (size_t)(e - p) >= n)
				return SIZE_MAX;
			i = (size_t)(e - p) + 2;
			continue;
		}
		i++;
	}
	return i < n ? i + 1 : SIZE_MAX;
}

/*
 * The end of the group or pattern that an alternative starting at p[i]
 * belongs to: the index of the '|' or ')' that ends the alternative, or
 * n.  Escapes, character classes and nested groups are stepped over.
 * Returns SIZE_MAX on what this reading does not follow (\Q...\E).
 */
static size_t
alt_end(const char *p, size_t n, size_t i)
{
	int depth = 0;

	while (i < n) {
		char c = p[i];

		if (c == '\\') {
			if (i + 1 < n && (p[i + 1] == 'Q' || p[i + 1] == 'E'))
				return SIZE_MAX;
			i += 2;
			continue;
		}
		if (c == '[') {
			if ((i = class_end(p, n, i)) == SIZE_MAX)
				return SIZE_MAX;
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && depth-- == 0)
			return i;
		else if (c == '|' && depth == 0)
			return i;
		i++;
	}
	return depth == 0 ? n : SIZE_MAX;
}

/*
 * Whether pat is read here as pcre2 reads it: no inline option that could
 * be (?x) (which changes what a space is), no comment, no verb.
 */
static int
plain_syntax(const char *pat, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		if (pat[i] == '\\') {
			i++;
			continue;
		}
		if (pat[i] == '(' && (pat[i + 1] == '?' || pat[i + 1] == '*') &&
		    !(pat[i + 1] == '?' && i + 2 < n && pat[i + 2] == ':')) {
			size_t j = i + 2;

			if (pat[i + 1] == '*')
				return 0;
			while (j < n && pat[j] != ')' && pat[j] != ':') {
				if (pat[j] == 'x' || pat[j] == 'X' || pat[j] == '#')
					return 0;
				j++;
			}
		}
	}
	return 1;
}

/*
 * Rules "^\W*(a|b|...)" (or "^\W*a...") fail on almost every line at
 * its first word, yet the first byte of a word (first_bytes) lets most
 * lines that begin with a capital through to the matcher.  Each
 * alternative begins with literal text, "read " of "read (more|also)",
 * and a line can match only where its first word begins with one of
 * them, in either case: the line's text from first_word_at must begin so.
 * Kept are the alternatives' leading characters up to anything but a
 * plain character (a class, an escape of a letter, a group, a
 * quantifier, which also takes back the character before it).  An
 * alternative that begins with a character other than ASCII cannot
 * begin at an ASCII word character, unless it is one of the two pcre2's
 * caseless matching pairs with an ASCII letter (the Kelvin sign, the
 * long s), and is left out; so is a line where such a character stands
 * for an 's' or a 'k' of a text (lead_may_match).  Gives up (NULL) on
 * anything it does not follow: inline options that could be (?x), an
 * alternative that may begin otherwise, a group that is optional.
 */
/*
 * What a character not ASCII is under pcre2's caseless matching, for
 * lead_texts and lead_high_may_match: the upper case of its lower case
 * (one key for K, k and the Kelvin sign, for s and the long s, for
 * sigma and final sigma, for ve and rounded ve ...).  0 for a character
 * that is no letter or digit (\W: it could begin before the first word),
 * or outside the blocks whose case pairs have long been settled (Latin,
 * Greek, Cyrillic to U+052F; kana and CJK; Hangul), whose pcre2 and
 * utf8proc could pair otherwise.
 */
static uint32_t
lead_key(uint32_t c)
{
	int cat;

	if (!((c >= 0x80 && c <= 0x52F) || (c >= 0x3040 && c <= 0x30FF) ||
	    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xAC00 && c <= 0xD7A3)))
		return 0;
	cat = sc_ucd_category(c);
	if (!((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)))
		return 0;
	return (uint32_t)utf8proc_toupper(utf8proc_tolower((utf8proc_int32_t)c));
}

static struct leads *
lead_texts(const char *pat)
{
	size_t n = strlen(pat), i, end, k;
	struct leads *L;
	int group, nl = 0;
	uint8_t cnt[128];

	if (n < 5 || memcmp(pat, "^\\W*", 4) != 0 || pat[4] == '?' || pat[4] == '+' ||
	    pat[4] == '{')
		return NULL;
	if (!plain_syntax(pat, n))
		return NULL;
	i = 4;
	group = pat[i] == '(';
	if (group) {
		if (i + 1 < n && pat[i + 1] == '?') {
			if (i + 2 >= n || pat[i + 2] != ':')
				return NULL;
			i += 3;
		} else {
			i++;
		}
	}
	L = xcalloc(1, sizeof *L);
	memset(cnt, 0, sizeof cnt);
	for (;;) {
		size_t len = 0, j = i;
		int skip = 0;

		end = alt_end(pat, n, i);
		if (end == SIZE_MAX || nl == LEAD_MAX)
			goto fail;
		while (j < end && len < LEAD_LEN) {
			unsigned char c = (unsigned char)pat[j], q;
			size_t step = 1;

			if (c >= 0x80) {
				uint32_t cp, key;
				int bad = 0;

				step = sc_utf8_next((const unsigned char *)pat + j, n - j, &cp, &bad);
				if (len > 0)
					break;
				if (bad || cp == 0x212A || cp == 0x17F)
					goto fail;
				if (!L->high)
					L->hsafe = 1;
				skip = L->high = 1;	/* no ASCII character matches it */
				if ((key = lead_key(cp)) == 0)
					L->hsafe = 0;
				else if (L->nhigh < LEAD_MAX)
					L->hkey[L->nhigh++] = key;
			} else if (c == '\\' && j + 1 < end &&
			    !((unsigned char)pat[j + 1] >= 0x80 || ascii_word_byte((unsigned char)pat[j + 1]) ||
			    pat[j + 1] == ' ')) {
				c = (unsigned char)pat[j + 1];	/* an escaped punctuation mark */
				step = 2;
			} else if (c == '\\' || strchr("()[].^$|?*+{", c) != NULL) {
				break;
			}
			q = j + step < end ? (unsigned char)pat[j + step] : 0;
			if (q == '?' || q == '*' || q == '{') {
				skip = 0;
				break;	/* optional: not part of what must come */
			}
			if (skip)
				break;
			if (len == 0 && !ascii_word_byte(c))
				goto fail;	/* could begin before the first word */
			L->text[nl][len++] = (char)sc_ascii_lower(c);
			j += step;
			if (q == '+')
				break;
		}
		if (!skip) {
			if (len == 0)
				goto fail;
			L->len[nl++] = (uint8_t)len;
		}
		if (end >= n || pat[end] == ')')
			break;
		i = end + 1;
	}
	if (group) {
		if (end >= n || pat[end] != ')')
			goto fail;
		if (end + 1 < n && strchr("?*+{", pat[end + 1]) != NULL)
			goto fail;
	} else if (end != n) {
		goto fail;
	}
	/* Sort by first byte (a stable counting sort), then index. */
	{
		struct leads *S = xcalloc(1, sizeof *S);
		int b, at = 0;

		for (k = 0; k < (size_t)nl; k++)
			cnt[(unsigned char)L->text[k][0]]++;
		for (b = 0; b < 128; b++) {
			S->at[b] = (uint8_t)at;
			at += cnt[b];
			S->ends[b] = (uint8_t)at;
		}
		memset(cnt, 0, sizeof cnt);
		for (k = 0; k < (size_t)nl; k++) {
			unsigned char b0 = (unsigned char)L->text[k][0];
			int to = S->at[b0] + cnt[b0]++;

			S->len[to] = L->len[k];
			memcpy(S->text[to], L->text[k], LEAD_LEN);
		}
		S->high = L->high;
		S->hsafe = L->hsafe;
		S->nhigh = L->nhigh;
		memcpy(S->hkey, L->hkey, sizeof S->hkey);
		free(L);
		return S;
	}
fail:
	free(L);
	return NULL;
}

/* Whether p begins with the Kelvin sign or the long s, which match 'k' and 's'. */
static inline int
lead_kelvin_s(const char *p, size_t n)
{
	return (n >= 2 && (unsigned char)p[0] == 0xC5 && (unsigned char)p[1] == 0xBF) ||
	    (n >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x84 &&
	    (unsigned char)p[2] == 0xAA);
}

/*
 * Whether a line whose first word begins at p (an ASCII word byte; n
 * bytes to the end of the line) begins with one of the texts of L.  A
 * byte above ASCII where a text has 's' or 'k' may be the long s or the
 * Kelvin sign, which match them: the matcher decides.
 */
static int
lead_may_match(const struct leads *L, const char *p, size_t n)
{
	unsigned char b0 = (unsigned char)sc_ascii_lower((unsigned char)p[0]);
	int k;

	for (k = L->at[b0]; k < L->ends[b0]; k++) {
		size_t j, len = L->len[k];

		for (j = 1; j < len && j < n; j++) {
			unsigned b = sc_ascii_lower((unsigned char)p[j]), t = (unsigned char)L->text[k][j];

			if (b != t) {
				if (b >= 0x80 && (t == 's' || t == 'k'))
					return 1;
				break;
			}
		}
		if (j == len)
			return 1;
	}
	return 0;
}

/*
 * Whether a line whose first word begins at p with a character not
 * ASCII (n bytes to the end of the line) may begin with one of the
 * alternatives of L that begin with such a character: the same
 * character in any case (lead_key), or a character lead_key does not
 * know.  Lines of Cyrillic or CJK text met every such rule's matcher.
 */
static int
lead_high_may_match(const struct leads *L, const char *p, size_t n)
{
	uint32_t c, key;
	int k;

	if (!L->hsafe)
		return 1;
	(void)sc_ucd_next(p, 0, n, &c);
	key = lead_key(c);
	if (key == 0)
		return 1;
	for (k = 0; k < L->nhigh; k++)
		if (L->hkey[k] == key)
			return 1;
	return 0;
}

static size_t need_anchor(const char *s, size_t len);
static struct musts *required_words(const char *pat);

/* Parse and compile one line; returns 0, or 1 when it was bad (reported). */
static int
add_line(struct sc_rules *r, const char *file, unsigned lineno, const char *p, size_t n)
{
	size_t i = 0, w;
	enum sc_rule_action a = SC_RULE_NONE;
	size_t max = SC_RULE_DEFAULT_MAX;
	struct rule *ru;
	int err;
	PCRE2_SIZE off;
	pcre2_code *code;
	uint32_t brmax = 0, names = 0, lasttype = 0, lastunit = 0;
	char need[32];
	size_t needlen = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i == n || p[i] == '#')
		return 0;
	for (w = i; w < n && p[w] != ' ' && p[w] != '\t'; w++)
		;
	if (w - i == 4 && memcmp(p + i, "drop", 4) == 0)
		a = SC_RULE_DROP;
	else if (w - i == 3 && memcmp(p + i, "cut", 3) == 0)
		a = SC_RULE_CUT;
	else if (w - i == 4 && memcmp(p + i, "keep", 4) == 0)
		a = SC_RULE_KEEP;
	else if (w - i == 4 && memcmp(p + i, "list", 4) == 0)
		a = SC_RULE_LIST;
	else {
		sc_diag(file, lineno, "unknown action \"%.*s\" (drop, cut, list or keep)",
		    (int)(w - i > 40 ? 40 : w - i), p + i);
		return 1;
	}
	i = w;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (n - i > 4 && memcmp(p + i, "max=", 4) == 0) {
		size_t v = 0;

		for (w = i + 4; w < n && p[w] >= '0' && p[w] <= '9'; w++) {
			if (v > (SIZE_MAX - 9) / 10) {
				sc_diag(file, lineno, "max=: number too large");
				return 1;
			}
			v = v * 10 + (size_t)(p[w] - '0');
		}
		if (w == i + 4 || (w < n && p[w] != ' ' && p[w] != '\t')) {
			sc_diag(file, lineno, "max= needs a number of bytes");
			return 1;
		}
		max = v;
		i = w;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
	}
	if (n - i > 5 && memcmp(p + i, "need=", 5) == 0) {
		size_t k;

		for (w = i + 5; w < n && p[w] != ' ' && p[w] != '\t'; w++)
			;
		if (w == i + 5 || w - i - 5 >= sizeof need) {
			sc_diag(file, lineno, "need= wants a word of 1 to %zu bytes", sizeof need - 1);
			return 1;
		}
		for (k = i + 5; k < w; k++) {
			if ((unsigned char)p[k] >= 0x80) {
				sc_diag(file, lineno, "need= takes ASCII text");
				return 1;
			}
			need[needlen++] = (char)tolower((unsigned char)p[k]);
		}
		i = w;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
	}
	while (n > i && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	if (i == n) {
		sc_diag(file, lineno, "%s: missing pattern", action_names[a]);
		return 1;
	}
	{
		static const struct { const char *name; enum pkind kind; } kinds[] = {
			{ "line:", PK_LINE }, { "start:", PK_START }, { "any:", PK_ANY }
		};
		size_t k;

		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			size_t kl = strlen(kinds[k].name);

			if (n - i < kl || memcmp(p + i, kinds[k].name, kl) != 0)
				continue;
			if (needlen > 0) {
				sc_diag(file, lineno, "need= is for pattern rules, not %s", kinds[k].name);
				return 1;
			}
			if (r->n == r->cap) {
				r->cap = r->cap ? r->cap * 2 : 64;
				r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
			}
			ru = &r->v[r->n];
			memset(ru, 0, sizeof *ru);
			ru->action = a;
			ru->kind = kinds[k].kind;
			ru->file = keep_name(r, file);
			ru->line = lineno;
			ru->pat = xmemdup(p + i, n - i);
			ru->max = max == 0 ? SIZE_MAX : max;
			if (add_phrases(r, file, lineno, kinds[k].kind, p + i + kl, n - i - kl,
			    (uint32_t)r->n) != 0) {
				free(ru->pat);
				return 1;
			}
			if (ru->max > r->maxlen[ru->kind])
				r->maxlen[ru->kind] = ru->max;
			r->n++;
			if (r->compiled)
				free_compiled(r);
			return 0;
		}
	}
	code = compile(p + i, n - i, &err, &off);
	if (code == NULL) {
		pcre2_diag(file, lineno, err, (size_t)off, 1);
		return 1;
	}
	pcre2_pattern_info(code, PCRE2_INFO_BACKREFMAX, &brmax);
	pcre2_pattern_info(code, PCRE2_INFO_LASTCODETYPE, &lasttype);
	if (lasttype == 1)
		pcre2_pattern_info(code, PCRE2_INFO_LASTCODEUNIT, &lastunit);
	pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &names);
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	ru = &r->v[r->n++];
	memset(ru, 0, sizeof *ru);
	ru->action = a;
	ru->file = keep_name(r, file);
	ru->line = lineno;
	ru->pat = xmemdup(p + i, n - i);
	ru->max = max == 0 ? SIZE_MAX : max;
	ru->code = code;
	memcpy(ru->need, need, needlen);
	ru->needlen = needlen;
	ru->needj = need_anchor(need, needlen);
	r->nregex++;
	/*
	 * Back references, names and verbs would change meaning inside a
	 * join; "\Q" without "\E" and extended-mode "#" comments would
	 * swallow the rest of it.  Those rules run alone.
	 */
	ru->solo = brmax > 0 || names > 0 || strstr(ru->pat, "(*") != NULL ||
	    strstr(ru->pat, "\\Q") != NULL || strchr(ru->pat, '#') != NULL;
	/*
	 * A rule with a byte every match must contain (a ':' after a label)
	 * runs alone, after a memchr for that byte: most lines lack it, and a
	 * failed memchr is far cheaper than a failed match.  Letters are left
	 * to the matcher (caseless).
	 */
	ru->req = -1;
	if (first_bytes(ru->pat, ru->first))
		ru->has_first = ru->solo = 1;
	if (ru->needlen > 0)
		ru->solo = 1;
	if (lasttype == 1 && lastunit < 0x80 && !((lastunit | 0x20) >= 'a' && (lastunit | 0x20) <= 'z')) {
		/*
		 * Not a space, which nearly every line has (on 10 MB of the
		 * bench corpus the memchr turned away 5% of the lines it was
		 * asked about, for a call on each): the other filters follow.
		 */
		ru->req = lastunit == ' ' ? -1 : (int)lastunit;
		ru->solo = 1;
	}
	/*
	 * The texts the first word must begin with filter only rules that
	 * run alone anyway: which rules are joined decides which of them a
	 * line is told it matched.
	 */
	if (ru->solo) {
		ru->lead = lead_texts(ru->pat);
		ru->must = required_words(ru->pat);
	}
	if (r->compiled)
		free_compiled(r);
	return 0;
}

int
sc_rules_load_mem(struct sc_rules *r, const char *name, const char *text, size_t n)
{
	size_t i = 0;
	unsigned lineno = 0;
	int bad = 0;

	while (i < n) {
		const char *e = memchr(text + i, '\n', n - i);
		size_t end = e ? (size_t)(e - text) : n;

		lineno++;
		if (memchr(text + i, '\0', end - i) != NULL) {
			sc_diag(name, lineno, "NUL byte in rule");
			bad++;
		} else {
			bad += add_line(r, name, lineno, text + i, end - i);
		}
		i = end + 1;
	}
	return bad;
}

static int
load_stream(struct sc_rules *r, const char *name, FILE *f)
{
	struct sc_buf b = { 0 };
	char chunk[65536];
	size_t k;
	int bad;

	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		sc_buf_add(&b, chunk, k);
	if (ferror(f)) {
		sc_diag(name, 0, "read error: %s", strerror(errno));
		sc_buf_free(&b);
		return -1;
	}
	bad = sc_rules_load_mem(r, name, b.p ? b.p : "", b.len);
	sc_buf_free(&b);
	return bad;
}

/* Load path, naming it name in diagnostics and --explain. */
static int
load_named(struct sc_rules *r, const char *path, const char *name)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int bad;

	if (f == NULL) {
		sc_diag(name, 0, "%s", strerror(errno));
		return -1;
	}
	bad = load_stream(r, name, f);
	if (f != stdin)
		fclose(f);
	return bad;
}

int
sc_rules_load_file(struct sc_rules *r, const char *path)
{
	return load_named(r, path, path);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
sc_rules_load_builtin(struct sc_rules *r)
{
	struct sc_buf path = { 0 };
	DIR *d;
	struct dirent *e;
	char **list = NULL;
	size_t nlist = 0, i;
	int bad = 0;

	sc_buf_printf(&path, "%s/rules", sc_datadir());
	d = opendir(path.p);
	if (d == NULL) {
		sc_diag(path.p, 0, "cannot read the built-in rules: %s", strerror(errno));
		sc_buf_free(&path);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		if (n > 6 && strcmp(e->d_name + n - 6, ".rules") == 0) {
			list = xreallocarray(list, nlist + 1, sizeof *list);
			list[nlist++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	/* Name order, not directory order: the same set on every machine. */
	qsort(list, nlist, sizeof *list, cmp_str);
	for (i = 0; i < nlist; i++) {
		int b;

		struct sc_buf name = { 0 };

		sc_buf_reset(&path);
		sc_buf_printf(&path, "%s/rules/%s", sc_datadir(), list[i]);
		/* Built-in rules are named as they sit in the data directory. */
		sc_buf_printf(&name, "rules/%s", list[i]);
		b = load_named(r, path.p, name.p);
		sc_buf_free(&name);
		bad += b < 0 ? 1 : b;
		free(list[i]);
	}
	free(list);
	sc_buf_free(&path);
	return bad;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* r->bits and the masks of the solo rules by length (see struct sc_rules). */
static void
solo_masks(struct sc_rules *r)
{
	size_t i, j, k;
	int a;

	r->bits = r->nsolo <= SOLO_BITS;
	r->nsmax = 0;
	for (i = 0; i < r->ntiers; i++)
		for (a = 0; a < SC_RULE_NACTIONS; a++)
			if (r->tiers[i].combined[a] != NULL)
				r->bits = 0;
	if (!r->bits)
		return;
	/* The distinct limits, ascending (insertion: a few rules). */
	for (j = 0; j < r->nsolo; j++) {
		size_t m = r->v[r->solo[j]].max;

		for (k = 0; k < r->nsmax && r->smax[k] < m; k++)
			;
		if (k < r->nsmax && r->smax[k] == m)
			continue;
		memmove(r->smax + k + 1, r->smax + k, (r->nsmax - k) * sizeof *r->smax);
		r->smax[k] = m;
		r->nsmax++;
	}
	for (k = 0; k < r->nsmax; k++) {
		r->smask[k] = 0;
		for (j = 0; j < r->nsolo; j++)
			if (r->v[r->solo[j]].max >= r->smax[k])
				r->smask[k] |= (uint64_t)1 << j;
	}
}

int
sc_rules_compile(struct sc_rules *r)
{
	size_t *maxes, nmax = 0, i, j;
	struct sc_buf pat = { 0 };

	if (r->compiled)
		return r->failed ? -1 : 0;
	r->compiled = 1;
	r->failed = 0;
	if (r->mctx == NULL) {
		r->mctx = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
		pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
		r->jstack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
		if (r->jstack != NULL)
			pcre2_jit_stack_assign(r->mctx, NULL, r->jstack);
		r->md = pcre2_match_data_create(64, NULL);
	}
	index_phrases(r);
	for (i = PK_LINE, r->plimit = 0; r->nph > 0 && i <= PK_ANY; i++)
		if (r->maxlen[i] > r->plimit)
			r->plimit = r->maxlen[i];
	free(r->solo);
	r->solo = NULL;
	r->nsolo = 0;
	/* Tiers: one per distinct length limit of the regex rules, ascending. */
	maxes = xreallocarray(NULL, r->n ? r->n : 1, sizeof *maxes);
	for (i = 0; i < r->n; i++)
		if (r->v[i].kind == PK_REGEX)
			maxes[nmax++] = r->v[i].max;
	qsort(maxes, nmax, sizeof *maxes, cmp_size);
	j = nmax;
	nmax = 0;
	for (i = 0; i < j; i++)
		if (nmax == 0 || maxes[nmax - 1] != maxes[i])
			maxes[nmax++] = maxes[i];
	r->tiers = xcalloc(nmax ? nmax : 1, sizeof *r->tiers);
	r->ntiers = nmax;
	for (i = 0; i < nmax; i++) {
		int a;

		r->tiers[i].max = maxes[i];
		for (a = SC_RULE_KEEP; a < SC_RULE_NACTIONS; a++) {
			size_t cnt = 0;
			int err;
			PCRE2_SIZE off;

			sc_buf_reset(&pat);
			sc_buf_adds(&pat, "(?:");
			for (j = 0; j < r->n; j++) {
				struct rule *ru = &r->v[j];

				if (ru->kind != PK_REGEX || ru->action != (enum sc_rule_action)a ||
				    ru->solo || ru->max < maxes[i])
					continue;
				if (cnt++)
					sc_buf_addc(&pat, '|');
				sc_buf_printf(&pat, "(?:%s)(*MARK:%zu)", ru->pat, j);
			}
			sc_buf_addc(&pat, ')');
			if (cnt == 0)
				continue;
			r->tiers[i].combined[a] = compile(pat.p, pat.len, &err, &off);
			if (r->tiers[i].combined[a] == NULL) {
				/* Should not happen (each part compiled alone): run them solo. */
				for (j = 0; j < r->n; j++)
					if (r->v[j].action == (enum sc_rule_action)a &&
					    r->v[j].kind == PK_REGEX)
						r->v[j].solo = 1;
			}
		}
	}
	free(maxes);
	sc_buf_free(&pat);
	/* Grouped by action, in file order within each: a line tries only its action's. */
	for (j = 0; j < SC_RULE_NACTIONS; j++) {
		r->solo_at[j] = r->nsolo;
		for (i = 0; i < r->n; i++) {
			if (r->v[i].kind == PK_REGEX && r->v[i].solo &&
			    r->v[i].action == (enum sc_rule_action)j) {
				r->solo = xreallocarray(r->solo, r->nsolo + 1, sizeof *r->solo);
				r->solo[r->nsolo++] = i;
			}
		}
	}
	r->solo_at[SC_RULE_NACTIONS] = r->nsolo;
	solo_masks(r);
	return 0;
}

/*
 * One match, by the JIT directly when the pattern was JIT-compiled: it
 * skips pcre2_match's checks, a large share of the cost on short lines.
 */
static int
run(struct sc_rules *r, const pcre2_code *code, const char *p, size_t n)
{
	int rc = pcre2_jit_match(code, (PCRE2_SPTR)p, n, 0, PCRE2_NO_UTF_CHECK, r->md, r->mctx);

	if (rc == PCRE2_ERROR_JIT_BADOPTION)
		rc = pcre2_match(code, (PCRE2_SPTR)p, n, 0, PCRE2_NO_UTF_CHECK, r->md, r->mctx);
	return rc;
}

/* Report a run-time error of one rule, once. */
static void
runtime_error(struct rule *ru, int rc)
{
	if (ru->reported)
		return;
	ru->reported = 1;
	pcre2_diag(ru->file, ru->line, rc, 0, 0);
}

/*
 * The letter of a need= text to search for: its rarest by English letter
 * frequency (anything not a letter rarer still), so that memchr stops
 * seldom.
 */
static size_t
need_anchor(const char *s, size_t len)
{
	static const char freq[] = "etaoinshrdlcumwfgypbvkjxqz";
	size_t j = 0, k, best = 0;

	for (k = 0; k < len; k++) {
		const char *f = s[k] >= 'a' && s[k] <= 'z' ? strchr(freq, s[k]) : NULL;
		size_t rank = f ? (size_t)(f - freq) + 1 : 100;

		if (rank > best) {
			best = rank;
			j = k;
		}
	}
	return j;
}

/* strncasecmp(p, s, len) == 0 for a lower-case ASCII s, without the call. */
static inline int
equal_ci(const char *p, const char *s, size_t len)
{
	size_t k;

	for (k = 0; k < len; k++) {
		unsigned char b = (unsigned char)p[k];

		if (b >= 'A' && b <= 'Z')
			b |= 0x20;
		if (b != (unsigned char)s[k])
			return 0;
		if (b == 0)
			return 1;	/* strncasecmp stops at a NUL both share */
	}
	return 1;
}

/*
 * Whether p[0..n) contains the lower-case ASCII text s in any case: the
 * places of its anchor letter s[j], in both cases, and a comparison
 * around each.  Lines of up to a few hundred bytes are read sixteen bytes
 * at a time, both cases at once (b | 0x20 is c only for b = c or c ^ 0x20
 * when c is a letter); longer ones by memchr, whose wider steps win there
 * over the cost of its calls.
 */
static int
contains_ci(const char *p, size_t n, const char *s, size_t len, size_t j)
{
	const char *q[2], *e = p + n;
	unsigned char c = (unsigned char)s[j];

	if (len > n)
		return 0;
	if (n - j >= 16 && n - j <= 256) {
		uint8_t fold = c >= 'a' && c <= 'z' ? 0x20 : 0;
		size_t i = j;

		for (;;) {
			unsigned m;
			int last = i + 16 >= n;

			if (i + 16 > n) {
				/* The last sixteen bytes, without those already read. */
				size_t b = n - 16;

				m = sc_mask16((sc_i8x16)((sc_load16(p + b) | fold) == c)) &
				    (0xFFFFu << (i - b));
				i = b;
			} else {
				m = sc_mask16((sc_i8x16)((sc_load16(p + i) | fold) == c));
			}
			while (m != 0) {
				size_t at = i + (size_t)__builtin_ctz(m) - j;

				m &= m - 1;
				if (at + len <= n && equal_ci(p + at, s, len))
					return 1;
			}
			if (last)
				return 0;
			i += 16;
		}
	}
	q[0] = memchr(p + j, c, n - j);
	q[1] = c >= 'a' && c <= 'z' ? memchr(p + j, c ^ 0x20, n - j) : NULL;
	while (q[0] != NULL || q[1] != NULL) {
		int w = q[0] == NULL ? 1 : q[1] == NULL ? 0 : q[1] < q[0];
		const char *at = q[w] - j;

		if (at + len <= e && strncasecmp(at, s, len) == 0)
			return 1;
		q[w] = q[w] + 1 < e ? memchr(q[w] + 1, w ? c ^ 0x20 : c, (size_t)(e - q[w] - 1)) : NULL;
	}
	return 0;
}

/* One rule's pattern on a line its filters let through. */
static int
run_one(struct sc_rules *r, struct rule *ru, const char *p, size_t n)
{
	int rc = run(r, ru->code, p, n);

	if (rc >= 0)
		return 1;
	if (rc != PCRE2_ERROR_NOMATCH)
		runtime_error(ru, rc);
	return 0;
}

/* ------------------------------------------------------- required words */

/* A set of texts, each exactly what a piece of a pattern matches (ASCII, lower case). */
struct tset {
	int n;
	uint8_t len[MUST_MAX];
	char t[MUST_MAX][MUST_LEN];
};

/* s = s followed by each of x (every pairing); -1 when it would not fit. */
static int
tset_cat(struct tset *s, const struct tset *x)
{
	struct tset o;
	int i, j;

	if (s->n * x->n > MUST_MAX)
		return -1;
	o.n = 0;
	for (i = 0; i < s->n; i++)
		for (j = 0; j < x->n; j++) {
			if (s->len[i] + x->len[j] > MUST_LEN)
				return -1;
			memcpy(o.t[o.n], s->t[i], s->len[i]);
			memcpy(o.t[o.n] + s->len[i], x->t[j], x->len[j]);
			o.len[o.n++] = (uint8_t)(s->len[i] + x->len[j]);
		}
	*s = o;
	return 0;
}

/* s = s and x; -1 when it would not fit. */
static int
tset_union(struct tset *s, const struct tset *x)
{
	int j;

	if (s->n + x->n > MUST_MAX)
		return -1;
	for (j = 0; j < x->n; j++) {
		memcpy(s->t[s->n], x->t[j], x->len[j]);
		s->len[s->n++] = x->len[j];
	}
	return 0;
}

/* A set of one text of one character. */
static void
tset_char(struct tset *s, int c)
{
	s->n = 1;
	s->len[0] = 1;
	s->t[0][0] = (char)sc_ascii_lower((unsigned)c);
}

/*
 * The end of the escape at p[i] ('\\'), and in *lit the character it
 * stands for when that is a plain ASCII one (an escaped punctuation mark
 * or space), else -1.  SIZE_MAX for \Q, \E and what is cut off.
 */
static size_t
escape_end(const char *p, size_t n, size_t i, int *lit)
{
	unsigned char c;

	*lit = -1;
	if (i + 1 >= n)
		return SIZE_MAX;
	c = (unsigned char)p[i + 1];
	if (c >= 0x80)
		return SIZE_MAX;
	if (!ascii_word_byte(c)) {
		*lit = c;
		return i + 2;
	}
	if (c == 'Q' || c == 'E')
		return SIZE_MAX;
	if (strchr("pPxoNgk", c) != NULL && i + 2 < n && strchr("{<'", p[i + 2]) != NULL) {
		const char *e = memchr(p + i + 2, p[i + 2] == '{' ? '}' : p[i + 2] == '<' ? '>' : '\'',
		    n - i - 2);

		return e == NULL ? SIZE_MAX : (size_t)(e - p) + 1;
	}
	if (c == 'p' || c == 'P' || c == 'c')
		return i + 3 <= n ? i + 3 : SIZE_MAX;
	i += 2;
	if (c == 'x') {
		size_t lim = i + 2;

		while (i < n && i < lim && isxdigit((unsigned char)p[i]))
			i++;
	} else if (c == 'g' || (c >= '0' && c <= '9')) {
		/* A back reference (\g-1, \12) or an octal escape. */
		if (c == 'g' && i < n && (p[i] == '+' || p[i] == '-'))
			i++;
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++;
	}
	return i;
}

/* The ')' that closes the group opened at p[i], or SIZE_MAX. */
static size_t
group_end(const char *p, size_t n, size_t i)
{
	size_t j = i + 1, e;

	for (;;) {
		e = alt_end(p, n, j);
		if (e == SIZE_MAX || e >= n)
			return SIZE_MAX;
		if (p[e] == ')')
			return e;
		j = e + 1;
	}
}

/*
 * The texts p[i..end) matches when it is plain characters only, some
 * made optional by '?': 0, or -1 when it is anything else.
 */
static int
literal_texts(const char *p, size_t i, size_t end, struct tset *out)
{
	out->n = 1;
	out->len[0] = 0;
	while (i < end) {
		unsigned char c = (unsigned char)p[i];
		struct tset x, keep;
		int lit = c;

		if (c == '\\') {
			i = escape_end(p, end, i, &lit);
			if (i == SIZE_MAX || lit < 0)
				return -1;
		} else if (c >= 0x80 || strchr("()[]{}.^$|?*+", c) != NULL) {
			return -1;
		} else {
			i++;
		}
		tset_char(&x, lit);
		if (i < end && (p[i] == '*' || p[i] == '+' || p[i] == '{'))
			return -1;
		if (i < end && p[i] == '?') {
			i++;
			if (i < end && (p[i] == '?' || p[i] == '+'))
				i++;
			keep = *out;
			if (tset_cat(out, &x) < 0 || tset_union(out, &keep) < 0)
				return -1;
		} else if (tset_cat(out, &x) < 0) {
			return -1;
		}
	}
	return 0;
}

/*
 * Whether the texts of run are whole words, " is a ": each a space, ASCII
 * letters in words of single spaces, a space.  They are kept (in *best)
 * when they are and have more texts' worth of selectivity than *best:
 * more words in the shortest, then fewer texts.
 */
static void
consider(const struct tset *run, struct tset *best, size_t *bestw)
{
	size_t minw = SIZE_MAX;
	int k;

	if (run->n == 0)
		return;
	for (k = 0; k < run->n; k++) {
		size_t j, words = 0, len = run->len[k];

		if (len < 3 || run->t[k][0] != ' ' || run->t[k][len - 1] != ' ')
			return;
		for (j = 1; j + 1 < len; j++) {
			char c = run->t[k][j];

			if (c == ' ') {
				if (run->t[k][j - 1] == ' ')
					return;
				words++;
			} else if (!(c >= 'a' && c <= 'z')) {
				return;
			}
		}
		if (run->t[k][len - 2] == ' ' || ++words > MUST_WORDS)
			return;
		if (words < minw)
			minw = words;
	}
	if (minw > *bestw || (minw == *bestw && run->n < best->n)) {
		*best = *run;
		*bestw = minw;
	}
}

/*
 * Word sequences one of which every match of pat holds.  A pattern, read
 * in order, is a run of plain characters somewhere, or of groups of
 * plain alternatives, " (?:is|was) (?:an?|the) " (" is a ", " was the "
 * ...), that any match goes through: nothing outside a group (no '|'),
 * and not made optional.  A run whose every text is whole words between
 * spaces is kept (the one of most words), as the hashes of its words
 * (phrase_words): the line must hold one of the sequences among its
 * words (must_may_match).  NULL when there is no such run or the pattern
 * is beyond this reading.
 */
static struct musts *
required_words(const char *pat)
{
	size_t n = strlen(pat), i = 0, bestw = 0;
	struct tset run, best;
	struct musts *M;
	int k;

	if (!plain_syntax(pat, n))
		return NULL;
	run.n = 1;
	run.len[0] = 0;
	best.n = 0;
	while (i < n) {
		unsigned char c = (unsigned char)pat[i];
		struct tset x;
		int have = 0, lit;
		size_t e;

		if (c == '\\') {
			if ((e = escape_end(pat, n, i, &lit)) == SIZE_MAX)
				return NULL;
			if (lit >= 0) {
				tset_char(&x, lit);
				have = 1;
			}
			i = e;
		} else if (c == '[') {
			if ((i = class_end(pat, n, i)) == SIZE_MAX)
				return NULL;
		} else if (c == '(') {
			size_t from = i + 1, end = group_end(pat, n, i);

			if (end == SIZE_MAX)
				return NULL;
			if (pat[i + 1] == '?') {
				/* (?:...) and (?flags:...) are read; other groups are not. */
				for (from = i + 2; from < end && (isalpha((unsigned char)pat[from]) ||
				    pat[from] == '-' || pat[from] == '^'); from++)
					;
				from = from < end && pat[from] == ':' ? from + 1 : SIZE_MAX;
			}
			for (x.n = 0, have = from != SIZE_MAX; have; ) {
				size_t ae = alt_end(pat, end, from);
				struct tset alt;

				if (ae == SIZE_MAX || literal_texts(pat, from, ae, &alt) < 0 ||
				    tset_union(&x, &alt) < 0)
					have = 0;
				else if (ae >= end)
					break;
				from = ae + 1;
			}
			i = end + 1;
		} else if (c == '{') {
			/* A count or a literal brace: either way, nothing claimed. */
			const char *q = memchr(pat + i, '}', n - i);

			i = q ? (size_t)(q - pat) + 1 : i + 1;
		} else if (c == '|' || c == ')' || c == '?' || c == '*' || c == '+') {
			return NULL;
		} else if (c >= 0x80 || c == '.' || c == '^' || c == '$') {
			i++;
		} else {
			tset_char(&x, c);
			have = 1;
			i++;
		}
		/* A quantifier: '?' adds the empty text; others leave nothing sure. */
		if (i < n && (pat[i] == '?' || pat[i] == '*' || pat[i] == '+' || pat[i] == '{')) {
			if (pat[i] == '?' && have) {
				struct tset empty;

				empty.n = 1;
				empty.len[0] = 0;
				have = tset_union(&x, &empty) == 0;
			} else {
				have = 0;
			}
			if (pat[i] == '{') {
				const char *q = memchr(pat + i, '}', n - i);

				i = q ? (size_t)(q - pat) + 1 : i + 1;
			} else {
				i++;
			}
			if (i < n && (pat[i] == '?' || pat[i] == '+'))
				i++;
		}
		if (!have) {
			consider(&run, &best, &bestw);
			run.n = 1;
			run.len[0] = 0;
		} else if (tset_cat(&run, &x) < 0) {
			consider(&run, &best, &bestw);
			run = x;
		}
	}
	consider(&run, &best, &bestw);
	if (best.n == 0)
		return NULL;
	M = xcalloc(1, sizeof *M);
	M->n = best.n;
	for (k = 0; k < best.n; k++) {
		M->nw[k] = (uint8_t)phrase_words(best.t[k], best.len[k], M->w[k], MUST_WORDS);
		if (M->first[0] == 0 || M->first[0] == M->w[k][0])
			M->first[0] = M->w[k][0];
		else if (M->first[1] == 0 || M->first[1] == M->w[k][0])
			M->first[1] = M->w[k][0];
		else
			M->first[0] = M->first[1] = 0;	/* more: every word is looked at */
	}
	return M;
}

/*
 * Whether a line whose words (phrase_words: all nw of them in h[]) are
 * known may hold one of the word sequences of M.  A word with the long
 * s, which pcre2 takes for an 's' and phrase_words does not, is not
 * known: the line goes to the matcher.
 */
static int
must_may_match(const struct musts *M, const char *p, size_t n, const uint64_t *h, size_t nw)
{
	size_t i;
	int k;

	for (i = 0; i < nw; i++) {
		if (M->first[0] != 0 && h[i] != M->first[0] && h[i] != M->first[1])
			continue;
		for (k = 0; k < M->n; k++)
			if (h[i] == M->w[k][0] && i + M->nw[k] <= nw) {
				size_t j;

				for (j = 1; j < M->nw[k] && h[i + j] == M->w[k][j]; j++)
					;
				if (j == M->nw[k])
					return 1;
			}
	}
	for (i = 0; i + 1 < n; i++) {
		const char *q = memchr(p + i, 0xC5, n - i - 1);

		if (q == NULL)
			break;
		if ((unsigned char)q[1] == 0xBF)
			return 1;
		i = (size_t)(q - p);
	}
	return 0;
}

/*
 * Whether a "^\W*" rule may match a line, by the line's first word
 * (first_word_at, kept in w[0..2]; w[0] is -2 until needed).  Inline: a
 * line meets every such rule, most to be rejected here in a few
 * instructions, fewer than a call's.
 */
static inline __attribute__((always_inline)) int
first_word_may_match(const struct rule *ru, const char *p, size_t n, int *w)
{
	if (w[0] == -2)
		w[0] = first_word_at(p, n, &w[1], &w[2]);
	if (w[0] < 0)
		return 1;
	if (!w[1]) {
		if (ru->has_first && w[2] && !may_start(ru, p, w[0]))
			return 0;
		/* An alternative that begins with a character not ASCII may begin before. */
		return ru->lead == NULL || (ru->lead->high && !w[2]) ||
		    lead_may_match(ru->lead, p + w[0], n - (size_t)w[0]);
	}
	/* A letter not ASCII first: only alternatives that begin with one match it. */
	return ru->lead == NULL || lead_kelvin_s(p + w[0], n - (size_t)w[0]) ||
	    (ru->lead->high && lead_high_may_match(ru->lead, p + w[0], n - (size_t)w[0]));
}

/*
 * One rule on a line, after the filters that reject most lines without
 * the matcher; w[] is the line's first_word_at (first_word_may_match).
 * Inline: a line meets every rule of its length, most of them to be
 * rejected here in a few instructions.
 */
static inline __attribute__((always_inline)) int
match_one(struct sc_rules *r, struct rule *ru, const char *p, size_t n, int *w,
    const uint64_t *words, size_t nwords)
{
	if (ru->needlen > 0 && (ru->needlen == 1 && !ascii_letter[(unsigned char)ru->need[0]] ?
	    memchr(p, ru->need[0], n) == NULL :	/* one byte, no case: as contains_ci */
	    !contains_ci(p, n, ru->need, ru->needlen, ru->needj)))
		return 0;
	if (ru->req >= 0 && memchr(p, ru->req, n) == NULL)
		return 0;
	if ((ru->has_first || ru->lead != NULL) && !first_word_may_match(ru, p, n, w))
		return 0;
	if (ru->must != NULL && words != NULL && !must_may_match(ru->must, p, n, words, nwords))
		return 0;
	return run_one(r, ru, p, n);
}

static void
fill_hit(const struct sc_rules *r, long i, struct sc_rule_hit *hit)
{
	const struct rule *ru = &r->v[i];

	if (hit == NULL)
		return;
	hit->action = ru->action;
	hit->file = ru->file;
	hit->line = ru->line;
	hit->pattern = ru->pat;
}

size_t
sc_rules_words(const char *p, size_t n, uint64_t *h, size_t max)
{
	return phrase_words(p, n, h, max);
}

size_t
sc_rules_phrase_limit(struct sc_rules *r)
{
	size_t m = 0;
	int k;

	if (r == NULL || r->n == 0)
		return 0;
	if (!r->compiled)
		sc_rules_compile(r);
	if (r->nph == 0)
		return 0;
	for (k = PK_LINE; k <= PK_ANY; k++)
		if (r->maxlen[k] > m)
			m = r->maxlen[k];
	return m;
}

static enum sc_rule_action match(struct sc_rules *r, const char *p, size_t n,
    const uint64_t *words, size_t nwords, struct sc_rule_hit *hit);

enum sc_rule_action
sc_rules_match(struct sc_rules *r, const char *p, size_t n, struct sc_rule_hit *hit)
{
	return match(r, p, n, NULL, 0, hit);
}

enum sc_rule_action
sc_rules_match_words(struct sc_rules *r, const char *p, size_t n, const uint64_t *words,
    size_t nwords, struct sc_rule_hit *hit)
{
	return match(r, p, n, words, nwords, hit);
}

static enum sc_rule_action
match(struct sc_rules *r, const char *p, size_t n, const uint64_t *words, size_t nwords,
    struct sc_rule_hit *hit)
{
	struct tier *t = NULL;
	size_t lo, hi, j;
	int a, pbest, w[3] = { -2, 0, 0 };
	long pwho = -1;

	if (r == NULL || r->n == 0)
		return SC_RULE_NONE;
	if (!r->compiled)
		sc_rules_compile(r);
	pbest = match_phrases(r, p, n, &pwho, words, nwords);
	/* The caller's words, when all of them are there (must_may_match). */
	if (words != NULL && (n > r->plimit || nwords > SC_RULES_WORDS))
		words = NULL;
	if (pbest == SC_RULE_KEEP || r->nregex == 0) {
		if (pbest != 0)
			fill_hit(r, pwho, hit);
		return (enum sc_rule_action)pbest;
	}
	if (r->bits) {
		/*
		 * Only solo rules: the bits of those whose limit covers n and
		 * whose action is stronger than the phrase's, in solo[]'s
		 * order (by action, then file order), as the loop below
		 * would try them.
		 */
		uint64_t m = 0;
		size_t k;

		for (k = 0; k < r->nsmax; k++)
			if (r->smax[k] >= n) {
				m = r->smask[k];
				break;
			}
		if (pbest != 0 && r->solo_at[pbest] < SOLO_BITS)
			m &= ((uint64_t)1 << r->solo_at[pbest]) - 1;
		while (m != 0) {
			size_t at = (size_t)__builtin_ctzll(m);
			struct rule *ru = &r->v[r->solo[at]];

			m &= m - 1;
			if (match_one(r, ru, p, n, w, words, nwords)) {
				fill_hit(r, (long)r->solo[at], hit);
				return ru->action;
			}
		}
		if (pbest != 0)
			fill_hit(r, pwho, hit);
		return (enum sc_rule_action)pbest;
	}
	/* The first tier whose limit covers n. */
	lo = 0;
	hi = r->ntiers;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->tiers[mid].max < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < r->ntiers)
		t = &r->tiers[lo];
	/* Only actions stronger than what a phrase already decided. */
	for (a = SC_RULE_KEEP; a < (pbest ? pbest : SC_RULE_NACTIONS); a++) {
		long found = -1;

		if (t != NULL && t->combined[a] != NULL) {
			int rc = run(r, t->combined[a], p, n);

			if (rc >= 0) {
				PCRE2_SPTR mark = pcre2_get_mark(r->md);

				found = mark ? strtol((const char *)mark, NULL, 10) : -1;
				if (found < 0 || (size_t)found >= r->n)
					found = -1;
			} else if (rc != PCRE2_ERROR_NOMATCH) {
				/* Find the culprit rule by running them alone. */
				for (j = 0; j < r->n && found < 0; j++) {
					struct rule *ru = &r->v[j];

					if (ru->kind == PK_REGEX &&
					    ru->action == (enum sc_rule_action)a && !ru->solo &&
					    ru->max >= n && match_one(r, ru, p, n, w, words, nwords))
						found = (long)j;
				}
			}
		}
		for (j = r->solo_at[a]; j < r->solo_at[a + 1] && found < 0; j++) {
			struct rule *ru = &r->v[r->solo[j]];

			if (ru->max >= n && match_one(r, ru, p, n, w, words, nwords))
				found = (long)r->solo[j];
		}
		if (found >= 0) {
			fill_hit(r, found, hit);
			return (enum sc_rule_action)a;
		}
	}
	if (pbest != 0)
		fill_hit(r, pwho, hit);
	return (enum sc_rule_action)pbest;
}
