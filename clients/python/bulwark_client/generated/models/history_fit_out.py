from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="HistoryFitOut")



@_attrs_define
class HistoryFitOut:
    """ 
        Attributes:
            first_day (datetime.date):
            last_day (datetime.date):
            min_observations (int): At least this many
            observations (int): Daily log returns fitted
            source (str):
            symbols (list[str]):
            window (int): At most this many daily returns
     """

    first_day: datetime.date
    last_day: datetime.date
    min_observations: int
    observations: int
    source: str
    symbols: list[str]
    window: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        first_day = self.first_day.isoformat()

        last_day = self.last_day.isoformat()

        min_observations = self.min_observations

        observations = self.observations

        source = self.source

        symbols = self.symbols



        window = self.window


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "first_day": first_day,
            "last_day": last_day,
            "min_observations": min_observations,
            "observations": observations,
            "source": source,
            "symbols": symbols,
            "window": window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_day = datetime.date.fromisoformat(d.pop("first_day"))




        last_day = datetime.date.fromisoformat(d.pop("last_day"))




        min_observations = d.pop("min_observations")

        observations = d.pop("observations")

        source = d.pop("source")

        symbols = cast(list[str], d.pop("symbols"))


        window = d.pop("window")

        history_fit_out = cls(
            first_day=first_day,
            last_day=last_day,
            min_observations=min_observations,
            observations=observations,
            source=source,
            symbols=symbols,
            window=window,
        )


        history_fit_out.additional_properties = d
        return history_fit_out

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
