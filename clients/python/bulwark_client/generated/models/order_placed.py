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
  from ..models.order_out import OrderOut





T = TypeVar("T", bound="OrderPlaced")



@_attrs_define
class OrderPlaced:
    """ 
        Attributes:
            order (OrderOut):
            decision (CommonDecisionOut | None | Unset):
            replayed (bool | Unset):  Default: False.
     """

    order: OrderOut
    decision: CommonDecisionOut | None | Unset = UNSET
    replayed: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.common_decision_out import CommonDecisionOut # noqa: PLC0415
        from ..models.order_out import OrderOut # noqa: PLC0415
        order = self.order.to_dict()

        decision: dict[str, Any] | None | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        elif isinstance(self.decision, CommonDecisionOut):
            decision = self.decision.to_dict()
        else:
            decision = self.decision

        replayed = self.replayed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "order": order,
        })
        if decision is not UNSET:
            field_dict["decision"] = decision
        if replayed is not UNSET:
            field_dict["replayed"] = replayed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.common_decision_out import CommonDecisionOut # noqa: PLC0415
        from ..models.order_out import OrderOut # noqa: PLC0415
        d = dict(src_dict)
        order = OrderOut.from_dict(d.pop("order"))




        def _parse_decision(data: object) -> CommonDecisionOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decision_type_0 = CommonDecisionOut.from_dict(data)



                return decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommonDecisionOut | None | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))


        replayed = d.pop("replayed", UNSET)

        order_placed = cls(
            order=order,
            decision=decision,
            replayed=replayed,
        )


        order_placed.additional_properties = d
        return order_placed

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
