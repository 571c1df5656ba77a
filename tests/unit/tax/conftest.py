"""Every test of the tax engine runs on both of its paths (tests/tax_engines.py), except in
modules that set ONE_PATH = True (they choose the path themselves)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from domain.tax.engine import EngineMode, engine_mode


@pytest.fixture(autouse=True)
def _engine_path(request: pytest.FixtureRequest) -> Iterator[None]:
    mode: EngineMode | None = getattr(request, "param", None)
    if mode is None:
        yield
        return
    with engine_mode(mode):
        yield


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if not getattr(metafunc.module, "ONE_PATH", False):
        metafunc.parametrize("_engine_path", ["decimal", "kernel"], indirect=True)
