/*
 * lang_close.c: a second opinion between languages CLD2 confuses.
 *
 * CLD2 scores letter quadgrams, and some pairs of languages share nearly
 * all of them: Danish and Norwegian Bokmål, Croatian and Bosnian/Serbian,
 * Indonesian and Malay.  On formal text it answers one for the other with
 * full confidence.  What tells them apart is a handful of frequent words
 * and endings each spells its own way (Danish af/mod/ret/-hed, Norwegian
 * av/mot/rett/-het; Croatian tko/tisuća/tjedan, Bosnian and Serbian
 * ko/hiljada/sedmica; Indonesian karena/uang/pemerintah, Malay
 * kerana/wang/kerajaan).  The lists below are such spelling and
 * vocabulary differences as grammars and dictionaries give them, not
 * words picked from any test text.
 *
 * The rule is deliberately one-sided: CLD2's answer stands unless the
 * text holds markers of the other language and more than twice as many
 * of them as of CLD2's answer.
 */
#include <string.h>

#include "lang.h"
#include "ucd.h"
#include "utf8.h"

struct side {
	const char *code;
	const char *const *words;
	const char *const *endings;	/* word endings, NULL-terminated */
};

static const char *const da_words[] = {
	"af", "efter", "mig", "dig", "sig", "nogen", "noget", "nogle", "hvad",
	"mellem", "uden", "ud", "op", "blive", "bliver", "blevet", "give",
	"giver", "tage", "tager", "gennem", "mod", "ret", "sprog", "spørgsmål",
	"kærlighed", "købe", "hjælp", "øjeblik", "udenfor", "måske", NULL
};
static const char *const da_endings[] = { "hed", "heden", "heder", "hederne",
	"tion", "tionen", "tioner", NULL };
static const char *const no_words[] = {
	"av", "etter", "meg", "deg", "seg", "noen", "noe", "hva", "mellom",
	"uten", "ut", "opp", "bli", "blir", "blitt", "gi", "gir", "ta", "tar",
	"gjennom", "mot", "rett", "språk", "spørsmål", "kjærlighet", "kjøpe",
	"hjelp", "øyeblikk", "gjøre", "gjør", "kanskje", NULL
};
static const char *const no_endings[] = { "het", "heten", "heter", "sjon",
	"sjonen", "sjoner", NULL };

static const char *const hr_words[] = {
	"tko", "svatko", "netko", "nitko", "itko", "tisuća", "tisuće", "povijest",
	"povijesti", "obitelj", "obitelji", "tjedan", "tjedna", "tijekom",
	"kazneni", "kaznenog", "zrakoplov", "sveučilište", "kruh", "vlak",
	"glazba", "znanost", "tvrtka", "izvješće", "uvjet", "uvjeti", "siječnja",
	"veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja", "kolovoza",
	"rujna", "listopada", "studenoga", "prosinca", NULL
};
/* Bosnian and Serbian alike, where Croatian differs. */
static const char *const bs_words[] = {
	"ko", "svako", "neko", "niko", "iko", "šta", "hiljada", "hiljade",
	"historija", "istorija", "porodica", "porodice", "sedmica", "sedmice",
	"hljeb", "hleb", "voz", "muzika", "nauka", "firma", "uslov", "uslovi",
	"opština", "januara", "februara", "marta", "aprila", "juna", "jula",
	"avgusta", "augusta", "septembra", "oktobra", "novembra", "decembra",
	NULL
};

/* Serbian writes the old vowel jat as e (ekavian), Bosnian (and Croatian) as ije/je. */
static const char *const ekavian[] = {
	"vreme", "vremena", "reč", "reči", "deca", "dece", "deci", "mleko", "lepo",
	"lep", "videti", "mesto", "mestu", "mesta", "pesma", "veruje", "vera",
	"mera", "mere", "vek", "veka", "svet", "sveta", "svetu", "telo", "dete",
	"deteta", "posle", "celo", "ceo", "cela", "cele", "reka", "primer",
	"uvek", "nedelja", "mesec", "meseca", "hteo", "hteti", "obezbediti",
	"smeju", "sme", "delo", "dela", "delu", "čovek", "čoveka", "čoveku", "pre",
	"bezbednost", "bezbednosti", NULL
};
static const char *const ijekavian[] = {
	"vrijeme", "riječ", "riječi", "djeca", "djece", "djeci", "mlijeko",
	"lijepo", "lijep", "vidjeti", "mjesto", "mjestu", "mjesta", "pjesma",
	"vjeruje", "vjera", "mjera", "mjere", "vijek", "vijeka", "svijet",
	"svijeta", "svijetu", "tijelo", "dijete", "djeteta", "poslije", "cijelo",
	"cio", "cijela", "cijele", "rijeka", "primjer", "uvijek", "mjesec",
	"mjeseca", "htio", "htjeti", "obezbijediti", "bezbjednost", "nedjelja",
	"smiju", "smije", "djelo", "djela", "djelu", "čovjek", "čovjeka", "čovjeku",
	"prije", NULL
};

static const char *const id_words[] = {
	"karena", "bisa", "harus", "saja", "uang", "pemerintah", "pemerintahan",
	"pengadilan", "yaitu", "internasional", "kantor", "mobil", "gratis",
	"agustus", "desember", "tapi", "silakan", NULL
};
static const char *const ms_words[] = {
	"kerana", "sahaja", "wang", "polis", "kanak-kanak", "mahkamah", "percuma",
	"baharu", "iaitu", "antarabangsa", "kebangsaan", "kerajaan", "hendaklah",
	"sesiapa", "ogos", "disember", "hospital", "pejabat", "sila", NULL
};
static const char *const none[] = { NULL };

/* Sets of languages told apart by the markers; the first two of each set
 * are compared, a third code (Serbian) reads as the second. */
static const struct {
	struct side a, b;
	const char *also_b;
} sets[] = {
	{ { "da", da_words, da_endings }, { "no", no_words, no_endings }, NULL },
	{ { "hr", hr_words, none }, { "bs", bs_words, none }, "sr" },
	{ { "id", id_words, none }, { "ms", ms_words, none }, NULL },
};

/* Lower-case one word into out (utf8proc's simple lower case, ucd.h). */
static size_t
fold_word(const unsigned char *p, size_t n, char *out, size_t cap)
{
	size_t i = 0, o = 0;

	while (i < n && o + 4 < cap) {
		uint32_t c;

		i += sc_ucd_next((const char *)p, i, n, &c);
		o += sc_utf8_encode(sc_ucd_lower(c), out + o);
	}
	out[o] = '\0';
	return o;
}

/* The first bytes are compared before the call: most words differ there. */
static int
in_list(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (w[0] == (*list)[0] && strcmp(w, *list) == 0)
			return 1;
	return 0;
}

static int
has_ending(const char *w, size_t n, const char *const *list)
{
	for (; *list != NULL; list++) {
		size_t k = strlen(*list);

		/* A stem of three letters or more before the ending. */
		if (n >= k + 3 && memcmp(w + n - k, *list, k) == 0)
			return 1;
	}
	return 0;
}

/*
 * The length of the character at p, and whether it belongs in a word:
 * letters and marks (so quotes such as » „ “, dashes and the no-break
 * space end words), and the hyphen.
 */
static size_t
word_char(const unsigned char *p, size_t n, int *in_word)
{
	uint32_t c;
	size_t l = sc_ucd_next((const char *)p, 0, n, &c);
	int cat = sc_ucd_category(c);

	*in_word = c == '-' || (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME);
	return l > 0 ? l : 1;
}

/* Count the words (or endings) of side a and of side b in the text. */
static void
count_markers(const unsigned char *p, size_t n, const struct side *a,
    const struct side *b, int *ma, int *mb)
{
	size_t i = 0;
	char w[64];

	*ma = *mb = 0;
	while (i < n) {
		size_t start, len, l = 0, lead = 0;
		int in = 0;

		while (i < n && (l = word_char(p + i, n - i, &in)) > 0 && !in)
			i += l;
		start = i;
		while (i < n && (l = word_char(p + i, n - i, &in)) > 0 && in)
			i += l;
		if (i - start >= sizeof w / 2)
			continue;
		len = fold_word(p + start, i - start, w, sizeof w);
		while (len > 0 && w[len - 1] == '-')
			w[--len] = '\0';
		while (lead < len && w[lead] == '-')
			lead++;
		if (lead > 0) {
			memmove(w, w + lead, len - lead + 1);
			len -= lead;
		}
		if (len == 0)
			continue;
		if (in_list(w, a->words) || has_ending(w, len, a->endings))
			(*ma)++;
		else if (in_list(w, b->words) || has_ending(w, len, b->endings))
			(*mb)++;
	}
}

/* Bosnian or Serbian (Latin script) by how the text writes the jat. */
static const char *
ekavian_or_not(const unsigned char *p, size_t n, const char *code)
{
	static const struct side sr = { "sr", ekavian, none }, bs = { "bs", ijekavian, none };
	int ek, ij;

	count_markers(p, n, &sr, &bs, &ek, &ij);
	if (ek > 0 && ek > 2 * ij)
		return "sr";
	if (ij > 0 && ij > 2 * ek)
		return "bs";
	return code;
}

/* The set code belongs to, or the number of sets. */
static size_t
find_set(const char *code)
{
	size_t s;

	for (s = 0; s < sizeof sets / sizeof sets[0]; s++) {
		if (strcmp(code, sets[s].a.code) == 0 || strcmp(code, sets[s].b.code) == 0 ||
		    (sets[s].also_b != NULL && strcmp(code, sets[s].also_b) == 0))
			break;
	}
	return s;
}

int
sc_lang_close_set(const char *code)
{
	return find_set(code) < sizeof sets / sizeof sets[0];
}

const char *
sc_lang_close(const char *text, size_t n, const char *code)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t s = find_set(code);
	int ma, mb, on_a;
	const char *to;

	if (s == sizeof sets / sizeof sets[0])
		return NULL;
	on_a = strcmp(code, sets[s].a.code) == 0;
	count_markers(p, n, &sets[s].a, &sets[s].b, &ma, &mb);
	if (!on_a && ma > 0 && ma > 2 * mb)
		return sets[s].a.code;
	if (on_a && !(mb > 0 && mb > 2 * ma))
		return NULL;
	to = on_a ? sets[s].b.code : code;
	/* Croatian's neighbours: Bosnian or Serbian by how the jat is written. */
	if (sets[s].also_b != NULL)
		to = ekavian_or_not(p, n, to);
	return strcmp(to, code) != 0 ? to : NULL;
}
