from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.giving_carryover_in import GivingCarryoverIn





T = TypeVar("T", bound="GivingCarryoversIn")



@_attrs_define
class GivingCarryoversIn:
    """ 
        Attributes:
            carryovers (list[GivingCarryoverIn]):
            into_year (int):
     """

    carryovers: list[GivingCarryoverIn]
    into_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.giving_carryover_in import GivingCarryoverIn # noqa: PLC0415
        carryovers = []
        for carryovers_item_data in self.carryovers:
            carryovers_item = carryovers_item_data.to_dict()
            carryovers.append(carryovers_item)



        into_year = self.into_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "carryovers": carryovers,
            "into_year": into_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.giving_carryover_in import GivingCarryoverIn # noqa: PLC0415
        d = dict(src_dict)
        carryovers = []
        _carryovers = d.pop("carryovers")
        for carryovers_item_data in (_carryovers):
            carryovers_item = GivingCarryoverIn.from_dict(carryovers_item_data)



            carryovers.append(carryovers_item)


        into_year = d.pop("into_year")

        giving_carryovers_in = cls(
            carryovers=carryovers,
            into_year=into_year,
        )


        giving_carryovers_in.additional_properties = d
        return giving_carryovers_in

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
