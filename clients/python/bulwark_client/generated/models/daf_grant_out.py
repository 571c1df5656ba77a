from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DafGrantOut")



@_attrs_define
class DafGrantOut:
    """ 
        Attributes:
            amount (str):
            created_at (datetime.datetime):
            deductible (bool):
            fund (str):
            granted_on (datetime.date):
            grantee (str):
            grantee_ein (None | str):
            id (str):
            memo (str):
     """

    amount: str
    created_at: datetime.datetime
    deductible: bool
    fund: str
    granted_on: datetime.date
    grantee: str
    grantee_ein: None | str
    id: str
    memo: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        deductible = self.deductible

        fund = self.fund

        granted_on = self.granted_on.isoformat()

        grantee = self.grantee

        grantee_ein: None | str
        grantee_ein = self.grantee_ein

        id = self.id

        memo = self.memo


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "created_at": created_at,
            "deductible": deductible,
            "fund": fund,
            "granted_on": granted_on,
            "grantee": grantee,
            "grantee_ein": grantee_ein,
            "id": id,
            "memo": memo,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        deductible = d.pop("deductible")

        fund = d.pop("fund")

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))




        grantee = d.pop("grantee")

        def _parse_grantee_ein(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grantee_ein = _parse_grantee_ein(d.pop("grantee_ein"))


        id = d.pop("id")

        memo = d.pop("memo")

        daf_grant_out = cls(
            amount=amount,
            created_at=created_at,
            deductible=deductible,
            fund=fund,
            granted_on=granted_on,
            grantee=grantee,
            grantee_ein=grantee_ein,
            id=id,
            memo=memo,
        )


        daf_grant_out.additional_properties = d
        return daf_grant_out

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
