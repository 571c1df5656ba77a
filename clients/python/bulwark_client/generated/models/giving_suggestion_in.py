from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="GivingSuggestionIn")



@_attrs_define
class GivingSuggestionIn:
    """ 
        Attributes:
            benchmark_return (str): A return over the period as a fraction (0.12 = +12%), -1 to 100, 10 decimal places; a
                decimal string such as "12.5"
            agi (None | str | Unset): This year's AGI, USD: adds the cash room
            cap (None | str | Unset): At most this much, USD
            end (datetime.date | None | Unset): With portfolio_id: default today
            portfolio_id (None | str | Unset):
            portfolio_return (None | str | Unset):
            share (str | Unset): A fraction in [0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
                Default: '0.1'.
            start (datetime.date | None | Unset): With portfolio_id: default January 1 of end's year
            start_value (None | str | Unset): Value at the period's start, USD
            threshold (str | Unset): A fraction in [0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
                Default: '0.02'.
     """

    benchmark_return: str
    agi: None | str | Unset = UNSET
    cap: None | str | Unset = UNSET
    end: datetime.date | None | Unset = UNSET
    portfolio_id: None | str | Unset = UNSET
    portfolio_return: None | str | Unset = UNSET
    share: str | Unset = '0.1'
    start: datetime.date | None | Unset = UNSET
    start_value: None | str | Unset = UNSET
    threshold: str | Unset = '0.02'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        benchmark_return = self.benchmark_return

        agi: None | str | Unset
        if isinstance(self.agi, Unset):
            agi = UNSET
        else:
            agi = self.agi

        cap: None | str | Unset
        if isinstance(self.cap, Unset):
            cap = UNSET
        else:
            cap = self.cap

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        elif isinstance(self.end, datetime.date):
            end = self.end.isoformat()
        else:
            end = self.end

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id

        portfolio_return: None | str | Unset
        if isinstance(self.portfolio_return, Unset):
            portfolio_return = UNSET
        else:
            portfolio_return = self.portfolio_return

        share = self.share

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, datetime.date):
            start = self.start.isoformat()
        else:
            start = self.start

        start_value: None | str | Unset
        if isinstance(self.start_value, Unset):
            start_value = UNSET
        else:
            start_value = self.start_value

        threshold = self.threshold


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "benchmark_return": benchmark_return,
        })
        if agi is not UNSET:
            field_dict["agi"] = agi
        if cap is not UNSET:
            field_dict["cap"] = cap
        if end is not UNSET:
            field_dict["end"] = end
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id
        if portfolio_return is not UNSET:
            field_dict["portfolio_return"] = portfolio_return
        if share is not UNSET:
            field_dict["share"] = share
        if start is not UNSET:
            field_dict["start"] = start
        if start_value is not UNSET:
            field_dict["start_value"] = start_value
        if threshold is not UNSET:
            field_dict["threshold"] = threshold

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        benchmark_return = d.pop("benchmark_return")

        def _parse_agi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agi = _parse_agi(d.pop("agi", UNSET))


        def _parse_cap(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cap = _parse_cap(d.pop("cap", UNSET))


        def _parse_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_type_0 = datetime.date.fromisoformat(data)



                return end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        def _parse_portfolio_return(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_return = _parse_portfolio_return(d.pop("portfolio_return", UNSET))


        share = d.pop("share", UNSET)

        def _parse_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = datetime.date.fromisoformat(data)



                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        def _parse_start_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_value = _parse_start_value(d.pop("start_value", UNSET))


        threshold = d.pop("threshold", UNSET)

        giving_suggestion_in = cls(
            benchmark_return=benchmark_return,
            agi=agi,
            cap=cap,
            end=end,
            portfolio_id=portfolio_id,
            portfolio_return=portfolio_return,
            share=share,
            start=start,
            start_value=start_value,
            threshold=threshold,
        )


        giving_suggestion_in.additional_properties = d
        return giving_suggestion_in

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
