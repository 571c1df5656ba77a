from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.data_source import DataSource
from ..models.timeframe import Timeframe
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.commission_in import CommissionIn





T = TypeVar("T", bound="BacktestIn")



@_attrs_define
class BacktestIn:
    """ 
        Attributes:
            from_ (datetime.date):
            strategy_id (str):
            symbols (list[str]):
            to (datetime.date):
            adjusted (bool | Unset):  Default: False.
            commission (CommissionIn | None | Unset):
            slippage_bps (None | str | Unset):
            source (DataSource | Unset): Where a backtest's bars come from: the shipped synthetic set (the offline demo), or
                    the historical bar store (docs/bar-store.md) for real symbols.
            starting_cash (str | Unset): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such
                as "12.5" Default: '100000'.
            timeframe (Timeframe | Unset): The bar sizes every provider serves.
     """

    from_: datetime.date
    strategy_id: str
    symbols: list[str]
    to: datetime.date
    adjusted: bool | Unset = False
    commission: CommissionIn | None | Unset = UNSET
    slippage_bps: None | str | Unset = UNSET
    source: DataSource | Unset = UNSET
    starting_cash: str | Unset = '100000'
    timeframe: Timeframe | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.commission_in import CommissionIn # noqa: PLC0415
        from_ = self.from_.isoformat()

        strategy_id = self.strategy_id

        symbols = self.symbols



        to = self.to.isoformat()

        adjusted = self.adjusted

        commission: dict[str, Any] | None | Unset
        if isinstance(self.commission, Unset):
            commission = UNSET
        elif isinstance(self.commission, CommissionIn):
            commission = self.commission.to_dict()
        else:
            commission = self.commission

        slippage_bps: None | str | Unset
        if isinstance(self.slippage_bps, Unset):
            slippage_bps = UNSET
        else:
            slippage_bps = self.slippage_bps

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value


        starting_cash = self.starting_cash

        timeframe: str | Unset = UNSET
        if not isinstance(self.timeframe, Unset):
            timeframe = self.timeframe.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "from": from_,
            "strategy_id": strategy_id,
            "symbols": symbols,
            "to": to,
        })
        if adjusted is not UNSET:
            field_dict["adjusted"] = adjusted
        if commission is not UNSET:
            field_dict["commission"] = commission
        if slippage_bps is not UNSET:
            field_dict["slippage_bps"] = slippage_bps
        if source is not UNSET:
            field_dict["source"] = source
        if starting_cash is not UNSET:
            field_dict["starting_cash"] = starting_cash
        if timeframe is not UNSET:
            field_dict["timeframe"] = timeframe

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commission_in import CommissionIn # noqa: PLC0415
        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))




        strategy_id = d.pop("strategy_id")

        symbols = cast(list[str], d.pop("symbols"))


        to = datetime.date.fromisoformat(d.pop("to"))




        adjusted = d.pop("adjusted", UNSET)

        def _parse_commission(data: object) -> CommissionIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                commission_type_0 = CommissionIn.from_dict(data)



                return commission_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommissionIn | None | Unset, data)

        commission = _parse_commission(d.pop("commission", UNSET))


        def _parse_slippage_bps(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slippage_bps = _parse_slippage_bps(d.pop("slippage_bps", UNSET))


        _source = d.pop("source", UNSET)
        source: DataSource | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = DataSource(_source)




        starting_cash = d.pop("starting_cash", UNSET)

        _timeframe = d.pop("timeframe", UNSET)
        timeframe: Timeframe | Unset
        if isinstance(_timeframe,  Unset):
            timeframe = UNSET
        else:
            timeframe = Timeframe(_timeframe)




        backtest_in = cls(
            from_=from_,
            strategy_id=strategy_id,
            symbols=symbols,
            to=to,
            adjusted=adjusted,
            commission=commission,
            slippage_bps=slippage_bps,
            source=source,
            starting_cash=starting_cash,
            timeframe=timeframe,
        )


        backtest_in.additional_properties = d
        return backtest_in

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
