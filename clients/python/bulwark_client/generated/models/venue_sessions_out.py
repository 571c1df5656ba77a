from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.session_out import SessionOut





T = TypeVar("T", bound="VenueSessionsOut")



@_attrs_define
class VenueSessionsOut:
    """ 
        Attributes:
            end (datetime.date):
            sessions (list[SessionOut]):
            start (datetime.date):
            timezone (str):
            venue (str):
     """

    end: datetime.date
    sessions: list[SessionOut]
    start: datetime.date
    timezone: str
    venue: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.session_out import SessionOut # noqa: PLC0415
        end = self.end.isoformat()

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)



        start = self.start.isoformat()

        timezone = self.timezone

        venue = self.venue


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "sessions": sessions,
            "start": start,
            "timezone": timezone,
            "venue": venue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_out import SessionOut # noqa: PLC0415
        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))




        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in (_sessions):
            sessions_item = SessionOut.from_dict(sessions_item_data)



            sessions.append(sessions_item)


        start = datetime.date.fromisoformat(d.pop("start"))




        timezone = d.pop("timezone")

        venue = d.pop("venue")

        venue_sessions_out = cls(
            end=end,
            sessions=sessions,
            start=start,
            timezone=timezone,
            venue=venue,
        )


        venue_sessions_out.additional_properties = d
        return venue_sessions_out

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
