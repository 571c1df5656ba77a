from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="StoredSourceOut")



@_attrs_define
class StoredSourceOut:
    """ 
        Attributes:
            account_id (None | str):
            end (datetime.date):
            left_out (list[str]):
            portfolio_id (None | str):
            start (datetime.date):
     """

    account_id: None | str
    end: datetime.date
    left_out: list[str]
    portfolio_id: None | str
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        account_id = self.account_id

        end = self.end.isoformat()

        left_out = self.left_out



        portfolio_id: None | str
        portfolio_id = self.portfolio_id

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "end": end,
            "left_out": left_out,
            "portfolio_id": portfolio_id,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        end = datetime.date.fromisoformat(d.pop("end"))




        left_out = cast(list[str], d.pop("left_out"))


        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        start = datetime.date.fromisoformat(d.pop("start"))




        stored_source_out = cls(
            account_id=account_id,
            end=end,
            left_out=left_out,
            portfolio_id=portfolio_id,
            start=start,
        )


        stored_source_out.additional_properties = d
        return stored_source_out

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
