from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.tax_bracket_out import TaxBracketOut





T = TypeVar("T", bound="TaxRatesOut")



@_attrs_define
class TaxRatesOut:
    """ 
        Attributes:
            filing_status (str):
            long_term (list[TaxBracketOut]): LTCG rate by total taxable income
            loss_limit (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            name (str): Where the figures come from (e.g. Rev. Proc. 2024-40)
            ordinary (list[TaxBracketOut]):
            tax_year (int | None):
     """

    filing_status: str
    long_term: list[TaxBracketOut]
    loss_limit: str
    name: str
    ordinary: list[TaxBracketOut]
    tax_year: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_bracket_out import TaxBracketOut # noqa: PLC0415
        filing_status = self.filing_status

        long_term = []
        for long_term_item_data in self.long_term:
            long_term_item = long_term_item_data.to_dict()
            long_term.append(long_term_item)



        loss_limit = self.loss_limit

        name = self.name

        ordinary = []
        for ordinary_item_data in self.ordinary:
            ordinary_item = ordinary_item_data.to_dict()
            ordinary.append(ordinary_item)



        tax_year: int | None
        tax_year = self.tax_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "filing_status": filing_status,
            "long_term": long_term,
            "loss_limit": loss_limit,
            "name": name,
            "ordinary": ordinary,
            "tax_year": tax_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_bracket_out import TaxBracketOut # noqa: PLC0415
        d = dict(src_dict)
        filing_status = d.pop("filing_status")

        long_term = []
        _long_term = d.pop("long_term")
        for long_term_item_data in (_long_term):
            long_term_item = TaxBracketOut.from_dict(long_term_item_data)



            long_term.append(long_term_item)


        loss_limit = d.pop("loss_limit")

        name = d.pop("name")

        ordinary = []
        _ordinary = d.pop("ordinary")
        for ordinary_item_data in (_ordinary):
            ordinary_item = TaxBracketOut.from_dict(ordinary_item_data)



            ordinary.append(ordinary_item)


        def _parse_tax_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        tax_year = _parse_tax_year(d.pop("tax_year"))


        tax_rates_out = cls(
            filing_status=filing_status,
            long_term=long_term,
            loss_limit=loss_limit,
            name=name,
            ordinary=ordinary,
            tax_year=tax_year,
        )


        tax_rates_out.additional_properties = d
        return tax_rates_out

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
