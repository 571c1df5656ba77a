from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.fitted_weight_out import FittedWeightOut
  from ..models.left_out_security_out import LeftOutSecurityOut





T = TypeVar("T", bound="HistoryFitOut")



@_attrs_define
class HistoryFitOut:
    """ 
        Attributes:
            first_day (datetime.date):
            held_in (list[str]): The sources the fitted securities are held in
            last_day (datetime.date):
            left_out (list[LeftOutSecurityOut]): Held securities not fitted, and why
            min_observations (int): At least this many
            observations (int): Daily log returns fitted
            source (str):
            symbols (list[str]):
            weights (list[FittedWeightOut]): Each fitted security's weight
            window (int): At most this many daily returns
     """

    first_day: datetime.date
    held_in: list[str]
    last_day: datetime.date
    left_out: list[LeftOutSecurityOut]
    min_observations: int
    observations: int
    source: str
    symbols: list[str]
    weights: list[FittedWeightOut]
    window: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fitted_weight_out import FittedWeightOut # noqa: PLC0415
        from ..models.left_out_security_out import LeftOutSecurityOut # noqa: PLC0415
        first_day = self.first_day.isoformat()

        held_in = self.held_in



        last_day = self.last_day.isoformat()

        left_out = []
        for left_out_item_data in self.left_out:
            left_out_item = left_out_item_data.to_dict()
            left_out.append(left_out_item)



        min_observations = self.min_observations

        observations = self.observations

        source = self.source

        symbols = self.symbols



        weights = []
        for weights_item_data in self.weights:
            weights_item = weights_item_data.to_dict()
            weights.append(weights_item)



        window = self.window


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "first_day": first_day,
            "held_in": held_in,
            "last_day": last_day,
            "left_out": left_out,
            "min_observations": min_observations,
            "observations": observations,
            "source": source,
            "symbols": symbols,
            "weights": weights,
            "window": window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fitted_weight_out import FittedWeightOut # noqa: PLC0415
        from ..models.left_out_security_out import LeftOutSecurityOut # noqa: PLC0415
        d = dict(src_dict)
        first_day = datetime.date.fromisoformat(d.pop("first_day"))




        held_in = cast(list[str], d.pop("held_in"))


        last_day = datetime.date.fromisoformat(d.pop("last_day"))




        left_out = []
        _left_out = d.pop("left_out")
        for left_out_item_data in (_left_out):
            left_out_item = LeftOutSecurityOut.from_dict(left_out_item_data)



            left_out.append(left_out_item)


        min_observations = d.pop("min_observations")

        observations = d.pop("observations")

        source = d.pop("source")

        symbols = cast(list[str], d.pop("symbols"))


        weights = []
        _weights = d.pop("weights")
        for weights_item_data in (_weights):
            weights_item = FittedWeightOut.from_dict(weights_item_data)



            weights.append(weights_item)


        window = d.pop("window")

        history_fit_out = cls(
            first_day=first_day,
            held_in=held_in,
            last_day=last_day,
            left_out=left_out,
            min_observations=min_observations,
            observations=observations,
            source=source,
            symbols=symbols,
            weights=weights,
            window=window,
        )


        history_fit_out.additional_properties = d
        return history_fit_out

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
