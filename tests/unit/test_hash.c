/*
 * test_hash: the normal forms behind exact dedup and scmeta's hash, the
 * XXH3 wrappers and SimHash.
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utf8proc.h>
#include <xxhash.h>

#include "hash.h"
#include "../tap.h"
#include "utf8.h"

static struct sc_buf b;

static const char *
norm(const char *s, enum sc_norm_level lv)
{
	sc_buf_reset(&b);
	sc_normkey(s, strlen(s), lv, &b);
	return b.p ? b.p : "";
}

#define FULL(in, want, name) is_str(norm(in, SC_NORM_FULL), want, name)
#define SPACE(in, want, name) is_str(norm(in, SC_NORM_SPACE), want, name)

#include "../ref_norm.h"

static int
differs(const char *in, size_t n, struct sc_buf *want)
{
	ref_full(in, n, want);
	sc_buf_reset(&b);
	sc_normkey(in, n, SC_NORM_FULL, &b);
	return b.len != want->len || memcmp(b.p ? b.p : "", want->p ? want->p : "",
	    b.len) != 0;
}

static void
random_agrees(void)
{
	/* Pieces that exercise word boundaries, composition and folding. */
	static const char *piece[] = {
		"a", "B", "e", "\xcc\x81" /* U+0301 */, " ", "\t", "\n", "  ",
		"\xc2\xa0" /* NBSP */, "\xc3\x89" /* É */, "\xef\xac\x81" /* ﬁ */,
		"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x94", "\xe2\x80\x8b",
		"\xe3\x80\x80", "\xc3\x9f" /* ß */, "\xe4\xb8\xad" /* 中 */,
		"\xef\xbc\xa1" /* Ａ */, "-", "'", "Z", "\xe2\x80\xa6",
		"\xd0\x91" /* Б */, "\xd0\xb8" /* и */, "\xcc\x86" /* U+0306 */,
		"\xe1\xba\x9e" /* ẞ */, "\xea\xb0\x80" /* 가 */,
		"\xe1\x86\xa8" /* U+11A8 */, "\xe1\x84\x80" /* U+1100 */,
		"\xe1\x85\xa1" /* U+1161 */, "\xe0\xad\x87" /* U+0B47 */,
		"\xe0\xac\xbe" /* U+0B3E */, "\xf0\x9f\x98\x80" /* emoji */,
		"The quick brown fox ", "JUMPS over", "\xef\xbc\x8c" /* ， */,
		"\xe3\x80\x82" /* 。 */, "\xcc\xb8" /* U+0338 */, "=",
		"\xe2\x84\xab" /* Å sign */, "\xce\xa3" /* Σ */, "\xff",
		"\x01", "\x1f", "\x7f", "\xe2\x94\x81" /* ━ */, "\xd0\xbe" /* о */,
		/* Letters the sixteen-byte blocks copy, in runs that fill blocks. */
		"\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80 " /* привет мир */,
		"caf\xc3\xa9 cr\xc3\xa8me ", "\xd1\x91" /* ё */, "\xd0\xb9" /* й */,
		"\xc3\xbf" /* ÿ */, "\xc3\xb7" /* ÷ */, "\xd1\xa0" /* Ѡ */,
		"\xd0\x81" /* Ё */, "\xd1\x9f" /* џ */, "\xcc\x88" /* U+0308 */,
		/* A capital, then small letters the blocks copy again. */
		"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0\xd0\xbc\xd0\xb8\xd1\x80\xd0\xb0\xd1\x81 " /* Москвамирас */,
		"\xc3\x9c" "ber\xc3\x9f\xc3\xa4\xc3\xa9\xc3\xa8\xc3\xb6\xc3\xbc\xc3\xa0\xc3\xa7 " /* Überßäéèöüàç */,
	};
	const size_t npiece = sizeof piece / sizeof piece[0];
	struct sc_buf in = { 0 }, want = { 0 };
	unsigned seed = 12345;
	int trial, bad = 0;

	for (trial = 0; trial < 20000; trial++) {
		int len = (int)(seed % 40), k;

		sc_buf_reset(&in);
		for (k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			sc_buf_adds(&in, piece[(seed >> 16) % npiece]);
		}
		seed = seed * 1103515245u + 12345u;
		if (differs(in.p ? in.p : "", in.len, &want) && bad++ < 3)
			printf("#   in \"%s\": got \"%s\" want \"%s\"\n",
			    in.p, b.p, want.p);
	}
	ok(bad == 0, "fast paths agree with whole-string utf8proc on 20000 random strings");
	sc_buf_free(&in);
	sc_buf_free(&want);
}

/*
 * Every composition utf8proc knows, preceded by ASCII: the fast path must
 * leave each first half to utf8proc when a second half follows it.
 */
static void
compositions_agree(void)
{
	struct sc_buf in = { 0 }, want = { 0 };
	int32_t c;
	int bad = 0, n = 0;

	for (c = 0x80; c < 0x110000; c++) {
		utf8proc_int32_t d[4];
		int last;
		const utf8proc_property_t *pr = utf8proc_get_property(c);

		if (pr->comp_exclusion || pr->decomp_type != 0 ||
		    pr->decomp_seqindex == UINT16_MAX)
			continue;
		if (utf8proc_decompose_char(c, d, 4, UTF8PROC_DECOMPOSE, &last) < 2)
			continue;
		sc_buf_reset(&in);
		sc_buf_adds(&in, "x ");
		sc_buf_add_cp(&in, (uint32_t)d[0]);
		sc_buf_add_cp(&in, (uint32_t)d[1]);
		if (utf8proc_decompose_char(c, d, 4, UTF8PROC_DECOMPOSE, &last) > 2)
			sc_buf_add_cp(&in, (uint32_t)d[2]);
		sc_buf_adds(&in, "y");
		n++;
		if (differs(in.p, in.len, &want) && bad++ < 3)
			printf("#   U+%04X: got \"%s\" want \"%s\"\n", (unsigned)c, b.p, want.p);
	}
	ok(bad == 0 && n > 900, "every canonical composition agrees with utf8proc");
	printf("# %d compositions\n", n);
	sc_buf_free(&in);
	sc_buf_free(&want);
}

/*
 * Every code point in the contexts that decide whether the fast path may
 * map it alone: between ASCII letters, doubled, before a combining mark,
 * after a letter it might compose with, and before a Hangul final.
 */
static void
every_char_agrees(void)
{
	static const char *const ctx[][2] = {
		{ "a", "b" }, { "", "" }, { "x ", "\xcc\x81" }, { "e", "\xcc\xa3z" },
		{ "Q", "\xe1\x86\xa8" }, { "\xc3\xa9", "\xe0\xac\xbe" },
	};
	struct sc_buf in = { 0 }, want = { 0 };
	int32_t c;
	size_t k;
	int bad = 0;

	for (c = 0x80; c < 0x110000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		if (c >= 0x40000 && c < 0xE0000)
			continue;	/* unassigned planes */
		for (k = 0; k < sizeof ctx / sizeof ctx[0]; k++) {
			sc_buf_reset(&in);
			sc_buf_adds(&in, ctx[k][0]);
			sc_buf_add_cp(&in, (uint32_t)c);
			if (k == 1)
				sc_buf_add_cp(&in, (uint32_t)c);
			sc_buf_adds(&in, ctx[k][1]);
			if (differs(in.p, in.len, &want) && bad++ < 3)
				printf("#   U+%04X in context %zu: got \"%s\" want \"%s\"\n",
				    (unsigned)c, k, b.p, want.p);
		}
	}
	ok(bad == 0, "every code point in six contexts agrees with utf8proc");
	sc_buf_free(&in);
	sc_buf_free(&want);
}

/*
 * The blocks of the fast path (sixteen bytes, or thirty-two with AVX2,
 * and eight at the end) against whole-string utf8proc, with the
 * characters that stop a block at every offset of a long text: after
 * 0..95 bytes of a text of ASCII and of copied Latin-1 and Cyrillic
 * letters (cut anywhere, so also in the middle of a character: invalid
 * UTF-8), and before 0..40 more.
 */
static void
boundaries_agree(void)
{
	static const char *const stop[] = {
		"", "\xc2\xa0" /* NBSP */, "\xe2\x80\x9c" /* “ */, "\xe2\x80\x99" /* ’ */,
		"e\xcc\x81" /* e + U+0301 */, "\xcc\x81", "\xff", "\xc3", "\xe2\x80",
		"\x01", "\x7f", "\t\n  ", "  ", " \xc2\xa0 ", "\xd0\x9c" /* М */,
		"\xd0\xb8" /* и */, "\xc3\xa9" /* é */, "\xc3\x89" /* É */,
		"\xe4\xb8\xad" /* 中 */, "Z", "\xf0\x9f\x98\x80", "\xc3\x9f" /* ß */,
		"\xe2\x80\x94" /* — */, "\xef\xac\x81" /* ﬁ */, "\r\n",
	};
	static const char *const text[] = {
		"The Quick brown fox jumps over the lazy dog; THE END of it all, "
		"twice: the quick brown fox jumps over the lazy dog again and again.",
		"caf\xc3\xa9 cr\xc3\xa8me  \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 "
		"\xd0\xbc\xd0\xb8\xd1\x80 \xc3\xa0 la d\xc3\xa9j\xc3\xa0 vu \xd1\x91\xd0\xb6 "
		"\xd0\xb4\xd0\xb0 \xd0\xbd\xd0\xb5\xd1\x82 word words and more words\n\n",
		"  Leading  and   doubled\tspaces \n\n in a  text  that keeps  going  "
		"for  long  enough  to  cross  two  blocks  of  thirty-two  bytes  ",
	};
	struct sc_buf in = { 0 }, want = { 0 };
	size_t t, k, pre, post, sh;
	int bad = 0, n = 0;

	/* sh: one byte more before, so that letters of two bytes end at odd offsets too */
	for (sh = 0; sh < 2; sh++)
	for (t = 0; t < sizeof text / sizeof text[0]; t++) {
		size_t tl = strlen(text[t]);

		for (k = 0; k < sizeof stop / sizeof stop[0]; k++)
			for (pre = 0; pre < 96 && pre <= tl; pre++)
				for (post = 0; post <= 40; post += (post < 4 ? 1 : 9)) {
					sc_buf_reset(&in);
					sc_buf_add(&in, "x", sh);
					sc_buf_add(&in, text[t], pre);
					sc_buf_adds(&in, stop[k]);
					sc_buf_add(&in, text[(t + 1) % 3], post);
					n++;
					if (differs(in.p ? in.p : "", in.len, &want) && bad++ < 3)
						printf("#   %zu + text %zu + %zu, stop %zu, + %zu: got \"%s\" want \"%s\"\n",
						    sh, t, pre, k, post, b.p, want.p);
				}
	}
	/* Long runs of each text alone, and nothing at all. */
	for (t = 0; t < 3; t++) {
		sc_buf_reset(&in);
		for (k = 0; k < 9; k++)
			sc_buf_adds(&in, text[(t + k) % 3]);
		for (pre = 0; pre < 64; pre++) {
			n++;
			if (differs(in.p + pre, in.len - pre, &want) && bad++ < 3)
				printf("#   long text %zu from %zu: got \"%s\" want \"%s\"\n",
				    t, pre, b.p, want.p);
		}
	}
	n++;
	if (differs("", 0, &want))
		bad++;
	ok(bad == 0, "blocks agree with whole-string utf8proc around their boundaries");
	printf("# %d strings\n", n);
	sc_buf_free(&in);
	sc_buf_free(&want);
}

static int
popcount64(uint64_t x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/*
 * SimHash the slow way, one vote per bit per feature, over the normal
 * form's word 3-grams: the library counts the votes eight bits at a time.
 */
static uint64_t
ref_simhash(const char *s, size_t n)
{
	struct sc_buf k = { 0 };
	long votes[64] = { 0 };
	size_t w[4096], nw = 0, i, j;
	uint64_t h = 0, f;
	int bit;

	sc_normkey(s, n, SC_NORM_FULL, &k);
	if (k.len == 0) {
		sc_buf_free(&k);
		return 0;
	}
	w[nw++] = 0;
	for (i = 0; i < k.len; i++)
		if (k.p[i] == ' ' && nw < 4095)
			w[nw++] = i + 1;
	w[nw] = k.len + 1;	/* where a word after the last would start */
	for (j = 0; j + 3 <= nw || (nw < 3 && j == 0); j++) {
		size_t a = nw < 3 ? 0 : w[j], e = nw < 3 ? k.len : w[j + 3] - 1;

		f = sc_hash64(k.p + a, e - a, 0);
		for (bit = 0; bit < 64; bit++)
			votes[bit] += (f >> bit & 1) ? 1 : -1;
	}
	for (bit = 0; bit < 64; bit++)
		if (votes[bit] > 0)
			h |= (uint64_t)1 << bit;
	sc_buf_free(&k);
	return h;
}

int
main(int argc, char **argv)
{
	uint64_t h[2], g[2];
	char hex[33];
	struct sc_buf pre = { 0 };

	/* none */
	is_str(norm("  A  b ", SC_NORM_NONE), "  A  b ", "none keeps bytes");

	/* space */
	SPACE("  A\tB \xc2\xa0 C\n", "A B C", "space: runs collapsed, trimmed, case kept");
	SPACE("x\xe3\x80\x80y", "x y", "space: ideographic space is a space");
	SPACE("\xe2\x80\x9cq\xe2\x80\x9d", "\xe2\x80\x9cq\xe2\x80\x9d", "space: quotes kept");
	SPACE("", "", "space: empty");
	SPACE(" \n\t ", "", "space: only spaces");

	/* full */
	FULL("  Hello   World \n", "hello world", "full: lower-case, collapse, trim");
	FULL("\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x94 it\xe2\x80\x99s",
	    "\"quoted\" - it's", "full: curly quotes and dashes folded");
	FULL("Caf\xc3\xa9", "caf\xc3\xa9", "full: precomposed");
	FULL("Cafe\xcc\x81", "caf\xc3\xa9", "full: combining accent composed");
	FULL("\xef\xac\x81ne", "fine", "full: ligature (NFKC)");
	FULL("Stra\xc3\x9f" "e", "strasse", "full: sharp s case-folded");
	FULL("a\xc2\xa0" "b", "a b", "full: NBSP inside a word is a space");
	FULL("abc\xe3\x80\x80", "abc", "full: trailing ideographic space trimmed");
	FULL("\xe3\x80\x80" "abc", "abc", "full: leading ideographic space trimmed");
	FULL("x \xc3\x89" "COLE y", "x \xc3\xa9" "cole y", "full: non-ASCII word between ASCII words");
	FULL("a \xe2\x80\x8b b", "a b", "full: a word of only ignorables leaves one space");
	FULL("Wait\xe2\x80\xa6", "wait...", "full: ellipsis");
	FULL("\xef\xbc\xa1\xef\xbc\xa2", "ab", "full: fullwidth letters");
	FULL("\xe4\xb8\xad\xe6\x96\x87", "\xe4\xb8\xad\xe6\x96\x87", "full: CJK unchanged");
	FULL("", "", "full: empty");
	FULL("a\xff" "b", "a\xef\xbf\xbd" "b", "full: invalid UTF-8 becomes U+FFFD");
	FULL("ab\x01" "cd\x1b", "abcd", "full: C0 controls removed");
	FULL("e\x01\xcc\x81", "\xc3\xa9", "full: a control does not block composition");

	/* Appending: no leading space owed to what was there before. */
	sc_buf_adds(&pre, "K:");
	sc_normkey("  Z", 3, SC_NORM_FULL, &pre);
	is_str(pre.p, "K:z", "full appends without a leading space");
	sc_buf_free(&pre);

	/* A long input through the growing slow path. */
	{
		struct sc_buf big = { 0 };
		int i;

		for (i = 0; i < 5000; i++)
			sc_buf_adds(&big, "\xef\xb7\xba");	/* U+FDFA: 18 code points in NFKC */
		sc_buf_reset(&b);
		sc_normkey(big.p, big.len, SC_NORM_FULL, &b);
		ok(b.len > big.len * 5, "full: expanding compatibility forms grow the output");
		sc_buf_free(&big);
	}

	random_agrees();
	boundaries_agree();
	compositions_agree();
	every_char_agrees();

	/* Hashes. */
	sc_hash128("abc", 3, h);
	sc_hash128("abc", 3, g);
	ok(h[0] == g[0] && h[1] == g[1], "hash128 deterministic");
	sc_hash128("abd", 3, g);
	ok(h[0] != g[0] || h[1] != g[1], "hash128 differs");
	sc_hash128_hex(h, hex);
	ok(strlen(hex) == 32 && strtoull((char[17]){ hex[16], hex[17], hex[18],
	    hex[19], hex[20], hex[21], hex[22], hex[23], hex[24], hex[25], hex[26],
	    hex[27], hex[28], hex[29], hex[30], hex[31], 0 }, NULL, 16) == h[0],
	    "hex: low half last");
	ok(sc_hash64("abc", 3, 1) != sc_hash64("abc", 3, 2), "hash64 seeded");
	{
		/*
		 * Long inputs (AVX2 where the processor has it): the value of
		 * XXH3-128 itself, at lengths about every block and stripe
		 * boundary and at odd offsets.
		 */
		static unsigned char big[5000];
		uint32_t x = 99;
		int same = 1;

		for (size_t i = 0; i < sizeof big; i++) {
			x = x * 1103515245u + 12345u;
			big[i] = (unsigned char)(x >> 16);
		}
		for (size_t n = 200; n + 3 <= sizeof big; n += n < 1100 ? 1 : 97) {
			for (size_t off = 0; off < 3; off++) {
				XXH128_hash_t r = XXH3_128bits(big + off, n);

				sc_hash128(big + off, n, h);
				if (h[0] != r.low64 || h[1] != r.high64)
					same = 0;
			}
		}
		ok(same, "hash128 of long inputs is XXH3-128");
	}

	/* SimHash: near texts close, different texts far. */
	{
		const char *a = "The council met on Monday to discuss the budget for the "
		    "coming year and agreed to raise spending on schools and roads.";
		const char *a2 = "The council met on Monday to discuss the budget for the "
		    "coming year and agreed to raise spending on schools and bridges.";
		const char *c = "A storm swept across the northern coast overnight, "
		    "cutting power to thousands of homes and closing the harbour.";
		uint64_t sa = sc_simhash64(a, strlen(a));
		uint64_t sa2 = sc_simhash64(a2, strlen(a2));
		uint64_t sc = sc_simhash64(c, strlen(c));

		ok(popcount64(sa ^ sa2) < popcount64(sa ^ sc), "simhash: near closer than far");
		ok(sc_simhash64("", 0) == 0, "simhash of empty text");
		ok(sc_simhash64("one two", 7) != 0, "simhash of short text");
		const char *au = "THE  Council met on monday to discuss the budget for the "
		    "coming year and agreed to raise spending on schools and roads.";

		ok(sa == sc_simhash64(au, strlen(au)), "simhash over the normal form");
	}
	/* The counted votes (sevens at once) agree with one vote at a time, past 255 features. */
	{
		struct sc_buf t = { 0 }, key = { 0 };
		static const char *const words[] = { "alpha", "Beta", "gamma", "delta",
		    "epsilon", "zeta", "\xC3\xA9t\xC3\xA9", "a", "bb", "of", "the" };
		/* Word counts around sevens of features and the byte counters' limit. */
		unsigned seed = 12345, bad = 0, lens[] = { 1, 2, 3, 4, 8, 9, 10, 11,
		    16, 100, 252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 600,
		    1200, 3000 };
		size_t li, k;

		for (li = 0; li < sizeof lens / sizeof lens[0]; li++) {
			sc_buf_reset(&t);
			for (k = 0; k < lens[li]; k++) {
				seed = seed * 1103515245u + 12345u;
				if (k > 0)
					sc_buf_adds(&t, seed >> 20 & 1 ? " " : "  \n");
				sc_buf_adds(&t, words[(seed >> 16) % 11]);
			}
			sc_buf_reset(&key);
			sc_normkey(t.p, t.len, SC_NORM_FULL, &key);
			if (sc_simhash64(t.p, t.len) != ref_simhash(t.p, t.len) ||
			    sc_simhash64_key(key.p, key.len) != ref_simhash(t.p, t.len))
				bad++;
		}
		ok(bad == 0, "simhash: counted votes match one vote at a time");
		/*
		 * One 3-gram 598 times: every vote on the same bits fills the
		 * counters; and past 4 * 255 (four features side by side with
		 * AVX2), with counts around the batches of 30 and 60.
		 */
		bad = 0;
		{
			static const size_t same[] = { 600, 1019, 1020, 1021, 1022,
			    1023, 1081, 1082, 2000, 4000 };

			for (li = 0; li < sizeof same / sizeof same[0]; li++) {
				sc_buf_reset(&t);
				for (k = 0; k < same[li]; k++)
					sc_buf_adds(&t, "same ");
				if (sc_simhash64(t.p, t.len) != ref_simhash(t.p, t.len))
					bad++;
			}
		}
		ok(bad == 0, "simhash: 598 to 3998 equal features match one vote at a time");
		/*
		 * Words of one to four letters, so that 64 bytes hold from 12
		 * to 32 spaces (the AVX2 loop writes twelve without a test).
		 */
		bad = 0;
		for (li = 1; li <= 4; li++) {
			sc_buf_reset(&t);
			for (k = 0; k < 300; k++) {
				seed = seed * 1103515245u + 12345u;
				sc_buf_add(&t, "abcd" + (seed >> 16) % li, li - (seed >> 16) % li);
				sc_buf_adds(&t, " ");
			}
			if (sc_simhash64(t.p, t.len) != ref_simhash(t.p, t.len))
				bad++;
		}
		ok(bad == 0, "simhash: words of one to four letters match one vote at a time");
		sc_buf_free(&t);
		sc_buf_free(&key);
	}
	sc_buf_free(&b);
	/*
	 * The same tests again in a process told not to use AVX2: the
	 * sixteen-byte loops, where the processor has AVX2 and the tests
	 * above took the thirty-two-byte ones.
	 */
	if (argc > 0 && getenv("SC_NO_AVX2") == NULL) {
		pid_t pid;
		int st = -1;

		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			if (!freopen("/dev/null", "w", stdout))
				_exit(2);
			setenv("SC_NO_AVX2", "1", 1);
			execv(argv[0], argv);
			_exit(2);
		}
		ok(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
		    WEXITSTATUS(st) == 0, "the same tests pass with SC_NO_AVX2");
	}
	return tap_done();
}
