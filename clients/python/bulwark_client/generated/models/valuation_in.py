from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ValuationIn")



@_attrs_define
class ValuationIn:
    """ 
        Attributes:
            as_of (datetime.date): The valuation's date: from acquisition to today, one a day
            method (str): appraisal, broker_opinion, capital_account, auction_estimate, owner_estimate
            value (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such as
                "12.5"
            note (str | Unset):  Default: ''.
     """

    as_of: datetime.date
    method: str
    value: str
    note: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        method = self.method

        value = self.value

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "method": method,
            "value": value,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        method = d.pop("method")

        value = d.pop("value")

        note = d.pop("note", UNSET)

        valuation_in = cls(
            as_of=as_of,
            method=method,
            value=value,
            note=note,
        )


        valuation_in.additional_properties = d
        return valuation_in

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
