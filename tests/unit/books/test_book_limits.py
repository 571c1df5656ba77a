"""A book's limits over its members across venues: worked examples at each limit's boundary,
fail-closed on what the book cannot see, and the verdict's determinism."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.books.instruments import InstrumentMap
from domain.books.limits import (
    BookLimit,
    BookLimitKind,
    BookOrder,
    BookReason,
    InvalidBookLimit,
    MemberFigures,
    judge,
)

D = Decimal
K = BookLimitKind
USD = {"USD": D(1), "EUR": D("1.10")}


def member(account: str, **fields: object) -> MemberFigures:
    values: dict[str, object] = {
        "currency": "USD",
        "gross": D(0),
        "net": D(0),
        "equity": D(100_000),
        "start_of_day_equity": D(100_000),
        **fields,
    }
    return MemberFigures(account, **values)  # type: ignore[arg-type]


def buy(account: str, quantity: str, value: str, instrument: str = "AAPL") -> BookOrder:
    return BookOrder(account, instrument, True, D(quantity), D(value))


def sell(account: str, quantity: str, value: str, instrument: str = "AAPL") -> BookOrder:
    return BookOrder(account, instrument, False, D(quantity), D(value))


def reasons(*limits: BookLimit, members: Mapping[str, MemberFigures | None], order: BookOrder,
            peak: str = "0") -> list[BookReason]:  # fmt: skip
    return [b.reason for b in judge(limits, members, USD, order, D(peak))]


# -- exposure across venues ----------------------------------------------------------------


def test_an_order_on_one_venue_is_denied_for_exposure_held_on_another() -> None:
    # Arrange: 60,000 gross at Alpaca, 30,000 at IBKR; a 100,000 gross cap on the book
    members = {
        "alpaca": member("alpaca", gross=D(60_000), net=D(60_000)),
        "ibkr": member("ibkr", gross=D(30_000), net=D(30_000)),
    }
    cap = BookLimit(K.GROSS_EXPOSURE, D(100_000))

    # Act
    over = reasons(cap, members=members, order=buy("ibkr", "100", "10000.01"))
    at = reasons(cap, members=members, order=buy("ibkr", "100", "10000"))

    # Assert: 100,000.01 is over; exactly 100,000 is at the cap and passes
    assert over == [BookReason.GROSS_EXPOSURE]
    assert at == []


def test_exposure_in_another_currency_counts_at_the_books_rate() -> None:
    # Arrange: 50,000 EUR at 1.10 is 55,000 USD
    members = {
        "eu": member("eu", currency="EUR", gross=D(50_000), net=D(50_000)),
        "us": member("us"),
    }
    cap = BookLimit(K.GROSS_EXPOSURE, D(60_000))

    # Act / Assert
    assert reasons(cap, members=members, order=buy("us", "1", "5000")) == []
    assert reasons(cap, members=members, order=buy("us", "1", "5000.01")) == [
        BookReason.GROSS_EXPOSURE
    ]


def test_net_exposure_may_always_come_closer_to_zero() -> None:
    # Arrange: already 120,000 net long against a 100,000 cap
    members = {"a": member("a", gross=D(120_000), net=D(120_000)), "b": member("b")}
    cap = BookLimit(K.NET_EXPOSURE, D(100_000))

    # Act / Assert: a sell in the other account reduces |net|; a buy does not
    assert reasons(cap, members=members, order=sell("b", "10", "1000")) == []
    assert reasons(cap, members=members, order=buy("b", "1", "1")) == [BookReason.NET_EXPOSURE]


def test_one_instrument_held_on_two_exchanges_is_one_holding() -> None:
    # Arrange: 3 BTC at Binance (BTC/USDT) and 1.5 at Kraken (BTC/USD), a 5 BTC limit
    names = InstrumentMap()
    members = {
        "binance": member("binance", holdings={names.canonical("BTC/USDT"): D(3)}),
        "kraken": member("kraken", holdings={names.canonical("BTC/USD"): D("1.5")}),
    }
    limit = BookLimit(K.POSITION, D(5), instrument="BTC")

    # Act
    fits = reasons(limit, members=members, order=buy("kraken", "0.5", "30000", "BTC"))
    over = reasons(limit, members=members, order=buy("kraken", "0.50000001", "30000", "BTC"))

    # Assert
    assert (fits, over) == ([], [BookReason.POSITION])


def test_an_owners_explicit_name_comes_before_the_pair_rule() -> None:
    # Arrange
    names = InstrumentMap({"BRK/B": "BRK.B"})

    # Act / Assert
    assert [names.canonical(s) for s in ("BRK/B", "eth/usdt", "AAPL")] == ["BRK.B", "ETH", "AAPL"]


# -- loss, drawdown, leverage, orders ------------------------------------------------------


def test_the_books_daily_loss_at_its_limit_denies_new_risk_but_not_closing() -> None:
    # Arrange: two members down 3,000 and 2,000 from their start of day; a 5,000 limit
    members = {
        "a": member("a", equity=D(97_000), holdings={"AAPL": D(10)}),
        "b": member("b", equity=D(98_000)),
    }
    limit = BookLimit(K.DAILY_LOSS, D(5_000))

    # Act / Assert: a new buy is denied; selling what "a" holds is not
    assert reasons(limit, members=members, order=buy("b", "1", "100")) == [BookReason.DAILY_LOSS]
    assert reasons(limit, members=members, order=sell("a", "10", "1000")) == []


def test_drawdown_trails_the_books_peak_equity() -> None:
    # Arrange: equity 180,000 against a peak of 200,000 is 10% down
    members = {"a": member("a", equity=D(90_000)), "b": member("b", equity=D(90_000))}
    limit = BookLimit(K.DRAWDOWN, D("0.10"))

    # Act / Assert
    at = reasons(limit, members=members, order=buy("a", "1", "1"), peak="200000")
    under = reasons(limit, members=members, order=buy("a", "1", "1"), peak="199999")
    assert (at, under) == ([BookReason.DRAWDOWN], [])


def test_leverage_counts_the_order_over_the_books_equity() -> None:
    # Arrange: equity 200,000, gross 300,000: 1.5x before the order
    members = {
        "a": member("a", gross=D(300_000), net=D(300_000)),
        "b": member("b"),
    }
    limit = BookLimit(K.LEVERAGE, D(2))

    # Act / Assert: 400,000 / 200,000 = 2x passes; a cent more does not
    assert reasons(limit, members=members, order=buy("b", "1", "100000")) == []
    assert reasons(limit, members=members, order=buy("b", "1", "100000.01")) == [
        BookReason.LEVERAGE
    ]


def test_orders_per_day_count_every_member() -> None:
    # Arrange
    members = {"a": member("a", orders_today=6), "b": member("b", orders_today=3)}
    limit = BookLimit(K.ORDERS_PER_DAY, D(10))

    # Act / Assert: the tenth passes; with one more sent, the eleventh does not
    assert reasons(limit, members=members, order=buy("a", "1", "1")) == []
    members["b"] = member("b", orders_today=4)
    assert reasons(limit, members=members, order=buy("a", "1", "1")) == [BookReason.ORDERS_PER_DAY]


# -- fail closed ---------------------------------------------------------------------------


def test_a_member_whose_state_is_unknown_fails_the_book_closed() -> None:
    # Act
    found = reasons(
        BookLimit(K.GROSS_EXPOSURE, D(10**9)),
        members={"a": member("a"), "b": None},
        order=buy("a", "1", "1"),
    )

    # Assert
    assert found == [BookReason.STATE_UNKNOWN]


def test_a_member_currency_without_a_rate_fails_the_book_closed() -> None:
    # Act
    found = reasons(
        BookLimit(K.GROSS_EXPOSURE, D(10**9)),
        members={"a": member("a"), "jp": member("jp", currency="JPY")},
        order=buy("a", "1", "1"),
    )

    # Assert
    assert found == [BookReason.FX_UNKNOWN]


@pytest.mark.parametrize(
    ("kind", "limit", "instrument"),
    [
        (K.GROSS_EXPOSURE, "-1", None),
        (K.DRAWDOWN, "1.5", None),
        (K.GROSS_EXPOSURE, "NaN", None),
        (K.NET_EXPOSURE, "10", "AAPL"),
    ],
)
def test_a_malformed_limit_is_refused(
    kind: BookLimitKind, limit: str, instrument: str | None
) -> None:
    # Act / Assert
    with pytest.raises(InvalidBookLimit):
        BookLimit(kind, D(limit), instrument)


# -- determinism ---------------------------------------------------------------------------

_money = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)
_signed = st.decimals(min_value=-(10**7), max_value=10**7, places=2, allow_nan=False)
_member = st.builds(
    lambda gross, net, equity, start, held, orders: (gross, net, equity, start, held, orders),
    _money, _signed, _money, _money,
    st.decimals(min_value=-100, max_value=100, places=3, allow_nan=False),
    st.integers(0, 50),
)  # fmt: skip
_limit = st.builds(
    BookLimit,
    st.sampled_from(list(K)).filter(lambda k: k is not K.DRAWDOWN),
    st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False),
)


@given(
    figures=st.lists(_member, min_size=1, max_size=4),
    limits=st.lists(_limit, min_size=1, max_size=6),
    order_value=_money,
    order_buy=st.booleans(),
    order_quantity=st.decimals(min_value="0.001", max_value=100, places=3, allow_nan=False),
    shuffle=st.randoms(use_true_random=False),
)
def test_the_verdict_is_the_same_whatever_the_order_of_members_and_limits(
    figures: list[tuple[Decimal, Decimal, Decimal, Decimal, Decimal, int]],
    limits: list[BookLimit],
    order_value: Decimal,
    order_buy: bool,
    order_quantity: Decimal,
    shuffle: object,
) -> None:
    # Arrange
    members = {
        f"acc-{i}": member(
            f"acc-{i}", gross=g, net=n, equity=e, start_of_day_equity=s,
            holdings={"AAPL": h}, orders_today=o,
        )
        for i, (g, n, e, s, h, o) in enumerate(figures)
    }  # fmt: skip
    order = BookOrder("acc-0", "AAPL", order_buy, order_quantity, order_value)
    reordered_members = dict(reversed(list(members.items())))
    reordered_limits = list(reversed(limits))

    # Act
    first = judge(limits, members, USD, order, D(0))
    second = judge(reordered_limits, reordered_members, USD, order, D(0))

    # Assert
    assert first == second


@given(
    held=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    cap=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    smaller=st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False),
    extra=st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False),
)
def test_a_larger_buy_never_passes_a_gross_cap_a_smaller_one_breaks(
    held: Decimal, cap: Decimal, smaller: Decimal, extra: Decimal
) -> None:
    # Arrange
    members = {"a": member("a", gross=held, net=held)}
    limit = BookLimit(K.GROSS_EXPOSURE, cap)

    # Act
    small = judge([limit], members, USD, buy("a", "1", str(smaller)), D(0))
    large = judge([limit], members, USD, buy("a", "1", str(smaller + extra)), D(0))

    # Assert
    assert not (small and not large)
