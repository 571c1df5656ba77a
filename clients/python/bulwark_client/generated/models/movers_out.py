from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.hype_out import HypeOut
  from ..models.movers_out_conventions import MoversOutConventions
  from ..models.movers_out_engagement_weights import MoversOutEngagementWeights





T = TypeVar("T", bound="MoversOut")



@_attrs_define
class MoversOut:
    """ 
        Attributes:
            as_of (datetime.datetime):
            baseline_windows (int):
            candidates (int):
            conventions (MoversOutConventions):
            engagement_weights (MoversOutEngagementWeights):
            items (list[HypeOut]):
            source (str):
            window_minutes (int):
     """

    as_of: datetime.datetime
    baseline_windows: int
    candidates: int
    conventions: MoversOutConventions
    engagement_weights: MoversOutEngagementWeights
    items: list[HypeOut]
    source: str
    window_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.hype_out import HypeOut # noqa: PLC0415
        from ..models.movers_out_conventions import MoversOutConventions # noqa: PLC0415
        from ..models.movers_out_engagement_weights import MoversOutEngagementWeights # noqa: PLC0415
        as_of = self.as_of.isoformat()

        baseline_windows = self.baseline_windows

        candidates = self.candidates

        conventions = self.conventions.to_dict()

        engagement_weights = self.engagement_weights.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        source = self.source

        window_minutes = self.window_minutes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "baseline_windows": baseline_windows,
            "candidates": candidates,
            "conventions": conventions,
            "engagement_weights": engagement_weights,
            "items": items,
            "source": source,
            "window_minutes": window_minutes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hype_out import HypeOut # noqa: PLC0415
        from ..models.movers_out_conventions import MoversOutConventions # noqa: PLC0415
        from ..models.movers_out_engagement_weights import MoversOutEngagementWeights # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        baseline_windows = d.pop("baseline_windows")

        candidates = d.pop("candidates")

        conventions = MoversOutConventions.from_dict(d.pop("conventions"))




        engagement_weights = MoversOutEngagementWeights.from_dict(d.pop("engagement_weights"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = HypeOut.from_dict(items_item_data)



            items.append(items_item)


        source = d.pop("source")

        window_minutes = d.pop("window_minutes")

        movers_out = cls(
            as_of=as_of,
            baseline_windows=baseline_windows,
            candidates=candidates,
            conventions=conventions,
            engagement_weights=engagement_weights,
            items=items,
            source=source,
            window_minutes=window_minutes,
        )


        movers_out.additional_properties = d
        return movers_out

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
