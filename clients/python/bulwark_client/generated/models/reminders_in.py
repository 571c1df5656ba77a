from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RemindersIn")



@_attrs_define
class RemindersIn:
    """ 
        Attributes:
            filings (list[str]): 13F-HR, SC 13G/A, 1040-ES ([]: none)
            lead_days (list[int] | None | Unset): Days ahead, each 0..60
     """

    filings: list[str]
    lead_days: list[int] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        filings = self.filings



        lead_days: list[int] | None | Unset
        if isinstance(self.lead_days, Unset):
            lead_days = UNSET
        elif isinstance(self.lead_days, list):
            lead_days = self.lead_days


        else:
            lead_days = self.lead_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "filings": filings,
        })
        if lead_days is not UNSET:
            field_dict["lead_days"] = lead_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filings = cast(list[str], d.pop("filings"))


        def _parse_lead_days(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lead_days_type_0 = cast(list[int], data)

                return lead_days_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        lead_days = _parse_lead_days(d.pop("lead_days", UNSET))


        reminders_in = cls(
            filings=filings,
            lead_days=lead_days,
        )


        reminders_in.additional_properties = d
        return reminders_in

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
