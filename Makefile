# Borderlines: `make serve` to run it, `make test` to check everything. Both install what they need.
include versions.env

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_BIN ?= /usr/bin/chromium

PUBLIC_URL ?= /
SEEDS_DIR ?= seeds
export SEEDS_DIR
E2E_DIST := target/e2e-dist
OFFLINE_BUILD := target/offline-build
OFFLINE_HTML := dist-offline/index.html

# The seeds plus the real-text test set (crates/ingest/tests/real-text), in one folder.
REAL_SEEDS := target/real-seeds
define real-seeds
	rm -rf $(REAL_SEEDS) && mkdir -p $(REAL_SEEDS)
	cp seeds/*.txt $(REAL_SEEDS)/ && cp -r crates/ingest/tests/real-text/*/ $(REAL_SEEDS)/
endef

# The offline edition: a release build with relative URLs, folded into one HTML file (a corpus
# past the shards threshold keeps its chunks and shards, one embedded element each).
define build-offline
	rm -rf $(dir $(OFFLINE_HTML))
	trunk build --release --public-url ./ --dist $(OFFLINE_BUILD)
	node scripts/offline.mjs $(OFFLINE_BUILD) $(OFFLINE_HTML)
endef

.PHONY: help setup setup-test serve build offline check-seeds bench-corpus bench bench-50k bench-quick bench-across bench-network bench-warm bench-100k lighthouse screenshots report lint test test-native test-wasm test-e2e test-scale test-bench fuzz clean

help:
	@echo "make serve        build and serve on http://127.0.0.1:8080 (installs tools on first run)"
	@echo "make test         everything CI runs: fmt, clippy (host + wasm32), native, wasm and browser tests"
	@echo "make build        release site in dist/ (PUBLIC_URL=/sub/path/ for a sub-path, SEEDS_DIR=dir for other seeds)"
	@echo "make offline      one self-contained file, $(OFFLINE_HTML), that works from file:// (SEEDS_DIR=dir too)"
	@echo "make check-seeds  report every article, warning and error in \$$SEEDS_DIR"
	@echo "make bench        Borderlines vs MiniSearch, FlexSearch, Pagefind at N = 100 … 10,000 -> bench/REPORT.md"
	@echo "make bench-quick  the same at N = 1,000 only"
	@echo "make bench-50k    the same at N = 50,000 (about 25 minutes), added to the report"
	@echo "make bench-network  Borderlines vs Pagefind under Fast 4G and slow 3G at N = 1,000 … 100,000 (bench-100k: 100,000 only)"
	@echo "make bench-warm     warm queries, sharded site against the same corpus whole, at 10,000 (after bench-network)"
	@echo "make lighthouse   Lighthouse mobile on the seeds + real-text set, 1,000 and 10,000 articles, served gzip-only"
	@echo "make screenshots  pictures of the main views at 360 and 1280 px -> docs/screenshots/"
	@echo "make fuzz         each fuzz target for FUZZ_SECONDS (600) on the stable toolchain; crashes land in fuzz/artifacts/"

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh test

serve: setup
	@echo "Borderlines will be at http://127.0.0.1:8080/ (Ctrl-C to stop)"
	trunk serve --release --public-url / --address 127.0.0.1 --port 8080

build: setup
	trunk build --release --public-url $(PUBLIC_URL)
	node scripts/postbuild.mjs --check dist

offline: setup
	$(build-offline)

check-seeds:
	cargo run --profile cli -q -p ingest -- check $(SEEDS_DIR)

# A deterministic synthetic corpus of N articles for benchmarks (never committed: under target/).
N ?= 1000
SEED ?= 42
bench-corpus:
	cargo run --release -q -p bench --bin bench -- generate --articles $(N) --seed $(SEED) --out target/bench-corpus/$(N) --verify

# The benchmark (not part of `make test`; see bench/REPORT.md), about 8 minutes. BENCH_N
# overrides the sizes. 50,000 articles take about 25 minutes on their own (docs/scaling.md
# says where the time goes), so they have a target of their own; the report shows every N
# whose results file exists.
BENCH_N ?= 100,1000,10000
bench: setup-test
	node bench/run.mjs --n $(BENCH_N)
	node bench/report.mjs

bench-50k: setup-test
	node bench/run.mjs --n 50000
	node bench/report.mjs

bench-quick: setup-test
	node bench/run.mjs --n 1000 --quick
	node bench/report.mjs

report:
	node bench/report.mjs

# Borderlines and Pagefind side by side, served gzip-only under Chromium's network emulation (Fast 4G,
# slow 3G): first card, explorer ready, cold first query, a 200-query session's bytes and wasm
# memory, at 1,000 to 100,000 generated articles (NETWORK_N) -> bench/results/network.json and the
# report. About 40 minutes with 100,000 (generating, packing and Pagefind's indexing take most).
NETWORK_N ?= 1000,10000,50000,100000
bench-network: setup-test
	cargo build --release -q -p bench --bin bench
	node bench/network.mjs --n $(NETWORK_N)
	node bench/report.mjs

# The same at 100,000 articles only.
# Warm queries on the sharded site against the same corpus shipped whole, at N = 10,000 (after
# `make bench-network`, which packs the sharded site): bench/results/warm.json.
bench-warm: setup-test
	node bench/warm.mjs --n 10000
	node bench/report.mjs

bench-100k: setup-test
	cargo build --release -q -p bench --bin bench
	node bench/network.mjs --n 100000
	node bench/report.mjs

# What search across languages and near spellings cost per view, natively, at 1,000 and 10,000
# generated articles (about 3 minutes; reuses target/bench/N when `make bench` made it).
bench-across:
	cargo build --release -q -p bench --bin bench
	for n in 1000 10000; do \
	  test -f target/bench/$$n/queries.json || { target/release/bench generate --articles $$n --seed $(SEED) --out target/bench-corpus/$$n && \
	    target/release/bench prep target/bench-corpus/$$n target/bench/$$n; } || exit 1; \
	  target/release/bench probe across target/bench/$$n && cp target/bench/$$n/across.json bench/results/across-$$n.json || exit 1; \
	done
	node bench/report.mjs

# Pictures of the main views (default, a search, an open article, Khmer and Burmese, an empty
# result, the phone's filter sheet) at 360 and 1280 px, light and dark, for the README.
screenshots: setup-test
	@scripts/setup.sh screenshots
	$(real-seeds)
	SEEDS_DIR=$(REAL_SEEDS) trunk build --release --public-url /borderlines/ --dist target/screenshots-site
	node scripts/screenshots.mjs target/screenshots-site docs/screenshots

# Lighthouse's mobile preset on three release sites served gzip-only, as GitHub Pages serves them:
# the seeds plus the real-text set (81 real articles), and 1,000 and 10,000 generated articles.
# Lighthouse is a measuring tool, installed under target/ (not in package.json).
LIGHTHOUSE_TOOL := target/lighthouse-tool
lighthouse: setup-test
	@[ -f $(LIGHTHOUSE_TOOL)/node_modules/lighthouse/package.json ] && grep -q '"version": "$(LIGHTHOUSE_VERSION)"' $(LIGHTHOUSE_TOOL)/node_modules/lighthouse/package.json \
	  || npm i --prefix $(LIGHTHOUSE_TOOL) --no-audit --no-fund -E lighthouse@$(LIGHTHOUSE_VERSION)
	$(real-seeds)
	$(MAKE) bench-corpus N=1000
	$(MAKE) bench-corpus N=10000
	SEEDS_DIR=$(REAL_SEEDS) trunk build --release --public-url /borderlines/ --dist target/lighthouse-sites/real
	SEEDS_DIR=target/bench-corpus/1000 trunk build --release --public-url /borderlines/ --dist target/lighthouse-sites/1000
	SEEDS_DIR=target/bench-corpus/10000 trunk build --release --public-url /borderlines/ --dist target/lighthouse-sites/10000
	LIGHTHOUSE_MODULE=file://$(CURDIR)/$(LIGHTHOUSE_TOOL)/node_modules/lighthouse/core/index.js \
	  CHROME_LAUNCHER_MODULE=file://$(CURDIR)/$(LIGHTHOUSE_TOOL)/node_modules/chrome-launcher/dist/index.js \
	  node bench/lighthouse.mjs real=target/lighthouse-sites/real 1000=target/lighthouse-sites/1000 10000=target/lighthouse-sites/10000

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p borderlines --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy -p corpus --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p bench --lib --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test -p corpus -p ingest -p bench -p borderlines-fuzz
	cargo test -p borderlines --lib

test-wasm:
	cargo test -p borderlines --target wasm32-unknown-unknown

# The release site served under /borderlines/, as GitHub Pages would (its corpus gunzipped in a
# worker whatever its size, so that the tests take that path; the offline file takes the other).
test-e2e:
	CORPUS_WORKER_MIN_BYTES=0 trunk build --release --public-url /borderlines/ --dist $(E2E_DIST)
	node scripts/postbuild.mjs --check $(E2E_DIST)
	$(build-offline)
	SEEDS_DIR=tests/fixtures/hostile-seeds trunk build --release --public-url /borderlines/ --dist target/e2e-hostile-dist
	$(real-seeds)
	rm -rf target/e2e-shards-dist target/e2e-whole-dist
	cp -r $(E2E_DIST) target/e2e-shards-dist && cp -r $(E2E_DIST) target/e2e-whole-dist
	SEEDS_DIR=$(REAL_SEEDS) SHARDS=on CORPUS_PACK_BYTES=2048 CORPUS_SHARD_BYTES=1024 node scripts/postbuild.mjs target/e2e-shards-dist
	SEEDS_DIR=$(REAL_SEEDS) SHARDS=off node scripts/postbuild.mjs target/e2e-whole-dist
	node scripts/offline.mjs target/e2e-shards-dist target/e2e-offline-shards/index.html
	node --test --test-reporter=spec e2e/

# The browser tests of e2e/scale.test.mjs on a hosted build of SCALE_N generated articles (50,000 by
# default; not part of `make test`: about 15 minutes, most of it generating and packing): it opens,
# the bench's queries count what brute force counts, a deep link, the map and keyword in context
# work, every request on its own origin, no CSP violation; and the offline file of SCALE_OFFLINE_N
# (10,000) articles answers from file:// as brute force does. A corpus and its query set are
# reused once made (delete target/bench/N after changing the generator).
SCALE_N ?= 50000
SCALE_OFFLINE_N ?= 10000
test-scale: setup-test
	cargo build --release -q -p bench --bin bench
	test -f target/bench-corpus/$(SCALE_N)/gen-000000.txt || target/release/bench generate --articles $(SCALE_N) --seed $(SEED) --out target/bench-corpus/$(SCALE_N)
	test -f target/bench/$(SCALE_N)/queries.json || target/release/bench prep target/bench-corpus/$(SCALE_N) target/bench/$(SCALE_N)
	SEEDS_DIR=target/bench-corpus/$(SCALE_N) trunk build --release --public-url /borderlines/ --dist target/scale-site
	test -f target/bench-corpus/$(SCALE_OFFLINE_N)/gen-000000.txt || target/release/bench generate --articles $(SCALE_OFFLINE_N) --seed $(SEED) --out target/bench-corpus/$(SCALE_OFFLINE_N)
	test -f target/bench/$(SCALE_OFFLINE_N)/queries.json || target/release/bench prep target/bench-corpus/$(SCALE_OFFLINE_N) target/bench/$(SCALE_OFFLINE_N)
	SEEDS_DIR=target/bench-corpus/$(SCALE_OFFLINE_N) trunk build --release --public-url ./ --dist target/scale-offline-build
	node scripts/offline.mjs target/scale-offline-build target/scale-offline/index.html
	SCALE_SITE=target/scale-site SCALE_QUERIES=target/bench/$(SCALE_N)/queries.json \
	  SCALE_OFFLINE=target/scale-offline/index.html SCALE_OFFLINE_QUERIES=target/bench/$(SCALE_OFFLINE_N)/queries.json \
	  node --test --test-reporter=spec e2e/scale.test.mjs

# The bench harness on N = 100 (no timings asserted): it runs, and Borderlines' recall is 1.0 and
# its facet and timeline counts equal brute force.
test-bench:
	node bench/run.mjs --smoke

test: setup-test lint test-native test-wasm test-e2e test-bench

# Fuzzing (not part of `make test`; `cargo test -p borderlines-fuzz` replays the committed corpora).
# See fuzz/README.md.
# Each target runs FUZZ_SECONDS under libFuzzer, built by cargo-fuzz on the stable toolchain:
# RUSTC_BOOTSTRAP=1 lets it accept the sanitizer flags. New inputs go to target/fuzz-corpus/
# (fuzz/corpus/ is only read); a crash is saved in fuzz/artifacts/<target>/ and fails the run
# after the other targets have had their turn. The workspace's release profile is for the wasm
# (size, LTO, stripped): fuzz builds override it for speed and symbolised crash reports.
FUZZ_PROFILE := CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_STRIP=false
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= seed url query decoder
FUZZ_ARGS ?=
fuzz:
	@scripts/setup.sh fuzz
	@failed=""; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_PROFILE) RUSTC_BOOTSTRAP=1 cargo fuzz run --features libfuzzer $$t target/fuzz-corpus/$$t fuzz/corpus/$$t \
	    -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $(FUZZ_ARGS) || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzzing found crashes in:$$failed (see fuzz/artifacts/)"; exit 1; fi

clean:
	cargo clean
	rm -rf dist $(E2E_DIST) target/e2e-hostile-dist $(OFFLINE_BUILD) $(dir $(OFFLINE_HTML))
