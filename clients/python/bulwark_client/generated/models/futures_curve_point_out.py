from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FuturesCurvePointOut")



@_attrs_define
class FuturesCurvePointOut:
    """ 
        Attributes:
            contract (str):
            expiry (datetime.date):
            price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            years (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    contract: str
    expiry: datetime.date
    price: str
    years: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contract = self.contract

        expiry = self.expiry.isoformat()

        price = self.price

        years = self.years


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contract": contract,
            "expiry": expiry,
            "price": price,
            "years": years,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract = d.pop("contract")

        expiry = datetime.date.fromisoformat(d.pop("expiry"))




        price = d.pop("price")

        years = d.pop("years")

        futures_curve_point_out = cls(
            contract=contract,
            expiry=expiry,
            price=price,
            years=years,
        )


        futures_curve_point_out.additional_properties = d
        return futures_curve_point_out

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
