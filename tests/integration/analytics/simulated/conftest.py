"""CUDA kernels under numba's CUDA simulator: collected only in a process started with
NUMBA_ENABLE_CUDASIM=1 (tests/integration/analytics/test_cuda_simulator.py starts one).
numba reads the variable when it is first imported, so it cannot be switched on inside the main
test run."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from adapters.gpu.compute_cuda import CudaCompute

SIMULATING = os.environ.get("NUMBA_ENABLE_CUDASIM", "0") not in ("", "0")

collect_ignore_glob = [] if SIMULATING else ["test_*.py"]


@pytest.fixture(scope="module")
def gpu() -> CudaCompute:
    """The CUDA backend on the simulator, one per module (imported here, not at the top: this
    file is read by the main test run too, where numba must not be imported early)."""
    from adapters.gpu.compute_cuda import CudaCompute

    return CudaCompute(reason="test", device="numba.cuda simulator")
