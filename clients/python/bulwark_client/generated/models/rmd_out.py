from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RmdOut")



@_attrs_define
class RmdOut:
    """ 
        Attributes:
            age (int):
            amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            beginning_age (int):
            deadline (datetime.date | None):
            distribution_period (None | str):
            first_year (int):
            prior_year_end_balance (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            required (bool):
            source (str):
            year (int):
     """

    age: int
    amount: str
    beginning_age: int
    deadline: datetime.date | None
    distribution_period: None | str
    first_year: int
    prior_year_end_balance: str
    required: bool
    source: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        age = self.age

        amount = self.amount

        beginning_age = self.beginning_age

        deadline: None | str
        if isinstance(self.deadline, datetime.date):
            deadline = self.deadline.isoformat()
        else:
            deadline = self.deadline

        distribution_period: None | str
        distribution_period = self.distribution_period

        first_year = self.first_year

        prior_year_end_balance = self.prior_year_end_balance

        required = self.required

        source = self.source

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "age": age,
            "amount": amount,
            "beginning_age": beginning_age,
            "deadline": deadline,
            "distribution_period": distribution_period,
            "first_year": first_year,
            "prior_year_end_balance": prior_year_end_balance,
            "required": required,
            "source": source,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        age = d.pop("age")

        amount = d.pop("amount")

        beginning_age = d.pop("beginning_age")

        def _parse_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_type_0 = datetime.date.fromisoformat(data)



                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        deadline = _parse_deadline(d.pop("deadline"))


        def _parse_distribution_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        distribution_period = _parse_distribution_period(d.pop("distribution_period"))


        first_year = d.pop("first_year")

        prior_year_end_balance = d.pop("prior_year_end_balance")

        required = d.pop("required")

        source = d.pop("source")

        year = d.pop("year")

        rmd_out = cls(
            age=age,
            amount=amount,
            beginning_age=beginning_age,
            deadline=deadline,
            distribution_period=distribution_period,
            first_year=first_year,
            prior_year_end_balance=prior_year_end_balance,
            required=required,
            source=source,
            year=year,
        )


        rmd_out.additional_properties = d
        return rmd_out

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
