from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tax_bracket_in import TaxBracketIn





T = TypeVar("T", bound="TaxBracketsIn")



@_attrs_define
class TaxBracketsIn:
    """ 
        Attributes:
            long_term (list[TaxBracketIn]):
            ordinary (list[TaxBracketIn]):
            loss_limit (str | Unset): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as
                "12.5" Default: '3000'.
     """

    long_term: list[TaxBracketIn]
    ordinary: list[TaxBracketIn]
    loss_limit: str | Unset = '3000'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_bracket_in import TaxBracketIn # noqa: PLC0415
        long_term = []
        for long_term_item_data in self.long_term:
            long_term_item = long_term_item_data.to_dict()
            long_term.append(long_term_item)



        ordinary = []
        for ordinary_item_data in self.ordinary:
            ordinary_item = ordinary_item_data.to_dict()
            ordinary.append(ordinary_item)



        loss_limit = self.loss_limit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "long_term": long_term,
            "ordinary": ordinary,
        })
        if loss_limit is not UNSET:
            field_dict["loss_limit"] = loss_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_bracket_in import TaxBracketIn # noqa: PLC0415
        d = dict(src_dict)
        long_term = []
        _long_term = d.pop("long_term")
        for long_term_item_data in (_long_term):
            long_term_item = TaxBracketIn.from_dict(long_term_item_data)



            long_term.append(long_term_item)


        ordinary = []
        _ordinary = d.pop("ordinary")
        for ordinary_item_data in (_ordinary):
            ordinary_item = TaxBracketIn.from_dict(ordinary_item_data)



            ordinary.append(ordinary_item)


        loss_limit = d.pop("loss_limit", UNSET)

        tax_brackets_in = cls(
            long_term=long_term,
            ordinary=ordinary,
            loss_limit=loss_limit,
        )


        tax_brackets_in.additional_properties = d
        return tax_brackets_in

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
