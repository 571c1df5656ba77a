"""One member's holdings under a book's instrument names, kept incrementally.

A book's POSITION limit needs each member's signed quantity of one instrument (positions plus
open buys less open sells, under every symbol the book's names map to it). Walking a member's
symbols on every order costs O(symbols) per member; `Holdings` follows the account's change
log instead (domain/trading/accounts.py: `touch`), as the risk book does, and recomputes only
the symbols that changed, from the member's risk view (which `refresh` has brought up to date
for those symbols). A log it fell behind, or another copy of the account, rebuilds it whole.
"""

from __future__ import annotations

from decimal import Decimal

from domain.books.instruments import InstrumentMap
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account

ZERO = Decimal(0)


class Holdings:
    """`account`'s signed quantity per canonical instrument under `names`."""

    __slots__ = ("_by_instrument", "_by_symbol", "_seen", "account", "names")

    def __init__(self, account: Account, names: InstrumentMap) -> None:
        self.account = account
        self.names = names
        self._seen = -1  # nothing taken yet: the first look rebuilds
        self._by_symbol: dict[str, Decimal] = {}
        self._by_instrument: dict[str, Decimal] = {}

    def of(self, view: AccountRiskView, instrument: str) -> Decimal:
        """The quantity of `instrument` as of `view` (the account's view, refreshed)."""
        account = self.account
        behind = account.change_count - self._seen
        if behind:
            log = account.recent_changes
            if self._seen < 0 or behind > len(log):
                self._rebuild(view)
            else:
                for i in range(behind, 0, -1):
                    change = log[-i]
                    self._update(view, change if isinstance(change, str) else change.symbol)
            self._seen = account.change_count
        return self._by_instrument.get(instrument, ZERO)

    def _rebuild(self, view: AccountRiskView) -> None:
        self._by_symbol.clear()
        self._by_instrument.clear()
        for symbol in {*view.positions, *view.open_buy_qty, *view.open_sell_qty}:
            self._update(view, symbol)

    def _update(self, view: AccountRiskView, symbol: str) -> None:
        now = (
            view.positions.get(symbol, ZERO)
            + view.open_buy_qty.get(symbol, ZERO)
            - view.open_sell_qty.get(symbol, ZERO)
        )
        before = self._by_symbol.get(symbol, ZERO)
        if now == before:
            return
        if now:
            self._by_symbol[symbol] = now
        else:
            self._by_symbol.pop(symbol, None)
        instrument = self.names.canonical(symbol)
        total = self._by_instrument.get(instrument, ZERO) + now - before
        if total:
            self._by_instrument[instrument] = total
        else:
            self._by_instrument.pop(instrument, None)
