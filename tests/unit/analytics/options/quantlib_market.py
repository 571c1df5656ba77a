"""QuantLib, the reference the option kernels are checked against: one flat market on TODAY."""

from __future__ import annotations

import QuantLib as ql

TODAY = ql.Date(15, ql.January, 2025)
DAY_COUNT = ql.Actual365Fixed()


def flat_market(spot: float, vol: float, rate: float, div: float) -> ql.BlackScholesMertonProcess:
    """A Black-Scholes-Merton process on flat dividend, rate and volatility curves, with TODAY
    set as QuantLib's evaluation date."""
    ql.Settings.instance().evaluationDate = TODAY
    return ql.BlackScholesMertonProcess(
        ql.QuoteHandle(ql.SimpleQuote(spot)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, div, DAY_COUNT)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, rate, DAY_COUNT)),
        ql.BlackVolTermStructureHandle(
            ql.BlackConstantVol(TODAY, ql.NullCalendar(), vol, DAY_COUNT)
        ),
    )


def payoff(strike: float, call: bool) -> ql.PlainVanillaPayoff:
    return ql.PlainVanillaPayoff(ql.Option.Call if call else ql.Option.Put, strike)


def european(strike: float, days: int, call: bool) -> ql.VanillaOption:
    """A European call or put expiring `days` after TODAY."""
    return ql.VanillaOption(payoff(strike, call), ql.EuropeanExercise(TODAY + days))
