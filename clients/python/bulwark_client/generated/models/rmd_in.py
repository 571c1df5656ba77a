from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RmdIn")



@_attrs_define
class RmdIn:
    """ 
        Attributes:
            balance (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such
                as "12.5"
            birth_date (datetime.date):
            year (int):
     """

    balance: str
    birth_date: datetime.date
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        birth_date = self.birth_date.isoformat()

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "balance": balance,
            "birth_date": birth_date,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        year = d.pop("year")

        rmd_in = cls(
            balance=balance,
            birth_date=birth_date,
            year=year,
        )


        rmd_in.additional_properties = d
        return rmd_in

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
