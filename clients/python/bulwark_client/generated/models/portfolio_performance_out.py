from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.performance_conventions_out import PerformanceConventionsOut
  from ..models.valuation_point_out import ValuationPointOut





T = TypeVar("T", bound="PortfolioPerformanceOut")



@_attrs_define
class PortfolioPerformanceOut:
    """ 
        Attributes:
            closing_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            conventions (PerformanceConventionsOut):
            currency (str):
            days (int):
            end (datetime.date):
            excluded_currencies (list[str]): Rows in these were left out (no FX)
            modified_dietz (None | str): Modified Dietz return over the window
            mwr (None | str): Money-weighted return (XIRR), annualized ACT/365
            opening_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            points (list[ValuationPointOut]):
            portfolio_id (str):
            start (datetime.date):
            twr (None | str): Time-weighted return over the window (0.05 = 5%)
            twr_annualized (None | str): (1 + twr) ** (365 / days) - 1
            without_closes (list[str]): Symbols without daily closes: valued at their last trade price
     """

    closing_value: str
    conventions: PerformanceConventionsOut
    currency: str
    days: int
    end: datetime.date
    excluded_currencies: list[str]
    modified_dietz: None | str
    mwr: None | str
    opening_value: str
    points: list[ValuationPointOut]
    portfolio_id: str
    start: datetime.date
    twr: None | str
    twr_annualized: None | str
    without_closes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.performance_conventions_out import PerformanceConventionsOut # noqa: PLC0415
        from ..models.valuation_point_out import ValuationPointOut # noqa: PLC0415
        closing_value = self.closing_value

        conventions = self.conventions.to_dict()

        currency = self.currency

        days = self.days

        end = self.end.isoformat()

        excluded_currencies = self.excluded_currencies



        modified_dietz: None | str
        modified_dietz = self.modified_dietz

        mwr: None | str
        mwr = self.mwr

        opening_value = self.opening_value

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)



        portfolio_id = self.portfolio_id

        start = self.start.isoformat()

        twr: None | str
        twr = self.twr

        twr_annualized: None | str
        twr_annualized = self.twr_annualized

        without_closes = self.without_closes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "closing_value": closing_value,
            "conventions": conventions,
            "currency": currency,
            "days": days,
            "end": end,
            "excluded_currencies": excluded_currencies,
            "modified_dietz": modified_dietz,
            "mwr": mwr,
            "opening_value": opening_value,
            "points": points,
            "portfolio_id": portfolio_id,
            "start": start,
            "twr": twr,
            "twr_annualized": twr_annualized,
            "without_closes": without_closes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.performance_conventions_out import PerformanceConventionsOut # noqa: PLC0415
        from ..models.valuation_point_out import ValuationPointOut # noqa: PLC0415
        d = dict(src_dict)
        closing_value = d.pop("closing_value")

        conventions = PerformanceConventionsOut.from_dict(d.pop("conventions"))




        currency = d.pop("currency")

        days = d.pop("days")

        end = datetime.date.fromisoformat(d.pop("end"))




        excluded_currencies = cast(list[str], d.pop("excluded_currencies"))


        def _parse_modified_dietz(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        modified_dietz = _parse_modified_dietz(d.pop("modified_dietz"))


        def _parse_mwr(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mwr = _parse_mwr(d.pop("mwr"))


        opening_value = d.pop("opening_value")

        points = []
        _points = d.pop("points")
        for points_item_data in (_points):
            points_item = ValuationPointOut.from_dict(points_item_data)



            points.append(points_item)


        portfolio_id = d.pop("portfolio_id")

        start = datetime.date.fromisoformat(d.pop("start"))




        def _parse_twr(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        twr = _parse_twr(d.pop("twr"))


        def _parse_twr_annualized(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        twr_annualized = _parse_twr_annualized(d.pop("twr_annualized"))


        without_closes = cast(list[str], d.pop("without_closes"))


        portfolio_performance_out = cls(
            closing_value=closing_value,
            conventions=conventions,
            currency=currency,
            days=days,
            end=end,
            excluded_currencies=excluded_currencies,
            modified_dietz=modified_dietz,
            mwr=mwr,
            opening_value=opening_value,
            points=points,
            portfolio_id=portfolio_id,
            start=start,
            twr=twr,
            twr_annualized=twr_annualized,
            without_closes=without_closes,
        )


        portfolio_performance_out.additional_properties = d
        return portfolio_performance_out

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
