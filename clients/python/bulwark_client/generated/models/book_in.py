from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.book_in_aliases import BookInAliases
  from ..models.limit_in import LimitIn





T = TypeVar("T", bound="BookIn")



@_attrs_define
class BookIn:
    """ 
        Attributes:
            members (list[str]):
            name (str):
            aliases (BookInAliases | Unset):
            currency (str | Unset):  Default: 'USD'.
            limits (list[LimitIn] | Unset):
     """

    members: list[str]
    name: str
    aliases: BookInAliases | Unset = UNSET
    currency: str | Unset = 'USD'
    limits: list[LimitIn] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.book_in_aliases import BookInAliases # noqa: PLC0415
        from ..models.limit_in import LimitIn # noqa: PLC0415
        members = self.members



        name = self.name

        aliases: dict[str, Any] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases.to_dict()

        currency = self.currency

        limits: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = []
            for limits_item_data in self.limits:
                limits_item = limits_item_data.to_dict()
                limits.append(limits_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "members": members,
            "name": name,
        })
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if currency is not UNSET:
            field_dict["currency"] = currency
        if limits is not UNSET:
            field_dict["limits"] = limits

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.book_in_aliases import BookInAliases # noqa: PLC0415
        from ..models.limit_in import LimitIn # noqa: PLC0415
        d = dict(src_dict)
        members = cast(list[str], d.pop("members"))


        name = d.pop("name")

        _aliases = d.pop("aliases", UNSET)
        aliases: BookInAliases | Unset
        if isinstance(_aliases,  Unset):
            aliases = UNSET
        else:
            aliases = BookInAliases.from_dict(_aliases)




        currency = d.pop("currency", UNSET)

        _limits = d.pop("limits", UNSET)
        limits: list[LimitIn] | Unset = UNSET
        if _limits is not UNSET:
            limits = []
            for limits_item_data in _limits:
                limits_item = LimitIn.from_dict(limits_item_data)



                limits.append(limits_item)


        book_in = cls(
            members=members,
            name=name,
            aliases=aliases,
            currency=currency,
            limits=limits,
        )


        book_in.additional_properties = d
        return book_in

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
