from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.portfolio_account_out import PortfolioAccountOut





T = TypeVar("T", bound="PortfolioOut")



@_attrs_define
class PortfolioOut:
    """ 
        Attributes:
            accounts (list[PortfolioAccountOut]):
            base_currency (str):
            created_at (datetime.datetime):
            id (str):
            name (str):
     """

    accounts: list[PortfolioAccountOut]
    base_currency: str
    created_at: datetime.datetime
    id: str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.portfolio_account_out import PortfolioAccountOut # noqa: PLC0415
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)



        base_currency = self.base_currency

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts": accounts,
            "base_currency": base_currency,
            "created_at": created_at,
            "id": id,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.portfolio_account_out import PortfolioAccountOut # noqa: PLC0415
        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in (_accounts):
            accounts_item = PortfolioAccountOut.from_dict(accounts_item_data)



            accounts.append(accounts_item)


        base_currency = d.pop("base_currency")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        name = d.pop("name")

        portfolio_out = cls(
            accounts=accounts,
            base_currency=base_currency,
            created_at=created_at,
            id=id,
            name=name,
        )


        portfolio_out.additional_properties = d
        return portfolio_out

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
