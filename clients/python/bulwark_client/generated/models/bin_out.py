from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BinOut")



@_attrs_define
class BinOut:
    """ 
        Attributes:
            count (int):
            high (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            hit_rate (float | None):
            low (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mean_confidence (float | None):
     """

    count: int
    high: float
    hit_rate: float | None
    low: float
    mean_confidence: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        count = self.count

        high = self.high

        hit_rate: float | None
        hit_rate = self.hit_rate

        low = self.low

        mean_confidence: float | None
        mean_confidence = self.mean_confidence


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "count": count,
            "high": high,
            "hit_rate": hit_rate,
            "low": low,
            "mean_confidence": mean_confidence,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        high = d.pop("high")

        def _parse_hit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hit_rate = _parse_hit_rate(d.pop("hit_rate"))


        low = d.pop("low")

        def _parse_mean_confidence(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_confidence = _parse_mean_confidence(d.pop("mean_confidence"))


        bin_out = cls(
            count=count,
            high=high,
            hit_rate=hit_rate,
            low=low,
            mean_confidence=mean_confidence,
        )


        bin_out.additional_properties = d
        return bin_out

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
