from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AlertOut")



@_attrs_define
class AlertOut:
    """ 
        Attributes:
            kind (str):
            since (datetime.datetime):
            subject (str):
            threshold (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            value (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    kind: str
    since: datetime.datetime
    subject: str
    threshold: float
    value: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        since = self.since.isoformat()

        subject = self.subject

        threshold = self.threshold

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "since": since,
            "subject": subject,
            "threshold": threshold,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        since = datetime.datetime.fromisoformat(d.pop("since"))




        subject = d.pop("subject")

        threshold = d.pop("threshold")

        value = d.pop("value")

        alert_out = cls(
            kind=kind,
            since=since,
            subject=subject,
            threshold=threshold,
            value=value,
        )


        alert_out.additional_properties = d
        return alert_out

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
