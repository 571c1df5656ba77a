from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="IlliquidAssetIn")



@_attrs_define
class IlliquidAssetIn:
    """ 
        Attributes:
            acquired (datetime.date): Acquisition date, not after today (UTC)
            cost (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            kind (str): real_estate, art, private_equity
            name (str): 1 to 100 printable characters
            portfolio_id (str):
            currency (None | str | Unset): ISO 4217; default: the portfolio's base currency
            note (str | Unset):  Default: ''.
     """

    acquired: datetime.date
    cost: str
    kind: str
    name: str
    portfolio_id: str
    currency: None | str | Unset = UNSET
    note: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        acquired = self.acquired.isoformat()

        cost = self.cost

        kind = self.kind

        name = self.name

        portfolio_id = self.portfolio_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acquired": acquired,
            "cost": cost,
            "kind": kind,
            "name": name,
            "portfolio_id": portfolio_id,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acquired = datetime.date.fromisoformat(d.pop("acquired"))




        cost = d.pop("cost")

        kind = d.pop("kind")

        name = d.pop("name")

        portfolio_id = d.pop("portfolio_id")

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))


        note = d.pop("note", UNSET)

        illiquid_asset_in = cls(
            acquired=acquired,
            cost=cost,
            kind=kind,
            name=name,
            portfolio_id=portfolio_id,
            currency=currency,
            note=note,
        )


        illiquid_asset_in.additional_properties = d
        return illiquid_asset_in

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
