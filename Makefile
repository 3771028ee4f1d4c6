# sctools: four Unix filters for scraped text corpora.
#
#   make              build bin/scsplit bin/scmeta bin/scstrip bin/scdedup
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

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(SC_CPPFLAGS) $(PKG_CFLAGS) $(SC_CFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(SC_CPPFLAGS) $(CLD2_CFLAGS) $(SC_CXXFLAGS) $(CXXFLAGS) -c -o $@ $<

$(LIB): $(COMMON_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

$(B)/%: $(O)/tools/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS_ALL) $(LDLIBS)

$(O)/tests/%: $(O)/tests/unit/%.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS_ALL) $(LDLIBS)

# Fuzz harnesses built as plain programs that replay a corpus directory
# (zstd's regression driver idea), so `make check` runs them with any compiler.
$(O)/tests/replay_%: $(O)/tests/fuzz/%.o $(O)/tests/fuzz/replay.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/tests/fuzz/replay.o $(LDLIBS_ALL) $(LDLIBS)

tests-build: all $(UNIT_BIN) $(FUZZ_REPLAY)

# The test suite: TAP through prove, which prints the closing count.
check: deps
	$(MAKE) tests-build
	SC_BIN=$(CURDIR)/$(B) SC_BUILD=$(CURDIR)/$(O) prove -j2 tests/

# The same suite with sanitizers, in its own build directories.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
asan: deps
	$(MAKE) O=build/asan B=build/asan/bin CFLAGS="$(ASAN_FLAGS)" \
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
	sh tests/bench.sh

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
        lint-man clean tests-build
.SECONDARY:

-include $(shell find $(O) -name '*.d' 2>/dev/null)
