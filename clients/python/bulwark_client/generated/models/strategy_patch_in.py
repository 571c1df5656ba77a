from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.strategy_mode import StrategyMode
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.entry_in import EntryIn
  from ..models.exit_in import ExitIn
  from ..models.source_in import SourceIn
  from ..models.strategies_sizing_in import StrategiesSizingIn





T = TypeVar("T", bound="StrategyPatchIn")



@_attrs_define
class StrategyPatchIn:
    """ 
        Attributes:
            version (int):
            account_ids (list[str] | None | Unset):
            confirm_risk (bool | Unset): Run live although above your risk tolerance (audited) Default: False.
            entry (EntryIn | None | Unset):
            exit_ (ExitIn | None | Unset):
            mode (None | StrategyMode | Unset):
            name (None | str | Unset):
            passcode (None | str | Unset):
            sizing (None | StrategiesSizingIn | Unset):
            sources (list[SourceIn] | None | Unset):
     """

    version: int
    account_ids: list[str] | None | Unset = UNSET
    confirm_risk: bool | Unset = False
    entry: EntryIn | None | Unset = UNSET
    exit_: ExitIn | None | Unset = UNSET
    mode: None | StrategyMode | Unset = UNSET
    name: None | str | Unset = UNSET
    passcode: None | str | Unset = UNSET
    sizing: None | StrategiesSizingIn | Unset = UNSET
    sources: list[SourceIn] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entry_in import EntryIn # noqa: PLC0415
        from ..models.exit_in import ExitIn # noqa: PLC0415
        from ..models.source_in import SourceIn # noqa: PLC0415
        from ..models.strategies_sizing_in import StrategiesSizingIn # noqa: PLC0415
        version = self.version

        account_ids: list[str] | None | Unset
        if isinstance(self.account_ids, Unset):
            account_ids = UNSET
        elif isinstance(self.account_ids, list):
            account_ids = self.account_ids


        else:
            account_ids = self.account_ids

        confirm_risk = self.confirm_risk

        entry: dict[str, Any] | None | Unset
        if isinstance(self.entry, Unset):
            entry = UNSET
        elif isinstance(self.entry, EntryIn):
            entry = self.entry.to_dict()
        else:
            entry = self.entry

        exit_: dict[str, Any] | None | Unset
        if isinstance(self.exit_, Unset):
            exit_ = UNSET
        elif isinstance(self.exit_, ExitIn):
            exit_ = self.exit_.to_dict()
        else:
            exit_ = self.exit_

        mode: None | str | Unset
        if isinstance(self.mode, Unset):
            mode = UNSET
        elif isinstance(self.mode, StrategyMode):
            mode = self.mode.value
        else:
            mode = self.mode

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        passcode: None | str | Unset
        if isinstance(self.passcode, Unset):
            passcode = UNSET
        else:
            passcode = self.passcode

        sizing: dict[str, Any] | None | Unset
        if isinstance(self.sizing, Unset):
            sizing = UNSET
        elif isinstance(self.sizing, StrategiesSizingIn):
            sizing = self.sizing.to_dict()
        else:
            sizing = self.sizing

        sources: list[dict[str, Any]] | None | Unset
        if isinstance(self.sources, Unset):
            sources = UNSET
        elif isinstance(self.sources, list):
            sources = []
            for sources_type_0_item_data in self.sources:
                sources_type_0_item = sources_type_0_item_data.to_dict()
                sources.append(sources_type_0_item)


        else:
            sources = self.sources


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "version": version,
        })
        if account_ids is not UNSET:
            field_dict["account_ids"] = account_ids
        if confirm_risk is not UNSET:
            field_dict["confirm_risk"] = confirm_risk
        if entry is not UNSET:
            field_dict["entry"] = entry
        if exit_ is not UNSET:
            field_dict["exit"] = exit_
        if mode is not UNSET:
            field_dict["mode"] = mode
        if name is not UNSET:
            field_dict["name"] = name
        if passcode is not UNSET:
            field_dict["passcode"] = passcode
        if sizing is not UNSET:
            field_dict["sizing"] = sizing
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_in import EntryIn # noqa: PLC0415
        from ..models.exit_in import ExitIn # noqa: PLC0415
        from ..models.source_in import SourceIn # noqa: PLC0415
        from ..models.strategies_sizing_in import StrategiesSizingIn # noqa: PLC0415
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_account_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                account_ids_type_0 = cast(list[str], data)

                return account_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        account_ids = _parse_account_ids(d.pop("account_ids", UNSET))


        confirm_risk = d.pop("confirm_risk", UNSET)

        def _parse_entry(data: object) -> EntryIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                entry_type_0 = EntryIn.from_dict(data)



                return entry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EntryIn | None | Unset, data)

        entry = _parse_entry(d.pop("entry", UNSET))


        def _parse_exit_(data: object) -> ExitIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exit_type_0 = ExitIn.from_dict(data)



                return exit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExitIn | None | Unset, data)

        exit_ = _parse_exit_(d.pop("exit", UNSET))


        def _parse_mode(data: object) -> None | StrategyMode | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_0 = StrategyMode(data)



                return mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StrategyMode | Unset, data)

        mode = _parse_mode(d.pop("mode", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_passcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        passcode = _parse_passcode(d.pop("passcode", UNSET))


        def _parse_sizing(data: object) -> None | StrategiesSizingIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sizing_type_0 = StrategiesSizingIn.from_dict(data)



                return sizing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StrategiesSizingIn | Unset, data)

        sizing = _parse_sizing(d.pop("sizing", UNSET))


        def _parse_sources(data: object) -> list[SourceIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sources_type_0 = []
                _sources_type_0 = data
                for sources_type_0_item_data in (_sources_type_0):
                    sources_type_0_item = SourceIn.from_dict(sources_type_0_item_data)



                    sources_type_0.append(sources_type_0_item)

                return sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SourceIn] | None | Unset, data)

        sources = _parse_sources(d.pop("sources", UNSET))


        strategy_patch_in = cls(
            version=version,
            account_ids=account_ids,
            confirm_risk=confirm_risk,
            entry=entry,
            exit_=exit_,
            mode=mode,
            name=name,
            passcode=passcode,
            sizing=sizing,
            sources=sources,
        )


        strategy_patch_in.additional_properties = d
        return strategy_patch_in

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
