from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.held_correlation_out import HeldCorrelationOut
  from ..models.ledger_risk_conventions_out import LedgerRiskConventionsOut
  from ..models.ledger_risk_holding_out import LedgerRiskHoldingOut
  from ..models.ledger_risk_income_out import LedgerRiskIncomeOut





T = TypeVar("T", bound="LedgerRiskOut")



@_attrs_define
class LedgerRiskOut:
    """ 
        Attributes:
            average_value (None | str): Mean of the backcast series
            benchmark (str):
            beta (float | None):
            beta_points (int): Daily returns paired with the benchmark's
            computed_at (datetime.datetime): When this answer was computed (it is cached)
            conventions (LedgerRiskConventionsOut):
            currency (str):
            dividend_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            end (datetime.date):
            held_correlation (HeldCorrelationOut | None):
            held_correlation_note (None | str): Why `held_correlation` is null (no stored bars, too few days)
            holdings (list[LedgerRiskHoldingOut]): The backcast's fixed quantities
            left_out (list[str]): Positions not in the backcast, 'SYMBOL: why'
            long_term_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            max_drawdown (float | None): A fraction of the running peak
            points (int): Days in the backcast series
            portfolio_id (str):
            realised (LedgerRiskIncomeOut):
            reasons (list[str]): Why a figure is null
            risk_free (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            sharpe (float | None):
            short_term_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            start (datetime.date): The window's first day: end - window_days
            tax_cost (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            tax_drag (float | None): tax_cost / average_value
            volatility_annual (float | None):
            window_days (int):
     """

    average_value: None | str
    benchmark: str
    beta: float | None
    beta_points: int
    computed_at: datetime.datetime
    conventions: LedgerRiskConventionsOut
    currency: str
    dividend_rate: str
    end: datetime.date
    held_correlation: HeldCorrelationOut | None
    held_correlation_note: None | str
    holdings: list[LedgerRiskHoldingOut]
    left_out: list[str]
    long_term_rate: str
    max_drawdown: float | None
    points: int
    portfolio_id: str
    realised: LedgerRiskIncomeOut
    reasons: list[str]
    risk_free: float
    sharpe: float | None
    short_term_rate: str
    start: datetime.date
    tax_cost: str
    tax_drag: float | None
    volatility_annual: float | None
    window_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.held_correlation_out import HeldCorrelationOut # noqa: PLC0415
        from ..models.ledger_risk_conventions_out import LedgerRiskConventionsOut # noqa: PLC0415
        from ..models.ledger_risk_holding_out import LedgerRiskHoldingOut # noqa: PLC0415
        from ..models.ledger_risk_income_out import LedgerRiskIncomeOut # noqa: PLC0415
        average_value: None | str
        average_value = self.average_value

        benchmark = self.benchmark

        beta: float | None
        beta = self.beta

        beta_points = self.beta_points

        computed_at = self.computed_at.isoformat()

        conventions = self.conventions.to_dict()

        currency = self.currency

        dividend_rate = self.dividend_rate

        end = self.end.isoformat()

        held_correlation: dict[str, Any] | None
        if isinstance(self.held_correlation, HeldCorrelationOut):
            held_correlation = self.held_correlation.to_dict()
        else:
            held_correlation = self.held_correlation

        held_correlation_note: None | str
        held_correlation_note = self.held_correlation_note

        holdings = []
        for holdings_item_data in self.holdings:
            holdings_item = holdings_item_data.to_dict()
            holdings.append(holdings_item)



        left_out = self.left_out



        long_term_rate = self.long_term_rate

        max_drawdown: float | None
        max_drawdown = self.max_drawdown

        points = self.points

        portfolio_id = self.portfolio_id

        realised = self.realised.to_dict()

        reasons = self.reasons



        risk_free = self.risk_free

        sharpe: float | None
        sharpe = self.sharpe

        short_term_rate = self.short_term_rate

        start = self.start.isoformat()

        tax_cost = self.tax_cost

        tax_drag: float | None
        tax_drag = self.tax_drag

        volatility_annual: float | None
        volatility_annual = self.volatility_annual

        window_days = self.window_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "average_value": average_value,
            "benchmark": benchmark,
            "beta": beta,
            "beta_points": beta_points,
            "computed_at": computed_at,
            "conventions": conventions,
            "currency": currency,
            "dividend_rate": dividend_rate,
            "end": end,
            "held_correlation": held_correlation,
            "held_correlation_note": held_correlation_note,
            "holdings": holdings,
            "left_out": left_out,
            "long_term_rate": long_term_rate,
            "max_drawdown": max_drawdown,
            "points": points,
            "portfolio_id": portfolio_id,
            "realised": realised,
            "reasons": reasons,
            "risk_free": risk_free,
            "sharpe": sharpe,
            "short_term_rate": short_term_rate,
            "start": start,
            "tax_cost": tax_cost,
            "tax_drag": tax_drag,
            "volatility_annual": volatility_annual,
            "window_days": window_days,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.held_correlation_out import HeldCorrelationOut # noqa: PLC0415
        from ..models.ledger_risk_conventions_out import LedgerRiskConventionsOut # noqa: PLC0415
        from ..models.ledger_risk_holding_out import LedgerRiskHoldingOut # noqa: PLC0415
        from ..models.ledger_risk_income_out import LedgerRiskIncomeOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_average_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        average_value = _parse_average_value(d.pop("average_value"))


        benchmark = d.pop("benchmark")

        def _parse_beta(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        beta = _parse_beta(d.pop("beta"))


        beta_points = d.pop("beta_points")

        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))




        conventions = LedgerRiskConventionsOut.from_dict(d.pop("conventions"))




        currency = d.pop("currency")

        dividend_rate = d.pop("dividend_rate")

        end = datetime.date.fromisoformat(d.pop("end"))




        def _parse_held_correlation(data: object) -> HeldCorrelationOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                held_correlation_type_0 = HeldCorrelationOut.from_dict(data)



                return held_correlation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HeldCorrelationOut | None, data)

        held_correlation = _parse_held_correlation(d.pop("held_correlation"))


        def _parse_held_correlation_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        held_correlation_note = _parse_held_correlation_note(d.pop("held_correlation_note"))


        holdings = []
        _holdings = d.pop("holdings")
        for holdings_item_data in (_holdings):
            holdings_item = LedgerRiskHoldingOut.from_dict(holdings_item_data)



            holdings.append(holdings_item)


        left_out = cast(list[str], d.pop("left_out"))


        long_term_rate = d.pop("long_term_rate")

        def _parse_max_drawdown(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_drawdown = _parse_max_drawdown(d.pop("max_drawdown"))


        points = d.pop("points")

        portfolio_id = d.pop("portfolio_id")

        realised = LedgerRiskIncomeOut.from_dict(d.pop("realised"))




        reasons = cast(list[str], d.pop("reasons"))


        risk_free = d.pop("risk_free")

        def _parse_sharpe(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sharpe = _parse_sharpe(d.pop("sharpe"))


        short_term_rate = d.pop("short_term_rate")

        start = datetime.date.fromisoformat(d.pop("start"))




        tax_cost = d.pop("tax_cost")

        def _parse_tax_drag(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        tax_drag = _parse_tax_drag(d.pop("tax_drag"))


        def _parse_volatility_annual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        volatility_annual = _parse_volatility_annual(d.pop("volatility_annual"))


        window_days = d.pop("window_days")

        ledger_risk_out = cls(
            average_value=average_value,
            benchmark=benchmark,
            beta=beta,
            beta_points=beta_points,
            computed_at=computed_at,
            conventions=conventions,
            currency=currency,
            dividend_rate=dividend_rate,
            end=end,
            held_correlation=held_correlation,
            held_correlation_note=held_correlation_note,
            holdings=holdings,
            left_out=left_out,
            long_term_rate=long_term_rate,
            max_drawdown=max_drawdown,
            points=points,
            portfolio_id=portfolio_id,
            realised=realised,
            reasons=reasons,
            risk_free=risk_free,
            sharpe=sharpe,
            short_term_rate=short_term_rate,
            start=start,
            tax_cost=tax_cost,
            tax_drag=tax_drag,
            volatility_annual=volatility_annual,
            window_days=window_days,
        )


        ledger_risk_out.additional_properties = d
        return ledger_risk_out

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
