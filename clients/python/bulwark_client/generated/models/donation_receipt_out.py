from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.donation_receipt_out_conventions import DonationReceiptOutConventions





T = TypeVar("T", bound="DonationReceiptOut")



@_attrs_define
class DonationReceiptOut:
    """ 
        Attributes:
            acknowledgment_required (bool):
            acquired (datetime.date | None):
            amount (str):
            category (str):
            conventions (DonationReceiptOutConventions):
            cost_basis (None | str):
            created_at (datetime.datetime):
            deductible_amount (str):
            donated_on (datetime.date):
            donee (str):
            donee_ein (None | str):
            donee_kind (str):
            fair_market_value (None | str):
            fund (None | str):
            holding_period (None | str):
            id (str):
            kind (str):
            memo (str):
            receipt (str):
            shares (None | str):
            symbol (None | str):
            treatment (str):
            untaxed_appreciation (str):
     """

    acknowledgment_required: bool
    acquired: datetime.date | None
    amount: str
    category: str
    conventions: DonationReceiptOutConventions
    cost_basis: None | str
    created_at: datetime.datetime
    deductible_amount: str
    donated_on: datetime.date
    donee: str
    donee_ein: None | str
    donee_kind: str
    fair_market_value: None | str
    fund: None | str
    holding_period: None | str
    id: str
    kind: str
    memo: str
    receipt: str
    shares: None | str
    symbol: None | str
    treatment: str
    untaxed_appreciation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.donation_receipt_out_conventions import DonationReceiptOutConventions # noqa: PLC0415
        acknowledgment_required = self.acknowledgment_required

        acquired: None | str
        if isinstance(self.acquired, datetime.date):
            acquired = self.acquired.isoformat()
        else:
            acquired = self.acquired

        amount = self.amount

        category = self.category

        conventions = self.conventions.to_dict()

        cost_basis: None | str
        cost_basis = self.cost_basis

        created_at = self.created_at.isoformat()

        deductible_amount = self.deductible_amount

        donated_on = self.donated_on.isoformat()

        donee = self.donee

        donee_ein: None | str
        donee_ein = self.donee_ein

        donee_kind = self.donee_kind

        fair_market_value: None | str
        fair_market_value = self.fair_market_value

        fund: None | str
        fund = self.fund

        holding_period: None | str
        holding_period = self.holding_period

        id = self.id

        kind = self.kind

        memo = self.memo

        receipt = self.receipt

        shares: None | str
        shares = self.shares

        symbol: None | str
        symbol = self.symbol

        treatment = self.treatment

        untaxed_appreciation = self.untaxed_appreciation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acknowledgment_required": acknowledgment_required,
            "acquired": acquired,
            "amount": amount,
            "category": category,
            "conventions": conventions,
            "cost_basis": cost_basis,
            "created_at": created_at,
            "deductible_amount": deductible_amount,
            "donated_on": donated_on,
            "donee": donee,
            "donee_ein": donee_ein,
            "donee_kind": donee_kind,
            "fair_market_value": fair_market_value,
            "fund": fund,
            "holding_period": holding_period,
            "id": id,
            "kind": kind,
            "memo": memo,
            "receipt": receipt,
            "shares": shares,
            "symbol": symbol,
            "treatment": treatment,
            "untaxed_appreciation": untaxed_appreciation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.donation_receipt_out_conventions import DonationReceiptOutConventions # noqa: PLC0415
        d = dict(src_dict)
        acknowledgment_required = d.pop("acknowledgment_required")

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


        amount = d.pop("amount")

        category = d.pop("category")

        conventions = DonationReceiptOutConventions.from_dict(d.pop("conventions"))




        def _parse_cost_basis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cost_basis = _parse_cost_basis(d.pop("cost_basis"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        deductible_amount = d.pop("deductible_amount")

        donated_on = datetime.date.fromisoformat(d.pop("donated_on"))




        donee = d.pop("donee")

        def _parse_donee_ein(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        donee_ein = _parse_donee_ein(d.pop("donee_ein"))


        donee_kind = d.pop("donee_kind")

        def _parse_fair_market_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fair_market_value = _parse_fair_market_value(d.pop("fair_market_value"))


        def _parse_fund(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fund = _parse_fund(d.pop("fund"))


        def _parse_holding_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        holding_period = _parse_holding_period(d.pop("holding_period"))


        id = d.pop("id")

        kind = d.pop("kind")

        memo = d.pop("memo")

        receipt = d.pop("receipt")

        def _parse_shares(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shares = _parse_shares(d.pop("shares"))


        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))


        treatment = d.pop("treatment")

        untaxed_appreciation = d.pop("untaxed_appreciation")

        donation_receipt_out = cls(
            acknowledgment_required=acknowledgment_required,
            acquired=acquired,
            amount=amount,
            category=category,
            conventions=conventions,
            cost_basis=cost_basis,
            created_at=created_at,
            deductible_amount=deductible_amount,
            donated_on=donated_on,
            donee=donee,
            donee_ein=donee_ein,
            donee_kind=donee_kind,
            fair_market_value=fair_market_value,
            fund=fund,
            holding_period=holding_period,
            id=id,
            kind=kind,
            memo=memo,
            receipt=receipt,
            shares=shares,
            symbol=symbol,
            treatment=treatment,
            untaxed_appreciation=untaxed_appreciation,
        )


        donation_receipt_out.additional_properties = d
        return donation_receipt_out

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
