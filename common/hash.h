/*
 * hash.h: content hashes and the normalisation they are taken over.
 *
 * One normalisation serves scdedup's exact mode and scmeta's `hash`, so the
 * two agree: SC_NORM_FULL is Unicode NFKC + case folding, quotes and dashes
 * folded to ASCII, whitespace runs collapsed to one space and trimmed (with
 * an ASCII fast path); SC_NORM_SPACE only collapses whitespace;
 * SC_NORM_NONE keeps the bytes.
 */
#ifndef SC_HASH_H
#define SC_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum sc_norm_level { SC_NORM_NONE = 0, SC_NORM_SPACE, SC_NORM_FULL };

/* Append the normalised form of p[0..n) (valid UTF-8) to out. */
void sc_normkey(const char *p, size_t n, enum sc_norm_level level, struct sc_buf *out);

/* XXH3 128-bit of bytes. */
void sc_hash128(const void *p, size_t n, uint64_t out[2]);
uint64_t sc_hash64(const void *p, size_t n, uint64_t seed);

/* Hex of a 128-bit hash (32 characters + NUL). */
void sc_hash128_hex(const uint64_t h[2], char out[33]);

/* 64-bit SimHash over word 3-gram features of normalised text (Charikar). */
uint64_t sc_simhash64(const char *p, size_t n);

/* The same SimHash of text already in the SC_NORM_FULL form (a hash key). */
uint64_t sc_simhash64_key(const char *key, size_t n);

#endif
