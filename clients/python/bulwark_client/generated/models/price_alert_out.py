from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PriceAlertOut")



@_attrs_define
class PriceAlertOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            direction (str):
            fired_count (int):
            hysteresis (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            id (str):
            last_fired_at (datetime.datetime | None):
            last_price (None | str):
            mode (str):
            note (str):
            state (str):
            symbol (str):
            threshold (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
     """

    created_at: datetime.datetime
    direction: str
    fired_count: int
    hysteresis: str
    id: str
    last_fired_at: datetime.datetime | None
    last_price: None | str
    mode: str
    note: str
    state: str
    symbol: str
    threshold: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        direction = self.direction

        fired_count = self.fired_count

        hysteresis = self.hysteresis

        id = self.id

        last_fired_at: None | str
        if isinstance(self.last_fired_at, datetime.datetime):
            last_fired_at = self.last_fired_at.isoformat()
        else:
            last_fired_at = self.last_fired_at

        last_price: None | str
        last_price = self.last_price

        mode = self.mode

        note = self.note

        state = self.state

        symbol = self.symbol

        threshold = self.threshold


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "direction": direction,
            "fired_count": fired_count,
            "hysteresis": hysteresis,
            "id": id,
            "last_fired_at": last_fired_at,
            "last_price": last_price,
            "mode": mode,
            "note": note,
            "state": state,
            "symbol": symbol,
            "threshold": threshold,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        direction = d.pop("direction")

        fired_count = d.pop("fired_count")

        hysteresis = d.pop("hysteresis")

        id = d.pop("id")

        def _parse_last_fired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_fired_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_fired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_fired_at = _parse_last_fired_at(d.pop("last_fired_at"))


        def _parse_last_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_price = _parse_last_price(d.pop("last_price"))


        mode = d.pop("mode")

        note = d.pop("note")

        state = d.pop("state")

        symbol = d.pop("symbol")

        threshold = d.pop("threshold")

        price_alert_out = cls(
            created_at=created_at,
            direction=direction,
            fired_count=fired_count,
            hysteresis=hysteresis,
            id=id,
            last_fired_at=last_fired_at,
            last_price=last_price,
            mode=mode,
            note=note,
            state=state,
            symbol=symbol,
            threshold=threshold,
        )


        price_alert_out.additional_properties = d
        return price_alert_out

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
