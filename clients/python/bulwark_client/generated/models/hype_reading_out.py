from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.hype_out import HypeOut
  from ..models.hype_reading_out_conventions import HypeReadingOutConventions
  from ..models.hype_reading_out_engagement_weights import HypeReadingOutEngagementWeights





T = TypeVar("T", bound="HypeReadingOut")



@_attrs_define
class HypeReadingOut:
    """ 
        Attributes:
            conventions (HypeReadingOutConventions):
            engagement_weights (HypeReadingOutEngagementWeights):
            reading (HypeOut):
            source (str):
     """

    conventions: HypeReadingOutConventions
    engagement_weights: HypeReadingOutEngagementWeights
    reading: HypeOut
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.hype_out import HypeOut # noqa: PLC0415
        from ..models.hype_reading_out_conventions import HypeReadingOutConventions # noqa: PLC0415
        from ..models.hype_reading_out_engagement_weights import HypeReadingOutEngagementWeights # noqa: PLC0415
        conventions = self.conventions.to_dict()

        engagement_weights = self.engagement_weights.to_dict()

        reading = self.reading.to_dict()

        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "engagement_weights": engagement_weights,
            "reading": reading,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hype_out import HypeOut # noqa: PLC0415
        from ..models.hype_reading_out_conventions import HypeReadingOutConventions # noqa: PLC0415
        from ..models.hype_reading_out_engagement_weights import HypeReadingOutEngagementWeights # noqa: PLC0415
        d = dict(src_dict)
        conventions = HypeReadingOutConventions.from_dict(d.pop("conventions"))




        engagement_weights = HypeReadingOutEngagementWeights.from_dict(d.pop("engagement_weights"))




        reading = HypeOut.from_dict(d.pop("reading"))




        source = d.pop("source")

        hype_reading_out = cls(
            conventions=conventions,
            engagement_weights=engagement_weights,
            reading=reading,
            source=source,
        )


        hype_reading_out.additional_properties = d
        return hype_reading_out

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
