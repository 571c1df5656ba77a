"""Run a test once per path of the tax engine: the Decimal pass and the kernel.

`compute_tax_ledger` (domain/tax/engine.py) takes the kernel for inputs of KERNEL_MIN_ROWS rows
or more; tests use small hand-made histories, so this fixture forces each path in turn
(`engine_mode`): every assertion then holds for both, which is the contract (the kernel's
ledger equals the Decimal pass's, row for row).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from domain.tax.engine import EngineMode, engine_mode


@pytest.fixture(params=["decimal", "kernel"])
def tax_engine(request: pytest.FixtureRequest) -> Iterator[EngineMode]:
    mode: EngineMode = request.param
    with engine_mode(mode):
        yield mode
