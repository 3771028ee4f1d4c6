/*
 * fixture_article.h: the body of a made-up local news article, long
 * enough for scmeta's page reader to take it for the main text, as text
 * and as HTML paragraphs (w: a word that marks the page).  Shared by the
 * unit tests that build pages around it (bylines, dates, titles).
 */
#ifndef FIXTURE_ARTICLE_H
#define FIXTURE_ARTICLE_H

#define ARTICLE_BODY \
	"The council met on Tuesday to discuss the plans for the new bridge over " \
	"the river, which has been delayed for more than three years because of " \
	"rising costs and a dispute about who should pay for the repairs.\n\n" \
	"Residents who attended the meeting said they were tired of waiting and " \
	"asked the mayor to publish a timetable before the end of the year, so " \
	"that shops near the old crossing could plan for the closure.\n\n" \
	"The mayor promised an answer within a month and said that the regional " \
	"government had agreed in principle to share the costs of the work.\n"

#define ARTICLE_PROSE_HTML(w) \
	"<p>The council met on Tuesday to discuss the " w " plan, which would " \
	"change how the city pays for its roads, bridges and parks over the " \
	"next ten years.</p><p>Members argued for hours, and several residents " \
	"spoke in favour of the proposal, while others asked for more time to " \
	"read the details.</p><p>A final vote is expected next month, after a " \
	"second public hearing, officials said.</p>"

#endif
