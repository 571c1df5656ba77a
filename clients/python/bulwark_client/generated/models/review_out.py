from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.review_out_figures import ReviewOutFigures
  from ..models.review_reason_out import ReviewReasonOut





T = TypeVar("T", bound="ReviewOut")



@_attrs_define
class ReviewOut:
    """ 
        Attributes:
            account_id (str):
            confidence (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            created_at (datetime.datetime):
            elapsed_ms (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            fallback (None | str):
            figures (ReviewOutFigures):
            id (str):
            model (str):
            order_id (None | str):
            rating (str):
            reasons (list[ReviewReasonOut]):
            source (str):
            symbol (str):
     """

    account_id: str
    confidence: float
    created_at: datetime.datetime
    elapsed_ms: float
    fallback: None | str
    figures: ReviewOutFigures
    id: str
    model: str
    order_id: None | str
    rating: str
    reasons: list[ReviewReasonOut]
    source: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.review_out_figures import ReviewOutFigures # noqa: PLC0415
        from ..models.review_reason_out import ReviewReasonOut # noqa: PLC0415
        account_id = self.account_id

        confidence = self.confidence

        created_at = self.created_at.isoformat()

        elapsed_ms = self.elapsed_ms

        fallback: None | str
        fallback = self.fallback

        figures = self.figures.to_dict()

        id = self.id

        model = self.model

        order_id: None | str
        order_id = self.order_id

        rating = self.rating

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)



        source = self.source

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "confidence": confidence,
            "created_at": created_at,
            "elapsed_ms": elapsed_ms,
            "fallback": fallback,
            "figures": figures,
            "id": id,
            "model": model,
            "order_id": order_id,
            "rating": rating,
            "reasons": reasons,
            "source": source,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_out_figures import ReviewOutFigures # noqa: PLC0415
        from ..models.review_reason_out import ReviewReasonOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        confidence = d.pop("confidence")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        elapsed_ms = d.pop("elapsed_ms")

        def _parse_fallback(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fallback = _parse_fallback(d.pop("fallback"))


        figures = ReviewOutFigures.from_dict(d.pop("figures"))




        id = d.pop("id")

        model = d.pop("model")

        def _parse_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_id = _parse_order_id(d.pop("order_id"))


        rating = d.pop("rating")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = ReviewReasonOut.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        source = d.pop("source")

        symbol = d.pop("symbol")

        review_out = cls(
            account_id=account_id,
            confidence=confidence,
            created_at=created_at,
            elapsed_ms=elapsed_ms,
            fallback=fallback,
            figures=figures,
            id=id,
            model=model,
            order_id=order_id,
            rating=rating,
            reasons=reasons,
            source=source,
            symbol=symbol,
        )


        review_out.additional_properties = d
        return review_out

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
