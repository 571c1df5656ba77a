from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="KeyAccessOut")



@_attrs_define
class KeyAccessOut:
    """ 
        Attributes:
            actor (str):
            at (datetime.datetime):
            component (str):
            detail (str):
            outcome (str):
     """

    actor: str
    at: datetime.datetime
    component: str
    detail: str
    outcome: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        at = self.at.isoformat()

        component = self.component

        detail = self.detail

        outcome = self.outcome


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actor": actor,
            "at": at,
            "component": component,
            "detail": detail,
            "outcome": outcome,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        component = d.pop("component")

        detail = d.pop("detail")

        outcome = d.pop("outcome")

        key_access_out = cls(
            actor=actor,
            at=at,
            component=component,
            detail=detail,
            outcome=outcome,
        )


        key_access_out.additional_properties = d
        return key_access_out

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
