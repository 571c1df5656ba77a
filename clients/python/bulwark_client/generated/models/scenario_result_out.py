from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.position_pnl_out import PositionPnlOut
  from ..models.recovery_out import RecoveryOut
  from ..models.replay_out import ReplayOut
  from ..models.scenario_result_out_by_factor import ScenarioResultOutByFactor
  from ..models.scenario_result_out_shocks import ScenarioResultOutShocks





T = TypeVar("T", bound="ScenarioResultOut")



@_attrs_define
class ScenarioResultOut:
    """ 
        Attributes:
            by_factor (ScenarioResultOutByFactor):
            core_pnl (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            given (list[str]):
            hedge_pnl (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            hedge_sufficiency (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mahalanobis (float | None):
            name (str):
            pnl (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places, rounded
                half-even, never in exponent notation
            pnl_fraction (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            recovery (None | RecoveryOut):
            replay (None | ReplayOut):
            shocks (ScenarioResultOutShocks):
            worst_positions (list[PositionPnlOut]):
     """

    by_factor: ScenarioResultOutByFactor
    core_pnl: str
    given: list[str]
    hedge_pnl: str
    hedge_sufficiency: float
    mahalanobis: float | None
    name: str
    pnl: str
    pnl_fraction: float
    recovery: None | RecoveryOut
    replay: None | ReplayOut
    shocks: ScenarioResultOutShocks
    worst_positions: list[PositionPnlOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.position_pnl_out import PositionPnlOut # noqa: PLC0415
        from ..models.recovery_out import RecoveryOut # noqa: PLC0415
        from ..models.replay_out import ReplayOut # noqa: PLC0415
        from ..models.scenario_result_out_by_factor import ScenarioResultOutByFactor # noqa: PLC0415
        from ..models.scenario_result_out_shocks import ScenarioResultOutShocks # noqa: PLC0415
        by_factor = self.by_factor.to_dict()

        core_pnl = self.core_pnl

        given = self.given



        hedge_pnl = self.hedge_pnl

        hedge_sufficiency = self.hedge_sufficiency

        mahalanobis: float | None
        mahalanobis = self.mahalanobis

        name = self.name

        pnl = self.pnl

        pnl_fraction = self.pnl_fraction

        recovery: dict[str, Any] | None
        if isinstance(self.recovery, RecoveryOut):
            recovery = self.recovery.to_dict()
        else:
            recovery = self.recovery

        replay: dict[str, Any] | None
        if isinstance(self.replay, ReplayOut):
            replay = self.replay.to_dict()
        else:
            replay = self.replay

        shocks = self.shocks.to_dict()

        worst_positions = []
        for worst_positions_item_data in self.worst_positions:
            worst_positions_item = worst_positions_item_data.to_dict()
            worst_positions.append(worst_positions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_factor": by_factor,
            "core_pnl": core_pnl,
            "given": given,
            "hedge_pnl": hedge_pnl,
            "hedge_sufficiency": hedge_sufficiency,
            "mahalanobis": mahalanobis,
            "name": name,
            "pnl": pnl,
            "pnl_fraction": pnl_fraction,
            "recovery": recovery,
            "replay": replay,
            "shocks": shocks,
            "worst_positions": worst_positions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position_pnl_out import PositionPnlOut # noqa: PLC0415
        from ..models.recovery_out import RecoveryOut # noqa: PLC0415
        from ..models.replay_out import ReplayOut # noqa: PLC0415
        from ..models.scenario_result_out_by_factor import ScenarioResultOutByFactor # noqa: PLC0415
        from ..models.scenario_result_out_shocks import ScenarioResultOutShocks # noqa: PLC0415
        d = dict(src_dict)
        by_factor = ScenarioResultOutByFactor.from_dict(d.pop("by_factor"))




        core_pnl = d.pop("core_pnl")

        given = cast(list[str], d.pop("given"))


        hedge_pnl = d.pop("hedge_pnl")

        hedge_sufficiency = d.pop("hedge_sufficiency")

        def _parse_mahalanobis(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mahalanobis = _parse_mahalanobis(d.pop("mahalanobis"))


        name = d.pop("name")

        pnl = d.pop("pnl")

        pnl_fraction = d.pop("pnl_fraction")

        def _parse_recovery(data: object) -> None | RecoveryOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recovery_type_0 = RecoveryOut.from_dict(data)



                return recovery_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecoveryOut, data)

        recovery = _parse_recovery(d.pop("recovery"))


        def _parse_replay(data: object) -> None | ReplayOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                replay_type_0 = ReplayOut.from_dict(data)



                return replay_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReplayOut, data)

        replay = _parse_replay(d.pop("replay"))


        shocks = ScenarioResultOutShocks.from_dict(d.pop("shocks"))




        worst_positions = []
        _worst_positions = d.pop("worst_positions")
        for worst_positions_item_data in (_worst_positions):
            worst_positions_item = PositionPnlOut.from_dict(worst_positions_item_data)



            worst_positions.append(worst_positions_item)


        scenario_result_out = cls(
            by_factor=by_factor,
            core_pnl=core_pnl,
            given=given,
            hedge_pnl=hedge_pnl,
            hedge_sufficiency=hedge_sufficiency,
            mahalanobis=mahalanobis,
            name=name,
            pnl=pnl,
            pnl_fraction=pnl_fraction,
            recovery=recovery,
            replay=replay,
            shocks=shocks,
            worst_positions=worst_positions,
        )


        scenario_result_out.additional_properties = d
        return scenario_result_out

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
