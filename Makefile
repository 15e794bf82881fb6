# Two commands matter on a fresh machine (see README.md):
#   make scan DIR=path   install what is missing, build in release mode, scan DIR
#   make test            install what the tests need, build the release tarball (make dist) so that its
#                        tests run too, then the whole test suite and a short fuzz run
# Release work:
#   make dist            self-contained Linux x86-64 binary, packed in dist/ with SHA256SUMS (scripts/dist.sh)
#   make dist-check      make dist, then the tests of the packed binary (Tests/EndToEndTests/DistTests.swift)
#   make docs            regenerate docs/rules.md from the rules compiled into the binary
DIR ?= .
# On Linux the Swift runtime and Foundation are linked into the binary: it starts in a third less
# time (no dynamic symbol binding of the Swift libraries), which is most of a one-file staged scan.
# SwiftPM supports this on Linux only.
STATIC_STDLIB := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)

.PHONY: setup build scan test bench clean dist dist-check docs

setup:
	sh scripts/setup.sh

build: setup
	swift build -c release $(STATIC_STDLIB)

scan: build
	.build/release/alpaca-lint "$(DIR)"

test:
	sh scripts/setup.sh --test
	sh scripts/dist.sh
	sh Fuzz/run.sh 10 ignore diff toml
	swift build --build-tests
	swift test

dist: setup
	sh scripts/dist.sh

# Just the release tests (make test runs them too, with everything else).
dist-check: dist
	swift build --build-tests
	swift test --skip-build --filter DistTests

docs:
	swift build --product alpaca-lint
	.build/debug/alpaca-lint rules --format markdown > docs/rules.md.tmp
	mv docs/rules.md.tmp docs/rules.md

# Tree scan against ripgrep (scripts/bench/run.sh), then --history against Kingfisher and a plain
# git cat-file read of every object (scripts/bench/history.sh); both print medians and ratios.
bench: build
	sh scripts/bench/run.sh
	bash scripts/bench/history.sh

clean:
	rm -rf .build
