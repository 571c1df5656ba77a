from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CreatedApiKeyOut")



@_attrs_define
class CreatedApiKeyOut:
    """ 
        Attributes:
            agent_id (str):
            api_key (str):
            created_at (datetime.datetime):
            key_id (str):
            scopes (list[str]):
     """

    agent_id: str
    api_key: str
    created_at: datetime.datetime
    key_id: str
    scopes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        api_key = self.api_key

        created_at = self.created_at.isoformat()

        key_id = self.key_id

        scopes = self.scopes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agent_id": agent_id,
            "api_key": api_key,
            "created_at": created_at,
            "key_id": key_id,
            "scopes": scopes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        api_key = d.pop("api_key")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        key_id = d.pop("key_id")

        scopes = cast(list[str], d.pop("scopes"))


        created_api_key_out = cls(
            agent_id=agent_id,
            api_key=api_key,
            created_at=created_at,
            key_id=key_id,
            scopes=scopes,
        )


        created_api_key_out.additional_properties = d
        return created_api_key_out

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
