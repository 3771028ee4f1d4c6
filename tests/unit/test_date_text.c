/*
 * Unit tests of the dates scmeta reads from text dumps: first the finder
 * (common/date.c) on forms dumps produce, every hit of a line listed;
 * then the choice of the page's date (common/pagemeta.c) on small pages
 * written for the tests, one layout a row.  "now" is 2023-11-10 12:00.
 */
#include "../tap.h"
#include "date.h"
#include "pagemeta.h"

#include <stdio.h>
#include <string.h>

struct fcase {
	const char *lang;
	const char *in;
	const char *want;	/* every hit, ISO, joined by " "; "" for none */
	const char *why;
};

static const struct fcase finds[] = {
	/* a space after each dot: Czech, Slovak, and themes that copy them */
	{ "cs", "18. 5. 2014", "2014-05-18", "cs: spaced dots" },
	{ "sk", "Publikované 3. 11. 2021", "2021-11-03", "sk: spaced dots" },
	{ "de", "18. 05. 2014 22:38", "2014-05-18T22:38:00", "spaced dots with a time" },
	{ "cs", "18.\xC2\xA0" "5.\xC2\xA0" "2014", "2014-05-18", "NBSP after the dots" },
	{ "de", "Kapitel 3. 4. 5.", "", "spaced dots without a year: a list" },
	{ "cs", "31. 2. 2014", "", "spaced dots: impossible day" },
	{ "cs", "18. 5. 20145", "", "spaced dots: five-digit year" },
	/* dots, month first, as American sites that use dots write them */
	{ "en", "Ideas 11.14.2019 09:00 AM", "2019-11-14T09:00:00",
	    "dots: the middle number cannot be a month" },
	{ "en", "11.12.2019", "2019-12-11", "dots: day first when both can be months" },
	{ NULL, "13.14.2019", "", "dots: neither order is a date" },
	/* dashes around a month's abbreviation (DD-MON-YYYY) */
	{ "en", "Updated: 06-Sep-2020", "2020-09-06", "day-month-year with dashes" },
	{ "en", "6-Sep-20 10:30", "2020-09-06T10:30:00", "dashes, two-digit year, time" },
	{ "de", "12-Mai-2020", "2020-05-12", "dashes, a German month" },
	{ "en", "31-Feb-2020", "", "dashes: impossible day" },
	{ "en", "6-Sep-", "", "dashes: no year" },
	/* "Mrz", the three-letter German March some systems print */
	{ "de", "Stand: 7. Mrz. 2021, 09:15", "2021-03-07T09:15:00", "de: Mrz with a dot" },
	{ NULL, "Mrz 7, 2021", "2021-03-07", "Mrz before the day" },
	/* an offset the dump glued to the next element ends after HH:MM */
	{ "de", "Angele2022-12-07T10:10:52+01:0025. Dezember 2022|",
	    "2022-12-07T10:10:52+01:00 2022-12-25", "glued offset, then a date" },
	{ NULL, "2022-12-07T10:10:52-05:3012", "2022-12-07T10:10:52-05:30",
	    "glued offset, then digits" },
};

static void
check_find(const struct fcase *c)
{
	struct sc_date_ctx ctx;
	struct sc_date_hit h[8];
	char buf[SC_DATE_FMTLEN], got[256], name[300];
	size_t n, i, o = 0;

	sc_date_ctx_init(&ctx);
	sc_date_parse_now("2023-11-10T12:00:00", &ctx.now);
	ctx.lang = c->lang;
	n = sc_date_find(c->in, strlen(c->in), &ctx, h, 8);
	n = sc_date_resolve(h, n, &ctx, NULL);
	got[0] = '\0';
	for (i = 0; i < n; i++) {
		sc_date_format(&h[i].d, buf);
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%s", i ? " " : "", buf);
	}
	snprintf(name, sizeof name, "%s: \"%s\"", c->why, c->in);
	is_str(got, c->want, name);
}

/* A body long enough to read as the main text, without dates. */
#define BODY \
	"The club was founded by a group of neighbours who wanted a place to " \
	"talk about the street, the school and the small park behind the " \
	"station, and it has met in the back room of the bakery ever since.\n\n" \
	"Members bring cake, the baker brings coffee, and whoever arrives last " \
	"writes the notes that are pinned to the board by the door the next " \
	"morning, so that those who could not come know what was decided.\n\n" \
	"New members are welcome and need not sign anything; the only rule is " \
	"that nobody talks about the weather for more than five minutes.\n"

#define NAV \
	"Skip to content\n\n" \
	"  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 Club\n  \xE2\x80\xA2 Contact\n\n"

#define HEAD "Neighbourhood club meets in the bakery again\n\n"

/* A menu long enough to hold a date above it out of the headline's reach. */
#define MENU \
	"  \xE2\x80\xA2 Bakery\n  \xE2\x80\xA2 Park\n  \xE2\x80\xA2 School\n" \
	"  \xE2\x80\xA2 Station\n  \xE2\x80\xA2 Street\n  \xE2\x80\xA2 Notes\n" \
	"  \xE2\x80\xA2 Members\n  \xE2\x80\xA2 Cake\n  \xE2\x80\xA2 Coffee\n" \
	"  \xE2\x80\xA2 Board\n  \xE2\x80\xA2 Weather\n  \xE2\x80\xA2 Archive\n\n"

/* A German body: the language guessed from its function words. */
#define BODY_DE \
	"Der Verein wurde von Nachbarn gegr\xC3\xBCndet, die einen Ort f\xC3\xBCr die " \
	"Stra\xC3\x9F" "e, die Schule und den kleinen Park suchten, und er trifft sich " \
	"seitdem im Hinterzimmer der B\xC3\xA4" "ckerei.\n\n" \
	"Die Mitglieder bringen Kuchen mit, der B\xC3\xA4" "cker bringt den Kaffee, und " \
	"wer als Letzter kommt, schreibt das Protokoll, das am n\xC3\xA4" "chsten Morgen " \
	"an der T\xC3\xBCr h\xC3\xA4ngt.\n\n" \
	"Neue Mitglieder sind willkommen und m\xC3\xBCssen nichts unterschreiben; die " \
	"einzige Regel ist, dass niemand l\xC3\xA4nger als f\xC3\xBCnf Minuten \xC3\xBC" "ber " \
	"das Wetter spricht, und das ist nicht verhandelbar.\n"

struct pcase {
	const char *page;
	const char *want;	/* the date scmeta gives, NULL for none */
	const char *why;
};

static const struct pcase pages[] = {
	/* a date inside a sentence is an event the text names */
	{ NAV HEAD "The next meeting takes place on 5 March 2023 at 7 pm in the bakery.\n\n"
	    BODY, NULL, "a date inside a sentence is no dateline" },
	{ NAV HEAD "Dieser Beitrag wurde am 5. M\xC3\xA4rz 2023 ver\xC3\xB6" "ffentlicht.\n\n"
	    BODY, "2023-03-05", "a sentence that says the date is the publication" },
	{ NAV HEAD "5 March 2023. The club met again after the winter break.\n\n"
	    BODY, "2023-03-05", "a date opening a sentence is a dateline" },
	/* teasers of other posts in an indented list above the headline */
	{ NAV "        Another story about the harbour wall\n\n"
	    "        22. Oktober 2022\n        [harbour-215x120]\n        Harbour\n\n"
	    "        A third story about the night trains\n\n"
	    "        9. November 2022\n  \xE2\x80\xA2 Contact\n\nClub\n\n" HEAD BODY, NULL,
	    "an indented teaser's date above the headline" },
	/* title-and-date pairs of other stories right above the headline */
	{ NAV "Another story about the harbour wall\n03.03.2023\n\n"
	    "A third story about the night trains\n01.03.2023\n\n" HEAD BODY, NULL,
	    "a list of teasers, each a title over its date, above the headline" },
	{ NAV "Another story about the harbour wall\n03.03.2023\n\n"
	    "A third story about the night trains\n01.03.2023\n\n" HEAD "05.03.2023\n\n" BODY,
	    "2023-03-05", "the dateline under the headline, below a list of teasers" },
	{ NAV "Club news\n05.03.2023\n\n" HEAD BODY, "2023-03-05",
	    "one section name over a date above the headline: the page's own" },
	{ NAV "  \xE2\x80\xA2 Recent\n\n"
	    "9. November 2022\n\n" HEAD BODY, "2022-11-09",
	    "a dateline at the headline's margin above it" },
	/* a hidden machine stamp glued to the date readers see */
	{ NAV HEAD "Jane Doe2023-03-07T10:10:52+01:0025. M\xC3\xA4rz 2023|\n\n" BODY,
	    "2023-03-25", "the readers' date, not the hidden stamp beside it" },
	{ NAV HEAD "2023-03-07T10:10:52+01:00\n\n" BODY,
	    "2023-03-07T10:10:52+01:00", "a stamp alone is still a date" },
	/* a day the headline is about loses to a dateline of its own */
	{ NAV "Club meeting on bridges (26 and 27 May 2023, Riverside)\n\n"
	    "12 April 2023\n\n" BODY, "2023-04-12",
	    "the dateline, not the day in the headline's words" },
	{ NAV "Club meeting on bridges (26 and 27 May 2023, Riverside)\n\n" BODY,
	    "2023-05-27", "the headline's day when nothing else dates the page" },
	/* no other date: the page's last change, as wikis and footers give it */
	{ NAV HEAD BODY "\nDiese Seite wurde zuletzt am 29. Januar 2023 um 13:22 Uhr ge\xC3\xA4ndert.\n",
	    "2023-01-29T13:22:00", "a wiki's last edit in its footer" },
	{ NAV HEAD "  \xE2\x80\xA2 Kommentare (0)\n\n" BODY BODY BODY BODY BODY
	    "\nLetzte \xC3\x84nderung:\n14.01.2023 um 09:25\nSeitenaufrufe:\n",
	    "2023-01-14T09:25:00", "a last-change label on the line above, far below" },
	{ NAV HEAD BODY BODY BODY BODY BODY "\nKommentare\n\n"
	    "Anna: zuletzt bearbeitet am 3. Februar 2023\n", NULL,
	    "a comment's last edit is not the page's" },
	{ NAV HEAD BODY BODY BODY BODY BODY "\nLast updated on 3 February 2023\n"
	    "\n  \xE2\x80\xA2 Related posts\n", "2023-02-03",
	    "an English last-change line" },
	/* far from the headline, one day alone on its line dates the page */
	{ NAV "\xC2\xB7" "14. Oktober 2022\n\n" MENU HEAD BODY, "2022-10-14",
	    "the one date alone on a line, far above the headline" },
	{ NAV "14. Oktober 2022\n\n" MENU "3. Mai 2022\n\n" MENU HEAD BODY, NULL,
	    "two days alone on lines are a teaser list" },
	{ NAV MENU HEAD BODY BODY BODY BODY BODY "\n14. Oktober 2022\n", NULL,
	    "a day alone below the main text is no dateline" },
	/* a photo's caption: a sentence, then its credit */
	{ NAV HEAD "A cargo ship leaves the harbour at dawn, on 31 August 2023. (AP)\n\n"
	    BODY, NULL, "a date inside a caption that ends in a credit" },
	{ NAV HEAD "Members at the bakery in the old town on 18 May 2023.\xC2\xA9 Jane Doe\n\n"
	    BODY, NULL, "a date inside a caption before its \xC2\xA9 credit" },
	{ NAV HEAD "31 August 2023 (AP)\n\n" BODY, "2023-08-31",
	    "a dateline with an agency in brackets is no caption" },
	/* a copyright notice's dates are the notice's */
	{ NAV HEAD BODY "\n\xC2\xA9 2023 Club Media. All rights reserved. "
	    "Terms of use (updated 5/25/23)\n", NULL,
	    "a change date inside the copyright footer" },
	{ NAV HEAD "Posted on 3 May 2023 \xC2\xB7 \xC2\xA9 Club Media\n\n" BODY, NULL,
	    "a dateline on a line with a copyright sign" },
	/* forums number their posts beside the dates: #2 on are replies */
	{ NAV HEAD "Ben\nMember\n14 May 2023\n#2\n\n" BODY, NULL,
	    "a reply's date over its number is no dateline" },
	{ NAV HEAD "Anna\nMember\n12 May 2023\n#1\n\n" BODY, "2023-05-12",
	    "the first post's date dates the thread" },
	{ NAV HEAD "Ben, 14.05.2023, 18:20 #2\n\n" BODY, NULL,
	    "a reply's number on the date's line" },
	{ NAV HEAD BODY "\nCara\nMember\n15 May 2023\n"
	    "Last edited by a moderator: 16 May 2023\n#3\n\n" BODY, NULL,
	    "a reply's last edit is not the page's" },
	{ NAV MENU "Anna\n12 May 2023\n#1\n\n" MENU HEAD BODY BODY BODY BODY BODY
	    "\nBen\n14 May 2023\n#2\n\n" BODY, "2023-05-12",
	    "replies' days alone do not make a teaser list" },
	/* a blog's post navigation: the neighbours' titles and dates */
	{ NAV "Menu\n\n" BODY "\nPost navigation\n\n\xC2\xAB Previous\n\n"
	    "Winter notes from the bakery\n\nNext \xC2\xBB\n\n"
	    "Notes from the bakery 24 May 2023\n\n", NULL,
	    "the next post's title and date under its label" },
	{ NAV "Menu\n\n" BODY "\nPost navigation\n\nNewer post\n\n"
	    "Notes from the bakery\n24 May 2023\n\n", NULL,
	    "a date under the next post's title" },
	/* a list of dated items is a list of posts, not a dateline */
	{ NAV HEAD "  \xE2\x80\xA2 Notes 5/3/2023\n  \xE2\x80\xA2 Notes 5/2/2023\n"
	    "  \xE2\x80\xA2 Notes 5/1/2023\n\n" BODY, NULL,
	    "items of a list each with its date" },
	{ NAV HEAD "  \xE2\x80\xA2 3 May 2023\n  \xE2\x80\xA2 Jane Doe\n\n" BODY,
	    "2023-05-03", "a dateline as one item of the post's meta list" },
	/* a dateline under a heading, the story below: the page's date */
	{ NAV "  \xE2\x80\xA2 About\n      \xE2\x96\xA1 Our club\n        Our club\n\n"
	    "        " BODY "\n" MENU MENU "Club news\n"
	    "Neighbourhood club meets in the bakery again\n\n5.11.2023\n3 minutes\n\n"
	    BODY, "2023-11-05", "a dateline between a heading and the story" },
	{ NAV "Our club\n\n" BODY "\n" MENU MENU "Club news\n"
	    "Neighbourhood club meets in the bakery again\n\n5.11.2023\n3 minutes\n\n"
	    BODY "\nNew oven for the bakery\n\n2.11.2023\n\n" MENU, NULL,
	    "two such datelines: a list of stories" },
	/* the blurb under a menu's entry is no prose: the headline is read */
	{ NAV "  \xE2\x80\xA2 About\n      \xE2\x96\xA1 Our club\n        Our club\n\n"
	    "        " BODY "\n" MENU MENU "Club news\n"
	    "Neighbourhood club meets in the bakery again\n\n5.11.2023\n3 minutes\n\n"
	    BODY "\nNew oven for the bakery\n\n2.11.2023\n\n" MENU, "2023-11-05",
	    "a menu entry's blurb: the headline's dateline, not a teaser's below" },
	/* a teaser ends with a link to its story: its date is the story's */
	{ NAV HEAD "3 May 2023 | Riverside - The club met again and talked about "
	    "the park and the... weiter...\n\n" BODY, NULL,
	    "a teaser that ends in a read-more link" },
	{ NAV HEAD "Anna Berg\n3.05.2023 Mehr\n\n" BODY, NULL,
	    "a date line that ends in a read-more link" },
	{ NAV HEAD "3 May 2023\nShare:\nMore\n\n" BODY, "2023-05-03",
	    "a share menu's More alone on its line" },
	/* a product's release date in its fact box is not the page's */
	{ NAV HEAD "Platforms: PC, Switch\nRelease: 14.10.2023\n\n" BODY, NULL,
	    "a game's release date" },
	{ NAV HEAD "Kinostart: 5. Oktober 2023\n\n" BODY, NULL, "a film's release date" },
	{ NAV HEAD "Published: 14.10.2023\n\n" BODY, "2023-10-14",
	    "a page's own publication date" },
	/* other labels of a date that is not the page's */
	{ NAV HEAD "Anna Berg\nMember since May 12, 2011\n\n" BODY, NULL,
	    "a forum member's registration" },
	{ NAV HEAD "Anna Berg\nMitglied seit 12.05.2011\n\n" BODY_DE, NULL,
	    "de: a member's registration" },
	{ NAV HEAD "Anmeldeschluss: 12.10.2023\n\n" BODY_DE, NULL, "de: a deadline" },
	{ NAV HEAD "Offer valid until 12 October 2023\n\n" BODY, NULL, "an offer's end" },
	{ NAV HEAD "Termin: 12.10.2023, 19 Uhr\n\n" BODY_DE, NULL, "de: an event's day" },
	{ NAV HEAD "Anna Berg\nJoined: May 12, 2011\n\n3 May 2023\n\n" BODY, "2023-05-03",
	    "the post's date beside its writer's registration" },
	/* a byline's date dates the page wherever the headline was read */
	{ NAV "Club news\nNeighbourhood club meets in the bakery again\n\n"
	    "Analysis by Jane Doe, Club News\n\n"
	    "Updated 1909 GMT (0309 HKT) November 3, 2023\n\n" MENU
	    "Watch: the bakery club at work\n\n" BODY, "2023-11-03",
	    "a change date under a byline far above the headline read" },
	{ NAV "Club news\nNeighbourhood club meets in the bakery again\n\n"
	    "Analysis by Jane Doe, Club News\n\n"
	    "Published 1909 GMT (0309 HKT) November 3, 2023\n\n" MENU
	    "By John Roe, 1 November 2023\n\n" MENU
	    "Watch: the bakery club at work\n\n" BODY, NULL,
	    "bylines with different days" },
	/* a short post without a date of its own, its comments within reach */
	{ NAV HEAD BODY "\n3 Kommentare\n\nAnna\n12. Mai 2023 um 10:14\n\nSch\xC3\xB6n!\n",
	    NULL, "a commenter's date under the comments heading" },
	{ NAV HEAD BODY "\nLeave a Reply\n\nAnna on May 12, 2023 at 10:14 am\n\nNice!\n",
	    NULL, "a commenter's date under 'Leave a Reply'" },
	/* a comment without a heading: its header, or its link to answer it */
	{ NAV HEAD BODY_DE "\nAnna schreibt:\n12. Mai 2023 um 10:14\nSch\xC3\xB6n!\n", NULL,
	    "de: a commenter's date under 'NAME schreibt:'" },
	{ NAV HEAD BODY "\nAnna May 12, 2023 at 10:14 am Reply\n\nNice!\n", NULL,
	    "a comment's date on the line of its reply link" },
	{ NAV HEAD BODY "\n  1. Anna\n     May 12, 2023 at 10:14 am\n     Nice!\n     Reply\n",
	    NULL, "a comment's date over its text and its reply link" },
	{ NAV HEAD BODY_DE "\nAnna\n12.05.2023 um 10:14\n\nSch\xC3\xB6n!\n\nAntworten\n", NULL,
	    "de: a comment's date over its text and 'Antworten'" },
	{ NAV HEAD BODY "\nPosted on May 12, 2023 by Anna | Leave a reply\n", "2023-05-12",
	    "a post's own date beside its 'Leave a reply' link" },
	{ NAV HEAD "Anna\nMay 12, 2023 at 10:14 am\n\n" BODY "\nReply\n\nBert\n"
	    "May 13, 2023 at 9:00 am\n\nAgreed.\n\nReply\n", "2023-05-12T10:14:00",
	    "a thread's first post above the text, its reply link below" },
	{ NAV HEAD "3 May 2023\n\n" BODY "\n3 Comments\n\nAnna\nMay 12, 2023 at 10:14 am\n",
	    "2023-05-03", "the post's own date, not its comments'" },
	{ NAV HEAD "  \xE2\x80\xA2 3 Comments\n\n12 May 2023\n\n" BODY, "2023-05-12",
	    "a comment counter above the text is no comments heading" },
	{ NAV HEAD "After three years of waiting, the club is back in the bakery on the "
	    "corner, where it all started with a few cups of coffee and a long list of "
	    "complaints about the park.\n\n3 Comments\n\nBy Anna Berg | May 12, 2023\n\n" BODY,
	    "2023-05-12", "a comment counter between the lead and the byline" },
	/* a sidebar's or a teaser box's posts below a post without a date */
	{ NAV HEAD BODY "\nRecent Posts\n\nNew oven for the bakery\nMay 12, 2023\n\n"
	    "Summer fair in the park\nApril 2, 2023\n", NULL,
	    "the dates under a 'Recent Posts' heading" },
	{ NAV HEAD BODY "\nNeueste Beitr\xC3\xA4ge\n\nNeuer Ofen f\xC3\xBCr die B\xC3\xA4" "ckerei\n"
	    "12.05.2023\n", NULL, "the dates under a 'Neueste Beitr\xC3\xA4ge' heading" },
	{ NAV HEAD BODY "\nLesen Sie auch\n\nNeuer Ofen f\xC3\xBCr die B\xC3\xA4" "ckerei\n"
	    "12.05.2023\n", NULL, "a teaser's date under 'Lesen Sie auch'" },
	{ NAV HEAD BODY "\nUpcoming events\n\nSummer fair: 12.06.2023, 14:00\n", NULL,
	    "an event's date under 'Upcoming events'" },
	{ NAV HEAD BODY_DE "\nTermine\n\nSommerfest: 12.06.2023, 14:00 Uhr\n", NULL,
	    "an event's date under 'Termine'" },
	{ NAV HEAD BODY "Posted on 3 May 2023 by Anna\n\nRecent Posts\n\n"
	    "New oven for the bakery\nMay 12, 2023\n", "2023-05-03",
	    "the post's dateline above the list of recent posts" },
	/* the post's meta line with its comment counter, far from the headline */
	{ NAV "Neighbourhood club\n\nMarch 3, 2023/0 Comments/in Club /by admin\n\n" MENU MENU
	    HEAD BODY, "2023-03-03", "a blog post's meta line: date and comment counter" },
	{ NAV "3. M\xC3\xA4rz 2023 | Keine Kommentare\n\n" MENU MENU HEAD BODY_DE,
	    "2023-03-03", "a meta line: date and 'no comments'" },
	{ NAV "March 3, 2023/0 Comments/in Club\n\n" MENU
	    "March 1, 2023/2 Comments/in Club\n\n" MENU MENU HEAD BODY, NULL,
	    "meta lines of two days: an archive's teasers" },
	/* a period's ends are an event's dates */
	{ NAV HEAD "Exhibition: 12.03.2023 \xE2\x80\x93 15.04.2023\n\n" BODY, NULL,
	    "an exhibition's period" },
	{ NAV HEAD "2023.04.05 ~ OPEN RUN\n\n" BODY, NULL, "an open-ended run" },
	{ NAV "51 captures\n14 Oct 2014 - 10 Aug 2017\n\n" HEAD BODY, NULL,
	    "an archive's span of captures" },
	{ NAV HEAD "12.03.2023 - Riverside\n\n" BODY, "2023-03-12",
	    "a dateline, a dash and a place" },
	/* a slash date on a German page, language unknown: month first */
	{ NAV "Nachbarschaftsverein trifft sich wieder in der B\xC3\xA4" "ckerei\n\n"
	    "11/01/2023\n\n" BODY_DE, "2023-11-01",
	    "a German page's slash date read month first" },
};

static void
check_page(const struct pcase *c)
{
	static struct sc_date now = { 2023, 11, 10, 12, 0, 0, SC_DATE_NOTZ };
	struct sc_pagemeta_opts o;
	struct sc_pagemeta m;

	sc_pagemeta_opts_init(&o);
	o.now = &now;
	sc_pagemeta_extract(c->page, strlen(c->page), &o, &m);
	is_str(m.date, c->want, c->why);
	sc_pagemeta_free(&m);
}

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof finds / sizeof finds[0]; i++)
		check_find(&finds[i]);
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++)
		check_page(&pages[i]);
	return tap_done();
}
