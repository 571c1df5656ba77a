"""Splitting an amount of money by weights, to the cent, without losing or making a cent."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

from domain.numbers import CENT


def split(amount: Decimal, weights: Sequence[float]) -> list[Decimal]:
    """amount x weight_i rounded down to the cent, then the cents left over handed out one at a
    time to the largest remainders (Hamilton's method): the parts add up to amount x
    sum(weights) rounded down to the cent (all of it when the weights add up to 1)."""
    exact = [amount * Decimal(repr(w)) for w in weights]
    parts = [e.quantize(CENT, rounding=ROUND_DOWN) for e in exact]
    target = (amount * Decimal(repr(sum(weights)))).quantize(CENT, rounding=ROUND_DOWN)
    target = min(target, amount)
    left = int((target - sum(parts, Decimal(0))) / CENT)
    order = sorted(range(len(parts)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: max(left, 0)]:
        parts[i] += CENT
    return parts
