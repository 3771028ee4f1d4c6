/*
 * dedup.h: the duplicate finder behind scdedup: exact keys, MinHash LSH
 * candidates verified against stored shingle sets, the index file.
 *
 * Units (documents, paragraphs or lines: the engine does not care) are
 * added in input order and numbered from 0.  A unit is a duplicate when
 *
 *   1. its exact key (the hash of its normal form, hash.h) was seen
 *      before: it duplicates the first unit with that key; or else
 *   2. (near mode) an earlier unit is an LSH candidate (shares one of
 *      `bands` bands of `rows` one-permutation MinHash values) whose
 *      shingle set has Jaccard similarity >= threshold with its own, or
 *      of which one contains the other (|A & B| / min(|A|, |B|) >=
 *      containment, when the smaller has at least min_contain shingles).
 *      Candidates are tried in order of shared bands (most first), then
 *      of input position, at most max_verify of them; each bucket keeps
 *      its first bucket_cap units only.  With verify off, a candidate is
 *      a duplicate without checking.
 *
 * "Earlier unit" means any earlier unit, kept or not; the unit it
 * duplicates is reported as the kept unit at the root of that chain, so
 * each cluster is one kept unit and the units that led to it.  The rules
 * depend only on the units and their order, which is what lets the
 * staged form (per-shard signatures, sort, pairs, clusters) give the same
 * result as one process.
 *
 * Memory: the exact table holds 8 bytes a slot at 68-85% load (about 11
 * bytes per distinct key); near mode adds bands x 8 bytes of LSH slots,
 * 5 bytes of sketch offset and 4 of root per unit (about 113 bytes a unit
 * at the default 8 bands).  Shingle sets go to an unlinked temporary file
 * (4 bytes per distinct shingle, at most sketch_max per unit), read back
 * only to verify candidates.  Ids (8 bytes a unit and the kept ids) are
 * kept only when asked for.  Every allocation that grows with the input
 * is checked against max_memory first.
 *
 * Near mode keys exact duplicates on the token sequence (see unit_key()),
 * so two texts with the same words in the same order are exact
 * duplicates whatever the normal form.
 */
#ifndef SC_DEDUP_H
#define SC_DEDUP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hash.h"
#include "minhash.h"

struct sc_dedup_params {
	enum sc_norm_level norm;	/* exact keys' normal form */
	int near;		/* 0: exact keys only */
	int shingle;		/* tokens per shingle */
	int bands, rows;	/* LSH; bands * rows MinHash bins */
	int verify;		/* check candidates against shingle sets */
	double threshold;	/* Jaccard */
	double containment;	/* 0: off */
	uint32_t min_contain;	/* shingles the smaller set needs for containment */
	uint32_t sketch_max;	/* values stored per shingle set */
	uint32_t bucket_cap;	/* units kept per LSH bucket */
	uint32_t max_verify;	/* candidates verified per unit */
	uint64_t seed;
};

/* scdedup's defaults (measured: see scdedup.1, "THRESHOLDS"). */
void sc_dedup_defaults(struct sc_dedup_params *p);

enum sc_dup_how { SC_DUP_NONE = 0, SC_DUP_EXACT, SC_DUP_JACCARD, SC_DUP_CONTAINED, SC_DUP_LSH };

struct sc_dup {
	enum sc_dup_how how;
	uint64_t unit;		/* this unit's number */
	uint64_t match;		/* the earlier unit it matched */
	uint64_t root;		/* the kept unit of the cluster (with roots on) */
	double score;		/* 1 for exact; the similarity that decided */
	int new_cluster;	/* the first duplicate of its cluster */
};

/* What the caller wants kept beyond the minimum. */
enum {
	SC_DEDUP_ROOTS = 1,	/* roots of clusters (for --mark, --clusters) */
	SC_DEDUP_IDS = 2	/* ids of kept units */
};

struct sc_dedup;

/*
 * sc_dedup_new: an empty finder.  max_memory bounds its tables (0: no
 * bound); tmpdir holds the shingle-set file (NULL: $TMPDIR or /tmp).
 * Exits with a message when the temporary file cannot be made.
 */
struct sc_dedup *sc_dedup_new(const struct sc_dedup_params *p, int flags,
    uint64_t max_memory, const char *tmpdir);
void sc_dedup_free(struct sc_dedup *d);
const struct sc_dedup_params *sc_dedup_params(const struct sc_dedup *d);

/*
 * The caller's kind of unit (1 to 255: documents, paragraphs, lines ...),
 * saved with the index and read back by sc_dedup_load, so that an index
 * of paragraphs is not taken for one of documents; 0 when not known (an
 * index saved before the unit was).
 */
void sc_dedup_set_unit(struct sc_dedup *d, unsigned unit);
unsigned sc_dedup_unit(const struct sc_dedup *d);

/*
 * sc_dedup_add: decide whether text (valid UTF-8) duplicates an earlier
 * unit, then remember it.  id may be NULL (ids off).  Fills *r.
 * Exceeding max_memory ends the program with status 2 and a message.
 */
void sc_dedup_add(struct sc_dedup *d, const char *text, size_t len,
    const char *id, size_t idlen, struct sc_dup *r);

/* Id of a kept unit (with SC_DEDUP_IDS), or NULL. */
const char *sc_dedup_id(const struct sc_dedup *d, uint64_t unit, size_t *len);

uint64_t sc_dedup_units(const struct sc_dedup *d);
/* Bytes held by the tables now (what max_memory bounds). */
uint64_t sc_dedup_memory(const struct sc_dedup *d);

/*
 * The signature of one unit, for the staged form: its exact key, and in
 * near mode its band keys and sketch.  Valid until the next call.
 */
struct sc_signature {
	uint64_t key[2];	/* exact key (hash of the normal form) */
	int nbands;		/* 0 when the unit has no shingle */
	uint64_t band[64];
	struct sc_sketch sketch;
};
void sc_dedup_sign(struct sc_dedup *d, const char *text, size_t len,
    struct sc_signature *sig);

/*
 * Verification of one pair for the staged form, by the same rule as
 * sc_dedup_add: returns SC_DUP_JACCARD, SC_DUP_CONTAINED or SC_DUP_NONE.
 */
enum sc_dup_how sc_dedup_judge(const struct sc_dedup_params *p,
    const struct sc_sketch *a, const struct sc_sketch *b, double *score);

/*
 * Index files.  sc_dedup_save writes the finder to path through a
 * temporary file in the same directory, renamed into place when complete.
 * sc_dedup_load reads one; on a foreign, truncated, corrupt or
 * incompatible file it returns NULL with *err set to a static message.
 * Both return/exit as documented in scdedup.1 ("INDEX FILES").
 */
int sc_dedup_save(struct sc_dedup *d, const char *path, const char **err);
struct sc_dedup *sc_dedup_load(FILE *f, int flags, uint64_t max_memory,
    const char *tmpdir, const char **err);

#endif
