from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="HoldingIn")



@_attrs_define
class HoldingIn:
    """ 
        Attributes:
            amount (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such as
                "12.5"
            cusip (str):
            market_value_usd (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5"
            name_of_issuer (str):
            title_of_class (str):
            amount_type (str | Unset): SH (default) or PRN Default: 'SH'.
            figi (None | str | Unset):
            investment_discretion (str | Unset): SOLE (default), DFND or OTR Default: 'SOLE'.
            other_manager (None | str | Unset):
            put_call (None | str | Unset): Put or Call, for options
            voting_none (None | str | Unset):
            voting_shared (None | str | Unset):
            voting_sole (None | str | Unset):
     """

    amount: str
    cusip: str
    market_value_usd: str
    name_of_issuer: str
    title_of_class: str
    amount_type: str | Unset = 'SH'
    figi: None | str | Unset = UNSET
    investment_discretion: str | Unset = 'SOLE'
    other_manager: None | str | Unset = UNSET
    put_call: None | str | Unset = UNSET
    voting_none: None | str | Unset = UNSET
    voting_shared: None | str | Unset = UNSET
    voting_sole: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        cusip = self.cusip

        market_value_usd = self.market_value_usd

        name_of_issuer = self.name_of_issuer

        title_of_class = self.title_of_class

        amount_type = self.amount_type

        figi: None | str | Unset
        if isinstance(self.figi, Unset):
            figi = UNSET
        else:
            figi = self.figi

        investment_discretion = self.investment_discretion

        other_manager: None | str | Unset
        if isinstance(self.other_manager, Unset):
            other_manager = UNSET
        else:
            other_manager = self.other_manager

        put_call: None | str | Unset
        if isinstance(self.put_call, Unset):
            put_call = UNSET
        else:
            put_call = self.put_call

        voting_none: None | str | Unset
        if isinstance(self.voting_none, Unset):
            voting_none = UNSET
        else:
            voting_none = self.voting_none

        voting_shared: None | str | Unset
        if isinstance(self.voting_shared, Unset):
            voting_shared = UNSET
        else:
            voting_shared = self.voting_shared

        voting_sole: None | str | Unset
        if isinstance(self.voting_sole, Unset):
            voting_sole = UNSET
        else:
            voting_sole = self.voting_sole


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "cusip": cusip,
            "market_value_usd": market_value_usd,
            "name_of_issuer": name_of_issuer,
            "title_of_class": title_of_class,
        })
        if amount_type is not UNSET:
            field_dict["amount_type"] = amount_type
        if figi is not UNSET:
            field_dict["figi"] = figi
        if investment_discretion is not UNSET:
            field_dict["investment_discretion"] = investment_discretion
        if other_manager is not UNSET:
            field_dict["other_manager"] = other_manager
        if put_call is not UNSET:
            field_dict["put_call"] = put_call
        if voting_none is not UNSET:
            field_dict["voting_none"] = voting_none
        if voting_shared is not UNSET:
            field_dict["voting_shared"] = voting_shared
        if voting_sole is not UNSET:
            field_dict["voting_sole"] = voting_sole

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        cusip = d.pop("cusip")

        market_value_usd = d.pop("market_value_usd")

        name_of_issuer = d.pop("name_of_issuer")

        title_of_class = d.pop("title_of_class")

        amount_type = d.pop("amount_type", UNSET)

        def _parse_figi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        figi = _parse_figi(d.pop("figi", UNSET))


        investment_discretion = d.pop("investment_discretion", UNSET)

        def _parse_other_manager(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        other_manager = _parse_other_manager(d.pop("other_manager", UNSET))


        def _parse_put_call(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        put_call = _parse_put_call(d.pop("put_call", UNSET))


        def _parse_voting_none(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voting_none = _parse_voting_none(d.pop("voting_none", UNSET))


        def _parse_voting_shared(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voting_shared = _parse_voting_shared(d.pop("voting_shared", UNSET))


        def _parse_voting_sole(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voting_sole = _parse_voting_sole(d.pop("voting_sole", UNSET))


        holding_in = cls(
            amount=amount,
            cusip=cusip,
            market_value_usd=market_value_usd,
            name_of_issuer=name_of_issuer,
            title_of_class=title_of_class,
            amount_type=amount_type,
            figi=figi,
            investment_discretion=investment_discretion,
            other_manager=other_manager,
            put_call=put_call,
            voting_none=voting_none,
            voting_shared=voting_shared,
            voting_sole=voting_sole,
        )


        holding_in.additional_properties = d
        return holding_in

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
