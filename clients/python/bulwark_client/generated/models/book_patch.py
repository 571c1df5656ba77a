from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.book_patch_aliases_type_0 import BookPatchAliasesType0
  from ..models.limit_in import LimitIn





T = TypeVar("T", bound="BookPatch")



@_attrs_define
class BookPatch:
    """ 
        Attributes:
            aliases (BookPatchAliasesType0 | None | Unset):
            limits (list[LimitIn] | None | Unset):
            members (list[str] | None | Unset):
            name (None | str | Unset):
     """

    aliases: BookPatchAliasesType0 | None | Unset = UNSET
    limits: list[LimitIn] | None | Unset = UNSET
    members: list[str] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.book_patch_aliases_type_0 import BookPatchAliasesType0 # noqa: PLC0415
        from ..models.limit_in import LimitIn # noqa: PLC0415
        aliases: dict[str, Any] | None | Unset
        if isinstance(self.aliases, Unset):
            aliases = UNSET
        elif isinstance(self.aliases, BookPatchAliasesType0):
            aliases = self.aliases.to_dict()
        else:
            aliases = self.aliases

        limits: list[dict[str, Any]] | None | Unset
        if isinstance(self.limits, Unset):
            limits = UNSET
        elif isinstance(self.limits, list):
            limits = []
            for limits_type_0_item_data in self.limits:
                limits_type_0_item = limits_type_0_item_data.to_dict()
                limits.append(limits_type_0_item)


        else:
            limits = self.limits

        members: list[str] | None | Unset
        if isinstance(self.members, Unset):
            members = UNSET
        elif isinstance(self.members, list):
            members = self.members


        else:
            members = self.members

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if limits is not UNSET:
            field_dict["limits"] = limits
        if members is not UNSET:
            field_dict["members"] = members
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.book_patch_aliases_type_0 import BookPatchAliasesType0 # noqa: PLC0415
        from ..models.limit_in import LimitIn # noqa: PLC0415
        d = dict(src_dict)
        def _parse_aliases(data: object) -> BookPatchAliasesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                aliases_type_0 = BookPatchAliasesType0.from_dict(data)



                return aliases_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BookPatchAliasesType0 | None | Unset, data)

        aliases = _parse_aliases(d.pop("aliases", UNSET))


        def _parse_limits(data: object) -> list[LimitIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                limits_type_0 = []
                _limits_type_0 = data
                for limits_type_0_item_data in (_limits_type_0):
                    limits_type_0_item = LimitIn.from_dict(limits_type_0_item_data)



                    limits_type_0.append(limits_type_0_item)

                return limits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LimitIn] | None | Unset, data)

        limits = _parse_limits(d.pop("limits", UNSET))


        def _parse_members(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                members_type_0 = cast(list[str], data)

                return members_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        members = _parse_members(d.pop("members", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        book_patch = cls(
            aliases=aliases,
            limits=limits,
            members=members,
            name=name,
        )


        book_patch.additional_properties = d
        return book_patch

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
