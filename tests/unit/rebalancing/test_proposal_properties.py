"""Properties of a rebalance proposal over random households.

After the proposal's trades fill at the given prices (recomputed here from the trades, not
by the module under test), every symbol's weight is within its band of the target, or the
proposal names it in `unresolved`; no taxable lot is sold at a loss while the symbol was
bought within 30 days before or is bought by the same proposal; no account's cash goes
below zero and no lot sells more than it holds.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_DOWN
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.rebalancing.model import AccountHoldings, Lot, RecentBuy
from domain.rebalancing.proposal import Proposal, RebalanceSettings, propose

TODAY = date(2026, 11, 25)
SYMBOLS = ("AAA", "BBB", "CCC", "DDD")

money = st.integers(min_value=0, max_value=50_000).map(lambda c: D(c))
prices_st = st.fixed_dictionaries(
    {s: st.integers(min_value=100, max_value=50_000).map(lambda c: D(c) / 100) for s in SYMBOLS}
)


@st.composite
def accounts_st(draw: st.DrawFn) -> list[AccountHoldings]:
    accounts = []
    for n in range(draw(st.integers(min_value=1, max_value=3))):
        lots = tuple(
            Lot(
                f"a{n}l{k}",
                draw(st.sampled_from(SYMBOLS)),
                D(draw(st.integers(min_value=1, max_value=400))),
                D(draw(st.integers(min_value=100, max_value=4_000_000))) / 100,
                TODAY - timedelta(days=draw(st.integers(min_value=0, max_value=900))),
            )
            for k in range(draw(st.integers(min_value=0, max_value=5)))
        )
        raw = draw(st.lists(st.integers(min_value=0, max_value=10), min_size=4, max_size=4))
        total = max(sum(raw), 1) + draw(st.integers(min_value=0, max_value=3))
        target = {
            s: (D(w) / D(total)).quantize(D("0.0001"), rounding=ROUND_DOWN)
            for s, w in zip(SYMBOLS, raw, strict=True)
            if w
        }
        accounts.append(
            AccountHoldings(
                f"acct{n}", draw(money), lots, target, tax_advantaged=draw(st.booleans())
            )
        )
    return accounts


def _weights_after(
    accounts: list[AccountHoldings], proposal: Proposal, prices: dict[str, D]
) -> tuple[dict[str, D], D]:
    held = {s: D(0) for s in SYMBOLS}
    for account in accounts:
        for lot in account.lots:
            held[lot.symbol] += lot.quantity
    cash = sum((a.cash for a in accounts), D(0))
    for trade in proposal.trades:
        bought = trade.side == "buy"
        held[trade.symbol] += trade.quantity if bought else -trade.quantity
        cash += -trade.quantity * trade.price if bought else trade.quantity * trade.price
    value = cash + sum((held[s] * prices[s] for s in SYMBOLS), D(0))
    return {s: held[s] * prices[s] / value for s in SYMBOLS} if value else {}, value


@settings(max_examples=150, deadline=None)
@given(
    accounts=accounts_st(),
    prices=prices_st,
    band=st.sampled_from([D("0.01"), D("0.02"), D("0.05"), D("0.1")]),
    fractional=st.booleans(),
    recent=st.lists(
        st.tuples(st.sampled_from(SYMBOLS), st.integers(min_value=0, max_value=60)), max_size=3
    ),
)
def test_after_the_trades_every_weight_is_in_band_or_explained(
    accounts: list[AccountHoldings],
    prices: dict[str, D],
    band: D,
    fractional: bool,
    recent: list[tuple[str, int]],
) -> None:
    buys = [RecentBuy("acct0", s, TODAY - timedelta(days=d)) for s, d in recent]

    proposal = propose(accounts, prices, TODAY, buys, RebalanceSettings(band, fractional))

    weights, value = _weights_after(accounts, proposal, prices)
    target_value = {s: D(0) for s in SYMBOLS}
    for account in accounts:
        account_value = account.cash + sum(
            (lot.quantity * prices[lot.symbol] for lot in account.lots), D(0)
        )
        for symbol, fraction in account.target.items():
            target_value[symbol] += fraction * account_value
    named = {u.symbol for u in proposal.unresolved}
    for symbol in SYMBOLS:
        if value and abs(weights[symbol] - target_value[symbol] / value) > band + D("1e-7"):
            assert symbol in named, (symbol, weights[symbol], target_value[symbol] / value)
    washed = {s for s, d in recent if d <= 30} | {
        t.symbol for t in proposal.trades if t.side == "buy"
    }
    by_id = {(a.account_id, lot.id): (a, lot) for a in accounts for lot in a.lots}
    for sale in proposal.lot_sales:
        account, lot = by_id[(sale.account_id, sale.lot_id)]
        assert D(0) < sale.quantity <= lot.quantity
        if not account.tax_advantaged and sale.symbol in washed:
            assert sale.gain >= 0, sale
    for account in accounts:
        flow = sum(
            (
                t.value if t.side == "sell" else -t.value
                for t in proposal.trades
                if t.account_id == account.account_id
            ),
            D(0),
        )
        assert account.cash + flow >= 0
    if not fractional:
        assert all(t.quantity == t.quantity.to_integral_value() for t in proposal.trades)
