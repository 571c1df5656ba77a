from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.fold_out import FoldOut





T = TypeVar("T", bound="SignalModelOut")



@_attrs_define
class SignalModelOut:
    """ 
        Attributes:
            data_hash (str):
            features (list[str]):
            folds (list[FoldOut]):
            horizon_bars (int):
            kind (str):
            mean_hit_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mean_ic (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            name (str):
            onnx_sha256 (str):
            rows (int):
            score_scale (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            symbols (list[str]):
            timeframe (str):
            train_from (datetime.datetime):
            train_to (datetime.datetime):
            trained_at (datetime.datetime):
            version (str):
     """

    data_hash: str
    features: list[str]
    folds: list[FoldOut]
    horizon_bars: int
    kind: str
    mean_hit_rate: float
    mean_ic: float
    name: str
    onnx_sha256: str
    rows: int
    score_scale: float
    symbols: list[str]
    timeframe: str
    train_from: datetime.datetime
    train_to: datetime.datetime
    trained_at: datetime.datetime
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fold_out import FoldOut # noqa: PLC0415
        data_hash = self.data_hash

        features = self.features



        folds = []
        for folds_item_data in self.folds:
            folds_item = folds_item_data.to_dict()
            folds.append(folds_item)



        horizon_bars = self.horizon_bars

        kind = self.kind

        mean_hit_rate = self.mean_hit_rate

        mean_ic = self.mean_ic

        name = self.name

        onnx_sha256 = self.onnx_sha256

        rows = self.rows

        score_scale = self.score_scale

        symbols = self.symbols



        timeframe = self.timeframe

        train_from = self.train_from.isoformat()

        train_to = self.train_to.isoformat()

        trained_at = self.trained_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data_hash": data_hash,
            "features": features,
            "folds": folds,
            "horizon_bars": horizon_bars,
            "kind": kind,
            "mean_hit_rate": mean_hit_rate,
            "mean_ic": mean_ic,
            "name": name,
            "onnx_sha256": onnx_sha256,
            "rows": rows,
            "score_scale": score_scale,
            "symbols": symbols,
            "timeframe": timeframe,
            "train_from": train_from,
            "train_to": train_to,
            "trained_at": trained_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fold_out import FoldOut # noqa: PLC0415
        d = dict(src_dict)
        data_hash = d.pop("data_hash")

        features = cast(list[str], d.pop("features"))


        folds = []
        _folds = d.pop("folds")
        for folds_item_data in (_folds):
            folds_item = FoldOut.from_dict(folds_item_data)



            folds.append(folds_item)


        horizon_bars = d.pop("horizon_bars")

        kind = d.pop("kind")

        mean_hit_rate = d.pop("mean_hit_rate")

        mean_ic = d.pop("mean_ic")

        name = d.pop("name")

        onnx_sha256 = d.pop("onnx_sha256")

        rows = d.pop("rows")

        score_scale = d.pop("score_scale")

        symbols = cast(list[str], d.pop("symbols"))


        timeframe = d.pop("timeframe")

        train_from = datetime.datetime.fromisoformat(d.pop("train_from"))




        train_to = datetime.datetime.fromisoformat(d.pop("train_to"))




        trained_at = datetime.datetime.fromisoformat(d.pop("trained_at"))




        version = d.pop("version")

        signal_model_out = cls(
            data_hash=data_hash,
            features=features,
            folds=folds,
            horizon_bars=horizon_bars,
            kind=kind,
            mean_hit_rate=mean_hit_rate,
            mean_ic=mean_ic,
            name=name,
            onnx_sha256=onnx_sha256,
            rows=rows,
            score_scale=score_scale,
            symbols=symbols,
            timeframe=timeframe,
            train_from=train_from,
            train_to=train_to,
            trained_at=trained_at,
            version=version,
        )


        signal_model_out.additional_properties = d
        return signal_model_out

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
