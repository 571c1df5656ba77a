"""CUDA kernels under numba's CUDA simulator: collected only in a process started with
NUMBA_ENABLE_CUDASIM=1 (tests/integration/analytics/test_cuda_simulator.py starts one).
numba reads the variable when it is first imported, so it cannot be switched on inside the main
test run."""

from __future__ import annotations

import os

SIMULATING = os.environ.get("NUMBA_ENABLE_CUDASIM", "0") not in ("", "0")

collect_ignore_glob = [] if SIMULATING else ["test_*.py"]
