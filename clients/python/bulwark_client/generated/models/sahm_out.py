from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="SahmOut")



@_attrs_define
class SahmOut:
    """ 
        Attributes:
            date (datetime.date):
            prior_twelve_month_low (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            three_month_average (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            triggered (bool):
            value (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
     """

    date: datetime.date
    prior_twelve_month_low: str
    three_month_average: str
    triggered: bool
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        prior_twelve_month_low = self.prior_twelve_month_low

        three_month_average = self.three_month_average

        triggered = self.triggered

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date": date,
            "prior_twelve_month_low": prior_twelve_month_low,
            "three_month_average": three_month_average,
            "triggered": triggered,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        prior_twelve_month_low = d.pop("prior_twelve_month_low")

        three_month_average = d.pop("three_month_average")

        triggered = d.pop("triggered")

        value = d.pop("value")

        sahm_out = cls(
            date=date,
            prior_twelve_month_low=prior_twelve_month_low,
            three_month_average=three_month_average,
            triggered=triggered,
            value=value,
        )


        sahm_out.additional_properties = d
        return sahm_out

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
