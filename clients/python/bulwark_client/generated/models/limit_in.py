from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.book_limit_kind import BookLimitKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="LimitIn")



@_attrs_define
class LimitIn:
    """ 
        Attributes:
            kind (BookLimitKind):
            limit (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such as
                "12.5"
            instrument (None | str | Unset):
     """

    kind: BookLimitKind
    limit: str
    instrument: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        limit = self.limit

        instrument: None | str | Unset
        if isinstance(self.instrument, Unset):
            instrument = UNSET
        else:
            instrument = self.instrument


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "limit": limit,
        })
        if instrument is not UNSET:
            field_dict["instrument"] = instrument

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = BookLimitKind(d.pop("kind"))




        limit = d.pop("limit")

        def _parse_instrument(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument = _parse_instrument(d.pop("instrument", UNSET))


        limit_in = cls(
            kind=kind,
            limit=limit,
            instrument=instrument,
        )


        limit_in.additional_properties = d
        return limit_in

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
