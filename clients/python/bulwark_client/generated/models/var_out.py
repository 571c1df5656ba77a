from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.var_out_source import VarOutSource
from ..models.var_out_unit import VarOutUnit
from typing import cast

if TYPE_CHECKING:
  from ..models.hill_out import HillOut
  from ..models.moments_out import MomentsOut
  from ..models.risk_row_out import RiskRowOut
  from ..models.var_out_conventions import VarOutConventions





T = TypeVar("T", bound="VarOut")



@_attrs_define
class VarOut:
    """ 
        Attributes:
            account_id (None | str):
            best (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            conventions (VarOutConventions):
            horizon_days (int):
            moments (MomentsOut):
            observations (int):
            portfolio_value (None | str):
            risk (list[RiskRowOut]):
            source (VarOutSource):
            tail_index (HillOut | None):
            unit (VarOutUnit):
            worst (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    account_id: None | str
    best: float
    conventions: VarOutConventions
    horizon_days: int
    moments: MomentsOut
    observations: int
    portfolio_value: None | str
    risk: list[RiskRowOut]
    source: VarOutSource
    tail_index: HillOut | None
    unit: VarOutUnit
    worst: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.hill_out import HillOut # noqa: PLC0415
        from ..models.moments_out import MomentsOut # noqa: PLC0415
        from ..models.risk_row_out import RiskRowOut # noqa: PLC0415
        from ..models.var_out_conventions import VarOutConventions # noqa: PLC0415
        account_id: None | str
        account_id = self.account_id

        best = self.best

        conventions = self.conventions.to_dict()

        horizon_days = self.horizon_days

        moments = self.moments.to_dict()

        observations = self.observations

        portfolio_value: None | str
        portfolio_value = self.portfolio_value

        risk = []
        for risk_item_data in self.risk:
            risk_item = risk_item_data.to_dict()
            risk.append(risk_item)



        source = self.source.value

        tail_index: dict[str, Any] | None
        if isinstance(self.tail_index, HillOut):
            tail_index = self.tail_index.to_dict()
        else:
            tail_index = self.tail_index

        unit = self.unit.value

        worst = self.worst


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "best": best,
            "conventions": conventions,
            "horizon_days": horizon_days,
            "moments": moments,
            "observations": observations,
            "portfolio_value": portfolio_value,
            "risk": risk,
            "source": source,
            "tail_index": tail_index,
            "unit": unit,
            "worst": worst,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hill_out import HillOut # noqa: PLC0415
        from ..models.moments_out import MomentsOut # noqa: PLC0415
        from ..models.risk_row_out import RiskRowOut # noqa: PLC0415
        from ..models.var_out_conventions import VarOutConventions # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        best = d.pop("best")

        conventions = VarOutConventions.from_dict(d.pop("conventions"))




        horizon_days = d.pop("horizon_days")

        moments = MomentsOut.from_dict(d.pop("moments"))




        observations = d.pop("observations")

        def _parse_portfolio_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_value = _parse_portfolio_value(d.pop("portfolio_value"))


        risk = []
        _risk = d.pop("risk")
        for risk_item_data in (_risk):
            risk_item = RiskRowOut.from_dict(risk_item_data)



            risk.append(risk_item)


        source = VarOutSource(d.pop("source"))




        def _parse_tail_index(data: object) -> HillOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tail_index_type_0 = HillOut.from_dict(data)



                return tail_index_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HillOut | None, data)

        tail_index = _parse_tail_index(d.pop("tail_index"))


        unit = VarOutUnit(d.pop("unit"))




        worst = d.pop("worst")

        var_out = cls(
            account_id=account_id,
            best=best,
            conventions=conventions,
            horizon_days=horizon_days,
            moments=moments,
            observations=observations,
            portfolio_value=portfolio_value,
            risk=risk,
            source=source,
            tail_index=tail_index,
            unit=unit,
            worst=worst,
        )


        var_out.additional_properties = d
        return var_out

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
