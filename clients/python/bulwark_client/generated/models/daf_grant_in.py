from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DafGrantIn")



@_attrs_define
class DafGrantIn:
    """ 
        Attributes:
            amount (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            fund (str): The DAF's name, as on its contributions
            granted_on (datetime.date):
            grantee (str):
            grantee_ein (None | str | Unset): EIN, 12-3456789
            memo (str | Unset):  Default: ''.
     """

    amount: str
    fund: str
    granted_on: datetime.date
    grantee: str
    grantee_ein: None | str | Unset = UNSET
    memo: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        fund = self.fund

        granted_on = self.granted_on.isoformat()

        grantee = self.grantee

        grantee_ein: None | str | Unset
        if isinstance(self.grantee_ein, Unset):
            grantee_ein = UNSET
        else:
            grantee_ein = self.grantee_ein

        memo = self.memo


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "fund": fund,
            "granted_on": granted_on,
            "grantee": grantee,
        })
        if grantee_ein is not UNSET:
            field_dict["grantee_ein"] = grantee_ein
        if memo is not UNSET:
            field_dict["memo"] = memo

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        fund = d.pop("fund")

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))




        grantee = d.pop("grantee")

        def _parse_grantee_ein(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grantee_ein = _parse_grantee_ein(d.pop("grantee_ein", UNSET))


        memo = d.pop("memo", UNSET)

        daf_grant_in = cls(
            amount=amount,
            fund=fund,
            granted_on=granted_on,
            grantee=grantee,
            grantee_ein=grantee_ein,
            memo=memo,
        )


        daf_grant_in.additional_properties = d
        return daf_grant_in

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
