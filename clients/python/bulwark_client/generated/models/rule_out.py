from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action import Action
from ..models.rule_scope import RuleScope
from ..models.rule_type import RuleType
from typing import cast

if TYPE_CHECKING:
  from ..models.rule_out_params import RuleOutParams





T = TypeVar("T", bound="RuleOut")



@_attrs_define
class RuleOut:
    """ 
        Attributes:
            account_id (None | str):
            action (Action): What a control does when its limit is breached.
            agent_id (None | str):
            id (str):
            is_active (bool):
            name (str):
            owner_id (str):
            params (RuleOutParams):
            rule_type (RuleType): What a rule limits. The first five are the platform's seed types.
            scope (RuleScope): Which orders a rule applies to.
            strategy_id (None | str):
     """

    account_id: None | str
    action: Action
    agent_id: None | str
    id: str
    is_active: bool
    name: str
    owner_id: str
    params: RuleOutParams
    rule_type: RuleType
    scope: RuleScope
    strategy_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rule_out_params import RuleOutParams # noqa: PLC0415
        account_id: None | str
        account_id = self.account_id

        action = self.action.value

        agent_id: None | str
        agent_id = self.agent_id

        id = self.id

        is_active = self.is_active

        name = self.name

        owner_id = self.owner_id

        params = self.params.to_dict()

        rule_type = self.rule_type.value

        scope = self.scope.value

        strategy_id: None | str
        strategy_id = self.strategy_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "action": action,
            "agent_id": agent_id,
            "id": id,
            "is_active": is_active,
            "name": name,
            "owner_id": owner_id,
            "params": params,
            "rule_type": rule_type,
            "scope": scope,
            "strategy_id": strategy_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_out_params import RuleOutParams # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        action = Action(d.pop("action"))




        def _parse_agent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agent_id = _parse_agent_id(d.pop("agent_id"))


        id = d.pop("id")

        is_active = d.pop("is_active")

        name = d.pop("name")

        owner_id = d.pop("owner_id")

        params = RuleOutParams.from_dict(d.pop("params"))




        rule_type = RuleType(d.pop("rule_type"))




        scope = RuleScope(d.pop("scope"))




        def _parse_strategy_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id"))


        rule_out = cls(
            account_id=account_id,
            action=action,
            agent_id=agent_id,
            id=id,
            is_active=is_active,
            name=name,
            owner_id=owner_id,
            params=params,
            rule_type=rule_type,
            scope=scope,
            strategy_id=strategy_id,
        )


        rule_out.additional_properties = d
        return rule_out

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
