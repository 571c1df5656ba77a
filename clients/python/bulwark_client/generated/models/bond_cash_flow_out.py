from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="BondCashFlowOut")



@_attrs_define
class BondCashFlowOut:
    """ 
        Attributes:
            amount (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            pay_date (datetime.date):
            time (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    amount: float
    pay_date: datetime.date
    time: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        pay_date = self.pay_date.isoformat()

        time = self.time


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "pay_date": pay_date,
            "time": time,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        pay_date = datetime.date.fromisoformat(d.pop("pay_date"))




        time = d.pop("time")

        bond_cash_flow_out = cls(
            amount=amount,
            pay_date=pay_date,
            time=time,
        )


        bond_cash_flow_out.additional_properties = d
        return bond_cash_flow_out

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
