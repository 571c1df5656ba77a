from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LevelGapOut")



@_attrs_define
class LevelGapOut:
    """ 
        Attributes:
            bps (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded half-
                even, never in exponent notation
            far (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            gap (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            level (int):
            near (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            side (str):
     """

    bps: str
    far: str
    gap: str
    level: int
    near: str
    side: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bps = self.bps

        far = self.far

        gap = self.gap

        level = self.level

        near = self.near

        side = self.side


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bps": bps,
            "far": far,
            "gap": gap,
            "level": level,
            "near": near,
            "side": side,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bps = d.pop("bps")

        far = d.pop("far")

        gap = d.pop("gap")

        level = d.pop("level")

        near = d.pop("near")

        side = d.pop("side")

        level_gap_out = cls(
            bps=bps,
            far=far,
            gap=gap,
            level=level,
            near=near,
            side=side,
        )


        level_gap_out.additional_properties = d
        return level_gap_out

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
