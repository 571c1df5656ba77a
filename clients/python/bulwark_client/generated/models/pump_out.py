from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.pump_out_last_quote_at import PumpOutLastQuoteAt





T = TypeVar("T", bound="PumpOut")



@_attrs_define
class PumpOut:
    """ 
        Attributes:
            error_count (int):
            last_quote_at (PumpOutLastQuoteAt):
            mode (str):
            next_stream_in_seconds (float | None):
            recent_errors (list[str]):
            stream_starts (int):
            symbols (list[str]):
     """

    error_count: int
    last_quote_at: PumpOutLastQuoteAt
    mode: str
    next_stream_in_seconds: float | None
    recent_errors: list[str]
    stream_starts: int
    symbols: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pump_out_last_quote_at import PumpOutLastQuoteAt # noqa: PLC0415
        error_count = self.error_count

        last_quote_at = self.last_quote_at.to_dict()

        mode = self.mode

        next_stream_in_seconds: float | None
        next_stream_in_seconds = self.next_stream_in_seconds

        recent_errors = self.recent_errors



        stream_starts = self.stream_starts

        symbols = self.symbols




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "error_count": error_count,
            "last_quote_at": last_quote_at,
            "mode": mode,
            "next_stream_in_seconds": next_stream_in_seconds,
            "recent_errors": recent_errors,
            "stream_starts": stream_starts,
            "symbols": symbols,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pump_out_last_quote_at import PumpOutLastQuoteAt # noqa: PLC0415
        d = dict(src_dict)
        error_count = d.pop("error_count")

        last_quote_at = PumpOutLastQuoteAt.from_dict(d.pop("last_quote_at"))




        mode = d.pop("mode")

        def _parse_next_stream_in_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        next_stream_in_seconds = _parse_next_stream_in_seconds(d.pop("next_stream_in_seconds"))


        recent_errors = cast(list[str], d.pop("recent_errors"))


        stream_starts = d.pop("stream_starts")

        symbols = cast(list[str], d.pop("symbols"))


        pump_out = cls(
            error_count=error_count,
            last_quote_at=last_quote_at,
            mode=mode,
            next_stream_in_seconds=next_stream_in_seconds,
            recent_errors=recent_errors,
            stream_starts=stream_starts,
            symbols=symbols,
        )


        pump_out.additional_properties = d
        return pump_out

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
