from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AggregationAccountOut")



@_attrs_define
class AggregationAccountOut:
    """ 
        Attributes:
            currency (None | str):
            current_balance (None | str):
            id (str):
            item_id (str):
            mask (None | str):
            name (str):
            subtype (None | str):
            type_ (str):
            read_only (bool | Unset):  Default: True.
     """

    currency: None | str
    current_balance: None | str
    id: str
    item_id: str
    mask: None | str
    name: str
    subtype: None | str
    type_: str
    read_only: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        currency: None | str
        currency = self.currency

        current_balance: None | str
        current_balance = self.current_balance

        id = self.id

        item_id = self.item_id

        mask: None | str
        mask = self.mask

        name = self.name

        subtype: None | str
        subtype = self.subtype

        type_ = self.type_

        read_only = self.read_only


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "currency": currency,
            "current_balance": current_balance,
            "id": id,
            "item_id": item_id,
            "mask": mask,
            "name": name,
            "subtype": subtype,
            "type": type_,
        })
        if read_only is not UNSET:
            field_dict["read_only"] = read_only

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))


        def _parse_current_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_balance = _parse_current_balance(d.pop("current_balance"))


        id = d.pop("id")

        item_id = d.pop("item_id")

        def _parse_mask(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mask = _parse_mask(d.pop("mask"))


        name = d.pop("name")

        def _parse_subtype(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subtype = _parse_subtype(d.pop("subtype"))


        type_ = d.pop("type")

        read_only = d.pop("read_only", UNSET)

        aggregation_account_out = cls(
            currency=currency,
            current_balance=current_balance,
            id=id,
            item_id=item_id,
            mask=mask,
            name=name,
            subtype=subtype,
            type_=type_,
            read_only=read_only,
        )


        aggregation_account_out.additional_properties = d
        return aggregation_account_out

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
