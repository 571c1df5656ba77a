"""The CUDA kernels on any machine: tests/integration/analytics/simulated/ under numba's simulator.

numba reads NUMBA_ENABLE_CUDASIM when it is first imported, so those tests run in their own
pytest process with the variable set (numba's built-in numba.cuda simulator: no GPU, no CUDA
toolkit and no `gpu` extra needed). Small on purpose: the simulator runs each GPU thread as a
Python thread.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SIMULATED = Path(__file__).resolve().parent / "simulated"


def test_the_cuda_kernels_agree_with_the_cpu_under_the_simulator() -> None:
    # Arrange
    env = {**os.environ, "NUMBA_ENABLE_CUDASIM": "1"}
    command = [sys.executable, "-m", "pytest", str(SIMULATED), "-p", "no:randomly", "-rs"]
    command += ["-p", "no:cacheprovider", "-W", "ignore"]

    # Act
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)

    # Assert
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "SKIPPED" not in run.stdout, run.stdout[-2000:]  # returncode 5 if none collected
