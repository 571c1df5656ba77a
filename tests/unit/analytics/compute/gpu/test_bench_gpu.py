"""benchmarks/bench_gpu.py on a machine without a GPU: one line saying why, exit status 0."""

from __future__ import annotations

import pytest

from adapters.gpu.detect import CudaProbe
from benchmarks import bench_gpu


def test_without_a_gpu_the_benchmark_says_why_and_exits_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setattr(bench_gpu, "probe_cuda", lambda: CudaProbe(False, "no CUDA driver"))

    # Act
    code = bench_gpu.main([])

    # Assert
    assert code == 0
    assert capsys.readouterr().out == "no GPU: no CUDA driver\n"
