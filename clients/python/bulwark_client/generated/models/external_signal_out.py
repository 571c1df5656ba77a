from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.strategies_decision_out import StrategiesDecisionOut





T = TypeVar("T", bound="ExternalSignalOut")



@_attrs_define
class ExternalSignalOut:
    """ 
        Attributes:
            decisions (list[StrategiesDecisionOut]):
            signal_id (str):
     """

    decisions: list[StrategiesDecisionOut]
    signal_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.strategies_decision_out import StrategiesDecisionOut # noqa: PLC0415
        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)



        signal_id = self.signal_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "decisions": decisions,
            "signal_id": signal_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.strategies_decision_out import StrategiesDecisionOut # noqa: PLC0415
        d = dict(src_dict)
        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in (_decisions):
            decisions_item = StrategiesDecisionOut.from_dict(decisions_item_data)



            decisions.append(decisions_item)


        signal_id = d.pop("signal_id")

        external_signal_out = cls(
            decisions=decisions,
            signal_id=signal_id,
        )


        external_signal_out.additional_properties = d
        return external_signal_out

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
