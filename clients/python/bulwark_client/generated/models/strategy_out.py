from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.entry_out import EntryOut
  from ..models.exit_out import ExitOut
  from ..models.source_out import SourceOut
  from ..models.strategies_sizing_out import StrategiesSizingOut





T = TypeVar("T", bound="StrategyOut")



@_attrs_define
class StrategyOut:
    """ 
        Attributes:
            account_ids (list[str]):
            created_at (datetime.datetime | None):
            entry (EntryOut):
            exit_ (ExitOut):
            id (str):
            mode (str):
            name (str):
            owner_id (str):
            sizing (StrategiesSizingOut):
            sources (list[SourceOut]):
            updated_at (datetime.datetime | None):
            version (int):
     """

    account_ids: list[str]
    created_at: datetime.datetime | None
    entry: EntryOut
    exit_: ExitOut
    id: str
    mode: str
    name: str
    owner_id: str
    sizing: StrategiesSizingOut
    sources: list[SourceOut]
    updated_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entry_out import EntryOut # noqa: PLC0415
        from ..models.exit_out import ExitOut # noqa: PLC0415
        from ..models.source_out import SourceOut # noqa: PLC0415
        from ..models.strategies_sizing_out import StrategiesSizingOut # noqa: PLC0415
        account_ids = self.account_ids



        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        entry = self.entry.to_dict()

        exit_ = self.exit_.to_dict()

        id = self.id

        mode = self.mode

        name = self.name

        owner_id = self.owner_id

        sizing = self.sizing.to_dict()

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_ids": account_ids,
            "created_at": created_at,
            "entry": entry,
            "exit": exit_,
            "id": id,
            "mode": mode,
            "name": name,
            "owner_id": owner_id,
            "sizing": sizing,
            "sources": sources,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_out import EntryOut # noqa: PLC0415
        from ..models.exit_out import ExitOut # noqa: PLC0415
        from ..models.source_out import SourceOut # noqa: PLC0415
        from ..models.strategies_sizing_out import StrategiesSizingOut # noqa: PLC0415
        d = dict(src_dict)
        account_ids = cast(list[str], d.pop("account_ids"))


        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))


        entry = EntryOut.from_dict(d.pop("entry"))




        exit_ = ExitOut.from_dict(d.pop("exit"))




        id = d.pop("id")

        mode = d.pop("mode")

        name = d.pop("name")

        owner_id = d.pop("owner_id")

        sizing = StrategiesSizingOut.from_dict(d.pop("sizing"))




        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceOut.from_dict(sources_item_data)



            sources.append(sources_item)


        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        version = d.pop("version")

        strategy_out = cls(
            account_ids=account_ids,
            created_at=created_at,
            entry=entry,
            exit_=exit_,
            id=id,
            mode=mode,
            name=name,
            owner_id=owner_id,
            sizing=sizing,
            sources=sources,
            updated_at=updated_at,
            version=version,
        )


        strategy_out.additional_properties = d
        return strategy_out

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
