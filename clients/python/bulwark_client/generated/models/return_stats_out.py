from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ReturnStatsOut")



@_attrs_define
class ReturnStatsOut:
    """ 
        Attributes:
            cagr (float | None): (1 + total) ** (252 / periods) - 1; null when it overflows
            calmar (float | None): CAGR / max drawdown; null without a drawdown
            max_drawdown (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            max_drawdown_days (int): Longest stretch of snapshots spent below an earlier peak
            periods (int): Daily returns used (snapshots - 1)
            sharpe (float | None): (mean daily return - rf per day) / sample stdev x sqrt(252), rf = 0
            sortino (float | None): mean / target semideviation (over every day, target 0) x sqrt(252)
            total_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volatility_annual (float | None): Sample (n - 1) standard deviation of daily returns x sqrt(252)
     """

    cagr: float | None
    calmar: float | None
    max_drawdown: float
    max_drawdown_days: int
    periods: int
    sharpe: float | None
    sortino: float | None
    total_return: float
    volatility_annual: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cagr: float | None
        cagr = self.cagr

        calmar: float | None
        calmar = self.calmar

        max_drawdown = self.max_drawdown

        max_drawdown_days = self.max_drawdown_days

        periods = self.periods

        sharpe: float | None
        sharpe = self.sharpe

        sortino: float | None
        sortino = self.sortino

        total_return = self.total_return

        volatility_annual: float | None
        volatility_annual = self.volatility_annual


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cagr": cagr,
            "calmar": calmar,
            "max_drawdown": max_drawdown,
            "max_drawdown_days": max_drawdown_days,
            "periods": periods,
            "sharpe": sharpe,
            "sortino": sortino,
            "total_return": total_return,
            "volatility_annual": volatility_annual,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        max_drawdown = d.pop("max_drawdown")

        max_drawdown_days = d.pop("max_drawdown_days")

        periods = d.pop("periods")

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


        total_return = d.pop("total_return")

        def _parse_volatility_annual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        volatility_annual = _parse_volatility_annual(d.pop("volatility_annual"))


        return_stats_out = cls(
            cagr=cagr,
            calmar=calmar,
            max_drawdown=max_drawdown,
            max_drawdown_days=max_drawdown_days,
            periods=periods,
            sharpe=sharpe,
            sortino=sortino,
            total_return=total_return,
            volatility_annual=volatility_annual,
        )


        return_stats_out.additional_properties = d
        return return_stats_out

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
