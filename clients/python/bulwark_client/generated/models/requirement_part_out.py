from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.control_kind import ControlKind
from ..models.element_state import ElementState
from typing import cast






T = TypeVar("T", bound="RequirementPartOut")



@_attrs_define
class RequirementPartOut:
    """ 
        Attributes:
            controls (list[ControlKind]):
            state (ElementState):
            text (str):
     """

    controls: list[ControlKind]
    state: ElementState
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        controls = []
        for controls_item_data in self.controls:
            controls_item = controls_item_data.value
            controls.append(controls_item)



        state = self.state.value

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "controls": controls,
            "state": state,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        controls = []
        _controls = d.pop("controls")
        for controls_item_data in (_controls):
            controls_item = ControlKind(controls_item_data)



            controls.append(controls_item)


        state = ElementState(d.pop("state"))




        text = d.pop("text")

        requirement_part_out = cls(
            controls=controls,
            state=state,
            text=text,
        )


        requirement_part_out.additional_properties = d
        return requirement_part_out

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
