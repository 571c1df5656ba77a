from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.workspace_out_layout_json import WorkspaceOutLayoutJson





T = TypeVar("T", bound="WorkspaceOut")



@_attrs_define
class WorkspaceOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            id (str):
            is_default (bool):
            layout_json (WorkspaceOutLayoutJson):
            updated_at (datetime.datetime):
            workspace_name (str):
     """

    created_at: datetime.datetime
    id: str
    is_default: bool
    layout_json: WorkspaceOutLayoutJson
    updated_at: datetime.datetime
    workspace_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.workspace_out_layout_json import WorkspaceOutLayoutJson # noqa: PLC0415
        created_at = self.created_at.isoformat()

        id = self.id

        is_default = self.is_default

        layout_json = self.layout_json.to_dict()

        updated_at = self.updated_at.isoformat()

        workspace_name = self.workspace_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "is_default": is_default,
            "layout_json": layout_json,
            "updated_at": updated_at,
            "workspace_name": workspace_name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_out_layout_json import WorkspaceOutLayoutJson # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        is_default = d.pop("is_default")

        layout_json = WorkspaceOutLayoutJson.from_dict(d.pop("layout_json"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        workspace_name = d.pop("workspace_name")

        workspace_out = cls(
            created_at=created_at,
            id=id,
            is_default=is_default,
            layout_json=layout_json,
            updated_at=updated_at,
            workspace_name=workspace_name,
        )


        workspace_out.additional_properties = d
        return workspace_out

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
