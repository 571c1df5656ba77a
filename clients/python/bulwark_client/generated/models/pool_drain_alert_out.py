from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PoolDrainAlertOut")



@_attrs_define
class PoolDrainAlertOut:
    """ 
        Attributes:
            end (datetime.datetime):
            max_drop (str):
            observations (int):
            peak_at (datetime.datetime):
            peak_tvl (str):
            start (datetime.datetime):
            trough_at (datetime.datetime):
            trough_tvl (str):
     """

    end: datetime.datetime
    max_drop: str
    observations: int
    peak_at: datetime.datetime
    peak_tvl: str
    start: datetime.datetime
    trough_at: datetime.datetime
    trough_tvl: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        max_drop = self.max_drop

        observations = self.observations

        peak_at = self.peak_at.isoformat()

        peak_tvl = self.peak_tvl

        start = self.start.isoformat()

        trough_at = self.trough_at.isoformat()

        trough_tvl = self.trough_tvl


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "max_drop": max_drop,
            "observations": observations,
            "peak_at": peak_at,
            "peak_tvl": peak_tvl,
            "start": start,
            "trough_at": trough_at,
            "trough_tvl": trough_tvl,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = datetime.datetime.fromisoformat(d.pop("end"))




        max_drop = d.pop("max_drop")

        observations = d.pop("observations")

        peak_at = datetime.datetime.fromisoformat(d.pop("peak_at"))




        peak_tvl = d.pop("peak_tvl")

        start = datetime.datetime.fromisoformat(d.pop("start"))




        trough_at = datetime.datetime.fromisoformat(d.pop("trough_at"))




        trough_tvl = d.pop("trough_tvl")

        pool_drain_alert_out = cls(
            end=end,
            max_drop=max_drop,
            observations=observations,
            peak_at=peak_at,
            peak_tvl=peak_tvl,
            start=start,
            trough_at=trough_at,
            trough_tvl=trough_tvl,
        )


        pool_drain_alert_out.additional_properties = d
        return pool_drain_alert_out

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
