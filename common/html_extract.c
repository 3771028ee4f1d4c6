/*
 * html_extract.c: which blocks of a parsed page are the article, and how
 * they are written out (see html.h).
 *
 * The decision has three steps.
 *  1. Score containers.  Every prose-like block gives its ancestors a
 *     score (readability's scheme: 1 + commas + up to 3 for length, full
 *     to the parent, half to the grandparent, a third per level above),
 *     and each element starts from a prior: its tag, and its class/id
 *     tokens (article-body markers up, comment/share/related/nav/footer
 *     ... down).  The score is scaled by 1 - link density.
 *  2. Pick the article root: the best container, moved up to an ancestor
 *     when several near-best ones share it, or a precise article-body
 *     marker (itemprop=articleBody, entry-content ...) when it holds
 *     most of the page's prose.  Sibling containers that score well or
 *     read like prose join it (an article cut in two by an ad).
 *  3. Filter the blocks inside: boilerplate containers below the root,
 *     link lists, bylines and datelines, share and newsletter lines,
 *     the headline itself; everything after a comment section goes.
 */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "simd.h"
#include "rules.h"
#include "utf8.h"

struct xnode {
	double score;		/* accumulated content score */
	double prior;		/* tag and class prior */
	int scored;		/* got any paragraph score */
};

struct xstate {
	const struct sc_html_page *pg;
	struct xnode *xn;
	double *gchars;		/* prose characters inside each node */
	unsigned char *unlikely;/* inside a boilerplate container */
	uint32_t *depth;	/* exact depth of each node (the page's is capped) */
	size_t total_good;
	int pass;		/* 0 strict, 1 and 2 trust fewer class names */
	uint32_t umask;		/* flags that make a container unlikely */
	uint32_t dmask;		/* flags that drop a block below the root */
};

/* The class names that are never wrong enough to ignore. */
#define HARD_FLAGS (SC_HF_NAV | SC_HF_FOOTER | SC_HF_COOKIE | SC_HF_SUBSCRIBE)

/* Containers whose blocks do not vote for the article root. */
#define UNLIKELY_FLAGS (SC_HF_COMMENT | SC_HF_RELATED | SC_HF_NAV | SC_HF_FOOTER | \
    SC_HF_ASIDE | SC_HF_SHARE | SC_HF_AD | SC_HF_COOKIE | SC_HF_SUBSCRIBE | \
    SC_HF_HIDDEN)

/* Class-name prior of a node, readability's +/-25. */
static double
class_prior(uint32_t flags)
{
	double w = 0;

	if (flags & SC_HF_STRONG)
		w += 50;
	else if (flags & SC_HF_ARTICLE)
		w += 25;
	if (flags & (SC_HF_COMMENT | SC_HF_SHARE | SC_HF_RELATED | SC_HF_AD |
	    SC_HF_COOKIE | SC_HF_SUBSCRIBE | SC_HF_NAV | SC_HF_FOOTER |
	    SC_HF_ASIDE | SC_HF_HIDDEN))
		w -= 25;
	else if (flags & (SC_HF_META | SC_HF_HEADER | SC_HF_CAPTION))
		w -= 25;
	return w;
}

static double
tag_prior(unsigned tag)
{
	switch (tag) {
	case SC_HT_DIV: case SC_HT_ARTICLE: case SC_HT_SECTION: case SC_HT_MAIN:
		return 5;
	case SC_HT_PRE: case SC_HT_TD: case SC_HT_BLOCKQUOTE:
		return 3;
	case SC_HT_ADDRESS: case SC_HT_OL: case SC_HT_UL: case SC_HT_DL:
	case SC_HT_DD: case SC_HT_DT: case SC_HT_LI: case SC_HT_FORM:
		return -3;
	case SC_HT_H1: case SC_HT_H2: case SC_HT_H3: case SC_HT_H4:
	case SC_HT_H5: case SC_HT_H6: case SC_HT_TH:
		return -5;
	default:
		return 0;
	}
}

static double
link_density(uint32_t link, uint32_t chars)
{
	return chars > 0 ? (double)link / chars : 0;
}

/* Count the commas of a block (",", and the CJK and Arabic ones). */
static unsigned
commas(const char *s, size_t n)
{
	unsigned c = 0;
	size_t i = 0;

	/* Sixteen bytes at a time: ',' counted from the mask, the lead bytes
	 * of the other commas looked at one by one below. */
	for (; i + 16 <= n; i += 16) {
		sc_u8x16 v = sc_load16(s + i);
		unsigned lead = sc_mask16((v == 0xEF) | (v == 0xE3) | (v == 0xD8));

		c += sc_popcount16(sc_mask16(v == ','));
		while (lead != 0) {
			size_t k = i + (unsigned)__builtin_ctz(lead);

			lead &= lead - 1;
			if ((unsigned char)s[k] == 0xEF && k + 2 < n &&
			    (unsigned char)s[k + 1] == 0xBC && (unsigned char)s[k + 2] == 0x8C)
				c++;
			else if ((unsigned char)s[k] == 0xE3 && k + 2 < n &&
			    (unsigned char)s[k + 1] == 0x80 && (unsigned char)s[k + 2] == 0x81)
				c++;
			else if ((unsigned char)s[k] == 0xD8 && k + 1 < n &&
			    (unsigned char)s[k + 1] == 0x8C)
				c++;
		}
	}
	for (; i < n; i++) {
		if (s[i] == ',')
			c++;
		else if ((unsigned char)s[i] == 0xEF && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x8C)
			c++;
		else if ((unsigned char)s[i] == 0xE3 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x81)
			c++;
		else if ((unsigned char)s[i] == 0xD8 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0x8C)
			c++;
	}
	return c;
}

/* Aggregate block figures into every node (children come after parents). */
static void
node_stats(struct sc_html_page *pg)
{
	size_t i;

	for (i = 0; i < pg->nnodes; i++) {
		pg->nodes[i].chars = pg->nodes[i].link_chars = 0;
		pg->nodes[i].nblocks = pg->nodes[i].nparas = pg->nodes[i].puncts = 0;
	}
	for (i = 0; i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		struct sc_html_node *nd = &pg->nodes[b->node];

		nd->chars += b->chars;
		nd->link_chars += b->link_chars;
		nd->nblocks++;
		nd->puncts += b->puncts;
		if (b->chars >= 80 && b->link_chars * 4 < b->chars)
			nd->nparas++;
	}
	for (i = pg->nnodes; i-- > 1;) {
		const struct sc_html_node *c = &pg->nodes[i];
		struct sc_html_node *p = &pg->nodes[c->parent];

		p->chars += c->chars;
		p->link_chars += c->link_chars;
		p->nblocks += c->nblocks;
		p->nparas += c->nparas;
		p->puncts += c->puncts;
	}
}

/*
 * The deepest node that is an ancestor of (or equal to) both a and b: the
 * root (0) at worst.  One walk up, where is_ancestor() in a loop over the
 * ancestors of a node took time in the square of the depth (a page of
 * 8,000 nested divs, found by fuzzing, took seconds).
 */
static uint32_t
common_ancestor(const struct xstate *xs, uint32_t a, uint32_t b)
{
	const struct sc_html_page *pg = xs->pg;

	while (a != b) {
		if (xs->depth[a] >= xs->depth[b] && a != 0)
			a = pg->nodes[a].parent;
		else
			b = pg->nodes[b].parent;
	}
	return a;
}

/* A "heading" that holds sentences is a paragraph in the wrong element. */
static int
heading_is_prose(const struct sc_html_block *b)
{
	return b->chars > 300 && b->puncts >= 3;
}

/*
 * A block's prose weight: characters outside links, for blocks that
 * could be article text at all.
 */
static int
is_prose(const struct sc_html_block *b)
{
	if (b->chars < 25)
		return 0;
	if (b->link_chars * 2 > b->chars)
		return 0;
	if (b->kind == SC_HK_HEADING && !heading_is_prose(b))
		return 0;
	return 1;
}

/*
 * Prose characters inside every node, from every prose block: each block
 * counts in its own node, then every node adds into its parent (children
 * come after parents), so a deep page costs no more than a flat one.
 */
static void
prose_chars(struct xstate *xs)
{
	const struct sc_html_page *pg = xs->pg;
	size_t i;

	for (i = 0; i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];

		if (!is_prose(b))
			continue;
		xs->gchars[b->node] += b->chars - b->link_chars;
		xs->total_good += b->chars - b->link_chars;
	}
	for (i = pg->nnodes; i-- > 1;)
		xs->gchars[pg->nodes[i].parent] += xs->gchars[i];
	for (i = 1; i < pg->nnodes; i++)
		xs->depth[i] = xs->depth[pg->nodes[i].parent] + 1;
}

/*
 * Readability's "unlikely candidates": containers named comment, related,
 * nav, footer, sidebar, share ... do not vote, nor does anything inside
 * them, unless they carry a precise article-body name too, or hold most
 * of the page's prose (a wrapper whose name says less than it seems:
 * "elementor-widget", "page-with-sidebar").  Comments never get that
 * benefit of the doubt.
 */
static void
mark_unlikely(struct xstate *xs)
{
	const struct sc_html_page *pg = xs->pg;
	size_t i;

	for (i = 1; i < pg->nnodes; i++) {
		uint32_t f = pg->nodes[i].flags;
		int u = xs->unlikely[pg->nodes[i].parent];

		/* Past the first pass, nav, aside and footer elements still
		 * count as unlikely: the tag is the author's own word. */
		if (xs->pass > 0 && (pg->nodes[i].tag == SC_HT_NAV ||
		    pg->nodes[i].tag == SC_HT_ASIDE || pg->nodes[i].tag == SC_HT_FOOTER))
			f |= xs->umask;
		if (!u && (f & xs->umask) && !(f & SC_HF_STRONG)) {
			u = 1;
			if (!(f & SC_HF_COMMENT) && xs->gchars[i] >= 0.6 * xs->total_good)
				u = 0;
		}
		xs->unlikely[i] = (unsigned char)u;
	}
}

static void
score_nodes(struct xstate *xs)
{
	const struct sc_html_page *pg = xs->pg;
	size_t i;

	for (i = 0; i < pg->nnodes; i++) {
		const struct sc_html_node *nd = &pg->nodes[i];

		xs->xn[i].prior = tag_prior(nd->tag) +
		    class_prior(nd->flags & (xs->pass == 0 ? ~0u : xs->umask | SC_HF_ARTICLE |
		    SC_HF_STRONG));
	}
	/*
	 * A paragraph is a block and the lines that follow it after <br>
	 * in the same element: readability scores a <p> with line breaks
	 * as one paragraph, and a run of short lines must not outvote it.
	 */
	for (i = 0; i < pg->nblocks;) {
		const struct sc_html_block *b = &pg->blocks[i];
		uint32_t n, chars = b->chars, link = b->link_chars;
		unsigned nc = commas(pg->text.p + b->off, b->len);
		size_t j;
		double ps;
		int level;

		for (j = i + 1; j < pg->nblocks && pg->blocks[j].brk &&
		    pg->blocks[j].node == b->node; j++) {
			chars += pg->blocks[j].chars;
			link += pg->blocks[j].link_chars;
			nc += commas(pg->text.p + pg->blocks[j].off, pg->blocks[j].len);
		}
		i = j;
		if (chars < 25 || link * 2 > chars ||
		    (b->kind == SC_HK_HEADING && !heading_is_prose(b)))
			continue;
		if (xs->unlikely[b->node])
			continue;
		ps = 1 + nc + (chars / 100 > 3 ? 3 : chars / 100);
		/* Readability scores p, td and pre, not list items: a list of
		 * references or teasers, comma-rich as it is, rarely is the
		 * article.  Items count half. */
		if (b->kind == SC_HK_LI)
			ps /= 2;
		for (level = 0, n = pg->nodes[b->node].parent; level < 5; level++) {
			double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);

			xs->xn[n].score += ps * share;
			xs->xn[n].scored = 1;
			if (n == 0)
				break;
			n = pg->nodes[n].parent;
		}
	}
}

static double
final_score(const struct xstate *xs, uint32_t i)
{
	const struct sc_html_node *nd = &xs->pg->nodes[i];

	return (xs->xn[i].score + xs->xn[i].prior) *
	    (1 - link_density(nd->link_chars, nd->chars));
}

#define NTOP 5

/* Readability's choice of the top candidate, with its two corrections. */
static uint32_t
pick_root(const struct xstate *xs, double *topscore)
{
	const struct sc_html_page *pg = xs->pg;
	uint32_t top[NTOP];
	double ts[NTOP];
	size_t i, k, ntop = 0;
	uint32_t best, p;
	double last, thr;

	for (i = 1; i < pg->nnodes; i++) {
		double s;

		if (!xs->xn[i].scored)
			continue;
		s = final_score(xs, i);
		for (k = 0; k < ntop; k++)
			if (s > ts[k])
				break;
		if (k == NTOP)
			continue;
		if (ntop < NTOP)
			ntop++;
		memmove(&top[k + 1], &top[k], (ntop - 1 - k) * sizeof(top[0]));
		memmove(&ts[k + 1], &ts[k], (ntop - 1 - k) * sizeof(ts[0]));
		top[k] = (uint32_t)i;
		ts[k] = s;
	}
	if (ntop == 0)
		return 0;
	*topscore = ts[0];
	best = top[0];
	/*
	 * Several close candidates under one ancestor: take the ancestor, the
	 * lowest one above best that holds two of them.  A candidate is under
	 * an ancestor p of best when p is above (or is) the point where their
	 * paths meet, so p is the first ancestor no deeper than the second
	 * deepest meeting point.
	 */
	{
		unsigned d1 = 0, d2 = 0, dl;
		int close = 0;

		for (k = 1; k < ntop; k++) {
			if (ts[k] < 0.75 * ts[0])
				continue;
			close++;
			dl = xs->depth[common_ancestor(xs, best, top[k])];
			if (dl > d1) {
				d2 = d1;
				d1 = dl;
			} else if (dl > d2) {
				d2 = dl;
			}
		}
		if (close >= 2) {
			for (p = pg->nodes[best].parent; p != 0 && xs->depth[p] > d2;
			    p = pg->nodes[p].parent)
				;
			if (p != 0)
				best = p;
		}
	}
	/* Climb while the parent scores better. */
	last = final_score(xs, best);
	thr = last / 3;
	for (p = pg->nodes[best].parent; p != 0; p = pg->nodes[p].parent) {
		double s;

		if (!xs->xn[p].scored)
			continue;
		s = final_score(xs, p);
		if (s < thr)
			break;
		if (s > last) {
			best = p;
			break;
		}
		last = s;
	}
	/* A lone child: its parent is the container. */
	while (best != 0 && pg->nodes[best].parent != 0) {
		uint32_t par = pg->nodes[best].parent;

		if (pg->nodes[par].nblocks != pg->nodes[best].nblocks)
			break;
		best = par;
	}
	return best;
}

/* Characters that end a sentence (ASCII and a few others). */
static int
ends_sentence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
		n--;
	if (n == 0)
		return 0;
	if (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':')
		return 1;
	if (n >= 3 && (unsigned char)s[n - 3] == 0xE3 && (unsigned char)s[n - 2] == 0x80 &&
	    (unsigned char)s[n - 1] == 0x82)
		return 1;
	if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
	    ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
		return ends_sentence(s, n - 3);
	return 0;
}

/* Boilerplate flags that remove a block below the root. */
#define DROP_FLAGS0 (SC_HF_NAV | SC_HF_FOOTER | SC_HF_ASIDE | SC_HF_COMMENT | \
    SC_HF_SHARE | SC_HF_RELATED | SC_HF_AD | SC_HF_COOKIE | SC_HF_SUBSCRIBE | \
    SC_HF_HIDDEN | SC_HF_FORM | SC_HF_META | SC_HF_HEADER | SC_HF_CAPTION)

/* Names that mislabel wrappers often enough to be doubted. */
#define WAIVABLE (SC_HF_ASIDE | SC_HF_HEADER | SC_HF_META | SC_HF_CAPTION | SC_HF_FORM | \
    SC_HF_NAV | SC_HF_SUBSCRIBE)

/*
 * Which root holds each node (UINT32_MAX: none), and the boilerplate flags
 * of the nodes from it up to that root, not counting the root: one pass
 * down the node list (parents come before children), where a walk up from
 * every block took time in the square of the nesting depth.  A node named
 * aside, header, meta, caption, form, nav or paywall that holds half the
 * article's prose is taken for a mislabelled wrapper ("elementor-widget",
 * an ASP.NET page form): its name does not count.  The prose measured
 * against is the larger of its root's and the main root's, so a small
 * sibling root does not make everything in it look big.  lead[i] says
 * whether a node on that path is named like a lead.
 */
static void
drop_flags_below(const struct xstate *xs, const unsigned char *inroot, uint32_t root,
    uint32_t *rootof, uint32_t *dflags, unsigned char *lead)
{
	const struct sc_html_page *pg = xs->pg;
	size_t i;

	rootof[0] = inroot[0] ? 0 : UINT32_MAX;
	dflags[0] = 0;
	lead[0] = 0;
	for (i = 1; i < pg->nnodes; i++) {
		const struct sc_html_node *nd = &pg->nodes[i];
		uint32_t r, nf;
		double ref;

		dflags[i] = 0;
		lead[i] = 0;
		if (inroot[i]) {
			rootof[i] = (uint32_t)i;
			continue;
		}
		r = rootof[i] = rootof[nd->parent];
		if (r == UINT32_MAX)
			continue;
		ref = xs->gchars[r] > xs->gchars[root] ? xs->gchars[r] : xs->gchars[root];
		nf = nd->flags & xs->dmask;
		/* figcaption says caption in every pass: the tag is not a guess. */
		if (nd->tag == SC_HT_FIGCAPTION)
			nf |= SC_HF_CAPTION;
		if (nf != 0 && (nf & ~WAIVABLE) == 0 && xs->gchars[i] >= 0.5 * ref)
			nf = 0;
		dflags[i] = dflags[nd->parent] | nf;
		lead[i] = lead[nd->parent] || (nd->flags & SC_HF_LEAD);
	}
}

/*
 * A heading introduces what follows it: "Related articles", "Mehr zum
 * Thema", "Quellenangaben:" stay behind when the link list under them
 * goes.  A kept heading with no kept text before the next heading of
 * its level or higher (or the end) goes too.
 */
static void
drop_orphan_headings(const struct sc_html_page *pg, unsigned char *keep, size_t *kept)
{
	size_t i, j, own;

	for (i = pg->nblocks; i-- > 0;) {
		const struct sc_html_block *h = &pg->blocks[i];
		int body = 0;

		if (!keep[i] || h->kind != SC_HK_HEADING || heading_is_prose(h))
			continue;
		for (j = i + 1; j < pg->nblocks; j++) {
			const struct sc_html_block *b = &pg->blocks[j];

			if (b->kind == SC_HK_HEADING && b->heading <= h->heading)
				break;
			if (keep[j]) {
				body = 1;
				break;
			}
		}
		/* Its own blocks, before any sub-heading, all went: it headed
		 * what was dropped ("Mehr zum Thema" over a link list, then a
		 * sub-heading of its own). */
		for (j = i + 1, own = 0; body && j < pg->nblocks; j++) {
			const struct sc_html_block *b = &pg->blocks[j];

			if (b->kind == SC_HK_HEADING || keep[j])
				break;
			own++;
		}
		if (body && own > 0 && j < pg->nblocks && pg->blocks[j].kind == SC_HK_HEADING)
			body = 0;
		if (!body) {
			keep[i] = 0;
			*kept -= h->chars;
		}
	}
}

/* Flags a lead paragraph may carry and still be kept. */
#define LEAD_OVERRIDES (SC_HF_HEADER | SC_HF_RELATED | SC_HF_META | SC_HF_CAPTION)

/* A paragraph of prose: long enough, few links, sentences. */
static int
is_lead_like(const struct sc_html_page *pg, const struct sc_html_block *b)
{
	if (b->chars < 60 || b->link_chars * 4 > b->chars)
		return 0;
	return b->chars >= 150 || (b->puncts >= 1 && ends_sentence(pg->text.p + b->off, b->len));
}

/*
 * In a box named lead, teaser or intro, a line of a dozen words is the
 * lead even without a full stop ("Was seit Wochen kolportiert wurde, ist
 * nun bestätigt").
 */
static int
is_named_lead(const struct sc_html_page *pg, const struct sc_html_block *b)
{
	if (is_lead_like(pg, b))
		return 1;
	return b->chars >= 60 && b->link_chars == 0 && b->kind != SC_HK_HEADING &&
	    (b->puncts >= 1 || b->words >= 10);
}

/*
 * A dateline: a short line that is a date and a word or two ("23.10.2018",
 * "Veröffentlichung: 2. Februar 2022", "2021-10-16 | Politik").  Above the
 * article's first paragraph it is the page's metadata, not its text.
 */
static int
is_dateline(const struct sc_html_page *pg, const struct sc_html_block *b)
{
	const unsigned char *s = (const unsigned char *)pg->text.p + b->off;
	size_t i, run = 0;
	unsigned words = 0, digits = 0, year = 0;
	int inword = 0;

	if (b->chars > 48 || b->kind == SC_HK_HEADING || b->link_chars * 2 > b->chars)
		return 0;
	for (i = 0; i <= b->len; i++) {
		int c = i < b->len ? s[i] : ' ';

		if (c >= '0' && c <= '9') {
			digits++;
			run++;
			inword = 0;
			continue;
		}
		/* A four-digit year, or the two-digit year of d.m.yy. */
		if (run == 4 || (run == 2 && i >= 3 && s[i - 3] == '.'))
			year = 1;
		run = 0;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80) {
			if (!inword)
				words++;
			inword = 1;
		} else {
			inword = 0;
		}
	}
	return year && digits >= 4 && words <= 3;
}

/* A paragraph that reads as article text wherever it stands. */
static int
is_paragraph(const struct sc_html_page *pg, const struct sc_html_block *b)
{
	return (b->kind == SC_HK_P || b->kind == SC_HK_TEXT) && b->chars >= 150 &&
	    b->link_chars * 10 < b->chars && b->puncts >= 2 &&
	    ends_sentence(pg->text.p + b->off, b->len);
}

/*
 * Lead paragraphs outside the root: news sites put the standfirst in the
 * article header, a sibling of the body.  A lead-named, prose-like block
 * before the first kept block, whose lowest common ancestor with the root
 * is at most three levels above the root, joins the article.
 */
static void
add_leads(struct xstate *xs, const unsigned char *inroot, unsigned char *keep,
    size_t *kept)
{
	const struct sc_html_page *pg = xs->pg;
	size_t first, i;
	uint32_t root = UINT32_MAX;

	for (first = 0; first < pg->nblocks && !keep[first]; first++)
		;
	if (first == pg->nblocks)
		return;
	for (i = 0; i < pg->nnodes; i++)
		if (inroot[i] == 1) {
			root = (uint32_t)i;
			break;
		}
	if (root == UINT32_MAX || root == 0)
		return;
	for (i = first; i-- > 0 && first - i <= 12;) {
		const struct sc_html_block *b = &pg->blocks[i];
		uint32_t a, n, f = 0;
		int up;

		/* Lead-named below, as checked next. */
		if (!is_named_lead(pg, b))
			continue;
		/* The lowest ancestor of b that holds the root. */
		a = common_ancestor(xs, b->node, root);
		for (n = b->node; n != a && n != 0; n = pg->nodes[n].parent)
			f |= pg->nodes[n].flags;
		if (!(f & SC_HF_LEAD) || (f & xs->dmask & ~LEAD_OVERRIDES))
			continue;
		for (up = 0, n = root; n != a && n != 0; n = pg->nodes[n].parent)
			up++;
		if (a == 0 || up > 3)
			continue;
		keep[i] = 1;
		*kept += b->chars;
	}
}

/*
 * The deck: a sentence-long sub-heading right under the headline ("h1,
 * then an h2 of 80 characters that sums up the story") is the article's
 * first paragraph set in a heading, wherever the page's template puts
 * it.  Kept when it comes between the h1 and the first kept block, a few
 * blocks after the h1, without links or boilerplate names beyond header
 * and meta.  Its characters do not count as the article found: a deck over
 * a body the strict pass mostly missed must not stop the retry.
 */
static void
add_deck(struct xstate *xs, unsigned char *keep)
{
	const struct sc_html_page *pg = xs->pg;
	size_t first, h1, i;

	for (first = 0; first < pg->nblocks && !keep[first]; first++)
		;
	if (first == pg->nblocks)
		return;
	for (h1 = first; h1-- > 0 && first - h1 <= 8;)
		if (pg->blocks[h1].heading == 1)
			break;
	if (h1 == SIZE_MAX || first - h1 > 8 || pg->blocks[h1].heading != 1)
		return;
	for (i = h1 + 1; i < first; i++) {
		const struct sc_html_block *b = &pg->blocks[i];

		if (b->kind != SC_HK_HEADING || b->heading < 2 || b->chars < 80 ||
		    b->link_chars != 0 ||
		    (b->flags & xs->dmask & ~(SC_HF_HEADER | SC_HF_META)))
			continue;
		keep[i] = 1;
	}
}

/*
 * One selection attempt: pick the root and its siblings, then keep the
 * blocks inside them that pass the filters.  Returns the characters kept.
 */
static size_t
select_pass(struct xstate *xs, unsigned char *keep, uint32_t *rootp)
{
	const struct sc_html_page *pg = xs->pg;
	uint32_t root, par, *rootof, *dflags;
	size_t i, kept = 0;
	int body = 0;
	unsigned char *inroot, *lead;
	double topscore = 0, sthr, *submax;

	for (i = 0; i < pg->nnodes; i++)
		xs->xn[i].score = 0, xs->xn[i].scored = 0;
	score_nodes(xs);
	root = pick_root(xs, &topscore);
	*rootp = root;
	if (root == 0) {
		/* No container won a vote: nothing here reads like an article. */
		memset(keep, 0, pg->nblocks);
		return 0;
	}

	/* The best candidate score inside each node. */
	submax = xcalloc(pg->nnodes, sizeof(*submax));
	for (i = pg->nnodes; i-- > 0;) {
		double sc = xs->xn[i].scored ? final_score(xs, (uint32_t)i) : 0;

		if (sc > submax[i])
			submax[i] = sc;
		if (i > 0 && submax[i] > submax[pg->nodes[i].parent])
			submax[pg->nodes[i].parent] = submax[i];
	}

	/*
	 * Roots: the candidate and the siblings that read like it
	 * (readability's sibling step, measured against the best candidate
	 * inside each sibling, since wrappers score little themselves), or
	 * that hold a good run of prose with few links: an article cut into
	 * several containers.
	 */
	inroot = xcalloc(pg->nnodes, 1);
	inroot[root] = 1;
	sthr = topscore * 0.2 > 10 ? topscore * 0.2 : 10;
	par = pg->nodes[root].parent;
	for (i = 1; i < pg->nnodes; i++) {
		const struct sc_html_node *nd = &pg->nodes[i];

		if (nd->parent != par || i == root || nd->chars == 0)
			continue;
		if ((nd->flags & xs->dmask) || xs->unlikely[i])
			continue;
		if (submax[i] >= sthr && link_density(nd->link_chars, nd->chars) < 0.5) {
			inroot[i] = 1;
		} else if (xs->gchars[i] >= 200 &&
		    link_density(nd->link_chars, nd->chars) < 0.25) {
			inroot[i] = 1;
		} else if (nd->nblocks == 1) {
			const struct sc_html_block *b = &pg->blocks[nd->first_block];
			double ld = link_density(b->link_chars, b->chars);

			if ((b->chars > 80 && ld < 0.25) || (b->chars <= 80 &&
			    b->link_chars == 0 && ends_sentence(pg->text.p + b->off, b->len)))
				inroot[i] = 1;
		}
		/*
		 * A sibling that fails as a whole (a section whose table of
		 * contents is all links) may still hold paragraphs of the
		 * article: its prose paragraphs join, nothing else.
		 */
		if (!inroot[i] && xs->gchars[i] > 0)
			inroot[i] = 2;
	}
	free(submax);
	/*
	 * Page builders (rows of columns of wrappers) cut an article into
	 * cousins, not siblings: the prose paragraphs of the containers
	 * beside the root's parent and grandparent join too.
	 */
	{
		uint32_t up[3];
		int nup = 0, k;

		for (up[0] = par; nup < 3 && up[nup] != 0; nup++)
			if (nup + 1 < 3)
				up[nup + 1] = pg->nodes[up[nup]].parent;
		for (i = 1; i < pg->nnodes; i++) {
			const struct sc_html_node *nd = &pg->nodes[i];

			if (inroot[i] || xs->gchars[i] == 0 || (nd->flags & xs->dmask) ||
			    xs->unlikely[i] || nd->parent == par)
				continue;
			for (k = 1; k < nup; k++)
				if (nd->parent == up[k] && (uint32_t)i != up[k - 1])
					inroot[i] = 2;
		}
	}

	rootof = xmalloc(pg->nnodes * sizeof(*rootof));
	dflags = xmalloc(pg->nnodes * sizeof(*dflags));
	lead = xmalloc(pg->nnodes);
	drop_flags_below(xs, inroot, root, rootof, dflags, lead);
	for (i = 0; i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		uint32_t f;
		double ld;

		keep[i] = 0;
		if (rootof[b->node] == UINT32_MAX)
			continue;
		if (inroot[rootof[b->node]] == 2 && !is_paragraph(pg, b))
			continue;
		f = dflags[b->node] | (b->iflags & xs->dmask &
		    (SC_HF_META | SC_HF_SHARE | SC_HF_HIDDEN | SC_HF_AD));
		/*
		 * A lead paragraph in the article's header or "teaser" box:
		 * before the body, as a lead is; a "teaser" after it is the
		 * next article's.
		 */
		if (!body && is_dateline(pg, b))
			continue;
		if ((f & ~LEAD_OVERRIDES) == 0 && (f & LEAD_OVERRIDES) && !body &&
		    ((lead[b->node] && is_named_lead(pg, b)) ||
		    (f == SC_HF_HEADER && is_lead_like(pg, b))))
			f = 0;
		else if (f == 0 && !body && b->kind != SC_HK_HEADING && is_prose(b))
			body = 1;
		if (f != 0)
			continue;
		ld = link_density(b->link_chars, b->chars);
		if (ld > 0.5 && b->kind != SC_HK_P)
			continue;
		if (ld > 0.7)
			continue;
		if (b->heading == 1)
			continue;
		keep[i] = 1;
		kept += b->chars;
	}
	free(rootof);
	free(dflags);
	free(lead);
	add_leads(xs, inroot, keep, &kept);
	drop_orphan_headings(pg, keep, &kept);
	/* After the orphan test: the deck is a paragraph, not a section's head. */
	add_deck(xs, keep);
	free(inroot);
	return kept;
}

/*
 * The shared line rules (data/rules) on the kept blocks: what the markup
 * did not say, the words do ("Advertisement", "Share this", "Leave a
 * comment", "Related articles").  drop removes the block; cut removes it
 * and the rest of the page once 200 characters of article were kept;
 * list removes it and the short items under it, up to the next paragraph.
 */
static void
apply_rules(const struct sc_html_page *pg, struct sc_rules *rules, unsigned char *keep)
{
	size_t i, j, seen = 0;

	for (i = 0; i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		enum sc_rule_action a;

		if (!keep[i])
			continue;
		if (b->kind == SC_HK_CELL) {
			/* A cell is not a line: "5040" is data in a table row. */
			seen += b->chars;
			continue;
		}
		if (b->chars >= 150 && b->puncts >= 3 && b->link_chars * 4 < b->chars &&
		    ends_sentence(pg->text.p + b->off, b->len)) {
			/* Prose: boilerplate lines are short, and matching every
			 * paragraph of a long page would cost more than the parse. */
			seen += b->chars;
			continue;
		}
		a = sc_rules_match(rules, pg->text.p + b->off, b->len, NULL);
		switch (a) {
		case SC_RULE_DROP:
			keep[i] = 0;
			break;
		case SC_RULE_CUT:
			keep[i] = 0;
			if (seen >= 200)
				for (j = i + 1; j < pg->nblocks; j++)
					keep[j] = 0;
			break;
		case SC_RULE_LIST:
			keep[i] = 0;
			for (j = i + 1; j < pg->nblocks; j++) {
				const struct sc_html_block *c = &pg->blocks[j];

				if (!keep[j])
					continue;
				if (c->kind != SC_HK_LI && c->chars >= 100 &&
				    c->link_chars * 2 < c->chars)
					break;
				if (c->kind == SC_HK_HEADING)
					break;
				keep[j] = 0;
			}
			break;
		default:
			seen += b->chars;
			break;
		}
	}
}

/*
 * --keep-title: the page's headline, the last h1 before the article's
 * first kept block (the one extraction leaves out), goes in front.
 */
static void
keep_headline(const struct sc_html_page *pg, unsigned char *keep)
{
	size_t first, i;

	for (first = 0; first < pg->nblocks && !keep[first]; first++)
		;
	for (i = first; i-- > 0;)
		if (pg->blocks[i].heading == 1) {
			keep[i] = 1;
			return;
		}
}

/*
 * No container won a vote in any pass (a page of a few short lines): keep
 * every block outside navigation, footers, cookie and subscription boxes
 * and forms that is not mostly links, as trafilatura's baseline does.
 */
static size_t
select_fallback(struct xstate *xs, unsigned char *keep)
{
	const struct sc_html_page *pg = xs->pg;
	size_t i, kept = 0;

	for (i = 0; i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];

		keep[i] = 0;
		if (xs->unlikely[b->node] || (b->flags & (HARD_FLAGS | SC_HF_FORM |
		    SC_HF_HIDDEN | SC_HF_COMMENT)))
			continue;
		if (b->link_chars * 2 > b->chars || b->heading == 1)
			continue;
		keep[i] = 1;
		kept += b->chars;
	}
	return kept;
}

/*
 * Readability's retry: when the strict pass finds little (a video page
 * whose text sits in a "caption", a blog of links), try again without the
 * class-name evidence and keep the longer result.
 */
#define MIN_ARTICLE 250

size_t
sc_html_select(const struct sc_html_page *cpg, const struct sc_html_opts *opts,
    unsigned char *keep, struct sc_html_stats *stats)
{
	struct sc_html_page *pg = (struct sc_html_page *)cpg;
	struct xstate xs;
	unsigned char *alt;
	uint32_t root, root2;
	size_t i, kept, kept2, nkept = 0;
	int pass;

	memset(keep, 0, pg->nblocks);
	if (pg->nblocks == 0)
		return 0;
	node_stats(pg);
	memset(&xs, 0, sizeof(xs));
	xs.pg = pg;
	xs.xn = xcalloc(pg->nnodes, sizeof(*xs.xn));
	xs.gchars = xcalloc(pg->nnodes, sizeof(*xs.gchars));
	xs.unlikely = xcalloc(pg->nnodes, 1);
	xs.depth = xcalloc(pg->nnodes, sizeof(*xs.depth));
	prose_chars(&xs);

	/*
	 * Three passes, each trusting fewer class names: all of them; then
	 * only nav, footer, cookie, subscribe, comment and form (a video page
	 * whose text sits in a "caption", an article in a "widget"); then not
	 * comments either (forums, where the posts are the page).  The first
	 * pass that finds an article's worth of text wins, else the longest.
	 */
	alt = xmalloc(pg->nblocks);
	for (pass = 0, kept = 0, root = 0; pass < 3; pass++) {
		xs.pass = pass;
		xs.umask = pass == 0 ? UNLIKELY_FLAGS : pass == 1 ?
		    HARD_FLAGS | SC_HF_COMMENT | SC_HF_FORM : HARD_FLAGS | SC_HF_FORM;
		xs.dmask = pass == 0 ? DROP_FLAGS0 : xs.umask;
		mark_unlikely(&xs);
		kept2 = select_pass(&xs, pass == 0 ? keep : alt, &root2);
		if (pass == 0) {
			kept = kept2;
			root = root2;
		} else if (kept2 > kept + kept / 2) {
			memcpy(keep, alt, pg->nblocks);
			kept = kept2;
			root = root2;
		}
		if (kept >= MIN_ARTICLE)
			break;
	}
	free(alt);
	if (kept == 0)
		kept = select_fallback(&xs, keep);
	if (opts != NULL && opts->rules != NULL)
		apply_rules(pg, opts->rules, keep);
	if (opts != NULL && opts->keep_title)
		keep_headline(pg, keep);
	for (i = 0; i < pg->nblocks; i++)
		nkept += keep[i];
	if (stats != NULL) {
		stats->blocks = pg->nblocks;
		stats->kept = nkept;
		stats->fallback = root == 0;
	}
	free(xs.xn);
	free(xs.gchars);
	free(xs.unlikely);
	free(xs.depth);
	return nkept;
}

/* ---- Output ---- */

void
sc_html_render(const struct sc_html_page *pg, const unsigned char *keep,
    enum sc_html_format format, struct sc_buf *out)
{
	size_t i, prev = SIZE_MAX;
	int md = format == SC_HTML_MARKDOWN && pg->md.len > 0;
	int row_cells = 0;

	for (i = 0; i < pg->nblocks; i++) {
		const struct sc_html_block *b = &pg->blocks[i];
		const struct sc_html_block *pb = prev != SIZE_MAX ? &pg->blocks[prev] : NULL;
		const char *t = md ? pg->md.p + b->md_off : pg->text.p + b->off;
		size_t tn = md ? b->md_len : b->len;

		if (!keep[i])
			continue;
		if (pb != NULL) {
			if (b->kind == SC_HK_CELL && pb->kind == SC_HK_CELL && b->row != 0 &&
			    b->row == pb->row) {
				sc_buf_adds(out, md ? " | " : " | ");
			} else {
				if (md && row_cells > 0)
					sc_buf_adds(out, " |");
				if (b->brk && prev + 1 == i)
					sc_buf_addc(out, '\n');
				else if (b->kind == SC_HK_LI && pb->kind == SC_HK_LI)
					sc_buf_addc(out, '\n');
				else if (b->kind == SC_HK_CELL && pb->kind == SC_HK_CELL)
					sc_buf_addc(out, '\n');
				else
					sc_buf_adds(out, "\n\n");
				row_cells = 0;
			}
		}
		if (md && b->kind == SC_HK_CELL && row_cells == 0)
			sc_buf_adds(out, "| ");
		if (b->kind == SC_HK_CELL)
			row_cells++;
		sc_buf_add(out, t, tn);
		prev = i;
	}
	if (md && row_cells > 0)
		sc_buf_adds(out, " |");
	if (prev != SIZE_MAX)
		sc_buf_addc(out, '\n');
}

void
sc_html_extract(const char *html, size_t len, const struct sc_html_opts *opts,
    struct sc_buf *out, struct sc_html_stats *stats)
{
	static const struct sc_html_opts defaults;
	struct sc_html_page pg;
	unsigned char *keep;
	size_t before = out->len;

	if (opts == NULL)
		opts = &defaults;
	sc_html_parse(html, len, opts->charset,
	    opts->format == SC_HTML_MARKDOWN ? SC_HTML_PARSE_MD : 0, &pg);
	keep = xmalloc(pg.nblocks + 1);
	sc_html_select(&pg, opts, keep, stats);
	sc_html_render(&pg, keep, opts->format, out);
	if (stats != NULL) {
		stats->truncated = pg.truncated;
		stats->chars_in = pg.text.len;
		stats->chars_out = sc_utf8_count(out->p + before, out->len - before);
	}
	free(keep);
	sc_html_page_free(&pg);
}
