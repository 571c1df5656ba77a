"""The optimisation refusals: each a stable code, each naming the field at fault (422)."""

from __future__ import annotations

from domain.errors import DomainError


class InvalidOptimizationInput(DomainError):
    """A field is out of range or inconsistent (an unknown method, a risk budget that is not
    positive, expected returns of the wrong length, a return of -100 % or less, ...)."""

    code = "INVALID_OPTIMIZATION_INPUT"


class EmptyPortfolio(InvalidOptimizationInput):
    """No asset to allocate across."""

    code = "EMPTY_PORTFOLIO"


class TooManyAssets(InvalidOptimizationInput):
    """More assets, observations or cells than one request may ask for (a bounded request)."""

    code = "TOO_MANY_ASSETS"


class InsufficientObservations(InvalidOptimizationInput):
    """Too few return observations to estimate a covariance (or fewer than the assets, for
    the sample estimator, whose matrix is then singular)."""

    code = "INSUFFICIENT_OBSERVATIONS"


class NonFiniteReturns(InvalidOptimizationInput):
    """A return, price or covariance entry is missing (null), NaN or infinite."""

    code = "NON_FINITE_RETURNS"


class NegativePrice(InvalidOptimizationInput):
    """A price is zero or negative (returns are taken from strictly positive prices)."""

    code = "NEGATIVE_PRICE"


class SingularCovariance(InvalidOptimizationInput):
    """The covariance matrix is not symmetric positive definite: an asset with no variance,
    assets that are exact combinations of others, too few observations for the estimator."""

    code = "SINGULAR_COVARIANCE"


class InfeasibleBounds(InvalidOptimizationInput):
    """No fully invested portfolio fits the weight bounds (a lower bound above its upper
    bound, lower bounds adding to more than 1, upper bounds to less than 1), or the method's
    unique answer breaks a bound (risk parity)."""

    code = "WEIGHT_BOUNDS_INFEASIBLE"


class MaxSharpeUnattainable(InvalidOptimizationInput):
    """No portfolio within the bounds expects more than the risk-free rate: the Sharpe ratio
    has no positive maximum (the tangency portfolio does not exist)."""

    code = "MAX_SHARPE_UNATTAINABLE"


class OptimizationFailed(InvalidOptimizationInput):
    """The solver found no answer it could certify (numerically ill-posed input)."""

    code = "OPTIMIZATION_FAILED"


class ConstraintsInfeasible(InvalidOptimizationInput):
    """No portfolio meets the constraints together: sector floors and caps, the turnover
    limit, the tracking-error cap, with the bounds and the budget."""

    code = "CONSTRAINTS_INFEASIBLE"


class ConstraintNotSupported(InvalidOptimizationInput):
    """A constraint posted with a method that cannot honour it (a rule or a unique answer:
    risk parity, HRP, inverse volatility, equal weight)."""

    code = "CONSTRAINT_NOT_SUPPORTED"


class TargetReturnUnattainable(InvalidOptimizationInput):
    """No portfolio within the bounds expects the posted target return."""

    code = "TARGET_RETURN_UNATTAINABLE"


class StoredInputsMissing(InvalidOptimizationInput):
    """A stored portfolio or account cannot be optimised as asked: no priced holding, or the
    bar store lacks a symbol's closes over the posted range."""

    code = "STORED_INPUTS_MISSING"
