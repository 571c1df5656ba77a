from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.beta_estimate_out_betas_type_0 import BetaEstimateOutBetasType0





T = TypeVar("T", bound="BetaEstimateOut")



@_attrs_define
class BetaEstimateOut:
    """ 
        Attributes:
            alpha (float | None):
            betas (BetaEstimateOutBetasType0 | None):
            first_day (datetime.date | None):
            last_day (datetime.date | None):
            observations (int):
            r_squared (float | None):
            reason (None | str):
     """

    alpha: float | None
    betas: BetaEstimateOutBetasType0 | None
    first_day: datetime.date | None
    last_day: datetime.date | None
    observations: int
    r_squared: float | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.beta_estimate_out_betas_type_0 import BetaEstimateOutBetasType0 # noqa: PLC0415
        alpha: float | None
        alpha = self.alpha

        betas: dict[str, Any] | None
        if isinstance(self.betas, BetaEstimateOutBetasType0):
            betas = self.betas.to_dict()
        else:
            betas = self.betas

        first_day: None | str
        if isinstance(self.first_day, datetime.date):
            first_day = self.first_day.isoformat()
        else:
            first_day = self.first_day

        last_day: None | str
        if isinstance(self.last_day, datetime.date):
            last_day = self.last_day.isoformat()
        else:
            last_day = self.last_day

        observations = self.observations

        r_squared: float | None
        r_squared = self.r_squared

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alpha": alpha,
            "betas": betas,
            "first_day": first_day,
            "last_day": last_day,
            "observations": observations,
            "r_squared": r_squared,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beta_estimate_out_betas_type_0 import BetaEstimateOutBetasType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_alpha(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        alpha = _parse_alpha(d.pop("alpha"))


        def _parse_betas(data: object) -> BetaEstimateOutBetasType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                betas_type_0 = BetaEstimateOutBetasType0.from_dict(data)



                return betas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BetaEstimateOutBetasType0 | None, data)

        betas = _parse_betas(d.pop("betas"))


        def _parse_first_day(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_day_type_0 = datetime.date.fromisoformat(data)



                return first_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_day = _parse_first_day(d.pop("first_day"))


        def _parse_last_day(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_day_type_0 = datetime.date.fromisoformat(data)



                return last_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_day = _parse_last_day(d.pop("last_day"))


        observations = d.pop("observations")

        def _parse_r_squared(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        r_squared = _parse_r_squared(d.pop("r_squared"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        beta_estimate_out = cls(
            alpha=alpha,
            betas=betas,
            first_day=first_day,
            last_day=last_day,
            observations=observations,
            r_squared=r_squared,
            reason=reason,
        )


        beta_estimate_out.additional_properties = d
        return beta_estimate_out

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
