from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GivingCashRoomOut")



@_attrs_define
class GivingCashRoomOut:
    """ 
        Attributes:
            agi (str):
            cash_given (str):
            cash_percent (str):
            deductible_now (str):
            room (str):
            tax_year (int):
     """

    agi: str
    cash_given: str
    cash_percent: str
    deductible_now: str
    room: str
    tax_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        agi = self.agi

        cash_given = self.cash_given

        cash_percent = self.cash_percent

        deductible_now = self.deductible_now

        room = self.room

        tax_year = self.tax_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agi": agi,
            "cash_given": cash_given,
            "cash_percent": cash_percent,
            "deductible_now": deductible_now,
            "room": room,
            "tax_year": tax_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agi = d.pop("agi")

        cash_given = d.pop("cash_given")

        cash_percent = d.pop("cash_percent")

        deductible_now = d.pop("deductible_now")

        room = d.pop("room")

        tax_year = d.pop("tax_year")

        giving_cash_room_out = cls(
            agi=agi,
            cash_given=cash_given,
            cash_percent=cash_percent,
            deductible_now=deductible_now,
            room=room,
            tax_year=tax_year,
        )


        giving_cash_room_out.additional_properties = d
        return giving_cash_room_out

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
