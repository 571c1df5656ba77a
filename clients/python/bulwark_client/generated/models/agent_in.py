from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AgentIn")



@_attrs_define
class AgentIn:
    """ 
        Attributes:
            agent_id (str):
            account_ids (list[str] | Unset):
            heartbeat_threshold_seconds (float | Unset):  Default: 5.0.
            name (str | Unset):  Default: ''.
     """

    agent_id: str
    account_ids: list[str] | Unset = UNSET
    heartbeat_threshold_seconds: float | Unset = 5.0
    name: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        account_ids: list[str] | Unset = UNSET
        if not isinstance(self.account_ids, Unset):
            account_ids = self.account_ids



        heartbeat_threshold_seconds = self.heartbeat_threshold_seconds

        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agent_id": agent_id,
        })
        if account_ids is not UNSET:
            field_dict["account_ids"] = account_ids
        if heartbeat_threshold_seconds is not UNSET:
            field_dict["heartbeat_threshold_seconds"] = heartbeat_threshold_seconds
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        account_ids = cast(list[str], d.pop("account_ids", UNSET))


        heartbeat_threshold_seconds = d.pop("heartbeat_threshold_seconds", UNSET)

        name = d.pop("name", UNSET)

        agent_in = cls(
            agent_id=agent_id,
            account_ids=account_ids,
            heartbeat_threshold_seconds=heartbeat_threshold_seconds,
            name=name,
        )


        agent_in.additional_properties = d
        return agent_in

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
