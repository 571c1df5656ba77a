from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.giving_cash_room_out import GivingCashRoomOut
  from ..models.giving_suggestion_out_conventions import GivingSuggestionOutConventions





T = TypeVar("T", bound="GivingSuggestionOut")



@_attrs_define
class GivingSuggestionOut:
    """ 
        Attributes:
            alpha (str):
            benchmark_return (str):
            capped (bool):
            conventions (GivingSuggestionOutConventions):
            end (datetime.date | None):
            excess_alpha (str):
            excess_alpha_value (str):
            portfolio_id (None | str):
            portfolio_return (str):
            room (GivingCashRoomOut | None):
            share (str):
            start (datetime.date | None):
            start_value (str):
            suggested (str):
            threshold (str):
     """

    alpha: str
    benchmark_return: str
    capped: bool
    conventions: GivingSuggestionOutConventions
    end: datetime.date | None
    excess_alpha: str
    excess_alpha_value: str
    portfolio_id: None | str
    portfolio_return: str
    room: GivingCashRoomOut | None
    share: str
    start: datetime.date | None
    start_value: str
    suggested: str
    threshold: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.giving_cash_room_out import GivingCashRoomOut # noqa: PLC0415
        from ..models.giving_suggestion_out_conventions import GivingSuggestionOutConventions # noqa: PLC0415
        alpha = self.alpha

        benchmark_return = self.benchmark_return

        capped = self.capped

        conventions = self.conventions.to_dict()

        end: None | str
        if isinstance(self.end, datetime.date):
            end = self.end.isoformat()
        else:
            end = self.end

        excess_alpha = self.excess_alpha

        excess_alpha_value = self.excess_alpha_value

        portfolio_id: None | str
        portfolio_id = self.portfolio_id

        portfolio_return = self.portfolio_return

        room: dict[str, Any] | None
        if isinstance(self.room, GivingCashRoomOut):
            room = self.room.to_dict()
        else:
            room = self.room

        share = self.share

        start: None | str
        if isinstance(self.start, datetime.date):
            start = self.start.isoformat()
        else:
            start = self.start

        start_value = self.start_value

        suggested = self.suggested

        threshold = self.threshold


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alpha": alpha,
            "benchmark_return": benchmark_return,
            "capped": capped,
            "conventions": conventions,
            "end": end,
            "excess_alpha": excess_alpha,
            "excess_alpha_value": excess_alpha_value,
            "portfolio_id": portfolio_id,
            "portfolio_return": portfolio_return,
            "room": room,
            "share": share,
            "start": start,
            "start_value": start_value,
            "suggested": suggested,
            "threshold": threshold,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.giving_cash_room_out import GivingCashRoomOut # noqa: PLC0415
        from ..models.giving_suggestion_out_conventions import GivingSuggestionOutConventions # noqa: PLC0415
        d = dict(src_dict)
        alpha = d.pop("alpha")

        benchmark_return = d.pop("benchmark_return")

        capped = d.pop("capped")

        conventions = GivingSuggestionOutConventions.from_dict(d.pop("conventions"))




        def _parse_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_type_0 = datetime.date.fromisoformat(data)



                return end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end = _parse_end(d.pop("end"))


        excess_alpha = d.pop("excess_alpha")

        excess_alpha_value = d.pop("excess_alpha_value")

        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        portfolio_return = d.pop("portfolio_return")

        def _parse_room(data: object) -> GivingCashRoomOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                room_type_0 = GivingCashRoomOut.from_dict(data)



                return room_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GivingCashRoomOut | None, data)

        room = _parse_room(d.pop("room"))


        share = d.pop("share")

        def _parse_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = datetime.date.fromisoformat(data)



                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start = _parse_start(d.pop("start"))


        start_value = d.pop("start_value")

        suggested = d.pop("suggested")

        threshold = d.pop("threshold")

        giving_suggestion_out = cls(
            alpha=alpha,
            benchmark_return=benchmark_return,
            capped=capped,
            conventions=conventions,
            end=end,
            excess_alpha=excess_alpha,
            excess_alpha_value=excess_alpha_value,
            portfolio_id=portfolio_id,
            portfolio_return=portfolio_return,
            room=room,
            share=share,
            start=start,
            start_value=start_value,
            suggested=suggested,
            threshold=threshold,
        )


        giving_suggestion_out.additional_properties = d
        return giving_suggestion_out

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
