from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AttributionSectorIn")



@_attrs_define
class AttributionSectorIn:
    """ 
        Attributes:
            benchmark_return (float): Benchmark's return in the sector, fraction >= -1
            benchmark_weight (float): Benchmark weight at the start, fraction
            portfolio_return (float): Portfolio's return in the sector, fraction >= -1
            portfolio_weight (float): Portfolio weight at the start, fraction
            sector (str): Name
     """

    benchmark_return: float
    benchmark_weight: float
    portfolio_return: float
    portfolio_weight: float
    sector: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        benchmark_return = self.benchmark_return

        benchmark_weight = self.benchmark_weight

        portfolio_return = self.portfolio_return

        portfolio_weight = self.portfolio_weight

        sector = self.sector


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "benchmark_return": benchmark_return,
            "benchmark_weight": benchmark_weight,
            "portfolio_return": portfolio_return,
            "portfolio_weight": portfolio_weight,
            "sector": sector,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        benchmark_return = d.pop("benchmark_return")

        benchmark_weight = d.pop("benchmark_weight")

        portfolio_return = d.pop("portfolio_return")

        portfolio_weight = d.pop("portfolio_weight")

        sector = d.pop("sector")

        attribution_sector_in = cls(
            benchmark_return=benchmark_return,
            benchmark_weight=benchmark_weight,
            portfolio_return=portfolio_return,
            portfolio_weight=portfolio_weight,
            sector=sector,
        )


        attribution_sector_in.additional_properties = d
        return attribution_sector_in

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
