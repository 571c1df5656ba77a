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






T = TypeVar("T", bound="TaxRealizedLotOut")



@_attrs_define
class TaxRealizedLotOut:
    """ 
        Attributes:
            account_id (str):
            acquired (datetime.date): Column (b)
            cost_basis (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            currency (str):
            gain (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            lot_id (str):
            lot_method (LotMethod): Which lots a sale consumes unless the sale says otherwise
            proceeds (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            reportable (bool): False in an IRA
            sale_id (str):
            sold (datetime.date): Column (c)
            symbol (str):
            term (Term): Holding term of a realized gain: LONG when held more than one year (IRS day count:
                    counting starts the day after acquisition, the sale day counts), else SHORT.
            wash_disallowed (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    account_id: str
    acquired: datetime.date
    cost_basis: str
    currency: str
    gain: str
    lot_id: str
    lot_method: LotMethod
    proceeds: str
    quantity: str
    reportable: bool
    sale_id: str
    sold: datetime.date
    symbol: str
    term: Term
    wash_disallowed: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        acquired = self.acquired.isoformat()

        cost_basis = self.cost_basis

        currency = self.currency

        gain = self.gain

        lot_id = self.lot_id

        lot_method = self.lot_method.value

        proceeds = self.proceeds

        quantity = self.quantity

        reportable = self.reportable

        sale_id = self.sale_id

        sold = self.sold.isoformat()

        symbol = self.symbol

        term = self.term.value

        wash_disallowed = self.wash_disallowed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "acquired": acquired,
            "cost_basis": cost_basis,
            "currency": currency,
            "gain": gain,
            "lot_id": lot_id,
            "lot_method": lot_method,
            "proceeds": proceeds,
            "quantity": quantity,
            "reportable": reportable,
            "sale_id": sale_id,
            "sold": sold,
            "symbol": symbol,
            "term": term,
            "wash_disallowed": wash_disallowed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        acquired = datetime.date.fromisoformat(d.pop("acquired"))




        cost_basis = d.pop("cost_basis")

        currency = d.pop("currency")

        gain = d.pop("gain")

        lot_id = d.pop("lot_id")

        lot_method = LotMethod(d.pop("lot_method"))




        proceeds = d.pop("proceeds")

        quantity = d.pop("quantity")

        reportable = d.pop("reportable")

        sale_id = d.pop("sale_id")

        sold = datetime.date.fromisoformat(d.pop("sold"))




        symbol = d.pop("symbol")

        term = Term(d.pop("term"))




        wash_disallowed = d.pop("wash_disallowed")

        tax_realized_lot_out = cls(
            account_id=account_id,
            acquired=acquired,
            cost_basis=cost_basis,
            currency=currency,
            gain=gain,
            lot_id=lot_id,
            lot_method=lot_method,
            proceeds=proceeds,
            quantity=quantity,
            reportable=reportable,
            sale_id=sale_id,
            sold=sold,
            symbol=symbol,
            term=term,
            wash_disallowed=wash_disallowed,
        )


        tax_realized_lot_out.additional_properties = d
        return tax_realized_lot_out

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
