from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.giving_carryover_use_out import GivingCarryoverUseOut





T = TypeVar("T", bound="GivingDeductionLineOut")



@_attrs_define
class GivingDeductionLineOut:
    """ 
        Attributes:
            carried_forward (str):
            carryovers_used (list[GivingCarryoverUseOut]):
            category (str):
            contributed (str):
            deducted (str):
            deducted_carryover (str):
            deducted_current (str):
            limit (str):
     """

    carried_forward: str
    carryovers_used: list[GivingCarryoverUseOut]
    category: str
    contributed: str
    deducted: str
    deducted_carryover: str
    deducted_current: str
    limit: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.giving_carryover_use_out import GivingCarryoverUseOut # noqa: PLC0415
        carried_forward = self.carried_forward

        carryovers_used = []
        for carryovers_used_item_data in self.carryovers_used:
            carryovers_used_item = carryovers_used_item_data.to_dict()
            carryovers_used.append(carryovers_used_item)



        category = self.category

        contributed = self.contributed

        deducted = self.deducted

        deducted_carryover = self.deducted_carryover

        deducted_current = self.deducted_current

        limit = self.limit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "carried_forward": carried_forward,
            "carryovers_used": carryovers_used,
            "category": category,
            "contributed": contributed,
            "deducted": deducted,
            "deducted_carryover": deducted_carryover,
            "deducted_current": deducted_current,
            "limit": limit,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.giving_carryover_use_out import GivingCarryoverUseOut # noqa: PLC0415
        d = dict(src_dict)
        carried_forward = d.pop("carried_forward")

        carryovers_used = []
        _carryovers_used = d.pop("carryovers_used")
        for carryovers_used_item_data in (_carryovers_used):
            carryovers_used_item = GivingCarryoverUseOut.from_dict(carryovers_used_item_data)



            carryovers_used.append(carryovers_used_item)


        category = d.pop("category")

        contributed = d.pop("contributed")

        deducted = d.pop("deducted")

        deducted_carryover = d.pop("deducted_carryover")

        deducted_current = d.pop("deducted_current")

        limit = d.pop("limit")

        giving_deduction_line_out = cls(
            carried_forward=carried_forward,
            carryovers_used=carryovers_used,
            category=category,
            contributed=contributed,
            deducted=deducted,
            deducted_carryover=deducted_carryover,
            deducted_current=deducted_current,
            limit=limit,
        )


        giving_deduction_line_out.additional_properties = d
        return giving_deduction_line_out

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
