from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProposalIn")



@_attrs_define
class ProposalIn:
    """ 
        Attributes:
            band (None | str | Unset): Absolute weight tolerance, a fraction in [0, 1)
            fractional (bool | None | Unset): Fractional shares (else whole shares)
     """

    band: None | str | Unset = UNSET
    fractional: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        band: None | str | Unset
        if isinstance(self.band, Unset):
            band = UNSET
        else:
            band = self.band

        fractional: bool | None | Unset
        if isinstance(self.fractional, Unset):
            fractional = UNSET
        else:
            fractional = self.fractional


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if band is not UNSET:
            field_dict["band"] = band
        if fractional is not UNSET:
            field_dict["fractional"] = fractional

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_band(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        band = _parse_band(d.pop("band", UNSET))


        def _parse_fractional(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        fractional = _parse_fractional(d.pop("fractional", UNSET))


        proposal_in = cls(
            band=band,
            fractional=fractional,
        )


        proposal_in.additional_properties = d
        return proposal_in

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
