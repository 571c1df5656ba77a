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





T = TypeVar("T", bound="StrategyIn")



@_attrs_define
class StrategyIn:
    """ 
        Attributes:
            account_ids (list[str]):
            name (str):
            sources (list[SourceIn]):
            confirm_risk (bool | Unset): Run live although above your risk tolerance (audited) Default: False.
            entry (EntryIn | None | Unset):
            exit_ (ExitIn | None | Unset):
            mode (StrategyMode | Unset): What the strategy does with its decisions.

                    off: ignores signals. shadow: decides and records, sends no order. paper: orders on paper
                    accounts only. live: orders on any of its accounts (enabling it needs the owner's passcode).

            passcode (None | str | Unset):
            sizing (None | StrategiesSizingIn | Unset):
     """

    account_ids: list[str]
    name: str
    sources: list[SourceIn]
    confirm_risk: bool | Unset = False
    entry: EntryIn | None | Unset = UNSET
    exit_: ExitIn | None | Unset = UNSET
    mode: StrategyMode | Unset = UNSET
    passcode: None | str | Unset = UNSET
    sizing: None | StrategiesSizingIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entry_in import EntryIn # noqa: PLC0415
        from ..models.exit_in import ExitIn # noqa: PLC0415
        from ..models.source_in import SourceIn # noqa: PLC0415
        from ..models.strategies_sizing_in import StrategiesSizingIn # noqa: PLC0415
        account_ids = self.account_ids



        name = self.name

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



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

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value


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


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_ids": account_ids,
            "name": name,
            "sources": sources,
        })
        if confirm_risk is not UNSET:
            field_dict["confirm_risk"] = confirm_risk
        if entry is not UNSET:
            field_dict["entry"] = entry
        if exit_ is not UNSET:
            field_dict["exit"] = exit_
        if mode is not UNSET:
            field_dict["mode"] = mode
        if passcode is not UNSET:
            field_dict["passcode"] = passcode
        if sizing is not UNSET:
            field_dict["sizing"] = sizing

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_in import EntryIn # noqa: PLC0415
        from ..models.exit_in import ExitIn # noqa: PLC0415
        from ..models.source_in import SourceIn # noqa: PLC0415
        from ..models.strategies_sizing_in import StrategiesSizingIn # noqa: PLC0415
        d = dict(src_dict)
        account_ids = cast(list[str], d.pop("account_ids"))


        name = d.pop("name")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceIn.from_dict(sources_item_data)



            sources.append(sources_item)


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


        _mode = d.pop("mode", UNSET)
        mode: StrategyMode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = StrategyMode(_mode)




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


        strategy_in = cls(
            account_ids=account_ids,
            name=name,
            sources=sources,
            confirm_risk=confirm_risk,
            entry=entry,
            exit_=exit_,
            mode=mode,
            passcode=passcode,
            sizing=sizing,
        )


        strategy_in.additional_properties = d
        return strategy_in

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
