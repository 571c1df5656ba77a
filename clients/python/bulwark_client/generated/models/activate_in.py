from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.account_scope_in import AccountScopeIn
  from ..models.agent_scope_in import AgentScopeIn
  from ..models.book_scope_in import BookScopeIn
  from ..models.global_scope_in import GlobalScopeIn





T = TypeVar("T", bound="ActivateIn")



@_attrs_define
class ActivateIn:
    """ 
        Attributes:
            passcode (str):
            scope (AccountScopeIn | AgentScopeIn | BookScopeIn | GlobalScopeIn):
            flatten (bool | Unset):  Default: False.
            reason (None | str | Unset):
     """

    passcode: str
    scope: AccountScopeIn | AgentScopeIn | BookScopeIn | GlobalScopeIn
    flatten: bool | Unset = False
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_scope_in import AccountScopeIn # noqa: PLC0415
        from ..models.agent_scope_in import AgentScopeIn # noqa: PLC0415
        from ..models.book_scope_in import BookScopeIn # noqa: PLC0415
        from ..models.global_scope_in import GlobalScopeIn # noqa: PLC0415
        passcode = self.passcode

        scope: dict[str, Any]
        if isinstance(self.scope, GlobalScopeIn):
            scope = self.scope.to_dict()
        elif isinstance(self.scope, AccountScopeIn):
            scope = self.scope.to_dict()
        elif isinstance(self.scope, AgentScopeIn):
            scope = self.scope.to_dict()
        else:
            scope = self.scope.to_dict()


        flatten = self.flatten

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "passcode": passcode,
            "scope": scope,
        })
        if flatten is not UNSET:
            field_dict["flatten"] = flatten
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_scope_in import AccountScopeIn # noqa: PLC0415
        from ..models.agent_scope_in import AgentScopeIn # noqa: PLC0415
        from ..models.book_scope_in import BookScopeIn # noqa: PLC0415
        from ..models.global_scope_in import GlobalScopeIn # noqa: PLC0415
        d = dict(src_dict)
        passcode = d.pop("passcode")

        def _parse_scope(data: object) -> AccountScopeIn | AgentScopeIn | BookScopeIn | GlobalScopeIn:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_0 = GlobalScopeIn.from_dict(data)



                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_1 = AccountScopeIn.from_dict(data)



                return scope_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_2 = AgentScopeIn.from_dict(data)



                return scope_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            scope_type_3 = BookScopeIn.from_dict(data)



            return scope_type_3

        scope = _parse_scope(d.pop("scope"))


        flatten = d.pop("flatten", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        activate_in = cls(
            passcode=passcode,
            scope=scope,
            flatten=flatten,
            reason=reason,
        )


        activate_in.additional_properties = d
        return activate_in

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
