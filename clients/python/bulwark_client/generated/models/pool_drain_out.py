from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.pool_drain_alert_out import PoolDrainAlertOut
  from ..models.pool_drain_out_conventions import PoolDrainOutConventions





T = TypeVar("T", bound="PoolDrainOut")



@_attrs_define
class PoolDrainOut:
    """ 
        Attributes:
            alerting (bool):
            alerts (list[PoolDrainAlertOut]):
            conventions (PoolDrainOutConventions):
            latest_drop (str):
            max_drop (str):
            threshold (str):
            window_hours (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    alerting: bool
    alerts: list[PoolDrainAlertOut]
    conventions: PoolDrainOutConventions
    latest_drop: str
    max_drop: str
    threshold: str
    window_hours: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pool_drain_alert_out import PoolDrainAlertOut # noqa: PLC0415
        from ..models.pool_drain_out_conventions import PoolDrainOutConventions # noqa: PLC0415
        alerting = self.alerting

        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)



        conventions = self.conventions.to_dict()

        latest_drop = self.latest_drop

        max_drop = self.max_drop

        threshold = self.threshold

        window_hours = self.window_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alerting": alerting,
            "alerts": alerts,
            "conventions": conventions,
            "latest_drop": latest_drop,
            "max_drop": max_drop,
            "threshold": threshold,
            "window_hours": window_hours,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_drain_alert_out import PoolDrainAlertOut # noqa: PLC0415
        from ..models.pool_drain_out_conventions import PoolDrainOutConventions # noqa: PLC0415
        d = dict(src_dict)
        alerting = d.pop("alerting")

        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in (_alerts):
            alerts_item = PoolDrainAlertOut.from_dict(alerts_item_data)



            alerts.append(alerts_item)


        conventions = PoolDrainOutConventions.from_dict(d.pop("conventions"))




        latest_drop = d.pop("latest_drop")

        max_drop = d.pop("max_drop")

        threshold = d.pop("threshold")

        window_hours = d.pop("window_hours")

        pool_drain_out = cls(
            alerting=alerting,
            alerts=alerts,
            conventions=conventions,
            latest_drop=latest_drop,
            max_drop=max_drop,
            threshold=threshold,
            window_hours=window_hours,
        )


        pool_drain_out.additional_properties = d
        return pool_drain_out

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
