from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lot_method import LotMethod
from ..models.transaction_kind import TransactionKind
from ..models.transaction_source import TransactionSource
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ledger_lot_pick_out import LedgerLotPickOut





T = TypeVar("T", bound="LedgerTransactionOut")



@_attrs_define
class LedgerTransactionOut:
    """ 
        Attributes:
            account_id (str):
            acquired (datetime.date | None):
            allocation (None | str):
            amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            cash_effect (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            currency (str):
            external_id (None | str):
            fees (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            id (str): The ledger id; a buy's or transfer in's lot has this id
            kind (TransactionKind):
            lot_method (LotMethod | None):
            lot_picks (list[LedgerLotPickOut]):
            new_price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            new_symbol (None | str):
            note (str):
            portfolio_id (str):
            price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            source (TransactionSource):
            split_ratio (None | str):
            symbol (None | str):
            trade_date (datetime.date):
            cusip (None | str | Unset):
            isin (None | str | Unset):
            settle_date (datetime.date | None | Unset): The settlement date; null: not known
     """

    account_id: str
    acquired: datetime.date | None
    allocation: None | str
    amount: str
    cash_effect: str
    currency: str
    external_id: None | str
    fees: str
    id: str
    kind: TransactionKind
    lot_method: LotMethod | None
    lot_picks: list[LedgerLotPickOut]
    new_price: str
    new_symbol: None | str
    note: str
    portfolio_id: str
    price: str
    quantity: str
    source: TransactionSource
    split_ratio: None | str
    symbol: None | str
    trade_date: datetime.date
    cusip: None | str | Unset = UNSET
    isin: None | str | Unset = UNSET
    settle_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ledger_lot_pick_out import LedgerLotPickOut # noqa: PLC0415
        account_id = self.account_id

        acquired: None | str
        if isinstance(self.acquired, datetime.date):
            acquired = self.acquired.isoformat()
        else:
            acquired = self.acquired

        allocation: None | str
        allocation = self.allocation

        amount = self.amount

        cash_effect = self.cash_effect

        currency = self.currency

        external_id: None | str
        external_id = self.external_id

        fees = self.fees

        id = self.id

        kind = self.kind.value

        lot_method: None | str
        if isinstance(self.lot_method, LotMethod):
            lot_method = self.lot_method.value
        else:
            lot_method = self.lot_method

        lot_picks = []
        for lot_picks_item_data in self.lot_picks:
            lot_picks_item = lot_picks_item_data.to_dict()
            lot_picks.append(lot_picks_item)



        new_price = self.new_price

        new_symbol: None | str
        new_symbol = self.new_symbol

        note = self.note

        portfolio_id = self.portfolio_id

        price = self.price

        quantity = self.quantity

        source = self.source.value

        split_ratio: None | str
        split_ratio = self.split_ratio

        symbol: None | str
        symbol = self.symbol

        trade_date = self.trade_date.isoformat()

        cusip: None | str | Unset
        if isinstance(self.cusip, Unset):
            cusip = UNSET
        else:
            cusip = self.cusip

        isin: None | str | Unset
        if isinstance(self.isin, Unset):
            isin = UNSET
        else:
            isin = self.isin

        settle_date: None | str | Unset
        if isinstance(self.settle_date, Unset):
            settle_date = UNSET
        elif isinstance(self.settle_date, datetime.date):
            settle_date = self.settle_date.isoformat()
        else:
            settle_date = self.settle_date


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "acquired": acquired,
            "allocation": allocation,
            "amount": amount,
            "cash_effect": cash_effect,
            "currency": currency,
            "external_id": external_id,
            "fees": fees,
            "id": id,
            "kind": kind,
            "lot_method": lot_method,
            "lot_picks": lot_picks,
            "new_price": new_price,
            "new_symbol": new_symbol,
            "note": note,
            "portfolio_id": portfolio_id,
            "price": price,
            "quantity": quantity,
            "source": source,
            "split_ratio": split_ratio,
            "symbol": symbol,
            "trade_date": trade_date,
        })
        if cusip is not UNSET:
            field_dict["cusip"] = cusip
        if isin is not UNSET:
            field_dict["isin"] = isin
        if settle_date is not UNSET:
            field_dict["settle_date"] = settle_date

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_lot_pick_out import LedgerLotPickOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        def _parse_acquired(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acquired_type_0 = datetime.date.fromisoformat(data)



                return acquired_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        acquired = _parse_acquired(d.pop("acquired"))


        def _parse_allocation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        allocation = _parse_allocation(d.pop("allocation"))


        amount = d.pop("amount")

        cash_effect = d.pop("cash_effect")

        currency = d.pop("currency")

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))


        fees = d.pop("fees")

        id = d.pop("id")

        kind = TransactionKind(d.pop("kind"))




        def _parse_lot_method(data: object) -> LotMethod | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lot_method_type_0 = LotMethod(data)



                return lot_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LotMethod | None, data)

        lot_method = _parse_lot_method(d.pop("lot_method"))


        lot_picks = []
        _lot_picks = d.pop("lot_picks")
        for lot_picks_item_data in (_lot_picks):
            lot_picks_item = LedgerLotPickOut.from_dict(lot_picks_item_data)



            lot_picks.append(lot_picks_item)


        new_price = d.pop("new_price")

        def _parse_new_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        new_symbol = _parse_new_symbol(d.pop("new_symbol"))


        note = d.pop("note")

        portfolio_id = d.pop("portfolio_id")

        price = d.pop("price")

        quantity = d.pop("quantity")

        source = TransactionSource(d.pop("source"))




        def _parse_split_ratio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        split_ratio = _parse_split_ratio(d.pop("split_ratio"))


        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))


        trade_date = datetime.date.fromisoformat(d.pop("trade_date"))




        def _parse_cusip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cusip = _parse_cusip(d.pop("cusip", UNSET))


        def _parse_isin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        isin = _parse_isin(d.pop("isin", UNSET))


        def _parse_settle_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settle_date_type_0 = datetime.date.fromisoformat(data)



                return settle_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        settle_date = _parse_settle_date(d.pop("settle_date", UNSET))


        ledger_transaction_out = cls(
            account_id=account_id,
            acquired=acquired,
            allocation=allocation,
            amount=amount,
            cash_effect=cash_effect,
            currency=currency,
            external_id=external_id,
            fees=fees,
            id=id,
            kind=kind,
            lot_method=lot_method,
            lot_picks=lot_picks,
            new_price=new_price,
            new_symbol=new_symbol,
            note=note,
            portfolio_id=portfolio_id,
            price=price,
            quantity=quantity,
            source=source,
            split_ratio=split_ratio,
            symbol=symbol,
            trade_date=trade_date,
            cusip=cusip,
            isin=isin,
            settle_date=settle_date,
        )


        ledger_transaction_out.additional_properties = d
        return ledger_transaction_out

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
