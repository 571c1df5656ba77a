from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.optimize_portfolio_optimization_in_bounds_type_0 import OptimizePortfolioOptimizationInBoundsType0
  from ..models.optimize_portfolio_optimization_in_risk_budgets_type_0 import OptimizePortfolioOptimizationInRiskBudgetsType0





T = TypeVar("T", bound="OptimizePortfolioOptimizationIn")



@_attrs_define
class OptimizePortfolioOptimizationIn:
    """ What to optimise: `assets`, then exactly one of `returns`, `prices` or `covariance`.

        Attributes:
            assets (list[str]): 1 to 1,000 unique asset names
            method (str): min_variance, max_sharpe, risk_parity, hrp, max_diversification, min_cvar, inverse_volatility or
                equal_weight (docs/optimization.md)
            bounds (None | OptimizePortfolioOptimizationInBoundsType0 | Unset): Per-asset bounds by asset name
            confidence (float | Unset): min_cvar: the confidence level of the expected shortfall minimised, 0.5 to 0.999
                (0.95: the mean loss of the worst 5 % of the posted periods)
            covariance (list[list[float | None]] | None | Unset): An annual covariance matrix (n x n, symmetric positive
                definite) instead of returns
            covariance_estimator (str | Unset): ledoit_wolf (default) or sample
            expected_returns (list[float | None] | None | Unset): Annual expected returns per asset (fractions); default:
                the mean return x periods_per_year
            long_only (bool | Unset): Default true; false allows short weights
            max_weight (float | None | Unset): Every asset's upper bound (default 1)
            min_weight (float | None | Unset): Every asset's lower bound (default 0, or -1 long-short)
            periods_per_year (int | Unset): Periods a year of the returns (252 daily, 52, 12)
            prices (list[list[float | None]] | None | Unset): Prices (> 0), oldest first, one column per asset: returns are
                p_t / p_(t-1) - 1
            returns (list[list[float | None]] | None | Unset): Simple returns per period, oldest first: one row per period,
                one column per asset; 20 to 10,000 rows, at most 2,000,000 values
            risk_budgets (None | OptimizePortfolioOptimizationInRiskBudgetsType0 | Unset): risk_parity: each asset's share
                of the risk, > 0, adding up to 1 (default equal)
            risk_free_rate (float | Unset): Annual fraction (0.04 = 4 %), default 0
     """

    assets: list[str]
    method: str
    bounds: None | OptimizePortfolioOptimizationInBoundsType0 | Unset = UNSET
    confidence: float | Unset = UNSET
    covariance: list[list[float | None]] | None | Unset = UNSET
    covariance_estimator: str | Unset = UNSET
    expected_returns: list[float | None] | None | Unset = UNSET
    long_only: bool | Unset = UNSET
    max_weight: float | None | Unset = UNSET
    min_weight: float | None | Unset = UNSET
    periods_per_year: int | Unset = UNSET
    prices: list[list[float | None]] | None | Unset = UNSET
    returns: list[list[float | None]] | None | Unset = UNSET
    risk_budgets: None | OptimizePortfolioOptimizationInRiskBudgetsType0 | Unset = UNSET
    risk_free_rate: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.optimize_portfolio_optimization_in_bounds_type_0 import OptimizePortfolioOptimizationInBoundsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_risk_budgets_type_0 import OptimizePortfolioOptimizationInRiskBudgetsType0 # noqa: PLC0415
        assets = self.assets



        method = self.method

        bounds: dict[str, Any] | None | Unset
        if isinstance(self.bounds, Unset):
            bounds = UNSET
        elif isinstance(self.bounds, OptimizePortfolioOptimizationInBoundsType0):
            bounds = self.bounds.to_dict()
        else:
            bounds = self.bounds

        confidence = self.confidence

        covariance: list[list[float | None]] | None | Unset
        if isinstance(self.covariance, Unset):
            covariance = UNSET
        elif isinstance(self.covariance, list):
            covariance = []
            for covariance_type_0_item_data in self.covariance:
                covariance_type_0_item = []
                for covariance_type_0_item_item_data in covariance_type_0_item_data:
                    covariance_type_0_item_item: float | None
                    covariance_type_0_item_item = covariance_type_0_item_item_data
                    covariance_type_0_item.append(covariance_type_0_item_item)


                covariance.append(covariance_type_0_item)


        else:
            covariance = self.covariance

        covariance_estimator = self.covariance_estimator

        expected_returns: list[float | None] | None | Unset
        if isinstance(self.expected_returns, Unset):
            expected_returns = UNSET
        elif isinstance(self.expected_returns, list):
            expected_returns = []
            for expected_returns_type_0_item_data in self.expected_returns:
                expected_returns_type_0_item: float | None
                expected_returns_type_0_item = expected_returns_type_0_item_data
                expected_returns.append(expected_returns_type_0_item)


        else:
            expected_returns = self.expected_returns

        long_only = self.long_only

        max_weight: float | None | Unset
        if isinstance(self.max_weight, Unset):
            max_weight = UNSET
        else:
            max_weight = self.max_weight

        min_weight: float | None | Unset
        if isinstance(self.min_weight, Unset):
            min_weight = UNSET
        else:
            min_weight = self.min_weight

        periods_per_year = self.periods_per_year

        prices: list[list[float | None]] | None | Unset
        if isinstance(self.prices, Unset):
            prices = UNSET
        elif isinstance(self.prices, list):
            prices = []
            for prices_type_0_item_data in self.prices:
                prices_type_0_item = []
                for prices_type_0_item_item_data in prices_type_0_item_data:
                    prices_type_0_item_item: float | None
                    prices_type_0_item_item = prices_type_0_item_item_data
                    prices_type_0_item.append(prices_type_0_item_item)


                prices.append(prices_type_0_item)


        else:
            prices = self.prices

        returns: list[list[float | None]] | None | Unset
        if isinstance(self.returns, Unset):
            returns = UNSET
        elif isinstance(self.returns, list):
            returns = []
            for returns_type_0_item_data in self.returns:
                returns_type_0_item = []
                for returns_type_0_item_item_data in returns_type_0_item_data:
                    returns_type_0_item_item: float | None
                    returns_type_0_item_item = returns_type_0_item_item_data
                    returns_type_0_item.append(returns_type_0_item_item)


                returns.append(returns_type_0_item)


        else:
            returns = self.returns

        risk_budgets: dict[str, Any] | None | Unset
        if isinstance(self.risk_budgets, Unset):
            risk_budgets = UNSET
        elif isinstance(self.risk_budgets, OptimizePortfolioOptimizationInRiskBudgetsType0):
            risk_budgets = self.risk_budgets.to_dict()
        else:
            risk_budgets = self.risk_budgets

        risk_free_rate = self.risk_free_rate


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "assets": assets,
            "method": method,
        })
        if bounds is not UNSET:
            field_dict["bounds"] = bounds
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if covariance is not UNSET:
            field_dict["covariance"] = covariance
        if covariance_estimator is not UNSET:
            field_dict["covariance_estimator"] = covariance_estimator
        if expected_returns is not UNSET:
            field_dict["expected_returns"] = expected_returns
        if long_only is not UNSET:
            field_dict["long_only"] = long_only
        if max_weight is not UNSET:
            field_dict["max_weight"] = max_weight
        if min_weight is not UNSET:
            field_dict["min_weight"] = min_weight
        if periods_per_year is not UNSET:
            field_dict["periods_per_year"] = periods_per_year
        if prices is not UNSET:
            field_dict["prices"] = prices
        if returns is not UNSET:
            field_dict["returns"] = returns
        if risk_budgets is not UNSET:
            field_dict["risk_budgets"] = risk_budgets
        if risk_free_rate is not UNSET:
            field_dict["risk_free_rate"] = risk_free_rate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.optimize_portfolio_optimization_in_bounds_type_0 import OptimizePortfolioOptimizationInBoundsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_risk_budgets_type_0 import OptimizePortfolioOptimizationInRiskBudgetsType0 # noqa: PLC0415
        d = dict(src_dict)
        assets = cast(list[str], d.pop("assets"))


        method = d.pop("method")

        def _parse_bounds(data: object) -> None | OptimizePortfolioOptimizationInBoundsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bounds_type_0 = OptimizePortfolioOptimizationInBoundsType0.from_dict(data)



                return bounds_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptimizePortfolioOptimizationInBoundsType0 | Unset, data)

        bounds = _parse_bounds(d.pop("bounds", UNSET))


        confidence = d.pop("confidence", UNSET)

        def _parse_covariance(data: object) -> list[list[float | None]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                covariance_type_0 = []
                _covariance_type_0 = data
                for covariance_type_0_item_data in (_covariance_type_0):
                    covariance_type_0_item = []
                    _covariance_type_0_item = covariance_type_0_item_data
                    for covariance_type_0_item_item_data in (_covariance_type_0_item):
                        def _parse_covariance_type_0_item_item(data: object) -> float | None:
                            if data is None:
                                return data
                            return cast(float | None, data)

                        covariance_type_0_item_item = _parse_covariance_type_0_item_item(covariance_type_0_item_item_data)

                        covariance_type_0_item.append(covariance_type_0_item_item)

                    covariance_type_0.append(covariance_type_0_item)

                return covariance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[float | None]] | None | Unset, data)

        covariance = _parse_covariance(d.pop("covariance", UNSET))


        covariance_estimator = d.pop("covariance_estimator", UNSET)

        def _parse_expected_returns(data: object) -> list[float | None] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                expected_returns_type_0 = []
                _expected_returns_type_0 = data
                for expected_returns_type_0_item_data in (_expected_returns_type_0):
                    def _parse_expected_returns_type_0_item(data: object) -> float | None:
                        if data is None:
                            return data
                        return cast(float | None, data)

                    expected_returns_type_0_item = _parse_expected_returns_type_0_item(expected_returns_type_0_item_data)

                    expected_returns_type_0.append(expected_returns_type_0_item)

                return expected_returns_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None] | None | Unset, data)

        expected_returns = _parse_expected_returns(d.pop("expected_returns", UNSET))


        long_only = d.pop("long_only", UNSET)

        def _parse_max_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_weight = _parse_max_weight(d.pop("max_weight", UNSET))


        def _parse_min_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_weight = _parse_min_weight(d.pop("min_weight", UNSET))


        periods_per_year = d.pop("periods_per_year", UNSET)

        def _parse_prices(data: object) -> list[list[float | None]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prices_type_0 = []
                _prices_type_0 = data
                for prices_type_0_item_data in (_prices_type_0):
                    prices_type_0_item = []
                    _prices_type_0_item = prices_type_0_item_data
                    for prices_type_0_item_item_data in (_prices_type_0_item):
                        def _parse_prices_type_0_item_item(data: object) -> float | None:
                            if data is None:
                                return data
                            return cast(float | None, data)

                        prices_type_0_item_item = _parse_prices_type_0_item_item(prices_type_0_item_item_data)

                        prices_type_0_item.append(prices_type_0_item_item)

                    prices_type_0.append(prices_type_0_item)

                return prices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[float | None]] | None | Unset, data)

        prices = _parse_prices(d.pop("prices", UNSET))


        def _parse_returns(data: object) -> list[list[float | None]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                returns_type_0 = []
                _returns_type_0 = data
                for returns_type_0_item_data in (_returns_type_0):
                    returns_type_0_item = []
                    _returns_type_0_item = returns_type_0_item_data
                    for returns_type_0_item_item_data in (_returns_type_0_item):
                        def _parse_returns_type_0_item_item(data: object) -> float | None:
                            if data is None:
                                return data
                            return cast(float | None, data)

                        returns_type_0_item_item = _parse_returns_type_0_item_item(returns_type_0_item_item_data)

                        returns_type_0_item.append(returns_type_0_item_item)

                    returns_type_0.append(returns_type_0_item)

                return returns_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[float | None]] | None | Unset, data)

        returns = _parse_returns(d.pop("returns", UNSET))


        def _parse_risk_budgets(data: object) -> None | OptimizePortfolioOptimizationInRiskBudgetsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                risk_budgets_type_0 = OptimizePortfolioOptimizationInRiskBudgetsType0.from_dict(data)



                return risk_budgets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptimizePortfolioOptimizationInRiskBudgetsType0 | Unset, data)

        risk_budgets = _parse_risk_budgets(d.pop("risk_budgets", UNSET))


        risk_free_rate = d.pop("risk_free_rate", UNSET)

        optimize_portfolio_optimization_in = cls(
            assets=assets,
            method=method,
            bounds=bounds,
            confidence=confidence,
            covariance=covariance,
            covariance_estimator=covariance_estimator,
            expected_returns=expected_returns,
            long_only=long_only,
            max_weight=max_weight,
            min_weight=min_weight,
            periods_per_year=periods_per_year,
            prices=prices,
            returns=returns,
            risk_budgets=risk_budgets,
            risk_free_rate=risk_free_rate,
        )

        return optimize_portfolio_optimization_in

