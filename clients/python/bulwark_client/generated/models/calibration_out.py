from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.calibration_out_status import CalibrationOutStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.asset_fit_out import AssetFitOut
  from ..models.calibration_out_conventions_type_0 import CalibrationOutConventionsType0
  from ..models.tail_fit_out import TailFitOut





T = TypeVar("T", bound="CalibrationOut")



@_attrs_define
class CalibrationOut:
    """ 
        Attributes:
            min_observations (int):
            reason (None | str):
            source (str):
            status (CalibrationOutStatus):
            window (int):
            assets (list[AssetFitOut] | None | Unset):
            conventions (CalibrationOutConventionsType0 | None | Unset):
            correlation (list[list[float]] | None | Unset):
            correlation_shrinkage (float | None | Unset):
            first_day (datetime.date | None | Unset):
            last_day (datetime.date | None | Unset):
            model (None | str | Unset):
            observations (int | None | Unset):
            portfolio (None | TailFitOut | Unset):
            student_t_dof (float | None | Unset):
     """

    min_observations: int
    reason: None | str
    source: str
    status: CalibrationOutStatus
    window: int
    assets: list[AssetFitOut] | None | Unset = UNSET
    conventions: CalibrationOutConventionsType0 | None | Unset = UNSET
    correlation: list[list[float]] | None | Unset = UNSET
    correlation_shrinkage: float | None | Unset = UNSET
    first_day: datetime.date | None | Unset = UNSET
    last_day: datetime.date | None | Unset = UNSET
    model: None | str | Unset = UNSET
    observations: int | None | Unset = UNSET
    portfolio: None | TailFitOut | Unset = UNSET
    student_t_dof: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_fit_out import AssetFitOut # noqa: PLC0415
        from ..models.calibration_out_conventions_type_0 import CalibrationOutConventionsType0 # noqa: PLC0415
        from ..models.tail_fit_out import TailFitOut # noqa: PLC0415
        min_observations = self.min_observations

        reason: None | str
        reason = self.reason

        source = self.source

        status = self.status.value

        window = self.window

        assets: list[dict[str, Any]] | None | Unset
        if isinstance(self.assets, Unset):
            assets = UNSET
        elif isinstance(self.assets, list):
            assets = []
            for assets_type_0_item_data in self.assets:
                assets_type_0_item = assets_type_0_item_data.to_dict()
                assets.append(assets_type_0_item)


        else:
            assets = self.assets

        conventions: dict[str, Any] | None | Unset
        if isinstance(self.conventions, Unset):
            conventions = UNSET
        elif isinstance(self.conventions, CalibrationOutConventionsType0):
            conventions = self.conventions.to_dict()
        else:
            conventions = self.conventions

        correlation: list[list[float]] | None | Unset
        if isinstance(self.correlation, Unset):
            correlation = UNSET
        elif isinstance(self.correlation, list):
            correlation = []
            for correlation_type_0_item_data in self.correlation:
                correlation_type_0_item = correlation_type_0_item_data


                correlation.append(correlation_type_0_item)


        else:
            correlation = self.correlation

        correlation_shrinkage: float | None | Unset
        if isinstance(self.correlation_shrinkage, Unset):
            correlation_shrinkage = UNSET
        else:
            correlation_shrinkage = self.correlation_shrinkage

        first_day: None | str | Unset
        if isinstance(self.first_day, Unset):
            first_day = UNSET
        elif isinstance(self.first_day, datetime.date):
            first_day = self.first_day.isoformat()
        else:
            first_day = self.first_day

        last_day: None | str | Unset
        if isinstance(self.last_day, Unset):
            last_day = UNSET
        elif isinstance(self.last_day, datetime.date):
            last_day = self.last_day.isoformat()
        else:
            last_day = self.last_day

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        observations: int | None | Unset
        if isinstance(self.observations, Unset):
            observations = UNSET
        else:
            observations = self.observations

        portfolio: dict[str, Any] | None | Unset
        if isinstance(self.portfolio, Unset):
            portfolio = UNSET
        elif isinstance(self.portfolio, TailFitOut):
            portfolio = self.portfolio.to_dict()
        else:
            portfolio = self.portfolio

        student_t_dof: float | None | Unset
        if isinstance(self.student_t_dof, Unset):
            student_t_dof = UNSET
        else:
            student_t_dof = self.student_t_dof


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "min_observations": min_observations,
            "reason": reason,
            "source": source,
            "status": status,
            "window": window,
        })
        if assets is not UNSET:
            field_dict["assets"] = assets
        if conventions is not UNSET:
            field_dict["conventions"] = conventions
        if correlation is not UNSET:
            field_dict["correlation"] = correlation
        if correlation_shrinkage is not UNSET:
            field_dict["correlation_shrinkage"] = correlation_shrinkage
        if first_day is not UNSET:
            field_dict["first_day"] = first_day
        if last_day is not UNSET:
            field_dict["last_day"] = last_day
        if model is not UNSET:
            field_dict["model"] = model
        if observations is not UNSET:
            field_dict["observations"] = observations
        if portfolio is not UNSET:
            field_dict["portfolio"] = portfolio
        if student_t_dof is not UNSET:
            field_dict["student_t_dof"] = student_t_dof

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_fit_out import AssetFitOut # noqa: PLC0415
        from ..models.calibration_out_conventions_type_0 import CalibrationOutConventionsType0 # noqa: PLC0415
        from ..models.tail_fit_out import TailFitOut # noqa: PLC0415
        d = dict(src_dict)
        min_observations = d.pop("min_observations")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        source = d.pop("source")

        status = CalibrationOutStatus(d.pop("status"))




        window = d.pop("window")

        def _parse_assets(data: object) -> list[AssetFitOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assets_type_0 = []
                _assets_type_0 = data
                for assets_type_0_item_data in (_assets_type_0):
                    assets_type_0_item = AssetFitOut.from_dict(assets_type_0_item_data)



                    assets_type_0.append(assets_type_0_item)

                return assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AssetFitOut] | None | Unset, data)

        assets = _parse_assets(d.pop("assets", UNSET))


        def _parse_conventions(data: object) -> CalibrationOutConventionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conventions_type_0 = CalibrationOutConventionsType0.from_dict(data)



                return conventions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalibrationOutConventionsType0 | None | Unset, data)

        conventions = _parse_conventions(d.pop("conventions", UNSET))


        def _parse_correlation(data: object) -> list[list[float]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                correlation_type_0 = []
                _correlation_type_0 = data
                for correlation_type_0_item_data in (_correlation_type_0):
                    correlation_type_0_item = cast(list[float], correlation_type_0_item_data)

                    correlation_type_0.append(correlation_type_0_item)

                return correlation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[float]] | None | Unset, data)

        correlation = _parse_correlation(d.pop("correlation", UNSET))


        def _parse_correlation_shrinkage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        correlation_shrinkage = _parse_correlation_shrinkage(d.pop("correlation_shrinkage", UNSET))


        def _parse_first_day(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_day_type_0 = datetime.date.fromisoformat(data)



                return first_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        first_day = _parse_first_day(d.pop("first_day", UNSET))


        def _parse_last_day(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_day_type_0 = datetime.date.fromisoformat(data)



                return last_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_day = _parse_last_day(d.pop("last_day", UNSET))


        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))


        def _parse_observations(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        observations = _parse_observations(d.pop("observations", UNSET))


        def _parse_portfolio(data: object) -> None | TailFitOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                portfolio_type_0 = TailFitOut.from_dict(data)



                return portfolio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TailFitOut | Unset, data)

        portfolio = _parse_portfolio(d.pop("portfolio", UNSET))


        def _parse_student_t_dof(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        student_t_dof = _parse_student_t_dof(d.pop("student_t_dof", UNSET))


        calibration_out = cls(
            min_observations=min_observations,
            reason=reason,
            source=source,
            status=status,
            window=window,
            assets=assets,
            conventions=conventions,
            correlation=correlation,
            correlation_shrinkage=correlation_shrinkage,
            first_day=first_day,
            last_day=last_day,
            model=model,
            observations=observations,
            portfolio=portfolio,
            student_t_dof=student_t_dof,
        )


        calibration_out.additional_properties = d
        return calibration_out

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
