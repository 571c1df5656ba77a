from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FreshQuoteOut")



@_attrs_define
class FreshQuoteOut:
    """ 
        Attributes:
            age_seconds (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            ask (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            ask_size (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            at (datetime.datetime):
            bid (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            bid_size (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            cost_per_call (None | str):
            last (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            source (str):
            symbol (str):
     """

    age_seconds: float
    ask: str
    ask_size: str
    at: datetime.datetime
    bid: str
    bid_size: str
    cost_per_call: None | str
    last: str
    source: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        age_seconds = self.age_seconds

        ask = self.ask

        ask_size = self.ask_size

        at = self.at.isoformat()

        bid = self.bid

        bid_size = self.bid_size

        cost_per_call: None | str
        cost_per_call = self.cost_per_call

        last = self.last

        source = self.source

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "age_seconds": age_seconds,
            "ask": ask,
            "ask_size": ask_size,
            "at": at,
            "bid": bid,
            "bid_size": bid_size,
            "cost_per_call": cost_per_call,
            "last": last,
            "source": source,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        age_seconds = d.pop("age_seconds")

        ask = d.pop("ask")

        ask_size = d.pop("ask_size")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        bid = d.pop("bid")

        bid_size = d.pop("bid_size")

        def _parse_cost_per_call(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cost_per_call = _parse_cost_per_call(d.pop("cost_per_call"))


        last = d.pop("last")

        source = d.pop("source")

        symbol = d.pop("symbol")

        fresh_quote_out = cls(
            age_seconds=age_seconds,
            ask=ask,
            ask_size=ask_size,
            at=at,
            bid=bid,
            bid_size=bid_size,
            cost_per_call=cost_per_call,
            last=last,
            source=source,
            symbol=symbol,
        )


        fresh_quote_out.additional_properties = d
        return fresh_quote_out

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
