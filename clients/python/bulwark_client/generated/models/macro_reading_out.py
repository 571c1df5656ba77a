from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.macro_figure_out import MacroFigureOut





T = TypeVar("T", bound="MacroReadingOut")



@_attrs_define
class MacroReadingOut:
    """ 
        Attributes:
            date (datetime.date | None):
            figures (list[MacroFigureOut]):
            frequency (str):
            seasonal_adjustment (str):
            series_id (str):
            title (str):
            units (str):
            value (None | str):
     """

    date: datetime.date | None
    figures: list[MacroFigureOut]
    frequency: str
    seasonal_adjustment: str
    series_id: str
    title: str
    units: str
    value: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.macro_figure_out import MacroFigureOut # noqa: PLC0415
        date: None | str
        if isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        figures = []
        for figures_item_data in self.figures:
            figures_item = figures_item_data.to_dict()
            figures.append(figures_item)



        frequency = self.frequency

        seasonal_adjustment = self.seasonal_adjustment

        series_id = self.series_id

        title = self.title

        units = self.units

        value: None | str
        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date": date,
            "figures": figures,
            "frequency": frequency,
            "seasonal_adjustment": seasonal_adjustment,
            "series_id": series_id,
            "title": title,
            "units": units,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.macro_figure_out import MacroFigureOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)



                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date = _parse_date(d.pop("date"))


        figures = []
        _figures = d.pop("figures")
        for figures_item_data in (_figures):
            figures_item = MacroFigureOut.from_dict(figures_item_data)



            figures.append(figures_item)


        frequency = d.pop("frequency")

        seasonal_adjustment = d.pop("seasonal_adjustment")

        series_id = d.pop("series_id")

        title = d.pop("title")

        units = d.pop("units")

        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))


        macro_reading_out = cls(
            date=date,
            figures=figures,
            frequency=frequency,
            seasonal_adjustment=seasonal_adjustment,
            series_id=series_id,
            title=title,
            units=units,
            value=value,
        )


        macro_reading_out.additional_properties = d
        return macro_reading_out

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
