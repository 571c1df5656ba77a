from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.macro_point_out import MacroPointOut





T = TypeVar("T", bound="MacroSeriesOut")



@_attrs_define
class MacroSeriesOut:
    """ 
        Attributes:
            end (datetime.date):
            items (list[MacroPointOut]):
            series_id (str):
            source (str):
            start (datetime.date):
            title (str):
            transform (str):
            units (str):
     """

    end: datetime.date
    items: list[MacroPointOut]
    series_id: str
    source: str
    start: datetime.date
    title: str
    transform: str
    units: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.macro_point_out import MacroPointOut # noqa: PLC0415
        end = self.end.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        series_id = self.series_id

        source = self.source

        start = self.start.isoformat()

        title = self.title

        transform = self.transform

        units = self.units


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "items": items,
            "series_id": series_id,
            "source": source,
            "start": start,
            "title": title,
            "transform": transform,
            "units": units,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.macro_point_out import MacroPointOut # noqa: PLC0415
        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = MacroPointOut.from_dict(items_item_data)



            items.append(items_item)


        series_id = d.pop("series_id")

        source = d.pop("source")

        start = datetime.date.fromisoformat(d.pop("start"))




        title = d.pop("title")

        transform = d.pop("transform")

        units = d.pop("units")

        macro_series_out = cls(
            end=end,
            items=items,
            series_id=series_id,
            source=source,
            start=start,
            title=title,
            transform=transform,
            units=units,
        )


        macro_series_out.additional_properties = d
        return macro_series_out

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
