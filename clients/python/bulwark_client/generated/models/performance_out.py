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
  from ..models.benchmark_out import BenchmarkOut
  from ..models.curve_point_out import CurvePointOut
  from ..models.return_stats_out import ReturnStatsOut
  from ..models.trade_stats_out import TradeStatsOut
  from ..models.turnover_out import TurnoverOut





T = TypeVar("T", bound="PerformanceOut")



@_attrs_define
class PerformanceOut:
    """ 
        Attributes:
            account_id (str):
            equity_curve (list[CurvePointOut]):
            exposure (float | None): Mean of gross exposure / equity over the snapshots (1 = fully invested)
            from_ (datetime.date): First day of the range (inclusive, UTC)
            net_flows (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            points (int): Snapshots in the range
            realized_pnl (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            returns (None | ReturnStatsOut): null under two snapshots
            to (datetime.date): Last day of the range (inclusive, UTC)
            trades (TradeStatsOut):
            turnover (None | TurnoverOut):
            benchmark (BenchmarkOut | None | Unset): null unless `benchmark` was given
     """

    account_id: str
    equity_curve: list[CurvePointOut]
    exposure: float | None
    from_: datetime.date
    net_flows: str
    points: int
    realized_pnl: str
    returns: None | ReturnStatsOut
    to: datetime.date
    trades: TradeStatsOut
    turnover: None | TurnoverOut
    benchmark: BenchmarkOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.benchmark_out import BenchmarkOut # noqa: PLC0415
        from ..models.curve_point_out import CurvePointOut # noqa: PLC0415
        from ..models.return_stats_out import ReturnStatsOut # noqa: PLC0415
        from ..models.trade_stats_out import TradeStatsOut # noqa: PLC0415
        from ..models.turnover_out import TurnoverOut # noqa: PLC0415
        account_id = self.account_id

        equity_curve = []
        for equity_curve_item_data in self.equity_curve:
            equity_curve_item = equity_curve_item_data.to_dict()
            equity_curve.append(equity_curve_item)



        exposure: float | None
        exposure = self.exposure

        from_ = self.from_.isoformat()

        net_flows = self.net_flows

        points = self.points

        realized_pnl = self.realized_pnl

        returns: dict[str, Any] | None
        if isinstance(self.returns, ReturnStatsOut):
            returns = self.returns.to_dict()
        else:
            returns = self.returns

        to = self.to.isoformat()

        trades = self.trades.to_dict()

        turnover: dict[str, Any] | None
        if isinstance(self.turnover, TurnoverOut):
            turnover = self.turnover.to_dict()
        else:
            turnover = self.turnover

        benchmark: dict[str, Any] | None | Unset
        if isinstance(self.benchmark, Unset):
            benchmark = UNSET
        elif isinstance(self.benchmark, BenchmarkOut):
            benchmark = self.benchmark.to_dict()
        else:
            benchmark = self.benchmark


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "equity_curve": equity_curve,
            "exposure": exposure,
            "from": from_,
            "net_flows": net_flows,
            "points": points,
            "realized_pnl": realized_pnl,
            "returns": returns,
            "to": to,
            "trades": trades,
            "turnover": turnover,
        })
        if benchmark is not UNSET:
            field_dict["benchmark"] = benchmark

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benchmark_out import BenchmarkOut # noqa: PLC0415
        from ..models.curve_point_out import CurvePointOut # noqa: PLC0415
        from ..models.return_stats_out import ReturnStatsOut # noqa: PLC0415
        from ..models.trade_stats_out import TradeStatsOut # noqa: PLC0415
        from ..models.turnover_out import TurnoverOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        equity_curve = []
        _equity_curve = d.pop("equity_curve")
        for equity_curve_item_data in (_equity_curve):
            equity_curve_item = CurvePointOut.from_dict(equity_curve_item_data)



            equity_curve.append(equity_curve_item)


        def _parse_exposure(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        exposure = _parse_exposure(d.pop("exposure"))


        from_ = datetime.date.fromisoformat(d.pop("from"))




        net_flows = d.pop("net_flows")

        points = d.pop("points")

        realized_pnl = d.pop("realized_pnl")

        def _parse_returns(data: object) -> None | ReturnStatsOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                returns_type_0 = ReturnStatsOut.from_dict(data)



                return returns_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReturnStatsOut, data)

        returns = _parse_returns(d.pop("returns"))


        to = datetime.date.fromisoformat(d.pop("to"))




        trades = TradeStatsOut.from_dict(d.pop("trades"))




        def _parse_turnover(data: object) -> None | TurnoverOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                turnover_type_0 = TurnoverOut.from_dict(data)



                return turnover_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TurnoverOut, data)

        turnover = _parse_turnover(d.pop("turnover"))


        def _parse_benchmark(data: object) -> BenchmarkOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                benchmark_type_0 = BenchmarkOut.from_dict(data)



                return benchmark_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BenchmarkOut | None | Unset, data)

        benchmark = _parse_benchmark(d.pop("benchmark", UNSET))


        performance_out = cls(
            account_id=account_id,
            equity_curve=equity_curve,
            exposure=exposure,
            from_=from_,
            net_flows=net_flows,
            points=points,
            realized_pnl=realized_pnl,
            returns=returns,
            to=to,
            trades=trades,
            turnover=turnover,
            benchmark=benchmark,
        )


        performance_out.additional_properties = d
        return performance_out

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
