from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.pool_range_in import PoolRangeIn





T = TypeVar("T", bound="ImpermanentLossIn")



@_attrs_define
class ImpermanentLossIn:
    """ 
        Attributes:
            entry_price (str): A pool price (token1 per token0), greater than 0 and at most 1e30, 30 decimal places; a
                decimal string such as "12.5"
            prices (list[str]): 1 to 10,000 later prices
            deposit (str | Unset): An amount of a token or of value, greater than 0 and at most 1e30, 18 decimal places; a
                decimal string such as "12.5" Default: '1'.
            range_ (None | PoolRangeIn | Unset): Concentrated range; null: the full range (v2)
     """

    entry_price: str
    prices: list[str]
    deposit: str | Unset = '1'
    range_: None | PoolRangeIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pool_range_in import PoolRangeIn # noqa: PLC0415
        entry_price = self.entry_price

        prices = self.prices



        deposit = self.deposit

        range_: dict[str, Any] | None | Unset
        if isinstance(self.range_, Unset):
            range_ = UNSET
        elif isinstance(self.range_, PoolRangeIn):
            range_ = self.range_.to_dict()
        else:
            range_ = self.range_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entry_price": entry_price,
            "prices": prices,
        })
        if deposit is not UNSET:
            field_dict["deposit"] = deposit
        if range_ is not UNSET:
            field_dict["range"] = range_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_range_in import PoolRangeIn # noqa: PLC0415
        d = dict(src_dict)
        entry_price = d.pop("entry_price")

        prices = cast(list[str], d.pop("prices"))


        deposit = d.pop("deposit", UNSET)

        def _parse_range_(data: object) -> None | PoolRangeIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                range_type_0 = PoolRangeIn.from_dict(data)



                return range_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolRangeIn | Unset, data)

        range_ = _parse_range_(d.pop("range", UNSET))


        impermanent_loss_in = cls(
            entry_price=entry_price,
            prices=prices,
            deposit=deposit,
            range_=range_,
        )


        impermanent_loss_in.additional_properties = d
        return impermanent_loss_in

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
