from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MemberOut")



@_attrs_define
class MemberOut:
    """ 
        Attributes:
            account_id (str):
            known (bool):
            currency (None | str | Unset):
            equity (None | str | Unset):
            gross (None | str | Unset):
            net (None | str | Unset):
            start_of_day_equity (None | str | Unset):
     """

    account_id: str
    known: bool
    currency: None | str | Unset = UNSET
    equity: None | str | Unset = UNSET
    gross: None | str | Unset = UNSET
    net: None | str | Unset = UNSET
    start_of_day_equity: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        known = self.known

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        equity: None | str | Unset
        if isinstance(self.equity, Unset):
            equity = UNSET
        else:
            equity = self.equity

        gross: None | str | Unset
        if isinstance(self.gross, Unset):
            gross = UNSET
        else:
            gross = self.gross

        net: None | str | Unset
        if isinstance(self.net, Unset):
            net = UNSET
        else:
            net = self.net

        start_of_day_equity: None | str | Unset
        if isinstance(self.start_of_day_equity, Unset):
            start_of_day_equity = UNSET
        else:
            start_of_day_equity = self.start_of_day_equity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "known": known,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if equity is not UNSET:
            field_dict["equity"] = equity
        if gross is not UNSET:
            field_dict["gross"] = gross
        if net is not UNSET:
            field_dict["net"] = net
        if start_of_day_equity is not UNSET:
            field_dict["start_of_day_equity"] = start_of_day_equity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        known = d.pop("known")

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))


        def _parse_equity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        equity = _parse_equity(d.pop("equity", UNSET))


        def _parse_gross(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gross = _parse_gross(d.pop("gross", UNSET))


        def _parse_net(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        net = _parse_net(d.pop("net", UNSET))


        def _parse_start_of_day_equity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_of_day_equity = _parse_start_of_day_equity(d.pop("start_of_day_equity", UNSET))


        member_out = cls(
            account_id=account_id,
            known=known,
            currency=currency,
            equity=equity,
            gross=gross,
            net=net,
            start_of_day_equity=start_of_day_equity,
        )


        member_out.additional_properties = d
        return member_out

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
