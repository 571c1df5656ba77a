from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.domain_agents_heartbeat_liveness import DomainAgentsHeartbeatLiveness
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AgentOut")



@_attrs_define
class AgentOut:
    """ 
        Attributes:
            account_ids (list[str]):
            agent_id (str):
            declared_dead (bool):
            liveness (DomainAgentsHeartbeatLiveness): An agent's liveness as Bulwark sees it.
            name (str):
            owner_id (str):
            reported_status (str):
            threshold_seconds (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            died_at (datetime.datetime | None | Unset):
            last_heartbeat (datetime.datetime | None | Unset):
            seconds_since_heartbeat (float | None | Unset):
     """

    account_ids: list[str]
    agent_id: str
    declared_dead: bool
    liveness: DomainAgentsHeartbeatLiveness
    name: str
    owner_id: str
    reported_status: str
    threshold_seconds: float
    died_at: datetime.datetime | None | Unset = UNSET
    last_heartbeat: datetime.datetime | None | Unset = UNSET
    seconds_since_heartbeat: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_ids = self.account_ids



        agent_id = self.agent_id

        declared_dead = self.declared_dead

        liveness = self.liveness.value

        name = self.name

        owner_id = self.owner_id

        reported_status = self.reported_status

        threshold_seconds = self.threshold_seconds

        died_at: None | str | Unset
        if isinstance(self.died_at, Unset):
            died_at = UNSET
        elif isinstance(self.died_at, datetime.datetime):
            died_at = self.died_at.isoformat()
        else:
            died_at = self.died_at

        last_heartbeat: None | str | Unset
        if isinstance(self.last_heartbeat, Unset):
            last_heartbeat = UNSET
        elif isinstance(self.last_heartbeat, datetime.datetime):
            last_heartbeat = self.last_heartbeat.isoformat()
        else:
            last_heartbeat = self.last_heartbeat

        seconds_since_heartbeat: float | None | Unset
        if isinstance(self.seconds_since_heartbeat, Unset):
            seconds_since_heartbeat = UNSET
        else:
            seconds_since_heartbeat = self.seconds_since_heartbeat


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_ids": account_ids,
            "agent_id": agent_id,
            "declared_dead": declared_dead,
            "liveness": liveness,
            "name": name,
            "owner_id": owner_id,
            "reported_status": reported_status,
            "threshold_seconds": threshold_seconds,
        })
        if died_at is not UNSET:
            field_dict["died_at"] = died_at
        if last_heartbeat is not UNSET:
            field_dict["last_heartbeat"] = last_heartbeat
        if seconds_since_heartbeat is not UNSET:
            field_dict["seconds_since_heartbeat"] = seconds_since_heartbeat

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_ids = cast(list[str], d.pop("account_ids"))


        agent_id = d.pop("agent_id")

        declared_dead = d.pop("declared_dead")

        liveness = DomainAgentsHeartbeatLiveness(d.pop("liveness"))




        name = d.pop("name")

        owner_id = d.pop("owner_id")

        reported_status = d.pop("reported_status")

        threshold_seconds = d.pop("threshold_seconds")

        def _parse_died_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                died_at_type_0 = datetime.datetime.fromisoformat(data)



                return died_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        died_at = _parse_died_at(d.pop("died_at", UNSET))


        def _parse_last_heartbeat(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_heartbeat_type_0 = datetime.datetime.fromisoformat(data)



                return last_heartbeat_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_heartbeat = _parse_last_heartbeat(d.pop("last_heartbeat", UNSET))


        def _parse_seconds_since_heartbeat(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        seconds_since_heartbeat = _parse_seconds_since_heartbeat(d.pop("seconds_since_heartbeat", UNSET))


        agent_out = cls(
            account_ids=account_ids,
            agent_id=agent_id,
            declared_dead=declared_dead,
            liveness=liveness,
            name=name,
            owner_id=owner_id,
            reported_status=reported_status,
            threshold_seconds=threshold_seconds,
            died_at=died_at,
            last_heartbeat=last_heartbeat,
            seconds_since_heartbeat=seconds_since_heartbeat,
        )


        agent_out.additional_properties = d
        return agent_out

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
