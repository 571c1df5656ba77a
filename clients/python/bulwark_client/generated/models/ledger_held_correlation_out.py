from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="LedgerHeldCorrelationOut")



@_attrs_define
class LedgerHeldCorrelationOut:
    """ 
        Attributes:
            correlation (list[list[float]]): Pearson correlations, [i][j] in the order of `symbols`
            diversification_ratio (float | None):
            first_day (datetime.date):
            last_day (datetime.date):
            observations (int): Daily returns common to every held symbol
            portfolio_volatility (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            symbols (list[str]):
            volatilities (list[float]):
            weights (list[float]): Market value / gross, in `symbols` order
     """

    correlation: list[list[float]]
    diversification_ratio: float | None
    first_day: datetime.date
    last_day: datetime.date
    observations: int
    portfolio_volatility: float
    symbols: list[str]
    volatilities: list[float]
    weights: list[float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        correlation = []
        for correlation_item_data in self.correlation:
            correlation_item = correlation_item_data


            correlation.append(correlation_item)



        diversification_ratio: float | None
        diversification_ratio = self.diversification_ratio

        first_day = self.first_day.isoformat()

        last_day = self.last_day.isoformat()

        observations = self.observations

        portfolio_volatility = self.portfolio_volatility

        symbols = self.symbols



        volatilities = self.volatilities



        weights = self.weights




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "correlation": correlation,
            "diversification_ratio": diversification_ratio,
            "first_day": first_day,
            "last_day": last_day,
            "observations": observations,
            "portfolio_volatility": portfolio_volatility,
            "symbols": symbols,
            "volatilities": volatilities,
            "weights": weights,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        correlation = []
        _correlation = d.pop("correlation")
        for correlation_item_data in (_correlation):
            correlation_item = cast(list[float], correlation_item_data)

            correlation.append(correlation_item)


        def _parse_diversification_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        diversification_ratio = _parse_diversification_ratio(d.pop("diversification_ratio"))


        first_day = datetime.date.fromisoformat(d.pop("first_day"))




        last_day = datetime.date.fromisoformat(d.pop("last_day"))




        observations = d.pop("observations")

        portfolio_volatility = d.pop("portfolio_volatility")

        symbols = cast(list[str], d.pop("symbols"))


        volatilities = cast(list[float], d.pop("volatilities"))


        weights = cast(list[float], d.pop("weights"))


        ledger_held_correlation_out = cls(
            correlation=correlation,
            diversification_ratio=diversification_ratio,
            first_day=first_day,
            last_day=last_day,
            observations=observations,
            portfolio_volatility=portfolio_volatility,
            symbols=symbols,
            volatilities=volatilities,
            weights=weights,
        )


        ledger_held_correlation_out.additional_properties = d
        return ledger_held_correlation_out

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
