from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="MetricsOut")



@_attrs_define
class MetricsOut:
    """ 
        Attributes:
            average_loss (None | str):
            average_win (None | str):
            cagr (float | None):
            calmar (float | None):
            exposure (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            fees_paid (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            final_equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            max_drawdown (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            max_drawdown_days (int):
            profit_factor (float | None):
            sharpe (float | None):
            sortino (float | None):
            time_in_market (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            total_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            trades (int):
            turnover_annual (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volatility_annual (float | None):
            win_rate (float | None):
     """

    average_loss: None | str
    average_win: None | str
    cagr: float | None
    calmar: float | None
    exposure: float
    fees_paid: str
    final_equity: str
    max_drawdown: float
    max_drawdown_days: int
    profit_factor: float | None
    sharpe: float | None
    sortino: float | None
    time_in_market: float
    total_return: float
    trades: int
    turnover_annual: float
    volatility_annual: float | None
    win_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        average_loss: None | str
        average_loss = self.average_loss

        average_win: None | str
        average_win = self.average_win

        cagr: float | None
        cagr = self.cagr

        calmar: float | None
        calmar = self.calmar

        exposure = self.exposure

        fees_paid = self.fees_paid

        final_equity = self.final_equity

        max_drawdown = self.max_drawdown

        max_drawdown_days = self.max_drawdown_days

        profit_factor: float | None
        profit_factor = self.profit_factor

        sharpe: float | None
        sharpe = self.sharpe

        sortino: float | None
        sortino = self.sortino

        time_in_market = self.time_in_market

        total_return = self.total_return

        trades = self.trades

        turnover_annual = self.turnover_annual

        volatility_annual: float | None
        volatility_annual = self.volatility_annual

        win_rate: float | None
        win_rate = self.win_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "average_loss": average_loss,
            "average_win": average_win,
            "cagr": cagr,
            "calmar": calmar,
            "exposure": exposure,
            "fees_paid": fees_paid,
            "final_equity": final_equity,
            "max_drawdown": max_drawdown,
            "max_drawdown_days": max_drawdown_days,
            "profit_factor": profit_factor,
            "sharpe": sharpe,
            "sortino": sortino,
            "time_in_market": time_in_market,
            "total_return": total_return,
            "trades": trades,
            "turnover_annual": turnover_annual,
            "volatility_annual": volatility_annual,
            "win_rate": win_rate,
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


        def _parse_cagr(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cagr = _parse_cagr(d.pop("cagr"))


        def _parse_calmar(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        calmar = _parse_calmar(d.pop("calmar"))


        exposure = d.pop("exposure")

        fees_paid = d.pop("fees_paid")

        final_equity = d.pop("final_equity")

        max_drawdown = d.pop("max_drawdown")

        max_drawdown_days = d.pop("max_drawdown_days")

        def _parse_profit_factor(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        profit_factor = _parse_profit_factor(d.pop("profit_factor"))


        def _parse_sharpe(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sharpe = _parse_sharpe(d.pop("sharpe"))


        def _parse_sortino(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sortino = _parse_sortino(d.pop("sortino"))


        time_in_market = d.pop("time_in_market")

        total_return = d.pop("total_return")

        trades = d.pop("trades")

        turnover_annual = d.pop("turnover_annual")

        def _parse_volatility_annual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        volatility_annual = _parse_volatility_annual(d.pop("volatility_annual"))


        def _parse_win_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        win_rate = _parse_win_rate(d.pop("win_rate"))


        metrics_out = cls(
            average_loss=average_loss,
            average_win=average_win,
            cagr=cagr,
            calmar=calmar,
            exposure=exposure,
            fees_paid=fees_paid,
            final_equity=final_equity,
            max_drawdown=max_drawdown,
            max_drawdown_days=max_drawdown_days,
            profit_factor=profit_factor,
            sharpe=sharpe,
            sortino=sortino,
            time_in_market=time_in_market,
            total_return=total_return,
            trades=trades,
            turnover_annual=turnover_annual,
            volatility_annual=volatility_annual,
            win_rate=win_rate,
        )


        metrics_out.additional_properties = d
        return metrics_out

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
