from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fund_in import FundIn
  from ..models.investor_in import InvestorIn





T = TypeVar("T", bound="PrivateEquityIn")



@_attrs_define
class PrivateEquityIn:
    """ 
        Attributes:
            amount (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            funds (list[FundIn]): 1 to 500 funds, unique names
            investor (InvestorIn):
            currency (str | Unset): ISO 4217 Default: 'USD'.
     """

    amount: str
    funds: list[FundIn]
    investor: InvestorIn
    currency: str | Unset = 'USD'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fund_in import FundIn # noqa: PLC0415
        from ..models.investor_in import InvestorIn # noqa: PLC0415
        amount = self.amount

        funds = []
        for funds_item_data in self.funds:
            funds_item = funds_item_data.to_dict()
            funds.append(funds_item)



        investor = self.investor.to_dict()

        currency = self.currency


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "funds": funds,
            "investor": investor,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fund_in import FundIn # noqa: PLC0415
        from ..models.investor_in import InvestorIn # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount")

        funds = []
        _funds = d.pop("funds")
        for funds_item_data in (_funds):
            funds_item = FundIn.from_dict(funds_item_data)



            funds.append(funds_item)


        investor = InvestorIn.from_dict(d.pop("investor"))




        currency = d.pop("currency", UNSET)

        private_equity_in = cls(
            amount=amount,
            funds=funds,
            investor=investor,
            currency=currency,
        )


        private_equity_in.additional_properties = d
        return private_equity_in

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
