from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.resume_in_to_state import ResumeInToState
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.account_scope_in import AccountScopeIn
  from ..models.agent_scope_in import AgentScopeIn
  from ..models.book_scope_in import BookScopeIn
  from ..models.global_scope_in import GlobalScopeIn





T = TypeVar("T", bound="ResumeIn")



@_attrs_define
class ResumeIn:
    """ 
        Attributes:
            passcode (str):
            scope (AccountScopeIn | AgentScopeIn | BookScopeIn | GlobalScopeIn):
            approver_passcode (None | str | Unset):
            approver_username (None | str | Unset):
            to_state (ResumeInToState | Unset):  Default: ResumeInToState.ACTIVE.
     """

    passcode: str
    scope: AccountScopeIn | AgentScopeIn | BookScopeIn | GlobalScopeIn
    approver_passcode: None | str | Unset = UNSET
    approver_username: None | str | Unset = UNSET
    to_state: ResumeInToState | Unset = ResumeInToState.ACTIVE
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


        approver_passcode: None | str | Unset
        if isinstance(self.approver_passcode, Unset):
            approver_passcode = UNSET
        else:
            approver_passcode = self.approver_passcode

        approver_username: None | str | Unset
        if isinstance(self.approver_username, Unset):
            approver_username = UNSET
        else:
            approver_username = self.approver_username

        to_state: str | Unset = UNSET
        if not isinstance(self.to_state, Unset):
            to_state = self.to_state.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "passcode": passcode,
            "scope": scope,
        })
        if approver_passcode is not UNSET:
            field_dict["approver_passcode"] = approver_passcode
        if approver_username is not UNSET:
            field_dict["approver_username"] = approver_username
        if to_state is not UNSET:
            field_dict["to_state"] = to_state

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


        def _parse_approver_passcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approver_passcode = _parse_approver_passcode(d.pop("approver_passcode", UNSET))


        def _parse_approver_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approver_username = _parse_approver_username(d.pop("approver_username", UNSET))


        _to_state = d.pop("to_state", UNSET)
        to_state: ResumeInToState | Unset
        if isinstance(_to_state,  Unset):
            to_state = UNSET
        else:
            to_state = ResumeInToState(_to_state)




        resume_in = cls(
            passcode=passcode,
            scope=scope,
            approver_passcode=approver_passcode,
            approver_username=approver_username,
            to_state=to_state,
        )


        resume_in.additional_properties = d
        return resume_in

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
