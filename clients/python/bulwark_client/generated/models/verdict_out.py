from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="VerdictOut")



@_attrs_define
class VerdictOut:
    """ 
        Attributes:
            code (str):
            control (str):
            message (str):
            outcome (str):
            allowed_quantity (None | str | Unset):
            rule_id (None | str | Unset):
     """

    code: str
    control: str
    message: str
    outcome: str
    allowed_quantity: None | str | Unset = UNSET
    rule_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        control = self.control

        message = self.message

        outcome = self.outcome

        allowed_quantity: None | str | Unset
        if isinstance(self.allowed_quantity, Unset):
            allowed_quantity = UNSET
        else:
            allowed_quantity = self.allowed_quantity

        rule_id: None | str | Unset
        if isinstance(self.rule_id, Unset):
            rule_id = UNSET
        else:
            rule_id = self.rule_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "control": control,
            "message": message,
            "outcome": outcome,
        })
        if allowed_quantity is not UNSET:
            field_dict["allowed_quantity"] = allowed_quantity
        if rule_id is not UNSET:
            field_dict["rule_id"] = rule_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        control = d.pop("control")

        message = d.pop("message")

        outcome = d.pop("outcome")

        def _parse_allowed_quantity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allowed_quantity = _parse_allowed_quantity(d.pop("allowed_quantity", UNSET))


        def _parse_rule_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rule_id = _parse_rule_id(d.pop("rule_id", UNSET))


        verdict_out = cls(
            code=code,
            control=control,
            message=message,
            outcome=outcome,
            allowed_quantity=allowed_quantity,
            rule_id=rule_id,
        )


        verdict_out.additional_properties = d
        return verdict_out

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
