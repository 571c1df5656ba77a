from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.succession_status import SuccessionStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="SuccessionStatusOut")



@_attrs_define
class SuccessionStatusOut:
    """ 
        Attributes:
            deadline (datetime.datetime):
            enabled (bool):
            last_check_in (datetime.datetime):
            liquidate (bool):
            owner_id (str):
            status (SuccessionStatus): ACTIVE (waiting for check-ins), GRACE (deadline missed), TRIGGERED, EXECUTED.
            trigger_at (datetime.datetime):
            executed_at (datetime.datetime | None | Unset):
            next_reminder_at (datetime.datetime | None | Unset):
            summary (None | str | Unset):
     """

    deadline: datetime.datetime
    enabled: bool
    last_check_in: datetime.datetime
    liquidate: bool
    owner_id: str
    status: SuccessionStatus
    trigger_at: datetime.datetime
    executed_at: datetime.datetime | None | Unset = UNSET
    next_reminder_at: datetime.datetime | None | Unset = UNSET
    summary: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        deadline = self.deadline.isoformat()

        enabled = self.enabled

        last_check_in = self.last_check_in.isoformat()

        liquidate = self.liquidate

        owner_id = self.owner_id

        status = self.status.value

        trigger_at = self.trigger_at.isoformat()

        executed_at: None | str | Unset
        if isinstance(self.executed_at, Unset):
            executed_at = UNSET
        elif isinstance(self.executed_at, datetime.datetime):
            executed_at = self.executed_at.isoformat()
        else:
            executed_at = self.executed_at

        next_reminder_at: None | str | Unset
        if isinstance(self.next_reminder_at, Unset):
            next_reminder_at = UNSET
        elif isinstance(self.next_reminder_at, datetime.datetime):
            next_reminder_at = self.next_reminder_at.isoformat()
        else:
            next_reminder_at = self.next_reminder_at

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deadline": deadline,
            "enabled": enabled,
            "last_check_in": last_check_in,
            "liquidate": liquidate,
            "owner_id": owner_id,
            "status": status,
            "trigger_at": trigger_at,
        })
        if executed_at is not UNSET:
            field_dict["executed_at"] = executed_at
        if next_reminder_at is not UNSET:
            field_dict["next_reminder_at"] = next_reminder_at
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))




        enabled = d.pop("enabled")

        last_check_in = datetime.datetime.fromisoformat(d.pop("last_check_in"))




        liquidate = d.pop("liquidate")

        owner_id = d.pop("owner_id")

        status = SuccessionStatus(d.pop("status"))




        trigger_at = datetime.datetime.fromisoformat(d.pop("trigger_at"))




        def _parse_executed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                executed_at_type_0 = datetime.datetime.fromisoformat(data)



                return executed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        executed_at = _parse_executed_at(d.pop("executed_at", UNSET))


        def _parse_next_reminder_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_reminder_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_reminder_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_reminder_at = _parse_next_reminder_at(d.pop("next_reminder_at", UNSET))


        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        succession_status_out = cls(
            deadline=deadline,
            enabled=enabled,
            last_check_in=last_check_in,
            liquidate=liquidate,
            owner_id=owner_id,
            status=status,
            trigger_at=trigger_at,
            executed_at=executed_at,
            next_reminder_at=next_reminder_at,
            summary=summary,
        )


        succession_status_out.additional_properties = d
        return succession_status_out

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
