from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IVRankOut")



@_attrs_define
class IVRankOut:
    """ 
        Attributes:
            as_of (datetime.date): Today (UTC): the current IV is today's, the history before
            current_iv (float | None): 30-day constant-maturity ATM IV now
            history_from (datetime.date | None): Oldest stored day used
            max_ (float | None):
            min_ (float | None):
            observations (int): Days in the window with an IV, today included
            percentile (float | None): Share of the window's prior days with IV below current, in [0, 1]
            rank (float | None): (current - min) / (max - min) over the window, in [0, 1]
            reason (str): OK, INSUFFICIENT_HISTORY (< 2 days), FLAT_WINDOW (min == max), NO_CURRENT_IV
            symbol (str):
            window (int): Trading days the window spans at most (252)
     """

    as_of: datetime.date
    current_iv: float | None
    history_from: datetime.date | None
    max_: float | None
    min_: float | None
    observations: int
    percentile: float | None
    rank: float | None
    reason: str
    symbol: str
    window: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        current_iv: float | None
        current_iv = self.current_iv

        history_from: None | str
        if isinstance(self.history_from, datetime.date):
            history_from = self.history_from.isoformat()
        else:
            history_from = self.history_from

        max_: float | None
        max_ = self.max_

        min_: float | None
        min_ = self.min_

        observations = self.observations

        percentile: float | None
        percentile = self.percentile

        rank: float | None
        rank = self.rank

        reason = self.reason

        symbol = self.symbol

        window = self.window


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "current_iv": current_iv,
            "history_from": history_from,
            "max": max_,
            "min": min_,
            "observations": observations,
            "percentile": percentile,
            "rank": rank,
            "reason": reason,
            "symbol": symbol,
            "window": window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        def _parse_current_iv(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        current_iv = _parse_current_iv(d.pop("current_iv"))


        def _parse_history_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                history_from_type_0 = datetime.date.fromisoformat(data)



                return history_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        history_from = _parse_history_from(d.pop("history_from"))


        def _parse_max_(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_ = _parse_max_(d.pop("max"))


        def _parse_min_(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        min_ = _parse_min_(d.pop("min"))


        observations = d.pop("observations")

        def _parse_percentile(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percentile = _parse_percentile(d.pop("percentile"))


        def _parse_rank(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rank = _parse_rank(d.pop("rank"))


        reason = d.pop("reason")

        symbol = d.pop("symbol")

        window = d.pop("window")

        iv_rank_out = cls(
            as_of=as_of,
            current_iv=current_iv,
            history_from=history_from,
            max_=max_,
            min_=min_,
            observations=observations,
            percentile=percentile,
            rank=rank,
            reason=reason,
            symbol=symbol,
            window=window,
        )


        iv_rank_out.additional_properties = d
        return iv_rank_out

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
