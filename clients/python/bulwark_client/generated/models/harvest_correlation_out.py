from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="HarvestCorrelationOut")



@_attrs_define
class HarvestCorrelationOut:
    """ 
        Attributes:
            method (str):
            min_correlation (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            no_history (list[str]): Symbols whose daily bars could not be read
            returns_days (int):
            start (datetime.date):
     """

    method: str
    min_correlation: float
    no_history: list[str]
    returns_days: int
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        method = self.method

        min_correlation = self.min_correlation

        no_history = self.no_history



        returns_days = self.returns_days

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "method": method,
            "min_correlation": min_correlation,
            "no_history": no_history,
            "returns_days": returns_days,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = d.pop("method")

        min_correlation = d.pop("min_correlation")

        no_history = cast(list[str], d.pop("no_history"))


        returns_days = d.pop("returns_days")

        start = datetime.date.fromisoformat(d.pop("start"))




        harvest_correlation_out = cls(
            method=method,
            min_correlation=min_correlation,
            no_history=no_history,
            returns_days=returns_days,
            start=start,
        )


        harvest_correlation_out.additional_properties = d
        return harvest_correlation_out

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
