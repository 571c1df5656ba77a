from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="MemberHaltOut")



@_attrs_define
class MemberHaltOut:
    """ 
        Attributes:
            account_id (str):
            confirmed (bool):
            flat (bool | None):
            venues (list[str]):
     """

    account_id: str
    confirmed: bool
    flat: bool | None
    venues: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        confirmed = self.confirmed

        flat: bool | None
        flat = self.flat

        venues = self.venues




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "confirmed": confirmed,
            "flat": flat,
            "venues": venues,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        confirmed = d.pop("confirmed")

        def _parse_flat(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        flat = _parse_flat(d.pop("flat"))


        venues = cast(list[str], d.pop("venues"))


        member_halt_out = cls(
            account_id=account_id,
            confirmed=confirmed,
            flat=flat,
            venues=venues,
        )


        member_halt_out.additional_properties = d
        return member_halt_out

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
