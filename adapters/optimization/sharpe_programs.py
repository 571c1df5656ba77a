"""Maximum-Sharpe programs compiled once per covariance and bounds, re-solved per excess return.

Tracing an efficient frontier asks for the tangency portfolio at ~20 risk-free rates on one
covariance and one set of bounds. cvxpy spends ~90 % of each such solve compiling the problem
into the conic solver's form (a 5-asset solve: ~25 ms, of which the solver ~2 ms). Written
with the excess returns as a cvxpy Parameter the program is DPP (disciplined parametrized
programming): cvxpy compiles it once and each later solve only substitutes the parameter.

The first sight of a (covariance, bounds) pair is not cached (a one-off optimisation pays the
plain compilation, cheaper than the parametrized one); the second builds the parametrized
program and keeps it, least recently used first out, at most `capacity` of them, and only for
up to MAX_KEPT_ASSETS assets (a compiled program holds tensors of the covariance's size: a
500-asset one would keep megabytes for a solve whose compilation is a small part of its
cost). A program's variables hold its last answer, so each program is solved under its own
lock (two requests on one covariance wait for each other; different ones do not).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from domain.analytics.optimization.bounds import WeightBounds
from domain.analytics.optimization.problem import FloatArray

MAX_KEPT_ASSETS = 100


def box(x: Any, bounds: WeightBounds, scale: Any) -> list[Any]:
    """l * scale <= x <= u * scale (scale: 1 or the homogenising variable)."""
    return [x >= scale * bounds.lower, x <= scale * bounds.upper]


class SharpeProgram:
    """min y'Sy s.t. e'y = 1, 1'y = k, l k <= y <= u k, k >= 0 (cvxpy_optimizer's module doc
    has the formulation), e the scaled excess returns: a parameter when `excess` is None (set
    `excess.value` before each solve), else that constant."""

    def __init__(
        self, cp: Any, unit: FloatArray, bounds: WeightBounds, excess: FloatArray | None = None
    ) -> None:
        n = unit.shape[0]
        self.excess: Any = cp.Parameter(n) if excess is None else None
        self.y = cp.Variable(n)
        self.k = cp.Variable(nonneg=True)
        returns = self.excess if excess is None else excess
        constraints = [returns @ self.y == 1, cp.sum(self.y) == self.k]
        constraints += box(self.y, bounds, self.k)
        objective = cp.Minimize(cp.quad_form(self.y, cp.psd_wrap(unit)))
        self.problem = cp.Problem(objective, constraints)
        self.lock = threading.Lock()


def _key(unit: FloatArray, bounds: WeightBounds) -> bytes:
    digest = hashlib.blake2b(digest_size=20)
    for part in (unit, bounds.lower, bounds.upper):
        digest.update(np.ascontiguousarray(part, dtype=np.float64).tobytes())
    digest.update(repr(unit.shape).encode())
    return digest.digest()


class SharpePrograms:
    """The compiled programs (module doc): `solving` lends the one to solve for a request."""

    def __init__(self, capacity: int = 8, max_assets: int = MAX_KEPT_ASSETS) -> None:
        self._capacity = capacity
        self._max_assets = max_assets
        self._kept: OrderedDict[bytes, SharpeProgram] = OrderedDict()
        self._seen: OrderedDict[bytes, None] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    @contextmanager
    def solving(
        self, cp: Any, unit: FloatArray, bounds: WeightBounds, excess: FloatArray
    ) -> Iterator[SharpeProgram]:
        """The program to solve for `excess`, for the block: the kept one for this covariance
        and bounds (its parameter set, its lock held), a new kept one on their second sight,
        else a plain one for this solve alone."""
        kept = self._kept_for(cp, unit, bounds)
        if kept is None:
            yield SharpeProgram(cp, unit, bounds, excess)
            return
        with kept.lock:
            kept.excess.value = excess
            yield kept

    def _kept_for(self, cp: Any, unit: FloatArray, bounds: WeightBounds) -> SharpeProgram | None:
        """The kept program for this covariance and bounds (built on their second sight), or
        None: seen first now, or not kept at all (capacity 0, too many assets)."""
        if self._capacity == 0 or unit.shape[0] > self._max_assets:
            return None
        key = _key(unit, bounds)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
            elif key in self._seen:
                del self._seen[key]
                kept = self._kept[key] = SharpeProgram(cp, unit, bounds)
                if len(self._kept) > self._capacity:
                    self._kept.popitem(last=False)
            else:
                self._seen[key] = None
                if len(self._seen) > 4 * self._capacity:
                    self._seen.popitem(last=False)
        return kept
