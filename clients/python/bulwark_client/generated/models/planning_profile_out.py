from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PlanningProfileOut")



@_attrs_define
class PlanningProfileOut:
    """ 
        Attributes:
            annual_expenses (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            autopilot (bool):
            autopilot_changed_at (datetime.datetime | None):
            currency (str):
            other_assets (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            safe_withdrawal_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            updated_at (datetime.datetime):
     """

    annual_expenses: str
    autopilot: bool
    autopilot_changed_at: datetime.datetime | None
    currency: str
    other_assets: str
    safe_withdrawal_rate: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        annual_expenses = self.annual_expenses

        autopilot = self.autopilot

        autopilot_changed_at: None | str
        if isinstance(self.autopilot_changed_at, datetime.datetime):
            autopilot_changed_at = self.autopilot_changed_at.isoformat()
        else:
            autopilot_changed_at = self.autopilot_changed_at

        currency = self.currency

        other_assets = self.other_assets

        safe_withdrawal_rate = self.safe_withdrawal_rate

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annual_expenses": annual_expenses,
            "autopilot": autopilot,
            "autopilot_changed_at": autopilot_changed_at,
            "currency": currency,
            "other_assets": other_assets,
            "safe_withdrawal_rate": safe_withdrawal_rate,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_expenses = d.pop("annual_expenses")

        autopilot = d.pop("autopilot")

        def _parse_autopilot_changed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                autopilot_changed_at_type_0 = datetime.datetime.fromisoformat(data)



                return autopilot_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        autopilot_changed_at = _parse_autopilot_changed_at(d.pop("autopilot_changed_at"))


        currency = d.pop("currency")

        other_assets = d.pop("other_assets")

        safe_withdrawal_rate = d.pop("safe_withdrawal_rate")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        planning_profile_out = cls(
            annual_expenses=annual_expenses,
            autopilot=autopilot,
            autopilot_changed_at=autopilot_changed_at,
            currency=currency,
            other_assets=other_assets,
            safe_withdrawal_rate=safe_withdrawal_rate,
            updated_at=updated_at,
        )


        planning_profile_out.additional_properties = d
        return planning_profile_out

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
