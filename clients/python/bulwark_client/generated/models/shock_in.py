from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.correlation_in import CorrelationIn
  from ..models.macro_scenario_in import MacroScenarioIn
  from ..models.sensitivities_in import SensitivitiesIn
  from ..models.shock_in_beta_proxies_type_0 import ShockInBetaProxiesType0
  from ..models.shock_in_sensitivities import ShockInSensitivities
  from ..models.stress_position_in import StressPositionIn





T = TypeVar("T", bound="ShockIn")



@_attrs_define
class ShockIn:
    """ 
        Attributes:
            beta_min_observations (int | Unset): Fewer common returns: no estimate Default: 60.
            beta_proxies (None | ShockInBetaProxiesType0 | Unset): Factor (equity, oil, usd) -> proxy symbol; default equity
                SPY, oil USO, usd UUP
            beta_window (int | Unset): Daily returns the fit uses Default: 252.
            correlation (CorrelationIn | None | Unset):
            default_sensitivities (None | SensitivitiesIn | Unset):
            estimate_betas (bool | Unset): With portfolio_id: estimate the equity, oil and USD betas of symbols without
                posted sensitivities from stored daily bars (OLS on the factor proxies) Default: False.
            expected_return (float | None | Unset): A year, fraction: adds each loss's recovery months
            fill_missing (bool | Unset): Fill the factors a scenario leaves out (default model without correlation) Default:
                False.
            hedges (list[str] | Unset): Symbols that are hedges
            portfolio_id (None | str | Unset):
            positions (list[StressPositionIn] | None | Unset): At most 10,000
            replays (list[str] | Unset): Historical replay names, or ["all"]
            scenarios (list[MacroScenarioIn] | Unset):
            sensitivities (ShockInSensitivities | Unset): Per symbol, for a portfolio
     """

    beta_min_observations: int | Unset = 60
    beta_proxies: None | ShockInBetaProxiesType0 | Unset = UNSET
    beta_window: int | Unset = 252
    correlation: CorrelationIn | None | Unset = UNSET
    default_sensitivities: None | SensitivitiesIn | Unset = UNSET
    estimate_betas: bool | Unset = False
    expected_return: float | None | Unset = UNSET
    fill_missing: bool | Unset = False
    hedges: list[str] | Unset = UNSET
    portfolio_id: None | str | Unset = UNSET
    positions: list[StressPositionIn] | None | Unset = UNSET
    replays: list[str] | Unset = UNSET
    scenarios: list[MacroScenarioIn] | Unset = UNSET
    sensitivities: ShockInSensitivities | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.correlation_in import CorrelationIn # noqa: PLC0415
        from ..models.macro_scenario_in import MacroScenarioIn # noqa: PLC0415
        from ..models.sensitivities_in import SensitivitiesIn # noqa: PLC0415
        from ..models.shock_in_beta_proxies_type_0 import ShockInBetaProxiesType0 # noqa: PLC0415
        from ..models.shock_in_sensitivities import ShockInSensitivities # noqa: PLC0415
        from ..models.stress_position_in import StressPositionIn # noqa: PLC0415
        beta_min_observations = self.beta_min_observations

        beta_proxies: dict[str, Any] | None | Unset
        if isinstance(self.beta_proxies, Unset):
            beta_proxies = UNSET
        elif isinstance(self.beta_proxies, ShockInBetaProxiesType0):
            beta_proxies = self.beta_proxies.to_dict()
        else:
            beta_proxies = self.beta_proxies

        beta_window = self.beta_window

        correlation: dict[str, Any] | None | Unset
        if isinstance(self.correlation, Unset):
            correlation = UNSET
        elif isinstance(self.correlation, CorrelationIn):
            correlation = self.correlation.to_dict()
        else:
            correlation = self.correlation

        default_sensitivities: dict[str, Any] | None | Unset
        if isinstance(self.default_sensitivities, Unset):
            default_sensitivities = UNSET
        elif isinstance(self.default_sensitivities, SensitivitiesIn):
            default_sensitivities = self.default_sensitivities.to_dict()
        else:
            default_sensitivities = self.default_sensitivities

        estimate_betas = self.estimate_betas

        expected_return: float | None | Unset
        if isinstance(self.expected_return, Unset):
            expected_return = UNSET
        else:
            expected_return = self.expected_return

        fill_missing = self.fill_missing

        hedges: list[str] | Unset = UNSET
        if not isinstance(self.hedges, Unset):
            hedges = self.hedges



        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id

        positions: list[dict[str, Any]] | None | Unset
        if isinstance(self.positions, Unset):
            positions = UNSET
        elif isinstance(self.positions, list):
            positions = []
            for positions_type_0_item_data in self.positions:
                positions_type_0_item = positions_type_0_item_data.to_dict()
                positions.append(positions_type_0_item)


        else:
            positions = self.positions

        replays: list[str] | Unset = UNSET
        if not isinstance(self.replays, Unset):
            replays = self.replays



        scenarios: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.scenarios, Unset):
            scenarios = []
            for scenarios_item_data in self.scenarios:
                scenarios_item = scenarios_item_data.to_dict()
                scenarios.append(scenarios_item)



        sensitivities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sensitivities, Unset):
            sensitivities = self.sensitivities.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if beta_min_observations is not UNSET:
            field_dict["beta_min_observations"] = beta_min_observations
        if beta_proxies is not UNSET:
            field_dict["beta_proxies"] = beta_proxies
        if beta_window is not UNSET:
            field_dict["beta_window"] = beta_window
        if correlation is not UNSET:
            field_dict["correlation"] = correlation
        if default_sensitivities is not UNSET:
            field_dict["default_sensitivities"] = default_sensitivities
        if estimate_betas is not UNSET:
            field_dict["estimate_betas"] = estimate_betas
        if expected_return is not UNSET:
            field_dict["expected_return"] = expected_return
        if fill_missing is not UNSET:
            field_dict["fill_missing"] = fill_missing
        if hedges is not UNSET:
            field_dict["hedges"] = hedges
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id
        if positions is not UNSET:
            field_dict["positions"] = positions
        if replays is not UNSET:
            field_dict["replays"] = replays
        if scenarios is not UNSET:
            field_dict["scenarios"] = scenarios
        if sensitivities is not UNSET:
            field_dict["sensitivities"] = sensitivities

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.correlation_in import CorrelationIn # noqa: PLC0415
        from ..models.macro_scenario_in import MacroScenarioIn # noqa: PLC0415
        from ..models.sensitivities_in import SensitivitiesIn # noqa: PLC0415
        from ..models.shock_in_beta_proxies_type_0 import ShockInBetaProxiesType0 # noqa: PLC0415
        from ..models.shock_in_sensitivities import ShockInSensitivities # noqa: PLC0415
        from ..models.stress_position_in import StressPositionIn # noqa: PLC0415
        d = dict(src_dict)
        beta_min_observations = d.pop("beta_min_observations", UNSET)

        def _parse_beta_proxies(data: object) -> None | ShockInBetaProxiesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                beta_proxies_type_0 = ShockInBetaProxiesType0.from_dict(data)



                return beta_proxies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShockInBetaProxiesType0 | Unset, data)

        beta_proxies = _parse_beta_proxies(d.pop("beta_proxies", UNSET))


        beta_window = d.pop("beta_window", UNSET)

        def _parse_correlation(data: object) -> CorrelationIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                correlation_type_0 = CorrelationIn.from_dict(data)



                return correlation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CorrelationIn | None | Unset, data)

        correlation = _parse_correlation(d.pop("correlation", UNSET))


        def _parse_default_sensitivities(data: object) -> None | SensitivitiesIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                default_sensitivities_type_0 = SensitivitiesIn.from_dict(data)



                return default_sensitivities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SensitivitiesIn | Unset, data)

        default_sensitivities = _parse_default_sensitivities(d.pop("default_sensitivities", UNSET))


        estimate_betas = d.pop("estimate_betas", UNSET)

        def _parse_expected_return(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        expected_return = _parse_expected_return(d.pop("expected_return", UNSET))


        fill_missing = d.pop("fill_missing", UNSET)

        hedges = cast(list[str], d.pop("hedges", UNSET))


        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        def _parse_positions(data: object) -> list[StressPositionIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                positions_type_0 = []
                _positions_type_0 = data
                for positions_type_0_item_data in (_positions_type_0):
                    positions_type_0_item = StressPositionIn.from_dict(positions_type_0_item_data)



                    positions_type_0.append(positions_type_0_item)

                return positions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StressPositionIn] | None | Unset, data)

        positions = _parse_positions(d.pop("positions", UNSET))


        replays = cast(list[str], d.pop("replays", UNSET))


        _scenarios = d.pop("scenarios", UNSET)
        scenarios: list[MacroScenarioIn] | Unset = UNSET
        if _scenarios is not UNSET:
            scenarios = []
            for scenarios_item_data in _scenarios:
                scenarios_item = MacroScenarioIn.from_dict(scenarios_item_data)



                scenarios.append(scenarios_item)


        _sensitivities = d.pop("sensitivities", UNSET)
        sensitivities: ShockInSensitivities | Unset
        if isinstance(_sensitivities,  Unset):
            sensitivities = UNSET
        else:
            sensitivities = ShockInSensitivities.from_dict(_sensitivities)




        shock_in = cls(
            beta_min_observations=beta_min_observations,
            beta_proxies=beta_proxies,
            beta_window=beta_window,
            correlation=correlation,
            default_sensitivities=default_sensitivities,
            estimate_betas=estimate_betas,
            expected_return=expected_return,
            fill_missing=fill_missing,
            hedges=hedges,
            portfolio_id=portfolio_id,
            positions=positions,
            replays=replays,
            scenarios=scenarios,
            sensitivities=sensitivities,
        )


        shock_in.additional_properties = d
        return shock_in

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
