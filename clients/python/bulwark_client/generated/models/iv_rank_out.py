from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
            history_from (datetime.date | None): Oldest day of the history used
            max_ (float | None):
            min_ (float | None):
            observations (int): Days in the window with an IV, today included
            percentile (float | None): Share of the window's prior days with IV below current, in [0, 1]
            rank (float | None): (current - min) / (max - min) over the window, in [0, 1]
            reason (str): OK, INSUFFICIENT_HISTORY (< 2 days), FLAT_WINDOW (min == max), NO_CURRENT_IV
            symbol (str):
            window (int): Trading days the window spans at most (252)
            history_days (int | None | Unset): Days of history before the current value that the rank had
            ranked_value (float | None | Unset): The value ranked: current_iv, or today's realised vol with the proxy
            source (None | str | Unset): stored_implied_vols (the recorded daily IVs) or realised_vol_proxy (no IV history
                yet: the 30-day realised volatility of the stored daily closes, annualised, stands in for implied volatility;
                rank, percentile, min and max are of realised vol)
            source_note (None | str | Unset):
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
    history_days: int | None | Unset = UNSET
    ranked_value: float | None | Unset = UNSET
    source: None | str | Unset = UNSET
    source_note: None | str | Unset = UNSET
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

        history_days: int | None | Unset
        if isinstance(self.history_days, Unset):
            history_days = UNSET
        else:
            history_days = self.history_days

        ranked_value: float | None | Unset
        if isinstance(self.ranked_value, Unset):
            ranked_value = UNSET
        else:
            ranked_value = self.ranked_value

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        source_note: None | str | Unset
        if isinstance(self.source_note, Unset):
            source_note = UNSET
        else:
            source_note = self.source_note


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
        if history_days is not UNSET:
            field_dict["history_days"] = history_days
        if ranked_value is not UNSET:
            field_dict["ranked_value"] = ranked_value
        if source is not UNSET:
            field_dict["source"] = source
        if source_note is not UNSET:
            field_dict["source_note"] = source_note

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

        def _parse_history_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        history_days = _parse_history_days(d.pop("history_days", UNSET))


        def _parse_ranked_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ranked_value = _parse_ranked_value(d.pop("ranked_value", UNSET))


        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        def _parse_source_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_note = _parse_source_note(d.pop("source_note", UNSET))


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
            history_days=history_days,
            ranked_value=ranked_value,
            source=source,
            source_note=source_note,
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
