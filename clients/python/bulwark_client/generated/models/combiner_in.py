from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CombinerIn")



@_attrs_define
class CombinerIn:
    """ 
        Attributes:
            from_ (datetime.date):
            symbol (str):
            to (datetime.date):
            adjusted (bool | Unset):  Default: False.
     """

    from_: datetime.date
    symbol: str
    to: datetime.date
    adjusted: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        symbol = self.symbol

        to = self.to.isoformat()

        adjusted = self.adjusted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "from": from_,
            "symbol": symbol,
            "to": to,
        })
        if adjusted is not UNSET:
            field_dict["adjusted"] = adjusted

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))




        symbol = d.pop("symbol")

        to = datetime.date.fromisoformat(d.pop("to"))




        adjusted = d.pop("adjusted", UNSET)

        combiner_in = cls(
            from_=from_,
            symbol=symbol,
            to=to,
            adjusted=adjusted,
        )


        combiner_in.additional_properties = d
        return combiner_in

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
