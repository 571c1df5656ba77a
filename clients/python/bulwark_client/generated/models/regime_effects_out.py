from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RegimeEffectsOut")



@_attrs_define
class RegimeEffectsOut:
    """ Sum of the periods' effects

        Attributes:
            allocation (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            interaction (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            selection (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            total (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    allocation: float
    interaction: float
    selection: float
    total: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        allocation = self.allocation

        interaction = self.interaction

        selection = self.selection

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allocation": allocation,
            "interaction": interaction,
            "selection": selection,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allocation = d.pop("allocation")

        interaction = d.pop("interaction")

        selection = d.pop("selection")

        total = d.pop("total")

        regime_effects_out = cls(
            allocation=allocation,
            interaction=interaction,
            selection=selection,
            total=total,
        )


        regime_effects_out.additional_properties = d
        return regime_effects_out

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
