/*
 * stage.h: scdedup's staged form, for more data than one process holds.
 *
 *   sign     per shard: one text line per exact key and LSH band key,
 *            "KEY<TAB>SHARD<TAB>POS", made to be sorted with
 *            `LC_ALL=C sort` or a MapReduce shuffle; the shard's shingle
 *            sets and ids go to a sketch file beside it.
 *   pairs    sorted key lines in, candidate pairs out: within a run of
 *            one key, each unit against the first bucket_cap units before
 *            it (exact keys: against the first only).
 *   cluster  the pairs sorted again, and every shard's sketch file: the
 *            same decisions, in the same order, as sc_dedup_add() makes
 *            in one process; out come the duplicates, one line each.
 *   filter   per shard: the records, minus (or marked with) the
 *            duplicates of that shard.
 *
 * Positions are 1-based within a shard; shards are numbered 1, 2, ... in
 * input order, so "first" means the lowest (shard, position).  Every
 * line is fixed-width where it matters, so a byte-order sort puts keys,
 * then shards, then positions in order.  The sign stage's parameters
 * travel on a "#P ..." line that sorts before everything else.
 */
#ifndef SC_STAGE_H
#define SC_STAGE_H

#include <stdint.h>
#include <stdio.h>

#include "dedup.h"

enum sc_stage { SC_STAGE_NONE = 0, SC_STAGE_SIGN, SC_STAGE_PAIRS,
	SC_STAGE_CLUSTER, SC_STAGE_FILTER };

/* "sign", "pairs", "cluster", "filter"; a usage error otherwise. */
enum sc_stage sc_stage_parse(const char *name);

/* sign: one shard.  Lines go to standard output (sc_out). */
struct sc_signer;
struct sc_signer *sc_signer_open(const struct sc_dedup_params *p,
    unsigned shard, const char *sketch_path);
void sc_signer_add(struct sc_signer *g, uint64_t pos, const char *text,
    size_t len, const char *id, size_t idlen);
/* Write the sketch file's trailer and rename it into place. */
void sc_signer_close(struct sc_signer *g);

/*
 * pairs: read sorted key lines from in, write pair lines.  Returns SC_OK,
 * or SC_ERR after reporting a line that is not what sign writes (the
 * pairs before it were written).
 */
int sc_stage_pairs(FILE *in, const char *name);

/*
 * cluster: read sorted pair lines from in and the sketch files of every
 * shard; write one line per duplicate:
 * "SHARD<TAB>POS<TAB>HOW<TAB>SCORE<TAB>CLUSTER<TAB>KEPT_ID".  With
 * clusters_path, also id<TAB>cluster<TAB>kept_id for every unit.
 * Returns SC_OK, or SC_ERR after reporting a bad line or sketch file.
 */
int sc_stage_cluster(FILE *in, const char *name, char **sketches, int nsketch,
    const char *clusters_path, uint64_t max_memory);

/* filter: the duplicates of one shard, looked up by position. */
struct sc_dupinfo {
	uint64_t pos;
	enum sc_dup_how how;
	double score;
	uint64_t cluster;
	char *of;
};
struct sc_dupmap;
/* The cluster stage's lines of one shard; the run ends on a bad file. */
struct sc_dupmap *sc_dupmap_load(const char *path, unsigned shard);
/* The same from an open stream; NULL (reported) on a bad line. */
struct sc_dupmap *sc_dupmap_read(FILE *f, const char *name, unsigned shard);
const struct sc_dupinfo *sc_dupmap_get(struct sc_dupmap *m, uint64_t pos);
void sc_dupmap_free(struct sc_dupmap *m);

#endif
