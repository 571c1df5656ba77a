from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.position_margin_out import PositionMarginOut





T = TypeVar("T", bound="MarginStatusOut")



@_attrs_define
class MarginStatusOut:
    """ 
        Attributes:
            account_id (str):
            buying_power (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            excess_liquidity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            gross_exposure (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            initial_requirement (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            maintenance_requirement (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            margin_buffer (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            margin_call (bool):
            margin_deficit (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            positions (list[PositionMarginOut]):
     """

    account_id: str
    buying_power: str
    equity: str
    excess_liquidity: str
    gross_exposure: str
    initial_requirement: str
    maintenance_requirement: str
    margin_buffer: str
    margin_call: bool
    margin_deficit: str
    positions: list[PositionMarginOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.position_margin_out import PositionMarginOut # noqa: PLC0415
        account_id = self.account_id

        buying_power = self.buying_power

        equity = self.equity

        excess_liquidity = self.excess_liquidity

        gross_exposure = self.gross_exposure

        initial_requirement = self.initial_requirement

        maintenance_requirement = self.maintenance_requirement

        margin_buffer = self.margin_buffer

        margin_call = self.margin_call

        margin_deficit = self.margin_deficit

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "buying_power": buying_power,
            "equity": equity,
            "excess_liquidity": excess_liquidity,
            "gross_exposure": gross_exposure,
            "initial_requirement": initial_requirement,
            "maintenance_requirement": maintenance_requirement,
            "margin_buffer": margin_buffer,
            "margin_call": margin_call,
            "margin_deficit": margin_deficit,
            "positions": positions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position_margin_out import PositionMarginOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        buying_power = d.pop("buying_power")

        equity = d.pop("equity")

        excess_liquidity = d.pop("excess_liquidity")

        gross_exposure = d.pop("gross_exposure")

        initial_requirement = d.pop("initial_requirement")

        maintenance_requirement = d.pop("maintenance_requirement")

        margin_buffer = d.pop("margin_buffer")

        margin_call = d.pop("margin_call")

        margin_deficit = d.pop("margin_deficit")

        positions = []
        _positions = d.pop("positions")
        for positions_item_data in (_positions):
            positions_item = PositionMarginOut.from_dict(positions_item_data)



            positions.append(positions_item)


        margin_status_out = cls(
            account_id=account_id,
            buying_power=buying_power,
            equity=equity,
            excess_liquidity=excess_liquidity,
            gross_exposure=gross_exposure,
            initial_requirement=initial_requirement,
            maintenance_requirement=maintenance_requirement,
            margin_buffer=margin_buffer,
            margin_call=margin_call,
            margin_deficit=margin_deficit,
            positions=positions,
        )


        margin_status_out.additional_properties = d
        return margin_status_out

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
