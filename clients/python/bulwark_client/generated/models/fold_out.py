from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FoldOut")



@_attrs_define
class FoldOut:
    """ 
        Attributes:
            fold (int):
            hit_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            ic (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            test_rows (int):
            train_rows (int):
     """

    fold: int
    hit_rate: float
    ic: float
    test_rows: int
    train_rows: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        fold = self.fold

        hit_rate = self.hit_rate

        ic = self.ic

        test_rows = self.test_rows

        train_rows = self.train_rows


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fold": fold,
            "hit_rate": hit_rate,
            "ic": ic,
            "test_rows": test_rows,
            "train_rows": train_rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fold = d.pop("fold")

        hit_rate = d.pop("hit_rate")

        ic = d.pop("ic")

        test_rows = d.pop("test_rows")

        train_rows = d.pop("train_rows")

        fold_out = cls(
            fold=fold,
            hit_rate=hit_rate,
            ic=ic,
            test_rows=test_rows,
            train_rows=train_rows,
        )


        fold_out.additional_properties = d
        return fold_out

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
