from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_tax_type import AccountTaxType
from ..models.lot_method import LotMethod
from ..models.portfolio_account_in_kind import PortfolioAccountInKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PortfolioAccountIn")



@_attrs_define
class PortfolioAccountIn:
    """ 
        Attributes:
            kind (PortfolioAccountInKind):
            account_id (None | str | Unset): kind=trading: your trading account's id
            lot_method (LotMethod | Unset): Which lots a sale consumes unless the sale says otherwise
            name (None | str | Unset): kind=manual: its name, unique in the portfolio; kind=trading: a label
            tax_type (AccountTaxType | Unset): TAXABLE: gains and losses are reported. IRA (any tax-advantaged account):
                nothing is
                    reported, and a loss washed by an IRA purchase is disallowed permanently (Rev. Rul. 2008-5).
     """

    kind: PortfolioAccountInKind
    account_id: None | str | Unset = UNSET
    lot_method: LotMethod | Unset = UNSET
    name: None | str | Unset = UNSET
    tax_type: AccountTaxType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        lot_method: str | Unset = UNSET
        if not isinstance(self.lot_method, Unset):
            lot_method = self.lot_method.value


        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        tax_type: str | Unset = UNSET
        if not isinstance(self.tax_type, Unset):
            tax_type = self.tax_type.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if lot_method is not UNSET:
            field_dict["lot_method"] = lot_method
        if name is not UNSET:
            field_dict["name"] = name
        if tax_type is not UNSET:
            field_dict["tax_type"] = tax_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = PortfolioAccountInKind(d.pop("kind"))




        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        _lot_method = d.pop("lot_method", UNSET)
        lot_method: LotMethod | Unset
        if isinstance(_lot_method,  Unset):
            lot_method = UNSET
        else:
            lot_method = LotMethod(_lot_method)




        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        _tax_type = d.pop("tax_type", UNSET)
        tax_type: AccountTaxType | Unset
        if isinstance(_tax_type,  Unset):
            tax_type = UNSET
        else:
            tax_type = AccountTaxType(_tax_type)




        portfolio_account_in = cls(
            kind=kind,
            account_id=account_id,
            lot_method=lot_method,
            name=name,
            tax_type=tax_type,
        )


        portfolio_account_in.additional_properties = d
        return portfolio_account_in

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
