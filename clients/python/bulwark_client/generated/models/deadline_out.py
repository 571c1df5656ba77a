from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DeadlineOut")



@_attrs_define
class DeadlineOut:
    """ 
        Attributes:
            calendar (str):
            due (datetime.date):
            filing (str):
            nominal (datetime.date):
            period (str):
            period_end (datetime.date):
            rolled_over (list[str]):
            rule (str):
     """

    calendar: str
    due: datetime.date
    filing: str
    nominal: datetime.date
    period: str
    period_end: datetime.date
    rolled_over: list[str]
    rule: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        calendar = self.calendar

        due = self.due.isoformat()

        filing = self.filing

        nominal = self.nominal.isoformat()

        period = self.period

        period_end = self.period_end.isoformat()

        rolled_over = self.rolled_over



        rule = self.rule


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calendar": calendar,
            "due": due,
            "filing": filing,
            "nominal": nominal,
            "period": period,
            "period_end": period_end,
            "rolled_over": rolled_over,
            "rule": rule,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        calendar = d.pop("calendar")

        due = datetime.date.fromisoformat(d.pop("due"))




        filing = d.pop("filing")

        nominal = datetime.date.fromisoformat(d.pop("nominal"))




        period = d.pop("period")

        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        rolled_over = cast(list[str], d.pop("rolled_over"))


        rule = d.pop("rule")

        deadline_out = cls(
            calendar=calendar,
            due=due,
            filing=filing,
            nominal=nominal,
            period=period,
            period_end=period_end,
            rolled_over=rolled_over,
            rule=rule,
        )


        deadline_out.additional_properties = d
        return deadline_out

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
