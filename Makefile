# Broadsheet: the two commands. Both install what is missing, configure, build and go.
#   make run    build and start the desktop app (PROFILE=dir to use another profile)
#   make test   build and run the whole test suite headless, then the core tests under ASan+UBSan
.PHONY: all deps configure build run test test-default check-sanitize bench bench-ui fuzz \
	format clean package check-package screenshots translations

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

test: test-default check-sanitize check-package

# The Debian package: a Release build of the two executables in build/package, then CPack
# (build/package/broadsheet_<version>_<arch>.deb). ccache speeds rebuilds when it is there.
CCACHE_LAUNCHER := $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache,)
package: deps
	@cmake --preset package $(CCACHE_LAUNCHER) >/dev/null
	@cmake --build --preset package
	cd build/package && cpack -G DEB

# Validates the metadata, inspects the .deb, installs it (as root) and runs what it installed.
check-package: package
	bash packaging/check-package.sh build/package

# PNGs of the app under Xvfb on a fresh demo profile (SCREENSHOTS=dir, default build/screenshots).
SCREENSHOTS ?= build/screenshots
screenshots: build
	bash packaging/screenshots.sh build/default/ui/broadsheet $(SCREENSHOTS)

bench: build
	cmake --build --preset default --target bench
	./build/default/tests/bench/run-benchmarks.sh

# The desktop reader on a generated 1,000,000-article profile (generated once, then reused).
bench-ui: build
	cmake --build --preset default --target bench_ui
	./build/default/tests/bench/bench_ui

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

# Refresh translations/*.ts from every tr() in ui/ (then translate the new entries, e.g. in
# Qt Linguist: linguist translations/broadsheet_zh_CN.ts).
translations: configure
	cmake --build --preset default --target broadsheet_lupdate

clean:
	rm -rf build

# libFuzzer runs over the feed parser, the sanitizer and the page list finder (FUZZ_SECONDS each,
# default 300).
FUZZ_SECONDS ?= 300
fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz
	mkdir -p build/fuzz/corpus-feed build/fuzz/corpus-html build/fuzz/corpus-pagelists
	cp -n tests/data/pagelists/*.html build/fuzz/corpus-pagelists/ 2>/dev/null || true
	./build/fuzz/tests/fuzz/fuzz_feed_parser -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 build/fuzz/corpus-feed
	./build/fuzz/tests/fuzz/fuzz_sanitizer -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 build/fuzz/corpus-html
	./build/fuzz/tests/fuzz/fuzz_page_lists -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 build/fuzz/corpus-pagelists
