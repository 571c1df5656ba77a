from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SectorWeightOut")



@_attrs_define
class SectorWeightOut:
    """ 
        Attributes:
            gross_notional (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            sector (str):
            weight (None | str):
     """

    gross_notional: str
    sector: str
    weight: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        gross_notional = self.gross_notional

        sector = self.sector

        weight: None | str
        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "gross_notional": gross_notional,
            "sector": sector,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gross_notional = d.pop("gross_notional")

        sector = d.pop("sector")

        def _parse_weight(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        weight = _parse_weight(d.pop("weight"))


        sector_weight_out = cls(
            gross_notional=gross_notional,
            sector=sector,
            weight=weight,
        )


        sector_weight_out.additional_properties = d
        return sector_weight_out

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
