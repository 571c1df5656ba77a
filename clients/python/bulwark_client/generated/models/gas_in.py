from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="GasIn")



@_attrs_define
class GasIn:
    """ 
        Attributes:
            at (list[datetime.datetime] | Unset): Up to 200,000 RFC 3339 times with a zone
            blocks (int | Unset): With chain_id: how many blocks Default: 256.
            chain_id (int | None | Unset): Instead of `at` and `gwei`: the chain whose latest blocks' base fees per gas
                (gwei, at the blocks' timestamps) are the series
            gwei (list[float] | Unset): Gas price at each time, gwei, 0 to 1e9
            hours (int | Unset): Cheapest block, hours Default: 1.
            min_samples (int | Unset):  Default: 1.
            threshold (float | Unset): z that spikes Default: 3.0.
            timezone (str | Unset):  Default: 'UTC'.
            window (int | Unset): Observations scored Default: 24.
     """

    at: list[datetime.datetime] | Unset = UNSET
    blocks: int | Unset = 256
    chain_id: int | None | Unset = UNSET
    gwei: list[float] | Unset = UNSET
    hours: int | Unset = 1
    min_samples: int | Unset = 1
    threshold: float | Unset = 3.0
    timezone: str | Unset = 'UTC'
    window: int | Unset = 24
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at: list[str] | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = []
            for at_item_data in self.at:
                at_item = at_item_data.isoformat()
                at.append(at_item)



        blocks = self.blocks

        chain_id: int | None | Unset
        if isinstance(self.chain_id, Unset):
            chain_id = UNSET
        else:
            chain_id = self.chain_id

        gwei: list[float] | Unset = UNSET
        if not isinstance(self.gwei, Unset):
            gwei = self.gwei



        hours = self.hours

        min_samples = self.min_samples

        threshold = self.threshold

        timezone = self.timezone

        window = self.window


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if at is not UNSET:
            field_dict["at"] = at
        if blocks is not UNSET:
            field_dict["blocks"] = blocks
        if chain_id is not UNSET:
            field_dict["chain_id"] = chain_id
        if gwei is not UNSET:
            field_dict["gwei"] = gwei
        if hours is not UNSET:
            field_dict["hours"] = hours
        if min_samples is not UNSET:
            field_dict["min_samples"] = min_samples
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if window is not UNSET:
            field_dict["window"] = window

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _at = d.pop("at", UNSET)
        at: list[datetime.datetime] | Unset = UNSET
        if _at is not UNSET:
            at = []
            for at_item_data in _at:
                at_item = datetime.datetime.fromisoformat(at_item_data)



                at.append(at_item)


        blocks = d.pop("blocks", UNSET)

        def _parse_chain_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        chain_id = _parse_chain_id(d.pop("chain_id", UNSET))


        gwei = cast(list[float], d.pop("gwei", UNSET))


        hours = d.pop("hours", UNSET)

        min_samples = d.pop("min_samples", UNSET)

        threshold = d.pop("threshold", UNSET)

        timezone = d.pop("timezone", UNSET)

        window = d.pop("window", UNSET)

        gas_in = cls(
            at=at,
            blocks=blocks,
            chain_id=chain_id,
            gwei=gwei,
            hours=hours,
            min_samples=min_samples,
            threshold=threshold,
            timezone=timezone,
            window=window,
        )


        gas_in.additional_properties = d
        return gas_in

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
