from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PerformanceConventionsOut")



@_attrs_define
class PerformanceConventionsOut:
    """ 
        Attributes:
            cash_flows (str):
            day_count (str):
            modified_dietz (str):
            mwr (str):
            twr (str):
            units (str):
            valuation (str):
     """

    cash_flows: str
    day_count: str
    modified_dietz: str
    mwr: str
    twr: str
    units: str
    valuation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cash_flows = self.cash_flows

        day_count = self.day_count

        modified_dietz = self.modified_dietz

        mwr = self.mwr

        twr = self.twr

        units = self.units

        valuation = self.valuation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cash_flows": cash_flows,
            "day_count": day_count,
            "modified_dietz": modified_dietz,
            "mwr": mwr,
            "twr": twr,
            "units": units,
            "valuation": valuation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cash_flows = d.pop("cash_flows")

        day_count = d.pop("day_count")

        modified_dietz = d.pop("modified_dietz")

        mwr = d.pop("mwr")

        twr = d.pop("twr")

        units = d.pop("units")

        valuation = d.pop("valuation")

        performance_conventions_out = cls(
            cash_flows=cash_flows,
            day_count=day_count,
            modified_dietz=modified_dietz,
            mwr=mwr,
            twr=twr,
            units=units,
            valuation=valuation,
        )


        performance_conventions_out.additional_properties = d
        return performance_conventions_out

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
