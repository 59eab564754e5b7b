# Thin wrapper over CMake and lit. The two commands a newcomer runs are
# `make demo` and `make check`; everything else is a step they depend on.

BUILD      ?= build
LLVM_BIN   ?= /usr/lib/llvm-19/bin
JOBS       ?= $(shell nproc)
LIT        ?= python3 /usr/lib/llvm-19/build/utils/lit/lit.py
LIT_ARGS   ?= -sv
# QUICK=1 skips the real-kernel check in `make check` (fast local loop).
QUICK      ?=
# `make install PREFIX=P` (DESTDIR=D stages it under D, as for packaging).
PREFIX     ?= /usr/local

DEBIAN_PACKAGES := clang-19 libclang-19-dev llvm-19-dev llvm-19-tools \
                   clang-tidy-19 clang-format-19 lld-19 \
                   cmake ninja-build python3 git

.PHONY: all deps configure build install deb demo check check-lit check-parse-equivalence \
        kernel-check kernel-check-specs bench mutation fuzz clean

all: build

# Installs only what is missing, after one `apt-get update`.
deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y $$missing; \
	fi

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja \
	  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
	  -DCMAKE_BUILD_TYPE=Release

configure: $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

install: build
	DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX)

# $(BUILD)/gup-rewrite_<version>_<arch>.deb: `apt install ./$(BUILD)/*.deb`.
deb: build
	cd $(BUILD) && cpack -G DEB

demo: deps
	@$(MAKE) --no-print-directory build
	@scripts/demo.sh $(BUILD)

check-lit: build
	@mkdir -p $(BUILD)/test-results
	-$(LIT) $(LIT_ARGS) --xunit-xml-output=$(BUILD)/test-results/lit.xml $(BUILD)/test

# The whole lit suite with every tool invocation run twice, with
# --full-parse and without, which must agree (test/lit-helpers/parse_equivalence.py).
check-parse-equivalence: build
	$(LIT) $(LIT_ARGS) --param parse-equivalence=1 $(BUILD)/test

kernel-check: build
	scripts/kernel-check.sh $(BUILD)

# The shipped specs other than gup-vmas on the same tree (not in `check`).
kernel-check-specs: build
	scripts/kernel-check-specs.sh $(BUILD)

check: deps
	@$(MAKE) --no-print-directory build
	@rm -rf $(BUILD)/test-results && mkdir -p $(BUILD)/test-results
	@$(MAKE) --no-print-directory check-lit
	@if [ -z "$(QUICK)" ] && [ -x scripts/kernel-check.sh ]; then \
	  $(MAKE) --no-print-directory kernel-check; fi
	@python3 scripts/summarize-results.py $(BUILD)/test-results

# Each test/<rule>/ folder with its rule disabled (and its clang-tidy check
# left out) must fail; the report goes to $(BUILD)/mutation-report.md.
# RULES="a b" limits the run to those rules.
mutation: build
	python3 scripts/mutation.py --build $(BUILD) $(RULES)

# Generated call sites with random seeds, COUNT per group (make check runs a
# fixed seed): a failing variant prints the id that `python3
# test/generated/gen_shapes.py show ID` turns into a reproducer.
SEED  ?=
COUNT ?= 1000
fuzz: build
	python3 test/generated/gen_shapes.py fuzz $(if $(SEED),--seed=$(SEED)) --count=$(COUNT) \
	  -j$(JOBS) --workdir=$(BUILD)/fuzz --tool=$(BUILD)/bin/gup-rewrite \
	  --clang=$(LLVM_BIN)/clang --include=model/include \
	  --clang-tidy=$(LLVM_BIN)/clang-tidy --plugin=$(BUILD)/lib/libGupTidy.so
	seed=$(if $(SEED),$(SEED),$$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')); \
	echo "gen_spec_shapes: seed $$seed"; \
	python3 test/generated/gen_spec_shapes.py check --seed=$$seed --count=$(COUNT) \
	  --workdir=$(BUILD)/fuzz-specs --tool=$(BUILD)/bin/gup-rewrite --clang=$(LLVM_BIN)/clang \
	  --include=test/migrations/Inputs/include --include=model/include

bench: build
	bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
