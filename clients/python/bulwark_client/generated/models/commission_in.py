from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CommissionIn")



@_attrs_define
class CommissionIn:
    """ 
        Attributes:
            bps (None | str | Unset):
            per_share (None | str | Unset):
     """

    bps: None | str | Unset = UNSET
    per_share: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bps: None | str | Unset
        if isinstance(self.bps, Unset):
            bps = UNSET
        else:
            bps = self.bps

        per_share: None | str | Unset
        if isinstance(self.per_share, Unset):
            per_share = UNSET
        else:
            per_share = self.per_share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if bps is not UNSET:
            field_dict["bps"] = bps
        if per_share is not UNSET:
            field_dict["per_share"] = per_share

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_bps(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bps = _parse_bps(d.pop("bps", UNSET))


        def _parse_per_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        per_share = _parse_per_share(d.pop("per_share", UNSET))


        commission_in = cls(
            bps=bps,
            per_share=per_share,
        )


        commission_in.additional_properties = d
        return commission_in

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
