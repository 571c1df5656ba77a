"""Fixtures of the tests that need the built models (tests/inference/models_cache.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.gpu.inference import ModelInference, RuntimeDescription
from adapters.gpu.model_store import ModelStore
from adapters.gpu.onnx_runtime import CPU_EP, OrtModel
from tests.inference.models_cache import built_models


@pytest.fixture(scope="session")
def models_dir() -> Path:
    return built_models()


def cpu_store(folder: Path) -> ModelStore:
    store = ModelStore(folder, lambda path, entry: OrtModel(path, entry, (CPU_EP,)))
    store.load()
    return store


@pytest.fixture(scope="session")
def store(models_dir: Path) -> ModelStore:
    return cpu_store(models_dir)


@pytest.fixture
def inference(store: ModelStore) -> Iterator[ModelInference]:
    described = RuntimeDescription("onnxruntime", "test", "cpu")
    service = ModelInference(store, encoder="minilm-l6-fp32", describe=lambda: described)
    yield service
    service.close()
