from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="IlliquidAssetOut")



@_attrs_define
class IlliquidAssetOut:
    """ 
        Attributes:
            acquired (datetime.date):
            cost (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            created_at (datetime.datetime):
            currency (str):
            id (str):
            kind (str):
            name (str):
            note (str):
            portfolio_id (str):
            latest_as_of (datetime.date | None | Unset):
            latest_value (None | str | Unset):
     """

    acquired: datetime.date
    cost: str
    created_at: datetime.datetime
    currency: str
    id: str
    kind: str
    name: str
    note: str
    portfolio_id: str
    latest_as_of: datetime.date | None | Unset = UNSET
    latest_value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        acquired = self.acquired.isoformat()

        cost = self.cost

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = self.id

        kind = self.kind

        name = self.name

        note = self.note

        portfolio_id = self.portfolio_id

        latest_as_of: None | str | Unset
        if isinstance(self.latest_as_of, Unset):
            latest_as_of = UNSET
        elif isinstance(self.latest_as_of, datetime.date):
            latest_as_of = self.latest_as_of.isoformat()
        else:
            latest_as_of = self.latest_as_of

        latest_value: None | str | Unset
        if isinstance(self.latest_value, Unset):
            latest_value = UNSET
        else:
            latest_value = self.latest_value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acquired": acquired,
            "cost": cost,
            "created_at": created_at,
            "currency": currency,
            "id": id,
            "kind": kind,
            "name": name,
            "note": note,
            "portfolio_id": portfolio_id,
        })
        if latest_as_of is not UNSET:
            field_dict["latest_as_of"] = latest_as_of
        if latest_value is not UNSET:
            field_dict["latest_value"] = latest_value

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acquired = datetime.date.fromisoformat(d.pop("acquired"))




        cost = d.pop("cost")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        currency = d.pop("currency")

        id = d.pop("id")

        kind = d.pop("kind")

        name = d.pop("name")

        note = d.pop("note")

        portfolio_id = d.pop("portfolio_id")

        def _parse_latest_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_as_of_type_0 = datetime.date.fromisoformat(data)



                return latest_as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        latest_as_of = _parse_latest_as_of(d.pop("latest_as_of", UNSET))


        def _parse_latest_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        latest_value = _parse_latest_value(d.pop("latest_value", UNSET))


        illiquid_asset_out = cls(
            acquired=acquired,
            cost=cost,
            created_at=created_at,
            currency=currency,
            id=id,
            kind=kind,
            name=name,
            note=note,
            portfolio_id=portfolio_id,
            latest_as_of=latest_as_of,
            latest_value=latest_value,
        )


        illiquid_asset_out.additional_properties = d
        return illiquid_asset_out

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
