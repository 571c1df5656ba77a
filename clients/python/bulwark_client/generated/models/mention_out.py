from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="MentionOut")



@_attrs_define
class MentionOut:
    """ 
        Attributes:
            author (str):
            comments (int):
            engagement (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            id (str):
            likes (int):
            platform (str):
            posted_at (datetime.datetime):
            shares (int):
            text (str):
            views (int):
     """

    author: str
    comments: int
    engagement: float
    id: str
    likes: int
    platform: str
    posted_at: datetime.datetime
    shares: int
    text: str
    views: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        author = self.author

        comments = self.comments

        engagement = self.engagement

        id = self.id

        likes = self.likes

        platform = self.platform

        posted_at = self.posted_at.isoformat()

        shares = self.shares

        text = self.text

        views = self.views


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "author": author,
            "comments": comments,
            "engagement": engagement,
            "id": id,
            "likes": likes,
            "platform": platform,
            "posted_at": posted_at,
            "shares": shares,
            "text": text,
            "views": views,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author = d.pop("author")

        comments = d.pop("comments")

        engagement = d.pop("engagement")

        id = d.pop("id")

        likes = d.pop("likes")

        platform = d.pop("platform")

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))




        shares = d.pop("shares")

        text = d.pop("text")

        views = d.pop("views")

        mention_out = cls(
            author=author,
            comments=comments,
            engagement=engagement,
            id=id,
            likes=likes,
            platform=platform,
            posted_at=posted_at,
            shares=shares,
            text=text,
            views=views,
        )


        mention_out.additional_properties = d
        return mention_out

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
