from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.global_scope_in_id_type_1 import GlobalScopeInIdType1
from ..models.global_scope_in_id_type_2_type_1 import GlobalScopeInIdType2Type1
from ..models.global_scope_in_id_type_3_type_1 import GlobalScopeInIdType3Type1
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="GlobalScopeIn")



@_attrs_define
class GlobalScopeIn:
    """ 
        Attributes:
            kind (Literal['global']):
            id (GlobalScopeInIdType1 | GlobalScopeInIdType2Type1 | GlobalScopeInIdType3Type1 | None | Unset):
     """

    kind: Literal['global']
    id: GlobalScopeInIdType1 | GlobalScopeInIdType2Type1 | GlobalScopeInIdType3Type1 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, GlobalScopeInIdType1):
            id = self.id.value
        elif isinstance(self.id, GlobalScopeInIdType2Type1):
            id = self.id.value
        elif isinstance(self.id, GlobalScopeInIdType3Type1):
            id = self.id.value
        else:
            id = self.id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
        })
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal['global'] , d.pop("kind"))
        if kind != 'global':
            raise ValueError(f"kind must match const 'global', got '{kind}'")

        def _parse_id(data: object) -> GlobalScopeInIdType1 | GlobalScopeInIdType2Type1 | GlobalScopeInIdType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_1 = GlobalScopeInIdType1(data)



                return id_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_2_type_1 = GlobalScopeInIdType2Type1(data)



                return id_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_3_type_1 = GlobalScopeInIdType3Type1(data)



                return id_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GlobalScopeInIdType1 | GlobalScopeInIdType2Type1 | GlobalScopeInIdType3Type1 | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        global_scope_in = cls(
            kind=kind,
            id=id,
        )


        global_scope_in.additional_properties = d
        return global_scope_in

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
