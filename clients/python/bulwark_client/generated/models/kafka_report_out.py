from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.alert_out import AlertOut
  from ..models.group_lag_out import GroupLagOut
  from ..models.thresholds_out import ThresholdsOut
  from ..models.topic_out import TopicOut





T = TypeVar("T", bound="KafkaReportOut")



@_attrs_define
class KafkaReportOut:
    """ 
        Attributes:
            alerts (list[AlertOut]):
            at (datetime.datetime):
            groups (list[GroupLagOut]):
            lag_read_at (datetime.datetime | None):
            last_error (None | str):
            last_error_at (datetime.datetime | None):
            thresholds (ThresholdsOut):
            topics (list[TopicOut]):
            window_seconds (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            enabled (bool | Unset):  Default: True.
     """

    alerts: list[AlertOut]
    at: datetime.datetime
    groups: list[GroupLagOut]
    lag_read_at: datetime.datetime | None
    last_error: None | str
    last_error_at: datetime.datetime | None
    thresholds: ThresholdsOut
    topics: list[TopicOut]
    window_seconds: float
    enabled: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alert_out import AlertOut # noqa: PLC0415
        from ..models.group_lag_out import GroupLagOut # noqa: PLC0415
        from ..models.thresholds_out import ThresholdsOut # noqa: PLC0415
        from ..models.topic_out import TopicOut # noqa: PLC0415
        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)



        at = self.at.isoformat()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)



        lag_read_at: None | str
        if isinstance(self.lag_read_at, datetime.datetime):
            lag_read_at = self.lag_read_at.isoformat()
        else:
            lag_read_at = self.lag_read_at

        last_error: None | str
        last_error = self.last_error

        last_error_at: None | str
        if isinstance(self.last_error_at, datetime.datetime):
            last_error_at = self.last_error_at.isoformat()
        else:
            last_error_at = self.last_error_at

        thresholds = self.thresholds.to_dict()

        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.to_dict()
            topics.append(topics_item)



        window_seconds = self.window_seconds

        enabled = self.enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alerts": alerts,
            "at": at,
            "groups": groups,
            "lag_read_at": lag_read_at,
            "last_error": last_error,
            "last_error_at": last_error_at,
            "thresholds": thresholds,
            "topics": topics,
            "window_seconds": window_seconds,
        })
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_out import AlertOut # noqa: PLC0415
        from ..models.group_lag_out import GroupLagOut # noqa: PLC0415
        from ..models.thresholds_out import ThresholdsOut # noqa: PLC0415
        from ..models.topic_out import TopicOut # noqa: PLC0415
        d = dict(src_dict)
        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in (_alerts):
            alerts_item = AlertOut.from_dict(alerts_item_data)



            alerts.append(alerts_item)


        at = datetime.datetime.fromisoformat(d.pop("at"))




        groups = []
        _groups = d.pop("groups")
        for groups_item_data in (_groups):
            groups_item = GroupLagOut.from_dict(groups_item_data)



            groups.append(groups_item)


        def _parse_lag_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lag_read_at_type_0 = datetime.datetime.fromisoformat(data)



                return lag_read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        lag_read_at = _parse_lag_read_at(d.pop("lag_read_at"))


        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        def _parse_last_error_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_error_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_error_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_error_at = _parse_last_error_at(d.pop("last_error_at"))


        thresholds = ThresholdsOut.from_dict(d.pop("thresholds"))




        topics = []
        _topics = d.pop("topics")
        for topics_item_data in (_topics):
            topics_item = TopicOut.from_dict(topics_item_data)



            topics.append(topics_item)


        window_seconds = d.pop("window_seconds")

        enabled = d.pop("enabled", UNSET)

        kafka_report_out = cls(
            alerts=alerts,
            at=at,
            groups=groups,
            lag_read_at=lag_read_at,
            last_error=last_error,
            last_error_at=last_error_at,
            thresholds=thresholds,
            topics=topics,
            window_seconds=window_seconds,
            enabled=enabled,
        )


        kafka_report_out.additional_properties = d
        return kafka_report_out

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
