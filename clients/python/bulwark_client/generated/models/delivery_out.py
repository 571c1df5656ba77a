from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DeliveryOut")



@_attrs_define
class DeliveryOut:
    """ 
        Attributes:
            attempts (int):
            channel (str):
            created_at (datetime.datetime):
            destination_id (None | str):
            event_type (str):
            id (str):
            last_error (str):
            next_attempt_at (datetime.datetime):
            priority (str):
            sent_at (datetime.datetime | None):
            status (str):
            title (str):
            user_id (str):
     """

    attempts: int
    channel: str
    created_at: datetime.datetime
    destination_id: None | str
    event_type: str
    id: str
    last_error: str
    next_attempt_at: datetime.datetime
    priority: str
    sent_at: datetime.datetime | None
    status: str
    title: str
    user_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        channel = self.channel

        created_at = self.created_at.isoformat()

        destination_id: None | str
        destination_id = self.destination_id

        event_type = self.event_type

        id = self.id

        last_error = self.last_error

        next_attempt_at = self.next_attempt_at.isoformat()

        priority = self.priority

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        status = self.status

        title = self.title

        user_id = self.user_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "channel": channel,
            "created_at": created_at,
            "destination_id": destination_id,
            "event_type": event_type,
            "id": id,
            "last_error": last_error,
            "next_attempt_at": next_attempt_at,
            "priority": priority,
            "sent_at": sent_at,
            "status": status,
            "title": title,
            "user_id": user_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        channel = d.pop("channel")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_destination_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        destination_id = _parse_destination_id(d.pop("destination_id"))


        event_type = d.pop("event_type")

        id = d.pop("id")

        last_error = d.pop("last_error")

        next_attempt_at = datetime.datetime.fromisoformat(d.pop("next_attempt_at"))




        priority = d.pop("priority")

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))


        status = d.pop("status")

        title = d.pop("title")

        user_id = d.pop("user_id")

        delivery_out = cls(
            attempts=attempts,
            channel=channel,
            created_at=created_at,
            destination_id=destination_id,
            event_type=event_type,
            id=id,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            priority=priority,
            sent_at=sent_at,
            status=status,
            title=title,
            user_id=user_id,
        )


        delivery_out.additional_properties = d
        return delivery_out

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
