"""Chart series of an account's P&L and exposure (application/analytics/account_charts.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from application.analytics.account_charts import LivePoint, exposure_series, pnl_series
from ports.trading.equity import EquitySnapshot
from tests.kit.equity import cash_snapshot

D = Decimal
START = date(2026, 1, 5)
ZERO = D(0)
money = st.decimals(min_value=-(10**6), max_value=10**6, places=2)


def snapshot(
    k: int, equity: Decimal, flow: Decimal = ZERO, realized: Decimal = ZERO
) -> EquitySnapshot:
    day = START + timedelta(days=k)
    return cash_snapshot("acc-1", day, equity, net_flow=flow, realized_pnl=realized)


@given(st.lists(st.tuples(money, money, money), min_size=1, max_size=30))
def test_cumulative_pnl_is_the_equity_change_less_the_flows_since_the_first_day(
    days: list[tuple[Decimal, Decimal, Decimal]],
) -> None:
    snapshots = [snapshot(k, D(10**7) + e, f, r) for k, (e, f, r) in enumerate(days)]

    chart = pnl_series(snapshots, None)

    flows_after_first = sum((s.net_flow for s in snapshots[1:]), D(0))
    expected = snapshots[-1].equity - snapshots[0].equity - flows_after_first
    assert chart.series["P&L"][0] == 0.0
    assert chart.series["P&L"][-1] == float(expected)
    assert chart.series["Realized"][-1] == float(sum((s.realized_pnl for s in snapshots), D(0)))
    assert len(chart.x) == len(snapshots) and chart.x == sorted(chart.x)


def test_the_live_point_comes_after_the_last_snapshot_or_not_at_all() -> None:
    snapshots = [snapshot(0, D(1000)), snapshot(1, D(1100))]
    later = datetime.combine(START + timedelta(days=1), time(12), tzinfo=UTC)
    same_instant = datetime.combine(START + timedelta(days=1), time(), tzinfo=UTC)

    with_now = pnl_series(snapshots, LivePoint(later, D(1300), D(5), D(-5)))
    stale = exposure_series(snapshots, LivePoint(same_instant, D(1300), D(5), D(-5)))

    assert with_now.x[-1] == int(later.timestamp())
    assert with_now.series["P&L"] == [0.0, 100.0, 300.0]
    assert len(stale.x) == 2


def test_an_unmarked_holding_leaves_a_gap_rather_than_a_guess() -> None:
    now = datetime(2026, 2, 1, tzinfo=UTC)

    pnl = pnl_series([], LivePoint(now, None, None, None))
    exposure = exposure_series([], LivePoint(now, None, None, None))

    assert pnl.as_json() == {
        "x": [int(now.timestamp())],
        "series": {"P&L": [None], "Realized": [0.0]},
    }
    assert exposure.series == {"Gross": [None], "Net": [None]}
