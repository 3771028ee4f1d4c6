/*
 * Byline rules of common/pagemeta.c, table by table: each row is a small
 * page written for the test (a headline, the lines under it, a body, and
 * what follows the body) and the author it must give, or none.  Each
 * table holds the shapes one rule serves and the look-alikes it must
 * leave alone.
 */
#include "../tap.h"
#include "fixture_article.h"
#include "pagemeta.h"
#include "util.h"

#define NAV \
	"Skip to content\n\n" \
	"  • Home\n  • News\n  • Sport\n  • Culture\n  • Contact\n\n"

#define HEAD "Council promises answer on delayed bridge\n\n"

/* A body long enough to read as the main text. */
#define BODY ARTICLE_BODY "\n"

struct row {
	const char *before;	/* between the navigation and the headline */
	const char *under;	/* between the headline and the body */
	const char *after;	/* after the body */
	const char *author;	/* NULL: no author */
	const char *what;
};

static void
run(const struct row *c, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		struct sc_pagemeta m;
		struct sc_buf t = { 0 };

		sc_buf_adds(&t, NAV);
		sc_buf_adds(&t, c[k].before ? c[k].before : "");
		sc_buf_adds(&t, HEAD);
		sc_buf_adds(&t, c[k].under ? c[k].under : "");
		sc_buf_adds(&t, "\n");
		sc_buf_adds(&t, BODY);
		sc_buf_adds(&t, c[k].after ? c[k].after : "");
		sc_pagemeta_extract(t.p, t.len, NULL, &m);
		is_str(m.author, c[k].author, c[k].what);
		sc_pagemeta_free(&m);
		sc_buf_free(&t);
	}
}

/* A teaser heading inside or after the text: the bylines under it are other articles'. */
static void
test_teasers(void)
{
	static const struct row c[] = {
		{ NULL, NULL, "Lesen Sie auch\n\nDer Hafen bleibt bis Montag zu\n\n"
		    "von Jonas Albrecht\n\nvor 23 Stunden\n\n" BODY,
		    NULL, "de: a teaser's byline under 'Lesen Sie auch'" },
		{ NULL, NULL, "Read more\n\nThe ferry stays in port\nBy Martha Lindqvist\n\n" BODY,
		    NULL, "en: a teaser's byline under 'Read more'" },
		{ NULL, NULL, "À lire aussi\n\nLe port reste fermé\n\nPar Jeanne Roux\n\n" BODY,
		    NULL, "fr: a teaser's byline under 'À lire aussi'" },
		{ NULL, NULL, "Verwandte Artikel:\n\n  • Der Hafen bleibt zu\n"
		    "  • Die Fähre fährt wieder\n\nLinks:\n\n  • Eins\n  • Zwei\n"
		    "  • Drei\n  • Vier\n\nTweet\nRating\nloading...\n"
		    "Posted by Uta Helkenberg at 18:52\n",
		    "Uta Helkenberg", "the post's own byline after a list of related articles" },
		{ NULL, NULL, "Weitere Artikel\n\nNeues Arbeiten\n\nAuf ins Metaverse\n\n"
		    "Wie das Team sich trifft, ohne zu reisen.\n"
		    "Von Jonas Albrecht am 08.12.2022\n"
		    "Ein Bild vom Treffen\nEin Bild vom Treffen\nRezension\n\n"
		    "Grenzen zwischen Büro und Zuhause\n\n"
		    "Stellen Sie sich vor, Sie könnten Ihre Arbeit ganz vergessen,\n"
		    "sobald Sie nach Hause kommen.\n"
		    "Von Uta Helkenberg am 24.11.2022\n\n" BODY,
		    NULL, "a list of teasers: each teaser's byline keeps the mask on" },
		{ NULL, NULL, "\nvon Jonas Albrecht\n\n", "Jonas Albrecht",
		    "a byline after the text with no teaser heading is the writer's" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* The kind of piece before its writer: "Ein Interview von X", "Analysis by X". */
static void
test_piece_markers(void)
{
	static const struct row c[] = {
		{ NULL, "Ein Interview von Jonas Albrecht mit Uta Helkenberg.\n", NULL,
		    "Jonas Albrecht", "de: 'Ein Interview von X mit Y': the interviewer" },
		{ NULL, "Eine Analyse von Jonas Albrecht\n14. März 2023, 9:21 Uhr\n", NULL,
		    "Jonas Albrecht", "de: 'Eine Analyse von X' over the date" },
		{ NULL, "Analysis by Martha Lindqvist\n", NULL, "Martha Lindqvist",
		    "en: 'Analysis by X'" },
		{ NULL, "Propos recueillis par Jeanne Roux\n", NULL, "Jeanne Roux",
		    "fr: 'Propos recueillis par X'" },
		{ NULL, "Eine Studie von Microsoft zeigt, wie die Brücke altert.\n", NULL,
		    NULL, "de: a study by a firm is no byline" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* An agency or a desk glued to the name with a slash is not part of it. */
static void
test_agency_tail(void)
{
	static const struct row c[] = {
		{ NULL, "Autor:\n\nPeter Lindqvist/SP-X\n\nLesezeit: 3 Minuten\n", NULL,
		    "Peter Lindqvist", "an agency in capitals after the slash" },
		{ NULL, "Von Anna Berg/dpa\n", NULL, "Anna Berg", "an agency's name after the slash" },
		{ NULL, "Von: det/dpa\n", NULL, "det/dpa", "an editor's short sign and the agency stay whole" },
	};

	run(c, sizeof c / sizeof c[0]);
}

#define WIDGETS "Teilen\nTwittern\nPinnen\nXING\nMail\nDruck\n"

/* A name line next to a date line under the headline. */
static void
test_name_by_date(void)
{
	static const struct row c[] = {
		{ NULL, "Jonas Albrecht,\nam Sonntag, 12.03.2023 - 05:00 (1 Kommentar)\n", NULL,
		    "Jonas Albrecht", "a byline broken after the name's comma" },
		{ NULL, WIDGETS WIDGETS "\nJonas Albrecht\n12.03.2023 - 05:00\n", NULL,
		    "Jonas Albrecht", "share widgets between the headline and the byline" },
		{ NULL, "14. März 2023 15. März 2023 | Jonas Albrecht\n", NULL,
		    "Jonas Albrecht", "the name after a published and an updated date" },
		{ NULL, "14. März 202315. März 2023 | Jonas Albrecht\n", NULL,
		    "Jonas Albrecht", "the name after two dates the dump glued" },
		{ NULL, "Jonas Albrecht,\nLeiter des Bauamts\n", NULL, NULL,
		    "a name and a comma with no date near is no byline" },
		{ NULL, "Published Tue, Mar 14 2023 7:05 AM EST\nJane Doe@janedoe\n", NULL,
		    "Jane Doe", "the name with a handle glued to it under the date" },
		{ NULL, "Published Tue, Mar 14 2023 7:05 AM EST\nJane Doe@jane.doe\n", NULL,
		    NULL, "not with an address's dot after the handle" },
		{ NULL, "Published Tue, Mar 14 2023 7:05 AM EST\nJane Doe@janedoe\nKey Points\n\n"
		    "  \xE2\x80\xA2 The council will vote on the plan in May.\n"
		    "  \xE2\x80\xA2 The bridge stays closed until then.\n", NULL,
		    "Jane Doe", "a heading over a list under the name is no co-author" },
		{ NULL, "Published Tue, Mar 14 2023 7:05 AM EST\nJane Doe\nJohn Roe\n", NULL,
		    "Jane Doe; John Roe", "two names, one under the other, are co-authors" },
		{ NULL, "Jane DoeBy Jane Doe, CBC Staff\nMarch 14, 2023 7:05 AM\n", NULL,
		    "Jane Doe", "an avatar's name glued before the byline" },
		{ NULL, "Jane DoeBy John Roe, CBC Staff\n", NULL,
		    NULL, "not when the glued name is another" },
		{ NULL, "Jane Doe, Tuesday, March 14th, 2023\n", NULL,
		    "Jane Doe", "a name before a weekday and the date" },
		{ NULL, "Created Tuesday, March 14th, 2023\n", NULL,
		    NULL, "a weekday is no name ('Created Tuesday')" },
		{ NULL, "Springfield Tuesday, March 14th, 2023\n", NULL,
		    NULL, "a place and a weekday is no name" },
		{ NULL, NULL, "Created March 14, 2023. Edited March 15, 2023.\n",
		    NULL, "'Created' and 'Edited' are no names" },
		{ NULL, "By Jane Doe Modified March 14, 2023\n", NULL,
		    "Jane Doe", "'Modified' ends a name before the date" },
		{ NULL, "Von J\xC3\xB6rg Staff am 14.03.2023\n", NULL,
		    "J\xC3\xB6rg Staff", "a desk's word as a surname after a given name" },
		{ NULL, "By CNN Staff on March 14, 2023\n", NULL,
		    NULL, "not after an acronym: a desk" },
		{ NULL, "By Staff and news service reports\n", NULL,
		    NULL, "a desk's word first, then more words: no writer" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* Lowercase particles inside a name, and the articles that look like them. */
static void
test_particles(void)
{
	static const struct row c[] = {
		{ NULL, "Von Ursula von der Leyen\n", NULL, "Ursula von der Leyen",
		    "'von der' inside a name" },
		{ NULL, "By Rafael van der Vaart\n", NULL, "Rafael van der Vaart",
		    "'van der' inside a name" },
		{ NULL, "Bürgermeister der Stadt\n", NULL, NULL,
		    "'der' after a noun is an article: no name" },
		{ NULL, "Leiter der Abteilung Verkehr\n", NULL, NULL,
		    "a title and its department is no name" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* Several writers, each on a line of their own under the headline. */
static void
test_name_lists(void)
{
	static const struct row c[] = {
		{ NULL, "LP\nLuana Pereira\nRF\nRafael Faria\n"
		    "postado em 04/05/2022 05:49 / atualizado em 04/05/2022 05:50\n", NULL,
		    "Luana Pereira; Rafael Faria", "pt: two writers under avatar initials" },
		{ NULL, "Jonas Albrecht\nUta Helkenberg\n14.03.2023\n", NULL,
		    "Jonas Albrecht; Uta Helkenberg", "two name lines over a date line" },
		{ NULL, "Jonas Albrecht\nJonas Albrecht\n14.03.2023\n", NULL,
		    "Jonas Albrecht", "a name given twice counts once" },
		{ NULL, "Jonas Albrecht\nChefredakteur\n14.03.2023\n", NULL,
		    "Jonas Albrecht", "a role under the name is no second writer" },
		{ NULL, "Jonas Albrecht\n\nUta Helkenberg\n", NULL,
		    "Jonas Albrecht", "a blank line ends the list" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* A caption or a label the dump glued to the byline. */
static void
test_glued_caption(void)
{
	static const struct row c[] = {
		{ NULL, "von Jonas Albrecht Hafenkran: Foto: © Hafenamt\n", NULL,
		    "Jonas Albrecht", "a caption's first word before its colon" },
		{ NULL, "Von Jonas Albrecht: Foto: © Hafenamt\n", NULL,
		    "Jonas Albrecht", "two words before the colon stay the name" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* Widgets and doubled links that look like names. */
static void
test_widgets(void)
{
	static const struct row c[] = {
		{ NULL, "Par Jeanne Roux Jeanne Roux\n", NULL, "Jeanne Roux",
		    "a name rendered twice with a space between" },
		{ NULL, "Par Jeanne RouxJeanne Roux\n", NULL, "Jeanne Roux",
		    "a name rendered twice without a space" },
		{ NULL, "March 14th 2023\nTweet This\n", NULL, NULL,
		    "a share button next to the date is no name" },
		{ NULL, "KAFFEE\nKAFFEE PRODUKTE\nKaffeebohnen\n", NULL, NULL,
		    "a menu label in capitals is no bare name" },
		{ NULL, "Release: 14.03.2023\nCouncil Bridge Timetable\n", NULL, NULL,
		    "words of the headline next to a date are its subject, not a writer" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* A menu's entry next to the date is no writer. */
static void
test_menu_names(void)
{
	static const struct row c[] = {
		{ "  • Ratgeber\n      □ Expertenbeiträge\n      □ Experteninterviews\n\n",
		    "14.03.2023 Aktuelles Experteninterviews\n", NULL, NULL,
		    "a category after the date, named in the menu" },
		{ "  • Ratgeber\n      □ Expertenbeiträge\n      □ Experteninterviews\n\n",
		    "14.03.2023 Jonas Albrecht\n", "  • Jonas Albrecht\n  • Kontakt\n",
		    "Jonas Albrecht", "the writer's name as a link of an author box stays" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* Several writers in one byline keep its words; names read apart get "; ". */
static void
test_joins(void)
{
	static const struct row c[] = {
		{ NULL, "By Jane Doe and John Roe\n", NULL, "Jane Doe and John Roe",
		    "en: 'and' between two writers" },
		{ NULL, "Von Lars Brandt, Uta Helkenberg und Jonas Albrecht\n", NULL,
		    "Lars Brandt, Uta Helkenberg und Jonas Albrecht", "de: a comma and 'und'" },
		{ NULL, "By Jane Doe, John Roe\n", NULL, "Jane Doe, John Roe",
		    "en: a comma between two writers" },
		{ NULL, "By Jane Doe , John Roe on Monday, November 18th, 2019 at 11:08 a.m.\n",
		    NULL, "Jane Doe, John Roe", "en: no space before the comma" },
		{ NULL, "By Jane Doe, CNBC Business\n", NULL, "Jane Doe",
		    "en: an outlet's acronym after the comma is no second writer" },
		{ NULL, "Analysis by Jane Doe, CNBC Editor-at-large\n", NULL, "Jane Doe",
		    "en: nor a title opening with the outlet's acronym" },
		{ NULL, "By JANE DOE, JOHN ROE\n", NULL, "JANE DOE, JOHN ROE",
		    "en: names in capitals stay two writers" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* A date after the name on a byline line: the name stops before it. */
static void
test_date_after_name(void)
{
	static const struct row c[] = {
		{ NULL, "By Jonas Albrecht November 6, 2022\n", NULL,
		    "Jonas Albrecht", "en: a month name after the name is the date's" },
		{ NULL, "by Albrecht Nov. 6, 2022\n", NULL,
		    "Albrecht", "en: one name, then an abbreviated month" },
		{ NULL, "Von Jonas Albrecht März 6, 2022\n", NULL,
		    "Jonas Albrecht", "de: a month name after the name" },
		{ NULL, "By Jonas Albrecht and Lea Stein Nov 6 2022\n", NULL,
		    "Jonas Albrecht and Lea Stein", "en: two names, then the date" },
		{ NULL, "By April Stein\n", NULL,
		    "April Stein", "en: a month's name as a first name, no date" },
		{ NULL, "Monday November 6, 2022 7:45 am PST by Jonas Albrecht\n", NULL,
		    "Jonas Albrecht", "en: the marker after a time and its zone" },
		{ NULL, "06.11.2022 10:15 MEZ von Jonas Albrecht\n", NULL,
		    "Jonas Albrecht", "de: the marker after a time and its zone" },
	};

	run(c, sizeof c / sizeof c[0]);
}

/* The byline labels of more languages, cut from the name. */
static void
test_language_labels(void)
{
	static const struct row c[] = {
		{ NULL, "Napisał Jan Kowalski, 3 marca 2022\n", NULL, "Jan Kowalski", "pl: Napisał" },
		{ NULL, "Napisała Anna Nowak\n", NULL, "Anna Nowak", "pl: Napisała" },
		{ NULL, "Napsal Jan Novák\n", NULL, "Jan Novák", "cs: Napsal" },
		{ NULL, "Napísala Anna Horváthová\n", NULL, "Anna Horváthová", "sk: Napísala" },
		{ NULL, "Piše: Ana Horvat\n", NULL, "Ana Horvat", "hr: Piše:" },
		{ NULL, "Kirjoittaja: Anna Virtanen\n", NULL, "Anna Virtanen", "fi: Kirjoittaja:" },
		{ NULL, "Teksti: Anna Virtanen\n", NULL, "Anna Virtanen", "fi: Teksti:" },
		{ NULL, "Szerző: Kovács Anna\n", NULL, "Kovács Anna", "hu: Szerző:" },
		{ NULL, "Írta: Kovács Anna\n", NULL, "Kovács Anna", "hu: Írta:" },
		{ NULL, "Skrevet af Anne Berg\n", NULL, "Anne Berg", "da: Skrevet af" },
		{ NULL, "Forfatter: Anne Berg\n", NULL, "Anne Berg", "no: Forfatter:" },
		{ NULL, "Författare: Anna Berg\n", NULL, "Anna Berg", "sv: Författare:" },
		{ NULL, "Penulis: Budi Santoso\n", NULL, "Budi Santoso", "id: Penulis:" },
	};

	run(c, sizeof c / sizeof c[0]);
}

int
main(void)
{
	test_teasers();
	test_piece_markers();
	test_agency_tail();
	test_name_by_date();
	test_date_after_name();
	test_language_labels();
	test_particles();
	test_name_lists();
	test_glued_caption();
	test_widgets();
	test_menu_names();
	test_joins();
	return tap_done();
}
