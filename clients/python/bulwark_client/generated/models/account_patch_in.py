from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.account_patch_in_target_allocation_type_0 import AccountPatchInTargetAllocationType0





T = TypeVar("T", bound="AccountPatchIn")



@_attrs_define
class AccountPatchIn:
    """ 
        Attributes:
            name (None | str | Unset):
            target_allocation (AccountPatchInTargetAllocationType0 | None | Unset):
     """

    name: None | str | Unset = UNSET
    target_allocation: AccountPatchInTargetAllocationType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_patch_in_target_allocation_type_0 import AccountPatchInTargetAllocationType0 # noqa: PLC0415
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        target_allocation: dict[str, Any] | None | Unset
        if isinstance(self.target_allocation, Unset):
            target_allocation = UNSET
        elif isinstance(self.target_allocation, AccountPatchInTargetAllocationType0):
            target_allocation = self.target_allocation.to_dict()
        else:
            target_allocation = self.target_allocation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if target_allocation is not UNSET:
            field_dict["target_allocation"] = target_allocation

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_patch_in_target_allocation_type_0 import AccountPatchInTargetAllocationType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_target_allocation(data: object) -> AccountPatchInTargetAllocationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_allocation_type_0 = AccountPatchInTargetAllocationType0.from_dict(data)



                return target_allocation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountPatchInTargetAllocationType0 | None | Unset, data)

        target_allocation = _parse_target_allocation(d.pop("target_allocation", UNSET))


        account_patch_in = cls(
            name=name,
            target_allocation=target_allocation,
        )


        account_patch_in.additional_properties = d
        return account_patch_in

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
