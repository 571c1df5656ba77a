from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.stored_attribution_out_linked_by_sector import StoredAttributionOutLinkedBySector
  from ..models.stored_effects_out import StoredEffectsOut
  from ..models.stored_factor_out import StoredFactorOut





T = TypeVar("T", bound="StoredAttributionOut")



@_attrs_define
class StoredAttributionOut:
    """ 
        Attributes:
            active_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            benchmark_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            factors (None | StoredFactorOut):
            linked (StoredEffectsOut):
            linked_by_sector (StoredAttributionOutLinkedBySector):
            linking (str):
            model (str):
            period_returns (list[float]):
            portfolio_id (str):
            portfolio_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    active_return: float
    benchmark_return: float
    factors: None | StoredFactorOut
    linked: StoredEffectsOut
    linked_by_sector: StoredAttributionOutLinkedBySector
    linking: str
    model: str
    period_returns: list[float]
    portfolio_id: str
    portfolio_return: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.stored_attribution_out_linked_by_sector import StoredAttributionOutLinkedBySector # noqa: PLC0415
        from ..models.stored_effects_out import StoredEffectsOut # noqa: PLC0415
        from ..models.stored_factor_out import StoredFactorOut # noqa: PLC0415
        active_return = self.active_return

        benchmark_return = self.benchmark_return

        factors: dict[str, Any] | None
        if isinstance(self.factors, StoredFactorOut):
            factors = self.factors.to_dict()
        else:
            factors = self.factors

        linked = self.linked.to_dict()

        linked_by_sector = self.linked_by_sector.to_dict()

        linking = self.linking

        model = self.model

        period_returns = self.period_returns



        portfolio_id = self.portfolio_id

        portfolio_return = self.portfolio_return


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_return": active_return,
            "benchmark_return": benchmark_return,
            "factors": factors,
            "linked": linked,
            "linked_by_sector": linked_by_sector,
            "linking": linking,
            "model": model,
            "period_returns": period_returns,
            "portfolio_id": portfolio_id,
            "portfolio_return": portfolio_return,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stored_attribution_out_linked_by_sector import StoredAttributionOutLinkedBySector # noqa: PLC0415
        from ..models.stored_effects_out import StoredEffectsOut # noqa: PLC0415
        from ..models.stored_factor_out import StoredFactorOut # noqa: PLC0415
        d = dict(src_dict)
        active_return = d.pop("active_return")

        benchmark_return = d.pop("benchmark_return")

        def _parse_factors(data: object) -> None | StoredFactorOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                factors_type_0 = StoredFactorOut.from_dict(data)



                return factors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StoredFactorOut, data)

        factors = _parse_factors(d.pop("factors"))


        linked = StoredEffectsOut.from_dict(d.pop("linked"))




        linked_by_sector = StoredAttributionOutLinkedBySector.from_dict(d.pop("linked_by_sector"))




        linking = d.pop("linking")

        model = d.pop("model")

        period_returns = cast(list[float], d.pop("period_returns"))


        portfolio_id = d.pop("portfolio_id")

        portfolio_return = d.pop("portfolio_return")

        stored_attribution_out = cls(
            active_return=active_return,
            benchmark_return=benchmark_return,
            factors=factors,
            linked=linked,
            linked_by_sector=linked_by_sector,
            linking=linking,
            model=model,
            period_returns=period_returns,
            portfolio_id=portfolio_id,
            portfolio_return=portfolio_return,
        )


        stored_attribution_out.additional_properties = d
        return stored_attribution_out

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
