from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ConsensusSettingsOut")



@_attrs_define
class ConsensusSettingsOut:
    """ 
        Attributes:
            floor_bps (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mad_multiplier (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            min_agreeing (int):
            tolerance_bps (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    floor_bps: float
    mad_multiplier: float
    min_agreeing: int
    tolerance_bps: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        floor_bps = self.floor_bps

        mad_multiplier = self.mad_multiplier

        min_agreeing = self.min_agreeing

        tolerance_bps = self.tolerance_bps


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "floor_bps": floor_bps,
            "mad_multiplier": mad_multiplier,
            "min_agreeing": min_agreeing,
            "tolerance_bps": tolerance_bps,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        floor_bps = d.pop("floor_bps")

        mad_multiplier = d.pop("mad_multiplier")

        min_agreeing = d.pop("min_agreeing")

        tolerance_bps = d.pop("tolerance_bps")

        consensus_settings_out = cls(
            floor_bps=floor_bps,
            mad_multiplier=mad_multiplier,
            min_agreeing=min_agreeing,
            tolerance_bps=tolerance_bps,
        )


        consensus_settings_out.additional_properties = d
        return consensus_settings_out

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
