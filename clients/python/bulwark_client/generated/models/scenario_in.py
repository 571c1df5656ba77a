from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.regime import Regime
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.model_in import ModelIn





T = TypeVar("T", bound="ScenarioIn")



@_attrs_define
class ScenarioIn:
    """ 
        Attributes:
            account_id (None | str | Unset):
            antithetic (bool | Unset):  Default: True.
            calibrate (bool | Unset): Fit the model to the assets' stored daily bars (an account's, or `symbols`) when no
                model, initial_regime nor prices is given Default: True.
            confidence_levels (list[float] | Unset):
            importance_sampling (bool | Unset): Also run the tail importance-sampled and compare Default: True.
            initial_regime (None | Regime | Unset):
            model (ModelIn | None | Unset):
            paths (int | Unset): 100 to 1,000,000 Default: 10000.
            portfolio_id (None | str | Unset): A ledger portfolio of yours: its priced positions by value
            portfolio_value (None | str | Unset): With `weights`: money the returns apply to
            prices (list[float | str] | None | Unset): Daily closes, oldest first (>= 200): detect the regime
            seed (int | Unset):  Default: 0.
            steps (int | Unset): Trading days of the horizon, 1 to 2520; paths x steps <= 10,000,000 Default: 21.
            symbols (list[str] | None | Unset): With `weights`: the assets' symbols, one per weight (fit)
            weights (list[float | str] | None | Unset): At most 50, sum 1
     """

    account_id: None | str | Unset = UNSET
    antithetic: bool | Unset = True
    calibrate: bool | Unset = True
    confidence_levels: list[float] | Unset = UNSET
    importance_sampling: bool | Unset = True
    initial_regime: None | Regime | Unset = UNSET
    model: ModelIn | None | Unset = UNSET
    paths: int | Unset = 10000
    portfolio_id: None | str | Unset = UNSET
    portfolio_value: None | str | Unset = UNSET
    prices: list[float | str] | None | Unset = UNSET
    seed: int | Unset = 0
    steps: int | Unset = 21
    symbols: list[str] | None | Unset = UNSET
    weights: list[float | str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.model_in import ModelIn # noqa: PLC0415
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        antithetic = self.antithetic

        calibrate = self.calibrate

        confidence_levels: list[float] | Unset = UNSET
        if not isinstance(self.confidence_levels, Unset):
            confidence_levels = self.confidence_levels



        importance_sampling = self.importance_sampling

        initial_regime: None | str | Unset
        if isinstance(self.initial_regime, Unset):
            initial_regime = UNSET
        elif isinstance(self.initial_regime, Regime):
            initial_regime = self.initial_regime.value
        else:
            initial_regime = self.initial_regime

        model: dict[str, Any] | None | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        elif isinstance(self.model, ModelIn):
            model = self.model.to_dict()
        else:
            model = self.model

        paths = self.paths

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id

        portfolio_value: None | str | Unset
        if isinstance(self.portfolio_value, Unset):
            portfolio_value = UNSET
        else:
            portfolio_value = self.portfolio_value

        prices: list[float | str] | None | Unset
        if isinstance(self.prices, Unset):
            prices = UNSET
        elif isinstance(self.prices, list):
            prices = []
            for prices_type_0_item_data in self.prices:
                prices_type_0_item: float | str
                prices_type_0_item = prices_type_0_item_data
                prices.append(prices_type_0_item)


        else:
            prices = self.prices

        seed = self.seed

        steps = self.steps

        symbols: list[str] | None | Unset
        if isinstance(self.symbols, Unset):
            symbols = UNSET
        elif isinstance(self.symbols, list):
            symbols = self.symbols


        else:
            symbols = self.symbols

        weights: list[float | str] | None | Unset
        if isinstance(self.weights, Unset):
            weights = UNSET
        elif isinstance(self.weights, list):
            weights = []
            for weights_type_0_item_data in self.weights:
                weights_type_0_item: float | str
                weights_type_0_item = weights_type_0_item_data
                weights.append(weights_type_0_item)


        else:
            weights = self.weights


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if antithetic is not UNSET:
            field_dict["antithetic"] = antithetic
        if calibrate is not UNSET:
            field_dict["calibrate"] = calibrate
        if confidence_levels is not UNSET:
            field_dict["confidence_levels"] = confidence_levels
        if importance_sampling is not UNSET:
            field_dict["importance_sampling"] = importance_sampling
        if initial_regime is not UNSET:
            field_dict["initial_regime"] = initial_regime
        if model is not UNSET:
            field_dict["model"] = model
        if paths is not UNSET:
            field_dict["paths"] = paths
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id
        if portfolio_value is not UNSET:
            field_dict["portfolio_value"] = portfolio_value
        if prices is not UNSET:
            field_dict["prices"] = prices
        if seed is not UNSET:
            field_dict["seed"] = seed
        if steps is not UNSET:
            field_dict["steps"] = steps
        if symbols is not UNSET:
            field_dict["symbols"] = symbols
        if weights is not UNSET:
            field_dict["weights"] = weights

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_in import ModelIn # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        antithetic = d.pop("antithetic", UNSET)

        calibrate = d.pop("calibrate", UNSET)

        confidence_levels = cast(list[float], d.pop("confidence_levels", UNSET))


        importance_sampling = d.pop("importance_sampling", UNSET)

        def _parse_initial_regime(data: object) -> None | Regime | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                initial_regime_type_0 = Regime(data)



                return initial_regime_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Regime | Unset, data)

        initial_regime = _parse_initial_regime(d.pop("initial_regime", UNSET))


        def _parse_model(data: object) -> ModelIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_type_0 = ModelIn.from_dict(data)



                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelIn | None | Unset, data)

        model = _parse_model(d.pop("model", UNSET))


        paths = d.pop("paths", UNSET)

        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        def _parse_portfolio_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_value = _parse_portfolio_value(d.pop("portfolio_value", UNSET))


        def _parse_prices(data: object) -> list[float | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prices_type_0 = []
                _prices_type_0 = data
                for prices_type_0_item_data in (_prices_type_0):
                    def _parse_prices_type_0_item(data: object) -> float | str:
                        return cast(float | str, data)

                    prices_type_0_item = _parse_prices_type_0_item(prices_type_0_item_data)

                    prices_type_0.append(prices_type_0_item)

                return prices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | str] | None | Unset, data)

        prices = _parse_prices(d.pop("prices", UNSET))


        seed = d.pop("seed", UNSET)

        steps = d.pop("steps", UNSET)

        def _parse_symbols(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                symbols_type_0 = cast(list[str], data)

                return symbols_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        symbols = _parse_symbols(d.pop("symbols", UNSET))


        def _parse_weights(data: object) -> list[float | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                weights_type_0 = []
                _weights_type_0 = data
                for weights_type_0_item_data in (_weights_type_0):
                    def _parse_weights_type_0_item(data: object) -> float | str:
                        return cast(float | str, data)

                    weights_type_0_item = _parse_weights_type_0_item(weights_type_0_item_data)

                    weights_type_0.append(weights_type_0_item)

                return weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | str] | None | Unset, data)

        weights = _parse_weights(d.pop("weights", UNSET))


        scenario_in = cls(
            account_id=account_id,
            antithetic=antithetic,
            calibrate=calibrate,
            confidence_levels=confidence_levels,
            importance_sampling=importance_sampling,
            initial_regime=initial_regime,
            model=model,
            paths=paths,
            portfolio_id=portfolio_id,
            portfolio_value=portfolio_value,
            prices=prices,
            seed=seed,
            steps=steps,
            symbols=symbols,
            weights=weights,
        )


        scenario_in.additional_properties = d
        return scenario_in

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
