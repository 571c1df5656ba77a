from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="KeywordsIn")



@_attrs_define
class KeywordsIn:
    """ 
        Attributes:
            text (str):
            diversity (float | Unset):  Default: 0.5.
            max_ngram (int | Unset):  Default: 3.
            top_n (int | Unset):  Default: 5.
     """

    text: str
    diversity: float | Unset = 0.5
    max_ngram: int | Unset = 3
    top_n: int | Unset = 5
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        text = self.text

        diversity = self.diversity

        max_ngram = self.max_ngram

        top_n = self.top_n


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "text": text,
        })
        if diversity is not UNSET:
            field_dict["diversity"] = diversity
        if max_ngram is not UNSET:
            field_dict["max_ngram"] = max_ngram
        if top_n is not UNSET:
            field_dict["top_n"] = top_n

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        diversity = d.pop("diversity", UNSET)

        max_ngram = d.pop("max_ngram", UNSET)

        top_n = d.pop("top_n", UNSET)

        keywords_in = cls(
            text=text,
            diversity=diversity,
            max_ngram=max_ngram,
            top_n=top_n,
        )


        keywords_in.additional_properties = d
        return keywords_in

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
