# The two commands a person needs: `make run` and `make test`. Both install what is missing.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080
TOOLS := $(CURDIR)/.tools
export PATH := $(TOOLS)/cargo/bin:$(TOOLS)/node/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export SOS_NODE_MODULES := $(TOOLS)/node/node_modules

.PHONY: run test tools build bundle serve test-native test-wasm test-e2e bench-engine bench bench-floor

## Build the release app and serve dist/ on http://127.0.0.1:$(PORT)
run: build
	node tools/serve.mjs --port $(PORT)

## Every test: native, in the browser (wasm-bindgen-test), end to end
test: tools test-native test-wasm build test-e2e

tools:
	@bash tools/setup.sh

build: tools
	trunk build --release

serve:
	node tools/serve.mjs --port $(PORT)

test-native:
	cargo test --quiet

# The content in the form the wasm includes (Trunk's pre-build hook runs the same for builds).
bundle:
	cargo run --release --quiet --bin sos -- bundle target/bundle

# Only the browser test target: the native tests use the file system and proptest.
test-wasm: tools bundle
	cargo test --target wasm32-unknown-unknown --test web

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## How long the engine takes (not a test: prints figures)
bench-engine:
	cargo run --release --quiet --bin sos -- bench

## Size and speed of the release app against the framework floor (not a test: prints figures,
## writes bench-results/latest.json). RUNS=3 for fewer runs a figure.
RUNS ?= 5
bench: build bench-floor
	node tools/bench.mjs --runs $(RUNS)

# The framework floor: a minimal Leptos counter built like the app, in its own target dir.
bench-floor: tools
	cd bench/floor && CARGO_TARGET_DIR=$(CURDIR)/target/floor trunk build --release
