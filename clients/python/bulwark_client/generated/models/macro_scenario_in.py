from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.macro_scenario_in_shocks import MacroScenarioInShocks





T = TypeVar("T", bound="MacroScenarioIn")



@_attrs_define
class MacroScenarioIn:
    """ 
        Attributes:
            name (str):
            shocks (MacroScenarioInShocks): factor -> move: equity, oil, usd as fractions (-0.2 = -20 %); rates, credit in
                basis points
     """

    name: str
    shocks: MacroScenarioInShocks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.macro_scenario_in_shocks import MacroScenarioInShocks # noqa: PLC0415
        name = self.name

        shocks = self.shocks.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "shocks": shocks,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.macro_scenario_in_shocks import MacroScenarioInShocks # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        shocks = MacroScenarioInShocks.from_dict(d.pop("shocks"))




        macro_scenario_in = cls(
            name=name,
            shocks=shocks,
        )


        macro_scenario_in.additional_properties = d
        return macro_scenario_in

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
