from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fear_greed_in_history import FearGreedInHistory
  from ..models.fear_greed_in_inputs import FearGreedInInputs
  from ..models.fear_greed_in_weights_type_0 import FearGreedInWeightsType0





T = TypeVar("T", bound="FearGreedIn")



@_attrs_define
class FearGreedIn:
    """ 
        Attributes:
            inputs (FearGreedInInputs): Raw values by input name, in their units (see conventions)
            history (FearGreedInHistory | Unset): Earlier observations per input, oldest first (at most 2520 each); an input
                with at least min_history of them is ranked by percentile
            weights (FearGreedInWeightsType0 | None | Unset): Each within [0, 1], summing to 1; an input left out weighs 0
                (default: the configured weights)
     """

    inputs: FearGreedInInputs
    history: FearGreedInHistory | Unset = UNSET
    weights: FearGreedInWeightsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fear_greed_in_history import FearGreedInHistory # noqa: PLC0415
        from ..models.fear_greed_in_inputs import FearGreedInInputs # noqa: PLC0415
        from ..models.fear_greed_in_weights_type_0 import FearGreedInWeightsType0 # noqa: PLC0415
        inputs = self.inputs.to_dict()

        history: dict[str, Any] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = self.history.to_dict()

        weights: dict[str, Any] | None | Unset
        if isinstance(self.weights, Unset):
            weights = UNSET
        elif isinstance(self.weights, FearGreedInWeightsType0):
            weights = self.weights.to_dict()
        else:
            weights = self.weights


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "inputs": inputs,
        })
        if history is not UNSET:
            field_dict["history"] = history
        if weights is not UNSET:
            field_dict["weights"] = weights

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fear_greed_in_history import FearGreedInHistory # noqa: PLC0415
        from ..models.fear_greed_in_inputs import FearGreedInInputs # noqa: PLC0415
        from ..models.fear_greed_in_weights_type_0 import FearGreedInWeightsType0 # noqa: PLC0415
        d = dict(src_dict)
        inputs = FearGreedInInputs.from_dict(d.pop("inputs"))




        _history = d.pop("history", UNSET)
        history: FearGreedInHistory | Unset
        if isinstance(_history,  Unset):
            history = UNSET
        else:
            history = FearGreedInHistory.from_dict(_history)




        def _parse_weights(data: object) -> FearGreedInWeightsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                weights_type_0 = FearGreedInWeightsType0.from_dict(data)



                return weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FearGreedInWeightsType0 | None | Unset, data)

        weights = _parse_weights(d.pop("weights", UNSET))


        fear_greed_in = cls(
            inputs=inputs,
            history=history,
            weights=weights,
        )


        fear_greed_in.additional_properties = d
        return fear_greed_in

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
