"""Analytics: the quant kernels' backend, performance snapshots, options IV, rates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Secret, Section, SettingsError


class ComputeSettings(Section, frozen=True, kw_only=True):
    """The quant kernels' backend (CPU or CUDA) and their time budget."""

    env_prefix: ClassVar[str] = "compute_"
    env_names: ClassVar[Mapping[str, str]] = {
        "backend": "compute",
    }

    # auto: CUDA when numba-cuda sees a GPU, else the CPU (numba); cpu: always the CPU;
    # cuda: the GPU or refuse to start. Each heavy request runs off the event loop within a
    # time budget (seconds) on at most `slots` worker threads (503 past either).
    backend: Literal["auto", "cpu", "cuda"] = "auto"
    budget_s: Annotated[float, msgspec.Meta(gt=0, le=3600)] = 10.0
    slots: Annotated[int, msgspec.Meta(ge=1, le=64)] = 1
    # Load (or compile) the kernels and the optimiser's solvers on a background thread at
    # start-up, so the first request does not spend its budget doing it. Off by default: they
    # load with their first use (numba and LLVM ~70 MB, cvxpy ~65 MB resident), and a process
    # that never runs them never holds them; a first request that outlasts its budget answers
    # 503 with Retry-After while the load goes on.
    warmup: bool = False


class AnalyticsSettings(Section, frozen=True, kw_only=True):
    """Performance snapshots, options IV history, rates from FRED or files."""

    env_prefix: ClassVar[str] = ""

    # Daily equity snapshots (performance analytics, docs/account-performance.md): `bulwark serve`
    # values every account once at start-up and then daily at equity_snapshot_time (UTC,
    # HH:MM; the default is after the US close), equity_snapshot_batch accounts at a time
    # (their store reads overlap; the serving loop runs between batches).
    equity_snapshots: bool = True
    equity_snapshot_time: Annotated[str, msgspec.Meta(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] = (
        "21:00"
    )
    equity_snapshot_batch: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 4
    # Underlyings whose 30-day ATM IV is recorded once per weekday for IV rank (empty: every
    # symbol the market board quotes, at most 200); how often the recorder looks (0: never;
    # `bulwark options record-iv` records on demand); the flat rate the chain's IVs use.
    iv_symbols: tuple[str, ...] = ()
    iv_record_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 300.0
    options_risk_free_rate: Annotated[float, msgspec.Meta(ge=-0.1, le=1)] = 0.04
    # file: FRED CSV / JSON downloads in rates_dir (empty: the shipped SAMPLE set, synthetic,
    # data/rates/); fred: FRED's API at fred_url with fred_api_key (required then).
    rates_source: Literal["file", "fred"] = "file"
    rates_dir: str | None = None
    fred_api_key: Secret | None = None
    fred_url: Annotated[str, msgspec.Meta(pattern=r"^https?://[^\s/]+(/\S*)?$")] = (
        "https://api.stlouisfed.org/fred"
    )
    fred_timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=120)] = 10.0
    # How long a FRED answer is reused (FRED publishes once a business day); 0: not kept.
    fred_cache_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 3600.0

    def check(self) -> None:
        """FRED as the rates source needs its API key (one line naming the variable)."""
        if self.rates_source == "fred" and (
            self.fred_api_key is None or not self.fred_api_key.reveal()
        ):
            raise SettingsError(
                f"{self.var('fred_api_key')} is required when {self.var('rates_source')}=fred "
                "(a free key: https://fred.stlouisfed.org/docs/api/api_key.html); "
                f"or set {self.var('rates_source')}=file for the offline files"
            )
