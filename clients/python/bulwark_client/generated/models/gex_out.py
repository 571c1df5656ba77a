from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.gex_strike_out import GexStrikeOut





T = TypeVar("T", bound="GexOut")



@_attrs_define
class GexOut:
    """ 
        Attributes:
            by_strike (list[GexStrikeOut]):
            total (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            zero_gamma_level (float | None): Spot where total GEX changes sign (within +/-20% of spot); null: none
     """

    by_strike: list[GexStrikeOut]
    total: float
    zero_gamma_level: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.gex_strike_out import GexStrikeOut # noqa: PLC0415
        by_strike = []
        for by_strike_item_data in self.by_strike:
            by_strike_item = by_strike_item_data.to_dict()
            by_strike.append(by_strike_item)



        total = self.total

        zero_gamma_level: float | None
        zero_gamma_level = self.zero_gamma_level


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_strike": by_strike,
            "total": total,
            "zero_gamma_level": zero_gamma_level,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gex_strike_out import GexStrikeOut # noqa: PLC0415
        d = dict(src_dict)
        by_strike = []
        _by_strike = d.pop("by_strike")
        for by_strike_item_data in (_by_strike):
            by_strike_item = GexStrikeOut.from_dict(by_strike_item_data)



            by_strike.append(by_strike_item)


        total = d.pop("total")

        def _parse_zero_gamma_level(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        zero_gamma_level = _parse_zero_gamma_level(d.pop("zero_gamma_level"))


        gex_out = cls(
            by_strike=by_strike,
            total=total,
            zero_gamma_level=zero_gamma_level,
        )


        gex_out.additional_properties = d
        return gex_out

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
