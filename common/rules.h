/*
 * rules.h: line rules for scstrip, as pcre2 patterns in plain files.
 *
 * A rules file holds one rule a line:
 *
 *	# comment (blank lines are ignored too)
 *	ACTION [max=N] [need=TEXT] PATTERN
 *
 * ACTION is one of
 *	drop	the line is boilerplate;
 *	cut	the line marks the end of the article (a comment section
 *		starts): it and everything after it go, once the article has
 *		begun;
 *	list	the line heads a list of links or teasers ("Related articles",
 *		"Read more"): it and the list go; if the article resumes after
 *		a short list (an inline box), only the list goes, otherwise
 *		everything after it, as with cut;
 *	keep	the line is content, whatever the classifier thinks.
 * max=N limits the rule to lines of at most N bytes (default 300; max=0:
 * any length).  Most boilerplate is short, so long paragraphs skip most
 * rules, and a phrase that would be boilerplate alone ("Share this") does
 * not condemn a paragraph that merely quotes it.
 * need=TEXT (pattern rules; ASCII, no spaces, under 32 bytes): every match
 * contains TEXT, so lines without it in any case skip the pattern (found
 * by memchr, far cheaper than a failed match on a long paragraph).
 * PATTERN is the rest of the line, a pcre2 pattern matched against the
 * line's text (trimmed, bullet removed, hard-wrapped lines joined) with
 * PCRE2_UTF, PCRE2_UCP and PCRE2_CASELESS; "(?-i)" makes it case-sensitive.
 * It matches anywhere unless anchored with ^ and $.  A pattern that must
 * begin with "max=" or "need=" is written "(?:max=)...".
 *
 * When several rules match a line, keep wins over cut, cut over list and
 * list over drop.
 * Patterns are JIT-compiled and run with match and depth limits: a
 * pattern that runs away is reported and treated as not matching.
 */
#ifndef SC_RULES_H
#define SC_RULES_H

#include <stddef.h>
#include <stdint.h>

enum sc_rule_action {
	SC_RULE_NONE = 0,
	SC_RULE_KEEP,
	SC_RULE_CUT,
	SC_RULE_LIST,
	SC_RULE_DROP,
	SC_RULE_NACTIONS
};

#define SC_RULE_DEFAULT_MAX 300

struct sc_rules;

/* The rule that decided a line: its action and where it was written. */
struct sc_rule_hit {
	enum sc_rule_action action;
	const char *file;	/* as given to the loader (static for the life of the set) */
	unsigned line;
	const char *pattern;	/* the pattern's source text */
};

struct sc_rules *sc_rules_new(void);
void sc_rules_free(struct sc_rules *r);

/*
 * Add the rules of a file (name is used in diagnostics and must stay
 * valid).  Every bad line is reported as "PROG: FILE:LINE: message" (for
 * pcre2: "pcre2 error: TEXT at offset N").  Returns the number of bad
 * lines, or -1 when the file cannot be read (also reported).
 */
int sc_rules_load_file(struct sc_rules *r, const char *path);

/* The same from memory, for tests and built-in snippets. */
int sc_rules_load_mem(struct sc_rules *r, const char *name, const char *text, size_t n);

/*
 * The built-in set: every DATADIR/rules/NAME.rules, in name order.
 * Returns the number of bad lines, -1 when the directory is missing.
 */
int sc_rules_load_builtin(struct sc_rules *r);

/* Number of rules loaded. */
size_t sc_rules_count(const struct sc_rules *r);

/*
 * sc_rules_match: the strongest action of the rules that match p[0..n)
 * (valid UTF-8).  Fills *hit when non-NULL and a rule matched.  Patterns
 * are compiled on the first call (or by sc_rules_compile).
 */
enum sc_rule_action sc_rules_match(struct sc_rules *r, const char *p, size_t n,
    struct sc_rule_hit *hit);

/*
 * For a caller that reads the line's words anyway (scstrip's one pass
 * over a line): the words as phrase rules see them, hashed.  Letters and
 * digits, case folded (lower case of the code point), a run of digits as
 * one "0", apostrophes (' and U+2019) inside a word dropped, anything
 * else a separator; each word's hash is FNV-1a (64-bit) of its code
 * points (sc_stophash_add's basis and prime, a code point in place of a
 * byte).  sc_rules_words fills h[] with up to max hashes and returns the
 * number of words, counting past max.
 * sc_rules_match_words is sc_rules_match with the first
 * min(nwords, SC_RULES_WORDS) of them given (nwords counts them all);
 * they are needed only for lines of at most sc_rules_phrase_limit bytes
 * (0: no phrase rules), and other lines may pass none.
 */
#define SC_RULES_WORDS 64
size_t sc_rules_words(const char *p, size_t n, uint64_t *h, size_t max);
size_t sc_rules_phrase_limit(struct sc_rules *r);
enum sc_rule_action sc_rules_match_words(struct sc_rules *r, const char *p, size_t n,
    const uint64_t *words, size_t nwords, struct sc_rule_hit *hit);

/* Compile now (JIT, combined patterns); returns 0, or -1 if a rule failed. */
int sc_rules_compile(struct sc_rules *r);

/* Name of an action ("drop", "cut", "keep"). */
const char *sc_rule_action_name(enum sc_rule_action a);

#endif
