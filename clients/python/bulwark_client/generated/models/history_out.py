from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.band_out import BandOut
  from ..models.history_out_components import HistoryOutComponents
  from ..models.history_out_conventions import HistoryOutConventions





T = TypeVar("T", bound="HistoryOut")



@_attrs_define
class HistoryOut:
    """ 
        Attributes:
            bands (list[BandOut]):
            components (HistoryOutComponents):
            conventions (HistoryOutConventions):
            count (int):
            coverage (list[float]):
            dates (list[datetime.date]):
            end (datetime.date):
            label (list[str]):
            score (list[float]):
            start (datetime.date):
     """

    bands: list[BandOut]
    components: HistoryOutComponents
    conventions: HistoryOutConventions
    count: int
    coverage: list[float]
    dates: list[datetime.date]
    end: datetime.date
    label: list[str]
    score: list[float]
    start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.band_out import BandOut # noqa: PLC0415
        from ..models.history_out_components import HistoryOutComponents # noqa: PLC0415
        from ..models.history_out_conventions import HistoryOutConventions # noqa: PLC0415
        bands = []
        for bands_item_data in self.bands:
            bands_item = bands_item_data.to_dict()
            bands.append(bands_item)



        components = self.components.to_dict()

        conventions = self.conventions.to_dict()

        count = self.count

        coverage = self.coverage



        dates = []
        for dates_item_data in self.dates:
            dates_item = dates_item_data.isoformat()
            dates.append(dates_item)



        end = self.end.isoformat()

        label = self.label



        score = self.score



        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bands": bands,
            "components": components,
            "conventions": conventions,
            "count": count,
            "coverage": coverage,
            "dates": dates,
            "end": end,
            "label": label,
            "score": score,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.band_out import BandOut # noqa: PLC0415
        from ..models.history_out_components import HistoryOutComponents # noqa: PLC0415
        from ..models.history_out_conventions import HistoryOutConventions # noqa: PLC0415
        d = dict(src_dict)
        bands = []
        _bands = d.pop("bands")
        for bands_item_data in (_bands):
            bands_item = BandOut.from_dict(bands_item_data)



            bands.append(bands_item)


        components = HistoryOutComponents.from_dict(d.pop("components"))




        conventions = HistoryOutConventions.from_dict(d.pop("conventions"))




        count = d.pop("count")

        coverage = cast(list[float], d.pop("coverage"))


        dates = []
        _dates = d.pop("dates")
        for dates_item_data in (_dates):
            dates_item = datetime.date.fromisoformat(dates_item_data)



            dates.append(dates_item)


        end = datetime.date.fromisoformat(d.pop("end"))




        label = cast(list[str], d.pop("label"))


        score = cast(list[float], d.pop("score"))


        start = datetime.date.fromisoformat(d.pop("start"))




        history_out = cls(
            bands=bands,
            components=components,
            conventions=conventions,
            count=count,
            coverage=coverage,
            dates=dates,
            end=end,
            label=label,
            score=score,
            start=start,
        )


        history_out.additional_properties = d
        return history_out

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
