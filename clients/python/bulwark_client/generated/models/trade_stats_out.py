from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="TradeStatsOut")



@_attrs_define
class TradeStatsOut:
    """ 
        Attributes:
            average_loss (None | str): A positive amount
            average_win (None | str):
            gross_loss (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            gross_profit (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            losers (int):
            profit_factor (float | None): gross profit / gross loss; null without loss
            trades (int):
            win_rate (float | None): winners / trades (a breakeven trade is not a winner)
            winners (int):
     """

    average_loss: None | str
    average_win: None | str
    gross_loss: str
    gross_profit: str
    losers: int
    profit_factor: float | None
    trades: int
    win_rate: float | None
    winners: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        average_loss: None | str
        average_loss = self.average_loss

        average_win: None | str
        average_win = self.average_win

        gross_loss = self.gross_loss

        gross_profit = self.gross_profit

        losers = self.losers

        profit_factor: float | None
        profit_factor = self.profit_factor

        trades = self.trades

        win_rate: float | None
        win_rate = self.win_rate

        winners = self.winners


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "average_loss": average_loss,
            "average_win": average_win,
            "gross_loss": gross_loss,
            "gross_profit": gross_profit,
            "losers": losers,
            "profit_factor": profit_factor,
            "trades": trades,
            "win_rate": win_rate,
            "winners": winners,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_average_loss(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        average_loss = _parse_average_loss(d.pop("average_loss"))


        def _parse_average_win(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        average_win = _parse_average_win(d.pop("average_win"))


        gross_loss = d.pop("gross_loss")

        gross_profit = d.pop("gross_profit")

        losers = d.pop("losers")

        def _parse_profit_factor(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        profit_factor = _parse_profit_factor(d.pop("profit_factor"))


        trades = d.pop("trades")

        def _parse_win_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        win_rate = _parse_win_rate(d.pop("win_rate"))


        winners = d.pop("winners")

        trade_stats_out = cls(
            average_loss=average_loss,
            average_win=average_win,
            gross_loss=gross_loss,
            gross_profit=gross_profit,
            losers=losers,
            profit_factor=profit_factor,
            trades=trades,
            win_rate=win_rate,
            winners=winners,
        )


        trade_stats_out.additional_properties = d
        return trade_stats_out

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
