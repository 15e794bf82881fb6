# Two commands matter on a fresh machine (see README.md):
#   make scan DIR=path   install what is missing, build in release mode, scan DIR
#   make test            install what the tests need, run the whole test suite and a short fuzz run
DIR ?= .

.PHONY: setup build scan test bench clean

setup:
	sh scripts/setup.sh

build: setup
	swift build -c release

scan: build
	.build/release/alpaca-lint "$(DIR)"

test:
	sh scripts/setup.sh --test
	sh Fuzz/run.sh 10 ignore diff toml
	swift build --build-tests
	swift test

bench: build
	sh scripts/bench/run.sh

clean:
	rm -rf .build
