from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.liquidity_day_out import LiquidityDayOut
  from ..models.liquidity_out_conventions import LiquidityOutConventions
  from ..models.liquidity_source_out import LiquiditySourceOut





T = TypeVar("T", bound="LiquidityOut")



@_attrs_define
class LiquidityOut:
    """ 
        Attributes:
            conventions (LiquidityOutConventions):
            coverage (float | None):
            days (list[LiquidityDayOut]):
            days_survived (int):
            first_shortfall_day (int | None):
            total_obligations (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            total_raisable (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            source (LiquiditySourceOut | None | Unset):
     """

    conventions: LiquidityOutConventions
    coverage: float | None
    days: list[LiquidityDayOut]
    days_survived: int
    first_shortfall_day: int | None
    total_obligations: str
    total_raisable: str
    source: LiquiditySourceOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.liquidity_day_out import LiquidityDayOut # noqa: PLC0415
        from ..models.liquidity_out_conventions import LiquidityOutConventions # noqa: PLC0415
        from ..models.liquidity_source_out import LiquiditySourceOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        coverage: float | None
        coverage = self.coverage

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)



        days_survived = self.days_survived

        first_shortfall_day: int | None
        first_shortfall_day = self.first_shortfall_day

        total_obligations = self.total_obligations

        total_raisable = self.total_raisable

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, LiquiditySourceOut):
            source = self.source.to_dict()
        else:
            source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "coverage": coverage,
            "days": days,
            "days_survived": days_survived,
            "first_shortfall_day": first_shortfall_day,
            "total_obligations": total_obligations,
            "total_raisable": total_raisable,
        })
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.liquidity_day_out import LiquidityDayOut # noqa: PLC0415
        from ..models.liquidity_out_conventions import LiquidityOutConventions # noqa: PLC0415
        from ..models.liquidity_source_out import LiquiditySourceOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = LiquidityOutConventions.from_dict(d.pop("conventions"))




        def _parse_coverage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        coverage = _parse_coverage(d.pop("coverage"))


        days = []
        _days = d.pop("days")
        for days_item_data in (_days):
            days_item = LiquidityDayOut.from_dict(days_item_data)



            days.append(days_item)


        days_survived = d.pop("days_survived")

        def _parse_first_shortfall_day(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        first_shortfall_day = _parse_first_shortfall_day(d.pop("first_shortfall_day"))


        total_obligations = d.pop("total_obligations")

        total_raisable = d.pop("total_raisable")

        def _parse_source(data: object) -> LiquiditySourceOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = LiquiditySourceOut.from_dict(data)



                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LiquiditySourceOut | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        liquidity_out = cls(
            conventions=conventions,
            coverage=coverage,
            days=days,
            days_survived=days_survived,
            first_shortfall_day=first_shortfall_day,
            total_obligations=total_obligations,
            total_raisable=total_raisable,
            source=source,
        )


        liquidity_out.additional_properties = d
        return liquidity_out

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
