from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.bond_holding_out import BondHoldingOut
  from ..models.bond_totals_out import BondTotalsOut
  from ..models.ladder_shock_out import LadderShockOut
  from ..models.portfolio_bonds_out_units import PortfolioBondsOutUnits
  from ..models.skipped_holding_out import SkippedHoldingOut





T = TypeVar("T", bound="PortfolioBondsOut")



@_attrs_define
class PortfolioBondsOut:
    """ 
        Attributes:
            bond_units (str):
            compounding (str):
            currency (str):
            holdings (list[BondHoldingOut]):
            portfolio_id (str):
            schedule (str):
            settlement (datetime.date):
            shocks (list[LadderShockOut]):
            skipped (list[SkippedHoldingOut]):
            totals (BondTotalsOut | None):
            units (PortfolioBondsOutUnits):
            wal_day_count (str):
     """

    bond_units: str
    compounding: str
    currency: str
    holdings: list[BondHoldingOut]
    portfolio_id: str
    schedule: str
    settlement: datetime.date
    shocks: list[LadderShockOut]
    skipped: list[SkippedHoldingOut]
    totals: BondTotalsOut | None
    units: PortfolioBondsOutUnits
    wal_day_count: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bond_holding_out import BondHoldingOut # noqa: PLC0415
        from ..models.bond_totals_out import BondTotalsOut # noqa: PLC0415
        from ..models.ladder_shock_out import LadderShockOut # noqa: PLC0415
        from ..models.portfolio_bonds_out_units import PortfolioBondsOutUnits # noqa: PLC0415
        from ..models.skipped_holding_out import SkippedHoldingOut # noqa: PLC0415
        bond_units = self.bond_units

        compounding = self.compounding

        currency = self.currency

        holdings = []
        for holdings_item_data in self.holdings:
            holdings_item = holdings_item_data.to_dict()
            holdings.append(holdings_item)



        portfolio_id = self.portfolio_id

        schedule = self.schedule

        settlement = self.settlement.isoformat()

        shocks = []
        for shocks_item_data in self.shocks:
            shocks_item = shocks_item_data.to_dict()
            shocks.append(shocks_item)



        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)



        totals: dict[str, Any] | None
        if isinstance(self.totals, BondTotalsOut):
            totals = self.totals.to_dict()
        else:
            totals = self.totals

        units = self.units.to_dict()

        wal_day_count = self.wal_day_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bond_units": bond_units,
            "compounding": compounding,
            "currency": currency,
            "holdings": holdings,
            "portfolio_id": portfolio_id,
            "schedule": schedule,
            "settlement": settlement,
            "shocks": shocks,
            "skipped": skipped,
            "totals": totals,
            "units": units,
            "wal_day_count": wal_day_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bond_holding_out import BondHoldingOut # noqa: PLC0415
        from ..models.bond_totals_out import BondTotalsOut # noqa: PLC0415
        from ..models.ladder_shock_out import LadderShockOut # noqa: PLC0415
        from ..models.portfolio_bonds_out_units import PortfolioBondsOutUnits # noqa: PLC0415
        from ..models.skipped_holding_out import SkippedHoldingOut # noqa: PLC0415
        d = dict(src_dict)
        bond_units = d.pop("bond_units")

        compounding = d.pop("compounding")

        currency = d.pop("currency")

        holdings = []
        _holdings = d.pop("holdings")
        for holdings_item_data in (_holdings):
            holdings_item = BondHoldingOut.from_dict(holdings_item_data)



            holdings.append(holdings_item)


        portfolio_id = d.pop("portfolio_id")

        schedule = d.pop("schedule")

        settlement = datetime.date.fromisoformat(d.pop("settlement"))




        shocks = []
        _shocks = d.pop("shocks")
        for shocks_item_data in (_shocks):
            shocks_item = LadderShockOut.from_dict(shocks_item_data)



            shocks.append(shocks_item)


        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in (_skipped):
            skipped_item = SkippedHoldingOut.from_dict(skipped_item_data)



            skipped.append(skipped_item)


        def _parse_totals(data: object) -> BondTotalsOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                totals_type_0 = BondTotalsOut.from_dict(data)



                return totals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BondTotalsOut | None, data)

        totals = _parse_totals(d.pop("totals"))


        units = PortfolioBondsOutUnits.from_dict(d.pop("units"))




        wal_day_count = d.pop("wal_day_count")

        portfolio_bonds_out = cls(
            bond_units=bond_units,
            compounding=compounding,
            currency=currency,
            holdings=holdings,
            portfolio_id=portfolio_id,
            schedule=schedule,
            settlement=settlement,
            shocks=shocks,
            skipped=skipped,
            totals=totals,
            units=units,
            wal_day_count=wal_day_count,
        )


        portfolio_bonds_out.additional_properties = d
        return portfolio_bonds_out

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
