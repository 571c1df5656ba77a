"""Each account's risk view, kept in memory by the instance that decides for it.

The order path used to rebuild an account's snapshot for every submission: read the
account (with positions and open orders), the instruments and every held symbol's mark,
then walk them all. `RiskBooks` keeps, per account:
- the `Account` aggregate itself, across units of work. The next unit of work adopts it
  (`AccountRepository.attach`) instead of reading it again; its changes save with the
  optimistic version check, so a copy another instance has since changed fails at commit
  (ConcurrentUpdate), is forgotten here, and the retry reads the account afresh: a stale
  copy is rebuilt, never trusted. Any failure inside a unit of work that changed the copy
  forgets it too (`forget`).
- a `RiskBook` (domain/risk/book.py) over that account: updated by each decision, fill and
  cancel through the account's change log, and by each quote through the board's
  listener, so a submission pays for what changed, not for the whole account.
Marks: with a `MarkBoard`, a quote announces its symbol to the books that hold it; when
quotes can vanish without an update (the board's `generation` moved) or may have grown
older than the board's maximum age, every mark of a book is fetched again. Without a
board every view fetches every mark (correct, and as slow as before).
Bounded: at most `capacity` accounts are kept, least recently used first out.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from application.trading.snapshots import instrument_map
from domain.killswitch.state import TradingState
from domain.risk.book import RiskBook
from domain.risk.flow import OrderFlow
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from ports.core.unit_of_work import UnitOfWork
from ports.market_data.marketdata import MarkBoard, MarketDataPort, Quote

DEFAULT_CAPACITY = 10_000
_NO_FLOW = OrderFlow()  # a member's view for a book reads no order rate
INSTRUMENTS_TTL = timedelta(seconds=1)
# A held account is read again this long after it was read; a copy that denies is checked
# against the stored version first (`lags`), so it never denies on another instance's past.
ACCOUNT_TTL = timedelta(seconds=1)


@dataclass(slots=True)
class _Held:
    account: Account
    read_at: datetime
    adopted: bool = False  # the last unit of work took this copy from here, not the store
    book: RiskBook | None = None
    generation: int = -1  # the board's generation at the book's last full refresh
    fresh_until: datetime | None = None  # every mark of the book is younger than max age until


class RiskBooks:
    """Accounts and their risk books for the order path (see the module docstring)."""

    def __init__(
        self,
        market: MarketDataPort,
        board: MarkBoard | None = None,
        *,
        capacity: int = DEFAULT_CAPACITY,
    ) -> None:
        self._market = market
        self._board = board
        self._capacity = capacity
        self._held: OrderedDict[str, _Held] = OrderedDict()
        self._watchers: dict[str, set[str]] = {}  # symbol -> accounts whose book holds its mark
        self._instruments: dict[str, Instrument] | None = None
        self._instruments_at: datetime | None = None
        self.rebuilds = 0
        self._unsubscribe: Callable[[], None] | None = (
            board.subscribe(self._on_quote) if board is not None else None
        )

    # -- accounts ------------------------------------------------------------------
    async def account(self, uow: UnitOfWork, account_id: str, now: datetime) -> Account | None:
        """The account for `uow`: the held copy adopted by it, else read (and then held)."""
        held = self._held.get(account_id)
        if held is not None and now - held.read_at < ACCOUNT_TTL:
            self._held.move_to_end(account_id)
            await uow.accounts.attach(held.account)
            held.adopted = True
            return held.account
        account = await uow.accounts.get(account_id)
        if account is not None:
            self._hold(account, now).adopted = False
        return account

    async def lags(self, uow: UnitOfWork, account: Account) -> bool:
        """Whether the copy of `account` that `uow` adopted from here is behind the stored
        account (another instance changed it since: its version moved). A copy that only
        denies never meets the version check at commit; a denial is checked here instead,
        and decided again on a fresh read when the copy lags (one read of the row's version,
        paid by denials of adopted copies only)."""
        held = self._held.get(account.id)
        if held is None or held.account is not account or not held.adopted:
            return False
        return await uow.accounts.version(account.id) != account.version

    def forget(self, account_id: str) -> None:
        """Drop what is held for `account_id` (a failed unit of work may have changed it)."""
        held = self._held.pop(account_id, None)
        if held is not None and held.book is not None:
            self._unwatch(account_id, held.book)

    def forget_all(self) -> None:
        """Drop every account (e.g. this process no longer owns their partitions)."""
        for account_id in list(self._held):
            self.forget(account_id)

    def _hold(self, account: Account, now: datetime) -> _Held:
        held = self._held.get(account.id)
        if held is None or held.account is not account:
            if held is not None:
                self.forget(account.id)
            held = self._held[account.id] = _Held(account, now)
            while len(self._held) > self._capacity:
                self.forget(next(iter(self._held)))
        else:
            held.read_at = now
        return held

    def touch(self, symbol: str) -> Quote | None:
        """The board's latest quote of `symbol` (no I/O); None without a board or a quote."""
        return self._board.latest(symbol) if self._board is not None else None

    # -- instruments -----------------------------------------------------------------
    async def instruments(
        self, uow: UnitOfWork, now: datetime, symbol: str
    ) -> dict[str, Instrument]:
        """Every instrument by symbol, read at most once per INSTRUMENTS_TTL and on a miss.

        An unchanged map keeps its identity, so the books built over it stay valid.
        """
        known = self._instruments
        stale = self._instruments_at is None or now - self._instruments_at >= INSTRUMENTS_TTL
        if known is None or stale or symbol not in known:
            fresh = await instrument_map(uow)
            self._instruments_at = now
            if known is None or fresh != known:
                self._instruments = known = fresh
        return known

    # -- views ---------------------------------------------------------------------
    async def view(
        self,
        account: Account,
        instruments: Mapping[str, Instrument],
        *,
        now: datetime,
        trading_state: TradingState | None,
        flow: OrderFlow,
        symbol: str,
    ) -> AccountRiskView:
        """The account's snapshot for deciding an order in `symbol`.

        Raises MissingMark for held symbols without a mark (the caller fails closed).
        """
        held = self._held.get(account.id)
        if held is None or held.account is not account:
            held = self._hold(account, now)
        book = held.book
        if book is None or book.instruments is not instruments:
            if book is not None:
                self._unwatch(account.id, book)
            book = held.book = RiskBook(account, instruments)
            held.generation, held.fresh_until = -1, None
            self.rebuilds += 1
        board = self._board
        if board is None:
            book.marks_changed_all()
        elif held.generation != board.generation or (
            held.fresh_until is not None and now >= held.fresh_until
        ):
            book.marks_changed_all()
            held.generation, held.fresh_until = board.generation, None
        wanted = book.pending(symbol)
        if wanted:
            marks = await self._market.reference_prices(wanted)
            book.refresh(marks, symbol)
            self._watch(account.id, held, wanted)
        return book.view(now=now, trading_state=trading_state, flow=flow)

    async def member_view(
        self, uow: UnitOfWork, account_id: str, now: datetime, symbol: str
    ) -> tuple[AccountRiskView, Account] | None:
        """Another account's view and the account, for a book that `account_id` is a member of,
        read under the deciding account's lock, not its own: the held copy when it still is
        the stored account (its version is read), else the account read again (and held).
        None for an account that no longer exists; MissingMark as `view`."""
        held = self._held.get(account_id)
        stored = await uow.accounts.version(account_id)
        if stored is None:
            return None
        if held is None or held.account.version != stored:
            account = await uow.accounts.get(account_id)
            if account is None:
                return None
            self._hold(account, now).adopted = False
        else:
            account = held.account
        instruments = await self.instruments(uow, now, symbol)
        view = await self.view(
            account, instruments, now=now, trading_state=None, flow=_NO_FLOW, symbol=symbol
        )
        return view, account

    def _watch(self, account_id: str, held: _Held, symbols: list[str]) -> None:
        board = self._board
        if board is None:
            return
        max_age = board.max_age
        for symbol in symbols:
            self._watchers.setdefault(symbol, set()).add(account_id)
            if max_age is None:
                continue
            quote = board.latest(symbol)
            if quote is not None:
                until = quote.at + max_age
                if held.fresh_until is None or until < held.fresh_until:
                    held.fresh_until = until

    def _unwatch(self, account_id: str, book: RiskBook) -> None:
        for symbol in {*book.marks, *book.symbols()}:
            watchers = self._watchers.get(symbol)
            if watchers is not None:
                watchers.discard(account_id)
                if not watchers:
                    del self._watchers[symbol]

    def _on_quote(self, quote: Quote) -> None:
        for account_id in self._watchers.get(quote.symbol, ()):
            held = self._held.get(account_id)
            if held is not None and held.book is not None:
                held.book.mark_changed(quote.symbol)

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
