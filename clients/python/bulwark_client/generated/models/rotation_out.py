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
  from ..models.rotation_out_counts import RotationOutCounts
  from ..models.unreadable_out import UnreadableOut





T = TypeVar("T", bound="RotationOut")



@_attrs_define
class RotationOut:
    """ 
        Attributes:
            counts (RotationOutCounts):
            id (str):
            percent (float | None):
            resumed (list[str]):
            started_at (datetime.datetime):
            started_by (str):
            state (str):
            target (str):
            total (int | None):
            unreadable (list[UnreadableOut]):
            error (None | str | Unset):
            finished_at (datetime.datetime | None | Unset):
     """

    counts: RotationOutCounts
    id: str
    percent: float | None
    resumed: list[str]
    started_at: datetime.datetime
    started_by: str
    state: str
    target: str
    total: int | None
    unreadable: list[UnreadableOut]
    error: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rotation_out_counts import RotationOutCounts # noqa: PLC0415
        from ..models.unreadable_out import UnreadableOut # noqa: PLC0415
        counts = self.counts.to_dict()

        id = self.id

        percent: float | None
        percent = self.percent

        resumed = self.resumed



        started_at = self.started_at.isoformat()

        started_by = self.started_by

        state = self.state

        target = self.target

        total: int | None
        total = self.total

        unreadable = []
        for unreadable_item_data in self.unreadable:
            unreadable_item = unreadable_item_data.to_dict()
            unreadable.append(unreadable_item)



        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "counts": counts,
            "id": id,
            "percent": percent,
            "resumed": resumed,
            "started_at": started_at,
            "started_by": started_by,
            "state": state,
            "target": target,
            "total": total,
            "unreadable": unreadable,
        })
        if error is not UNSET:
            field_dict["error"] = error
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rotation_out_counts import RotationOutCounts # noqa: PLC0415
        from ..models.unreadable_out import UnreadableOut # noqa: PLC0415
        d = dict(src_dict)
        counts = RotationOutCounts.from_dict(d.pop("counts"))




        id = d.pop("id")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))


        resumed = cast(list[str], d.pop("resumed"))


        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        started_by = d.pop("started_by")

        state = d.pop("state")

        target = d.pop("target")

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))


        unreadable = []
        _unreadable = d.pop("unreadable")
        for unreadable_item_data in (_unreadable):
            unreadable_item = UnreadableOut.from_dict(unreadable_item_data)



            unreadable.append(unreadable_item)


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))


        rotation_out = cls(
            counts=counts,
            id=id,
            percent=percent,
            resumed=resumed,
            started_at=started_at,
            started_by=started_by,
            state=state,
            target=target,
            total=total,
            unreadable=unreadable,
            error=error,
            finished_at=finished_at,
        )


        rotation_out.additional_properties = d
        return rotation_out

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
