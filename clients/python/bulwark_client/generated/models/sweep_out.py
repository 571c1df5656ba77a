from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="SweepOut")



@_attrs_define
class SweepOut:
    """ 
        Attributes:
            contracts (int):
            ended_at (datetime.datetime):
            expiries (int):
            premium (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            right (str):
            side (str):
            started_at (datetime.datetime):
            strikes (int):
            symbols (list[str]):
     """

    contracts: int
    ended_at: datetime.datetime
    expiries: int
    premium: float
    right: str
    side: str
    started_at: datetime.datetime
    strikes: int
    symbols: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contracts = self.contracts

        ended_at = self.ended_at.isoformat()

        expiries = self.expiries

        premium = self.premium

        right = self.right

        side = self.side

        started_at = self.started_at.isoformat()

        strikes = self.strikes

        symbols = self.symbols




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contracts": contracts,
            "ended_at": ended_at,
            "expiries": expiries,
            "premium": premium,
            "right": right,
            "side": side,
            "started_at": started_at,
            "strikes": strikes,
            "symbols": symbols,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contracts = d.pop("contracts")

        ended_at = datetime.datetime.fromisoformat(d.pop("ended_at"))




        expiries = d.pop("expiries")

        premium = d.pop("premium")

        right = d.pop("right")

        side = d.pop("side")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        strikes = d.pop("strikes")

        symbols = cast(list[str], d.pop("symbols"))


        sweep_out = cls(
            contracts=contracts,
            ended_at=ended_at,
            expiries=expiries,
            premium=premium,
            right=right,
            side=side,
            started_at=started_at,
            strikes=strikes,
            symbols=symbols,
        )


        sweep_out.additional_properties = d
        return sweep_out

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
