"""Bootstrap's compute wiring: the backend by BULWARK_COMPUTE, one line for a forced CUDA."""

from __future__ import annotations

import pytest

from adapters.gpu import detect
from adapters.gpu.compute_cpu import CpuCompute
from application.core.compute_budget import ComputeBudget
from bootstrap.cli import main
from bootstrap.compute import (
    compute_backend,
    compute_budget,
    compute_budget_lifetime,
    compute_warmup,
)
from bootstrap.settings import Settings, SettingsError, load_settings


def settings(**env: str) -> Settings:
    environ = {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://"}
    environ.update({f"BULWARK_{k.upper()}": v for k, v in env.items()})
    return load_settings(environ, env_file=None)


@pytest.fixture
def no_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detect, "probe_cuda", lambda: detect.CudaProbe(False, "no CUDA driver"))


def test_the_settings_default_to_auto_a_ten_second_budget_and_one_slot() -> None:
    # Act
    s = settings()

    # Assert
    assert (s.compute.backend, s.compute.budget_s, s.compute.slots) == ("auto", 10.0, 1)


@pytest.mark.usefixtures("no_gpu")
def test_auto_without_a_gpu_builds_the_cpu_backend_saying_why() -> None:
    # Act
    info = compute_backend(settings()).info()

    # Assert
    assert (info.backend, info.reason) == ("cpu", "auto: no CUDA driver")


@pytest.mark.usefixtures("no_gpu")
def test_a_forced_cuda_without_a_gpu_is_a_settings_error_in_one_line() -> None:
    # Act / Assert
    with pytest.raises(SettingsError) as caught:
        compute_backend(settings(compute="cuda"))
    assert "BULWARK_COMPUTE=cuda" in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.usefixtures("no_gpu")
def test_serve_refuses_a_forced_cuda_without_a_gpu_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")
    monkeypatch.setenv("BULWARK_COMPUTE", "cuda")
    monkeypatch.delenv("BULWARK_NUMBA", raising=False)  # read by numba's wrapper, not a setting

    # Act
    code = main(["--env-file", "", "serve"])

    # Assert
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "bulwark: configuration error: BULWARK_COMPUTE=cuda but CUDA cannot run here: "
        "no CUDA driver\n"
    )


def test_a_bad_compute_setting_names_the_variable() -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="BULWARK_COMPUTE"):
        settings(compute="gpu")


async def test_the_budget_follows_the_settings_and_stops_with_the_app() -> None:
    # Arrange
    budget = compute_budget(settings(compute_budget_s="2.5", compute_slots="3"))
    lifetime = compute_budget_lifetime(lambda: budget)

    # Act
    await anext(lifetime)
    with pytest.raises(StopAsyncIteration):
        await anext(lifetime)

    # Assert
    assert isinstance(budget, ComputeBudget)
    assert (budget.budget_s, budget.slots) == (2.5, 3)
    with pytest.raises(RuntimeError):  # closed: the pool takes no more jobs
        await budget.run("late", lambda: 1)


class Warmable:
    def __init__(self) -> None:
        self.warmed = False

    def warm(self) -> None:
        self.warmed = True


async def test_a_backend_that_can_warm_is_warmed_on_a_background_thread() -> None:
    # Arrange
    backend = Warmable()
    lifetime = compute_warmup(backend)  # type: ignore[arg-type]

    # Act
    thread = await anext(lifetime)
    assert thread is not None
    thread.join(timeout=10)

    # Assert
    assert backend.warmed
    assert thread.daemon  # never holds shutdown up


async def test_the_cpu_backend_loads_its_kernels_on_a_background_thread_at_start() -> None:
    # Act
    thread = await anext(compute_warmup(CpuCompute()))

    # Assert
    assert thread is not None
    assert thread.name == "compute-warmup"
    thread.join(timeout=120)
    assert not thread.is_alive()


async def test_no_warm_up_thread_when_the_setting_turns_it_off() -> None:
    # Act
    thread = await anext(compute_warmup(CpuCompute(), enabled=False))

    # Assert
    assert thread is None
