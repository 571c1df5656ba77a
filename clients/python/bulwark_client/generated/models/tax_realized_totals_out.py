from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.tax_term_totals_out import TaxTermTotalsOut





T = TypeVar("T", bound="TaxRealizedTotalsOut")



@_attrs_define
class TaxRealizedTotalsOut:
    """ 
        Attributes:
            currency (str):
            long_term (TaxTermTotalsOut):
            net_gain (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            short_term (TaxTermTotalsOut):
     """

    currency: str
    long_term: TaxTermTotalsOut
    net_gain: str
    short_term: TaxTermTotalsOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_term_totals_out import TaxTermTotalsOut # noqa: PLC0415
        currency = self.currency

        long_term = self.long_term.to_dict()

        net_gain = self.net_gain

        short_term = self.short_term.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "currency": currency,
            "long_term": long_term,
            "net_gain": net_gain,
            "short_term": short_term,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_term_totals_out import TaxTermTotalsOut # noqa: PLC0415
        d = dict(src_dict)
        currency = d.pop("currency")

        long_term = TaxTermTotalsOut.from_dict(d.pop("long_term"))




        net_gain = d.pop("net_gain")

        short_term = TaxTermTotalsOut.from_dict(d.pop("short_term"))




        tax_realized_totals_out = cls(
            currency=currency,
            long_term=long_term,
            net_gain=net_gain,
            short_term=short_term,
        )


        tax_realized_totals_out.additional_properties = d
        return tax_realized_totals_out

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
