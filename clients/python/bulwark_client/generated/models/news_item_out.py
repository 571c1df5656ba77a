from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="NewsItemOut")



@_attrs_define
class NewsItemOut:
    """ 
        Attributes:
            authenticity (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            headline (str):
            id (str):
            label (str):
            published_at (datetime.datetime):
            score (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            source (str):
            url (None | str):
            weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    authenticity: float
    headline: str
    id: str
    label: str
    published_at: datetime.datetime
    score: float
    source: str
    url: None | str
    weight: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        authenticity = self.authenticity

        headline = self.headline

        id = self.id

        label = self.label

        published_at = self.published_at.isoformat()

        score = self.score

        source = self.source

        url: None | str
        url = self.url

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "authenticity": authenticity,
            "headline": headline,
            "id": id,
            "label": label,
            "published_at": published_at,
            "score": score,
            "source": source,
            "url": url,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        authenticity = d.pop("authenticity")

        headline = d.pop("headline")

        id = d.pop("id")

        label = d.pop("label")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))




        score = d.pop("score")

        source = d.pop("source")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))


        weight = d.pop("weight")

        news_item_out = cls(
            authenticity=authenticity,
            headline=headline,
            id=id,
            label=label,
            published_at=published_at,
            score=score,
            source=source,
            url=url,
            weight=weight,
        )


        news_item_out.additional_properties = d
        return news_item_out

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
