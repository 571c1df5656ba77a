"""Wiring the compute backend (BULWARK_COMPUTE) and its time budget (docs/compute.md)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable

import structlog

from adapters.gpu.detect import Choice, CudaUnavailable, choose
from application.core.compute_budget import ComputeBudget
from bootstrap.settings import Settings, SettingsError
from ports.core.compute import ComputePort

_log = structlog.get_logger("bulwark.compute")


def compute_choice(settings: Settings) -> Choice:
    """The backend BULWARK_COMPUTE asks for on this machine; SettingsError for a forced `cuda`
    that cannot run here (one line at start-up, no traceback)."""
    try:
        return choose(settings.compute.backend)
    except CudaUnavailable as exc:
        raise SettingsError(str(exc)) from None


def compute_problem(settings: Settings) -> str | None:
    """`bulwark serve`'s preflight: why the compute setting cannot start, or None."""
    try:
        compute_choice(settings)
    except SettingsError as exc:
        return exc.message
    return None


def compute_backend(settings: Settings) -> ComputePort:
    """The ComputePort for this process: CUDA kernels on the GPU, or the CPU's numba ones."""
    choice = compute_choice(settings)
    if choice.backend == "cuda":
        from adapters.gpu.compute_cuda import CudaCompute

        return CudaCompute(reason=choice.reason, device=choice.device)
    from adapters.gpu.compute_cpu import CpuCompute

    return CpuCompute(reason=choice.reason)


def compute_budget(settings: Settings) -> ComputeBudget:
    return ComputeBudget(budget_s=settings.compute.budget_s, slots=settings.compute.slots)


async def compute_budget_lifetime(budget: Callable[[], ComputeBudget]) -> AsyncIterator[None]:
    """Stops the budget's worker threads taking jobs when the app stops."""
    try:
        yield
    finally:
        budget().close()


async def compute_warmup(
    compute: ComputePort, enabled: bool = True
) -> AsyncIterator[threading.Thread | None]:
    """Compiles the CUDA kernels on a background thread at start-up (they compile on first
    use, seconds each, with no disk cache: the first request would spend its budget there).
    The CPU backend loads (or compiles) its numba kernels the same way, once per process."""
    warm = getattr(compute, "warm", None)
    thread = None
    if enabled and callable(warm):
        thread = threading.Thread(
            target=_warm_quietly, args=(warm,), name="compute-warmup", daemon=True
        )
        thread.start()
    yield thread


def _warm_quietly(warm: Callable[[], object]) -> None:
    try:
        warm()
    except Exception as exc:  # a request will meet the same error, with its own answer
        _log.warning("compute_warmup_failed", error=f"{type(exc).__name__}: {exc}")
    else:
        _log.info("compute_warm")
