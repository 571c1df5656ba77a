from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PoolDrainIn")



@_attrs_define
class PoolDrainIn:
    """ 
        Attributes:
            at (list[datetime.datetime]): 2 to 100,000 RFC 3339 times with a zone
            tvl (list[str]): TVL at each time, >= 0
            threshold (str | Unset): A fraction in (0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
                Default: '0.3'.
            window_hours (float | Unset): Window, hours Default: 24.0.
     """

    at: list[datetime.datetime]
    tvl: list[str]
    threshold: str | Unset = '0.3'
    window_hours: float | Unset = 24.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = []
        for at_item_data in self.at:
            at_item = at_item_data.isoformat()
            at.append(at_item)



        tvl = self.tvl



        threshold = self.threshold

        window_hours = self.window_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "tvl": tvl,
        })
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if window_hours is not UNSET:
            field_dict["window_hours"] = window_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = []
        _at = d.pop("at")
        for at_item_data in (_at):
            at_item = datetime.datetime.fromisoformat(at_item_data)



            at.append(at_item)


        tvl = cast(list[str], d.pop("tvl"))


        threshold = d.pop("threshold", UNSET)

        window_hours = d.pop("window_hours", UNSET)

        pool_drain_in = cls(
            at=at,
            tvl=tvl,
            threshold=threshold,
            window_hours=window_hours,
        )


        pool_drain_in.additional_properties = d
        return pool_drain_in

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
