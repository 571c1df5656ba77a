from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.hype_keyword_out import HypeKeywordOut
  from ..models.mention_out import MentionOut





T = TypeVar("T", bound="HypeOut")



@_attrs_define
class HypeOut:
    """ 
        Attributes:
            as_of (datetime.datetime):
            baseline (list[float]):
            baseline_mean (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            baseline_std (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            baseline_windows (int):
            engagement (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            engagement_per_hour (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mentions (int):
            min_mentions (int):
            sigma (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            spike (bool):
            symbol (str):
            top_mentions (list[MentionOut]):
            velocity (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            window_minutes (int):
            z (float | None):
            keywords (list[HypeKeywordOut] | None | Unset):
            keywords_reason (None | str | Unset):
     """

    as_of: datetime.datetime
    baseline: list[float]
    baseline_mean: float
    baseline_std: float
    baseline_windows: int
    engagement: float
    engagement_per_hour: float
    mentions: int
    min_mentions: int
    sigma: float
    spike: bool
    symbol: str
    top_mentions: list[MentionOut]
    velocity: float
    window_minutes: int
    z: float | None
    keywords: list[HypeKeywordOut] | None | Unset = UNSET
    keywords_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.hype_keyword_out import HypeKeywordOut # noqa: PLC0415
        from ..models.mention_out import MentionOut # noqa: PLC0415
        as_of = self.as_of.isoformat()

        baseline = self.baseline



        baseline_mean = self.baseline_mean

        baseline_std = self.baseline_std

        baseline_windows = self.baseline_windows

        engagement = self.engagement

        engagement_per_hour = self.engagement_per_hour

        mentions = self.mentions

        min_mentions = self.min_mentions

        sigma = self.sigma

        spike = self.spike

        symbol = self.symbol

        top_mentions = []
        for top_mentions_item_data in self.top_mentions:
            top_mentions_item = top_mentions_item_data.to_dict()
            top_mentions.append(top_mentions_item)



        velocity = self.velocity

        window_minutes = self.window_minutes

        z: float | None
        z = self.z

        keywords: list[dict[str, Any]] | None | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        elif isinstance(self.keywords, list):
            keywords = []
            for keywords_type_0_item_data in self.keywords:
                keywords_type_0_item = keywords_type_0_item_data.to_dict()
                keywords.append(keywords_type_0_item)


        else:
            keywords = self.keywords

        keywords_reason: None | str | Unset
        if isinstance(self.keywords_reason, Unset):
            keywords_reason = UNSET
        else:
            keywords_reason = self.keywords_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "baseline": baseline,
            "baseline_mean": baseline_mean,
            "baseline_std": baseline_std,
            "baseline_windows": baseline_windows,
            "engagement": engagement,
            "engagement_per_hour": engagement_per_hour,
            "mentions": mentions,
            "min_mentions": min_mentions,
            "sigma": sigma,
            "spike": spike,
            "symbol": symbol,
            "top_mentions": top_mentions,
            "velocity": velocity,
            "window_minutes": window_minutes,
            "z": z,
        })
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if keywords_reason is not UNSET:
            field_dict["keywords_reason"] = keywords_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hype_keyword_out import HypeKeywordOut # noqa: PLC0415
        from ..models.mention_out import MentionOut # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        baseline = cast(list[float], d.pop("baseline"))


        baseline_mean = d.pop("baseline_mean")

        baseline_std = d.pop("baseline_std")

        baseline_windows = d.pop("baseline_windows")

        engagement = d.pop("engagement")

        engagement_per_hour = d.pop("engagement_per_hour")

        mentions = d.pop("mentions")

        min_mentions = d.pop("min_mentions")

        sigma = d.pop("sigma")

        spike = d.pop("spike")

        symbol = d.pop("symbol")

        top_mentions = []
        _top_mentions = d.pop("top_mentions")
        for top_mentions_item_data in (_top_mentions):
            top_mentions_item = MentionOut.from_dict(top_mentions_item_data)



            top_mentions.append(top_mentions_item)


        velocity = d.pop("velocity")

        window_minutes = d.pop("window_minutes")

        def _parse_z(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        z = _parse_z(d.pop("z"))


        def _parse_keywords(data: object) -> list[HypeKeywordOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                keywords_type_0 = []
                _keywords_type_0 = data
                for keywords_type_0_item_data in (_keywords_type_0):
                    keywords_type_0_item = HypeKeywordOut.from_dict(keywords_type_0_item_data)



                    keywords_type_0.append(keywords_type_0_item)

                return keywords_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[HypeKeywordOut] | None | Unset, data)

        keywords = _parse_keywords(d.pop("keywords", UNSET))


        def _parse_keywords_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        keywords_reason = _parse_keywords_reason(d.pop("keywords_reason", UNSET))


        hype_out = cls(
            as_of=as_of,
            baseline=baseline,
            baseline_mean=baseline_mean,
            baseline_std=baseline_std,
            baseline_windows=baseline_windows,
            engagement=engagement,
            engagement_per_hour=engagement_per_hour,
            mentions=mentions,
            min_mentions=min_mentions,
            sigma=sigma,
            spike=spike,
            symbol=symbol,
            top_mentions=top_mentions,
            velocity=velocity,
            window_minutes=window_minutes,
            z=z,
            keywords=keywords,
            keywords_reason=keywords_reason,
        )


        hype_out.additional_properties = d
        return hype_out

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
