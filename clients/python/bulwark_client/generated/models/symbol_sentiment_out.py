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
  from ..models.news_item_out import NewsItemOut
  from ..models.symbol_sentiment_out_shares import SymbolSentimentOutShares





T = TypeVar("T", bound="SymbolSentimentOut")



@_attrs_define
class SymbolSentimentOut:
    """ 
        Attributes:
            as_of (datetime.datetime):
            authenticity (float | None):
            half_life_hours (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            items (int):
            label (str):
            max_age_hours (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            score (float | None):
            shares (SymbolSentimentOutShares):
            symbol (str):
            top (list[NewsItemOut]):
            weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            convention (str | Unset):  Default: "score = weighted mean of p(positive) - p(negative) over the symbol's news,
                in [-1, 1]; weight = source weight x 0.5^(age / half-life) x authenticity; label positive at >= 0.15, negative
                at <= -0.15".
     """

    as_of: datetime.datetime
    authenticity: float | None
    half_life_hours: float
    items: int
    label: str
    max_age_hours: float
    score: float | None
    shares: SymbolSentimentOutShares
    symbol: str
    top: list[NewsItemOut]
    weight: float
    convention: str | Unset = "score = weighted mean of p(positive) - p(negative) over the symbol's news, in [-1, 1]; weight = source weight x 0.5^(age / half-life) x authenticity; label positive at >= 0.15, negative at <= -0.15"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.news_item_out import NewsItemOut # noqa: PLC0415
        from ..models.symbol_sentiment_out_shares import SymbolSentimentOutShares # noqa: PLC0415
        as_of = self.as_of.isoformat()

        authenticity: float | None
        authenticity = self.authenticity

        half_life_hours = self.half_life_hours

        items = self.items

        label = self.label

        max_age_hours = self.max_age_hours

        score: float | None
        score = self.score

        shares = self.shares.to_dict()

        symbol = self.symbol

        top = []
        for top_item_data in self.top:
            top_item = top_item_data.to_dict()
            top.append(top_item)



        weight = self.weight

        convention = self.convention


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "authenticity": authenticity,
            "half_life_hours": half_life_hours,
            "items": items,
            "label": label,
            "max_age_hours": max_age_hours,
            "score": score,
            "shares": shares,
            "symbol": symbol,
            "top": top,
            "weight": weight,
        })
        if convention is not UNSET:
            field_dict["convention"] = convention

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.news_item_out import NewsItemOut # noqa: PLC0415
        from ..models.symbol_sentiment_out_shares import SymbolSentimentOutShares # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        def _parse_authenticity(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        authenticity = _parse_authenticity(d.pop("authenticity"))


        half_life_hours = d.pop("half_life_hours")

        items = d.pop("items")

        label = d.pop("label")

        max_age_hours = d.pop("max_age_hours")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        shares = SymbolSentimentOutShares.from_dict(d.pop("shares"))




        symbol = d.pop("symbol")

        top = []
        _top = d.pop("top")
        for top_item_data in (_top):
            top_item = NewsItemOut.from_dict(top_item_data)



            top.append(top_item)


        weight = d.pop("weight")

        convention = d.pop("convention", UNSET)

        symbol_sentiment_out = cls(
            as_of=as_of,
            authenticity=authenticity,
            half_life_hours=half_life_hours,
            items=items,
            label=label,
            max_age_hours=max_age_hours,
            score=score,
            shares=shares,
            symbol=symbol,
            top=top,
            weight=weight,
            convention=convention,
        )


        symbol_sentiment_out.additional_properties = d
        return symbol_sentiment_out

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
