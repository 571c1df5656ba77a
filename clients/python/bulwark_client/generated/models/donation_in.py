from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.donation_in_donee_kind import DonationInDoneeKind
from ..models.donation_in_kind import DonationInKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DonationIn")



@_attrs_define
class DonationIn:
    """ 
        Attributes:
            amount (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            donated_on (datetime.date):
            donee (str): The charity, or a donor-advised fund's sponsor
            acquired (datetime.date | None | Unset): Acquisition date (the earliest lot's)
            cost_basis (None | str | Unset): The gift's adjusted basis, USD, >= 0
            donee_ein (None | str | Unset): EIN, 12-3456789
            donee_kind (DonationInDoneeKind | Unset):  Default: DonationInDoneeKind.PUBLIC_CHARITY.
            fund (None | str | Unset): The DAF's name (donor_advised_fund only)
            kind (DonationInKind | Unset):  Default: DonationInKind.CASH.
            memo (str | Unset):  Default: ''.
            shares (None | str | Unset):
            symbol (None | str | Unset):
     """

    amount: str
    donated_on: datetime.date
    donee: str
    acquired: datetime.date | None | Unset = UNSET
    cost_basis: None | str | Unset = UNSET
    donee_ein: None | str | Unset = UNSET
    donee_kind: DonationInDoneeKind | Unset = DonationInDoneeKind.PUBLIC_CHARITY
    fund: None | str | Unset = UNSET
    kind: DonationInKind | Unset = DonationInKind.CASH
    memo: str | Unset = ''
    shares: None | str | Unset = UNSET
    symbol: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        donated_on = self.donated_on.isoformat()

        donee = self.donee

        acquired: None | str | Unset
        if isinstance(self.acquired, Unset):
            acquired = UNSET
        elif isinstance(self.acquired, datetime.date):
            acquired = self.acquired.isoformat()
        else:
            acquired = self.acquired

        cost_basis: None | str | Unset
        if isinstance(self.cost_basis, Unset):
            cost_basis = UNSET
        else:
            cost_basis = self.cost_basis

        donee_ein: None | str | Unset
        if isinstance(self.donee_ein, Unset):
            donee_ein = UNSET
        else:
            donee_ein = self.donee_ein

        donee_kind: str | Unset = UNSET
        if not isinstance(self.donee_kind, Unset):
            donee_kind = self.donee_kind.value


        fund: None | str | Unset
        if isinstance(self.fund, Unset):
            fund = UNSET
        else:
            fund = self.fund

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        memo = self.memo

        shares: None | str | Unset
        if isinstance(self.shares, Unset):
            shares = UNSET
        else:
            shares = self.shares

        symbol: None | str | Unset
        if isinstance(self.symbol, Unset):
            symbol = UNSET
        else:
            symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "donated_on": donated_on,
            "donee": donee,
        })
        if acquired is not UNSET:
            field_dict["acquired"] = acquired
        if cost_basis is not UNSET:
            field_dict["cost_basis"] = cost_basis
        if donee_ein is not UNSET:
            field_dict["donee_ein"] = donee_ein
        if donee_kind is not UNSET:
            field_dict["donee_kind"] = donee_kind
        if fund is not UNSET:
            field_dict["fund"] = fund
        if kind is not UNSET:
            field_dict["kind"] = kind
        if memo is not UNSET:
            field_dict["memo"] = memo
        if shares is not UNSET:
            field_dict["shares"] = shares
        if symbol is not UNSET:
            field_dict["symbol"] = symbol

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        donated_on = datetime.date.fromisoformat(d.pop("donated_on"))




        donee = d.pop("donee")

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


        def _parse_cost_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cost_basis = _parse_cost_basis(d.pop("cost_basis", UNSET))


        def _parse_donee_ein(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        donee_ein = _parse_donee_ein(d.pop("donee_ein", UNSET))


        _donee_kind = d.pop("donee_kind", UNSET)
        donee_kind: DonationInDoneeKind | Unset
        if isinstance(_donee_kind,  Unset):
            donee_kind = UNSET
        else:
            donee_kind = DonationInDoneeKind(_donee_kind)




        def _parse_fund(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fund = _parse_fund(d.pop("fund", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: DonationInKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = DonationInKind(_kind)




        memo = d.pop("memo", UNSET)

        def _parse_shares(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        shares = _parse_shares(d.pop("shares", UNSET))


        def _parse_symbol(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symbol = _parse_symbol(d.pop("symbol", UNSET))


        donation_in = cls(
            amount=amount,
            donated_on=donated_on,
            donee=donee,
            acquired=acquired,
            cost_basis=cost_basis,
            donee_ein=donee_ein,
            donee_kind=donee_kind,
            fund=fund,
            kind=kind,
            memo=memo,
            shares=shares,
            symbol=symbol,
        )


        donation_in.additional_properties = d
        return donation_in

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
