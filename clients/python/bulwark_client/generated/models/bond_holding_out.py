from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.holding_shock_out import HoldingShockOut





T = TypeVar("T", bound="BondHoldingOut")



@_attrs_define
class BondHoldingOut:
    """ 
        Attributes:
            accrual_start (datetime.date):
            accrued_amount (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            accrued_interest (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            bpv (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            clean_price (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            compounding (str):
            convexity (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            coupon_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            day_count (str):
            dirty_price (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            dv01 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            face (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            frequency (int):
            issue_date (datetime.date | None):
            macaulay_duration (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            market_value (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            maturity (datetime.date):
            modified_duration (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            next_coupon (datetime.date):
            position_dv01 (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            price_source (str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            shocks (list[HoldingShockOut]):
            symbol (str):
            weighted_average_life (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            years_to_maturity (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            yield_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    accrual_start: datetime.date
    accrued_amount: float
    accrued_interest: float
    bpv: float
    clean_price: float
    compounding: str
    convexity: float
    coupon_rate: float
    day_count: str
    dirty_price: float
    dv01: float
    face: float
    frequency: int
    issue_date: datetime.date | None
    macaulay_duration: float
    market_value: float
    maturity: datetime.date
    modified_duration: float
    next_coupon: datetime.date
    position_dv01: float
    price_source: str
    quantity: str
    shocks: list[HoldingShockOut]
    symbol: str
    weighted_average_life: float
    years_to_maturity: float
    yield_rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.holding_shock_out import HoldingShockOut # noqa: PLC0415
        accrual_start = self.accrual_start.isoformat()

        accrued_amount = self.accrued_amount

        accrued_interest = self.accrued_interest

        bpv = self.bpv

        clean_price = self.clean_price

        compounding = self.compounding

        convexity = self.convexity

        coupon_rate = self.coupon_rate

        day_count = self.day_count

        dirty_price = self.dirty_price

        dv01 = self.dv01

        face = self.face

        frequency = self.frequency

        issue_date: None | str
        if isinstance(self.issue_date, datetime.date):
            issue_date = self.issue_date.isoformat()
        else:
            issue_date = self.issue_date

        macaulay_duration = self.macaulay_duration

        market_value = self.market_value

        maturity = self.maturity.isoformat()

        modified_duration = self.modified_duration

        next_coupon = self.next_coupon.isoformat()

        position_dv01 = self.position_dv01

        price_source = self.price_source

        quantity = self.quantity

        shocks = []
        for shocks_item_data in self.shocks:
            shocks_item = shocks_item_data.to_dict()
            shocks.append(shocks_item)



        symbol = self.symbol

        weighted_average_life = self.weighted_average_life

        years_to_maturity = self.years_to_maturity

        yield_rate = self.yield_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accrual_start": accrual_start,
            "accrued_amount": accrued_amount,
            "accrued_interest": accrued_interest,
            "bpv": bpv,
            "clean_price": clean_price,
            "compounding": compounding,
            "convexity": convexity,
            "coupon_rate": coupon_rate,
            "day_count": day_count,
            "dirty_price": dirty_price,
            "dv01": dv01,
            "face": face,
            "frequency": frequency,
            "issue_date": issue_date,
            "macaulay_duration": macaulay_duration,
            "market_value": market_value,
            "maturity": maturity,
            "modified_duration": modified_duration,
            "next_coupon": next_coupon,
            "position_dv01": position_dv01,
            "price_source": price_source,
            "quantity": quantity,
            "shocks": shocks,
            "symbol": symbol,
            "weighted_average_life": weighted_average_life,
            "years_to_maturity": years_to_maturity,
            "yield_rate": yield_rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.holding_shock_out import HoldingShockOut # noqa: PLC0415
        d = dict(src_dict)
        accrual_start = datetime.date.fromisoformat(d.pop("accrual_start"))




        accrued_amount = d.pop("accrued_amount")

        accrued_interest = d.pop("accrued_interest")

        bpv = d.pop("bpv")

        clean_price = d.pop("clean_price")

        compounding = d.pop("compounding")

        convexity = d.pop("convexity")

        coupon_rate = d.pop("coupon_rate")

        day_count = d.pop("day_count")

        dirty_price = d.pop("dirty_price")

        dv01 = d.pop("dv01")

        face = d.pop("face")

        frequency = d.pop("frequency")

        def _parse_issue_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_date_type_0 = datetime.date.fromisoformat(data)



                return issue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        issue_date = _parse_issue_date(d.pop("issue_date"))


        macaulay_duration = d.pop("macaulay_duration")

        market_value = d.pop("market_value")

        maturity = datetime.date.fromisoformat(d.pop("maturity"))




        modified_duration = d.pop("modified_duration")

        next_coupon = datetime.date.fromisoformat(d.pop("next_coupon"))




        position_dv01 = d.pop("position_dv01")

        price_source = d.pop("price_source")

        quantity = d.pop("quantity")

        shocks = []
        _shocks = d.pop("shocks")
        for shocks_item_data in (_shocks):
            shocks_item = HoldingShockOut.from_dict(shocks_item_data)



            shocks.append(shocks_item)


        symbol = d.pop("symbol")

        weighted_average_life = d.pop("weighted_average_life")

        years_to_maturity = d.pop("years_to_maturity")

        yield_rate = d.pop("yield_rate")

        bond_holding_out = cls(
            accrual_start=accrual_start,
            accrued_amount=accrued_amount,
            accrued_interest=accrued_interest,
            bpv=bpv,
            clean_price=clean_price,
            compounding=compounding,
            convexity=convexity,
            coupon_rate=coupon_rate,
            day_count=day_count,
            dirty_price=dirty_price,
            dv01=dv01,
            face=face,
            frequency=frequency,
            issue_date=issue_date,
            macaulay_duration=macaulay_duration,
            market_value=market_value,
            maturity=maturity,
            modified_duration=modified_duration,
            next_coupon=next_coupon,
            position_dv01=position_dv01,
            price_source=price_source,
            quantity=quantity,
            shocks=shocks,
            symbol=symbol,
            weighted_average_life=weighted_average_life,
            years_to_maturity=years_to_maturity,
            yield_rate=yield_rate,
        )


        bond_holding_out.additional_properties = d
        return bond_holding_out

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
