from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HillOut")



@_attrs_define
class HillOut:
    """ 
        Attributes:
            alpha (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            k (int):
            k_rule (str):
            losses (int):
            xi (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    alpha: float
    k: int
    k_rule: str
    losses: int
    xi: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        alpha = self.alpha

        k = self.k

        k_rule = self.k_rule

        losses = self.losses

        xi = self.xi


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alpha": alpha,
            "k": k,
            "k_rule": k_rule,
            "losses": losses,
            "xi": xi,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alpha = d.pop("alpha")

        k = d.pop("k")

        k_rule = d.pop("k_rule")

        losses = d.pop("losses")

        xi = d.pop("xi")

        hill_out = cls(
            alpha=alpha,
            k=k,
            k_rule=k_rule,
            losses=losses,
            xi=xi,
        )


        hill_out.additional_properties = d
        return hill_out

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
