from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action import Action
from ..models.rule_scope import RuleScope
from ..models.rule_type import RuleType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.rule_in_params import RuleInParams





T = TypeVar("T", bound="RuleIn")



@_attrs_define
class RuleIn:
    """ 
        Attributes:
            rule_type (RuleType): What a rule limits. The first five are the platform's seed types.
            account_id (None | str | Unset):
            action (Action | Unset): What a control does when its limit is breached.
            agent_id (None | str | Unset):
            is_active (bool | Unset):  Default: True.
            name (str | Unset):  Default: ''.
            params (RuleInParams | Unset):
            scope (RuleScope | Unset): Which orders a rule applies to.
            strategy_id (None | str | Unset):
     """

    rule_type: RuleType
    account_id: None | str | Unset = UNSET
    action: Action | Unset = UNSET
    agent_id: None | str | Unset = UNSET
    is_active: bool | Unset = True
    name: str | Unset = ''
    params: RuleInParams | Unset = UNSET
    scope: RuleScope | Unset = UNSET
    strategy_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rule_in_params import RuleInParams # noqa: PLC0415
        rule_type = self.rule_type.value

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        action: str | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.value


        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        is_active = self.is_active

        name = self.name

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.value


        strategy_id: None | str | Unset
        if isinstance(self.strategy_id, Unset):
            strategy_id = UNSET
        else:
            strategy_id = self.strategy_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "rule_type": rule_type,
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if action is not UNSET:
            field_dict["action"] = action
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if name is not UNSET:
            field_dict["name"] = name
        if params is not UNSET:
            field_dict["params"] = params
        if scope is not UNSET:
            field_dict["scope"] = scope
        if strategy_id is not UNSET:
            field_dict["strategy_id"] = strategy_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_in_params import RuleInParams # noqa: PLC0415
        d = dict(src_dict)
        rule_type = RuleType(d.pop("rule_type"))




        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        _action = d.pop("action", UNSET)
        action: Action | Unset
        if isinstance(_action,  Unset):
            action = UNSET
        else:
            action = Action(_action)




        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))


        is_active = d.pop("is_active", UNSET)

        name = d.pop("name", UNSET)

        _params = d.pop("params", UNSET)
        params: RuleInParams | Unset
        if isinstance(_params,  Unset):
            params = UNSET
        else:
            params = RuleInParams.from_dict(_params)




        _scope = d.pop("scope", UNSET)
        scope: RuleScope | Unset
        if isinstance(_scope,  Unset):
            scope = UNSET
        else:
            scope = RuleScope(_scope)




        def _parse_strategy_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id", UNSET))


        rule_in = cls(
            rule_type=rule_type,
            account_id=account_id,
            action=action,
            agent_id=agent_id,
            is_active=is_active,
            name=name,
            params=params,
            scope=scope,
            strategy_id=strategy_id,
        )


        rule_in.additional_properties = d
        return rule_in

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
