"""Importing a vendor's corporate actions into a portfolio's ledger
(application/portfolio/corporate_action_import.py): rows per holding account, the lots after
them, idempotence (by vendor id, and against actions booked from a file), what is skipped and
why, owner scoping."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest

from application.portfolio.corporate_action_import import (
    CorporateActionImportService,
    InvalidActionImport,
)
from application.portfolio.portfolios import NewAccount, PortfolioNotFound
from bootstrap.embedded import Embedded
from domain.errors import CapabilityNotConfigured
from domain.portfolio.transactions import TransactionKind, TransactionSource
from ports.portfolio.corporate_action_source import SourcedActions, VendorAction
from tests.kit.desk import OWNER, STRANGER
from tests.unit.portfolio.portfolio_fixtures import World, draft, portfolio_with_manual, world

K = TransactionKind
D = Decimal
START, END = date(2025, 1, 1), date(2026, 3, 31)


@dataclass
class ScriptedSource:
    """A source answering its `actions` of the symbols asked for, in the window."""

    actions_known: list[VendorAction]
    name: str = "alpaca"
    asked: list[list[str]] = field(default_factory=list)

    async def actions(self, symbols: Sequence[str], start: date, end: date) -> SourcedActions:
        self.asked.append(list(symbols))
        return SourcedActions(
            [
                a
                for a in self.actions_known
                if a.symbol in symbols and start <= a.effective_date <= end
            ]
        )


def action(vendor_id: str, symbol: str, kind: K, day: date, **fields: object) -> VendorAction:
    return VendorAction("alpaca", vendor_id, kind.value, symbol, kind, day, **fields)  # type: ignore[arg-type]


SPLIT = action("alpaca:fs-1", "AAPL", K.SPLIT, date(2025, 6, 9), ratio=D(2))


def importer(w: World, source: ScriptedSource) -> CorporateActionImportService:
    return CorporateActionImportService(
        w.service, w.store, w.clock, {"alpaca": lambda: source, "polygon": _not_configured}
    )


def _not_configured() -> ScriptedSource:
    raise CapabilityNotConfigured("Polygon's corporate actions", ["BULWARK_POLYGON_API_KEY"])


async def bought(w: World, account_name: str = "Brokerage") -> tuple[str, str]:
    """A portfolio of OWNER's with 10 AAPL bought at 150 on 2025-01-06: (portfolio, account)."""
    portfolio = await portfolio_with_manual(w, OWNER, account_name)
    account = portfolio.accounts[0].id
    buy = draft(K.BUY, date(2025, 1, 6), account, symbol="AAPL", quantity=10, price=150)
    await w.service.add_transaction(OWNER, portfolio.id, buy)
    return portfolio.id, account


async def test_a_2_for_1_split_doubles_the_holding_and_keeps_the_lots_basis(e: Embedded) -> None:
    # Arrange
    w = world(e)
    portfolio_id, account = await bought(w)
    service = importer(w, ScriptedSource([SPLIT]))

    # Act
    report = await service.import_actions(OWNER, portfolio_id, "alpaca", START, END)
    view = await w.service.holdings(OWNER, portfolio_id)

    # Assert
    assert [(b.symbol, b.kind, b.account_id) for b in report.added] == [("AAPL", K.SPLIT, account)]
    (position,) = view.accounts[0].positions
    (lot,) = position.lots
    assert (position.quantity, position.cost_basis) == (D(20), D(1500))
    assert (lot.quantity, lot.cost_basis, lot.acquired) == (D(20), D(1500), date(2025, 1, 6))
    booked = (await w.service.transactions(OWNER, portfolio_id)).items[-1]
    assert (booked.source, booked.external_id) == (
        TransactionSource.IMPORT, f"alpaca:fs-1@{account}",
    )  # fmt: skip


async def test_a_second_import_adds_nothing(e: Embedded) -> None:
    # Arrange
    w = world(e)
    portfolio_id, _ = await bought(w)
    service = importer(w, ScriptedSource([SPLIT]))
    await service.import_actions(OWNER, portfolio_id, "alpaca", START, END)

    # Act
    again = await service.import_actions(OWNER, portfolio_id, "alpaca", START, END)

    # Assert
    assert again.added == [] and len(again.already_present) == 1
    rows = (await w.service.transactions(OWNER, portfolio_id)).items
    assert [t.kind for t in rows] == [K.BUY, K.SPLIT]


async def test_a_split_booked_from_a_file_is_already_present(e: Embedded) -> None:
    # Arrange: the same split, booked by hand as a plain split
    w = world(e)
    portfolio_id, account = await bought(w)
    mine = draft(K.SPLIT, date(2025, 6, 9), account, symbol="AAPL", split_ratio=2)
    booked = await w.service.add_transaction(OWNER, portfolio_id, mine)
    service = importer(w, ScriptedSource([SPLIT]))

    # Act
    report = await service.import_actions(OWNER, portfolio_id, "alpaca", START, END)

    # Assert
    assert report.added == []
    assert [b.transaction_id for b in report.already_present] == [booked.id]


async def test_each_holding_account_gets_its_row_and_a_cash_merger_pays_its_cash(
    e: Embedded,
) -> None:
    # Arrange: 10 AAPL in one account, 4 in a second; a cash merger at 200
    w = world(e)
    portfolio_id, first = await bought(w)
    changed = await w.service.add_account(OWNER, portfolio_id, NewAccount("manual", name="IRA"))
    second = changed.accounts[1].id
    buy = draft(K.BUY, date(2025, 2, 3), second, symbol="AAPL", quantity=4, price=160)
    await w.service.add_transaction(OWNER, portfolio_id, buy)
    merger = action("alpaca:cm-1", "AAPL", K.CASH_MERGER, date(2025, 9, 1),
                    cash_per_share=D(200))  # fmt: skip
    service = importer(w, ScriptedSource([merger]))

    # Act
    report = await service.import_actions(OWNER, portfolio_id, "alpaca", START, END)
    view = await w.service.holdings(OWNER, portfolio_id)

    # Assert
    assert sorted(b.account_id for b in report.added) == sorted([first, second])
    assert all(a.positions == () for a in view.accounts)
    rows = {t.account_id: t for t in (await w.service.transactions(OWNER, portfolio_id)).items
            if t.kind is K.CASH_MERGER}  # fmt: skip
    assert (rows[first].amount, rows[second].amount) == (D(2000), D(800))


async def test_a_symbol_change_brings_the_new_symbols_actions_in(e: Embedded) -> None:
    # Arrange: AAPL renamed APL, then APL splits 3 for 1 (APL was never in the ledger)
    w = world(e)
    portfolio_id, _ = await bought(w)
    rename = action("alpaca:nc-1", "AAPL", K.SYMBOL_CHANGE, date(2025, 3, 3), new_symbol="APL")
    split = action("alpaca:fs-2", "APL", K.SPLIT, date(2025, 7, 1), ratio=D(3))
    source = ScriptedSource([rename, split])

    # Act
    report = await importer(w, source).import_actions(OWNER, portfolio_id, "alpaca", START, END)
    view = await w.service.holdings(OWNER, portfolio_id)

    # Assert
    assert source.asked == [["AAPL"], ["APL"]]
    assert [b.kind for b in report.added] == [K.SYMBOL_CHANGE, K.SPLIT]
    (position,) = view.accounts[0].positions
    assert (position.symbol, position.quantity, position.cost_basis) == ("APL", D(30), D(1500))


async def test_what_cannot_be_booked_is_skipped_with_its_reason(e: Embedded) -> None:
    # Arrange
    w = world(e)
    portfolio_id, _ = await bought(w)
    known = [
        action("alpaca:so-1", "AAPL", K.SPIN_OFF, date(2025, 4, 1), ratio=D("0.5"),
               new_symbol="NEWCO"),
        action("alpaca:scm-1", "AAPL", K.MIXED_MERGER, date(2025, 5, 1), ratio=D(1),
               new_symbol="BUYER", cash_per_share=D(5)),
        action("alpaca:fs-0", "AAPL", K.SPLIT, date(2024, 12, 2), ratio=D(2)),  # not held yet
        action("alpaca:fs-9", "AAPL", K.SPLIT, date(2026, 3, 31), ratio=D(2)),
    ]  # fmt: skip
    later = action("alpaca:fs-10", "AAPL", K.SPLIT, date(2026, 6, 1), ratio=D(2))
    source = ScriptedSource([*known, later])
    service = importer(w, source)

    # Act
    report = await service.import_actions(OWNER, portfolio_id, "alpaca", date(2024, 1, 1), END)

    # Assert
    reasons = {s.vendor_id: s.reason for s in report.skipped}
    assert "Form 8937" in reasons["alpaca:so-1"]
    assert "new_price" in reasons["alpaca:scm-1"]
    assert reasons["alpaca:fs-0"] == "no account of the portfolio held AAPL on 2024-12-02"
    assert [b.vendor_id for b in report.added] == ["alpaca:fs-9"]
    assert "alpaca:fs-10" not in reasons  # outside the window: never asked for


async def test_another_users_portfolio_is_not_found(e: Embedded) -> None:
    w = world(e)
    portfolio_id, _ = await bought(w)
    source = ScriptedSource([SPLIT])

    with pytest.raises(PortfolioNotFound):
        await importer(w, source).import_actions(STRANGER, portfolio_id, "alpaca", START, END)

    assert source.asked == []


async def test_an_unconfigured_source_or_a_bad_window_is_refused(e: Embedded) -> None:
    w = world(e)
    portfolio_id, _ = await bought(w)
    service = importer(w, ScriptedSource([SPLIT]))

    with pytest.raises(CapabilityNotConfigured):
        await service.import_actions(OWNER, portfolio_id, "polygon", START, END)
    with pytest.raises(InvalidActionImport) as backwards:
        await service.import_actions(OWNER, portfolio_id, "alpaca", END, START)
    with pytest.raises(InvalidActionImport) as future:
        await service.import_actions(OWNER, portfolio_id, "alpaca", START, date(2026, 4, 1))

    assert (backwards.value.field, future.value.field) == ("start", "end")
