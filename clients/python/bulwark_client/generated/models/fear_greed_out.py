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
  from ..models.component_out import ComponentOut
  from ..models.fear_greed_out_conventions import FearGreedOutConventions
  from ..models.fear_greed_out_weights import FearGreedOutWeights





T = TypeVar("T", bound="FearGreedOut")



@_attrs_define
class FearGreedOut:
    """ 
        Attributes:
            as_of (datetime.datetime):
            bands (list[BandOut]):
            components (list[ComponentOut]):
            conventions (FearGreedOutConventions):
            coverage (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            day (datetime.date):
            label (str):
            missing (list[str]):
            score (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            weights (FearGreedOutWeights):
     """

    as_of: datetime.datetime
    bands: list[BandOut]
    components: list[ComponentOut]
    conventions: FearGreedOutConventions
    coverage: float
    day: datetime.date
    label: str
    missing: list[str]
    score: float
    weights: FearGreedOutWeights
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.band_out import BandOut # noqa: PLC0415
        from ..models.component_out import ComponentOut # noqa: PLC0415
        from ..models.fear_greed_out_conventions import FearGreedOutConventions # noqa: PLC0415
        from ..models.fear_greed_out_weights import FearGreedOutWeights # noqa: PLC0415
        as_of = self.as_of.isoformat()

        bands = []
        for bands_item_data in self.bands:
            bands_item = bands_item_data.to_dict()
            bands.append(bands_item)



        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)



        conventions = self.conventions.to_dict()

        coverage = self.coverage

        day = self.day.isoformat()

        label = self.label

        missing = self.missing



        score = self.score

        weights = self.weights.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "bands": bands,
            "components": components,
            "conventions": conventions,
            "coverage": coverage,
            "day": day,
            "label": label,
            "missing": missing,
            "score": score,
            "weights": weights,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.band_out import BandOut # noqa: PLC0415
        from ..models.component_out import ComponentOut # noqa: PLC0415
        from ..models.fear_greed_out_conventions import FearGreedOutConventions # noqa: PLC0415
        from ..models.fear_greed_out_weights import FearGreedOutWeights # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        bands = []
        _bands = d.pop("bands")
        for bands_item_data in (_bands):
            bands_item = BandOut.from_dict(bands_item_data)



            bands.append(bands_item)


        components = []
        _components = d.pop("components")
        for components_item_data in (_components):
            components_item = ComponentOut.from_dict(components_item_data)



            components.append(components_item)


        conventions = FearGreedOutConventions.from_dict(d.pop("conventions"))




        coverage = d.pop("coverage")

        day = datetime.date.fromisoformat(d.pop("day"))




        label = d.pop("label")

        missing = cast(list[str], d.pop("missing"))


        score = d.pop("score")

        weights = FearGreedOutWeights.from_dict(d.pop("weights"))




        fear_greed_out = cls(
            as_of=as_of,
            bands=bands,
            components=components,
            conventions=conventions,
            coverage=coverage,
            day=day,
            label=label,
            missing=missing,
            score=score,
            weights=weights,
        )


        fear_greed_out.additional_properties = d
        return fear_greed_out

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
