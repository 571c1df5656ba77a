from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ladder_out_units import LadderOutUnits
  from ..models.ladder_position_out import LadderPositionOut
  from ..models.ladder_shock_out import LadderShockOut





T = TypeVar("T", bound="LadderOut")



@_attrs_define
class LadderOut:
    """ 
        Attributes:
            accrued_amount (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            compounding (str):
            convexity (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            currency (str):
            day_count (str):
            dv01 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            first_maturity (datetime.date):
            gaps (list[int]):
            last_maturity (datetime.date):
            market_value (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            maturity_years (list[int]):
            modified_duration (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            positions (list[LadderPositionOut]):
            schedule (str):
            settlement (datetime.date):
            shocks (list[LadderShockOut]):
            total_face (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            units (LadderOutUnits):
            wal_day_count (str):
            weighted_average_life (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    accrued_amount: float
    compounding: str
    convexity: float
    currency: str
    day_count: str
    dv01: float
    first_maturity: datetime.date
    gaps: list[int]
    last_maturity: datetime.date
    market_value: float
    maturity_years: list[int]
    modified_duration: float
    positions: list[LadderPositionOut]
    schedule: str
    settlement: datetime.date
    shocks: list[LadderShockOut]
    total_face: float
    units: LadderOutUnits
    wal_day_count: str
    weighted_average_life: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ladder_out_units import LadderOutUnits # noqa: PLC0415
        from ..models.ladder_position_out import LadderPositionOut # noqa: PLC0415
        from ..models.ladder_shock_out import LadderShockOut # noqa: PLC0415
        accrued_amount = self.accrued_amount

        compounding = self.compounding

        convexity = self.convexity

        currency = self.currency

        day_count = self.day_count

        dv01 = self.dv01

        first_maturity = self.first_maturity.isoformat()

        gaps = self.gaps



        last_maturity = self.last_maturity.isoformat()

        market_value = self.market_value

        maturity_years = self.maturity_years



        modified_duration = self.modified_duration

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)



        schedule = self.schedule

        settlement = self.settlement.isoformat()

        shocks = []
        for shocks_item_data in self.shocks:
            shocks_item = shocks_item_data.to_dict()
            shocks.append(shocks_item)



        total_face = self.total_face

        units = self.units.to_dict()

        wal_day_count = self.wal_day_count

        weighted_average_life = self.weighted_average_life


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accrued_amount": accrued_amount,
            "compounding": compounding,
            "convexity": convexity,
            "currency": currency,
            "day_count": day_count,
            "dv01": dv01,
            "first_maturity": first_maturity,
            "gaps": gaps,
            "last_maturity": last_maturity,
            "market_value": market_value,
            "maturity_years": maturity_years,
            "modified_duration": modified_duration,
            "positions": positions,
            "schedule": schedule,
            "settlement": settlement,
            "shocks": shocks,
            "total_face": total_face,
            "units": units,
            "wal_day_count": wal_day_count,
            "weighted_average_life": weighted_average_life,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ladder_out_units import LadderOutUnits # noqa: PLC0415
        from ..models.ladder_position_out import LadderPositionOut # noqa: PLC0415
        from ..models.ladder_shock_out import LadderShockOut # noqa: PLC0415
        d = dict(src_dict)
        accrued_amount = d.pop("accrued_amount")

        compounding = d.pop("compounding")

        convexity = d.pop("convexity")

        currency = d.pop("currency")

        day_count = d.pop("day_count")

        dv01 = d.pop("dv01")

        first_maturity = datetime.date.fromisoformat(d.pop("first_maturity"))




        gaps = cast(list[int], d.pop("gaps"))


        last_maturity = datetime.date.fromisoformat(d.pop("last_maturity"))




        market_value = d.pop("market_value")

        maturity_years = cast(list[int], d.pop("maturity_years"))


        modified_duration = d.pop("modified_duration")

        positions = []
        _positions = d.pop("positions")
        for positions_item_data in (_positions):
            positions_item = LadderPositionOut.from_dict(positions_item_data)



            positions.append(positions_item)


        schedule = d.pop("schedule")

        settlement = datetime.date.fromisoformat(d.pop("settlement"))




        shocks = []
        _shocks = d.pop("shocks")
        for shocks_item_data in (_shocks):
            shocks_item = LadderShockOut.from_dict(shocks_item_data)



            shocks.append(shocks_item)


        total_face = d.pop("total_face")

        units = LadderOutUnits.from_dict(d.pop("units"))




        wal_day_count = d.pop("wal_day_count")

        weighted_average_life = d.pop("weighted_average_life")

        ladder_out = cls(
            accrued_amount=accrued_amount,
            compounding=compounding,
            convexity=convexity,
            currency=currency,
            day_count=day_count,
            dv01=dv01,
            first_maturity=first_maturity,
            gaps=gaps,
            last_maturity=last_maturity,
            market_value=market_value,
            maturity_years=maturity_years,
            modified_duration=modified_duration,
            positions=positions,
            schedule=schedule,
            settlement=settlement,
            shocks=shocks,
            total_face=total_face,
            units=units,
            wal_day_count=wal_day_count,
            weighted_average_life=weighted_average_life,
        )


        ladder_out.additional_properties = d
        return ladder_out

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
