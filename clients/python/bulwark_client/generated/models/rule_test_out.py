from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.common_decision_out import CommonDecisionOut
  from ..models.rule_out import RuleOut





T = TypeVar("T", bound="RuleTestOut")



@_attrs_define
class RuleTestOut:
    """ 
        Attributes:
            binding (bool):
            breaches (list[str]):
            holdings_checked (int):
            rule (RuleOut):
            order_decision (CommonDecisionOut | None | Unset):
     """

    binding: bool
    breaches: list[str]
    holdings_checked: int
    rule: RuleOut
    order_decision: CommonDecisionOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.common_decision_out import CommonDecisionOut # noqa: PLC0415
        from ..models.rule_out import RuleOut # noqa: PLC0415
        binding = self.binding

        breaches = self.breaches



        holdings_checked = self.holdings_checked

        rule = self.rule.to_dict()

        order_decision: dict[str, Any] | None | Unset
        if isinstance(self.order_decision, Unset):
            order_decision = UNSET
        elif isinstance(self.order_decision, CommonDecisionOut):
            order_decision = self.order_decision.to_dict()
        else:
            order_decision = self.order_decision


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "binding": binding,
            "breaches": breaches,
            "holdings_checked": holdings_checked,
            "rule": rule,
        })
        if order_decision is not UNSET:
            field_dict["order_decision"] = order_decision

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.common_decision_out import CommonDecisionOut # noqa: PLC0415
        from ..models.rule_out import RuleOut # noqa: PLC0415
        d = dict(src_dict)
        binding = d.pop("binding")

        breaches = cast(list[str], d.pop("breaches"))


        holdings_checked = d.pop("holdings_checked")

        rule = RuleOut.from_dict(d.pop("rule"))




        def _parse_order_decision(data: object) -> CommonDecisionOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                order_decision_type_0 = CommonDecisionOut.from_dict(data)



                return order_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommonDecisionOut | None | Unset, data)

        order_decision = _parse_order_decision(d.pop("order_decision", UNSET))


        rule_test_out = cls(
            binding=binding,
            breaches=breaches,
            holdings_checked=holdings_checked,
            rule=rule,
            order_decision=order_decision,
        )


        rule_test_out.additional_properties = d
        return rule_test_out

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
