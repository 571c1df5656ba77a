from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.combine import Combine
from ..models.combiner import Combiner
from ..types import UNSET, Unset






T = TypeVar("T", bound="EntryIn")



@_attrs_define
class EntryIn:
    """ 
        Attributes:
            allow_short (bool | Unset):  Default: False.
            combine (Combine | Unset): How a strategy's sources decide.

                    each: every source's signal decides alone (its score against the entry threshold).
                    weighted: the fused score sum(w_i * s_i) over each source's latest reading decides
                    (domain/strategies/fusion.py); a reading counts while it is at most
                    `reading_max_age_hours` old.

            combiner (Combiner | Unset): Where a weighted strategy's weights come from.

                    stated: the sources' own `weight`s (the fused score sum(w_i * s_i), clipped).
                    learned: weights fitted on outcomes, walk-forward (domain/strategies/combiner.py): at every
                    `refit_bars`-th bar a logistic regression of the next bar's direction on the sources'
                    readings over the last `training_bars` bars, the score 2p - 1 of its probability p of a
                    rise. Backtested, evaluated, and run in shadow, paper and live mode with the weights
                    fitted on the symbol's stored daily bars (application/strategies/live_combiner.py).

            min_score (float | Unset):  Default: 0.5.
            reading_max_age_hours (float | Unset):  Default: 24.0.
            refit_bars (int | Unset):  Default: 20.
            training_bars (int | Unset):  Default: 250.
     """

    allow_short: bool | Unset = False
    combine: Combine | Unset = UNSET
    combiner: Combiner | Unset = UNSET
    min_score: float | Unset = 0.5
    reading_max_age_hours: float | Unset = 24.0
    refit_bars: int | Unset = 20
    training_bars: int | Unset = 250
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        allow_short = self.allow_short

        combine: str | Unset = UNSET
        if not isinstance(self.combine, Unset):
            combine = self.combine.value


        combiner: str | Unset = UNSET
        if not isinstance(self.combiner, Unset):
            combiner = self.combiner.value


        min_score = self.min_score

        reading_max_age_hours = self.reading_max_age_hours

        refit_bars = self.refit_bars

        training_bars = self.training_bars


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if allow_short is not UNSET:
            field_dict["allow_short"] = allow_short
        if combine is not UNSET:
            field_dict["combine"] = combine
        if combiner is not UNSET:
            field_dict["combiner"] = combiner
        if min_score is not UNSET:
            field_dict["min_score"] = min_score
        if reading_max_age_hours is not UNSET:
            field_dict["reading_max_age_hours"] = reading_max_age_hours
        if refit_bars is not UNSET:
            field_dict["refit_bars"] = refit_bars
        if training_bars is not UNSET:
            field_dict["training_bars"] = training_bars

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allow_short = d.pop("allow_short", UNSET)

        _combine = d.pop("combine", UNSET)
        combine: Combine | Unset
        if isinstance(_combine,  Unset):
            combine = UNSET
        else:
            combine = Combine(_combine)




        _combiner = d.pop("combiner", UNSET)
        combiner: Combiner | Unset
        if isinstance(_combiner,  Unset):
            combiner = UNSET
        else:
            combiner = Combiner(_combiner)




        min_score = d.pop("min_score", UNSET)

        reading_max_age_hours = d.pop("reading_max_age_hours", UNSET)

        refit_bars = d.pop("refit_bars", UNSET)

        training_bars = d.pop("training_bars", UNSET)

        entry_in = cls(
            allow_short=allow_short,
            combine=combine,
            combiner=combiner,
            min_score=min_score,
            reading_max_age_hours=reading_max_age_hours,
            refit_bars=refit_bars,
            training_bars=training_bars,
        )


        entry_in.additional_properties = d
        return entry_in

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
