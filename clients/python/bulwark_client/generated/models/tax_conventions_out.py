from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tax_conventions_out_lot_methods import TaxConventionsOutLotMethods





T = TypeVar("T", bound="TaxConventionsOut")



@_attrs_define
class TaxConventionsOut:
    """ 
        Attributes:
            currency (str): Each row's money is in its own `currency` (8949: USD)
            lot_methods (TaxConventionsOutLotMethods): Account id -> its default lot method (a sale may override)
            tax_year (int | None): Calendar tax year by trade date (null: none)
            term_rule (str): Long term when held more than one year (IRS Pub. 550)
            basis (str | Unset):  Default: 'adjusted cost basis: price x quantity + buy fees + wash-sale disallowed losses
                added'.
     """

    currency: str
    lot_methods: TaxConventionsOutLotMethods
    tax_year: int | None
    term_rule: str
    basis: str | Unset = 'adjusted cost basis: price x quantity + buy fees + wash-sale disallowed losses added'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_conventions_out_lot_methods import TaxConventionsOutLotMethods # noqa: PLC0415
        currency = self.currency

        lot_methods = self.lot_methods.to_dict()

        tax_year: int | None
        tax_year = self.tax_year

        term_rule = self.term_rule

        basis = self.basis


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "currency": currency,
            "lot_methods": lot_methods,
            "tax_year": tax_year,
            "term_rule": term_rule,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_conventions_out_lot_methods import TaxConventionsOutLotMethods # noqa: PLC0415
        d = dict(src_dict)
        currency = d.pop("currency")

        lot_methods = TaxConventionsOutLotMethods.from_dict(d.pop("lot_methods"))




        def _parse_tax_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        tax_year = _parse_tax_year(d.pop("tax_year"))


        term_rule = d.pop("term_rule")

        basis = d.pop("basis", UNSET)

        tax_conventions_out = cls(
            currency=currency,
            lot_methods=lot_methods,
            tax_year=tax_year,
            term_rule=term_rule,
            basis=basis,
        )


        tax_conventions_out.additional_properties = d
        return tax_conventions_out

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
