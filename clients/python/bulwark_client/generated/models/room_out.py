from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RoomOut")



@_attrs_define
class RoomOut:
    """ 
        Attributes:
            account_type (str):
            base_limit (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            catch_up (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            contributed (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            from_profile (list[str]):
            limit (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            notes (list[str]):
            reduced_limit (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            room (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            sources (list[str]):
            tax_year (int):
     """

    account_type: str
    base_limit: str
    catch_up: str
    contributed: str
    from_profile: list[str]
    limit: str
    notes: list[str]
    reduced_limit: str
    room: str
    sources: list[str]
    tax_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_type = self.account_type

        base_limit = self.base_limit

        catch_up = self.catch_up

        contributed = self.contributed

        from_profile = self.from_profile



        limit = self.limit

        notes = self.notes



        reduced_limit = self.reduced_limit

        room = self.room

        sources = self.sources



        tax_year = self.tax_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_type": account_type,
            "base_limit": base_limit,
            "catch_up": catch_up,
            "contributed": contributed,
            "from_profile": from_profile,
            "limit": limit,
            "notes": notes,
            "reduced_limit": reduced_limit,
            "room": room,
            "sources": sources,
            "tax_year": tax_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_type = d.pop("account_type")

        base_limit = d.pop("base_limit")

        catch_up = d.pop("catch_up")

        contributed = d.pop("contributed")

        from_profile = cast(list[str], d.pop("from_profile"))


        limit = d.pop("limit")

        notes = cast(list[str], d.pop("notes"))


        reduced_limit = d.pop("reduced_limit")

        room = d.pop("room")

        sources = cast(list[str], d.pop("sources"))


        tax_year = d.pop("tax_year")

        room_out = cls(
            account_type=account_type,
            base_limit=base_limit,
            catch_up=catch_up,
            contributed=contributed,
            from_profile=from_profile,
            limit=limit,
            notes=notes,
            reduced_limit=reduced_limit,
            room=room,
            sources=sources,
            tax_year=tax_year,
        )


        room_out.additional_properties = d
        return room_out

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
