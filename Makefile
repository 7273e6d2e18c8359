# qtoracle -- certified reference values for quantum thermodynamics.
# make            library (static + shared) and the tool build/qtoracle
# make check      build and run every Check suite (make -j2 check: two at a time); make check-long: the long cases
# make vectors    regenerate vectors/ from vectors/specs/
# make verify     regenerate into build/ and compare with vectors/ byte for byte, then `qtoracle check`
# make install    PREFIX=/usr/local DESTDIR=  (library with a SONAME, headers, qtoracle.pc, the tool, its man page, the vectors)
# make dist       a release tarball build/qtoracle-VERSION.tar.gz

CC ?= cc
# the version, in one place: include/qtoracle/core.h
VERSION := $(shell sed -n 's/^#define QT_VERSION "\(.*\)"/\1/p' include/qtoracle/core.h)
SOMAJOR := 0
PREFIX ?= /usr/local
DESTDIR ?=
PKG_CONFIG ?= pkg-config
BUILD := build

# Debian 12: -lflint-arb; upstream Arb 2.x: -larb; FLINT >= 3: Arb is inside -lflint
ARB_LIB ?= $(shell if printf '\043include <flint/arb.h>\nint main(void){return 0;}\n' | $(CC) -x c - -lflint -o /dev/null >/dev/null 2>&1; then echo ""; \
             elif printf 'int main(void){return 0;}\n' | $(CC) -x c - -lflint-arb -lflint -o /dev/null >/dev/null 2>&1; then echo -lflint-arb; else echo -larb; fi)
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags mpfr gmp jansson 2>/dev/null)
DEP_LIBS := $(ARB_LIB) -lflint $(shell $(PKG_CONFIG) --libs mpfr gmp 2>/dev/null || echo -lmpfr -lgmp) -lm
JANSSON_LIBS := $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null || echo -ljansson)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS := $(shell $(PKG_CONFIG) --libs check 2>/dev/null || echo -lcheck)

CFLAGS ?= -O2 -g
SANITIZE ?=
# GCC 12 reports -Wstringop-overread false positives for FLINT's one-element array types (fmpq_t) passed
# from struct members; clang and other GCC versions do not; the flag is added only if the compiler knows it
NO_OVERREAD := $(shell $(CC) -Werror -Wno-stringop-overread -E -x c /dev/null >/dev/null 2>&1 && echo -Wno-stringop-overread)
ALL_CFLAGS := -std=c11 -Wall -Wextra $(NO_OVERREAD) -fPIC -Iinclude $(DEP_CFLAGS) $(CFLAGS) $(SANITIZE)
ALL_LDFLAGS := $(LDFLAGS) $(SANITIZE)

LIB_SRC := $(sort $(wildcard ref/*/*.c))
# the Gauss-Legendre node table, written when the library is built by ref/core/gen/gl_nodes_gen.c
GL_TABLE := $(BUILD)/gen/gl_nodes_table.c
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/gl_nodes_table.o
TOOL_SRC := $(sort $(wildcard oracle/*.c))
TOOL_OBJ := $(TOOL_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(sort $(wildcard tests/t_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
HEADERS := $(wildcard include/qtoracle/*.h) $(wildcard ref/*/*.h) $(wildcard oracle/*.h)

SPECS := $(sort $(wildcard vectors/specs/*.json))
VECTORS := $(SPECS:vectors/specs/%=vectors/%)

# provenance of generated vectors: last commit touching the generator, and whether it is dirty
GEN_PATHS := include ref oracle vectors/specs Makefile
GEN_COMMIT := $(shell git log -1 --format=%H -- $(GEN_PATHS) 2>/dev/null)
GEN_DIRTY := $(shell if git rev-parse --git-dir >/dev/null 2>&1; then if [ -n "$$(git status --porcelain -- $(GEN_PATHS) 2>/dev/null)" ]; then echo true; else echo false; fi; else echo true; fi)
export QTORACLE_GIT_COMMIT := $(if $(GEN_COMMIT),$(GEN_COMMIT),unknown)
export QTORACLE_GIT_DIRTY := $(GEN_DIRTY)

.PHONY: all check vectors verify install clean bench
all: $(BUILD)/libqtoracle.a $(BUILD)/libqtoracle.so $(BUILD)/qtoracle

$(BUILD)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# the generator runs on the build machine, without the sanitizers of the library's objects
$(BUILD)/gen/gl_nodes_gen: ref/core/gen/gl_nodes_gen.c ref/core/gauss_legendre_internal.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -O1 -Iref/core $(DEP_CFLAGS) $(LDFLAGS) -o $@ $< $(DEP_LIBS)
$(GL_TABLE): $(BUILD)/gen/gl_nodes_gen
	$< > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/gen/gl_nodes_table.o: $(GL_TABLE) ref/core/gauss_legendre_internal.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Iref/core -c $< -o $@

$(BUILD)/libqtoracle.a: $(LIB_OBJ)
	@mkdir -p $(BUILD)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/libqtoracle.so.$(VERSION): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libqtoracle.so.$(SOMAJOR) $(ALL_LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(BUILD)/libqtoracle.so: $(BUILD)/libqtoracle.so.$(VERSION)
	ln -sf libqtoracle.so.$(VERSION) $(BUILD)/libqtoracle.so.$(SOMAJOR)
	ln -sf libqtoracle.so.$(VERSION) $@

$(BUILD)/qtoracle: $(TOOL_OBJ) $(BUILD)/libqtoracle.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(TOOL_OBJ) $(BUILD)/libqtoracle.a $(JANSSON_LIBS) $(DEP_LIBS)

$(BUILD)/tests/%: tests/%.c $(wildcard tests/*.h) $(BUILD)/libqtoracle.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Itests -o $@ $< $(BUILD)/libqtoracle.a $(ALL_LDFLAGS) $(JANSSON_LIBS) $(CHECK_LIBS) $(DEP_LIBS)

# one job per suite, so that make -j2 check runs two at a time; each suite's output is printed whole when it ends
# the long cases (the test case "long" of these suites, about 110 s of CPU): make check-long, which CI runs
LONG_SUITES := t_pump_axes t_pump_temperatures t_pump_heat t_pump_friction
LONG_RUNS := $(LONG_SUITES:%=check-long-%)
.PHONY: check-long $(LONG_RUNS)
check-long: $(LONG_RUNS)
	@fail=0; for t in $(LONG_SUITES); do [ ! -e $(BUILD)/test-logs/long-$$t.failed ] || { echo "FAILED: $$t (long)"; fail=1; }; done; \
	if [ $$fail -ne 0 ]; then echo "make check-long: FAILED"; exit 1; fi; echo "make check-long: all long cases passed"
$(LONG_RUNS): check-long-%: $(BUILD)/tests/% all
	@mkdir -p $(BUILD)/test-logs; rm -f $(BUILD)/test-logs/long-$*.failed
	@t0=$$(date +%s); QTORACLE=$(BUILD)/qtoracle QT_TEST_LONG=1 CK_RUN_CASE=long $(BUILD)/tests/$* > $(BUILD)/test-logs/long-$*.log 2>&1 \
	  || touch $(BUILD)/test-logs/long-$*.failed; \
	echo "== $(BUILD)/tests/$* long ($$(( $$(date +%s) - t0 )) s)"; cat $(BUILD)/test-logs/long-$*.log

# the randomized self-test drives the tool's own parsers and families: it links the tool's objects too
TOOL_OBJ_LIB := $(filter-out $(BUILD)/obj/oracle/main.o,$(TOOL_OBJ))
$(BUILD)/tests/t_selftest: tests/t_selftest.c $(wildcard tests/*.h) $(BUILD)/libqtoracle.a $(TOOL_OBJ_LIB) $(HEADERS)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Itests -Ioracle -o $@ $< $(TOOL_OBJ_LIB) $(BUILD)/libqtoracle.a $(ALL_LDFLAGS) $(JANSSON_LIBS) $(CHECK_LIBS) $(DEP_LIBS)

TEST_RUNS := $(TEST_BIN:$(BUILD)/tests/%=check-%)
.PHONY: $(TEST_RUNS)
# the longest runs first (about 25, 20, 20, 15 s of CPU), so that make -j2 does not end on one of them alone
CHECK_FIRST := check-validate check-clients check-t_landauer_placements check-bad check-shard check-python
check: $(CHECK_FIRST) $(filter-out $(CHECK_FIRST),$(TEST_RUNS)) check-install
	@fail=0; for t in $(TEST_BIN:$(BUILD)/tests/%=%) python install clients bad shard validate; do [ ! -e $(BUILD)/test-logs/$$t.failed ] || { echo "FAILED: $$t"; fail=1; }; done; \
	if [ $$fail -ne 0 ]; then echo "make check: FAILED"; exit 1; fi; echo "make check: all suites passed"
# the Python package (python/): its tests, and the same verdicts as the tool on doctored inputs (python3-pytest)
PYTHON ?= /usr/bin/python3
.PHONY: check-python
check-python: all
	@mkdir -p $(BUILD)/test-logs; rm -f $(BUILD)/test-logs/python.failed
	@if $(PYTHON) -c "import pytest" 2>/dev/null; then \
	  QTORACLE=$(BUILD)/qtoracle $(PYTHON) -m pytest -q -p no:cacheprovider python/tests > $(BUILD)/test-logs/python.log 2>&1 \
	    || touch $(BUILD)/test-logs/python.failed; \
	else echo "python3-pytest is not installed: the Python package's tests are skipped" > $(BUILD)/test-logs/python.log; fi; \
	echo "== python/tests"; cat $(BUILD)/test-logs/python.log

# make install into a temporary prefix, a C program built with pkg-config, the solver author's CI steps with a toy solver
# (not under the sanitizers: an outside program would need their runtime)
.PHONY: check-install
check-install: all
	@mkdir -p $(BUILD)/test-logs; rm -f $(BUILD)/test-logs/install.failed
	@if [ -z "$(SANITIZE)" ]; then BUILD=$(BUILD) tests/install_and_ci.sh > $(BUILD)/test-logs/install.log 2>&1 \
	  || touch $(BUILD)/test-logs/install.failed; else echo "skipped under the sanitizers" > $(BUILD)/test-logs/install.log; fi; \
	echo "== tests/install_and_ci.sh"; cat $(BUILD)/test-logs/install.log

# the shell-script suites, each run like a Check suite (its log, a .failed mark), all with the tool under test:
#   bad       the catalogue of malformed and hostile inputs (tests/bad/cases/*.case): exit status, one message,
#             nothing on stdout, no file left behind
#   shard     gen --shard I/N + merge reproduce the unsharded file byte for byte, through the Slurm job script
#   validate  qtoracle validate: shipped files recompute inside their enclosures, doctored copies are caught
SCRIPT_bad := tests/bad/run.sh
SCRIPT_shard := tests/shard_merge.sh
SCRIPT_validate := tests/validate_vectors.sh
SCRIPT_RUNS := check-bad check-shard check-validate
.PHONY: $(SCRIPT_RUNS)
$(SCRIPT_RUNS): check-%: all
	@mkdir -p $(BUILD)/test-logs; rm -f $(BUILD)/test-logs/$*.failed
	@QTORACLE=$(BUILD)/qtoracle $(SCRIPT_$*) > $(BUILD)/test-logs/$*.log 2>&1 || touch $(BUILD)/test-logs/$*.failed; \
	echo "== $(SCRIPT_$*)"; cat $(BUILD)/test-logs/$*.log

# make fuzz: the libFuzzer harnesses of tests/fuzz/ (clang, libclang-rt-14-dev) over every parser of hostile input,
# with ASan and UBSan, each run FUZZ_SECONDS from a corpus seeded from vectors/ and tests/bad/ (scripts/run-fuzz)
FUZZ_SECONDS ?= 60
FUZZ_BUILD := build-fuzz
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -DQO_FUZZING
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_TOOL_OBJ := $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,$(filter-out oracle/main.c,$(TOOL_SRC)))
.PHONY: fuzz fuzz-build
fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang CFLAGS="$(FUZZ_FLAGS)" \
	  SANITIZE="-fsanitize=fuzzer-no-link,address,undefined" $(FUZZ_BUILD)/libqtoracle.a $(FUZZ_TOOL_OBJ)
	@mkdir -p $(FUZZ_BUILD)/fuzz
	@for t in $(FUZZ_TARGETS); do \
	  clang -std=c11 -Iinclude -Ioracle $(DEP_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined \
	    -o $(FUZZ_BUILD)/fuzz/$$t tests/fuzz/$$t.c $(FUZZ_TOOL_OBJ) $(FUZZ_BUILD)/libqtoracle.a $(JANSSON_LIBS) $(DEP_LIBS) \
	    || exit 1; done
fuzz: fuzz-build
	scripts/run-fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# every shipped vector file recomputed at +64 bits inside its committed enclosures (CI runs it); each file's cases in
# VALIDATE_JOBS worker processes, so that pump.json (two thirds of the work) does not run alone on one core at the end
VALIDATE_JOBS ?= 2
VALIDATE_RUNS := $(VECTORS:vectors/%.json=validate-%)
.PHONY: validate-vectors $(VALIDATE_RUNS)
validate-vectors: $(VALIDATE_RUNS)
$(VALIDATE_RUNS): validate-%: all
	@out=$$($(BUILD)/qtoracle validate vectors/$*.json --jobs $(VALIDATE_JOBS)) || { echo "vectors/$*.json:"; echo "$$out"; exit 1; }; \
	  echo "vectors/$*.json: $$(echo "$$out" | tail -n 1)"

# real clients (scipy, QuTiP, numpy solvers checked by the tool): make client-check runs them and fails without the
# packages; make check runs them when the packages are present (tests/clients/run_clients.sh)
.PHONY: client-check check-clients
client-check: all
	QTORACLE=$(BUILD)/qtoracle PYTHON=$(PYTHON) tests/clients/run_clients.sh
check-clients: all
	@mkdir -p $(BUILD)/test-logs; rm -f $(BUILD)/test-logs/clients.failed
	@QTORACLE=$(BUILD)/qtoracle PYTHON=$(PYTHON) tests/clients/run_clients.sh > $(BUILD)/test-logs/clients.log 2>&1; \
	  rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 77 ] || touch $(BUILD)/test-logs/clients.failed; \
	echo "== tests/clients/run_clients.sh"; cat $(BUILD)/test-logs/clients.log

$(TEST_RUNS): check-%: $(BUILD)/tests/% all
	@mkdir -p $(BUILD)/test-logs; rm -f $(BUILD)/test-logs/$*.failed
	@t0=$$(date +%s); QTORACLE=$(BUILD)/qtoracle $(BUILD)/tests/$* > $(BUILD)/test-logs/$*.log 2>&1 \
	  || touch $(BUILD)/test-logs/$*.failed; \
	echo "== $(BUILD)/tests/$* ($$(( $$(date +%s) - t0 )) s)"; cat $(BUILD)/test-logs/$*.log

# every spec is computed as GEN_SHARDS slices (gen --shard I/N, one make job each, so that make -j2 keeps both cores
# busy even while the pump file runs) and joined by qtoracle merge: byte for byte the file one gen run writes
GEN_SHARDS ?= 4
SPEC_NAMES := $(SPECS:vectors/specs/%.json=%)
SHARD_IDS := $(shell seq 1 $(GEN_SHARDS))
PARTS_OF = $(foreach i,$(SHARD_IDS),$(BUILD)/parts/$(1)/part-$(i).json)
.PHONY: FORCE
FORCE:
define SHARD_RULE
$(BUILD)/parts/$(1)/part-$(2).json: FORCE $(BUILD)/qtoracle
	@mkdir -p $(BUILD)/parts/$(1)
	@$(BUILD)/qtoracle gen vectors/specs/$(1).json -o $$@ --shard $(2)/$(GEN_SHARDS)
endef
$(foreach s,$(SPEC_NAMES),$(foreach i,$(SHARD_IDS),$(eval $(call SHARD_RULE,$(s),$(i)))))

GEN_JOBS := $(SPEC_NAMES:%=gen-%)
VERIFY_JOBS := $(SPEC_NAMES:%=verify-%)
.PHONY: $(GEN_JOBS) $(VERIFY_JOBS)

vectors: $(GEN_JOBS)
.SECONDEXPANSION:
$(GEN_JOBS): gen-%: $$(call PARTS_OF,%)
	@$(BUILD)/qtoracle merge $(call PARTS_OF,$*) -o vectors/$*.json
	@echo "gen vectors/specs/$*.json"

# regenerate into build/ and compare with the committed files, then self-check them
verify: $(VERIFY_JOBS)
	@if [ "$(GEN_DIRTY)" = true ]; then echo "note: generator sources have uncommitted changes (git_dirty)"; fi
	@for v in $(VECTORS); do $(BUILD)/qtoracle selfcheck $$v || exit 1; done
$(VERIFY_JOBS): verify-%: $$(call PARTS_OF,%)
	@mkdir -p $(BUILD)/regen
	@$(BUILD)/qtoracle merge $(call PARTS_OF,$*) -o $(BUILD)/regen/$*.json
	@if cmp -s $(BUILD)/regen/$*.json vectors/$*.json; then echo "reproduced byte for byte: vectors/$*.json"; \
	  else echo "DIFFERS from regeneration: vectors/$*.json"; exit 1; fi

# the figures of docs/figures/ from certified sweeps (gnuplot; a few minutes; not part of check)
.PHONY: figures
figures: all
	QTORACLE=$(BUILD)/qtoracle scripts/make-figures

# every shipped claims file through qtoracle audit, the verdicts compared with tests/audit_verdicts.txt (CI runs it)
.PHONY: audit
audit: all
	@QTORACLE=$(BUILD)/qtoracle tests/audit_shipped.sh

bench: all
	bench/landauer
	bench/open_systems
	bench/pumping
	$(CC) $(ALL_CFLAGS) -o $(BUILD)/bench_lindblad_propagate bench/lindblad_propagate.c $(BUILD)/libqtoracle.a $(ALL_LDFLAGS) $(DEP_LIBS)
	$(CC) $(ALL_CFLAGS) -o $(BUILD)/bench_lindblad_record bench/lindblad_record.c $(BUILD)/libqtoracle.a $(ALL_LDFLAGS) $(DEP_LIBS)
	$(PYTHON) bench/lindblad_scaling.py $(BUILD)/qtoracle 3 $(BUILD)/bench_lindblad_propagate $(BUILD)/bench_lindblad_record
	$(PYTHON) bench/gen_jobs.py $(BUILD)/qtoracle 3
	@t0=$$(date +%s.%N); $(MAKE) -s -j2 -k verify > $(BUILD)/bench_verify.log 2>&1; rc=$$?; \
	  awk -v a="$$t0" -v b="$$(date +%s.%N)" 'BEGIN { printf "make -j2 verify (every vector file regenerated and compared byte for byte): %.1f s wall\n", b - a }'; \
	  [ $$rc -eq 0 ] || echo "  (not every file reproduced, e.g. uncommitted changes: $(BUILD)/bench_verify.log)"

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/qtoracle $(DESTDIR)$(PREFIX)/bin \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/qtoracle/vectors/schema \
	  $(DESTDIR)$(PREFIX)/share/qtoracle/vectors/claims
	install -m 644 $(BUILD)/libqtoracle.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(BUILD)/libqtoracle.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libqtoracle.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libqtoracle.so.$(SOMAJOR)
	ln -sf libqtoracle.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libqtoracle.so
	install -m 644 include/qtoracle/*.h $(DESTDIR)$(PREFIX)/include/qtoracle/
	install -m 755 $(BUILD)/qtoracle $(DESTDIR)$(PREFIX)/bin/
	install -m 644 docs/qtoracle.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 vectors/*.json vectors/LICENSE $(DESTDIR)$(PREFIX)/share/qtoracle/vectors/
	install -m 644 vectors/schema/*.json $(DESTDIR)$(PREFIX)/share/qtoracle/vectors/schema/
	install -m 644 vectors/claims/*.json $(DESTDIR)$(PREFIX)/share/qtoracle/vectors/claims/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' -e 's|@ARB_LIB@|$(ARB_LIB)|g' qtoracle.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/qtoracle.pc

# a release tarball of the committed tree, vectors included
.PHONY: dist
dist:
	@mkdir -p $(BUILD)
	git archive --format=tar.gz --prefix=qtoracle-$(VERSION)/ -o $(BUILD)/qtoracle-$(VERSION).tar.gz HEAD
	@echo "wrote $(BUILD)/qtoracle-$(VERSION).tar.gz"

clean:
	rm -rf $(BUILD)
