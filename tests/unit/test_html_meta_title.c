/*
 * Unit tests of the title that scmeta reads from raw HTML
 * (common/html_meta.c, the kicker classes of common/html_parse.c): one
 * small page per rule, each written for the test.
 */
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "fixture_article.h"
#include "html.h"
#include "fixture_meta.h"

/* Three paragraphs an article selector keeps; w marks the page. */
#define PROSE(w) ARTICLE_PROSE_HTML(w)

/* The title scmeta gives for one hand-written page (NULL for none). */
#define TITLE_IS(html, want, name) META_FIELD_IS(html, title, want, name)

/* A kicker set over the headline in the same heading is no part of it. */
static void
test_kicker(void)
{
	TITLE_IS("<html><head><title>Bridge plan: Council delays the vote again - City News"
	    "</title></head><body><article><h1><span class=\"article__kicker\">Bridge plan"
	    "</span><span class=\"sr-only\">: </span> <span class=\"article__title\">Council "
	    "delays the vote again</span></h1>" PROSE("KICKER") "</article></body></html>",
	    "Council delays the vote again", "a kicker and a screen reader's colon go");
	TITLE_IS("<html><body><article><h2><span class=\"head-overline\">Verkehr</span> "
	    "<span class=\"head-headline\" itemprop=\"headline\">Die Br\xC3\xBC""cke kommt "
	    "sp\xC3\xA4ter</span></h2>" PROSE("OVERLINE") "</article></body></html>",
	    "Die Br\xC3\xBC""cke kommt sp\xC3\xA4ter", "an overline without a separator");
	TITLE_IS("<html><body><article><h1><span class=\"dachzeile\">Interview</span>"
	    "\"We will build it\"</h1>" PROSE("GLUEDKICKER") "</article></body></html>",
	    "\"We will build it\"", "a kicker glued to a quoted headline");
	TITLE_IS("<html><body><article><h1><span class=\"kicker\">Council delays</span> "
	    "vote</h1>" PROSE("SHORTREST") "</article></body></html>",
	    "Council delays vote", "a kicker that leaves one word is kept");
	TITLE_IS("<html><body><article><h1><span class=\"headline-emphasis\">Bridge plan"
	    "</span>: Council delays the vote again</h1>" PROSE("EMPHASIS")
	    "</article></body></html>",
	    "Bridge plan: Council delays the vote again", "a part not named a kicker stays");
	TITLE_IS("<html><head><title>Bridge plan: Council delays the vote again - City News"
	    "</title></head><body><article><h1><span class=\"headline-emphasis\">Bridge plan"
	    "</span>\n<span class=\"visually-hidden\">: </span>\n<span>Council delays the "
	    "vote again</span></h1>" PROSE("HIDDENCOLON") "</article></body></html>",
	    "Bridge plan: Council delays the vote again",
	    "the page's title spells a colon the markup spaced out");
	TITLE_IS("<html><head><title>Le pont : le conseil repousse le vote - Journal"
	    "</title></head><body><article><h1>Le pont : le conseil repousse le vote</h1>"
	    PROSE("FRCOLON") "</article></body></html>",
	    "Le pont : le conseil repousse le vote", "a French space before a colon stays");
}

/* The site's part of a <title> when no element names the site. */
static void
test_site_part(void)
{
	TITLE_IS("<html><head><title>beispiel-news.de | Gas prices</title></head><body>"
	    "<div class=\"post\">" PROSE("HOSTHEAD") "</div></body></html>",
	    "Gas prices", "a host name before the headline is the site");
	TITLE_IS("<html><head><title>Council delays the vote again | beispiel-news.de"
	    "</title></head><body><div class=\"post\">" PROSE("HOSTTAIL") "</div></body></html>",
	    "Council delays the vote again", "a host name after the headline is the site");
	TITLE_IS("<html><head><title>Node.js | Council delays the vote again</title></head>"
	    "<body><div class=\"post\">" PROSE("NODEJS") "</div></body></html>",
	    "Node.js | Council delays the vote again", "a program's name is no host");
	TITLE_IS("<html><head><title>Council delays the vote again -</title></head><body>"
	    "<div class=\"post\">" PROSE("DANGLING") "</div></body></html>",
	    "Council delays the vote again", "a separator with nothing after it");
	TITLE_IS("<html><head><title>City News: Council delays the vote again</title>"
	    "<meta property=\"og:site_name\" content=\"City News\"></head><body>"
	    "<div class=\"post\">" PROSE("SITELABEL") "</div></body></html>",
	    "Council delays the vote again", "the site's name as a label before a colon");
}

#define LI "<li><a href=\"/c\">Category</a></li>"
#define LI10 LI LI LI LI LI LI LI LI LI LI

/* A headline far from the text, confirmed by the page's title without the site. */
static void
test_far_heading(void)
{
	TITLE_IS("<html><head><meta property=\"og:title\" content=\"Plum cake with "
	    "almonds by sammy | Bakes\"></head><body><header><h1>Plum cake with almonds</h1>"
	    "</header><ul>" LI10 LI10 LI10 LI10 LI10 LI10 LI10 "</ul><article>" PROSE("FAR")
	    "</article></body></html>",
	    "Plum cake with almonds", "the title's site name cut before comparing");
	TITLE_IS("<html><head><meta property=\"og:title\" content=\"Plum cake (with "
	    "almonds)\"></head><body><article><h1 class=\"entry-title\">Plum cake (with "
	    "almonds)</h1><div class=\"post-body\"><h1>Plum cake</h1>" PROSE("WHOLE")
	    "</div></article></body></html>",
	    "Plum cake (with almonds)", "the heading that is the whole title beats a part");
	TITLE_IS("<html><head><title>Pensions at work - When a company pension pays - "
	    "Money Guide</title><meta property=\"og:title\" content=\"Saving for your "
	    "pension with your employer\"></head><body><article><h1>Pensions at work</h1>"
	    "<h2>Saving for your pension with your employer</h2>" PROSE("SECTION")
	    "</article></body></html>",
	    "Saving for your pension with your employer",
	    "an h2 that is og:title beats an h1 that only opens <title>");
	TITLE_IS("<html><head><title>Loan rates: how to work out your costs | Lender</title>"
	    "</head><body><article><p>Free advice</p><p>Amount</p><p>Deposit</p><p>Term</p>"
	    "<p>Rate</p><p>Compare now</p><p>Apply</p><h1>How high are the rates for a "
	    "personal loan?</h1>" PROSE("FORMLINES") "</article></body></html>",
	    "How high are the rates for a personal loan?",
	    "the h1 over the first paragraph, after a form's kept lines");
	TITLE_IS("<html><head><title>City Fire Brigade - Training</title></head><body>"
	    "<div class=\"content\"><h2>Boat crew training</h2>" PROSE("H2ONLY")
	    "</div></body></html>",
	    "Boat crew training", "an h2 opening the text of a page with no h1");
	TITLE_IS("<html><head><title>City Fire Brigade - Training</title></head><body>"
	    "<h1>City Fire Brigade</h1><div class=\"content\"><h2>Boat crew training</h2>"
	    PROSE("H2WITHH1") "</div></body></html>",
	    "City Fire Brigade", "the page's h1 still wins when it has one");
}

int
main(void)
{
	test_kicker();
	test_site_part();
	test_far_heading();
	return tap_done();
}
