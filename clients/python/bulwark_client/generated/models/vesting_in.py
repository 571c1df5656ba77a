from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vesting_in_kind import VestingInKind
from ..types import UNSET, Unset






T = TypeVar("T", bound="VestingIn")



@_attrs_define
class VestingIn:
    """ 
        Attributes:
            kind (VestingInKind):
            start (int | Unset): graded: first vesting year, 1..2 Default: 2.
            step (str | Unset): A fraction in [0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
                Default: '0.2'.
            years (int | Unset): cliff: years to 100 %, 1..3 Default: 3.
     """

    kind: VestingInKind
    start: int | Unset = 2
    step: str | Unset = '0.2'
    years: int | Unset = 3
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        start = self.start

        step = self.step

        years = self.years


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
        })
        if start is not UNSET:
            field_dict["start"] = start
        if step is not UNSET:
            field_dict["step"] = step
        if years is not UNSET:
            field_dict["years"] = years

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = VestingInKind(d.pop("kind"))




        start = d.pop("start", UNSET)

        step = d.pop("step", UNSET)

        years = d.pop("years", UNSET)

        vesting_in = cls(
            kind=kind,
            start=start,
            step=step,
            years=years,
        )


        vesting_in.additional_properties = d
        return vesting_in

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
