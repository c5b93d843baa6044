# Broadsheet: the two commands. Both install what is missing, configure, build and go.
#   make run    build and start the desktop app (PROFILE=dir to use another profile)
#   make test   build and run the whole test suite headless, then the core tests under ASan+UBSan
.PHONY: all deps configure build run test test-default check-sanitize bench bench-ui fuzz format clean

PROFILE ?=
RUN_ARGS := $(if $(PROFILE),--profile $(PROFILE),)

all: build

deps:
	@bash packaging/install-deps.sh

configure: deps
	@cmake --preset default >/dev/null

build: configure
	@cmake --build --preset default

# Chromium cannot sandbox the reader view's renderer for root; as root, run it unsandboxed
# (the app alone would show articles as plain text).
run: build
	@if [ "$$(id -u)" = 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi; \
	./build/default/ui/broadsheet $(RUN_ARGS)

test-default: build
	ctest --preset default

check-sanitize: deps
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize
	ctest --preset sanitize

test: test-default check-sanitize

bench: build
	cmake --build --preset default --target bench
	./build/default/tests/bench/run-benchmarks.sh

# The desktop reader on a generated 1,000,000-article profile (generated once, then reused).
bench-ui: build
	cmake --build --preset default --target bench_ui
	./build/default/tests/bench/bench_ui

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf build

# libFuzzer runs over the feed parser and the sanitizer (FUZZ_SECONDS each, default 300).
FUZZ_SECONDS ?= 300
fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz
	mkdir -p build/fuzz/corpus-feed build/fuzz/corpus-html
	./build/fuzz/tests/fuzz/fuzz_feed_parser -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 build/fuzz/corpus-feed
	./build/fuzz/tests/fuzz/fuzz_sanitizer -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 build/fuzz/corpus-html
