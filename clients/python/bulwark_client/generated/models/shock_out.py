from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.beta_estimation_out import BetaEstimationOut
  from ..models.excluded_out import ExcludedOut
  from ..models.scenario_result_out import ScenarioResultOut
  from ..models.shock_out_conventions import ShockOutConventions
  from ..models.symbol_betas_out import SymbolBetasOut





T = TypeVar("T", bound="ShockOut")



@_attrs_define
class ShockOut:
    """ 
        Attributes:
            base_currency (None | str):
            conventions (ShockOutConventions):
            excluded (list[ExcludedOut]):
            gross_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            min_hedge_sufficiency (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            model (None | str):
            model_source (None | str):
            net_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            portfolio_id (None | str):
            positions (int):
            scenarios (list[ScenarioResultOut]):
            worst_scenario (str):
            beta_estimation (BetaEstimationOut | None | Unset):
            betas (list[SymbolBetasOut] | None | Unset):
     """

    base_currency: None | str
    conventions: ShockOutConventions
    excluded: list[ExcludedOut]
    gross_value: str
    min_hedge_sufficiency: float
    model: None | str
    model_source: None | str
    net_value: str
    portfolio_id: None | str
    positions: int
    scenarios: list[ScenarioResultOut]
    worst_scenario: str
    beta_estimation: BetaEstimationOut | None | Unset = UNSET
    betas: list[SymbolBetasOut] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.beta_estimation_out import BetaEstimationOut # noqa: PLC0415
        from ..models.excluded_out import ExcludedOut # noqa: PLC0415
        from ..models.scenario_result_out import ScenarioResultOut # noqa: PLC0415
        from ..models.shock_out_conventions import ShockOutConventions # noqa: PLC0415
        from ..models.symbol_betas_out import SymbolBetasOut # noqa: PLC0415
        base_currency: None | str
        base_currency = self.base_currency

        conventions = self.conventions.to_dict()

        excluded = []
        for excluded_item_data in self.excluded:
            excluded_item = excluded_item_data.to_dict()
            excluded.append(excluded_item)



        gross_value = self.gross_value

        min_hedge_sufficiency = self.min_hedge_sufficiency

        model: None | str
        model = self.model

        model_source: None | str
        model_source = self.model_source

        net_value = self.net_value

        portfolio_id: None | str
        portfolio_id = self.portfolio_id

        positions = self.positions

        scenarios = []
        for scenarios_item_data in self.scenarios:
            scenarios_item = scenarios_item_data.to_dict()
            scenarios.append(scenarios_item)



        worst_scenario = self.worst_scenario

        beta_estimation: dict[str, Any] | None | Unset
        if isinstance(self.beta_estimation, Unset):
            beta_estimation = UNSET
        elif isinstance(self.beta_estimation, BetaEstimationOut):
            beta_estimation = self.beta_estimation.to_dict()
        else:
            beta_estimation = self.beta_estimation

        betas: list[dict[str, Any]] | None | Unset
        if isinstance(self.betas, Unset):
            betas = UNSET
        elif isinstance(self.betas, list):
            betas = []
            for betas_type_0_item_data in self.betas:
                betas_type_0_item = betas_type_0_item_data.to_dict()
                betas.append(betas_type_0_item)


        else:
            betas = self.betas


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "base_currency": base_currency,
            "conventions": conventions,
            "excluded": excluded,
            "gross_value": gross_value,
            "min_hedge_sufficiency": min_hedge_sufficiency,
            "model": model,
            "model_source": model_source,
            "net_value": net_value,
            "portfolio_id": portfolio_id,
            "positions": positions,
            "scenarios": scenarios,
            "worst_scenario": worst_scenario,
        })
        if beta_estimation is not UNSET:
            field_dict["beta_estimation"] = beta_estimation
        if betas is not UNSET:
            field_dict["betas"] = betas

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beta_estimation_out import BetaEstimationOut # noqa: PLC0415
        from ..models.excluded_out import ExcludedOut # noqa: PLC0415
        from ..models.scenario_result_out import ScenarioResultOut # noqa: PLC0415
        from ..models.shock_out_conventions import ShockOutConventions # noqa: PLC0415
        from ..models.symbol_betas_out import SymbolBetasOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_base_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        base_currency = _parse_base_currency(d.pop("base_currency"))


        conventions = ShockOutConventions.from_dict(d.pop("conventions"))




        excluded = []
        _excluded = d.pop("excluded")
        for excluded_item_data in (_excluded):
            excluded_item = ExcludedOut.from_dict(excluded_item_data)



            excluded.append(excluded_item)


        gross_value = d.pop("gross_value")

        min_hedge_sufficiency = d.pop("min_hedge_sufficiency")

        def _parse_model(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model = _parse_model(d.pop("model"))


        def _parse_model_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model_source = _parse_model_source(d.pop("model_source"))


        net_value = d.pop("net_value")

        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        positions = d.pop("positions")

        scenarios = []
        _scenarios = d.pop("scenarios")
        for scenarios_item_data in (_scenarios):
            scenarios_item = ScenarioResultOut.from_dict(scenarios_item_data)



            scenarios.append(scenarios_item)


        worst_scenario = d.pop("worst_scenario")

        def _parse_beta_estimation(data: object) -> BetaEstimationOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                beta_estimation_type_0 = BetaEstimationOut.from_dict(data)



                return beta_estimation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BetaEstimationOut | None | Unset, data)

        beta_estimation = _parse_beta_estimation(d.pop("beta_estimation", UNSET))


        def _parse_betas(data: object) -> list[SymbolBetasOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                betas_type_0 = []
                _betas_type_0 = data
                for betas_type_0_item_data in (_betas_type_0):
                    betas_type_0_item = SymbolBetasOut.from_dict(betas_type_0_item_data)



                    betas_type_0.append(betas_type_0_item)

                return betas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SymbolBetasOut] | None | Unset, data)

        betas = _parse_betas(d.pop("betas", UNSET))


        shock_out = cls(
            base_currency=base_currency,
            conventions=conventions,
            excluded=excluded,
            gross_value=gross_value,
            min_hedge_sufficiency=min_hedge_sufficiency,
            model=model,
            model_source=model_source,
            net_value=net_value,
            portfolio_id=portfolio_id,
            positions=positions,
            scenarios=scenarios,
            worst_scenario=worst_scenario,
            beta_estimation=beta_estimation,
            betas=betas,
        )


        shock_out.additional_properties = d
        return shock_out

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
