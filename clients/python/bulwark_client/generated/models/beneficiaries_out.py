from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.beneficiary_out import BeneficiaryOut





T = TypeVar("T", bound="BeneficiariesOut")



@_attrs_define
class BeneficiariesOut:
    """ 
        Attributes:
            beneficiaries (list[BeneficiaryOut]):
     """

    beneficiaries: list[BeneficiaryOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.beneficiary_out import BeneficiaryOut # noqa: PLC0415
        beneficiaries = []
        for beneficiaries_item_data in self.beneficiaries:
            beneficiaries_item = beneficiaries_item_data.to_dict()
            beneficiaries.append(beneficiaries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "beneficiaries": beneficiaries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiary_out import BeneficiaryOut # noqa: PLC0415
        d = dict(src_dict)
        beneficiaries = []
        _beneficiaries = d.pop("beneficiaries")
        for beneficiaries_item_data in (_beneficiaries):
            beneficiaries_item = BeneficiaryOut.from_dict(beneficiaries_item_data)



            beneficiaries.append(beneficiaries_item)


        beneficiaries_out = cls(
            beneficiaries=beneficiaries,
        )


        beneficiaries_out.additional_properties = d
        return beneficiaries_out

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
