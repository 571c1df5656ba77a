"""The 13F use case on stored instruments: each position's CUSIP from its instrument, the issuer
and class from the imported Official List; excluded, with the reason, when the instrument has no
CUSIP, its CUSIP is not on the list or was deleted from it. A posted master overrides both, and
before any list is imported the file master answers."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, cast

import pytest

from adapters.marketfiles.securities import FileSecuritiesMaster
from adapters.memory.clock import FakeClock
from adapters.memory.official_13f_list import InMemoryOfficial13FList
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from adapters.sec13f.xsd import XsdInformationTableSchema
from application.core.compute_budget import ComputeBudget
from application.markets.form13f import Form13FRequest, Form13FService
from application.markets.official_13f_list import Official13FListService
from bootstrap.shipped import shipped_data
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from domain.trading.instruments import Instrument
from ports.core.events import AuditEntry
from ports.markets.sec13f import Security13F

OWNER = Principal("u-1", Role.OWNER)
ADMIN = Principal("admin", Role.ADMIN)
LIST = """\
First Quarter 2025
Run Date: 3/13/2025
037833100    APPLE INC                      COM
594918104    MICROSOFT CORP                 COM
990009102    OLD CO                         COM                  DELETED
"""
SCHEMA = XsdInformationTableSchema()


class Audit:
    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    async def record(self, entry: AuditEntry) -> None:
        self.entries.append(entry)


class Portfolios:
    """The caller's one portfolio "p1" holding `positions` (symbol, quantity, price)."""

    def __init__(self, *positions: tuple[str, str, str]) -> None:
        self.positions = [
            SimpleNamespace(symbol=s, currency="USD", quantity=Decimal(q), price=Decimal(p))
            for s, q, p in positions
        ]

    async def holdings(self, principal: Principal, portfolio_id: str) -> Any:
        if principal != OWNER or portfolio_id != "p1":
            raise NotFound(f"portfolio {portfolio_id} not found")
        return SimpleNamespace(accounts=[SimpleNamespace(positions=self.positions)])


async def _service(
    *positions: tuple[str, str, str], imported: bool = True
) -> tuple[Form13FService, Audit]:
    store = InMemoryStore()
    async with InMemoryUnitOfWork(store) as uow:
        await uow.instruments.add(Instrument("AAPL", cusip="037833100", figi="BBG000B9XRY4"))
        await uow.instruments.add(Instrument("MSFT", cusip="594918104"))
        await uow.instruments.add(Instrument("OLDC", cusip="990009102"))
        await uow.instruments.add(Instrument("ACME", cusip="990002107"))  # not on the list
        await uow.instruments.add(Instrument("NOID"))  # no CUSIP
        await uow.commit()
    clock = FakeClock(datetime(2025, 4, 2, tzinfo=UTC))
    listed, audit = InMemoryOfficial13FList(), Audit()
    if imported:
        await Official13FListService(listed, clock, cast(Any, audit)).import_text(
            ADMIN, LIST, "13flist2025q1.txt"
        )
    service = Form13FService(
        FileSecuritiesMaster(shipped_data() / "sec13f"), SCHEMA,
        cast(Any, Portfolios(*positions)), ComputeBudget(budget_s=30.0), clock,
        official_list=listed, uow_factory=lambda: InMemoryUnitOfWork(store),
    )  # fmt: skip
    return service, audit


async def test_a_portfolio_s_table_comes_from_its_stored_instruments_and_the_list() -> None:
    # Arrange: one of each case
    service, audit = await _service(
        ("AAPL", "10", "250.10"), ("MSFT", "4", "400"), ("OLDC", "5", "1"), ("ACME", "5", "1"),
        ("NOID", "5", "1"), ("ZZZZ", "5", "1"),
    )  # fmt: skip

    # Act
    done = await service.information_table(OWNER, Form13FRequest(portfolio_id="p1"))

    # Assert: AAPL and MSFT reported with the list's issuer and class, the rest excluded
    rows = {e.cusip: e for e in done.table.entries}
    assert set(rows) == {"037833100", "594918104"}
    apple = rows["037833100"]
    assert (apple.name_of_issuer, apple.title_of_class, apple.value, apple.amount) == (
        "APPLE INC", "COM", 2501, 10,
    )  # fmt: skip
    assert apple.figi == "BBG000B9XRY4"
    assert dict(done.excluded) == {
        "ACME": "CUSIP 990002107 is not on the Official List of Section 13(f) Securities (2025 Q1)",
        "OLDC": "CUSIP 990009102 was deleted from the Official List of Section 13(f) "
        "Securities (2025 Q1)",
        "NOID": "the instrument has no CUSIP",
        "ZZZZ": "no such instrument (no CUSIP)",
    }
    assert (done.securities_source, done.list_period) == ("instruments", "2025 Q1")
    assert done.list_date is not None and done.list_date.isoformat() == "2025-03-13"
    assert SCHEMA.violations(done.document) == []
    assert [e.action for e in audit.entries] == ["sec13f.list.import"]


async def test_a_posted_master_overrides_the_stored_one() -> None:
    # Arrange: ACME is off the stored list, but the caller's master lists it
    service, _ = await _service(("ACME", "5", "10"), ("AAPL", "1", "100"))
    posted = [Security13F("acme", "990002107", "ACME INDL HLDGS", "COM")]

    # Act
    done = await service.information_table(
        OWNER, Form13FRequest(portfolio_id="p1", securities=posted)
    )

    # Assert: ACME reported; AAPL, absent from the posted master, excluded
    assert [e.cusip for e in done.table.entries] == ["990002107"]
    assert [s for s, _ in done.excluded] == ["AAPL"]
    assert (done.securities_source, done.list_period) == ("posted", None)


async def test_before_any_list_is_imported_the_file_master_answers() -> None:
    service, _ = await _service(("AAPL", "1", "100"), imported=False)

    done = await service.information_table(OWNER, Form13FRequest(portfolio_id="p1"))

    assert (done.securities_source, done.list_period) == ("file", "2024 Q4")
    assert [e.cusip for e in done.table.entries] == ["037833100"]


async def test_another_s_portfolio_is_not_found_and_only_an_admin_imports() -> None:
    service, _ = await _service(("AAPL", "1", "100"))
    stranger = Principal("u-2", Role.OWNER)
    listed = InMemoryOfficial13FList()
    clock = FakeClock(datetime(2025, 4, 2, tzinfo=UTC))

    with pytest.raises(NotFound):
        await service.information_table(stranger, Form13FRequest(portfolio_id="p1"))
    with pytest.raises(Forbidden):
        await Official13FListService(listed, clock, cast(Any, Audit())).import_text(OWNER, LIST)
    assert await listed.current() is None
