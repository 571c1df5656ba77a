"""Order use cases: submit through the pre-trade gate, cancel, and sync with the broker."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from application.access import account_for
from application.concurrency import KeyedLocks
from application.fills import book_fills
from application.policies import PolicyCache
from application.retry import retry_on_conflict
from application.snapshots import instrument_map, load_risk_view
from domain.errors import Conflict, NotFound
from domain.principals import Principal
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Decision, Verdict
from domain.trading.accounts import Account, MissingMark
from domain.trading.orders import Order, OrderType, Origin, Side, TimeInForce
from ports.broker import BrokerError, BrokerPort
from ports.clock import Clock, IdGenerator
from ports.events import EventPublisher
from ports.marketdata import MarketDataPort
from ports.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class SubmitOrder:
    """A request to place an order, from any entry point (HTTP, Kafka, agent)."""

    principal: Principal
    account_id: str
    symbol: str
    side: Side
    quantity: Decimal
    origin: Origin
    order_type: OrderType = OrderType.MARKET
    time_in_force: TimeInForce = TimeInForce.DAY
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    reduce_only: bool = False
    client_order_id: str | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True, slots=True)
class OrderResult:
    """The order as it stands, the gate's decision, and whether this was a replay."""

    order: Order
    decision: Decision | None
    replayed: bool = False


class BrokerRouter:
    """Finds the broker adapter of an account by the account's broker name."""

    def __init__(self, brokers: Mapping[str, BrokerPort]) -> None:
        self.brokers = dict(brokers)

    def for_account(self, account: Account) -> BrokerPort:
        try:
            return self.brokers[account.broker]
        except KeyError:
            raise NotFound(f"broker {account.broker!r} is not configured") from None


_Approved = tuple[Account, Order, Decision]


class OrderService:
    """Submit, cancel and sync orders. One account's orders are decided one at a time."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        brokers: BrokerRouter,
        market_data: MarketDataPort,
        publisher: EventPublisher,
        clock: Clock,
        ids: IdGenerator,
        policies: PolicyCache,
        locks: KeyedLocks,
    ) -> None:
        self._uow = uow_factory
        self._brokers = brokers
        self._market = market_data
        self._publisher = publisher
        self._clock = clock
        self._ids = ids
        self.policies = policies
        self.locks = locks

    async def submit(self, cmd: SubmitOrder) -> OrderResult:
        async with self.locks.hold(cmd.account_id):
            # A conflict (another instance changed the account) retries the decision; nothing
            # has reached the broker yet, so the retry is safe.
            recorded = await retry_on_conflict(lambda: self._record_decision(cmd))
            if isinstance(recorded, OrderResult):
                return recorded
            account, order, decision = recorded
            await self._send(account, order.id)
            async with self._uow() as uow:
                stored = await uow.orders.get(order.id)
                return OrderResult(stored or order, decision)

    async def _record_decision(
        self, cmd: SubmitOrder
    ) -> OrderResult | tuple[Account, Order, Decision]:
        """Decide and store the order (denied, or approved and pending submission)."""
        async with self._uow() as uow:
            account = await account_for(uow, cmd.principal, cmd.account_id)
            replay = await self._replay(uow, cmd, account)
            if replay is not None:
                return replay
            order = Order(
                id=self._ids.new("ord-"),
                client_order_id=cmd.client_order_id or self._ids.new("cl-"),
                account_id=account.id,
                symbol=cmd.symbol.strip().upper(),
                side=cmd.side,
                quantity=cmd.quantity,
                origin=cmd.origin,
                order_type=cmd.order_type,
                time_in_force=cmd.time_in_force,
                limit_price=cmd.limit_price,
                stop_price=cmd.stop_price,
                reduce_only=cmd.reduce_only,
                idempotency_key=cmd.idempotency_key,
                created_at=self._clock.now(),
                broker=account.broker,
            )
            decision = await self._decide(uow, account, order)
            await uow.orders.add(order)
            if not decision.approved:
                order.deny(tuple(code.value for code in decision.reasons))
                await uow.commit()
                await self._publisher.publish(uow.collect_events())
                return OrderResult(order, decision)
            order.mark_pending_submit(decision.quantity if decision.reduced else None)
            account.track_order(order)
            await uow.commit()
            self.policies.flow_for(account.id).record(order, self._clock.now().timestamp())
            await self._publisher.publish(uow.collect_events())
            return account, order, decision

    async def decide(self, account_id: str, principal: Principal, order: Order) -> Decision:
        """The gate's decision on a hypothetical order; nothing is stored or sent."""
        async with self._uow() as uow:
            account = await account_for(uow, principal, account_id)
            return await self._decide(uow, account, order)

    async def _replay(
        self, uow: UnitOfWork, cmd: SubmitOrder, account: Account
    ) -> OrderResult | None:
        if cmd.idempotency_key:
            existing = await uow.orders.by_idempotency_key(account.id, cmd.idempotency_key)
            if existing is not None:
                same = (
                    existing.symbol == cmd.symbol.strip().upper()
                    and existing.side is cmd.side
                    and existing.requested_quantity == cmd.quantity
                    and existing.order_type is cmd.order_type
                    and existing.time_in_force is cmd.time_in_force
                    and existing.limit_price == cmd.limit_price
                    and existing.stop_price == cmd.stop_price
                    and existing.reduce_only == cmd.reduce_only
                    and existing.origin == cmd.origin
                )
                if not same:
                    raise Conflict("idempotency key reused with a different order")
                return OrderResult(existing, None, replayed=True)
        if cmd.client_order_id and await uow.orders.by_client_order_id(
            account.id, cmd.client_order_id
        ):
            raise Conflict(f"client order id {cmd.client_order_id} already used")
        return None

    async def _decide(self, uow: UnitOfWork, account: Account, order: Order) -> Decision:
        """Build the snapshot and run the gate; any failure on the way denies (fail closed)."""
        try:
            view = await load_risk_view(
                uow,
                self._market,
                self._clock,
                account,
                order.origin,
                self.policies.flow_for(account.id),
                order.symbol,
            )
            policy = await self.policies.policy_for(uow, account)
            return policy.evaluate(order, view)
        except MissingMark as exc:
            return _deny(order, ReasonCode.NO_REFERENCE_PRICE, f"no mark for {exc}")
        except Exception as exc:
            return _deny(order, ReasonCode.RISK_CHECK_ERROR, f"{type(exc).__name__}: {exc}")

    async def _send(self, account: Account, order_id: str) -> None:
        """Send an approved order to the broker and book what it says."""
        broker = self._brokers.for_account(account)
        async with self._uow() as uow:
            order = await uow.orders.get(order_id)
            stored_account = await uow.accounts.get(account.id)
            if order is None or stored_account is None:
                raise NotFound(f"order {order_id} vanished before submission")
            try:
                ack = await broker.submit(order)
            except BrokerError as exc:
                order.reject(exc.code.value)
                stored_account.release_order(order)
            else:
                order.accept(ack.broker_order_id)
                await self._book(uow, broker, stored_account)
            await uow.commit()
            await self._publisher.publish(uow.collect_events())

    async def _book(self, uow: UnitOfWork, broker: BrokerPort, account: Account) -> int:
        fills = await broker.fills(account.id)
        if not fills:
            return 0
        instruments = await instrument_map(uow)
        booked = book_fills(account, fills, account.open_orders, instruments)
        for fill in fills:
            await uow.fills.add(fill)
        return booked

    async def cancel(self, principal: Principal, order_id: str) -> Order:
        """Ask the broker to cancel; the order is CANCELED once the broker no longer lists it."""
        async with self._uow() as uow:
            order = await uow.orders.get(order_id)
            if order is None:
                raise NotFound(f"order {order_id} not found")
            account_id = (await account_for(uow, principal, order.account_id)).id
        async with self.locks.hold(account_id), self._uow() as uow:
            order = await uow.orders.get(order_id)
            account = await uow.accounts.get(account_id)
            if order is None or account is None:
                raise NotFound(f"order {order_id} not found")
            if not order.is_open:
                raise Conflict(f"order {order_id} is {order.status.value}, not open")
            broker = self._brokers.for_account(account)
            if order.broker_order_id is not None:
                await broker.cancel(account.id, order.broker_order_id)
            await self._book(uow, broker, account)
            await self._reconcile(uow, broker, account)
            await uow.commit()
            await self._publisher.publish(uow.collect_events())
            return order

    async def sync(self, account_id: str) -> int:
        """Book the broker's fills and close orders it no longer lists; returns orders closed."""
        async with self.locks.hold(account_id), self._uow() as uow:
            account = await uow.accounts.get(account_id)
            if account is None:
                raise NotFound(f"account {account_id} not found")
            broker = self._brokers.for_account(account)
            await self._book(uow, broker, account)
            closed = await self._reconcile(uow, broker, account)
            await uow.commit()
            await self._publisher.publish(uow.collect_events())
            return closed

    async def _reconcile(self, uow: UnitOfWork, broker: BrokerPort, account: Account) -> int:
        """Orders the broker no longer lists as open (and that did not fill) are canceled."""
        still_open = {o.client_order_id for o in await broker.open_orders(account.id)}
        closed = 0
        for order in list(account.open_orders.values()):
            if order.broker_order_id is not None and order.client_order_id not in still_open:
                order.cancel()
                account.release_order(order)
                closed += 1
        return closed


def _deny(order: Order, code: ReasonCode, message: str) -> Decision:
    verdict = Verdict(code, Outcome.DENY, "OrderService", None, message)
    return Decision(False, order.quantity, order.quantity, (verdict,))
