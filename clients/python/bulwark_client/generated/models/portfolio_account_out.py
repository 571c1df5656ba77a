from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_tax_type import AccountTaxType
from ..models.lot_method import LotMethod






T = TypeVar("T", bound="PortfolioAccountOut")



@_attrs_define
class PortfolioAccountOut:
    """ 
        Attributes:
            id (str):
            kind (str):
            lot_method (LotMethod): Which lots a sale consumes unless the sale says otherwise
            name (str):
            tax_type (AccountTaxType): TAXABLE: gains and losses are reported. IRA (any tax-advantaged account): nothing is
                    reported, and a loss washed by an IRA purchase is disallowed permanently (Rev. Rul. 2008-5).
     """

    id: str
    kind: str
    lot_method: LotMethod
    name: str
    tax_type: AccountTaxType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        lot_method = self.lot_method.value

        name = self.name

        tax_type = self.tax_type.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "lot_method": lot_method,
            "name": name,
            "tax_type": tax_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        lot_method = LotMethod(d.pop("lot_method"))




        name = d.pop("name")

        tax_type = AccountTaxType(d.pop("tax_type"))




        portfolio_account_out = cls(
            id=id,
            kind=kind,
            lot_method=lot_method,
            name=name,
            tax_type=tax_type,
        )


        portfolio_account_out.additional_properties = d
        return portfolio_account_out

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
