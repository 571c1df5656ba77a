from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AlternativesLimitsOut")



@_attrs_define
class AlternativesLimitsOut:
    """ 
        Attributes:
            commodity_max_weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            crypto_market_cap_floor (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            crypto_max_weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            next_rebalance (datetime.date):
            periods_per_year (int):
            private_equity_max_net_worth_fraction (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with
                exactly 10 decimal places, rounded half-even, never in exponent notation
            rebalance_drift_band (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            rebalance_schedule (str):
            reit_max_sector_weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            volatility_cap (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    commodity_max_weight: float
    crypto_market_cap_floor: str
    crypto_max_weight: float
    next_rebalance: datetime.date
    periods_per_year: int
    private_equity_max_net_worth_fraction: str
    rebalance_drift_band: float
    rebalance_schedule: str
    reit_max_sector_weight: float
    volatility_cap: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        commodity_max_weight = self.commodity_max_weight

        crypto_market_cap_floor = self.crypto_market_cap_floor

        crypto_max_weight = self.crypto_max_weight

        next_rebalance = self.next_rebalance.isoformat()

        periods_per_year = self.periods_per_year

        private_equity_max_net_worth_fraction = self.private_equity_max_net_worth_fraction

        rebalance_drift_band = self.rebalance_drift_band

        rebalance_schedule = self.rebalance_schedule

        reit_max_sector_weight = self.reit_max_sector_weight

        volatility_cap = self.volatility_cap


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "commodity_max_weight": commodity_max_weight,
            "crypto_market_cap_floor": crypto_market_cap_floor,
            "crypto_max_weight": crypto_max_weight,
            "next_rebalance": next_rebalance,
            "periods_per_year": periods_per_year,
            "private_equity_max_net_worth_fraction": private_equity_max_net_worth_fraction,
            "rebalance_drift_band": rebalance_drift_band,
            "rebalance_schedule": rebalance_schedule,
            "reit_max_sector_weight": reit_max_sector_weight,
            "volatility_cap": volatility_cap,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commodity_max_weight = d.pop("commodity_max_weight")

        crypto_market_cap_floor = d.pop("crypto_market_cap_floor")

        crypto_max_weight = d.pop("crypto_max_weight")

        next_rebalance = datetime.date.fromisoformat(d.pop("next_rebalance"))




        periods_per_year = d.pop("periods_per_year")

        private_equity_max_net_worth_fraction = d.pop("private_equity_max_net_worth_fraction")

        rebalance_drift_band = d.pop("rebalance_drift_band")

        rebalance_schedule = d.pop("rebalance_schedule")

        reit_max_sector_weight = d.pop("reit_max_sector_weight")

        volatility_cap = d.pop("volatility_cap")

        alternatives_limits_out = cls(
            commodity_max_weight=commodity_max_weight,
            crypto_market_cap_floor=crypto_market_cap_floor,
            crypto_max_weight=crypto_max_weight,
            next_rebalance=next_rebalance,
            periods_per_year=periods_per_year,
            private_equity_max_net_worth_fraction=private_equity_max_net_worth_fraction,
            rebalance_drift_band=rebalance_drift_band,
            rebalance_schedule=rebalance_schedule,
            reit_max_sector_weight=reit_max_sector_weight,
            volatility_cap=volatility_cap,
        )


        alternatives_limits_out.additional_properties = d
        return alternatives_limits_out

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
