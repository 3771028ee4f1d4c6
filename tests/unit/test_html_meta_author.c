/*
 * Unit tests of the author that scmeta reads from raw HTML
 * (common/html_meta.c, the byline classes of common/html_parse.c): one
 * small page per rule, each written for the test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "fixture_article.h"
#include "html.h"
#include "fixture_meta.h"

/* Three paragraphs an article selector keeps; w marks the page. */
#define PROSE(w) ARTICLE_PROSE_HTML(w)

/* The author scmeta gives for one hand-written page (NULL for none). */
#define AUTHOR_IS(html, want, name) META_FIELD_IS(html, author, want, name)

/* Style sheets: the byline as readers see it. */
static void
test_cascade(void)
{
	AUTHOR_IS("<html><head><style>.hN,.post-author-name{text-transform:uppercase}"
	    "</style><style>.post-author-name{text-transform:capitalize}</style></head>"
	    "<body><article><h1>Mayor elected</h1><div class=\"post-author-name\">"
	    "<a href=\"/a/s\" itemprop=\"author\">Sam Beispiel</a></div>" PROSE("RESET")
	    "</article></body></html>",
	    "Sam Beispiel", "a later rule sets the byline back from capitals");
	AUTHOR_IS("<html><head><style>.post-author-name{text-transform:none}"
	    ".post-author-name{text-transform: uppercase}</style></head>"
	    "<body><article><h1>Mayor elected</h1><div class=\"post-author-name\">"
	    "<a href=\"/a/s\" itemprop=\"author\">Sam Beispiel</a></div>" PROSE("LATER")
	    "</article></body></html>",
	    "SAM BEISPIEL", "the last rule wins when it sets capitals");
}

/* What a byline's words say about the name that follows. */
static void
test_byline_words(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"byline\">Par "
	    "<a rel=\"author\" href=\"/a/l\">Lo\xC3\xAF""c Le Clerc</a></div>" PROSE("PARTICLE")
	    "</article></body></html>",
	    "Lo\xC3\xAF""c Le Clerc", "a capitalised article inside a surname");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"byline\">Par "
	    "Ann Beispiel le 30 septembre 2018</div>" PROSE("DATELINE")
	    "</article></body></html>",
	    "Ann Beispiel", "a lower-case article still begins the dateline");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">A cura di "
	    "Ann Beispiel</p>" PROSE("ACURADI") "</article></body></html>",
	    "Ann Beispiel", "Italian 'a cura di' labels a byline");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>---- by Sam Writer</p>"
	    PROSE("DASHES") "</article></body></html>",
	    "Sam Writer", "a signature's dashes before by");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>By Sam Writer</p>"
	    PROSE("EDITED") "<p><span itemprop=\"author\">Second edition, edited by "
	    "Ann Editor</span></p></article></body></html>",
	    "Sam Writer", "an editor's credit is no author");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("PHOTO")
	    "<p class=\"byline\">Photo by Ann Shooter</p></article></body></html>",
	    NULL, "a photographer's credit is no author");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>By Sam Writer | Photos by "
	    "Ann Shooter</p>" PROSE("BOTH") "</article></body></html>",
	    "Sam Writer", "the writer before a photographer's credit");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("TEXTPHOTO")
	    "<p class=\"byline\">Text and photos by Ann Shooter</p></article></body></html>",
	    "Ann Shooter", "text and photos by one person");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><span class=\"post-meta\">"
	    "\xC3\x89""crit par Ann Beispiel</span>" PROSE("ECRIT") "</article></body></html>",
	    "Ann Beispiel", "a CMS label opening with a capital accented letter");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><span class=\"post-meta\">"
	    "Napisane przez Jan Beispiel</span>" PROSE("PRZEZ") "</article></body></html>",
	    "Jan Beispiel", "a Polish CMS label");
}

/* Byline labels of more languages and of a kind of piece ("Analysis by"),
 * in a plain paragraph under the headline. */
static void
test_lang_labels(void)
{
	static const char *const labels[] = {
		"Av", "Af", "Szerz\xC5\x91:", "\xC3\x8Drta:", "Teksti:", "Kirjoittaja:", "Tekst:",
		"Yazar:", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80:", "Pi\xC5\xA1""e:",
		"Autore:", "Texto:", "Forfatter:", "Kommentar von", "Analysis by",
		"Opinion by", "Escrito por:", NULL
	};
	char html[2048];
	size_t k;

	for (k = 0; labels[k] != NULL; k++) {
		snprintf(html, sizeof html, "<html><body><article><h1>Mayor elected</h1>"
		    "<p>%s Ann Beispiel</p>%s</article></body></html>", labels[k],
		    PROSE("LANGLABEL"));
		AUTHOR_IS(html, "Ann Beispiel", labels[k]);
	}
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>Kommentar von Ann Beispiel "
	    "und Tom Muster</p>" PROSE("KINDLIST") "</article></body></html>",
	    "Ann Beispiel und Tom Muster", "a kind of piece by two writers");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>Story by story, the town "
	    "grew</p>" PROSE("KINDWORDS") "</article></body></html>",
	    NULL, "a line that opens with such a label but names nobody");
}

/* The site's own name as the author. */
static void
test_site_name(void)
{
	AUTHOR_IS("<html><head><meta property=\"og:site_name\" content=\"Beispiel Kitchen\">"
	    "<script type=\"application/ld+json\">{\"@type\":\"Recipe\",\"name\":"
	    "\"Porridge\",\"author\":\"Beispiel Kitchen\"}</script></head><body><article>"
	    "<h1>Porridge</h1>" PROSE("RECIPE") "</article></body></html>",
	    NULL, "structured data naming the site as author, no byline showing it");
	AUTHOR_IS("<html><head><meta property=\"og:site_name\" content=\"Beispiel Kitchen\">"
	    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
	    "{\"@type\":\"Person\",\"name\":\"Beispiel Kitchen\"}}</script></head><body>"
	    "<article><h1>Porridge</h1><div class=\"byline\">Von Beispiel Kitchen</div>"
	    PROSE("SHOWNSITE") "</article></body></html>",
	    "Beispiel Kitchen", "the site's name that the byline shows");
}

/* A dateline's credit. */
static void
test_agency(void)
{
	AUTHOR_IS("<html><head><title>Wind farms join the grid - Beispiel-Pressedienst</title>"
	    "</head><body><article><h1>Wind farms join the grid</h1><p>Hamburg "
	    "(beispiel-pressedienst) - The operators of two wind farms said on Monday that "
	    "both will feed the grid from spring.</p>" PROSE("SELF") "</article></body></html>",
	    NULL, "a press service crediting itself in the dateline");
	AUTHOR_IS("<html><head><title>Wind farms join the grid - Daily Beispiel</title>"
	    "</head><body><article><h1>Wind farms join the grid</h1><p>Hamburg "
	    "(dpa) - The operators of two wind farms said on Monday that "
	    "both will feed the grid from spring.</p>" PROSE("AGENCY2") "</article></body></html>",
	    "dpa", "an agency's credit in the dateline");
}

/* What is glued to a name or stands beside it. */
static void
test_name_parts(void)
{
	AUTHOR_IS("<html><body><article><h1>New cars for the winter</h1>"
	    "<div class=\"info\"><h5>Datum: </h5>03.11.2021<br><h5>Autor: </h5>Peter "
	    "Muster/SP-X</div>" PROSE("AGENCY") "</article></body></html>",
	    "Peter Muster", "an agency glued to the writer's name with a slash");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Beispiel Web GmbH "
	    "www.beispiel-web.example\"></head><body><article><h1>Church news</h1>"
	    PROSE("WWW") "</article></body></html>",
	    NULL, "a web agency's address in the author tag");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Beispiel Web GmbH "
	    "beispiel-web.de\"></head><body><article><h1>Church news</h1>"
	    PROSE("DOMAIN") "</article></body></html>",
	    NULL, "a web agency's domain in the author tag");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Jane Beispiel\"></head>"
	    "<body><article><h1>Church news</h1>" PROSE("PLAINMETA") "</article></body></html>",
	    "Jane Beispiel", "a name alone in the author tag");
}

/* Bylines that name the kind of piece first. */
static void
test_kind_byline(void)
{
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Cms Account\"}}"
	    "</script></head><body><article><h1>Talking about crime novels</h1>"
	    "<p>Ein Interview von Eugen Beispiel mit Sonja Muster.</p>" PROSE("INTERVIEW")
	    "</article></body></html>",
	    "Eugen Beispiel", "an interview's byline beats an account the page never shows");
	AUTHOR_IS("<html><body><article><h1>Talking about roads</h1>"
	    "<p>A report by the Commission</p>" PROSE("REPORT") "</article></body></html>",
	    NULL, "a body named after by is no person");
}

/* The article's own opening byline. */
static void
test_body_byline(void)
{
	AUTHOR_IS("<html><head><meta property=\"og:site_name\" content=\"The Daily Planet\">"
	    "</head><body><article><h1>Forests and the people who keep them</h1>"
	    "<div class=\"meta\">By <span itemprop=\"author\">The Daily Planet</span></div>"
	    "<div class=\"post-content\"><p><em>Written by: <a href=\"/x\">Julie Beispiel</a>"
	    "</em></p>" PROSE("WRITTEN") "</div></article></body></html>",
	    "Julie Beispiel", "a writer named in the text beats the site's name in the markup");
	AUTHOR_IS("<html><body><article><h1>Inventors: a life in the lab</h1>"
	    "<div class=\"meta\"><a rel=\"author\" href=\"/author/isa\">Isa Account</a></div>"
	    "<div class=\"post-content\"><p>Her work changed a field.</p><p><strong>Von "
	    "Matthias Beispiel</strong></p>" PROSE("GUEST") "</div></article></body></html>",
	    "Matthias Beispiel", "a guest writer's byline beats the account that posted it");
	AUTHOR_IS("<html><head><meta property=\"og:site_name\" content=\"Presse Beispiel\">"
	    "</head><body><article><h1>Roads to be rebuilt</h1>"
	    "<div class=\"meta\"><a rel=\"author\" href=\"/author/ann\">Ann Beispiel</a></div>"
	    "<div class=\"post-content\"><p>Von Presse Beispiel</p>" PROSE("SITEBODY")
	    "</div></article></body></html>",
	    "Ann Beispiel", "the site's name opening the text replaces no writer");
}

/* A byline's one-word label, in whatever language the page is in. */
static void
test_label(void)
{
	AUTHOR_IS("<html><body><article><h1>Harvest festival opens</h1><p class=\"article-info\">"
	    "<span class=\"article-info__authors\">Texto: Ana Beispiel</span> \xC2\xB7 "
	    "24 de septiembre de 2018</p>" PROSE("TEXTO") "</article></body></html>",
	    "Ana Beispiel", "the name after a label the word lists do not hold");
	AUTHOR_IS("<html><body><article><h1>Harvest festival opens</h1><p class=\"article-info\">"
	    "<span class=\"article-info__authors\">Foto: Max Beispiel</span></p>"
	    PROSE("FOTO") "</article></body></html>",
	    NULL, "a picture's label credits no writer");
}

/* An author box: the name heads it, a bio follows. */
static void
test_bio(void)
{
	AUTHOR_IS("<html><body><article><h1>Solar plant opens</h1>" PROSE("BIO")
	    "<div class=\"entry-author-bio\"><h4>Emil Beispiel</h4><div class=\"author-text\">"
	    "Emil joined the magazine in March 2017. He has covered energy since 2009."
	    "</div></div></article></body></html>",
	    "Emil Beispiel", "the name heading an author box, not its bio");
	AUTHOR_IS("<html><body><article><h1>Solar plant opens</h1>" PROSE("BIOONLY")
	    "<div class=\"author-text\">Emil joined the magazine in March 2017. He has "
	    "covered energy since 2009.</div></article></body></html>",
	    NULL, "the bio's sentence is no name");
	AUTHOR_IS("<html><body><article><h1>Solar plant opens</h1><div class=\"author\">"
	    "beispiel eG</div>" PROSE("FIRM") "</article></body></html>",
	    "beispiel eG", "a firm's lower-case name is no sentence");
}

/* After a comma, the writer's desk or role, not a second name. */
static void
test_desk(void)
{
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Jill Beispiel, XBN Business\">"
	    "</head><body><article><h1>Markets fall</h1>" PROSE("DESK")
	    "</article></body></html>",
	    "Jill Beispiel", "a newsroom's acronym after the name");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Chris Beispiel, Contributing "
	    "Editor-at-large\"></head><body><article><h1>Markets fall</h1>" PROSE("LARGE")
	    "</article></body></html>",
	    "Chris Beispiel", "a hyphenated role after the name");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Jill Beispiel, Gail Muster\">"
	    "</head><body><article><h1>Markets fall</h1>" PROSE("TWO")
	    "</article></body></html>",
	    "Jill Beispiel, Gail Muster", "two names stay as the page lists them");
}

/* A degree after the name, as scholarly and medical pages write it. */
static void
test_suffix(void)
{
	AUTHOR_IS("<html><head><meta name=\"dc.Creator\" content=\"Ann Beispiel\">"
	    "<meta name=\"dc.Creator\" content=\"Carl Muster\"></head><body><article>"
	    "<h1>Insurance and health</h1><ul class=\"authors\"><li><span>Ann Beispiel, PhD</span>"
	    "</li><li><span>Carl Muster, MD</span></li></ul>" PROSE("DEGREE")
	    "</article></body></html>",
	    "Ann Beispiel, PhD; Carl Muster, MD", "the meta tags' names as the page shows them");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"John Beispiel, Jr., Staff Writer\">"
	    "</head><body><article><h1>Markets fall</h1>" PROSE("JUNIOR")
	    "</article></body></html>",
	    "John Beispiel, Jr.", "a generation mark stays, the role after it goes");
}

/* What templates write right after the name in the byline element. */
static void
test_byline_tail(void)
{
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"author\">"
	    "Nadja Beispiel<span>13.12.2022</span></div>" PROSE("GLUED")
	    "</article></body></html>",
	    "Nadja Beispiel", "a date the markup glued to the name");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"author\">"
	    "Christoph Beispiel Chefredakteur</div>" PROSE("CHEF")
	    "</article></body></html>",
	    "Christoph Beispiel", "a role compound after the full name");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"author\">"
	    "Alex Beispiel Last updated: 3 May</div>" PROSE("LAST")
	    "</article></body></html>",
	    "Alex Beispiel", "the update line after the name");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"author\">"
	    "c1ph4 // ~ Lesezeit</div>" PROSE("SLASHES")
	    "</article></body></html>",
	    "c1ph4", "a run of symbols ends the name");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"post-meta\">"
	    "06.05.2021 von Max Beispiel in News</div>" PROSE("CATEGORY")
	    "</article></body></html>",
	    "Max Beispiel", "the post's category after the name");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"authors\">"
	    "<a href=\"/a/a\">Ann Beispiel</a><a href=\"/a/s\">Sam Muster</a></div>"
	    PROSE("LINKLIST") "</article></body></html>",
	    "Ann Beispiel; Sam Muster", "names linked one after another, the commas a style's");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"author\">"
	    "<a href=\"/a/a\">Ann Beispiel</a><a class=\"follow\" href=\"/f\">Follow</a>"
	    "</div>" PROSE("FOLLOWLINK") "</article></body></html>",
	    "Ann Beispiel", "a follow button's link after the name");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"author\">"
	    "<a href=\"/a/a\">Ann Beispiel</a> <a href=\"/a/a/t\">Twitter</a></div>"
	    PROSE("SOCIALLINK") "</article></body></html>",
	    "Ann Beispiel", "a profile's social link after the name");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><p class=\"byline\">Staff "
	    "Report</p>" PROSE("STAFFREPORT") "</article></body></html>",
	    NULL, "a staff report names nobody");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><ul><li>by "
	    "\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E \xEF\xBC\x8F 2016.12.01</li></ul>"
	    PROSE("FULLWIDTH") "</article></body></html>",
	    "\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E",
	    "a full-width slash between name and date");
	AUTHOR_IS("<html><body><article><h1>Harbour reopens</h1><div class=\"author\">"
	    "\xC3\x9C""ber den Autor</div>" PROSE("ABOUT")
	    "</article></body></html>",
	    NULL, "an about-the-author heading names nobody");
}

/* A menu's "By ..." filter links above the article. */
static void
test_menu(void)
{
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Louis Beispiel\"></head><body>"
	    "<nav class=\"menu\"><ul><li><a href=\"/all/\">All</a></li><li><a href=\"/subjects/\">"
	    "By subject</a></li></ul></nav><article><h1>Tariffs and jobs</h1>" PROSE("MENU")
	    "</article></body></html>",
	    "Louis Beispiel", "a menu's filter is no byline");
}

/* The source line that closes a report, when nothing names a writer. */
static void
test_source_line(void)
{
	AUTHOR_IS("<html><body><article><h1>Bridge closed</h1>" PROSE("SOURCE")
	    "<p><em>Quelle: BEISPIEL RADIO/ls</em></p></article></body></html>",
	    "BEISPIEL RADIO/ls", "the newsroom the source line credits");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Ina Beispiel\"></head><body>"
	    "<article><h1>Bridge closed</h1>" PROSE("SOURCEMETA")
	    "<p>Quelle: Beispiel AG</p></article></body></html>",
	    "Ina Beispiel", "a writer named in the markup comes first");
	AUTHOR_IS("<html><body><article><h1>Bridge closed</h1>" PROSE("SOURCEFIG")
	    "<figure><img src=\"/b.jpg\"><figcaption class=\"wp-caption-text\">Quelle: Beispiel"
	    "</figcaption></figure></article></body></html>",
	    NULL, "a picture's source is no writer");
}

/* Avatars that show each writer's initials before the name. */
static void
test_initials(void)
{
	AUTHOR_IS("<html><body><article><div class=\"autor\">\n<div class=\"item\">\n<div>LB</div>\n"
	    "<div class=\"name\">Luana Beispiel</div>\n</div>\n<div class=\"item\">\n<div>RM</div>\n"
	    "<div class=\"name\">Raphael Muster</div>\n</div>\n</div><h1>Court rules</h1>"
	    PROSE("AVATAR") "</article></body></html>",
	    "Luana Beispiel; Raphael Muster", "the initials go, each name stays");
}

/* JSON-LD names a person the page never shows; the author element shows another. */
static void
test_unshown_jsonld(void)
{
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Cms Person\"}}</script></head><body>"
	    "<article><h1>Water prices rise</h1><div class=\"author\">Ana Beispiel</div>"
	    PROSE("UNSHOWN") "</article></body></html>",
	    "Ana Beispiel", "the name the author element shows");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Cms Person\"}}</script></head><body>"
	    "<article><h1>Water prices rise</h1><div class=\"author-info\">Alles \xC3\xBC""ber Wasser"
	    "</div>" PROSE("TAGLINE") "</article></body></html>",
	    "Cms Person", "a tagline in an author class is no name");
	AUTHOR_IS("<html><body><article><h1>Water prices rise</h1><div class=\"author\">"
	    "Ana Beispiel / Jorge Muster</div>" PROSE("SLASH") "</article></body></html>",
	    "Ana Beispiel / Jorge Muster", "names set apart by a slash, as written");
	AUTHOR_IS("<html><body><article><h1>Water prices rise</h1><div class=\"author\">"
	    "Ana Beispiel / 12.01.2016</div>" PROSE("SLASHDATE") "</article></body></html>",
	    "Ana Beispiel", "a date after the slash is no name");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Cms Person\"}}</script></head><body>"
	    "<article><h1>Water prices rise</h1><div class=\"author\">A. BEISPIEL / J. I. DA MUSTER"
	    "</div>" PROSE("UNSHOWN2") "</article></body></html>",
	    "A. BEISPIEL / J. I. DA MUSTER", "each name of the shown list is a person's");
}

/* Author tags other CMSs and plugins write in the head. */
static void
test_meta_keys(void)
{
	AUTHOR_IS("<html><head><meta name=\"shareaholic:article_author_name\" "
	    "content=\"Ana Beispiel\"></head><body><div>" PROSE("SHAREAHOLIC")
	    "</div></body></html>",
	    "Ana Beispiel", "Shareaholic's author name");
	AUTHOR_IS("<html><head><meta name=\"DCSext.author\" content=\"Jorge Muster\">"
	    "</head><body><div>" PROSE("WEBTRENDS") "</div></body></html>",
	    "Jorge Muster", "WebTrends' author");
	AUTHOR_IS("<html><head><meta name=\"bepress_citation_author\" "
	    "content=\"Luana Beispiel\"><meta name=\"bepress_citation_author\" "
	    "content=\"Raphael Muster\"></head><body><div>" PROSE("BEPRESS")
	    "</div></body></html>",
	    "Luana Beispiel; Raphael Muster", "a repository's authors, each tag a name");
}

/* A personal site or blog names no writer: the person it is named after. */
static void
test_site_owner(void)
{
	AUTHOR_IS("<html><head><title>Time and work \xE2\x80\x93 Dr. Ana Beispiel</title>"
	    "<meta property=\"og:site_name\" content=\"Dr. Ana Beispiel\">"
	    "<link rel=\"canonical\" href=\"https://www.ana-beispiel.example/work/time/\">"
	    "</head><body><div class=\"site-title\">Dr. Ana Beispiel</div><article>"
	    "<h1>Time and work</h1>" PROSE("OWNER") "</article></body></html>",
	    "Ana Beispiel", "the titled person the site and its host are named after");
	AUTHOR_IS("<html><head><title>Old words \xE2\x80\x93 Wortpunkt</title>"
	    "<meta property=\"og:site_name\" content=\"Wortpunkt\">"
	    "<link rel=\"canonical\" href=\"https://jorgemuster.wordpress.com/2019/11/14/old/\">"
	    "</head><body><header><span class=\"site-title\">Wortpunkt</span> "
	    "<span class=\"site-description\">Jorge Muster</span></header><article>"
	    "<h1>Old words</h1>" PROSE("BLOGOWNER") "</article></body></html>",
	    "Jorge Muster", "the name in a blog's header that its subdomain spells");
	AUTHOR_IS("<html><head><title>Race results \xE2\x80\x93 Biathlon Beispiel</title>"
	    "<meta property=\"og:site_name\" content=\"Biathlon Beispiel\">"
	    "<link rel=\"canonical\" href=\"https://www.biathlon-beispiel.example/results/\">"
	    "</head><body><article><h1>Race results</h1>" PROSE("BRAND")
	    "</article></body></html>",
	    NULL, "two capitalised words on a site of its own may be a brand");
	AUTHOR_IS("<html><head><title>Old words \xE2\x80\x93 Wortpunkt</title>"
	    "<link rel=\"canonical\" href=\"https://wortpunkt.wordpress.com/2019/11/14/old/\">"
	    "</head><body><header><span class=\"site-description\">Jorge Muster</span>"
	    "</header><article><h1>Old words</h1>" PROSE("BLOGOTHER")
	    "</article></body></html>",
	    NULL, "a name the blog's subdomain does not spell");
}

/* Byline classes in French and Dutch. */
static void
test_auteur(void)
{
	AUTHOR_IS("<html><body><article><h1>Le conseil vote</h1><p class=\"info\">"
	    "<span class=\"auteur\">Ana Beispiel</span></p>" PROSE("AUTEUR")
	    "</article></body></html>",
	    "Ana Beispiel", "a span of class auteur");
	AUTHOR_IS("<html><head><style>.nom-auteur{text-transform:uppercase}</style></head>"
	    "<body><article><h1>Le conseil vote</h1><p class=\"info\">"
	    "<span class=\"nom-auteur\">Ana Beispiel</span></p>" PROSE("AUTEURCAPS")
	    "</article></body></html>",
	    "ANA BEISPIEL", "an auteur class the style sheet capitalises");
}

/* JSON-LD graphs: an author given by reference is the node it names. */
static void
test_graph_refs(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("MDRELATED")
	    "</article><div class=\"related\"><div itemscope itemtype=\"https://schema.org/"
	    "NewsArticle\"><a href=\"/x\">Ferry fares rise again</a><meta itemprop=\"author\" "
	    "content=\"Sam Other\"></div></div></body></html>",
	    NULL, "a teaser's microdata names another story's writer");
	AUTHOR_IS("<html><head><meta property=\"og:title\" content=\"Mayor elected\">"
	    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Article\","
	    "\"headline\":\"Ferry fares rise again\",\"author\":{\"@type\":\"Person\","
	    "\"name\":\"Sam Other\"}},{\"@type\":\"Article\",\"headline\":\"Mayor elected\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Ann Beispiel\"}}]}</script>"
	    "</head><body><article><h1>Mayor elected</h1>" PROSE("GRAPHTWO")
	    "</article></body></html>",
	    "Ann Beispiel", "of two articles in a graph, the one og:title names");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">/*<![CDATA[*/{\"@type\":"
	    "\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Beispiel\"}}"
	    "/*]]>*/</script></head><body><article><h1>Mayor elected</h1>" PROSE("CDATAWRAP")
	    "</article></body></html>",
	    "Ann Beispiel", "JSON-LD inside a commented CDATA wrapper");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"BlogPosting\",\"headline\":\"Mayor elected\",\"creator\":{\"@type\":"
	    "\"Person\",\"name\":\"Ines Example\"}}</script></head><body><article>"
	    "<h1>Mayor elected</h1>" PROSE("CREATOR") "</article></body></html>",
	    "Ines Example", "the creator when no author is stated");
	AUTHOR_IS("<html><head><meta name=\"citation_author\" content=\"Example, Ines\">"
	    "<meta name=\"citation_author\" content=\"van der Muster, Sam\"></head><body>"
	    "<article><h1>Mayor elected</h1>" PROSE("CITATION") "</article></body></html>",
	    "Ines Example; Sam van der Muster", "citation tags write the surname first");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Ana Beispiel\">"
	    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Organization\","
	    "\"@id\":\"https://acme.example/#org\",\"name\":\"Acme Widgets Ltd\"},"
	    "{\"@type\":\"Article\",\"headline\":\"Widgets sell\",\"author\":"
	    "{\"@id\":\"https://acme.example/#org\"}}]}</script></head><body><article>"
	    "<h1>Widgets sell</h1>" PROSE("GRAPHORG") "</article></body></html>",
	    "Ana Beispiel", "a reference to the publisher's Organization names no person");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@graph\":["
	    "{\"@type\":\"Article\",\"headline\":\"Widgets sell\",\"author\":"
	    "{\"@id\":\"https://acme.example/#org\"}},{\"@type\":\"Organization\","
	    "\"@id\":\"https://acme.example/#org\",\"name\":\"Acme Widgets Ltd\"}]}"
	    "</script></head><body><article><h1>Widgets sell</h1>" PROSE("GRAPHORGONLY")
	    "</article></body></html>",
	    "Acme Widgets Ltd", "the referenced Organization when nothing names a person");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Web Agency\">"
	    "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":"
	    "\"Widgets sell\",\"author\":{\"@type\":[\"Person\",\"Organization\"],"
	    "\"name\":\"Jorge Muster\"}}</script></head><body><article><h1>Widgets sell</h1>" PROSE("PERSONORG")
	    "</article></body></html>",
	    "Jorge Muster", "a node typed Person and Organization is a person");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@graph\":["
	    "{\"@type\":\"Article\",\"headline\":\"Widgets sell\",\"author\":"
	    "{\"@id\":\"https://acme.example/#jm\"}},{\"@id\":\"https://acme.example/#jm\","
	    "\"name\":\"Jorge Muster\"}]}</script></head><body><article><h1>Widgets sell</h1>"
	    PROSE("GRAPHUNTYPED") "</article></body></html>",
	    "Jorge Muster", "a referenced node without @type that has a name");
}

/* An author element's lines: the name is one line, not what follows it. */
static void
test_box_lines(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author-box\">"
	    "<h4>Ann Beispiel</h4><p>Ann covers the city council and writes about "
	    "local transport for the paper.</p></div>" PROSE("BOXBIO")
	    "</article></body></html>",
	    "Ann Beispiel", "an author box's bio line after the name goes");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author\">"
	    "<div class=\"name\"><strong>samwrites</strong><p>Building search tools</p>"
	    "</div></div>" PROSE("BOXTAG") "</article></body></html>",
	    "samwrites", "a tagline under a handle goes");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"byline\">"
	    "<span>By</span><br><a href=\"/a/s\">Sam Writer</a></div>" PROSE("BOXLABEL")
	    "</article></body></html>",
	    "Sam Writer", "a label's line leads to the name on the next");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"byline\">"
	    "<div>Posted on 6 September 2020 by</div><div>Sam Writer</div></div>"
	    PROSE("BOXPOSTED") "</article></body></html>",
	    "Sam Writer", "a dateline ending in by leads to the name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("BOXSOURCE")
	    "<div class=\"author-info\"><p>Quelle:</p><p>Fachinformation von Muster "
	    "GmbH</p></div></article></body></html>",
	    NULL, "a source label's box names no writer");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author-info\">"
	    "<a href=\"/in/ann\">Ann Beispiel</a><a class=\"btn\" href=\"/f\">Follow</a>"
	    "</div>" PROSE("GLUEDBTN") "</article></body></html>",
	    "Ann Beispiel", "a button's word glued to the name goes");
	/* the same boxes pretty-printed: white space keeps a line's end */
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author\">\n"
	    "  <div class=\"name\"><strong>samwrites</strong><br>\n  Building search tools\n"
	    "  </div>\n</div>" PROSE("BOXTAGWS") "</article></body></html>",
	    "samwrites", "a tagline under a handle goes, with white space around <br>");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author-box\">"
	    "<b>Ann Beispiel</b><br> Ann Beispiel covers local transport for the paper "
	    "and writes about the council.</div>" PROSE("BOXBIOWS") "</article></body></html>",
	    "Ann Beispiel", "a bio after <br> and a space goes");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("BOXSOURCEWS")
	    "<div class=\"author-info\">\n  <p>Quelle:</p>\n  Fachinformation von Muster "
	    "GmbH\n</div></article></body></html>",
	    NULL, "a source label's box names no writer, pretty-printed");
}

/* A class that names a picture before the author word credits the photo. */
static void
test_picture_class(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"media\">"
	    "<img src=\"/m.jpg\"><span class=\"img-author\">Ana Beispiel</span></div>"
	    PROSE("IMGAUTHOR") "</article></body></html>",
	    NULL, "an img-author span credits the picture");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"photo-byline\">"
	    "Ana Beispiel</div><div class=\"byline\">Sam Writer</div>" PROSE("PHOTOBYLINE")
	    "</article></body></html>",
	    "Sam Writer", "the writer's byline, not the photo's");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author-photo\">"
	    "<img src=\"/a.jpg\" alt=\"\"><span>Sam Writer</span></div>" PROSE("AVATARBOX")
	    "</article></body></html>",
	    "Sam Writer", "an author-photo box is the writer's avatar");
}

/* An organisation in the author field gives way to a person the byline names. */
static void
test_org_field(void)
{
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Mayor elected\",\"author\":{\"@type\":\"Person\",\"name\":"
	    "\"Muster Verlag GmbH\"}}</script></head><body><article><h1>Mayor elected</h1>"
	    "<p class=\"byline\">Von Jana Beispiel</p>" PROSE("ORGFIELD")
	    "</article><footer><p>Muster Verlag GmbH</p></footer></body></html>",
	    "Jana Beispiel", "a firm in the author field, a person in the byline");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Muster Medien GmbH\">"
	    "</head><body><article><h1>Mayor elected</h1>" PROSE("ORGONLY")
	    "</article></body></html>",
	    "Muster Medien GmbH", "the firm when no person is named");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Jan Staff\">"
	    "</head><body><article><h1>Mayor elected</h1><p class=\"byline\">Jan Staff</p>"
	    "<aside class=\"sidebar\"><span class=\"author\">Ola Muster</span></aside>"
	    PROSE("SURNAME") "</article></body></html>",
	    "Jan Staff", "a surname that is also a word for a newsroom");
}

/* Co-authors listed with commas, the markup's spacing aside. */
static void
test_comma_list(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"article-meta\"> By "
	    "<a href=\"/s/a\">Ana Beispiel</a> , <a href=\"/s/b\">Uwe Muster</a> <span>on "
	    "Monday, November 18th, 2019</span></p>" PROSE("SPACECOMMA")
	    "</article></body></html>",
	    "Ana Beispiel, Uwe Muster", "a space before the comma and a dateline after the names");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">Von Ana "
	    "Beispiel, Uwe Muster am 3. Mai 2021</p>" PROSE("NAMESAM")
	    "</article></body></html>",
	    "Ana Beispiel, Uwe Muster", "the dateline's word ends the second name");
}

/* The labels CMS templates print before the name, and a label whose
 * element runs into the name's. */
static void
test_cms_labels(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>Submitted by Ines Example "
	    "on 3 March 2021</p>" PROSE("SUBMITTED") "</article></body></html>",
	    "Ines Example", "Drupal's \"Submitted by ... on\" line");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("VERFASST")
	    "<p>Verfasst von Ines Example</p></article></body></html>",
	    "Ines Example", "a German label closing the article");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author\">"
	    "<span>Geschrieben von</span><a href=\"/a/i\">Ines Example</a></div>"
	    PROSE("GLUED") "</article></body></html>",
	    "Ines Example", "a label's element glued to the name's");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("GLUEDVON")
	    "<div class=\"author\"><span>Von</span><a href=\"/a/i\">Ines Example</a></div>"
	    "</article></body></html>",
	    "Ines Example", "a one-word label glued to the name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><span class=\"author\">"
	    "DiAnne Moore</span>" PROSE("DIANNE") "</article></body></html>",
	    "DiAnne Moore", "an inner capital after Di is the name's");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("WRITER")
	    "<address class=\"c-article-writer\">Ines Example</address>"
	    "</article></body></html>",
	    "Ines Example", "a writer class under the article");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author\">"
	    "Ines Example<span class=\"role\">Reporter</span></div>" PROSE("GLUEDROLE")
	    "</article></body></html>",
	    "Ines Example", "a role's element glued after the name");
	AUTHOR_IS("<html><body><div class=\"post hentry\"><h3 class=\"post-title\">Mayor "
	    "elected</h3><div class=\"post-body\">" PROSE("BLOGGERDE") "</div><div "
	    "class=\"post-footer\"><span class=\"post-author vcard\">Eingestellt von <span "
	    "class=\"fn\">Ines Example</span></span> um 10:00</div></div></body></html>",
	    "Ines Example", "Blogger's German label");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">Geplaatst "
	    "door Ines Example op 4 maart 2021</p>" PROSE("GEPLAATST") "</article></body></html>",
	    "Ines Example", "a Dutch label, and the date's op");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"meta\">"
	    "Ver\xC3\xB6""ffentlicht von der Stadtverwaltung am 4. M\xC3\xA4rz 2021</p>"
	    PROSE("OFFICE") "</article></body></html>",
	    NULL, "an office after an article is no name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">Von Ines "
	    "Example, Sam Muster und Eva Beispiel</p>" PROSE("THREE") "</article></body></html>",
	    "Ines Example, Sam Muster und Eva Beispiel", "three names, the last after und");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By Ines "
	    "Example, Sam Muster, and Eva Beispiel</p>" PROSE("OXFORD") "</article></body></html>",
	    "Ines Example, Sam Muster, and Eva Beispiel", "three names, a comma before and");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By Ines "
	    "Example and the Daily Staff</p>" PROSE("ANDTHE") "</article></body></html>",
	    "Ines Example", "a body after and is no second name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>Text &amp; Fotos: Ines "
	    "Example</p>" PROSE("TEXTFOTOS") "</article></body></html>",
	    "Ines Example", "the text credited with the pictures");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>Autoren: Ines Example und "
	    "Sam Muster</p>" PROSE("AUTOREN") "</article></body></html>",
	    "Ines Example und Sam Muster", "a plural label");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">Von Ines "
	    "Example aus Berlin</p>" PROSE("AUS") "</article></body></html>",
	    "Ines Example", "the place after aus is no name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By Ines "
	    "Example Special to the Daily</p>" PROSE("SPECIAL") "</article></body></html>",
	    "Ines Example", "a paper's credit after the name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By Ines "
	    "Example for the Daily</p>" PROSE("FOR") "</article></body></html>",
	    "Ines Example", "the paper the writer wrote for");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>Guest post by Ines "
	    "Example</p>" PROSE("GUEST") "</article></body></html>",
	    "Ines Example", "a guest post's label");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By Sam "
	    "Muster Jr.</p>" PROSE("JR") "</article></body></html>",
	    "Sam Muster Jr.", "a suffix keeps its dot");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">Von Ines "
	    "E.</p>" PROSE("INITIAL") "</article></body></html>",
	    "Ines E.", "an initial keeps its dot");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By Ines "
	    "Example</p>" PROSE("WIDGETPOST") "</article><div class=\"widget\"><h3>Recent "
	    "comments</h3><ul id=\"recentcomments\"><li class=\"recentcomments\"><span "
	    "class=\"comment-author-link\">Jane Reader</span> on <a href=\"/p/2\">Another "
	    "post</a></li></ul></div></body></html>",
	    "Ines Example", "the writer before a recent comments widget");
	META_FIELD_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("WIDGETONLY")
	    "</article><div class=\"widget\"><h3>Recent comments</h3><ul id=\"recentcomments\">"
	    "<li class=\"recentcomments\"><span class=\"comment-author-link\">Jane Reader</span>"
	    " on <a href=\"/p/2\">Another post</a></li></ul></div></body></html>",
	    author, NULL, "a reader in a recent comments widget is no author");
}

/* An author box's heading leads to the name; alone it names nobody. */
static void
test_about_box(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author-box\">"
	    "<h4>\xC3\x9C""ber die Autorin</h4><p><b>Anna Beispiel</b> schreibt seit 2010 "
	    "\xC3\xBC""ber Politik.</p></div>" PROSE("ABOUTDE") "</article></body></html>",
	    "Anna Beispiel", "the name after an author box's German heading");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("ABOUTIST")
	    "<div class=\"author-box\"><h4>\xC3\x9C""ber die Autorin</h4><p>Anna Beispiel "
	    "ist Redakteurin im Lokalteil.</p></div></article></body></html>",
	    "Anna Beispiel", "the bio's verb before her role is no part of the name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"author\">Anna "
	    "Beispiel ist Redakteurin</p>" PROSE("ISTROLE") "</article></body></html>",
	    "Anna Beispiel", "nor in an author element");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"author\">Anna "
	    "von Beispiel Redakteurin</p>" PROSE("VONROLE") "</article></body></html>",
	    "Anna von Beispiel", "a particle before the role stays");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("ABOUTEN")
	    "<div class=\"author\"><h4>About the author</h4><p>Ann Beispiel</p></div>"
	    "</article></body></html>",
	    "Ann Beispiel", "the name after an author box's English heading");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author\">"
	    "\xC3\x9C""ber den Autor</div>" PROSE("ABOUTONLY") "</article></body></html>",
	    NULL, "an author box's heading alone is no name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"author\">"
	    "\xC3\x80 propos de l\xE2\x80\x99""auteur</div>" PROSE("ABOUTFR")
	    "</article></body></html>",
	    NULL, "a French author box's heading alone is no name");
}

/* Structured data for machines only: microdata's hidden name, a name object. */
static void
test_machine_names(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div itemprop=\"author\" "
	    "itemscope itemtype=\"https://schema.org/Person\"><meta itemprop=\"name\" "
	    "content=\"Ines Example\"></div>" PROSE("MDMETA") "</article></body></html>",
	    "Ines Example", "a microdata Person's name in a meta element");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("MDORG")
	    "<div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Organization\">"
	    "<meta itemprop=\"name\" content=\"Example Editorial\"></div>"
	    "</article></body></html>",
	    NULL, "a microdata Organization's hidden name is the publisher's");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"Mayor elected\",\"author\":[{\"@type\":"
	    "\"Person\",\"name\":{\"givenName\":\"Ines\",\"familyName\":\"Example\"}},"
	    "{\"@type\":\"Person\",\"name\":\"Sam Muster\"}]}</script></head><body><article>"
	    "<h1>Mayor elected</h1>" PROSE("NAMEOBJ") "</article></body></html>",
	    "Ines Example; Sam Muster", "a Person whose name is given and family names");
}

/* An e-mail address or a handle after the name ends it; the name stays. */
static void
test_contact_after_name(void)
{
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Jane Miller, jane@example.com\">"
	    "</head><body><article><h1>Roads plan</h1>" PROSE("MAILMETA") "</article></body></html>",
	    "Jane Miller", "a meta author's e-mail address after the name goes");
	AUTHOR_IS("<html><head><meta name=\"author\" content=\"Jane Miller (@janemiller)\">"
	    "</head><body><article><h1>Roads plan</h1>" PROSE("HANDLEMETA") "</article></body></html>",
	    "Jane Miller", "a meta author's handle after the name goes");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Roads plan\",\"author\":{\"@type\":\"Person\",\"name\":"
	    "\"Jane Miller | jane@example.com\"}}</script></head><body><article><h1>Roads plan</h1>"
	    PROSE("MAILJSON") "</article></body></html>",
	    "Jane Miller", "a JSON-LD person's e-mail address after the name goes");
}

/* The same writer listed twice is one; an author box's "About" goes. */
static void
test_dup_and_about(void)
{
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Roads plan\",\"author\":[{\"@type\":\"Person\",\"name\":"
	    "\"Jane Miller\"},{\"@type\":\"Person\",\"name\":\"Jane Miller\"}]}</script>"
	    "</head><body><article><h1>Roads plan</h1>" PROSE("DUPJSON") "</article></body></html>",
	    "Jane Miller", "a person listed twice in JSON-LD is named once");
	AUTHOR_IS("<html><body><article><h1>Roads plan</h1>" PROSE("ABOUTBOX")
	    "<div class=\"author-box\"><h4>About Jane Miller</h4><p>Jane writes about cities "
	    "and transport for the paper.</p></div></article></body></html>",
	    "Jane Miller", "an author box's heading 'About Jane Miller' names Jane Miller");
	AUTHOR_IS("<html><body><article><h1>Stra\xC3\x9F""enplan</h1>" PROSE("UEBERBOX")
	    "<div class=\"author-box\"><h4>\xC3\x9C""ber Jana M\xC3\xBC""ller</h4><p>Jana "
	    "schreibt \xC3\xBC""ber Verkehr.</p></div></article></body></html>",
	    "Jana M\xC3\xBC""ller", "'\xC3\x9C""ber Jana M\xC3\xBC""ller' names her");
}

/* trafilatura's byline classes, RDFa and tokens of itemprop. */
static void
test_conventions(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><span class=\"posted-by\">"
	    "Ann Beispiel</span>" PROSE("POSTEDBY") "</article></body></html>",
	    "Ann Beispiel", "a posted-by class");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><span class=\"screenname\">"
	    "Ann Beispiel</span>" PROSE("SCREENNAME") "</article></body></html>",
	    "Ann Beispiel", "a screenname class");
	AUTHOR_IS("<html><body><div class=\"node\"><h1>Mayor elected</h1><div class="
	    "\"meta\"><span rel=\"sioc:has_creator\"><span typeof=\"sioc:UserAccount\" "
	    "property=\"foaf:name\">Ann Beispiel</span></span></div>" PROSE("FOAF")
	    "</div></body></html>",
	    "Ann Beispiel", "Drupal's foaf:name inside sioc:has_creator");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"node__meta\">"
	    "<span class=\"field field--name-uid field--type-entity-reference\"><span>"
	    "Ann Beispiel</span></span></div>" PROSE("DRUPALUID") "</article></body></html>",
	    "Ann Beispiel", "Drupal's field--name-uid without a label");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"node__meta\">"
	    "<span class=\"field field--name-uid field--type-entity-reference\"><span>"
	    "webmaster</span></span></div>" PROSE("DRUPALWEB") "</article></body></html>",
	    NULL, "a site's service account is no writer");
	AUTHOR_IS("<html><body><article vocab=\"https://schema.org/\" typeof=\"Article\">"
	    "<h1>Mayor elected</h1><p><span property=\"author\">Ann Beispiel</span></p>"
	    PROSE("RDFALITE") "</article></body></html>",
	    "Ann Beispiel", "RDFa Lite's author");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p><a rel=\"schema:author\" "
	    "href=\"/a/ann\">Ann Beispiel</a></p>" PROSE("RELSCHEMA") "</article></body></html>",
	    "Ann Beispiel", "a schema:author link relation");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p><span itemprop=\"author "
	    "creator\">Ann Beispiel</span></p>" PROSE("TOKENS") "</article></body></html>",
	    "Ann Beispiel", "an itemprop listing author and creator");
	AUTHOR_IS("<html><head><meta name=\"twitter:label1\" content=\"Skrevet af\">"
	    "<meta name=\"twitter:data1\" content=\"Ann Beispiel\"></head><body><div>"
	    PROSE("LABELDA") "</div></body></html>",
	    "Ann Beispiel", "the Danish label of the link preview");
	AUTHOR_IS("<html><head><meta name=\"twitter:label1\" content=\"\xC3\x89" "crit par\">"
	    "<meta name=\"twitter:data1\" content=\"Ann Beispiel\"></head><body><div>"
	    PROSE("LABELFR") "</div></body></html>",
	    "Ann Beispiel", "the French label with its capital");
	/* an article object that names nobody: the web page's author */
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"Mayor elected\"},{\"@type\":\"WebPage\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Ann Beispiel\"}}]}</script></head>"
	    "<body><div>" PROSE("PAGEAUTHOR") "</div></body></html>",
	    "Ann Beispiel", "the WebPage's author when the article names nobody");
}

/* A link to the writer's page whose path spells the linked name. */
static void
test_author_link(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"meta\"><a href="
	    "\"/author/sam-writer/\">Sam Writer</a> \xC2\xB7 4 March 2021</div>" PROSE("SLUG")
	    "</article></body></html>",
	    "Sam Writer", "an /author/ link whose path spells the name");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"meta\"><a href="
	    "\"https://example.org/autoren/juergen-mueller\">J\xC3\xBCrgen M\xC3\xBCller</a>"
	    "</div>" PROSE("SLUGUML") "</article></body></html>",
	    "J\xC3\xBCrgen M\xC3\xBCller", "a letter outside ASCII spelt out in the path");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("SLUGMORE")
	    "<p><a href=\"/author/sam-writer/\">More From This Author</a></p>"
	    "</article></body></html>",
	    NULL, "a link whose text is no name the path gives");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1>" PROSE("SLUGTEASER")
	    "</article><aside class=\"related\"><h3>More news</h3><p><a href=\"/news/x\">"
	    "Harbour works begin</a> <a href=\"/author/ann-other/\">Ann Other</a></p></aside>"
	    "</body></html>",
	    NULL, "not another story's writer in a teaser box");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p>As our colleague <a href="
	    "\"/author/ann-other/\">Ann Other</a> reported last week, the harbour plan has "
	    "been delayed again by the council, which wants more time.</p>" PROSE("SLUGPROSE")
	    "</article></body></html>",
	    NULL, "not a colleague the text links to");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><figure><img src=\"m.jpg\">"
	    "<figcaption>Photo: <a href=\"/author/ann-other/\">Ann Other</a></figcaption>"
	    "</figure>" PROSE("SLUGPHOTO") "</article></body></html>",
	    NULL, "not a photographer's credit");
	AUTHOR_IS("<html><body><header><ul><li><a href=\"/author/ann-other/\">Ann Other</a>"
	    "</li><li><a href=\"/author/sam-writer/\">Sam Writer</a></li></ul></header>"
	    "<article><h1>Mayor elected</h1>" PROSE("SLUGHEAD") "</article></body></html>",
	    NULL, "not the site's writers listed in its header");
	AUTHOR_IS("<html><body><main><h1>Our team</h1>" PROSE("SLUGTEAM") "<ul><li><a href="
	    "\"/author/ann-other/\">Ann Other</a></li><li><a href=\"/author/sam-writer/\">"
	    "Sam Writer</a></li><li><a href=\"/author/jo-example/\">Jo Example</a></li></ul>"
	    "</main></body></html>",
	    NULL, "not one of a list of writers");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><div class=\"meta\"><a href="
	    "\"/author/sam-writer/\">Sam Writer</a></div><div class=\"meta\"><a href="
	    "\"/author/ann-other/\">Ann Other</a></div>" PROSE("SLUGTWO")
	    "<p><a href=\"/author/sam-writer/\">Sam Writer</a></p></article></body></html>",
	    "Sam Writer", "two writers' links are no list");
}

/* A dateline that names the writer after the date, in more languages. */
static void
test_date_then_name(void)
{
	AUTHOR_IS("<html lang=\"fr\"><body><article><h1>Le maire</h1><p class=\"meta\">"
	    "Publi\xC3\xA9 le 4 mars 2021 par Jeanne Exemple</p>" PROSE("PUBLIEPAR")
	    "</article></body></html>",
	    "Jeanne Exemple", "French: publi\xC3\xA9 le ... par");
	AUTHOR_IS("<html lang=\"es\"><body><article><h1>El alcalde</h1><p class=\"meta\">"
	    "Publicado el 4 de marzo de 2021 por Juana Ejemplo</p>" PROSE("PUBLICADOPOR")
	    "</article></body></html>",
	    "Juana Ejemplo", "Spanish: publicado el ... por");
	AUTHOR_IS("<html lang=\"fr\"><body><article><h1>Le maire</h1><p class=\"meta\">"
	    "Le 4 mars 2021, trois fois par jour</p>" PROSE("PARJOUR")
	    "</article></body></html>",
	    NULL, "par before no name");
}

/* The paper's own staff, named after a possessive and a role. */
static void
test_own_staff(void)
{
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">Von "
	    "unserem Redakteur Max Beispiel</p>" PROSE("UNSEREM") "</article></body></html>",
	    "Max Beispiel", "German: von unserem Redakteur");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">Von "
	    "unserer Sport-Korrespondentin Anna Beispiel</p>" PROSE("UNSERER")
	    "</article></body></html>",
	    "Anna Beispiel", "a compound role");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By our "
	    "correspondent Sam Writer</p>" PROSE("OURCORR") "</article></body></html>",
	    "Sam Writer", "English: by our correspondent");
	AUTHOR_IS("<html><body><article><h1>Le maire</h1><p class=\"byline\">De notre "
	    "envoy\xC3\xA9""e sp\xC3\xA9""ciale Jeanne Exemple</p>" PROSE("ENVOYEE")
	    "</article></body></html>",
	    "Jeanne Exemple", "French: de notre envoy\xC3\xA9""e sp\xC3\xA9""ciale");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By our "
	    "correspondent</p>" PROSE("OURNONE") "</article></body></html>",
	    NULL, "no name after the role");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By Our "
	    "Staff Reporter Sam Writer</p>" PROSE("OURSTAFF") "</article></body></html>",
	    "Sam Writer", "two role words: staff reporter");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">By our "
	    "special correspondent Sam Writer</p>" PROSE("OURSPECIAL") "</article></body></html>",
	    "Sam Writer", "English: special correspondent");
	AUTHOR_IS("<html><body><article><h1>Mayor elected</h1><p class=\"byline\">Von "
	    "unserer Korrespondentin Anna Beispiel in Berlin</p>" PROSE("UNSERERIN")
	    "</article></body></html>",
	    "Anna Beispiel", "a place after the name");
	AUTHOR_IS("<html><body><article><h1>Le maire</h1><p class=\"byline\">Par notre "
	    "correspondant \xC3\xA0 Berlin Jean Exemple</p>" PROSE("NOTREA")
	    "</article></body></html>",
	    NULL, "a place after the role is no part of a name");
}

/* Character references a JSON-LD string carries, which no HTML parser
 * decodes inside a script: named and numeric ones. */
static void
test_references(void)
{
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"Mayor elected\",\"author\":{\"@type\":"
	    "\"Person\",\"name\":\"J&ouml;rg M&uuml;ller\"}}</script></head><body><div>"
	    PROSE("REFNAMED") "</div></body></html>",
	    "J\xC3\xB6rg M\xC3\xBCller", "named references in a JSON-LD name");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"Mayor elected\",\"author\":{\"@type\":"
	    "\"Person\",\"name\":\"Ren&#233;e O&#x2019;Brien\"}}</script></head><body><div>"
	    PROSE("REFNUM") "</div></body></html>",
	    "Ren\xC3\xA9" "e O\xE2\x80\x99" "Brien", "decimal and hex references");
	AUTHOR_IS("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"Mayor elected\",\"author\":{\"@type\":"
	    "\"Person\",\"name\":\"Sam O&#146;Brien\"}}</script></head><body><div>"
	    PROSE("REF1252") "</div></body></html>",
	    "Sam O\xE2\x80\x99" "Brien", "a reference to 128..159 reads as Windows-1252, as browsers read it");
	META_FIELD_IS("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"Mayor elected\",\"description\":\"Bridge &#1; "
	    "&#xD800; &#x110000; &nosuch; &eacute plan &#x2019;\"}</script></head><body><div>"
	    PROSE("REFBAD") "</div></body></html>", description,
	    "Bridge &#1; &#xD800; &#x110000; &nosuch; &eacute plan \xE2\x80\x99",
	    "a control character's, a surrogate's, an unknown or unclosed reference stays");
}

int
main(void)
{
	test_references();
	test_author_link();
	test_date_then_name();
	test_own_staff();
	test_machine_names();
	test_comma_list();
	test_org_field();
	test_picture_class();
	test_box_lines();
	test_graph_refs();
	test_auteur();
	test_site_owner();
	test_meta_keys();
	test_unshown_jsonld();
	test_initials();
	test_source_line();
	test_menu();
	test_byline_tail();
	test_suffix();
	test_desk();
	test_bio();
	test_label();
	test_body_byline();
	test_agency();
	test_site_name();
	test_name_parts();
	test_cascade();
	test_byline_words();
	test_lang_labels();
	test_kind_byline();
	test_cms_labels();
	test_about_box();
	test_contact_after_name();
	test_dup_and_about();
	test_conventions();
	return tap_done();
}
