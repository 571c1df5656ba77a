"""Black-Litterman: equilibrium returns, views, the posterior (He & Litterman 1999).

Conventions: the covariance S is annual; returns are annual fractions.

- Equilibrium (implied) returns: Pi = delta S w_mkt, w_mkt the market (or posted) weights,
  delta the risk aversion (He & Litterman: 2.5).
- Views: P (k x n) picks assets (an absolute view: one 1; a relative one: +1 / -1, any
  coefficients adding up to 0), Q (k) their expected returns, Omega (k x k, diagonal) their
  uncertainty: omega_k = p_k (tau S) p_k' (He & Litterman's default), or with a confidence
  c_k in (0, 1] omega_k = (1 - c_k) / c_k p_k (tau S) p_k' (Idzorek 2005, in the closed form
  of Walters, "The Black-Litterman Model in Detail", 2014, eq. 44-45): c = 1 holds the view
  exactly, c = 0.5 is He & Litterman's default.
- Posterior, in the form that needs no Omega^-1 (so a view held with certainty is allowed):
  mu_BL = Pi + tau S P' (P tau S P' + Omega)^-1 (Q - P Pi),
  M = tau S - tau S P' (P tau S P' + Omega)^-1 P tau S, S_BL = S + M.
- Weights: the mean-variance optimum max mu_BL'w - delta/2 w'Sw subject to the budget, the
  bounds and the constraints (Idzorek's w = (delta S)^-1 mu_BL when nothing binds): with no
  view mu_BL = Pi and the optimum is w_mkt itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from domain.analytics.optimization.errors import InvalidOptimizationInput
from domain.analytics.optimization.problem import FloatArray

DEFAULT_TAU = 0.05
DEFAULT_RISK_AVERSION = 2.5


@dataclass(frozen=True, slots=True)
class Views:
    """k views: P (k x n), Q (k), confidences (k; NaN: He & Litterman's default)."""

    picks: FloatArray
    returns: FloatArray
    confidences: FloatArray


@dataclass(frozen=True, slots=True)
class Posterior:
    equilibrium: FloatArray  # Pi
    mean: FloatArray  # mu_BL
    covariance: FloatArray  # S_BL = S + M
    omega: FloatArray  # the views' variances (diagonal of Omega)


def equilibrium_returns(
    covariance: FloatArray, market_weights: FloatArray, risk_aversion: float
) -> FloatArray:
    """Pi = delta S w_mkt."""
    implied: FloatArray = risk_aversion * covariance @ market_weights
    return implied


def view_variances(views: Views, covariance: FloatArray, tau: float) -> FloatArray:
    """omega_k = p_k tau S p_k', times (1 - c) / c where a confidence c is given."""
    base = np.einsum("ki,ij,kj->k", views.picks, tau * covariance, views.picks)
    c = views.confidences
    scale = np.where(np.isnan(c), 1.0, (1.0 - c) / np.where(np.isnan(c), 1.0, c))
    omega: FloatArray = base * scale
    return omega


def posterior(
    covariance: FloatArray,
    market_weights: FloatArray,
    risk_aversion: float,
    tau: float,
    views: Views | None,
) -> Posterior:
    """The Black-Litterman posterior mean and covariance (module doc)."""
    pi = equilibrium_returns(covariance, market_weights, risk_aversion)
    prior = tau * covariance
    if views is None or views.picks.shape[0] == 0:
        return Posterior(pi, pi, covariance + prior, np.zeros(0))
    picks = views.picks
    omega = view_variances(views, covariance, tau)
    middle = picks @ prior @ picks.T + np.diag(omega)
    try:
        gain = np.linalg.solve(middle, np.eye(len(omega)))
    except np.linalg.LinAlgError:
        raise InvalidOptimizationInput(
            "the views held with certainty contradict or repeat each other (P tau S P' + "
            "Omega is singular)",
            field="views",
        ) from None
    if not np.all(np.isfinite(gain)) or np.linalg.cond(middle) > 1e12:
        raise InvalidOptimizationInput(
            "the views held with certainty repeat each other (P tau S P' + Omega is singular)",
            field="views",
        )
    spread = prior @ picks.T @ gain
    mean: FloatArray = pi + spread @ (views.returns - picks @ pi)
    m = prior - spread @ picks @ prior
    post: FloatArray = covariance + (m + m.T) / 2.0
    return Posterior(pi, mean, post, omega)
