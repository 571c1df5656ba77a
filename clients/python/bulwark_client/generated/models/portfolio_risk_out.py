from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.portfolio_risk_out_returns_source_type_1 import PortfolioRiskOutReturnsSourceType1
from ..models.portfolio_risk_out_returns_source_type_2_type_1 import PortfolioRiskOutReturnsSourceType2Type1
from ..models.portfolio_risk_out_returns_source_type_3_type_1 import PortfolioRiskOutReturnsSourceType3Type1
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.held_correlation_out import HeldCorrelationOut
  from ..models.sector_weight_out import SectorWeightOut
  from ..models.va_r_out import VaROut





T = TypeVar("T", bound="PortfolioRiskOut")



@_attrs_define
class PortfolioRiskOut:
    """ 
        Attributes:
            account_id (str):
            day_pnl (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            day_pnl_percent (None | str):
            drawdown (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
            equity (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            gross_exposure (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            largest_position_weight (None | str):
            leverage (None | str):
            long_exposure (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            net_exposure (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            position_count (int):
            sector_weights (list[SectorWeightOut]):
            short_exposure (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            held_correlation (HeldCorrelationOut | None | Unset):
            held_correlation_note (None | str | Unset): Why `held_correlation` is null (no stored bars, too few days)
            returns_count (int | Unset): Returns available (used when `returns_source` is set) Default: 0.
            returns_source (None | PortfolioRiskOutReturnsSourceType1 | PortfolioRiskOutReturnsSourceType2Type1 |
                PortfolioRiskOutReturnsSourceType3Type1 | Unset): Where the VaR's returns came from: `posted` (POST body),
                `stored` (the account's daily snapshots, time-weighted, the last 252 at most); null when there were fewer than
                two (then `var` is null)
            var (None | Unset | VaROut):
     """

    account_id: str
    day_pnl: str
    day_pnl_percent: None | str
    drawdown: str
    equity: str
    gross_exposure: str
    largest_position_weight: None | str
    leverage: None | str
    long_exposure: str
    net_exposure: str
    position_count: int
    sector_weights: list[SectorWeightOut]
    short_exposure: str
    held_correlation: HeldCorrelationOut | None | Unset = UNSET
    held_correlation_note: None | str | Unset = UNSET
    returns_count: int | Unset = 0
    returns_source: None | PortfolioRiskOutReturnsSourceType1 | PortfolioRiskOutReturnsSourceType2Type1 | PortfolioRiskOutReturnsSourceType3Type1 | Unset = UNSET
    var: None | Unset | VaROut = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.held_correlation_out import HeldCorrelationOut # noqa: PLC0415
        from ..models.sector_weight_out import SectorWeightOut # noqa: PLC0415
        from ..models.va_r_out import VaROut # noqa: PLC0415
        account_id = self.account_id

        day_pnl = self.day_pnl

        day_pnl_percent: None | str
        day_pnl_percent = self.day_pnl_percent

        drawdown = self.drawdown

        equity = self.equity

        gross_exposure = self.gross_exposure

        largest_position_weight: None | str
        largest_position_weight = self.largest_position_weight

        leverage: None | str
        leverage = self.leverage

        long_exposure = self.long_exposure

        net_exposure = self.net_exposure

        position_count = self.position_count

        sector_weights = []
        for sector_weights_item_data in self.sector_weights:
            sector_weights_item = sector_weights_item_data.to_dict()
            sector_weights.append(sector_weights_item)



        short_exposure = self.short_exposure

        held_correlation: dict[str, Any] | None | Unset
        if isinstance(self.held_correlation, Unset):
            held_correlation = UNSET
        elif isinstance(self.held_correlation, HeldCorrelationOut):
            held_correlation = self.held_correlation.to_dict()
        else:
            held_correlation = self.held_correlation

        held_correlation_note: None | str | Unset
        if isinstance(self.held_correlation_note, Unset):
            held_correlation_note = UNSET
        else:
            held_correlation_note = self.held_correlation_note

        returns_count = self.returns_count

        returns_source: None | str | Unset
        if isinstance(self.returns_source, Unset):
            returns_source = UNSET
        elif isinstance(self.returns_source, PortfolioRiskOutReturnsSourceType1):
            returns_source = self.returns_source.value
        elif isinstance(self.returns_source, PortfolioRiskOutReturnsSourceType2Type1):
            returns_source = self.returns_source.value
        elif isinstance(self.returns_source, PortfolioRiskOutReturnsSourceType3Type1):
            returns_source = self.returns_source.value
        else:
            returns_source = self.returns_source

        var: dict[str, Any] | None | Unset
        if isinstance(self.var, Unset):
            var = UNSET
        elif isinstance(self.var, VaROut):
            var = self.var.to_dict()
        else:
            var = self.var


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "day_pnl": day_pnl,
            "day_pnl_percent": day_pnl_percent,
            "drawdown": drawdown,
            "equity": equity,
            "gross_exposure": gross_exposure,
            "largest_position_weight": largest_position_weight,
            "leverage": leverage,
            "long_exposure": long_exposure,
            "net_exposure": net_exposure,
            "position_count": position_count,
            "sector_weights": sector_weights,
            "short_exposure": short_exposure,
        })
        if held_correlation is not UNSET:
            field_dict["held_correlation"] = held_correlation
        if held_correlation_note is not UNSET:
            field_dict["held_correlation_note"] = held_correlation_note
        if returns_count is not UNSET:
            field_dict["returns_count"] = returns_count
        if returns_source is not UNSET:
            field_dict["returns_source"] = returns_source
        if var is not UNSET:
            field_dict["var"] = var

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.held_correlation_out import HeldCorrelationOut # noqa: PLC0415
        from ..models.sector_weight_out import SectorWeightOut # noqa: PLC0415
        from ..models.va_r_out import VaROut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        day_pnl = d.pop("day_pnl")

        def _parse_day_pnl_percent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        day_pnl_percent = _parse_day_pnl_percent(d.pop("day_pnl_percent"))


        drawdown = d.pop("drawdown")

        equity = d.pop("equity")

        gross_exposure = d.pop("gross_exposure")

        def _parse_largest_position_weight(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        largest_position_weight = _parse_largest_position_weight(d.pop("largest_position_weight"))


        def _parse_leverage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        leverage = _parse_leverage(d.pop("leverage"))


        long_exposure = d.pop("long_exposure")

        net_exposure = d.pop("net_exposure")

        position_count = d.pop("position_count")

        sector_weights = []
        _sector_weights = d.pop("sector_weights")
        for sector_weights_item_data in (_sector_weights):
            sector_weights_item = SectorWeightOut.from_dict(sector_weights_item_data)



            sector_weights.append(sector_weights_item)


        short_exposure = d.pop("short_exposure")

        def _parse_held_correlation(data: object) -> HeldCorrelationOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                held_correlation_type_0 = HeldCorrelationOut.from_dict(data)



                return held_correlation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HeldCorrelationOut | None | Unset, data)

        held_correlation = _parse_held_correlation(d.pop("held_correlation", UNSET))


        def _parse_held_correlation_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        held_correlation_note = _parse_held_correlation_note(d.pop("held_correlation_note", UNSET))


        returns_count = d.pop("returns_count", UNSET)

        def _parse_returns_source(data: object) -> None | PortfolioRiskOutReturnsSourceType1 | PortfolioRiskOutReturnsSourceType2Type1 | PortfolioRiskOutReturnsSourceType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returns_source_type_1 = PortfolioRiskOutReturnsSourceType1(data)



                return returns_source_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returns_source_type_2_type_1 = PortfolioRiskOutReturnsSourceType2Type1(data)



                return returns_source_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returns_source_type_3_type_1 = PortfolioRiskOutReturnsSourceType3Type1(data)



                return returns_source_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PortfolioRiskOutReturnsSourceType1 | PortfolioRiskOutReturnsSourceType2Type1 | PortfolioRiskOutReturnsSourceType3Type1 | Unset, data)

        returns_source = _parse_returns_source(d.pop("returns_source", UNSET))


        def _parse_var(data: object) -> None | Unset | VaROut:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                var_type_0 = VaROut.from_dict(data)



                return var_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VaROut, data)

        var = _parse_var(d.pop("var", UNSET))


        portfolio_risk_out = cls(
            account_id=account_id,
            day_pnl=day_pnl,
            day_pnl_percent=day_pnl_percent,
            drawdown=drawdown,
            equity=equity,
            gross_exposure=gross_exposure,
            largest_position_weight=largest_position_weight,
            leverage=leverage,
            long_exposure=long_exposure,
            net_exposure=net_exposure,
            position_count=position_count,
            sector_weights=sector_weights,
            short_exposure=short_exposure,
            held_correlation=held_correlation,
            held_correlation_note=held_correlation_note,
            returns_count=returns_count,
            returns_source=returns_source,
            var=var,
        )


        portfolio_risk_out.additional_properties = d
        return portfolio_risk_out

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
