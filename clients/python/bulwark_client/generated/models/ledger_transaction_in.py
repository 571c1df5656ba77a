from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lot_method import LotMethod
from ..models.transaction_kind import TransactionKind
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ledger_lot_pick_in import LedgerLotPickIn





T = TypeVar("T", bound="LedgerTransactionIn")



@_attrs_define
class LedgerTransactionIn:
    """ 
        Attributes:
            account_id (str): An account of this portfolio
            kind (TransactionKind):
            trade_date (datetime.date): The trade date (the tax date), not after today (UTC)
            acquired (datetime.date | None | Unset): A transfer in: the original acquisition date (holding period)
            allocation (None | str | Unset): A spin-off: the fraction of basis the new shares get (Form 8937), 0 < a < 1
            amount (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5" Default: '0'.
            currency (None | str | Unset): ISO 4217; null: the base currency
            cusip (None | str | Unset): The security's CUSIP, check digit checked (422 INVALID_TRANSACTION, field cusip)
            external_id (None | str | Unset): Your reference, unique in the portfolio (409 DUPLICATE_TRANSACTION)
            fees (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5" Default: '0'.
            isin (None | str | Unset): The security's ISIN, check digit checked; a US ISIN embeds the CUSIP given
            lot_method (LotMethod | None | Unset): A sale: overrides the account's lot method
            lot_picks (list[LedgerLotPickIn] | Unset): A sale: specific identification
            new_price (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5" Default: '0'.
            new_symbol (None | str | Unset): A merger, spin-off or symbol change: the symbol the shares become
            note (str | Unset):  Default: ''.
            price (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5" Default: '0'.
            quantity (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5" Default: '0'.
            settle_date (datetime.date | None | Unset): The settlement date, not before trade_date (422 INVALID_TRANSACTION,
                field settle_date); null on a buy or sell in USD: T+1 on the NYSE calendar
            split_ratio (None | str | Unset): A split or corporate action: new shares per old share (2 = 2-for-1)
            symbol (None | str | Unset):
     """

    account_id: str
    kind: TransactionKind
    trade_date: datetime.date
    acquired: datetime.date | None | Unset = UNSET
    allocation: None | str | Unset = UNSET
    amount: str | Unset = '0'
    currency: None | str | Unset = UNSET
    cusip: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    fees: str | Unset = '0'
    isin: None | str | Unset = UNSET
    lot_method: LotMethod | None | Unset = UNSET
    lot_picks: list[LedgerLotPickIn] | Unset = UNSET
    new_price: str | Unset = '0'
    new_symbol: None | str | Unset = UNSET
    note: str | Unset = ''
    price: str | Unset = '0'
    quantity: str | Unset = '0'
    settle_date: datetime.date | None | Unset = UNSET
    split_ratio: None | str | Unset = UNSET
    symbol: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ledger_lot_pick_in import LedgerLotPickIn # noqa: PLC0415
        account_id = self.account_id

        kind = self.kind.value

        trade_date = self.trade_date.isoformat()

        acquired: None | str | Unset
        if isinstance(self.acquired, Unset):
            acquired = UNSET
        elif isinstance(self.acquired, datetime.date):
            acquired = self.acquired.isoformat()
        else:
            acquired = self.acquired

        allocation: None | str | Unset
        if isinstance(self.allocation, Unset):
            allocation = UNSET
        else:
            allocation = self.allocation

        amount = self.amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        cusip: None | str | Unset
        if isinstance(self.cusip, Unset):
            cusip = UNSET
        else:
            cusip = self.cusip

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        fees = self.fees

        isin: None | str | Unset
        if isinstance(self.isin, Unset):
            isin = UNSET
        else:
            isin = self.isin

        lot_method: None | str | Unset
        if isinstance(self.lot_method, Unset):
            lot_method = UNSET
        elif isinstance(self.lot_method, LotMethod):
            lot_method = self.lot_method.value
        else:
            lot_method = self.lot_method

        lot_picks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lot_picks, Unset):
            lot_picks = []
            for lot_picks_item_data in self.lot_picks:
                lot_picks_item = lot_picks_item_data.to_dict()
                lot_picks.append(lot_picks_item)



        new_price = self.new_price

        new_symbol: None | str | Unset
        if isinstance(self.new_symbol, Unset):
            new_symbol = UNSET
        else:
            new_symbol = self.new_symbol

        note = self.note

        price = self.price

        quantity = self.quantity

        settle_date: None | str | Unset
        if isinstance(self.settle_date, Unset):
            settle_date = UNSET
        elif isinstance(self.settle_date, datetime.date):
            settle_date = self.settle_date.isoformat()
        else:
            settle_date = self.settle_date

        split_ratio: None | str | Unset
        if isinstance(self.split_ratio, Unset):
            split_ratio = UNSET
        else:
            split_ratio = self.split_ratio

        symbol: None | str | Unset
        if isinstance(self.symbol, Unset):
            symbol = UNSET
        else:
            symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "kind": kind,
            "trade_date": trade_date,
        })
        if acquired is not UNSET:
            field_dict["acquired"] = acquired
        if allocation is not UNSET:
            field_dict["allocation"] = allocation
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if cusip is not UNSET:
            field_dict["cusip"] = cusip
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if fees is not UNSET:
            field_dict["fees"] = fees
        if isin is not UNSET:
            field_dict["isin"] = isin
        if lot_method is not UNSET:
            field_dict["lot_method"] = lot_method
        if lot_picks is not UNSET:
            field_dict["lot_picks"] = lot_picks
        if new_price is not UNSET:
            field_dict["new_price"] = new_price
        if new_symbol is not UNSET:
            field_dict["new_symbol"] = new_symbol
        if note is not UNSET:
            field_dict["note"] = note
        if price is not UNSET:
            field_dict["price"] = price
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if settle_date is not UNSET:
            field_dict["settle_date"] = settle_date
        if split_ratio is not UNSET:
            field_dict["split_ratio"] = split_ratio
        if symbol is not UNSET:
            field_dict["symbol"] = symbol

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_lot_pick_in import LedgerLotPickIn # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        kind = TransactionKind(d.pop("kind"))




        trade_date = datetime.date.fromisoformat(d.pop("trade_date"))




        def _parse_acquired(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acquired_type_0 = datetime.date.fromisoformat(data)



                return acquired_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        acquired = _parse_acquired(d.pop("acquired", UNSET))


        def _parse_allocation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allocation = _parse_allocation(d.pop("allocation", UNSET))


        amount = d.pop("amount", UNSET)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))


        def _parse_cusip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cusip = _parse_cusip(d.pop("cusip", UNSET))


        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))


        fees = d.pop("fees", UNSET)

        def _parse_isin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        isin = _parse_isin(d.pop("isin", UNSET))


        def _parse_lot_method(data: object) -> LotMethod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lot_method_type_0 = LotMethod(data)



                return lot_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LotMethod | None | Unset, data)

        lot_method = _parse_lot_method(d.pop("lot_method", UNSET))


        _lot_picks = d.pop("lot_picks", UNSET)
        lot_picks: list[LedgerLotPickIn] | Unset = UNSET
        if _lot_picks is not UNSET:
            lot_picks = []
            for lot_picks_item_data in _lot_picks:
                lot_picks_item = LedgerLotPickIn.from_dict(lot_picks_item_data)



                lot_picks.append(lot_picks_item)


        new_price = d.pop("new_price", UNSET)

        def _parse_new_symbol(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_symbol = _parse_new_symbol(d.pop("new_symbol", UNSET))


        note = d.pop("note", UNSET)

        price = d.pop("price", UNSET)

        quantity = d.pop("quantity", UNSET)

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


        def _parse_split_ratio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        split_ratio = _parse_split_ratio(d.pop("split_ratio", UNSET))


        def _parse_symbol(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symbol = _parse_symbol(d.pop("symbol", UNSET))


        ledger_transaction_in = cls(
            account_id=account_id,
            kind=kind,
            trade_date=trade_date,
            acquired=acquired,
            allocation=allocation,
            amount=amount,
            currency=currency,
            cusip=cusip,
            external_id=external_id,
            fees=fees,
            isin=isin,
            lot_method=lot_method,
            lot_picks=lot_picks,
            new_price=new_price,
            new_symbol=new_symbol,
            note=note,
            price=price,
            quantity=quantity,
            settle_date=settle_date,
            split_ratio=split_ratio,
            symbol=symbol,
        )


        ledger_transaction_in.additional_properties = d
        return ledger_transaction_in

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
