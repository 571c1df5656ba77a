from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TaxWashSaleOut")



@_attrs_define
class TaxWashSaleOut:
    """ 
        Attributes:
            currency (None | str):
            disallowed_loss (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            holding_days_carried (int): Days of holding added to the replacement
            permanent (bool): Replacement in an IRA: the loss is lost for good
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            replacement_account_id (str):
            replacement_lot_id (str):
            sale_date (datetime.date | None):
            sale_id (str):
            sold_lot_id (str):
            symbol (None | str):
     """

    currency: None | str
    disallowed_loss: str
    holding_days_carried: int
    permanent: bool
    quantity: str
    replacement_account_id: str
    replacement_lot_id: str
    sale_date: datetime.date | None
    sale_id: str
    sold_lot_id: str
    symbol: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        currency: None | str
        currency = self.currency

        disallowed_loss = self.disallowed_loss

        holding_days_carried = self.holding_days_carried

        permanent = self.permanent

        quantity = self.quantity

        replacement_account_id = self.replacement_account_id

        replacement_lot_id = self.replacement_lot_id

        sale_date: None | str
        if isinstance(self.sale_date, datetime.date):
            sale_date = self.sale_date.isoformat()
        else:
            sale_date = self.sale_date

        sale_id = self.sale_id

        sold_lot_id = self.sold_lot_id

        symbol: None | str
        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "currency": currency,
            "disallowed_loss": disallowed_loss,
            "holding_days_carried": holding_days_carried,
            "permanent": permanent,
            "quantity": quantity,
            "replacement_account_id": replacement_account_id,
            "replacement_lot_id": replacement_lot_id,
            "sale_date": sale_date,
            "sale_id": sale_id,
            "sold_lot_id": sold_lot_id,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))


        disallowed_loss = d.pop("disallowed_loss")

        holding_days_carried = d.pop("holding_days_carried")

        permanent = d.pop("permanent")

        quantity = d.pop("quantity")

        replacement_account_id = d.pop("replacement_account_id")

        replacement_lot_id = d.pop("replacement_lot_id")

        def _parse_sale_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sale_date_type_0 = datetime.date.fromisoformat(data)



                return sale_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        sale_date = _parse_sale_date(d.pop("sale_date"))


        sale_id = d.pop("sale_id")

        sold_lot_id = d.pop("sold_lot_id")

        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))


        tax_wash_sale_out = cls(
            currency=currency,
            disallowed_loss=disallowed_loss,
            holding_days_carried=holding_days_carried,
            permanent=permanent,
            quantity=quantity,
            replacement_account_id=replacement_account_id,
            replacement_lot_id=replacement_lot_id,
            sale_date=sale_date,
            sale_id=sale_id,
            sold_lot_id=sold_lot_id,
            symbol=symbol,
        )


        tax_wash_sale_out.additional_properties = d
        return tax_wash_sale_out

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
