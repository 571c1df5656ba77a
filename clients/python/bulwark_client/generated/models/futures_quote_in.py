from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FuturesQuoteIn")



@_attrs_define
class FuturesQuoteIn:
    """ 
        Attributes:
            contract (str): CLZ24
            expiry (datetime.date): Last trading day
            price (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such as
                "12.5"
     """

    contract: str
    expiry: datetime.date
    price: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contract = self.contract

        expiry = self.expiry.isoformat()

        price = self.price


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contract": contract,
            "expiry": expiry,
            "price": price,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract = d.pop("contract")

        expiry = datetime.date.fromisoformat(d.pop("expiry"))




        price = d.pop("price")

        futures_quote_in = cls(
            contract=contract,
            expiry=expiry,
            price=price,
        )


        futures_quote_in.additional_properties = d
        return futures_quote_in

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
