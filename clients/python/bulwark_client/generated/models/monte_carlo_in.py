from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MonteCarloIn")



@_attrs_define
class MonteCarloIn:
    """ 
        Attributes:
            annual_return (float | None | Unset): Expected simple annual return (nominal), (-1, 1]; left out: the profile's
                mix
            annual_volatility (float | None | Unset): Annual volatility of the log return, [0, 2]; left out: the profile's
                mix
            currency (None | str | Unset): With from_holdings: the currency of the holdings summed (ISO 4217); null: USD
            from_holdings (bool | Unset): Fill the fields left out from what is stored: wealth = your holdings, the return
                and volatility fitted from their daily history (docs/planning.md) Default: False.
            horizon_months (int | None | Unset): Months simulated, 1..1200; left out: the profile's horizon
            inflation_rate (float | Unset): Annual inflation growing the withdrawals Default: 0.0.
            initial_wealth (float | None | Unset): Wealth today, >= 0; left out with from_holdings: your holdings
            monthly_contribution (float | None | Unset): Added each month until retirement; left out: 0, or with
                from_holdings your retirement plans' contributions of the last 365 days / 12
            monthly_withdrawal (float | Unset): Withdrawn each month after retirement, in today's money (inflated) Default:
                0.0.
            paths (int | Unset): Simulated paths; paths x horizon_months <= 10,000,000 Default: 10000.
            retirement_age (int | None | Unset): With from_holdings: the age you retire at, 1..120
            retirement_month (int | None | Unset): Last month of contributions, 0..horizon_months; left out with
                from_holdings and retirement_age: from a kept retirement plan's birth date
            seed (int | Unset): Random seed: the same plan and seed give the same figures Default: 0.
            student_t_dof (float | None | Unset): Student-t degrees of freedom (> 2) for fat tails; null: normal
            target_wealth (float | None | Unset): When given, the answer holds P(ending wealth > target)
     """

    annual_return: float | None | Unset = UNSET
    annual_volatility: float | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    from_holdings: bool | Unset = False
    horizon_months: int | None | Unset = UNSET
    inflation_rate: float | Unset = 0.0
    initial_wealth: float | None | Unset = UNSET
    monthly_contribution: float | None | Unset = UNSET
    monthly_withdrawal: float | Unset = 0.0
    paths: int | Unset = 10000
    retirement_age: int | None | Unset = UNSET
    retirement_month: int | None | Unset = UNSET
    seed: int | Unset = 0
    student_t_dof: float | None | Unset = UNSET
    target_wealth: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        annual_return: float | None | Unset
        if isinstance(self.annual_return, Unset):
            annual_return = UNSET
        else:
            annual_return = self.annual_return

        annual_volatility: float | None | Unset
        if isinstance(self.annual_volatility, Unset):
            annual_volatility = UNSET
        else:
            annual_volatility = self.annual_volatility

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        from_holdings = self.from_holdings

        horizon_months: int | None | Unset
        if isinstance(self.horizon_months, Unset):
            horizon_months = UNSET
        else:
            horizon_months = self.horizon_months

        inflation_rate = self.inflation_rate

        initial_wealth: float | None | Unset
        if isinstance(self.initial_wealth, Unset):
            initial_wealth = UNSET
        else:
            initial_wealth = self.initial_wealth

        monthly_contribution: float | None | Unset
        if isinstance(self.monthly_contribution, Unset):
            monthly_contribution = UNSET
        else:
            monthly_contribution = self.monthly_contribution

        monthly_withdrawal = self.monthly_withdrawal

        paths = self.paths

        retirement_age: int | None | Unset
        if isinstance(self.retirement_age, Unset):
            retirement_age = UNSET
        else:
            retirement_age = self.retirement_age

        retirement_month: int | None | Unset
        if isinstance(self.retirement_month, Unset):
            retirement_month = UNSET
        else:
            retirement_month = self.retirement_month

        seed = self.seed

        student_t_dof: float | None | Unset
        if isinstance(self.student_t_dof, Unset):
            student_t_dof = UNSET
        else:
            student_t_dof = self.student_t_dof

        target_wealth: float | None | Unset
        if isinstance(self.target_wealth, Unset):
            target_wealth = UNSET
        else:
            target_wealth = self.target_wealth


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if annual_return is not UNSET:
            field_dict["annual_return"] = annual_return
        if annual_volatility is not UNSET:
            field_dict["annual_volatility"] = annual_volatility
        if currency is not UNSET:
            field_dict["currency"] = currency
        if from_holdings is not UNSET:
            field_dict["from_holdings"] = from_holdings
        if horizon_months is not UNSET:
            field_dict["horizon_months"] = horizon_months
        if inflation_rate is not UNSET:
            field_dict["inflation_rate"] = inflation_rate
        if initial_wealth is not UNSET:
            field_dict["initial_wealth"] = initial_wealth
        if monthly_contribution is not UNSET:
            field_dict["monthly_contribution"] = monthly_contribution
        if monthly_withdrawal is not UNSET:
            field_dict["monthly_withdrawal"] = monthly_withdrawal
        if paths is not UNSET:
            field_dict["paths"] = paths
        if retirement_age is not UNSET:
            field_dict["retirement_age"] = retirement_age
        if retirement_month is not UNSET:
            field_dict["retirement_month"] = retirement_month
        if seed is not UNSET:
            field_dict["seed"] = seed
        if student_t_dof is not UNSET:
            field_dict["student_t_dof"] = student_t_dof
        if target_wealth is not UNSET:
            field_dict["target_wealth"] = target_wealth

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_annual_return(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        annual_return = _parse_annual_return(d.pop("annual_return", UNSET))


        def _parse_annual_volatility(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        annual_volatility = _parse_annual_volatility(d.pop("annual_volatility", UNSET))


        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))


        from_holdings = d.pop("from_holdings", UNSET)

        def _parse_horizon_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        horizon_months = _parse_horizon_months(d.pop("horizon_months", UNSET))


        inflation_rate = d.pop("inflation_rate", UNSET)

        def _parse_initial_wealth(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        initial_wealth = _parse_initial_wealth(d.pop("initial_wealth", UNSET))


        def _parse_monthly_contribution(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        monthly_contribution = _parse_monthly_contribution(d.pop("monthly_contribution", UNSET))


        monthly_withdrawal = d.pop("monthly_withdrawal", UNSET)

        paths = d.pop("paths", UNSET)

        def _parse_retirement_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        retirement_age = _parse_retirement_age(d.pop("retirement_age", UNSET))


        def _parse_retirement_month(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        retirement_month = _parse_retirement_month(d.pop("retirement_month", UNSET))


        seed = d.pop("seed", UNSET)

        def _parse_student_t_dof(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        student_t_dof = _parse_student_t_dof(d.pop("student_t_dof", UNSET))


        def _parse_target_wealth(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        target_wealth = _parse_target_wealth(d.pop("target_wealth", UNSET))


        monte_carlo_in = cls(
            annual_return=annual_return,
            annual_volatility=annual_volatility,
            currency=currency,
            from_holdings=from_holdings,
            horizon_months=horizon_months,
            inflation_rate=inflation_rate,
            initial_wealth=initial_wealth,
            monthly_contribution=monthly_contribution,
            monthly_withdrawal=monthly_withdrawal,
            paths=paths,
            retirement_age=retirement_age,
            retirement_month=retirement_month,
            seed=seed,
            student_t_dof=student_t_dof,
            target_wealth=target_wealth,
        )


        monte_carlo_in.additional_properties = d
        return monte_carlo_in

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
