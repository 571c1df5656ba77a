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





T = TypeVar("T", bound="AgentHaltIn")



@_attrs_define
class AgentHaltIn:
    """ 
        Attributes:
            reason (str):
            flatten (bool | Unset):  Default: False.
            scope (AccountScopeIn | AgentScopeIn | None | Unset):
     """

    reason: str
    flatten: bool | Unset = False
    scope: AccountScopeIn | AgentScopeIn | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_scope_in import AccountScopeIn # noqa: PLC0415
        from ..models.agent_scope_in import AgentScopeIn # noqa: PLC0415
        reason = self.reason

        flatten = self.flatten

        scope: dict[str, Any] | None | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        elif isinstance(self.scope, AccountScopeIn):
            scope = self.scope.to_dict()
        elif isinstance(self.scope, AgentScopeIn):
            scope = self.scope.to_dict()
        else:
            scope = self.scope


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reason": reason,
        })
        if flatten is not UNSET:
            field_dict["flatten"] = flatten
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_scope_in import AccountScopeIn # noqa: PLC0415
        from ..models.agent_scope_in import AgentScopeIn # noqa: PLC0415
        d = dict(src_dict)
        reason = d.pop("reason")

        flatten = d.pop("flatten", UNSET)

        def _parse_scope(data: object) -> AccountScopeIn | AgentScopeIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_0 = AccountScopeIn.from_dict(data)



                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_1 = AgentScopeIn.from_dict(data)



                return scope_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountScopeIn | AgentScopeIn | None | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))


        agent_halt_in = cls(
            reason=reason,
            flatten=flatten,
            scope=scope,
        )


        agent_halt_in.additional_properties = d
        return agent_halt_in

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
