from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RemindersOut")



@_attrs_define
class RemindersOut:
    """ 
        Attributes:
            event_type (str):
            filings (list[str]):
            lead_days (list[int]):
            updated_at (datetime.datetime):
     """

    event_type: str
    filings: list[str]
    lead_days: list[int]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        filings = self.filings



        lead_days = self.lead_days



        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "event_type": event_type,
            "filings": filings,
            "lead_days": lead_days,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_type = d.pop("event_type")

        filings = cast(list[str], d.pop("filings"))


        lead_days = cast(list[int], d.pop("lead_days"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        reminders_out = cls(
            event_type=event_type,
            filings=filings,
            lead_days=lead_days,
            updated_at=updated_at,
        )


        reminders_out.additional_properties = d
        return reminders_out

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
