"""A small household rebalanced by hand: the proposal must match the arithmetic below.

Prices: VTI 100, BND 50. Trade day 2026-11-25. Band 0.05.

Taxable account T (target VTI 0.6, BND 0.4), cash 0:
  T1 VTI 30 sh, basis 2,400 (80/sh), acquired 2023-01-10  -> long-term gain +20/sh
  T2 VTI 20 sh, basis 2,400 (120/sh), acquired 2025-06-01 -> loss -20/sh (long-term)
  T3 VTI 10 sh, basis   900 (90/sh),  acquired 2026-09-01 -> short-term gain +10/sh
  value T = 60 x 100 = 6,000
IRA account I (target VTI 0.4, BND 0.6), cash 1,000:
  I1 VTI 10 sh, basis 500;  I2 BND 20 sh, basis 1,100
  value I = 1,000 + 10 x 100 + 20 x 50 = 3,000
Household value V = 9,000.
  VTI: held 70 x 100 = 7,000 (0.77777778); target 0.6 x 6,000 + 0.4 x 3,000 = 4,800
       (0.53333333); drift +0.24444444, +2,200 -> out of band: sell 2,200 / 100 = 22 sh.
  BND: held 20 x 50 = 1,000 (0.11111111); target 0.4 x 6,000 + 0.6 x 3,000 = 4,200
       (0.46666667); drift -0.35555556, -3,200 -> out of band: buy 3,200 / 50 = 64 sh.
Sales, tax-aware order: the IRA's I1 first (10 sh, sheltered), then T's loss lot T2
(12 sh: proceeds 1,200, basis 2,400 x 12/20 = 1,440, gain -240, long-term). T1 and T3 untouched.
Cash after sales: I 1,000 + 1,000 = 2,000; T 0 + 1,200 = 1,200.
Buys of BND, the IRA first (both target BND): I 2,000 / 50 = 40 sh, then T 1,200 / 50 = 24 sh.
After: VTI 48 sh = 4,800, BND 84 sh = 4,200: both on target. Turnover (2,200 + 3,200) / 9,000
= 0.6. Realised taxable gain -240.00 (long-term).

With a VTI purchase 15 days before (2026-11-10), selling T2 at a loss would be a wash sale:
T2 is skipped and the next lot is T1 (long-term, highest basis of the gains): 12 sh, proceeds
1,200, basis 2,400 x 12/30 = 960, gain +240. T3's short-term gain is still avoided.

Per account, T: VTI weight 1 vs 0.6 (+0.4, +2,400), BND 0 vs 0.4 (-0.4, -2,400);
I: VTI 0.33333333 vs 0.4 (-0.06666667, -200), BND 0.33333333 vs 0.6 (-0.26666667, -800).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from domain.rebalancing.model import (
    AccountHoldings,
    Lot,
    RecentBuy,
    account_drifts,
    drift_of,
)
from domain.rebalancing.proposal import RebalanceSettings, apply_trades, propose

TODAY = date(2026, 11, 25)
PRICES = {"VTI": D(100), "BND": D(50)}
TAXABLE = AccountHoldings(
    "T",
    cash=D(0),
    lots=(
        Lot("T1", "VTI", D(30), D(2400), date(2023, 1, 10)),
        Lot("T2", "VTI", D(20), D(2400), date(2025, 6, 1)),
        Lot("T3", "VTI", D(10), D(900), date(2026, 9, 1)),
    ),
    target={"VTI": D("0.6"), "BND": D("0.4")},
)
IRA = AccountHoldings(
    "I",
    cash=D(1000),
    lots=(
        Lot("I1", "VTI", D(10), D(500), date(2020, 1, 1)),
        Lot("I2", "BND", D(20), D(1100), date(2022, 3, 1)),
    ),
    target={"VTI": D("0.4"), "BND": D("0.6")},
    tax_advantaged=True,
)
HOUSEHOLD = [TAXABLE, IRA]


def _trades(proposal: object) -> list[tuple[str, str, str, D]]:
    return [(t.account_id, t.symbol, t.side, t.quantity) for t in proposal.trades]  # type: ignore[attr-defined]


def test_household_drift_matches_the_hand_computation() -> None:
    drift = drift_of(HOUSEHOLD, PRICES, D("0.05"))

    rows = {s.symbol: s for s in drift.symbols}
    assert drift.value == D("9000.00")
    assert (rows["VTI"].weight, rows["VTI"].target_weight) == (D("0.77777778"), D("0.53333333"))
    assert rows["VTI"].drift_value == D(2200)
    assert rows["BND"].drift_weight == D("-0.35555556")
    assert rows["BND"].drift_value == D(-3200)
    assert all(s.out_of_band for s in drift.symbols)


def test_account_drift_matches_the_hand_computation() -> None:
    taxable, ira = account_drifts(HOUSEHOLD, PRICES, D("0.05"))

    t_rows = {s.symbol: (s.drift_weight, s.drift_value) for s in taxable.symbols}
    i_rows = {s.symbol: (s.drift_weight, s.drift_value) for s in ira.symbols}
    assert t_rows == {"VTI": (D("0.4"), D(2400)), "BND": (D("-0.4"), D(-2400))}
    assert i_rows == {"VTI": (D("-0.06666667"), D(-200)), "BND": (D("-0.26666667"), D(-800))}


def test_proposal_sells_ira_then_the_loss_lot_and_buys_ira_first() -> None:
    proposal = propose(HOUSEHOLD, PRICES, TODAY, settings=RebalanceSettings(band=D("0.05")))

    assert _trades(proposal) == [
        ("I", "VTI", "sell", D(10)),
        ("T", "VTI", "sell", D(12)),
        ("I", "BND", "buy", D(40)),
        ("T", "BND", "buy", D(24)),
    ]
    sales = {s.lot_id: (s.quantity, s.basis, s.gain, s.term) for s in proposal.lot_sales}
    assert sales == {
        "I1": (D(10), D(500), D(500), "sheltered"),
        "T2": (D(12), D(1440), D(-240), "long"),
    }
    assert proposal.realised_gain() == D("-240.00")
    assert proposal.turnover == D("0.6")
    assert proposal.unresolved == ()
    assert proposal.wash_free_after == {"VTI": date(2026, 12, 26)}
    after = drift_of(apply_trades(HOUSEHOLD, proposal.trades), PRICES, D("0.05"))
    assert {s.symbol: s.drift_value for s in after.symbols} == {"BND": D(0), "VTI": D(0)}


def test_a_recent_buy_keeps_the_loss_lot_and_sells_the_long_term_gain_instead() -> None:
    recent = [RecentBuy("T", "VTI", date(2026, 11, 10))]

    proposal = propose(HOUSEHOLD, PRICES, TODAY, recent)

    sales = {s.lot_id: (s.quantity, s.basis, s.gain, s.term) for s in proposal.lot_sales}
    assert sales == {
        "I1": (D(10), D(500), D(500), "sheltered"),
        "T1": (D(12), D(960), D(240), "long"),
    }
    assert proposal.realised_gain("long") == D("240.00")
    assert proposal.realised_gain("short") == D("0.00")
    assert proposal.wash_free_after == {}


def test_a_buy_older_than_the_window_does_not_block_the_loss() -> None:
    recent = [RecentBuy("I", "VTI", date(2026, 10, 25))]  # 31 days before

    proposal = propose(HOUSEHOLD, PRICES, TODAY, recent)

    assert "T2" in {s.lot_id for s in proposal.lot_sales}


def test_within_band_nothing_trades() -> None:
    proposal = propose(HOUSEHOLD, PRICES, TODAY, settings=RebalanceSettings(band=D("0.4")))

    assert proposal.trades == ()
    assert proposal.turnover == D(0)
