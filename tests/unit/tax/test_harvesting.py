"""Harvesting: candidates, wash-sale windows, savings after netting, replacements, projection."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.tax.brackets import BRACKETS_2025_SINGLE, flat_rates
from domain.tax.harvesting import (
    LotLoss,
    PendingBuy,
    RecentBuy,
    Threshold,
    YearPosition,
    correlations,
    project_year,
    replacements_for,
    savings_of,
    screen_lots,
)
from domain.tax.lots import TaxLot
from domain.tax.methods import Term

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

D = Decimal
TODAY = date(2025, 11, 20)


def Lot(
    lot_id: str,
    account_id: str,
    symbol: str,
    quantity: Decimal,
    basis: Decimal,
    acquired: date,
    currency: str = "USD",
) -> TaxLot:
    return TaxLot(lot_id, account_id, symbol, quantity, basis, acquired, acquired, currency)


def _screen(lots, prices, *, buys=(), pending=(), threshold=None, identical=None, taxable=None):
    kwargs = {} if identical is None else {"identical": identical}
    return screen_lots(
        lots,
        prices,
        today=TODAY,
        taxable_accounts=frozenset(taxable or {"brk", "brk2"}),
        recent_buys=list(buys),
        pending_buys=list(pending),
        threshold=threshold or Threshold(),
        **kwargs,
    )


def test_a_loser_above_both_thresholds_is_a_candidate_with_its_term():
    # Arrange: 100 sh bought at 50 -> worth 40: loss 1,000 (20% of basis)
    lots = [
        Lot("L1", "brk", "XYZ", D(100), D(5000), date(2024, 1, 2)),
        Lot("L2", "brk", "XYZ", D(10), D(450), date(2025, 6, 1)),  # loss 50 (11%)
        Lot("L3", "brk", "ABC", D(10), D(100), date(2025, 6, 1)),  # a gain
    ]

    # Act
    found = _screen(lots, {"XYZ": D(40), "ABC": D(20)}, threshold=Threshold(D(100), D("0.1")))

    # Assert
    assert [c.lot.id for c in found.candidates] == ["L1"]
    assert found.candidates[0].loss == D(1000)
    assert found.candidates[0].term is Term.LONG
    assert found.blocked == ()


def test_a_buy_of_the_symbol_in_any_account_within_30_days_blocks_the_lot():
    # Arrange: an IRA bought XYZ 30 days ago (inside the window); another buy 31 days ago
    lots = [Lot("L1", "brk", "XYZ", D(100), D(5000), date(2024, 1, 2))]
    buys = [
        RecentBuy("B1", "ira", "XYZ", TODAY - timedelta(days=30)),
        RecentBuy("B0", "brk", "XYZ", TODAY - timedelta(days=31)),
    ]

    # Act
    found = _screen(lots, {"XYZ": D(40)}, buys=buys)

    # Assert
    assert found.candidates == ()
    ((blocked, blocks),) = found.blocked
    assert blocked.lot.id == "L1"
    assert [(b.kind, b.ref, b.account_id) for b in blocks] == [("recent_buy", "B1", "ira")]


def test_the_lots_own_purchase_does_not_wash_it():
    # Arrange: bought 10 days ago, already down: its own buy is not a replacement
    lots = [Lot("L9", "brk", "XYZ", D(10), D(500), TODAY - timedelta(days=10))]

    # Act
    found = _screen(lots, {"XYZ": D(40)}, buys=[RecentBuy("L9", "brk", "XYZ", lots[0].acquired)])

    # Assert
    assert [c.lot.id for c in found.candidates] == ["L9"]
    assert found.candidates[0].term is Term.SHORT


def test_a_pending_buy_order_of_a_substantially_identical_symbol_blocks():
    # Arrange: GOOG and GOOGL are one group; an open BUY order of GOOGL in a trading account
    groups = {"GOOGL": "GOOG"}
    lots = [Lot("L1", "brk", "GOOG", D(10), D(2000), date(2025, 1, 2))]

    # Act
    found = _screen(
        lots,
        {"GOOG": D(150)},
        pending=[PendingBuy("O1", "brk2", "GOOGL")],
        identical=lambda s: groups.get(s, s),
    )

    # Assert
    ((_, blocks),) = found.blocked
    assert [(b.kind, b.ref) for b in blocks] == [("pending_buy", "O1")]


def test_ira_lots_are_not_harvested_and_unpriced_or_foreign_lots_are_named():
    # Arrange
    lots = [
        Lot("I1", "ira", "XYZ", D(10), D(1000), date(2025, 1, 2)),
        Lot("U1", "brk", "NOPRICE", D(10), D(1000), date(2025, 1, 2)),
        Lot("F1", "brk", "XYZ", D(10), D(1000), date(2025, 1, 2), currency="EUR"),
    ]

    # Act
    found = _screen(lots, {"XYZ": D(40)})

    # Assert
    assert found.candidates == ()
    assert set(found.skipped) == {("U1", "UNPRICED"), ("F1", "CURRENCY")}


def _loss(lot_id, loss, term, symbol="XYZ"):
    lot = Lot(lot_id, "brk", symbol, D(1), loss, date(2024, 1, 1))
    return LotLoss(lot, D(0), D(0), loss, term)


def test_short_loss_against_short_gains_saves_the_ordinary_rate():
    # Arrange: single, 100,000 ordinary + 10,000 short-term gains -> taxed at 110,000 (24%)
    position = YearPosition(D(100000), D(10000), D(0))

    # Act: harvest a 4,000 short-term loss -> 106,000, still in the 24% band
    saved = savings_of(position, BRACKETS_2025_SINGLE, [_loss("L1", D(4000), Term.SHORT)])

    # Assert
    assert saved == D("960.00")


def test_long_loss_against_long_gains_saves_the_ltcg_rate():
    # Arrange: 100,000 ordinary + 20,000 long-term gains (15% band)
    position = YearPosition(D(100000), D(0), D(20000))

    # Act
    saved = savings_of(position, BRACKETS_2025_SINGLE, [_loss("L1", D(5000), Term.LONG)])

    # Assert
    assert saved == D("750.00")


def test_long_loss_meeting_short_gains_saves_the_ordinary_rate_after_netting():
    # Arrange: only short-term gains: a long-term loss nets against them (Schedule D)
    position = YearPosition(D(100000), D(5000), D(0))

    # Act
    saved = savings_of(position, BRACKETS_2025_SINGLE, [_loss("L1", D(5000), Term.LONG)])

    # Assert: 105,000 -> 100,000: 1,650 at 24% + 3,350 at 22% = 396 + 737
    assert saved == D("1133.00")


def test_a_short_loss_under_stacked_long_gains_also_moves_them_to_a_lower_band():
    # Arrange: single, 40,000 ordinary + 20,000 long-term gains (8,350 at 0%, 11,650 at 15%)
    position = YearPosition(D(40000), D(0), D(20000))

    # Act: a 1,000 short-term loss nets against the long-term gain first (Schedule D)
    saved = savings_of(position, BRACKETS_2025_SINGLE, [_loss("L1", D(1000), Term.SHORT)])

    # Assert: 19,000 long-term on 40,000 ordinary: 8,350 at 0%, 10,650 at 15%: 150 saved
    assert saved == D("150.00")


def test_a_loss_past_the_gains_saves_only_the_3000_offset_and_carries_the_rest():
    # Arrange: no gains this year
    position = YearPosition(D(100000), D(0), D(0))
    harvest = [_loss("L1", D(10000), Term.SHORT)]

    # Act
    saved = savings_of(position, BRACKETS_2025_SINGLE, harvest)
    projection = project_year(
        position, BRACKETS_2025_SINGLE, tax_year=2025, harvest=harvest, remaining=[], moves=[D(0)]
    )

    # Assert: 3,000 at 22%; 7,000 short-term carried forward
    assert saved == D("660.00")
    assert projection.after_harvest.carryforward_short == D(7000)
    assert projection.harvested_short == D(-10000)


def test_scenarios_move_the_remaining_lots_and_tax_them_sold_at_year_end():
    # Arrange: flat 30% / 15%; one remaining lot: basis 1,000, worth 1,200, acquired 2025-01-02
    # (held > 1 year by 2025-12-31? no: short); one harvested long loss of 500
    position = YearPosition(D(0), D(0), D(0))
    lot = Lot("R1", "brk", "ABC", D(10), D(1000), date(2025, 1, 2))
    held = LotLoss(lot, D(120), D(1200), D(-200), Term.SHORT)
    flat = flat_rates(D("0.30"), D("0.15"))

    # Act
    projection = project_year(
        position,
        flat,
        tax_year=2025,
        harvest=[_loss("H1", D(500), Term.LONG)],
        remaining=[held],
        moves=[D("-0.2"), D(0), D("0.2")],
    )

    # Assert: -20%: 960 - 1000 = -40 short; +20%: 1440 - 1000 = +440 short
    down, flat_case, up = projection.scenarios
    assert (down.unrealized_short, flat_case.unrealized_short, up.unrealized_short) == (
        D(-40),
        D(200),
        D(440),
    )
    # +20%: short 440 with long -500 -> net -60 -> a loss: no tax
    assert up.year.tax == D(0)
    # 0%: short 200, long -500 -> net loss 300 (no ordinary income to offset: carried)
    assert flat_case.year.carryforward_long == D(300)


def _walk(seed, n=300):
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, 0.01, n)


def _closes(returns, start=date(2025, 1, 1)):
    prices = 100.0 * np.exp(np.concatenate([[0.0], np.cumsum(returns)]))
    return [(start + timedelta(days=k), float(p)) for k, p in enumerate(prices)]


def test_correlations_match_numpy_pearson_on_log_returns():
    # Arrange: B follows A closely, C is independent
    a = _walk(1)
    b = a + _walk(2) * 0.2
    c = _walk(3)
    closes = {"A": _closes(a), "B": _closes(b), "C": _closes(c)}

    # Act
    table = correlations(closes)

    # Assert: the reference is numpy's corrcoef on the same log returns
    expected = np.corrcoef(np.vstack([a, b, c]))
    assert table.symbols == ("A", "B", "C")
    np.testing.assert_allclose(table.matrix, expected, atol=1e-10)
    assert int(table.observations[0, 1]) == 300


def test_correlations_use_only_common_days():
    # Arrange: B misses its last 100 days
    a, b = _walk(1), _walk(1)
    closes = {"A": _closes(a), "B": _closes(b)[:201]}

    # Act
    table = correlations(closes)

    # Assert
    assert int(table.observations[0, 1]) == 200
    assert table.matrix[0, 1] == pytest.approx(1.0)


def test_replacements_are_highly_correlated_and_never_substantially_identical():
    # Arrange: B and D track A; D is in A's identical group; C does not track
    a = _walk(1)
    closes = {
        "A": _closes(a),
        "B": _closes(a + _walk(2) * 0.2),
        "C": _closes(_walk(3)),
        "D": _closes(a + _walk(4) * 0.1),
    }
    table = correlations(closes)
    groups = {"D": "A"}

    # Act
    found = replacements_for("A", table, identical=lambda s: groups.get(s, s))

    # Assert
    assert [r.symbol for r in found] == ["B"]
    assert found[0].correlation >= 0.9


def test_too_few_common_returns_give_no_correlation():
    # Act
    table = correlations({"A": _closes(_walk(1, 10)), "B": _closes(_walk(2, 10))})

    # Assert
    assert np.isnan(table.matrix[0, 1])
    assert replacements_for("A", table) == ()


@settings(max_examples=50, deadline=None)
@given(
    ordinary=st.integers(0, 800_000).map(Decimal),
    short=st.integers(-100_000, 100_000).map(Decimal),
    long=st.integers(-100_000, 100_000).map(Decimal),
    loss=st.integers(1, 50_000).map(Decimal),
    term=st.sampled_from([Term.SHORT, Term.LONG]),
)
def test_harvesting_a_loss_never_raises_the_tax_nor_saves_more_than_the_stacked_top_rate(
    ordinary, short, long, loss, term
):
    # Arrange
    position = YearPosition(ordinary, short, long)

    # Act
    saved = savings_of(position, BRACKETS_2025_SINGLE, [_loss("L", loss, term)])

    # Assert: a dollar less of ordinary income can also pull a dollar of long-term gain into a
    # lower LTCG band (gains stack on ordinary income), so the bound is 37% + 20%, not 37%
    assert D(0) <= saved <= (loss * D("0.57")).quantize(D("0.01")) + D("0.01")
