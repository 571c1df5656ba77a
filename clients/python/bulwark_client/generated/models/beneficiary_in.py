from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BeneficiaryIn")



@_attrs_define
class BeneficiaryIn:
    """ 
        Attributes:
            contact (str):
            id (str):
            name (str):
            share_percent (str): A percentage in [0, 100], 6 decimal places; a decimal string such as "12.5"
     """

    contact: str
    id: str
    name: str
    share_percent: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contact = self.contact

        id = self.id

        name = self.name

        share_percent = self.share_percent


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact": contact,
            "id": id,
            "name": name,
            "share_percent": share_percent,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact = d.pop("contact")

        id = d.pop("id")

        name = d.pop("name")

        share_percent = d.pop("share_percent")

        beneficiary_in = cls(
            contact=contact,
            id=id,
            name=name,
            share_percent=share_percent,
        )


        beneficiary_in.additional_properties = d
        return beneficiary_in

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
