"""The model-based rater's features, and the simulated trade outcomes it is trained on.

Features (float32, in FEATURE_NAMES order), each clipped to a bounded range so an extreme
account cannot push the model outside what it was trained on:

- `max_rule_used`, `mean_rule_used`: the fraction of each size limit the order would use
  (TradeFacts.headroom; 1 = all of it, clipped to [0, 3]; 0 when no limit binds);
- `denied` (0/1) and `warnings` (count, at most 5) from the gate's decision;
- `volatility`: annualised (0.05..3; 0.3, a typical stock's, when unknown);
- `sentiment_alignment`: the symbol's news sentiment times the order's side (+1 buy, -1 sell):
  negative when the order goes against the news (0 when unknown);
- `concentration`: the sector's weight after the fill over its cap (0..3);
- `leverage`: initial margin requirement after the fill over equity (0..3; 3 when equity <= 0);
- `margin_buffer`: excess liquidity after the fill over equity (-1..1);
- `margin_breach` (0/1): the fill would cause a margin call or exceed buying power.

`simulate_outcomes` draws accounts and orders over those ranges, plays each trade over a
ten-day horizon (a normal return with the news drift and a jump risk that grows with bad
news), and labels the outcome: DANGER when the order is denied, breaches margin, ends with the
margin buffer gone or loses more than 5% of equity; CAUTION when it loses more than 1.5%,
uses >= 60% of a limit, fills the sector to >= 80% of its cap or draws a warning; SAFE
otherwise. Pure numpy with a seed: the same seed gives the same set.
"""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from domain.risk.analysis import RiskRating, TradeFacts

FEATURE_NAMES = (
    "max_rule_used",
    "mean_rule_used",
    "denied",
    "warnings",
    "volatility",
    "sentiment_alignment",
    "concentration",
    "leverage",
    "margin_buffer",
    "margin_breach",
)
RATINGS = (RiskRating.SAFE, RiskRating.CAUTION, RiskRating.DANGER)  # the model's class order
DEFAULT_VOLATILITY = 0.3
HORIZON_YEARS = 10.0 / 252.0


def _clip(value: float, low: float, high: float) -> float:
    if math.isnan(value):
        return low
    return min(max(value, low), high)


def _ratio(numerator: Decimal, denominator: Decimal, low: float, high: float) -> float:
    if denominator <= 0:
        return high
    return _clip(float(numerator / denominator), low, high)


def trade_features(facts: TradeFacts) -> npt.NDArray[np.float32]:
    """The feature vector of one prospective trade (module doc), shape [len(FEATURE_NAMES)]."""
    used = [_clip(float(h.used_fraction), 0.0, 3.0) for h in facts.headroom]
    margin = facts.margin
    vol = facts.context.volatility
    sentiment = facts.context.sentiment
    weight = facts.sector_weight_after
    concentration = 0.0 if weight is None else _ratio(weight, facts.sector_limit, 0.0, 3.0)
    values = (
        max(used, default=0.0),
        sum(used) / len(used) if used else 0.0,
        0.0 if facts.decision.approved else 1.0,
        float(min(len(facts.decision.warnings), 5)),
        _clip(vol, 0.05, 3.0) if vol is not None else DEFAULT_VOLATILITY,
        _clip(sentiment, -1.0, 1.0) * margin.side.sign if sentiment is not None else 0.0,
        concentration,
        _ratio(margin.initial_after, margin.equity_after, 0.0, 3.0),
        _ratio(margin.excess_after, margin.equity_after, -1.0, 1.0)
        if margin.equity_after > 0
        else -1.0,
        1.0 if margin.causes_margin_call or margin.exceeds_buying_power else 0.0,
    )
    return np.asarray(values, dtype=np.float32)


def simulate_outcomes(
    count: int, seed: int = 20
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """`count` simulated trades: features [count, 10] and labels (indices into RATINGS)."""
    if count < 1:
        raise ValueError("count must be >= 1")
    rng = np.random.default_rng(seed)
    stretched = rng.random(count) < 0.3
    max_used = np.where(stretched, rng.uniform(0.5, 1.6, count), rng.uniform(0.0, 1.0, count))
    mean_used = max_used * rng.uniform(0.3, 1.0, count)
    denied = (max_used > 1.0) | (rng.random(count) < 0.03)
    warnings = np.minimum(rng.poisson(0.3, count), 5)
    vol = np.clip(rng.lognormal(math.log(DEFAULT_VOLATILITY), 0.5, count), 0.05, 3.0)
    known = rng.random(count) < 0.6
    alignment = np.where(known, rng.uniform(-1.0, 1.0, count), 0.0)
    concentration = rng.uniform(0.0, 1.5, count)
    leverage = rng.uniform(0.0, 2.5, count)
    buffer = np.clip(1.0 - leverage * rng.uniform(0.4, 0.6, count), -1.0, 1.0)
    breach = (buffer < 0.0) | (rng.random(count) < 0.02)
    # The trade: a position of `size` x equity held over the horizon.
    size = np.clip(0.3 * max_used + 0.2 * concentration * rng.random(count), 0.0, 1.5)
    size *= (1.0 + leverage) / 2.0
    drift = 0.03 * alignment
    step = vol * math.sqrt(HORIZON_YEARS)
    jump = rng.random(count) < 0.02 * (1.0 + 2.0 * np.maximum(-alignment, 0.0))
    trade_return = drift + step * rng.standard_normal(count) - jump * 3.0 * step
    pnl = size * trade_return  # fraction of equity
    danger = denied | breach | (buffer + pnl < 0.0) | (pnl < -0.05)
    caution = (pnl < -0.015) | (max_used >= 0.6) | (concentration >= 0.8) | (warnings > 0)
    labels = np.where(danger, 2, np.where(caution, 1, 0)).astype(np.int64)
    features = np.column_stack(
        [max_used, mean_used, denied, warnings, vol, alignment, concentration, leverage,
         buffer, breach]
    ).astype(np.float32)  # fmt: skip
    return features, labels
