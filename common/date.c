/*
 * date.c: finding the dates pages show as text.  See date.h.
 *
 * The scanner is anchored on digit runs: every absolute date has digits,
 * so the text between them is skipped at memchr speed and the words next
 * to a number (a month name, "de", "ago") are only looked at when a
 * number is there.  Words are case-folded with utf8proc and looked up in
 * one small hash table built from the tables below on first use.
 */
#include "date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <utf8proc.h>

#include "simd.h"
#include "utf8.h"
#include "util.h"

/*
 * Word tables.  Month names in their nominative and genitive forms (Polish,
 * Russian, Czech and Finnish write "6 września 2020"), with the common
 * abbreviations; spellings without accents are listed where pages drop
 * them ("fevrier", "aout").  A word that is a month in two languages
 * means the same month in both, except where noted.
 */
enum word_kind { W_MONTH = 1, W_UNIT, W_AGO, W_LINK, W_TIMELINK };

enum unit { U_SEC = 1, U_MIN, U_HOUR, U_DAY, U_WEEK, U_MONTH, U_YEAR };

struct word {
	const char *s;
	unsigned char kind, val;
};

static const struct word words[] = {
	/* en */
	{"january", W_MONTH, 1}, {"jan", W_MONTH, 1}, {"february", W_MONTH, 2},
	{"feb", W_MONTH, 2}, {"march", W_MONTH, 3}, {"mar", W_MONTH, 3},
	{"april", W_MONTH, 4}, {"apr", W_MONTH, 4}, {"may", W_MONTH, 5},
	{"june", W_MONTH, 6}, {"jun", W_MONTH, 6}, {"july", W_MONTH, 7},
	{"jul", W_MONTH, 7}, {"august", W_MONTH, 8}, {"aug", W_MONTH, 8},
	{"september", W_MONTH, 9}, {"sep", W_MONTH, 9}, {"sept", W_MONTH, 9},
	{"october", W_MONTH, 10}, {"oct", W_MONTH, 10}, {"november", W_MONTH, 11},
	{"nov", W_MONTH, 11}, {"december", W_MONTH, 12}, {"dec", W_MONTH, 12},
	/* de (with Austrian Jänner) */
	{"januar", W_MONTH, 1}, {"jänner", W_MONTH, 1}, {"jän", W_MONTH, 1},
	{"februar", W_MONTH, 2}, {"feber", W_MONTH, 2}, {"märz", W_MONTH, 3},
	{"mär", W_MONTH, 3}, {"maerz", W_MONTH, 3}, {"mrz", W_MONTH, 3},
	{"mai", W_MONTH, 5}, {"juni", W_MONTH, 6}, {"juli", W_MONTH, 7},
	{"oktober", W_MONTH, 10}, {"okt", W_MONTH, 10}, {"dezember", W_MONTH, 12},
	{"dez", W_MONTH, 12},
	/* fr */
	{"janvier", W_MONTH, 1}, {"janv", W_MONTH, 1}, {"février", W_MONTH, 2},
	{"fevrier", W_MONTH, 2}, {"févr", W_MONTH, 2}, {"fevr", W_MONTH, 2},
	{"mars", W_MONTH, 3}, {"avril", W_MONTH, 4}, {"avr", W_MONTH, 4},
	{"juin", W_MONTH, 6}, {"juillet", W_MONTH, 7}, {"juil", W_MONTH, 7},
	{"août", W_MONTH, 8}, {"aout", W_MONTH, 8}, {"septembre", W_MONTH, 9},
	{"octobre", W_MONTH, 10}, {"novembre", W_MONTH, 11},
	{"décembre", W_MONTH, 12}, {"decembre", W_MONTH, 12}, {"déc", W_MONTH, 12},
	/* es (and Catalan where it differs) */
	{"enero", W_MONTH, 1}, {"ene", W_MONTH, 1}, {"febrero", W_MONTH, 2},
	{"marzo", W_MONTH, 3}, {"abril", W_MONTH, 4}, {"abr", W_MONTH, 4},
	{"mayo", W_MONTH, 5}, {"junio", W_MONTH, 6}, {"julio", W_MONTH, 7},
	{"agosto", W_MONTH, 8}, {"ago", W_MONTH, 8}, {"septiembre", W_MONTH, 9},
	{"setiembre", W_MONTH, 9}, {"set", W_MONTH, 9}, {"octubre", W_MONTH, 10},
	{"noviembre", W_MONTH, 11}, {"diciembre", W_MONTH, 12}, {"dic", W_MONTH, 12},
	{"gener", W_MONTH, 1}, {"febrer", W_MONTH, 2}, {"març", W_MONTH, 3},
	{"maig", W_MONTH, 5}, {"juny", W_MONTH, 6}, {"juliol", W_MONTH, 7},
	{"agost", W_MONTH, 8}, {"setembre", W_MONTH, 9}, {"desembre", W_MONTH, 12},
	/* it */
	{"gennaio", W_MONTH, 1}, {"gen", W_MONTH, 1}, {"febbraio", W_MONTH, 2},
	{"aprile", W_MONTH, 4}, {"maggio", W_MONTH, 5}, {"mag", W_MONTH, 5},
	{"giugno", W_MONTH, 6}, {"giu", W_MONTH, 6}, {"luglio", W_MONTH, 7},
	{"lug", W_MONTH, 7}, {"settembre", W_MONTH, 9}, {"ottobre", W_MONTH, 10},
	{"ott", W_MONTH, 10}, {"dicembre", W_MONTH, 12},
	/* pt */
	{"janeiro", W_MONTH, 1}, {"fevereiro", W_MONTH, 2}, {"fev", W_MONTH, 2},
	{"março", W_MONTH, 3}, {"marco", W_MONTH, 3}, {"maio", W_MONTH, 5},
	{"junho", W_MONTH, 6}, {"julho", W_MONTH, 7}, {"setembro", W_MONTH, 9},
	{"outubro", W_MONTH, 10}, {"out", W_MONTH, 10}, {"novembro", W_MONTH, 11},
	{"dezembro", W_MONTH, 12},
	/* nl */
	{"januari", W_MONTH, 1}, {"februari", W_MONTH, 2}, {"maart", W_MONTH, 3},
	{"mrt", W_MONTH, 3}, {"mei", W_MONTH, 5}, {"augustus", W_MONTH, 8},
	/* sv, da, nb */
	{"augusti", W_MONTH, 8}, {"maj", W_MONTH, 5}, {"marts", W_MONTH, 3},
	{"desember", W_MONTH, 12}, {"des", W_MONTH, 12},
	/* pl: nominative and genitive */
	{"styczeń", W_MONTH, 1}, {"stycznia", W_MONTH, 1}, {"sty", W_MONTH, 1},
	{"luty", W_MONTH, 2}, {"lutego", W_MONTH, 2}, {"lut", W_MONTH, 2},
	{"marzec", W_MONTH, 3}, {"marca", W_MONTH, 3},
	{"kwiecień", W_MONTH, 4}, {"kwietnia", W_MONTH, 4}, {"kwi", W_MONTH, 4},
	{"maja", W_MONTH, 5}, {"czerwiec", W_MONTH, 6},
	{"czerwca", W_MONTH, 6}, {"cze", W_MONTH, 6}, {"lipiec", W_MONTH, 7},
	{"lipca", W_MONTH, 7}, {"lip", W_MONTH, 7}, {"sierpień", W_MONTH, 8},
	{"sierpnia", W_MONTH, 8}, {"wrzesień", W_MONTH, 9},
	{"września", W_MONTH, 9}, {"wrz", W_MONTH, 9}, {"październik", W_MONTH, 10},
	{"października", W_MONTH, 10}, {"paź", W_MONTH, 10},
	{"listopada", W_MONTH, 11}, {"lis", W_MONTH, 11},
	{"grudzień", W_MONTH, 12}, {"grudnia", W_MONTH, 12}, {"gru", W_MONTH, 12},
	/* cs (listopad is November in Czech and Polish, October in Croatian:
	 * Croatian is not listed) */
	{"leden", W_MONTH, 1}, {"ledna", W_MONTH, 1}, {"únor", W_MONTH, 2},
	{"února", W_MONTH, 2}, {"březen", W_MONTH, 3}, {"března", W_MONTH, 3},
	{"duben", W_MONTH, 4}, {"dubna", W_MONTH, 4}, {"květen", W_MONTH, 5},
	{"května", W_MONTH, 5}, {"červen", W_MONTH, 6}, {"června", W_MONTH, 6},
	{"červenec", W_MONTH, 7}, {"července", W_MONTH, 7}, {"srpen", W_MONTH, 8},
	{"srpna", W_MONTH, 8}, {"září", W_MONTH, 9}, {"říjen", W_MONTH, 10},
	{"října", W_MONTH, 10}, {"listopad", W_MONTH, 11},
	{"listopadu", W_MONTH, 11}, {"prosinec", W_MONTH, 12},
	{"prosince", W_MONTH, 12},
	/* ru */
	{"январь", W_MONTH, 1}, {"января", W_MONTH, 1}, {"янв", W_MONTH, 1},
	{"февраль", W_MONTH, 2}, {"февраля", W_MONTH, 2}, {"фев", W_MONTH, 2},
	{"март", W_MONTH, 3}, {"марта", W_MONTH, 3}, {"мар", W_MONTH, 3},
	{"апрель", W_MONTH, 4}, {"апреля", W_MONTH, 4}, {"апр", W_MONTH, 4},
	{"май", W_MONTH, 5}, {"мая", W_MONTH, 5}, {"июнь", W_MONTH, 6},
	{"июня", W_MONTH, 6}, {"июн", W_MONTH, 6}, {"июль", W_MONTH, 7},
	{"июля", W_MONTH, 7}, {"июл", W_MONTH, 7}, {"август", W_MONTH, 8},
	{"августа", W_MONTH, 8}, {"авг", W_MONTH, 8}, {"сентябрь", W_MONTH, 9},
	{"сентября", W_MONTH, 9}, {"сен", W_MONTH, 9}, {"сент", W_MONTH, 9},
	{"октябрь", W_MONTH, 10}, {"октября", W_MONTH, 10}, {"окт", W_MONTH, 10},
	{"ноябрь", W_MONTH, 11}, {"ноября", W_MONTH, 11}, {"ноя", W_MONTH, 11},
	{"декабрь", W_MONTH, 12}, {"декабря", W_MONTH, 12}, {"дек", W_MONTH, 12},
	/* uk */
	{"січня", W_MONTH, 1}, {"лютого", W_MONTH, 2}, {"березня", W_MONTH, 3},
	{"квітня", W_MONTH, 4}, {"травня", W_MONTH, 5}, {"червня", W_MONTH, 6},
	{"липня", W_MONTH, 7}, {"серпня", W_MONTH, 8}, {"вересня", W_MONTH, 9},
	{"жовтня", W_MONTH, 10}, {"листопада", W_MONTH, 11},
	{"грудня", W_MONTH, 12},
	/* tr */
	{"ocak", W_MONTH, 1}, {"şubat", W_MONTH, 2}, {"mart", W_MONTH, 3},
	{"nisan", W_MONTH, 4}, {"mayıs", W_MONTH, 5}, {"haziran", W_MONTH, 6},
	{"temmuz", W_MONTH, 7}, {"ağustos", W_MONTH, 8}, {"eylül", W_MONTH, 9},
	{"ekim", W_MONTH, 10}, {"kasım", W_MONTH, 11}, {"aralık", W_MONTH, 12},
	/* fi: partitive, as in "6. syyskuuta 2020" */
	{"tammikuuta", W_MONTH, 1}, {"helmikuuta", W_MONTH, 2},
	{"maaliskuuta", W_MONTH, 3}, {"huhtikuuta", W_MONTH, 4},
	{"toukokuuta", W_MONTH, 5}, {"kesäkuuta", W_MONTH, 6},
	{"heinäkuuta", W_MONTH, 7}, {"elokuuta", W_MONTH, 8},
	{"syyskuuta", W_MONTH, 9}, {"lokakuuta", W_MONTH, 10},
	{"marraskuuta", W_MONTH, 11}, {"joulukuuta", W_MONTH, 12},
	/* hu */
	{"január", W_MONTH, 1}, {"február", W_MONTH, 2}, {"március", W_MONTH, 3},
	{"április", W_MONTH, 4}, {"május", W_MONTH, 5}, {"június", W_MONTH, 6},
	{"július", W_MONTH, 7}, {"augusztus", W_MONTH, 8},
	{"szeptember", W_MONTH, 9}, {"október", W_MONTH, 10},
	/* ro */
	{"ianuarie", W_MONTH, 1}, {"februarie", W_MONTH, 2}, {"martie", W_MONTH, 3},
	{"aprilie", W_MONTH, 4}, {"iunie", W_MONTH, 6}, {"iulie", W_MONTH, 7},
	{"septembrie", W_MONTH, 9}, {"octombrie", W_MONTH, 10},
	{"noiembrie", W_MONTH, 11}, {"decembrie", W_MONTH, 12},
	/* id, ms */
	{"maret", W_MONTH, 3}, {"agustus", W_MONTH, 8}, {"januari", W_MONTH, 1},
	/* el: genitive */
	{"ιανουαρίου", W_MONTH, 1}, {"φεβρουαρίου", W_MONTH, 2},
	{"μαρτίου", W_MONTH, 3}, {"απριλίου", W_MONTH, 4}, {"μαΐου", W_MONTH, 5},
	{"ιουνίου", W_MONTH, 6}, {"ιουλίου", W_MONTH, 7},
	{"αυγούστου", W_MONTH, 8}, {"σεπτεμβρίου", W_MONTH, 9},
	{"οκτωβρίου", W_MONTH, 10}, {"νοεμβρίου", W_MONTH, 11},
	{"δεκεμβρίου", W_MONTH, 12},
	/* sk: nominative and genitive (január, február, október: see hu) */
	{"marec", W_MONTH, 3}, {"apríl", W_MONTH, 4}, {"máj", W_MONTH, 5},
	{"jún", W_MONTH, 6}, {"júl", W_MONTH, 7}, {"januára", W_MONTH, 1},
	{"februára", W_MONTH, 2}, {"apríla", W_MONTH, 4},
	{"mája", W_MONTH, 5}, {"júna", W_MONTH, 6}, {"júla", W_MONTH, 7},
	{"augusta", W_MONTH, 8}, {"septembra", W_MONTH, 9},
	{"októbra", W_MONTH, 10}, {"novembra", W_MONTH, 11},
	{"decembra", W_MONTH, 12},
	/* sl: nominative and genitive */
	{"junij", W_MONTH, 6}, {"julij", W_MONTH, 7}, {"avgust", W_MONTH, 8},
	{"januarja", W_MONTH, 1}, {"februarja", W_MONTH, 2},
	{"aprila", W_MONTH, 4}, {"junija", W_MONTH, 6},
	{"julija", W_MONTH, 7}, {"avgusta", W_MONTH, 8},
	{"oktobra", W_MONTH, 10}, {"decembra", W_MONTH, 12},
	/* sr, bs (Latin): the Slovene forms above, and */
	{"septembar", W_MONTH, 9}, {"oktobar", W_MONTH, 10},
	{"novembar", W_MONTH, 11}, {"decembar", W_MONTH, 12},
	{"januara", W_MONTH, 1}, {"februara", W_MONTH, 2},
	{"juna", W_MONTH, 6}, {"jula", W_MONTH, 7},
	/* sr (Cyrillic) */
	{"јануар", W_MONTH, 1}, {"фебруар", W_MONTH, 2},
	{"април", W_MONTH, 4}, {"мај", W_MONTH, 5}, {"јун", W_MONTH, 6},
	{"јул", W_MONTH, 7}, {"септембар", W_MONTH, 9},
	{"октобар", W_MONTH, 10}, {"новембар", W_MONTH, 11},
	{"децембар", W_MONTH, 12}, {"јануара", W_MONTH, 1},
	{"фебруара", W_MONTH, 2}, {"априла", W_MONTH, 4},
	{"маја", W_MONTH, 5}, {"јуна", W_MONTH, 6}, {"јула", W_MONTH, 7},
	{"септембра", W_MONTH, 9}, {"октобра", W_MONTH, 10},
	{"новембра", W_MONTH, 11}, {"децембра", W_MONTH, 12},
	/* bg */
	{"януари", W_MONTH, 1}, {"февруари", W_MONTH, 2},
	{"юни", W_MONTH, 6}, {"юли", W_MONTH, 7}, {"септември", W_MONTH, 9},
	{"октомври", W_MONTH, 10}, {"ноември", W_MONTH, 11},
	{"декември", W_MONTH, 12},
	/* ar: the names of Egypt and the Gulf, with and without hamza */
	{"يناير", W_MONTH, 1}, {"فبراير", W_MONTH, 2}, {"مارس", W_MONTH, 3},
	{"أبريل", W_MONTH, 4}, {"ابريل", W_MONTH, 4}, {"إبريل", W_MONTH, 4},
	{"مايو", W_MONTH, 5}, {"يونيو", W_MONTH, 6}, {"يونيه", W_MONTH, 6},
	{"يوليو", W_MONTH, 7}, {"يوليه", W_MONTH, 7}, {"أغسطس", W_MONTH, 8},
	{"اغسطس", W_MONTH, 8}, {"سبتمبر", W_MONTH, 9},
	{"أكتوبر", W_MONTH, 10}, {"اكتوبر", W_MONTH, 10},
	{"نوفمبر", W_MONTH, 11}, {"ديسمبر", W_MONTH, 12},
	/* ar: the Maghreb's */
	{"جانفي", W_MONTH, 1}, {"فيفري", W_MONTH, 2}, {"أفريل", W_MONTH, 4},
	{"افريل", W_MONTH, 4}, {"ماي", W_MONTH, 5}, {"جوان", W_MONTH, 6},
	{"جويلية", W_MONTH, 7}, {"أوت", W_MONTH, 8}, {"اوت", W_MONTH, 8},
	/* ar: the Levant's one-word names (its January, October, November and
	 * December are two words: not read) */
	{"شباط", W_MONTH, 2}, {"آذار", W_MONTH, 3}, {"نيسان", W_MONTH, 4},
	{"أيار", W_MONTH, 5}, {"ايار", W_MONTH, 5}, {"حزيران", W_MONTH, 6},
	{"تموز", W_MONTH, 7}, {"آب", W_MONTH, 8}, {"أيلول", W_MONTH, 9},
	{"ايلول", W_MONTH, 9},

	/* tr: the abbreviations of date badges and news lists */
	{"oca", W_MONTH, 1}, {"şub", W_MONTH, 2}, {"nis", W_MONTH, 4},
	{"haz", W_MONTH, 6}, {"tem", W_MONTH, 7}, {"ağu", W_MONTH, 8},
	{"eyl", W_MONTH, 9}, {"eki", W_MONTH, 10}, {"kas", W_MONTH, 11},
	{"ara", W_MONTH, 12},
	/* el: the abbreviations */
	{"ιαν", W_MONTH, 1}, {"φεβ", W_MONTH, 2}, {"μαρ", W_MONTH, 3},
	{"απρ", W_MONTH, 4}, {"μαΐ", W_MONTH, 5}, {"μαϊ", W_MONTH, 5},
	{"ιουν", W_MONTH, 6}, {"ιουλ", W_MONTH, 7}, {"αυγ", W_MONTH, 8},
	{"σεπ", W_MONTH, 9}, {"οκτ", W_MONTH, 10}, {"νοε", W_MONTH, 11},
	{"δεκ", W_MONTH, 12},
	/* hr: genitive (its October, listopada, is Polish November: not listed) */
	{"siječnja", W_MONTH, 1}, {"veljače", W_MONTH, 2}, {"ožujka", W_MONTH, 3},
	{"travnja", W_MONTH, 4}, {"svibnja", W_MONTH, 5}, {"lipnja", W_MONTH, 6},
	{"srpnja", W_MONTH, 7}, {"kolovoza", W_MONTH, 8}, {"rujna", W_MONTH, 9},
	{"studenoga", W_MONTH, 11}, {"studenog", W_MONTH, 11},
	{"prosinca", W_MONTH, 12},
	/* hu: the abbreviations ("2020. szept. 6.") */
	{"febr", W_MONTH, 2}, {"márc", W_MONTH, 3}, {"ápr", W_MONTH, 4},
	{"szept", W_MONTH, 9},
	/* he: alone and with the prefix of "in" (ב), as dates are written */
	{"ינואר", W_MONTH, 1}, {"בינואר", W_MONTH, 1}, {"פברואר", W_MONTH, 2},
	{"בפברואר", W_MONTH, 2}, {"מרץ", W_MONTH, 3}, {"במרץ", W_MONTH, 3},
	{"אפריל", W_MONTH, 4}, {"באפריל", W_MONTH, 4}, {"מאי", W_MONTH, 5},
	{"במאי", W_MONTH, 5}, {"יוני", W_MONTH, 6}, {"ביוני", W_MONTH, 6},
	{"יולי", W_MONTH, 7}, {"ביולי", W_MONTH, 7}, {"אוגוסט", W_MONTH, 8},
	{"באוגוסט", W_MONTH, 8}, {"ספטמבר", W_MONTH, 9}, {"בספטמבר", W_MONTH, 9},
	{"אוקטובר", W_MONTH, 10}, {"באוקטובר", W_MONTH, 10},
	{"נובמבר", W_MONTH, 11}, {"בנובמבר", W_MONTH, 11},
	{"דצמבר", W_MONTH, 12}, {"בדצמבר", W_MONTH, 12},
	/*
	 * bn: the Gregorian months as Bangladeshi and Indian papers write
	 * them, with ya as one letter (U+09DF) and as ya and nukta (what NFC
	 * makes of it)
	 */
	{"জানুয়ারি", W_MONTH, 1}, {"জানুয়ারী", W_MONTH, 1},
	{"জানুয়ারি", W_MONTH, 1}, {"জানুয়ারী", W_MONTH, 1},
	{"ফেব্রুয়ারি", W_MONTH, 2}, {"ফেব্রুয়ারী", W_MONTH, 2},
	{"ফেব্রুয়ারি", W_MONTH, 2}, {"ফেব্রুয়ারী", W_MONTH, 2},
	{"মার্চ", W_MONTH, 3}, {"এপ্রিল", W_MONTH, 4}, {"মে", W_MONTH, 5},
	{"জুন", W_MONTH, 6}, {"জুলাই", W_MONTH, 7}, {"আগস্ট", W_MONTH, 8},
	{"আগষ্ট", W_MONTH, 8}, {"সেপ্টেম্বর", W_MONTH, 9},
	{"অক্টোবর", W_MONTH, 10}, {"নভেম্বর", W_MONTH, 11},
	{"ডিসেম্বর", W_MONTH, 12},
	/* hi: with and without the nukta of fa (U+095E, or pha and U+093C) */
	{"जनवरी", W_MONTH, 1}, {"फ़रवरी", W_MONTH, 2}, {"फ़रवरी", W_MONTH, 2},
	{"फरवरी", W_MONTH, 2}, {"मार्च", W_MONTH, 3}, {"अप्रैल", W_MONTH, 4},
	{"मई", W_MONTH, 5}, {"जून", W_MONTH, 6}, {"जुलाई", W_MONTH, 7},
	{"अगस्त", W_MONTH, 8}, {"सितंबर", W_MONTH, 9}, {"सितम्बर", W_MONTH, 9},
	{"अक्टूबर", W_MONTH, 10}, {"अक्तूबर", W_MONTH, 10},
	{"नवंबर", W_MONTH, 11}, {"नवम्बर", W_MONTH, 11},
	{"दिसंबर", W_MONTH, 12}, {"दिसम्बर", W_MONTH, 12},

	/* lt: genitive, as in "2020 m. rugsėjo 6 d." */
	{"sausio", W_MONTH, 1}, {"vasario", W_MONTH, 2}, {"kovo", W_MONTH, 3},
	{"balandžio", W_MONTH, 4}, {"gegužės", W_MONTH, 5},
	{"birželio", W_MONTH, 6}, {"liepos", W_MONTH, 7},
	{"rugpjūčio", W_MONTH, 8}, {"rugsėjo", W_MONTH, 9},
	{"spalio", W_MONTH, 10}, {"lapkričio", W_MONTH, 11},
	{"gruodžio", W_MONTH, 12},
	/* eu: nominative and genitive, as in "2020ko irailaren 6a" */
	{"urtarrila", W_MONTH, 1}, {"urtarrilaren", W_MONTH, 1},
	{"otsaila", W_MONTH, 2}, {"otsailaren", W_MONTH, 2},
	{"martxoa", W_MONTH, 3}, {"martxoaren", W_MONTH, 3},
	{"apirila", W_MONTH, 4}, {"apirilaren", W_MONTH, 4},
	{"maiatza", W_MONTH, 5}, {"maiatzaren", W_MONTH, 5},
	{"ekaina", W_MONTH, 6}, {"ekainaren", W_MONTH, 6},
	{"uztaila", W_MONTH, 7}, {"uztailaren", W_MONTH, 7},
	{"abuztua", W_MONTH, 8}, {"abuztuaren", W_MONTH, 8},
	{"iraila", W_MONTH, 9}, {"irailaren", W_MONTH, 9},
	{"urria", W_MONTH, 10}, {"urriaren", W_MONTH, 10},
	{"azaroa", W_MONTH, 11}, {"azaroaren", W_MONTH, 11},
	{"abendua", W_MONTH, 12}, {"abenduaren", W_MONTH, 12},
	/* mt: "6 ta' Settembru 2020" (April as in English) */
	{"jannar", W_MONTH, 1}, {"frar", W_MONTH, 2}, {"marzu", W_MONTH, 3},
	{"mejju", W_MONTH, 5}, {"ġunju", W_MONTH, 6}, {"gunju", W_MONTH, 6},
	{"lulju", W_MONTH, 7}, {"awwissu", W_MONTH, 8},
	{"settembru", W_MONTH, 9}, {"ottubru", W_MONTH, 10},
	{"novembru", W_MONTH, 11}, {"diċembru", W_MONTH, 12},
	{"dicembru", W_MONTH, 12},

	/* lv: nominative, genitive and locative ("2020. gada 6. septembrī") */
	{"janvāris", W_MONTH, 1}, {"janvāra", W_MONTH, 1}, {"janvārī", W_MONTH, 1},
	{"februāris", W_MONTH, 2}, {"februāra", W_MONTH, 2},
	{"februārī", W_MONTH, 2}, {"marta", W_MONTH, 3}, {"martā", W_MONTH, 3},
	{"aprīlis", W_MONTH, 4}, {"aprīļa", W_MONTH, 4}, {"aprīlī", W_MONTH, 4},
	{"maijs", W_MONTH, 5}, {"maija", W_MONTH, 5}, {"maijā", W_MONTH, 5},
	{"jūnijs", W_MONTH, 6}, {"jūnija", W_MONTH, 6}, {"jūnijā", W_MONTH, 6},
	{"jūlijs", W_MONTH, 7}, {"jūlija", W_MONTH, 7}, {"jūlijā", W_MONTH, 7},
	{"augusts", W_MONTH, 8}, {"augustā", W_MONTH, 8},
	{"septembris", W_MONTH, 9}, {"septembrī", W_MONTH, 9},
	{"oktobris", W_MONTH, 10}, {"oktobrī", W_MONTH, 10},
	{"novembris", W_MONTH, 11}, {"novembrī", W_MONTH, 11},
	{"decembris", W_MONTH, 12}, {"decembrī", W_MONTH, 12},
	/* et */
	{"jaanuar", W_MONTH, 1}, {"veebruar", W_MONTH, 2}, {"märts", W_MONTH, 3},
	{"aprill", W_MONTH, 4}, {"juuni", W_MONTH, 6}, {"juuli", W_MONTH, 7},
	{"oktoober", W_MONTH, 10}, {"detsember", W_MONTH, 12},
	/* is (janúar, febrúar, apríl, október: see hu and sk) */
	{"maí", W_MONTH, 5}, {"júní", W_MONTH, 6}, {"júlí", W_MONTH, 7},
	{"ágúst", W_MONTH, 8}, {"nóvember", W_MONTH, 11},
	/* sq */
	{"janar", W_MONTH, 1}, {"shkurt", W_MONTH, 2}, {"prill", W_MONTH, 4},
	{"qershor", W_MONTH, 6}, {"korrik", W_MONTH, 7}, {"gusht", W_MONTH, 8},
	{"shtator", W_MONTH, 9}, {"tetor", W_MONTH, 10}, {"nëntor", W_MONTH, 11},
	{"dhjetor", W_MONTH, 12},
	/* sw (Januari, Februari, Mei, Juni: see id and nl) */
	{"machi", W_MONTH, 3}, {"aprili", W_MONTH, 4}, {"julai", W_MONTH, 7},
	{"agosti", W_MONTH, 8}, {"septemba", W_MONTH, 9}, {"oktoba", W_MONTH, 10},
	{"novemba", W_MONTH, 11}, {"desemba", W_MONTH, 12},
	/* tl (Enero, Abril, Mayo, Agosto: see es) */
	{"pebrero", W_MONTH, 2}, {"marso", W_MONTH, 3}, {"hunyo", W_MONTH, 6},
	{"hulyo", W_MONTH, 7}, {"setyembre", W_MONTH, 9}, {"oktubre", W_MONTH, 10},
	{"nobyembre", W_MONTH, 11}, {"disyembre", W_MONTH, 12},
	/* az, uz (Latin) */
	{"yanvar", W_MONTH, 1}, {"fevral", W_MONTH, 2}, {"aprel", W_MONTH, 4},
	{"iyun", W_MONTH, 6}, {"iyul", W_MONTH, 7}, {"avqust", W_MONTH, 8},
	{"sentyabr", W_MONTH, 9}, {"oktyabr", W_MONTH, 10}, {"noyabr", W_MONTH, 11},
	{"dekabr", W_MONTH, 12},
	/* uk: nominative ("листопад" is November, as in Czech and Polish) */
	{"січень", W_MONTH, 1}, {"лютий", W_MONTH, 2}, {"березень", W_MONTH, 3},
	{"квітень", W_MONTH, 4}, {"травень", W_MONTH, 5}, {"червень", W_MONTH, 6},
	{"липень", W_MONTH, 7}, {"серпень", W_MONTH, 8}, {"вересень", W_MONTH, 9},
	{"жовтень", W_MONTH, 10}, {"листопад", W_MONTH, 11}, {"грудень", W_MONTH, 12},
	/* be: genitive (мая: see ru) */
	{"студзеня", W_MONTH, 1}, {"лютага", W_MONTH, 2}, {"сакавіка", W_MONTH, 3},
	{"красавіка", W_MONTH, 4}, {"чэрвеня", W_MONTH, 6}, {"ліпеня", W_MONTH, 7},
	{"жніўня", W_MONTH, 8}, {"верасня", W_MONTH, 9},
	{"кастрычніка", W_MONTH, 10}, {"лістапада", W_MONTH, 11},
	{"снежня", W_MONTH, 12},
	/* mk (февруари, март, април, мај, септември ...: see bg, ru and sr) */
	{"јануари", W_MONTH, 1}, {"јуни", W_MONTH, 6},
	{"јули", W_MONTH, 7},
	/* ur */
	{"جنوری", W_MONTH, 1}, {"فروری", W_MONTH, 2}, {"مارچ", W_MONTH, 3},
	{"اپریل", W_MONTH, 4}, {"مئی", W_MONTH, 5}, {"جون", W_MONTH, 6},
	{"جولائی", W_MONTH, 7}, {"اگست", W_MONTH, 8}, {"ستمبر", W_MONTH, 9},
	{"اکتوبر", W_MONTH, 10}, {"نومبر", W_MONTH, 11}, {"دسمبر", W_MONTH, 12},
	/* fa: the Gregorian months (مارس, اوت: see ar) */
	{"ژانویه", W_MONTH, 1}, {"فوریه", W_MONTH, 2}, {"آوریل", W_MONTH, 4},
	{"مه", W_MONTH, 5}, {"ژوئن", W_MONTH, 6}, {"ژوئیه", W_MONTH, 7},
	{"سپتامبر", W_MONTH, 9}, {"اکتبر", W_MONTH, 10}, {"نوامبر", W_MONTH, 11},
	{"دسامبر", W_MONTH, 12},

	/* Words that join a day, a month and a year: "4 de mayo de 2022", "ika-14 ng Pebrero 2020". */
	{"de", W_LINK, 0}, {"del", W_LINK, 0}, {"of", W_LINK, 0},
	{"d", W_LINK, 0}, {"ta", W_LINK, 0}, {"ng", W_LINK, 0},

	/* Words between a date and its time: "8 November 2023 at 4:56 p.m.", "kell 10:30", "plkst. 10:30". */
	{"at", W_TIMELINK, 0}, {"um", W_TIMELINK, 0}, {"à", W_TIMELINK, 0},
	{"a", W_TIMELINK, 0}, {"las", W_TIMELINK, 0}, {"la", W_TIMELINK, 0},
	{"alle", W_TIMELINK, 0}, {"ore", W_TIMELINK, 0}, {"om", W_TIMELINK, 0},
	{"o", W_TIMELINK, 0}, {"godz", W_TIMELINK, 0}, {"às", W_TIMELINK, 0},
	{"kl", W_TIMELINK, 0}, {"klo", W_TIMELINK, 0}, {"в", W_TIMELINK, 0},
	{"h", W_TIMELINK, 0}, {"hs", W_TIMELINK, 0}, {"u", W_TIMELINK, 0},
	{"ob", W_TIMELINK, 0}, {"kell", W_TIMELINK, 0}, {"plkst", W_TIMELINK, 0},

	/* Units of relative dates, singular and plural. */
	{"second", W_UNIT, U_SEC}, {"seconds", W_UNIT, U_SEC},
	{"sec", W_UNIT, U_SEC}, {"secs", W_UNIT, U_SEC},
	{"minute", W_UNIT, U_MIN}, {"minutes", W_UNIT, U_MIN},
	{"min", W_UNIT, U_MIN}, {"mins", W_UNIT, U_MIN},
	{"hour", W_UNIT, U_HOUR}, {"hours", W_UNIT, U_HOUR},
	{"hr", W_UNIT, U_HOUR}, {"hrs", W_UNIT, U_HOUR},
	{"day", W_UNIT, U_DAY}, {"days", W_UNIT, U_DAY},
	{"week", W_UNIT, U_WEEK}, {"weeks", W_UNIT, U_WEEK},
	{"month", W_UNIT, U_MONTH}, {"months", W_UNIT, U_MONTH},
	{"year", W_UNIT, U_YEAR}, {"years", W_UNIT, U_YEAR},
	{"sekunde", W_UNIT, U_SEC}, {"sekunden", W_UNIT, U_SEC},
	{"minuten", W_UNIT, U_MIN}, {"stunde", W_UNIT, U_HOUR},
	{"stunden", W_UNIT, U_HOUR}, {"std", W_UNIT, U_HOUR},
	{"tag", W_UNIT, U_DAY}, {"tagen", W_UNIT, U_DAY},
	{"woche", W_UNIT, U_WEEK}, {"wochen", W_UNIT, U_WEEK},
	{"monat", W_UNIT, U_MONTH}, {"monaten", W_UNIT, U_MONTH},
	{"jahr", W_UNIT, U_YEAR}, {"jahren", W_UNIT, U_YEAR},
	{"seconde", W_UNIT, U_SEC}, {"secondes", W_UNIT, U_SEC},
	{"heure", W_UNIT, U_HOUR}, {"heures", W_UNIT, U_HOUR},
	{"jour", W_UNIT, U_DAY}, {"jours", W_UNIT, U_DAY},
	{"semaine", W_UNIT, U_WEEK}, {"semaines", W_UNIT, U_WEEK},
	{"mois", W_UNIT, U_MONTH}, {"an", W_UNIT, U_YEAR}, {"ans", W_UNIT, U_YEAR},
	{"segundo", W_UNIT, U_SEC}, {"segundos", W_UNIT, U_SEC},
	{"minuto", W_UNIT, U_MIN}, {"minutos", W_UNIT, U_MIN},
	{"hora", W_UNIT, U_HOUR}, {"horas", W_UNIT, U_HOUR},
	{"día", W_UNIT, U_DAY}, {"días", W_UNIT, U_DAY}, {"dia", W_UNIT, U_DAY},
	{"dias", W_UNIT, U_DAY}, {"semana", W_UNIT, U_WEEK},
	{"semanas", W_UNIT, U_WEEK}, {"mes", W_UNIT, U_MONTH},
	{"meses", W_UNIT, U_MONTH}, {"año", W_UNIT, U_YEAR},
	{"años", W_UNIT, U_YEAR}, {"ano", W_UNIT, U_YEAR}, {"anos", W_UNIT, U_YEAR},
	{"secondi", W_UNIT, U_SEC}, {"minuti", W_UNIT, U_MIN},
	{"ora", W_UNIT, U_HOUR}, {"ore", W_UNIT, U_HOUR},
	{"giorno", W_UNIT, U_DAY}, {"giorni", W_UNIT, U_DAY},
	{"settimana", W_UNIT, U_WEEK}, {"settimane", W_UNIT, U_WEEK},
	{"mese", W_UNIT, U_MONTH}, {"mesi", W_UNIT, U_MONTH},
	{"anno", W_UNIT, U_YEAR}, {"anni", W_UNIT, U_YEAR},
	{"seconden", W_UNIT, U_SEC}, {"uur", W_UNIT, U_HOUR},
	{"dag", W_UNIT, U_DAY}, {"dagen", W_UNIT, U_DAY},
	{"week", W_UNIT, U_WEEK}, {"weken", W_UNIT, U_WEEK},
	{"maand", W_UNIT, U_MONTH}, {"maanden", W_UNIT, U_MONTH},
	{"jaar", W_UNIT, U_YEAR}, {"jaren", W_UNIT, U_YEAR},
	{"sekund", W_UNIT, U_SEC}, {"sekundy", W_UNIT, U_SEC},
	{"minut", W_UNIT, U_MIN}, {"minuty", W_UNIT, U_MIN},
	{"minutę", W_UNIT, U_MIN}, {"godzin", W_UNIT, U_HOUR},
	{"godziny", W_UNIT, U_HOUR}, {"godzinę", W_UNIT, U_HOUR},
	{"dzień", W_UNIT, U_DAY}, {"dni", W_UNIT, U_DAY},
	{"tydzień", W_UNIT, U_WEEK}, {"tygodnie", W_UNIT, U_WEEK},
	{"tygodni", W_UNIT, U_WEEK}, {"miesiąc", W_UNIT, U_MONTH},
	{"miesiące", W_UNIT, U_MONTH}, {"miesięcy", W_UNIT, U_MONTH},
	{"rok", W_UNIT, U_YEAR}, {"lata", W_UNIT, U_YEAR}, {"lat", W_UNIT, U_YEAR},
	{"секунду", W_UNIT, U_SEC}, {"секунды", W_UNIT, U_SEC},
	{"секунд", W_UNIT, U_SEC}, {"минуту", W_UNIT, U_MIN},
	{"минуты", W_UNIT, U_MIN}, {"минут", W_UNIT, U_MIN},
	{"час", W_UNIT, U_HOUR}, {"часа", W_UNIT, U_HOUR},
	{"часов", W_UNIT, U_HOUR}, {"день", W_UNIT, U_DAY},
	{"дня", W_UNIT, U_DAY}, {"дней", W_UNIT, U_DAY},
	{"неделю", W_UNIT, U_WEEK}, {"недели", W_UNIT, U_WEEK},
	{"недель", W_UNIT, U_WEEK}, {"месяц", W_UNIT, U_MONTH},
	{"месяца", W_UNIT, U_MONTH}, {"месяцев", W_UNIT, U_MONTH},
	{"год", W_UNIT, U_YEAR}, {"года", W_UNIT, U_YEAR}, {"лет", W_UNIT, U_YEAR},

	/* After the unit: "2 days ago", "2 giorni fa", "2 dni temu". */
	{"ago", W_AGO, 0}, {"fa", W_AGO, 0}, {"geleden", W_AGO, 0},
	{"temu", W_AGO, 0}, {"назад", W_AGO, 0}, {"atrás", W_AGO, 0},
	{"sedan", W_AGO, 0}, {"siden", W_AGO, 0},
};

/*
 * Words that stand before the number of a relative date ("vor 3 Stunden",
 * "il y a 2 jours", "hace 2 días", "há 2 dias"), matched as bytes just
 * before it, ASCII case ignored.
 */
static const char *const rel_before[] = {
	"vor ", "il y a ", "hace ", "há ", "ha ", "desde hace ", "för ",
	"för sedan ",
};

/*
 * The hash table of folded words.  Several kinds may share a spelling
 * ("ore" is an hour in Italian and a time link), so a slot holds one
 * entry and lookups walk the probe chain comparing kind too.
 */
#define NSLOTS 2048
static short slots[NSLOTS];	/* index into words[] + 1, 0 = empty */
static int table_ready;

static uint32_t
hash_bytes(const char *p, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*p++) * 16777619u;
	return h;
}

static void
build_table(void)
{
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		uint32_t h = hash_bytes(words[i].s, strlen(words[i].s)) & (NSLOTS - 1);

		while (slots[h] != 0)
			h = (h + 1) & (NSLOTS - 1);
		slots[h] = (short)(i + 1);
	}
	table_ready = 1;
}

/* The value of the folded word w[0..n) as a word of kind, or 0. */
static int
lookup(const char *w, size_t n, int kind)
{
	uint32_t h;

	if (n == 0)
		return 0;
	if (SC_UNLIKELY(!table_ready))
		build_table();
	h = hash_bytes(w, n) & (NSLOTS - 1);
	while (slots[h] != 0) {
		const struct word *e = &words[slots[h] - 1];

		if (e->kind == kind && strlen(e->s) == n && memcmp(e->s, w, n) == 0)
			return kind == W_LINK || kind == W_TIMELINK ||
			    kind == W_AGO ? 1 : e->val;
		h = (h + 1) & (NSLOTS - 1);
	}
	return 0;
}

/* ------------------------------------------------------------ calendar */

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
sc_date_valid(int y, int m, int d)
{
	static const unsigned char mdays[12] =
	    { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	if (m == 2 && d == 29)
		return is_leap(y);
	return d <= mdays[m - 1];
}

/* Days since 1970-01-01 of a valid date (proleptic Gregorian). */
static long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
sc_date_weekday(int y, int m, int d)
{
	long z = days_from_civil(y, m, d);	/* 1970-01-01 was a Thursday */

	return (int)(((z % 7) + 11) % 7);
}

int
sc_date_weekday_before(const char *p, size_t i)
{
	return sc_date_weekday_start(p, i, NULL);
}

int
sc_date_weekday_start(const char *p, size_t i, size_t *start)
{
	static const char *const full[] = {
		"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
	};
	size_t e = i, b;
	int k;

	while (e > 0 && i - e < 3 && (p[e - 1] == ' ' || p[e - 1] == ',' || p[e - 1] == '.'))
		e--;
	if (e == i)
		return -1;
	for (b = e; b > 0 && e - b <= 9 && sc_ascii_lower((unsigned char)p[b - 1]) - 'a' < 26u; b--)
		;
	if (b > 0 && sc_ascii_lower((unsigned char)p[b - 1]) - 'a' < 26u)
		return -1;
	for (k = 0; k < 7; k++) {
		size_t fl = strlen(full[k]);

		if ((e - b == 3 || e - b == fl) && sc_ascii_ieq(p + b, full[k], e - b)) {
			if (start != NULL)
				*start = b;
			return k;
		}
	}
	return -1;
}

/* See date.h. */
int
sc_date_update_label(const char *s, size_t lo, size_t start)
{
	static const char *const w[] = {
		"updated", "update:", "update ", "aktualisiert", "ge\xC3\xA4ndert", "modified",
		"mis \xC3\xA0 jour", "actualis\xC3\xA9", "actualizado", "actualizada",
		"aggiornato", "atualizado", "zuletzt", "stand:",
		/* the same label in more languages (a stem where the word
		 * inflects) */
		"revised", "last edited", "modifi\xC3\xA9", "m\xC3\xA0j", "bijgewerkt",
		"gewijzigd", "uppdaterad", "opdateret", "oppdatert", "p\xC3\xA4ivitetty",
		"aktualizac", "zaktualizowan", "aktualizov\xC3\xA1no", "aggiornament",
		"actualizaci\xC3\xB3n", "atualiza\xC3\xA7\xC3\xA3o", "actualizat",
		"g\xC3\xBCncellen", "friss\xC3\xADtve", "diperbarui",
		"\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB",
		"\xD0\x9E\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB", NULL
	};
	size_t k, i, wl;

	if (start > lo + 40)
		lo = start - 40;
	for (k = 0; w[k] != NULL; k++) {
		wl = strlen(w[k]);
		for (i = lo; i + wl <= start; i++)
			if (strncasecmp(s + i, w[k], wl) == 0)
				return 1;
	}
	return 0;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static void
date_init(struct sc_date *d, int y, int m, int day)
{
	d->year = y;
	d->month = m;
	d->day = day;
	d->hour = -1;
	d->minute = d->second = 0;
	d->tzoff = SC_DATE_NOTZ;
}

void
sc_date_today(struct sc_date *out)
{
	time_t t = time(NULL);
	int y, m, d;

	civil_from_days((long)(t / 86400), &y, &m, &d);
	date_init(out, y, m, d);
}

int
sc_date_cmp(const struct sc_date *a, const struct sc_date *b)
{
	long da = days_from_civil(a->year, a->month, a->day);
	long db = days_from_civil(b->year, b->month, b->day);
	long ta, tb;

	if (da != db)
		return da < db ? -1 : 1;
	if (a->hour < 0 || b->hour < 0)
		return 0;
	ta = a->hour * 3600L + a->minute * 60L + a->second;
	tb = b->hour * 3600L + b->minute * 60L + b->second;
	return (ta > tb) - (ta < tb);
}

void
sc_date_ctx_init(struct sc_date_ctx *c)
{
	memset(c, 0, sizeof *c);
	sc_date_today(&c->now);
	c->relative = 0;
	c->lang = NULL;
	c->order = SC_ORDER_AUTO;
	c->min_year = 1995;	/* htmldate's MIN_DATE */
	c->native = 1;
}

/* htmldate's rules: a real day, not before min_year, not after now. */
static int
plausible(const struct sc_date_ctx *c, const struct sc_date *d)
{
	struct sc_date day = *d;

	if (!sc_date_valid(d->year, d->month, d->day) || d->year < c->min_year)
		return 0;
	day.hour = -1;		/* a stamp later today is still today */
	return sc_date_cmp(&day, &c->now) <= 0;
}

/* Two-digit years: 90..99 are 19xx, the rest 20xx (htmldate). */
static int
full_year(int yy)
{
	return yy >= 90 ? 1900 + yy : 2000 + yy;
}

static int
two_digits(int v)
{
	return v >= 0 && v <= 99;
}

static char *
put2(char *b, int v)
{
	b[0] = (char)('0' + v / 10);
	b[1] = (char)('0' + v % 10);
	return b + 2;
}

size_t
sc_date_format(const struct sc_date *d, char *buf)
{
	int n, off = d->tzoff == SC_DATE_NOTZ ? 0 : d->tzoff < 0 ? -d->tzoff : d->tzoff;

	/*
	 * The digits written directly (snprintf() cost a thousand
	 * instructions a date, scmeta formats one a page); fields out of
	 * the usual ranges the long way, as ever.
	 */
	if (d->year >= 0 && d->year <= 9999 && two_digits(d->month) && two_digits(d->day) &&
	    (d->hour < 0 || (two_digits(d->hour) && two_digits(d->minute) &&
	    two_digits(d->second) && (d->tzoff == SC_DATE_NOTZ || off / 60 <= 99)))) {
		char *b = put2(put2(buf, d->year / 100), d->year % 100);

		*b++ = '-';
		b = put2(b, d->month);
		*b++ = '-';
		b = put2(b, d->day);
		if (d->hour >= 0) {
			*b++ = 'T';
			b = put2(b, d->hour);
			*b++ = ':';
			b = put2(b, d->minute);
			*b++ = ':';
			b = put2(b, d->second);
			if (d->tzoff == 0)
				*b++ = 'Z';
			else if (d->tzoff != SC_DATE_NOTZ) {
				*b++ = d->tzoff < 0 ? '-' : '+';
				b = put2(b, off / 60);
				*b++ = ':';
				b = put2(b, off % 60);
			}
		}
		*b = '\0';
		return (size_t)(b - buf);
	}
	if (d->hour < 0)
		n = snprintf(buf, SC_DATE_FMTLEN, "%04d-%02d-%02d", d->year,
		    d->month, d->day);
	else
		n = snprintf(buf, SC_DATE_FMTLEN, "%04d-%02d-%02dT%02d:%02d:%02d",
		    d->year, d->month, d->day, d->hour, d->minute, d->second);
	if (d->hour >= 0 && d->tzoff != SC_DATE_NOTZ) {
		if (d->tzoff == 0)
			n += snprintf(buf + n, SC_DATE_FMTLEN - (size_t)n, "Z");
		else
			n += snprintf(buf + n, SC_DATE_FMTLEN - (size_t)n,
			    "%c%02d:%02d", d->tzoff < 0 ? '-' : '+', off / 60,
			    off % 60);
	}
	return (size_t)n;
}

/* ------------------------------------------------------------ scanning */

#define MAXWORD 48	/* folded bytes; longer words are no month or unit */

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_letter_cp(uint32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	cat = utf8proc_category((utf8proc_int32_t)cp);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC;
}

/*
 * A run of decimal digits at p[i]: its length (0 if none) and, when it is
 * at most 9 digits long, its value.
 */
static inline __attribute__((always_inline)) size_t
digits(const char *p, size_t n, size_t i, int *val)
{
	size_t j = i;
	long v = 0;

	/*
	 * A run shorter than eight (a day, a month, a year) from eight bytes
	 * at once: its length by a mask of the bytes that are no digit, its
	 * value by three multiplies (the digits moved to the top, zeros
	 * before them); not a loop that stops at a length as unpredictable
	 * as the text.
	 */
	if (i + 8 <= n) {
		const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
		uint64_t x, t, nd, d;
		size_t len;

		memcpy(&x, p + i, 8);
		t = x ^ ones * '0';	/* a digit: below 10 */
		nd = (((t & ~highs) + ones * (0x80 - 10)) | t) & highs;
		len = nd ? (size_t)__builtin_ctzll(nd) >> 3 : 8;
		if (len < 8) {
			d = ((t & ones * 0x0F) << (8 * (7 - len))) << 8;
			d = (d * 10 + (d >> 8)) & 0x00FF00FF00FF00FFull;
			d = (d * 100 + (d >> 16)) & 0x0000FFFF0000FFFFull;
			d = (d * 10000 + (d >> 32)) & 0xFFFFFFFFull;
			*val = (int)d;
			return len;
		}
	}
	while (j < n && is_digit((unsigned char)p[j])) {
		if (j - i < 9)
			v = v * 10 + (p[j] - '0');
		j++;
	}
	*val = (int)v;
	return j - i;
}

/* Spaces between the parts of a date: blanks, NBSP, narrow spaces, one LF. */
static size_t
skip_blank(const char *p, size_t n, size_t i)
{
	int lf = 0;

	while (i < n) {
		unsigned char c = (unsigned char)p[i];

		if (c == ' ' || c == '\t')
			i++;
		else if (c == '\n' && !lf)
			i++, lf = 1;
		else if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0xA0)
			i += 2;
		else if (c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
		    ((unsigned char)p[i + 2] == 0xAF || (unsigned char)p[i + 2] == 0x89 ||
		    (unsigned char)p[i + 2] == 0x8A))
			i += 3;
		else
			break;
	}
	return i;
}

/*
 * The word of letters starting at p[i], case-folded into w (NUL-free,
 * *wn bytes).  Returns its length in the text, 0 when p[i] starts no
 * letter or the word is too long to be one we know.
 */
static size_t
word_at(const char *p, size_t n, size_t i, char *w, size_t *wn)
{
	size_t j = i, k = 0;

	while (j < n) {
		uint32_t cp;
		int bad = 0;
		size_t l;
		unsigned char c = (unsigned char)p[j];

		/* ASCII, most words: the steps below without the calls */
		if (c < 0x80) {
			if ((unsigned)((c | 0x20) - 'a') >= 26)
				break;
			if (k + 4 > MAXWORD)
				return 0;
			w[k++] = (char)(c | 0x20);
			j++;
			continue;
		}
		l = sc_utf8_next((const unsigned char *)p + j, n - j, &cp, &bad);
		if (bad || !is_letter_cp(cp))
			break;
		cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
		if (k + 4 > MAXWORD)
			return 0;
		k += sc_utf8_encode(cp, w + k);
		j += l;
	}
	*wn = k;
	return j - i;
}

/* Start of the word of letters that ends at p[i] (i itself when none). */
static size_t
word_start_before(const char *p, size_t i, size_t lo)
{
	while (i > lo) {
		size_t s = sc_utf8_prev(p, i);
		uint32_t cp;
		int bad = 0;

		if (s < lo)
			break;
		sc_utf8_next((const unsigned char *)p + s, i - s, &cp, &bad);
		if (bad || !is_letter_cp(cp))
			break;
		i = s;
	}
	return i;
}

/* The kind-value of the word at p[i], with its length in *len. */
static int
word_is(const char *p, size_t n, size_t i, int kind, size_t *len)
{
	char w[MAXWORD];
	size_t wn, l = word_at(p, n, i, w, &wn);

	*len = l;
	return l ? lookup(w, wn, kind) : 0;
}

/* An ordinal suffix after a day: "6th", "1er", "1st", "2nd", "3rd", "1º". */
static size_t
ordinal_suffix(const char *p, size_t n, size_t i)
{
	static const char *const suf[] = { "st", "nd", "rd", "th", "er", "e",
		"\xC2\xBA", "\xC2\xAA", "ème", "eme" };
	size_t k;

	for (k = 0; k < sizeof suf / sizeof suf[0]; k++) {
		size_t l = strlen(suf[k]);

		if (i + l <= n && sc_ascii_ieq(p + i, suf[k], l) &&
		    (i + l == n || !is_letter_cp((unsigned char)p[i + l])))
			return l;
	}
	return 0;
}

/* The length of a dot and one space (or NBSP) at p[i], 0 when there is none. */
static size_t
dot_space(const char *p, size_t n, size_t i)
{
	if (i + 1 < n && p[i] == '.' && p[i + 1] == ' ')
		return 2;
	if (i + 2 < n && p[i] == '.' && (unsigned char)p[i + 1] == 0xC2 &&
	    (unsigned char)p[i + 2] == 0xA0)
		return 3;
	return 0;
}

/* The length of an apostrophe (' or U+2019) at p[i], 0 when there is none. */
static size_t
apostrophe(const char *p, size_t n, size_t i)
{
	if (i < n && p[i] == '\'')
		return 1;
	if (i + 2 < n && memcmp(p + i, "\xE2\x80\x99", 3) == 0)
		return 3;
	return 0;
}

/*
 * Whether the folded word at p[i] is w (ASCII or UTF-8, lower case), with
 * its length in *len.
 */
static int
word_eq(const char *p, size_t n, size_t i, const char *w, size_t *len)
{
	char b[MAXWORD];
	size_t bn, l = word_at(p, n, i, b, &bn);

	*len = l;
	return l != 0 && bn == strlen(w) && memcmp(b, w, bn) == 0;
}

/* 1 when p[i] (if any) continues a number or word, so a match must stop. */
static int
glued(const char *p, size_t n, size_t i)
{
	return i < n && is_digit((unsigned char)p[i]);
}

/*
 * A time after a date: "T14:05:00Z", " 14:05", ", 4:56 p.m.", " um 11:23",
 * " a las 09:01".  Returns the end of the time, or i when there is none.
 */
static size_t
parse_time(const char *p, size_t n, size_t i, struct sc_date *d, int iso)
{
	size_t j = i, l;
	int h, m, s = 0, k;

	if (iso && j < n && p[j] == 'T')
		j++;
	else {
		/* separators and up to two link words */
		for (k = 0; k < 4; k++) {
			size_t j0 = j;

			j = skip_blank(p, n, j);
			if (j < n && (p[j] == ',' || p[j] == '|' || p[j] == '-' ||
			    p[j] == '@'))
				j++;
			/* the dot that ends a South Slavic date: "3. jula 2021. u 10:15" */
			else if (j == i && j + 1 < n && p[j] == '.' && p[j + 1] == ' ')
				j++;
			else if (j + 3 <= n && (memcmp(p + j, "\xE2\x80\x93", 3) == 0 ||
			    memcmp(p + j, "\xE2\x80\x94", 3) == 0 ||
			    memcmp(p + j, "\xC2\xB7", 2) == 0))
				j += (unsigned char)p[j] == 0xC2 ? 2 : 3;
			else if (word_is(p, n, j, W_TIMELINK, &l)) {
				j += l;
				if (j < n && p[j] == '.')
					j++;
			}
			if (j == j0)
				break;
		}
		j = skip_blank(p, n, j);
	}
	l = digits(p, n, j, &h);
	if (l > 2 || h > 23)
		return i;
	j += l;
	if (j >= n || (p[j] != ':' && p[j] != 'h'))
		return i;
	j++;
	if (digits(p, n, j, &m) != 2 || m > 59)
		return i;
	j += 2;
	if (j + 2 < n && p[j] == ':' && is_digit((unsigned char)p[j + 1]) &&
	    digits(p, n, j + 1, &s) == 2 && s <= 59)
		j += 3;
	else
		s = 0;
	if (glued(p, n, j))
		return i;
	d->hour = h;
	d->minute = m;
	d->second = s;
	d->tzoff = SC_DATE_NOTZ;
	if (iso) {
		int th, tm;

		if (j < n && p[j] == '.') {	/* fractions of a second */
			size_t f = j + 1;
			while (f < n && is_digit((unsigned char)p[f]))
				f++;
			if (f > j + 1)
				j = f;
		}
		if (j < n && p[j] == 'Z') {
			d->tzoff = 0;
			j++;
		} else if (j + 3 <= n && (p[j] == '+' || p[j] == '-')) {
			size_t dl = digits(p, n, j + 1, &th), q = j + 3;

			if (dl == 4) {		/* +0200 */
				tm = th % 100;
				th /= 100;
				if (th <= 14 && tm <= 59) {
					d->tzoff = (p[j] == '-' ? -1 : 1) * (th * 60 + tm);
					j += 5;
				}
			} else if (dl == 2 && th <= 14) {
				int colon = q < n && p[q] == ':';

				q += colon;
				/*
				 * "+01:00" is fixed-width: a dump that glues the
				 * next element to it ("+01:0025. Dezember 2022")
				 * still ends the offset after two digits.
				 */
				if (colon && q + 2 <= n && is_digit((unsigned char)p[q]) &&
				    is_digit((unsigned char)p[q + 1]) &&
				    (tm = (p[q] - '0') * 10 + (p[q + 1] - '0')) <= 59) {
					d->tzoff = (p[j] == '-' ? -1 : 1) * (th * 60 + tm);
					j = q + 2;
				} else if (!colon && digits(p, n, q, &tm) == 2 && tm <= 59) {
					d->tzoff = (p[j] == '-' ? -1 : 1) * (th * 60 + tm);
					j = q + 2;
				}
			}
		}
	} else {
		/* 12-hour clocks: "4:56 p.m.", "11:23 AM" */
		size_t q = skip_blank(p, n, j);

		if (q + 1 < n && (p[q] == 'a' || p[q] == 'A' || p[q] == 'p' ||
		    p[q] == 'P')) {
			int pm = p[q] == 'p' || p[q] == 'P';
			size_t r = q + 1;

			if (r < n && p[r] == '.')
				r++;
			if (r < n && (p[r] == 'm' || p[r] == 'M')) {
				r++;
				if (r < n && p[r] == '.')
					r++;
				if (r >= n || !is_letter_cp((unsigned char)p[r])) {
					if (h >= 1 && h <= 12) {
						d->hour = h % 12 + (pm ? 12 : 0);
						j = r;
					}
				}
			}
		}
	}
	return j;
}

/* Fill a hit; returns 1 when the date is plausible and was stored. */
static int
keep(const struct sc_date_ctx *c, struct sc_date_hit *h, const struct sc_date *d,
    size_t s, size_t e, unsigned flags)
{
	if (!plausible(c, d))
		return 0;
	h->d = *d;
	h->pos = s;
	h->len = e - s;
	h->flags = flags;
	h->swapped = 0;
	return 1;
}

static int
lang_is(const struct sc_date_ctx *c, const char *l)
{
	return c->lang != NULL && strncmp(c->lang, l, 2) == 0 &&
	    (c->lang[2] == '\0' || c->lang[2] == '-' || c->lang[2] == '_');
}

/*
 * Whether ambiguous slash dates are read month first.  English pages
 * write them so more often than not.  German writes its own numeric
 * dates with dots (06.09.2020); a slash date on a German page comes from
 * software set to the American default (WordPress, CMS templates), so it
 * is read month first too.  French, Spanish, Italian and Portuguese write
 * their own dates with slashes, day first.
 */
static int
month_first(const struct sc_date_ctx *c)
{
	if (c->order != SC_ORDER_AUTO)
		return c->order == SC_ORDER_MDY;
	return lang_is(c, "en") || lang_is(c, "de");
}

/* Whether p[s] sits in a URL path: the token around it has "://", "www." or starts with '/'. */
static int
in_url(const char *p, size_t s, size_t lo)
{
	size_t b = s;

	while (b > lo && p[b - 1] != ' ' && p[b - 1] != '\n' && p[b - 1] != '\t' &&
	    p[b - 1] != '(' && p[b - 1] != '[' && p[b - 1] != '"' && s - b < 2048)
		b--;
	if (p[b] == '/')
		return 1;
	for (; b + 3 < s; b++)
		if (memcmp(p + b, "://", 3) == 0 || memcmp(p + b, "www.", 4) == 0)
			return 1;
	return 0;
}

/*
 * Relative dates: NUMBER UNIT ago, or BEFORE NUMBER UNIT.  d gets now
 * minus the amount; hours and smaller need now's time to move the day.
 */
static int
relative_date(const struct sc_date_ctx *c, int num, int unit, struct sc_date *d)
{
	long day = days_from_civil(c->now.year, c->now.month, c->now.day);
	int y = c->now.year, m = c->now.month, dd = c->now.day;
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	switch (unit) {
	case U_SEC:
	case U_MIN:
	case U_HOUR:
		if (c->now.hour >= 0) {
			long secs = c->now.hour * 3600L + c->now.minute * 60L +
			    c->now.second;
			long back = (long)num * (unit == U_SEC ? 1 : unit == U_MIN ? 60 : 3600);

			secs -= back;
			while (secs < 0) {
				secs += 86400;
				day--;
			}
		}
		civil_from_days(day, &y, &m, &dd);
		break;
	case U_DAY:
	case U_WEEK:
		civil_from_days(day - (long)num * (unit == U_WEEK ? 7 : 1), &y, &m, &dd);
		break;
	case U_MONTH:
	case U_YEAR: {
		long mm = (long)y * 12 + (m - 1) - (unit == U_MONTH ? num : 12L * num);
		int maxd;

		y = (int)(mm / 12);
		m = (int)(mm % 12) + 1;
		maxd = mdays[m - 1] + (m == 2 && is_leap(y));
		if (dd > maxd)
			dd = maxd;
		break;
	}
	default:
		return 0;
	}
	date_init(d, y, m, dd);
	return 1;
}

/*
 * Try the forms that begin with the digit run at p[i] (or a month name
 * just before it).  lo is where this match may start at the earliest (the
 * end of the previous hit).  Returns 1 and fills *h on success.
 */
static int
match_at(const char *p, size_t n, size_t i, size_t lo,
    const struct sc_date_ctx *c, struct sc_date_hit *h)
{
	int v1, v2, v3, mon;
	size_t l1, l2, l3, j, k, wl;
	struct sc_date d;

	l1 = digits(p, n, i, &v1);
	j = i + l1;

	/* Year first: 2020-09-06, 2020/09/06, 2020.09.06, with a time. */
	if (l1 == 4 && j + 1 < n && (p[j] == '-' || p[j] == '/' || p[j] == '.')) {
		char sep = p[j];

		l2 = digits(p, n, j + 1, &v2);
		k = j + 1 + l2;
		if (l2 >= 1 && l2 <= 2 && k + 1 < n && p[k] == sep &&
		    (l3 = digits(p, n, k + 1, &v3)) >= 1 && l3 <= 2 &&
		    !glued(p, n, k + 1 + l3)) {
			unsigned fl = SC_DATE_NUMERIC | SC_DATE_ISO;
			size_t e = k + 1 + l3;

			date_init(&d, v1, v2, v3);
			if (i > 0 && p[i - 1] == '/' && in_url(p, i, lo))
				fl |= SC_DATE_URL;
			else if (sep == '-' || sep == '.') {
				size_t t = parse_time(p, n, e, &d, sep == '-');

				if (t != e)
					fl |= SC_DATE_TIME;
				e = t;
			}
			return keep(c, h, &d, i, e, fl);
		}
		/* /2020/09/slug: a month without a day tells no date */
	}
	/* Compact 20200906 only inside URLs, where it is common. */
	if (l1 == 8 && i > 0 && p[i - 1] == '/' && in_url(p, i, lo)) {
		date_init(&d, v1 / 10000, v1 / 100 % 100, v1 % 100);
		return keep(c, h, &d, i, j, SC_DATE_NUMERIC | SC_DATE_ISO | SC_DATE_URL);
	}
	/* 2020年9月6日 and 2020년 9월 6일 */
	if (l1 == 4) {
		static const char *const cjk[2][3] = {
			{ "\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5" },
			{ "\xEB\x85\x84", "\xEC\x9B\x94", "\xEC\x9D\xBC" } };
		int z;

		for (z = 0; z < 2; z++) {
			k = j;
			if (k + 3 > n || memcmp(p + k, cjk[z][0], 3) != 0)
				continue;
			k = skip_blank(p, n, k + 3);
			l2 = digits(p, n, k, &v2);
			if (l2 < 1 || l2 > 2 || k + l2 + 3 > n ||
			    memcmp(p + k + l2, cjk[z][1], 3) != 0)
				continue;
			k = skip_blank(p, n, k + l2 + 3);
			l3 = digits(p, n, k, &v3);
			if (l3 < 1 || l3 > 2 || k + l3 + 3 > n ||
			    memcmp(p + k + l3, cjk[z][2], 3) != 0)
				continue;
			date_init(&d, v1, v2, v3);
			k += l3 + 3;
			{
				size_t t = parse_time(p, n, k, &d, 0);
				unsigned fl = SC_DATE_NUMERIC | SC_DATE_CJK;

				if (t != k)
					fl |= SC_DATE_TIME;
				return keep(c, h, &d, i, t, fl);
			}
		}
		/* Hungarian: "2020. szeptember 6." */
		if (j + 1 < n && p[j] == '.') {
			k = skip_blank(p, n, j + 1);
			if ((mon = word_is(p, n, k, W_MONTH, &wl)) != 0) {
				k += wl;
				if (k < n && p[k] == '.')
					k++;
				k = skip_blank(p, n, k);
				l3 = digits(p, n, k, &v3);
				if (l3 >= 1 && l3 <= 2 && !glued(p, n, k + l3)) {
					date_init(&d, v1, mon, v3);
					k += l3;
					if (k < n && p[k] == '.')
						k++;
					return keep(c, h, &d, i, k, SC_DATE_NAMED);
				}
			}
		}
		/*
		 * Year first with a month's name in the genitive: Lithuanian
		 * "2020 m. rugsėjo 6 d." (the "m." of metai, year, is required)
		 * and Basque "2020ko irailaren 6a" (the "-ko" glued to the year).
		 */
		{
			size_t q = skip_blank(p, n, j), m = 0;
			int eu = 0;

			if (j + 2 < n && (p[j] | 0x20) == 'k' && (p[j + 1] | 0x20) == 'o' &&
			    !is_letter_cp((unsigned char)p[j + 2]))
				m = j + 2, eu = 1;
			else if (j + 3 < n && p[j] == 'e' && p[j + 1] == 'k' && p[j + 2] == 'o' &&
			    !is_letter_cp((unsigned char)p[j + 3]))
				m = j + 3, eu = 1;	/* "2021eko" */
			else if (q > j && q + 1 < n && p[q] == 'm' && p[q + 1] == '.')
				m = q + 2;
			if (m != 0) {
				k = skip_blank(p, n, m);
				if (k > m && (mon = word_is(p, n, k, W_MONTH, &wl)) != 0 &&
				    (q = skip_blank(p, n, k + wl)) > k + wl &&
				    (l3 = digits(p, n, q, &v3)) >= 1 && l3 <= 2 &&
				    !glued(p, n, q + l3)) {
					size_t e = q + l3, t;

					if (!eu && e + 1 < n && p[e] == ' ' && p[e + 1] == 'd' &&
					    (e + 2 == n || p[e + 2] == '.'))
						e += e + 2 < n ? 3 : 2;		/* "6 d." */
					else if (eu) {
						/* the case ending: "6a", "6an", "15ean" */
						size_t f = e;

						while (f < n && f < e + 3 && p[f] >= 'a' && p[f] <= 'z')
							f++;
						e = f;
					}
					if (e < n && is_letter_cp((unsigned char)p[e]))
						return 0;
					date_init(&d, v1, mon, v3);
					t = parse_time(p, n, e, &d, 0);
					return keep(c, h, &d, i, t, SC_DATE_NAMED |
					    (t != e ? SC_DATE_TIME : 0));
				}
			}
		}
		/*
		 * Year first with the word for year and the day before the
		 * month: Latvian "2020. gada 6. septembrī" (and "2020. gada
		 * 6. septembris", "2020. g. 6. septembrī").
		 */
		if (j + 1 < n && p[j] == '.') {
			size_t q = skip_blank(p, n, j + 1), m = 0;

			if (q > j + 1 && q + 4 < n && memcmp(p + q, "gada", 4) == 0 &&
			    !is_letter_cp((unsigned char)p[q + 4]))
				m = q + 4;
			else if (q > j + 1 && q + 1 < n && p[q] == 'g' && p[q + 1] == '.')
				m = q + 2;
			if (m != 0 && (k = skip_blank(p, n, m)) > m &&
			    (l2 = digits(p, n, k, &v2)) >= 1 && l2 <= 2 &&
			    k + l2 < n && p[k + l2] == '.' &&
			    (q = skip_blank(p, n, k + l2 + 1)) > k + l2 + 1 &&
			    (mon = word_is(p, n, q, W_MONTH, &wl)) != 0) {
				size_t t;

				date_init(&d, v1, mon, v2);
				t = parse_time(p, n, q + wl, &d, 0);
				return keep(c, h, &d, i, t, SC_DATE_NAMED |
				    (t != q + wl ? SC_DATE_TIME : 0));
			}
		}
		/*
		 * "2020. 9. 6." and "2020. 09. 06. 10:30": Korean (and
		 * Hungarian) numeric dates, year first, a space after each dot
		 * and a dot after the day.
		 */
		if ((k = dot_space(p, n, j)) != 0) {
			size_t m = j + k;

			l2 = digits(p, n, m, &v2);
			if (l2 >= 1 && l2 <= 2 && (k = dot_space(p, n, m + l2)) != 0) {
				m += l2 + k;
				l3 = digits(p, n, m, &v3);
				/* the dot after the day too: "2020. 1. 2" is a version */
				if (l3 >= 1 && l3 <= 2 && m + l3 < n && p[m + l3] == '.' &&
				    !glued(p, n, m + l3 + 1)) {
					size_t e = m + l3 + 1, t;

					date_init(&d, v1, v2, v3);
					t = parse_time(p, n, e, &d, 0);
					return keep(c, h, &d, i, t, SC_DATE_NUMERIC | SC_DATE_ISO |
					    (t != e ? SC_DATE_TIME : 0));
				}
			}
		}
		return 0;
	}
	/*
	 * "Apr 042013": blog themes set the day and the year of a date badge
	 * in elements of their own, which a text dump glues together.  Six
	 * digits right after a month name are a two-digit day and a year.
	 */
	if (l1 == 6 && i > lo && (j == n || (!is_digit((unsigned char)p[j]) &&
	    !is_letter_cp((unsigned char)p[j]) && (unsigned char)p[j] < 0x80)) &&
	    (p[i - 1] == ' ' || p[i - 1] == '\t')) {
		size_t b = i, ws;

		while (b > lo && (p[b - 1] == ' ' || p[b - 1] == '\t'))
			b--;
		ws = word_start_before(p, b, lo);
		if (ws < b && (mon = word_is(p, n, ws, W_MONTH, &wl)) != 0 && ws + wl == b &&
		    v1 / 10000 >= 1) {
			date_init(&d, v1 % 10000, mon, v1 / 10000);
			return keep(c, h, &d, ws, j, SC_DATE_NAMED);
		}
	}
	if (l1 < 1 || l1 > 3)
		return 0;

	/* Month name first: "September 6th, 2020", "Nov 8, 2023", "2 Apr, 2016" is below. */
	if (l1 <= 2 && i > lo) {
		size_t b = i, ws;

		while (b > lo && (p[b - 1] == ' ' || p[b - 1] == '\t'))
			b--;
		if (b > lo && p[b - 1] == '.')	/* "Sept. 6" */
			b--;
		ws = word_start_before(p, b, lo);
		if (ws < b && (ws == lo || ws == 0 || !is_digit((unsigned char)p[ws - 1])) &&
		    (mon = word_is(p, n, ws, W_MONTH, &wl)) != 0 && ws + wl == b) {
			k = i + l1;
			k += ordinal_suffix(p, n, k);
			if (k < n && p[k] == ',')
				k++;
			else if (k < n && p[k] == '.')
				k++;
			k = skip_blank(p, n, k);
			l3 = digits(p, n, k, &v3);
			if (l3 == 4 || (l3 > 4 && l3 <= 6 && (v3 = v3 / (l3 == 5 ? 10 : 100), 1))) {
				unsigned fl = SC_DATE_NAMED;
				size_t e = k + 4, t;

				if (l3 == 4 && glued(p, n, e))
					return 0;
				date_init(&d, v3, mon, v1);
				t = parse_time(p, n, e, &d, 0);
				if (t != e)
					fl |= SC_DATE_TIME;
				return keep(c, h, &d, ws, t, fl);
			}
		}
	}

	/* Day first, numeric: 06.09.2020, 6.9.20, 06/09/2020, 09/06/2020, 06-09-2020. */
	if (l1 <= 2 && j + 1 < n && (p[j] == '.' || p[j] == '/' || p[j] == '-')) {
		char sep = p[j];

		l2 = digits(p, n, j + 1, &v2);
		k = j + 1 + l2;
		if (l2 >= 1 && l2 <= 2 && k + 1 < n && p[k] == sep &&
		    ((l3 = digits(p, n, k + 1, &v3)) == 4 || l3 == 2 ||
		    (sep == '.' && l3 > 4 && l3 <= 6))) {
			unsigned fl = SC_DATE_NUMERIC;
			int y, dd = v1, mm = v2;
			size_t e, t;

			if (l3 > 4) {		/* "21.01.202221.01.2022" */
				v3 = v3 / (l3 == 5 ? 10 : 100);
				l3 = 4;
			} else if (sep == '.' && l3 == 4 && (v3 < c->min_year || v3 > c->now.year) &&
			    v3 % 100 < 24 &&
			    k + 5 < n && p[k + 5] == ':') {
				/* "28.09.1912:44": a two-digit year glued to the time */
				v3 /= 100;
				l3 = 2;
			} else if (glued(p, n, k + 1 + l3))
				return 0;
			if (l3 == 2) {
				/* "1.2.20" in prose is more often a version than a date */
				if (sep == '-')
					return 0;
				y = full_year(v3);
				fl |= SC_DATE_YY;
			} else
				y = v3;
			e = k + 1 + l3;
			/*
			 * "11.14.2019": American sites that write dots (Wired,
			 * Condé Nast) put the month first; the middle number
			 * cannot be a month, the first can.
			 */
			if (sep == '.' && l3 == 4 && v1 <= 12 && v2 > 12) {
				dd = v2;
				mm = v1;
			}
			if (sep != '.') {
				fl |= SC_DATE_SLASH;
				if (v1 <= 12 && v2 <= 12 && v1 != v2)
					fl |= SC_DATE_AMBIG;
				if (v1 > 12 && v2 > 12)
					return 0;
				if (v2 > 12 || ((fl & SC_DATE_AMBIG) && month_first(c))) {
					dd = v2;
					mm = v1;
				}
				if (fl & SC_DATE_AMBIG) {
					/*
					 * "Thu, 05/06/2021": when one reading falls
					 * on the weekday written before it, that is
					 * the reading, whatever the page's habit.
					 */
					int w = sc_date_weekday_before(p, i);

					if (w >= 0 && sc_date_valid(y, v2, v1) != 0 &&
					    sc_date_valid(y, v1, v2) != 0 &&
					    (sc_date_weekday(y, v2, v1) == w) !=
					    (sc_date_weekday(y, v1, v2) == w)) {
						fl &= ~(unsigned)SC_DATE_AMBIG;
						dd = sc_date_weekday(y, v2, v1) == w ? v1 : v2;
						mm = dd == v1 ? v2 : v1;
					}
				}
			}
			date_init(&d, y, mm, dd);
			t = parse_time(p, n, e, &d, 0);
			if (t != e)
				fl |= SC_DATE_TIME;
			if (!keep(c, h, &d, i, t, fl))
				return 0;
			h->swapped = dd != v1;
			return 1;
		}
	}

	/*
	 * "18. 5. 2014", "18. 05. 2014 22:38": Czech and Slovak write numeric
	 * dates with a space after each dot, and blog themes copy it.  Only
	 * with a four-digit year: "3. 4. 5." is a list.
	 */
	if (l1 <= 2 && (k = dot_space(p, n, j)) != 0) {
		size_t m = j + k, e, t;

		l2 = digits(p, n, m, &v2);
		if (l2 >= 1 && l2 <= 2 && (k = dot_space(p, n, m + l2)) != 0 &&
		    digits(p, n, m + l2 + k, &v3) == 4) {
			e = m + l2 + k + 4;
			date_init(&d, v3, v2, v1);
			t = parse_time(p, n, e, &d, 0);
			return keep(c, h, &d, i, t, SC_DATE_NUMERIC |
			    (t != e ? SC_DATE_TIME : 0));
		}
	}

	/*
	 * Dashes around a month's abbreviation: "06-Sep-2020", "6-Sep-20",
	 * as Indian and British sites, government portals and software logs
	 * write it (Oracle's DD-MON-YYYY); slashes as web server logs and
	 * some blog themes do ("03/Nov/2020").
	 */
	if (l1 <= 2 && j + 1 < n && (p[j] == '-' || p[j] == '/') &&
	    (mon = word_is(p, n, j + 1, W_MONTH, &wl)) != 0 &&
	    j + 1 + wl + 1 < n && p[j + 1 + wl] == p[j]) {
		k = j + 1 + wl + 1;
		l3 = digits(p, n, k, &v3);
		if ((l3 == 4 || l3 == 2) && !glued(p, n, k + l3)) {
			unsigned fl = SC_DATE_NAMED;
			size_t e = k + l3, t;

			if (l3 == 2)
				fl |= SC_DATE_YY;
			date_init(&d, l3 == 2 ? full_year(v3) : v3, mon, v1);
			/* a log's "03/Nov/2020:10:12:01 +0000": the date alone */
			t = p[j] == '/' && e < n && p[e] == ':' ? e : parse_time(p, n, e, &d, 0);
			if (t != e)
				fl |= SC_DATE_TIME;
			return keep(c, h, &d, i, t, fl);
		}
	}

	/*
	 * Vietnamese: "6 tháng 9 năm 2020", "06 tháng 09, 2020" (tháng,
	 * month, before the month's number; năm, year, before the year).
	 */
	if (l1 <= 2) {
		k = skip_blank(p, n, j);
		if (k > j && word_eq(p, n, k, "th\xC3\xA1ng", &wl)) {
			size_t q = skip_blank(p, n, k + wl);

			l2 = digits(p, n, q, &v2);
			if (q > k + wl && l2 >= 1 && l2 <= 2) {
				size_t m = q + l2, r;

				if (m < n && p[m] == ',')
					m++;
				r = skip_blank(p, n, m);
				if (word_eq(p, n, r, "n\xC4\x83m", &wl))
					r = skip_blank(p, n, r + wl);
				if (r > q + l2 && digits(p, n, r, &v3) == 4 && !glued(p, n, r + 4)) {
					size_t e = r + 4, t;

					date_init(&d, v3, v2, v1);
					t = parse_time(p, n, e, &d, 0);
					return keep(c, h, &d, i, t, SC_DATE_NAMED |
					    (t != e ? SC_DATE_TIME : 0));
				}
			}
		}
	}

	/* Day first, named: "6. September 2020", "04 de mayo de 2022", "1er janvier 2020". */
	if (l1 <= 2) {
		k = j;
		k += ordinal_suffix(p, n, k);
		if (k < n && p[k] == '.')
			k++;
		k = skip_blank(p, n, k);
		if (word_is(p, n, k, W_LINK, &wl)) {
			size_t q = skip_blank(p, n, k + wl), a = apostrophe(p, n, k + wl);

			/* "1 d'abril", "6 ta' Settembru", "1 d’abril" */
			if (a != 0)
				k = skip_blank(p, n, k + wl + a);
			else if (q > k + wl)
				k = q;
		}
		if ((mon = word_is(p, n, k, W_MONTH, &wl)) != 0) {
			k += wl;
			if (k < n && p[k] == '.')
				k++;
			if (k < n && p[k] == ',')
				k++;
			k = skip_blank(p, n, k);
			if (word_is(p, n, k, W_LINK, &wl))
				k = skip_blank(p, n, k + wl);
			l3 = digits(p, n, k, &v3);
			if (l3 == 4 || (l3 > 4 && l3 <= 6) ||
			    (l3 == 2 && !(k + 2 < n && (p[k + 2] == ':' || p[k + 2] == '.' ||
			    p[k + 2] == 'h')))) {
				unsigned fl = SC_DATE_NAMED;
				size_t e, t;
				int y, chained = l3 > 4;

				if (chained) {	/* "1. November 20231. November 2023" */
					v3 = v3 / (l3 == 5 ? 10 : 100);
					l3 = 4;
				}
				if (l3 == 2) {
					y = full_year(v3);
					fl |= SC_DATE_YY;
				} else
					y = v3;
				e = k + l3;
				if (!chained && glued(p, n, e))
					return 0;
				if (l3 == 2) {
					/* "6 September 20 people" is no date */
					size_t q = skip_blank(p, n, e);

					if (q < n && is_letter_cp((unsigned char)p[q]))
						return 0;
				}
				date_init(&d, y, mon, v1);
				t = parse_time(p, n, e, &d, 0);
				if (t != e)
					fl |= SC_DATE_TIME;
				return keep(c, h, &d, i, t, fl);
			}
		}
	}

	/* Relative: "2 days ago", "vor 3 Stunden", "il y a 2 jours". */
	if (c->relative && v1 > 0) {
		int unit;
		size_t s = i, e;

		k = skip_blank(p, n, j);
		if ((unit = word_is(p, n, k, W_UNIT, &wl)) != 0) {
			size_t q, r;
			int before = 0;

			e = k + wl;
			for (r = 0; r < sizeof rel_before / sizeof rel_before[0]; r++) {
				size_t bl = strlen(rel_before[r]);

				if (i >= lo + bl && strncasecmp(p + i - bl, rel_before[r], bl) == 0 &&
				    (i == bl || !is_letter_cp((unsigned char)p[i - bl - 1]))) {
					before = 1;
					s = i - bl;
					break;
				}
			}
			q = skip_blank(p, n, e);
			if (!before && word_is(p, n, q, W_AGO, &wl))
				e = q + wl, before = 1;
			if (before && relative_date(c, v1, unit, &d))
				return keep(c, h, &d, s, e, SC_DATE_RELATIVE);
		}
	}
	return 0;
}

/*
 * Where the next ASCII digit is, from i (n if none): sixteen bytes at a
 * time (simd.h), since most of a page is no date.  A byte b is a digit
 * when b - '0' < 10 as an unsigned byte.
 */
static size_t
next_digit(const char *p, size_t n, size_t i)
{
	while (i + 16 <= n) {
		sc_u8x16 v = sc_load16(p + i);
		unsigned k = sc_first16((sc_i8x16)((sc_u8x16)(v - '0') < 10));

		if (k < 16)
			return i + k;
		i += 16;
	}
	while (i < n && !is_digit((unsigned char)p[i]))
		i++;
	return i;
}

static size_t
find_ascii(const char *p, size_t n, const struct sc_date_ctx *c,
    struct sc_date_hit *hits, size_t max)
{
	size_t i = 0, lo = 0, nh = 0;

	while (nh < max && i < n) {
		const char *q;
		size_t l;
		int v;

		/* the next digit */
		i = next_digit(p, n, i);
		if (i >= n)
			break;
		l = digits(p, n, i, &v);
		/* a number glued to the one before cannot start a date,
		 * unless the previous date ended right here ("20231. Nov") */
		if (i > 0 && is_digit((unsigned char)p[i - 1]) && i != lo) {
			i += l;
			continue;
		}
		if (match_at(p, n, i, lo, c, &hits[nh])) {
			lo = i = hits[nh].pos + hits[nh].len;
			nh++;
			continue;
		}
		q = p + i + l;
		i = (size_t)(q - p);
	}
	return nh;
}

/*
 * Native digits: Bengali (U+09E6..), Devanagari (U+0966..), Arabic-Indic
 * (U+0660..) and Persian (U+06F0..).  Bangladeshi and Indian papers and
 * Arabic ones write their dates with them ("০৬ সেপ্টেম্বর ২০২০, ১০:৩০").
 * The value (0-9) of the digit whose bytes start at p[i] and its length
 * in *len, or -1.
 */
static int
native_digit(const char *p, size_t n, size_t i, size_t *len)
{
	const unsigned char *u = (const unsigned char *)p + i;

	if (u[0] == 0xE0 && i + 2 < n && (u[1] == 0xA7 || u[1] == 0xA5) &&
	    u[2] >= 0xA6 && u[2] <= 0xAF) {
		*len = 3;
		return u[2] - 0xA6;
	}
	if (i + 1 < n && ((u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9) ||
	    (u[0] == 0xDB && u[1] >= 0xB0 && u[1] <= 0xB9))) {
		*len = 2;
		return u[1] - (u[0] == 0xD9 ? 0xA0 : 0xB0);
	}
	return -1;
}

/* Where the first native digit is, n if none: memchr() over the lead bytes. */
static size_t
first_native_digit(const char *p, size_t n)
{
	static const unsigned char lead[] = { 0xE0, 0xD9, 0xDB };
	size_t best = n, k, l;

	for (k = 0; k < sizeof lead; k++) {
		const char *q = p;

		while ((q = memchr(q, lead[k], (size_t)(p + best - q))) != NULL) {
			if (native_digit(p, n, (size_t)(q - p), &l) >= 0) {
				best = (size_t)(q - p);
				break;
			}
			q++;
		}
	}
	return best;
}

size_t
sc_date_find(const char *p, size_t n, const struct sc_date_ctx *c,
    struct sc_date_hit *hits, size_t max)
{
	size_t first = c->native ? first_native_digit(p, n) : n, i, o, nd, k, nh, l;
	size_t *at;		/* where in the copy each native digit went */
	char *a;
	int v;

	if (first == n)
		return find_ascii(p, n, c, hits, max);
	/*
	 * A copy with ASCII digits for the native ones; the hits' spans are
	 * moved back by the bytes each digit before them lost.
	 */
	a = xmalloc(n + 1);
	at = xmalloc((n / 2 + 1) * sizeof *at);
	memcpy(a, p, first);
	for (i = o = first, nd = 0; i < n;) {
		if ((v = native_digit(p, n, i, &l)) >= 0) {
			at[nd++] = o;
			a[o++] = (char)('0' + v);
			i += l;
		} else
			a[o++] = p[i++];
	}
	nh = find_ascii(a, o, c, hits, max);
	for (k = 0; k < nh; k++) {
		size_t s = hits[k].pos, e = s + hits[k].len, lost = 0, j = 0;

		/* each lost one byte (Arabic) or two (Indic): from the original */
		for (j = 0; j < nd && at[j] < e; j++) {
			size_t w = native_digit(p, n, at[j] + lost, &l) >= 0 ? l - 1 : 0;

			if (at[j] < s)
				hits[k].pos += w;
			else
				hits[k].len += w;
			lost += w;
		}
	}
	free(at);
	free(a);
	return nh;
}

size_t
sc_date_resolve(struct sc_date_hit *hits, size_t nhits,
    const struct sc_date_ctx *c, enum sc_date_order *order)
{
	size_t i, o = 0;
	int dmy = 0, mdy = 0, mfirst;

	for (i = 0; i < nhits; i++) {
		if (!(hits[i].flags & SC_DATE_SLASH) || (hits[i].flags & SC_DATE_AMBIG))
			continue;
		/* unambiguous: the larger-than-12 number shows the order */
		if (hits[i].d.day > 12 && !hits[i].swapped)
			dmy++;
		else if (hits[i].d.day > 12)
			mdy++;
	}
	if (c->order != SC_ORDER_AUTO)
		mfirst = c->order == SC_ORDER_MDY;
	else if (dmy != mdy)
		mfirst = mdy > dmy;
	else
		mfirst = month_first(c);
	if (order)
		*order = mfirst ? SC_ORDER_MDY : SC_ORDER_DMY;
	for (i = 0; i < nhits; i++) {
		struct sc_date_hit h = hits[i];

		if ((h.flags & SC_DATE_AMBIG) && h.swapped != mfirst) {
			int t = h.d.day;

			h.d.day = h.d.month;
			h.d.month = t;
			h.swapped = mfirst;
			if (!plausible(c, &h.d))
				continue;
		}
		hits[o++] = h;
	}
	return o;
}

int
sc_date_parse(const char *p, size_t n, const struct sc_date_ctx *c,
    struct sc_date *out)
{
	struct sc_date_hit h[2];
	size_t nh, i;

	nh = sc_date_find(p, n, c, h, 2);
	if (nh != 1)
		return -1;
	/* nothing else that looks like a number may be there */
	for (i = 0; i < n; i++)
		if (is_digit((unsigned char)p[i]) && (i < h[0].pos || i >= h[0].pos + h[0].len))
			return -1;
	*out = h[0].d;
	return 0;
}

int
sc_date_parse_now(const char *s, struct sc_date *out)
{
	struct sc_date_ctx c;
	size_t n = strlen(s), e;
	int y, m, d;

	if (strcmp(s, "today") == 0) {
		sc_date_today(out);
		return 0;
	}
	if (n < 10 || digits(s, n, 0, &y) != 4 || s[4] != '-' ||
	    digits(s, n, 5, &m) != 2 || s[7] != '-' || digits(s, n, 8, &d) != 2 ||
	    !sc_date_valid(y, m, d))
		return -1;
	date_init(out, y, m, d);
	if (n == 10)
		return 0;
	if (s[10] != 'T' && s[10] != ' ')
		return -1;
	memset(&c, 0, sizeof c);
	e = parse_time(s, n, 10, out, 1);
	if (s[10] == ' ' && e == 10) {
		/* parse_time wants a 'T' in ISO mode; accept the space form too */
		char *t = xstrdup(s);

		t[10] = 'T';
		e = parse_time(t, n, 10, out, 1);
		free(t);
	}
	return e == n ? 0 : -1;
}
