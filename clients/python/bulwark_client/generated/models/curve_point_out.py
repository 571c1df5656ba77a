from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CurvePointOut")



@_attrs_define
class CurvePointOut:
    """ 
        Attributes:
            daily_return (float | None): Time-weighted return of the day, flows at the start of the day: E_t / (E_(t-1) +
                F_t) - 1; null on the first day (the starting point)
            date (datetime.date):
            drawdown (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            net_flow (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    daily_return: float | None
    date: datetime.date
    drawdown: float
    equity: str
    net_flow: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        daily_return: float | None
        daily_return = self.daily_return

        date = self.date.isoformat()

        drawdown = self.drawdown

        equity = self.equity

        net_flow = self.net_flow


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "daily_return": daily_return,
            "date": date,
            "drawdown": drawdown,
            "equity": equity,
            "net_flow": net_flow,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_daily_return(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        daily_return = _parse_daily_return(d.pop("daily_return"))


        date = datetime.date.fromisoformat(d.pop("date"))




        drawdown = d.pop("drawdown")

        equity = d.pop("equity")

        net_flow = d.pop("net_flow")

        curve_point_out = cls(
            daily_return=daily_return,
            date=date,
            drawdown=drawdown,
            equity=equity,
            net_flow=net_flow,
        )


        curve_point_out.additional_properties = d
        return curve_point_out

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
