from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RunIn")



@_attrs_define
class RunIn:
    """ 
        Attributes:
            daily_rate (float): Fraction of what is left withdrawn each day, (0, 1]
            days (int): Days of the run, 1..366
            deposits (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such
                as "12.5"
     """

    daily_rate: float
    days: int
    deposits: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        daily_rate = self.daily_rate

        days = self.days

        deposits = self.deposits


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "daily_rate": daily_rate,
            "days": days,
            "deposits": deposits,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        daily_rate = d.pop("daily_rate")

        days = d.pop("days")

        deposits = d.pop("deposits")

        run_in = cls(
            daily_rate=daily_rate,
            days=days,
            deposits=deposits,
        )


        run_in.additional_properties = d
        return run_in

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
