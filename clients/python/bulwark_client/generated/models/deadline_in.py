from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DeadlineIn")



@_attrs_define
class DeadlineIn:
    """ 
        Attributes:
            event_date (datetime.date):
            filing (str): SC 13D, SC 13D/A, SC 13G or SC 13G/A
            trigger (str): crossed_5_percent, quarter_end_above_5_percent, month_end_above_10_percent, material_change or
                crossed_10_or_moved_5_percent
            filer_type (None | str | Unset): For 13G: qii, passive or exempt
     """

    event_date: datetime.date
    filing: str
    trigger: str
    filer_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        event_date = self.event_date.isoformat()

        filing = self.filing

        trigger = self.trigger

        filer_type: None | str | Unset
        if isinstance(self.filer_type, Unset):
            filer_type = UNSET
        else:
            filer_type = self.filer_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "event_date": event_date,
            "filing": filing,
            "trigger": trigger,
        })
        if filer_type is not UNSET:
            field_dict["filer_type"] = filer_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_date = datetime.date.fromisoformat(d.pop("event_date"))




        filing = d.pop("filing")

        trigger = d.pop("trigger")

        def _parse_filer_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filer_type = _parse_filer_type(d.pop("filer_type", UNSET))


        deadline_in = cls(
            event_date=event_date,
            filing=filing,
            trigger=trigger,
            filer_type=filer_type,
        )


        deadline_in.additional_properties = d
        return deadline_in

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
