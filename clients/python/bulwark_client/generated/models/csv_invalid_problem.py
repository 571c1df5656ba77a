from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.csv_row_error_out import CsvRowErrorOut





T = TypeVar("T", bound="CsvInvalidProblem")



@_attrs_define
class CsvInvalidProblem:
    """ 
        Attributes:
            code (str):
            detail (str):
            error_count (int):
            errors (list[CsvRowErrorOut]):
            instance (str):
            status (int):
            title (str):
            type_ (str):
     """

    code: str
    detail: str
    error_count: int
    errors: list[CsvRowErrorOut]
    instance: str
    status: int
    title: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.csv_row_error_out import CsvRowErrorOut # noqa: PLC0415
        code = self.code

        detail = self.detail

        error_count = self.error_count

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        instance = self.instance

        status = self.status

        title = self.title

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "detail": detail,
            "error_count": error_count,
            "errors": errors,
            "instance": instance,
            "status": status,
            "title": title,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.csv_row_error_out import CsvRowErrorOut # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        detail = d.pop("detail")

        error_count = d.pop("error_count")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = CsvRowErrorOut.from_dict(errors_item_data)



            errors.append(errors_item)


        instance = d.pop("instance")

        status = d.pop("status")

        title = d.pop("title")

        type_ = d.pop("type")

        csv_invalid_problem = cls(
            code=code,
            detail=detail,
            error_count=error_count,
            errors=errors,
            instance=instance,
            status=status,
            title=title,
            type_=type_,
        )


        csv_invalid_problem.additional_properties = d
        return csv_invalid_problem

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
