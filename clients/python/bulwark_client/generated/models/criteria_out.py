from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.criterion_out import CriterionOut





T = TypeVar("T", bound="CriteriaOut")



@_attrs_define
class CriteriaOut:
    """ 
        Attributes:
            criteria (list[CriterionOut]):
            source (str):
            terms_version (str):
     """

    criteria: list[CriterionOut]
    source: str
    terms_version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.criterion_out import CriterionOut # noqa: PLC0415
        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)



        source = self.source

        terms_version = self.terms_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "criteria": criteria,
            "source": source,
            "terms_version": terms_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_out import CriterionOut # noqa: PLC0415
        d = dict(src_dict)
        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in (_criteria):
            criteria_item = CriterionOut.from_dict(criteria_item_data)



            criteria.append(criteria_item)


        source = d.pop("source")

        terms_version = d.pop("terms_version")

        criteria_out = cls(
            criteria=criteria,
            source=source,
            terms_version=terms_version,
        )


        criteria_out.additional_properties = d
        return criteria_out

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
