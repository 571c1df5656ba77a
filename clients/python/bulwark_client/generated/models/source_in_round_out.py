from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SourceInRoundOut")



@_attrs_define
class SourceInRoundOut:
    """ 
        Attributes:
            age_seconds (float | None):
            deviation_bps (float | None):
            error (None | str):
            mid (None | str):
            outlier (bool):
            source (str):
     """

    age_seconds: float | None
    deviation_bps: float | None
    error: None | str
    mid: None | str
    outlier: bool
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        age_seconds: float | None
        age_seconds = self.age_seconds

        deviation_bps: float | None
        deviation_bps = self.deviation_bps

        error: None | str
        error = self.error

        mid: None | str
        mid = self.mid

        outlier = self.outlier

        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "age_seconds": age_seconds,
            "deviation_bps": deviation_bps,
            "error": error,
            "mid": mid,
            "outlier": outlier,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_age_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        age_seconds = _parse_age_seconds(d.pop("age_seconds"))


        def _parse_deviation_bps(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        deviation_bps = _parse_deviation_bps(d.pop("deviation_bps"))


        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        def _parse_mid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mid = _parse_mid(d.pop("mid"))


        outlier = d.pop("outlier")

        source = d.pop("source")

        source_in_round_out = cls(
            age_seconds=age_seconds,
            deviation_bps=deviation_bps,
            error=error,
            mid=mid,
            outlier=outlier,
            source=source,
        )


        source_in_round_out.additional_properties = d
        return source_in_round_out

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
