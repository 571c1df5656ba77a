"""Suite-wide settings: Hypothesis without time limits, the collector frozen once collected,
and the fake clock every test may take (at its default instant; a module or folder that needs
another instant defines its own `clock`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from adapters.memory.clock import FakeClock
from tests import litestar_hints, litestar_scope

# Properties are about correctness, not speed: a slow draw or example on a busy machine must
# not fail them (performance lives in benchmarks/).
settings.register_profile("bulwark", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("bulwark")

# Every app a test builds resolves its handlers' type hints once per process, not once per app.
litestar_hints.install()
# Its test client's scopes as a server gives them: the path alone in `raw_path`.
litestar_scope.install()

# Once the tests are collected, every module, class and kernel the product imported (~400k
# objects) is frozen (as `bulwark serve` does after start-up, bootstrap/gc_tuning.py), out of
# every later collection's scan: left in, each full collection walked all of them again, a third
# of the CPU time of building a test app. CPython's thresholds stay (raising them saved no more
# CPU and cost ~180 MB a worker).


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def thawed_collector() -> Iterator[None]:
    """The collector as CPython leaves it, nothing frozen, for a test about freezing it."""
    gc.unfreeze()
    yield None
    gc.collect()
    gc.freeze()


# Tiers run without the coverage tracer under `make test` (--cov): the fuzz tier's job is finding
# crashes and wrong answers in code the unit, HTTP and integration tiers already measure, and
# the tracer (a call into coverage for every Python function called and every line run) made
# its tests ~1.7 times as costly (docs/testing.md).
UNTRACED_TIERS = ("fuzz",)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """A test of an untraced tier runs (setup, call and teardown) with coverage paused."""
    coverage = _coverage_controller(item.config)
    if coverage is None or _tier(item.nodeid) not in UNTRACED_TIERS:
        yield
        return
    coverage.pause()
    try:
        yield
    finally:
        coverage.resume()


def _coverage_controller(config: pytest.Config) -> Any:
    """pytest-cov's controller when this run measures coverage (its own `--cov`), else None."""
    plugin = config.pluginmanager.get_plugin("_cov")
    controller = getattr(plugin, "cov_controller", None)
    return controller if getattr(controller, "started", False) else None


def _tier(nodeid: str) -> str:
    """The tier of a test id ("tests/http/test_orders.py::..." -> "http")."""
    return nodeid.split("/")[1].split("::")[0].removesuffix(".py") if "/" in nodeid else ""


# How many of the costliest test modules the summary names.
COSTLIEST_MODULES = 20


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Each tier's test time and the costliest modules' (setup, call and teardown summed over
    every worker): where the suite's time goes, printed by `make test` beside its slowest
    tests. A subtest's report is not counted: its time is inside its test's own call."""
    per_module: dict[str, float] = {}
    for category, reports in terminalreporter.stats.items():
        if category.startswith("subtests"):
            continue
        for report in reports:
            where = getattr(report, "nodeid", "")
            if not where.startswith("tests/") or not hasattr(report, "duration"):
                continue
            module = where.split("::")[0]
            per_module[module] = per_module.get(module, 0.0) + report.duration
    if not per_module:
        return
    per_tier: dict[str, float] = {}
    for module, seconds in per_module.items():
        tier = _tier(module)
        per_tier[tier] = per_tier.get(tier, 0.0) + seconds
    terminalreporter.section("time per tier (summed over workers)")
    for tier, seconds in sorted(per_tier.items(), key=lambda kv: -kv[1]):
        terminalreporter.write_line(f"{tier:<14} {seconds / 60:7.1f} min")
    terminalreporter.section(f"costliest {COSTLIEST_MODULES} test modules (summed over workers)")
    costliest = sorted(per_module.items(), key=lambda kv: -kv[1])[:COSTLIEST_MODULES]
    for module, seconds in costliest:
        terminalreporter.write_line(f"{seconds:8.1f} s  {module}")
