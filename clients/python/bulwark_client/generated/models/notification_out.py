from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.notification_out_data import NotificationOutData





T = TypeVar("T", bound="NotificationOut")



@_attrs_define
class NotificationOut:
    """ 
        Attributes:
            body (str):
            created_at (datetime.datetime):
            data (NotificationOutData):
            event_type (str):
            id (str):
            priority (str):
            read_at (datetime.datetime | None):
            title (str):
     """

    body: str
    created_at: datetime.datetime
    data: NotificationOutData
    event_type: str
    id: str
    priority: str
    read_at: datetime.datetime | None
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.notification_out_data import NotificationOutData # noqa: PLC0415
        body = self.body

        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        event_type = self.event_type

        id = self.id

        priority = self.priority

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "body": body,
            "created_at": created_at,
            "data": data,
            "event_type": event_type,
            "id": id,
            "priority": priority,
            "read_at": read_at,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_out_data import NotificationOutData # noqa: PLC0415
        d = dict(src_dict)
        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        data = NotificationOutData.from_dict(d.pop("data"))




        event_type = d.pop("event_type")

        id = d.pop("id")

        priority = d.pop("priority")

        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)



                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))


        title = d.pop("title")

        notification_out = cls(
            body=body,
            created_at=created_at,
            data=data,
            event_type=event_type,
            id=id,
            priority=priority,
            read_at=read_at,
            title=title,
        )


        notification_out.additional_properties = d
        return notification_out

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
