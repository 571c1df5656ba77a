from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.stored_attribution_in_linking import StoredAttributionInLinking
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.benchmark_constituent_in import BenchmarkConstituentIn
  from ..models.stored_attribution_in_factors import StoredAttributionInFactors





T = TypeVar("T", bound="StoredAttributionIn")



@_attrs_define
class StoredAttributionIn:
    """ 
        Attributes:
            benchmark (list[BenchmarkConstituentIn]):
            boundaries (list[datetime.date]): Period boundaries d_0 < d_1 < ... <= today; period i is d_i..d_i+1
            factors (StoredAttributionInFactors | Unset): Factor returns (fractions), one per period
            linking (StoredAttributionInLinking | Unset):  Default: StoredAttributionInLinking.CARINO.
     """

    benchmark: list[BenchmarkConstituentIn]
    boundaries: list[datetime.date]
    factors: StoredAttributionInFactors | Unset = UNSET
    linking: StoredAttributionInLinking | Unset = StoredAttributionInLinking.CARINO
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.benchmark_constituent_in import BenchmarkConstituentIn # noqa: PLC0415
        from ..models.stored_attribution_in_factors import StoredAttributionInFactors # noqa: PLC0415
        benchmark = []
        for benchmark_item_data in self.benchmark:
            benchmark_item = benchmark_item_data.to_dict()
            benchmark.append(benchmark_item)



        boundaries = []
        for boundaries_item_data in self.boundaries:
            boundaries_item = boundaries_item_data.isoformat()
            boundaries.append(boundaries_item)



        factors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.factors, Unset):
            factors = self.factors.to_dict()

        linking: str | Unset = UNSET
        if not isinstance(self.linking, Unset):
            linking = self.linking.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "benchmark": benchmark,
            "boundaries": boundaries,
        })
        if factors is not UNSET:
            field_dict["factors"] = factors
        if linking is not UNSET:
            field_dict["linking"] = linking

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benchmark_constituent_in import BenchmarkConstituentIn # noqa: PLC0415
        from ..models.stored_attribution_in_factors import StoredAttributionInFactors # noqa: PLC0415
        d = dict(src_dict)
        benchmark = []
        _benchmark = d.pop("benchmark")
        for benchmark_item_data in (_benchmark):
            benchmark_item = BenchmarkConstituentIn.from_dict(benchmark_item_data)



            benchmark.append(benchmark_item)


        boundaries = []
        _boundaries = d.pop("boundaries")
        for boundaries_item_data in (_boundaries):
            boundaries_item = datetime.date.fromisoformat(boundaries_item_data)



            boundaries.append(boundaries_item)


        _factors = d.pop("factors", UNSET)
        factors: StoredAttributionInFactors | Unset
        if isinstance(_factors,  Unset):
            factors = UNSET
        else:
            factors = StoredAttributionInFactors.from_dict(_factors)




        _linking = d.pop("linking", UNSET)
        linking: StoredAttributionInLinking | Unset
        if isinstance(_linking,  Unset):
            linking = UNSET
        else:
            linking = StoredAttributionInLinking(_linking)




        stored_attribution_in = cls(
            benchmark=benchmark,
            boundaries=boundaries,
            factors=factors,
            linking=linking,
        )


        stored_attribution_in.additional_properties = d
        return stored_attribution_in

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
