from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SourceQualityOut")



@_attrs_define
class SourceQualityOut:
    """ 
        Attributes:
            disagreement_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            gap_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            grade (str):
            rounds (int):
            source (str):
            staleness_seconds (float | None):
     """

    disagreement_rate: float
    gap_rate: float
    grade: str
    rounds: int
    source: str
    staleness_seconds: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        disagreement_rate = self.disagreement_rate

        gap_rate = self.gap_rate

        grade = self.grade

        rounds = self.rounds

        source = self.source

        staleness_seconds: float | None
        staleness_seconds = self.staleness_seconds


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "disagreement_rate": disagreement_rate,
            "gap_rate": gap_rate,
            "grade": grade,
            "rounds": rounds,
            "source": source,
            "staleness_seconds": staleness_seconds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        disagreement_rate = d.pop("disagreement_rate")

        gap_rate = d.pop("gap_rate")

        grade = d.pop("grade")

        rounds = d.pop("rounds")

        source = d.pop("source")

        def _parse_staleness_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        staleness_seconds = _parse_staleness_seconds(d.pop("staleness_seconds"))


        source_quality_out = cls(
            disagreement_rate=disagreement_rate,
            gap_rate=gap_rate,
            grade=grade,
            rounds=rounds,
            source=source,
            staleness_seconds=staleness_seconds,
        )


        source_quality_out.additional_properties = d
        return source_quality_out

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
