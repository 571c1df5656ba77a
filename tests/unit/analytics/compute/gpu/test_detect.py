"""Choosing the compute backend: BULWARK_COMPUTE and what detection finds on the machine."""

from __future__ import annotations

import ctypes
import importlib
import sys

import pytest

from adapters.gpu import detect
from adapters.gpu.detect import GPU_EXTRA_HINT, CudaProbe, CudaUnavailable, choose, probe_cuda

NO_DRIVER = CudaProbe(False, "no CUDA driver")
A_GPU = CudaProbe(True, "", "NVIDIA H100 80GB HBM3")


def never_probed() -> CudaProbe:
    raise AssertionError("BULWARK_COMPUTE=cpu must not probe for CUDA")


def test_forced_cpu_takes_the_cpu_without_probing() -> None:
    # Act
    choice = choose("cpu", never_probed)

    # Assert
    assert (choice.backend, choice.reason) == ("cpu", "BULWARK_COMPUTE=cpu")


def test_auto_without_a_gpu_takes_the_cpu_and_says_why() -> None:
    # Act
    choice = choose("auto", lambda: NO_DRIVER)

    # Assert
    assert (choice.backend, choice.reason) == ("cpu", "auto: no CUDA driver")


def test_auto_with_a_gpu_takes_cuda_and_names_the_device() -> None:
    # Act
    choice = choose("auto", lambda: A_GPU)

    # Assert
    assert (choice.backend, choice.device) == ("cuda", "NVIDIA H100 80GB HBM3")
    assert "NVIDIA H100" in choice.reason


def test_forced_cuda_without_a_gpu_is_an_error_naming_the_setting_and_the_cause() -> None:
    # Act / Assert
    with pytest.raises(CudaUnavailable, match=r"BULWARK_COMPUTE=cuda.*no CUDA driver"):
        choose("cuda", lambda: NO_DRIVER)


def test_forced_cuda_with_a_gpu_takes_cuda() -> None:
    # Act
    choice = choose("cuda", lambda: A_GPU)

    # Assert
    assert (choice.backend, choice.reason) == ("cuda", "BULWARK_COMPUTE=cuda")


def test_an_unknown_mode_is_refused() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="auto, cpu, cuda"):
        choose("gpu", lambda: A_GPU)


def test_the_simulator_is_never_taken_for_a_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    monkeypatch.setenv("NUMBA_ENABLE_CUDASIM", "1")
    monkeypatch.setattr(detect, "NUMBA_ENABLED", True)

    # Act
    probe = probe_cuda()

    # Assert
    assert not probe.usable
    assert "simulator" in probe.reason


def test_this_machine_is_probed_to_a_reason_or_a_device(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    monkeypatch.delenv("NUMBA_ENABLE_CUDASIM", raising=False)

    # Act
    probe = probe_cuda()

    # Assert: a CI box without a GPU says why in a few words; a GPU box names its device
    if probe.usable:
        assert probe.device
    else:
        known = (
            "no CUDA driver",
            "no CUDA device",
            GPU_EXTRA_HINT,
            "BULWARK_NUMBA=0 (numba is off)",
        )
        assert probe.reason in known or probe.reason.startswith(
            ("CUDA not available", "numba-cuda's compiler does not load")
        )
        assert "\n" not in probe.reason


def test_numba_off_rules_cuda_out(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    monkeypatch.setattr(detect, "NUMBA_ENABLED", False)

    # Act
    choice = choose("auto")

    # Assert
    assert (choice.backend, choice.reason) == ("cpu", "auto: BULWARK_NUMBA=0 (numba is off)")


class _NvidiaCuda:
    """numba-cuda on a machine with a driver and one device."""

    implementation = "NVIDIA"

    @staticmethod
    def is_available() -> bool:
        return True

    @staticmethod
    def get_current_device() -> object:
        return type("Device", (), {"name": b"NVIDIA H100 80GB HBM3"})()


def test_a_gpu_whose_compiler_does_not_load_is_not_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange: numba-cuda imports and sees the device, but its compiler needs a newer-gone numpy
    def import_module(name: str) -> object:
        if name == "numba.cuda":
            return _NvidiaCuda
        raise AttributeError("module 'numpy' has no attribute 'row_stack'")

    monkeypatch.delenv("NUMBA_ENABLE_CUDASIM", raising=False)
    monkeypatch.setattr(detect, "NUMBA_ENABLED", True)
    monkeypatch.setattr(importlib, "import_module", import_module)
    monkeypatch.setattr(detect, "_no_driver", lambda: False)  # the fake GPU's driver loads

    # Act
    choice = choose("auto")

    # Assert
    assert choice.backend == "cpu"
    assert "compiler does not load" in choice.reason
    assert "row_stack" in choice.reason


def test_a_gpu_whose_compiler_loads_is_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    loaded: list[str] = []

    def import_module(name: str) -> object:
        loaded.append(name)
        return _NvidiaCuda

    monkeypatch.delenv("NUMBA_ENABLE_CUDASIM", raising=False)
    monkeypatch.setattr(detect, "NUMBA_ENABLED", True)
    monkeypatch.setattr(importlib, "import_module", import_module)
    monkeypatch.setattr(detect, "_no_driver", lambda: False)  # the fake GPU's driver loads

    # Act
    probe = probe_cuda()

    # Assert
    assert probe == CudaProbe(True, "", "NVIDIA H100 80GB HBM3")
    assert detect.COMPILER_MODULE in loaded


def test_a_machine_whose_driver_does_not_load_is_told_so_without_loading_numba(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: no libcuda on this (Linux) machine
    loaded: list[str] = []

    def no_library(name: str) -> object:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.delenv("NUMBA_ENABLE_CUDASIM", raising=False)
    monkeypatch.delenv("NUMBA_CUDA_DRIVER", raising=False)
    monkeypatch.setattr(detect, "NUMBA_ENABLED", True)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", no_library)
    monkeypatch.setattr(importlib, "import_module", loaded.append)

    # Act
    probe = probe_cuda()

    # Assert
    assert probe == CudaProbe(False, "no CUDA driver")
    assert loaded == []
