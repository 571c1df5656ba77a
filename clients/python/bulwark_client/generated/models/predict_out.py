from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.predict_out_outputs import PredictOutOutputs





T = TypeVar("T", bound="PredictOut")



@_attrs_define
class PredictOut:
    """ 
        Attributes:
            model (str):
            outputs (PredictOutOutputs):
     """

    model: str
    outputs: PredictOutOutputs
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.predict_out_outputs import PredictOutOutputs # noqa: PLC0415
        model = self.model

        outputs = self.outputs.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "model": model,
            "outputs": outputs,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.predict_out_outputs import PredictOutOutputs # noqa: PLC0415
        d = dict(src_dict)
        model = d.pop("model")

        outputs = PredictOutOutputs.from_dict(d.pop("outputs"))




        predict_out = cls(
            model=model,
            outputs=outputs,
        )


        predict_out.additional_properties = d
        return predict_out

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
