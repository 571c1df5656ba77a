from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PercentileFeeOut")



@_attrs_define
class PercentileFeeOut:
    """ 
        Attributes:
            max_fee (None | str):
            percentile (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            priority_fee (None | str):
     """

    max_fee: None | str
    percentile: float
    priority_fee: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        max_fee: None | str
        max_fee = self.max_fee

        percentile = self.percentile

        priority_fee: None | str
        priority_fee = self.priority_fee


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "max_fee": max_fee,
            "percentile": percentile,
            "priority_fee": priority_fee,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_max_fee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        max_fee = _parse_max_fee(d.pop("max_fee"))


        percentile = d.pop("percentile")

        def _parse_priority_fee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        priority_fee = _parse_priority_fee(d.pop("priority_fee"))


        percentile_fee_out = cls(
            max_fee=max_fee,
            percentile=percentile,
            priority_fee=priority_fee,
        )


        percentile_fee_out.additional_properties = d
        return percentile_fee_out

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
