from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contribution_in_source import ContributionInSource
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ContributionIn")



@_attrs_define
class ContributionIn:
    """ 
        Attributes:
            amount (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such as
                "12.5"
            contributed_on (datetime.date): In the tax year or the next (IRA: by the deadline)
            tax_year (int):
            source (ContributionInSource | Unset):  Default: ContributionInSource.EMPLOYEE.
     """

    amount: str
    contributed_on: datetime.date
    tax_year: int
    source: ContributionInSource | Unset = ContributionInSource.EMPLOYEE
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        contributed_on = self.contributed_on.isoformat()

        tax_year = self.tax_year

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "contributed_on": contributed_on,
            "tax_year": tax_year,
        })
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        contributed_on = datetime.date.fromisoformat(d.pop("contributed_on"))




        tax_year = d.pop("tax_year")

        _source = d.pop("source", UNSET)
        source: ContributionInSource | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = ContributionInSource(_source)




        contribution_in = cls(
            amount=amount,
            contributed_on=contributed_on,
            tax_year=tax_year,
            source=source,
        )


        contribution_in.additional_properties = d
        return contribution_in

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
