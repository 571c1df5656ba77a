"""Which compute backend serves the kernels: BULWARK_COMPUTE and what this machine can do.

`auto` takes CUDA when all of these hold, else the CPU, and says why in `Choice.reason`:

0. numba is on (BULWARK_NUMBA is not 0: the CUDA kernels compile the domain's numba code);
1. the numba.cuda simulator is off (NUMBA_ENABLE_CUDASIM=1 is for tests: it runs kernels in
   Python, thousands of times slower than the CPU backend);
2. `numba.cuda` imports;
3. `cuda.is_available()`: a CUDA driver is loaded and it sees at least one device;
4. the CUDA target is NVIDIA's numba-cuda (the `gpu` extra), not numba's retired built-in one;
5. numba-cuda's compiler loads (`numba.cuda.cudaimpl`, which the first kernel compile imports):
   a NumPy newer than the installed numba-cuda supports fails there (numba-cuda 0.30.4 under
   NumPy 2.5: `np.row_stack` is gone), and would otherwise fail every request at its first
   kernel instead of falling back to the CPU.

`cpu` always takes the CPU. `cuda` takes CUDA or fails with `CudaUnavailable` (an operator
mistake: bootstrap turns it into one configuration-error line at start-up).

Detection runs once per process (bootstrap's `compute` provider) and costs the numba.cuda import
(~0.2 s), a driver probe and the import of numba-cuda's compiler modules; it never compiles a
kernel.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from domain.jit import NUMBA_ENABLED

Backend = Literal["cpu", "cuda"]
MODES: tuple[str, ...] = ("auto", "cpu", "cuda")
GPU_EXTRA_HINT = "numba-cuda not installed: pip install bulwark[gpu]"
COMPILER_MODULE = "numba.cuda.cudaimpl"  # what numba-cuda's first kernel compile imports


@dataclass(frozen=True, slots=True)
class CudaProbe:
    """What the machine offers: `usable` with the device name, or why not (`reason`)."""

    usable: bool
    reason: str  # why CUDA cannot be used ("" when usable)
    device: str = ""  # e.g. "NVIDIA H100 80GB HBM3" when usable


@dataclass(frozen=True, slots=True)
class Choice:
    """The backend to build and the sentence /api/status shows for it."""

    backend: Backend
    reason: str
    device: str = ""  # the GPU's name when backend == "cuda"


class CudaUnavailable(Exception):
    """BULWARK_COMPUTE=cuda on a machine where CUDA cannot run; the message says why."""


def probe_cuda() -> CudaProbe:
    """Look at this process's numba.cuda, driver and devices (see the module doc)."""
    if not NUMBA_ENABLED:  # the CUDA kernels compile the domain's numba functions
        return CudaProbe(False, "BULWARK_NUMBA=0 (numba is off)")
    if os.environ.get("NUMBA_ENABLE_CUDASIM", "0") not in ("", "0"):
        return CudaProbe(False, "the numba.cuda simulator is on (NUMBA_ENABLE_CUDASIM=1)")
    if _no_driver():  # what numba.cuda would find first, without loading numba to find it
        return CudaProbe(False, "no CUDA driver")
    try:
        cuda: Any = importlib.import_module("numba.cuda")  # untyped; Any keeps mypy quiet
    except Exception as exc:  # an ImportError, or a broken CUDA toolkit install
        return CudaProbe(False, f"numba.cuda does not import ({type(exc).__name__}: {exc})")
    try:
        available = bool(cuda.is_available())
    except Exception as exc:  # pragma: no cover - is_available() catches the driver's errors
        return CudaProbe(False, f"CUDA driver probe failed ({type(exc).__name__})")
    if not available:
        return CudaProbe(False, _why_not(cuda))
    if getattr(cuda, "implementation", "") != "NVIDIA":
        return CudaProbe(False, GPU_EXTRA_HINT)
    try:
        importlib.import_module(COMPILER_MODULE)
    except Exception as exc:  # e.g. AttributeError: numpy has no attribute 'row_stack'
        return CudaProbe(
            False, f"numba-cuda's compiler does not load ({type(exc).__name__}: {exc})"
        )
    try:
        name = cuda.get_current_device().name
    except Exception as exc:  # pragma: no cover - a device that vanished between the calls
        return CudaProbe(False, f"CUDA device not usable ({type(exc).__name__}: {exc})")
    device = name.decode() if isinstance(name, bytes) else str(name)
    return CudaProbe(True, "", device)


def _no_driver() -> bool:
    """No CUDA driver library loads in this process (Linux): numba.cuda's own first step,
    taken without importing numba and LLVM (some 70 MB resident) only to learn it."""
    if sys.platform != "linux" or os.environ.get("NUMBA_CUDA_DRIVER"):
        return False  # numba.cuda's own search decides
    for name in ("libcuda.so.1", "libcuda.so"):
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return False
    return True


def _why_not(cuda: object) -> str:
    """A short reason from numba's driver error: no driver library, or no device."""
    error = getattr(cuda, "cuda_error", None)
    detail = str(error()) if callable(error) else ""
    lowered = detail.lower()
    if "cannot be found" in lowered or "not found" in lowered:
        return "no CUDA driver"
    if "no_device" in lowered or "no cuda-capable device" in lowered:
        return "no CUDA device"
    lines = [line.strip() for line in detail.splitlines() if line.strip()]
    return f"CUDA not available: {lines[-1]}" if lines else "CUDA not available"


def choose(mode: str, probe: Callable[[], CudaProbe] | None = None) -> Choice:
    """The backend for BULWARK_COMPUTE=`mode` ("auto", "cpu" or "cuda"); `probe` defaults to
    `probe_cuda` (tests pass their own machine)."""
    if mode not in MODES:
        raise ValueError(f"compute mode must be one of {', '.join(MODES)}, got {mode!r}")
    if mode == "cpu":
        return Choice("cpu", "BULWARK_COMPUTE=cpu")
    found = (probe or probe_cuda)()
    if mode == "cuda":
        if not found.usable:
            raise CudaUnavailable(f"BULWARK_COMPUTE=cuda but CUDA cannot run here: {found.reason}")
        return Choice("cuda", "BULWARK_COMPUTE=cuda", found.device)
    if found.usable:
        return Choice("cuda", f"auto: CUDA device found ({found.device})", found.device)
    return Choice("cpu", f"auto: {found.reason}")
