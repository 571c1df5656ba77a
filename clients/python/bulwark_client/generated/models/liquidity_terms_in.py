from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LiquidityTermsIn")



@_attrs_define
class LiquidityTermsIn:
    """ 
        Attributes:
            haircut (float): Fraction lost in a forced sale, [0, 1)
            horizon_days (int): Business days to sell all of it, 1..366
     """

    haircut: float
    horizon_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        haircut = self.haircut

        horizon_days = self.horizon_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "haircut": haircut,
            "horizon_days": horizon_days,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        haircut = d.pop("haircut")

        horizon_days = d.pop("horizon_days")

        liquidity_terms_in = cls(
            haircut=haircut,
            horizon_days=horizon_days,
        )


        liquidity_terms_in.additional_properties = d
        return liquidity_terms_in

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
