from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.allocation_out import AllocationOut





T = TypeVar("T", bound="SleeveOut")



@_attrs_define
class SleeveOut:
    """ 
        Attributes:
            allocations (list[AllocationOut]):
            amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            currency (str):
            notes (list[str]):
            unallocated (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    allocations: list[AllocationOut]
    amount: str
    currency: str
    notes: list[str]
    unallocated: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)



        amount = self.amount

        currency = self.currency

        notes = self.notes



        unallocated = self.unallocated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allocations": allocations,
            "amount": amount,
            "currency": currency,
            "notes": notes,
            "unallocated": unallocated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        d = dict(src_dict)
        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in (_allocations):
            allocations_item = AllocationOut.from_dict(allocations_item_data)



            allocations.append(allocations_item)


        amount = d.pop("amount")

        currency = d.pop("currency")

        notes = cast(list[str], d.pop("notes"))


        unallocated = d.pop("unallocated")

        sleeve_out = cls(
            allocations=allocations,
            amount=amount,
            currency=currency,
            notes=notes,
            unallocated=unallocated,
        )


        sleeve_out.additional_properties = d
        return sleeve_out

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
