from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.stored_attribution_source_out_period import StoredAttributionSourceOutPeriod
from typing import cast






T = TypeVar("T", bound="StoredAttributionSourceOut")



@_attrs_define
class StoredAttributionSourceOut:
    """ 
        Attributes:
            benchmark_constituents (int):
            benchmark_portfolio_id (None | str):
            closes (str):
            left_out (list[str]):
            period (StoredAttributionSourceOutPeriod):
            portfolio_id (str):
     """

    benchmark_constituents: int
    benchmark_portfolio_id: None | str
    closes: str
    left_out: list[str]
    period: StoredAttributionSourceOutPeriod
    portfolio_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        benchmark_constituents = self.benchmark_constituents

        benchmark_portfolio_id: None | str
        benchmark_portfolio_id = self.benchmark_portfolio_id

        closes = self.closes

        left_out = self.left_out



        period = self.period.value

        portfolio_id = self.portfolio_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "benchmark_constituents": benchmark_constituents,
            "benchmark_portfolio_id": benchmark_portfolio_id,
            "closes": closes,
            "left_out": left_out,
            "period": period,
            "portfolio_id": portfolio_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        benchmark_constituents = d.pop("benchmark_constituents")

        def _parse_benchmark_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        benchmark_portfolio_id = _parse_benchmark_portfolio_id(d.pop("benchmark_portfolio_id"))


        closes = d.pop("closes")

        left_out = cast(list[str], d.pop("left_out"))


        period = StoredAttributionSourceOutPeriod(d.pop("period"))




        portfolio_id = d.pop("portfolio_id")

        stored_attribution_source_out = cls(
            benchmark_constituents=benchmark_constituents,
            benchmark_portfolio_id=benchmark_portfolio_id,
            closes=closes,
            left_out=left_out,
            period=period,
            portfolio_id=portfolio_id,
        )


        stored_attribution_source_out.additional_properties = d
        return stored_attribution_source_out

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
