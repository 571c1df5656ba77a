from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WhaleThresholdsOut")



@_attrs_define
class WhaleThresholdsOut:
    """ 
        Attributes:
            min_volume (int):
            premium_notional (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volume_oi_ratio (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    min_volume: int
    premium_notional: float
    volume_oi_ratio: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        min_volume = self.min_volume

        premium_notional = self.premium_notional

        volume_oi_ratio = self.volume_oi_ratio


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "min_volume": min_volume,
            "premium_notional": premium_notional,
            "volume_oi_ratio": volume_oi_ratio,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_volume = d.pop("min_volume")

        premium_notional = d.pop("premium_notional")

        volume_oi_ratio = d.pop("volume_oi_ratio")

        whale_thresholds_out = cls(
            min_volume=min_volume,
            premium_notional=premium_notional,
            volume_oi_ratio=volume_oi_ratio,
        )


        whale_thresholds_out.additional_properties = d
        return whale_thresholds_out

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
