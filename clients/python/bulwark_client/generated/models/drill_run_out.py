from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.drill_venue_out import DrillVenueOut





T = TypeVar("T", bound="DrillRunOut")



@_attrs_define
class DrillRunOut:
    """ 
        Attributes:
            faults (str):
            finished_at (datetime.datetime):
            flatten (bool):
            id (str):
            kill_switch_event_id (None | str):
            outcome (str):
            reason (str):
            schedule_id (None | str):
            started_at (datetime.datetime):
            target (str):
            time_to_cancel_ms (float | None):
            time_to_flat_ms (float | None):
            time_to_halt_ms (float | None):
            unconfirmed_venues (list[str]):
            venues (list[DrillVenueOut]):
     """

    faults: str
    finished_at: datetime.datetime
    flatten: bool
    id: str
    kill_switch_event_id: None | str
    outcome: str
    reason: str
    schedule_id: None | str
    started_at: datetime.datetime
    target: str
    time_to_cancel_ms: float | None
    time_to_flat_ms: float | None
    time_to_halt_ms: float | None
    unconfirmed_venues: list[str]
    venues: list[DrillVenueOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.drill_venue_out import DrillVenueOut # noqa: PLC0415
        faults = self.faults

        finished_at = self.finished_at.isoformat()

        flatten = self.flatten

        id = self.id

        kill_switch_event_id: None | str
        kill_switch_event_id = self.kill_switch_event_id

        outcome = self.outcome

        reason = self.reason

        schedule_id: None | str
        schedule_id = self.schedule_id

        started_at = self.started_at.isoformat()

        target = self.target

        time_to_cancel_ms: float | None
        time_to_cancel_ms = self.time_to_cancel_ms

        time_to_flat_ms: float | None
        time_to_flat_ms = self.time_to_flat_ms

        time_to_halt_ms: float | None
        time_to_halt_ms = self.time_to_halt_ms

        unconfirmed_venues = self.unconfirmed_venues



        venues = []
        for venues_item_data in self.venues:
            venues_item = venues_item_data.to_dict()
            venues.append(venues_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "faults": faults,
            "finished_at": finished_at,
            "flatten": flatten,
            "id": id,
            "kill_switch_event_id": kill_switch_event_id,
            "outcome": outcome,
            "reason": reason,
            "schedule_id": schedule_id,
            "started_at": started_at,
            "target": target,
            "time_to_cancel_ms": time_to_cancel_ms,
            "time_to_flat_ms": time_to_flat_ms,
            "time_to_halt_ms": time_to_halt_ms,
            "unconfirmed_venues": unconfirmed_venues,
            "venues": venues,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drill_venue_out import DrillVenueOut # noqa: PLC0415
        d = dict(src_dict)
        faults = d.pop("faults")

        finished_at = datetime.datetime.fromisoformat(d.pop("finished_at"))




        flatten = d.pop("flatten")

        id = d.pop("id")

        def _parse_kill_switch_event_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kill_switch_event_id = _parse_kill_switch_event_id(d.pop("kill_switch_event_id"))


        outcome = d.pop("outcome")

        reason = d.pop("reason")

        def _parse_schedule_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        schedule_id = _parse_schedule_id(d.pop("schedule_id"))


        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        target = d.pop("target")

        def _parse_time_to_cancel_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        time_to_cancel_ms = _parse_time_to_cancel_ms(d.pop("time_to_cancel_ms"))


        def _parse_time_to_flat_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        time_to_flat_ms = _parse_time_to_flat_ms(d.pop("time_to_flat_ms"))


        def _parse_time_to_halt_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        time_to_halt_ms = _parse_time_to_halt_ms(d.pop("time_to_halt_ms"))


        unconfirmed_venues = cast(list[str], d.pop("unconfirmed_venues"))


        venues = []
        _venues = d.pop("venues")
        for venues_item_data in (_venues):
            venues_item = DrillVenueOut.from_dict(venues_item_data)



            venues.append(venues_item)


        drill_run_out = cls(
            faults=faults,
            finished_at=finished_at,
            flatten=flatten,
            id=id,
            kill_switch_event_id=kill_switch_event_id,
            outcome=outcome,
            reason=reason,
            schedule_id=schedule_id,
            started_at=started_at,
            target=target,
            time_to_cancel_ms=time_to_cancel_ms,
            time_to_flat_ms=time_to_flat_ms,
            time_to_halt_ms=time_to_halt_ms,
            unconfirmed_venues=unconfirmed_venues,
            venues=venues,
        )


        drill_run_out.additional_properties = d
        return drill_run_out

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
