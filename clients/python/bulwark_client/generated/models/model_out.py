from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.model_out_metrics import ModelOutMetrics
  from ..models.tensor_out import TensorOut





T = TypeVar("T", bound="ModelOut")



@_attrs_define
class ModelOut:
    """ 
        Attributes:
            description (str):
            encoder (None | str):
            inputs (list[TensorOut]):
            kind (str):
            labels (list[str]):
            loaded (bool):
            metrics (ModelOutMetrics):
            name (str):
            outputs (list[TensorOut]):
            provider (str):
            sha256 (str):
            version (str):
     """

    description: str
    encoder: None | str
    inputs: list[TensorOut]
    kind: str
    labels: list[str]
    loaded: bool
    metrics: ModelOutMetrics
    name: str
    outputs: list[TensorOut]
    provider: str
    sha256: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.model_out_metrics import ModelOutMetrics # noqa: PLC0415
        from ..models.tensor_out import TensorOut # noqa: PLC0415
        description = self.description

        encoder: None | str
        encoder = self.encoder

        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)



        kind = self.kind

        labels = self.labels



        loaded = self.loaded

        metrics = self.metrics.to_dict()

        name = self.name

        outputs = []
        for outputs_item_data in self.outputs:
            outputs_item = outputs_item_data.to_dict()
            outputs.append(outputs_item)



        provider = self.provider

        sha256 = self.sha256

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "encoder": encoder,
            "inputs": inputs,
            "kind": kind,
            "labels": labels,
            "loaded": loaded,
            "metrics": metrics,
            "name": name,
            "outputs": outputs,
            "provider": provider,
            "sha256": sha256,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_out_metrics import ModelOutMetrics # noqa: PLC0415
        from ..models.tensor_out import TensorOut # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        def _parse_encoder(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        encoder = _parse_encoder(d.pop("encoder"))


        inputs = []
        _inputs = d.pop("inputs")
        for inputs_item_data in (_inputs):
            inputs_item = TensorOut.from_dict(inputs_item_data)



            inputs.append(inputs_item)


        kind = d.pop("kind")

        labels = cast(list[str], d.pop("labels"))


        loaded = d.pop("loaded")

        metrics = ModelOutMetrics.from_dict(d.pop("metrics"))




        name = d.pop("name")

        outputs = []
        _outputs = d.pop("outputs")
        for outputs_item_data in (_outputs):
            outputs_item = TensorOut.from_dict(outputs_item_data)



            outputs.append(outputs_item)


        provider = d.pop("provider")

        sha256 = d.pop("sha256")

        version = d.pop("version")

        model_out = cls(
            description=description,
            encoder=encoder,
            inputs=inputs,
            kind=kind,
            labels=labels,
            loaded=loaded,
            metrics=metrics,
            name=name,
            outputs=outputs,
            provider=provider,
            sha256=sha256,
            version=version,
        )


        model_out.additional_properties = d
        return model_out

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
