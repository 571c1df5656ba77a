from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PositionMarginOut")



@_attrs_define
class PositionMarginOut:
    """ 
        Attributes:
            initial_requirement (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            liquidation_distance (None | str):
            liquidation_price (None | str):
            maintenance_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            maintenance_requirement (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            mark (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            multiplier (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            notional (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            symbol (str):
     """

    initial_requirement: str
    liquidation_distance: None | str
    liquidation_price: None | str
    maintenance_rate: str
    maintenance_requirement: str
    mark: str
    multiplier: str
    notional: str
    quantity: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        initial_requirement = self.initial_requirement

        liquidation_distance: None | str
        liquidation_distance = self.liquidation_distance

        liquidation_price: None | str
        liquidation_price = self.liquidation_price

        maintenance_rate = self.maintenance_rate

        maintenance_requirement = self.maintenance_requirement

        mark = self.mark

        multiplier = self.multiplier

        notional = self.notional

        quantity = self.quantity

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "initial_requirement": initial_requirement,
            "liquidation_distance": liquidation_distance,
            "liquidation_price": liquidation_price,
            "maintenance_rate": maintenance_rate,
            "maintenance_requirement": maintenance_requirement,
            "mark": mark,
            "multiplier": multiplier,
            "notional": notional,
            "quantity": quantity,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        initial_requirement = d.pop("initial_requirement")

        def _parse_liquidation_distance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        liquidation_distance = _parse_liquidation_distance(d.pop("liquidation_distance"))


        def _parse_liquidation_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        liquidation_price = _parse_liquidation_price(d.pop("liquidation_price"))


        maintenance_rate = d.pop("maintenance_rate")

        maintenance_requirement = d.pop("maintenance_requirement")

        mark = d.pop("mark")

        multiplier = d.pop("multiplier")

        notional = d.pop("notional")

        quantity = d.pop("quantity")

        symbol = d.pop("symbol")

        position_margin_out = cls(
            initial_requirement=initial_requirement,
            liquidation_distance=liquidation_distance,
            liquidation_price=liquidation_price,
            maintenance_rate=maintenance_rate,
            maintenance_requirement=maintenance_requirement,
            mark=mark,
            multiplier=multiplier,
            notional=notional,
            quantity=quantity,
            symbol=symbol,
        )


        position_margin_out.additional_properties = d
        return position_margin_out

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
