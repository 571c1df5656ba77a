from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.american_out_method import AmericanOutMethod
from typing import cast

if TYPE_CHECKING:
  from ..models.american_out_units import AmericanOutUnits





T = TypeVar("T", bound="AmericanOut")



@_attrs_define
class AmericanOut:
    """ 
        Attributes:
            count (int):
            delta (list[float | None] | None):
            early_exercise_premium (list[float | None]):
            european_price (list[float | None]):
            gamma (list[float | None] | None):
            method (AmericanOutMethod):
            price (list[float | None]):
            steps (int | None):
            theta (list[float | None] | None):
            theta_per_day (list[float | None] | None):
            units (AmericanOutUnits):
     """

    count: int
    delta: list[float | None] | None
    early_exercise_premium: list[float | None]
    european_price: list[float | None]
    gamma: list[float | None] | None
    method: AmericanOutMethod
    price: list[float | None]
    steps: int | None
    theta: list[float | None] | None
    theta_per_day: list[float | None] | None
    units: AmericanOutUnits
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.american_out_units import AmericanOutUnits # noqa: PLC0415
        count = self.count

        delta: list[float | None] | None
        if isinstance(self.delta, list):
            delta = []
            for delta_type_0_item_data in self.delta:
                delta_type_0_item: float | None
                delta_type_0_item = delta_type_0_item_data
                delta.append(delta_type_0_item)


        else:
            delta = self.delta

        early_exercise_premium = []
        for early_exercise_premium_item_data in self.early_exercise_premium:
            early_exercise_premium_item: float | None
            early_exercise_premium_item = early_exercise_premium_item_data
            early_exercise_premium.append(early_exercise_premium_item)



        european_price = []
        for european_price_item_data in self.european_price:
            european_price_item: float | None
            european_price_item = european_price_item_data
            european_price.append(european_price_item)



        gamma: list[float | None] | None
        if isinstance(self.gamma, list):
            gamma = []
            for gamma_type_0_item_data in self.gamma:
                gamma_type_0_item: float | None
                gamma_type_0_item = gamma_type_0_item_data
                gamma.append(gamma_type_0_item)


        else:
            gamma = self.gamma

        method = self.method.value

        price = []
        for price_item_data in self.price:
            price_item: float | None
            price_item = price_item_data
            price.append(price_item)



        steps: int | None
        steps = self.steps

        theta: list[float | None] | None
        if isinstance(self.theta, list):
            theta = []
            for theta_type_0_item_data in self.theta:
                theta_type_0_item: float | None
                theta_type_0_item = theta_type_0_item_data
                theta.append(theta_type_0_item)


        else:
            theta = self.theta

        theta_per_day: list[float | None] | None
        if isinstance(self.theta_per_day, list):
            theta_per_day = []
            for theta_per_day_type_0_item_data in self.theta_per_day:
                theta_per_day_type_0_item: float | None
                theta_per_day_type_0_item = theta_per_day_type_0_item_data
                theta_per_day.append(theta_per_day_type_0_item)


        else:
            theta_per_day = self.theta_per_day

        units = self.units.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "count": count,
            "delta": delta,
            "early_exercise_premium": early_exercise_premium,
            "european_price": european_price,
            "gamma": gamma,
            "method": method,
            "price": price,
            "steps": steps,
            "theta": theta,
            "theta_per_day": theta_per_day,
            "units": units,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.american_out_units import AmericanOutUnits # noqa: PLC0415
        d = dict(src_dict)
        count = d.pop("count")

        def _parse_delta(data: object) -> list[float | None] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                delta_type_0 = []
                _delta_type_0 = data
                for delta_type_0_item_data in (_delta_type_0):
                    def _parse_delta_type_0_item(data: object) -> float | None:
                        if data is None:
                            return data
                        return cast(float | None, data)

                    delta_type_0_item = _parse_delta_type_0_item(delta_type_0_item_data)

                    delta_type_0.append(delta_type_0_item)

                return delta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None] | None, data)

        delta = _parse_delta(d.pop("delta"))


        early_exercise_premium = []
        _early_exercise_premium = d.pop("early_exercise_premium")
        for early_exercise_premium_item_data in (_early_exercise_premium):
            def _parse_early_exercise_premium_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            early_exercise_premium_item = _parse_early_exercise_premium_item(early_exercise_premium_item_data)

            early_exercise_premium.append(early_exercise_premium_item)


        european_price = []
        _european_price = d.pop("european_price")
        for european_price_item_data in (_european_price):
            def _parse_european_price_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            european_price_item = _parse_european_price_item(european_price_item_data)

            european_price.append(european_price_item)


        def _parse_gamma(data: object) -> list[float | None] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                gamma_type_0 = []
                _gamma_type_0 = data
                for gamma_type_0_item_data in (_gamma_type_0):
                    def _parse_gamma_type_0_item(data: object) -> float | None:
                        if data is None:
                            return data
                        return cast(float | None, data)

                    gamma_type_0_item = _parse_gamma_type_0_item(gamma_type_0_item_data)

                    gamma_type_0.append(gamma_type_0_item)

                return gamma_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None] | None, data)

        gamma = _parse_gamma(d.pop("gamma"))


        method = AmericanOutMethod(d.pop("method"))




        price = []
        _price = d.pop("price")
        for price_item_data in (_price):
            def _parse_price_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            price_item = _parse_price_item(price_item_data)

            price.append(price_item)


        def _parse_steps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        steps = _parse_steps(d.pop("steps"))


        def _parse_theta(data: object) -> list[float | None] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                theta_type_0 = []
                _theta_type_0 = data
                for theta_type_0_item_data in (_theta_type_0):
                    def _parse_theta_type_0_item(data: object) -> float | None:
                        if data is None:
                            return data
                        return cast(float | None, data)

                    theta_type_0_item = _parse_theta_type_0_item(theta_type_0_item_data)

                    theta_type_0.append(theta_type_0_item)

                return theta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None] | None, data)

        theta = _parse_theta(d.pop("theta"))


        def _parse_theta_per_day(data: object) -> list[float | None] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                theta_per_day_type_0 = []
                _theta_per_day_type_0 = data
                for theta_per_day_type_0_item_data in (_theta_per_day_type_0):
                    def _parse_theta_per_day_type_0_item(data: object) -> float | None:
                        if data is None:
                            return data
                        return cast(float | None, data)

                    theta_per_day_type_0_item = _parse_theta_per_day_type_0_item(theta_per_day_type_0_item_data)

                    theta_per_day_type_0.append(theta_per_day_type_0_item)

                return theta_per_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None] | None, data)

        theta_per_day = _parse_theta_per_day(d.pop("theta_per_day"))


        units = AmericanOutUnits.from_dict(d.pop("units"))




        american_out = cls(
            count=count,
            delta=delta,
            early_exercise_premium=early_exercise_premium,
            european_price=european_price,
            gamma=gamma,
            method=method,
            price=price,
            steps=steps,
            theta=theta,
            theta_per_day=theta_per_day,
            units=units,
        )


        american_out.additional_properties = d
        return american_out

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
