from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="EsgHoldingScoreOut")



@_attrs_define
class EsgHoldingScoreOut:
    """ 
        Attributes:
            environmental (None | str):
            governance (None | str):
            score (None | str):
            social (None | str):
            symbol (str):
            value (str):
            weight (str):
     """

    environmental: None | str
    governance: None | str
    score: None | str
    social: None | str
    symbol: str
    value: str
    weight: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        environmental: None | str
        environmental = self.environmental

        governance: None | str
        governance = self.governance

        score: None | str
        score = self.score

        social: None | str
        social = self.social

        symbol = self.symbol

        value = self.value

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "environmental": environmental,
            "governance": governance,
            "score": score,
            "social": social,
            "symbol": symbol,
            "value": value,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_environmental(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        environmental = _parse_environmental(d.pop("environmental"))


        def _parse_governance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        governance = _parse_governance(d.pop("governance"))


        def _parse_score(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        score = _parse_score(d.pop("score"))


        def _parse_social(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        social = _parse_social(d.pop("social"))


        symbol = d.pop("symbol")

        value = d.pop("value")

        weight = d.pop("weight")

        esg_holding_score_out = cls(
            environmental=environmental,
            governance=governance,
            score=score,
            social=social,
            symbol=symbol,
            value=value,
            weight=weight,
        )


        esg_holding_score_out.additional_properties = d
        return esg_holding_score_out

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
