from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="SeriesOut")



@_attrs_define
class SeriesOut:
    """ 
        Attributes:
            dates (list[datetime.date]):
            end (datetime.date):
            name (str):
            source (str):
            start (datetime.date):
            unit (str):
            values (list[float]):
     """

    dates: list[datetime.date]
    end: datetime.date
    name: str
    source: str
    start: datetime.date
    unit: str
    values: list[float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        dates = []
        for dates_item_data in self.dates:
            dates_item = dates_item_data.isoformat()
            dates.append(dates_item)



        end = self.end.isoformat()

        name = self.name

        source = self.source

        start = self.start.isoformat()

        unit = self.unit

        values = self.values




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "dates": dates,
            "end": end,
            "name": name,
            "source": source,
            "start": start,
            "unit": unit,
            "values": values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dates = []
        _dates = d.pop("dates")
        for dates_item_data in (_dates):
            dates_item = datetime.date.fromisoformat(dates_item_data)



            dates.append(dates_item)


        end = datetime.date.fromisoformat(d.pop("end"))




        name = d.pop("name")

        source = d.pop("source")

        start = datetime.date.fromisoformat(d.pop("start"))




        unit = d.pop("unit")

        values = cast(list[float], d.pop("values"))


        series_out = cls(
            dates=dates,
            end=end,
            name=name,
            source=source,
            start=start,
            unit=unit,
            values=values,
        )


        series_out.additional_properties = d
        return series_out

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
