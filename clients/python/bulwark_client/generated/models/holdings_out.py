from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.holding_account_out import HoldingAccountOut
  from ..models.holdings_conventions_out import HoldingsConventionsOut





T = TypeVar("T", bound="HoldingsOut")



@_attrs_define
class HoldingsOut:
    """ 
        Attributes:
            accounts (list[HoldingAccountOut]):
            conventions (HoldingsConventionsOut):
            cost_basis (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            currency (str): The base currency of the totals
            market_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            portfolio_id (str):
            unpriced (list[str]):
     """

    accounts: list[HoldingAccountOut]
    conventions: HoldingsConventionsOut
    cost_basis: str
    currency: str
    market_value: str
    portfolio_id: str
    unpriced: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.holding_account_out import HoldingAccountOut # noqa: PLC0415
        from ..models.holdings_conventions_out import HoldingsConventionsOut # noqa: PLC0415
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)



        conventions = self.conventions.to_dict()

        cost_basis = self.cost_basis

        currency = self.currency

        market_value = self.market_value

        portfolio_id = self.portfolio_id

        unpriced = self.unpriced




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts": accounts,
            "conventions": conventions,
            "cost_basis": cost_basis,
            "currency": currency,
            "market_value": market_value,
            "portfolio_id": portfolio_id,
            "unpriced": unpriced,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.holding_account_out import HoldingAccountOut # noqa: PLC0415
        from ..models.holdings_conventions_out import HoldingsConventionsOut # noqa: PLC0415
        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in (_accounts):
            accounts_item = HoldingAccountOut.from_dict(accounts_item_data)



            accounts.append(accounts_item)


        conventions = HoldingsConventionsOut.from_dict(d.pop("conventions"))




        cost_basis = d.pop("cost_basis")

        currency = d.pop("currency")

        market_value = d.pop("market_value")

        portfolio_id = d.pop("portfolio_id")

        unpriced = cast(list[str], d.pop("unpriced"))


        holdings_out = cls(
            accounts=accounts,
            conventions=conventions,
            cost_basis=cost_basis,
            currency=currency,
            market_value=market_value,
            portfolio_id=portfolio_id,
            unpriced=unpriced,
        )


        holdings_out.additional_properties = d
        return holdings_out

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
