from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="LiquidAssetIn")



@_attrs_define
class LiquidAssetIn:
    """ 
        Attributes:
            name (str):
            value (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such as
                "12.5"
            haircut (float | Unset): Fraction lost in a forced sale, [0, 1) Default: 0.0.
            horizon_days (int | Unset): Business days to sell all of it, 1..366 Default: 1.
     """

    name: str
    value: str
    haircut: float | Unset = 0.0
    horizon_days: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value = self.value

        haircut = self.haircut

        horizon_days = self.horizon_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "value": value,
        })
        if haircut is not UNSET:
            field_dict["haircut"] = haircut
        if horizon_days is not UNSET:
            field_dict["horizon_days"] = horizon_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        value = d.pop("value")

        haircut = d.pop("haircut", UNSET)

        horizon_days = d.pop("horizon_days", UNSET)

        liquid_asset_in = cls(
            name=name,
            value=value,
            haircut=haircut,
            horizon_days=horizon_days,
        )


        liquid_asset_in.additional_properties = d
        return liquid_asset_in

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
