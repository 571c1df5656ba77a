from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AggregationItemOut")



@_attrs_define
class AggregationItemOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            error_code (None | str):
            id (str):
            institution_id (None | str):
            last_synced_at (datetime.datetime | None):
            portfolio_id (None | str):
            status (str):
     """

    created_at: datetime.datetime
    error_code: None | str
    id: str
    institution_id: None | str
    last_synced_at: datetime.datetime | None
    portfolio_id: None | str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        error_code: None | str
        error_code = self.error_code

        id = self.id

        institution_id: None | str
        institution_id = self.institution_id

        last_synced_at: None | str
        if isinstance(self.last_synced_at, datetime.datetime):
            last_synced_at = self.last_synced_at.isoformat()
        else:
            last_synced_at = self.last_synced_at

        portfolio_id: None | str
        portfolio_id = self.portfolio_id

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "error_code": error_code,
            "id": id,
            "institution_id": institution_id,
            "last_synced_at": last_synced_at,
            "portfolio_id": portfolio_id,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_error_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_code = _parse_error_code(d.pop("error_code"))


        id = d.pop("id")

        def _parse_institution_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        institution_id = _parse_institution_id(d.pop("institution_id"))


        def _parse_last_synced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_synced_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_synced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_synced_at = _parse_last_synced_at(d.pop("last_synced_at"))


        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        status = d.pop("status")

        aggregation_item_out = cls(
            created_at=created_at,
            error_code=error_code,
            id=id,
            institution_id=institution_id,
            last_synced_at=last_synced_at,
            portfolio_id=portfolio_id,
            status=status,
        )


        aggregation_item_out.additional_properties = d
        return aggregation_item_out

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
