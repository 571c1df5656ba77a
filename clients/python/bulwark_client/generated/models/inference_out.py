from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InferenceOut")



@_attrs_define
class InferenceOut:
    """ 
        Attributes:
            batch_size (int):
            device (str):
            encoder (str):
            models (int):
            problems (list[str]):
            provider (str):
            queue_bound (int):
            reason (str):
            runtime (str):
            wait_ms (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    batch_size: int
    device: str
    encoder: str
    models: int
    problems: list[str]
    provider: str
    queue_bound: int
    reason: str
    runtime: str
    wait_ms: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        batch_size = self.batch_size

        device = self.device

        encoder = self.encoder

        models = self.models

        problems = self.problems



        provider = self.provider

        queue_bound = self.queue_bound

        reason = self.reason

        runtime = self.runtime

        wait_ms = self.wait_ms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "batch_size": batch_size,
            "device": device,
            "encoder": encoder,
            "models": models,
            "problems": problems,
            "provider": provider,
            "queue_bound": queue_bound,
            "reason": reason,
            "runtime": runtime,
            "wait_ms": wait_ms,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        batch_size = d.pop("batch_size")

        device = d.pop("device")

        encoder = d.pop("encoder")

        models = d.pop("models")

        problems = cast(list[str], d.pop("problems"))


        provider = d.pop("provider")

        queue_bound = d.pop("queue_bound")

        reason = d.pop("reason")

        runtime = d.pop("runtime")

        wait_ms = d.pop("wait_ms")

        inference_out = cls(
            batch_size=batch_size,
            device=device,
            encoder=encoder,
            models=models,
            problems=problems,
            provider=provider,
            queue_bound=queue_bound,
            reason=reason,
            runtime=runtime,
            wait_ms=wait_ms,
        )


        inference_out.additional_properties = d
        return inference_out

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
