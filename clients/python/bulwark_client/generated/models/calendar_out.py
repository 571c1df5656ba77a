from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.calendar_out_calendars import CalendarOutCalendars
  from ..models.deadline_out import DeadlineOut





T = TypeVar("T", bound="CalendarOut")



@_attrs_define
class CalendarOut:
    """ 
        Attributes:
            calendars (CalendarOutCalendars):
            end (datetime.date):
            filings (list[str]):
            items (list[DeadlineOut]):
            start (datetime.date):
     """

    calendars: CalendarOutCalendars
    end: datetime.date
    filings: list[str]
    items: list[DeadlineOut]
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.calendar_out_calendars import CalendarOutCalendars # noqa: PLC0415
        from ..models.deadline_out import DeadlineOut # noqa: PLC0415
        calendars = self.calendars.to_dict()

        end = self.end.isoformat()

        filings = self.filings



        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calendars": calendars,
            "end": end,
            "filings": filings,
            "items": items,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_out_calendars import CalendarOutCalendars # noqa: PLC0415
        from ..models.deadline_out import DeadlineOut # noqa: PLC0415
        d = dict(src_dict)
        calendars = CalendarOutCalendars.from_dict(d.pop("calendars"))




        end = datetime.date.fromisoformat(d.pop("end"))




        filings = cast(list[str], d.pop("filings"))


        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = DeadlineOut.from_dict(items_item_data)



            items.append(items_item)


        start = datetime.date.fromisoformat(d.pop("start"))




        calendar_out = cls(
            calendars=calendars,
            end=end,
            filings=filings,
            items=items,
            start=start,
        )


        calendar_out.additional_properties = d
        return calendar_out

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
