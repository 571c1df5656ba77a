"""The platform stores (audit log, ledger, bars, margin settings): one contract, every store."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.ledger import InMemoryTransactionLedger
from adapters.memory.margin_settings import InMemoryMarginSettingsRepository
from adapters.memory.timeseries import InMemoryBarStore
from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.engine import make_engine
from adapters.postgres.ledger import SqlTransactionLedger
from adapters.postgres.margin_settings import SqlMarginSettingsRepository
from adapters.postgres.timeseries import SqlBarStore
from domain.errors import Conflict, StoreUnavailable
from domain.margin import MarginRates, MarginSchedule
from domain.trading.instruments import AssetClass
from domain.trading.orders import Side
from ports.core.events import AuditEntry, AuditLog
from ports.market_data.timeseries import Bar, BarStore
from ports.portfolio.ledger import HoldingPeriod, LedgerTransaction, TransactionLedger
from ports.trading.margin_settings import MarginSettings, MarginSettingsRepository
from tests.integration.servers import free_port
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2025, 3, 14, 13, 30, 0, 123456, tzinfo=UTC)
PARIS = timezone(timedelta(hours=1))


@dataclass
class Platform:
    """The four platform stores over one store kind."""

    audit: AuditLog
    ledger: TransactionLedger
    bars: BarStore
    margin: MarginSettingsRepository


@pytest.fixture
def platform(store: StoreUnderTest) -> Platform:
    if store.kind == "memory":
        return Platform(
            InMemoryAuditLog(),
            InMemoryTransactionLedger(),
            InMemoryBarStore(),
            InMemoryMarginSettingsRepository(),
        )
    return Platform(
        SqlAuditLog(store.engine),
        SqlTransactionLedger(store.engine),
        SqlBarStore(store.engine),
        SqlMarginSettingsRepository(store.engine),
    )


def entry(target: str, at: datetime, action: str = "order.submit", **details: object) -> AuditEntry:
    return AuditEntry("user:ana", action, target, "approved", at, details)


def trade(
    tx_id: str, at: datetime, account_id: str = "acc-1", symbol: str = "AAPL"
) -> LedgerTransaction:
    return LedgerTransaction(tx_id, account_id, symbol, Side.BUY, Decimal(10), Decimal("187.5"), at)


def bar(time: datetime, symbol: str = "AAPL", interval: str = "1m", close: str = "100.25") -> Bar:
    return Bar(
        symbol=symbol,
        interval=interval,
        time=time,
        open=Decimal("100.10"),
        high=Decimal("101.00"),
        low=Decimal("99.95"),
        close=Decimal(close),
        volume=Decimal("12500"),
        vwap=Decimal("100.4721"),
    )


# Audit log


async def test_audit_entry_round_trips_every_field_and_its_json_details(platform: Platform) -> None:
    details = {
        "quantity": "10.000000001",
        "reasons": ["MAX_NOTIONAL", "DAILY_LOSS"],
        "limits": {"max": 5, "ratio": 0.5, "nested": {"ok": True, "none": None}},
        "note": "déjà vu ✓",
    }
    recorded = AuditEntry(
        "agent:alpha",
        "killswitch.trigger",
        "account:acc-1",
        "halted",
        T0.astimezone(PARIS),
        details,
    )

    await platform.audit.record(recorded)
    (loaded,) = await platform.audit.entries()

    assert loaded == recorded
    assert dict(loaded.details) == details
    assert loaded.at.utcoffset() is not None


async def test_audit_entries_come_newest_first_within_the_limit(platform: Platform) -> None:
    for minutes in (0, 1, 2, 3):
        await platform.audit.record(entry("account:acc-1", T0 + timedelta(minutes=minutes)))

    newest_two = await platform.audit.entries(limit=2)
    everything = await platform.audit.entries()

    assert [e.at for e in newest_two] == [T0 + timedelta(minutes=3), T0 + timedelta(minutes=2)]
    assert [e.at for e in everything] == [T0 + timedelta(minutes=m) for m in (3, 2, 1, 0)]


async def test_audit_entries_at_the_same_instant_come_last_recorded_first(
    platform: Platform,
) -> None:
    await platform.audit.record(entry("account:acc-1", T0, action="first"))
    await platform.audit.record(entry("account:acc-1", T0, action="second"))

    found = await platform.audit.entries()

    assert [e.action for e in found] == ["second", "first"]


async def test_audit_entries_filtered_by_target(platform: Platform) -> None:
    await platform.audit.record(entry("account:acc-1", T0, action="a1"))
    await platform.audit.record(entry("account:acc-2", T0 + timedelta(seconds=1), action="b1"))
    await platform.audit.record(entry("account:acc-1", T0 + timedelta(seconds=2), action="a2"))

    of_first = await platform.audit.entries(target="account:acc-1")
    of_unknown = await platform.audit.entries(target="account:none")

    assert [e.action for e in of_first] == ["a2", "a1"]
    assert of_unknown == []


# Transaction ledger


async def test_transaction_round_trips_every_tax_lot_field(platform: Platform) -> None:
    sale = LedgerTransaction(
        id="tx-1",
        account_id="acc-1",
        symbol="AAPL",
        side=Side.SELL,
        quantity=Decimal("12.5"),
        price=Decimal("187.123456789"),
        executed_at=T0.astimezone(PARIS),
        settlement_date=date(2025, 3, 17),
        lot_id="lot-7",
        cost_basis=Decimal("2400.00"),
        realized_gain=Decimal("-60.956"),
        holding_period=HoldingPeriod.SHORT,
        wash_sale=True,
        disallowed_loss=Decimal("60.956"),
        basis_adjustment=Decimal("60.956"),
    )

    await platform.ledger.add(sale)
    loaded = await platform.ledger.get("tx-1")

    assert loaded == sale
    assert loaded is not None
    assert isinstance(loaded.price, Decimal)
    assert loaded.side is Side.SELL
    assert loaded.holding_period is HoldingPeriod.SHORT


async def test_transaction_without_lot_figures_keeps_them_none(platform: Platform) -> None:
    purchase = trade("tx-1", T0)

    await platform.ledger.add(purchase)
    loaded = await platform.ledger.get("tx-1")

    assert loaded == purchase
    assert loaded is not None
    assert loaded.settlement_date is None
    assert loaded.cost_basis is None
    assert loaded.holding_period is None
    assert loaded.wash_sale is False


async def test_unknown_transaction_is_none(platform: Platform) -> None:
    assert await platform.ledger.get("tx-missing") is None


async def test_adding_the_same_transaction_again_is_a_no_op(platform: Platform) -> None:
    purchase = trade("tx-1", T0)
    await platform.ledger.add(purchase)

    await platform.ledger.add(purchase)

    assert await platform.ledger.list("acc-1") == [purchase]


async def test_another_transaction_under_a_recorded_id_is_a_conflict(platform: Platform) -> None:
    await platform.ledger.add(trade("tx-1", T0))

    with pytest.raises(Conflict):
        await platform.ledger.add(replace(trade("tx-1", T0), quantity=Decimal(11)))

    assert await platform.ledger.get("tx-1") == trade("tx-1", T0)


async def test_transactions_list_oldest_first_by_time_then_id(platform: Platform) -> None:
    later = T0 + timedelta(hours=1)
    for tx in (trade("tx-c", later), trade("tx-b", T0), trade("tx-a", later)):
        await platform.ledger.add(tx)

    listed = await platform.ledger.list("acc-1")

    assert [tx.id for tx in listed] == ["tx-b", "tx-a", "tx-c"]


async def test_transactions_filter_by_account_symbol_and_since_within_the_limit(
    platform: Platform,
) -> None:
    await platform.ledger.add(trade("tx-1", T0, symbol="AAPL"))
    await platform.ledger.add(trade("tx-2", T0 + timedelta(days=1), symbol="MSFT"))
    await platform.ledger.add(trade("tx-3", T0 + timedelta(days=2), symbol="AAPL"))
    await platform.ledger.add(trade("tx-4", T0 + timedelta(days=3), symbol="AAPL"))
    await platform.ledger.add(trade("tx-9", T0, account_id="acc-2"))

    of_apple = await platform.ledger.list("acc-1", symbol="AAPL")
    since_day_two = await platform.ledger.list("acc-1", since=T0 + timedelta(days=2))
    first_two = await platform.ledger.list("acc-1", limit=2)
    apple_since = await platform.ledger.list(
        "acc-1", symbol="AAPL", since=T0 + timedelta(seconds=1), limit=1
    )
    of_nobody = await platform.ledger.list("acc-none")

    assert [tx.id for tx in of_apple] == ["tx-1", "tx-3", "tx-4"]
    assert [tx.id for tx in since_day_two] == ["tx-3", "tx-4"]
    assert [tx.id for tx in first_two] == ["tx-1", "tx-2"]
    assert [tx.id for tx in apple_since] == ["tx-3"]
    assert of_nobody == []


# Market bars


async def test_bars_round_trip_exact_decimals_and_a_missing_vwap(platform: Platform) -> None:
    first = replace(bar(T0.astimezone(PARIS)), close=Decimal("100.123456789012"))
    second = replace(bar(T0 + timedelta(minutes=1)), vwap=None)

    await platform.bars.upsert([first, second])
    loaded = await platform.bars.range("AAPL", "1m", T0, T0 + timedelta(hours=1))

    assert loaded == [first, second]
    assert isinstance(loaded[0].volume, Decimal)
    assert loaded[1].vwap is None


async def test_bars_range_is_half_open_ascending_and_limited(platform: Platform) -> None:
    times = [T0 + timedelta(minutes=m) for m in range(5)]
    await platform.bars.upsert([bar(t) for t in reversed(times)])
    await platform.bars.upsert([bar(T0, interval="1d"), bar(T0, symbol="MSFT")])

    middle = await platform.bars.range("AAPL", "1m", times[1], times[4])
    first_two = await platform.bars.range("AAPL", "1m", times[0], times[4], limit=2)
    daily = await platform.bars.range("AAPL", "1d", times[0], times[4])
    empty = await platform.bars.range("AAPL", "1m", times[4], times[4])

    assert [b.time for b in middle] == times[1:4]
    assert [b.time for b in first_two] == times[0:2]
    assert [(b.symbol, b.interval) for b in daily] == [("AAPL", "1d")]
    assert empty == []


async def test_upserting_the_same_bars_twice_keeps_one_of_each(platform: Platform) -> None:
    bars = [bar(T0), bar(T0 + timedelta(minutes=1))]

    await platform.bars.upsert(bars)
    await platform.bars.upsert(bars)

    assert await platform.bars.range("AAPL", "1m", T0, T0 + timedelta(hours=1)) == bars


async def test_a_revised_bar_replaces_the_stored_one_and_the_last_of_a_batch_wins(
    platform: Platform,
) -> None:
    await platform.bars.upsert([bar(T0, close="100.00")])

    await platform.bars.upsert([bar(T0, close="100.50"), bar(T0, close="100.75")])
    stored = await platform.bars.range("AAPL", "1m", T0, T0 + timedelta(minutes=1))

    assert [b.close for b in stored] == [Decimal("100.75")]


async def test_latest_bar_is_the_newest_of_its_symbol_and_interval(platform: Platform) -> None:
    await platform.bars.upsert([bar(T0 + timedelta(minutes=2)), bar(T0)])
    await platform.bars.upsert([bar(T0 + timedelta(days=1), interval="1d")])
    await platform.bars.upsert([bar(T0 + timedelta(days=2), symbol="MSFT")])

    latest = await platform.bars.latest("AAPL", "1m")
    none_yet = await platform.bars.latest("AAPL", "5m")

    assert latest == bar(T0 + timedelta(minutes=2))
    assert none_yet is None


async def test_an_empty_upsert_stores_nothing(platform: Platform) -> None:
    await platform.bars.upsert([])

    assert await platform.bars.latest("AAPL", "1m") is None


# Margin settings


def custom_settings(account_id: str = "acc-1") -> MarginSettings:
    return MarginSettings(
        account_id=account_id,
        schedule=MarginSchedule(
            default=MarginRates(Decimal("0.55"), Decimal("0.275"), Decimal("0.35")),
            by_asset_class={AssetClass.OPTION: MarginRates(Decimal(1), Decimal(1), Decimal(1))},
            by_symbol={"TSLA": MarginRates(Decimal("0.7"), Decimal("0.40"), Decimal("0.45"))},
        ),
        warning_buffer=Decimal("0.125"),
        target_buffer=Decimal("0.30"),
        auto_deleverage=True,
        updated_at=T0.astimezone(PARIS),
    )


async def test_margin_settings_round_trip_rates_overrides_and_thresholds(
    platform: Platform,
) -> None:
    settings = custom_settings()

    await platform.margin.put(settings)
    loaded = await platform.margin.get("acc-1")

    assert loaded == settings
    assert loaded is not None
    assert loaded.schedule.by_asset_class[AssetClass.OPTION] == MarginRates(
        Decimal(1), Decimal(1), Decimal(1)
    )
    assert isinstance(loaded.schedule.by_symbol["TSLA"].maintenance_long, Decimal)


async def test_default_margin_settings_round_trip(platform: Platform) -> None:
    settings = MarginSettings("acc-1")

    await platform.margin.put(settings)

    assert await platform.margin.get("acc-1") == settings


async def test_putting_margin_settings_again_replaces_them(platform: Platform) -> None:
    await platform.margin.put(custom_settings())
    await platform.margin.put(custom_settings("acc-2"))
    revised = replace(custom_settings(), schedule=MarginSchedule(), auto_deleverage=False)

    await platform.margin.put(revised)

    assert await platform.margin.get("acc-1") == revised
    assert await platform.margin.get("acc-2") == custom_settings("acc-2")


async def test_an_account_without_margin_settings_has_none(platform: Platform) -> None:
    assert await platform.margin.get("acc-none") is None


# Failure mapping (SQL adapters only: the in-memory ones have no connection to lose)


async def test_an_unreachable_database_is_store_unavailable() -> None:
    engine = make_engine(f"postgresql+asyncpg://bulwark:x@127.0.0.1:{free_port()}/bulwark")
    calls: list[Callable[[], Awaitable[object]]] = [
        lambda: SqlAuditLog(engine).entries(),
        lambda: SqlTransactionLedger(engine).get("tx-1"),
        lambda: SqlBarStore(engine).latest("AAPL", "1m"),
        lambda: SqlMarginSettingsRepository(engine).get("acc-1"),
    ]
    try:
        for call in calls:
            with pytest.raises(StoreUnavailable):
                await call()
    finally:
        await engine.dispose()
