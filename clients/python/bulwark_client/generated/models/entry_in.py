from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.combine import Combine
from ..types import UNSET, Unset






T = TypeVar("T", bound="EntryIn")



@_attrs_define
class EntryIn:
    """ 
        Attributes:
            allow_short (bool | Unset):  Default: False.
            combine (Combine | Unset): How a strategy's sources decide.

                    each: every source's signal decides alone (its score against the entry threshold).
                    weighted: the fused score sum(w_i * s_i) over each source's latest reading decides
                    (domain/strategies/fusion.py); a reading counts while it is at most
                    `reading_max_age_hours` old.

            min_score (float | Unset):  Default: 0.5.
            reading_max_age_hours (float | Unset):  Default: 24.0.
     """

    allow_short: bool | Unset = False
    combine: Combine | Unset = UNSET
    min_score: float | Unset = 0.5
    reading_max_age_hours: float | Unset = 24.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        allow_short = self.allow_short

        combine: str | Unset = UNSET
        if not isinstance(self.combine, Unset):
            combine = self.combine.value


        min_score = self.min_score

        reading_max_age_hours = self.reading_max_age_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if allow_short is not UNSET:
            field_dict["allow_short"] = allow_short
        if combine is not UNSET:
            field_dict["combine"] = combine
        if min_score is not UNSET:
            field_dict["min_score"] = min_score
        if reading_max_age_hours is not UNSET:
            field_dict["reading_max_age_hours"] = reading_max_age_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allow_short = d.pop("allow_short", UNSET)

        _combine = d.pop("combine", UNSET)
        combine: Combine | Unset
        if isinstance(_combine,  Unset):
            combine = UNSET
        else:
            combine = Combine(_combine)




        min_score = d.pop("min_score", UNSET)

        reading_max_age_hours = d.pop("reading_max_age_hours", UNSET)

        entry_in = cls(
            allow_short=allow_short,
            combine=combine,
            min_score=min_score,
            reading_max_age_hours=reading_max_age_hours,
        )


        entry_in.additional_properties = d
        return entry_in

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
