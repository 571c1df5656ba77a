from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="BondTermsIn")



@_attrs_define
class BondTermsIn:
    """ 
        Attributes:
            coupon_rate (str): A fraction in [0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
            face_value (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            issue_date (datetime.date):
            maturity (datetime.date): After issue_date; redeemed at 100
            day_count (str | Unset): One of: 30/360 US, 30/360 Bond Basis, ACT/365F, ACT/ACT ICMA, ACT/ACT ISDA (default
                30/360 US) Default: '30/360 US'.
            frequency (int | Unset): Coupons a year: 1, 2 or 4 (default 2) Default: 2.
     """

    coupon_rate: str
    face_value: str
    issue_date: datetime.date
    maturity: datetime.date
    day_count: str | Unset = '30/360 US'
    frequency: int | Unset = 2
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        coupon_rate = self.coupon_rate

        face_value = self.face_value

        issue_date = self.issue_date.isoformat()

        maturity = self.maturity.isoformat()

        day_count = self.day_count

        frequency = self.frequency


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "coupon_rate": coupon_rate,
            "face_value": face_value,
            "issue_date": issue_date,
            "maturity": maturity,
        })
        if day_count is not UNSET:
            field_dict["day_count"] = day_count
        if frequency is not UNSET:
            field_dict["frequency"] = frequency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coupon_rate = d.pop("coupon_rate")

        face_value = d.pop("face_value")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))




        maturity = datetime.date.fromisoformat(d.pop("maturity"))




        day_count = d.pop("day_count", UNSET)

        frequency = d.pop("frequency", UNSET)

        bond_terms_in = cls(
            coupon_rate=coupon_rate,
            face_value=face_value,
            issue_date=issue_date,
            maturity=maturity,
            day_count=day_count,
            frequency=frequency,
        )


        bond_terms_in.additional_properties = d
        return bond_terms_in

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
