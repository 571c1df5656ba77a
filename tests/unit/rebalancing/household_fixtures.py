"""A household on the embedded desk: a taxable and an IRA trading account in one portfolio,
with the worked example's lots booked in the ledger (test_worked_example.py beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal as D

from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.planning import InMemoryPlanningProfileRepository
from adapters.memory.portfolios import InMemoryPortfolioStore
from adapters.memory.rebalancing import InMemoryRebalanceStore
from application.portfolio.portfolios import NewAccount, PortfolioService
from application.rebalancing.autopilot import RebalanceAutopilot
from application.rebalancing.service import RebalancingService
from bootstrap.embedded import Embedded
from bootstrap.portfolios import CSV_PARSER
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Principal
from domain.tax.methods import AccountTaxType
from domain.trading.account_profile import AccountType
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.positions import Position

TAXABLE, IRA = "acc-t", "acc-i"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@dataclass
class Household:
    service: RebalancingService
    autopilot: RebalanceAutopilot
    store: InMemoryRebalanceStore
    profiles: InMemoryPlanningProfileRepository
    portfolio_id: str


async def _account(
    e: Embedded,
    account_id: str,
    owner: Principal,
    cash: D,
    kind: AccountType,
    target: dict[str, D],
    positions: dict[str, D],
) -> None:
    account = Account(
        account_id, owner.id, cash, start_of_day_equity=cash, peak_equity=cash,
        account_type=kind, target_allocation=target,
        positions={s: Position(s, q, D(100)) for s, q in positions.items()},
    )  # fmt: skip
    async with e.uow() as uow:
        await uow.accounts.add(account)
        await uow.commit()
    e.broker.seed_account(account_id, cash)


def _buy(
    pid: str, n: int, account: str, symbol: str, qty: int, price: str, day: date
) -> Transaction:
    return Transaction(
        id=f"tx-{n:03d}", portfolio_id=pid, account_id=account, kind=TransactionKind.BUY,
        trade_date=day, symbol=symbol, quantity=D(qty), price=D(price),
    )  # fmt: skip


async def household(
    e: Embedded, owner: Principal, *, recent_vti_buy: bool = False, unpriced_target: bool = False
) -> Household:
    """The worked example's household, owned by `owner`, on `e` (prices VTI 100, BND 50)."""
    assert isinstance(e.clock, FakeClock)
    e.clock.set(NOW)
    for symbol, price, sector in (("VTI", D(100), "Equity"), ("BND", D(50), "Bonds")):
        await e.add_instrument(Instrument(symbol, sector=sector), price)
        e.market.set_quote(symbol, price - D("0.01"), price + D("0.01"))
    await _account(
        e, TAXABLE, owner, D(0), AccountType.TAXABLE, {"VTI": D("0.6"), "BND": D("0.4")},
        {"VTI": D(60)},
    )  # fmt: skip
    await _account(
        e, IRA, owner, D(1000), AccountType.IRA,
        {"VTI": D("0.3"), "BND": D("0.6"), "NOPX": D("0.1")} if unpriced_target
        else {"VTI": D("0.4"), "BND": D("0.6")},
        {"VTI": D(10), "BND": D(20)},
    )  # fmt: skip
    portfolios = InMemoryPortfolioStore()
    ledger = PortfolioService(
        portfolios, e.uow, e.clock, SequentialIds(), e.market, csv_parser=CSV_PARSER
    )
    made = await ledger.create(owner, "Family", "USD")
    await ledger.add_account(owner, made.id, NewAccount("trading", account_id=TAXABLE))
    await ledger.add_account(
        owner, made.id, NewAccount("trading", account_id=IRA, tax_type=AccountTaxType.IRA)
    )
    pid = made.id
    await portfolios.add_transactions(
        pid,
        [
            _buy(pid, 1, IRA, "VTI", 10, "50", date(2020, 1, 1)),
            _buy(pid, 2, IRA, "BND", 20, "55", date(2022, 3, 1)),
            _buy(pid, 3, TAXABLE, "VTI", 30, "80", date(2023, 1, 10)),
            _buy(pid, 4, TAXABLE, "VTI", 20, "120", date(2025, 6, 1)),
            _buy(pid, 5, TAXABLE, "VTI", 10, "90", date(2026, 9, 1)),
        ]
        + ([_buy(pid, 6, IRA, "VTI", 1, "100", date(2026, 11, 24))] if recent_vti_buy else []),
    )
    store = InMemoryRebalanceStore()
    service = RebalancingService(
        portfolios, store, e.uow, e.market, e.orders, e.clock, e.ids, e.audit
    )
    profiles = InMemoryPlanningProfileRepository()
    autopilot = RebalanceAutopilot(
        service, store, profiles, portfolios, e.clock, e.audit, e.notifier
    )
    return Household(service, autopilot, store, profiles, pid)
