from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.compute_implied_volatility_json_body_right_type_0 import ComputeImpliedVolatilityJsonBodyRightType0
from ..models.compute_implied_volatility_json_body_right_type_1_item import ComputeImpliedVolatilityJsonBodyRightType1Item
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ComputeImpliedVolatilityJsonBody")



@_attrs_define
class ComputeImpliedVolatilityJsonBody:
    """ Each field a number or an array; arrays of one length (at most 1,000,000), scalars apply to every option

        Attributes:
            price (float | list[float | str] | str): option premium per unit of the underlying, >= 0
            spot (float | list[float | str] | str): underlying price, > 0
            strike (float | list[float | str] | str): strike price, > 0
            years (float | list[float | str] | str): time to expiry in years (calendar days / 365), > 0 and <= 100
            dividend_yield (float | list[float | str] | str | Unset): continuous dividend (or carry) yield per year,
                fraction, within +-1 (default 0.0)
            rate (float | list[float | str] | str | Unset): risk-free rate, continuously compounded per year, fraction,
                within +-1 (default 0.0)
            right (ComputeImpliedVolatilityJsonBodyRightType0 | list[ComputeImpliedVolatilityJsonBodyRightType1Item] |
                Unset): "call" or "put" (default 'call')
     """

    price: float | list[float | str] | str
    spot: float | list[float | str] | str
    strike: float | list[float | str] | str
    years: float | list[float | str] | str
    dividend_yield: float | list[float | str] | str | Unset = UNSET
    rate: float | list[float | str] | str | Unset = UNSET
    right: ComputeImpliedVolatilityJsonBodyRightType0 | list[ComputeImpliedVolatilityJsonBodyRightType1Item] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        price: float | list[float | str] | str
        if isinstance(self.price, list):
            price = []
            for price_type_2_item_data in self.price:
                price_type_2_item: float | str
                price_type_2_item = price_type_2_item_data
                price.append(price_type_2_item)


        else:
            price = self.price

        spot: float | list[float | str] | str
        if isinstance(self.spot, list):
            spot = []
            for spot_type_2_item_data in self.spot:
                spot_type_2_item: float | str
                spot_type_2_item = spot_type_2_item_data
                spot.append(spot_type_2_item)


        else:
            spot = self.spot

        strike: float | list[float | str] | str
        if isinstance(self.strike, list):
            strike = []
            for strike_type_2_item_data in self.strike:
                strike_type_2_item: float | str
                strike_type_2_item = strike_type_2_item_data
                strike.append(strike_type_2_item)


        else:
            strike = self.strike

        years: float | list[float | str] | str
        if isinstance(self.years, list):
            years = []
            for years_type_2_item_data in self.years:
                years_type_2_item: float | str
                years_type_2_item = years_type_2_item_data
                years.append(years_type_2_item)


        else:
            years = self.years

        dividend_yield: float | list[float | str] | str | Unset
        if isinstance(self.dividend_yield, Unset):
            dividend_yield = UNSET
        elif isinstance(self.dividend_yield, list):
            dividend_yield = []
            for dividend_yield_type_2_item_data in self.dividend_yield:
                dividend_yield_type_2_item: float | str
                dividend_yield_type_2_item = dividend_yield_type_2_item_data
                dividend_yield.append(dividend_yield_type_2_item)


        else:
            dividend_yield = self.dividend_yield

        rate: float | list[float | str] | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        elif isinstance(self.rate, list):
            rate = []
            for rate_type_2_item_data in self.rate:
                rate_type_2_item: float | str
                rate_type_2_item = rate_type_2_item_data
                rate.append(rate_type_2_item)


        else:
            rate = self.rate

        right: list[str] | str | Unset
        if isinstance(self.right, Unset):
            right = UNSET
        elif isinstance(self.right, ComputeImpliedVolatilityJsonBodyRightType0):
            right = self.right.value
        else:
            right = []
            for right_type_1_item_data in self.right:
                right_type_1_item = right_type_1_item_data.value
                right.append(right_type_1_item)





        field_dict: dict[str, Any] = {}

        field_dict.update({
            "price": price,
            "spot": spot,
            "strike": strike,
            "years": years,
        })
        if dividend_yield is not UNSET:
            field_dict["dividend_yield"] = dividend_yield
        if rate is not UNSET:
            field_dict["rate"] = rate
        if right is not UNSET:
            field_dict["right"] = right

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_price(data: object) -> float | list[float | str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                price_type_2 = []
                _price_type_2 = data
                for price_type_2_item_data in (_price_type_2):
                    def _parse_price_type_2_item(data: object) -> float | str:
                        return cast(float | str, data)

                    price_type_2_item = _parse_price_type_2_item(price_type_2_item_data)

                    price_type_2.append(price_type_2_item)

                return price_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float | str] | str, data)

        price = _parse_price(d.pop("price"))


        def _parse_spot(data: object) -> float | list[float | str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                spot_type_2 = []
                _spot_type_2 = data
                for spot_type_2_item_data in (_spot_type_2):
                    def _parse_spot_type_2_item(data: object) -> float | str:
                        return cast(float | str, data)

                    spot_type_2_item = _parse_spot_type_2_item(spot_type_2_item_data)

                    spot_type_2.append(spot_type_2_item)

                return spot_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float | str] | str, data)

        spot = _parse_spot(d.pop("spot"))


        def _parse_strike(data: object) -> float | list[float | str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                strike_type_2 = []
                _strike_type_2 = data
                for strike_type_2_item_data in (_strike_type_2):
                    def _parse_strike_type_2_item(data: object) -> float | str:
                        return cast(float | str, data)

                    strike_type_2_item = _parse_strike_type_2_item(strike_type_2_item_data)

                    strike_type_2.append(strike_type_2_item)

                return strike_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float | str] | str, data)

        strike = _parse_strike(d.pop("strike"))


        def _parse_years(data: object) -> float | list[float | str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                years_type_2 = []
                _years_type_2 = data
                for years_type_2_item_data in (_years_type_2):
                    def _parse_years_type_2_item(data: object) -> float | str:
                        return cast(float | str, data)

                    years_type_2_item = _parse_years_type_2_item(years_type_2_item_data)

                    years_type_2.append(years_type_2_item)

                return years_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float | str] | str, data)

        years = _parse_years(d.pop("years"))


        def _parse_dividend_yield(data: object) -> float | list[float | str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                dividend_yield_type_2 = []
                _dividend_yield_type_2 = data
                for dividend_yield_type_2_item_data in (_dividend_yield_type_2):
                    def _parse_dividend_yield_type_2_item(data: object) -> float | str:
                        return cast(float | str, data)

                    dividend_yield_type_2_item = _parse_dividend_yield_type_2_item(dividend_yield_type_2_item_data)

                    dividend_yield_type_2.append(dividend_yield_type_2_item)

                return dividend_yield_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float | str] | str | Unset, data)

        dividend_yield = _parse_dividend_yield(d.pop("dividend_yield", UNSET))


        def _parse_rate(data: object) -> float | list[float | str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rate_type_2 = []
                _rate_type_2 = data
                for rate_type_2_item_data in (_rate_type_2):
                    def _parse_rate_type_2_item(data: object) -> float | str:
                        return cast(float | str, data)

                    rate_type_2_item = _parse_rate_type_2_item(rate_type_2_item_data)

                    rate_type_2.append(rate_type_2_item)

                return rate_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float | str] | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))


        def _parse_right(data: object) -> ComputeImpliedVolatilityJsonBodyRightType0 | list[ComputeImpliedVolatilityJsonBodyRightType1Item] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                right_type_0 = ComputeImpliedVolatilityJsonBodyRightType0(data)



                return right_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            right_type_1 = []
            _right_type_1 = data
            for right_type_1_item_data in (_right_type_1):
                right_type_1_item = ComputeImpliedVolatilityJsonBodyRightType1Item(right_type_1_item_data)



                right_type_1.append(right_type_1_item)

            return right_type_1

        right = _parse_right(d.pop("right", UNSET))


        compute_implied_volatility_json_body = cls(
            price=price,
            spot=spot,
            strike=strike,
            years=years,
            dividend_yield=dividend_yield,
            rate=rate,
            right=right,
        )

        return compute_implied_volatility_json_body

