"""Execution provider choice: TensorRT -> CUDA -> CPU by what onnxruntime offers."""

from __future__ import annotations

import pytest

from adapters.gpu.onnx_runtime import (
    CPU_EP,
    CUDA_EP,
    TENSORRT_EP,
    ProviderUnavailable,
    choose_providers,
)

CPU_ONLY = ["AzureExecutionProvider", CPU_EP]
GPU_BUILD = [TENSORRT_EP, CUDA_EP, CPU_EP]


@pytest.mark.parametrize(
    ("offered", "chain"),
    [
        (CPU_ONLY, (CPU_EP,)),
        ([CUDA_EP, CPU_EP], (CUDA_EP, CPU_EP)),
        (GPU_BUILD, (TENSORRT_EP, CUDA_EP, CPU_EP)),
    ],
)
def test_auto_takes_the_fastest_offered_provider_with_the_cpu_last(
    offered: list[str], chain: tuple[str, ...]
) -> None:
    # Act
    choice = choose_providers("auto", offered)

    # Assert
    assert choice.providers == chain
    assert choice.runtime == "onnxruntime"
    assert choice.reason.startswith("auto:")


def test_cpu_is_cpu_even_on_a_gpu_build() -> None:
    # Act / Assert
    assert choose_providers("cpu", GPU_BUILD).providers == (CPU_EP,)


@pytest.mark.parametrize("mode", ["cuda", "tensorrt"])
def test_a_forced_gpu_provider_the_build_lacks_is_one_clear_line(mode: str) -> None:
    # Act / Assert
    with pytest.raises(ProviderUnavailable, match="install onnxruntime-gpu"):
        choose_providers(mode, CPU_ONLY)


def test_forced_tensorrt_keeps_cuda_and_cpu_behind_it() -> None:
    # Act / Assert
    assert choose_providers("tensorrt", GPU_BUILD).providers == (TENSORRT_EP, CUDA_EP, CPU_EP)


def test_tensorrt_engines_need_tensorrt_and_pycuda() -> None:
    # Act / Assert
    with pytest.raises(ProviderUnavailable, match="tensorrt-engine"):
        choose_providers("tensorrt-engine", CPU_ONLY, tensorrt_importable=False)
    assert choose_providers("tensorrt-engine", [], tensorrt_importable=True).runtime == "tensorrt"


def test_an_unknown_mode_is_refused() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="one of"):
        choose_providers("tpu", CPU_ONLY)
