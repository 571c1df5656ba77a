from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="SessionOut")



@_attrs_define
class SessionOut:
    """ 
        Attributes:
            close (datetime.datetime):
            close_local (datetime.datetime):
            date (datetime.date):
            early_close (bool):
            open_ (datetime.datetime):
            open_local (datetime.datetime):
     """

    close: datetime.datetime
    close_local: datetime.datetime
    date: datetime.date
    early_close: bool
    open_: datetime.datetime
    open_local: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        close = self.close.isoformat()

        close_local = self.close_local.isoformat()

        date = self.date.isoformat()

        early_close = self.early_close

        open_ = self.open_.isoformat()

        open_local = self.open_local.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "close": close,
            "close_local": close_local,
            "date": date,
            "early_close": early_close,
            "open": open_,
            "open_local": open_local,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        close = datetime.datetime.fromisoformat(d.pop("close"))




        close_local = datetime.datetime.fromisoformat(d.pop("close_local"))




        date = datetime.date.fromisoformat(d.pop("date"))




        early_close = d.pop("early_close")

        open_ = datetime.datetime.fromisoformat(d.pop("open"))




        open_local = datetime.datetime.fromisoformat(d.pop("open_local"))




        session_out = cls(
            close=close,
            close_local=close_local,
            date=date,
            early_close=early_close,
            open_=open_,
            open_local=open_local,
        )


        session_out.additional_properties = d
        return session_out

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
