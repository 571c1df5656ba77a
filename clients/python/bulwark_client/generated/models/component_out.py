from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ComponentOut")



@_attrs_define
class ComponentOut:
    """ 
        Attributes:
            as_of (datetime.date | None):
            method (None | str):
            name (str):
            observations (int):
            raw (float | None):
            reason (None | str):
            score (float | None):
            source (str):
            weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    as_of: datetime.date | None
    method: None | str
    name: str
    observations: int
    raw: float | None
    reason: None | str
    score: float | None
    source: str
    weight: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of: None | str
        if isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        method: None | str
        method = self.method

        name = self.name

        observations = self.observations

        raw: float | None
        raw = self.raw

        reason: None | str
        reason = self.reason

        score: float | None
        score = self.score

        source = self.source

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "method": method,
            "name": name,
            "observations": observations,
            "raw": raw,
            "reason": reason,
            "score": score,
            "source": source,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_as_of(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)



                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        as_of = _parse_as_of(d.pop("as_of"))


        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))


        name = d.pop("name")

        observations = d.pop("observations")

        def _parse_raw(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        raw = _parse_raw(d.pop("raw"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        source = d.pop("source")

        weight = d.pop("weight")

        component_out = cls(
            as_of=as_of,
            method=method,
            name=name,
            observations=observations,
            raw=raw,
            reason=reason,
            score=score,
            source=source,
            weight=weight,
        )


        component_out.additional_properties = d
        return component_out

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
