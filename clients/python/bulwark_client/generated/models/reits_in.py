from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.reit_in import ReitIn





T = TypeVar("T", bound="ReitsIn")



@_attrs_define
class ReitsIn:
    """ 
        Attributes:
            amount (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            reits (list[ReitIn]): 1 to 500 REITs, unique symbols
            currency (str | Unset): ISO 4217 Default: 'USD'.
            max_sector_weight (float | None | Unset): Refused when equal sector shares cannot stay under it; default and
                loosest: the configured limit (0.5 unless set)
     """

    amount: str
    reits: list[ReitIn]
    currency: str | Unset = 'USD'
    max_sector_weight: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reit_in import ReitIn # noqa: PLC0415
        amount = self.amount

        reits = []
        for reits_item_data in self.reits:
            reits_item = reits_item_data.to_dict()
            reits.append(reits_item)



        currency = self.currency

        max_sector_weight: float | None | Unset
        if isinstance(self.max_sector_weight, Unset):
            max_sector_weight = UNSET
        else:
            max_sector_weight = self.max_sector_weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "reits": reits,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if max_sector_weight is not UNSET:
            field_dict["max_sector_weight"] = max_sector_weight

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reit_in import ReitIn # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount")

        reits = []
        _reits = d.pop("reits")
        for reits_item_data in (_reits):
            reits_item = ReitIn.from_dict(reits_item_data)



            reits.append(reits_item)


        currency = d.pop("currency", UNSET)

        def _parse_max_sector_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_sector_weight = _parse_max_sector_weight(d.pop("max_sector_weight", UNSET))


        reits_in = cls(
            amount=amount,
            reits=reits,
            currency=currency,
            max_sector_weight=max_sector_weight,
        )


        reits_in.additional_properties = d
        return reits_in

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
