# Bulwark — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
# Each step of `make test` says how long it took (scripts/timed.sh); pytest adds its tiers.
TIMED := sh scripts/timed.sh
BIN := $(VENV)/bin
# `make test` fails when line + branch coverage of domain/ and application/ falls below this
# (tests/unit alone measured 85.3 %; the HTTP and integration suites add to it).
COVERAGE_FLOOR := 85

.PHONY: install test coverage lint typecheck contracts unit kernels kernels-warm client bench bench-guard bench-baseline run tour clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Bytecode: the project's own tree is compiled at install when a file changed since the last
# compile (a second `make run` skips compileall's process pool, ~0.6 s of CPU, on a find that
# answers in milliseconds); the dependencies' modules when a process first imports them (`make
# run` lets Python write their bytecode even where PYTHONDONTWRITEBYTECODE is set): ~1,000 of
# the ~9,000 installed, where compiling every one up front cost 45 s on a fresh clone. `make
# test` compiles every dependency once per lock (its workers import far more, each at every start).
PROJECT_TREE := domain application ports adapters bootstrap benchmarks tools tests
install: $(VENV)/.synced
	@if [ ! $(VENV)/.compiled -nt $(VENV)/.synced ] || \
	  [ -n "$$(find $(PROJECT_TREE) -name '*.py' -newer $(VENV)/.compiled -print -quit)" ]; then \
	  touch $(VENV)/.compiling && \
	  $(BIN)/python -m compileall -q -j 0 $(PROJECT_TREE) > /dev/null && \
	  mv $(VENV)/.compiling $(VENV)/.compiled; \
	fi

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

$(VENV)/.bytecode-all: $(VENV)/.synced
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib > /dev/null 2>&1 || true
	@touch $@

lint: install
	$(TIMED) lint $(BIN)/ruff check .
	$(TIMED) format $(BIN)/ruff format --check .

typecheck: install
	$(TIMED) types $(BIN)/mypy

contracts: install
	$(TIMED) contracts $(BIN)/lint-imports

# The Python client's generated package, from clients/openapi.json (clients/python/README.md).
client: install
	$(BIN)/python -m tools.client_generate

# The fast suite alone (docs/testing.md): no servers, every core, the slowest tests named.
# pytest keeps each test module's assertion-rewritten bytecode only where Python may write
# bytecode: with PYTHONDONTWRITEBYTECODE set, every worker rewrote all ~470 test modules on every
# run (10 of the 19 CPU seconds a worker spent collecting tests/unit).
unit: export PYTHONDONTWRITEBYTECODE =
unit: install
	$(TIMED) unit $(BIN)/pytest tests/unit -n auto --durations=15

# The tests that go through BLAS/LAPACK (pytest.mark.blas), once per OpenBLAS core type this CPU
# can run (tools/blas_kernels.py, docs/testing.md "Tolerances"): a tolerance tighter than its
# computation guarantees fails here, not on a machine whose CPU picks other kernels.
kernels: export PYTHONDONTWRITEBYTECODE =
kernels: install
	$(TIMED) kernels $(BIN)/python -m tools.blas_kernels

# numba's kernels compile once per clone: `kernels-warm` fills their disk cache on the core that
# the type checker leaves idle (scripts/kernels-warm.sh), and pytest starts once it is full.
kernels-warm: install
	sh scripts/kernels-warm.sh start $(BIN)/python

test: export PYTHONDONTWRITEBYTECODE =
test: $(VENV)/.bytecode-all kernels-warm lint typecheck contracts
	sh scripts/ensure-redis.sh
	sh scripts/ensure-browser.sh
	sh scripts/ensure-promtool.sh
	sh scripts/ensure-loadgen.sh
	sh scripts/kernels-warm.sh wait
	$(TIMED) pytest $(BIN)/pytest -n auto --dist loadfile --cov --cov-report= --durations=25
	$(TIMED) kernels $(BIN)/python -m tools.blas_kernels
	@printf 'coverage of domain/ and application/ (line + branch, at least $(COVERAGE_FLOOR) %%): '
	@$(BIN)/coverage report --include='domain/*,application/*' --format=total --fail-under=$(COVERAGE_FLOOR)
	@printf 'coverage of ports/, adapters/ and bootstrap/ (line + branch): '
	@$(BIN)/coverage report --include='ports/*,adapters/*,bootstrap/*' --format=total
	$(TIMED) guard $(BIN)/python -m benchmarks.guard

# After `make test` (or any `pytest --cov` run): the modules of domain/ and application/ least
# covered first, with the lines and branches they miss.
coverage: install
	$(BIN)/coverage report --include='domain/*,application/*' --skip-covered --sort=cover --show-missing

# The performance guard (docs/performance-guard.md): the hot paths' speed over the record commit's
# (benchmarks/baseline.json names it), both measured in turns in the same run. `make test` runs it
# after the suite, never beside it: its timings need the cores. `bench-baseline` makes HEAD the
# record commit on purpose; its diff shows in review.
bench-guard: install
	$(BIN)/python -m benchmarks.guard

bench-baseline: install
	$(BIN)/python -m benchmarks.guard --record --runs 3

bench: install
	$(BIN)/python -m benchmarks.bench_pretrade
	$(BIN)/python -m benchmarks.bench_orders --store all
	$(BIN)/python -m benchmarks.bench_killswitch
	$(BIN)/python -m benchmarks.bench_killswitch_book
	$(BIN)/python -m benchmarks.bench_killswitch_lane --compare
	$(BIN)/python -m benchmarks.bench_killswitch_events
	$(BIN)/python -m benchmarks.bench_alert_latency
	$(BIN)/python -m benchmarks.bench_http_layers
	$(BIN)/python -m benchmarks.bench_http --store all
	$(BIN)/python -m benchmarks.bench_latency 30 --rounds 2
	$(BIN)/python -m benchmarks.bench_workspaces --store all
	$(BIN)/python -m benchmarks.bench_strategies
	$(BIN)/python -m benchmarks.bench_kafka --store postgres
	$(BIN)/python -m benchmarks.bench_failover
	$(BIN)/python -m benchmarks.bench_indicators
	$(BIN)/python -m benchmarks.bench_bar_store
	$(BIN)/python -m benchmarks.bench_metrics
	$(BIN)/python -m benchmarks.bench_tracing
	$(BIN)/python -m benchmarks.bench_viewer_check
	$(BIN)/python -m benchmarks.bench_console
	$(BIN)/python -m benchmarks.bench_options
	$(BIN)/python -m benchmarks.bench_montecarlo
	$(BIN)/python -m benchmarks.bench_ledger
	$(BIN)/python -m benchmarks.bench_inference
	$(BIN)/python -m benchmarks.bench_optimize
	$(BIN)/python -m benchmarks.bench_form13f
	$(BIN)/python -m benchmarks.bench_surveillance
	$(BIN)/python -m benchmarks.bench_drop_copy

# `make run DEMO=1` loads demo users, an account, prices and an agent (see README).
# With no KEK configured, `run` makes a development one in var/dev.keks (kept, 0600) so the
# SQLite store's sealed secrets (vault keys, KYC documents, endpoints) outlive a restart.
DEV_KEKS := var/dev.keks

# The models (docs/inference.md) are built in the background on a fresh checkout while the
# server starts; the server loads each with its first use once their manifest is there.
MODELS_DIR := $(or $(BULWARK_MODELS_DIR),var/models)

# `serve --migrate` brings the store's schema to this build's head in the serving process (a
# `bulwark migrate` of its own cost a second start ~1.3 s of CPU for imports the serve repeats).
run: export PYTHONDONTWRITEBYTECODE =
run: install
	@if [ ! -s $(MODELS_DIR)/manifest.json ]; then \
	  mkdir -p var && echo "models: building in the background (var/models-build.log); sentiment and the model rater answer once they are in"; \
	  nohup $(BIN)/bulwark models build --if-missing > var/models-build.log 2>&1 & \
	fi
	@if [ -z "$$BULWARK_KEKS$$BULWARK_KEKS_FILE" ] && ! grep -qs '^BULWARK_KEKS' .env; then \
	  if [ ! -s $(DEV_KEKS) ]; then \
	    mkdir -p var && (umask 077 && $(BIN)/bulwark keys generate > $(DEV_KEKS)) && \
	    echo "made a development key-encryption key in $(DEV_KEKS): keep it, what it seals needs it"; \
	  fi; \
	  export BULWARK_KEKS_FILE=$(DEV_KEKS); \
	fi; \
	exec $(BIN)/bulwark serve --migrate $(if $(DEMO),--demo,)

tour: install
	$(BIN)/bulwark tour

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .ruff_cache .pytest_cache .hypothesis .coverage .coverage.* htmlcov
