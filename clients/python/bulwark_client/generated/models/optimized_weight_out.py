from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OptimizedWeightOut")



@_attrs_define
class OptimizedWeightOut:
    """ 
        Attributes:
            asset (str):
            expected_return (float | None):
            lower_bound (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            risk_contribution (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            upper_bound (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volatility (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            benchmark_weight (float | None | Unset):
            current_weight (float | None | Unset):
            equilibrium_return (float | None | Unset):
            risk_budget (float | None | Unset):
     """

    asset: str
    expected_return: float | None
    lower_bound: float
    risk_contribution: float
    upper_bound: float
    volatility: float
    weight: float
    benchmark_weight: float | None | Unset = UNSET
    current_weight: float | None | Unset = UNSET
    equilibrium_return: float | None | Unset = UNSET
    risk_budget: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asset = self.asset

        expected_return: float | None
        expected_return = self.expected_return

        lower_bound = self.lower_bound

        risk_contribution = self.risk_contribution

        upper_bound = self.upper_bound

        volatility = self.volatility

        weight = self.weight

        benchmark_weight: float | None | Unset
        if isinstance(self.benchmark_weight, Unset):
            benchmark_weight = UNSET
        else:
            benchmark_weight = self.benchmark_weight

        current_weight: float | None | Unset
        if isinstance(self.current_weight, Unset):
            current_weight = UNSET
        else:
            current_weight = self.current_weight

        equilibrium_return: float | None | Unset
        if isinstance(self.equilibrium_return, Unset):
            equilibrium_return = UNSET
        else:
            equilibrium_return = self.equilibrium_return

        risk_budget: float | None | Unset
        if isinstance(self.risk_budget, Unset):
            risk_budget = UNSET
        else:
            risk_budget = self.risk_budget


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "expected_return": expected_return,
            "lower_bound": lower_bound,
            "risk_contribution": risk_contribution,
            "upper_bound": upper_bound,
            "volatility": volatility,
            "weight": weight,
        })
        if benchmark_weight is not UNSET:
            field_dict["benchmark_weight"] = benchmark_weight
        if current_weight is not UNSET:
            field_dict["current_weight"] = current_weight
        if equilibrium_return is not UNSET:
            field_dict["equilibrium_return"] = equilibrium_return
        if risk_budget is not UNSET:
            field_dict["risk_budget"] = risk_budget

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset = d.pop("asset")

        def _parse_expected_return(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        expected_return = _parse_expected_return(d.pop("expected_return"))


        lower_bound = d.pop("lower_bound")

        risk_contribution = d.pop("risk_contribution")

        upper_bound = d.pop("upper_bound")

        volatility = d.pop("volatility")

        weight = d.pop("weight")

        def _parse_benchmark_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        benchmark_weight = _parse_benchmark_weight(d.pop("benchmark_weight", UNSET))


        def _parse_current_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        current_weight = _parse_current_weight(d.pop("current_weight", UNSET))


        def _parse_equilibrium_return(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        equilibrium_return = _parse_equilibrium_return(d.pop("equilibrium_return", UNSET))


        def _parse_risk_budget(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        risk_budget = _parse_risk_budget(d.pop("risk_budget", UNSET))


        optimized_weight_out = cls(
            asset=asset,
            expected_return=expected_return,
            lower_bound=lower_bound,
            risk_contribution=risk_contribution,
            upper_bound=upper_bound,
            volatility=volatility,
            weight=weight,
            benchmark_weight=benchmark_weight,
            current_weight=current_weight,
            equilibrium_return=equilibrium_return,
            risk_budget=risk_budget,
        )


        optimized_weight_out.additional_properties = d
        return optimized_weight_out

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
