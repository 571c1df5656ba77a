from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.ks_out import KsOut





T = TypeVar("T", bound="TailFitOut")



@_attrs_define
class TailFitOut:
    """ 
        Attributes:
            fat_tails (bool):
            ks_normal (KsOut):
            ks_student_t (KsOut):
            likelihood_ratio (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            likelihood_ratio_p_value (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            mean (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            observations (int):
            std (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            student_t_dof (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            student_t_loc (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            student_t_scale (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    fat_tails: bool
    ks_normal: KsOut
    ks_student_t: KsOut
    likelihood_ratio: float
    likelihood_ratio_p_value: float
    mean: float
    observations: int
    std: float
    student_t_dof: float
    student_t_loc: float
    student_t_scale: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ks_out import KsOut # noqa: PLC0415
        fat_tails = self.fat_tails

        ks_normal = self.ks_normal.to_dict()

        ks_student_t = self.ks_student_t.to_dict()

        likelihood_ratio = self.likelihood_ratio

        likelihood_ratio_p_value = self.likelihood_ratio_p_value

        mean = self.mean

        observations = self.observations

        std = self.std

        student_t_dof = self.student_t_dof

        student_t_loc = self.student_t_loc

        student_t_scale = self.student_t_scale


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fat_tails": fat_tails,
            "ks_normal": ks_normal,
            "ks_student_t": ks_student_t,
            "likelihood_ratio": likelihood_ratio,
            "likelihood_ratio_p_value": likelihood_ratio_p_value,
            "mean": mean,
            "observations": observations,
            "std": std,
            "student_t_dof": student_t_dof,
            "student_t_loc": student_t_loc,
            "student_t_scale": student_t_scale,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ks_out import KsOut # noqa: PLC0415
        d = dict(src_dict)
        fat_tails = d.pop("fat_tails")

        ks_normal = KsOut.from_dict(d.pop("ks_normal"))




        ks_student_t = KsOut.from_dict(d.pop("ks_student_t"))




        likelihood_ratio = d.pop("likelihood_ratio")

        likelihood_ratio_p_value = d.pop("likelihood_ratio_p_value")

        mean = d.pop("mean")

        observations = d.pop("observations")

        std = d.pop("std")

        student_t_dof = d.pop("student_t_dof")

        student_t_loc = d.pop("student_t_loc")

        student_t_scale = d.pop("student_t_scale")

        tail_fit_out = cls(
            fat_tails=fat_tails,
            ks_normal=ks_normal,
            ks_student_t=ks_student_t,
            likelihood_ratio=likelihood_ratio,
            likelihood_ratio_p_value=likelihood_ratio_p_value,
            mean=mean,
            observations=observations,
            std=std,
            student_t_dof=student_t_dof,
            student_t_loc=student_t_loc,
            student_t_scale=student_t_scale,
        )


        tail_fit_out.additional_properties = d
        return tail_fit_out

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
