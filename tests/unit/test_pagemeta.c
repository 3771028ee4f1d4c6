/*
 * Unit tests of common/pagemeta.c on small pages written for the tests:
 * headlines among navigation and teasers, bylines in several languages
 * and layouts, organisations that must not become authors, categories,
 * tags, site prefixes, leads, and bad input.
 */
#include "../tap.h"
#include "fixture_article.h"
#include "pagemeta.h"
#include "utf8.h"

static struct sc_date now = { 2023, 11, 10, 12, 0, 0, SC_DATE_NOTZ };

static void
extract(const char *page, struct sc_pagemeta *m)
{
	struct sc_pagemeta_opts o;

	sc_pagemeta_opts_init(&o);
	o.now = &now;
	sc_pagemeta_extract(page, strlen(page), &o, m);
}

/* A body long enough to read as the main text. */
#define BODY ARTICLE_BODY

#define NAV \
	"Skip to content\n\n" \
	"  • Home\n  • News\n  • Sport\n  • Culture\n  • Contact\n\n" \
	"Search\n\n"

#define TEASERS \
	"\nRelated articles\n\n" \
	"Another headline about something else entirely\n\n" \
	"A short teaser for another article that readers might like to read next.\n" \
	"By Someone Else\n\n" \
	"© 2023 The Riverside Gazette. All rights reserved.\n"

/* a video player's titles between an article's header and its text */
#define PLAYER_BODY \
	"[player]\n" \
	"Council members argue over the budget\n" \
	"Council members argue over the budget\n" \
	"\n" \
	"    NOW PLAYING\n" \
	"\n" \
	"    Council members argue over the budget\n" \
	"\n" \
	"Replay\n" \
	"More Videos ...\n" \
	"\n" \
	"[thumb]\n" \
	"[still]\n" \
	"\n" \
	"Ferry passengers face a winter of delays\n" \
	"\n" \
	"[thumb]\n" \
	"[still]\n" \
	"\n" \
	"Port authority names a new chief\n" \
	"\n" \
	"[thumb]\n" \
	"[still]\n" \
	"\n" \
	"Why the old swing bridge still matters\n" \
	"\n" \
	"[thumb]\n" \
	"[still]\n" \
	"\n" \
	"Residents rally for a footbridge\n" \
	"\n" \
	"[thumb]\n" \
	"[still]\n" \
	"\n" \
	"Mayor defends the new ferry timetable\n" \
	"\n" \
	"[thumb]\n" \
	"[still]\n" \
	"\n" \
	"Council postpones the harbour bridge vote again\n" \
	"\n" \
	"Council members leave the chamber in Riverside after another long meeting about the harbour bridge and its rising costs on Monday evening.\n" \
	"\n" \
	"The council has postponed its vote on the harbour bridge for the third time this year, leaving residents and businesses to wonder when work will finally begin.\n" \
	"\n" \
	"Members could not agree on how to share the rising costs between the city, the region and the port authority, and several asked for a new study of the traffic figures.\n" \
	"\n" \
	"The mayor said she still expected a decision before the summer, but admitted that the timetable depends on the regional budget, which will not be settled until the spring.\n"

static void
test_news_page(void)
{
	struct sc_pagemeta m;

	extract(NAV
	    "Local News\n\n"
	    "Council promises answer on delayed bridge\n\n"
	    "By Jane Doe and John Roe\n"
	    "Published: March 14, 2023 at 4:56 p.m. | Updated: March 15, 2023\n\n"
	    BODY TEASERS, &m);
	is_str(m.title, "Council promises answer on delayed bridge", "news: headline, not nav or kicker");
	is_str(m.date, "2023-03-14T16:56:00", "news: published, not updated");
	is_str(m.author, "Jane Doe and John Roe", "news: a byline's own words for two authors");
	is_str(m.author_role, NULL, "news: no role");
	sc_pagemeta_free(&m);
}

static void
test_german_page(void)
{
	struct sc_pagemeta m;

	extract(NAV
	    "Stadtrat verspricht Antwort zur Brücke\n\n"
	    "Veröffentlicht am 12. Juni 2017 von Cosima Künzel\n\n"
	    "Der Stadtrat hat am Dienstag über die Pläne für die neue Brücke über den "
	    "Fluss beraten, die sich seit mehr als drei Jahren verzögert, weil die Kosten "
	    "steigen und niemand die Reparaturen bezahlen will.\n\n"
	    "Anwohner sagten, sie seien des Wartens müde, und baten den Bürgermeister, "
	    "noch vor Jahresende einen Zeitplan zu veröffentlichen.\n\n"
	    "Kommentare\n\n"
	    "Von Max Mustermann\n", &m);
	is_str(m.title, "Stadtrat verspricht Antwort zur Brücke", "de: headline");
	is_str(m.date, "2017-06-12", "de: '12. Juni 2017'");
	is_str(m.author, "Cosima Künzel", "de: 'DATE von NAME', not the commenter");
	sc_pagemeta_free(&m);
}

static void
test_split_byline(void)
{
	struct sc_pagemeta m;

	/* a text browser puts each part of the byline on its own line */
	extract(NAV
	    "Morgen Abend: Ring-Rückkehr gegen den Weltmeister!\n\n"
	    "Von\nPatrick Czerny\n-\n4. Februar 2022\nShare\nFacebook\nTwitter\n\n"
	    BODY, &m);
	is_str(m.title, "Morgen Abend: Ring-Rückkehr gegen den Weltmeister!", "split byline: headline");
	is_str(m.author, "Patrick Czerny", "split byline: marker alone, name below");
	is_str(m.date, "2022-02-04", "split byline: date below");
	sc_pagemeta_free(&m);
}

static void
test_name_near_date(void)
{
	struct sc_pagemeta m;

	extract(NAV
	    "Pferdesport bleibt olympisch bis 2028\n\n"
	    "Dominique Wehrmann\n"
	    "am 4. Februar 2022 um 11:23\n"
	    "Teilen Twittern Email\n\n"
	    BODY, &m);
	is_str(m.author, "Dominique Wehrmann", "a name line next to the date line");
	is_str(m.date, "2022-02-04T11:23:00", "the date with its time");
	sc_pagemeta_free(&m);

	extract(NAV
	    "Auktion der Schätze von St. Johannes\n\n"
	    "04.02.2022 | 13:10 Uhr | Uta Helkenberg\n\n"
	    BODY, &m);
	is_str(m.author, "Uta Helkenberg", "a name after a date and a time");
	sc_pagemeta_free(&m);
}

/* The author read from a page whose headline is followed by between, then sep and the body. */
static void
check_author(const char *between, const char *sep, const char *want, const char *what)
{
	struct sc_pagemeta m;
	struct sc_buf t = { 0 };

	sc_buf_adds(&t, NAV "Council promises answer on delayed bridge\n\n");
	sc_buf_adds(&t, between);
	sc_buf_adds(&t, sep);
	sc_buf_adds(&t, BODY);
	sc_pagemeta_extract(t.p, t.len, NULL, &m);
	is_str(m.author, want, what);
	sc_pagemeta_free(&m);
	sc_buf_free(&t);
}

/* A one-paragraph standfirst that ends in a marked byline. */
static void
test_standfirst_byline(void)
{
	static const char lead[] = "The harbour board will decide next month "
	    "whether the night shifts at the container terminal continue after "
	    "the trial ends in the spring.";

	struct sc_buf t = { 0 };

	sc_buf_adds(&t, lead);
	sc_buf_adds(&t, " By Jane Doe");
	check_author(t.p, "\n\n", "Jane Doe", "a byline closing the standfirst");
	sc_buf_reset(&t);
	sc_buf_adds(&t, lead);
	sc_buf_adds(&t, " Von Jonas Albrecht und Uta Helkenberg");
	check_author(t.p, "\n\n", "Jonas Albrecht und Uta Helkenberg",
	    "two writers closing the standfirst");
	sc_buf_reset(&t);
	sc_buf_adds(&t, lead);
	sc_buf_adds(&t, " By the way, nobody asked the crews.");
	check_author(t.p, "\n\n", NULL, "a sentence starting with By is no byline");
	sc_buf_reset(&t);
	sc_buf_adds(&t, lead);
	sc_buf_adds(&t, " Por España");
	check_author(t.p, "\n\n", NULL, "a place after a marker word is no byline");
	sc_buf_free(&t);
}

/* Byline shapes found in text dumps, each with the name it must give. */
static void
test_byline_shapes(void)
{
	static const struct {
		const char *lines;	/* between the headline and the body */
		const char *author;
		const char *what;
	} c[] = {
		{ "14. März 2023 @ 18:13 // Autor: jd42 // ~ Lesezeit: 2 Minuten\n",
		    "jd42", "a labelled user name after a separator" },
		{ "Geschrieben vonElisa Marvena\n", "Elisa Marvena", "a marker glued to the name" },
		{ "Published on March 14, 2023\n\nInga WeidmannFollow\n",
		    "Inga Weidmann", "a widget word glued to a bare name" },
		{ "Accueil | Par Jeanne Le Roux | 14 mars 2023\n", "Jeanne Le Roux",
		    "a capitalised particle inside a name" },
		{ "Par Jeanne Roux le 14 mars 2023\n", "Jeanne Roux",
		    "a particle before a date ends the name" },
		{ "14. März 2023 karlheinz Schreibe einen Kommentar\n", "karlheinz",
		    "a user name before the comment link" },
		{ "Veröffentlicht am: 14. März 2023 | Anzahl Kommentare: keine\n", NULL,
		    "a comment counter is no name" },
		{ "Kolumnist*in: Robin Falk\n", "Robin Falk", "a role label" },
		{ "---- by Kenneth Lowe\n", "Kenneth Lowe", "a rule before the marker" },
		{ "Martha Lindqvist   06 PM | 14 Mar\n", "Martha Lindqvist",
		    "a name, a gap and a time" },
		{ "gizmo7714.03.23 12:44\n", NULL, "digits glued to a handle: not a name" },
		{ "riverfan14.03.2023 12:44\n", "riverfan", "a user name glued to its date" },
		{ "FINANZEN14.03.2023\n", NULL, "a section label glued to the date" },
		{ "By Staff Writer\n", "Staff Writer", "a desk named after an explicit marker" },
		{ "By Facebook\n", NULL, "a share button is no desk" },
		{ "Автор: Иван Петров\n", "Иван Петров", "ru: a capitalised marker in Cyrillic" },
		{ "Yazar: Ahmet Yılmaz\n", "Ahmet Yılmaz", "tr: Yazar:" },
		{ "Rédigé par Jeanne Roux\n", "Jeanne Roux", "fr: rédigé par" },
		{ "بقلم: محمد أحمد\n", "محمد أحمد",
		    "ar: a name without case after an explicit marker" },
		{ "लेखक: राहुल शर्मा\n", "राहुल शर्मा", "hi: लेखक:" },
		{ "লেখক: রহিম উদ্দিন\n", "রহিম উদ্দিন", "bn: লেখক:" },
		{ "2023-03-14 10:30  来源：新华社  作者：张伟\n", "张伟",
		    "zh: a full-width-colon marker after the time and the source" },
		{ "آخر الأخبار\n14 March 2023\n", NULL,
		    "ar: two words without case and without a marker are no name" },
	};
	size_t k;

	for (k = 0; k < sizeof c / sizeof c[0]; k++)
		check_author(c[k].lines, "\n", c[k].author, c[k].what);
}

/* An agency's credit opening the text, when no writer is named. */
static void
test_agency_credit(void)
{
	static const struct {
		const char *lead;	/* the first paragraph under the headline */
		const char *author;
		const char *what;
	} c[] = {
		{ "Kiel (dpa/lno) \xE2\x80\x93 Nach dem Sturm bleibt die F\xC3\xA4hre "
		    "zur Insel bis Montag im Hafen, teilte die Reederei am Freitag mit.",
		    "dpa/lno", "a German dateline with an en dash" },
		{ "LYON (AFP) - The bridge over the river will stay closed until the "
		    "spring, the city said on Tuesday after a new inspection.",
		    "AFP", "an English dateline with a hyphen" },
		{ "Bad Oldesloe (epd) \xE2\x80\x94 Die Kirchengemeinde l\xC3\xA4" "dt am Sonntag "
		    "zu einem Konzert ein, der Eintritt ist wie jedes Jahr frei.",
		    "epd", "a two-word place" },
		{ "Kiel (2019) \xE2\x80\x93 Nach dem Sturm bleibt die F\xC3\xA4hre zur Insel "
		    "bis Montag im Hafen, teilte die Reederei am Freitag mit.",
		    NULL, "a year in brackets is no credit" },
		{ "The mayor (who took office in May) - as expected - said the bridge would "
		    "stay closed until the spring after a new inspection.",
		    NULL, "a remark in brackets inside a sentence is no credit" },
		{ "Kiel (dpa) Nach dem Sturm bleibt die F\xC3\xA4hre zur Insel bis Montag im "
		    "Hafen, teilte die Reederei am Freitag mit, und mehr.",
		    NULL, "no dash after the brackets: no dateline" },
	};
	struct sc_buf t = { 0 };
	size_t k;

	for (k = 0; k < sizeof c / sizeof c[0]; k++)
		check_author(c[k].lead, "\n\n", c[k].author, c[k].what);
	/* a named writer wins over the agency */
	sc_buf_adds(&t, "By Jane Doe\n\n");
	sc_buf_adds(&t, c[1].lead);
	check_author(t.p, "\n\n", "Jane Doe", "a writer's byline comes before the agency");
	sc_buf_free(&t);
}

static void
test_no_author(void)
{
	struct sc_pagemeta m;

	/* organisations and desks are not people */
	extract(NAV
	    "Council promises answer on delayed bridge\n\n"
	    "By Staff and news service reports\n"
	    "March 14, 2023\n\n" BODY, &m);
	is_str(m.author, NULL, "a news desk is no author");
	is_str(m.date, "2023-03-14", "the date is still read");
	sc_pagemeta_free(&m);

	/* a desk on a line of its own, without a marker, is no byline */
	extract(NAV
	    "Council promises answer on delayed bridge\n\n"
	    "Redaktion Online\n\n" BODY, &m);
	is_str(m.author, NULL, "a bare 'Redaktion' line is no author");
	sc_pagemeta_free(&m);

	/* after an explicit marker the desk is what the page names */
	extract(NAV
	    "Council promises answer on delayed bridge\n\n"
	    "Von Redaktion Online\n\n" BODY, &m);
	is_str(m.author, "Redaktion Online", "'Von Redaktion Online' names the desk");
	sc_pagemeta_free(&m);

	/* a byline of a related article after the body is not this page's */
	extract(NAV
	    "Council promises answer on delayed bridge\n\n"
	    "March 14, 2023\n\n" BODY TEASERS, &m);
	is_str(m.author, NULL, "a teaser's byline is not the article's");
	sc_pagemeta_free(&m);
}

static void
test_sample_layout(void)
{
	struct sc_pagemeta m;

	extract("Bridge Talks & the Regional Budget\n\n"
	    "2020/09/06 | Note, political, top news\n\n"
	    "Riverside Council Online - The council's plans reflect its view of the "
	    "region and the budget. Some believe that the bridge will be built within "
	    "two years; others doubt it because the costs keep rising. Anna Berg \xE2\x80\x93 "
	    "Regional Affairs Expert\n\n"
	    BODY
	    "\nLATEST CONTENT\n\n"
	    "Another view on the budget\n\n"
	    "Riverside Council Online\xE2\x80\x94Opinion: A different view on the same question.\n\n"
	    "The harbour and its future\n\n"
	    "Riverside Council Online \xE2\x80\x93 Opinion: What the harbour means for the town.\n"
	    "Karl Sund \xE2\x80\x93 expert on harbours\n", &m);
	is_str(m.title, "Bridge Talks & the Regional Budget", "sample: title");
	is_str(m.date, "2020-09-06", "sample: date");
	is_int(m.ncategories, 3, "sample: three categories");
	if (m.ncategories == 3) {
		is_str(m.categories[0], "Note", "sample: category 1");
		is_str(m.categories[2], "top news", "sample: category 3");
	}
	is_str(m.site, "Riverside Council Online", "sample: site from the repeated prefix");
	is_str(m.author, "Anna Berg", "sample: byline at the end of the lead");
	is_str(m.author_role, "Regional Affairs Expert", "sample: role after the dash");
	is_str(m.description, "The council's plans reflect its view of the region and the "
	    "budget. Some believe that the bridge will be built within two years; others "
	    "doubt it because the costs keep rising.", "sample: lead without site and byline");
	sc_pagemeta_free(&m);
}

static void
test_title_suffix(void)
{
	struct sc_pagemeta m;

	extract(NAV
	    "Council promises answer on delayed bridge | Riverside Gazette\n\n"
	    "March 14, 2023\n\n" BODY
	    "\nRiverside Gazette\n\nAbout the Riverside Gazette\n", &m);
	is_str(m.title, "Council promises answer on delayed bridge", "title: ' | Site' removed");
	is_str(m.site, "Riverside Gazette", "title: the suffix names the site");
	sc_pagemeta_free(&m);

	/* a " - " that is part of the headline stays */
	extract(NAV
	    "Bridge talks - what happens next\n\n"
	    "March 14, 2023\n\n" BODY, &m);
	is_str(m.title, "Bridge talks - what happens next", "title: a dash inside stays");
	sc_pagemeta_free(&m);

	/* a title bar cut short, left with its separators, is no headline */
	extract(NAV
	    "| : Budget row: council delays the vote on the river bri | RIVERSIDE GAZETTESubscribe\n\n"
	    "Politics\n\n"
	    "/ NewsReporting based on facts and checked at first hand by the reporter, "
	    "or reported and checked by sources who know the field well.\n\n"
	    "Budget row: council delays the vote on the river bridge until May\n\n"
	    "The prosecutor asked for twelve years, a long teaser line that is cut off at the li\n\n"
	    "  \xE2\x80\xA2 Another story about something else\n\n" BODY, &m);
	is_str(m.title, "Budget row: council delays the vote on the river bridge until May",
	    "title: a line opening with '| ' is a remnant");
	sc_pagemeta_free(&m);

	/*
	 * Lines that are never the headline, on a page with nothing else:
	 * a photo's caption ending its sentence with a credit, a line with a
	 * web address, a meta row showing the same day twice.
	 */
	{
		static const char *const never[] = {
			"The old river bridge seen from the east bank at dusk, on March 2, 2023. (AP)",
			"The mayor at the opening of the new ferry pier last spring.Photo by Jane Doe / Gazette",
			"Image captionThe ferry pier was opened last spring",
			"via gazette.example https://gazette.example",
			"Riverside Gazette 1. M\xC3\xA4rz 20231. M\xC3\xA4rz 2023 Riverside, Nordstra\xC3\x9F" "e",
		};
		char page[4096];
		size_t k;

		for (k = 0; k < sizeof never / sizeof never[0]; k++) {
			snprintf(page, sizeof page, NAV "%s\n\n%s", never[k], BODY);
			extract(page, &m);
			ok(m.title == NULL || strcmp(m.title, never[k]) != 0, never[k]);
			sc_pagemeta_free(&m);
		}
	}
	/* the titles under "Previous" and "Next" are the neighbouring posts' */
	extract("Skip to content\n\n  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 News\n\n"
	    "Ferry timetable changes\n\nThe ferry timetable changes on Monday.\n\n"
	    "Post navigation\n\nPrevious\n\nCouncil promises answer on delayed bridge\n\n"
	    "Next\n\nA short guide to the new cycle lanes in town\n\n" BODY, &m);
	is_str(m.title, "Ferry timetable changes", "title: not the post under 'Previous'");
	sc_pagemeta_free(&m);

	/* "U.S." is no sentence's end: the words after it are the headline's */
	extract(NAV "U.S. Photo agency wins the river bridge contest\n\nBy Jane Doe\nMarch 14, 2023\n\n",
	    &m);
	is_str(m.title, "U.S. Photo agency wins the river bridge contest",
	    "title: a credit word after an abbreviation stays");
	sc_pagemeta_free(&m);
}

/* A page whose headline has nothing near it to vouch for it, and a picture's credit
 * (the line CREDIT_TOP "Courtesy of" CREDIT_BOTTOM) right above the text. */
#define CREDIT_TOP \
	    "Skip to content\n" \
	    "\n" \
	    "  \xE2\x80\xA2 Home\n" \
	    "  \xE2\x80\xA2 News\n" \
	    "  \xE2\x80\xA2 Sport\n" \
	    "\n" \
	    "Search\n" \
	    "\n" \
	    "Soggy pastures versus spring tides\n" \
	    "\n" \
	    "  \xE2\x80\xA2 Climate\n" \
	    "  \xE2\x80\xA2 Farming\n" \
	    "  \xE2\x80\xA2 Rivers\n" \
	    "  \xE2\x80\xA2 Council\n" \
	    "  \xE2\x80\xA2 Floods\n" \
	    "  \xE2\x80\xA2 Weather\n" \
	    "\n" \
	    "[meadows-2023]\n" \
	    "\n"
#define CREDIT_BOTTOM " Riverside Heritage Trust\n" CREDIT_TEXT
#define CREDIT_TEXT \
	    "\n" \
	    "Farmers along the river have kept the meadows wet for centuries, and the council " \
	    "now wants them to keep doing so for the flood plan. The plan pays them for every " \
	    "hectare they leave to the water in winter.\n" \
	    "The council says the meadows hold back more water than any wall it could build for " \
	    "the same money, and the farmers agree, as long as the payments come on time and the " \
	    "rules stay the same for ten years.\n" \
	    "Not everyone is happy: the shipping companies fear that the wetter meadows will " \
	    "change the river's course, and they have asked for a study before the plan starts " \
	    "next year.\n"

/*
 * Headline rules applied after the headline line is chosen: a kicker
 * glued to the headline is cut when another line writes the pair with a
 * separator; a date before or after the headline with a separator goes;
 * a short form of the headline gives way to its full form nearby.
 */
static void
test_title_parts(void)
{
	struct sc_pagemeta m;

	extract(NAV
	    "Budget row Council delays the vote on the river bridge\n\n"
	    "March 14, 2023\n\n" BODY
	    "\nMore on: Budget row - Council delays the vote on the river bridge\n", &m);
	is_str(m.title, "Council delays the vote on the river bridge",
	    "title: kicker cut when a teaser writes 'Kicker - Headline'");
	sc_pagemeta_free(&m);

	extract(NAV
	    "Budget row Council delays the vote on the river bridge\n\n"
	    "March 14, 2023\n\n" BODY
	    "\n  • Council delays the vote on the river bridge \xE2\x80\x93 Budget row\n", &m);
	is_str(m.title, "Council delays the vote on the river bridge",
	    "title: kicker cut when a list writes 'Headline - Kicker'");
	sc_pagemeta_free(&m);

	/*
	 * A line that says what a menu's first entry says is the site's name
	 * under its logo; one that says what a table of contents' first
	 * entry says is a section's heading.  A list of recent posts may
	 * start with the page's own headline.
	 */
	extract("  \xE2\x80\xA2 The Riverside Gazette\n  \xE2\x80\xA2 Politics\n"
	    "  \xE2\x80\xA2 Sport\n  \xE2\x80\xA2 Contact\n\nThe Riverside Gazette\n\n"
	    "  \xE2\x80\xA2 \n  \xE2\x80\xA2 \n\nbridges\n\n    bridges: a glossary entry\n\n"
	    BODY, &m);
	is_str(m.title, "bridges: a glossary entry", "title: not the menu's home entry");
	sc_pagemeta_free(&m);
	extract("Council budget explained\n\nBy Jane Doe\n\n"
	    "  \xE2\x80\xA2 What the council decided\n  \xE2\x80\xA2 Who pays for the school\n"
	    "  \xE2\x80\xA2 What comes next\n\nWhat the council decided\n\n" BODY
	    "\nWho pays for the school\n\n" BODY, &m);
	is_str(m.title, "Council budget explained", "title: not the first section's heading");
	sc_pagemeta_free(&m);
	extract("Skip to content\n\n  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 News\n\n"
	    "Recent Posts\n  \xE2\x80\xA2 Council promises answer on delayed bridge\n"
	    "  \xE2\x80\xA2 Summer fair in the park\n\n"
	    "Council promises answer on delayed bridge\n\nBy Jane Doe\n\n" BODY, &m);
	is_str(m.title, "Council promises answer on delayed bridge",
	    "title: the first of the recent posts may be the page's own");
	sc_pagemeta_free(&m);

	/* no line shows the pair apart: the words stay */
	extract(NAV
	    "Budget row Council delays the vote on the river bridge\n\n"
	    "March 14, 2023\n\n" BODY
	    "\nCouncil delays the vote on the river bridge, and the row goes on\n", &m);
	is_str(m.title, "Budget row Council delays the vote on the river bridge",
	    "title: no kicker cut without a separated copy");
	sc_pagemeta_free(&m);

	extract(NAV
	    "14.03.2023 - Council promises answer on delayed bridge\n\n"
	    "By Jane Doe\n\n" BODY, &m);
	is_str(m.title, "Council promises answer on delayed bridge",
	    "title: 'DATE - ' before the headline removed");
	sc_pagemeta_free(&m);

	extract(NAV
	    "Council promises answer on delayed bridge | 14.03.2023\n\n"
	    "By Jane Doe\n\n" BODY, &m);
	is_str(m.title, "Council promises answer on delayed bridge",
	    "title: ' | DATE' after the headline removed");
	sc_pagemeta_free(&m);

	/* the short form first, the full form under the date */
	extract(NAV
	    "The river bridge files - Part 4\n\n"
	    "March 14, 2023\n\n"
	    "The river bridge files - Part 4 \xE2\x80\x93 Who pays for the repairs\n\n" BODY
	    "\nThe river bridge files - Part 4\n\nThe river bridge files - Part 3\n", &m);
	is_str(m.title, "The river bridge files - Part 4 \xE2\x80\x93 Who pays for the repairs",
	    "title: the full form of a short headline nearby");
	sc_pagemeta_free(&m);

	/* a longer form indented under it is an entry nested below */
	extract(NAV
	    "Okra stir fry with tomatoes\n\n"
	    "March 14, 2023\n\n"
	    "    Okra stir fry with tomatoes (a reader's version)\n\n" BODY, &m);
	is_str(m.title, "Okra stir fry with tomatoes",
	    "title: no full form from a line indented under the headline");
	sc_pagemeta_free(&m);
	extract(NAV
	    "Okra stir fry with tomatoes\n\n"
	    "March 14, 2023\n\n"
	    "Okra stir fry with tomatoes (a reader's version)\n\n" BODY, &m);
	is_str(m.title, "Okra stir fry with tomatoes (a reader's version)",
	    "title: the full form at the headline's margin");
	sc_pagemeta_free(&m);

	/* a logo's alt text before its caption: "Name Name" */
	extract(NAV
	    "Riverside Tea House Riverside Tea House\n\n"
	    "Green sencha\n\n"
	    "March 14, 2023\n\n" BODY, &m);
	is_str(m.title, "Green sencha", "title: a line saying one thing twice is no headline");
	sc_pagemeta_free(&m);

	/* a name that repeats one word is no logo */
	extract(NAV "Bora Bora\n\n" "March 14, 2023\n\n" BODY, &m);
	is_str(m.title, "Bora Bora", "title: 'Bora Bora' is not a doubled line");
	sc_pagemeta_free(&m);

	/* a tag in parentheses before the headline, as in brackets */
	extract(NAV
	    "(News) Council promises answer on delayed bridge\n\n"
	    "March 14, 2023\n\n" BODY, &m);
	is_str(m.title, "(News) Council promises answer on delayed bridge",
	    "title: '(Tag) Headline' is a headline");
	sc_pagemeta_free(&m);

	/*
	 * A heading repeated right below it (a picture's title, then its
	 * caption under the same words) is the page's name: feature dup_near.
	 */
	extract(NAV
	    "[eyecatcher]\n\n"
	    "Westbank\n\n"
	    "Westbank\n"
	    "Westbank The old mill, now a car park\n\n\n\n"
	    "Overview\n\n"
	    "Westbank\n"
	    "Westbank View of the theatre\n\n\n" BODY
	    "\nDevelopment area of the city\n\n"
	    "Eastbank - Mill belt\n"
	    "Eastbank - Mill belt Boulevard\n", &m);
	is_str(m.title, "Westbank", "title: a heading with its copy right below, not a caption");
	sc_pagemeta_free(&m);

	/* captions: an image's file name, a picture credit */
	extract(NAV
	    "River walk\n\n"
	    "riverside-walk-2023.jpg\n\n"
	    "March 14, 2023\n\n" BODY, &m);
	is_str(m.title, "River walk", "title: an image's file name is no headline");
	sc_pagemeta_free(&m);

	extract(NAV
	    "River walk\n\n"
	    "The old mill at dusk \xC2\xA9 Jane Doe / Riverside Photos\n\n"
	    "March 14, 2023\n\n" BODY, &m);
	is_str(m.title, "River walk", "title: a line with a picture credit is no headline");
	sc_pagemeta_free(&m);

	/*
	 * The lead picture's credit, a short line right above the text, and
	 * a headline with nothing near it to vouch for it.
	 */
	extract(CREDIT_TOP "Courtesy of" CREDIT_BOTTOM, &m);
	is_str(m.title, "Soggy pastures versus spring tides",
	    "title: 'Courtesy of X' is a picture credit, not the headline");
	sc_pagemeta_free(&m);
	extract(CREDIT_TOP "Photo:" CREDIT_BOTTOM, &m);
	is_str(m.title, "Soggy pastures versus spring tides",
	    "title: 'Photo: X' is a picture credit, not the headline");
	sc_pagemeta_free(&m);
	/* a hotline's number and hours in the same place */
	extract(CREDIT_TOP "0800 - 12 34 567 Monday to Friday from nine to six, free of charge"
	    "\n" CREDIT_TEXT, &m);
	is_str(m.title, "Soggy pastures versus spring tides",
	    "title: a line opening with a telephone number is no headline");
	sc_pagemeta_free(&m);
	extract(CREDIT_TOP "+44 20 7946 0958 Monday to Friday from nine to six\n" CREDIT_TEXT, &m);
	is_str(m.title, "Soggy pastures versus spring tides",
	    "title: an international telephone number opening a line");
	sc_pagemeta_free(&m);
	extract(NAV "01/02/2023 Soggy pastures versus spring tides\n" CREDIT_TEXT, &m);
	is_str(m.title, "01/02/2023 Soggy pastures versus spring tides",
	    "title: a slash date opening a headline is no telephone number");
	sc_pagemeta_free(&m);
}

static void
test_lists_and_url(void)
{
	struct sc_pagemeta m;

	extract(NAV
	    "Council promises answer on delayed bridge\n\n"
	    "https://gazette.example/2023/03/14/bridge-answer\n"
	    "March 14, 2023\n"
	    "Categories: Local, Politics\n\n"
	    BODY
	    "\nTags: bridge, council, budget\n", &m);
	is_str(m.url, "https://gazette.example/2023/03/14/bridge-answer", "url shown on the page");
	is_int(m.ncategories, 2, "categories from a label");
	is_int(m.ntags, 3, "tags from a label");
	if (m.ntags == 3)
		is_str(m.tags[1], "council", "tag 2");
	sc_pagemeta_free(&m);
}

static void
test_dates(void)
{
	struct sc_pagemeta m;

	/* a date in the body text is an event, not the publication date */
	extract(NAV
	    "Council promises answer on delayed bridge\n\n"
	    "The council met on 3 March 2023 to discuss the plans for the new bridge over "
	    "the river, which has been delayed for more than three years because of "
	    "rising costs and a dispute about who should pay for the repairs.\n\n"
	    BODY, &m);
	is_str(m.date, NULL, "no date from running text");
	sc_pagemeta_free(&m);

	/* an image's file name in brackets is no date the page shows */
	extract(NAV
	    "Samstag, 4. März 2023\n\n"
	    "Council promises answer on delayed bridge\n\n"
	    "[photo_2023-03-09-16-51-38] Buchinfos:\n\n" BODY, &m);
	is_str(m.date, "2023-03-04", "a bracketed file name is not the date");
	sc_pagemeta_free(&m);

	/* a product's release date is labelled, but not as the page's date */
	extract(NAV
	    "Samstag, 4. März 2023\n\n"
	    "Council promises answer on delayed bridge\n\n"
	    "Buchinfos:\n\nISBN: 0000000000000\nSeiten: 448\nFormat: Broschur\n"
	    "Verlag: Beispielverlag\nErscheinungsdatum: 14.02.2023\n\n" BODY, &m);
	is_str(m.date, "2023-03-04", "'Erscheinungsdatum:' is no 'Datum:' label");
	sc_pagemeta_free(&m);

	/* relative dates need a given now */
	extract(NAV
	    "Council promises answer on delayed bridge\n\n"
	    "vor 3 Tagen\n\n" BODY, &m);
	is_str(m.date, "2023-11-07", "relative date with now");
	sc_pagemeta_free(&m);
	{
		struct sc_pagemeta_opts o;
		const char *page = NAV "Council promises answer on delayed bridge\n\n"
		    "vor 3 Tagen\n\n" BODY;

		sc_pagemeta_opts_init(&o);
		sc_pagemeta_extract(page, strlen(page), &o, &m);
		is_str(m.date, NULL, "no relative date without now");
		sc_pagemeta_free(&m);
	}

	/* the record's URL gives the day when the page shows none */
	{
		struct sc_pagemeta_opts o;
		const char *page = NAV "Council promises answer on delayed bridge\n\n" BODY;

		sc_pagemeta_opts_init(&o);
		o.now = &now;
		o.url = "https://gazette.example/2023/03/14/bridge-answer/";
		sc_pagemeta_extract(page, strlen(page), &o, &m);
		is_str(m.date, "2023-03-14", "date from the record's URL");
		sc_pagemeta_free(&m);
		o.url = "https://gazette.example/news/bridge-answer-12345";
		sc_pagemeta_extract(page, strlen(page), &o, &m);
		is_str(m.date, NULL, "a URL without a date gives none");
		sc_pagemeta_free(&m);
	}

	/*
	 * A gallery caption the dump wrapped: the date inside its sentence is
	 * the day the photo shows, however near the headline it stands.
	 */
	extract(NAV
	    "By Jane Doe\nMarch 14, 2023 | Updated 5:12 p.m.\nShare this story\n\n"
	    "Council promises answer on delayed bridge\n\n"
	    "1of3A cyclist waits at the closed ramp of the river bridge, Monday, March 13, 2023, "
	    "in Riverside, before the council meeting that was called to settle the costs of repair\n"
	    "work. (Jane Doe/Gazette via AP)\n\n" BODY, &m);
	is_str(m.date, "2023-03-14", "a date inside a wrapped caption is no dateline");
	sc_pagemeta_free(&m);

	/*
	 * Teasers above the headline, each a title, a name and a date: their
	 * dates are other stories', and the page shows no day of its own:
	 * no date rather than a teaser's.
	 */
	{
		static const char page_teasers[] = "Skip to content\n\n  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 News\n\n"
		    "Why the ferry timetable changes in spring\n\nJane Doe\n03/13/23 9:00AM\n\n"
		    "A short guide to the new cycle lanes in town\n\nJohn Roe\n03/12/23 4:40PM\n\n"
		    "Council promises answer on delayed bridge\n\n"
		    "Jane Doe\n5 min read\nFiled to: bridges\n\nPhoto: Jane Doe\n\n" BODY;

		/* without now, as a dump is read by default */
		sc_pagemeta_extract(page_teasers, strlen(page_teasers), NULL, &m);
	}
	is_str(m.title, "Council promises answer on delayed bridge", "teaser bylines: the headline");
	is_str(m.date, NULL, "a teaser's byline date above the headline is not the page's");
	sc_pagemeta_free(&m);

	/* a link back to the list between a breadcrumb and the date is no name */
	extract("10.03.2023\n\n" NAV "Ferry timetable changes for the spring\n12.03.2023\n\n"
	    "NewsroomCouncil promises answer on the river bridge\nBack to Newsroom\n14.03.2023\n\n"
	    "Council promises answer on delayed bridge\n\n" BODY, &m);
	is_str(m.date, "2023-03-14", "a link under a breadcrumb is no teaser's byline");
	sc_pagemeta_free(&m);

	/* a title bar's copy of the headline above the byline is no teaser */
	extract(NAV "Council promises answer on delayed bridge\n\nJane Doe\n03/14/23 9:00AM\n\n"
	    "Council promises answer on delayed bridge\n\n" BODY, &m);
	is_str(m.date, "2023-03-14T09:00:00", "a byline under the headline's copy dates the page");
	sc_pagemeta_free(&m);

	/* a future date is rejected */
	extract(NAV
	    "Council promises answer on delayed bridge\n\n"
	    "March 14, 2031\n\n" BODY, &m);
	is_str(m.date, NULL, "a date after now is no publication date");
	sc_pagemeta_free(&m);
}

static void
test_bad_input(void)
{
	struct sc_pagemeta m;
	struct sc_pagemeta_opts o;
	static const char junk[] = "\xff\xfe\x00\x01 Headline with \xC3 broken bytes here\n\n"
	    "\x00\x00By \xE2\x80 Jane\n";
	struct sc_buf big = {0};
	size_t i;

	extract("", &m);
	ok(m.title == NULL && m.date == NULL && m.author == NULL, "empty page: no fields");
	sc_pagemeta_free(&m);

	sc_pagemeta_opts_init(&o);
	sc_pagemeta_extract(junk, sizeof junk - 1, &o, &m);
	ok(m.title == NULL || sc_utf8_valid(m.title, strlen(m.title)), "broken bytes: valid UTF-8 out");
	sc_pagemeta_free(&m);
	sc_pagemeta_free(NULL);

	/* a huge single line and a huge page are bounded */
	for (i = 0; i < 300000; i++)
		sc_buf_addc(&big, i % 7 ? 'a' : ' ');
	sc_pagemeta_extract(big.p, big.len, &o, &m);
	is_str(m.title, NULL, "one huge line: no headline");
	sc_pagemeta_free(&m);
	sc_buf_reset(&big);
	for (i = 0; i < 20000; i++)
		sc_buf_adds(&big, "Just a line of text\n\n");
	o.max_bytes = 4096;
	sc_pagemeta_extract(big.p, big.len, &o, &m);
	ok(1, "a long page with a small bound finishes");
	sc_pagemeta_free(&m);
	sc_buf_free(&big);
}

/*
 * Lines are measured sixteen bytes at a time, Cyrillic and Latin-1 letters
 * by rules on their bytes, and one character at a time when a line is not
 * valid UTF-8: the same page reads the same either way.
 */
#define RU_PAGE(bad) \
	"Главная | Новости | Спорт | Культура\n\n" \
	"Городской совет обещает ответ по мосту\n\n" \
	"12.06.2017 | Автор: Иван Петров\n\n" \
	"Городской совет во вторник обсудил планы строительства нового моста через " \
	"реку, который откладывается уже более трёх лет, потому что растут расходы, " \
	"а платить за ремонт никто не хочет." bad "\n\n" \
	"Жители сказали, что устали ждать, и попросили мэра опубликовать график " \
	"работ ещё до конца года. Ärger über Öl, l'été et l\u2019hôtel: e-mail.\n\n" \
	"Комментарии\n"

static void
test_scripts(void)
{
	struct sc_pagemeta m, b;

	extract(RU_PAGE(""), &m);
	is_str(m.title, "Городской совет обещает ответ по мосту", "ru: the headline");
	is_str(m.date, "2017-06-12", "ru: the date under it");
	/* a stray continuation byte and a byte that is never UTF-8 in the body */
	extract(RU_PAGE(" \x80 \xFF"), &b);
	is_str(b.title, m.title, "ru: a line of invalid UTF-8 is read as well");
	is_str(b.date, m.date, "ru: the same date");
	sc_pagemeta_free(&m);
	sc_pagemeta_free(&b);
}

/* The rest of a page whose headline sits among share buttons and a kicker. */
#define CRUMB_BODY \
	"  • Teilen\n  • Drucken\n\n" \
	"Anzeige\n\n" \
	"Zum Weiterlesen bitte scrollen\n\n" \
	"Kosten steigen, niemand will zahlen\n\n" \
	"12. Juni 2017\n\n" \
	"Der Stadtrat hat am Dienstag über die Pläne für die neue Brücke über den " \
	"Fluss beraten, die sich seit mehr als drei Jahren verzögert, weil die Kosten " \
	"steigen und niemand die Reparaturen bezahlen will.\n\n" \
	"Anwohner sagten, sie seien des Wartens müde, und baten den Bürgermeister, " \
	"noch vor Jahresende einen Zeitplan zu veröffentlichen. Die Verwaltung will " \
	"im Herbst einen neuen Plan vorlegen.\n"

/* The story's paragraphs alone. */
#define CRUMB_BODY_TEXT \
	"Der Stadtrat hat am Dienstag über die Pläne für die neue Brücke über den " \
	"Fluss beraten, die sich seit mehr als drei Jahren verzögert, weil die Kosten " \
	"steigen und niemand die Reparaturen bezahlen will.\n\n" \
	"Anwohner sagten, sie seien des Wartens müde, und baten den Bürgermeister, " \
	"noch vor Jahresende einen Zeitplan zu veröffentlichen. Die Verwaltung will " \
	"im Herbst einen neuen Plan vorlegen.\n"

static void
test_breadcrumb_title(void)
{
	struct sc_pagemeta m;

	/* the scores alone take the subheading over the date */
	extract("Stadtbote\n\n"
	    "Startseite > Ratgeber > Wohnen > Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    "Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Warum die neue Brücke so lange auf sich warten lässt",
	    "crumb: the trail's last item, said alone on a line, is the headline");
	is_str(m.date, "2017-06-12", "crumb: the date below it");
	sc_pagemeta_free(&m);
	extract("Stadtbote\n\n"
	    "Sie sind hier: Home » Ratgeber » Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    "Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Warum die neue Brücke so lange auf sich warten lässt",
	    "crumb: a 'Sie sind hier:' label and '»'");
	sc_pagemeta_free(&m);
	extract("Stadtbote\n\n"
	    "Jesteś tutaj: Strona główna / Poradnik / Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    "Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Warum die neue Brücke so lange auf sich warten lässt",
	    "crumb: Polish 'Jesteś tutaj: Strona główna /'");
	sc_pagemeta_free(&m);
	/* a home of two words, one of them a home of its own ("Home") */
	extract("Stadtbote\n\n"
	    "Home page > Ratgeber > Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    "Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Warum die neue Brücke so lange auf sich warten lässt",
	    "crumb: 'Home page >' as well as 'Home >'");
	sc_pagemeta_free(&m);
	/* only a list item says it: the page's link to itself in a teaser list */
	extract("Stadtbote\n\n"
	    "Startseite > Ratgeber > Warum die neue Brücke so lange auf sich warten lässt\n\n"
	    CRUMB_BODY "\nMeistgelesen\n\n"
	    "  • Warum die neue Brücke so lange auf sich warten lässt\n"
	    "  • 3. März 2023\n", &m);
	is_str(m.title, "Kosten steigen, niemand will zahlen", "crumb: not a list item");
	is_str(m.date, "2017-06-12", "crumb: nor its teaser's date");
	sc_pagemeta_free(&m);
	/* a menu's last item, even when a line says it, is no headline */
	extract("Stadtbote\n\n"
	    "Home | Ratgeber | Wohnen | Kontakt und Anfahrt heute\n\n"
	    "Kontakt und Anfahrt heute\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Kosten steigen, niemand will zahlen", "crumb: not a '|' menu");
	sc_pagemeta_free(&m);
	/* a trail that ends in a section, not a headline */
	extract("Stadtbote\n\n"
	    "Startseite / Ratgeber / Wohnen\n\n"
	    "Wohnen\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Kosten steigen, niemand will zahlen", "crumb: a section's name is too short");
	sc_pagemeta_free(&m);
	/* the trail as a list under its label, topics under the headline */
	extract("Stadtbote\n\n"
	    "Sie befinden sich hier:\n\n"
	    " 1. Startseite\n 2. Ratgeber\n 3. Warum die Brücke wartet\n\n"
	    "Bauen und Wohnen\n\n"
	    "Warum die Brücke wartet\n\n"
	    "  • Verkehr\n  • Lokale Politik\n  • Stadtrat\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Warum die Brücke wartet", "crumb: a list under 'Sie befinden sich hier:'");
	is_str(m.author, NULL, "crumb: a topic of the list under it ('Lokale Politik') is no author");
	sc_pagemeta_free(&m);
	/* the trail as a list of its own, opened by the home, with no label */
	extract("Stadtbote\n\n"
	    "  • Startseite\n  • Ratgeber\n  • Warum die Brücke wartet\n\n"
	    "Bauen und Wohnen\n\n"
	    "Warum die Brücke wartet\n\n"
	    "von Erika Muster\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Warum die Brücke wartet", "crumb: a list that opens with 'Startseite'");
	sc_pagemeta_free(&m);
	/* a menu that opens with its home runs on past eight items: no trail */
	extract("Stadtbote\n\n"
	    "  • Home\n  • Politik\n  • Wirtschaft\n  • Sport\n  • Kultur\n"
	    "  • Wissen\n  • Reise\n  • Auto\n  • Kontakt und Anfahrt heute\n\n"
	    "Kontakt und Anfahrt heute\n\n"
	    CRUMB_BODY, &m);
	is_str(m.title, "Kosten steigen, niemand will zahlen",
	    "crumb: a list of nine opened by 'Home' is a menu");
	sc_pagemeta_free(&m);
	extract(NAV "Stadtrat verspricht Antwort zur Brücke\n\n"
	    "  • Verkehr\n  • Lokale Politik\n  • Stadtrat\n\n"
	    "12. Juni 2017\n\n" BODY, &m);
	is_str(m.title, "Stadtrat verspricht Antwort zur Brücke", "tags: the headline");
	is_str(m.author, NULL, "tags: a two-word topic in a list of topics is no author");
	sc_pagemeta_free(&m);
	extract(NAV "Stadtrat verspricht Antwort zur Brücke\n\n"
	    "  • Jane Doe\n  • 12. Juni 2017\n  • 3 Kommentare\n\n" BODY, &m);
	is_str(m.author, "Jane Doe", "tags: a byline laid out as a list with its date is one");
	sc_pagemeta_free(&m);
}

/* A page whose only date is in its own entry in the site's news list. */
#define LISTED_BODY \
	BODY "\nDer Stadtrat hat am Dienstag über die Pläne für die neue Brücke " \
	"beraten, die sich seit mehr als drei Jahren verzögert.\n\n" \
	"Anwohner sagten, sie seien des Wartens müde, und baten den " \
	"Bürgermeister um einen Zeitplan.\n\n" \
	"Die Geschäfte am alten Übergang wollen die Sperrung planen können, " \
	"bevor das Weihnachtsgeschäft beginnt.\n\n" \
	"Der Bürgermeister versprach eine Antwort binnen eines Monats und sagte, " \
	"das Land teile die Kosten.\n\n" \
	"Die Opposition nannte das Versprechen vage und verlangte eine " \
	"Sondersitzung noch im Dezember.\n\n" \
	"Ein Gutachten zur Tragfähigkeit der alten Brücke soll im Frühjahr " \
	"vorliegen, hieß es aus der Verwaltung.\n\n" \
	"Bis dahin bleibt die Brücke für Lastwagen gesperrt, Busse fahren " \
	"eine Umleitung über die Hafenstraße.\n"

#define LISTED_PAGE(d1, d2) \
	NAV "Stadtrat verspricht Antwort zur Brücke\n\n" \
	"Seite drucken\n\n" LISTED_BODY "\nAktuell\n\n" \
	d1 "\n\nNeue Radwege für die Innenstadt\n\n" \
	"Die Stadt baut bis 2030 vierzig Kilometer neue Radwege.\n\n" \
	d2 "\n\nStadtrat verspricht Antwort zur Brücke\n\n" \
	"Ein Zeitplan soll noch vor Jahresende kommen.\n\n" \
	"09.11.2021\n\nSommerfest im Stadtpark\n\n" \
	"Alle Meldungen\n"

/* Pages in Bengali (its date in Bengali digits) and in Hindi. */
static void
test_native_digits(void)
{
	struct sc_pagemeta m;

	extract(
	    "প্রথম পাতা\n"
	    "\n"
	    "  • বাংলাদেশ\n"
	    "  • আন্তর্জাতিক\n"
	    "  • খেলা\n"
	    "\n"
	    "ঢাকায় নতুন সেতুর কাজ শুরু হচ্ছে আগামী মাসে\n"
	    "\n"
	    "নিজস্ব প্রতিবেদক\n"
	    "প্রকাশ: ০৬ সেপ্টেম্বর ২০২০, ১০:৩০\n"
	    "\n"
	    "রাজধানীর নদীর ওপর নতুন সেতুর নির্মাণকাজ আগামী মাসে শুরু হবে বলে জানিয়েছে সিটি করপোরেশন। তিন বছরের বেশি সময় ধরে প্রকল্পটি আটকে ছিল, কারণ খরচ বাড়ছিল এবং কেউ মেরামতের দায়িত্ব নিতে চাইছিল না।\n"
	    "\n"
	    "এলাকার বাসিন্দারা বলেন, তাঁরা অপেক্ষা করতে করতে ক্লান্ত। তাঁরা মেয়রকে বছর শেষ হওয়ার আগেই একটি সময়সূচি প্রকাশের অনুরোধ করেছেন, যাতে পুরোনো পারাপারের কাছের দোকানগুলো আগে থেকে পরিকল্পনা করতে পারে।\n"
	    "\n"
	    "মেয়র বলেন, প্রকৌশলীরা ভিত্তির জরিপ শেষ করলে বসন্তে একটি পরিকল্পনা উপস্থাপন করা হবে।\n", &m);
	is_str(m.date, "2020-09-06T10:30:00", "bn: a date and time in Bengali digits");
	/* its vowel signs are letters of their words, its danda ends sentences */
	is_str(m.title, "ঢাকায় নতুন সেতুর কাজ শুরু হচ্ছে আগামী মাসে",
	    "bn: the headline, not the section or the last paragraph");
	sc_pagemeta_free(&m);
	extract(
	    "मुख्य पृष्ठ\n"
	    "\n"
	    "  • देश\n"
	    "  • विदेश\n"
	    "  • खेल\n"
	    "\n"
	    "नदी पर नए पुल का काम अगले महीने शुरू होगा\n"
	    "\n"
	    "संवाददाता, 14 फ़रवरी 2020\n"
	    "\n"
	    "नगर निगम ने बताया है कि नदी पर नए पुल का निर्माण अगले महीने शुरू होगा। यह परियोजना तीन साल से अधिक समय से रुकी हुई थी, क्योंकि लागत बढ़ती जा रही थी और कोई भी मरम्मत का खर्च उठाना नहीं चाहता था।\n"
	    "\n"
	    "स्थानीय निवासियों ने कहा कि वे इंतज़ार करते करते थक गए हैं। उन्होंने महापौर से साल के अंत से पहले एक समय सारणी जारी करने का अनुरोध किया, ताकि पुराने पुल के पास की दुकानें पहले से योजना बना सकें।\n"
	    "\n"
	    "महापौर ने कहा कि इंजीनियरों के नींव का सर्वेक्षण पूरा करने के बाद वसंत में योजना पेश की जाएगी।\n", &m);
	is_str(m.title, "नदी पर नए पुल का काम अगले महीने शुरू होगा", "hi: the headline");
	is_str(m.date, "2020-02-14", "hi: a Hindi month name");
	sc_pagemeta_free(&m);
}

static void
test_listed_date(void)
{
	struct sc_pagemeta m;

	extract(LISTED_PAGE("10.11.2021", "10.11.2021"), &m);
	is_str(m.title, "Stadtrat verspricht Antwort zur Brücke", "listed: the headline");
	is_str(m.date, "2021-11-10", "listed: the date above its own entry in the news list");
	sc_pagemeta_free(&m);
	extract(LISTED_PAGE("10.11.2021", "08.11.2021"), &m);
	is_str(m.date, "2021-11-08", "listed: the entry's own date, not the one above the entry before");
	sc_pagemeta_free(&m);
	/* the nearest line below is the next entry's date, above it is teaser text */
	extract(NAV "Stadtrat verspricht Antwort zur Brücke\n\n"
	    "Seite drucken\n\n" LISTED_BODY "\nAktuell\n\n"
	    "Stadtrat verspricht Antwort zur Brücke\n"
	    "Ein Zeitplan soll noch vor Jahresende kommen.\n\n"
	    "09.11.2021\n\nSommerfest im Stadtpark\n\n", &m);
	is_str(m.date, NULL, "listed: no date beside the entry, none guessed");
	sc_pagemeta_free(&m);
	/* the scores take a subheading; the dated entry names the story */
	extract("Stadtbote Online\n\nLeichte Sprache\n\n"
	    "Stadtrat verspricht Antwort zur Brücke\n\n"
	    "Seite drucken\n\nAnzeige\n\nZum Weiterlesen bitte scrollen\n\n"
	    "Kosten steigen, niemand will zahlen\n\n" LISTED_BODY
	    "\nDie Stadtwerke prüfen eine Fähre als Übergangslösung für Fußgänger "
	    "und Radfahrer.\n\nDer Verkehrsausschuss tagt wieder im Januar.\n\n"
	    "Mehr zum Thema lesen Sie in der nächsten Ausgabe.\n\nAktuell\n\n"
	    "10.11.2021\n\nStadtrat verspricht Antwort zur Brücke\n\n"
	    "Ein Zeitplan soll noch vor Jahresende kommen.\n\n"
	    "09.11.2021\n\nSommerfest im Stadtpark\n\n"
	    "Das Fest beginnt am Samstag um zehn Uhr.\n\n"
	    "Alle Meldungen\n", &m);
	is_str(m.title, "Stadtrat verspricht Antwort zur Brücke",
	    "listed: the line whose copy is a dated entry is the headline");
	is_str(m.date, "2021-11-10", "listed: and the entry's date the page's");
	sc_pagemeta_free(&m);
}

/*
 * A page's arrays are kept for the next page (pagemeta.c, kept[]): a page
 * read after a larger one, an empty one and a long one reads as it did first.
 */
static void
test_arrays_kept(void)
{
	static const char page[] = NAV "Local News\n\n"
	    "Council promises answer on delayed bridge\n\n"
	    "By Jane Doe and John Roe\n"
	    "Published: March 14, 2023 at 4:56 p.m.\n\n" BODY TEASERS;
	struct sc_pagemeta a, b;
	struct sc_buf big = {0};
	int i;

	extract(page, &a);
	for (i = 0; i < 400; i++) {
		sc_buf_adds(&big, i % 3 ? "A line of the long page, one of many\n" : "\n");
		if (i % 50 == 0)
			sc_buf_adds(&big, BODY);
	}
	extract(big.p, &b);
	sc_pagemeta_free(&b);
	extract("", &b);
	sc_pagemeta_free(&b);
	extract(page, &b);
	is_str(b.title, a.title, "kept arrays: the same headline after other pages");
	is_str(b.date, a.date, "kept arrays: the same date");
	is_str(b.author, a.author, "kept arrays: the same byline");
	is_str(b.description, a.description, "kept arrays: the same lead");
	sc_pagemeta_free(&a);
	sc_pagemeta_free(&b);
	sc_buf_free(&big);
}

static void
test_header_title(void)
{
	struct sc_pagemeta m;

	/* the scores alone take the player's last title, next to the text */
	extract("Riverside Gazette\n\n  • Home\n  • World\n  • Politics\n\n"
	    "Why the harbour bridge vote keeps slipping\n\n"
	    "By Jane Doe, Gazette Politics\n\n"
	    "Updated 0915 GMT November 7, 2023\n\n" PLAYER_BODY, &m);
	is_str(m.title, "Why the harbour bridge vote keeps slipping",
	    "header: the line over a byline and a date, above a video player");
	is_str(m.date, "2023-11-07", "header: its date");
	sc_pagemeta_free(&m);
	extract("Riverside Gazette\n\n  • Home\n  • World\n  • Politics\n\n"
	    "Why the harbour bridge vote keeps slipping\n\n"
	    "Members disagree again on how to share the costs of the work\n\n"
	    "By Jane Doe\n\n"
	    "Updated 0915 GMT November 7, 2023\n\n" PLAYER_BODY, &m);
	is_str(m.title, "Why the harbour bridge vote keeps slipping",
	    "header: the headline over its deck");
	sc_pagemeta_free(&m);
	/* two such headers: a list of stories, not one article's header */
	extract("Riverside Gazette\n\n  • Home\n  • World\n  • Politics\n\n"
	    "Why the harbour bridge vote keeps slipping\n\n"
	    "By Jane Doe\n\n"
	    "Updated 0915 GMT November 7, 2023\n\n"
	    "Ferry fares to rise in the new year\n\n"
	    "By John Roe\n\n"
	    "Updated 0800 GMT November 6, 2023\n\n" PLAYER_BODY, &m);
	is_str(m.title, "Ferry fares to rise in the new year",
	    "header: two lines open such headers, the scores decide");
	sc_pagemeta_free(&m);
}

/* A caption said twice, the second time with its credit, is no headline. */
static void
test_caption_twice(void)
{
	struct sc_pagemeta m;

	extract(
	    "Skip to content\n"
	    "\n"
	    "  • Home\n"
	    "  • News\n"
	    "  • Sport\n"
	    "\n"
	    "Supported by\n"
	    "\n"
	    "Continue reading the main story\n"
	    "\n"
	    "Council delays the harbour bridge vote again\n"
	    "\n"
	    "Members could not agree on how to share the costs, and the mayor now expects a decision in spring.\n"
	    "\n"
	    "The mayor at the council meeting in Riverside last week.\n"
	    "\n"
	    "The mayor at the council meeting in Riverside last week.Credit...Jane Roe/The Riverside Gazette\n"
	    "\n"
	    "By John Doe\n"
	    "\n"
	    "Nov. 7, 2023\n"
	    "\n"
	    "The council met on Tuesday to discuss the plans for the new bridge over the river, which has been delayed for more than three years because of rising costs and a dispute about who should pay for the repairs.\n"
	    "\n"
	    "Residents who attended the meeting said they were tired of waiting and asked the mayor to publish a timetable before the end of the year, so that shops near the old crossing could plan for the closure.\n", &m);
	is_str(m.title, "Council delays the harbour bridge vote again",
	    "caption: the alt text over the caption and its credit");
	is_str(m.author, "John Doe", "caption: the byline under it");
	sc_pagemeta_free(&m);
}

/*
 * A page whose script code a text browser printed above the article: the
 * code's lines do not count against the bytes read, nor as prose.
 */
static void
test_script_code(void)
{
	struct sc_pagemeta m;
	struct sc_buf t = { 0 };
	int k;

	sc_buf_adds(&t, "Why can't I see the Gazette?\n\n"
	    "You have turned JavaScript off in your browser.\n");
	for (k = 0; k < 700; k++)
		sc_buf_adds(&t, "n.d(t,\"c\",function(){return i}),n.d(t,\"b\",function(){return a});"
		    "var r=n(2),i=n(22),a=n(28);t.a=r;n(0).get(\"util:dom:ready\")},function(e,t,n){o=1;}\n");
	sc_buf_adds(&t, "\nMenu\n\nCouncil promises answer on delayed bridge\n\n"
	    "  \xE2\x80\xA2 By Jane Doe and John Roe\n"
	    "  \xE2\x80\xA2 -Updated on 08.11.2023-15:49\n\n" BODY);
	extract(t.p, &m);
	is_str(m.title, "Council promises answer on delayed bridge",
	    "code: the headline past 64 KiB of script code");
	is_str(m.date, "2023-11-08T15:49:00", "code: its date");
	sc_pagemeta_free(&m);
	sc_buf_free(&t);
}

/*
 * A kicker the markup set apart with a space before its colon, where a
 * breadcrumb of the same page writes it as a headline is written.
 */
static void
test_colon_spacing(void)
{
	struct sc_pagemeta m;

	extract("Stadtbote\n\n"
	    "  \xE2\x80\xA2 Wirtschaft\n"
	    "  \xE2\x80\xA2 Streit ums Pflaster: Die Stadt verklagt die Baufirma\n\n"
	    "Streit ums Pflaster : Die Stadt verklagt die Baufirma\n\n"
	    "12. Juni 2017\n\n" CRUMB_BODY_TEXT, &m);
	is_str(m.title, "Streit ums Pflaster: Die Stadt verklagt die Baufirma",
	    "colon: the page's other spelling, without the space");
	sc_pagemeta_free(&m);
	/* French writes the space, and no line of the page spells it otherwise */
	extract("La Gazette\n\n"
	    "Budget municipal : la ville attend toujours le vote\n\n"
	    "12 juin 2017\n\n" CRUMB_BODY_TEXT, &m);
	is_str(m.title, "Budget municipal : la ville attend toujours le vote",
	    "colon: the space kept when no line writes it otherwise");
	sc_pagemeta_free(&m);
}

/*
 * A row of share buttons written out in words, as lynx prints them, over
 * and under the headline: never the headline, however near the date.
 */
static void
test_share_row(void)
{
	struct sc_pagemeta m;

	extract("Skip to content\n\n   News\n\n"
	    "                                   Council delays the vote on the bridge again\n\n"
	    "   JANE DOE\n   Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.\n\n"
	    "   Facebook Twitter Email LinkedIn Reddit Pinterest\n\n"
	    "   (BUTTON) Back to Gallery (BUTTON)\n\n"
	    "Council delays the vote on the bridge again\n\n"
	    "   Facebook Twitter Email LinkedIn Reddit Pinterest\n   (BUTTON)\n   4\n"
	    "   The mayor at the meeting on Tuesday, when the council delayed its vote.\n\n"
	    "The city council on Tuesday delayed its vote on the new bridge for the third "
	    "time this year, saying the costs had risen again.\n\n"
	    "Residents said they were tired of waiting and asked the mayor to publish a "
	    "timetable before the end of the year.\n", &m);
	is_str(m.title, "Council delays the vote on the bridge again",
	    "share row: 'Facebook Twitter Email ...' is no headline");
	is_str(m.date, "2019-11-20", "share row: the date");
	sc_pagemeta_free(&m);
}

/* A Spanish paper's header: kicker trail, headline, deck, byline, date. */
#define DECK_NAV \
	"Saltar al contenido\n\n  \xE2\x80\xA2 Política\n  \xE2\x80\xA2 Economía\n" \
	"  \xE2\x80\xA2 Deportes\n  \xE2\x80\xA2 Cultura\n  \xE2\x80\xA2 Opinión\n" \
	"  \xE2\x80\xA2 Ciudad\n  \xE2\x80\xA2 Mundo\n\n Inicio CIUDAD\n\n"
#define DECK \
	"María Pérez, gerente general, aseguró que la intención es que los ciudadanos " \
	"planteen sus problemas y las autoridades puedan atender las situaciones\n\n"
#define DECK_BODY \
	"Por\nJuan Gómez @jgomez\n-\nmayo 11, 2022\n\n \n\n" \
	"Según María Pérez, los ciudadanos planteen sus problemas y las autoridades " \
	"puedan atender las situaciones, dijo la gerente general en una rueda de prensa " \
	"este miércoles.\n\n" \
	"La intención es que los problemas de cada barrio lleguen a las autoridades, que " \
	"deben atender las situaciones que los ciudadanos describen cada semana.\n\n" \
	"La gerente general añadió que las situaciones más graves serán atendidas primero " \
	"por el equipo.\n"

/* A deck of more than twenty words read for the headline gives way to it. */
static void
test_deck_title(void)
{
	struct sc_pagemeta m;

	extract(DECK_NAV "Carta abierta, el nuevo espacio para las denuncias\n\n" DECK
	    DECK_BODY, &m);
	is_str(m.title, "Carta abierta, el nuevo espacio para las denuncias",
	    "deck: the heading over a long deck is the headline");
	is_str(m.date, "2022-05-11", "deck: the date under the byline");
	sc_pagemeta_free(&m);
	/* share buttons over the long line are no headline */
	extract(DECK_NAV "Twitter Facebook WhatsApp Email\n\n" DECK DECK_BODY, &m);
	is_str(m.title, "María Pérez, gerente general, aseguró que la intención es que los "
	    "ciudadanos planteen sus problemas y las autoridades puedan atender las situaciones",
	    "deck: not share buttons over it");
	sc_pagemeta_free(&m);
}

/* A header of dateline, headline and share buttons over a video's title. */
#define SHARE_HEAD(dateline) \
	"Skip to content\n\n  \xE2\x80\xA2 Politics\n  \xE2\x80\xA2 Business\n" \
	"  \xE2\x80\xA2 Health\n\n" dateline "\n\n" \
	"Council members in the north are crucial for the budget vote\n\n" \
	"  \xE2\x80\xA2 Share\n  \xE2\x80\xA2 Tweet\n  \xE2\x80\xA2 Reddit\n" \
	"  \xE2\x80\xA2 Flipboard\n  \xE2\x80\xA2 Email\n\n" \
	"Council members on the 2024 budget\n\n" \
	"The stakes are high for all of the members ahead of the budget vote on " \
	"Tuesday, which the council has delayed twice this year already.\n\n" \
	"Residents said they were tired of waiting and asked the mayor to publish a " \
	"timetable before the end of the year.\n"

static void
test_share_header(void)
{
	struct sc_pagemeta m;

	extract(SHARE_HEAD("City News November 7, 2023, 9:15 AM"), &m);
	is_str(m.title, "Council members in the north are crucial for the budget vote",
	    "share header: the heading between its dateline and its share buttons");
	is_str(m.date, "2023-11-07T09:15:00", "share header: the dateline's date");
	sc_pagemeta_free(&m);
	/* without the dateline, share buttons alone open no header */
	extract(SHARE_HEAD("City News"), &m);
	is_str(m.title, "Council members on the 2024 budget",
	    "share header: not without a dateline over the heading");
	sc_pagemeta_free(&m);
}

/* A reading-time widget is no headline, and no part of the name before it. */
static void
test_reading_time(void)
{
	struct sc_pagemeta m;

	extract("Council promises answer on delayed bridge\n\n"
	    "Jane Doe\n\n"
	    "4 min read\n\n"
	    BODY, &m);
	is_str(m.title, "Council promises answer on delayed bridge",
	    "reading time: '4 min read' is no headline");
	is_str(m.author, "Jane Doe", "reading time: the bare name above it is the byline");
	sc_pagemeta_free(&m);
	extract("Council promises answer on delayed bridge\n\n"
	    "Jane Doe \xC2\xB7 4 min read\n\n"
	    BODY, &m);
	is_str(m.author, "Jane Doe", "reading time: 'Jane Doe \xC2\xB7 4 min read' names Jane Doe");
	sc_pagemeta_free(&m);
	extract("Stadtrat verspricht Antwort zur Br\xC3\xBC""cke\n\n"
	    "Jana Muster | Lesezeit: 4 Min.\n\n"
	    BODY, &m);
	is_str(m.author, "Jana Muster", "reading time: 'Jana Muster | Lesezeit: 4 Min.'");
	sc_pagemeta_free(&m);
}

/*
 * A headline over a dateline of its own over share buttons, then a share
 * panel a text browser wrote out (each button, a blank line, its label):
 * the headline is more than 60 lines, but fewer than 60 filled lines,
 * above a boilerplate line that stands right over the text.
 */
static size_t
share_panel_page(char *page, size_t size, const char *dateline)
{
	static const char *const btn[] = { "Email", "Facebook", "Messenger",
	    "Twitter", "Pinterest", "WhatsApp", "LinkedIn" };
	size_t n = 0, b;
	int k;

#define ADD(s) (n += (size_t)snprintf(page + n, size - n, "%s", (s)))
	ADD("Skip to content\n\n  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 World\n"
	    "  \xE2\x80\xA2 Europe\n\nEurope\n\n"
	    "Harbour strike ends after nine weeks of talks\n\n");
	ADD(dateline);
	ADD("  \xE2\x80\xA2 Share this with Facebook\n"
	    "  \xE2\x80\xA2 Share this with Twitter\n"
	    "  \xE2\x80\xA2 Share this with Email\n"
	    "  \xE2\x80\xA2 Share\n\n    Share this with\n\n");
	for (k = 0; k < 2; k++)
		for (b = 0; b < sizeof btn / sizeof btn[0]; b++) {
			ADD("      \xE2\x96\xA1  \n\n        ");
			ADD(btn[b]);
			ADD("\n\n        Share this with ");
			ADD(btn[b]);
			ADD("\n");
		}
	ADD("\n    Copy this link\n\n"
	    "    You can find the links of this panel in your browser\n\n"
	    "The dock workers voted on Thursday to accept the offer, which raises pay by "
	    "four percent this year and by three percent in each of the next two.\n\n"
	    "Ships had queued outside the harbour for weeks, and shops in the region "
	    "said they had run short of fruit, paper and spare parts.\n\n"
	    "The union had asked for six percent and a shorter week, and the port "
	    "authority had offered two percent until the mediator proposed a middle "
	    "way last month.\n\n"
	    "Exporters welcomed the vote but said it would take weeks before the "
	    "backlog of containers on the quays was cleared and deliveries were back "
	    "on time.\n\n"
	    "The mayor thanked both sides and said the city would look again at how "
	    "the harbour is run, with a report due before the summer holidays begin.\n\n"
	    "Some workers said they had voted yes only because their savings had run "
	    "out, and that the talks had left deep divisions between the crews.\n\n"
	    "Trade at the port fell by a third during the strike, the chamber of "
	    "commerce said, and several shipping lines moved their calls to other "
	    "harbours.\n\n"
	    "Police said the picket lines had been peaceful throughout, apart from a "
	    "scuffle at the north gate in the fourth week that led to two arrests.\n");
#undef ADD
	return n;
}

static void
test_share_header_below(void)
{
	struct sc_pagemeta m;
	char page[8192];

	share_panel_page(page, sizeof page, "  \xE2\x80\xA2 12 March 2021\n\n");
	extract(page, &m);
	is_str(m.title, "Harbour strike ends after nine weeks of talks",
	    "share header below: the heading over its dateline and share buttons");
	is_str(m.date, "2021-03-12", "share header below: the dateline's date");
	sc_pagemeta_free(&m);
	/* without the dateline the heading opens no header */
	share_panel_page(page, sizeof page, "");
	extract(page, &m);
	ok(m.title == NULL || strcmp(m.title, "Harbour strike ends after nine weeks of talks") != 0,
	    "share header below: not without a dateline under the heading");
	sc_pagemeta_free(&m);
}

/*
 * A caption the dump wrapped at 170 columns: the date in its second line
 * ("Cornwall, England, on June 3, 2017.") is the picture's, as it is in
 * the first, not the page's.
 */
#define WRAPPED_CAPTION(rest) \
	"Menu\n\nNews\n\nFishing quotas cut again as stocks fall along the coast\n\n" \
	"The government has cut the quotas for cod and haddock for the third year " \
	"in a row, saying stocks along the coast had fallen further than expected.\n\n" \
	"Fishermen said the cuts would force more boats out of business, and asked " \
	"for help to switch to other catches such as crab and lobster.\n\n" \
	"a man on a bench: A fisherman mends his nets on the quay at Port Isaac, " \
	"Cornwall, on June 3, 2017.\xC2\xA9 Jane Doe A fisherman mends his nets on " \
	"the old stone quay at Port Isaac," rest "\n\n" \
	"The minister said the quotas would be looked at again next year, once " \
	"scientists had counted the stocks again in the spring and summer.\n\n" \
	"Harbour towns have lost a third of their boats in ten years, the " \
	"fishermen's association said, and many young people have moved away.\n"

static void
test_wrapped_caption(void)
{
	struct sc_pagemeta m;

	extract(WRAPPED_CAPTION("\nCornwall, England, on June 3, 2017."), &m);
	is_str(m.title, "Fishing quotas cut again as stocks fall along the coast",
	    "wrapped caption: the headline");
	ok(m.date == NULL, "wrapped caption: its rest's date is the picture's");
	sc_pagemeta_free(&m);
}

/*
 * A newsletter's box between the headline and the dateline: a heading
 * with a subscribe button under it is no headline.
 */
#define NEWSLETTER_BOX(button) \
	"Skip to content\n\n     * Facebook\n     * Twitter\n     * Email\n" \
	"     * Print\n\nBusiness\n\n" \
	"Old mill by the river will become a library, town says\n\n" \
	"   The council's plan aims to keep the building open to everyone.\n" \
	"   The old mill on the river bank at dusk.Jane Doe / Reuters file\n\n" \
	"Morning Briefing Emails\n\n" \
	"   Get the morning briefing and special reports. The stories that " \
	"matter, delivered weekday mornings.\n" \
	"   " button "\n" \
	"   Nov. 20, 2019, 9:28 AM UTC\n   By Reuters\n\n" \
	"   LEEDS \xE2\x80\x94 The old mill by the river will be turned into a " \
	"library, the town council said on Tuesday, after years of debate over " \
	"what to do with the empty building.\n\n" \
	"   Having bought the mill last year, the council will invite architects " \
	"to submit plans for the building. It will also house a small museum of " \
	"the town's history, the council said.\n\n" \
	"   Residents had asked for the mill to be kept open to the public, and " \
	"some had feared it would be sold to a developer and turned into flats.\n"

static void
test_newsletter_box(void)
{
	struct sc_pagemeta m;

	extract(NEWSLETTER_BOX("SUBSCRIBE"), &m);
	is_str(m.title, "Old mill by the river will become a library, town says",
	    "newsletter box: its heading is no headline");
	is_str(m.date, "2019-11-20T09:28:00", "newsletter box: the dateline under it");
	sc_pagemeta_free(&m);
	extract(NEWSLETTER_BOX("Jetzt abonnieren"), &m);
	is_str(m.title, "Old mill by the river will become a library, town says",
	    "newsletter box: a German button");
	sc_pagemeta_free(&m);
}

/*
 * A menu of teasers whose headlines the dump glued to their summaries
 * ("... At Riverside WarehousePolice say ..."), over a short article:
 * the menu is no prose, and the heading over it no headline.
 */
#define CARD(h, s) "    [spacer]\n    " h s "\n  \n"
#define GLUED_MENU \
	"Skip to content\n\n  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 News\n\n" \
	"Latest Headlines\n\n" \
	CARD("Two Arrested After Fire At Riverside Warehouse", "Police say a man and " \
	    "a woman were taken into custody on Sunday after the blaze that destroyed " \
	    "a storage building near the harbour.") \
	CARD("Town Council Approves New Budget For Parks", "The council voted six to " \
	    "one on Tuesday to spend more on playgrounds, footpaths and the upkeep of " \
	    "the old botanical garden in town.") \
	CARD("Local Bakery Wins Regional Bread Award", "A family bakery on Mill " \
	    "Street took first place in the sourdough category, beating more than " \
	    "forty entries from across the county.") \
	CARD("Bridge Repairs To Close Main Road For Weeks", "Drivers should expect " \
	    "delays as crews replace the deck of the river bridge, the highway " \
	    "department said in a statement on Monday.") \
	"\nLibrary to reopen after two years of repairs\n\n" \
	"March 3, 2021 at 9:15 am\n\n" \
	"The town library will reopen its doors on Saturday after two years of " \
	"repairs to its roof and walls, the council said.\n\n" \
	"Readers will find a new children's room, longer opening hours and a cafe " \
	"on the ground floor, where the old reading room used to be.\n"

/*
 * A name written in two capitals ("SoundPoint") in short paragraphs: the
 * name comes back on the page, no headline glued to a summary.
 */
#define CAMEL_NAMES \
	"Skip to content\n\n  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 News\n\n" \
	"Speaker maker opens its first shop in the old town\n\n" \
	"March 3, 2021 at 9:15 am\n\n" \
	"The speaker maker said on Monday that its shop for SoundPoint speakers " \
	"will open on the market square next to the town hall this spring.\n\n" \
	"Visitors can try the speakers in a quiet room, and the staff of " \
	"SoundPoint will help them choose the right model for their homes.\n\n" \
	"The company, founded by two engineers a decade ago, now makes its " \
	"speakers in a small factory on the edge of town, where forty people work.\n"

/* the same menu in one paragraph, as lynx writes it */
#define LINE(h, s) "       [spacer.gif]\n       " h s "\n"
#define GLUED_MENU_ONE \
	"Skip to content\n\n     * Home\n     * News\n\n" \
	"Latest Headlines\n" \
	LINE("Two Arrested After Fire At Riverside Warehouse", "Police say a man and " \
	    "a woman were taken into custody on Sunday after the blaze that destroyed " \
	    "a storage building near the harbour.") \
	LINE("Town Council Approves New Budget For Parks", "The council voted six to " \
	    "one on Tuesday to spend more on playgrounds, footpaths and the upkeep of " \
	    "the old botanical garden in town.") \
	LINE("Local Bakery Wins Regional Bread Award", "A family bakery on Mill " \
	    "Street took first place in the sourdough category, beating more than " \
	    "forty entries from across the county.") \
	LINE("Bridge Repairs To Close Main Road For Weeks", "Drivers should expect " \
	    "delays as crews replace the deck of the river bridge, the highway " \
	    "department said in a statement on Monday.") \
	"     * Weather\n\n" \
	"Weather Stories\n" \
	LINE("Snow Expected In The Hills By The Weekend", "Forecasters say up to ten " \
	    "centimetres could fall on higher ground on Saturday, with rain in the " \
	    "valleys and strong winds along the coast.") \
	LINE("Storm Brings Down Trees Across The County", "Crews worked through the " \
	    "night to clear roads after gusts of more than ninety kilometres an hour " \
	    "brought down trees and power lines.") \
	LINE("Driest Summer In Thirty Years Ends With Rain", "The first heavy rain " \
	    "in weeks arrived on Thursday, ending a dry spell that had left rivers low " \
	    "and farmers worried about their crops.") \
	"     * Sport\n\n" \
	"Sport Stories\n" \
	LINE("Rovers Win Derby In Front Of Record Crowd", "A late goal from the " \
	    "captain settled the match as more than twelve thousand fans watched at the " \
	    "ground on Saturday afternoon in the sun.") \
	LINE("Swimmers Break Three Club Records At Gala", "Young swimmers from the " \
	    "town club set new marks in the relay and two individual races at the " \
	    "county gala held at the new pool.") \
	LINE("Cycling Race Returns To The Old Town Streets", "The evening race " \
	    "will close several streets in the old town next Friday, the organisers " \
	    "said, with the first riders off at seven.") \
	"     * More\n\n" \
	"Library to reopen after two years of repairs\n\n" \
	"   March 3, 2021 at 9:15 am\n\n" \
	"   The town library will reopen its doors on Saturday after two years of " \
	"repairs to its roof and walls, the council said.\n\n" \
	"   Readers will find a new children's room, longer opening hours and a cafe " \
	"on the ground floor, where the old reading room used to be.\n"

static void
test_glued_menu(void)
{
	struct sc_pagemeta m;

	extract(GLUED_MENU_ONE, &m);
	is_str(m.title, "Library to reopen after two years of repairs",
	    "glued teasers in one paragraph: a menu, not the text");
	is_str(m.date, "2021-03-03T09:15:00", "glued teasers in one paragraph: the dateline");
	sc_pagemeta_free(&m);

	extract(GLUED_MENU, &m);
	is_str(m.title, "Library to reopen after two years of repairs",
	    "glued teasers: a menu, not the text; the headline over the text");
	is_str(m.date, "2021-03-03T09:15:00", "glued teasers: the dateline");
	sc_pagemeta_free(&m);
	extract(CAMEL_NAMES, &m);
	is_str(m.title, "Speaker maker opens its first shop in the old town",
	    "a name in two capitals, twice: prose");
	ok(m.description != NULL && strstr(m.description, "SoundPoint") != NULL,
	    "a name in two capitals, twice: the lead is read");
	sc_pagemeta_free(&m);
}

/*
 * A menu whose entries hold blurbs of prose under their names ("\xE2\x96\xA1
 * Offices", "Offices", then two sentences indented under it), over a
 * short article: the blurbs are the list's, not prose before the
 * headline.
 */
#define BLURB(name, text) "      \xE2\x96\xA1 " name "\n        " name "\n\n        " text "\n\n"
#define MENU_BLURBS \
	"  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 About us\n" \
	BLURB("Offices", "With all our strength for a free and open society. We support " \
	    "democratic institutions, so that more people can live in free societies. Our " \
	    "head office is in the capital, and we work in more than sixty countries.") \
	BLURB("Programmes", "Our programmes bring together young people from many " \
	    "countries. They learn about the rule of law, free markets and civil rights in " \
	    "seminars, summer schools and exchanges that last from a week to a year.") \
	BLURB("Publications", "We publish studies, reports and short analyses on questions " \
	    "of freedom. All of them can be read online free of charge, and many of them " \
	    "are available in several languages for our partners around the world.") \
	BLURB("Archive", "The archive keeps the papers of the movement since its " \
	    "beginnings. Researchers can visit it by appointment, and part of the " \
	    "collection has been scanned and can be searched from anywhere today.") \
	BLURB("Events", "Every year we hold hundreds of events: talks, panels and " \
	    "readings in cities large and small. Most of them are open to the public, and " \
	    "many are streamed live so that everyone can follow them from home.") \
	"100th birthday\n" \
	"Survivor and witness turns one hundred\n\n" \
	"05.11.2021\n0.8 minutes\n\n" \
	"She has told her story to thousands of school children over the years.\n\n" \
	"Her mission, she says, is to make sure that nobody forgets.\n"

/*
 * A date after an update label on the byline is the change's, whichever
 * of sc_date_update_label()'s words labels it ("Revised"), and the
 * publication date at the end of the text is read instead; a label that
 * is no update's ("Reviewed") leaves the byline's date standing.
 */
#define REVISED(label) \
	"Home | News | Sport\n\nTown hall to open new library on Saturday\n\n" \
	"By Jane Doe | " label " March 5, 2021\n\n" \
	"The town hall will open its new library on Saturday after two years of work, " \
	"the mayor said on Monday. Readers will find a new children's room and longer " \
	"opening hours, the council said in a statement.\n\nMarch 1, 2021\n"

static void
test_update_label(void)
{
	struct sc_pagemeta m;

	extract(REVISED("Revised"), &m);
	is_str(m.date, "2021-03-01", "'Revised' labels an update: the date at the end");
	sc_pagemeta_free(&m);
	extract(REVISED("Last update"), &m);
	is_str(m.date, "2021-03-01", "'Last update' without a colon labels an update");
	sc_pagemeta_free(&m);
	extract(REVISED("Reviewed"), &m);
	is_str(m.date, "2021-03-05", "'Reviewed' is no update's label: the byline's date");
	sc_pagemeta_free(&m);
}

static void
test_menu_blurbs(void)
{
	struct sc_pagemeta m;

	extract(MENU_BLURBS, &m);
	is_str(m.title, "Survivor and witness turns one hundred",
	    "menu blurbs: no prose before the headline");
	is_str(m.date, "2021-11-05", "menu blurbs: the dateline under the headline");
	sc_pagemeta_free(&m);
}

/*
 * A gallery's captions between the headline and the dateline, each under
 * the same row of pictures' names in brackets: captions, not the
 * headline; a headline under such a row met once is still read.
 */
#define GALLERY(row) \
	"     * Home\n     * Rowing\n     * Article\n\n" \
	"County Rowing Championship Results\n\n" row \
	"Anna Berg wins the single sculls\n\n" row \
	"Tom Reed takes the lightweight title\n\n" row \
	"The winning crew of the coxed four\n\n" \
	"   Posted: Sat 6:45 PM, Feb 17, 2018\n\n" \
	"   Riverside Academy junior Anna Berg added to her collection of county " \
	"titles, winning the single sculls by more than four lengths.\n\n" \
	"   In the lightweight race, Tom Reed held off a late push from the " \
	"defending champion to take his first title at the regatta.\n\n" \
	"   The coxed four from the rowing club won the last race of the day.\n"

static void
test_gallery_captions(void)
{
	struct sc_pagemeta m;

	extract(GALLERY("   [javascript] [javascript]\n\n"), &m);
	is_str(m.title, "County Rowing Championship Results",
	    "gallery: the captions under a repeated row are not the headline");
	is_str(m.date, "2018-02-17", "gallery: the dateline under the captions");
	sc_pagemeta_free(&m);
	extract("     * Home\n     * Rowing\n\n   [facebook] [twitter]\n\n"
	    "County Rowing Championship Results\n\n   [facebook] [twitter]\n\n"
	    "   Posted: Feb 17, 2018\n\n"
	    "   Riverside Academy junior Anna Berg added to her collection of county "
	    "titles, winning the single sculls by more than four lengths.\n\n"
	    "   In the lightweight race, Tom Reed held off a late push from the "
	    "defending champion to take his first title at the regatta.\n", &m);
	is_str(m.title, "County Rowing Championship Results",
	    "gallery: a row of share icons above and below the headline is none");
	sc_pagemeta_free(&m);
	/* a form's empty field, met three times: no picture */
	extract("     * Home\n     * Rowing\n\n   [          ]\n\n"
	    "County Rowing Championship Results\n\n   [          ]\n\n"
	    "   Posted: Feb 17, 2018\n\n   [          ]\n\n"
	    "   Riverside Academy junior Anna Berg added to her collection of county "
	    "titles, winning the single sculls by more than four lengths.\n\n"
	    "   In the lightweight race, Tom Reed held off a late push from the "
	    "defending champion to take his first title at the regatta.\n", &m);
	is_str(m.title, "County Rowing Championship Results",
	    "gallery: a form's empty field above and below the headline is none");
	sc_pagemeta_free(&m);
}

/*
 * A headline the dump wrote twice in a row over its deck: the doubled
 * line is the headline, the deck nearer the dateline is not.
 */
#define DOUBLED_HEAD(head) \
	"     * Log In\n     * My Teams\n\n   Up next:\n\n" head \
	"Sixteen clubs have booked places for next spring's finals\n\n" \
	"     * Jane Doe mugshot\n     * by Jane Doe\n     * @janedoe\n" \
	"     * Nov 19, 2019 at 6:46 pm ET \xE2\x80\xA2 2 min read\n     *\n\n" \
	"   IFRAME: embedVideo_5c23d458\n\n     *\n     *\n\n" \
	"   Cup qualifying is over. The group stage finished on Tuesday, and " \
	"sixteen clubs have booked their places in the finals next spring. Leeds " \
	"beat York 2-0 to earn the last spot on Tuesday evening.\n\n" \
	"   The draw for the finals takes place in December, and the clubs will " \
	"learn then which of them meet in the first round and where the games are " \
	"played.\n\n" \
	"   Here is every club that has reached the finals so far, with the group " \
	"each of them won or the place in which it finished behind the winner.\n\n" \
	"   The holders went out in the group stage after losing twice to Hull, " \
	"and their coach said after the last game that he would stay on for next " \
	"season.\n\n" \
	"   Tickets for the finals go on sale in January, and the clubs said they " \
	"expected every game to be sold out within a few days of the draw.\n"
#define CUP_HEAD "Cup qualifying: Tracking every club to reach the finals as Leeds wins\n\n"

static void
test_doubled_head(void)
{
	struct sc_pagemeta m;

	extract(DOUBLED_HEAD(CUP_HEAD CUP_HEAD), &m);
	is_str(m.title, "Cup qualifying: Tracking every club to reach the finals as Leeds wins",
	    "doubled head: the line written twice over the deck");
	is_str(m.date, "2019-11-19T18:46:00", "doubled head: the dateline");
	sc_pagemeta_free(&m);
	/* written once, the heading over it is no sign */
	extract(DOUBLED_HEAD(CUP_HEAD), &m);
	is_str(m.title, "Sixteen clubs have booked places for next spring's finals",
	    "doubled head: not a heading written once");
	sc_pagemeta_free(&m);
}

/*
 * A header of a dateline above the heading and a marker byline under it
 * ("Updated moments ago", the headline, "By Jane Doe | City News") over a
 * video's title and description between the header and the text.
 */
#define DATED_HEAD(above) \
	"  \xE2\x80\xA2 Facebook\n  \xE2\x80\xA2 Twitter\n  \xE2\x80\xA2 RSS\n\n" \
	"ADVERTISEMENT\nMusic\n" above "\n\n" \
	"Band manager allegedly unhappy with label partner amid tour row: report\n\n" \
	"By Jane Doe | City News\n\n  \xE2\x80\xA2 Facebook\n  \xE2\x80\xA2 Twitter\n" \
	"  \xE2\x80\xA2 Flipboard\n  \xE2\x80\xA2 Comments\n  \xE2\x80\xA2 Print\n" \
	"  \xE2\x80\xA2 Email\n\n close\n" \
	"The band's big night; a singer's new shopVideo\n\n" \
	"The band's big night; a singer's new shop\n\n" \
	"City Nation: The band will be honoured with an award at the music awards " \
	"ceremony next week; the singer opens a shop celebrating her career in " \
	"January.\n\n" \
	"The band's manager is allegedly unhappy with the way his business partner " \
	"has handled their public row with the singer, according to a new report by " \
	"a music magazine.\n\n" \
	"The two men have run the label together for ten years, and the report said " \
	"they had not spoken to each other since the row began in the summer.\n\n" \
	"A spokesman for the label said the report was not true and that the " \
	"partners were working together as closely as ever on the coming tour.\n\n" \
	"The singer has said she wants the rights to her early records back, and " \
	"fans have asked the label to sell them to her before the tour starts.\n"
#define BAND_HEAD "Band manager allegedly unhappy with label partner amid tour row: report"

static void
test_dated_head(void)
{
	struct sc_pagemeta m;

	extract(DATED_HEAD("Updated moments ago"), &m);
	is_str(m.title, BAND_HEAD, "dated head: a publishing word's line above the heading");
	is_str(m.author, "Jane Doe", "dated head: the byline");
	sc_pagemeta_free(&m);
	extract(DATED_HEAD("Published 1 day ago"), &m);
	is_str(m.title, BAND_HEAD, "dated head: a relative dateline above the heading");
	is_str(m.date, "2023-11-09", "dated head: the dateline's day");
	sc_pagemeta_free(&m);
	/* a section's label above opens no header */
	extract(DATED_HEAD("Top stories"), &m);
	ok(m.title == NULL || strcmp(m.title, BAND_HEAD) != 0,
	    "dated head: not under a line with no date");
	sc_pagemeta_free(&m);
}

/*
 * A teaser's heading the page escaped twice ("the Phone Maker&#39;s ...")
 * over the same heading as it reads: an image's or a link's title, never
 * the headline.
 */
static const char escaped_teaser[] =
	"  \xE2\x80\xA2 The Daily\n  \xE2\x80\xA2 Sports Desk\n  \xE2\x80\xA2 Gadgets\n" \
	"  \xE2\x80\xA2 Cars Today\n  \xE2\x80\xA2 Style\n  \xE2\x80\xA2 Games\n  \xE2\x80\xA2 Home Hacks\n" \
	"  \xE2\x80\xA2 The Kitchen\n\n \nWe bring you the future\n \n" \
	"LatestReviewsScienceDesignHistory\n\nYou may also like\n\n \n" \
	"City Council Says It Will Throw Out the Old Parking Rules " \
	"That Helped Empty the Centre\n \n" \
	"Are We Pretending the Mayor Wasn't Secretly Rushed to the " \
	"Hospital?\n \n" \
	"The Only Way For Long-Term Electric Bus Fleets To Work Is " \
	"To Do What The Trams Did\n \n" \
	"City Council Says It Will Throw Out the Old Parking Rules " \
	"That Helped Empty the Centre\nSports Desk\n\n" \
	"City Council Says It Will Throw Out the Old Parking Rules " \
	"That Helped Empty the Centre\n\nJohn Roe\nMonday 10:00PM\n \n" \
	"Are We Pretending the Mayor Wasn't Secretly Rushed to the " \
	"Hospital?\nStyle\n\n" \
	"Are We Pretending the Mayor Wasn't Secretly Rushed to the " \
	"Hospital?\n\nMary Major\nMonday 3:00PM\n \n" \
	"The Only Way For Long-Term Electric Bus Fleets To Work Is " \
	"To Do What The Trams Did\nCars Today\n\n" \
	"The Only Way For Long-Term Electric Bus Fleets To Work Is " \
	"To Do What The Trams Did\n\nSam Poe\nMonday 7:30PM\n\n" \
	"Recent from Jane Doe\n\n \n\n  \xE2\x80\xA2 60\n  \xE2\x80\xA2 7.1K\n\n" \
	"A Short Explanation of the Phone Maker&#39;s Strange New " \
	"Battery Bug\n\n" \
	"A Short Explanation of the Phone Maker's Strange New " \
	"Battery Bug\n\nJane Doe\n11/12/19 4:40PM\nPhones\n\n" \
	"The Future of Laptop Design Is Looking Backwards\n\n \n[gif]\n" \
	"Jane Doe\nMonday 5:30PM\n\xE2\x80\xA2\n \nPhoto: Example\n\n" \
	"The future of laptop design looks backwards: the new laptop " \
	"is a throwback, as in retro: the company took features it " \
	"had retired from its old laptops and brought them back as " \
	"new features, and the reviews have been kind.\n\n" \
	"The keyboard is the main change, and it fixes the problems " \
	"of the one the company released nearly five years ago, " \
	"which broke so often that the company had to replace it for " \
	"free.\n\n" \
	"What bothers me about the backwards take on laptop design " \
	"is that it confirms the belief that the company seldom has " \
	"new ideas, and that it now focuses on services more than on " \
	"hardware.\n\n" \
	"I still like the new laptop, and I expect that most people " \
	"who buy one will like it too, but I wonder whether I will " \
	"ever see a new product that surprises me again.\n\n" \
	"The screen is larger and the speakers are better, and the " \
	"battery lasts a little longer than the last one did, which " \
	"the reviews have also praised.\n\n" \
	"The price has not changed, which is a surprise in a year " \
	"when most of the company's other products cost more than " \
	"the models they replaced.\n\n" \
	"The trackpad is the same size as before, but the company " \
	"says it now rejects touches from the palm far better than " \
	"the last model did in our tests.\n\n" \
	"Ports are where the laptop looks most like its ancestors: " \
	"there are more of them again, and the company no longer " \
	"asks buyers to carry a bag of adapters.\n\n" \
	"Battery life in our tests came to eleven hours of video, an " \
	"hour more than the last model managed, though heavy work " \
	"cut that to about seven hours.\n\n" \
	"The fans are quieter under load, and the case stays cool " \
	"enough to keep on a lap, which was not true of the model " \
	"this one replaces in the line.\n\n" \
	"Reviewers have praised the speakers and the microphones, " \
	"which the company says are good enough for a podcast, " \
	"though few people will use them that way.\n\n" \
	"None of this is new, and that is the point: the company has " \
	"put back what people missed, and it has taken the credit " \
	"for ideas it dropped years ago.\n";

static void
test_escaped_teaser(void)
{
	struct sc_pagemeta m;

	extract(escaped_teaser, &m);
	is_str(m.title, "The Future of Laptop Design Is Looking Backwards",
	    "escaped teaser: not the line with a reference written out");
	sc_pagemeta_free(&m);
}

/*
 * A blog post whose short headline is followed by prose, then a sentence
 * that ends with a colon and the line of code it introduces: both are the
 * text's, not the headline.
 */
static const char leadin_colon[] =
	"  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 Blog\n  \xE2\x80\xA2 Contact\n\n"
	"CDPATH notes\n\n  1. blog\n\n"
	"After reading a post about shell jumpers I decided to improve my own setup, "
	"because the old one did not work from my editor and needed a restart of every "
	"shell after each change.\n\n"
	"What I use now\n\n"
	"I currently keep this in the setup file that my shell reads:\n\n"
	"    export CDPATH=.:~:~/src:~/wikis\n\n"
	"This lets me jump into projects from anywhere, but it is very static: a new "
	"directory means editing the file again and opening new shells, which I would "
	"rather avoid.\n\n"
	"Other tools keep a list of the directories you visit most and rank them by how "
	"often and how recently you went there.\n";

static void
test_leadin_colon(void)
{
	struct sc_pagemeta m;

	extract(leadin_colon, &m);
	is_str(m.title, "CDPATH notes",
	    "lead-in colon: neither the sentence that introduces code nor the code");
	sc_pagemeta_free(&m);
}

/*
 * A headline that ends with a colon under a paragraph of prose (an intro
 * the main text begins with): the byline and the date under it show it
 * is the headline, not a sentence introducing a list or code.
 */
static const char colon_headline[] =
	NAV
	"The bridge has been closed for three years now and many readers have asked "
	"us what will happen next with the repairs and the money.\n\n"
	"Bridge closure: here is what we know so far:\n\n"
	"By Jane Doe\nMarch 12, 2020\n\n" BODY;

static void
test_colon_headline(void)
{
	struct sc_pagemeta m;

	extract(colon_headline, &m);
	is_str(m.title, "Bridge closure: here is what we know so far:",
	    "a headline ending with a colon over its byline is no lead-in");
	sc_pagemeta_free(&m);
}

/*
 * A link to another story between the headline and the byline, with that
 * story's date ("Related: ... (March 2, 2020)"): the byline's date is the
 * page's.
 */
static const char related_link[] =
	"  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 News\n\n"
	"City council approves the new budget after long debate\n\n"
	"Related: Harbour plan delayed again (March 2, 2020)\n\n"
	"By Jane Doe\nMarch 12, 2020\n\n" BODY;

static void
test_related_link(void)
{
	struct sc_pagemeta m;

	extract(related_link, &m);
	is_str(m.date, "2020-03-12", "related link: its date is the other story's");
	sc_pagemeta_free(&m);
}

/*
 * A wrapped paragraph whose last line is short and mentions a comment
 * ("... declined to\ncomment.") does not open the comments: the
 * "Posted on DATE by NAME" under the post still counts.
 */
static void
test_comment_word_in_prose(void)
{
	struct sc_pagemeta m;

	extract(NAV
	    "Port fees rise for a third year\n\n"
	    "The harbour board raised berth fees on Monday for the third year running, citing the "
	    "cost of dredging the outer channel after last winter's storms, and ferry operators said the rise\n"
	    "would be passed on to passengers within weeks.\n"
	    "The board's chair said the fees remained below those of neighbouring ports and that the "
	    "increase had been agreed with the regional council in January; a spokesperson for the shipping\n"
	    "association declined to comment.\n\n"
	    "Posted on 12 March 2023 by Jane Doe\n", &m);
	is_str(m.date, "2023-03-12", "'declined to comment.' ends a sentence, not the post");
	is_str(m.author, "Jane Doe", "... and the byline under the post counts");
	sc_pagemeta_free(&m);
}

int
main(void)
{
	test_news_page();
	test_german_page();
	test_split_byline();
	test_name_near_date();
	test_byline_shapes();
	test_standfirst_byline();
	test_agency_credit();
	test_no_author();
	test_sample_layout();
	test_title_suffix();
	test_title_parts();
	test_lists_and_url();
	test_dates();
	test_bad_input();
	test_scripts();
	test_breadcrumb_title();
	test_header_title();
	test_caption_twice();
	test_script_code();
	test_colon_spacing();
	test_share_row();
	test_deck_title();
	test_share_header();
	test_share_header_below();
	test_wrapped_caption();
	test_newsletter_box();
	test_glued_menu();
	test_menu_blurbs();
	test_update_label();
	test_gallery_captions();
	test_doubled_head();
	test_dated_head();
	test_escaped_teaser();
	test_listed_date();
	test_native_digits();
	test_arrays_kept();
	test_reading_time();
	test_leadin_colon();
	test_related_link();
	test_colon_headline();
	test_comment_word_in_prose();
	return tap_done();
}
