from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.sleeve_out import SleeveOut





T = TypeVar("T", bound="CryptoOut")



@_attrs_define
class CryptoOut:
    """ 
        Attributes:
            below_floor (list[str]):
            market_cap_floor (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            max_weight (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            rule (str):
            sleeve (SleeveOut):
     """

    below_floor: list[str]
    market_cap_floor: str
    max_weight: float
    rule: str
    sleeve: SleeveOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sleeve_out import SleeveOut # noqa: PLC0415
        below_floor = self.below_floor



        market_cap_floor = self.market_cap_floor

        max_weight = self.max_weight

        rule = self.rule

        sleeve = self.sleeve.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "below_floor": below_floor,
            "market_cap_floor": market_cap_floor,
            "max_weight": max_weight,
            "rule": rule,
            "sleeve": sleeve,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sleeve_out import SleeveOut # noqa: PLC0415
        d = dict(src_dict)
        below_floor = cast(list[str], d.pop("below_floor"))


        market_cap_floor = d.pop("market_cap_floor")

        max_weight = d.pop("max_weight")

        rule = d.pop("rule")

        sleeve = SleeveOut.from_dict(d.pop("sleeve"))




        crypto_out = cls(
            below_floor=below_floor,
            market_cap_floor=market_cap_floor,
            max_weight=max_weight,
            rule=rule,
            sleeve=sleeve,
        )


        crypto_out.additional_properties = d
        return crypto_out

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
