from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.keyword_out import KeywordOut





T = TypeVar("T", bound="KeywordsOut")



@_attrs_define
class KeywordsOut:
    """ 
        Attributes:
            keywords (list[KeywordOut]):
            method (str | Unset):  Default: 'candidate 1..max_ngram-grams without leading or trailing stop words, embedded
                with the sentence encoder; chosen by maximal marginal relevance: (1 - diversity) x cos(phrase, text) - diversity
                x max cos(phrase, chosen); score = cos(phrase, text)'.
     """

    keywords: list[KeywordOut]
    method: str | Unset = 'candidate 1..max_ngram-grams without leading or trailing stop words, embedded with the sentence encoder; chosen by maximal marginal relevance: (1 - diversity) x cos(phrase, text) - diversity x max cos(phrase, chosen); score = cos(phrase, text)'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.keyword_out import KeywordOut # noqa: PLC0415
        keywords = []
        for keywords_item_data in self.keywords:
            keywords_item = keywords_item_data.to_dict()
            keywords.append(keywords_item)



        method = self.method


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "keywords": keywords,
        })
        if method is not UNSET:
            field_dict["method"] = method

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.keyword_out import KeywordOut # noqa: PLC0415
        d = dict(src_dict)
        keywords = []
        _keywords = d.pop("keywords")
        for keywords_item_data in (_keywords):
            keywords_item = KeywordOut.from_dict(keywords_item_data)



            keywords.append(keywords_item)


        method = d.pop("method", UNSET)

        keywords_out = cls(
            keywords=keywords,
            method=method,
        )


        keywords_out.additional_properties = d
        return keywords_out

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
