"""GPU runners against the CPU: they run where the GPU pieces exist and skip with the reason
elsewhere (onnxruntime-gpu for the CUDA / TensorRT providers; tensorrt + pycuda, the `gpu`
extra, for direct engines)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from adapters.gpu.inference import ModelInference
from adapters.gpu.model_store import ModelStore
from adapters.gpu.onnx_runtime import (
    CPU_EP,
    CUDA_EP,
    TENSORRT_EP,
    OrtModel,
    available_providers,
)
from adapters.gpu.tensorrt_runner import tensorrt_problem

TEXTS = ["Shares jumped after results beat forecasts.", "The meeting is on Tuesday."]


def _offered(provider: str) -> str | None:
    offered = available_providers()
    if provider in offered:
        return None
    return f"onnxruntime offers {', '.join(offered)}, not {provider} (onnxruntime-gpu needed)"


@pytest.mark.parametrize("provider", [CUDA_EP, TENSORRT_EP])
def test_a_gpu_provider_gives_the_cpus_embeddings(
    provider: str, store: ModelStore, models_dir: Path, inference: ModelInference
) -> None:
    # Arrange
    reason = _offered(provider)
    if reason:
        pytest.skip(reason)
    encoder = store.get("minilm-l6-fp32")
    gpu = OrtModel(models_dir / encoder.entry.file, encoder.entry, (provider, CPU_EP))
    feeds = inference.tokenize(TEXTS)

    # Act
    on_gpu = gpu.run(feeds)["sentence_embedding"]
    on_cpu = encoder.runnable.run(feeds)["sentence_embedding"]

    # Assert: TensorRT may pick FP16 kernels
    assert gpu.provider == provider
    np.testing.assert_allclose(on_gpu, on_cpu, atol=2e-3)


def test_a_tensorrt_engine_gives_the_cpus_embeddings(
    store: ModelStore, models_dir: Path, inference: ModelInference
) -> None:
    # Arrange
    reason = tensorrt_problem()
    if reason:
        pytest.skip(reason)
    from adapters.gpu.tensorrt_runner import TensorRTEngine

    encoder = store.get("minilm-l6-fp32")
    engine = TensorRTEngine(models_dir / encoder.entry.file, encoder.entry, 64, 32)
    feeds = inference.tokenize(TEXTS)

    # Act
    on_gpu = engine.run(feeds)["sentence_embedding"]
    on_cpu = encoder.runnable.run(feeds)["sentence_embedding"]

    # Assert
    np.testing.assert_allclose(on_gpu, on_cpu, atol=5e-3)
