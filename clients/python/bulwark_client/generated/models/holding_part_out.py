from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="HoldingPartOut")



@_attrs_define
class HoldingPartOut:
    """ 
        Attributes:
            as_of (datetime.date): The date the value is stated at (today for trading accounts)
            id (str):
            name (str):
            source (str): TRADING_ACCOUNT, PORTFOLIO, ILLIQUID_ASSET or LINKED_ACCOUNT (a Plaid account)
            value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    as_of: datetime.date
    id: str
    name: str
    source: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        id = self.id

        name = self.name

        source = self.source

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "id": id,
            "name": name,
            "source": source,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        id = d.pop("id")

        name = d.pop("name")

        source = d.pop("source")

        value = d.pop("value")

        holding_part_out = cls(
            as_of=as_of,
            id=id,
            name=name,
            source=source,
            value=value,
        )


        holding_part_out.additional_properties = d
        return holding_part_out

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
