from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="BarOut")



@_attrs_define
class BarOut:
    """ 
        Attributes:
            close (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            high (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            low (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            open_ (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            start (datetime.datetime):
            volume (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            trades (int | None | Unset):
            vwap (None | str | Unset):
     """

    close: str
    high: str
    low: str
    open_: str
    start: datetime.datetime
    volume: str
    trades: int | None | Unset = UNSET
    vwap: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        close = self.close

        high = self.high

        low = self.low

        open_ = self.open_

        start = self.start.isoformat()

        volume = self.volume

        trades: int | None | Unset
        if isinstance(self.trades, Unset):
            trades = UNSET
        else:
            trades = self.trades

        vwap: None | str | Unset
        if isinstance(self.vwap, Unset):
            vwap = UNSET
        else:
            vwap = self.vwap


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "close": close,
            "high": high,
            "low": low,
            "open": open_,
            "start": start,
            "volume": volume,
        })
        if trades is not UNSET:
            field_dict["trades"] = trades
        if vwap is not UNSET:
            field_dict["vwap"] = vwap

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        close = d.pop("close")

        high = d.pop("high")

        low = d.pop("low")

        open_ = d.pop("open")

        start = datetime.datetime.fromisoformat(d.pop("start"))




        volume = d.pop("volume")

        def _parse_trades(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trades = _parse_trades(d.pop("trades", UNSET))


        def _parse_vwap(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vwap = _parse_vwap(d.pop("vwap", UNSET))


        bar_out = cls(
            close=close,
            high=high,
            low=low,
            open_=open_,
            start=start,
            volume=volume,
            trades=trades,
            vwap=vwap,
        )


        bar_out.additional_properties = d
        return bar_out

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
