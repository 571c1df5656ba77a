from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DrillScheduleIn")



@_attrs_define
class DrillScheduleIn:
    """ 
        Attributes:
            cron (str): Five cron fields (minute hour day-of-month month day-of-week, e.g. `0 3 * * 1-5`) or @daily,
                @weekly, ..., read in `timezone`
            enabled (bool | Unset):  Default: True.
            faults (None | str | Unset): Paper only: the broker's faults during the halt, as `bulwark drill kill-switch
                --fault` spells them (none, keep_on_cancel, delay_acks=MS, ...)
            flatten (bool | None | Unset): Paper only (default true there): the drill holds a position the kill switch must
                close, and times the venue until it is flat
            limit_price (None | str | Unset): A venue's drill: a buy limit well below the symbol's market, so the orders
                rest
            symbol (None | str | Unset): A venue's drill: a symbol the venue lists
            target (str | Unset): `paper`, or the id of one of your venue connections (vc-...) in a paper, sandbox or
                testnet environment; a live one is refused (DRILL_TARGET_LIVE) Default: 'paper'.
            timezone (str | Unset): IANA time zone Default: 'UTC'.
     """

    cron: str
    enabled: bool | Unset = True
    faults: None | str | Unset = UNSET
    flatten: bool | None | Unset = UNSET
    limit_price: None | str | Unset = UNSET
    symbol: None | str | Unset = UNSET
    target: str | Unset = 'paper'
    timezone: str | Unset = 'UTC'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cron = self.cron

        enabled = self.enabled

        faults: None | str | Unset
        if isinstance(self.faults, Unset):
            faults = UNSET
        else:
            faults = self.faults

        flatten: bool | None | Unset
        if isinstance(self.flatten, Unset):
            flatten = UNSET
        else:
            flatten = self.flatten

        limit_price: None | str | Unset
        if isinstance(self.limit_price, Unset):
            limit_price = UNSET
        else:
            limit_price = self.limit_price

        symbol: None | str | Unset
        if isinstance(self.symbol, Unset):
            symbol = UNSET
        else:
            symbol = self.symbol

        target = self.target

        timezone = self.timezone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cron": cron,
        })
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if faults is not UNSET:
            field_dict["faults"] = faults
        if flatten is not UNSET:
            field_dict["flatten"] = flatten
        if limit_price is not UNSET:
            field_dict["limit_price"] = limit_price
        if symbol is not UNSET:
            field_dict["symbol"] = symbol
        if target is not UNSET:
            field_dict["target"] = target
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cron = d.pop("cron")

        enabled = d.pop("enabled", UNSET)

        def _parse_faults(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        faults = _parse_faults(d.pop("faults", UNSET))


        def _parse_flatten(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        flatten = _parse_flatten(d.pop("flatten", UNSET))


        def _parse_limit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        limit_price = _parse_limit_price(d.pop("limit_price", UNSET))


        def _parse_symbol(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symbol = _parse_symbol(d.pop("symbol", UNSET))


        target = d.pop("target", UNSET)

        timezone = d.pop("timezone", UNSET)

        drill_schedule_in = cls(
            cron=cron,
            enabled=enabled,
            faults=faults,
            flatten=flatten,
            limit_price=limit_price,
            symbol=symbol,
            target=target,
            timezone=timezone,
        )


        drill_schedule_in.additional_properties = d
        return drill_schedule_in

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
