"""A household (a portfolio of the ledger) as the rebalance sees it: holdings, targets, prices.

- Accounts: the portfolio's. A trading account (`kind="trading"`) brings its cash and its
  target allocation (the trading account's `target_allocation`) and is tradable; a manual
  account counts in the value with its lots but has no cash, no target and is not traded.
- Tax-advantaged: the portfolio account's tax type IRA, or a trading account type other than
  taxable (IRA, Roth IRA, ...).
- Lots: the open lots of the tax ledger computed over ALL the owner's transactions and
  accounts (wash sales look across them), those of the portfolio's accounts kept.
- Recent buys: the owner's BUY rows in any account within the wash-sale window.
- Aggregated accounts (docs/aggregation.md): the accounts read through an aggregator from
  the items attached to the portfolio, non-tradable, with their holdings as lots.
- Prices: MarketDataPort.reference_prices of every held or targeted symbol; a symbol without
  a price is a 422 (no guessed prices).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.portfolio.transactions import TransactionKind
from domain.rebalancing.lot_choice import wash_window_start
from domain.rebalancing.model import AccountHoldings, InvalidRebalanceInput, Lot, RecentBuy
from domain.tax.engine import compute_tax_ledger
from domain.tax.lots import TaxAccount
from domain.tax.methods import AccountTaxType
from domain.trading.account_profile import AccountType
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.portfolio.portfolios import Portfolio, PortfolioStore

_PAGE = 200


@dataclass(frozen=True, slots=True)
class Household:
    portfolio: Portfolio
    accounts: tuple[AccountHoldings, ...]
    prices: dict[str, Decimal]
    recent_buys: tuple[RecentBuy, ...]


async def _owner_portfolios(portfolios: PortfolioStore, owner_id: str) -> list[Portfolio]:
    found: list[Portfolio] = []
    after: str | None = None
    while True:
        batch = await portfolios.list_portfolios(owner_id, after=after, limit=_PAGE)
        found.extend(p for p in batch if p.owner_id == owner_id)
        if len(batch) < _PAGE:
            return found
        after = batch[-1].id


async def load_household(
    portfolio: Portfolio,
    portfolios: PortfolioStore,
    uow_factory: UnitOfWorkFactory,
    market: MarketDataPort,
    today: date,
    progress: Callable[[float], None] | None = None,
    outside: Sequence[AccountHoldings] = (),
) -> Household:
    """The household of `portfolio` on `today` (module doc); `progress(fraction)` is told
    after each account is read (a console's bar for large households)."""
    transactions = await portfolios.transactions_of_owner(portfolio.owner_id)
    tax_accounts = {a.id: TaxAccount(a.id, a.tax_type, a.lot_method) for a in portfolio.accounts}
    ledger = compute_tax_ledger(transactions, tax_accounts)
    lots_of: dict[str, list[Lot]] = {}
    for lot in ledger.open_lots:
        if lot.account_id in tax_accounts and lot.quantity > 0:
            lots_of.setdefault(lot.account_id, []).append(
                Lot(lot.id, lot.symbol, lot.quantity, lot.cost_basis, lot.acquired)
            )
    holdings: list[AccountHoldings] = []
    async with uow_factory() as uow:
        ordered = sorted(portfolio.accounts, key=lambda a: a.id)
        for n, account in enumerate(ordered, start=1):
            sheltered = account.tax_type is AccountTaxType.IRA
            cash, target, tradable = Decimal(0), {}, False
            if account.kind == "trading":
                trading = await uow.accounts.get(account.id)
                if trading is not None and trading.owner_id == portfolio.owner_id:
                    cash = max(trading.cash, Decimal(0))
                    target = dict(trading.target_allocation)
                    tradable = trading.is_open
                    sheltered = sheltered or trading.account_type is not AccountType.TAXABLE
            holdings.append(
                AccountHoldings(
                    account.id,
                    cash,
                    tuple(lots_of.get(account.id, ())),
                    target,
                    tax_advantaged=sheltered,
                    tradable=tradable,
                )
            )
            if progress is not None:
                progress(n / len(ordered))
    holdings.extend(a for a in outside if not a.tradable)
    symbols = sorted(
        {lot.symbol for a in holdings for lot in a.lots} | {s for a in holdings for s in a.target}
    )
    prices = await market.reference_prices(symbols) if symbols else {}
    missing = [s for s in symbols if s not in prices]
    if missing:
        raise InvalidRebalanceInput(f"no reference price for {', '.join(missing)}", field="prices")
    start = wash_window_start(today)
    recent = tuple(
        RecentBuy(t.account_id, t.symbol, t.trade_date)
        for t in transactions
        if t.kind is TransactionKind.BUY and t.symbol is not None and start <= t.trade_date <= today
    )
    return Household(portfolio, tuple(holdings), dict(prices), recent)
