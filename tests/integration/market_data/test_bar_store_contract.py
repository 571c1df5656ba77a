"""The bar store contract run against the in-memory store and the Parquet/DuckDB store."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from adapters.memory.bar_store import InMemoryBarStore
from adapters.parquet_bars.store import ParquetBarStore
from ports.market_data.bar_store import BarStore
from tests.integration.market_data.bar_store_contract import BarStoreContract


class TestInMemoryBarStore(BarStoreContract):
    @pytest.fixture
    def new_store(self) -> Callable[[], BarStore]:
        return InMemoryBarStore

    @pytest.fixture
    def close_store(self) -> Callable[[BarStore], None]:
        return lambda store: None


class TestParquetBarStore(BarStoreContract):
    @pytest.fixture
    def new_store(self, tmp_path: Path) -> Callable[[], BarStore]:
        folders = (tmp_path / f"store-{n}" for n in itertools.count())
        return lambda: ParquetBarStore(next(folders), threads=2)

    @pytest.fixture
    def close_store(self) -> Callable[[BarStore], None]:
        def close(store: BarStore) -> None:
            assert isinstance(store, ParquetBarStore)
            store.close()

        return close
