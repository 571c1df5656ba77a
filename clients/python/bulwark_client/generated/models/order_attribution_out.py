from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OrderAttributionOut")



@_attrs_define
class OrderAttributionOut:
    """ 
        Attributes:
            channel (str):
            client_id (str):
            responsible_id (str):
            agent_id (None | str | Unset):
            algorithm (None | str | Unset):
            algorithm_version (None | str | Unset):
            strategy_id (None | str | Unset):
     """

    channel: str
    client_id: str
    responsible_id: str
    agent_id: None | str | Unset = UNSET
    algorithm: None | str | Unset = UNSET
    algorithm_version: None | str | Unset = UNSET
    strategy_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

        client_id = self.client_id

        responsible_id = self.responsible_id

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        algorithm: None | str | Unset
        if isinstance(self.algorithm, Unset):
            algorithm = UNSET
        else:
            algorithm = self.algorithm

        algorithm_version: None | str | Unset
        if isinstance(self.algorithm_version, Unset):
            algorithm_version = UNSET
        else:
            algorithm_version = self.algorithm_version

        strategy_id: None | str | Unset
        if isinstance(self.strategy_id, Unset):
            strategy_id = UNSET
        else:
            strategy_id = self.strategy_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "channel": channel,
            "client_id": client_id,
            "responsible_id": responsible_id,
        })
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if algorithm is not UNSET:
            field_dict["algorithm"] = algorithm
        if algorithm_version is not UNSET:
            field_dict["algorithm_version"] = algorithm_version
        if strategy_id is not UNSET:
            field_dict["strategy_id"] = strategy_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = d.pop("channel")

        client_id = d.pop("client_id")

        responsible_id = d.pop("responsible_id")

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))


        def _parse_algorithm(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        algorithm = _parse_algorithm(d.pop("algorithm", UNSET))


        def _parse_algorithm_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        algorithm_version = _parse_algorithm_version(d.pop("algorithm_version", UNSET))


        def _parse_strategy_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id", UNSET))


        order_attribution_out = cls(
            channel=channel,
            client_id=client_id,
            responsible_id=responsible_id,
            agent_id=agent_id,
            algorithm=algorithm,
            algorithm_version=algorithm_version,
            strategy_id=strategy_id,
        )


        order_attribution_out.additional_properties = d
        return order_attribution_out

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
