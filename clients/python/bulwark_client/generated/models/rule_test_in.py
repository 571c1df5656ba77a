from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.rule_in import RuleIn
  from ..models.trade_in import TradeIn





T = TypeVar("T", bound="RuleTestIn")



@_attrs_define
class RuleTestIn:
    """ 
        Attributes:
            account_id (str):
            rule (RuleIn):
            order (None | TradeIn | Unset):
     """

    account_id: str
    rule: RuleIn
    order: None | TradeIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rule_in import RuleIn # noqa: PLC0415
        from ..models.trade_in import TradeIn # noqa: PLC0415
        account_id = self.account_id

        rule = self.rule.to_dict()

        order: dict[str, Any] | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        elif isinstance(self.order, TradeIn):
            order = self.order.to_dict()
        else:
            order = self.order


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "rule": rule,
        })
        if order is not UNSET:
            field_dict["order"] = order

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_in import RuleIn # noqa: PLC0415
        from ..models.trade_in import TradeIn # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        rule = RuleIn.from_dict(d.pop("rule"))




        def _parse_order(data: object) -> None | TradeIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                order_type_0 = TradeIn.from_dict(data)



                return order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TradeIn | Unset, data)

        order = _parse_order(d.pop("order", UNSET))


        rule_test_in = cls(
            account_id=account_id,
            rule=rule,
            order=order,
        )


        rule_test_in.additional_properties = d
        return rule_test_in

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
