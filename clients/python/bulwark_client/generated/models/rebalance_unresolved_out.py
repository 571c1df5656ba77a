from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RebalanceUnresolvedOut")



@_attrs_define
class RebalanceUnresolvedOut:
    """ 
        Attributes:
            drift_weight (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            reason (str): WASH_SALE, NO_CASH, NOT_TRADABLE or WHOLE_SHARES
            symbol (str):
     """

    drift_weight: str
    reason: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        drift_weight = self.drift_weight

        reason = self.reason

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "drift_weight": drift_weight,
            "reason": reason,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        drift_weight = d.pop("drift_weight")

        reason = d.pop("reason")

        symbol = d.pop("symbol")

        rebalance_unresolved_out = cls(
            drift_weight=drift_weight,
            reason=reason,
            symbol=symbol,
        )


        rebalance_unresolved_out.additional_properties = d
        return rebalance_unresolved_out

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
