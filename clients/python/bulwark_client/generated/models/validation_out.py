from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.violation_out import ViolationOut





T = TypeVar("T", bound="ValidationOut")



@_attrs_define
class ValidationOut:
    """ 
        Attributes:
            schema_version (str):
            valid (bool):
            violations (list[ViolationOut]):
     """

    schema_version: str
    valid: bool
    violations: list[ViolationOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.violation_out import ViolationOut # noqa: PLC0415
        schema_version = self.schema_version

        valid = self.valid

        violations = []
        for violations_item_data in self.violations:
            violations_item = violations_item_data.to_dict()
            violations.append(violations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "schema_version": schema_version,
            "valid": valid,
            "violations": violations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.violation_out import ViolationOut # noqa: PLC0415
        d = dict(src_dict)
        schema_version = d.pop("schema_version")

        valid = d.pop("valid")

        violations = []
        _violations = d.pop("violations")
        for violations_item_data in (_violations):
            violations_item = ViolationOut.from_dict(violations_item_data)



            violations.append(violations_item)


        validation_out = cls(
            schema_version=schema_version,
            valid=valid,
            violations=violations,
        )


        validation_out.additional_properties = d
        return validation_out

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
