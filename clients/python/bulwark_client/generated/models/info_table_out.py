from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InfoTableOut")



@_attrs_define
class InfoTableOut:
    """ 
        Attributes:
            cusip (str):
            figi (None | str):
            investment_discretion (str):
            name_of_issuer (str):
            other_manager (None | str):
            put_call (None | str):
            shares_or_principal (int):
            shares_or_principal_type (str):
            title_of_class (str):
            value (int):
            voting_none (int):
            voting_shared (int):
            voting_sole (int):
     """

    cusip: str
    figi: None | str
    investment_discretion: str
    name_of_issuer: str
    other_manager: None | str
    put_call: None | str
    shares_or_principal: int
    shares_or_principal_type: str
    title_of_class: str
    value: int
    voting_none: int
    voting_shared: int
    voting_sole: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cusip = self.cusip

        figi: None | str
        figi = self.figi

        investment_discretion = self.investment_discretion

        name_of_issuer = self.name_of_issuer

        other_manager: None | str
        other_manager = self.other_manager

        put_call: None | str
        put_call = self.put_call

        shares_or_principal = self.shares_or_principal

        shares_or_principal_type = self.shares_or_principal_type

        title_of_class = self.title_of_class

        value = self.value

        voting_none = self.voting_none

        voting_shared = self.voting_shared

        voting_sole = self.voting_sole


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cusip": cusip,
            "figi": figi,
            "investment_discretion": investment_discretion,
            "name_of_issuer": name_of_issuer,
            "other_manager": other_manager,
            "put_call": put_call,
            "shares_or_principal": shares_or_principal,
            "shares_or_principal_type": shares_or_principal_type,
            "title_of_class": title_of_class,
            "value": value,
            "voting_none": voting_none,
            "voting_shared": voting_shared,
            "voting_sole": voting_sole,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cusip = d.pop("cusip")

        def _parse_figi(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        figi = _parse_figi(d.pop("figi"))


        investment_discretion = d.pop("investment_discretion")

        name_of_issuer = d.pop("name_of_issuer")

        def _parse_other_manager(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        other_manager = _parse_other_manager(d.pop("other_manager"))


        def _parse_put_call(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        put_call = _parse_put_call(d.pop("put_call"))


        shares_or_principal = d.pop("shares_or_principal")

        shares_or_principal_type = d.pop("shares_or_principal_type")

        title_of_class = d.pop("title_of_class")

        value = d.pop("value")

        voting_none = d.pop("voting_none")

        voting_shared = d.pop("voting_shared")

        voting_sole = d.pop("voting_sole")

        info_table_out = cls(
            cusip=cusip,
            figi=figi,
            investment_discretion=investment_discretion,
            name_of_issuer=name_of_issuer,
            other_manager=other_manager,
            put_call=put_call,
            shares_or_principal=shares_or_principal,
            shares_or_principal_type=shares_or_principal_type,
            title_of_class=title_of_class,
            value=value,
            voting_none=voting_none,
            voting_shared=voting_shared,
            voting_sole=voting_sole,
        )


        info_table_out.additional_properties = d
        return info_table_out

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
