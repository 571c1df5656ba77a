from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.american_in_method import AmericanInMethod
from ..models.american_in_right_type_0 import AmericanInRightType0
from ..models.american_in_right_type_1_item import AmericanInRightType1Item
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AmericanIn")



@_attrs_define
class AmericanIn:
    """ 
        Attributes:
            spot (float | list[float]): Spot price, > 0; a number (broadcast to every option) or a list, one per option
            strike (float | list[float]): Strike price, > 0; a number (broadcast to every option) or a list, one per option
            vol (float | list[float]): Annualised volatility, a fraction (0.2 = 20%), in (0, 10]; a number (broadcast to
                every option) or a list, one per option
            years (float | list[float]): Years to expiry, in (0, 100]; a number (broadcast to every option) or a list, one
                per option
            dividend_yield (float | list[float] | Unset): Dividend yield, continuously compounded per year, in [-1, 1]; a
                number (broadcast to every option) or a list, one per option Default: 0.0.
            method (AmericanInMethod | Unset): crr: Cox-Ross-Rubinstein binomial tree (price, delta, gamma, theta); baw:
                Barone-Adesi-Whaley approximation (price) Default: AmericanInMethod.CRR.
            rate (float | list[float] | Unset): Risk-free rate, continuously compounded per year, in [-1, 1]; a number
                (broadcast to every option) or a list, one per option Default: 0.0.
            right (AmericanInRightType0 | list[AmericanInRightType1Item] | Unset): "call" or "put", or a list of them
                Default: AmericanInRightType0.CALL.
            steps (int | Unset): CRR tree steps, 1 to 10,000; options x steps^2 / 2 at most 2.5e+09 node updates per request
                (ignored by baw) Default: 500.
     """

    spot: float | list[float]
    strike: float | list[float]
    vol: float | list[float]
    years: float | list[float]
    dividend_yield: float | list[float] | Unset = 0.0
    method: AmericanInMethod | Unset = AmericanInMethod.CRR
    rate: float | list[float] | Unset = 0.0
    right: AmericanInRightType0 | list[AmericanInRightType1Item] | Unset = AmericanInRightType0.CALL
    steps: int | Unset = 500
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        spot: float | list[float]
        if isinstance(self.spot, list):
            spot = self.spot


        else:
            spot = self.spot

        strike: float | list[float]
        if isinstance(self.strike, list):
            strike = self.strike


        else:
            strike = self.strike

        vol: float | list[float]
        if isinstance(self.vol, list):
            vol = self.vol


        else:
            vol = self.vol

        years: float | list[float]
        if isinstance(self.years, list):
            years = self.years


        else:
            years = self.years

        dividend_yield: float | list[float] | Unset
        if isinstance(self.dividend_yield, Unset):
            dividend_yield = UNSET
        elif isinstance(self.dividend_yield, list):
            dividend_yield = self.dividend_yield


        else:
            dividend_yield = self.dividend_yield

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value


        rate: float | list[float] | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        elif isinstance(self.rate, list):
            rate = self.rate


        else:
            rate = self.rate

        right: list[str] | str | Unset
        if isinstance(self.right, Unset):
            right = UNSET
        elif isinstance(self.right, AmericanInRightType0):
            right = self.right.value
        else:
            right = []
            for right_type_1_item_data in self.right:
                right_type_1_item = right_type_1_item_data.value
                right.append(right_type_1_item)




        steps = self.steps


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "spot": spot,
            "strike": strike,
            "vol": vol,
            "years": years,
        })
        if dividend_yield is not UNSET:
            field_dict["dividend_yield"] = dividend_yield
        if method is not UNSET:
            field_dict["method"] = method
        if rate is not UNSET:
            field_dict["rate"] = rate
        if right is not UNSET:
            field_dict["right"] = right
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_spot(data: object) -> float | list[float]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                spot_type_1 = cast(list[float], data)

                return spot_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float], data)

        spot = _parse_spot(d.pop("spot"))


        def _parse_strike(data: object) -> float | list[float]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                strike_type_1 = cast(list[float], data)

                return strike_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float], data)

        strike = _parse_strike(d.pop("strike"))


        def _parse_vol(data: object) -> float | list[float]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                vol_type_1 = cast(list[float], data)

                return vol_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float], data)

        vol = _parse_vol(d.pop("vol"))


        def _parse_years(data: object) -> float | list[float]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                years_type_1 = cast(list[float], data)

                return years_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float], data)

        years = _parse_years(d.pop("years"))


        def _parse_dividend_yield(data: object) -> float | list[float] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                dividend_yield_type_1 = cast(list[float], data)

                return dividend_yield_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float] | Unset, data)

        dividend_yield = _parse_dividend_yield(d.pop("dividend_yield", UNSET))


        _method = d.pop("method", UNSET)
        method: AmericanInMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = AmericanInMethod(_method)




        def _parse_rate(data: object) -> float | list[float] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rate_type_1 = cast(list[float], data)

                return rate_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float] | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))


        def _parse_right(data: object) -> AmericanInRightType0 | list[AmericanInRightType1Item] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                right_type_0 = AmericanInRightType0(data)



                return right_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            right_type_1 = []
            _right_type_1 = data
            for right_type_1_item_data in (_right_type_1):
                right_type_1_item = AmericanInRightType1Item(right_type_1_item_data)



                right_type_1.append(right_type_1_item)

            return right_type_1

        right = _parse_right(d.pop("right", UNSET))


        steps = d.pop("steps", UNSET)

        american_in = cls(
            spot=spot,
            strike=strike,
            vol=vol,
            years=years,
            dividend_yield=dividend_yield,
            method=method,
            rate=rate,
            right=right,
            steps=steps,
        )


        american_in.additional_properties = d
        return american_in

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
