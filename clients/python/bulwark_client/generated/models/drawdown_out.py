from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DrawdownOut")



@_attrs_define
class DrawdownOut:
    """ 
        Attributes:
            mean (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            median (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            p95 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            p99 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            worst (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    mean: float
    median: float
    p95: float
    p99: float
    worst: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        mean = self.mean

        median = self.median

        p95 = self.p95

        p99 = self.p99

        worst = self.worst


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mean": mean,
            "median": median,
            "p95": p95,
            "p99": p99,
            "worst": worst,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mean = d.pop("mean")

        median = d.pop("median")

        p95 = d.pop("p95")

        p99 = d.pop("p99")

        worst = d.pop("worst")

        drawdown_out = cls(
            mean=mean,
            median=median,
            p95=p95,
            p99=p99,
            worst=worst,
        )


        drawdown_out.additional_properties = d
        return drawdown_out

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
