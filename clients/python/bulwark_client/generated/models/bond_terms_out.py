from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="BondTermsOut")



@_attrs_define
class BondTermsOut:
    """ 
        Attributes:
            coupon_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            day_count (str):
            face_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            frequency (int):
            issue_date (datetime.date):
            maturity (datetime.date):
            units (str):
     """

    coupon_rate: str
    day_count: str
    face_value: str
    frequency: int
    issue_date: datetime.date
    maturity: datetime.date
    units: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        coupon_rate = self.coupon_rate

        day_count = self.day_count

        face_value = self.face_value

        frequency = self.frequency

        issue_date = self.issue_date.isoformat()

        maturity = self.maturity.isoformat()

        units = self.units


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "coupon_rate": coupon_rate,
            "day_count": day_count,
            "face_value": face_value,
            "frequency": frequency,
            "issue_date": issue_date,
            "maturity": maturity,
            "units": units,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coupon_rate = d.pop("coupon_rate")

        day_count = d.pop("day_count")

        face_value = d.pop("face_value")

        frequency = d.pop("frequency")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))




        maturity = datetime.date.fromisoformat(d.pop("maturity"))




        units = d.pop("units")

        bond_terms_out = cls(
            coupon_rate=coupon_rate,
            day_count=day_count,
            face_value=face_value,
            frequency=frequency,
            issue_date=issue_date,
            maturity=maturity,
            units=units,
        )


        bond_terms_out.additional_properties = d
        return bond_terms_out

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
