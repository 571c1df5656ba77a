from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DrillScheduleOut")



@_attrs_define
class DrillScheduleOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            cron (str):
            enabled (bool):
            faults (str):
            flatten (bool):
            id (str):
            limit_price (None | str):
            next_run_at (datetime.datetime | None):
            symbol (None | str):
            target (str):
            timezone (str):
            upcoming (list[datetime.datetime]):
            updated_at (datetime.datetime):
     """

    created_at: datetime.datetime
    cron: str
    enabled: bool
    faults: str
    flatten: bool
    id: str
    limit_price: None | str
    next_run_at: datetime.datetime | None
    symbol: None | str
    target: str
    timezone: str
    upcoming: list[datetime.datetime]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        cron = self.cron

        enabled = self.enabled

        faults = self.faults

        flatten = self.flatten

        id = self.id

        limit_price: None | str
        limit_price = self.limit_price

        next_run_at: None | str
        if isinstance(self.next_run_at, datetime.datetime):
            next_run_at = self.next_run_at.isoformat()
        else:
            next_run_at = self.next_run_at

        symbol: None | str
        symbol = self.symbol

        target = self.target

        timezone = self.timezone

        upcoming = []
        for upcoming_item_data in self.upcoming:
            upcoming_item = upcoming_item_data.isoformat()
            upcoming.append(upcoming_item)



        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "cron": cron,
            "enabled": enabled,
            "faults": faults,
            "flatten": flatten,
            "id": id,
            "limit_price": limit_price,
            "next_run_at": next_run_at,
            "symbol": symbol,
            "target": target,
            "timezone": timezone,
            "upcoming": upcoming,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        cron = d.pop("cron")

        enabled = d.pop("enabled")

        faults = d.pop("faults")

        flatten = d.pop("flatten")

        id = d.pop("id")

        def _parse_limit_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        limit_price = _parse_limit_price(d.pop("limit_price"))


        def _parse_next_run_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_run_at = _parse_next_run_at(d.pop("next_run_at"))


        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))


        target = d.pop("target")

        timezone = d.pop("timezone")

        upcoming = []
        _upcoming = d.pop("upcoming")
        for upcoming_item_data in (_upcoming):
            upcoming_item = datetime.datetime.fromisoformat(upcoming_item_data)



            upcoming.append(upcoming_item)


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        drill_schedule_out = cls(
            created_at=created_at,
            cron=cron,
            enabled=enabled,
            faults=faults,
            flatten=flatten,
            id=id,
            limit_price=limit_price,
            next_run_at=next_run_at,
            symbol=symbol,
            target=target,
            timezone=timezone,
            upcoming=upcoming,
            updated_at=updated_at,
        )


        drill_schedule_out.additional_properties = d
        return drill_schedule_out

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
