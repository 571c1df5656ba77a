from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="BondIn")



@_attrs_define
class BondIn:
    """ 
        Attributes:
            coupon_rate (float): Fraction a year, >= 0 (0.05 = 5%)
            maturity (datetime.date):
            settlement (datetime.date):
            clean_price (float | None | Unset): Clean price per 100 face: solve the yield
            currency (str | Unset): ISO 4217 (default USD) Default: 'USD'.
            day_count (str | Unset): One of: 30/360 US, 30/360 Bond Basis, ACT/365F, ACT/ACT ICMA, ACT/ACT ISDA (default
                30/360 US) Default: '30/360 US'.
            face (float | Unset): Face amount held, currency (default 100) Default: 100.0.
            frequency (int | Unset): Coupons a year: 1, 2 or 4 (default 2) Default: 2.
            issue_date (datetime.date | None | Unset): Optional; on or before settlement (a stub first period)
            shocks_bp (list[float] | None | Unset): Parallel yield shifts in bp, at most 50 (default -200, -100, -50, -25,
                +25, +50, +100, +200); +/- N bp: [-N, N]
            yield_rate (float | None | Unset): Yield to maturity, fraction compounded `frequency` a year
     """

    coupon_rate: float
    maturity: datetime.date
    settlement: datetime.date
    clean_price: float | None | Unset = UNSET
    currency: str | Unset = 'USD'
    day_count: str | Unset = '30/360 US'
    face: float | Unset = 100.0
    frequency: int | Unset = 2
    issue_date: datetime.date | None | Unset = UNSET
    shocks_bp: list[float] | None | Unset = UNSET
    yield_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        coupon_rate = self.coupon_rate

        maturity = self.maturity.isoformat()

        settlement = self.settlement.isoformat()

        clean_price: float | None | Unset
        if isinstance(self.clean_price, Unset):
            clean_price = UNSET
        else:
            clean_price = self.clean_price

        currency = self.currency

        day_count = self.day_count

        face = self.face

        frequency = self.frequency

        issue_date: None | str | Unset
        if isinstance(self.issue_date, Unset):
            issue_date = UNSET
        elif isinstance(self.issue_date, datetime.date):
            issue_date = self.issue_date.isoformat()
        else:
            issue_date = self.issue_date

        shocks_bp: list[float] | None | Unset
        if isinstance(self.shocks_bp, Unset):
            shocks_bp = UNSET
        elif isinstance(self.shocks_bp, list):
            shocks_bp = self.shocks_bp


        else:
            shocks_bp = self.shocks_bp

        yield_rate: float | None | Unset
        if isinstance(self.yield_rate, Unset):
            yield_rate = UNSET
        else:
            yield_rate = self.yield_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "coupon_rate": coupon_rate,
            "maturity": maturity,
            "settlement": settlement,
        })
        if clean_price is not UNSET:
            field_dict["clean_price"] = clean_price
        if currency is not UNSET:
            field_dict["currency"] = currency
        if day_count is not UNSET:
            field_dict["day_count"] = day_count
        if face is not UNSET:
            field_dict["face"] = face
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if issue_date is not UNSET:
            field_dict["issue_date"] = issue_date
        if shocks_bp is not UNSET:
            field_dict["shocks_bp"] = shocks_bp
        if yield_rate is not UNSET:
            field_dict["yield_rate"] = yield_rate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coupon_rate = d.pop("coupon_rate")

        maturity = datetime.date.fromisoformat(d.pop("maturity"))




        settlement = datetime.date.fromisoformat(d.pop("settlement"))




        def _parse_clean_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        clean_price = _parse_clean_price(d.pop("clean_price", UNSET))


        currency = d.pop("currency", UNSET)

        day_count = d.pop("day_count", UNSET)

        face = d.pop("face", UNSET)

        frequency = d.pop("frequency", UNSET)

        def _parse_issue_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_date_type_0 = datetime.date.fromisoformat(data)



                return issue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issue_date = _parse_issue_date(d.pop("issue_date", UNSET))


        def _parse_shocks_bp(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                shocks_bp_type_0 = cast(list[float], data)

                return shocks_bp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        shocks_bp = _parse_shocks_bp(d.pop("shocks_bp", UNSET))


        def _parse_yield_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        yield_rate = _parse_yield_rate(d.pop("yield_rate", UNSET))


        bond_in = cls(
            coupon_rate=coupon_rate,
            maturity=maturity,
            settlement=settlement,
            clean_price=clean_price,
            currency=currency,
            day_count=day_count,
            face=face,
            frequency=frequency,
            issue_date=issue_date,
            shocks_bp=shocks_bp,
            yield_rate=yield_rate,
        )


        bond_in.additional_properties = d
        return bond_in

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
