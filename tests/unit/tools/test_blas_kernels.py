"""The BLAS kernel check: which core types a CPU can run, what forcing one loads, which tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.blas_kernels import CORE_TYPES, cpu_flags, environment, kernel_of, marked_files, probe


def test_the_cpu_flags_are_read_from_cpuinfo(tmp_path: Path) -> None:
    # Arrange
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse2 pni avx avx2 fma\nbugs\t\t:\n")

    # Act
    flags = cpu_flags(cpuinfo)

    # Assert: Haswell's and older kernels run here, SkylakeX's (AVX-512) do not
    assert flags == {"fpu", "sse2", "pni", "avx", "avx2", "fma"}
    assert CORE_TYPES["Haswell"] <= flags and CORE_TYPES["Prescott"] <= flags
    assert not CORE_TYPES["SkylakeX"] <= flags
    assert cpu_flags(tmp_path / "absent") == frozenset()


def test_the_environment_forces_the_core_type_and_drops_the_machines_overrides() -> None:
    # Arrange
    base = {"PATH": "/bin", "OPENBLAS_CORETYPE": "Haswell", "OPENBLAS_L2_SIZE": "262144"}

    # Act
    env = environment("Sandybridge", base)

    # Assert
    assert env == {"PATH": "/bin", "OPENBLAS_CORETYPE": "Sandybridge", "OPENBLAS_NUM_THREADS": "1"}
    assert base["OPENBLAS_CORETYPE"] == "Haswell"


def test_a_probe_names_one_kernel_only_when_every_openblas_agrees() -> None:
    # Act / Assert
    assert kernel_of('[["openblas", "Haswell"], ["openblas", "Haswell"]]\n') == "Haswell"
    assert kernel_of('[["openblas", "Haswell"], ["openblas", "Katmai"]]') is None
    assert kernel_of('[["mkl", "Haswell"]]') is None
    assert kernel_of("") is None


def test_the_marked_modules_include_the_held_correlation_and_not_the_unmarked() -> None:
    # Act
    files = marked_files()

    # Assert
    assert "tests/unit/risk/metrics/test_held_correlation.py" in files
    assert "tests/unit/analytics/optimization/test_shrinkage.py" in files
    assert "tests/unit/tools/test_blas_kernels.py" not in files


@pytest.mark.skipif(
    not CORE_TYPES["Sandybridge"] <= cpu_flags(), reason="this CPU cannot run Sandybridge's kernels"
)
def test_forcing_a_core_type_loads_another_kernel_in_numpy_and_scipy() -> None:
    # Act: a process of its own per core type (OpenBLAS reads the variable when it loads)
    sandybridge = probe("Sandybridge", {})
    prescott = probe("Prescott", {})

    # Assert
    assert sandybridge.kernel == "Sandybridge"
    assert prescott.kernel is not None and prescott.kernel != sandybridge.kernel
