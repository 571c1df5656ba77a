from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.optimize_portfolio_optimization_in_benchmark_type_0 import OptimizePortfolioOptimizationInBenchmarkType0
  from ..models.optimize_portfolio_optimization_in_bounds_type_0 import OptimizePortfolioOptimizationInBoundsType0
  from ..models.optimize_portfolio_optimization_in_current_weights_type_0 import OptimizePortfolioOptimizationInCurrentWeightsType0
  from ..models.optimize_portfolio_optimization_in_market_caps_type_0 import OptimizePortfolioOptimizationInMarketCapsType0
  from ..models.optimize_portfolio_optimization_in_market_weights_type_0 import OptimizePortfolioOptimizationInMarketWeightsType0
  from ..models.optimize_portfolio_optimization_in_risk_budgets_type_0 import OptimizePortfolioOptimizationInRiskBudgetsType0
  from ..models.optimize_portfolio_optimization_in_sector_limits_type_0 import OptimizePortfolioOptimizationInSectorLimitsType0
  from ..models.optimize_portfolio_optimization_in_sectors_type_0 import OptimizePortfolioOptimizationInSectorsType0
  from ..models.optimize_portfolio_optimization_in_view_in import OptimizePortfolioOptimizationInViewIn





T = TypeVar("T", bound="OptimizePortfolioOptimizationIn")



@_attrs_define
class OptimizePortfolioOptimizationIn:
    """ What to optimise: `assets` with exactly one of `returns`, `prices` or `covariance`;
        or a stored `portfolio_id` / `account_id` with `start` and `end` (the bar store's closes).

        Attributes:
            method (str): min_variance, max_sharpe, risk_parity, hrp, max_diversification, min_cvar, inverse_volatility or
                equal_weight (docs/optimization.md)
            account_id (None | str | Unset): A trading account you may read: its positions instead
            assets (list[str] | Unset): 1 to 1,000 unique asset names; with a portfolio_id or account_id, symbols to
                consider beside the holdings (default none)
            benchmark (None | OptimizePortfolioOptimizationInBenchmarkType0 | Unset): Benchmark weights by asset (absent:
                0), adding up to 1: min_tracking_error's target, max_tracking_error's reference
            bounds (None | OptimizePortfolioOptimizationInBoundsType0 | Unset): Per-asset bounds by asset name
            confidence (float | Unset): min_cvar: the confidence level of the expected shortfall minimised, 0.5 to 0.999
                (0.95: the mean loss of the worst 5 % of the posted periods)
            covariance (list[list[float | None]] | None | Unset): An annual covariance matrix (n x n, symmetric positive
                definite) instead of returns
            covariance_estimator (str | Unset): ledoit_wolf (default) or sample
            current_weights (None | OptimizePortfolioOptimizationInCurrentWeightsType0 | Unset): The current weights w0 by
                asset (absent: 0), for max_turnover and the answer's turnover; a stored portfolio's or account's are its
                holdings'
            end (None | str | Unset): With a portfolio_id or account_id: the last day of closes
            expected_returns (list[float | None] | None | Unset): Annual expected returns per asset (fractions); default:
                the mean return x periods_per_year
            long_only (bool | Unset): Default true; false allows short weights
            market_caps (None | OptimizePortfolioOptimizationInMarketCapsType0 | Unset): black_litterman: market
                capitalisations instead of weights
            market_weights (None | OptimizePortfolioOptimizationInMarketWeightsType0 | Unset): black_litterman: the
                equilibrium's weights (adding up to 1)
            max_tracking_error (float | None | Unset): At most this annual sqrt((w - b)'S(w - b)) (0.02 = 2 %)
            max_turnover (float | None | Unset): At most this sum of |w - w0| (0.2: 10 % sold, 10 % bought)
            max_weight (float | None | Unset): Every asset's upper bound (default 1)
            min_weight (float | None | Unset): Every asset's lower bound (default 0, or -1 long-short)
            periods_per_year (int | Unset): Periods a year of the returns (252 daily, 52, 12)
            portfolio_id (None | str | Unset): A ledger portfolio of yours: holdings, weights, bar closes
            prices (list[list[float | None]] | None | Unset): Prices (> 0), oldest first, one column per asset: returns are
                p_t / p_(t-1) - 1
            returns (list[list[float | None]] | None | Unset): Simple returns per period, oldest first: one row per period,
                one column per asset; 20 to 10,000 rows, at most 2,000,000 values
            risk_aversion (float | None | Unset): black_litterman: delta (default 2.5); mean_cvar: lambda in mean - lambda x
                CVaR, per period (default 1)
            risk_budgets (None | OptimizePortfolioOptimizationInRiskBudgetsType0 | Unset): risk_parity: each asset's share
                of the risk, > 0, adding up to 1 (default equal)
            risk_free_rate (float | Unset): Annual fraction (0.04 = 4 %), default 0
            sector_limits (None | OptimizePortfolioOptimizationInSectorLimitsType0 | Unset): Per sector its floor and cap on
                the total weight
            sectors (None | OptimizePortfolioOptimizationInSectorsType0 | Unset): Each asset's sector, for sector_limits
                (default: the stored instruments' sectors)
            start (None | str | Unset): With a portfolio_id or account_id: the first day of closes
            target_return (float | None | Unset): mean_cvar: the least annual expected return; CVaR minimised
            tau (float | Unset): black_litterman: the prior's uncertainty scale, default 0.05
            views (list[OptimizePortfolioOptimizationInViewIn] | None | Unset): black_litterman: the views (0 to 100)
     """

    method: str
    account_id: None | str | Unset = UNSET
    assets: list[str] | Unset = UNSET
    benchmark: None | OptimizePortfolioOptimizationInBenchmarkType0 | Unset = UNSET
    bounds: None | OptimizePortfolioOptimizationInBoundsType0 | Unset = UNSET
    confidence: float | Unset = UNSET
    covariance: list[list[float | None]] | None | Unset = UNSET
    covariance_estimator: str | Unset = UNSET
    current_weights: None | OptimizePortfolioOptimizationInCurrentWeightsType0 | Unset = UNSET
    end: None | str | Unset = UNSET
    expected_returns: list[float | None] | None | Unset = UNSET
    long_only: bool | Unset = UNSET
    market_caps: None | OptimizePortfolioOptimizationInMarketCapsType0 | Unset = UNSET
    market_weights: None | OptimizePortfolioOptimizationInMarketWeightsType0 | Unset = UNSET
    max_tracking_error: float | None | Unset = UNSET
    max_turnover: float | None | Unset = UNSET
    max_weight: float | None | Unset = UNSET
    min_weight: float | None | Unset = UNSET
    periods_per_year: int | Unset = UNSET
    portfolio_id: None | str | Unset = UNSET
    prices: list[list[float | None]] | None | Unset = UNSET
    returns: list[list[float | None]] | None | Unset = UNSET
    risk_aversion: float | None | Unset = UNSET
    risk_budgets: None | OptimizePortfolioOptimizationInRiskBudgetsType0 | Unset = UNSET
    risk_free_rate: float | Unset = UNSET
    sector_limits: None | OptimizePortfolioOptimizationInSectorLimitsType0 | Unset = UNSET
    sectors: None | OptimizePortfolioOptimizationInSectorsType0 | Unset = UNSET
    start: None | str | Unset = UNSET
    target_return: float | None | Unset = UNSET
    tau: float | Unset = UNSET
    views: list[OptimizePortfolioOptimizationInViewIn] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.optimize_portfolio_optimization_in_benchmark_type_0 import OptimizePortfolioOptimizationInBenchmarkType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_bounds_type_0 import OptimizePortfolioOptimizationInBoundsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_current_weights_type_0 import OptimizePortfolioOptimizationInCurrentWeightsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_market_caps_type_0 import OptimizePortfolioOptimizationInMarketCapsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_market_weights_type_0 import OptimizePortfolioOptimizationInMarketWeightsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_risk_budgets_type_0 import OptimizePortfolioOptimizationInRiskBudgetsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_sector_limits_type_0 import OptimizePortfolioOptimizationInSectorLimitsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_sectors_type_0 import OptimizePortfolioOptimizationInSectorsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_view_in import OptimizePortfolioOptimizationInViewIn # noqa: PLC0415
        method = self.method

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        assets: list[str] | Unset = UNSET
        if not isinstance(self.assets, Unset):
            assets = self.assets



        benchmark: dict[str, Any] | None | Unset
        if isinstance(self.benchmark, Unset):
            benchmark = UNSET
        elif isinstance(self.benchmark, OptimizePortfolioOptimizationInBenchmarkType0):
            benchmark = self.benchmark.to_dict()
        else:
            benchmark = self.benchmark

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

        current_weights: dict[str, Any] | None | Unset
        if isinstance(self.current_weights, Unset):
            current_weights = UNSET
        elif isinstance(self.current_weights, OptimizePortfolioOptimizationInCurrentWeightsType0):
            current_weights = self.current_weights.to_dict()
        else:
            current_weights = self.current_weights

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

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

        market_caps: dict[str, Any] | None | Unset
        if isinstance(self.market_caps, Unset):
            market_caps = UNSET
        elif isinstance(self.market_caps, OptimizePortfolioOptimizationInMarketCapsType0):
            market_caps = self.market_caps.to_dict()
        else:
            market_caps = self.market_caps

        market_weights: dict[str, Any] | None | Unset
        if isinstance(self.market_weights, Unset):
            market_weights = UNSET
        elif isinstance(self.market_weights, OptimizePortfolioOptimizationInMarketWeightsType0):
            market_weights = self.market_weights.to_dict()
        else:
            market_weights = self.market_weights

        max_tracking_error: float | None | Unset
        if isinstance(self.max_tracking_error, Unset):
            max_tracking_error = UNSET
        else:
            max_tracking_error = self.max_tracking_error

        max_turnover: float | None | Unset
        if isinstance(self.max_turnover, Unset):
            max_turnover = UNSET
        else:
            max_turnover = self.max_turnover

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

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id

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

        risk_aversion: float | None | Unset
        if isinstance(self.risk_aversion, Unset):
            risk_aversion = UNSET
        else:
            risk_aversion = self.risk_aversion

        risk_budgets: dict[str, Any] | None | Unset
        if isinstance(self.risk_budgets, Unset):
            risk_budgets = UNSET
        elif isinstance(self.risk_budgets, OptimizePortfolioOptimizationInRiskBudgetsType0):
            risk_budgets = self.risk_budgets.to_dict()
        else:
            risk_budgets = self.risk_budgets

        risk_free_rate = self.risk_free_rate

        sector_limits: dict[str, Any] | None | Unset
        if isinstance(self.sector_limits, Unset):
            sector_limits = UNSET
        elif isinstance(self.sector_limits, OptimizePortfolioOptimizationInSectorLimitsType0):
            sector_limits = self.sector_limits.to_dict()
        else:
            sector_limits = self.sector_limits

        sectors: dict[str, Any] | None | Unset
        if isinstance(self.sectors, Unset):
            sectors = UNSET
        elif isinstance(self.sectors, OptimizePortfolioOptimizationInSectorsType0):
            sectors = self.sectors.to_dict()
        else:
            sectors = self.sectors

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start

        target_return: float | None | Unset
        if isinstance(self.target_return, Unset):
            target_return = UNSET
        else:
            target_return = self.target_return

        tau = self.tau

        views: list[dict[str, Any]] | None | Unset
        if isinstance(self.views, Unset):
            views = UNSET
        elif isinstance(self.views, list):
            views = []
            for views_type_0_item_data in self.views:
                views_type_0_item = views_type_0_item_data.to_dict()
                views.append(views_type_0_item)


        else:
            views = self.views


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "method": method,
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if assets is not UNSET:
            field_dict["assets"] = assets
        if benchmark is not UNSET:
            field_dict["benchmark"] = benchmark
        if bounds is not UNSET:
            field_dict["bounds"] = bounds
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if covariance is not UNSET:
            field_dict["covariance"] = covariance
        if covariance_estimator is not UNSET:
            field_dict["covariance_estimator"] = covariance_estimator
        if current_weights is not UNSET:
            field_dict["current_weights"] = current_weights
        if end is not UNSET:
            field_dict["end"] = end
        if expected_returns is not UNSET:
            field_dict["expected_returns"] = expected_returns
        if long_only is not UNSET:
            field_dict["long_only"] = long_only
        if market_caps is not UNSET:
            field_dict["market_caps"] = market_caps
        if market_weights is not UNSET:
            field_dict["market_weights"] = market_weights
        if max_tracking_error is not UNSET:
            field_dict["max_tracking_error"] = max_tracking_error
        if max_turnover is not UNSET:
            field_dict["max_turnover"] = max_turnover
        if max_weight is not UNSET:
            field_dict["max_weight"] = max_weight
        if min_weight is not UNSET:
            field_dict["min_weight"] = min_weight
        if periods_per_year is not UNSET:
            field_dict["periods_per_year"] = periods_per_year
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id
        if prices is not UNSET:
            field_dict["prices"] = prices
        if returns is not UNSET:
            field_dict["returns"] = returns
        if risk_aversion is not UNSET:
            field_dict["risk_aversion"] = risk_aversion
        if risk_budgets is not UNSET:
            field_dict["risk_budgets"] = risk_budgets
        if risk_free_rate is not UNSET:
            field_dict["risk_free_rate"] = risk_free_rate
        if sector_limits is not UNSET:
            field_dict["sector_limits"] = sector_limits
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if start is not UNSET:
            field_dict["start"] = start
        if target_return is not UNSET:
            field_dict["target_return"] = target_return
        if tau is not UNSET:
            field_dict["tau"] = tau
        if views is not UNSET:
            field_dict["views"] = views

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.optimize_portfolio_optimization_in_benchmark_type_0 import OptimizePortfolioOptimizationInBenchmarkType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_bounds_type_0 import OptimizePortfolioOptimizationInBoundsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_current_weights_type_0 import OptimizePortfolioOptimizationInCurrentWeightsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_market_caps_type_0 import OptimizePortfolioOptimizationInMarketCapsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_market_weights_type_0 import OptimizePortfolioOptimizationInMarketWeightsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_risk_budgets_type_0 import OptimizePortfolioOptimizationInRiskBudgetsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_sector_limits_type_0 import OptimizePortfolioOptimizationInSectorLimitsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_sectors_type_0 import OptimizePortfolioOptimizationInSectorsType0 # noqa: PLC0415
        from ..models.optimize_portfolio_optimization_in_view_in import OptimizePortfolioOptimizationInViewIn # noqa: PLC0415
        d = dict(src_dict)
        method = d.pop("method")

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        assets = cast(list[str], d.pop("assets", UNSET))


        def _parse_benchmark(data: object) -> None | OptimizePortfolioOptimizationInBenchmarkType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                benchmark_type_0 = OptimizePortfolioOptimizationInBenchmarkType0.from_dict(data)



                return benchmark_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptimizePortfolioOptimizationInBenchmarkType0 | Unset, data)

        benchmark = _parse_benchmark(d.pop("benchmark", UNSET))


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

        def _parse_current_weights(data: object) -> None | OptimizePortfolioOptimizationInCurrentWeightsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_weights_type_0 = OptimizePortfolioOptimizationInCurrentWeightsType0.from_dict(data)



                return current_weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptimizePortfolioOptimizationInCurrentWeightsType0 | Unset, data)

        current_weights = _parse_current_weights(d.pop("current_weights", UNSET))


        def _parse_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


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

        def _parse_market_caps(data: object) -> None | OptimizePortfolioOptimizationInMarketCapsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                market_caps_type_0 = OptimizePortfolioOptimizationInMarketCapsType0.from_dict(data)



                return market_caps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptimizePortfolioOptimizationInMarketCapsType0 | Unset, data)

        market_caps = _parse_market_caps(d.pop("market_caps", UNSET))


        def _parse_market_weights(data: object) -> None | OptimizePortfolioOptimizationInMarketWeightsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                market_weights_type_0 = OptimizePortfolioOptimizationInMarketWeightsType0.from_dict(data)



                return market_weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptimizePortfolioOptimizationInMarketWeightsType0 | Unset, data)

        market_weights = _parse_market_weights(d.pop("market_weights", UNSET))


        def _parse_max_tracking_error(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_tracking_error = _parse_max_tracking_error(d.pop("max_tracking_error", UNSET))


        def _parse_max_turnover(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_turnover = _parse_max_turnover(d.pop("max_turnover", UNSET))


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

        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


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


        def _parse_risk_aversion(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        risk_aversion = _parse_risk_aversion(d.pop("risk_aversion", UNSET))


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

        def _parse_sector_limits(data: object) -> None | OptimizePortfolioOptimizationInSectorLimitsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sector_limits_type_0 = OptimizePortfolioOptimizationInSectorLimitsType0.from_dict(data)



                return sector_limits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptimizePortfolioOptimizationInSectorLimitsType0 | Unset, data)

        sector_limits = _parse_sector_limits(d.pop("sector_limits", UNSET))


        def _parse_sectors(data: object) -> None | OptimizePortfolioOptimizationInSectorsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sectors_type_0 = OptimizePortfolioOptimizationInSectorsType0.from_dict(data)



                return sectors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptimizePortfolioOptimizationInSectorsType0 | Unset, data)

        sectors = _parse_sectors(d.pop("sectors", UNSET))


        def _parse_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        def _parse_target_return(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        target_return = _parse_target_return(d.pop("target_return", UNSET))


        tau = d.pop("tau", UNSET)

        def _parse_views(data: object) -> list[OptimizePortfolioOptimizationInViewIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                views_type_0 = []
                _views_type_0 = data
                for views_type_0_item_data in (_views_type_0):
                    views_type_0_item = OptimizePortfolioOptimizationInViewIn.from_dict(views_type_0_item_data)



                    views_type_0.append(views_type_0_item)

                return views_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OptimizePortfolioOptimizationInViewIn] | None | Unset, data)

        views = _parse_views(d.pop("views", UNSET))


        optimize_portfolio_optimization_in = cls(
            method=method,
            account_id=account_id,
            assets=assets,
            benchmark=benchmark,
            bounds=bounds,
            confidence=confidence,
            covariance=covariance,
            covariance_estimator=covariance_estimator,
            current_weights=current_weights,
            end=end,
            expected_returns=expected_returns,
            long_only=long_only,
            market_caps=market_caps,
            market_weights=market_weights,
            max_tracking_error=max_tracking_error,
            max_turnover=max_turnover,
            max_weight=max_weight,
            min_weight=min_weight,
            periods_per_year=periods_per_year,
            portfolio_id=portfolio_id,
            prices=prices,
            returns=returns,
            risk_aversion=risk_aversion,
            risk_budgets=risk_budgets,
            risk_free_rate=risk_free_rate,
            sector_limits=sector_limits,
            sectors=sectors,
            start=start,
            target_return=target_return,
            tau=tau,
            views=views,
        )

        return optimize_portfolio_optimization_in

