from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TreasuryCurvePointOut")



@_attrs_define
class TreasuryCurvePointOut:
    """ 
        Attributes:
            series_id (str):
            tenor (str):
            years (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            yield_pct (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
     """

    series_id: str
    tenor: str
    years: float
    yield_pct: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        series_id = self.series_id

        tenor = self.tenor

        years = self.years

        yield_pct = self.yield_pct


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "series_id": series_id,
            "tenor": tenor,
            "years": years,
            "yield_pct": yield_pct,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        series_id = d.pop("series_id")

        tenor = d.pop("tenor")

        years = d.pop("years")

        yield_pct = d.pop("yield_pct")

        treasury_curve_point_out = cls(
            series_id=series_id,
            tenor=tenor,
            years=years,
            yield_pct=yield_pct,
        )


        treasury_curve_point_out.additional_properties = d
        return treasury_curve_point_out

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
