from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="HeadroomOut")



@_attrs_define
class HeadroomOut:
    """ 
        Attributes:
            capacity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            code (str):
            control (str):
            rule_id (None | str):
            used_fraction (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
     """

    capacity: str
    code: str
    control: str
    rule_id: None | str
    used_fraction: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        capacity = self.capacity

        code = self.code

        control = self.control

        rule_id: None | str
        rule_id = self.rule_id

        used_fraction = self.used_fraction


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capacity": capacity,
            "code": code,
            "control": control,
            "rule_id": rule_id,
            "used_fraction": used_fraction,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capacity = d.pop("capacity")

        code = d.pop("code")

        control = d.pop("control")

        def _parse_rule_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rule_id = _parse_rule_id(d.pop("rule_id"))


        used_fraction = d.pop("used_fraction")

        headroom_out = cls(
            capacity=capacity,
            code=code,
            control=control,
            rule_id=rule_id,
            used_fraction=used_fraction,
        )


        headroom_out.additional_properties = d
        return headroom_out

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
