from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="StoredHistoryOut")



@_attrs_define
class StoredHistoryOut:
    """ 
        Attributes:
            adjusted (bool):
            first_day (datetime.date):
            last_day (datetime.date):
            symbol (str):
     """

    adjusted: bool
    first_day: datetime.date
    last_day: datetime.date
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        adjusted = self.adjusted

        first_day = self.first_day.isoformat()

        last_day = self.last_day.isoformat()

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "adjusted": adjusted,
            "first_day": first_day,
            "last_day": last_day,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjusted = d.pop("adjusted")

        first_day = datetime.date.fromisoformat(d.pop("first_day"))




        last_day = datetime.date.fromisoformat(d.pop("last_day"))




        symbol = d.pop("symbol")

        stored_history_out = cls(
            adjusted=adjusted,
            first_day=first_day,
            last_day=last_day,
            symbol=symbol,
        )


        stored_history_out.additional_properties = d
        return stored_history_out

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
