from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="BacktestRequestOut")



@_attrs_define
class BacktestRequestOut:
    """ 
        Attributes:
            adjusted (bool):
            commission_bps (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            commission_per_share (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even,
                never in exponent notation
            from_ (datetime.date):
            slippage_bps (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            source (str):
            starting_cash (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            strategy_id (str):
            symbols (list[str]):
            timeframe (str):
            to (datetime.date):
     """

    adjusted: bool
    commission_bps: str
    commission_per_share: str
    from_: datetime.date
    slippage_bps: str
    source: str
    starting_cash: str
    strategy_id: str
    symbols: list[str]
    timeframe: str
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        adjusted = self.adjusted

        commission_bps = self.commission_bps

        commission_per_share = self.commission_per_share

        from_ = self.from_.isoformat()

        slippage_bps = self.slippage_bps

        source = self.source

        starting_cash = self.starting_cash

        strategy_id = self.strategy_id

        symbols = self.symbols



        timeframe = self.timeframe

        to = self.to.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "adjusted": adjusted,
            "commission_bps": commission_bps,
            "commission_per_share": commission_per_share,
            "from": from_,
            "slippage_bps": slippage_bps,
            "source": source,
            "starting_cash": starting_cash,
            "strategy_id": strategy_id,
            "symbols": symbols,
            "timeframe": timeframe,
            "to": to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjusted = d.pop("adjusted")

        commission_bps = d.pop("commission_bps")

        commission_per_share = d.pop("commission_per_share")

        from_ = datetime.date.fromisoformat(d.pop("from"))




        slippage_bps = d.pop("slippage_bps")

        source = d.pop("source")

        starting_cash = d.pop("starting_cash")

        strategy_id = d.pop("strategy_id")

        symbols = cast(list[str], d.pop("symbols"))


        timeframe = d.pop("timeframe")

        to = datetime.date.fromisoformat(d.pop("to"))




        backtest_request_out = cls(
            adjusted=adjusted,
            commission_bps=commission_bps,
            commission_per_share=commission_per_share,
            from_=from_,
            slippage_bps=slippage_bps,
            source=source,
            starting_cash=starting_cash,
            strategy_id=strategy_id,
            symbols=symbols,
            timeframe=timeframe,
            to=to,
        )


        backtest_request_out.additional_properties = d
        return backtest_request_out

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
