"""Contract of an account's profile and of the instrument search, on memory, SQLite, PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from domain.fixedincome.daycount import DayCount
from domain.fixedincome.terms import BondTerms
from domain.trading.account_profile import AccountStatus, AccountType, TradingType
from domain.trading.accounts import Account
from domain.trading.instruments import AssetClass, Instrument
from ports.core.repositories import InstrumentSearch
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


async def _add(store: StoreUnderTest, *instruments: Instrument) -> None:
    await store.save("instruments", *instruments)


async def _search(store: StoreUnderTest, **criteria: object) -> list[str]:
    async with store.uow() as uow:
        found = await uow.instruments.search(InstrumentSearch(**criteria))  # type: ignore[arg-type]
    return [i.symbol for i in found]


async def test_an_account_round_trips_its_profile(store: StoreUnderTest) -> None:
    # Arrange
    account = Account(
        "acc-1",
        "u-1",
        Decimal("2500.00"),
        name="Retirement",
        account_type=AccountType.ROTH_IRA,
        trading_type=TradingType.CASH,
        target_allocation={"VTI": Decimal("0.6"), "BND": Decimal("0.35")},
        created_at=T0,
    )

    # Act
    await store.save("accounts", account)
    async with store.uow() as uow:
        loaded = await uow.accounts.get("acc-1")

    # Assert
    assert loaded is not None
    assert (loaded.name, loaded.account_type, loaded.trading_type, loaded.status) == (
        "Retirement",
        AccountType.ROTH_IRA,
        TradingType.CASH,
        AccountStatus.OPEN,
    )
    assert loaded.target_allocation == {"VTI": Decimal("0.6"), "BND": Decimal("0.35")}
    assert loaded.created_at == T0


async def test_a_closed_account_stays_closed_after_commit(store: StoreUnderTest) -> None:
    # Arrange
    await store.save("accounts", Account("acc-1", "u-1", Decimal(0), name="Old"))

    # Act
    async with store.uow() as uow:
        account = await uow.accounts.get("acc-1")
        assert account is not None
        account.set_target_allocation({"SPY": Decimal("0.9")})
        account.close()
        account.rename("Old and closed")
        await uow.commit()
    async with store.uow() as uow:
        loaded = await uow.accounts.get("acc-1")

    # Assert
    assert loaded is not None
    assert (loaded.status, loaded.name) == (AccountStatus.CLOSED, "Old and closed")
    assert loaded.target_allocation == {"SPY": Decimal("0.9")}


async def test_instruments_round_trip_their_reference_flags(store: StoreUnderTest) -> None:
    # Arrange
    gme = Instrument(
        "GME", name="GameStop", marginable=False, shortable=False, active=False, sector="RETAIL"
    )

    # Act
    await _add(store, gme)
    async with store.uow() as uow:
        loaded = await uow.instruments.get("GME")

    # Assert
    assert loaded == gme


async def test_a_bond_round_trips_its_terms_and_an_equity_has_none(
    store: StoreUnderTest,
) -> None:
    # Arrange: a 4.125 % semiannual ACT/ACT ICMA bond of 1,000 face, lot one bond (10 x 100)
    terms = BondTerms(
        face_value=Decimal("1000"),
        coupon_rate=Decimal("0.04125"),
        frequency=2,
        issue_date=date(2024, 2, 15),
        maturity=date(2034, 2, 15),
        day_count=DayCount.ACT_ACT_ICMA,
    )
    bond = Instrument("UST-2034", AssetClass.BOND, lot_size=Decimal(10), bond=terms)

    # Act
    await _add(store, bond, Instrument("AAPL"))
    async with store.uow() as uow:
        loaded = await uow.instruments.get("UST-2034")
        equity = await uow.instruments.get("AAPL")
    bonds = await _search(store, asset_class=AssetClass.BOND)

    # Assert
    assert loaded == bond
    assert loaded is not None and loaded.bond == terms
    assert loaded.bond.coupon_rate == Decimal("0.04125")
    assert loaded.bond.day_count is DayCount.ACT_ACT_ICMA
    assert equity is not None and equity.bond is None
    assert bonds == ["UST-2034"]


async def test_search_pages_by_symbol_with_every_filter(store: StoreUnderTest) -> None:
    # Arrange
    await _add(
        store,
        Instrument("AAPL", name="Apple Inc"),
        Instrument("AMZN", name="Amazon.com Inc"),
        Instrument("AMD", name="Advanced Micro Devices", active=False),
        Instrument("BTCUSD", AssetClass.CRYPTO, name="Bitcoin"),
        Instrument("MSFT", name="Microsoft Corp"),
        Instrument("Z_Z", name="Underscore"),
        Instrument("ZZZ", name="Sleepy"),
    )

    # Act / Assert: prefix of symbol or (case-insensitive) name, by symbol
    assert await _search(store, prefix="am") == ["AMD", "AMZN"]
    assert await _search(store, prefix="micro") == ["MSFT"]
    assert await _search(store, prefix="Z_") == ["Z_Z"]  # LIKE wildcards are literal
    assert await _search(store, asset_class=AssetClass.CRYPTO) == ["BTCUSD"]
    assert await _search(store, active=False) == ["AMD"]
    assert await _search(store, prefix="A", active=True) == ["AAPL", "AMZN"]
    # keyset paging: strictly after the cursor, at most `limit`
    first = await _search(store, limit=2)
    second = await _search(store, limit=2, after=first[-1])
    assert first == ["AAPL", "AMD"]
    assert second == ["AMZN", "BTCUSD"]


async def test_instruments_round_trip_their_identifiers_and_are_found_by_one(
    store: StoreUnderTest,
) -> None:
    # Arrange: Apple's and Microsoft's public CUSIP, ISIN and FIGI
    apple = Instrument("AAPL", cusip="037833100", isin="US0378331005", figi="BBG000B9XRY4")
    microsoft = Instrument("MSFT", cusip="594918104", isin="US5949181045")
    await _add(store, apple, microsoft, Instrument("ZZZ"))

    # Act
    async with store.uow() as uow:
        loaded = await uow.instruments.get("AAPL")
        bare = await uow.instruments.get("ZZZ")
    by_cusip = await _search(store, identifier="594918104")
    by_isin = await _search(store, identifier="US0378331005")
    by_figi = await _search(store, identifier="BBG000B9XRY4")
    unknown = await _search(store, identifier="38259P508")

    # Assert
    assert loaded == apple
    assert bare is not None and (bare.cusip, bare.isin, bare.figi) == (None, None, None)
    assert (by_cusip, by_isin, by_figi, unknown) == (["MSFT"], ["AAPL"], ["AAPL"], [])
