from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.computed_ratio_out_unit import ComputedRatioOutUnit
from typing import cast

if TYPE_CHECKING:
  from ..models.computed_ratio_out_inputs import ComputedRatioOutInputs





T = TypeVar("T", bound="ComputedRatioOut")



@_attrs_define
class ComputedRatioOut:
    """ 
        Attributes:
            basis (str):
            formula (str):
            inputs (ComputedRatioOutInputs):
            name (str):
            reason (None | str):
            unit (ComputedRatioOutUnit):
            value (None | str):
     """

    basis: str
    formula: str
    inputs: ComputedRatioOutInputs
    name: str
    reason: None | str
    unit: ComputedRatioOutUnit
    value: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.computed_ratio_out_inputs import ComputedRatioOutInputs # noqa: PLC0415
        basis = self.basis

        formula = self.formula

        inputs = self.inputs.to_dict()

        name = self.name

        reason: None | str
        reason = self.reason

        unit = self.unit.value

        value: None | str
        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "basis": basis,
            "formula": formula,
            "inputs": inputs,
            "name": name,
            "reason": reason,
            "unit": unit,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.computed_ratio_out_inputs import ComputedRatioOutInputs # noqa: PLC0415
        d = dict(src_dict)
        basis = d.pop("basis")

        formula = d.pop("formula")

        inputs = ComputedRatioOutInputs.from_dict(d.pop("inputs"))




        name = d.pop("name")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        unit = ComputedRatioOutUnit(d.pop("unit"))




        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))


        computed_ratio_out = cls(
            basis=basis,
            formula=formula,
            inputs=inputs,
            name=name,
            reason=reason,
            unit=unit,
            value=value,
        )


        computed_ratio_out.additional_properties = d
        return computed_ratio_out

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
