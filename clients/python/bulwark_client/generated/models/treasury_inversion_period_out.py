from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TreasuryInversionPeriodOut")



@_attrs_define
class TreasuryInversionPeriodOut:
    """ 
        Attributes:
            calendar_days (int):
            days (int):
            deepest_date (datetime.date):
            deepest_spread (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            end (datetime.date):
            open_end (bool):
            open_start (bool):
            start (datetime.date):
     """

    calendar_days: int
    days: int
    deepest_date: datetime.date
    deepest_spread: str
    end: datetime.date
    open_end: bool
    open_start: bool
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        calendar_days = self.calendar_days

        days = self.days

        deepest_date = self.deepest_date.isoformat()

        deepest_spread = self.deepest_spread

        end = self.end.isoformat()

        open_end = self.open_end

        open_start = self.open_start

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calendar_days": calendar_days,
            "days": days,
            "deepest_date": deepest_date,
            "deepest_spread": deepest_spread,
            "end": end,
            "open_end": open_end,
            "open_start": open_start,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        calendar_days = d.pop("calendar_days")

        days = d.pop("days")

        deepest_date = datetime.date.fromisoformat(d.pop("deepest_date"))




        deepest_spread = d.pop("deepest_spread")

        end = datetime.date.fromisoformat(d.pop("end"))




        open_end = d.pop("open_end")

        open_start = d.pop("open_start")

        start = datetime.date.fromisoformat(d.pop("start"))




        treasury_inversion_period_out = cls(
            calendar_days=calendar_days,
            days=days,
            deepest_date=deepest_date,
            deepest_spread=deepest_spread,
            end=end,
            open_end=open_end,
            open_start=open_start,
            start=start,
        )


        treasury_inversion_period_out.additional_properties = d
        return treasury_inversion_period_out

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
