# Crypto Heist Explorer. `make serve` and `make test` work on a fresh machine: both start by
# running ./bootstrap.sh, which installs only what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
ENV := source .tools/env.sh &&
# wasm32 builds go through `wasm` (defined in .tools/env.sh): route B builds std for them.
WENV := $(ENV) wasm
PORT ?= 8080
WASM := --target wasm32-unknown-unknown

.PHONY: og-image serve serve-nginx build test lint unit-tests wasm-tests e2e bench wasm-top fuzz crosscheck bootstrap clean csp

bootstrap:
	./bootstrap.sh

## Release build into dist/: static files only, relative URLs, works under any sub-path.
build: bootstrap
	$(WENV) trunk build --release --offline --public-url ./
	@echo "dist/ is ready: copy it to any static host, at any path."

## The CSP's hashes of the inline first-view script and stylesheet, into index.html and the
## nginx config, after either file changed (the build says when they are stale).
csp:
	$(ENV) node scripts/csp.mjs --write

## Build, then serve dist/ at http://127.0.0.1:$(PORT)/ as a production host would (brotli/gzip,
## CORS, cache and CSP headers) with scripts/serve.mjs: plain Node, no system package needed. The
## E2E suite checks that it answers as the production nginx config (scripts/nginx/) does.
serve: build
	@echo "Serving Crypto Heist Explorer at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	node scripts/serve.mjs dist $(PORT)

## The same with nginx and the shipped config, as the E2E suite serves it (nginx comes with
## ./bootstrap.sh --browser).
serve-nginx: build
	./bootstrap.sh --browser
	node scripts/nginx/run.mjs dist $(PORT)

## Everything CI checks. Host unit tests run last so the output ends with cargo's summary.
test:
	./bootstrap.sh --browser
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory wasm-tests
	$(MAKE) --no-print-directory e2e
	$(MAKE) --no-print-directory unit-tests

## The browser tests include the ECharts build we ship, so it is bundled before clippy reads them.
lint:
	node scripts/build-echarts.mjs
	$(ENV) cargo fmt --all --check
	$(ENV) cargo clippy --all-targets -- -D warnings
	$(WENV) cargo clippy --all-targets $(WASM) -- -D warnings
	$(WENV) cargo clippy --all-targets $(WASM) --all-features -- -D warnings

wasm-tests:
	$(WENV) env CHROMEDRIVER=/usr/bin/chromedriver cargo test $(WASM) --test browser

## The E2E tests drive dist/ plus a second build with the test-only panic trigger, both served
## by nginx with the shipped production config (scripts/nginx/). The second build is made as
## for a known public URL, so it also carries the oEmbed files a newsroom build would.
e2e:
	$(WENV) env HEIST_PUBLIC_URL=https://news.example/graphics/heists/ trunk build --release --offline --public-url ./ --features panic-trigger --dist target/test-dist-panic
	node --test --test-concurrency=1 tests/e2e/*.test.mjs

unit-tests:
	$(ENV) cargo test

## Re-renders public/og-image.png (link previews, newsletter embeds) from the built default
## view; run after a data change (a host test says when it is due).
og-image: build
	node scripts/og-image.mjs

## Long URL-parser fuzz run (1,000,000 cases); not part of `make test`.
fuzz:
	$(ENV) URL_FUZZ_CASES=1000000 cargo test --release --test url_fuzz -- --ignored --nocapture

## Compares data/incidents.csv with the public incident lists in ../shared/external (those
## present) and writes data/CROSSCHECK.md; not part of `make test`.
crosscheck:
	python3 scripts/crosscheck.py

## Benchmarks: sizes, time to first chart vs bare ECharts pages, repaint latency (real data and
## synthetic 10k/100k rows from a separate feature build), native throughput, Lighthouse.
bench: build
	./bootstrap.sh --bench
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	$(ENV) node bench/wasm-top.mjs
	$(WENV) trunk build --release --offline --public-url ./ --features synthetic --dist target/bench/dist-synthetic
	$(ENV) node bench/run.mjs

## bench/WASM-TOP.md: what the release wasm's bytes are (sections, twiggy's largest items, bytes
## by crate), from the build `make build` leaves; twiggy comes with ./bootstrap.sh --bench.
wasm-top: build
	./bootstrap.sh --bench
	$(ENV) node bench/wasm-top.mjs

clean:
	rm -rf dist target/wasm32-unknown-unknown
