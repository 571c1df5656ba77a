from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.regime_shifts_out_series import RegimeShiftsOutSeries
from typing import cast

if TYPE_CHECKING:
  from ..models.regime_change_out import RegimeChangeOut
  from ..models.regime_period_out import RegimePeriodOut
  from ..models.regime_segment_out import RegimeSegmentOut





T = TypeVar("T", bound="RegimeShiftsOut")



@_attrs_define
class RegimeShiftsOut:
    """ 
        Attributes:
            changes (list[RegimeChangeOut]):
            periods (list[RegimePeriodOut]):
            segments (list[RegimeSegmentOut]):
            series (RegimeShiftsOutSeries):
            window (int): Daily levels read at each period's end
     """

    changes: list[RegimeChangeOut]
    periods: list[RegimePeriodOut]
    segments: list[RegimeSegmentOut]
    series: RegimeShiftsOutSeries
    window: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.regime_change_out import RegimeChangeOut # noqa: PLC0415
        from ..models.regime_period_out import RegimePeriodOut # noqa: PLC0415
        from ..models.regime_segment_out import RegimeSegmentOut # noqa: PLC0415
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)



        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)



        segments = []
        for segments_item_data in self.segments:
            segments_item = segments_item_data.to_dict()
            segments.append(segments_item)



        series = self.series.value

        window = self.window


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "changes": changes,
            "periods": periods,
            "segments": segments,
            "series": series,
            "window": window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.regime_change_out import RegimeChangeOut # noqa: PLC0415
        from ..models.regime_period_out import RegimePeriodOut # noqa: PLC0415
        from ..models.regime_segment_out import RegimeSegmentOut # noqa: PLC0415
        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in (_changes):
            changes_item = RegimeChangeOut.from_dict(changes_item_data)



            changes.append(changes_item)


        periods = []
        _periods = d.pop("periods")
        for periods_item_data in (_periods):
            periods_item = RegimePeriodOut.from_dict(periods_item_data)



            periods.append(periods_item)


        segments = []
        _segments = d.pop("segments")
        for segments_item_data in (_segments):
            segments_item = RegimeSegmentOut.from_dict(segments_item_data)



            segments.append(segments_item)


        series = RegimeShiftsOutSeries(d.pop("series"))




        window = d.pop("window")

        regime_shifts_out = cls(
            changes=changes,
            periods=periods,
            segments=segments,
            series=series,
            window=window,
        )


        regime_shifts_out.additional_properties = d
        return regime_shifts_out

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
