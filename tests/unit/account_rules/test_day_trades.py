"""Day trades from fills: what opens and closes on one trading day, the part held overnight
closed first, one day trade per closing order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.account_rules.day_trades import (
    DayTrade,
    Execution,
    SymbolDay,
    tally,
    working_day_trades,
)

D = Decimal
MON, TUE = date(2026, 11, 23), date(2026, 11, 24)


def fill(
    qty: int, order_id: str, day: date = MON, symbol: str = "AAPL", price: int = 10
) -> Execution:
    return Execution(day, symbol, order_id, D(qty), D(price))


def test_a_buy_then_a_sell_the_same_day_is_one_day_trade() -> None:
    # Act
    tallied = tally([fill(100, "b"), fill(-100, "s")], {}, MON)

    # Assert
    assert tallied.day_trades == {DayTrade(MON, "AAPL", "s")}


def test_a_position_closed_the_next_day_is_no_day_trade() -> None:
    # Act
    tallied = tally([fill(100, "b", MON), fill(-100, "s", TUE)], {}, TUE)

    # Assert
    assert tallied.day_trades == frozenset()
    assert tallied.start_of_today == {"AAPL": D(100)}


def test_a_short_sale_then_a_cover_the_same_day_is_one_day_trade() -> None:
    # Act
    tallied = tally([fill(-50, "short"), fill(50, "cover")], {}, MON)

    # Assert
    assert tallied.count({MON}) == 1


def test_what_was_held_overnight_is_closed_first() -> None:
    # Arrange: 100 held from before (a position set without fills), 100 bought today
    bought = [fill(100, "b")]

    # Act: selling 100 closes the overnight part; selling 150 reaches today's purchase
    sold_100 = tally([*bought, fill(-100, "s")], {"AAPL": D(100)}, MON)
    sold_150 = tally([*bought, fill(-150, "s")], {"AAPL": D(50)}, MON)

    # Assert
    assert sold_100.count({MON}) == 0
    assert sold_150.count({MON}) == 1


def test_one_closing_order_is_one_day_trade_however_many_fills_it_took() -> None:
    # Arrange: one sell filled in two parts; then a second sell order
    fills = [fill(100, "b"), fill(-30, "s1"), fill(-30, "s1"), fill(-40, "s2")]

    # Act
    tallied = tally(fills, {}, MON)

    # Assert
    assert tallied.count({MON}) == 2


def test_a_flip_closes_what_was_opened_and_opens_the_rest() -> None:
    # Act: long 10 opened today, a sale of 30 closes 10 and opens a short of 20
    tallied = tally([fill(10, "b"), fill(-30, "s")], {"AAPL": D(-20)}, MON)

    # Assert
    assert tallied.count({MON}) == 1
    assert tallied.symbols["AAPL"] == SymbolDay(held=D(0), opened=D(-20))
    assert tallied.opened_today_value == D(10 * 10 + 20 * 10)


def test_the_days_opening_value_keeps_what_was_closed_since() -> None:
    # Act: 100 at 10 opened and closed, 50 at 12 opened on Tuesday; Monday's purchase is not today's
    fills = [
        fill(20, "old", MON),
        fill(100, "b", TUE),
        fill(-100, "s", TUE),
        fill(50, "b2", TUE, price=12),
    ]
    tallied = tally(fills, {"AAPL": D(70)}, TUE)

    # Assert
    assert tallied.opened_today_value == D(100 * 10 + 50 * 12)


def test_a_working_order_that_would_close_todays_purchase_counts_as_a_day_trade() -> None:
    # Arrange: 100 bought today on top of 100 held overnight
    tallied = tally([fill(100, "b")], {"AAPL": D(200)}, MON)

    # Act: a working sale of 100 closes the overnight part; a second one reaches today's
    one, ahead = working_day_trades(tallied, {"AAPL": D(200)}, [("AAPL", D(-100))])
    two, _ = working_day_trades(tallied, {"AAPL": D(200)}, [("AAPL", D(-100)), ("AAPL", D(-1))])

    # Assert
    assert one == 0 and ahead == {"AAPL": D(100)}
    assert two == 1
    assert tallied.today_of("AAPL", D(200)).closes_opened(D(-1), ahead["AAPL"])
    assert not tallied.today_of("AAPL", D(200)).closes_opened(D(-100))


# -- properties ---------------------------------------------------------------------------

quantities = st.integers(min_value=-50, max_value=50).filter(bool)
days = st.sampled_from([MON, TUE])
fills_drawn = st.lists(st.tuples(days, st.sampled_from(["AAPL", "MSFT"]), quantities), max_size=20)


def executions(drawn: list[tuple[date, str, int]]) -> list[Execution]:
    ordered = sorted(enumerate(drawn), key=lambda item: (item[1][0], item[0]))
    return [fill(qty, f"o{n}", day, symbol) for n, (day, symbol, qty) in ordered]


def positions_after(fills: list[Execution], start: dict[str, Decimal]) -> dict[str, Decimal]:
    held = dict(start)
    for f in fills:
        held[f.symbol] = held.get(f.symbol, D(0)) + f.signed_quantity
    return held


@given(fills_drawn, st.tuples(quantities, st.sampled_from(["AAPL", "MSFT"])), st.integers(-30, 30))
def test_the_count_never_decreases_when_a_fill_is_added_later_in_the_window(
    drawn: list[tuple[date, str, int]], added: tuple[int, str], overnight: int
) -> None:
    # Arrange
    start = {"AAPL": D(overnight)}
    fills = executions(drawn)
    later = [*fills, fill(added[0], "later", TUE, added[1])]

    # Act
    before = tally(fills, positions_after(fills, start), TUE).count({MON, TUE})
    after = tally(later, positions_after(later, start), TUE).count({MON, TUE})

    # Assert
    assert after >= before


@given(fills_drawn, st.integers(-30, 30))
def test_today_replayed_ends_at_the_position_now(
    drawn: list[tuple[date, str, int]], overnight: int
) -> None:
    # Arrange
    fills = executions(drawn)
    now = positions_after(fills, {"AAPL": D(overnight)})

    # Act
    tallied = tally(fills, now, TUE)

    # Assert: held and opened add up to each position, and never point opposite ways
    for symbol, quantity in now.items():
        day = tallied.today_of(symbol, quantity)
        assert day.position == quantity
        assert day.held * day.opened >= 0
