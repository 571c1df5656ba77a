from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.signal_out_details import SignalOutDetails





T = TypeVar("T", bound="SignalOut")



@_attrs_define
class SignalOut:
    """ 
        Attributes:
            at (datetime.datetime):
            created_at (datetime.datetime):
            details (SignalOutDetails):
            direction (str):
            id (str):
            pattern (str):
            reason (str):
            score (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            symbol (str):
            timeframe (str):
     """

    at: datetime.datetime
    created_at: datetime.datetime
    details: SignalOutDetails
    direction: str
    id: str
    pattern: str
    reason: str
    score: float
    symbol: str
    timeframe: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.signal_out_details import SignalOutDetails # noqa: PLC0415
        at = self.at.isoformat()

        created_at = self.created_at.isoformat()

        details = self.details.to_dict()

        direction = self.direction

        id = self.id

        pattern = self.pattern

        reason = self.reason

        score = self.score

        symbol = self.symbol

        timeframe = self.timeframe


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "created_at": created_at,
            "details": details,
            "direction": direction,
            "id": id,
            "pattern": pattern,
            "reason": reason,
            "score": score,
            "symbol": symbol,
            "timeframe": timeframe,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.signal_out_details import SignalOutDetails # noqa: PLC0415
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        details = SignalOutDetails.from_dict(d.pop("details"))




        direction = d.pop("direction")

        id = d.pop("id")

        pattern = d.pop("pattern")

        reason = d.pop("reason")

        score = d.pop("score")

        symbol = d.pop("symbol")

        timeframe = d.pop("timeframe")

        signal_out = cls(
            at=at,
            created_at=created_at,
            details=details,
            direction=direction,
            id=id,
            pattern=pattern,
            reason=reason,
            score=score,
            symbol=symbol,
            timeframe=timeframe,
        )


        signal_out.additional_properties = d
        return signal_out

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
