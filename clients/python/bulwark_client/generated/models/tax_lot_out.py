from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lot_method import LotMethod
from ..models.term import Term
from typing import cast
import datetime






T = TypeVar("T", bound="TaxLotOut")



@_attrs_define
class TaxLotOut:
    """ 
        Attributes:
            account_id (str):
            acquired (datetime.date): Holding-period start (carried over by a wash sale)
            cost_basis (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            cost_per_share (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never
                in exponent notation
            currency (str):
            id (str): The id of the BUY / TRANSFER_IN that opened the lot
            lot_method (LotMethod): Which lots a sale consumes unless the sale says otherwise
            portfolio_id (None | str):
            price (None | str): Reference price now (null: unpriced)
            purchased (datetime.date): The real trade date of the purchase
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            symbol (str):
            tax_type (str):
            term_today (Term): Holding term of a realized gain: LONG when held more than one year (IRS day count:
                    counting starts the day after acquisition, the sale day counts), else SHORT.
            unrealized_gain (None | str): quantity x price - cost_basis
            wash_adjustment (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    account_id: str
    acquired: datetime.date
    cost_basis: str
    cost_per_share: str
    currency: str
    id: str
    lot_method: LotMethod
    portfolio_id: None | str
    price: None | str
    purchased: datetime.date
    quantity: str
    symbol: str
    tax_type: str
    term_today: Term
    unrealized_gain: None | str
    wash_adjustment: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        acquired = self.acquired.isoformat()

        cost_basis = self.cost_basis

        cost_per_share = self.cost_per_share

        currency = self.currency

        id = self.id

        lot_method = self.lot_method.value

        portfolio_id: None | str
        portfolio_id = self.portfolio_id

        price: None | str
        price = self.price

        purchased = self.purchased.isoformat()

        quantity = self.quantity

        symbol = self.symbol

        tax_type = self.tax_type

        term_today = self.term_today.value

        unrealized_gain: None | str
        unrealized_gain = self.unrealized_gain

        wash_adjustment = self.wash_adjustment


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "acquired": acquired,
            "cost_basis": cost_basis,
            "cost_per_share": cost_per_share,
            "currency": currency,
            "id": id,
            "lot_method": lot_method,
            "portfolio_id": portfolio_id,
            "price": price,
            "purchased": purchased,
            "quantity": quantity,
            "symbol": symbol,
            "tax_type": tax_type,
            "term_today": term_today,
            "unrealized_gain": unrealized_gain,
            "wash_adjustment": wash_adjustment,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        acquired = datetime.date.fromisoformat(d.pop("acquired"))




        cost_basis = d.pop("cost_basis")

        cost_per_share = d.pop("cost_per_share")

        currency = d.pop("currency")

        id = d.pop("id")

        lot_method = LotMethod(d.pop("lot_method"))




        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        def _parse_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        price = _parse_price(d.pop("price"))


        purchased = datetime.date.fromisoformat(d.pop("purchased"))




        quantity = d.pop("quantity")

        symbol = d.pop("symbol")

        tax_type = d.pop("tax_type")

        term_today = Term(d.pop("term_today"))




        def _parse_unrealized_gain(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unrealized_gain = _parse_unrealized_gain(d.pop("unrealized_gain"))


        wash_adjustment = d.pop("wash_adjustment")

        tax_lot_out = cls(
            account_id=account_id,
            acquired=acquired,
            cost_basis=cost_basis,
            cost_per_share=cost_per_share,
            currency=currency,
            id=id,
            lot_method=lot_method,
            portfolio_id=portfolio_id,
            price=price,
            purchased=purchased,
            quantity=quantity,
            symbol=symbol,
            tax_type=tax_type,
            term_today=term_today,
            unrealized_gain=unrealized_gain,
            wash_adjustment=wash_adjustment,
        )


        tax_lot_out.additional_properties = d
        return tax_lot_out

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
