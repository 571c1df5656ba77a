from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.bin_out import BinOut
  from ..models.drift_out import DriftOut





T = TypeVar("T", bound="PeriodRecordOut")



@_attrs_define
class PeriodRecordOut:
    """ 
        Attributes:
            bins (list[BinOut]):
            calibration_error (float | None):
            drift (DriftOut):
            hit_rate (float | None):
            judged (int):
            period_start (datetime.datetime):
            predictions (int):
            resolved (int):
            version (str):
     """

    bins: list[BinOut]
    calibration_error: float | None
    drift: DriftOut
    hit_rate: float | None
    judged: int
    period_start: datetime.datetime
    predictions: int
    resolved: int
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bin_out import BinOut # noqa: PLC0415
        from ..models.drift_out import DriftOut # noqa: PLC0415
        bins = []
        for bins_item_data in self.bins:
            bins_item = bins_item_data.to_dict()
            bins.append(bins_item)



        calibration_error: float | None
        calibration_error = self.calibration_error

        drift = self.drift.to_dict()

        hit_rate: float | None
        hit_rate = self.hit_rate

        judged = self.judged

        period_start = self.period_start.isoformat()

        predictions = self.predictions

        resolved = self.resolved

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bins": bins,
            "calibration_error": calibration_error,
            "drift": drift,
            "hit_rate": hit_rate,
            "judged": judged,
            "period_start": period_start,
            "predictions": predictions,
            "resolved": resolved,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bin_out import BinOut # noqa: PLC0415
        from ..models.drift_out import DriftOut # noqa: PLC0415
        d = dict(src_dict)
        bins = []
        _bins = d.pop("bins")
        for bins_item_data in (_bins):
            bins_item = BinOut.from_dict(bins_item_data)



            bins.append(bins_item)


        def _parse_calibration_error(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        calibration_error = _parse_calibration_error(d.pop("calibration_error"))


        drift = DriftOut.from_dict(d.pop("drift"))




        def _parse_hit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hit_rate = _parse_hit_rate(d.pop("hit_rate"))


        judged = d.pop("judged")

        period_start = datetime.datetime.fromisoformat(d.pop("period_start"))




        predictions = d.pop("predictions")

        resolved = d.pop("resolved")

        version = d.pop("version")

        period_record_out = cls(
            bins=bins,
            calibration_error=calibration_error,
            drift=drift,
            hit_rate=hit_rate,
            judged=judged,
            period_start=period_start,
            predictions=predictions,
            resolved=resolved,
            version=version,
        )


        period_record_out.additional_properties = d
        return period_record_out

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
