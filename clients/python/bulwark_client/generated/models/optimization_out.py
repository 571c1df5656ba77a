from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.black_litterman_out import BlackLittermanOut
  from ..models.covariance_estimate_out import CovarianceEstimateOut
  from ..models.optimization_out_conventions import OptimizationOutConventions
  from ..models.optimized_portfolio_out import OptimizedPortfolioOut
  from ..models.optimized_weight_out import OptimizedWeightOut
  from ..models.stored_source_out import StoredSourceOut





T = TypeVar("T", bound="OptimizationOut")



@_attrs_define
class OptimizationOut:
    """ 
        Attributes:
            conventions (OptimizationOutConventions):
            covariance (CovarianceEstimateOut):
            method (str):
            periods_per_year (int):
            portfolio (OptimizedPortfolioOut):
            risk_free_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            solver (str):
            weights (list[OptimizedWeightOut]):
            black_litterman (BlackLittermanOut | None | Unset):
            source (None | StoredSourceOut | Unset):
     """

    conventions: OptimizationOutConventions
    covariance: CovarianceEstimateOut
    method: str
    periods_per_year: int
    portfolio: OptimizedPortfolioOut
    risk_free_rate: float
    solver: str
    weights: list[OptimizedWeightOut]
    black_litterman: BlackLittermanOut | None | Unset = UNSET
    source: None | StoredSourceOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.black_litterman_out import BlackLittermanOut # noqa: PLC0415
        from ..models.covariance_estimate_out import CovarianceEstimateOut # noqa: PLC0415
        from ..models.optimization_out_conventions import OptimizationOutConventions # noqa: PLC0415
        from ..models.optimized_portfolio_out import OptimizedPortfolioOut # noqa: PLC0415
        from ..models.optimized_weight_out import OptimizedWeightOut # noqa: PLC0415
        from ..models.stored_source_out import StoredSourceOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        covariance = self.covariance.to_dict()

        method = self.method

        periods_per_year = self.periods_per_year

        portfolio = self.portfolio.to_dict()

        risk_free_rate = self.risk_free_rate

        solver = self.solver

        weights = []
        for weights_item_data in self.weights:
            weights_item = weights_item_data.to_dict()
            weights.append(weights_item)



        black_litterman: dict[str, Any] | None | Unset
        if isinstance(self.black_litterman, Unset):
            black_litterman = UNSET
        elif isinstance(self.black_litterman, BlackLittermanOut):
            black_litterman = self.black_litterman.to_dict()
        else:
            black_litterman = self.black_litterman

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, StoredSourceOut):
            source = self.source.to_dict()
        else:
            source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "covariance": covariance,
            "method": method,
            "periods_per_year": periods_per_year,
            "portfolio": portfolio,
            "risk_free_rate": risk_free_rate,
            "solver": solver,
            "weights": weights,
        })
        if black_litterman is not UNSET:
            field_dict["black_litterman"] = black_litterman
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.black_litterman_out import BlackLittermanOut # noqa: PLC0415
        from ..models.covariance_estimate_out import CovarianceEstimateOut # noqa: PLC0415
        from ..models.optimization_out_conventions import OptimizationOutConventions # noqa: PLC0415
        from ..models.optimized_portfolio_out import OptimizedPortfolioOut # noqa: PLC0415
        from ..models.optimized_weight_out import OptimizedWeightOut # noqa: PLC0415
        from ..models.stored_source_out import StoredSourceOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = OptimizationOutConventions.from_dict(d.pop("conventions"))




        covariance = CovarianceEstimateOut.from_dict(d.pop("covariance"))




        method = d.pop("method")

        periods_per_year = d.pop("periods_per_year")

        portfolio = OptimizedPortfolioOut.from_dict(d.pop("portfolio"))




        risk_free_rate = d.pop("risk_free_rate")

        solver = d.pop("solver")

        weights = []
        _weights = d.pop("weights")
        for weights_item_data in (_weights):
            weights_item = OptimizedWeightOut.from_dict(weights_item_data)



            weights.append(weights_item)


        def _parse_black_litterman(data: object) -> BlackLittermanOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                black_litterman_type_0 = BlackLittermanOut.from_dict(data)



                return black_litterman_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BlackLittermanOut | None | Unset, data)

        black_litterman = _parse_black_litterman(d.pop("black_litterman", UNSET))


        def _parse_source(data: object) -> None | StoredSourceOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = StoredSourceOut.from_dict(data)



                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StoredSourceOut | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        optimization_out = cls(
            conventions=conventions,
            covariance=covariance,
            method=method,
            periods_per_year=periods_per_year,
            portfolio=portfolio,
            risk_free_rate=risk_free_rate,
            solver=solver,
            weights=weights,
            black_litterman=black_litterman,
            source=source,
        )


        optimization_out.additional_properties = d
        return optimization_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
