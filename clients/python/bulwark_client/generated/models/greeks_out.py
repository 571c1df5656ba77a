from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.greeks_out_units import GreeksOutUnits





T = TypeVar("T", bound="GreeksOut")



@_attrs_define
class GreeksOut:
    """ 
        Attributes:
            backend (str):
            charm (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            charm_per_day (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            count (int):
            delta (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            gamma (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            price (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            rho (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            rho_per_percent (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            theta (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            theta_per_day (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            units (GreeksOutUnits):
            vanna (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            vega (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            vega_per_point (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
            volga (list[float | None]): One per option, rounded to 10 decimal places; null: not finite
     """

    backend: str
    charm: list[float | None]
    charm_per_day: list[float | None]
    count: int
    delta: list[float | None]
    gamma: list[float | None]
    price: list[float | None]
    rho: list[float | None]
    rho_per_percent: list[float | None]
    theta: list[float | None]
    theta_per_day: list[float | None]
    units: GreeksOutUnits
    vanna: list[float | None]
    vega: list[float | None]
    vega_per_point: list[float | None]
    volga: list[float | None]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.greeks_out_units import GreeksOutUnits # noqa: PLC0415
        backend = self.backend

        charm = []
        for charm_item_data in self.charm:
            charm_item: float | None
            charm_item = charm_item_data
            charm.append(charm_item)



        charm_per_day = []
        for charm_per_day_item_data in self.charm_per_day:
            charm_per_day_item: float | None
            charm_per_day_item = charm_per_day_item_data
            charm_per_day.append(charm_per_day_item)



        count = self.count

        delta = []
        for delta_item_data in self.delta:
            delta_item: float | None
            delta_item = delta_item_data
            delta.append(delta_item)



        gamma = []
        for gamma_item_data in self.gamma:
            gamma_item: float | None
            gamma_item = gamma_item_data
            gamma.append(gamma_item)



        price = []
        for price_item_data in self.price:
            price_item: float | None
            price_item = price_item_data
            price.append(price_item)



        rho = []
        for rho_item_data in self.rho:
            rho_item: float | None
            rho_item = rho_item_data
            rho.append(rho_item)



        rho_per_percent = []
        for rho_per_percent_item_data in self.rho_per_percent:
            rho_per_percent_item: float | None
            rho_per_percent_item = rho_per_percent_item_data
            rho_per_percent.append(rho_per_percent_item)



        theta = []
        for theta_item_data in self.theta:
            theta_item: float | None
            theta_item = theta_item_data
            theta.append(theta_item)



        theta_per_day = []
        for theta_per_day_item_data in self.theta_per_day:
            theta_per_day_item: float | None
            theta_per_day_item = theta_per_day_item_data
            theta_per_day.append(theta_per_day_item)



        units = self.units.to_dict()

        vanna = []
        for vanna_item_data in self.vanna:
            vanna_item: float | None
            vanna_item = vanna_item_data
            vanna.append(vanna_item)



        vega = []
        for vega_item_data in self.vega:
            vega_item: float | None
            vega_item = vega_item_data
            vega.append(vega_item)



        vega_per_point = []
        for vega_per_point_item_data in self.vega_per_point:
            vega_per_point_item: float | None
            vega_per_point_item = vega_per_point_item_data
            vega_per_point.append(vega_per_point_item)



        volga = []
        for volga_item_data in self.volga:
            volga_item: float | None
            volga_item = volga_item_data
            volga.append(volga_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "backend": backend,
            "charm": charm,
            "charm_per_day": charm_per_day,
            "count": count,
            "delta": delta,
            "gamma": gamma,
            "price": price,
            "rho": rho,
            "rho_per_percent": rho_per_percent,
            "theta": theta,
            "theta_per_day": theta_per_day,
            "units": units,
            "vanna": vanna,
            "vega": vega,
            "vega_per_point": vega_per_point,
            "volga": volga,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.greeks_out_units import GreeksOutUnits # noqa: PLC0415
        d = dict(src_dict)
        backend = d.pop("backend")

        charm = []
        _charm = d.pop("charm")
        for charm_item_data in (_charm):
            def _parse_charm_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            charm_item = _parse_charm_item(charm_item_data)

            charm.append(charm_item)


        charm_per_day = []
        _charm_per_day = d.pop("charm_per_day")
        for charm_per_day_item_data in (_charm_per_day):
            def _parse_charm_per_day_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            charm_per_day_item = _parse_charm_per_day_item(charm_per_day_item_data)

            charm_per_day.append(charm_per_day_item)


        count = d.pop("count")

        delta = []
        _delta = d.pop("delta")
        for delta_item_data in (_delta):
            def _parse_delta_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            delta_item = _parse_delta_item(delta_item_data)

            delta.append(delta_item)


        gamma = []
        _gamma = d.pop("gamma")
        for gamma_item_data in (_gamma):
            def _parse_gamma_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            gamma_item = _parse_gamma_item(gamma_item_data)

            gamma.append(gamma_item)


        price = []
        _price = d.pop("price")
        for price_item_data in (_price):
            def _parse_price_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            price_item = _parse_price_item(price_item_data)

            price.append(price_item)


        rho = []
        _rho = d.pop("rho")
        for rho_item_data in (_rho):
            def _parse_rho_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            rho_item = _parse_rho_item(rho_item_data)

            rho.append(rho_item)


        rho_per_percent = []
        _rho_per_percent = d.pop("rho_per_percent")
        for rho_per_percent_item_data in (_rho_per_percent):
            def _parse_rho_per_percent_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            rho_per_percent_item = _parse_rho_per_percent_item(rho_per_percent_item_data)

            rho_per_percent.append(rho_per_percent_item)


        theta = []
        _theta = d.pop("theta")
        for theta_item_data in (_theta):
            def _parse_theta_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            theta_item = _parse_theta_item(theta_item_data)

            theta.append(theta_item)


        theta_per_day = []
        _theta_per_day = d.pop("theta_per_day")
        for theta_per_day_item_data in (_theta_per_day):
            def _parse_theta_per_day_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            theta_per_day_item = _parse_theta_per_day_item(theta_per_day_item_data)

            theta_per_day.append(theta_per_day_item)


        units = GreeksOutUnits.from_dict(d.pop("units"))




        vanna = []
        _vanna = d.pop("vanna")
        for vanna_item_data in (_vanna):
            def _parse_vanna_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            vanna_item = _parse_vanna_item(vanna_item_data)

            vanna.append(vanna_item)


        vega = []
        _vega = d.pop("vega")
        for vega_item_data in (_vega):
            def _parse_vega_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            vega_item = _parse_vega_item(vega_item_data)

            vega.append(vega_item)


        vega_per_point = []
        _vega_per_point = d.pop("vega_per_point")
        for vega_per_point_item_data in (_vega_per_point):
            def _parse_vega_per_point_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            vega_per_point_item = _parse_vega_per_point_item(vega_per_point_item_data)

            vega_per_point.append(vega_per_point_item)


        volga = []
        _volga = d.pop("volga")
        for volga_item_data in (_volga):
            def _parse_volga_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            volga_item = _parse_volga_item(volga_item_data)

            volga.append(volga_item)


        greeks_out = cls(
            backend=backend,
            charm=charm,
            charm_per_day=charm_per_day,
            count=count,
            delta=delta,
            gamma=gamma,
            price=price,
            rho=rho,
            rho_per_percent=rho_per_percent,
            theta=theta,
            theta_per_day=theta_per_day,
            units=units,
            vanna=vanna,
            vega=vega,
            vega_per_point=vega_per_point,
            volga=volga,
        )


        greeks_out.additional_properties = d
        return greeks_out

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
