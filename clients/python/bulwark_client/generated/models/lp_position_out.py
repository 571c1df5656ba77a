from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="LpPositionOut")



@_attrs_define
class LpPositionOut:
    """ 
        Attributes:
            amount0 (str):
            amount1 (str):
            deposit (str):
            entry_price (str):
            liquidity (str):
            liquidity_multiple (str):
            lower (None | str):
            model (str):
            upper (None | str):
     """

    amount0: str
    amount1: str
    deposit: str
    entry_price: str
    liquidity: str
    liquidity_multiple: str
    lower: None | str
    model: str
    upper: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount0 = self.amount0

        amount1 = self.amount1

        deposit = self.deposit

        entry_price = self.entry_price

        liquidity = self.liquidity

        liquidity_multiple = self.liquidity_multiple

        lower: None | str
        lower = self.lower

        model = self.model

        upper: None | str
        upper = self.upper


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount0": amount0,
            "amount1": amount1,
            "deposit": deposit,
            "entry_price": entry_price,
            "liquidity": liquidity,
            "liquidity_multiple": liquidity_multiple,
            "lower": lower,
            "model": model,
            "upper": upper,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount0 = d.pop("amount0")

        amount1 = d.pop("amount1")

        deposit = d.pop("deposit")

        entry_price = d.pop("entry_price")

        liquidity = d.pop("liquidity")

        liquidity_multiple = d.pop("liquidity_multiple")

        def _parse_lower(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lower = _parse_lower(d.pop("lower"))


        model = d.pop("model")

        def _parse_upper(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        upper = _parse_upper(d.pop("upper"))


        lp_position_out = cls(
            amount0=amount0,
            amount1=amount1,
            deposit=deposit,
            entry_price=entry_price,
            liquidity=liquidity,
            liquidity_multiple=liquidity_multiple,
            lower=lower,
            model=model,
            upper=upper,
        )


        lp_position_out.additional_properties = d
        return lp_position_out

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
