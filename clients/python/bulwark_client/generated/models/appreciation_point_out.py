from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AppreciationPointOut")



@_attrs_define
class AppreciationPointOut:
    """ 
        Attributes:
            annualized_return (float | None):
            as_of (datetime.date):
            change (None | str):
            change_fraction (None | str):
            source (str):
            total_appreciation (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            total_return (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    annualized_return: float | None
    as_of: datetime.date
    change: None | str
    change_fraction: None | str
    source: str
    total_appreciation: str
    total_return: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        annualized_return: float | None
        annualized_return = self.annualized_return

        as_of = self.as_of.isoformat()

        change: None | str
        change = self.change

        change_fraction: None | str
        change_fraction = self.change_fraction

        source = self.source

        total_appreciation = self.total_appreciation

        total_return = self.total_return

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annualized_return": annualized_return,
            "as_of": as_of,
            "change": change,
            "change_fraction": change_fraction,
            "source": source,
            "total_appreciation": total_appreciation,
            "total_return": total_return,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_annualized_return(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        annualized_return = _parse_annualized_return(d.pop("annualized_return"))


        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        def _parse_change(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        change = _parse_change(d.pop("change"))


        def _parse_change_fraction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        change_fraction = _parse_change_fraction(d.pop("change_fraction"))


        source = d.pop("source")

        total_appreciation = d.pop("total_appreciation")

        total_return = d.pop("total_return")

        value = d.pop("value")

        appreciation_point_out = cls(
            annualized_return=annualized_return,
            as_of=as_of,
            change=change,
            change_fraction=change_fraction,
            source=source,
            total_appreciation=total_appreciation,
            total_return=total_return,
            value=value,
        )


        appreciation_point_out.additional_properties = d
        return appreciation_point_out

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
