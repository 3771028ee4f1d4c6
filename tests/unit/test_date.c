/*
 * Unit tests of common/date.c: a table of date strings as pages show
 * them, in many languages, with the ISO date expected (NULL: no date),
 * then the finder's order resolution, relative dates and plausibility.
 * "now" is fixed at 2023-11-10 12:00 so the table does not age.
 */
#include "../tap.h"
#include "date.h"

struct dcase {
	const char *lang;	/* page language, or NULL */
	const char *in;
	const char *want;	/* ISO 8601, or NULL when no date must be found */
};

static const struct dcase cases[] = {
	/* ISO and year-first */
	{ NULL, "2020-09-06", "2020-09-06" },
	{ NULL, "2020/09/06", "2020-09-06" },
	{ NULL, "2020/09/06 | Note, political, top news", "2020-09-06" },
	{ NULL, "2020.09.06", "2020-09-06" },
	{ NULL, "2020-9-6", "2020-09-06" },
	{ NULL, "2020-09-06T14:05:00", "2020-09-06T14:05:00" },
	{ NULL, "2020-09-06T14:05:00Z", "2020-09-06T14:05:00Z" },
	{ NULL, "2020-09-06T14:05:00+02:00", "2020-09-06T14:05:00+02:00" },
	{ NULL, "2020-09-06T14:05:00.123-05:00", "2020-09-06T14:05:00-05:00" },
	{ NULL, "2020-09-06 14:05", "2020-09-06T14:05:00" },
	{ NULL, "datePublished 2019-08-02T10:00:00+0200", "2019-08-02T10:00:00+02:00" },
	{ NULL, "Stand: 2021-03-01", "2021-03-01" },
	/* de */
	{ "de", "06.09.2020", "2020-09-06" },
	{ "de", "6.9.2020", "2020-09-06" },
	{ "de", "6.9.20", "2020-09-06" },
	{ "de", "06.09.20 09:51", "2020-09-06T09:51:00" },
	{ "de", "6. September 2020", "2020-09-06" },
	{ "de", "Veröffentlicht am 12. Juni 2017 von gizzmo", "2017-06-12" },
	{ "de", "am 4. Februar 2022 um 11:23", "2022-02-04T11:23:00" },
	{ "de", "1. Januar 2016 von KleineGrüneMonster", "2016-01-01" },
	{ "de", "Mittwoch, 2. März 2022", "2022-03-02" },
	{ "de", "3. Okt. 2021", "2021-10-03" },
	/* slash dates on German pages come from month-first software defaults */
	{ "de", "Blogeintrag 03/11/2021", "2021-03-11" },
	{ "de", "Stand: 02/09/2020, 05:00", "2020-02-09T05:00:00" },
	{ "de", "28/02/2019", "2019-02-28" },
	{ "it", "03/11/2021", "2021-11-03" },
	{ "pt", "02/09/2020", "2020-09-02" },
	{ "de", "01. Dez. 2022 | 14:08 Uhr | von Jona", "2022-12-01T14:08:00" },
	{ "de", "15. Jänner 2019", "2019-01-15" },
	{ "de", "21. Januar 202221. Januar 2022", "2022-01-21" },
	{ "de", "Hildesheimer Presse 1. November 20231. November 2023", "2023-11-01" },
	{ "de", "Bettina Kugler19.10.2019, 05:00 Uhr", "2019-10-19T05:00:00" },
	{ "de", "News vom 23.01.2020", "2020-01-23" },
	{ "de", "27.04.2020 - 18:50 Uhr", "2020-04-27T18:50:00" },
	{ "de", "Erstellt am 01.01.23 um 08:35", "2023-01-01T08:35:00" },
	{ "de", "31. Dezember 1999", "1999-12-31" },
	/* en */
	{ "en", "September 6th, 2020", "2020-09-06" },
	{ "en", "September 6, 2020", "2020-09-06" },
	{ "en", "Sept. 6, 2020", "2020-09-06" },
	{ "en", "Sep 6 2020", "2020-09-06" },
	{ "en", "6 September 2020", "2020-09-06" },
	{ "en", "6th September 2020", "2020-09-06" },
	{ "en", "December 29th 2019", "2019-12-29" },
	{ "en", "Feb 14, 2016 10:47 AM EST", "2016-02-14T10:47:00" },
	{ "en", "PUBLISHED: November 8, 2023 at 4:56 p.m.", "2023-11-08T16:56:00" },
	{ "en", "November 8, 2023 at 12:21 a.m.", "2023-11-08T00:21:00" },
	{ "en", "Posted on September 21, 2020 by Adi Tzlil", "2020-09-21" },
	{ "en", "2 Apr, 2016", "2016-04-02" },
	{ "en", "04 November 2020", "2020-11-04" },
	{ "en", "Published: 30 January 2017", "2017-01-30" },
	{ "en", "Last updated Nov 8, 2023", "2023-11-08" },
	{ "en", "09/06/2020", "2020-09-06" },
	{ "en", "12/25/2019", "2019-12-25" },
	{ "en", "25/12/2019", "2019-12-25" },
	{ "en", "1/23/2020", "2020-01-23" },
	{ "en", "Sunday, October 4, 2020", "2020-10-04" },
	/* the weekday written before a numeric date decides its order */
	{ "en", "Saturday 05/06/2021", "2021-06-05" },
	{ "en", "SAT, 05/06/2021", "2021-06-05" },
	{ "en", "Sun, 05/06/2021", "2021-05-06" },	/* neither reading: the habit */
	{ "en", "Thursday, 05/06/2021", "2021-05-06" },
	{ "fr", "Thu, 05/06/2021 - 09:00", "2021-05-06T09:00:00" },
	{ "fr", "Thursday05/06/2021", "2021-06-05" },	/* no separator: no weekday */
	{ "fr", "Frithu, 05/06/2021", "2021-06-05" },	/* part of a longer word */
	/* fr */
	{ "fr", "6 septembre 2020", "2020-09-06" },
	{ "fr", "1er janvier 2021", "2021-01-01" },
	{ "fr", "le 12 février 2019 à 14h30", "2019-02-12T14:30:00" },
	{ "fr", "12 fevrier 2019", "2019-02-12" },
	{ "fr", "15 août 2018", "2018-08-15" },
	{ "fr", "Publié le 3 déc. 2021", "2021-12-03" },
	{ "fr", "06/09/2020", "2020-09-06" },
	{ "fr", "mis à jour le 23 mai 2022", "2022-05-23" },
	/* es */
	{ "es", "04 de mayo de 2022", "2022-05-04" },
	{ "es", "04 de mayo 2022 a las 09:01 hrs.", "2022-05-04T09:01:00" },
	{ "es", "Por Rodrigo Mejías04 de mayo 2022", "2022-05-04" },
	{ "es", "miércoles, 4 de mayo de 2022", "2022-05-04" },
	{ "es", "7 de setiembre de 2021", "2021-09-07" },
	{ "es", "12 dic. 2019", "2019-12-12" },
	{ "es", "23/01/2022", "2022-01-23" },
	/* it */
	{ "it", "14 Gennaio 2020", "2020-01-14" },
	{ "it", "( Pescasseroli, 14 Gennaio 20 )", "2020-01-14" },
	{ "it", "3 settembre 2019 alle 10:15", "2019-09-03T10:15:00" },
	{ "it", "1 mag 2021", "2021-05-01" },
	{ "it", "20 ottobre 2018", "2018-10-20" },
	/* pt */
	{ "pt", "6 de setembro de 2020", "2020-09-06" },
	{ "pt", "25 de março de 2021 às 18:40", "2021-03-25T18:40:00" },
	{ "pt", "3 de dezembro de 2019", "2019-12-03" },
	{ "pt", "10 out 2022", "2022-10-10" },
	/* nl */
	{ "nl", "6 september 2020", "2020-09-06" },
	{ "nl", "12 maart 2021", "2021-03-12" },
	{ "nl", "3 mei 2019 om 14:00", "2019-05-03T14:00:00" },
	{ "nl", "1 mrt 2022", "2022-03-01" },
	/* pl */
	{ "pl", "6 września 2020", "2020-09-06" },
	{ "pl", "14 lutego 2021", "2021-02-14" },
	{ "pl", "1 października 2019, godz. 12:30", "2019-10-01T12:30:00" },
	{ "pl", "06.09.2020", "2020-09-06" },
	/* ru, uk */
	{ "ru", "6 сентября 2020", "2020-09-06" },
	{ "ru", "6 сентября 2020 г.", "2020-09-06" },
	{ "ru", "23 февраля 2019 в 15:20", "2019-02-23T15:20:00" },
	{ "ru", "1 МАЯ 2018", "2018-05-01" },
	{ "uk", "24 серпня 2021", "2021-08-24" },
	/* sv, da, cs, tr, fi, hu, ro, el */
	{ "sv", "6 augusti 2020", "2020-08-06" },
	{ "da", "3. marts 2021", "2021-03-03" },
	{ "cs", "6. září 2020", "2020-09-06" },
	{ "cs", "12. listopadu 2019", "2019-11-12" },
	{ "tr", "6 Eylül 2020", "2020-09-06" },
	{ "fi", "6. syyskuuta 2020", "2020-09-06" },
	/* lt, eu, mt, vi, and the month's abbreviation between slashes */
	{ "lt", "2020 m. rugsėjo 6 d.", "2020-09-06" },
	{ "lt", "Paskelbta 2021 m. gegužės 14 d. 10:32", "2021-05-14T10:32:00" },
	{ "lt", "2019 m. lapkričio 3", "2019-11-03" },
	{ "lt", "2020 m. rugsėjo", NULL },
	{ "eu", "2020ko irailaren 6a", "2020-09-06" },
	{ "eu", "2021eko", NULL },
	{ "eu", "Argitaratua: 2022ko martxoaren 15ean", "2022-03-15" },
	{ "eu", "2021eko urriaren 1ean", "2021-10-01" },
	{ "eu", "2019ko abenduaren 24an", "2019-12-24" },
	{ "mt", "6 ta' Settembru 2020", "2020-09-06" },
	{ "mt", "Ippubblikat fil-15 ta\xE2\x80\x99 Mejju 2021", "2021-05-15" },
	{ "ca", "1 d'abril de 2020", "2020-04-01" },
	{ "ca", "12 d\xE2\x80\x99octubre de 2019", "2019-10-12" },
	{ "vi", "Thứ Hai, ngày 6 tháng 9 năm 2020", "2020-09-06" },
	{ "vi", "06 tháng 09, 2020 - 10:15", "2020-09-06T10:15:00" },
	{ "vi", "6 tháng 9", NULL },
	{ NULL, "[03/Nov/2020:10:12:01 +0000]", "2020-11-03" },
	{ NULL, "03/Nov/2020", "2020-11-03" },
	{ "hu", "2020. szeptember 6.", "2020-09-06" },
	/* lv, et, is, sq, sw, tl, az, uk, be, mk, ur, fa */
	{ "lv", "2020. gada 6. septembrī", "2020-09-06" },
	{ "lv", "Publicēts: 2021. gada 14. februāris 10:30", "2021-02-14T10:30:00" },
	{ "lv", "2019. g. 3. decembrī", "2019-12-03" },
	{ "lv", "2020. gada budžets", NULL },
	{ "lv", "6. jūnijs, 2020", "2020-06-06" },
	{ "et", "6. september 2020", "2020-09-06" },
	{ "et", "14. veebruar 2021", "2021-02-14" },
	{ "et", "3. märts 2021 kell 10:30", "2021-03-03T10:30:00" },
	{ "lv", "2021. gada 3. martā plkst. 10:30", "2021-03-03T10:30:00" },
	{ "is", "6. ágúst 2020", "2020-08-06" },
	{ "is", "17. júní 2019", "2019-06-17" },
	{ "sq", "6 shtator 2020", "2020-09-06" },
	{ "sq", "14 Nëntor 2019", "2019-11-14" },
	{ "sw", "6 Septemba 2020", "2020-09-06" },
	{ "sw", "Machi 3, 2021", "2021-03-03" },
	{ "tl", "Setyembre 6, 2020", "2020-09-06" },
	{ "tl", "ika-14 ng Pebrero 2020", "2020-02-14" },
	{ "az", "6 sentyabr 2020", "2020-09-06" },
	{ "uz", "14 fevral 2021", "2021-02-14" },
	{ "uk", "6 вересень 2020", "2020-09-06" },
	{ "be", "6 верасня 2020", "2020-09-06" },
	{ "mk", "6 јули 2020", "2020-07-06" },
	{ "ur", "6 ستمبر 2020", "2020-09-06" },
	{ "fa", "۶ سپتامبر ۲۰۲۰", "2020-09-06" },
	{ "fa", "14 فوریه 2021", "2021-02-14" },
	{ "ro", "6 septembrie 2020", "2020-09-06" },
	{ "el", "6 Σεπτεμβρίου 2020", "2020-09-06" },
	/* abbreviations (tr, el, hu), Croatian genitives, Hebrew with and without ב, Korean */
	{ "tr", "6 Eyl 2020", "2020-09-06" },
	{ "tr", "14 Şub 2020", "2020-02-14" },
	{ "el", "6 ΣΕΠ 2020", "2020-09-06" },
	{ "hu", "2020. szept. 6.", "2020-09-06" },
	{ "hr", "14. veljače 2020.", "2020-02-14" },
	{ "hr", "6. rujna 2020", "2020-09-06" },
	{ "he", "6 בספטמבר 2020", "2020-09-06" },
	{ "he", "14 פברואר 2020", "2020-02-14" },
	{ "ko", "2020. 9. 6.", "2020-09-06" },
	{ "ko", "입력 2020. 09. 06. 10:30", "2020-09-06T10:30:00" },
	{ "en", "Version 2020. 1. 2", NULL },
	/* bn, hi, ar: native digits, and ya (U+09DF) / fa (U+095E) precomposed or with nukta */
	{ "bn", "৬ সেপ্টেম্বর ২০২০", "2020-09-06" },
	{ "bn", "প্রকাশ: ০৬ জানুয়ারি ২০২১, ১০:৩০", "2021-01-06T10:30:00" },
	{ "bn", "০৬ জানুয়ারী ২০২১", "2021-01-06" },
	{ "bn", "অক্টোবর ১২, ২০১৯", "2019-10-12" },
	{ "bn", "12 নভেম্বর 2019", "2019-11-12" },
	{ "bn", "২০২০-০৯-০৬", "2020-09-06" },
	{ "hi", "6 सितंबर 2020", "2020-09-06" },
	{ "hi", "६ सितम्बर २०२०", "2020-09-06" },
	{ "hi", "14 फ़रवरी 2020", "2020-02-14" },
	{ "hi", "14 फ़रवरी 2020, 10:30 AM", "2020-02-14T10:30:00" },
	{ "ar", "٦ سبتمبر ٢٠٢٠", "2020-09-06" },
	{ "ar", "٢٠٢٠/٠٩/٠٦", "2020-09-06" },
	{ "fa", "۱۴۰۲/۰۶/۱۵", NULL },
	{ "bn", "১২৩", NULL },
	/* more of the smaller languages, each in its usual long form */
	{ "sv", "3 mars 2021", "2021-03-03" },
	{ "sv", "14 februari 2020 kl. 08:30", "2020-02-14T08:30:00" },
	{ "da", "14. februar 2020", "2020-02-14" },
	{ "cs", "3. března 2021", "2021-03-03" },
	{ "tr", "14 Şubat 2020", "2020-02-14" },
	{ "fi", "3. maaliskuuta 2021", "2021-03-03" },
	{ "hu", "2021. március 3.", "2021-03-03" },
	{ "ro", "3 martie 2021", "2021-03-03" },
	{ "el", "3 Μαρτίου 2021", "2021-03-03" },
	{ "pl", "3 marca 2021 r.", "2021-03-03" },
	{ "nl", "woensdag 3 maart 2021", "2021-03-03" },
	{ "it", "mercoledì 3 marzo 2021", "2021-03-03" },
	{ "pt", "quarta-feira, 3 de março de 2021", "2021-03-03" },
	/* sk, sl, sr, bg, ar: nominative and genitive month names */
	{ "sk", "12. júna 2017", "2017-06-12" },
	{ "sk", "3. máj 2021", "2021-05-03" },
	{ "sk", "streda 3. marca 2021", "2021-03-03" },
	{ "sl", "12. junija 2017", "2017-06-12" },
	{ "sl", "3. avgust 2021", "2021-08-03" },
	{ "sr", "12. oktobar 2017.", "2017-10-12" },
	{ "sr", "3. jula 2021. u 10:15", "2021-07-03T10:15:00" },
	{ "sr", "12. децембар 2017.", "2017-12-12" },
	{ "sr", "3. јула 2021.", "2021-07-03" },
	{ "bg", "12 септември 2017", "2017-09-12" },
	{ "bg", "3 юли 2021 г.", "2021-07-03" },
	{ "ar", "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xB9\xD8\xA9 8 "
	    "\xD9\x81\xD9\x8A\xD9\x81\xD8\xB1\xD9\x8A 2019", "2019-02-08" },
	{ "ar", "12 \xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x88 2017", "2017-06-12" },
	{ "ar", "3 \xD8\xA3\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84 2021", "2021-04-03" },
	{ "ar", "12 \xD8\xAD\xD8\xB2\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86 2017", "2017-06-12" },
	/* datelines as bylines show them: label, date, time, more widgets */
	{ "de", "Veröffentlicht am: 3. März 2021 | Kommentare: 2", "2021-03-03" },
	{ "de", "Aktualisiert: 04.03.2021, 17:45 Uhr", "2021-03-04T17:45:00" },
	{ "de", "kiwi14.03.1909:15", "2019-03-14T09:15:00" },	/* year glued to the time */
	{ "de", "kiwi14.03.2109:15", "2021-03-14T09:15:00" },
	{ "en", "PUBLISHED: March 3, 2021 at 9:15 a.m. | UPDATED: March 4, 2021", "2021-03-03T09:15:00" },
	{ "en", "Posted by Jane on Monday, March 1, 2021", "2021-03-01" },
	{ "en", "3 March 2021 @ 18:13 // Author: jd42", "2021-03-03T18:13:00" },
	{ "fr", "Par Jeanne Roux | 3 mars 2021", "2021-03-03" },
	{ "es", "Por Ana Ruiz | 3 de marzo de 2021 - 12:40 hs", "2021-03-03T12:40:00" },
	/* CJK */
	{ "ja", "2021年3月3日", "2021-03-03" },
	{ "ko", "2021년 3월 3일 09:15", "2021-03-03T09:15:00" },
	{ "zh", "2021年03月03日 09:15", "2021-03-03T09:15:00" },
	{ "zh", "2020年9月6日", "2020-09-06" },
	{ "ja", "2020年 9月 6日 14:05", "2020-09-06T14:05:00" },
	{ "ko", "2020년 9월 6일", "2020-09-06" },
	/* a date badge's day and year glued by the dump: "Apr 04" + "2013" */
	{ "en", "Apr 042013", "2013-04-04" },
	{ "en", "Comments off Dec 312019.", "2019-12-31" },
	{ "de", "Mai 052020", "2020-05-05" },
	{ "en", "Apr 042013x", NULL },
	{ "en", "Apr 002013", NULL },
	{ "en", "Apr 312013", NULL },
	{ "en", "Order May 123456", NULL },
	/* dates in URLs */
	{ NULL, "https://lemire.me/blog/2019/08/02/json-parsing/", "2019-08-02" },
	{ NULL, "http://example.com/2020/09/06/slug", "2020-09-06" },
	{ NULL, "www.jobsnhire.com/articles/35030/20160214/need-know.htm", "2016-02-14" },
	{ NULL, "/news/2021-11-03-cop26", "2021-11-03" },
	/* rejects: impossible, implausible, or no date at all */
	{ NULL, "31/02/2020", NULL },
	{ "de", "31.02.2020", NULL },
	{ NULL, "2019-02-29", NULL },
	{ NULL, "2020-13-01", NULL },
	{ "de", "12.12.2099", NULL },
	{ "de", "01.01.1990", NULL },
	{ "de", "01.01.94", NULL },
	{ "en", "25/13/2020", NULL },
	{ "en", "on 6 September 20 people died", NULL },
	{ "en", "Version 1.2.3", NULL },
	{ "en", "Call 0800-123-4567", NULL },
	{ "en", "June 2020", NULL },
	{ "en", "Jun12", NULL },
	{ "de", "Tel. 0341/696290", NULL },
	{ "en", "2 days ago", NULL },		/* relative: only with a given now */
	{ "en", "3:45 PM", NULL },
	{ "en", "ISBN 978-3-16-148410-0", NULL },
	{ "en", "2020/09 archive", NULL },
	{ "en", "page 12 of 30", NULL },
	{ "en", "", NULL },
};

static void
check_case(const struct dcase *c)
{
	struct sc_date_ctx ctx;
	struct sc_date_hit h[4];
	char buf[SC_DATE_FMTLEN], name[256];
	size_t n;

	sc_date_ctx_init(&ctx);
	sc_date_parse_now("2023-11-10T12:00:00", &ctx.now);
	ctx.lang = c->lang;
	n = sc_date_find(c->in, strlen(c->in), &ctx, h, 4);
	n = sc_date_resolve(h, n, &ctx, NULL);
	snprintf(name, sizeof name, "[%s] \"%s\"", c->lang ? c->lang : "-", c->in);
	if (c->want == NULL) {
		if (!ok(n == 0, name)) {
			sc_date_format(&h[0].d, buf);
			printf("#   found: %s\n", buf);
		}
		return;
	}
	if (n == 0) {
		is_str(NULL, c->want, name);
		return;
	}
	sc_date_format(&h[0].d, buf);
	is_str(buf, c->want, name);
}

static void
test_resolve(void)
{
	struct sc_date_ctx ctx;
	struct sc_date_hit h[8];
	enum sc_date_order ord;
	char buf[SC_DATE_FMTLEN];
	const char *page = "Posted 03/04/2021. Comments: 25/03/2021, 28/03/2021";
	size_t n;

	sc_date_ctx_init(&ctx);
	ctx.lang = "en";	/* English would read 03/04 as March 4 */
	n = sc_date_find(page, strlen(page), &ctx, h, 8);
	n = sc_date_resolve(h, n, &ctx, &ord);
	is_int(n, 3, "resolve keeps the three dates");
	is_int(ord, SC_ORDER_DMY, "day-first dates elsewhere on the page decide");
	sc_date_format(&h[0].d, buf);
	is_str(buf, "2021-04-03", "03/04/2021 read as 3 April");

	page = "Updated 03/04/2021 (first posted 12/28/2020)";
	sc_date_ctx_init(&ctx);
	ctx.lang = "fr";	/* French would read 03/04 as 3 April */
	n = sc_date_find(page, strlen(page), &ctx, h, 8);
	n = sc_date_resolve(h, n, &ctx, &ord);
	is_int(ord, SC_ORDER_MDY, "a month-first date on the page decides");
	sc_date_format(&h[0].d, buf);
	is_str(buf, "2021-03-04", "03/04/2021 read as March 4");

	sc_date_ctx_init(&ctx);
	ctx.order = SC_ORDER_MDY;
	n = sc_date_find("05/06/2020", 10, &ctx, h, 8);
	sc_date_format(&h[0].d, buf);
	is_str(buf, "2020-05-06", "a fixed order is obeyed");
}

static void
test_relative(void)
{
	static const struct { const char *in, *want; } rel[] = {
		{ "2 days ago", "2023-11-08" },
		{ "3 hours ago", "2023-11-10" },
		{ "13 hours ago", "2023-11-09" },
		{ "vor 3 Stunden", "2023-11-10" },
		{ "vor 2 Tagen", "2023-11-08" },
		{ "il y a 2 jours", "2023-11-08" },
		{ "hace 3 días", "2023-11-07" },
		{ "2 giorni fa", "2023-11-08" },
		{ "1 week ago", "2023-11-03" },
		{ "2 months ago", "2023-09-10" },
		{ "vor 1 Jahr", "2022-11-10" },
		{ "3 dni temu", "2023-11-07" },
		{ "5 дней назад", "2023-11-05" },
		{ "2 dagen geleden", "2023-11-08" },
	};
	struct sc_date_ctx ctx;
	struct sc_date_hit h[2];
	char buf[SC_DATE_FMTLEN];
	size_t i, n;

	sc_date_ctx_init(&ctx);
	ok(sc_date_parse_now("2023-11-10T12:00", &ctx.now) == 0, "--now with a time parses");
	ctx.relative = 1;
	for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
		n = sc_date_find(rel[i].in, strlen(rel[i].in), &ctx, h, 2);
		if (n == 0) {
			is_str(NULL, rel[i].want, rel[i].in);
			continue;
		}
		sc_date_format(&h[0].d, buf);
		buf[10] = '\0';
		is_str(buf, rel[i].want, rel[i].in);
	}
}

static void
test_api(void)
{
	struct sc_date d;
	struct sc_date_ctx ctx;
	char buf[SC_DATE_FMTLEN];

	ok(sc_date_valid(2020, 2, 29), "2020-02-29 exists");
	ok(!sc_date_valid(2100, 2, 29), "2100 is no leap year");
	ok(sc_date_valid(2000, 2, 29), "2000 is a leap year");
	ok(!sc_date_valid(2021, 4, 31), "April has 30 days");
	ok(sc_date_parse_now("2020-09-06", &d) == 0 && d.hour < 0, "--now date only");
	ok(sc_date_parse_now("2020-09-06 10:00", &d) == 0 && d.hour == 10, "--now with a space");
	ok(sc_date_parse_now("today", &d) == 0, "--now today");
	ok(sc_date_parse_now("yesterday", &d) == -1, "--now rejects words");
	ok(sc_date_parse_now("2020-02-30", &d) == -1, "--now rejects impossible days");
	ok(sc_date_parse_now("2020-09-06x", &d) == -1, "--now rejects trailing junk");
	ok(sc_date_parse_now("06.09.2020", &d) == -1, "--now is ISO only");

	sc_date_ctx_init(&ctx);
	sc_date_parse_now("2023-11-10", &ctx.now);
	ok(sc_date_parse("  Sunday, 6 September 2020. ", 28, &ctx, &d) == 0 &&
	    d.year == 2020 && d.month == 9 && d.day == 6, "parse: one date with words around");
	ok(sc_date_parse("6 September 2020, 7 September 2020", 34, &ctx, &d) == -1,
	    "parse: two dates are not one");
	ok(sc_date_parse("Page 3: 6 September 2020", 24, &ctx, &d) == -1,
	    "parse: other numbers make it no date");
	ok(sc_date_parse("2023-11-11", 10, &ctx, &d) == -1, "parse: the day after now is rejected");
	ok(sc_date_parse("2023-11-10", 10, &ctx, &d) == 0, "parse: now itself is fine");

	d.year = 2020; d.month = 9; d.day = 6; d.hour = 7; d.minute = 5; d.second = 0;
	d.tzoff = -330;
	sc_date_format(&d, buf);
	is_str(buf, "2020-09-06T07:05:00-05:30", "format with a negative offset");
	d.hour = -1;
	sc_date_format(&d, buf);
	is_str(buf, "2020-09-06", "format without a time");
	d.hour = 23; d.minute = 59; d.second = 9; d.tzoff = 0;
	is_int((long)sc_date_format(&d, buf), 20, "format's length with Z");
	is_str(buf, "2020-09-06T23:59:09Z", "format in UTC");
	d.tzoff = SC_DATE_NOTZ;
	sc_date_format(&d, buf);
	is_str(buf, "2020-09-06T23:59:09", "format without an offset");
	d.tzoff = 60 * 14;
	sc_date_format(&d, buf);
	is_str(buf, "2020-09-06T23:59:09+14:00", "format with a positive offset");
	d.year = 987; d.hour = -1;
	sc_date_format(&d, buf);
	is_str(buf, "0987-09-06", "format pads the year");
	d.year = 12345;
	is_int((long)sc_date_format(&d, buf), 11, "format's length of a five-digit year");
	is_str(buf, "12345-09-06", "format of a year past 9999");

	/* NUL bytes and invalid UTF-8 around a date do not hide it */
	{
		static const char nul[] = "x\0\xff\xfe 6. September 2020 \0";
		struct sc_date_hit h[2];

		is_int(sc_date_find(nul, sizeof nul - 1, &ctx, h, 2), 1,
		    "a date between NUL and invalid bytes is found");
	}
}

/*
 * The scanner at every offset of its sixteen-byte blocks: a date after k
 * bytes of text without digits is found at k, words in any case.
 */
static void
test_scan(void)
{
	static const char *const dates[] = { "6 SEPTEMBER 2020", "September 6TH, 2020",
		"6. MÄRZ 2020", "Sept. 6, 2020" };
	static const int month[] = { 9, 9, 3, 9 };
	struct sc_date_ctx ctx;
	struct sc_date_hit h[4];
	char buf[128];
	size_t k, t, n, bad = 0;

	sc_date_ctx_init(&ctx);
	sc_date_parse_now("2023-11-10", &ctx.now);
	ctx.lang = "en";
	for (t = 0; t < sizeof dates / sizeof dates[0]; t++)
		for (k = 0; k < 40; k++) {
			size_t l = strlen(dates[t]);

			memset(buf, 'x', k);
			if (k > 0)
				buf[k - 1] = ' ';
			memcpy(buf + k, dates[t], l);
			memcpy(buf + k + l, " and more text after it", 23);
			n = sc_date_find(buf, k + l + 23, &ctx, h, 4);
			if (n != 1 || h[0].d.year != 2020 || h[0].d.month != month[t] ||
			    h[0].d.day != 6 || h[0].pos != k)
				bad++;
		}
	is_int(bad, 0, "dates found at every offset, words in any case");
	/* numeric dates anywhere, at the end too: their runs of digits read 8 bytes at a time */
	bad = 0;
	ctx.lang = "de";
	for (t = 0; t < 2; t++)
		for (k = 0; k < 24; k++) {
			static const char *const num[] = { "2020-09-06", "06.09.2020" };
			size_t l = strlen(num[t]), tail = k % 2 ? 23 : 0;

			memset(buf, 'x', k);
			if (k > 0)
				buf[k - 1] = ' ';
			memcpy(buf + k, num[t], l);
			memcpy(buf + k + l, " and more text after it", 23);
			n = sc_date_find(buf, k + l + tail, &ctx, h, 4);
			if (n != 1 || h[0].d.year != 2020 || h[0].d.month != 9 ||
			    h[0].d.day != 6 || h[0].pos != k)
				bad++;
		}
	is_int(bad, 0, "numeric dates found at every offset, at the end of the text too");
	{
		/* native digits are read as ASCII ones; spans stay in the original bytes */
		static const char bn[] = "আপডেট ০৬ সেপ্টেম্বর ২০২০ ও ১২.১১.২০১৯ শেষ";
		static const char d1[] = "০৬ সেপ্টেম্বর ২০২০";
		static const char d2[] = "১২.১১.২০১৯";
		const char *s1 = strstr(bn, d1), *s2 = strstr(bn, d2);

		n = sc_date_find(bn, sizeof bn - 1, &ctx, h, 4);
		ok(n == 2 && h[0].pos == (size_t)(s1 - bn) && h[0].len == sizeof d1 - 1 &&
		    h[1].pos == (size_t)(s2 - bn) && h[1].len == sizeof d2 - 1 &&
		    h[1].d.month == 11 && h[1].d.day == 12,
		    "dates in Bengali digits: their spans in the text's own bytes");
	}
	ok(sc_date_find("Nr. 123456789012-09-06 x", 24, &ctx, h, 4) == 0,
	    "a run of twelve digits is no year");
	ctx.lang = "en";
	memset(buf, 'x', sizeof buf);
	buf[sizeof buf - 1] = '7';
	ok(sc_date_find(buf, sizeof buf, &ctx, h, 4) == 0, "a digit in the last byte is no date");
}

static void
test_weekday(void)
{
	ok(sc_date_weekday(1970, 1, 1) == 4, "1970-01-01 was a Thursday");
	ok(sc_date_weekday(2000, 2, 29) == 2, "2000-02-29 was a Tuesday");
	ok(sc_date_weekday(1969, 12, 28) == 0, "1969-12-28 was a Sunday");
	ok(sc_date_weekday(2024, 3, 16) == 6, "2024-03-16 was a Saturday");
	ok(sc_date_weekday_before("Wed., 1", 6) == 3, "Wed. before a date");
	ok(sc_date_weekday_before("x Tue 1", 6) == 2, "Tue before a date");
	ok(sc_date_weekday_before("Tue1", 3) == -1, "a weekday glued to the date is none");
	ok(sc_date_weekday_before("Tu, 1", 4) == -1, "two letters are no weekday");
	ok(sc_date_weekday_before("Tuesdays 1", 9) == -1, "a longer word is no weekday");
	ok(sc_date_weekday_before(", 1", 2) == -1, "nothing before the comma");
}

static void
test_update_label(void)
{
	ok(sc_date_update_label("Updated 5 May", 0, 8), "Updated before a date");
	ok(sc_date_update_label("x Aktualisiert am 5. Mai", 0, 18), "Aktualisiert am");
	ok(!sc_date_update_label("Published 5 May", 0, 10), "Published is no update");
	ok(!sc_date_update_label("Updated 5 May, published 4 May", 13, 26),
	    "a label before lo is not read");
}

int
main(void)
{
	size_t i, nlang = 0;
	const char *seen[64];

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t k;

		check_case(&cases[i]);
		for (k = 0; k < nlang; k++)
			if (cases[i].lang && strcmp(seen[k], cases[i].lang) == 0)
				break;
		if (cases[i].lang && k == nlang && nlang < 64)
			seen[nlang++] = cases[i].lang;
	}
	ok(sizeof cases / sizeof cases[0] >= 100, "at least 100 date strings in the table");
	ok(nlang >= 10, "the table covers at least 10 languages");
	test_resolve();
	test_relative();
	test_api();
	test_scan();
	test_weekday();
	test_update_label();
	return tap_done();
}
