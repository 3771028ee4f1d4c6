/*
 * Unit tests of the publication date that scmeta reads from raw HTML
 * (common/html_meta.c, the date marks of common/html_parse.c): one small
 * page per rule, each written for the test.
 */
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "fixture_article.h"
#include "html.h"
#include "fixture_meta.h"

/* Three paragraphs an article selector keeps; w marks the page. */
#define PROSE(w) ARTICLE_PROSE_HTML(w)

/* The date scmeta gives for one hand-written page (NULL for none). */
#define DATE_IS(html, want, name) META_FIELD_IS(html, date, want, name)

/* The <title> of a news page shows the day in the site's own time zone. */
static void
test_title_day(void)
{
	DATE_IS("<html><head><title>Port strike ends - Society - 11/05/2022 - The Daily"
	    "</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Port strike ends\",\"datePublished\":\"2022-05-10T23:35:55\"}"
	    "</script></head><body><article><h1>Port strike ends</h1>" PROSE("TITLEDAY")
	    "</article></body></html>",
	    "2022-05-11", "a date in <title> a day after the stated one is the local day");
	DATE_IS("<html><head><title>Port strike ends - Society - 27/02/2015 - The Daily"
	    "</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Port strike ends\",\"datePublished\":\"2015-01-28\"}"
	    "</script></head><body><article><h1>Port strike ends</h1>" PROSE("TITLEFAR")
	    "</article></body></html>",
	    "2015-01-28", "a date in <title> a month off is another day, not the local one");
	DATE_IS("<html><head><title>Letters - 26 October 2010 - Blog</title></head><body>"
	    "<article><h1>Letters</h1>" PROSE("TITLEONLY") "</article></body></html>",
	    "2010-10-26", "the date in <title> when nothing else dates the page");
	DATE_IS("<html><head><title>Letters - 26 October 2010 - Blog</title></head><body>"
	    "<article><h1>Letters</h1><p class=\"date\">27.10.2010</p>" PROSE("TITLESHOWN")
	    "</article></body></html>",
	    "2010-10-27", "a date shown by the headline before the one in <title>");
}

/* Shop platforms and script-built pages hand the page's record to scripts. */
static void
test_script_state(void)
{
	DATE_IS("<html><head><script>var shop = shop || {};\nshop.product = {\"id\":4411,"
	    "\"title\":\"Sidamo beans\",\"published_at\":\"2019-03-02T06:22:28+01:00\","
	    "\"created_at\":\"2019-03-01T16:00:00+01:00\"};</script></head><body><div>"
	    PROSE("SHOPSTATE") "</div></body></html>",
	    "2019-03-02", "a product's stamp handed to a script when nothing else dates the page");
	DATE_IS("<html><head><script>dataLayer.push({\"datePublished\":\"2018-01-01\"});"
	    "</script><script type=\"application/json\">{\"post\":{\"publishedAt\":"
	    "\"2020-06-01T10:00:00Z\"}}</script></head><body><div>" PROSE("ISLANDFIRST")
	    "</div></body></html>",
	    "2020-06-01", "a data island's stamp before one in a script of code");
	DATE_IS("<html><head><script>var post = {\"datePublished\":\"2018-01-01\"};"
	    "</script></head><body><article><h1>Night trains return</h1>"
	    "<time datetime=\"2021-05-05T08:00\"></time>" PROSE("SCRIPTLAST")
	    "</article></body></html>",
	    "2021-05-05", "a stamp in a script only when nothing else dates the page");
}

/* Meta tags of analytics suites and CMSs that htmldate reads too. */
static void
test_meta_keys(void)
{
	DATE_IS("<html><head><meta name=\"dcsext.articlefirstpublished\" "
	    "content=\"2019-04-02T09:00:00+02:00\"></head><body><div>" PROSE("WEBTRENDS")
	    "</div></body></html>",
	    "2019-04-02", "WebTrends' first-published tag");
	DATE_IS("<html><head><meta name=\"DC.date.publication\" content=\"2018-11-30\">"
	    "</head><body><div>" PROSE("DCPUB") "</div></body></html>",
	    "2018-11-30", "Dublin Core's publication date");
	DATE_IS("<html><head><meta name=\"published-date\" content=\"2017-06-21\">"
	    "</head><body><div>" PROSE("PUBDASH") "</div></body></html>",
	    "2017-06-21", "a CMS's published-date tag");
	DATE_IS("<html><head><meta property=\"article:published\" "
	    "content=\"2016-02-09T18:00:00+01:00\"></head><body><div>" PROSE("ARTPUB")
	    "</div></body></html>",
	    "2016-02-09", "article:published without _time");
	DATE_IS("<html><head><meta name=\"cXenseParse:publishtime\" "
	    "content=\"2020-08-14T06:30:00.000Z\"></head><body><div>" PROSE("CXENSE")
	    "</div></body></html>",
	    "2020-08-14", "Cxense's publish time");
	DATE_IS("<html><head><meta name=\"bepress_citation_date\" content=\"2014\">"
	    "<meta name=\"bepress_citation_online_date\" content=\"2015/03/12\">"
	    "</head><body><div>" PROSE("BEPRESS") "</div></body></html>",
	    "2015-03-12", "a repository's online date when its citation date is a year");
}

/* Of several <time>s, the one marked as the publication. */
static void
test_time_marked(void)
{
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\">Updated <time class=\"updated\" datetime=\"2021-06-20T08:00\">"
	    "</time> \xC2\xB7 first published <time class=\"entry-date published\" "
	    "datetime=\"2021-05-05T08:00\"></time></p>" PROSE("TIMEPUB")
	    "</article></body></html>",
	    "2021-05-05", "a <time class=published> after an update's <time>");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\"><time datetime=\"2021-06-20T08:00\"></time> "
	    "<time pubdate datetime=\"2021-05-05T08:00\"></time></p>" PROSE("TIMEPUBDATE")
	    "</article></body></html>",
	    "2021-05-05", "a <time pubdate> after another <time>");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\"><time datetime=\"2021-06-20T08:00\"></time> "
	    "<time datetime=\"2021-05-05T08:00\"></time></p>" PROSE("TIMEFIRST")
	    "</article></body></html>",
	    "2021-06-20", "else the first <time>");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\"><time itemprop=\"dateModified\" datetime=\"2021-06-20\">"
	    "</time> <time datetime=\"2021-05-05T08:00\"></time></p>" PROSE("TIMEMOD")
	    "</article></body></html>",
	    "2021-05-05", "a <time itemprop=dateModified> after another <time>");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\"><time class=\"date-modified\" datetime=\"2021-06-20\">"
	    "</time> <time datetime=\"2021-05-05T08:00\"></time></p>" PROSE("TIMEMODCLS")
	    "</article></body></html>",
	    "2021-05-05", "a <time> classed as a modification after another <time>");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"entry-meta\"><time class=\"updated\" datetime=\"2021-06-20T08:00\">"
	    "June 20, 2021</time><time class=\"entry-date published\" datetime=\""
	    "2021-05-05T08:00\">May 5, 2021</time> by Sam Writer</p>" PROSE("TIMEUPDSHOWN")
	    "</article></body></html>",
	    "2021-05-05", "the update's <time> a theme writes first, with no label, "
	    "shows the update's day");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"entry-meta\"><time class=\"updated\" datetime=\"2021-05-05T18:00\">"
	    "May 5, 2021</time><time class=\"entry-date published\" datetime=\""
	    "2021-05-05T08:00\">May 5, 2021</time></p>" PROSE("TIMEUPDSAME")
	    "<p class=\"meta\">Filed 2021-04-01</p></article></body></html>",
	    "2021-05-05", "an update on the day of publication is that day");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\">Updated <time datetime=\"2021-06-20\">June 20</time></p>"
	    "<p class=\"meta\">Published <time datetime=\"2021-05-05\">May 5</time></p>"
	    PROSE("TIMEUPDLBL") "</article></body></html>",
	    "2021-05-05", "a <time> labelled as an update comes after another <time>");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\">Aktualisiert am <time datetime=\"2021-06-20\">20. Juni"
	    "</time>, erschienen am <time datetime=\"2021-05-05\">5. Mai</time></p>"
	    PROSE("TIMEUPDDE") "</article></body></html>",
	    "2021-05-05", "a label covers the <time> after it, not the next one");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\">Updated <time datetime=\"2021-06-20\">June 20</time></p>"
	    PROSE("TIMEUPDONLY") "</article></body></html>",
	    "2021-06-20", "an update's <time> when it is the only one");
	DATE_IS("<html><body><div class=\"latest\"><ul><li><a href=\"/a\">Ferry fares "
	    "rise again</a> <time datetime=\"2020-02-02\">Feb 2</time></li><li><a href=\"/b\">"
	    "Harbour works begin</a> <time datetime=\"2020-02-01\">Feb 1</time></li></ul></div>"
	    "<article><h1>Night trains return</h1><p><time datetime=\"2021-05-05\">May 5"
	    "</time></p>" PROSE("TIMETEASER") "</article></body></html>",
	    "2021-05-05", "a <time> after another story's link in a list comes last");
}

/* JSON-LD: the page's article, not one of a list of other works. */
static void
test_jsonld_lists(void)
{
	DATE_IS("<html><head><script type=\"application/ld+json\">/*<![CDATA[*/{\"@type\":"
	    "\"NewsArticle\",\"datePublished\":\"2021-03-04T10:00:00Z\"}/*]]>*/</script>"
	    "</head><body><article><h1>Port strike ends</h1>" PROSE("CDATA")
	    "</article></body></html>",
	    "2021-03-04", "JSON-LD inside a commented CDATA wrapper");
	DATE_IS("<html><head><script type=\"application/ld+json\"><!--\n{\"@type\":"
	    "\"NewsArticle\",\"datePublished\":\"2021-03-04T10:00:00Z\"}\n--></script>"
	    "</head><body><article><h1>Port strike ends</h1>" PROSE("HTMLCOMMENT")
	    "</article></body></html>",
	    "2021-03-04", "JSON-LD inside an HTML comment");
	DATE_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"VideoObject\","
	    "\"name\":\"Port strike ends\",\"uploadDate\":\"2021-03-04T10:00:00Z\"}</script>"
	    "</head><body><article><h1>Port strike ends</h1>" PROSE("UPLOAD")
	    "</article></body></html>",
	    "2021-03-04", "a video page's upload day");
	DATE_IS("<html><head><meta property=\"article:published_time\" "
	    "content=\"2019-05-05T10:00:00+02:00\"><script type=\"application/ld+json\">"
	    "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":"
	    "\"Kettle\",\"review\":[{\"@type\":\"Review\",\"datePublished\":"
	    "\"2021-03-03\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Buyer\"}}]}"
	    "</script></head><body><div>" PROSE("REVIEWED") "</div></body></html>",
	    "2019-05-05", "a customer's review of a product does not date the page");
	DATE_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"ItemList\","
	    "\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"item\":"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"Older story\",\"datePublished\":"
	    "\"2020-02-02\"}}]}</script><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"Night trains return\",\"datePublished\":"
	    "\"2021-05-05T08:00:00Z\"}</script></head><body><article>"
	    "<h1>Night trains return</h1>" PROSE("ITEMLIST") "</article></body></html>",
	    "2021-05-05", "an article in a list of teasers is not the page's");
	DATE_IS("<html><head><title>Night trains return - The Daily</title><script "
	    "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
	    "\"Ferry fares rise again\",\"datePublished\":\"2020-02-02\"}</script><script "
	    "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
	    "\"Night trains return\",\"datePublished\":\"2021-05-05T08:00:00Z\"}</script>"
	    "</head><body><article><h1>Night trains return</h1>" PROSE("TWOARTS")
	    "</article></body></html>",
	    "2021-05-05", "of two articles, the one whose headline the page's title says");
	DATE_IS("<html><body><div class=\"related\"><ul><li itemscope itemtype=\"https://"
	    "schema.org/NewsArticle\"><a href=\"/x\">Ferry fares rise again</a><meta "
	    "itemprop=\"datePublished\" content=\"2020-02-02\"></li></ul></div><article>"
	    "<h1>Night trains return</h1><meta itemprop=\"datePublished\" content=\"2021-05-05\">"
	    PROSE("MDTEASER") "</article></body></html>",
	    "2021-05-05", "microdata in a teaser box is another story's");
	DATE_IS("<html><body><article><h1>Night trains return</h1>" PROSE("MDCOMMENT")
	    "</article><div class=\"comments\"><div itemscope itemtype=\"https://schema.org/"
	    "Comment\"><meta itemprop=\"datePublished\" content=\"2020-02-02\"><p>Nice.</p>"
	    "</div></div></body></html>",
	    NULL, "a comment's microdata does not date the page");
}

/* A dateline's update comes after the publication it shows too. */
static void
test_update_label(void)
{
	DATE_IS("<html><body><article><h1>Bridge plan passes</h1><p class=\"info\">Updated "
	    "30.12.2022 | Published 26.12.2022</p>" PROSE("UPDFIRST") "</article></body></html>",
	    "2022-12-26", "an update's date first in the dateline");
	DATE_IS("<html><body><article><h1>Bridge plan passes</h1><p>Aktualisiert am "
	    "03.05.2021</p><p>Erstellt am 01.05.2021</p>" PROSE("UPDBLOCK")
	    "</article></body></html>",
	    "2021-05-01", "an update's line above the publication's");
	DATE_IS("<html><body><article><h1>Bridge plan passes</h1><p>Mis \xC3\xA0 jour le "
	    "03.05.2021</p>" PROSE("UPDONLY") "</article></body></html>",
	    "2021-05-03", "an update's date when the page shows no other");
}

/* An embedded post (Instagram, Mastodon) is a blockquote with its own date. */
static void
test_embed(void)
{
	DATE_IS("<html><body><article><h1>Bridge plan passes</h1><blockquote class=\"embed\">"
	    "<p><a href=\"/p/1\">A post shared by Ann Beispiel</a> on <time datetime=\""
	    "2019-04-21T23:47:18+00:00\">Apr 21, 2019</time></p></blockquote>" PROSE("EMBED")
	    "<div class=\"date\">18.10.2019 16:06</div></article></body></html>",
	    "2019-10-18", "an embedded post's <time> under the headline");
	DATE_IS("<html><body><article><h1>Bridge plan passes</h1><p><time datetime=\""
	    "2019-10-18\">18 October 2019</time></p>" PROSE("OWNTIME")
	    "<blockquote><p>Quoted on <time datetime=\"2019-04-21\">Apr 21</time></p>"
	    "</blockquote></article></body></html>",
	    "2019-10-18", "the page's own <time> before a quoted one");
}

/* The last change's stamp dates a page only when nothing else does. */
static void
test_modified_reserve(void)
{
	META_FIELD_IS("<html><head><meta property=\"og:updated_time\" content=\"2021-03-05"
	    "T10:00:00+00:00\"></head><body><article><h1>Bridge plan passes</h1>" PROSE("RESERVE")
	    "</article></body></html>",
	    modified, "2021-03-05", "a modified stamp when nothing else dates the page");
	META_FIELD_IS("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"BlogPosting\",\"dateModified\":\"2021-03-06\"}</script></head><body><article>"
	    "<h1>Bridge plan passes</h1>" PROSE("RESERVELD") "</article></body></html>",
	    modified, "2021-03-06", "JSON-LD's dateModified as the reserve");
	META_FIELD_IS("<html><head><meta http-equiv=\"last-modified\" content=\"Fri, 05 Mar "
	    "2021 10:00:00 GMT\"></head><body><article><h1>Bridge plan passes</h1>"
	    PROSE("RESERVEHTTP") "</article></body></html>",
	    modified, "2021-03-05", "the server's Last-Modified written into the page");
	META_FIELD_IS("<html><head><meta property=\"og:article:modified_time\" content=\""
	    "2021-03-05T10:00:00Z\"></head><body><article><h1>Bridge plan passes</h1>"
	    PROSE("RESERVEOGART") "</article></body></html>",
	    modified, "2021-03-05", "og:article:modified_time as the reserve");
	DATE_IS("<html><head><meta property=\"article:modified_time\" content=\"2021-03-05\">"
	    "</head><body><article><h1>Bridge plan passes</h1><p class=\"date\">01.03.2021</p>"
	    PROSE("RESERVEOTHER") "</article></body></html>",
	    "2021-03-01", "the shown date before a modified stamp");
	META_FIELD_IS("<html><head><meta property=\"article:modified_time\" content=\"2021-03-05\">"
	    "</head><body><article><h1>Bridge plan passes</h1><p class=\"date\">01.03.2021</p>"
	    PROSE("RESERVEUNSET") "</article></body></html>",
	    modified, NULL, "no reserve when the page is dated");
}

/* A masthead shows today's date by the logo. */
static void
test_masthead(void)
{
	DATE_IS("<html><body><header><a class=\"logo\" href=\"/\">Courier</a><span class="
	    "\"site-date\">Mittwoch, 26.02.2020</span></header><div class=\"breadcrumb\">"
	    "<a href=\"/\">Home</a> <a href=\"/k\">Kultur</a> <span>01.05.2017</span></div>"
	    "<main><article><h1>Bridge plan passes</h1>" PROSE("MASTHEAD")
	    "</article></main></body></html>",
	    "2017-05-01", "the masthead's date of today is not the article's");
	DATE_IS("<html><body><header><h1>Bridge plan passes</h1><p class=\"date\">"
	    "01.05.2017</p></header>" PROSE("HEADERONLY") "</body></html>",
	    "2017-05-01", "a header holding the headline holds its dateline too");
	DATE_IS("<html><head><link rel=\"canonical\" href=\"https://example.org/2021/03/04/"
	    "bridge/\"></head><body><header><a class=\"logo\" href=\"/\">Courier</a><time "
	    "datetime=\"2021-06-01\">Tuesday, 1 June 2021</time></header><main><article>"
	    "<h1>Bridge plan passes</h1>" PROSE("MASTTIME") "</article></main></body></html>",
	    "2021-03-04", "the masthead's <time> of today is not the article's");
	DATE_IS("<html><body><header><h1>Bridge plan passes</h1><time datetime=\"2017-05-01\">"
	    "</time></header>" PROSE("HEADERTIME") "</body></html>",
	    "2017-05-01", "a <time> in a header that holds the headline");
}

/* A weekday before a numeric date says which number is the month. */
static void
test_weekday(void)
{
	DATE_IS("<html><body><article><h1>Port strike ends</h1><div class=\"submitted\">"
	    "Submitted by jdoe on Thu, 05/06/2021 - 09:00</div>" PROSE("WEEKDAYMD")
	    "</article></body></html>",
	    "2021-05-06", "Thursday: the month comes first");
	DATE_IS("<html><body><article><h1>Port strike ends</h1><div class=\"submitted\">"
	    "Submitted by jdoe on Sat, 05/06/2021 - 09:00</div>" PROSE("WEEKDAYDM")
	    "</article></body></html>",
	    "2021-06-05", "Saturday: the day comes first");
}

/* The comments under the article date the readers' replies, not the piece. */
static void
test_comment_date(void)
{
	DATE_IS("<html><body><article><h1>Port strike ends</h1>" PROSE("COMMENTDATE")
	    "</article><div id=\"comments\"><div class=\"comment\"><p class=\"comment-meta\">"
	    "Sam says: Jan 1, 2022</p><p>Good news.</p></div></div></body></html>",
	    NULL, "a reader's comment under the text");
	DATE_IS("<html><body><article><h1>Port strike ends</h1><p class=\"meta\">By Sam "
	    "Writer, 6 May 2021 <a class=\"comments-link\" href=\"#c\">3 comments</a></p>"
	    PROSE("COMMENTLINK") "</article></body></html>",
	    "2021-05-06", "a dateline with a link to the comments");
}

/* A sidebar's teaser list dates other stories. */
static void
test_sidebar_date(void)
{
	DATE_IS("<html><body><div class=\"widget\"><ul><li><a href=\"/a\">Other story</a> "
	    "<span class=\"date\">2022-01-01</span></li></ul></div><article><h1>Port strike "
	    "ends</h1>" PROSE("WIDGETDATE") "</article></body></html>",
	    NULL, "an inline date after a teaser's link in a widget");
	DATE_IS("<html><body><aside class=\"sidebar\"><p>Latest: 1 Jan 2022</p></aside>"
	    "<article><h1>Port strike ends</h1>" PROSE("ASIDEDATE") "</article></body></html>",
	    NULL, "a sidebar's date near the headline");
	DATE_IS("<html><body><article><h1>Port strike ends</h1><div class=\"sidebar-meta\">"
	    "6 May 2021</div>" PROSE("ARTASIDE") "</article></body></html>",
	    "2021-05-06", "a box inside the article named like a sidebar");
}

/* A stamp in UTC a day off the URL's date: the URL has the local day. */
static void
test_utc_url_day(void)
{
	DATE_IS("<html><head><meta name=\"pubdate\" content=\"2019-11-19T02:34:30Z\">"
	    "<link rel=\"canonical\" href=\"https://news.example/2019/11/18/roads/\">"
	    "</head><body><article><h1>Roads plan</h1>" PROSE("UTCURL")
	    "</article></body></html>",
	    "2019-11-18", "a UTC stamp a day after the URL's date: the URL's local day");
	DATE_IS("<html><head><meta name=\"pubdate\" content=\"2019-11-19T02:34:30+01:00\">"
	    "<link rel=\"canonical\" href=\"https://news.example/2019/11/18/roads/\">"
	    "</head><body><article><h1>Roads plan</h1>" PROSE("LOCALURL")
	    "</article></body></html>",
	    "2019-11-19", "a stamp in local time beats the URL's date");
	DATE_IS("<html><head><meta name=\"pubdate\" content=\"2019-11-19T02:34:30Z\">"
	    "<link rel=\"canonical\" href=\"https://news.example/2019/11/16/roads/\">"
	    "</head><body><article><h1>Roads plan</h1>" PROSE("FARURL")
	    "</article></body></html>",
	    "2019-11-19", "a URL's date days off the stamp is not its local day");
	DATE_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Roads plan\",\"datePublished\":\"Tue Nov 19 2019 03:05:46 GMT+0000\"}"
	    "</script><link rel=\"canonical\" href=\"https://news.example/2019/11/18/roads/\">"
	    "</head><body><article><h1>Roads plan</h1>" PROSE("GMTURL")
	    "</article></body></html>",
	    "2019-11-18", "a stamp written out in GMT is a UTC one too");
}

/* Dates in URLs without their leading zeros. */
static void
test_url_unpadded(void)
{
	DATE_IS("<html><head><link rel=\"canonical\" "
	    "href=\"https://news.example/science/2019/11/8/20948348/roads\"></head><body>"
	    "<article><h1>Roads plan</h1>" PROSE("URLDAY") "</article></body></html>",
	    "2019-11-08", "a URL's unpadded day (/2019/11/8/)");
	DATE_IS("<html><head><link rel=\"canonical\" "
	    "href=\"https://news.example/2019/3/8/roads\"></head><body>"
	    "<article><h1>Roads plan</h1>" PROSE("URLMONTH") "</article></body></html>",
	    "2019-03-08", "a URL's unpadded month and day (/2019/3/8/)");
	DATE_IS("<html><head><link rel=\"canonical\" "
	    "href=\"https://news.example/archive/2019/3/roads-8\"></head><body>"
	    "<article><h1>Roads plan</h1>" PROSE("URLPAGE") "</article></body></html>",
	    NULL, "a year and a number alone are no date");
}

/* Slash dates: month first on American English pages, day first elsewhere. */
static void
test_slash_order(void)
{
	DATE_IS("<html lang=\"en-US\"><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"Roads plan\",\"datePublished\":"
	    "\"03/04/2021 10:00 AM\"}</script></head><body><article><h1>Roads plan</h1>"
	    PROSE("SLASHUS") "</article></body></html>",
	    "2021-03-04", "03/04/2021 on an en-US page is 4 March");
	DATE_IS("<html lang=\"en\"><body><article><h1>Roads plan</h1><p class=\"date\">"
	    "03/04/2021</p>" PROSE("SLASHEN") "</article></body></html>",
	    "2021-03-04", "03/04/2021 shown on an 'en' page is 4 March");
	DATE_IS("<html lang=\"en-GB\"><body><article><h1>Roads plan</h1><p class=\"date\">"
	    "03/04/2021</p>" PROSE("SLASHGB") "</article></body></html>",
	    "2021-04-03", "03/04/2021 on an en-GB page is 3 April");
	DATE_IS("<html lang=\"es\"><body><article><h1>Roads plan</h1><p class=\"date\">"
	    "03/04/2021</p>" PROSE("SLASHES") "</article></body></html>",
	    "2021-04-03", "03/04/2021 on a Spanish page is 3 April");
	DATE_IS("<html lang=\"en-US\"><body><article><h1>Roads plan</h1><p class=\"date\">"
	    "03.04.2021</p>" PROSE("DOTUS") "</article></body></html>",
	    "2021-04-03", "dots are day first even on an en-US page");
}

/* A note that the piece first ran earlier: the stated date, not the update shown. */
static void
test_first_ran(void)
{
	DATE_IS("<html><head><meta property=\"article:published_time\" "
	    "content=\"2017-04-12T18:33:59+02:00\"></head><body><article><h1>Roads plan</h1>"
	    "<p class=\"date\">19 February 2020</p>" PROSE("FIRSTRAN")
	    "<p>This article was originally published in April 2017 and has been updated.</p>"
	    "</article></body></html>",
	    "2017-04-12", "'originally published' with the stated year: the stated date");
	DATE_IS("<html><head><meta property=\"article:published_time\" "
	    "content=\"2017-04-12T18:33:59+02:00\"></head><body><article><h1>Roads plan</h1>"
	    "<p class=\"date\">19.02.2020</p>" PROSE("ERSTMALS")
	    "<p>Dieser Artikel wurde erstmals ver\xC3\xB6""ffentlicht am 12.04.2017.</p>"
	    "</article></body></html>",
	    "2017-04-12", "'erstmals veröffentlicht' with the stated year");
	DATE_IS("<html><head><meta property=\"article:published_time\" "
	    "content=\"2017-04-12T18:33:59+02:00\"></head><body><article><h1>Roads plan</h1>"
	    "<p class=\"date\">19 February 2020</p>" PROSE("REPUB")
	    "<p>This article was originally published in The Conversation.</p>"
	    "</article></body></html>",
	    "2020-02-19", "a note without the stated year: the shown date");
}

/* htmldate's conventions: meta names, <time> classes, data attributes. */
static void
test_htmldate_conventions(void)
{
	DATE_IS("<html><head><meta itemprop=\"dateCreated\" content=\"2018-04-03\"></head>"
	    "<body><div>" PROSE("MDCREATED") "</div></body></html>",
	    "2018-04-03", "microdata's dateCreated in a meta tag");
	DATE_IS("<html><head><meta name=\"created\" content=\"2018-04-04\"></head>"
	    "<body><div>" PROSE("METACREATED") "</div></body></html>",
	    "2018-04-04", "a meta tag named created");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\"><time datetime=\"2021-06-20T08:00\"></time> "
	    "<time class=\"entry-date\" datetime=\"2021-05-05T08:00\"></time></p>"
	    PROSE("ENTRYDATE") "</article></body></html>",
	    "2021-05-05", "a <time class=entry-date> after another <time>");
	DATE_IS("<html><body><article><h1>Night trains return</h1>"
	    "<p class=\"meta\"><time class=\"entry-date updated\" datetime=\"2021-06-20\">"
	    "</time> <time datetime=\"2021-05-05T08:00\"></time></p>" PROSE("ENTRYUPD")
	    "</article></body></html>",
	    "2021-05-05", "an entry-date classed updated too is the update's");
	DATE_IS("<html><body><article><h1>Night trains return</h1><div class=\"x\" "
	    "data-published=\"2019-07-08T10:00:00Z\"></div>" PROSE("DATAPUB")
	    "</article></body></html>",
	    "2019-07-08", "a data-published attribute");
	DATE_IS("<html><body><article><h1>Night trains return</h1><p>Posted <abbr "
	    "data-utime=\"1562580000\">yesterday</abbr></p>" PROSE("UTIME")
	    "</article></body></html>",
	    "2019-07-08", "Facebook's data-utime, a Unix time");
	DATE_IS("<html><body><article><h1>Night trains return</h1>" PROSE("DATACOMMENT")
	    "</article><div class=\"comments\"><div data-published=\"2019-07-09\">"
	    "<p>Nice.</p></div></div></body></html>",
	    NULL, "a comment's data-published does not date the page");
	DATE_IS("<html><body><div class=\"node\"><h2>Night trains return</h2>"
	    "<div class=\"submitted\">Submitted by Ann on 22 May 2016</div>"
	    PROSE("SUBMITTED") "</div></body></html>",
	    "2016-05-22", "Drupal's submitted line");
	META_FIELD_IS("<html><head><meta property=\"og:image\" content=\"https://example."
	    "org/uploads/2016/05/22/map.jpg\"></head><body><div>" PROSE("OGIMAGE")
	    "</div></body></html>",
	    modified, "2016-05-22", "the day in the shared picture's path as the reserve");
	DATE_IS("<html><body><article><h1>Night trains return</h1><p><abbr class=\"updated\" "
	    "title=\"2013-05-01T10:00:00\">May</abbr> <abbr class=\"published\" "
	    "title=\"2013-04-04T18:52:11\">April</abbr></p>" PROSE("HATOM")
	    "</article></body></html>",
	    "2013-04-04", "hAtom's published before an updated that comes first");
	META_FIELD_IS("<html><body><article><h1>Night trains return</h1><span "
	    "itemprop=\"dateModified\" content=\"2021-03-09\"></span>" PROSE("MDMOD")
	    "</article></body></html>",
	    modified, "2021-03-09", "microdata's dateModified is the reserve");
	/* not another story's, in a teaser box, nor a reader's comment's, as
	 * with a <meta itemprop=dateModified> there */
	META_FIELD_IS("<html><body><article><h1>Night trains return</h1>" PROSE("MDMODREL")
	    "</article><div class=\"related\"><h3><a href=\"/b\">Buses return</a></h3><span "
	    "itemprop=\"dateModified\" content=\"2021-03-10\"></span></div><div class=\""
	    "comments\"><p>Nice.</p><span itemprop=\"dateModified\" content=\"2021-03-11\">"
	    "</span></div></body></html>",
	    modified, NULL, "a teaser's or a comment's dateModified is not the reserve");
	DATE_IS("<html><body><article><h1>Night trains return</h1><span itemprop=\""
	    "datePublished dateCreated\" content=\"2021-03-02\"></span>" PROSE("MDTOKENS")
	    "</article></body></html>",
	    "2021-03-02", "an itemprop listing two properties");
	DATE_IS("<html><body><article class=\"h-entry\"><h1 class=\"p-name\">Night trains "
	    "return</h1><p><time class=\"dt-updated\" datetime=\"2021-06-01\">1 June</time> "
	    "<time class=\"dt-published\" datetime=\"2021-05-05\">5 May</time></p>"
	    PROSE("MF2") "</article></body></html>",
	    "2021-05-05", "microformats2: dt-published after dt-updated");
	DATE_IS("<html><head><script type=\"application/json\">{\"story\":{\"pubDate\":"
	    "\"2020-06-02T10:00:00Z\"}}</script></head><body><div>" PROSE("ISLANDPUB")
	    "</div></body></html>",
	    "2020-06-02", "a data island's pubDate");
	DATE_IS("<html><body><article><h1>Night trains return</h1>" PROSE("TIMETEXT")
	    "<p>Filed under Transport, Railways, Night trains, Timetables, Europe, Travel, "
	    "Climate, Tickets, Sleepers, Border crossings <time>22.05.2016</time></p>"
	    "</article></body></html>",
	    "2016-05-22", "the text of a <time> without datetime");
}

/* RDFa in the body: Drupal's Dublin Core, RDFa Lite's schema.org terms. */
static void
test_rdfa(void)
{
	DATE_IS("<html><body><div class=\"node\"><h1>Night trains return</h1><span "
	    "property=\"dc:date dc:created\" content=\"2012-03-07T10:45:51+01:00\" "
	    "datatype=\"xsd:dateTime\"></span>" PROSE("RDFADC") "</div></body></html>",
	    "2012-03-07", "Drupal's dc:date");
	DATE_IS("<html><head><meta about=\"/node/7\" property=\"dc:date dc:created\" "
	    "content=\"2012-03-08T10:45:51+01:00\" datatype=\"xsd:dateTime\"></head><body>"
	    "<div class=\"node\"><h1>Night trains return</h1>" PROSE("RDFAHEAD")
	    "</div></body></html>",
	    "2012-03-08", "a meta tag whose RDFa property lists two terms");
	DATE_IS("<html><head><meta itemprop=\"dateModified dateCreated\" "
	    "content=\"2019-03-14\"></head><body><article><h1>Night trains return</h1>"
	    PROSE("ITEMPROPSET") "</article></body></html>",
	    "2019-03-14", "a meta tag whose itemprop lists dateCreated with another term");
	DATE_IS("<html><body><article vocab=\"https://schema.org/\" typeof=\"BlogPosting\">"
	    "<h1 property=\"headline\">Night trains return</h1><p class=\"meta\"><time "
	    "datetime=\"2021-06-20\"></time> <time property=\"datePublished\" datetime=\""
	    "2021-05-05\"></time></p>" PROSE("RDFALITE") "</article></body></html>",
	    "2021-05-05", "RDFa Lite's datePublished marks the publication's <time>");
	DATE_IS("<html><body><article><h1>Night trains return</h1><span property=\""
	    "schema:dateCreated\" content=\"2016-05-22T10:00:00+02:00\"></span>"
	    PROSE("RDFASCHEMA") "</article></body></html>",
	    "2016-05-22", "a schema: prefixed term");
	DATE_IS("<html><body><article><h1>Night trains return</h1>" PROSE("RDFACOMMENT")
	    "</article><div class=\"comments\"><span property=\"dc:date\" content=\""
	    "2020-02-02\"></span><p>Nice.</p></div></body></html>",
	    NULL, "a comment's dc:date does not date the page");
}

/* A question-and-answer page dates the question, not its answers. */
static void
test_qapage(void)
{
	DATE_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"QAPage\","
	    "\"mainEntity\":{\"@type\":\"Question\",\"name\":\"Why do night trains stop?\","
	    "\"dateCreated\":\"2021-03-04T10:00:00Z\",\"acceptedAnswer\":{\"@type\":"
	    "\"Answer\",\"dateCreated\":\"2021-03-09T10:00:00Z\"}}}</script></head><body>"
	    "<div>" PROSE("QAPAGE") "</div></body></html>",
	    "2021-03-04", "the question's dateCreated");
	DATE_IS("<html><head><script type=\"application/ld+json\">{\"@type\":\"FAQPage\","
	    "\"mainEntity\":[{\"@type\":\"Question\",\"name\":\"Why?\",\"dateCreated\":"
	    "\"2021-03-04\"}]}</script></head><body><div>" PROSE("FAQPAGE")
	    "</div></body></html>",
	    NULL, "not an FAQ's list of questions");
}

/* The update label in more languages. */
static void
test_update_languages(void)
{
	DATE_IS("<html><body><article><h1>Bridge plan passes</h1><p class=\"info\">Bijgewerkt "
	    "30.12.2022 | Gepubliceerd 26.12.2022</p>" PROSE("UPDNL") "</article></body></html>",
	    "2022-12-26", "Dutch: bijgewerkt");
	DATE_IS("<html><body><article><h1>Bridge plan passes</h1><p class=\"info\">Uppdaterad "
	    "30.12.2022 | Publicerad 26.12.2022</p>" PROSE("UPDSV") "</article></body></html>",
	    "2022-12-26", "Swedish: uppdaterad");
}

int
main(void)
{
	test_weekday();
	test_comment_date();
	test_sidebar_date();
	test_embed();
	test_masthead();
	test_modified_reserve();
	test_update_label();
	test_title_day();
	test_script_state();
	test_meta_keys();
	test_time_marked();
	test_jsonld_lists();
	test_utc_url_day();
	test_first_ran();
	test_url_unpadded();
	test_slash_order();
	test_htmldate_conventions();
	test_rdfa();
	test_update_languages();
	test_qapage();
	return tap_done();
}
