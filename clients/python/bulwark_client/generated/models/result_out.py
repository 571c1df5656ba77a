from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.data_out import DataOut
  from ..models.denied_out import DeniedOut
  from ..models.equity_out import EquityOut
  from ..models.metrics_out import MetricsOut
  from ..models.result_out_open_positions import ResultOutOpenPositions
  from ..models.trade_out import TradeOut





T = TypeVar("T", bound="ResultOut")



@_attrs_define
class ResultOut:
    """ 
        Attributes:
            bars (int):
            data (DataOut):
            denied (list[DeniedOut]):
            denied_total (int):
            equity (list[EquityOut]):
            metrics (MetricsOut | None):
            open_positions (ResultOutOpenPositions):
            orders_sent (int):
            trades (list[TradeOut]):
     """

    bars: int
    data: DataOut
    denied: list[DeniedOut]
    denied_total: int
    equity: list[EquityOut]
    metrics: MetricsOut | None
    open_positions: ResultOutOpenPositions
    orders_sent: int
    trades: list[TradeOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.data_out import DataOut # noqa: PLC0415
        from ..models.denied_out import DeniedOut # noqa: PLC0415
        from ..models.equity_out import EquityOut # noqa: PLC0415
        from ..models.metrics_out import MetricsOut # noqa: PLC0415
        from ..models.result_out_open_positions import ResultOutOpenPositions # noqa: PLC0415
        from ..models.trade_out import TradeOut # noqa: PLC0415
        bars = self.bars

        data = self.data.to_dict()

        denied = []
        for denied_item_data in self.denied:
            denied_item = denied_item_data.to_dict()
            denied.append(denied_item)



        denied_total = self.denied_total

        equity = []
        for equity_item_data in self.equity:
            equity_item = equity_item_data.to_dict()
            equity.append(equity_item)



        metrics: dict[str, Any] | None
        if isinstance(self.metrics, MetricsOut):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        open_positions = self.open_positions.to_dict()

        orders_sent = self.orders_sent

        trades = []
        for trades_item_data in self.trades:
            trades_item = trades_item_data.to_dict()
            trades.append(trades_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bars": bars,
            "data": data,
            "denied": denied,
            "denied_total": denied_total,
            "equity": equity,
            "metrics": metrics,
            "open_positions": open_positions,
            "orders_sent": orders_sent,
            "trades": trades,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_out import DataOut # noqa: PLC0415
        from ..models.denied_out import DeniedOut # noqa: PLC0415
        from ..models.equity_out import EquityOut # noqa: PLC0415
        from ..models.metrics_out import MetricsOut # noqa: PLC0415
        from ..models.result_out_open_positions import ResultOutOpenPositions # noqa: PLC0415
        from ..models.trade_out import TradeOut # noqa: PLC0415
        d = dict(src_dict)
        bars = d.pop("bars")

        data = DataOut.from_dict(d.pop("data"))




        denied = []
        _denied = d.pop("denied")
        for denied_item_data in (_denied):
            denied_item = DeniedOut.from_dict(denied_item_data)



            denied.append(denied_item)


        denied_total = d.pop("denied_total")

        equity = []
        _equity = d.pop("equity")
        for equity_item_data in (_equity):
            equity_item = EquityOut.from_dict(equity_item_data)



            equity.append(equity_item)


        def _parse_metrics(data: object) -> MetricsOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_0 = MetricsOut.from_dict(data)



                return metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetricsOut | None, data)

        metrics = _parse_metrics(d.pop("metrics"))


        open_positions = ResultOutOpenPositions.from_dict(d.pop("open_positions"))




        orders_sent = d.pop("orders_sent")

        trades = []
        _trades = d.pop("trades")
        for trades_item_data in (_trades):
            trades_item = TradeOut.from_dict(trades_item_data)



            trades.append(trades_item)


        result_out = cls(
            bars=bars,
            data=data,
            denied=denied,
            denied_total=denied_total,
            equity=equity,
            metrics=metrics,
            open_positions=open_positions,
            orders_sent=orders_sent,
            trades=trades,
        )


        result_out.additional_properties = d
        return result_out

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
