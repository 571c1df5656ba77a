from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.esg_breach_out import EsgBreachOut





T = TypeVar("T", bound="EsgScreenedHoldingOut")



@_attrs_define
class EsgScreenedHoldingOut:
    """ 
        Attributes:
            breaches (list[EsgBreachOut]):
            symbol (str):
            value (str):
            weight (str):
     """

    breaches: list[EsgBreachOut]
    symbol: str
    value: str
    weight: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.esg_breach_out import EsgBreachOut # noqa: PLC0415
        breaches = []
        for breaches_item_data in self.breaches:
            breaches_item = breaches_item_data.to_dict()
            breaches.append(breaches_item)



        symbol = self.symbol

        value = self.value

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "breaches": breaches,
            "symbol": symbol,
            "value": value,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.esg_breach_out import EsgBreachOut # noqa: PLC0415
        d = dict(src_dict)
        breaches = []
        _breaches = d.pop("breaches")
        for breaches_item_data in (_breaches):
            breaches_item = EsgBreachOut.from_dict(breaches_item_data)



            breaches.append(breaches_item)


        symbol = d.pop("symbol")

        value = d.pop("value")

        weight = d.pop("weight")

        esg_screened_holding_out = cls(
            breaches=breaches,
            symbol=symbol,
            value=value,
            weight=weight,
        )


        esg_screened_holding_out.additional_properties = d
        return esg_screened_holding_out

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
