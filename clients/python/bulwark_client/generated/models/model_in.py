from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.model_in_regimes import ModelInRegimes





T = TypeVar("T", bound="ModelIn")



@_attrs_define
class ModelIn:
    """ 
        Attributes:
            black_swan_probability (float | None | Unset): Chance of at least one a year, in [0, 1)
            black_swan_return (float | None | Unset): Log return of a black swan, e.g. -0.25
            correlation (float | None | Unset): Base pairwise correlation (default 0.3)
            jump_intensity (float | None | Unset): Jumps per year
            jump_mean (float | None | Unset): Mean log jump
            jump_std (float | None | Unset): Std of the log jump
            normal_shocks (bool | Unset): Gaussian shocks, no Student-t Default: False.
            regimes (ModelInRegimes | Unset):
            student_t_dof (float | None | Unset): > 2 (default 5)
            transition (list[list[float]] | None | Unset): Per-step matrix, rows and columns: bull, bear, volatile, stable
     """

    black_swan_probability: float | None | Unset = UNSET
    black_swan_return: float | None | Unset = UNSET
    correlation: float | None | Unset = UNSET
    jump_intensity: float | None | Unset = UNSET
    jump_mean: float | None | Unset = UNSET
    jump_std: float | None | Unset = UNSET
    normal_shocks: bool | Unset = False
    regimes: ModelInRegimes | Unset = UNSET
    student_t_dof: float | None | Unset = UNSET
    transition: list[list[float]] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.model_in_regimes import ModelInRegimes # noqa: PLC0415
        black_swan_probability: float | None | Unset
        if isinstance(self.black_swan_probability, Unset):
            black_swan_probability = UNSET
        else:
            black_swan_probability = self.black_swan_probability

        black_swan_return: float | None | Unset
        if isinstance(self.black_swan_return, Unset):
            black_swan_return = UNSET
        else:
            black_swan_return = self.black_swan_return

        correlation: float | None | Unset
        if isinstance(self.correlation, Unset):
            correlation = UNSET
        else:
            correlation = self.correlation

        jump_intensity: float | None | Unset
        if isinstance(self.jump_intensity, Unset):
            jump_intensity = UNSET
        else:
            jump_intensity = self.jump_intensity

        jump_mean: float | None | Unset
        if isinstance(self.jump_mean, Unset):
            jump_mean = UNSET
        else:
            jump_mean = self.jump_mean

        jump_std: float | None | Unset
        if isinstance(self.jump_std, Unset):
            jump_std = UNSET
        else:
            jump_std = self.jump_std

        normal_shocks = self.normal_shocks

        regimes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.regimes, Unset):
            regimes = self.regimes.to_dict()

        student_t_dof: float | None | Unset
        if isinstance(self.student_t_dof, Unset):
            student_t_dof = UNSET
        else:
            student_t_dof = self.student_t_dof

        transition: list[list[float]] | None | Unset
        if isinstance(self.transition, Unset):
            transition = UNSET
        elif isinstance(self.transition, list):
            transition = []
            for transition_type_0_item_data in self.transition:
                transition_type_0_item = transition_type_0_item_data


                transition.append(transition_type_0_item)


        else:
            transition = self.transition


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if black_swan_probability is not UNSET:
            field_dict["black_swan_probability"] = black_swan_probability
        if black_swan_return is not UNSET:
            field_dict["black_swan_return"] = black_swan_return
        if correlation is not UNSET:
            field_dict["correlation"] = correlation
        if jump_intensity is not UNSET:
            field_dict["jump_intensity"] = jump_intensity
        if jump_mean is not UNSET:
            field_dict["jump_mean"] = jump_mean
        if jump_std is not UNSET:
            field_dict["jump_std"] = jump_std
        if normal_shocks is not UNSET:
            field_dict["normal_shocks"] = normal_shocks
        if regimes is not UNSET:
            field_dict["regimes"] = regimes
        if student_t_dof is not UNSET:
            field_dict["student_t_dof"] = student_t_dof
        if transition is not UNSET:
            field_dict["transition"] = transition

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_in_regimes import ModelInRegimes # noqa: PLC0415
        d = dict(src_dict)
        def _parse_black_swan_probability(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        black_swan_probability = _parse_black_swan_probability(d.pop("black_swan_probability", UNSET))


        def _parse_black_swan_return(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        black_swan_return = _parse_black_swan_return(d.pop("black_swan_return", UNSET))


        def _parse_correlation(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        correlation = _parse_correlation(d.pop("correlation", UNSET))


        def _parse_jump_intensity(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        jump_intensity = _parse_jump_intensity(d.pop("jump_intensity", UNSET))


        def _parse_jump_mean(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        jump_mean = _parse_jump_mean(d.pop("jump_mean", UNSET))


        def _parse_jump_std(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        jump_std = _parse_jump_std(d.pop("jump_std", UNSET))


        normal_shocks = d.pop("normal_shocks", UNSET)

        _regimes = d.pop("regimes", UNSET)
        regimes: ModelInRegimes | Unset
        if isinstance(_regimes,  Unset):
            regimes = UNSET
        else:
            regimes = ModelInRegimes.from_dict(_regimes)




        def _parse_student_t_dof(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        student_t_dof = _parse_student_t_dof(d.pop("student_t_dof", UNSET))


        def _parse_transition(data: object) -> list[list[float]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                transition_type_0 = []
                _transition_type_0 = data
                for transition_type_0_item_data in (_transition_type_0):
                    transition_type_0_item = cast(list[float], transition_type_0_item_data)

                    transition_type_0.append(transition_type_0_item)

                return transition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[float]] | None | Unset, data)

        transition = _parse_transition(d.pop("transition", UNSET))


        model_in = cls(
            black_swan_probability=black_swan_probability,
            black_swan_return=black_swan_return,
            correlation=correlation,
            jump_intensity=jump_intensity,
            jump_mean=jump_mean,
            jump_std=jump_std,
            normal_shocks=normal_shocks,
            regimes=regimes,
            student_t_dof=student_t_dof,
            transition=transition,
        )


        model_in.additional_properties = d
        return model_in

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
