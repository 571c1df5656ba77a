"""The paper broker: a simulated BrokerPort that fills orders against market-data quotes."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Iterable
from decimal import Decimal

from adapters.brokers.paper.book import AccountBook, Valuation
from adapters.brokers.paper.config import PaperBrokerConfig
from adapters.brokers.paper.faults import FaultPlan, RateLimiter
from adapters.brokers.paper.matching import (
    STOP_TYPES,
    ZERO,
    Liquidity,
    PaperOrder,
    execution_price,
    is_triggered,
)
from domain.trading.fills import Fill
from domain.trading.orders import Order, OrderType, Side, TimeInForce
from domain.trading.positions import Position
from ports.core.clock import Clock, IdGenerator
from ports.market_data.marketdata import MarketDataPort, Quote, QuoteUnavailable
from ports.trading.broker import (
    BrokerAccount,
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerOrderStatus,
    BrokerPosition,
    CancelResult,
    CloseResult,
)

_IMMEDIATE = frozenset({TimeInForce.IOC, TimeInForce.FOK})
# The cash of an account met for the first time, None when it is no paper account.
AccountOpener = Callable[[str], Awaitable[Decimal | None]]


class PaperBroker:
    """A BrokerPort that keeps accounts in memory and fills against the market data's quotes.

    Resting orders fill when `on_quote` sees a quote that reaches them: subscribe it to
    the market data. Faults, latency and rate limits are there to rehearse failures.
    """

    name = "paper"
    # In this process's memory: an order sent is in the book before `submit` returns.
    acceptance_window_s = 0.0

    def __init__(
        self,
        market_data: MarketDataPort,
        clock: Clock,
        ids: IdGenerator,
        config: PaperBrokerConfig | None = None,
    ) -> None:
        self._market_data = market_data
        self._clock = clock
        self._ids = ids
        self._config = config or PaperBrokerConfig()
        self._books: dict[str, AccountBook] = {}
        # symbol -> broker order id -> order, in time priority, across accounts.
        self._resting: dict[str, dict[str, PaperOrder]] = {}
        self._liquidity: dict[str, Liquidity] = {}
        self._marks: dict[str, Decimal] = {}
        self._faults = FaultPlan()
        self._limiter = RateLimiter(self._config.max_calls_per_second)
        # The kill switch calls from a thread of its own (bootstrap/killswitch_lane.py): every
        # read or change of the books happens under this lock, never across an await.
        self._mutex = threading.RLock()
        self._opener: AccountOpener | None = None

    @property
    def config(self) -> PaperBrokerConfig:
        return self._config

    # -- setup -----------------------------------------------------------------
    def seed_account(self, account_id: str, cash: Decimal) -> None:
        """Open an account with `cash`; opening one twice is a mistake."""
        if account_id in self._books:
            raise ValueError(f"paper account {account_id} already exists")
        self._books[account_id] = AccountBook(account_id, cash)

    def open_accounts_with(self, opener: AccountOpener | None) -> None:
        """Open an account on first use with the cash `opener` gives (None: unknown stays an
        error). For a process that did not create the accounts it trades for."""
        self._opener = opener

    def seed_position(
        self, account_id: str, symbol: str, quantity: Decimal, average_price: Decimal
    ) -> None:
        """Put a position on the book directly, without a fill and without touching cash."""
        book = self._book(account_id)
        book.positions[symbol] = Position(symbol, quantity, average_price)

    # -- fault injection -------------------------------------------------------
    def fail_next(
        self,
        n: int = 1,
        code: BrokerErrorCode = BrokerErrorCode.UNAVAILABLE,
        methods: Iterable[str] | None = None,
        *,
        account_id: str | None = None,
        retryable: bool = True,
    ) -> None:
        """The next `n` calls (only of `methods` / `account_id` when given) raise BrokerError."""
        self._faults.add_call_fault(
            n, code, methods=methods, account_id=account_id, retryable=retryable
        )

    def timeout_next(
        self,
        n: int,
        seconds: float,
        methods: Iterable[str] | None = None,
        *,
        account_id: str | None = None,
    ) -> None:
        """The next `n` matching calls sleep `seconds` on the clock, then raise TIMEOUT."""
        self._faults.add_call_fault(
            n,
            BrokerErrorCode.TIMEOUT,
            methods=methods,
            account_id=account_id,
            retryable=True,
            timeout_s=seconds,
        )

    def ack_but_keep(self, account_id: str | None = None, n: int | None = None) -> None:
        """The next `n` cancel calls (all, when None) acknowledge but leave the orders open."""
        self._faults.add_ack_lie(account_id, n)

    def clear_faults(self) -> None:
        self._faults.clear()

    # -- BrokerPort ------------------------------------------------------------
    async def submit(self, order: Order) -> BrokerOrder:
        """Accept an order and fill what the current quote allows; the rest rests.

        A second submit with a known client order id returns that order (a safe retry).
        """
        await self._enter("submit", order.account_id)
        self._book(order.account_id)
        if order.order_type in STOP_TYPES and order.time_in_force in _IMMEDIATE:
            raise BrokerError(BrokerErrorCode.REJECTED, "stop orders cannot be IOC or FOK")
        quote = await self._quote(order.symbol)
        with self._mutex:
            return self._submit_now(order, quote)

    def _submit_now(self, order: Order, quote: Quote | None) -> BrokerOrder:
        book = self._book(order.account_id)
        known = book.by_client_id.get(order.client_order_id)
        if known is not None:
            return known.snapshot()
        self._check_immediacy(order, quote)
        if self._config.enforce_buying_power:
            self._check_buying_power(book, order, quote)
        paper = PaperOrder(
            broker_order_id=self._ids.new("paper-"),
            order_id=order.id,
            client_order_id=order.client_order_id,
            account_id=order.account_id,
            symbol=order.symbol,
            side=order.side,
            order_type=order.order_type,
            time_in_force=order.time_in_force,
            quantity=order.quantity,
            limit_price=order.limit_price,
            stop_price=order.stop_price,
        )
        return self._accept(book, paper, quote)

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        await self._enter("cancel", account_id)
        with self._mutex:
            book = self._book(account_id)
            order = book.orders.get(broker_order_id)
            if order is None:
                error = BrokerErrorCode.NOT_FOUND.value
                return CancelResult(broker_order_id, ok=False, error=error)
            if not order.status.is_open:
                error = BrokerErrorCode.REJECTED.value
                return CancelResult(broker_order_id, ok=False, error=error)
            if not self._faults.take_ack_lie(account_id):
                order.status = BrokerOrderStatus.CANCELED
                self._close(book, order)
            return CancelResult(broker_order_id, ok=True)

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        await self._enter("cancel_all", account_id)
        with self._mutex:
            book = self._book(account_id)
            results = [CancelResult(order_id, ok=True) for order_id in book.open_orders]
            if self._faults.take_ack_lie(account_id):
                return results
            for order in book.open_orders.values():
                order.status = BrokerOrderStatus.CANCELED
                self._unrest(order)
            book.open_orders.clear()
            return results

    async def close_all(self, account_id: str) -> list[CloseResult]:
        """Send a market order against every non-zero position; one failure stops no other."""
        await self._enter("close_all", account_id)
        with self._mutex:
            held = self._book(account_id).held_symbols()
        quotes = {symbol: await self._quote(symbol) for symbol in held}
        with self._mutex:
            return self._close_now(account_id, quotes)

    def _close_now(self, account_id: str, quotes: dict[str, Quote | None]) -> list[CloseResult]:
        book = self._book(account_id)
        results: list[CloseResult] = []
        for symbol, quote in quotes.items():
            quantity = book.position_quantity(symbol)
            if quantity == ZERO:
                continue
            side = Side.SELL if quantity > ZERO else Side.BUY
            if quote is None or execution_price(side, None, quote, ZERO) is None:
                error = BrokerErrorCode.UNAVAILABLE.value
                results.append(CloseResult(symbol, ok=False, error=error))
                continue
            client_id = self._ids.new("close-")
            paper = PaperOrder(
                broker_order_id=self._ids.new("paper-"),
                order_id=client_id,
                client_order_id=client_id,
                account_id=account_id,
                symbol=symbol,
                side=side,
                order_type=OrderType.MARKET,
                time_in_force=TimeInForce.DAY,
                quantity=abs(quantity),
            )
            results.append(CloseResult(symbol, ok=True, order=self._accept(book, paper, quote)))
        return results

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        await self._enter("open_orders", account_id)
        with self._mutex:
            return [order.snapshot() for order in self._book(account_id).open_orders.values()]

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        await self._enter("positions", account_id)
        with self._mutex:
            book = self._book(account_id)
            held = [book.positions[symbol] for symbol in book.held_symbols()]
            return [BrokerPosition(account_id, p.symbol, p.quantity, p.average_price) for p in held]

    async def account(self, account_id: str) -> BrokerAccount:
        """Cash, equity at mid prices, and buying power = equity × leverage − gross exposure."""
        await self._enter("account", account_id)
        with self._mutex:
            symbols = self._book(account_id).held_symbols()
        if symbols:
            marks = await self._market_data.reference_prices(symbols)
        with self._mutex:
            if symbols:
                self._marks.update(marks)
            book = self._book(account_id)
            valuation = self._value(book)
        return BrokerAccount(
            account_id=account_id,
            cash=book.cash,
            equity=valuation.equity,
            buying_power=valuation.buying_power(self._config.leverage),
            currency=self._config.currency,
        )

    async def fills(self, account_id: str) -> list[Fill]:
        await self._enter("fills", account_id)
        with self._mutex:
            return self._book(account_id).drain_fills()

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        """The account's order with this client order id, open or closed (None: unknown)."""
        await self._enter("order_by_client_id", account_id)
        with self._mutex:
            found = self._book(account_id).by_client_id.get(client_order_id)
            return found.snapshot() if found is not None else None

    # -- market ----------------------------------------------------------------
    def on_quote(self, quote: Quote) -> None:
        """Re-check the resting orders of the quote's symbol; subscribe this to market data."""
        with self._mutex:
            self._observe(quote)
            resting = self._resting.get(quote.symbol)
            if not resting:
                return
            for order in list(resting.values()):
                if order.status.is_open:
                    self._match(self._books[order.account_id], order, quote)

    # -- internals -------------------------------------------------------------
    async def _enter(self, method: str, account_id: str) -> None:
        """Rate limit, injected faults and latency, in that order, for every port call."""
        if self._opener is not None and account_id not in self._books:
            cash = await self._opener(account_id)
            with self._mutex:
                if cash is not None and account_id not in self._books:
                    self._books[account_id] = AccountBook(account_id, cash)
        with self._mutex:
            admitted = self._limiter.admit(account_id, self._clock.monotonic())
            fault = self._faults.take_call_fault(method, account_id) if admitted else None
        if not admitted:
            raise BrokerError(
                BrokerErrorCode.RATE_LIMITED,
                f"{method}: more than {self._config.max_calls_per_second} calls a second",
                retryable=True,
            )
        if fault is not None:
            if fault.timeout_s is not None:
                await self._clock.sleep(fault.timeout_s)
                raise BrokerError(BrokerErrorCode.TIMEOUT, f"{method} timed out", retryable=True)
            raise BrokerError(fault.code, f"{method} failed (injected)", retryable=fault.retryable)
        if self._config.latency_s > 0:
            await self._clock.sleep(self._config.latency_s)

    def _book(self, account_id: str) -> AccountBook:
        book = self._books.get(account_id)
        if book is None:
            raise BrokerError(BrokerErrorCode.NOT_FOUND, f"unknown paper account {account_id}")
        return book

    async def _quote(self, symbol: str) -> Quote | None:
        try:
            quote = await self._market_data.quote(symbol)
        except QuoteUnavailable:
            return None
        self._observe(quote)
        return quote

    def _observe(self, quote: Quote) -> None:
        if quote.mid > ZERO:
            self._marks[quote.symbol] = quote.mid

    def _check_immediacy(self, order: Order, quote: Quote | None) -> None:
        """Orders that must execute now need a price on their side; FOK needs all its size."""
        immediate = order.order_type is OrderType.MARKET or order.time_in_force in _IMMEDIATE
        if not immediate:
            return
        if quote is None or execution_price(order.side, None, quote, ZERO) is None:
            raise BrokerError(
                BrokerErrorCode.UNAVAILABLE, f"no quote to execute {order.symbol}", retryable=True
            )
        if order.time_in_force is TimeInForce.FOK:
            price = execution_price(order.side, order.limit_price, quote, ZERO)
            available = self._liquidity_of(quote).available(order.side)
            if price is None or (available is not None and available < order.quantity):
                raise BrokerError(
                    BrokerErrorCode.REJECTED, f"fill-or-kill {order.client_order_id} cannot fill"
                )

    def _check_buying_power(self, book: AccountBook, order: Order, quote: Quote | None) -> None:
        """Refuse an order whose opening part costs more than the account's buying power."""
        held = book.position_quantity(order.symbol)
        opening = order.quantity
        if held != ZERO and (held > ZERO) != (order.side is Side.BUY):
            opening = max(ZERO, order.quantity - abs(held))
        if opening == ZERO:
            return
        price = None
        if quote is not None:
            price = execution_price(order.side, order.limit_price, quote, self._config.slippage_bps)
        price = price or order.limit_price or order.stop_price or self._marks.get(order.symbol)
        if price is None:
            raise BrokerError(BrokerErrorCode.UNAVAILABLE, "no price to check buying power")
        buying_power = self._value(book).buying_power(self._config.leverage)
        if opening * price > buying_power:
            raise BrokerError(
                BrokerErrorCode.INSUFFICIENT_FUNDS,
                f"{opening * price} needed, {buying_power} buying power",
            )

    def _accept(self, book: AccountBook, order: PaperOrder, quote: Quote | None) -> BrokerOrder:
        book.forget_old_orders()  # bounded: the oldest closed orders go past the limit
        book.orders[order.broker_order_id] = order
        book.by_client_id[order.client_order_id] = order
        book.open_orders[order.broker_order_id] = order
        self._resting.setdefault(order.symbol, {})[order.broker_order_id] = order
        if quote is not None:
            self._match(book, order, quote)
        if order.status.is_open and order.time_in_force is TimeInForce.IOC:
            order.status = BrokerOrderStatus.CANCELED
            self._close(book, order)
        return order.snapshot()

    def _match(self, book: AccountBook, order: PaperOrder, quote: Quote) -> None:
        if order.awaiting_trigger:
            if order.stop_price is None or not is_triggered(order.side, order.stop_price, quote):
                return
            order.triggered = True
        price = execution_price(order.side, order.limit_price, quote, self._config.slippage_bps)
        if price is None:
            return
        liquidity = self._liquidity_of(quote)
        available = liquidity.available(order.side)
        quantity = order.remaining if available is None else min(order.remaining, available)
        if quantity <= ZERO:
            return
        liquidity.take(order.side, quantity)
        order.record_fill(quantity, price)
        fill = Fill(
            id=self._ids.new("fill-"),
            order_id=order.order_id,
            account_id=order.account_id,
            symbol=order.symbol,
            side=order.side,
            quantity=quantity,
            price=price,
            at=self._clock.now(),
        )
        book.apply_fill(fill)
        book.fills.append(fill)
        if not order.status.is_open:
            self._close(book, order)

    def _liquidity_of(self, quote: Quote) -> Liquidity:
        """Size left on this very quote: orders matched against one quote share its size."""
        liquidity = self._liquidity.get(quote.symbol)
        if liquidity is None or liquidity.quote is not quote:
            liquidity = self._liquidity[quote.symbol] = Liquidity.of(quote)
        return liquidity

    def _value(self, book: AccountBook) -> Valuation:
        return book.value(self._marks)

    def _close(self, book: AccountBook, order: PaperOrder) -> None:
        book.open_orders.pop(order.broker_order_id, None)
        self._unrest(order)

    def _unrest(self, order: PaperOrder) -> None:
        resting = self._resting.get(order.symbol)
        if resting is not None:
            resting.pop(order.broker_order_id, None)
            if not resting:
                del self._resting[order.symbol]
