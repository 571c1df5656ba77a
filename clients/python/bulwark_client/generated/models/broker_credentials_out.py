from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="BrokerCredentialsOut")



@_attrs_define
class BrokerCredentialsOut:
    """ 
        Attributes:
            account_id (str):
            broker (str):
            key_id (str):
            paper (bool):
            updated_at (datetime.datetime):
     """

    account_id: str
    broker: str
    key_id: str
    paper: bool
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        broker = self.broker

        key_id = self.key_id

        paper = self.paper

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "broker": broker,
            "key_id": key_id,
            "paper": paper,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        broker = d.pop("broker")

        key_id = d.pop("key_id")

        paper = d.pop("paper")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        broker_credentials_out = cls(
            account_id=account_id,
            broker=broker,
            key_id=key_id,
            paper=paper,
            updated_at=updated_at,
        )


        broker_credentials_out.additional_properties = d
        return broker_credentials_out

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
