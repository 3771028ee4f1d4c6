# sctools: four Unix filters for scraped text corpora.
#
#   make              build bin/scsplit bin/scmeta bin/scstrip bin/scdedup
#                     (profile-guided with GCC; PGO=0 for a plain -O2 build)
#   make check        install missing Debian packages (as root), build, run the test suite
#   make asan         the whole suite again under AddressSanitizer + UBSan
#   make quickstart   install missing packages, build, run the pipeline on sample/
#   make install      PREFIX, DESTDIR, BINDIR, DATADIR, MANDIR honoured
#   make bench        benchmarks on a generated corpus (tests/bench.sh)
#   make fuzz         run every fuzz harness with libFuzzer (FUZZ_SECONDS each)
#   make valgrind     the command-line tests under valgrind (a subset)

VERSION     = 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/sctools
MANDIR     ?= $(PREFIX)/share/man
COMPDIR    ?= $(PREFIX)/share/bash-completion/completions
PKG_CONFIG ?= pkg-config

# Libraries found with pkg-config; CLD2 and iconv ship no .pc file, so
# they get a documented default that can be overridden on the command line.
DEPS        = libpcre2-8 libxxhash libutf8proc uchardet icu-uc icu-i18n \
              zlib libzstd libxml-2.0
CLD2_CFLAGS ?=
CLD2_LIBS  ?= -lcld2
ICONV_LIBS ?=

CFLAGS     ?= -O2 -g
CXXFLAGS   ?= -O2 -g
O          ?= build
B          ?= bin

# Profile-guided optimisation, with GCC (which prints no __clang__): `make`
# first builds instrumented programs in $(O)/pgo, runs them over a small
# generated corpus (tests/pgo-train.sh), and then compiles the programs
# with the branch and call counts that run recorded.  The output is the
# same; the programs run 4-8% fewer instructions (the counts
# of docs/BENCH.md).  Any change to a source redoes the training run, so
# for quick edit-compile cycles, and for instruction counts that compare
# two versions of the code rather than two profiles, build with PGO=0.
# (Grouped: `a || b && c` is `(a || b) && c` in sh, which took clang for GCC.)
CC_IS_GCC  := $(shell $(CC) -dM -E -x c /dev/null 2>/dev/null | grep -q __clang__ || \
                { $(CC) -dM -E -x c /dev/null 2>/dev/null | grep -q __GNUC__ && echo 1; })
PGO        ?= $(if $(CC_IS_GCC),1,0)
# Both builds name each object's counts file (and key its static functions'
# counts) by -dumpdir and -dumpbase, not by the object's own path, so that
# the counts of $(O)/pgo/common/strip.o serve $(O)/common/strip.o.
PGO_DIR    ?= $(abspath $(O))/pgo/counts
PGO_AUX     = -dumpdir $(PGO_DIR)/ -dumpbase $(subst /,-,$*)
ifeq ($(PGO_GEN),1)
PGO_FLAGS   = -fprofile-generate -fprofile-update=single
PGO_CFLAGS  = $(PGO_FLAGS) $(PGO_AUX)
else ifeq ($(PGO),1)
PGO_STAMP   = $(O)/pgo/trained
# Code the training never ran is compiled as without a profile, not for size.
PGO_FLAGS   = -fprofile-use -fprofile-partial-training -Wno-missing-profile
PGO_CFLAGS  = $(PGO_FLAGS) $(PGO_AUX)
endif

# Recursive (=) on purpose: pkg-config runs when a recipe needs the flags,
# after `make deps` had the chance to install what was missing.
PKG_CFLAGS  = $(shell $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null)
PKG_LIBS    = $(shell $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null)
SC_CPPFLAGS = -Icommon -DSC_VERSION='"$(VERSION)"' -DSC_DATADIR='"$(DATADIR)"' \
              -D_GNU_SOURCE -MMD -MP
SC_CFLAGS   = -std=c11 -Wall -Wextra -Wmissing-prototypes -Wshadow \
              -Wno-unused-parameter
SC_CXXFLAGS = -std=c++11 -Wall -Wextra

COMMON_C   := $(sort $(wildcard common/*.c))
COMMON_CXX := $(sort $(wildcard common/*.cc))
TOOLS      := $(patsubst tools/%.c,%,$(sort $(wildcard tools/*.c)))
COMMON_OBJ := $(COMMON_C:%.c=$(O)/%.o) $(COMMON_CXX:%.cc=$(O)/%.o)
UNIT_SRC   := $(sort $(wildcard tests/unit/*.c))
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
FUZZ_SRC   := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY:= $(FUZZ_SRC:tests/fuzz/%.c=$(O)/tests/replay_%)
LIB        := $(O)/libsc.a
LDLIBS_ALL  = $(LIB) $(PKG_LIBS) $(CLD2_LIBS) $(ICONV_LIBS) -lstdc++ -lm

all: $(TOOLS:%=$(B)/%)

# The kind of build the objects in $(O) are, rewritten only when it changes:
# objects compiled with a profile are not up to date for PGO=0 (their
# instruction counts would compare profiles, not code).
BUILD_MODE  = pgo=$(PGO) gen=$(PGO_GEN)
$(O)/build-mode: FORCE
	@mkdir -p $(@D)
	@echo '$(BUILD_MODE)' | cmp -s - $@ 2>/dev/null || echo '$(BUILD_MODE)' >$@

$(O)/%.o: %.c $(PGO_STAMP) $(O)/build-mode
	@mkdir -p $(@D)
	$(CC) $(SC_CPPFLAGS) $(PKG_CFLAGS) $(SC_CFLAGS) $(CFLAGS) $(PGO_CFLAGS) -c -o $@ $<

$(O)/%.o: %.cc $(PGO_STAMP) $(O)/build-mode
	@mkdir -p $(@D)
	$(CXX) $(SC_CPPFLAGS) $(CLD2_CFLAGS) $(SC_CXXFLAGS) $(CXXFLAGS) $(PGO_CFLAGS) -c -o $@ $<

# The training run: instrumented programs built in $(O)/pgo (from scratch
# counts each time), run by tests/pgo-train.sh.
$(O)/pgo/trained: $(COMMON_C) $(COMMON_CXX) $(wildcard common/*.h) $(wildcard tools/*.c) \
    tests/pgo-train.sh tests/gen-corpus
	$(MAKE) O=$(O)/pgo B=$(O)/pgo/bin PGO=0 PGO_GEN=1 PGO_DIR=$(PGO_DIR) all
	rm -rf $(PGO_DIR)
	SCTOOLS_DATA=$(CURDIR)/data sh tests/pgo-train.sh $(O)/pgo/bin $(O)/pgo
	touch $@

$(LIB): $(COMMON_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

$(B)/%: $(O)/tools/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PGO_FLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS_ALL) $(LDLIBS)

$(O)/tests/%: $(O)/tests/unit/%.o $(LIB)
	$(CC) $(CFLAGS) $(PGO_FLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS_ALL) $(LDLIBS)

# Fuzz harnesses built as plain programs that replay a corpus directory
# (zstd's regression driver idea), so `make check` runs them with any compiler.
$(O)/tests/replay_%: $(O)/tests/fuzz/%.o $(O)/tests/fuzz/replay.o $(LIB)
	$(CC) $(CFLAGS) $(PGO_FLAGS) $(LDFLAGS) -o $@ $< $(O)/tests/fuzz/replay.o $(LDLIBS_ALL) $(LDLIBS)

tests-build: all $(UNIT_BIN) $(FUZZ_REPLAY)

# The test suite: TAP through prove, which prints the closing count.
check: deps
	$(MAKE) tests-build
	SC_BIN=$(CURDIR)/$(B) SC_BUILD=$(CURDIR)/$(O) prove -j2 tests/

# The same suite with sanitizers, in its own build directories.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
asan: deps
	$(MAKE) O=build/asan B=build/asan/bin PGO=0 CFLAGS="$(ASAN_FLAGS)" \
	    CXXFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" tests-build
	SC_BIN=$(CURDIR)/build/asan/bin SC_BUILD=$(CURDIR)/build/asan SC_SANITIZED=1 \
	    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    prove -j2 tests/

valgrind: all
	SC_BIN=$(CURDIR)/$(B) SC_BUILD=$(CURDIR)/$(O) SC_VALGRIND=1 prove tests/cli.t

deps:
	@sh tests/deps.sh

quickstart: deps
	$(MAKE) all
	sh sample/run.sh

bench: all
	SC_BUILD_KIND='$(if $(PGO_STAMP),profile-guided (PGO=1),plain (PGO=0)), $(CC) $(CFLAGS)' sh tests/bench.sh

FUZZ_SECONDS ?= 120
fuzz: deps
	sh tests/fuzz/run.sh $(FUZZ_SECONDS)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(COMPDIR)
	for t in $(TOOLS); do install -m 755 $(B)/$$t $(DESTDIR)$(BINDIR)/$$t; done
	cp -R data/. $(DESTDIR)$(DATADIR)/
	for t in $(TOOLS); do install -m 644 man/$$t.1 $(DESTDIR)$(MANDIR)/man1/$$t.1; done
	install -m 644 man/sctools.7 $(DESTDIR)$(MANDIR)/man7/sctools.7
	for t in $(TOOLS); do install -m 644 completion/sctools.bash \
	    $(DESTDIR)$(COMPDIR)/$$t; done

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t \
	    $(DESTDIR)$(MANDIR)/man1/$$t.1 $(DESTDIR)$(COMPDIR)/$$t; done
	rm -f $(DESTDIR)$(MANDIR)/man7/sctools.7
	rm -rf $(DESTDIR)$(DATADIR)

lint-man:
	mandoc -T lint -W warning man/*.1 man/*.7

clean:
	rm -rf build bin

.PHONY: all check asan valgrind deps quickstart bench fuzz install uninstall \
        lint-man clean tests-build FORCE
.SECONDARY:

-include $(shell find $(O) -name '*.d' 2>/dev/null)
