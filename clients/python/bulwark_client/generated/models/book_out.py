from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.book_out_aliases import BookOutAliases
  from ..models.limit_out import LimitOut





T = TypeVar("T", bound="BookOut")



@_attrs_define
class BookOut:
    """ 
        Attributes:
            aliases (BookOutAliases):
            created_at (datetime.datetime):
            currency (str):
            id (str):
            limits (list[LimitOut]):
            members (list[str]):
            name (str):
            peak_equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    aliases: BookOutAliases
    created_at: datetime.datetime
    currency: str
    id: str
    limits: list[LimitOut]
    members: list[str]
    name: str
    peak_equity: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.book_out_aliases import BookOutAliases # noqa: PLC0415
        from ..models.limit_out import LimitOut # noqa: PLC0415
        aliases = self.aliases.to_dict()

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = self.id

        limits = []
        for limits_item_data in self.limits:
            limits_item = limits_item_data.to_dict()
            limits.append(limits_item)



        members = self.members



        name = self.name

        peak_equity = self.peak_equity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "aliases": aliases,
            "created_at": created_at,
            "currency": currency,
            "id": id,
            "limits": limits,
            "members": members,
            "name": name,
            "peak_equity": peak_equity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.book_out_aliases import BookOutAliases # noqa: PLC0415
        from ..models.limit_out import LimitOut # noqa: PLC0415
        d = dict(src_dict)
        aliases = BookOutAliases.from_dict(d.pop("aliases"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        currency = d.pop("currency")

        id = d.pop("id")

        limits = []
        _limits = d.pop("limits")
        for limits_item_data in (_limits):
            limits_item = LimitOut.from_dict(limits_item_data)



            limits.append(limits_item)


        members = cast(list[str], d.pop("members"))


        name = d.pop("name")

        peak_equity = d.pop("peak_equity")

        book_out = cls(
            aliases=aliases,
            created_at=created_at,
            currency=currency,
            id=id,
            limits=limits,
            members=members,
            name=name,
            peak_equity=peak_equity,
        )


        book_out.additional_properties = d
        return book_out

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
