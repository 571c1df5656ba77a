from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EntryOut")



@_attrs_define
class EntryOut:
    """ 
        Attributes:
            allow_short (bool):
            combine (str):
            combiner (str):
            min_score (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            reading_max_age_hours (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            refit_bars (int):
            training_bars (int):
     """

    allow_short: bool
    combine: str
    combiner: str
    min_score: float
    reading_max_age_hours: float
    refit_bars: int
    training_bars: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        allow_short = self.allow_short

        combine = self.combine

        combiner = self.combiner

        min_score = self.min_score

        reading_max_age_hours = self.reading_max_age_hours

        refit_bars = self.refit_bars

        training_bars = self.training_bars


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allow_short": allow_short,
            "combine": combine,
            "combiner": combiner,
            "min_score": min_score,
            "reading_max_age_hours": reading_max_age_hours,
            "refit_bars": refit_bars,
            "training_bars": training_bars,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allow_short = d.pop("allow_short")

        combine = d.pop("combine")

        combiner = d.pop("combiner")

        min_score = d.pop("min_score")

        reading_max_age_hours = d.pop("reading_max_age_hours")

        refit_bars = d.pop("refit_bars")

        training_bars = d.pop("training_bars")

        entry_out = cls(
            allow_short=allow_short,
            combine=combine,
            combiner=combiner,
            min_score=min_score,
            reading_max_age_hours=reading_max_age_hours,
            refit_bars=refit_bars,
            training_bars=training_bars,
        )


        entry_out.additional_properties = d
        return entry_out

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
