from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.stored_factor_out_betas import StoredFactorOutBetas
  from ..models.stored_factor_out_contributions import StoredFactorOutContributions





T = TypeVar("T", bound="StoredFactorOut")



@_attrs_define
class StoredFactorOut:
    """ 
        Attributes:
            alpha (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            alpha_contribution (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            betas (StoredFactorOutBetas):
            contributions (StoredFactorOutContributions):
            r_squared (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            residual (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            total (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    alpha: float
    alpha_contribution: float
    betas: StoredFactorOutBetas
    contributions: StoredFactorOutContributions
    r_squared: float
    residual: float
    total: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.stored_factor_out_betas import StoredFactorOutBetas # noqa: PLC0415
        from ..models.stored_factor_out_contributions import StoredFactorOutContributions # noqa: PLC0415
        alpha = self.alpha

        alpha_contribution = self.alpha_contribution

        betas = self.betas.to_dict()

        contributions = self.contributions.to_dict()

        r_squared = self.r_squared

        residual = self.residual

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alpha": alpha,
            "alpha_contribution": alpha_contribution,
            "betas": betas,
            "contributions": contributions,
            "r_squared": r_squared,
            "residual": residual,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stored_factor_out_betas import StoredFactorOutBetas # noqa: PLC0415
        from ..models.stored_factor_out_contributions import StoredFactorOutContributions # noqa: PLC0415
        d = dict(src_dict)
        alpha = d.pop("alpha")

        alpha_contribution = d.pop("alpha_contribution")

        betas = StoredFactorOutBetas.from_dict(d.pop("betas"))




        contributions = StoredFactorOutContributions.from_dict(d.pop("contributions"))




        r_squared = d.pop("r_squared")

        residual = d.pop("residual")

        total = d.pop("total")

        stored_factor_out = cls(
            alpha=alpha,
            alpha_contribution=alpha_contribution,
            betas=betas,
            contributions=contributions,
            r_squared=r_squared,
            residual=residual,
            total=total,
        )


        stored_factor_out.additional_properties = d
        return stored_factor_out

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
