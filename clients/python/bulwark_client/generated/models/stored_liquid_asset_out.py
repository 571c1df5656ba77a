from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="StoredLiquidAssetOut")



@_attrs_define
class StoredLiquidAssetOut:
    """ 
        Attributes:
            asset_class (str):
            basis (str):
            haircut (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            horizon_days (int):
            name (str):
            value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    asset_class: str
    basis: str
    haircut: float
    horizon_days: int
    name: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asset_class = self.asset_class

        basis = self.basis

        haircut = self.haircut

        horizon_days = self.horizon_days

        name = self.name

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset_class": asset_class,
            "basis": basis,
            "haircut": haircut,
            "horizon_days": horizon_days,
            "name": name,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_class = d.pop("asset_class")

        basis = d.pop("basis")

        haircut = d.pop("haircut")

        horizon_days = d.pop("horizon_days")

        name = d.pop("name")

        value = d.pop("value")

        stored_liquid_asset_out = cls(
            asset_class=asset_class,
            basis=basis,
            haircut=haircut,
            horizon_days=horizon_days,
            name=name,
            value=value,
        )


        stored_liquid_asset_out.additional_properties = d
        return stored_liquid_asset_out

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
