from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.workspace_in_layout_json import WorkspaceInLayoutJson





T = TypeVar("T", bound="WorkspaceIn")



@_attrs_define
class WorkspaceIn:
    """ 
        Attributes:
            layout_json (WorkspaceInLayoutJson):
            workspace_name (str):
            is_default (bool | Unset):  Default: False.
     """

    layout_json: WorkspaceInLayoutJson
    workspace_name: str
    is_default: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.workspace_in_layout_json import WorkspaceInLayoutJson # noqa: PLC0415
        layout_json = self.layout_json.to_dict()

        workspace_name = self.workspace_name

        is_default = self.is_default


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "layout_json": layout_json,
            "workspace_name": workspace_name,
        })
        if is_default is not UNSET:
            field_dict["is_default"] = is_default

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_in_layout_json import WorkspaceInLayoutJson # noqa: PLC0415
        d = dict(src_dict)
        layout_json = WorkspaceInLayoutJson.from_dict(d.pop("layout_json"))




        workspace_name = d.pop("workspace_name")

        is_default = d.pop("is_default", UNSET)

        workspace_in = cls(
            layout_json=layout_json,
            workspace_name=workspace_name,
            is_default=is_default,
        )


        workspace_in.additional_properties = d
        return workspace_in

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
