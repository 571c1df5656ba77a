from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.trading_state import TradingState
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.scope_out import ScopeOut





T = TypeVar("T", bound="ScopeStateOut")



@_attrs_define
class ScopeStateOut:
    """ 
        Attributes:
            changed_by (str):
            reason (str):
            scope (ScopeOut):
            state (TradingState): How much trading a scope allows; a higher `severity` is more restrictive.
            changed_at (datetime.datetime | None | Unset):
     """

    changed_by: str
    reason: str
    scope: ScopeOut
    state: TradingState
    changed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.scope_out import ScopeOut # noqa: PLC0415
        changed_by = self.changed_by

        reason = self.reason

        scope = self.scope.to_dict()

        state = self.state.value

        changed_at: None | str | Unset
        if isinstance(self.changed_at, Unset):
            changed_at = UNSET
        elif isinstance(self.changed_at, datetime.datetime):
            changed_at = self.changed_at.isoformat()
        else:
            changed_at = self.changed_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "changed_by": changed_by,
            "reason": reason,
            "scope": scope,
            "state": state,
        })
        if changed_at is not UNSET:
            field_dict["changed_at"] = changed_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scope_out import ScopeOut # noqa: PLC0415
        d = dict(src_dict)
        changed_by = d.pop("changed_by")

        reason = d.pop("reason")

        scope = ScopeOut.from_dict(d.pop("scope"))




        state = TradingState(d.pop("state"))




        def _parse_changed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                changed_at_type_0 = datetime.datetime.fromisoformat(data)



                return changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        changed_at = _parse_changed_at(d.pop("changed_at", UNSET))


        scope_state_out = cls(
            changed_by=changed_by,
            reason=reason,
            scope=scope,
            state=state,
            changed_at=changed_at,
        )


        scope_state_out.additional_properties = d
        return scope_state_out

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
