from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CrackSpreadIn")



@_attrs_define
class CrackSpreadIn:
    """ 
        Attributes:
            crude_usd_per_bbl (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5"
            distillate_usd_per_gal (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5"
            gasoline_usd_per_gal (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5"
            as_of (datetime.date | None | Unset):
            ratio (list[int] | Unset): [3, 2, 1] (default), [5, 3, 2] ...
     """

    crude_usd_per_bbl: str
    distillate_usd_per_gal: str
    gasoline_usd_per_gal: str
    as_of: datetime.date | None | Unset = UNSET
    ratio: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        crude_usd_per_bbl = self.crude_usd_per_bbl

        distillate_usd_per_gal = self.distillate_usd_per_gal

        gasoline_usd_per_gal = self.gasoline_usd_per_gal

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        ratio: list[int] | Unset = UNSET
        if not isinstance(self.ratio, Unset):
            ratio = self.ratio




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "crude_usd_per_bbl": crude_usd_per_bbl,
            "distillate_usd_per_gal": distillate_usd_per_gal,
            "gasoline_usd_per_gal": gasoline_usd_per_gal,
        })
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if ratio is not UNSET:
            field_dict["ratio"] = ratio

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        crude_usd_per_bbl = d.pop("crude_usd_per_bbl")

        distillate_usd_per_gal = d.pop("distillate_usd_per_gal")

        gasoline_usd_per_gal = d.pop("gasoline_usd_per_gal")

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)



                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))


        ratio = cast(list[int], d.pop("ratio", UNSET))


        crack_spread_in = cls(
            crude_usd_per_bbl=crude_usd_per_bbl,
            distillate_usd_per_gal=distillate_usd_per_gal,
            gasoline_usd_per_gal=gasoline_usd_per_gal,
            as_of=as_of,
            ratio=ratio,
        )


        crack_spread_in.additional_properties = d
        return crack_spread_in

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
