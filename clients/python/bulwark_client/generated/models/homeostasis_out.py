from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.excluded_account_out import ExcludedAccountOut
  from ..models.holding_part_out import HoldingPartOut
  from ..models.left_out_holding_out import LeftOutHoldingOut





T = TypeVar("T", bound="HomeostasisOut")



@_attrs_define
class HomeostasisOut:
    """ 
        Attributes:
            accounts_counted (int):
            accounts_equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            annual_expenses (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            autopilot (bool):
            autopilot_changed_at (datetime.datetime | None):
            currency (str):
            excluded_accounts (list[ExcludedAccountOut]):
            freedom_number (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            gap (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places, rounded
                half-even, never in exponent notation
            holdings (list[HoldingPartOut]): Every holding counted, with its source
            left_out (list[LeftOutHoldingOut]): Every holding not counted, and why
            other_assets (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            progress (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
            progress_capped (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            reached (bool):
            safe_withdrawal_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal
                places, rounded half-even, never in exponent notation
            wealth (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            years_covered (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            years_to_freedom (None | str): With annual_savings and real_return: years until reached (null: never or not
                asked)
     """

    accounts_counted: int
    accounts_equity: str
    annual_expenses: str
    autopilot: bool
    autopilot_changed_at: datetime.datetime | None
    currency: str
    excluded_accounts: list[ExcludedAccountOut]
    freedom_number: str
    gap: str
    holdings: list[HoldingPartOut]
    left_out: list[LeftOutHoldingOut]
    other_assets: str
    progress: str
    progress_capped: str
    reached: bool
    safe_withdrawal_rate: str
    wealth: str
    years_covered: str
    years_to_freedom: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.excluded_account_out import ExcludedAccountOut # noqa: PLC0415
        from ..models.holding_part_out import HoldingPartOut # noqa: PLC0415
        from ..models.left_out_holding_out import LeftOutHoldingOut # noqa: PLC0415
        accounts_counted = self.accounts_counted

        accounts_equity = self.accounts_equity

        annual_expenses = self.annual_expenses

        autopilot = self.autopilot

        autopilot_changed_at: None | str
        if isinstance(self.autopilot_changed_at, datetime.datetime):
            autopilot_changed_at = self.autopilot_changed_at.isoformat()
        else:
            autopilot_changed_at = self.autopilot_changed_at

        currency = self.currency

        excluded_accounts = []
        for excluded_accounts_item_data in self.excluded_accounts:
            excluded_accounts_item = excluded_accounts_item_data.to_dict()
            excluded_accounts.append(excluded_accounts_item)



        freedom_number = self.freedom_number

        gap = self.gap

        holdings = []
        for holdings_item_data in self.holdings:
            holdings_item = holdings_item_data.to_dict()
            holdings.append(holdings_item)



        left_out = []
        for left_out_item_data in self.left_out:
            left_out_item = left_out_item_data.to_dict()
            left_out.append(left_out_item)



        other_assets = self.other_assets

        progress = self.progress

        progress_capped = self.progress_capped

        reached = self.reached

        safe_withdrawal_rate = self.safe_withdrawal_rate

        wealth = self.wealth

        years_covered = self.years_covered

        years_to_freedom: None | str
        years_to_freedom = self.years_to_freedom


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts_counted": accounts_counted,
            "accounts_equity": accounts_equity,
            "annual_expenses": annual_expenses,
            "autopilot": autopilot,
            "autopilot_changed_at": autopilot_changed_at,
            "currency": currency,
            "excluded_accounts": excluded_accounts,
            "freedom_number": freedom_number,
            "gap": gap,
            "holdings": holdings,
            "left_out": left_out,
            "other_assets": other_assets,
            "progress": progress,
            "progress_capped": progress_capped,
            "reached": reached,
            "safe_withdrawal_rate": safe_withdrawal_rate,
            "wealth": wealth,
            "years_covered": years_covered,
            "years_to_freedom": years_to_freedom,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.excluded_account_out import ExcludedAccountOut # noqa: PLC0415
        from ..models.holding_part_out import HoldingPartOut # noqa: PLC0415
        from ..models.left_out_holding_out import LeftOutHoldingOut # noqa: PLC0415
        d = dict(src_dict)
        accounts_counted = d.pop("accounts_counted")

        accounts_equity = d.pop("accounts_equity")

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

        excluded_accounts = []
        _excluded_accounts = d.pop("excluded_accounts")
        for excluded_accounts_item_data in (_excluded_accounts):
            excluded_accounts_item = ExcludedAccountOut.from_dict(excluded_accounts_item_data)



            excluded_accounts.append(excluded_accounts_item)


        freedom_number = d.pop("freedom_number")

        gap = d.pop("gap")

        holdings = []
        _holdings = d.pop("holdings")
        for holdings_item_data in (_holdings):
            holdings_item = HoldingPartOut.from_dict(holdings_item_data)



            holdings.append(holdings_item)


        left_out = []
        _left_out = d.pop("left_out")
        for left_out_item_data in (_left_out):
            left_out_item = LeftOutHoldingOut.from_dict(left_out_item_data)



            left_out.append(left_out_item)


        other_assets = d.pop("other_assets")

        progress = d.pop("progress")

        progress_capped = d.pop("progress_capped")

        reached = d.pop("reached")

        safe_withdrawal_rate = d.pop("safe_withdrawal_rate")

        wealth = d.pop("wealth")

        years_covered = d.pop("years_covered")

        def _parse_years_to_freedom(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        years_to_freedom = _parse_years_to_freedom(d.pop("years_to_freedom"))


        homeostasis_out = cls(
            accounts_counted=accounts_counted,
            accounts_equity=accounts_equity,
            annual_expenses=annual_expenses,
            autopilot=autopilot,
            autopilot_changed_at=autopilot_changed_at,
            currency=currency,
            excluded_accounts=excluded_accounts,
            freedom_number=freedom_number,
            gap=gap,
            holdings=holdings,
            left_out=left_out,
            other_assets=other_assets,
            progress=progress,
            progress_capped=progress_capped,
            reached=reached,
            safe_withdrawal_rate=safe_withdrawal_rate,
            wealth=wealth,
            years_covered=years_covered,
            years_to_freedom=years_to_freedom,
        )


        homeostasis_out.additional_properties = d
        return homeostasis_out

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
