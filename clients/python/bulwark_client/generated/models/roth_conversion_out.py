from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RothConversionOut")



@_attrs_define
class RothConversionOut:
    """ 
        Attributes:
            advantage (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            assumptions (list[str]):
            brackets (str):
            break_even_future_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            effective_rate_now (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            federal_tax_now (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            from_profile (list[str]):
            marginal_rate_after (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            marginal_rate_before (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            notes (list[str]):
            roth_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            state_tax_now (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            tax_now (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            traditional_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    advantage: str
    amount: str
    assumptions: list[str]
    brackets: str
    break_even_future_rate: str
    effective_rate_now: str
    federal_tax_now: str
    from_profile: list[str]
    marginal_rate_after: str
    marginal_rate_before: str
    notes: list[str]
    roth_value: str
    state_tax_now: str
    tax_now: str
    traditional_value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        advantage = self.advantage

        amount = self.amount

        assumptions = self.assumptions



        brackets = self.brackets

        break_even_future_rate = self.break_even_future_rate

        effective_rate_now = self.effective_rate_now

        federal_tax_now = self.federal_tax_now

        from_profile = self.from_profile



        marginal_rate_after = self.marginal_rate_after

        marginal_rate_before = self.marginal_rate_before

        notes = self.notes



        roth_value = self.roth_value

        state_tax_now = self.state_tax_now

        tax_now = self.tax_now

        traditional_value = self.traditional_value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "advantage": advantage,
            "amount": amount,
            "assumptions": assumptions,
            "brackets": brackets,
            "break_even_future_rate": break_even_future_rate,
            "effective_rate_now": effective_rate_now,
            "federal_tax_now": federal_tax_now,
            "from_profile": from_profile,
            "marginal_rate_after": marginal_rate_after,
            "marginal_rate_before": marginal_rate_before,
            "notes": notes,
            "roth_value": roth_value,
            "state_tax_now": state_tax_now,
            "tax_now": tax_now,
            "traditional_value": traditional_value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advantage = d.pop("advantage")

        amount = d.pop("amount")

        assumptions = cast(list[str], d.pop("assumptions"))


        brackets = d.pop("brackets")

        break_even_future_rate = d.pop("break_even_future_rate")

        effective_rate_now = d.pop("effective_rate_now")

        federal_tax_now = d.pop("federal_tax_now")

        from_profile = cast(list[str], d.pop("from_profile"))


        marginal_rate_after = d.pop("marginal_rate_after")

        marginal_rate_before = d.pop("marginal_rate_before")

        notes = cast(list[str], d.pop("notes"))


        roth_value = d.pop("roth_value")

        state_tax_now = d.pop("state_tax_now")

        tax_now = d.pop("tax_now")

        traditional_value = d.pop("traditional_value")

        roth_conversion_out = cls(
            advantage=advantage,
            amount=amount,
            assumptions=assumptions,
            brackets=brackets,
            break_even_future_rate=break_even_future_rate,
            effective_rate_now=effective_rate_now,
            federal_tax_now=federal_tax_now,
            from_profile=from_profile,
            marginal_rate_after=marginal_rate_after,
            marginal_rate_before=marginal_rate_before,
            notes=notes,
            roth_value=roth_value,
            state_tax_now=state_tax_now,
            tax_now=tax_now,
            traditional_value=traditional_value,
        )


        roth_conversion_out.additional_properties = d
        return roth_conversion_out

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
