from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FanOut")



@_attrs_define
class FanOut:
    """ 
        Attributes:
            levels (list[float]):
            steps (list[int]):
            values (list[list[float]]):
     """

    levels: list[float]
    steps: list[int]
    values: list[list[float]]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        levels = self.levels



        steps = self.steps



        values = []
        for values_item_data in self.values:
            values_item = values_item_data


            values.append(values_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "levels": levels,
            "steps": steps,
            "values": values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        levels = cast(list[float], d.pop("levels"))


        steps = cast(list[int], d.pop("steps"))


        values = []
        _values = d.pop("values")
        for values_item_data in (_values):
            values_item = cast(list[float], values_item_data)

            values.append(values_item)


        fan_out = cls(
            levels=levels,
            steps=steps,
            values=values,
        )


        fan_out.additional_properties = d
        return fan_out

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
