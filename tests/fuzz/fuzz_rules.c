/*
 * fuzz_rules.c: the rules-file parser and matcher.  Any bytes as a rules
 * file: bad lines are reported, never crash; what loads must compile and
 * match its own source text without hanging (match limits).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_rules *r = sc_rules_new();
	struct sc_buf fixed = {0};
	struct sc_rule_hit hit;
	size_t i = 0;

	sc_utf8_repair((const char *)data, size, &fixed);
	sc_rules_load_mem(r, "fuzz.rules", fixed.p ? fixed.p : "", fixed.len);
	sc_rules_compile(r);
	while (i < fixed.len) {
		const char *e = memchr(fixed.p + i, '\n', fixed.len - i);
		size_t end = e ? (size_t)(e - fixed.p) : fixed.len;
		enum sc_rule_action a = sc_rules_match(r, fixed.p + i, end - i, &hit);

		if (a >= SC_RULE_NACTIONS)
			abort();
		if (a != SC_RULE_NONE && (hit.file == NULL || hit.line == 0))
			abort();
		i = end + 1;
	}
	sc_rules_free(r);
	sc_buf_free(&fixed);
	return 0;
}
